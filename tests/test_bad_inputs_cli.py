"""Bad input that used to escape as a traceback, a hang or the wrong exit code: each is one
sentence naming the cause, exit 2 (settings, usage, this computer's AWS configuration) or 1
(AWS or the way to it). The published list: docs/bad-inputs.md."""

from __future__ import annotations

import http.server
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

import main
from aws.errors import AwsError, ErrorKind
from aws.events import EventRow
from aws.execute import Progress, ProgressEvent, RegionResult, Result
from cli import deploy
from cli.events import as_line
from cli.output import progress_printer
from tests.aws.helpers import make_settings, rules

ROOT = Path(__file__).resolve().parent.parent
GOOD = 'email = "ops@example.com"\nregions = ["us-west-2"]\nwatch = ["aws-config"]\n'


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main.main([*argv, "--lang", "en"])
    return code, capsys.readouterr().err.strip()


def _config(tmp_path, text: str = GOOD, encoding: str = "utf-8") -> str:
    path = tmp_path / "cw.toml"
    path.write_text(text, encoding=encoding)
    return str(path)


def _one_sentence(err: str) -> None:
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err


# -- the settings file ------------------------------------------------------------------------

def test_a_deployment_with_a_trailing_newline_is_refused(tmp_path, capsys):
    code, err = _run(capsys, "plan", "--config", _config(tmp_path, GOOD + 'deployment = "cw-x\\n"'))
    assert code == 2 and "deployment must be" in err and "“cw-x\\n”" in err
    _one_sentence(err)


def test_deeply_nested_toml_is_refused(tmp_path, capsys):
    code, err = _run(capsys, "plan", "--config", _config(tmp_path, "a = " + "[" * 100_000))
    assert code == 2 and ("nested too deeply" in err or "not valid TOML" in err)
    _one_sentence(err)


def test_a_settings_file_with_a_bom_is_read(moto, tmp_path, capsys):
    config = _config(tmp_path, "\ufeff" + GOOD)
    assert main.main(["plan", "--config", config, "--lang", "en"]) == 0
    assert "Create EventBridge rule" in capsys.readouterr().out


def test_since_out_of_range_is_refused(tmp_path, capsys):
    code, err = _run(capsys, "events", "--config", _config(tmp_path), "--since", "9999999999d")
    assert code == 2 and "--since “9999999999d”" in err
    _one_sentence(err)


def test_an_unknown_watch_id_suggests_the_closest(tmp_path, capsys):
    text = GOOD.replace('["aws-config"]', '["security-group"]')
    code, err = _run(capsys, "plan", "--config", _config(tmp_path, text))
    assert code == 2 and "did you mean security-groups" in err


def test_japanese_errors_are_japanese_throughout(tmp_path, capsys):
    text = GOOD.replace("ops@example.com", "ops@example")
    code = main.main(["plan", "--config", _config(tmp_path, text), "--lang", "ja"])
    err = capsys.readouterr().err
    assert code == 2 and "有効なメールアドレスではありません" in err
    assert "is not a valid" not in err


# -- this computer's AWS configuration -------------------------------------------------------

@pytest.mark.parametrize(("name", "value"), [("AWS_MAX_ATTEMPTS", "abc"),
                                             ("AWS_RETRY_MODE", "bogus")])
def test_bad_retry_variables_are_named(tmp_path, capsys, monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    code, err = _run(capsys, "plan", "--config", _config(tmp_path))
    assert code == 2 and name in err and value in err
    _one_sentence(err)


def test_a_malformed_aws_config_file_is_named(tmp_path, capsys):
    (tmp_path / "aws-config").write_text("[default\nregion = us-west-2\n")
    code, err = _run(capsys, "plan", "--config", _config(tmp_path))
    assert code == 2 and "aws-config" in err and "AWS configuration" in err
    _one_sentence(err)


def test_a_missing_profile_is_a_settings_problem(tmp_path, capsys):
    code, err = _run(capsys, "plan", "--config", _config(tmp_path, GOOD + 'profile = "nope"'))
    assert code == 2 and "The AWS profile nope does not exist" in err


def test_an_mfa_profile_without_a_terminal_exits_2_at_once(tmp_path):
    (tmp_path / "aws-config").write_text(
        "[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\n"
        "source_profile = base\nmfa_serial = arn:aws:iam::123456789012:mfa/alice\n")
    (tmp_path / "aws-credentials").write_text(
        "[base]\naws_access_key_id = AKIAB\naws_secret_access_key = b\n")
    env = {"PATH": "/usr/bin:/bin", "AWS_CONFIG_FILE": str(tmp_path / "aws-config"),
           "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "aws-credentials"),
           "AWS_ENDPOINT_URL": "http://127.0.0.1:9", "CHANGEWATCH_HOME": str(tmp_path / "h")}
    started = time.monotonic()
    done = subprocess.run([sys.executable, "main.py", "plan", "--config",
                           _config(tmp_path, GOOD + 'profile = "admin"'), "--lang", "en"],
                          cwd=ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 2
    assert "The AWS profile admin needs an MFA code" in done.stderr
    assert "Traceback" not in done.stderr
    assert time.monotonic() - started < 15  # the interpreter's start included


def test_an_opt_in_region_not_enabled_is_refused_before_any_change(moto, tmp_path, capsys):
    text = GOOD.replace('["us-west-2"]', '["us-west-2", "ap-east-1"]')
    code, err = _run(capsys, "apply", "--config", _config(tmp_path, text))
    assert code == 2 and "ap-east-1" in err and "not enabled" in err
    assert rules("us-west-2") == {} and rules("ap-east-1") == {}


# -- the way to AWS ---------------------------------------------------------------------------

def test_an_unreachable_proxy_is_named_without_its_password(tmp_path, capsys, monkeypatch):
    for key in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("HTTP_PROXY", "http://bob:hunter2@127.0.0.1:9")
    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://aws.invalid")
    code, err = _run(capsys, "plan", "--config", _config(tmp_path))
    assert code == 1 and "Could not reach the proxy" in err
    assert "***@127.0.0.1:9" in err and "hunter2" not in err
    _one_sentence(err)


def test_a_password_in_the_endpoint_url_is_masked_in_messages_and_log(
        tmp_path, capsys, monkeypatch):
    url = "http://bob:hunter2@127.0.0.1:9"
    monkeypatch.setenv("AWS_ENDPOINT_URL", url)
    code, err = _run(capsys, "plan", "--config", _config(tmp_path))
    assert code == 1 and "bob:***@" in err and "hunter2" not in err

    from aws.deployment import DeploymentService

    def broken(*_args, **_kwargs):
        raise ValueError(f"cannot talk to {url}")

    monkeypatch.setattr(DeploymentService, "plan", broken)
    monkeypatch.setattr("cli.main.refuse_disabled_regions", lambda *_: None)
    code, err = _run(capsys, "plan", "--config", _config(tmp_path))
    log = (tmp_path / "home" / "state" / "changewatch.log").read_text()
    assert code == 1 and "hunter2" not in err
    assert "bob:***@" in log and "hunter2" not in log


class _HtmlServer(http.server.BaseHTTPRequestHandler):
    """A proxy or load balancer answering with its own error page."""

    def do_POST(self) -> None:  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        page = b"<!DOCTYPE html>\n<html><head><meta charset=utf-8></head><body>Bad</body></html>"
        self.send_response(500)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def html_endpoint(monkeypatch):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _HtmlServer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("AWS_ENDPOINT_URL", f"http://127.0.0.1:{server.server_port}")
    yield
    server.shutdown()
    server.server_close()


def test_an_html_error_page_is_said_plainly(html_endpoint, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("cli.main.refuse_disabled_regions", lambda *_: None)
    code, err = _run(capsys, "plan", "--config", _config(tmp_path))
    assert code == 1 and "was not an AWS response (HTML)" in err
    assert "<html" not in err.lower()
    _one_sentence(err)


# -- what is printed --------------------------------------------------------------------------

def test_the_events_table_escapes_control_characters():
    row = EventRow(event_id="1", event_time=datetime(2026, 1, 1, tzinfo=UTC),
                   region="us-west-2", event_name="CreateSecurityGroup",
                   event_source="ec2.amazonaws.com", user="alice\n2026-01-01 00:00:00Z  forged",
                   source_ip="1.2.3.4", user_agent="", resource="sg-1\x1b[2J", error_code="",
                   read_only=False, group_id="security-groups", record={})
    line = as_line(row)
    assert "\n" not in line and "\x1b" not in line
    assert "alice\\n2026" in line and "sg-1\\x1b[2J" in line


def test_errors_from_parallel_regions_are_whole_one_per_line(capsys):
    regions = [f"region-{n:02d}" for n in range(17)]
    failed = [RegionResult(r, (), AwsError(kind=ErrorKind.ACCESS_DENIED, region=r,
                                           operation="PutRule",
                                           detail="AccessDenied: not allowed\nby an SCP"))
              for r in regions]
    printer = progress_printer("en")
    for result in failed:
        printer(ProgressEvent(result.region, Progress.REGION_FAILED, error=result.error))
    assert deploy._finish(Result(tuple(failed)), make_settings(), "en") == 1
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 18
    assert all("not allowed by an SCP" in line for line in lines[:17])
    assert "region-04 and 12 more" in lines[-1] and "region-05" not in lines[-1]


def test_ctrl_c_is_one_sentence(tmp_path, capsys, monkeypatch):
    from aws.deployment import DeploymentService

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(DeploymentService, "plan", interrupted)
    monkeypatch.setattr("cli.main.refuse_disabled_regions", lambda *_: None)
    code, err = _run(capsys, "plan", "--config", _config(tmp_path))
    assert code == 130 and err.startswith("Cancelled.")
    _one_sentence(err)

