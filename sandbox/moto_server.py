"""moto's server on 127.0.0.1, for the demo and the tests: a real AWS wire protocol, no account."""

from __future__ import annotations

import json
import logging
import urllib.request

from moto.server import ThreadedMotoServer


class MotoServer:
    def __init__(self, stacksets: bool = True) -> None:
        """`stacksets`: add what moto lacks for organization mode at start; the demo adds it
        only when organization mode is first used (it costs seconds of imports)."""
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self._stacksets = stacksets
        self.url = ""

    def start(self) -> str:
        logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request
        if self._stacksets:
            install_stacksets()
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


def install_stacksets() -> None:
    """What moto lacks for organization mode, once per process (moto's server runs in it)."""
    from sandbox.stacksets import install

    install()
