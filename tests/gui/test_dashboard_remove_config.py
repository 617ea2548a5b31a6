"""Remove everything with AWS Config rules deployed: the rules go; a recorder ChangeWatch
started stays unless the dialog's “Also stop AWS Config” box is ticked."""

from __future__ import annotations

import pytest

from aws.execute import execute
from aws.localstate import LocalState
from gui.context import AppContext
from gui.dashboard.window import DashboardWindow
from sandbox.lookup_emulator import LookupEventsEmulator
from tests.aws.compliance_helpers import (
    config_endpoint,  # noqa: F401 - a fixture
    config_rules,
    recorder,
)
from tests.aws.helpers import make_plan, make_settings

REGION = "ap-northeast-1"
pytestmark = pytest.mark.usefixtures("config_endpoint")


@pytest.fixture
def window(qtbot, access, moto, tmp_path, monkeypatch):
    emulator = LookupEventsEmulator(upstream=moto.url)
    monkeypatch.setenv("AWS_ENDPOINT_URL_CLOUDTRAIL", emulator.start())
    settings = make_settings(regions=(REGION,), watch=("security-groups",),
                             compliance=("restricted-ssh",), enable_config=True)
    assert execute(access, make_plan(access, settings)).ok
    local = LocalState.default()
    local.save_settings(settings)
    local.remember_regions(settings.deployment, (REGION,))
    win = DashboardWindow(AppContext(local=local, lang="en"))
    qtbot.addWidget(win)
    yield win
    win.close()
    emulator.stop()


# Ticking the box is the same engine step as `remove --stop-config` (tests/test_cli_compliance.py).
@pytest.mark.parametrize("stop", [False])
def test_config_is_stopped_only_when_the_box_is_ticked(qtbot, window, stop):
    flow = window.status_tab.remove_flow
    informed: list[str] = []
    flow.inform = informed.append
    shown = []

    def confirm(plan) -> bool:
        dialog = flow.confirm_dialog(plan)
        shown.append(dialog)
        assert "Also stop AWS Config in ap-northeast-1" in dialog.stop_config.text()
        assert not dialog.stop_config.isChecked()
        items = [dialog.items.item(i).text() for i in range(dialog.items.count())]
        assert any("Delete AWS Config rule changewatch-test-restricted-ssh" in i for i in items)
        if stop:
            dialog.stop_config.click()
        return True
    flow.confirm = confirm
    with qtbot.waitSignal(flow.finished, timeout=30_000):
        flow.start()
    assert shown and config_rules(REGION) == {}
    if stop:
        assert recorder(REGION) == {}
    else:
        assert recorder(REGION)["recording"]
        assert "left running" in informed[-1]
