"""clauses: review contracts for their confidentiality clauses.

The public surface is small and listed in ``__all__`` (guarded by
``tests/test_public_api.py``); everything else is internal and may move.
Names are imported lazily so that ``import clauses`` (and ``clauses --help``)
stays cheap: the pipeline pulls in spaCy and numpy.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# name -> module that defines it
_PUBLIC = {
    "analyze": "clauses.pipeline",
    "analyze_document": "clauses.pipeline",
    "parse": "clauses.parse",
    "Analysis": "clauses.datamodel",
    "Clause": "clauses.datamodel",
    "Document": "clauses.datamodel",
    "ElementResult": "clauses.datamodel",
    "Evidence": "clauses.datamodel",
    "ClausesError": "clauses.errors",
}

__all__ = ["__version__", *_PUBLIC]


def __getattr__(name: str) -> Any:
    if name in _PUBLIC:
        return getattr(import_module(_PUBLIC[name]), name)
    raise AttributeError(f"module 'clauses' has no attribute {name!r}")
