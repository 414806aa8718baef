"""`make bench` runs no test of its own, so a change of the spec or the facade could break it
unnoticed (the move of the spec's paths to the root mount once did). Every layer of every
benchmarked operation runs once here, on the benchmark's own transport, and the layers must
agree on the result: they time the same work only if they get the same data."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import _cases as cases  # noqa: E402

IDS = (cases.DEPLOYMENT, cases.APP, cases.CLIENT_ID)


@pytest.fixture
def layers() -> Iterator[cases.Layers]:
    built = cases.Layers.build("https://api.wacht.test", cases.mock_transport(grants=3))
    yield built
    built.close()


def _id(value: Any) -> str:
    """The record id, whatever the layer returned: a dict, an attrs model, a peer's object."""
    return str(value["id"] if isinstance(value, dict) else value.id)


def test_every_grants_layer_returns_the_same_grants(layers: cases.Layers) -> None:
    results = {name: call() for name, call in cases.list_grants(layers, IDS).items()}
    assert results["generated"] == results["facade"] == results["stdlib json"]  # attrs models
    expected = [_id(g) for g in results["raw"]]
    assert len(expected) == 3
    for name, grants in results.items():
        assert [_id(g) for g in grants] == expected, name


@pytest.mark.parametrize(
    "case",
    [
        lambda layers: cases.create_client(layers, IDS[:2]),
        lambda layers: cases.rotate_secret(layers, IDS),
        lambda layers: cases.create_app(layers, cases.DEPLOYMENT, lambda: cases.APP),
    ],
    ids=["create_oauth_client", "rotate_oauth_client_secret", "create_oauth_app"],
)
def test_every_layer_of_a_write_returns_the_same_result(layers: cases.Layers, case: Any) -> None:
    results = {name: call() for name, call in case(layers).items()}
    assert set(results) == set(cases.LAYERS)
    facade = results["facade"]
    assert results["generated"] == facade == type(facade).from_dict(results["raw"])
