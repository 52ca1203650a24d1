"""Where the shipped data folders are, installed or in a source checkout.

The wheel carries ``templates/``, ``models/`` and ``corpus/`` as the
sub-packages ``clauses.templates``, ``clauses.models`` and ``clauses.corpus``;
in a source checkout they are the top-level folders beside ``clauses/``.
"""

from __future__ import annotations

import os
from importlib import util
from pathlib import Path

_SOURCE_TOP = Path(__file__).resolve().parent.parent
MODEL_ENV = "CLAUSES_MODEL_DIR"  # overrides the shipped model folder (tests, benchmarks)


def data_dir(name: str) -> Path:
    """Return the folder of the shipped data set ``name`` (templates, models, corpus)."""
    spec = util.find_spec(f"clauses.{name}")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            path = Path(location)
            if path.is_dir():
                return path
    return _SOURCE_TOP / name


def model_dir(folder: str | os.PathLike[str] | None = None) -> Path:
    """The model folder: the given one, else ``$CLAUSES_MODEL_DIR``, else the shipped ``models/``.

    Every command that loads the model asks here, so ``review``, ``check`` and
    ``evaluate`` read the same model.
    """
    if folder:
        return Path(folder)
    if os.environ.get(MODEL_ENV):
        return Path(os.environ[MODEL_ENV])
    return data_dir("models")
