"""Non-English contracts get a one-line typed error instead of thirteen false "missing"."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import REAL
from typer.testing import CliRunner

from clauses.cli import app
from clauses.detect.language import require_english
from clauses.errors import UnsupportedLanguageError
from clauses.segment import plain_document

REAL_BAD = REAL / "agreements" / "bad"

ENGLISH = (
    "The Recipient shall keep the Confidential Information of the Company in confidence, shall use it "
    "only for the Purpose and shall not disclose it to any third party without the prior written "
    "consent of the Company. These duties survive the end of this Agreement for five years. "
) * 2
GERMAN = (
    "Der Empfänger ist verpflichtet, die vertraulichen Informationen des Unternehmens geheim zu halten "
    "und sie nicht an Dritte weiterzugeben. Die Pflicht gilt auch nach dem Ende des Vertrags für die "
    "Dauer von fünf Jahren, und die Unterlagen sind auf Verlangen zurückzugeben. "
) * 2
FRENCH = (
    "Le destinataire s'engage à garder confidentielles les informations de la société et à ne pas "
    "les communiquer à des tiers sans l'accord écrit préalable de la société. Cette obligation reste "
    "en vigueur pour une durée de cinq ans après la fin du contrat et les documents sont restitués. "
) * 2
JAPANESE = "受領者は、開示者の秘密情報を厳に秘密として保持し、第三者に開示してはならない。 " * 30


def _document(text: str):
    return plain_document(text, path="contract.txt", fmt="text", sha256="")


def test_language_english_passes() -> None:
    require_english(_document(ENGLISH))


@pytest.mark.parametrize(("text", "named"), [(GERMAN, "German"), (FRENCH, "French"), (JAPANESE, "Japanese")])
def test_language_other_languages_are_refused_and_named(text: str, named: str) -> None:
    with pytest.raises(UnsupportedLanguageError, match=named) as raised:
        require_english(_document(text))
    assert raised.value.one_line().startswith("contract.txt: Language: ")


def test_language_short_texts_are_not_judged() -> None:
    require_english(_document("Vertraulichkeit. Geheimhaltung."))


def test_language_check_command_prints_one_line(tmp_path: Path) -> None:
    contract = tmp_path / "vertrag.txt"
    contract.write_text(GERMAN, encoding="utf-8")
    result = CliRunner().invoke(app, ["check", str(contract)])
    assert result.exit_code == 2  # as `clauses review` of this one file: nothing could be reviewed
    assert result.stderr.strip().count("\n") == 0 and "Language:" in result.stderr


@pytest.mark.real
def test_language_real_non_english_files_are_refused() -> None:
    if not REAL_BAD.is_dir():
        pytest.skip(f"{REAL_BAD} absent")
    from clauses.errors import ClausesError
    from clauses.pipeline import analyze

    kinds = {}
    for path in sorted(REAL_BAD.iterdir()):
        try:
            analyze(path, ocr="never")  # the garbled English PDF is refused, not OCR'd (minutes)
            kinds[path.name] = "reviewed"
        except ClausesError as error:
            kinds[path.name] = error.kind
    assert all(kind in ("Language", "Scanned") for kind in kinds.values()), kinds
    assert sum(kind == "Language" for kind in kinds.values()) >= 5


@pytest.mark.parametrize(
    "text",
    [
        "The Recipient's (a) duties_under Section 5.1: keep it; don't tell 3rd parties!",
        "Tabs\tand\r\nnew lines\x0cand\x1ffield separators",
        "KELVIN \u212a sign lowers to ASCII; café and İstanbul do not",
        # Non-ASCII marks between letters (curly quotes, dashes, no-break and em spaces), non-ASCII
        # digits and numbers (a superscript two is a letter to the regex, an Arabic-Indic digit not).
        "the “Recipient’s” duties—keep\u00a0it\u2003safe… Straße naïve x²y 3\u0663z ½ ǅ",
        "",
    ],
)
def test_language_words_are_the_letter_runs_the_regex_finds(text: str) -> None:
    """words_of cuts text without the regex (after making non-ASCII non-letters spaces): the same words."""
    from clauses.detect.language import _WORDS, words_of

    assert words_of(text) == _WORDS.findall(text.lower())
