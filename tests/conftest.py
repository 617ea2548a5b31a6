"""Shared fixtures: a moto server on the wire, fake credentials, no real AWS config."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from aws.session import AwsAccess  # noqa: E402
from sandbox.moto_server import MotoServer  # noqa: E402

FAKE_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}


@pytest.fixture(scope="session")
def moto_server():
    server = MotoServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def aws_env(monkeypatch, tmp_path):
    """No test reads the developer's AWS files or reaches a real endpoint."""
    for key in list(os.environ):
        if key.startswith("AWS_"):
            monkeypatch.delenv(key)
    for key, value in FAKE_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "aws-credentials"))
    monkeypatch.setenv("CHANGEWATCH_HOME", str(tmp_path / "home"))  # never the user's files
    # Anything that forgets to use the moto fixture fails fast instead of going out.
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "2")


@pytest.fixture
def moto(moto_server, monkeypatch):
    """A clean moto server reached through the standard endpoint variable."""
    moto_server.reset()
    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_server.url)
    return moto_server


@pytest.fixture
def access(moto):
    return AwsAccess()


@pytest.fixture
def sandbox():
    """The built-in demo AWS (moto, the emulators, the demo inbox), started for one test; it
    points the process's AWS variables at itself, so they are restored afterwards."""
    from sandbox.demo import Sandbox

    saved = dict(os.environ)
    box = Sandbox().start()
    yield box
    box.stop()
    os.environ.clear()
    os.environ.update(saved)
