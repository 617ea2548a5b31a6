"""moto's server on 127.0.0.1, for the demo and the tests: a real AWS wire protocol, no account."""

from __future__ import annotations

import json
import logging
import urllib.request

from moto.server import ThreadedMotoServer


class MotoServer:
    def __init__(self) -> None:
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self.url = ""

    def start(self) -> str:
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request
        from sandbox.stacksets import install  # what moto lacks for organization mode

        install()
        self._server.start()
        host, port = self._server.get_host_and_port()
        self.url = f"http://{host}:{port}"
        return self.url

    def stop(self) -> None:
        self._server.stop()

    def reset(self) -> None:
        """Forget every resource (moto's own reset endpoint). Resetting every backend of a
        long-lived server takes seconds on a busy machine, hence the generous timeout."""
        request = urllib.request.Request(f"{self.url}/moto-api/reset", method="POST", data=b"")
        urllib.request.urlopen(request, timeout=60).close()

    def published(self) -> list[dict]:
        """Messages SNS accepted (moto records them; it delivers nothing)."""
        with urllib.request.urlopen(f"{self.url}/moto-api/data.json", timeout=10) as reply:
            data = json.load(reply)
        return data
