"""The support matrix: the fast tests under every supported Python and dependency set.

`make matrix` runs `nox --parallel 2` (every cell, two at a time), then `python noxfile.py`,
which prints the summary table. One cell: `.venv/bin/nox -s py3.12` (add `-- -k wire` to pass
pytest arguments). The cells:

    py3.11 py3.12 py3.13  the newest releases that the ranges in pyproject.toml admit
                          (on 3.12 and 3.13 that includes Django's newest, 6.x)
    lowest                Python 3.11 with the lowest version of every range: the runtime
                          dependencies and the `testing` and `django` extras (printed, checked)
    django4.2             the Django tests on the newest Django 4.2 (LTS)

Every cell installs the wheel (built once, by the `wheel` session) into a fresh virtualenv
under .nox/, made with the pinned uv, so it tests what `pip install` gives a user rather than
the source tree. Test tools are pinned to requirements-dev.lock; only the SDK's own
dependencies vary from cell to cell.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
import tomllib
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nox
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version
from uv import find_uv_bin

ROOT = Path(__file__).resolve().parent
NOX_DIR = ROOT / ".nox"
DIST = NOX_DIR / "_dist"
RESULTS = NOX_DIR / "_results"
UV = find_uv_bin()
# Never fetch a Python from the internet: the matrix uses the interpreters the machine has.
UV_ENV = {"UV_PYTHON_DOWNLOADS": "never"}

PROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
EXTRAS = ("testing", "django", "config", "speedups")  # the extras that the tests exercise
# Left to `make test`, which runs them once: they don't depend on the interpreter or on the
# installed httpx/attrs/Django. To keep a new test out of the matrix, add its path here.
NOT_IN_MATRIX = (
    "tests/contract",  # the Prism contract check (needs node and npm)
    "tests/typing",  # mypy over the public types
    "tests/test_generation.py",  # regeneration and the drift check
    "tests/test_regeneration_flow.py",
    "tests/test_templates.py",  # our templates vs the generator's own (needs the generator)
    "tests/test_docstrings.py",  # docstring sections, parsed by griffe (a docs tool)
    "tests/test_emulator_schemathesis.py",  # generated requests: slow, checks the spec's shapes
    "tests/test_spec.py",  # the OpenAPI document itself
    "tests/test_packaging.py",  # pyproject metadata and the lock
    "tests/docs",  # the README's and docs' examples, as pasted (one interpreter is enough)
    "tests/test_cli_docs.py",  # docs/cli.md's shell recipes (bash and jq)
    "tests/test_benchmarks.py",  # make bench's cases (its peers need the dev-only pydantic)
)
# What the tests import besides the SDK, pinned as requirements-dev.lock pins it for `make test`.
# (pytest-recording, PyYAML and msgspec come with the SDK's extras, at the versions the cell
# tests.)
TEST_TOOLS = (
    "pytest",
    "pytest-django",
    "packaging",
    "hypothesis",
    "schemathesis",
    "openapi-core",
    "openapi-spec-validator",
    "rich",
    "structlog",
)
# Printed for every cell: the SDK's dependencies (httpcore comes with httpx).
SHOWN = ("httpx", "httpcore", "attrs", "django", "werkzeug", "vcrpy")


@dataclass(frozen=True)
class Cell:
    name: str
    python: str  # "3.12"
    about: str
    pins: tuple[str, ...] = ()  # requirements on top of the SDK's ranges
    lowest: bool = False  # every range at its lower bound
    paths: tuple[str, ...] = ()  # the tests to run; () is the whole fast suite


def lowest_python() -> str:
    """The X.Y of `requires-python = ">=X.Y"`."""
    match = re.fullmatch(r">=\s*(\d+\.\d+)", PROJECT["requires-python"].strip())
    if not match:
        raise ValueError("requires-python must be '>=X.Y' for the lowest cell")
    return match.group(1)


CELLS = (
    Cell("py3.11", "3.11", "newest releases"),
    Cell("py3.12", "3.12", "newest releases"),
    Cell("py3.13", "3.13", "newest releases"),
    Cell("lowest", lowest_python(), "lowest declared versions", lowest=True),
    Cell(
        "django4.2",
        "3.11",
        "the Django tests on the newest Django 4.2",
        pins=("django~=4.2.0",),
        paths=("examples/django_app/tests",),
    ),
)


def tool_pins() -> list[str]:
    """`name==version` for each of TEST_TOOLS, as requirements-dev.lock pins it."""
    locked = {}
    for line in (ROOT / "requirements-dev.lock").read_text().splitlines():
        name, sep, pinned = line.partition("==")
        if sep and not line.startswith("#"):
            locked[canonicalize_name(name)] = pinned.strip()
    return [f"{tool}=={locked[canonicalize_name(tool)]}" for tool in TEST_TOOLS]


def lowest_pins() -> list[tuple[str, str, str]]:
    """(declared range, name, its lower bound) for the runtime dependencies and EXTRAS, read
    from pyproject.toml so that they can't drift from it."""
    declared = PROJECT["dependencies"] + [
        text for extra in EXTRAS for text in PROJECT["optional-dependencies"][extra]
    ]
    pins: list[tuple[str, str, str]] = []
    for text in declared:
        requirement = Requirement(text)
        floors = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        if len(floors) != 1:
            raise ValueError(f"{text!r}: every range needs one '>=' lower bound (lowest cell)")
        pins.append((text, canonicalize_name(requirement.name), floors[0]))
    return pins


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


# -- finding interpreters, like a contributor's shell ------------------------------------------


def pyenv_root() -> Path:
    pyenv = shutil.which("pyenv")
    if pyenv:
        found = subprocess.run([pyenv, "root"], capture_output=True, text=True, check=False)
        if found.returncode == 0 and found.stdout.strip():
            return Path(found.stdout.strip())
    return Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))


def find_python(version: str) -> tuple[str, str] | None:
    """(path, full version) of the newest pyenv install of Python `version`, else of
    `python<version>` on PATH.

    A candidate must run and report that version: the pyenv shim of a version that is not
    active fails, and is passed over."""
    installs = [
        path
        for path in (pyenv_root() / "versions").glob(f"{version}.*/bin/python{version}")
        if re.fullmatch(rf"{re.escape(version)}\.\d+", path.parent.parent.name)  # no -dev, rc
    ]
    installs.sort(key=lambda path: int(path.parent.parent.name.rsplit(".", 1)[1]), reverse=True)
    candidates = [str(path) for path in installs]
    if on_path := shutil.which(f"python{version}"):
        candidates.append(on_path)
    for candidate in candidates:
        probe = [candidate, "-c", "import platform; print(platform.python_version())"]
        ran = subprocess.run(probe, capture_output=True, text=True, check=False)
        full = ran.stdout.strip()
        if ran.returncode == 0 and full.startswith(f"{version}."):
            return candidate, full
    return None


# -- the sessions ------------------------------------------------------------------------------


def _run(session: nox.Session, *args: str, **kwargs: Any) -> Any:
    # uv and each cell's own pytest live outside nox's (absent) virtualenv.
    return session.run(*args, external=True, **kwargs)


@nox.session(venv_backend="none", default=False)
def wheel(session: nox.Session) -> None:
    """Build the SDK's sdist and, from it, the wheel that every cell installs."""
    shutil.rmtree(DIST, ignore_errors=True)
    shutil.rmtree(RESULTS, ignore_errors=True)  # a new run: forget the last one's results
    RESULTS.mkdir(parents=True)
    (RESULTS / "started").write_text(str(time.time()))
    # No build isolation: the pinned setuptools and wheel of requirements-dev.lock build it.
    build = [UV, "build", "--quiet", "--no-build-isolation", "--python", sys.executable]
    _run(session, *build, "--out-dir", str(DIST), env=UV_ENV)
    built = sorted(path.name for path in DIST.glob("wacht_oauth_client-*"))
    session.log(f"built {', '.join(built)}")


def run_cell(session: nox.Session, cell: Cell) -> None:
    started = time.monotonic()
    found = find_python(cell.python)
    if found is None:
        wanted = f"{pyenv_root()}/versions/{cell.python}.*/bin/python{cell.python}"
        message = (
            f"Python {cell.python} not found (no {wanted}, no working python{cell.python} on "
            f"PATH): install it, e.g. `pyenv install {cell.python}`, to run this cell"
        )
        _write_result(cell, status="missing", python=cell.python, note=message)
        if in_ci():
            session.error(f"{message} (CI must have every interpreter of the matrix)")
        session.skip(message)
    python, full_version = found
    _write_result(cell, status="failed", python=full_version, note="set-up failed, see its log")

    envdir = NOX_DIR / cell.name
    env_python = str(envdir / "bin" / "python")
    _run(session, UV, "venv", "--quiet", "--clear", "--python", python, str(envdir), env=UV_ENV)
    (wheel,) = DIST.glob("*.whl")
    floors = lowest_pins() if cell.lowest else []
    requirements = [f"{wheel}[{','.join(EXTRAS)}]", *tool_pins(), *cell.pins]
    requirements += [f"{name}=={floor}" for _, name, floor in floors]
    install = [UV, "pip", "install", "--quiet", "--python", env_python]
    _run(session, *install, *requirements, env=UV_ENV)

    installed = {name: got["version"] for name, got in _uv_list(env_python).items()}
    versions = {name: installed.get(name) for name in SHOWN}
    session.log(f"{cell.name}: {cell.about}, Python {full_version} ({python})")
    session.log("resolved: " + "  ".join(f"{name} {versions[name]}" for name in SHOWN))
    excluded = ""
    if not (cell.lowest or cell.pins):
        # What let httpx 0.29 go unnoticed: a release that a range (or a test tool) keeps out.
        newer = _uv_list(env_python, "--outdated")
        excluded = ", ".join(f"{n} {newer[n]['latest_version']}" for n in SHOWN if n in newer)
        session.log(f"newer releases that a range excludes: {excluded or 'none'}")
    if floors:
        session.log("lowest declared versions (pyproject.toml) -> installed:")
        wrong = []
        for declared, name, floor in floors:
            got = installed.get(name)
            ok = got is not None and Version(got) == Version(floor)
            session.log(f"  {declared:<22} -> {name} {got}{'' if ok else '  NOT THE LOWEST'}")
            if not ok:
                wrong.append(declared)
        if wrong:
            _write_result(cell, status="failed", python=full_version, versions=versions)
            session.error(f"not installed at their lower bounds: {', '.join(wrong)}")

    junit = envdir / "junit.xml"
    pytest = [str(envdir / "bin" / "pytest"), "-p", "no:cacheprovider", "-q", f"--junitxml={junit}"]
    tests = cell.paths or [f"--ignore={path}" for path in NOT_IN_MATRIX]
    status = "failed"
    try:
        # PYTHONSAFEPATH: the subprocesses the tests start (`python -m ...`) import the wheel
        # too, never the source tree in the working directory.
        _run(session, *pytest, *tests, *session.posargs, env={"PYTHONSAFEPATH": "1"})
        status = "passed"
    finally:
        seconds = round(time.monotonic() - started, 1)
        counts = _junit_counts(junit)
        _write_result(
            cell,
            status=status,
            python=full_version,
            versions=versions,
            excluded=excluded,
            seconds=seconds,
            **counts,
        )


def _uv_list(env_python: str, *options: str) -> dict[str, dict[str, str]]:
    """`uv pip list` of a cell's virtualenv, by canonical name."""
    command = [UV, "pip", "list", "--python", env_python, "--format", "json", *options]
    ran = subprocess.run(
        command, capture_output=True, text=True, check=True, env=os.environ | UV_ENV
    )
    return {canonicalize_name(package["name"]): package for package in json.loads(ran.stdout)}


def _write_result(cell: Cell, **result: Any) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    record = {"cell": cell.name, "finished": time.time(), **result}
    (RESULTS / f"{cell.name}.json").write_text(json.dumps(record))


def _junit_counts(path: Path) -> dict[str, int]:
    if not path.exists():  # pytest did not get as far as writing it
        return {"tests": 0, "failed": 0, "skipped": 0}
    root = ET.parse(path).getroot()
    suite = root if root.tag == "testsuite" else root[0]
    count = {key: int(suite.get(key, 0)) for key in ("tests", "failures", "errors", "skipped")}
    failed = count["failures"] + count["errors"]
    return {"tests": count["tests"], "failed": failed, "skipped": count["skipped"]}


def _define(cell: Cell) -> None:
    def session(session: nox.Session) -> None:
        run_cell(session, cell)

    session.__doc__ = f"Python {cell.python}: {cell.about}"
    # Cells run side by side under `nox --parallel`, after the `wheel` session.
    nox.session(name=cell.name, venv_backend="none", requires=["wheel"], allow_parallel=True)(
        session
    )


for _cell in CELLS:
    _define(_cell)


# -- the summary table (`python noxfile.py`, after nox) ----------------------------------------


def print_summary() -> int:
    """Print the last run's table; 1 if a cell failed or did not run, or is missing on CI."""
    columns = [name for name in SHOWN if name != "httpcore"]
    rows = [["cell", "python", *columns, "result", ""]]
    problems: list[str] = []
    notes: list[str] = []
    finished: list[float] = []
    passed = failed = 0
    for cell in CELLS:
        path = RESULTS / f"{cell.name}.json"
        result: dict[str, Any] = {"status": "not run"}
        if path.exists():
            result = json.loads(path.read_text())
            finished.append(result["finished"])
        status, versions = result["status"], result.get("versions") or {}
        if status != "passed" and not (status == "missing" and not in_ci()):
            problems.append(cell.name)
        if result.get("excluded"):
            notes.append(
                f"{cell.name} has newer releases that a range excludes: {result['excluded']}"
            )
        detail = result.get("note", "")
        if "tests" in result:
            detail = f"{result['tests']} tests, {result['seconds']:.0f} s"
            passed += result["tests"] - result["failed"] - result["skipped"]
            failed += result["failed"]
        shown = [versions.get(name) or "-" for name in columns]
        rows.append([cell.name, result.get("python", cell.python), *shown, status, detail])

    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print("\nSupport matrix:")
    for row in rows:
        line = "  ".join(value.ljust(width) for value, width in zip(row, widths, strict=True))
        print(f"  {line}".rstrip())
    started = RESULTS / "started"
    if started.exists() and finished:
        print(f"  wall time {max(finished) - float(started.read_text()):.0f} s")
    for note in notes:
        print(f"  note: {note}")
    if problems:
        print(f"  NOT PASSED: {', '.join(problems)}")
    print(f"matrix: {passed} passed, {failed} failed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(print_summary())
