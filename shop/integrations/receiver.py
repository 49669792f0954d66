"""A reference receiver of the shop's webhooks on a local port: it checks each request's
signature as an operator's system should (docs/schnittstellen.md) and keeps what it received.
The tests send real HTTP requests to it, the benchmark measures the fan-out against it; not used
by the shop itself."""

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .webhooks import SIGNATURE_HEADER, webhook_signature_verify


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    signature_valid: bool

    @property
    def json(self) -> dict:
        return json.loads(self.body)


@dataclass
class WebhookReceiver:
    """`with WebhookReceiver(secret=...) as receiver:` serves on 127.0.0.1 at a free port
    (`receiver.url`). `answers`: the HTTP status of each request in turn (then 200); a request
    with a wrong signature gets 401."""

    secret: str = ""
    answers: list[int] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    on_request: Callable[[Received], None] | None = None

    def __enter__(self) -> "WebhookReceiver":
        receiver = self
        lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                item = Received(
                    headers=dict(self.headers.items()),
                    body=body,
                    signature_valid=webhook_signature_verify(
                        secret=receiver.secret,
                        header=self.headers.get(SIGNATURE_HEADER, ""),
                        body=body,
                    ),
                )
                with lock:
                    receiver.received.append(item)
                    status = receiver.answers.pop(0) if receiver.answers else 200
                if receiver.on_request is not None:
                    receiver.on_request(item)
                if not item.signature_valid:
                    status = 401
                self.send_response(status)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                answer = b"ok" if status < 300 else f"Fehler {status}".encode()
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/ozg-webhook"
