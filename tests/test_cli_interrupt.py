"""An apply killed or Ctrl-C'd right after its first create is still removed completely:
the regions it will touch are recorded before its first change."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from aws.settings_file import save
from sandbox.faults import FaultProxy, _Handler, _operation
from tests.aws.helpers import make_settings, tagged_anything

ROOT = Path(__file__).resolve().parent.parent
REGIONS = ("ap-northeast-1", "us-west-2", "eu-west-1", "us-east-1")
CREATES = ("CreateTopic", "PutRule", "CreateRole", "CreateStateMachine")


class SignalOnFirstCreate(FaultProxy):
    """Forwards to moto; once the first create has reached the server, signals the client."""

    def __init__(self, upstream: str, signum: int) -> None:
        super().__init__(upstream)
        self.signum, self.pid, self.sent = signum, 0, False

    def start(self) -> str:
        proxy = self

        class Handler(_Handler):
            def _forward(self, body: bytes):
                reply = super()._forward(body)
                if _operation(self.headers, body) in CREATES and not proxy.sent and proxy.pid:
                    proxy.sent = True
                    os.kill(proxy.pid, proxy.signum)
                return reply

        Handler.owner = proxy
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        return self.url


def _command(tmp_path, endpoint: str, command: str, config: Path) -> subprocess.Popen:
    env = {key: value for key, value in os.environ.items() if not key.endswith("_PROXY")}
    env.update(AWS_ENDPOINT_URL=endpoint, AWS_MAX_ATTEMPTS="2")
    return subprocess.Popen([sys.executable, "main.py", command, "--config", str(config),
                             "--lang", "en"], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGINT])
def test_an_interrupted_apply_is_fully_removed_with_fewer_regions(moto, tmp_path, signum):
    many, few = tmp_path / "many.toml", tmp_path / "few.toml"
    save(make_settings(regions=REGIONS[:3]), many)
    save(make_settings(regions=REGIONS[:1]), few)  # re-pointed at fewer regions afterwards
    proxy = SignalOnFirstCreate(moto.url, signum)
    try:
        run = _command(tmp_path, proxy.start(), "apply", many)
        proxy.pid = run.pid
        out, err = run.communicate(timeout=120)
    finally:
        proxy.stop()
    assert proxy.sent, "the apply never created anything"
    assert tagged_anything(REGIONS), "the interruption came after a create"
    if signum == signal.SIGINT:
        assert run.returncode == 130
        assert err.strip().startswith("Cancelled.") and "Traceback" not in err
    else:
        assert run.returncode == -signal.SIGKILL
    state = (tmp_path / "home" / "state" / "state.json").read_text()
    assert all(region in state for region in REGIONS[:3])  # written ahead of the first create
    remove = _command(tmp_path, moto.url, "remove", few)
    out, err = remove.communicate(timeout=120)
    assert remove.returncode == 0, err
    assert tagged_anything(REGIONS) == []
