"""Optional dependencies: fail with the name of the extra to install, not a bare import error."""

from __future__ import annotations

import importlib.util


def require(extra: str, feature: str, *modules: str) -> None:
    """Check that the modules an extra provides are installed, without importing them.

    Args:
        extra: The extra that installs them, such as `"testing"`.
        feature: What needs them, for the message, such as `"wacht_oauth_client.testing"`.
        *modules: Top-level import names, such as `"werkzeug"`.

    Raises:
        ModuleNotFoundError: A module is missing. The message names the extra and the `pip
            install` command; `name` is the missing module, as in Python's own error.
    """
    for name in modules:
        try:
            found = importlib.util.find_spec(name) is not None
        except ValueError:  # sys.modules[name] is None: the import is blocked
            found = False
        if not found:
            raise ModuleNotFoundError(
                f"{feature} needs the [{extra}] extra ({name!r} is not installed): "
                f'pip install "wacht-oauth-client[{extra}]"',
                name=name,
            )
