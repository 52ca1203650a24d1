"""``python -m clauses.cli``: the same entry point as the ``clauses`` command."""

from clauses.cli import main

main()
