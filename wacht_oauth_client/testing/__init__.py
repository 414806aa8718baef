"""Test helpers: a local, stateful emulator of Wacht's deployment-scoped OAuth API.

    from wacht_oauth_client.testing import Emulator, Fault, run_emulator

    emu = Emulator(seed=0)
    client = httpx.Client(transport=emu.transport(), base_url="http://emulator")
    with run_emulator(emu) as url:   # or over a real socket
        ...

Needs the `[testing]` extra (werkzeug for the emulator, vcrpy for cassettes): without it,
importing this package raises `ModuleNotFoundError` saying what to install.
"""

from .._extras import require

require("testing", "wacht_oauth_client.testing", "werkzeug", "vcr")

from ._faults import Fault
from ._server import (
    OPERATION_IDS,
    Emulator,
    EmulatorTransport,
    EmulatorURL,
    run_emulator,
)
from .vcr import vcr_config  # cassette helpers (vcrpy itself is imported by the user)

__all__ = ["OPERATION_IDS", "Emulator", "EmulatorTransport", "EmulatorURL", "Fault", "run_emulator"]
__all__ += ["vcr_config"]
