"""`changewatch export`: templates and DEPLOY.md in the folder, what was written on stdout;
no AWS call (the endpoint of the test environment is unreachable and never reached)."""

from __future__ import annotations

import json

import main
from aws.settings_file import save
from tests.aws.helpers import make_settings


def test_writes_templates_and_says_what(tmp_path, capsys):
    config = tmp_path / "cw.toml"
    save(make_settings(), config)
    out = tmp_path / "templates"
    assert main.main(["export", "--config", str(config), "--format", "cloudformation",
                      "--out", str(out), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert f"Wrote 3 templates and DEPLOY.md to {out}" in printed
    for region in ("ap-northeast-1", "us-west-2", "us-east-1"):
        name = f"changewatch-test-{region}.json"
        assert name in printed
        body = json.loads((out / name).read_text(encoding="utf-8"))
        assert body["AWSTemplateFormatVersion"] == "2010-09-09"
    assert (out / "DEPLOY.md").exists()


def test_bad_settings_exit_2_and_an_unwritable_folder_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.toml"
    bad.write_text('email = "nope"\nregions = ["us-west-2"]\nwatch = ["aws-config"]\n')
    assert main.main(["export", "--config", str(bad), "--out", str(tmp_path / "x"),
                      "--lang", "en"]) == 2
    config = tmp_path / "cw.toml"
    save(make_settings(), config)
    blocker = tmp_path / "file"
    blocker.write_text("")
    assert main.main(["export", "--config", str(config), "--out", str(blocker),
                      "--lang", "en"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("Could not write the templates") and "folder" in err[-1]
