"""The package's public surface: small, listed in ``__all__``, every name importable."""

import subprocess
import sys

import clauses

EXPECTED = {
    "__version__",
    "analyze",
    "analyze_document",
    "parse",
    "Analysis",
    "Clause",
    "Document",
    "ElementResult",
    "Evidence",
    "ClausesError",
}


def test_public_api_all_is_the_agreed_small_set() -> None:
    assert set(clauses.__all__) == EXPECTED


def test_public_api_every_name_resolves() -> None:
    for name in clauses.__all__:
        assert getattr(clauses, name) is not None


def test_public_api_unknown_name_is_attribute_error() -> None:
    try:
        clauses.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("expected AttributeError")


def test_public_api_import_is_lazy() -> None:
    code = "import sys, clauses; print('spacy' in sys.modules, 'clauses.pipeline' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]
