"""Shared test fixtures: generated input files, the real contracts, and the rules every test runs under.

* No network: sockets of the Internet families are refused in the test process and,
  through ``tests/nonetwork/sitecustomize.py`` on PYTHONPATH, in every Python
  process a test starts, so "never a network call" is checked, not promised.
* Real data: tests marked ``real`` read ``../shared/real`` (or ``$CLAUSES_REAL_DIR``)
  and skip when it is absent, except under ``CI=true``, where such a skip is a
  failure: CI must not pass while silently measuring nothing.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import tempfile
from pathlib import Path

import pytest

from clauses import errors

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
# Real contracts: read in place, never copied into the repo.
REAL = Path(os.environ.get("CLAUSES_REAL_DIR") or REPO.parent / "shared" / "real")
NONETWORK = TESTS / "nonetwork"

sys.path.insert(0, str(NONETWORK))
from sitecustomize import block_network  # noqa: E402 - the folder is put on the path just above

block_network()
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(NONETWORK), os.environ.get("PYTHONPATH")) if p)


def in_ci() -> bool:
    """CI sets CI=true (GitHub, GitLab, this project's .ci/run alike)."""
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Under CI=true a skipped ``real`` test fails: the real contracts must be there."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and in_ci() and item.get_closest_marker("real") is not None:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"CI=true: a real-data test may not skip ({reason}); is ../shared/real there?"
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
    """The real contracts folder; tests using it skip when it is absent (fail under CI=true)."""
    if not REAL.is_dir():
        if in_ci():
            pytest.fail(f"CI=true but the real contracts are absent: {REAL}")
        pytest.skip(f"{REAL} is absent")
    return REAL
