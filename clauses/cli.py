"""The ``clauses`` command line.

Kept light so ``clauses --help`` starts fast: parsers, pypdf, python-docx, spaCy
and scikit-learn are imported inside the commands that need them. Every command
reports a bad input as one line, ``path: Kind: message``, through ``fail``; only
``ClausesError`` is caught, so a defect still shows its traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer

from clauses import __version__
from clauses.errors import ClausesError, InputError

EXIT_INPUT = 1  # the input file cannot be analysed
EXIT_CONFIG = 2  # bad profile, playbook or model

app = typer.Typer(
    name="clauses",
    help="Review contracts for their confidentiality clauses.",
    pretty_exceptions_enable=False,  # tracebacks could show contract text in locals
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# ---------------------------------------------------------------- shared helpers


def fail(error: ClausesError) -> typer.Exit:
    """Print ``error`` as one line on stderr and return the Exit to raise."""
    typer.echo(error.one_line(), err=True)
    return typer.Exit(EXIT_INPUT if isinstance(error, InputError) else EXIT_CONFIG)


@contextmanager
def reporting_errors() -> Iterator[None]:
    """Turn a ``ClausesError`` raised inside the block into a one-line message and exit code."""
    try:
        yield
    except ClausesError as error:
        raise fail(error) from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"clauses {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Review contracts for their confidentiality clauses.

    Examples:

        clauses parse contract.docx

        clauses parse contract.pdf --json > contract.json
    """


# ---------------------------------------------------------------- commands


def _outline_line(number: str, heading: str, text: str, page: int | None) -> str:
    words = " ".join(text.split()[:10])
    where = f"  (p. {page})" if page else ""
    head = f"[{heading}] " if heading else ""
    return f"{number or '-':<12} {head}{words}{where}"


@app.command()
def parse(
    file: Annotated[
        Path, typer.Argument(help="Contract file: PDF, DOCX, TXT, Markdown or HTML.", show_default=False)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole Document as JSON.")] = False,
    password: Annotated[str | None, typer.Option(help="Password of an encrypted PDF.")] = None,
    max_size: Annotated[
        int | None, typer.Option("--max-size", help="Largest file accepted, in bytes (default 50 MB).", min=1)
    ] = None,
) -> None:
    """Split a contract into numbered clauses and print its outline.

    One line per clause: section number, [heading], first words, page.

    Examples:

        clauses parse samples/mutual-nda.docx

        clauses parse scan.pdf --password s3cret

        clauses parse contract.pdf --json > contract.json
    """
    from clauses.parse import MAX_FILE_BYTES
    from clauses.parse import parse as parse_file

    with reporting_errors():
        document = parse_file(
            file, password=password, max_bytes=max_size if max_size is not None else MAX_FILE_BYTES
        )
    if as_json:
        json.dump(asdict(document), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    typer.echo(
        f"{document.path}: {document.format}, {len(document.clauses)} clauses"
        + (f", {document.pages} pages" if document.pages else "")
    )
    if document.title:
        typer.echo(f"Title: {document.title}")
    if document.parties:
        typer.echo(f"Parties: {'; '.join(document.parties)}")
    for clause in document.clauses:
        typer.echo(_outline_line(clause.number, clause.heading, clause.text, clause.page))


def main() -> None:
    """Console entry point (``clauses`` in pyproject.toml)."""
    app()


if __name__ == "__main__":
    main()
