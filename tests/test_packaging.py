"""The package metadata users see, and the pins only this repository uses.

`make dist-check` checks the built wheel and sdist themselves; these are the quick checks of the
sources they come from.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
PROJECT = PYPROJECT["project"]
LOCK = {
    name.lower().replace("_", "-").replace(".", "-"): version
    for name, version in re.findall(
        r"^([A-Za-z0-9_.\-]+)==(\S+)$",
        (ROOT / "requirements-dev.lock").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
}


def test_the_metadata_a_user_sees() -> None:
    assert PROJECT["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert PROJECT["license-files"] == ["LICENSE"]
    classifiers = set(PROJECT["classifiers"])
    assert {"Typing :: Typed", "Framework :: Django", "Programming Language :: Python :: 3.11"} <= (
        classifiers
    )
    assert not any(c.startswith("License ::") for c in classifiers)  # the SPDX string says it
    # setuptools >= 77 understands the SPDX `license` string and `license-files`.
    assert PYPROJECT["build-system"]["requires"] == ["setuptools>=77"]


def test_the_public_extras_are_the_documented_ones() -> None:
    extras = PROJECT["optional-dependencies"]
    assert set(extras) == {"testing", "django", "speedups", "config"}
    assert [Requirement(r).name.lower() for r in extras["config"]] == ["pyyaml"]
    testing = {Requirement(r).name for r in extras["testing"]}
    # Without pytest-recording a @pytest.mark.vcr test is only warned about, and goes live.
    assert {"werkzeug", "vcrpy", "pytest-recording"} <= testing
    for requirement in [*PROJECT["dependencies"], *(r for e in extras.values() for r in e)]:
        assert "==" not in requirement, f"{requirement}: runtime dependencies are ranges"


def test_every_dev_pin_is_in_the_lock_at_the_same_version() -> None:
    for line in PYPROJECT["dependency-groups"]["dev"]:
        requirement = Requirement(line)
        (specifier,) = requirement.specifier
        assert specifier.operator == "==", f"{line}: the dev group pins exactly"
        name = requirement.name.lower().replace("_", "-").replace(".", "-")
        assert LOCK.get(name) == specifier.version, f"{line}: the lock has {LOCK.get(name)}"


def test_the_recipe_cassette_holds_no_secret() -> None:
    for path in (ROOT / "examples" / "cassette_recipe").rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert re.findall(r"oc_secret_(?!REDACTED)\w+", text) == [], path
        assert set(re.findall(r"Bearer \S+", text)) == {"Bearer REDACTED"}, path
