"""The dashboard against moto: status, drift and Repair, test notification, confirmation, trail."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication

from aws.execute import execute
from aws.localstate import LocalState
from aws.status import SubscriptionStatus
from aws.trail_setup import TRAIL_NAME
from gui.context import AppContext
from gui.dashboard.status_model import PROBLEMS, SUBSCRIPTION, TOPIC, TRAIL
from gui.dashboard.window import DashboardWindow
from sandbox.lookup_emulator import LookupEventsEmulator
from tests.aws.helpers import client, make_plan, make_settings, rule_name
from tests.gui.shots import save_shot

REGIONS = ("ap-northeast-1", "us-west-2", "us-east-1")
HOME = "ap-northeast-1"
CONFIG = rule_name("aws-config")


def logging_trail() -> None:
    s3 = client("s3", "us-east-1")
    s3.create_bucket(Bucket="org-trail-logs")
    trail = client("cloudtrail", "us-east-1")
    trail.create_trail(Name="org", S3BucketName="org-trail-logs", IsMultiRegionTrail=True)
    trail.start_logging(Name="org")


@pytest.fixture
def emulator(moto, monkeypatch):
    emu = LookupEventsEmulator(upstream=moto.url)
    monkeypatch.setenv("AWS_ENDPOINT_URL_CLOUDTRAIL", emu.start())
    yield emu
    emu.stop()


@pytest.fixture
def context(qapp, access, emulator, tmp_path, monkeypatch):
    monkeypatch.setenv("CHANGEWATCH_HOME", str(tmp_path / "home"))
    settings = make_settings()
    assert execute(access, make_plan(access, settings)).ok
    local = LocalState.default()
    local.save_settings(settings)
    local.remember_regions(settings.deployment, REGIONS)
    return AppContext(local=local, lang="en")


def wait_status(qtbot, window: DashboardWindow) -> None:
    tab = window.status_tab
    qtbot.waitUntil(lambda: tab.status is not None and not tab.reading, timeout=15_000)


@pytest.fixture
def window(qtbot, context):
    win = DashboardWindow(context)
    qtbot.addWidget(win)
    win.events_tab.refresh_combo.setCurrentIndex(0)
    wait_status(qtbot, win)
    yield win
    win.close()


def cell(window: DashboardWindow, region: str, column: int) -> str:
    model = window.status_tab.model
    row = next(i for i in range(model.rowCount()) if model.row_at(i).region == region)
    return model.index(row, column).data()


def shot(window, name: str) -> None:
    window.tabs.setCurrentIndex(0)
    save_shot(window, name)


def test_one_inbox_status_names_the_home_and_where_others_forward(qtbot, window, qtmodeltester):
    tab = window.status_tab
    assert [tab.model.row_at(i).region for i in range(tab.model.rowCount())] == list(REGIONS)
    # No trail yet: the headline says the rules cannot fire, never "everything is in place".
    assert tab.state_label.text().startswith("No CloudTrail trail is logging in")
    assert tab.trail_button.isEnabled()
    assert cell(window, HOME, SUBSCRIPTION) == "Confirmed"
    assert cell(window, "us-west-2", TOPIC) == f"Forwards to {HOME}"
    assert cell(window, "us-west-2", SUBSCRIPTION) == f"In {HOME} (one inbox)"
    assert cell(window, "us-west-2", PROBLEMS) == "None"
    assert cell(window, "us-west-2", TRAIL) == "No trail: events never arrive"
    assert not tab.repair_button.isEnabled()
    tab.select_region("us-west-2")
    assert f"Forwards the events it matches to {HOME}" in tab.detail.toPlainText()
    tab.select_region(HOME)
    assert f"{rule_name('security-groups')} — on" in tab.detail.toPlainText()
    qtmodeltester.check(tab.model)
    shot(window, "dashboard-status.png")
    logging_trail()
    tab.refresh_button.click()
    wait_status(qtbot, window)
    assert tab.state_label.text() == (
        f"Everything is in place: 3 region(s) watched, one inbox in {HOME}.")


def test_pending_subscription_shows_its_age(window, context):
    tab = window.status_tab
    status = tab.status
    pending = (SubscriptionStatus("ops@example.com", True, "PendingConfirmation"),)
    regions = tuple(dataclasses.replace(r, subscriptions=pending) if r.region == HOME
                    else r for r in status.regions)
    data = context.local.get("subscribed_at", {})
    data[f"test/{HOME}"] = (datetime.now(UTC) - timedelta(hours=5, minutes=10)).isoformat()
    context.local.set("subscribed_at", data)
    tab.show_status(dataclasses.replace(status, regions=regions))
    assert cell(window, HOME, SUBSCRIPTION) == (
        "Waiting for confirmation for 5 h (link valid 48 h)")
    data[f"test/{HOME}"] = (datetime.now(UTC) - timedelta(hours=50)).isoformat()
    context.local.set("subscribed_at", data)
    tab.show_status(dataclasses.replace(status, regions=regions))
    assert cell(window, HOME, SUBSCRIPTION) == "Link expired (sent 50 h ago): resend"
    assert tab.resend_button.isEnabled() and tab.link_button.isEnabled()
    shot(window, "dashboard-pending.png")


def test_drift_is_shown_plainly_and_repair_fixes_it(qtbot, window):
    logging_trail()
    events = client("events", HOME)
    events.remove_targets(Rule=CONFIG, Ids=["changewatch-format"])
    events.delete_rule(Name=CONFIG)
    tab = window.status_tab
    tab.refresh_button.click()
    wait_status(qtbot, window)
    assert cell(window, HOME, PROBLEMS) == "1 problem(s)"
    assert tab.state_label.text().startswith("1 problem(s) found")
    tab.select_region(HOME)
    assert (f"The EventBridge rule {CONFIG} is missing (deleted by hand?)."
            in tab.detail.toPlainText())
    assert tab.repair_button.isEnabled()
    shot(window, "dashboard-drift.png")
    tab.repair_button.click()
    qtbot.waitUntil(lambda: tab.message_label.text().startswith("Repaired"), timeout=15_000)
    wait_status(qtbot, window)
    assert tab.state_label.text().startswith("Everything is in place")
    assert CONFIG in {r["Name"] for r in events.list_rules()["Rules"]}


def test_test_notification_is_the_formatters_email_marked_as_a_test(qtbot, window, moto):
    tab = window.status_tab
    tab.test_button.click()
    qtbot.waitUntil(lambda: "1 test notification(s) published" in tab.message_label.text(),
                    timeout=10_000)
    published = json.dumps(moto.published(), ensure_ascii=False)
    assert "changewatch-test" in published


def test_resend_and_pasted_link_confirm(qtbot, window, context):
    tab = window.status_tab
    status = tab.status
    pending = (SubscriptionStatus("ops@example.com", True, "PendingConfirmation"),)
    tab.show_status(dataclasses.replace(status, regions=tuple(
        dataclasses.replace(r, subscriptions=pending) if r.region == HOME else r
        for r in status.regions)))
    tab.resend_button.click()
    qtbot.waitUntil(lambda: "A new confirmation email" in tab.message_label.text(),
                    timeout=10_000)
    assert context.local.subscribed_at("test", HOME) is not None
    wait_status(qtbot, window)
    tab.show_status(dataclasses.replace(tab.status, regions=tuple(
        dataclasses.replace(r, subscriptions=pending) if r.region == HOME else r
        for r in tab.status.regions)))
    tab.ask_link = lambda: "hello"
    tab.link_button.click()
    qtbot.waitUntil(lambda: tab.message_label.text().startswith("Subscription confirmed"),
                    timeout=10_000)
    wait_status(qtbot, window)
    tab.show_status(dataclasses.replace(tab.status, regions=tuple(
        dataclasses.replace(r, subscriptions=pending) if r.region == HOME else r
        for r in tab.status.regions)))
    tab.ask_link = lambda: "https://example.com/confirmation.html?nothing=here"
    tab.link_button.click()
    assert tab.message_label.text().startswith("That is not a confirmation link")


def test_trail_is_created_only_after_confirming(qtbot, window):
    tab = window.status_tab
    tab.select_region("us-west-2")
    assert tab.trail_button.isEnabled()
    asked = []

    def confirm(plan):
        dialog = tab.trail_flow.dialog(plan)
        save_shot(dialog, "dashboard-trail-confirm.png")
        asked.append(plan)
        return len(asked) > 1  # refuse the first time, accept the second

    tab.trail_flow.confirm = confirm
    tab.trail_button.click()
    qtbot.waitUntil(lambda: len(asked) == 1 and not tab.trail_flow.busy, timeout=10_000)
    assert client("cloudtrail", "ap-northeast-1").describe_trails()["trailList"] == []
    tab.trail_button.click()
    qtbot.waitUntil(lambda: tab.message_label.text().startswith("Trail created"),
                    timeout=10_000)
    wait_status(qtbot, window)
    assert cell(window, "us-west-2", TRAIL) == f"Logging ({TRAIL_NAME})"
    assert not tab.trail_button.isEnabled()


def test_change_setup_opens_the_wizard(qtbot, window):
    window.setup_action.trigger()
    [wizard] = [w for w in QApplication.topLevelWidgets()
                if type(w).__name__ == "SetupWizard" and w.isVisible()]
    qtbot.addWidget(wizard)
    wizard.close()


def test_export_as_cloudformation_opens_from_the_deployment_menu(qtbot, window, tmp_path):
    assert window.export_action in window.menu.actions()
    assert window.export_action.text() == "Export as CloudFormation…"
    window.export_action.trigger()
    dialog = window.export_dialog
    assert dialog.isVisible()
    dialog.folder.setText(str(tmp_path / "cfn"))
    with qtbot.waitSignal(dialog.task.succeeded, timeout=10_000):
        dialog.export_button.click()
    assert (tmp_path / "cfn" / "DEPLOY.md").exists()
    dialog.close()


def test_organization_opens_from_the_deployment_menu(qtbot, window):
    assert window.org_action in window.menu.actions()
    assert window.org_action.text() == "Organization (StackSets)…"
    window.org_action.trigger()
    dialog = window.org_dialog
    qtbot.waitUntil(lambda: "Organization mode needs the management account"
                    in dialog.text.toPlainText(), timeout=15_000)
    dialog.close()
