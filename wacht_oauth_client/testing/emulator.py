"""Public entry point of the emulator, and its command line (`wacht-emulator`).

    wacht-emulator [--port 8787] [--api-key TOKEN[=DEPLOYMENT]]... [--workspace-permission P]...

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
    DEFAULT_DEPLOYMENT,
    OPERATION_IDS,
    Emulator,
    EmulatorTransport,
    EmulatorURL,
    make_emulator_server,
    run_emulator,
)

__all__ = [
    "DEFAULT_DEPLOYMENT",
    "OPERATION_IDS",
    "Emulator",
    "EmulatorTransport",
    "EmulatorURL",
    "Fault",
    "main",
    "run_emulator",
]

_EXAMPLES = f"""\
examples:
  wacht-emulator
      any Bearer token works; on /oauth/apps it manages deployment {DEFAULT_DEPLOYMENT}
  wacht-emulator --api-key wacht_test_sk_a=dep_a --api-key wacht_test_sk_b=dep_b
      only these two keys work, each managing its own deployment
  wacht-emulator --workspace-permission workspace:mcp:invoke --grants-per-client 1
      what the README's Quick start needs: a B2B permission to map a scope to, and a grant
      on every new client to list and revoke
"""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wacht-emulator",
        description=(
            "Serve a local, in-memory emulator of Wacht's OAuth management API until Ctrl-C:\n"
            "the key-scoped backend API at /oauth/apps... and the deployment-scoped mount at\n"
            "/deployments/{deployment_id}/oauth/apps..."
        ),
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: %(default)s)"
    )
    parser.add_argument(
        "--port",
        type=int,
        default=8787,
        help="port to listen on; 0 picks a free one (default: %(default)s)",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="RNG seed: same seed, same calls, same ids (default: 0)"
    )
    parser.add_argument(
        "--api-key",
        action="append",
        dest="api_keys",
        metavar="TOKEN[=DEPLOYMENT]",
        help=(
            "accept only these Bearer tokens (repeatable); on the root mount TOKEN manages "
            f"DEPLOYMENT (default {DEFAULT_DEPLOYMENT}). Without this option any token works."
        ),
    )
    parser.add_argument(
        "--workspace-permission",
        action="append",
        default=[],
        metavar="PERMISSION",
        help="a B2B workspace permission every deployment has, for scope mappings (repeatable)",
    )
    parser.add_argument(
        "--organization-permission",
        action="append",
        default=[],
        metavar="PERMISSION",
        help="a B2B organization permission every deployment has (repeatable)",
    )
    parser.add_argument(
        "--grants-per-client",
        type=int,
        default=0,
        metavar="N",
        help="create N active grants on every new client, as the consent flow would (default: 0)",
    )
    parser.add_argument(
        "--data-envelope",
        action="store_true",
        help='wrap every JSON success body as {"data": ...}, as Wacht\'s docs describe',
    )
    return parser


def _key_mapping(values: Sequence[str] | None) -> dict[str, str] | None:
    if values is None:
        return None
    mapping = {}
    for value in values:
        token, _, deployment = value.partition("=")
        mapping[token] = deployment or DEFAULT_DEPLOYMENT
    return mapping


def _masked(token: str) -> str:
    # The banner says which keys work without printing them whole.
    return token[:6] + "…" if len(token) > 8 else "…"


def banner(emulator: Emulator, url: str) -> str:
    """What the command prints on start: where it listens, who may call it, what it holds."""
    if emulator.api_keys is None:
        keys = f"any Bearer token (on /oauth/apps it manages {DEFAULT_DEPLOYMENT})"
    else:
        keys = ", ".join(f"{_masked(t)} -> {d}" for t, d in emulator.api_keys.items())
    defaults = emulator.defaults
    workspace = ", ".join(defaults["workspace_permissions"]) or "none"
    organization = ", ".join(defaults["organization_permissions"]) or "none"
    envelope = 'wrapped as {"data": ...}' if emulator.data_envelope else "bare, as the server sends"
    return "\n".join(
        [
            f"Wacht OAuth emulator listening on {url}",
            f"  key-scoped API:        {url}/oauth/apps  (the deployment comes from the key)",
            f"  deployment-scoped API: {url}/deployments/{{deployment_id}}/oauth/apps",
            f"  API keys:              {keys}",
            f"  B2B permissions:       workspace: {workspace}; organization: {organization}",
            f"  grants per new client: {defaults['grants_per_client']}",
            f"  success bodies:        {envelope}",
            f"  state: in memory, empty at start (seed {emulator.seed}), gone on exit",
            "Press Ctrl-C to stop.",
        ]
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the emulator from the command line (`wacht-emulator --help`); returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.grants_per_client < 0:
        parser.error("--grants-per-client must be >= 0")
    emulator = Emulator(
        seed=args.seed,
        api_keys=_key_mapping(args.api_keys),
        organization_permissions=args.organization_permission,
        workspace_permissions=args.workspace_permission,
        grants_per_client=args.grants_per_client,
        data_envelope=args.data_envelope,
    )
    try:
        server, url = make_emulator_server(emulator, args.host, args.port, quiet=False)
    except OSError as exc:
        parser.exit(1, f"wacht-emulator: cannot listen on {args.host}:{args.port}: {exc}\n")
    print(banner(emulator, url), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
