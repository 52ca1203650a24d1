"""``clauses check``: one contract, a terminal table, and the same --fail-on gate as ``review``.

``clauses check x.docx && sign`` must not pass a RED contract, so check exits
as ``clauses review x.docx`` would: the gate and its exit codes are
``clauses.batch.failon``'s, imported, not copied. Registered on the app in
``clauses/cli/__init__.py``; only typer and the standard library load at import.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from clauses.batch.failon import EXIT_USAGE, FailOn, Verdict, exit_code
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
from clauses.cli.terminal import json_safe, markup_safe, printable
from clauses.errors import ClausesError, InputError

__all__ = ["check"]

_STATUS_STYLE = {"present": "green", "weak": "yellow", "missing": "red"}
_ROUTING_STYLE = {"GREEN": "bold green", "YELLOW": "bold yellow", "RED": "bold red"}


def check(
    file: Annotated[
        Path, typer.Argument(help="Contract file: PDF, DOCX, TXT, Markdown or HTML.", show_default=False)
    ],
    profile: ProfileOption = "auto",
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the JSON report (the schema of `review --format json`).")
    ] = False,
    fail_on: Annotated[
        FailOn,
        typer.Option(
            "--fail-on",
            case_sensitive=False,
            help="Exit 1 when the contract has gaps at this level: missing (RED or a required element "
            "missing), weak (also any weak element or missing recommended one), never.",
        ),
    ] = FailOn.missing,
    side: SideOption = None,
    password: PasswordOption = None,
    max_size: MaxSizeOption = None,
    model: ModelOption = None,
    ocr: OcrOption = OcrMode.auto,
) -> None:
    """Check one contract and print a table: element, status, confidence, binds, evidence, reason.

    "binds" is the party the clause's duty binds. With --side, a clause that
    binds only your own side does not count ("binds you, not the vendor").

    Exit codes, as for `clauses review` of this one file: 0 no gaps at the
    --fail-on level; 1 gaps (a RED contract fails the default level); 2 the
    file could not be read, or a bad option, profile or model.

    Examples:

        clauses check samples/mutual-nda.docx

        clauses check vendor-msa.pdf --profile vendor --side customer --fail-on weak

        clauses check one-way-nda.docx --side "Acme Corp."

        clauses check contract.docx --json > contract.json

        clauses check contract.docx && sign-it contract.docx
    """
    from clauses.pipeline import analyze, load_shipped_model

    try:
        analysis = analyze(
            file,
            profile,
            model=load_shipped_model(model),
            password=password,
            max_bytes=max_bytes(max_size),
            suggestions=as_json,
            side=side,
            ocr=ocr.value,
        )
    except InputError as error:  # unreadable: nothing was reviewed, as review of this one file says
        typer.echo(printable(error.one_line()), err=True)
        raise typer.Exit(exit_code([Verdict.unreadable()], fail_on.value)) from None
    except ClausesError as error:  # profile, playbook or model
        typer.echo(printable(error.one_line()), err=True)
        raise typer.Exit(EXIT_USAGE) from None
    if as_json:
        from clauses.report.structured import to_json

        sys.stdout.write(json_safe(to_json(analysis)) + "\n")
    else:
        _print_table(analysis)
    raise typer.Exit(exit_code([Verdict.from_analysis(analysis)], fail_on.value))


def _print_table(analysis) -> None:
    from rich.console import Console
    from rich.table import Table

    from clauses.segment.labels import cited, provision_of

    # A pipe or file gets a readable width instead of the 80-column default.
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    console.print(
        f"{markup_safe(analysis.document.path)}: [{_ROUTING_STYLE[analysis.routing]}]{analysis.routing}[/] "
        f"score {analysis.score}/100, profile {markup_safe(analysis.profile)} "
        f"({markup_safe(analysis.profile_reason)})",
        markup=True,
    )
    own = f" ({', '.join(analysis.side_parties)})" if analysis.side_parties else ""
    console.print(printable(f"side: {analysis.side}{own}"), markup=False)
    for warning in analysis.warnings:
        console.print(printable(f"warning: {warning}"), markup=False)
    table = Table(show_lines=False)
    for column in ("element", "required", "status", "conf.", "binds", "evidence", "reason"):
        table.add_column(column, overflow="fold")
    text = analysis.document.text
    provision = provision_of(analysis.document)
    for result in analysis.elements:
        evidence = ""
        if result.evidence:
            top = result.evidence[0]
            quote = text[top.start : top.end].split()
            # The clause is cited once, the contract's way ("Clause 5.1", "Section 5.01"):
            # its number is not repeated as the quote's first word.
            if top.number and " ".join(quote).startswith(top.number):
                quote = " ".join(quote)[len(top.number) :].split()
            where = f"{cited(top.number, provision)} " if top.number else ""
            page = f"(p.{top.page}) " if top.page else ""
            evidence = f"{where}{page}{' '.join(quote[:8])}"
        reason = result.reason if result.status != "present" else ""
        table.add_row(
            result.element,
            result.requirement,
            f"[{_STATUS_STYLE[result.status]}]{result.status}[/]",
            f"{result.confidence:.2f}" + (" review" if result.needs_review else ""),
            markup_safe(", ".join(result.evidence[0].binds)) if result.evidence else "",
            markup_safe(evidence),
            markup_safe(reason),
        )
    console.print(table)
    flagged = sum(1 for result in analysis.elements if result.needs_review)
    console.print(f"{flagged} of {len(analysis.elements)} verdicts to review (confidence below 90%)")
