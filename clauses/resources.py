"""Where the shipped data folders are, installed or in a source checkout.

The wheel carries ``templates/``, ``models/`` and ``corpus/`` as the
sub-packages ``clauses.templates``, ``clauses.models`` and ``clauses.corpus``;
in a source checkout they are the top-level folders beside ``clauses/``.
"""

from __future__ import annotations

from importlib import util
from pathlib import Path

_SOURCE_TOP = Path(__file__).resolve().parent.parent


def data_dir(name: str) -> Path:
    """Return the folder of the shipped data set ``name`` (templates, models, corpus)."""
    spec = util.find_spec(f"clauses.{name}")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            path = Path(location)
            if path.is_dir():
                return path
    return _SOURCE_TOP / name
