"""Every ```python block of the README and the docs runs, as pasted, against the emulator.

Each document runs in its own interpreter, its blocks in order, against a fresh emulator started
with the README's own command (see snippets.py). Blocks that cannot run are opted out with
`<!-- snippet: skip (reason) -->`, and the pages that teach by example must keep some that run.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import snippets

ROOT = snippets.ROOT
DOCUMENTS = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted(ROOT.glob("docs/**/*.md"))]
# Pages made of examples: all of them skipped would mean nothing is checked.
MUST_RUN = {
    "README.md",
    "docs/index.md",
    "docs/reliability.md",
    "docs/testing.md",
    "docs/django.md",
}


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("document", DOCUMENTS, ids=_name)
def test_python_blocks_run_against_the_emulator(document: Path) -> None:
    result = snippets.run_document(document)
    if _name(document) in MUST_RUN:
        assert result.runnable, f"{_name(document)}: no runnable ```python block"
    if not result.ok:
        pytest.fail(result.report(), pytrace=False)


def test_the_must_run_pages_exist() -> None:
    assert {p for p in MUST_RUN if (ROOT / p).is_file()} == MUST_RUN


def test_every_skip_gives_a_reason() -> None:
    for document in DOCUMENTS:
        for block in snippets.python_blocks(document):
            assert block.skip is None or block.skip.strip(), block.where()


# -- the runner's conventions, on small documents ----------------------------------------------


def _doc(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "page.md"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_blocks_are_numbered_dedented_and_skipped_with_a_reason(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        """\
        Text.

        ```python
        a = 1
        ```

        <!-- snippet: skip (a settings fragment) -->
        ```python
        INSTALLED_APPS += ["x"]
        ```

        - in a list:

          ```python
          b = a + 1
          ```

        ```bash
        echo not python
        ```
        """,
    )
    blocks = snippets.python_blocks(doc)
    assert [(b.number, b.line, b.code, b.skip) for b in blocks] == [
        (1, 4, "a = 1\n", None),
        (2, 9, 'INSTALLED_APPS += ["x"]\n', "a settings fragment"),
        (3, 15, "b = a + 1\n", None),
    ]


@pytest.mark.parametrize(
    "marker",
    [
        "<!-- snippet: skip -->",
        "<!-- snippet: skip () -->",
        "<!-- snippet: skipp (typo) -->",
    ],
)
def test_a_malformed_marker_is_an_error(tmp_path: Path, marker: str) -> None:
    doc = _doc(tmp_path, f"{marker}\n```python\nx = 1\n```\n")
    with pytest.raises(snippets.SnippetError, match="snippet: skip \\(reason\\)"):
        snippets.python_blocks(doc)


def test_a_marker_must_be_right_before_a_python_block(tmp_path: Path) -> None:
    doc = _doc(tmp_path, "<!-- snippet: skip (why) -->\nSome text.\n\n```python\nx = 1\n```\n")
    with pytest.raises(snippets.SnippetError, match="right before"):
        snippets.python_blocks(doc)


def test_an_include_is_replaced_by_the_file(tmp_path: Path) -> None:
    doc = _doc(tmp_path, '```python\n--8<-- "examples/cassette_recipe/provisioning.py"\n```\n')
    (block,) = snippets.python_blocks(doc)
    assert "def provision(" in block.code
    assert block.filename == "examples/cassette_recipe/provisioning.py" and block.line == 1


@pytest.mark.parametrize(
    ("line", "argv", "env"),
    [
        (
            "python -m wacht_oauth_client.testing.emulator --port 8787 &",
            ["PY", "-m", "wacht_oauth_client.testing.emulator", "--port", "5555"],
            {},
        ),
        (
            "$ .venv/bin/python -m wacht_oauth_client.testing.emulator  # Ctrl-C stops it",
            ["PY", "-m", "wacht_oauth_client.testing.emulator", "--port", "5555"],
            {},
        ),
        (
            "SEED=1 wacht-emulator --port=8787 --api-key sk_test=dep_123",
            ["BIN/wacht-emulator", "--port=5555", "--api-key", "sk_test=dep_123"],
            {"SEED": "1"},
        ),
    ],
)
def test_the_emulator_command_is_read_as_a_shell_would(
    line: str, argv: list[str], env: dict[str, str]
) -> None:
    python = Path("/venv/bin/python")
    got, got_env = snippets.emulator_argv(line, python, 5555)
    assert got == [a.replace("PY", str(python)).replace("BIN", "/venv/bin") for a in argv]
    assert got_env == env


def test_the_api_key_comes_from_the_emulator_command_first(tmp_path: Path) -> None:
    readme = _doc(tmp_path, "```bash\nexport WACHT_API_KEY=sk_from_readme\n```\n")
    assert snippets.api_key(readme, ["x", "--api-key", "sk_cli=dep_1"]) == "sk_cli"
    assert snippets.api_key(readme, ["x"]) == "sk_from_readme"
    assert snippets.api_key(_doc(tmp_path, "no key\n"), ["x"]) == snippets.DEFAULT_API_KEY


def test_a_failure_names_the_document_block_and_line(tmp_path: Path) -> None:
    readme = _doc(
        tmp_path,
        """\
        ```bash
        python -m wacht_oauth_client.testing.emulator
        ```

        ```python
        from wacht_oauth_client import WachtClient
        client = WachtClient()
        ```

        ```python
        apps = client.oauth.list_oauth_apps("dep_123")
        assert apps == ["not", "empty"], apps
        ```
        """,
    )
    result = snippets.run_document(readme, readme=readme)
    assert not result.ok and result.failed is not None
    assert result.failed.number == 2
    report = result.report()
    assert f"{readme}, python block 2 (line 11)" in report
    assert ">>   12 | assert apps" in report
    assert "AssertionError: []" in report
