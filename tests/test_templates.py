"""Our generator templates (openapi/templates) change speed, not behaviour.

The spec is generated once more with the generator's built-in templates, and every model's
`from_dict` (and `to_dict` on the result) is run through both versions on the same inputs:
valid documents made from the spec's schemas, the same documents with fields removed, set to
values of the wrong type, nulled or added, and values that are not mappings at all. Results
must be equal (same classes, fields, types, timestamps with their offsets, extra keys in order)
and failures must be the same exception type.
"""

from __future__ import annotations

import datetime
import importlib
import os
import random
import subprocess
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import yaml

from wacht_oauth_client._generated import models as ours

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
SPEC = yaml.safe_load((ROOT / "openapi" / "wacht-oauth.yaml").read_text(encoding="utf-8"))
SCHEMAS: dict[str, Any] = SPEC["components"]["schemas"]
ODD_VALUES = [None, 0, 2**70, 2.5, True, "", "x", "2026-13-01T00:00:00Z", "2026-05-01T10:00:00"]
ODD_VALUES += [[], [1], [{}], {}, {"a": 1}]


@pytest.fixture(scope="module")
def upstream(tmp_path_factory: pytest.TempPathFactory) -> Iterator[types.ModuleType]:
    """The models package as the built-in templates generate it, imported as `upstream_gen`."""
    root = tmp_path_factory.mktemp("upstream")
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}
    command = [str(BIN / "openapi-python-client"), "generate", "--path", "openapi/wacht-oauth.yaml"]
    command += ["--config", "generator-config.yaml", "--meta", "none", "--fail-on-warning"]
    command += ["--output-path", str(root / "upstream_gen")]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("upstream_gen.models")
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n.split(".")[0] == "upstream_gen"]:
            del sys.modules[name]


def _document(schema: dict[str, Any], rng: random.Random) -> Any:
    while "$ref" in schema:
        schema = SCHEMAS[schema["$ref"].rsplit("/", 1)[1]]
    for key in ("oneOf", "anyOf"):
        if key in schema:
            return _document(rng.choice(schema[key]), rng)
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = rng.choice(kind)
    if kind == "null":
        return None
    if kind == "string":
        if "enum" in schema:
            return rng.choice(schema["enum"])
        if schema.get("format") == "date-time":
            return rng.choice(["2026-05-01T10:00:00.123456Z", "2026-01-01T00:00:00+02:00"])
        return rng.choice(["a", "7400000000000000001", ""])
    if kind == "integer":
        return rng.choice([0, 3600, 2**70])
    if kind == "boolean":
        return rng.random() < 0.5
    if kind == "array":
        return [_document(schema.get("items", {}), rng) for _ in range(rng.randint(0, 2))]
    return {
        name: _document(prop, rng)
        for name, prop in schema.get("properties", {}).items()
        if name in schema.get("required", []) or rng.random() < 0.6
    }


def _mutated(doc: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    doc = dict(doc)
    for _ in range(rng.randint(1, 3)):
        keys = list(doc)
        roll = rng.random()
        if roll < 0.2 and keys:
            del doc[rng.choice(keys)]
        elif roll < 0.6 and keys:
            key = rng.choice(keys)
            value = doc[key]
            if isinstance(value, dict) and rng.random() < 0.5:
                doc[key] = _mutated(value, rng)
            elif isinstance(value, list) and value and isinstance(value[0], dict):
                doc[key] = [_mutated(value[0], rng), *value[1:]]
            else:
                doc[key] = rng.choice(ODD_VALUES)
        else:
            doc[rng.choice(["extra", "future", "note_secret"])] = rng.choice(ODD_VALUES)
    return doc


def _inputs(name: str) -> list[Any]:
    rng = random.Random(name)
    valid = [_document(SCHEMAS[name], rng) for _ in range(60)]
    mutated = [_mutated(doc, rng) for doc in valid for _ in range(4)]
    other_mappings = [types.MappingProxyType(doc) for doc in valid[:10]]
    pairs = [list(doc.items()) for doc in valid[:10]]
    return [*valid, *mutated, *other_mappings, *pairs, *ODD_VALUES]


def _comparable(value: Any) -> Any:
    if attrs.has(type(value)):
        fields = [(f.name, _comparable(getattr(value, f.name))) for f in attrs.fields(type(value))]
        return (type(value).__name__, fields)
    if isinstance(value, datetime.datetime):
        return ("datetime", value, value.utcoffset())
    if isinstance(value, list):
        return ("list", [_comparable(v) for v in value])
    if isinstance(value, dict):
        return ("dict", [(k, _comparable(v)) for k, v in value.items()])
    if type(value).__name__ == "Unset":  # one per package
        return ("Unset",)
    if hasattr(value, "read"):  # a File's payload: a new BytesIO each time
        return ("stream", value.read())
    return (type(value).__name__, repr(value))


def _outcome(cls: Any, doc: Any, to_dict: bool = False) -> tuple[str, Any]:
    try:
        model = cls.from_dict(doc)
        return ("ok", _comparable(model.to_dict() if to_dict else model))
    except Exception as exc:
        return ("raises", type(exc).__name__)


MODELS = [n for n in ours.__all__ if attrs.has(getattr(ours, n))]


@pytest.mark.parametrize("name", MODELS)
def test_from_dict_and_to_dict_match_the_built_in_templates(
    upstream: types.ModuleType, name: str
) -> None:
    theirs_cls, ours_cls = getattr(upstream, name), getattr(ours, name)
    for doc in _inputs(name):
        assert _outcome(ours_cls, doc) == _outcome(theirs_cls, doc), doc
        assert _outcome(ours_cls, doc, to_dict=True) == _outcome(theirs_cls, doc, to_dict=True), doc
