"""Options that several commands share, declared once so they read and behave alike.

``parse``, ``check`` and ``review`` all open contracts, so each takes the same
``--password`` (also from ``$CLAUSES_PASSWORD``, which keeps it out of the
process list), ``--max-size`` (the TooLarge message tells the user to raise it,
so every command that reads a file must have it) and, where a model is used,
``--model``.

Also the command class every command uses: this typer shows a flag's type as
``<bool>``, as if ``--json`` took a value; a flag shows no type here.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

__all__ = [
    "PASSWORD_ENV",
    "FlagCommand",
    "FlagGroup",
    "MaxSizeOption",
    "ModelOption",
    "PasswordOption",
    "ProfileOption",
    "OcrMode",
    "OcrOption",
    "SideOption",
    "max_bytes",
]

PASSWORD_ENV = "CLAUSES_PASSWORD"

PasswordOption = Annotated[
    str | None,
    typer.Option(
        "--password",
        envvar=PASSWORD_ENV,
        show_default=False,
        help=f"Password of encrypted PDFs (or set {PASSWORD_ENV}, which keeps it out of the process list).",
    ),
]
MaxSizeOption = Annotated[
    int | None,
    typer.Option(
        "--max-size",
        min=1,
        show_default=False,
        help="Largest file accepted, in bytes (default 50 MB); larger files are refused before reading.",
    ),
]
ModelOption = Annotated[
    Path | None,
    typer.Option(
        "--model",
        show_default=False,
        help="Model folder (default: $CLAUSES_MODEL_DIR, else the shipped model).",
    ),
]
ProfileOption = Annotated[
    str,
    typer.Option(
        "--profile",
        "-p",
        help="auto (infer the contract type), nda, vendor, employment, or a playbook .toml file.",
    ),
]

SIDE_HELP = (
    "Whose side you review for: customer, vendor, discloser, recipient, employer, employee, either, "
    "or a party's name as the contract writes it. A duty counts only when it binds the other side "
    "(or both). Default: the profile's (vendor: customer; employment: employer; nda: either)."
)
SideOption = Annotated[str | None, typer.Option("--side", help=SIDE_HELP, show_default=False)]


def max_bytes(value: int | None) -> int:
    """The --max-size value, or the parser's default limit."""
    from clauses.parse import MAX_FILE_BYTES

    return value if value is not None else MAX_FILE_BYTES


def _no_flag_type(params: list[Any]) -> list[Any]:
    for param in params:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""  # typer prints the metavar instead of "<bool>"
    return params


class FlagCommand(TyperCommand):
    """A command whose help shows no value type for flags (``--json``, ``--help``)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _no_flag_type(super().get_params(ctx))


class FlagGroup(TyperGroup):
    """The top-level group, likewise (``--version``, ``--help``)."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _no_flag_type(super().get_params(ctx))


class OcrMode(str, Enum):
    """Which PDF pages are read by OCR (see ``clauses.parse.pdfium``)."""

    auto = "auto"
    always = "always"
    never = "never"


OcrOption = Annotated[
    OcrMode,
    typer.Option(
        "--ocr",
        case_sensitive=False,
        help="OCR for scanned PDFs: auto (pages without a text layer), always (every page), never. "
        'Needs Tesseract: pip install "clauses\\[ocr]" plus the tesseract-ocr system package.',
    ),
]
