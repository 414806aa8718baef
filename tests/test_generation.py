"""The generated client is exactly what the pinned generator makes from the spec."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
GENERATED = ROOT / "wacht_oauth_client" / "_generated"
GENERATOR_VERSION = "0.29.1"
RUFF_VERSION = "0.17.6"


def generate(spec_root: Path, output: Path) -> subprocess.CompletedProcess[str]:
    """The Makefile's GENERATE command (same flags, pinned ruff first on PATH)."""
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(
        [
            str(BIN / "openapi-python-client"),
            "generate",
            "--path",
            "openapi/wacht-oauth.yaml",
            "--config",
            "generator-config.yaml",
            "--meta",
            "none",
            "--fail-on-warning",
            "--custom-template-path",
            "openapi/templates",
            "--output-path",
            str(output),
        ],
        cwd=spec_root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def tree(root: Path) -> dict[str, bytes]:
    """Relative path -> bytes of every file, ignoring __pycache__."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and "__pycache__" not in path.relative_to(root).parts
    }


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    output = tmp_path / "_generated"
    result = generate(ROOT, output)
    assert result.returncode == 0, result.stdout + result.stderr
    fresh, committed = tree(output), tree(GENERATED)
    assert sorted(fresh) == sorted(committed)
    differing = [name for name in fresh if fresh[name] != committed[name]]
    assert differing == []
    # All 18 operations were generated (a sanity check that the comparison saw real output).
    assert len([n for n in fresh if re.fullmatch(r"api/oauth/(?!__init__)\w+\.py", n)]) == 18
    # The post-hooks run ruff with --no-cache: nothing but code is left behind.
    assert not list(output.rglob(".ruff_cache"))


def test_committed_generated_folder_has_no_tool_leftovers() -> None:
    assert not list(GENERATED.rglob(".ruff_cache"))
    assert not (GENERATED / "pyproject.toml").exists()  # --meta none: a package, not a project


def _copy_project(destination: Path) -> None:
    """Just what `make check-generated` reads, with the real virtualenv symlinked in."""
    (destination / "openapi").mkdir(parents=True)
    shutil.copy2(ROOT / "openapi" / "wacht-oauth.yaml", destination / "openapi")
    shutil.copytree(ROOT / "openapi" / "templates", destination / "openapi" / "templates")
    shutil.copy2(ROOT / "generator-config.yaml", destination)
    shutil.copy2(ROOT / "Makefile", destination)
    shutil.copytree(
        GENERATED,
        destination / "wacht_oauth_client" / "_generated",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    (destination / ".venv").symlink_to(ROOT / ".venv", target_is_directory=True)


def _make_check_generated(project: Path) -> subprocess.CompletedProcess[str]:
    # `-o` marks the install step as up to date: the copy must never pip-install into the venv.
    return subprocess.run(
        ["make", "--no-print-directory", "-o", "install", "-o", ".venv/bin/.installed"]
        + ["check-generated"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_generated_fails_on_a_one_character_edit(tmp_path: Path) -> None:
    project = tmp_path / "project"
    _copy_project(project)

    clean = _make_check_generated(project)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "generated code is up to date" in clean.stdout

    target = (
        project / "wacht_oauth_client" / "_generated" / "api" / "oauth" / "revoke_oauth_grant.py"
    )
    text = target.read_text(encoding="utf-8")
    index = text.index('"post"') + 1
    target.write_text(text[:index] + "P" + text[index + 1 :], encoding="utf-8")  # post -> Post

    drifted = _make_check_generated(project)
    # diff exits 1 on a difference; make reports that recipe status ("Error 1") and exits 2.
    assert drifted.returncode == 2, drifted.stdout + drifted.stderr
    assert re.search(r"\[Makefile:\d+: check-generated\] Error 1", drifted.stderr)
    assert '-        "method": "post",' in drifted.stdout
    assert '+        "method": "Post",' in drifted.stdout
    assert "generated code is up to date" not in drifted.stdout
    # The real tree was not touched.
    assert '"method": "post"' in (GENERATED / "api/oauth/revoke_oauth_grant.py").read_text()


def test_generator_and_ruff_are_the_pinned_versions() -> None:
    version = subprocess.run(
        [str(BIN / "openapi-python-client"), "--version"], capture_output=True, text=True
    )
    assert version.stdout.strip() == f"openapi-python-client version: {GENERATOR_VERSION}"
    ruff = subprocess.run([str(BIN / "ruff"), "--version"], capture_output=True, text=True)
    assert ruff.stdout.strip() == f"ruff {RUFF_VERSION}"

    dev = tomllib.loads((ROOT / "pyproject.toml").read_text())["dependency-groups"]["dev"]
    assert f"openapi-python-client=={GENERATOR_VERSION}" in dev
    assert f"ruff=={RUFF_VERSION}" in dev
    lock = (ROOT / "requirements-dev.lock").read_text().splitlines()
    assert f"openapi-python-client=={GENERATOR_VERSION}" in lock
    assert f"ruff=={RUFF_VERSION}" in lock
