"""A missing extra fails with an error that says which extra to install."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    ("module", "missing", "extra"),
    [
        ("wacht_oauth_client.testing", "werkzeug", "testing"),
        ("wacht_oauth_client.testing", "vcr", "testing"),
        ("wacht_oauth_client.testing.emulator", "werkzeug", "testing"),
        # Without pytest-recording a @pytest.mark.vcr test would silently talk to a live server.
        ("wacht_oauth_client.testing.pytest_plugin", "pytest_recording", "testing"),
        ("wacht_oauth_client.contrib.django", "django", "django"),
    ],
)
def test_a_missing_extra_names_the_extra(module: str, missing: str, extra: str) -> None:
    # A None entry in sys.modules makes `import missing` fail as if it were not installed.
    code = f"""
import sys
sys.modules[{missing!r}] = None
try:
    import {module}
except ModuleNotFoundError as exc:
    print(exc.name)
    print(exc)
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    name, message = run.stdout.splitlines()
    assert name == missing
    assert message == (
        f"{module.rsplit('.emulator', 1)[0]} needs the [{extra}] extra "
        f'({missing!r} is not installed): pip install "wacht-oauth-client[{extra}]"'
    )


def test_the_sdk_itself_needs_no_extra() -> None:
    code = """
import sys
for name in ("werkzeug", "vcr", "pytest_recording", "django"):
    sys.modules[name] = None
import wacht_oauth_client, wacht_oauth_client.models, wacht_oauth_client.errors
print("ok")
"""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.stdout.strip() == "ok", run.stderr
