"""Remove everything from the dashboard: one click, nothing tagged left, foreign kept, resumable."""

from __future__ import annotations

import pytest

from aws.deployment import DeploymentService
from aws.execute import Progress, execute
from aws.localstate import LocalState
from gui.context import AppContext
from gui.dashboard.window import DashboardWindow
from sandbox.lookup_emulator import LookupEventsEmulator
from tests.aws.helpers import client, make_plan, make_settings, rules, tagged_anything, topics
from tests.gui.shots import save_shot

REGIONS = ("ap-northeast-1", "us-west-2", "us-east-1")


@pytest.fixture
def window(qtbot, qapp, access, moto, tmp_path, monkeypatch):
    emulator = LookupEventsEmulator(upstream=moto.url)
    monkeypatch.setenv("AWS_ENDPOINT_URL_CLOUDTRAIL", emulator.start())
    monkeypatch.setenv("CHANGEWATCH_HOME", str(tmp_path / "home"))
    client("events", "us-west-2").put_rule(Name="changewatch-mine",
                                           EventPattern='{"source":["x"]}')
    client("sns", "us-west-2").create_topic(Name="changewatch-mine")
    settings = make_settings()
    assert execute(access, make_plan(access, settings)).ok
    local = LocalState.default()
    local.save_settings(settings)
    local.remember_regions(settings.deployment, ("ap-northeast-1", "us-west-2"))
    context = AppContext(local=local, lang="en")
    win = DashboardWindow(context)
    qtbot.addWidget(win)
    win.events_tab.refresh_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: win.status_tab.status is not None and not win.status_tab.reading,
                    timeout=15_000)
    yield win
    win.close()
    emulator.stop()


def _remove(qtbot, window: DashboardWindow) -> list[str]:
    flow = window.status_tab.remove_flow
    informed: list[str] = []
    flow.inform = informed.append
    with qtbot.waitSignal(flow.finished, timeout=20_000):
        window.status_tab.remove_button.click()
    return informed


def test_remove_with_one_click_leaves_nothing_tagged_and_keeps_foreign(qtbot, window):
    flow = window.status_tab.remove_flow
    listed: list[str] = []

    def confirm(plan):
        listed.extend(flow.item_text(a) for a in plan.instructions)
        return True

    flow.confirm = confirm
    [text] = _remove(qtbot, window)
    assert "us-west-2: EventBridge rule changewatch-test-aws-config (its target first)" in listed
    assert "ap-northeast-1: SNS topic changewatch-test and its email subscription" in listed
    assert "IAM: IAM role changewatch-test-events (last, once nothing uses it)" in listed
    # home: topic, formatter, 3 rules; us-west-2: 3 forwarding rules; us-east-1 (found though
    # not remembered): 1; IAM: 2 roles
    assert len(listed) == 11
    assert text == "Removed 11 resource(s)."  # one line; the list is in the dialog
    assert tagged_anything(REGIONS) == []
    assert "changewatch-mine" in rules("us-west-2")
    assert any(a.endswith(":changewatch-mine") for a in topics("us-west-2"))
    save_shot(window.status_tab.remove_flow.dialog, "dashboard-removed.png")
    tab = window.status_tab
    qtbot.waitUntil(lambda: tab.state_label.text() == "Nothing is deployed.", timeout=15_000)
    # A calm empty state: no red regions, no Repair, the removed list folded away.
    assert tab.pages.currentIndex() == 1 and tab.title_label.text().endswith("Nothing deployed</b>")
    assert not tab.repair_button.isVisibleTo(tab) and not tab.remove_button.isVisibleTo(tab)
    assert tab.setup_button.isVisibleTo(tab) and tab.removed_list.count() == 11
    assert not tab.removed_list.isVisibleTo(tab)
    tab.removed_toggle.click()
    assert tab.removed_list.isVisibleTo(tab)
    window.resize(1180, 760)
    assert window.height() <= 800
    save_shot(window, "dashboard-after-removal.png")


def test_confirm_dialog_lists_exactly_what_is_deleted(qtbot, window):
    flow = window.status_tab.remove_flow
    shown = []

    def confirm(plan):
        dialog = flow.confirm_dialog(plan)
        shown.append(dialog.items.count())
        assert "rule changewatch-mine (us-west-2)" in dialog.note.text()  # kept, and said so
        save_shot(dialog, "dashboard-remove-confirm.png")
        return False

    flow.confirm = confirm
    window.status_tab.remove_button.click()
    qtbot.waitUntil(lambda: bool(shown) and not flow.busy, timeout=15_000)
    assert shown == [11]
    assert len(tagged_anything(REGIONS)) == 11  # refused: nothing deleted


def test_remove_interrupted_halfway_then_run_again_finishes(qtbot, window, monkeypatch):
    flow = window.status_tab.remove_flow
    flow.confirm = lambda plan: True
    real = DeploymentService.remove

    def cancel_after_first(self, plan, *, on_progress, cancelled):
        def progress(event):
            on_progress(event)
            if event.status == Progress.DONE:
                flow.cancel()  # what the dialog's Cancel button does, at a known moment
        return real(self, plan, on_progress=progress, cancelled=cancelled)

    monkeypatch.setattr(DeploymentService, "remove", cancel_after_first)
    [text] = _remove(qtbot, window)
    assert "Run Remove everything again to finish" in text
    assert 0 < len(tagged_anything(REGIONS)) < 11
    assert "stopped" in " ".join(label.text() for label in flow.dialog._labels.values())
    monkeypatch.setattr(DeploymentService, "remove", real)
    flow.dialog.close()
    [text] = _remove(qtbot, window)
    assert text.startswith("Removed"), text
    assert tagged_anything(REGIONS) == [], (text, flow.dialog.summary.toPlainText())
    assert "changewatch-mine" in rules("us-west-2")
