"""`wacht-oauth export`, `apply` and `schema`: the command line of `wacht_oauth_client.config`.

Only the standard library is imported here (the parser is built on every start); the SDK and
PyYAML are imported when one of these commands runs. Exit codes: 0 success; 1 an API failure, a
partial apply, a conflict or a blocked change; 2 an invalid file or bad usage, before any write.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import IO, TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from .config import Plan, Secret

_EXPORT_EPILOG = """\
YAML needs the [config] extra (pip install "wacht-oauth-client[config]"); JSON does not.
Ids, client_ids, timestamps, secrets and logos are never exported; neither are deactivated or
unnamed clients (unnamed ones are counted on stderr).

example:
  wacht-oauth export -o oauth.yaml
"""
_APPLY_EPILOG = """\
The plan is printed first, then executed one write at a time; the first failure stops it and
the report says what was done, what failed, what may have reached the server and what was not
attempted. Nothing is deactivated without --prune. New client secrets are printed once (or
written to --secrets-out); they are never part of the plan, the --json output or the log.

exit codes: 0 applied (or nothing to do), 1 API failure, partial apply, conflict or blocked
change, 2 invalid file or usage error (nothing was sent)

example:
  wacht-oauth apply oauth.yaml --dry-run
  wacht-oauth apply oauth.yaml --secrets-out "$RUNNER_TEMP/secrets.jsonl"
"""


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    formatter: type[argparse.HelpFormatter],
) -> None:
    """Add the three commands next to the CLI's groups (`commands` is its subparser action)."""

    def add(name: str, help_text: str, epilog: str) -> argparse.ArgumentParser:
        parser = commands.add_parser(
            name,
            help=help_text,
            description=help_text[0].upper() + help_text[1:] + ".",
            epilog=epilog,
            formatter_class=formatter,
            parents=[common],
        )
        return parser

    export = add("export", "write the deployment's OAuth apps as a config file", _EXPORT_EPILOG)
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write FILE instead of stdout (a .json name, or --json, writes JSON)",
    )
    export.set_defaults(config_command=run_export)

    apply = add("apply", "make the deployment match a config file", _APPLY_EPILOG)
    apply.add_argument("file", metavar="FILE", help="the config file, YAML or JSON ('-': stdin)")
    apply.add_argument("--dry-run", action="store_true", help="print the plan; send no write")
    apply.add_argument(
        "--prune",
        action="store_true",
        help="deactivate active named clients the file does not list (there is no undo)",
    )
    apply.add_argument(
        "--secrets-out",
        metavar="FILE",
        help="write new client secrets to FILE (created with mode 0600, must not exist), one "
        "JSON line each, instead of printing them",
    )
    apply.set_defaults(config_command=run_apply)

    schema = add(
        "schema",
        "print the JSON Schema of the config file",
        "example:\n  wacht-oauth schema > oauth.schema.json\n",
    )
    schema.set_defaults(config_command=run_schema)


def run_schema(args: argparse.Namespace) -> int:
    """Print the JSON Schema."""
    from ._config_doc import schema

    print(json.dumps(schema(), indent=2, ensure_ascii=False))
    return 0


def run_export(args: argparse.Namespace) -> int:
    """Export the deployment's configuration to stdout or `--output`."""
    from . import cli, config

    json_out = args.json or (args.output or "").endswith(".json")
    fmt: Literal["json", "yaml"] = "json" if json_out else "yaml"
    if fmt == "yaml":
        _require_yaml()  # before any request

    def skipped(message: str) -> None:
        print(f"{cli.PROG}: note: {message}", file=sys.stderr)

    with cli._client(args) as client:
        oauth = client.deployment(cli._deployment_id(args)).oauth
        document = config.export_config(oauth, on_skipped=skipped)
    text = config.dump_config(document, fmt)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        with open(args.output, "w", encoding="utf-8") as file:
            file.write(text)
    except OSError as exc:
        raise cli.UsageError(f"cannot write {args.output}: {exc.strerror}") from None
    return 0


def run_apply(args: argparse.Namespace) -> int:
    """Plan, print the plan, and (unless --dry-run) apply it."""
    from . import cli, config

    try:
        if args.file == "-":
            desired = config.loads_config(sys.stdin.read(), filename="<stdin>")
        else:
            desired = config.load_config(args.file)
    except ModuleNotFoundError as exc:
        raise cli.UsageError(str(exc)) from None
    with cli._client(args) as client:
        oauth = client.deployment(cli._deployment_id(args)).oauth
        plan = config.plan(oauth, desired, prune=args.prune)
        if not args.json:
            sys.stdout.write(plan.render())
        if args.dry_run or not plan.has_changes or not plan.can_apply:
            _print_json(args, plan, None)
            if plan.can_apply:
                return 0
            print(
                f"{cli.PROG}: error: {len(plan.blocked)} blocked, {len(plan.conflicts)} "
                "conflicting: nothing was applied",
                file=sys.stderr,
            )
            return cli.API_ERROR
        issues_secrets = any(c.issues_secret for c in plan.changes)
        if issues_secrets and args.json and args.secrets_out is None:
            raise cli.UsageError(
                "the plan creates client secrets and --json output never carries one: "
                "add --secrets-out FILE"
            )
        sink = _SecretSink(args.secrets_out)
        try:
            result = config.apply(plan, on_secret=sink)
        finally:
            sink.close()
    if args.json:
        _print_json(args, result.plan, result.to_dict())
    else:
        sys.stdout.write(result.render())
        if sink.written and args.secrets_out:
            print(f"{sink.written} new secret(s) written to {args.secrets_out}")
    return 0 if result.ok else cli.API_ERROR


def _print_json(args: argparse.Namespace, plan: Plan, result: dict[str, Any] | None) -> None:
    if args.json:
        document = {"plan": plan.to_dict(), "result": result}
        print(json.dumps(document, indent=2, ensure_ascii=False))


def _require_yaml() -> None:
    from . import _extras, cli

    try:
        _extras.require("config", "wacht-oauth export in YAML", "yaml")
    except ModuleNotFoundError as exc:
        raise cli.UsageError(f"{exc} (or export JSON: --json or -o FILE.json)") from None


class _SecretSink:
    """Where `apply` hands new secrets: `--secrets-out` (0600, created new), else stdout.

    Each secret is written and flushed (fsynced, for the file) right after the call that issued
    it: the server shows it only once, and a later failure must not lose it.
    """

    def __init__(self, path: str | None) -> None:
        from . import cli

        self.path = path
        self.written = 0
        self.file: IO[str] | None = None
        if path is not None:
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                raise cli.UsageError(
                    f"--secrets-out {path} already exists (a secrets file is never overwritten)"
                ) from None
            except OSError as exc:
                message = f"cannot create --secrets-out {path}: {exc.strerror}"
                raise cli.UsageError(message) from None
            self.file = os.fdopen(fd, "w", encoding="utf-8")

    def __call__(self, secret: Secret) -> None:
        if self.file is not None:
            self.file.write(json.dumps(secret.to_dict()) + "\n")
            self.file.flush()
            os.fsync(self.file.fileno())
        else:
            from ._config_doc import address

            where = address(("apps", secret.app, "clients", secret.client_name))
            print(
                f"{where}: new client_secret for {secret.client_id} (shown once, store it now):\n"
                f"  {secret.client_secret}",
                flush=True,
            )
        self.written += 1

    def close(self) -> None:
        if self.file is None:
            return
        self.file.close()
        if not self.written and self.path is not None:
            os.unlink(self.path)  # nothing to hand over: a re-run may use the same path
