"""Refuse network sockets in every Python process the tests start ("never a network call", checked).

tests/conftest.py installs ``block_network`` in the test process and puts this
folder first on PYTHONPATH, so a subprocess (``python -m clauses.cli ...``) and
the batch's worker processes import it at start-up too. Unix sockets stay
allowed: multiprocessing uses them between processes of this machine.
"""

from __future__ import annotations

import ipaddress
import os
import socket

_INET = (socket.AF_INET, socket.AF_INET6)
# Set only by the Dask tests (a LocalCluster talks over TCP on this machine): Internet sockets
# may then be made, but may bind and connect to loopback addresses only, never elsewhere.
LOOPBACK_ENV = "CLAUSES_TEST_LOOPBACK_ONLY"


def _loopback(address) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if host in ("localhost", ""):
        return host == "localhost"
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


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
            if fileno is None and (family == -1 or family in _INET) and not os.environ.get(LOOPBACK_ENV):
                raise NetworkBlocked(
                    "network access in a test: clauses never makes a network call "
                    f"(socket family {family})"
                )
            super().__init__(family, type, proto, fileno)

        def _check(self, address) -> None:
            if self.family in _INET and not _loopback(address):
                raise NetworkBlocked(f"network access in a test: {address!r} is not a loopback address")

        def bind(self, address):
            self._check(address)
            return super().bind(address)

        def connect(self, address):
            self._check(address)
            return super().connect(address)

        def connect_ex(self, address):
            self._check(address)
            return super().connect_ex(address)

    socket.socket = GuardedSocket


block_network()
