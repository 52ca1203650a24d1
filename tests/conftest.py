"""Shared test fixtures: generated input files and the paths to the real contracts."""

from __future__ import annotations

import importlib.util
import os
import tempfile
from pathlib import Path

import pytest

from clauses import errors

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
REAL = REPO.parent / "shared" / "real"  # real contracts: read, never copied into the repo
# The start-up cache (clauses.elements.cache) goes to a folder of the test run, not the user's ~/.cache.
os.environ.setdefault("CLAUSES_CACHE_DIR", tempfile.mkdtemp(prefix="clauses-test-cache-"))

# (fixture file, error it must raise, words the one-line message must contain)
BAD_INPUTS = [
    ("legacy.doc", errors.UnsupportedFormatError, "convert to .docx or PDF"),
    ("letter.rtf", errors.UnsupportedFormatError, "RTF"),
    ("scan.png", errors.UnsupportedFormatError, "run OCR"),
    ("locked.docx", errors.EncryptedError, "password"),
    ("encrypted.pdf", errors.EncryptedError, "--password"),
    ("scanned.pdf", errors.ScannedError, "OCR"),
    ("truncated.pdf", errors.CorruptError, "PDF"),
    ("truncated.docx", errors.CorruptError, "DOCX"),
    ("notword.docx", errors.UnsupportedFormatError, "not a Word document"),
    ("bomb.docx", errors.UnsafeInputError, "zip bomb"),
    ("entity.docx", errors.UnsafeInputError, "declares XML entities"),
    ("empty.txt", errors.EmptyDocumentError, "empty"),
    ("blank.txt", errors.EmptyDocumentError, "no text"),
]


def _load_fixture_maker():
    spec = importlib.util.spec_from_file_location("make_fixtures", TESTS / "fixtures" / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def fixtures_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every generated fixture file, built once per session into a temporary folder."""
    return _load_fixture_maker().make_all(tmp_path_factory.mktemp("fixtures"))


@pytest.fixture(scope="session")
def real_dir() -> Path:
    """The real contracts folder; tests using it are skipped when it is absent."""
    if not REAL.is_dir():
        pytest.skip("../shared/real is absent")
    return REAL
