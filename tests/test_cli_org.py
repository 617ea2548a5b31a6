"""`changewatch org plan | deploy | status | remove` over the wire to the local moto server:
what each prints, the exit codes, and a refusal without an organization."""

from __future__ import annotations

import pytest

import main
from aws.settings_file import save
from tests.aws.helpers import make_settings
from tests.aws.test_org import organization  # noqa: F401 - the fixture


def _config(tmp_path, org) -> str:
    path = tmp_path / "cw.toml"
    save(make_settings(regions=("ap-northeast-1",)), path)
    with path.open("a", encoding="utf-8") as file:
        file.write(f'\n[organization]\nous = ["{org["ou"]}"]\nmax_concurrent_percentage = 50\n')
    return str(path)


@pytest.mark.filterwarnings("ignore:Tried to parse")
def test_plan_deploy_status_remove(organization, tmp_path, capsys):  # noqa: F811
    config = _config(tmp_path, organization)
    accounts = organization["accounts"]
    assert main.main(["org", "plan", "--config", config, "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert f"Organization {organization['id']}" in printed
    assert "2 account(s) × 2 region(s) (ap-northeast-1, us-east-1)" in printed
    assert f"{accounts['app-prod']}  app-prod" in printed and "sandbox" not in printed
    assert main.main(["org", "deploy", "--config", config, "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert "Central stack…\nStackSet…\nStack instances…" in printed
    assert "Operation CREATE: SUCCEEDED." in printed
    assert main.main(["org", "status", "--config", config, "--lang", "ja"]) == 0
    printed = capsys.readouterr().out
    assert "中央スタック: CREATE_COMPLETE。StackSet: ACTIVE。自動展開: オン。" in printed
    assert f"{accounts['app-dev']}  us-east-1" in printed
    assert main.main(["org", "remove", "--config", config, "--lang", "en"]) == 0
    assert "Removed: the stack instances, the StackSet and the central stack." in \
        capsys.readouterr().out
    assert main.main(["org", "status", "--config", config, "--lang", "en"]) == 0
    assert "Central stack: none. StackSet: none." in capsys.readouterr().out


def test_without_an_organization_one_sentence(moto, tmp_path, capsys):
    config = tmp_path / "cw.toml"
    save(make_settings(), config)
    assert main.main(["org", "plan", "--config", str(config), "--lang", "en"]) == 1
    assert capsys.readouterr().err.startswith("Organization mode needs the management account")


def test_bad_organization_settings_exit_2(tmp_path, capsys):
    config = tmp_path / "cw.toml"
    save(make_settings(), config)
    with config.open("a", encoding="utf-8") as file:
        file.write("\n[organization]\nmax_concurrent_percentage = 0\n")
    assert main.main(["org", "plan", "--config", str(config), "--lang", "en"]) == 2
    assert "max_concurrent_percentage" in capsys.readouterr().err
