"""``clauses review``: review a batch of contracts into a folder of reports and summaries.

Registered on the app in ``clauses/cli.py`` with ``app.command("review")(review)``.
Only typer and the standard library are imported at module level, so
``clauses --help`` stays fast; the runner, parsers and model load inside the command.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

# Plain constants of a module that imports only the standard library (``clauses --help`` stays fast).
from clauses.batch.budget import DOCUMENT_MEMORY_MB, DOCUMENT_SECONDS
from clauses.batch.failon import EXIT_GAPS, EXIT_OK, EXIT_USAGE, FailOn
from clauses.cli.options import (
    MaxSizeOption,
    ModelOption,
    OcrMode,
    OcrOption,
    PasswordOption,
    ProfileOption,
    SideOption,
    max_bytes,
)
from clauses.cli.terminal import printable

if TYPE_CHECKING:
    from clauses.batch import BatchResult

__all__ = [
    "FailOn",
    "discover",
    "exit_code",
    "review",
    "EXIT_OK",
    "EXIT_GAPS",
    "EXIT_USAGE",
    "EXIT_INTERRUPTED",
]

EXIT_INTERRUPTED = 130  # Ctrl-C, as shells report SIGINT


class Comments(str, Enum):
    counterparty = "counterparty"
    internal = "internal"
    none = "none"


def discover(specs: Sequence[str], exclude: Path | None = None):
    """``clauses.batch.discover.discover`` (the batch owns discovery; kept here for callers)."""
    from clauses.batch.discover import discover as find

    return find(specs, exclude)


def exit_code(result: BatchResult, fail_on: str) -> int:
    """0 pass, 1 gaps at or above ``fail_on``, 2 nothing readable (``clauses.batch.failon``)."""
    from clauses.batch.failon import exit_code as gate

    return gate(result.done, fail_on)


# ---------------------------------------------------------------- the command


def _formats(value: str) -> tuple[str, ...]:
    from clauses.report.formats import REPORT_FORMATS as FORMATS

    names = tuple(dict.fromkeys(part.strip().lower() for part in value.split(",") if part.strip()))
    unknown = [name for name in names if name not in FORMATS]
    if not names or unknown:
        raise typer.BadParameter(
            f"use a comma-separated list of {', '.join(FORMATS)}; got {value!r}", param_hint="--format"
        )
    return names


def review(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Contract files, folders (searched recursively; hidden and temporary files skipped) "
            "or glob patterns such as 'contracts/**/*.pdf'.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Folder for the reports, summary.csv, summary.xlsx and index.html.",
            file_okay=False,
            show_default=False,
        ),
    ],
    format: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="Per-contract reports, comma-separated: json, md, html, docx, csv, xlsx "
            "(docx = redline with tracked changes; csv/xlsx = one row per element).",
        ),
    ] = "json,html",
    profile: ProfileOption = "auto",
    comments: Annotated[
        Comments,
        typer.Option(
            "--comments",
            case_sensitive=False,
            help="Comments in the DOCX redline: counterparty (short plain reasons, to send), "
            "internal (full reasons with scores), none.",
        ),
    ] = Comments.counterparty,
    author: Annotated[
        str,
        typer.Option("--author", help="Name on the redline's tracked changes and comments."),
    ] = "clauses",
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Documents analysed in parallel (worker processes). Default: all cores.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Redo every document, even those unchanged since the last run.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Show only errors and the final summary line.")
    ] = False,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            case_sensitive=False,
            help="Exit 1 when a contract has gaps at this level: "
            "missing (RED or a required element missing), weak (also any weak element or missing "
            "recommended one), never.",
        ),
    ] = FailOn.missing,
    side: SideOption = None,
    password: PasswordOption = None,
    max_size: MaxSizeOption = None,
    model: ModelOption = None,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0,
            help="Seconds one document may take; over it, the document gets a Timeout error row and "
            "the batch goes on (0: no limit).",
        ),
    ] = DOCUMENT_SECONDS,
    max_memory: Annotated[
        int,
        typer.Option(
            "--max-memory",
            min=64,
            help="Megabytes of memory one document may add to its worker; over it, a TooLarge error row.",
        ),
    ] = DOCUMENT_MEMORY_MB,
    ocr: OcrOption = OcrMode.auto,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            help="Analyse on a Dask cluster: the scheduler's address (tcp://host:8786), or 'local' for a "
            "LocalCluster of this machine's cores. Reports and resume state are written here. "
            'Needs pip install "clauses\\[dask]".',
            show_default=False,
        ),
    ] = None,
    shared_paths: Annotated[
        bool,
        typer.Option(
            "--shared-paths",
            help="With --scheduler: send workers the file paths instead of the bytes "
            "(the workers see the same storage at the same paths).",
        ),
    ] = False,
) -> None:
    """Review many contracts: per-contract reports plus a portfolio summary.

    Every contract gets its reports in --out (named from its path, so two
    folders' nda.docx do not clash), and the batch gets summary.csv,
    summary.xlsx and index.html with one row per contract: type, profile,
    routing, score, each element's status, and the error if it could not be read.
    A bad file never stops the batch: a file that cannot be read, takes over
    --timeout seconds or --max-memory megabytes, or kills its worker process gets
    an error row, and a folder that cannot be listed gets one too. --out holds,
    per contract, the reports of the last run's --format (others are removed).

    Reruns are incremental: a contract whose bytes, profile, model and reports
    are unchanged is skipped (--force redoes it), and an interrupted run
    (Ctrl-C, exit 130) finishes where it stopped.

    Exit codes: 0 no contract has gaps at the --fail-on level; 1 at least one
    has, or could not be reviewed (an unreviewed contract cannot pass a gate;
    with --fail-on never bad files only show in the summary); 2 usage error,
    bad profile or model, no files matched, or not one file could be read.

    Examples:

        clauses review contracts/ --out review/

        clauses review 'inbox/**/*.pdf' --out review/ --format json,docx

        clauses review contracts/ --out review/ --profile playbook.toml --fail-on weak --quiet

        clauses review vendor-terms/ --out review/ --profile vendor --side customer

        clauses review nda.docx --out review/ --format docx --author "Jane Doe, ACME Legal"

        clauses review dataroom/ --out review/ --scheduler tcp://10.0.0.5:8786

    A cover page that incorporates standard terms by reference is reviewed
    together with the file beside it whose title it names.
    """
    from clauses.batch import BatchOptions, run_batch, write_summaries
    from clauses.batch.progress import Reporter, summary_line
    from clauses.errors import ClausesError
    from clauses.report.structured import visible

    formats = _formats(format)
    if not author.strip() or len(author) > 255:
        typer.echo("--author: give a name of 1 to 255 characters", err=True)
        raise typer.Exit(EXIT_USAGE)
    if shared_paths and not scheduler:
        raise typer.BadParameter("only with --scheduler", param_hint="--shared-paths")
    found = discover(paths, exclude=out)
    files = found.files
    reporter = Reporter(len(files) + len(found.unreadable), mode="quiet" if quiet else "auto")
    for warning in found.warnings:
        reporter.print(visible(warning))
    if not files:
        for _, line in found.unreadable:
            reporter.print(visible(line))
        reporter.print("no contract files found in the given paths")
        raise typer.Exit(EXIT_USAGE)
    options = BatchOptions(
        out_dir=out,
        formats=formats,
        profile=profile,
        jobs=jobs or os.cpu_count() or 1,
        force=force,
        password=password,
        max_bytes=max_bytes(max_size),
        model_folder=model,
        side=side,
        author=author,
        comments=comments.value,
        timeout=timeout,
        max_memory_mb=max_memory,
        ocr=ocr.value,
        scheduler=scheduler,
        shared_paths=shared_paths,
    )
    try:
        with reporter:
            result = run_batch(files, options, on_record=reporter, problems=found.unreadable)
    except ClausesError as error:  # profile, playbook or model: nothing can be reviewed
        typer.echo(printable(error.one_line()), err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except OSError as error:  # --out cannot be created or written
        typer.echo(
            printable(f"{error.filename or out}: cannot write the output folder: {error.strerror or error}"),
            err=True,
        )
        raise typer.Exit(EXIT_USAGE) from None
    if result.interrupted:
        reporter.print(summary_line(result, str(out)) + " (summaries not rebuilt; rerun to finish)")
        raise typer.Exit(EXIT_INTERRUPTED)
    try:
        write_summaries(out, result.done)
    except KeyboardInterrupt:  # atomic writes: each summary file is either the old or the new one
        raise typer.Exit(EXIT_INTERRUPTED) from None
    if result.removed:
        reporter.print(
            f"removed {len(result.removed)} report(s) of formats not asked for this time "
            f"(--format {','.join(formats)}), e.g. {visible(result.removed[0])}"
        )
    reporter.print(summary_line(result, str(out)))
    raise typer.Exit(exit_code(result, fail_on.value))
