"""Every hostile single file of issue 10 gives a one-line typed error or a correct result, fast and small.

Each input is generated in ``tmp_path`` (tests/hostile_files.py) and parsed in a
fresh process under ``ulimit -v`` 1 GB and a 10 s time limit (interpreter
start-up included), so a hang, a traceback or a memory blow-up fails the test
instead of stalling the suite. An error must name the limit that was hit.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import hostile_files as hf
import pytest

REPO = Path(__file__).resolve().parent.parent
MEMORY_BYTES = 1024**3  # the bound: 1 GB of address space
SECONDS = 10  # the bound, start-up included


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def bounded(path: Path, *extra: str) -> dict:
    """The outcome of parsing ``path`` in a child process limited to 1 GB and 10 s."""
    env = {**os.environ, "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}"}
    done = subprocess.run(
        [sys.executable, str(REPO / "tests" / "hostile_files.py"), str(path), *extra],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=SECONDS,
        preexec_fn=_limit_memory,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def refused(result: dict, kind: str, words: str) -> None:
    assert result["kind"] == kind, result
    assert words in result["line"], result["line"]
    assert "\n" not in result["line"]


# ---------------------------------------------------------------- PDF


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_parse_hostile_aes_pdf_with_password_reads(tmp_path: Path, algorithm: str) -> None:
    result = bounded(hf.make_aes_pdf(tmp_path, algorithm, "user-secret"), "--password", "user-secret")
    assert result["kind"] is None, result
    assert any("Confidential Information" in t for t in result["texts"])


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256"])
def test_parse_hostile_aes_pdf_without_password_is_encrypted(tmp_path: Path, algorithm: str) -> None:
    path = hf.make_aes_pdf(tmp_path, algorithm, "user-secret")
    refused(bounded(path), "Encrypted", "--password")
    refused(bounded(path, "--password", "wrong"), "Encrypted", "does not open it")


def test_parse_hostile_aes_pdf_empty_user_password_opens(tmp_path: Path) -> None:
    result = bounded(hf.make_aes_pdf(tmp_path, "AES-256", ""))
    assert result["kind"] is None and result["clauses"] >= 4, result


@pytest.mark.parametrize("pages", [5_000, 20_000])
def test_parse_hostile_pdf_pages_over_limit(tmp_path: Path, pages: int) -> None:
    refused(bounded(hf.make_pdf_pages(tmp_path, pages)), "TooLarge", "MAX_PDF_PAGES")


# ---------------------------------------------------------------- DOCX


@pytest.mark.parametrize(
    ("fmt", "start"),
    [("lowerLetter", 10**8), ("upperLetter", 10**12), ("lowerRoman", 10**9), ("upperRoman", 10**15)],
)
def test_parse_hostile_docx_numbering_huge_start_shows_decimal(tmp_path: Path, fmt: str, start: int) -> None:
    result = bounded(hf.make_docx_numbering(tmp_path, fmt, start))
    assert result["kind"] is None, result
    # Shown as decimal digits (the segmenter cites only numbers of up to two digits).
    assert result["texts"][0].startswith(f"{start}. Confidential Information")
    assert result["texts"][1].startswith(f"{start + 1}. Use")


def test_parse_hostile_docx_numbering_start_of_5000_digits_ignored(tmp_path: Path) -> None:
    result = bounded(hf.make_docx_numbering(tmp_path, "lowerRoman", "9" * 5000))
    assert result["kind"] is None, result
    assert result["numbers"][:2] == ["i", "ii"]  # an unreadable start is Word's default, 1


def test_parse_hostile_docx_100000_paragraphs(tmp_path: Path) -> None:
    refused(bounded(hf.make_docx_paragraphs(tmp_path, 100_000)), "TooLarge", "MAX_BLOCKS")


@pytest.mark.slow
def test_parse_hostile_docx_190mb_document_part(tmp_path: Path) -> None:
    path = hf.make_docx_huge_part(tmp_path, 190)
    assert path.stat().st_size < 50 * 1024 * 1024  # under the file limit: the part limit must catch it
    refused(bounded(path), "TooLarge", "MAX_XML_PART_BYTES")


def test_parse_hostile_docx_table_of_20000_rows(tmp_path: Path) -> None:
    refused(bounded(hf.make_docx_table(tmp_path, 20_000)), "TooLarge", "MAX_TABLE_ROWS")


@pytest.mark.parametrize(
    ("part", "kind"), [("word/styles.dat", "styles"), ("word/numbering.XML", "numbering")]
)
def test_parse_hostile_docx_laughs_under_other_names(tmp_path: Path, part: str, kind: str) -> None:
    refused(bounded(hf.make_docx_laughs(tmp_path, part, kind)), "Unsafe", "declares XML entities")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_parse_hostile_docx_doctype_without_bom(tmp_path: Path, codec: str) -> None:
    refused(bounded(hf.make_docx_doctype_encoded(tmp_path, codec)), "Unsafe", "declares XML entities")


def test_parse_hostile_docx_main_part_found_by_relationships(tmp_path: Path) -> None:
    result = bounded(hf.make_docx_elsewhere(tmp_path))
    assert result["kind"] is None, result
    assert result["numbers"][1:5] == ["1", "2", "3", "4"]


def test_parse_hostile_docx_without_content_types(tmp_path: Path) -> None:
    result = bounded(hf.make_docx_no_content_types(tmp_path))
    assert result["kind"] is None and result["title"] == hf.CONTRACT[0], result


def test_parse_hostile_docx_id_of_5000_digits_reads(tmp_path: Path) -> None:
    result = bounded(hf.make_docx_long_id(tmp_path, 5000))
    assert result["kind"] is None and result["texts"][-1] == "End.", result


# ---------------------------------------------------------------- HTML


@pytest.mark.parametrize(("attribute", "value"), [("start", "1000000000000000"), ("value", "1000000000")])
def test_parse_hostile_html_huge_roman_list_value(tmp_path: Path, attribute: str, value: str) -> None:
    result = bounded(hf.make_html_roman(tmp_path, attribute, value))
    assert result["kind"] is None, result
    text = "\n".join(result["texts"])
    assert f"{value}. Confidential Information" in text and f"{int(value) + 1}. " in text


def test_parse_hostile_html_ol_start_of_5000_digits(tmp_path: Path) -> None:
    result = bounded(hf.make_section_digits(tmp_path, 5000, "html"))
    assert result["kind"] is None, result
    assert result["numbers"][1:3] == ["1", "2"]


@pytest.mark.parametrize(("tag", "closed"), [("div", True), ("b", False)])
def test_parse_hostile_html_nested_100000_deep(tmp_path: Path, tag: str, closed: bool) -> None:
    refused(bounded(hf.make_html_nested(tmp_path, tag, 100_000, closed)), "Unsafe", "MAX_NESTING_DEPTH")


def test_parse_hostile_html_nested_within_limit_reads(tmp_path: Path) -> None:
    result = bounded(hf.make_html_nested(tmp_path, "b", 900, closed=False))
    assert result["kind"] is None and result["numbers"][1:5] == ["1", "2", "3", "4"], result


@pytest.mark.parametrize("kind", ["pairs", "repeated"])
def test_parse_hostile_html_crafted_doctype(tmp_path: Path, kind: str) -> None:
    result = bounded(hf.make_html_doctype(tmp_path, kind))
    assert result["kind"] is None, result
    assert result["title"] == hf.CONTRACT[0]


def test_parse_hostile_html_idna_charset_decodes(tmp_path: Path) -> None:
    page = hf._html(hf.contract_html(), head='<meta charset="idna">')
    result = bounded(hf.make(tmp_path, "idna.html", page))
    assert result["kind"] is None and result["title"] == hf.CONTRACT[0], result


def test_parse_hostile_html_49mb(tmp_path: Path) -> None:
    path = hf.make_big(tmp_path, "big.html", 49, "<p>Secret.</p>\n")
    refused(bounded(path), "TooLarge", "MAX_BLOCKS")
    text_only = hf.make_big(tmp_path, "text.html", 49, "The recipient shall keep it secret. ")
    refused(bounded(text_only), "TooLarge", "MAX_DOCUMENT_CHARS")


def test_parse_hostile_text_control_characters_in_title(tmp_path: Path) -> None:
    text = "\x1b[31mMUTUAL\x07 NDA\x1b[0m\x0c\n\n" + "\n\n".join(hf.CONTRACT[1:])
    result = bounded(hf.make(tmp_path, "controls.txt", text))
    assert result["kind"] is None, result
    assert result["title"] == "[31mMUTUAL NDA [0m"  # controls replaced, then runs of spaces one
    assert not any(ord(c) < 32 and c not in "\t\n" for t in result["texts"] for c in t)


# ---------------------------------------------------------------- text and Markdown


def test_parse_hostile_text_49mb(tmp_path: Path) -> None:
    path = hf.make_big(tmp_path, "big.txt", 49, "The recipient shall keep the information secret.\n")
    refused(bounded(path), "TooLarge", "MAX_DOCUMENT_CHARS")


def test_parse_hostile_text_700000_lines(tmp_path: Path) -> None:
    refused(bounded(hf.make(tmp_path, "lines.txt", "a\n" * 700_000)), "TooLarge", "MAX_LINES")


def test_parse_hostile_text_one_30mb_line(tmp_path: Path) -> None:
    refused(bounded(hf.make_big(tmp_path, "line.txt", 30, "secret ")), "TooLarge", "MAX_DOCUMENT_CHARS")


def test_parse_hostile_text_one_line_over_clause_limit(tmp_path: Path) -> None:
    path = hf.make_big(tmp_path, "clause.txt", 0.5, "secret ")
    refused(bounded(path), "TooLarge", "MAX_CLAUSE_CHARS")


@pytest.mark.parametrize("fmt", ["txt", "md"])
def test_parse_hostile_section_number_of_5000_digits(tmp_path: Path, fmt: str) -> None:
    result = bounded(hf.make_section_digits(tmp_path, 5000, fmt))
    assert result["kind"] is None, result
    assert result["numbers"][-4:] == ["1", "2", "3", "4"]


@pytest.mark.parametrize(
    "crafted", ["[a](" + "(" * 150_000, "[" * 150_000, "**a " * 35_000, "<!--" * 35_000, "![a](" * 28_000]
)
def test_parse_hostile_markdown_crafted_inline(tmp_path: Path, crafted: str) -> None:
    text = "# " + hf.CONTRACT[0] + "\n\n" + crafted + "\n\n" + "\n\n".join(hf.CONTRACT[1:])
    result = bounded(hf.make(tmp_path, "crafted.md", text))
    assert result["kind"] is None, result
    assert result["title"] == hf.CONTRACT[0]


@pytest.mark.parametrize("codec", ["utf-32", "utf-32-be"])
def test_parse_hostile_utf32_text_with_bom_is_english(tmp_path: Path, codec: str) -> None:
    text = "\n\n".join(hf.CONTRACT * 4)
    data = text.encode(codec) if codec == "utf-32" else b"\x00\x00\xfe\xff" + text.encode(codec)
    result = bounded(hf.make(tmp_path, "utf32.txt", data), "--language")
    assert result["kind"] is None, result
    assert result["title"] == hf.CONTRACT[0] and result["english"]
