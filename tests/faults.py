"""Faults of the network between the shop and its dependencies, for tests: a TCP forwarder that
the test cuts and restores (the dependency goes away and comes back, as in a restart or a network
outage), and a server that accepts connections but never answers (a hung dependency)."""

import contextlib
import itertools
import socket
import struct
import threading

# Database numbers of unreachable_redis_url(): one per call in the whole test run.
_redis_databases = itertools.count(1)


def unreachable_redis_url() -> str:
    """A Redis URL where nothing listens (port 1: refused at once). Each call names a server of
    its own for ozg_site.cache_backend's outage bookkeeping, so a test starts with Redis not yet
    known to be down."""
    return f"redis://127.0.0.1:1/{next(_redis_databases)}"


def _listening_socket(port: int = 0) -> socket.socket:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen(64)
    return listener


def _reset(connection: socket.socket) -> None:
    """Close with a TCP reset, as a crashed server's kernel answers."""
    with contextlib.suppress(OSError):
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        connection.close()


class TcpForwarder:
    """Forwards 127.0.0.1:`port` to `upstream` until `cut()`: then open connections are reset and
    new ones refused, until `restore()`."""

    def __init__(self, upstream: tuple[str, int]):
        self.upstream = upstream
        self._listener = _listening_socket()
        self.port = self._listener.getsockname()[1]
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._cut = False
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def cut(self) -> None:
        with self._lock:
            self._cut = True
            connections, self._open = self._open, set()
        for connection in connections:
            _reset(connection)

    def restore(self) -> None:
        with self._lock:
            self._cut = False

    def close(self) -> None:
        self._closed = True
        self.cut()
        self._listener.close()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            with self._lock:
                refused = self._cut
            if refused:
                _reset(client)
                continue
            try:
                server = socket.create_connection(self.upstream, timeout=5)
            except OSError:
                _reset(client)
                continue
            server.settimeout(None)
            with self._lock:
                self._open.update((client, server))
            for source, target in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            with self._lock:
                self._open.discard(source)
                self._open.discard(target)
            for connection in (source, target):
                with contextlib.suppress(OSError):
                    connection.shutdown(socket.SHUT_RDWR)
                with contextlib.suppress(OSError):
                    connection.close()


class SilentServer:
    """Accepts connections and never answers."""

    def __init__(self):
        self._listener = _listening_socket()
        self.port = self._listener.getsockname()[1]
        self._held: list[socket.socket] = []
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                connection, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            self._held.append(connection)

    def close(self) -> None:
        self._listener.close()
        for connection in self._held:
            _reset(connection)
