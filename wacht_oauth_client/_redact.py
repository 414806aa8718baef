"""Secret-safe rendering, for the hand-written code.

The rule of what counts as a secret, and the `repr` that every generated model uses, live in the
generated `types` module (emitted by openapi/templates/types.py.jinja): the model template gives
each class a `__repr__` / `__rich_repr__` calling them, so a model is safe however it is
imported. This module re-exports that one implementation; it never patches classes.
"""

from ._generated.types import REDACTED, is_secret_name, safe_repr, safe_rich_repr

__all__ = ["REDACTED", "is_secret_name", "safe_repr", "safe_rich_repr"]
