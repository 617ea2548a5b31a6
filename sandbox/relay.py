"""The part every emulator in front of moto shares: answer some calls itself, pass the rest on
to moto unchanged."""

from __future__ import annotations

import http.client
from http.server import BaseHTTPRequestHandler
from typing import Any
from urllib.parse import urlsplit

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length"}


class RelayHandler(BaseHTTPRequestHandler):
    """A request handler whose emulator's `upstream` (moto's URL) gets whatever it does not
    answer; each emulator's server sets `emulator` on its subclass."""

    emulator: Any
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base's name
        pass

    def _send(self, status: int, headers: dict[str, str], data: bytes) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _relay(self, body: bytes) -> tuple[int, dict[str, str], bytes]:
        """The request as it came, sent to moto: (status, headers, body) of its answer."""
        target = urlsplit(self.emulator.upstream)
        conn = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=60)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
            conn.request("POST", self.path, body=body, headers=headers)
            reply = conn.getresponse()
            return reply.status, {k: v for k, v in reply.getheaders()
                                  if k.lower() not in _HOP_BY_HOP}, reply.read()
        finally:
            conn.close()
