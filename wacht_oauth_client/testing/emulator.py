"""Public entry point of the emulator, and its command line.

    python -m wacht_oauth_client.testing.emulator --port 8787 [--host 127.0.0.1] [--seed 0]

The implementation lives in ``_state`` (data and server rules), ``_server`` (HTTP) and
``_faults`` (fault presets); this module re-exports the public names so that
``from wacht_oauth_client.testing.emulator import Emulator`` works too. (Keeping the code out
of this module lets ``python -m`` run it without importing it twice.)
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ._faults import Fault
from ._server import (
    OPERATION_IDS,
    Emulator,
    EmulatorTransport,
    EmulatorURL,
    make_emulator_server,
    run_emulator,
)

__all__ = [
    "OPERATION_IDS",
    "Emulator",
    "EmulatorTransport",
    "EmulatorURL",
    "Fault",
    "main",
    "run_emulator",
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m wacht_oauth_client.testing.emulator",
        description="Serve a local emulator of Wacht's OAuth management API until Ctrl-C.",
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8787)
    parser.add_argument("--seed", type=int, default=0, help="RNG seed (same seed = same ids)")
    parser.add_argument(
        "--api-key",
        action="append",
        dest="api_keys",
        metavar="TOKEN",
        help="accept only these Bearer tokens (repeatable; default: any)",
    )
    args = parser.parse_args(argv)
    server, url = make_emulator_server(
        Emulator(seed=args.seed, api_keys=args.api_keys), args.host, args.port, quiet=False
    )
    print(url, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
