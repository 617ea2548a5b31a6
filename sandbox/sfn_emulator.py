"""A local Step Functions endpoint for the sandbox: everything is relayed to moto, and
StartExecution of a formatter also runs it, as AWS would: the deployed definition is evaluated
and its email published through SNS (so it lands in the demo inbox). moto stores state
machines but does not run JSONata.
https://docs.aws.amazon.com/step-functions/latest/apireference/API_StartExecution.html
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from http.server import ThreadingHTTPServer

from sandbox.relay import RelayHandler

log = logging.getLogger(__name__)
START_EXECUTION = "AWSStepFunctions.StartExecution"

Runner = Callable[[str, dict], object]  # (state machine ARN, execution input)


class StepFunctionsEmulator:
    """Step Functions on 127.0.0.1; `upstream` is moto's URL, `run` executes a formatter."""

    def __init__(self, upstream: str, run: Runner) -> None:
        self.upstream, self.run = upstream, run
        self._server: ThreadingHTTPServer | None = None

    def start(self) -> str:
        handler = type("Handler", (_Handler,), {"emulator": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True,
                         name="sfn-emulator").start()
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def started(self, request: dict) -> None:
        """An execution moto accepted: run it now (a failed run is logged, as a failed
        execution would show in its history, and never fails the caller)."""
        try:
            self.run(request["stateMachineArn"], json.loads(request.get("input") or "{}"))
        except Exception:  # noqa: BLE001 - an execution's failure is not the API call's
            log.warning("sandbox: the formatter execution failed", exc_info=True)


class _Handler(RelayHandler):
    emulator: StepFunctionsEmulator

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status, headers, data = self._relay(body)
        if status == 200 and self.headers.get("X-Amz-Target") == START_EXECUTION:
            self.emulator.started(json.loads(body or b"{}"))
        self._send(status, headers, data)

