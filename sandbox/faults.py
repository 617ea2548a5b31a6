"""A proxy in front of the sandbox: adds latency to every request and injects faults at a rate.

Faults: throttling (in the wire format of the service asked), HTTP 500/503, and dropped
connections before or after the request reached the server. Used by benchmarks and tests.
"""

from __future__ import annotations

import http.client
import json
import random
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

FAULTS = ("throttle", "http500", "http503", "drop_before", "drop_after")
class FaultProxy:
    def __init__(self, upstream: str, latency: float = 0.0, fault_rate: float = 0.0,
                 faults: tuple[str, ...] = FAULTS, seed: int = 7) -> None:
        self.upstream = urlsplit(upstream)
        # operation name ("CreateTopic") or "*" -> (error code, HTTP status): refused on the wire
        self.refuse: dict[str, tuple[str, int]] = {}
        self.latency, self.fault_rate, self.faults = latency, fault_rate, faults
        self._random = random.Random(seed)
        self._lock = threading.Lock()
        self.counts: Counter[str] = Counter()
        self._server: ThreadingHTTPServer | None = None
        self.url = ""

    def start(self) -> str:
        proxy = self

        class Handler(_Handler):
            owner = proxy

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        return self.url

    def stop(self) -> None:
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def pick_fault(self) -> str | None:
        with self._lock:
            self.counts["requests"] += 1
            if self._random.random() >= self.fault_rate:
                return None
            fault = self._random.choice(self.faults)
            self.counts[fault] += 1
            return fault


def _operation(headers, body: bytes) -> str:
    """The API operation of a request: X-Amz-Target for JSON services, Action= for query ones."""
    target = headers.get("X-Amz-Target", "")
    if target:
        return target.rsplit(".", 1)[-1]
    action = parse_qs(body.decode("utf-8", "replace")).get("Action", [""])
    return action[0]


class _Handler(BaseHTTPRequestHandler):
    owner: FaultProxy
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def do_HEAD(self) -> None:
        self._handle()

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(self.owner.latency)
        refusal = self.owner.refuse.get(_operation(self.headers, body)) or self.owner.refuse.get(
            "*")
        if refusal:
            return self._error(refusal[1], refusal[0], body)
        fault = self.owner.pick_fault()
        if fault == "drop_before":
            return self._drop()
        if fault in ("throttle", "http500", "http503"):
            return self._fail(fault, body)
        status, headers, data = self._forward(body)
        if fault == "drop_after":  # the server did it; the client never hears
            return self._drop()
        self._send(status, headers, data)

    def _drop(self) -> None:
        self.close_connection = True
        self.connection.close()

    def _fail(self, fault: str, body: bytes) -> None:
        is_json = bool(self.headers.get("X-Amz-Target"))
        is_ec2 = b"Version=2016-11-15" in body
        if fault == "throttle":
            status, code = (503 if is_ec2 else 400), ("RequestLimitExceeded" if is_ec2 else
                                                      "ThrottlingException" if is_json else
                                                      "Throttling")
        else:
            status = 500 if fault == "http500" else 503
            code = "InternalFailure" if status == 500 else "ServiceUnavailable"
        self._error(status, code, body)

    def _error(self, status: int, code: str, body: bytes) -> None:
        """An error in the wire format of the service asked, as AWS sends it."""
        is_json = bool(self.headers.get("X-Amz-Target"))
        is_ec2 = b"Version=2016-11-15" in body
        if is_json:
            data = json.dumps({"__type": code, "message": "injected"}).encode()
            return self._send(status, [("Content-Type", "application/x-amz-json-1.1")], data)
        if is_ec2:
            data = (f"<Response><Errors><Error><Code>{code}</Code><Message>injected</Message>"
                    "</Error></Errors><RequestID>0</RequestID></Response>").encode()
        else:
            data = (f"<ErrorResponse><Error><Type>Sender</Type><Code>{code}</Code><Message>"
                    "injected</Message></Error><RequestId>0</RequestId></ErrorResponse>").encode()
        self._send(status, [("Content-Type", "text/xml")], data)

    def _forward(self, body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        up = self.owner.upstream
        connection = http.client.HTTPConnection(up.hostname, up.port, timeout=60)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() != "host"}
            headers["Host"] = f"{up.hostname}:{up.port}"
            connection.request(self.command, self.path, body=body, headers=headers)
            reply = connection.getresponse()
            return reply.status, reply.getheaders(), reply.read()
        finally:
            connection.close()

    def _send(self, status: int, headers, data: bytes) -> None:
        self.send_response(status)
        for key, value in headers:
            if key.lower() not in ("content-length", "transfer-encoding", "connection",
                                   "date", "server"):
                self.send_header(key, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
