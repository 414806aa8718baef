"""Run a markdown document's ```python blocks the way a reader would paste them.

The blocks of one document run in order in one fresh interpreter (a subprocess), against an
emulator started with the command the README gives (its first ```bash/```console line that runs
the emulator) on a free port, with `WACHT_API_KEY` and `WACHT_BASE_URL` pointing at it. So a
passing run proves the README's own instructions, not a setup of ours.

A block that cannot run (a settings fragment, a call that needs a real deployment) is opted out
with a comment on the line right before its fence, which renders as nothing on GitHub, PyPI and
the docs site:

    <!-- snippet: skip (needs a real deployment) -->

A `--8<-- "path"` line in a block (mkdocs' include syntax) is replaced by that file, as the
docs site shows it. This module needs only the standard library, so `make dist-check` can run it
against a clean virtualenv:

    python tests/docs/snippets.py --python /tmp/venv/bin/python README.md docs/testing.md
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import re
import shlex
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = re.compile(r"^\s*<!--\s*snippet:\s*skip\s*\((?P<reason>[^()]*\S[^()]*)\)\s*-->\s*$")
MARKER = re.compile(r"^\s*<!--\s*snippet\b")
FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*?)[ \t]*$")
INCLUDE = re.compile(r"^\s*--8<--\s+\"(?P<path>[^\"]+)\"\s*$")
SHELL_LANGUAGES = {"bash", "console", "sh", "shell", "zsh"}
EMULATOR_NAMES = ("wacht_oauth_client.testing.emulator", "wacht-emulator")
DEFAULT_API_KEY = "wacht_test_sk_local"
URL = re.compile(r"http://[^\s'\"<>]+")
PYTHON = re.compile(r"^(.*/)?python(3(\.\d+)?)?$")


class SnippetError(Exception):
    """The document breaks the snippet conventions, or the emulator cannot be started."""


@dataclass
class Block:
    """One fenced code block."""

    document: Path
    number: int  # 1-based, among the document's ```python blocks
    line: int  # 1-based line of the block's first code line
    language: str
    code: str
    skip: str | None = None  # the reason, when opted out
    filename: str = ""  # what tracebacks show: the document, or the one included file

    def where(self) -> str:
        return f"{_relative(self.document)}, python block {self.number} (line {self.line})"


@dataclass
class Result:
    """How one document's blocks ran."""

    document: Path
    blocks: list[Block]
    returncode: int = 0
    stdout: str = ""
    stderr: str = ""
    failed: Block | None = None
    emulator_output: str = ""
    command: list[str] = field(default_factory=list)

    @property
    def runnable(self) -> list[Block]:
        return [b for b in self.blocks if b.skip is None]

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def report(self) -> str:
        """A failure report a person can act on: where, what ran, and the traceback."""
        where = self.failed.where() if self.failed else _relative(self.document)
        lines = [f"{where}: snippet failed (exit {self.returncode})"]
        if self.failed is not None:
            lines += ["", "--- the block (>> the failing line)", *self._numbered(self.failed)]
        lines += ["", "--- stderr", self.stderr.rstrip()]
        if self.stdout.strip():
            lines += ["", "--- stdout", self.stdout.rstrip()]
        lines += ["", f"--- emulator ({shlex.join(self.command)})", self.emulator_output.rstrip()]
        return "\n".join(lines)

    def _numbered(self, block: Block) -> list[str]:
        # The last traceback frame in the block's own file is the line that failed.
        frames = re.findall(rf'File "{re.escape(block.filename)}", line (\d+)', self.stderr)
        failing = int(frames[-1]) if frames else -1
        return [
            f"{'>>' if block.line + n == failing else '  '} {block.line + n:4} | {text}"
            for n, text in enumerate(block.code.rstrip().splitlines())
        ]


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------------------- reading blocks
def code_blocks(document: Path) -> list[Block]:
    """Every fenced block of `document`, python ones numbered, skip markers applied.

    Raises:
        SnippetError: A `<!-- snippet ... -->` comment that is not a well-formed skip with a
            reason, a skip that is not right before a ```python block, or an unclosed fence.
    """
    lines = document.read_text(encoding="utf-8").splitlines()
    blocks: list[Block] = []
    pending_skip: tuple[int, str] | None = None
    number = 0
    i = 0
    while i < len(lines):
        text = lines[i]
        opening = FENCE.match(text)
        if MARKER.search(text):
            match = SKIP.match(text)
            if match is None:
                raise SnippetError(
                    f"{_relative(document)}:{i + 1}: write it as <!-- snippet: skip (reason) -->"
                )
            pending_skip = (i + 1, match.group("reason").strip())
        elif opening:
            indent = len(opening.group("indent"))
            fence = opening.group("fence")
            info = opening.group("info").strip().lstrip("{").lstrip(".")
            language = info.split()[0].lower() if info else ""
            end = i + 1
            while end < len(lines):
                closing = lines[end].strip()
                if closing.startswith(fence) and closing.strip(fence[0]) == "":
                    break
                end += 1
            else:
                raise SnippetError(f"{_relative(document)}:{i + 1}: unclosed code fence")
            body = [_dedent(line, indent) for line in lines[i + 1 : end]]
            skip = None
            if pending_skip is not None:
                if language != "python":
                    raise SnippetError(
                        f"{_relative(document)}:{pending_skip[0]}: a skip marker must be right "
                        "before a ```python block"
                    )
                skip = pending_skip[1]
                pending_skip = None
            if language == "python":
                number += 1
            code, filename, first = _expand_includes(document, body, i + 2)
            blocks.append(Block(document, number, first, language, code, skip, filename))
            i = end
        elif text.strip() and pending_skip is not None:
            raise SnippetError(
                f"{_relative(document)}:{pending_skip[0]}: a skip marker must be right before a "
                "```python block"
            )
        i += 1
    if pending_skip is not None:
        raise SnippetError(f"{_relative(document)}:{pending_skip[0]}: skip marker without a block")
    return blocks


def python_blocks(document: Path) -> list[Block]:
    """The document's ```python blocks, in order."""
    return [b for b in code_blocks(document) if b.language == "python"]


def _dedent(line: str, indent: int) -> str:
    # A block inside a list item is indented; its code is not.
    stripped = len(line) - len(line.lstrip(" \t"))
    return line[min(indent, stripped) :]


def _expand_includes(document: Path, body: list[str], first_line: int) -> tuple[str, str, int]:
    """The code with `--8<--` lines replaced by the files, the filename and first line to show."""
    includes = [INCLUDE.match(line) for line in body]
    if len(body) == 1 and includes[0]:  # the whole block is one file: point tracebacks at it
        path = ROOT / includes[0].group("path")
        return _read_include(document, path), _relative(path), 1
    out = []
    for line, include in zip(body, includes, strict=True):
        out.append(_read_include(document, ROOT / include.group("path")) if include else line)
    return "\n".join(out) + "\n", _relative(document), first_line


def _read_include(document: Path, path: Path) -> str:
    if not path.is_file():
        raise SnippetError(f"{_relative(document)}: included file {_relative(path)} not found")
    return path.read_text(encoding="utf-8")


# ------------------------------------------------------------------------------ the emulator
def emulator_line(readme: Path) -> str:
    """The README's command that starts the emulator (first shell-block line that runs it)."""
    for block in code_blocks(readme):
        if block.language not in SHELL_LANGUAGES:
            continue
        for line in block.code.splitlines():
            command = line.split("#", 1)[0]  # a comment may mention the emulator too
            if any(name in command for name in EMULATOR_NAMES):
                return line
    raise SnippetError(f"{_relative(readme)} has no ```bash line that starts the emulator")


def emulator_argv(line: str, python: Path, port: int) -> tuple[list[str], dict[str, str]]:
    """The README's emulator command as argv for `python`'s environment, on `port`.

    Returns:
        The argv, and the `NAME=value` environment assignments that prefixed the command.
    """
    line = line.strip()
    line = line[2:] if line.startswith("$ ") else line
    words = shlex.split(line, comments=True)
    if words and words[-1] == "&":
        words.pop()
    env: dict[str, str] = {}
    while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0]):
        name, _, value = words.pop(0).partition("=")
        env[name] = value
    if not words:
        raise SnippetError(f"cannot read the emulator command {line!r}")
    program, args = words[0], words[1:]
    if PYTHON.match(program):
        argv = [str(python), *args]
    elif Path(program).name == "wacht-emulator":
        argv = [str(python.parent / "wacht-emulator"), *args]
    else:
        raise SnippetError(f"cannot tell how to run {program!r} from {line!r}")
    for i, arg in enumerate(argv):
        if arg == "--port" and i + 1 < len(argv):
            argv[i + 1] = str(port)
            break
        if arg.startswith("--port="):
            argv[i] = f"--port={port}"
            break
    else:
        argv += ["--port", str(port)]
    return argv, env


def api_key(readme: Path, argv: list[str]) -> str:
    """The key the snippets send: the emulator's `--api-key`, else the README's, else a default."""
    for i, arg in enumerate(argv):
        if arg == "--api-key" and i + 1 < len(argv):
            return argv[i + 1].partition("=")[0]
        if arg.startswith("--api-key="):
            return arg.split("=", 2)[1]
    for block in code_blocks(readme):
        if block.language in SHELL_LANGUAGES:
            for match in re.finditer(r"WACHT_API_KEY=(?P<value>\S+)", block.code):
                value = match.group("value").strip("'\"")
                if value and value[0] not in ".<$":
                    return value
    return DEFAULT_API_KEY


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


class RunningEmulator:
    """The emulator process, started as the README says; `url` is read from its output."""

    def __init__(self, argv: list[str], env: dict[str, str], cwd: Path, timeout: float = 20):
        self.argv = argv
        self._output: list[str] = []
        self._lines: queue.Queue[str | None] = queue.Queue()
        self.process = subprocess.Popen(
            argv,
            cwd=cwd,
            env={**_clean_environ(), **env, "PYTHONUNBUFFERED": "1"},
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()
        self.url = self._wait_for_url(timeout)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._output.append(line)
            self._lines.put(line)
        self._lines.put(None)

    def _wait_for_url(self, timeout: float) -> str:
        while True:
            try:
                line = self._lines.get(timeout=timeout)
            except queue.Empty:
                self.stop()
                raise SnippetError(f"no URL from {shlex.join(self.argv)} in {timeout} s") from None
            if line is None:
                self.stop()
                raise SnippetError(
                    f"{shlex.join(self.argv)} exited ({self.process.returncode}) before printing "
                    f"its URL:\n{self.output}"
                )
            match = URL.search(line)
            if match:
                return match.group(0).rstrip(".,;:)/")

    @property
    def output(self) -> str:
        return "".join(self._output)

    def stop(self) -> None:
        """Ctrl-C, as the README says; killed if it has not stopped after 5 s."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _clean_environ() -> dict[str, str]:
    # The snippets see only the variables the reader was told to set.
    return {k: v for k, v in os.environ.items() if not k.startswith(("WACHT_", "DJANGO_"))}


# ---------------------------------------------------------------------------------- running
_DRIVER = """\
import json, sys, traceback
blocks = json.loads(sys.stdin.read())
namespace = {"__name__": "__main__"}
for block in blocks:
    # Leading newlines make tracebacks show the document's own line numbers.
    source = "\\n" * (block["line"] - 1) + block["code"]
    try:
        exec(compile(source, block["filename"], "exec"), namespace)
    except BaseException:
        print("SNIPPET-FAILED", block["number"], file=sys.stderr)
        traceback.print_exc()
        sys.exit(1)
"""


def run_document(
    document: Path,
    *,
    python: Path | None = None,
    readme: Path = ROOT / "README.md",
    timeout: float = 120,
) -> Result:
    """Run `document`'s runnable python blocks against a fresh emulator started as `readme` says.

    Args:
        document: The markdown file.
        python: The interpreter (and so the environment) to run the emulator and the blocks
            with; the current one by default.
        readme: Where the emulator command and the API key come from.
        timeout: Seconds for all of the document's blocks together.

    Returns:
        The outcome; `report()` describes a failure.

    Raises:
        SnippetError: The conventions are broken, or the emulator did not start.
    """
    python = Path(python or sys.executable)
    blocks = python_blocks(document)
    result = Result(document, blocks)
    if not result.runnable:
        return result
    with tempfile.TemporaryDirectory(prefix="wacht-snippets-") as tmp:
        # An empty working directory: the snippets import the installed package, not this tree.
        cwd = Path(tmp)
        argv, env = emulator_argv(emulator_line(readme), python, free_port())
        result.command = argv
        emulator = RunningEmulator(argv, env, cwd)
        try:
            payload = [
                {"number": b.number, "line": b.line, "code": b.code, "filename": b.filename}
                for b in result.runnable
            ]
            env = {"WACHT_API_KEY": api_key(readme, argv), "WACHT_BASE_URL": emulator.url}
            completed = subprocess.run(
                [str(python), "-c", _DRIVER],
                input=json.dumps(payload),
                cwd=cwd,
                env={**_clean_environ(), **env},
                capture_output=True,
                text=True,
                timeout=timeout,
            )
        finally:
            emulator.stop()
        result.emulator_output = emulator.output
    result.returncode, result.stdout, result.stderr = (
        completed.returncode,
        completed.stdout,
        completed.stderr,
    )
    failed = re.search(r"^SNIPPET-FAILED (\d+)$", completed.stderr, re.MULTILINE)
    if failed:
        result.failed = next(b for b in blocks if b.number == int(failed.group(1)))
        result.stderr = completed.stderr.replace(failed.group(0) + "\n", "", 1)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("documents", nargs="+", type=Path)
    parser.add_argument("--python", type=Path, default=None, help="default: this interpreter")
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args(argv)
    failures = 0
    for document in args.documents:
        result = run_document(document, python=args.python, readme=args.readme)
        skipped = len(result.blocks) - len(result.runnable)
        status = "ok" if result.ok else "FAILED"
        runnable = len(result.runnable)
        print(f"{_relative(document)}: {runnable} blocks run, {skipped} skipped: {status}")
        if not result.ok:
            failures += 1
            print(result.report(), file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
