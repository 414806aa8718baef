"""`make dist-check`: build the wheel and sdist, check them, and use the wheel as a user would.

1. `python -m build` into dist/ (without isolation: the pinned setuptools of the dev venv, so the
   build needs no network and is the same every time), then `twine check --strict`.
2. The wheel ships LICENSE, `py.typed` and `Typing :: Typed`, and has no `dev` extra; the sdist is
   the deliberately minimal one (see MANIFEST.in): the package, LICENSE, README, pyproject.
3. A clean virtualenv gets the wheel with `[testing]` (versions held to requirements-dev.lock).
   From there, outside this tree: the docs' cassette recipe (examples/cassette_recipe) replays its
   cassette, and the README's Quick start runs against the emulator started as the README says.
"""

from __future__ import annotations

import email.parser
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
PACKAGE = "wacht_oauth_client"
SDIST_TOP_LEVEL = {"LICENSE", "MANIFEST.in", "PKG-INFO", "README.md", "pyproject.toml", "setup.cfg"}


def run(*command: str | Path, cwd: Path = ROOT) -> None:
    shown = shlex.join(str(c) for c in command)
    print("+", shown, flush=True)
    if subprocess.run([str(c) for c in command], cwd=cwd).returncode:
        fail(f"this failed: {shown}")


def fail(message: str) -> None:
    sys.exit(f"dist-check: {message}")


def check_wheel(wheel: Path) -> set[str]:
    """The wheel's package files, after checking its metadata and contents."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata_name,) = (n for n in names if n.endswith(".dist-info/METADATA"))
        metadata = email.parser.Parser().parsestr(archive.read(metadata_name).decode())
        licenses = [n for n in names if ".dist-info/licenses/" in n]
        if [Path(n).name for n in licenses] != ["LICENSE"]:
            fail(f"the wheel should ship exactly LICENSE, has {licenses}")
        if not archive.read(licenses[0]).startswith(b"MIT License"):
            fail("the wheel's LICENSE is not the MIT license")
    if f"{PACKAGE}/py.typed" not in names:
        fail("the wheel has no py.typed")
    if metadata["License-Expression"] != "MIT":
        fail(f"License-Expression is {metadata['License-Expression']!r}")
    classifiers = set(metadata.get_all("Classifier") or [])
    for wanted in (
        "Typing :: Typed",
        "Framework :: Django",
        "Programming Language :: Python :: 3.11",
    ):
        if wanted not in classifiers:
            fail(f"the wheel lacks the classifier {wanted!r}")
    extras = set(metadata.get_all("Provides-Extra") or [])
    if extras != {"testing", "django", "speedups", "config"}:
        fail(f"the public extras should be testing, django, speedups, config: {sorted(extras)}")
    if f"{PACKAGE}/config.schema.json" not in names:
        fail("the wheel lacks config.schema.json (the configuration file's JSON Schema)")
    requires = metadata.get_all("Requires-Dist") or []
    if not any(r.startswith("pytest-recording") and 'extra == "testing"' in r for r in requires):
        fail("pytest-recording is not in the [testing] extra")
    outside = sorted(n for n in names if not n.startswith((f"{PACKAGE}/", f"{PACKAGE}-")))
    if outside:
        fail(f"the wheel has files outside the package: {outside}")
    return {n for n in names if n.startswith(f"{PACKAGE}/")}


def check_sdist(sdist: Path, package_files: set[str]) -> None:
    """Minimal, and never half: the whole package, nothing of the test suite."""
    with tarfile.open(sdist) as archive:
        members = [m.name.split("/", 1)[1] for m in archive.getmembers() if "/" in m.name]
    files = {m for m in members if not m.endswith("/")}
    top_level = {m.split("/", 1)[0] for m in files}
    extra = top_level - SDIST_TOP_LEVEL - {PACKAGE, f"{PACKAGE}.egg-info"}
    if extra:
        fail(f"the sdist is meant to be minimal, but has {sorted(extra)}")
    missing = package_files - files
    if missing:
        fail(f"the sdist lacks package files the wheel has: {sorted(missing)}")
    if not {"LICENSE", "README.md", "pyproject.toml"} <= files:
        fail("the sdist lacks LICENSE, README.md or pyproject.toml")


def smoke_test(wheel: Path, tmp: Path) -> None:
    venv = tmp / "venv"
    python = venv / "bin" / "python"
    run(sys.executable, "-m", "venv", venv)
    run(
        python,
        "-m",
        "pip",
        "install",
        "-q",
        "-c",
        ROOT / "requirements-dev.lock",
        f"{wheel}[testing]",
    )
    # From outside the tree, the installed copy is what gets imported; Django is not installed.
    run(
        python,
        "-c",
        "import wacht_oauth_client as w, sys\n"
        f"assert w.__file__.startswith({str(venv)!r}), w.__file__\n"
        "try:\n    import wacht_oauth_client.contrib.django\n"
        "except ModuleNotFoundError as exc:\n    assert '[django]' in str(exc), exc\n"
        "else:\n    sys.exit('contrib.django imported without Django')\n",
        cwd=tmp,
    )
    recipe = tmp / "cassette_recipe"
    shutil.copytree(
        ROOT / "examples" / "cassette_recipe", recipe, ignore=shutil.ignore_patterns("__pycache__")
    )
    run(python, "-m", "pytest", "-q", "-p", "no:cacheprovider", cwd=recipe)
    # The README's Quick start (its python blocks in order), against its own emulator command.
    run(sys.executable, ROOT / "tests" / "docs" / "snippets.py", "--python", python, "README.md")


def main() -> None:
    shutil.rmtree(DIST, ignore_errors=True)
    run(sys.executable, "-m", "build", "-q", "--no-isolation", "--outdir", DIST, ROOT)
    (wheel,) = DIST.glob("*.whl")
    (sdist,) = DIST.glob("*.tar.gz")
    run(sys.executable, "-m", "twine", "check", "--strict", wheel, sdist)
    check_sdist(sdist, check_wheel(wheel))
    print("dist-check: wheel and sdist contents are as intended", flush=True)
    with tempfile.TemporaryDirectory(prefix="wacht-dist-check-") as tmp:
        smoke_test(wheel, Path(tmp))
    print("dist-check: passed")


if __name__ == "__main__":
    main()
