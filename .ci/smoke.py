"""Run every clauses command on every sample and fixture as an installed user would; fail on a traceback.

Catches the class of miss "a package only present on the build machine": run by
.ci/run with the Python of a venv holding only `pip install .` (no test extras),
so an import the code makes but pyproject.toml does not declare (or a package a
dependency needs only for some inputs, such as pypdf's `cryptography` for AES)
shows up as a traceback here.

    python .ci/smoke.py prepare DIR   # with a test venv: the generated fixtures + AES PDFs into DIR
    python .ci/smoke.py run DIR       # with the bare venv: every command on samples/ and DIR

Standard library only (the bare venv has nothing else of ours to lean on).
Every run must exit 0, 1 or 2 with no "Traceback" and no "InternalError" in its
output; errors must be one line. Prints one line per run and a closing count.
"""

from __future__ import annotations

import csv
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]
SAMPLES = TOP / "samples"
PASSWORD = "secret"  # the fixtures' user password (tests/fixtures/make_fixtures.py)


def prepare(folder: Path) -> None:
    """Generate the test fixtures and two AES-encrypted PDFs (the kind that needs cryptography)."""
    maker = TOP / "tests" / "fixtures" / "make_fixtures.py"
    spec = importlib.util.spec_from_file_location("make_fixtures", maker)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.make_all(folder)
    import pypdf

    for algorithm in ("AES-128", "AES-256"):
        writer = pypdf.PdfWriter(clone_from=str(SAMPLES / "mutual-nda.pdf"))
        writer.encrypt(PASSWORD, algorithm=algorithm)
        with open(folder / f"{algorithm.lower()}.pdf", "wb") as handle:
            writer.write(handle)
    print(f"smoke: {len(list(folder.iterdir()))} fixtures in {folder}")


def _clauses() -> list[str]:
    """The installed console script beside this Python, as a user runs it."""
    script = Path(sys.executable).with_name("clauses")
    if not script.exists():
        sys.exit(f"smoke: no `clauses` command beside {sys.executable}: was the project installed?")
    return [str(script)]


class Runner:
    """Runs ``clauses`` and records failures; ``many`` runs independent calls two at a time."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.failures: list[str] = []
        self.runs = 0

    def __call__(self, *args: str, codes: tuple[int, ...] = (0, 1, 2), env: dict | None = None) -> str:
        """Run ``clauses args``; record a failure on a traceback, an InternalError or an odd exit code."""
        return self.many([(args, codes, env)])[0]

    def many(self, calls: list[tuple[tuple[str, ...], tuple[int, ...], dict | None]]) -> list[str]:
        """Run independent calls on two cores (most of each is start-up); report them in order."""
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(lambda call: self._run(*call), calls))
        outputs = []
        for line, failure, stdout in results:
            self.runs += 1
            print(line, flush=True)
            if failure:
                self.failures.append(failure)
            outputs.append(stdout)
        return outputs

    def _run(self, args: tuple[str, ...], codes: tuple[int, ...], env: dict | None) -> tuple[str, str, str]:
        shown = " ".join(args)
        try:
            done = subprocess.run(
                [*_clauses(), *args],
                capture_output=True,
                text=True,
                errors="replace",
                cwd=self.workdir,  # never the source tree: the installed package must be what runs
                env={**os.environ, **(env or {})},
                timeout=600,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            return f"  [-] clauses {shown}  <- hang", f"clauses {shown}: still running after 600 s", ""
        output = done.stdout + done.stderr
        problem = ""
        if "Traceback" in output:
            problem = "traceback"
        elif "InternalError" in output:
            problem = "InternalError"
        elif done.returncode not in codes:
            problem = f"exit {done.returncode}, expected one of {codes}"
        elif done.returncode != 0 and args[0] in ("parse", "check") and len(done.stderr.splitlines()) > 1:
            problem = "error is not one line"
        line = f"  [{done.returncode}] clauses {shown}" + (f"  <- {problem}" if problem else "")
        tail = "\n".join(output.strip().splitlines()[-15:])
        return line, (f"clauses {shown}: {problem}\n{tail}" if problem else ""), done.stdout


def run(fixtures: Path) -> int:
    inputs = sorted(p for p in SAMPLES.iterdir() if p.suffix != ".py") + sorted(fixtures.iterdir())
    workdir = Path(tempfile.mkdtemp(prefix="clauses-smoke-"))
    clauses = Runner(workdir)
    try:
        ok = (0,)
        calls = [(("--help",), ok, None), (("--version",), ok, None)]
        commands = ("parse", "check", "review", "train", "evaluate")
        calls += [((command, "--help"), ok, None) for command in commands]
        any_code = (0, 1, 2)
        for path in inputs:
            calls.append((("parse", str(path)), any_code, None))
            calls.append((("parse", str(path), "--json"), any_code, None))
            calls.append((("check", str(path), "--fail-on", "never"), any_code, None))
        for name in ("aes-128.pdf", "aes-256.pdf", "encrypted.pdf"):  # must open: exit 0
            path = str(fixtures / name)
            calls.append((("parse", path, "--password", PASSWORD), ok, None))
            from_env = {"CLAUSES_PASSWORD": PASSWORD}
            calls.append((("check", path, "--json", "--fail-on", "never"), ok, from_env))
        clauses.many(calls)
        out = workdir / "review"
        clauses(
            "review",
            *[str(p) for p in inputs],
            "--out",
            str(out),
            "--format",
            "json,md,html,docx,csv,xlsx",
            "--fail-on",
            "never",
            "--jobs",
            "2",
            env={"CLAUSES_PASSWORD": PASSWORD},
            codes=(0,),
        )
        with open(out / "summary.csv", encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        internal = [row for row in rows if "InternalError" in (row.get("error") or "")]
        if len(rows) != len(inputs) or internal:
            clauses.failures.append(f"review: {len(rows)} summary rows for {len(inputs)} inputs; {internal}")
        contracts = TOP / "corpus" / "contracts"
        empty = workdir / "empty.jsonl"
        empty.write_text("", encoding="utf-8")
        playbook = TOP / "tests" / "fixtures" / "detect" / "playbook_custom.toml"
        nda = str(SAMPLES / "mutual-nda.docx")
        clauses.many(
            [
                (("evaluate", str(contracts / "labels.jsonl"), "--docs", str(contracts)), ok, None),
                (("evaluate", str(empty), "--docs", str(contracts)), (2,), None),
                (("check", nda, "--profile", str(playbook)), any_code, None),
                (("check", nda, "--profile", "/dev/zero"), (2,), None),
            ]
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    for failure in clauses.failures:
        print(f"\nFAILED {failure}", file=sys.stderr)
    print(f"smoke: {clauses.runs} runs on {len(inputs)} inputs, {len(clauses.failures)} failed")
    return 1 if clauses.failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in ("prepare", "run"):
        sys.exit(__doc__)
    target = Path(sys.argv[2]).resolve()
    if sys.argv[1] == "prepare":
        target.mkdir(parents=True, exist_ok=True)
        prepare(target)
    else:
        sys.exit(run(target))
