"""A throwaway local AWS for one benchmark: moto behind a latency proxy, in its own process
(so the server's work does not compete with the client for the GIL), fake credentials."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


class _Server:
    def __init__(self, url: str, pid: int) -> None:
        self.url, self.pid = url, pid

    def cpu(self) -> float:
        """CPU seconds the local server (moto + proxy) has used so far."""
        fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def local_aws(latency: float, lookup: bool = False):
    """Yield the server; boto3 in this process talks to moto through the latency proxy (and to
    the LookupEvents emulator for CloudTrail when `lookup`)."""
    command = [sys.executable, "-m", "sandbox.serve", "--latency", str(latency)]
    server = subprocess.Popen(command + (["--lookup"] if lookup else []), cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    url = server.stdout.readline().strip()
    lookup_url = server.stdout.readline().strip() if lookup else ""
    saved = dict(os.environ)
    for key in [k for k in os.environ if k.startswith("AWS_")]:
        del os.environ[key]
    os.environ.update({
        "AWS_ENDPOINT_URL": url, "AWS_ACCESS_KEY_ID": "bench",
        "AWS_SECRET_ACCESS_KEY": "bench", "AWS_DEFAULT_REGION": "us-east-1",
        "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    })
    if lookup_url:
        os.environ["AWS_ENDPOINT_URL_CLOUDTRAIL"] = lookup_url
    try:
        yield _Server(url, server.pid)
    finally:
        server.stdin.close()
        server.wait(timeout=10)
        os.environ.clear()
        os.environ.update(saved)
