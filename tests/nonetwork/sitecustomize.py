"""Refuse network sockets in every Python process the tests start ("never a network call", checked).

tests/conftest.py installs ``block_network`` in the test process and puts this
folder first on PYTHONPATH, so a subprocess (``python -m clauses.cli ...``) and
the batch's worker processes import it at start-up too. Unix sockets stay
allowed: multiprocessing uses them between processes of this machine.
"""

from __future__ import annotations

import socket

_INET = (socket.AF_INET, socket.AF_INET6)


class NetworkBlocked(RuntimeError):
    """A test (or the code it runs) tried to open a network socket."""


def block_network() -> None:
    """Replace ``socket.socket`` by a class that refuses Internet families (idempotent)."""
    if getattr(socket.socket, "_clauses_guard", False):
        return
    real = socket.socket

    class GuardedSocket(real):
        _clauses_guard = True

        def __init__(self, family=-1, type=-1, proto=-1, fileno=None):  # noqa: A002 - socket's names
            if fileno is None and (family == -1 or family in _INET):
                raise NetworkBlocked(
                    "network access in a test: clauses never makes a network call "
                    f"(socket family {family})"
                )
            super().__init__(family, type, proto, fileno)

    socket.socket = GuardedSocket


block_network()
