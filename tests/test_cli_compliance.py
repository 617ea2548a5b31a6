"""`--enable-config` and `--stop-config` on the command line, against moto + the Config
emulator: refused without the flag (exit 1, one sentence), Config on with it, left running on
remove unless asked."""

from __future__ import annotations

import pytest

import main
from aws.settings_file import save
from tests.aws.compliance_helpers import (
    config_endpoint,  # noqa: F401 - a fixture
    config_rules,
    recorder,
)
from tests.aws.helpers import make_settings

pytestmark = pytest.mark.usefixtures("config_endpoint")
REGION = "ap-northeast-1"


def _config(tmp_path) -> str:
    path = tmp_path / "cw.toml"
    save(make_settings(regions=(REGION,), watch=("security-groups",),
                       compliance=("restricted-ssh",)), path)
    return str(path)


def test_apply_needs_enable_config_then_remove_leaves_config_unless_stop_config(
        moto, tmp_path, capsys):
    config = _config(tmp_path)
    assert main.main(["apply", "--config", config, "--lang", "en"]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "--enable-config" in err and "per item recorded" in err
    assert recorder(REGION) == {}
    assert main.main(["apply", "--config", config, "--lang", "en", "--enable-config"]) == 0
    out = capsys.readouterr().out
    assert "Turn on AWS Config as changewatch-test" in out
    assert "Create AWS Config rule changewatch-test-restricted-ssh" in out
    assert recorder(REGION)["recording"]
    assert main.main(["plan", "--config", config, "--lang", "en"]) == 0  # on now: no flag
    assert "Nothing to change." in capsys.readouterr().out
    assert main.main(["remove", "--config", config, "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "left running" in out and "--stop-config" in out
    assert config_rules(REGION) == {} and recorder(REGION)["recording"]
    assert main.main(["remove", "--config", config, "--lang", "en", "--stop-config"]) == 0
    assert recorder(REGION) == {}
