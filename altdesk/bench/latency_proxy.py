"""A TCP proxy that puts a fixed delay on every round trip to a database server.

The budget "the UI thread never blocks longer than 100 ms, for edits too, with PostgreSQL behind
a 50 ms round trip" is measured through it: the bench and the tests point the program at the
proxy's port instead of the server's. Each chunk of bytes is held `delay_s` on its way in each
direction (25 ms each way = 50 ms a round trip), in order, on threads of its own (standard
library only).

For a test that must see what the window does while the server has not answered yet, `hold()`
stops the answers from the server from going on (requests still reach the server) until
`release()`.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from urllib.parse import urlsplit, urlunsplit

CHUNK = 65536


class _Pipe:
    """One direction of one connection: bytes read from `source` reach `sink` `delay_s` later."""

    def __init__(self, proxy: LatencyProxy, source: socket.socket, sink: socket.socket, to_client: bool) -> None:
        self.proxy, self.source, self.sink, self.to_client = proxy, source, sink, to_client
        self.queue: deque[tuple[float, bytes]] = deque()
        self.ready = threading.Condition()
        self.closed = False

    def start(self) -> None:
        threading.Thread(target=self._read, daemon=True, name="latency-proxy-read").start()
        threading.Thread(target=self._write, daemon=True, name="latency-proxy-write").start()

    def _read(self) -> None:
        try:
            while True:
                data = self.source.recv(CHUNK)
                if not data:
                    break
                with self.ready:
                    self.queue.append((time.monotonic() + self.proxy.delay_s, data))
                    self.ready.notify()
        except OSError:
            pass
        with self.ready:
            self.closed = True
            self.ready.notify()

    def _write(self) -> None:
        try:
            while True:
                with self.ready:
                    while not self.queue and not self.closed:
                        self.ready.wait()
                    if not self.queue:
                        break
                    due, data = self.queue.popleft()
                wait = due - time.monotonic()
                if wait > 0:
                    time.sleep(wait)
                if self.to_client:
                    self.proxy._gate.wait()  # held by a test: the answer waits here
                self.sink.sendall(data)
                self.proxy._count(len(data), self.to_client)
        except OSError:
            pass
        with contextlib.suppress(OSError):
            self.sink.shutdown(socket.SHUT_WR)


class LatencyProxy:
    """Listens on 127.0.0.1 (a free port) and forwards to (host, port) with `delay_s` each way."""

    def __init__(self, host: str, port: int, delay_s: float = 0.025) -> None:
        self.target = (host, port)
        self.delay_s = delay_s
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._gate = threading.Event()
        self._gate.set()
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._stopped = False
        self.answers = 0  # chunks sent on to the client
        self.requests_held = 0  # chunks from the client while the answers were held

    # --- control ---------------------------------------------------------------------------
    def start(self) -> LatencyProxy:
        threading.Thread(target=self._accept, daemon=True, name="latency-proxy-accept").start()
        return self

    def hold(self) -> None:
        """Keep every answer from the server until `release()` (requests still go through)."""
        self._gate.clear()

    def release(self) -> None:
        self._gate.set()

    def held(self) -> bool:
        return not self._gate.is_set()

    def stop(self) -> None:
        self._stopped = True
        self._gate.set()
        with contextlib.suppress(OSError):
            self._listener.close()
        with self._lock:
            sockets, self._sockets = self._sockets, []
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()

    def url_for(self, url: str) -> str:
        """A database URL with the host and port replaced by the proxy's."""
        parts = urlsplit(url)
        user = parts.netloc.rpartition("@")[0]
        netloc = (user + "@" if user else "") + f"127.0.0.1:{self.port}"
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))

    # --- forwarding ------------------------------------------------------------------------
    def _accept(self) -> None:
        while not self._stopped:
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._sockets += [client, server]
            _Pipe(self, client, server, to_client=False).start()
            _Pipe(self, server, client, to_client=True).start()

    def _count(self, _size: int, to_client: bool) -> None:
        with self._lock:
            if to_client:
                self.answers += 1
            elif not self._gate.is_set():
                self.requests_held += 1


def split_host_port(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    return parts.hostname or "127.0.0.1", parts.port or 5432


@contextlib.contextmanager
def behind_proxy(url: str, delay_s: float = 0.025) -> Iterator[tuple[LatencyProxy, str]]:
    """A proxy in front of the server of `url`, and the URL that goes through it."""
    proxy = LatencyProxy(*split_host_port(url), delay_s=delay_s).start()
    try:
        yield proxy, proxy.url_for(url)
    finally:
        proxy.stop()
