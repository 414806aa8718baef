"""Every public class, method and function has a docstring that says how to call it.

The convention is Google style, as the docs site renders it (mkdocstrings, `docstring_style:
google`), parsed here by the same parser (griffe):

- a summary line;
- `Args:` naming every parameter but `self`/`cls` (for a class: its constructor's, in the class
  docstring; dataclass and attrs fields may be `Attributes:` instead);
- `Returns:` (or `Yields:`) unless it returns `None`, or is a property;
- `Raises:` when the function itself has a `raise` statement;
- and for the `client.oauth` methods, which do I/O: `Raises:` always, and a `Retry safety:`
  section saying whether calling again is safe.

Public means reachable by a user: the `__all__` of the package and its public modules, the objects
`WachtClient().oauth` (and `.with_raw_response`, and `.deployment().oauth` where it exists) hands
out, and the classes those return. Generated models keep what the generator writes (an
`Attributes:` list); only that is required of them.
"""

from __future__ import annotations

import ast
import dataclasses
import enum
import functools
import importlib
import inspect
import logging
import textwrap
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import griffe
import pytest

from wacht_oauth_client import WachtClient

PUBLIC_MODULES = (
    "wacht_oauth_client",
    "wacht_oauth_client.errors",
    "wacht_oauth_client.models",
    "wacht_oauth_client.testing",
    "wacht_oauth_client.testing.vcr",
    "wacht_oauth_client.testing.pytest_plugin",
    "wacht_oauth_client.contrib.django",
    "wacht_oauth_client.config",
)
GENERATED = "wacht_oauth_client._generated"
# Built by the SDK and handed to the user, never built by the user: what they hold is documented,
# their constructors are not. (The classes of the objects `WachtClient` hands out count too.)
HANDED_OUT = {"EmulatorURL", "Deployment", "RawResponse", "Plan", "Change"}  # Plan, Change: plan()
logging.getLogger("griffe").setLevel(logging.ERROR)  # "no type annotation": types are in signatures


@dataclasses.dataclass(frozen=True)
class Target:
    """One public object to check."""

    name: str
    obj: Any
    owner: type | None = None  # the class it is a member of
    io: bool = False  # a facade method: sends a request
    handed_out: bool = False  # a class whose objects the SDK builds

    @property
    def generated(self) -> bool:
        return getattr(self.owner or self.obj, "__module__", "").startswith(GENERATED)


def _facades() -> Iterator[tuple[str, Any]]:
    client = WachtClient(api_key="docstring-test", base_url="http://127.0.0.1:9")
    yield "WachtClient().oauth", client.oauth
    yield "WachtClient().oauth.with_raw_response", client.oauth.with_raw_response
    deployment = getattr(client, "deployment", None)
    if callable(deployment):
        try:
            scoped = deployment()
        except TypeError:  # it takes arguments: not the key-scoped shape this walk knows
            return
        yield "WachtClient().deployment().oauth", scoped.oauth
        yield "WachtClient().deployment().oauth.with_raw_response", scoped.oauth.with_raw_response


def _members(cls: type) -> Iterator[tuple[str, Any]]:
    for name, member in vars(cls).items():
        if not name.startswith("_"):
            yield name, member


def _targets() -> list[Target]:
    seen: set[int] = set()
    targets: list[Target] = []

    def add(target: Target) -> None:
        key = id(_function(target.obj) or target.obj)
        if key not in seen:
            seen.add(key)
            targets.append(target)

    def add_class(name: str, cls: type, io: bool = False) -> None:
        add(Target(name, cls, handed_out=io or cls.__name__ in HANDED_OUT))
        if cls.__module__.startswith(GENERATED):
            return  # the generator's to_dict/from_dict/additional_keys: nothing more to ask
        for member_name, member in _members(cls):
            if _function(member) is not None:
                # A property only describes what it holds: no Raises: / Retry safety: needed.
                method = io and not isinstance(member, (property, functools.cached_property))
                add(Target(f"{name}.{member_name}", member, owner=cls, io=method))

    # The facades first: their classes are exported too, and must be checked as I/O facades.
    for name, facade in _facades():
        add_class(f"{name} ({type(facade).__name__})", type(facade), io=True)
        for attribute, value in vars(facade).items():  # with_raw_response's methods
            if not attribute.startswith("_") and callable(value):
                add(Target(f"{name}.{attribute}", value, owner=type(facade), io=True))
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        for name in module.__all__:
            obj = getattr(module, name)
            qualified = f"{module_name}.{name}"
            if isinstance(obj, type):
                add_class(qualified, obj)
            elif _function(obj) is not None:
                add(Target(qualified, obj))
    raw_response = importlib.import_module("wacht_oauth_client._oauth").RawResponse
    add_class("RawResponse (returned by with_raw_response)", raw_response)
    return targets


def _function(obj: Any) -> Callable[..., Any] | None:
    """The plain function behind a method, classmethod, property or pytest fixture."""
    if isinstance(obj, (classmethod, staticmethod)):
        return obj.__func__  # type: ignore[no-any-return]
    if isinstance(obj, property):
        return obj.fget
    if isinstance(obj, functools.cached_property):
        return obj.func
    wrapped = getattr(obj, "_get_wrapped_function", None)  # a pytest fixture definition
    if callable(wrapped):
        return wrapped()  # type: ignore[no-any-return]
    if inspect.isfunction(obj) or inspect.ismethod(obj):
        return obj
    return None


def _own_doc(obj: Any) -> str:
    """The object's own docstring: not inherited, and not the one dataclasses make up."""
    if isinstance(obj, type):
        doc = vars(obj).get("__doc__") or ""
        if dataclasses.is_dataclass(obj) and doc.startswith(f"{obj.__name__}("):
            return ""
    else:
        doc = getattr(_function(obj), "__doc__", None) or ""
    return inspect.cleandoc(doc)


def _sections(doc: str) -> list[griffe.DocstringSection]:
    return griffe.Docstring(doc).parse("google")


def _documented_names(sections: list[griffe.DocstringSection], *kinds: str) -> set[str]:
    return {
        item.name
        for section in sections
        if section.kind.value in kinds
        for item in section.value
        if hasattr(item, "name")
    }


def _kinds(sections: list[griffe.DocstringSection]) -> set[str]:
    kinds = {s.kind.value for s in sections}
    kinds |= {f"admonition:{s.title}" for s in sections if s.kind.value == "admonition"}
    return kinds


def _parameters(function: Callable[..., Any]) -> list[str]:
    names = []
    for parameter in inspect.signature(function).parameters.values():
        if parameter.name in ("self", "cls"):
            continue
        prefix = {parameter.VAR_POSITIONAL: "*", parameter.VAR_KEYWORD: "**"}.get(
            parameter.kind, ""
        )
        names.append(prefix + parameter.name)
    return names


def _raises_itself(function: Callable[..., Any]) -> bool:
    try:
        source = textwrap.dedent(inspect.getsource(function))
    except (OSError, TypeError):
        return False
    tree = ast.parse(source)
    body = tree.body[0]
    nodes = [n for statement in getattr(body, "body", []) for n in ast.walk(statement)]
    return any(isinstance(n, ast.Raise) for n in nodes)


def _constructor_parameters(cls: type) -> list[str]:
    if issubclass(cls, BaseException) or issubclass(cls, enum.Enum):
        return []  # the SDK raises its errors; users read their attributes (documented) instead
    if attrs.has(cls) or dataclasses.is_dataclass(cls):
        return [p for p in _parameters(cls) if not p.startswith("*")]
    for name in ("__init__", "__new__"):
        if name in vars(cls):
            return _parameters(_function(vars(cls)[name]) or vars(cls)[name])
    return []


def problems(target: Target) -> list[str]:
    """What the target's docstring lacks; empty when it is complete."""
    obj = target.obj
    doc = _own_doc(obj)
    if not doc:
        return ["no docstring"]
    sections = _sections(doc)
    found: list[str] = []
    if isinstance(obj, type):
        parameters = [] if target.handed_out else _constructor_parameters(obj)
        init = vars(obj).get("__init__")
        init_doc = _own_doc(init) if _function(init) is not None else ""
        init_sections = _sections(init_doc) if init_doc else []
        documented = _documented_names(sections + init_sections, "parameters", "attributes")
        missing = [p for p in parameters if p not in documented]
        if missing:
            found.append(f"Args:/Attributes: does not name {', '.join(missing)}")
        return found
    function = _function(obj)
    assert function is not None
    documented = _documented_names(sections, "parameters", "other parameters")
    missing = [
        p for p in _parameters(function) if p not in documented | {"*" + d for d in documented}
    ]
    if missing:
        found.append(f"Args: does not name {', '.join(missing)}")
    kinds = _kinds(sections)
    returns = inspect.signature(function).return_annotation
    is_property = isinstance(obj, (property, functools.cached_property))
    if returns not in (None, "None") and not is_property and not {"returns", "yields"} & kinds:
        found.append("no Returns: (or Yields:) section")
    if (target.io or _raises_itself(function)) and "raises" not in kinds:
        found.append("no Raises: section")
    if target.io and "admonition:Retry safety" not in kinds:
        found.append("no Retry safety: section")
    return found


TARGETS = _targets()
HAND_WRITTEN = [t for t in TARGETS if not t.generated]
GENERATED_MODELS = [t for t in TARGETS if t.generated and attrs.has(t.obj)]


@pytest.mark.parametrize("target", HAND_WRITTEN, ids=lambda t: t.name)
def test_public_object_is_documented(target: Target) -> None:
    found = problems(target)
    assert not found, f"{target.name}: " + "; ".join(found)


@pytest.mark.parametrize("target", GENERATED_MODELS, ids=lambda t: t.name)
def test_generated_model_lists_its_attributes(target: Target) -> None:
    # All the generator gives (from the spec's descriptions): an `Attributes:` list.
    # It has no summary line, which the parser needs before a section (mkdocstrings copes).
    documented = _documented_names(_sections("Summary.\n\n" + _own_doc(target.obj)), "attributes")
    fields = {f.name for f in attrs.fields(target.obj)} - {"additional_properties"}
    assert fields <= documented, f"{target.name}: not listed: {sorted(fields - documented)}"


def test_the_walk_reaches_the_facade_and_the_helpers() -> None:
    names = {t.name for t in TARGETS}
    for expected in (
        "wacht_oauth_client.WachtClient.with_options",
        "WachtClient().oauth (OAuth).create_oauth_client",
        "WachtClient().oauth.with_raw_response (OAuthWithRawResponse).rotate_oauth_client_secret",
        "WachtClient().deployment().oauth (DeploymentOAuth).rotate_oauth_client_secret",
        "wacht_oauth_client.testing.Emulator.add_grant",
        "wacht_oauth_client.testing.run_emulator",
        "wacht_oauth_client.testing.pytest_plugin.vcr_config",
        "wacht_oauth_client.contrib.django.get_client",
        "wacht_oauth_client.models.CreateOAuthAppRequest.to_form",
    ):
        assert expected in names
    if hasattr(WachtClient, "deployment"):  # the key-scoped surface: its facade is public too
        assert any(n.startswith("WachtClient().deployment().oauth") for n in names), (
            "update _facades(): WachtClient.deployment() could not be called without arguments"
        )


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        ("", ["no docstring"]),
        ("Summary.", ["Args: does not name a", "no Returns: (or Yields:) section"]),
        ("Summary.\n\nArgs:\n    a: The a.\n\nReturns:\n    One.", []),
    ],
)
def test_the_checker_itself(doc: str, expected: list[str]) -> None:
    def example(a: int) -> int:
        return a

    example.__doc__ = doc
    assert problems(Target("example", example)) == expected
