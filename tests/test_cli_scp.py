"""`changewatch scp`: shown before anything is sent; attach and detach only with --yes (or a
"y" on a terminal); remove leaves nothing."""

from __future__ import annotations

import io
import json
import os

import boto3
import pytest

import main
from aws.scp import SCP_LIMIT
from aws.scp_settings import ScpSettings
from aws.settings_file import save
from sandbox.organization import seed_organization
from tests.aws.helpers import make_settings

ADMIN = "arn:aws:iam::*:role/Admin*"


def _config(tmp_path, **scp) -> str:
    path = tmp_path / "cw.toml"
    save(make_settings(deployment="prod", scp=ScpSettings((ADMIN,), **scp)), path)
    return str(path)


@pytest.fixture
def org(moto):
    seed_organization(boto3._get_default_session())
    client = boto3.client("organizations", region_name="us-east-1")
    units = client.list_organizational_units_for_parent(
        ParentId=client.list_roots()["Roots"][0]["Id"])["OrganizationalUnits"]
    return client, {u["Name"]: u["Id"] for u in units}


def _ours(client) -> list[dict]:
    return [p for p in client.list_policies(Filter="SERVICE_CONTROL_POLICY")["Policies"]
            if p["Name"] == "changewatch-prod-guard"]


def test_show_prints_the_json_and_the_words(tmp_path, capsys):
    assert main.main(["scp", "show", "--config", _config(tmp_path), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert '"Sid": "ChangeWatchKeepTrailsLogging"' in printed
    assert "Stopping, deleting or reconfiguring CloudTrail trails" in printed
    assert f"of {SCP_LIMIT} characters" in printed


def test_show_json_is_one_document(tmp_path, capsys):
    assert main.main(["scp", "show", "--config", _config(tmp_path), "--json", "--lang",
                      "ja"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["size"] < shown["limit"] == SCP_LIMIT
    assert shown["policy"]["Statement"][0]["Effect"] == "Deny"
    assert "レコーダー" in shown["statements"][0]["prevents"]


def test_export_writes_what_aws_would_receive(tmp_path, capsys):
    out = tmp_path / "scp.json"
    assert main.main(["scp", "export", "--config", _config(tmp_path), "--out", str(out),
                      "--lang", "en"]) == 0
    assert len(out.read_text().strip()) < SCP_LIMIT
    assert json.loads(out.read_text())["Version"] == "2012-10-17"


def test_no_admin_role_is_bad_settings(tmp_path, capsys):
    path = tmp_path / "cw.toml"
    save(make_settings(deployment="prod"), path)
    assert main.main(["scp", "show", "--config", str(path), "--lang", "en"]) == 2
    assert "admin_roles" in capsys.readouterr().err


def test_attach_without_yes_and_no_terminal_changes_nothing(org, tmp_path, capsys,
                                                            monkeypatch):
    client, units = org
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code = main.main(["scp", "attach", "--config", _config(tmp_path), "--target",
                      units["Security"], "--lang", "en"])
    printed = capsys.readouterr()
    assert code == 2 and "--yes" in printed.err
    assert "1. Create the SCP changewatch-prod-guard" in printed.out
    assert "2. Attach changewatch-prod-guard to the OU Security" in printed.out
    assert _ours(client) == []


def test_attach_yes_then_remove_yes_leaves_nothing(org, tmp_path, capsys):
    client, units = org
    config = _config(tmp_path, target=units["Security"])
    assert main.main(["scp", "attach", "--config", config, "--yes", "--lang", "en"]) == 0
    [policy] = _ours(client)
    targets = client.list_targets_for_policy(PolicyId=policy["Id"])["Targets"]
    assert [t["TargetId"] for t in targets] == [units["Security"]]
    assert main.main(["scp", "attach", "--config", config, "--yes", "--lang", "en"]) == 0
    assert "Nothing to change" in capsys.readouterr().out
    assert main.main(["scp", "remove", "--config", config, "--yes", "--lang", "en"]) == 0
    assert _ours(client) == []


def test_attach_without_a_target_says_how_to_give_one(org, tmp_path, capsys):
    assert main.main(["scp", "attach", "--config", _config(tmp_path), "--yes",
                      "--lang", "en"]) == 2
    assert "--target" in capsys.readouterr().err


def test_outside_an_organization_it_is_one_sentence(moto, tmp_path, capsys):
    assert main.main(["scp", "remove", "--config", _config(tmp_path), "--yes",
                      "--lang", "en"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "not in an AWS Organization" in err[0]


@pytest.fixture
def demo_process():
    import sandbox.demo as demo

    saved = dict(os.environ)
    yield
    if demo._running is not None:
        demo._running.stop()
        demo._running = None
    os.environ.clear()
    os.environ.update(saved)


def test_demo_commands_find_the_same_organization_and_scp_one_after_another(
        demo_process, tmp_path, capsys):
    """Each headless --demo command is a new sandbox replaying the last ones: the ids of the
    organization and of the SCP stay the same, so the next command finds it attached."""
    import re

    import sandbox.demo as demo

    config, saved = _config(tmp_path), dict(os.environ)

    def command(*words: str) -> str:
        code = main.main(["--demo", *words, "--config", config, "--lang", "en"])
        demo._running.stop()  # the next command starts its own sandbox, as a new process would
        demo._running = None
        os.environ.clear()
        os.environ.update(saved)
        printed = capsys.readouterr().out
        assert code == 0, printed
        return printed

    listed = command("--demo-reset", "scp", "targets")
    production = re.search(r"OU Production \((ou-[a-z0-9-]+)\)", listed).group(1)
    command("scp", "attach", "--target", production, "--yes")
    left = command("remove")  # remove leaves the SCP to the management account: it says so
    assert "changewatch-prod-guard" in left and production in left and "scp remove" in left
    removed = command("scp", "remove", "--yes")
    assert f"Detach changewatch-prod-guard from the OU Production ({production})" in removed
    assert "Delete the SCP changewatch-prod-guard" in removed
