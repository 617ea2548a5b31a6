"""A local CloudTrail endpoint: LookupEvents emulated, every other call forwarded upstream."""

from __future__ import annotations

import http.client
import json
import re
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from sandbox.lookup_store import ApiError, EventStore

LOOKUP_TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents"
_CREDENTIAL_SCOPE = re.compile(r"Credential=[^/,\s]+/\d{8}/([^/]+)/")
_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length",
               "proxy-connection", "upgrade", "te", "trailer"}
_JSON = "application/x-amz-json-1.1"


class _RegionLimiter:
    """A token bucket per region, like the service's own request limit."""

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self._clock = clock
        self._lock = threading.Lock()
        self._state: dict[str, tuple[float, float]] = {}

    def allow(self, region: str) -> bool:
        burst = max(1.0, self.rate)
        with self._lock:
            now = self._clock()
            tokens, stamp = self._state.get(region, (burst, now))
            tokens = min(burst, tokens + (now - stamp) * self.rate)
            allowed = tokens >= 1.0
            self._state[region] = (tokens - 1.0 if allowed else tokens, now)
            return allowed


class LookupEventsEmulator:
    """CloudTrail's LookupEvents on 127.0.0.1 over AWS JSON 1.1, other targets relayed."""

    def __init__(
        self,
        upstream: str | None = None,
        latency: float = 0.0,
        rate_per_region: float = 2.0,
        clock: Callable[[], float] = time.time,
        limit_clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`limit_clock` times the request limit: a test shares a SkippingClock with the
        client's bucket so paced scans run at full speed yet are judged at their pace."""
        self.upstream = upstream
        self.latency = latency
        self.store = EventStore(clock)
        self._limit_clock = limit_clock
        self._limiter = _RegionLimiter(rate_per_region, limit_clock)
        self._counts_lock = threading.Lock()
        self._requests: dict[str, int] = defaultdict(int)
        self._throttled: dict[str, int] = defaultdict(int)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def rate_per_region(self) -> float:
        """LookupEvents requests per second allowed per region."""
        return self._limiter.rate

    @rate_per_region.setter
    def rate_per_region(self, rate: float) -> None:
        self._limiter = _RegionLimiter(rate, self._limit_clock)

    def start(self) -> str:
        """Serve on an ephemeral port; returns the endpoint URL."""
        handler = type("Handler", (_Handler,), {"emulator": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True, name="lookup-emulator")
        self._thread.start()
        return self.endpoint

    @property
    def endpoint(self) -> str:
        """The URL clients use as endpoint_url."""
        if self._server is None:
            raise RuntimeError("the emulator is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        """Stop serving and release the port."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def add(self, record: dict, visible_after: float = 0.0) -> None:
        """Record a CloudTrail event; LookupEvents shows it after `visible_after` seconds."""
        self.store.add(record, visible_after)

    def load(self, records: Iterable[dict]) -> int:
        """Record many CloudTrail events, visible at once; returns how many."""
        return self.store.add_many(records)

    def requests(self, region: str) -> int:
        """LookupEvents requests received for `region`, throttled ones included."""
        with self._counts_lock:
            return self._requests[region]

    def throttled(self, region: str) -> int:
        """LookupEvents requests for `region` refused with ThrottlingException."""
        with self._counts_lock:
            return self._throttled[region]

    def _lookup(self, region: str, body: bytes) -> tuple[int, dict]:
        with self._counts_lock:
            self._requests[region] += 1
        if not self._limiter.allow(region):
            with self._counts_lock:
                self._throttled[region] += 1
            return 400, {"__type": "ThrottlingException", "message": "Rate exceeded"}
        try:
            params = json.loads(body or b"{}")
            if not isinstance(params, dict):
                raise ValueError("not an object")
        except ValueError:
            return 400, {"__type": "SerializationException", "message": "Malformed request"}
        try:
            return 200, self.store.lookup(region, params)
        except ApiError as err:
            return err.status, {"__type": err.code, "message": err.message}


class _Handler(BaseHTTPRequestHandler):
    emulator: LookupEventsEmulator
    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes; with Nagle on, the body waits for the client's
    # delayed ACK (~14 ms a page, most of a 20 000-event scan's time).
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""

    def do_POST(self) -> None:
        body = self._body()
        if self.emulator.latency:
            time.sleep(self.emulator.latency)
        if self.headers.get("X-Amz-Target") == LOOKUP_TARGET:
            status, payload = self.emulator._lookup(self._region(), body)
            self._send(status, {"Content-Type": _JSON}, json.dumps(payload).encode())
        else:
            self._forward(body)

    def do_GET(self) -> None:
        if self.emulator.latency:
            time.sleep(self.emulator.latency)
        self._forward(self._body())

    do_PUT = do_DELETE = do_HEAD = do_GET

    def _body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _region(self) -> str:
        found = _CREDENTIAL_SCOPE.search(self.headers.get("Authorization", ""))
        return found.group(1) if found else "us-east-1"

    def _forward(self, body: bytes) -> None:
        upstream = self.emulator.upstream
        if not upstream:
            error = {"__type": "UnknownOperationException", "message": "No upstream configured"}
            self._send(400, {"Content-Type": _JSON}, json.dumps(error).encode())
            return
        target = urlsplit(upstream)
        conn = http.client.HTTPConnection(target.hostname, target.port or 80, timeout=60)
        try:
            conn.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for name, value in self.headers.items():
                if name.lower() not in _HOP_BY_HOP:
                    conn.putheader(name, value)
            conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            reply = conn.getresponse()
            data = reply.read()
            headers = [(k, v) for k, v in reply.getheaders() if k.lower() not in _HOP_BY_HOP]
            self._send(reply.status, headers, data)
        except OSError as exc:
            error = {"__type": "ServiceUnavailableException", "message": str(exc)}
            self._send(503, {"Content-Type": _JSON}, json.dumps(error).encode())
        finally:
            conn.close()

    def _send(self, status: int, headers: dict | list, data: bytes) -> None:
        self.send_response(status)
        items = headers.items() if isinstance(headers, dict) else headers
        for name, value in items:
            self.send_header(name, value)
        if not any(k.lower() == "x-amzn-requestid" for k, _ in items):
            self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)
