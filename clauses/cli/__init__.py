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
from clauses.cli.options import (
    FlagCommand,
    FlagGroup,
    MaxSizeOption,
    ModelOption,
    OcrMode,
    OcrOption,
    PasswordOption,
    max_bytes,
)
from clauses.cli.terminal import json_safe, printable
from clauses.errors import ClausesError, InputError

EXIT_INPUT = 1  # the input file cannot be analysed
EXIT_CONFIG = 2  # bad profile, playbook or model

app = typer.Typer(
    name="clauses",
    cls=FlagGroup,
    help="Review contracts for their confidentiality clauses.",
    pretty_exceptions_enable=False,  # tracebacks could show contract text in locals
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# ---------------------------------------------------------------- shared helpers


def fail(error: ClausesError) -> typer.Exit:
    """Print ``error`` as one line on stderr and return the Exit to raise."""
    typer.echo(printable(error.one_line()), err=True)
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
    return printable(f"{number or '-':<12} {head}{words}{where}")


@app.command(cls=FlagCommand)
def parse(
    file: Annotated[
        Path, typer.Argument(help="Contract file: PDF, DOCX, TXT, Markdown or HTML.", show_default=False)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole Document as JSON.")] = False,
    password: PasswordOption = None,
    max_size: MaxSizeOption = None,
    ocr: OcrOption = OcrMode.auto,
) -> None:
    """Split a contract into numbered clauses and print its outline.

    One line per clause: section number, \\[heading], first words, page.

    Examples:

        clauses parse samples/mutual-nda.docx

        clauses parse scan.pdf --password s3cret

        clauses parse signed-scan.pdf --ocr always

        clauses parse contract.pdf --json > contract.json
    """
    from clauses.parse import parse as parse_file

    with reporting_errors():
        document = parse_file(file, password=password, max_bytes=max_bytes(max_size), ocr=ocr.value)
    if as_json:
        sys.stdout.write(json_safe(json.dumps(asdict(document), ensure_ascii=False, indent=2)) + "\n")
        return
    typer.echo(
        printable(f"{document.path}: {document.format}, {len(document.clauses)} clauses")
        + (f", {document.pages} pages" if document.pages else "")
    )
    if document.title:
        typer.echo(f"Title: {printable(document.title)}")
    if document.parties:
        typer.echo(f"Parties: {printable('; '.join(document.parties))}")
    from clauses.pipeline import ocr_warnings

    for warning in ocr_warnings(document):
        typer.echo(printable(f"Warning: {warning}"))
    ocr_pages = {mark.page for mark in document.ocr}
    for clause in document.clauses:
        line = _outline_line(clause.number, clause.heading, clause.text, clause.page)
        typer.echo(f"{line} [OCR]" if clause.page in ocr_pages else line)


def _model(folder: Path | None):
    from clauses.pipeline import load_shipped_model

    return load_shipped_model(folder)


@app.command(cls=FlagCommand)
def train(
    corpus: Annotated[Path | None, typer.Option(help="Corpus folder (default: the shipped corpus/).")] = None,
    out: Annotated[
        Path, typer.Option(help="Where to write the model: a folder, created if needed.")
    ] = Path("models"),
    seed: Annotated[
        int, typer.Option(help="Random seed; the same corpus and seed give the same model.")
    ] = 20261121,
    folds: Annotated[
        int, typer.Option(help="Cross-validation folds for the manifest's metrics (1 = skip).", min=1)
    ] = 5,
) -> None:
    """Build the classifier from the labelled corpus and write weights plus manifest.

    Writes to ./models (or --out), never into the installed package; use the
    result with --model or $CLAUSES_MODEL_DIR. Deterministic: the same corpus
    and seed give byte-identical files. Takes a few minutes; each step is shown.

    Examples:

        clauses train

        clauses train --corpus my-corpus/ --out my-model/ --folds 1

        clauses check contract.docx --model models/
    """
    import time

    from clauses.detect.train import train as train_model
    from clauses.resources import data_dir

    started = time.perf_counter()

    def progress(step: int, steps: int, what: str) -> None:
        typer.echo(f"[{step}/{steps}] {what} ({time.perf_counter() - started:.0f} s)", err=True)

    with reporting_errors():
        refuse_package_folder(out)
        corpus = corpus or data_dir("corpus")
        calibrator = None
        if folds > 1:  # the confidence calibration is fitted on the folds' held-out contracts
            from clauses.evaluate.calibrate import FoldCalibrator

            calibrator = FoldCalibrator(corpus, seed)
        manifest = train_model(
            corpus, out, seed=seed, folds=folds, calibrator=calibrator, progress=progress
        )
    typer.echo(
        f"trained on {manifest['corpus_clauses']} clauses; model {manifest['model_version']} "
        f"written to {printable(out)} in {time.perf_counter() - started:.0f} s"
    )
    for element, metrics in manifest["cv_metrics"].items():
        typer.echo(
            f"  {element:22} P {metrics['precision']:.2f}  R {metrics['recall']:.2f}  "
            f"F1 {metrics['f1']:.2f}  ({metrics['positives']} positives)"
        )


def refuse_package_folder(out: Path) -> None:
    """Raise ConfigError when ``out`` lies inside the installed clauses package.

    A model written there would silently replace the shipped one for every user
    of that installation, and be lost at the next upgrade.
    """
    import clauses
    from clauses.errors import ConfigError

    package = Path(clauses.__file__).resolve().parent
    target = out.resolve()
    if target == package or package in target.parents:
        raise ConfigError(f"{out}: inside the installed clauses package; choose another --out")


@app.command(cls=FlagCommand)
def evaluate(
    labels: Annotated[
        Path, typer.Argument(help="labels.jsonl: one line per document and element.", show_default=False)
    ],
    docs: Annotated[
        Path, typer.Option(help="ContractNLI-style .json of documents, or a folder of contract files.")
    ],
    model: ModelOption = None,
    errors: Annotated[bool, typer.Option(help="Also list the documents behind each miss.")] = False,
    explain: Annotated[
        bool,
        typer.Option(
            help="List each wrong verdict (false present, false missing, wrong weak flag) with the "
            "clause the detector used and the label's evidence."
        ),
    ] = False,
    half: Annotated[
        str, typer.Option(help="study, blind or all: the half of the set (by document) to score.")
    ] = "all",
    split: Annotated[
        Path | None,
        typer.Option(help="Study/blind split file (default: tests/real_split.json of this checkout)."),
    ] = None,
) -> None:
    """Measure detection against labelled contracts: P/R/F1, weak-flag accuracy, evidence hits,
    contracts with all 13 verdicts right, false "missing" per contract, and calibration.

    Study only the study half's errors; the blind half says whether a change holds.

    Examples:

        clauses evaluate ../shared/real/contractnli/labels.jsonl --docs ../shared/real/contractnli/dev.json

        clauses evaluate ../shared/real/agreements/labels.jsonl --docs ../shared/real/agreements/docs \\
            --half blind
    """
    from clauses.evaluate import evaluate as run_evaluation
    from clauses.evaluate import format_table, load_split

    with reporting_errors():
        chosen = None
        if half != "all":
            default = Path(__file__).resolve().parents[2] / "tests" / "real_split.json"
            chosen = load_split(split if split is not None else default)
        result = run_evaluation(labels, docs, _model(model), half=half, split=chosen)
    typer.echo(format_table(result))
    if errors:
        for element, score in result.scores.items():
            for line in score.errors:
                typer.echo(printable(f"  {element}: {line}"))
    if explain:
        for element, score in result.scores.items():
            for line in score.details:
                typer.echo(printable(f"  {element}: {line}", newlines=True))
    for line in result.failed:
        typer.echo(printable(f"  not read: {line}"))


def _register_commands() -> None:
    """Commands kept in their own modules; registered here so ``clauses --help`` lists them all."""
    from clauses.cli.check import check
    from clauses.cli.review import review

    app.command("check", cls=FlagCommand)(check)
    app.command("review", cls=FlagCommand)(review)


_register_commands()


def main() -> None:
    """Console entry point (``clauses`` in pyproject.toml).

    Ends the process with ``os._exit`` once the output streams are flushed, as
    mypy does: by then every report is written (atomically) and any worker pool
    is shut down, and tearing down an interpreter that holds spaCy and the model
    only costs time (about 0.12 s per run, paid by every CI job that runs us).
    """
    import os

    try:
        app()
        code = 0
    except SystemExit as done:
        code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
        if isinstance(done.code, str):
            print(done.code, file=sys.stderr)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (`clauses ... | head`): nothing left to say
            pass
    os._exit(code)
