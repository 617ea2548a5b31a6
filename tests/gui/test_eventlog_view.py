"""The Recent events tab against the LookupEvents emulator (moto behind it for everything else)."""

from __future__ import annotations

import copy
import csv
import json
from datetime import UTC, datetime, timedelta
from html import escape

import pytest
from PySide6.QtWidgets import QLabel

from aws import resources
from aws.localstate import LocalState
from gui.context import AppContext
from gui.eventlog.model import API, EVENT
from gui.eventlog.view import EventLogTab
from sandbox.lookup_emulator import LookupEventsEmulator
from tests.aws.helpers import make_settings
from tests.gui.shots import save_shot

GROUPS = ("aws-config", "root-signin", "vpc-changes", "s3-bucket-policy-changes",
          "nacl-changes", "security-groups")


def _samples(group: str) -> list[dict]:
    return resources.read_json("samples", f"{group}.json")


def _at(record: dict, when: datetime, region: str | None = None, **changes) -> dict:
    rec = copy.deepcopy(record)
    rec["eventTime"] = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    if region:
        rec["awsRegion"] = region
    rec.update(changes)
    return rec


def realistic_mix(now: datetime) -> tuple[list[dict], int]:
    """The shipped samples spread over 18 hours, a failed call, an orphan Modify, and noise;
    returns (records, how many of them the deployment watches)."""
    samples = [s for g in GROUPS for s in _samples(g)]
    records = []
    for i, sample in enumerate(samples):
        region = {"eu-west-1": "us-west-2"}.get(sample["awsRegion"], sample["awsRegion"])
        records.append(_at(sample, now - timedelta(minutes=20 * (len(samples) - i)), region))
    ingress = next(s for s in samples if s["eventName"] == "AuthorizeSecurityGroupIngress")
    failed = _at(ingress, now - timedelta(minutes=25), "us-west-2", eventID="ev-failed-1",
                 errorCode="Client.UnauthorizedOperation",
                 errorMessage="You are not authorized to perform this operation.",
                 responseElements=None, sourceIPAddress="198.51.100.77")
    failed["userIdentity"] = {**ingress["userIdentity"], "userName": "mallory",
                              "arn": "arn:aws:iam::123456789012:user/mallory"}
    modify = next(s for s in samples if s["eventName"] == "ModifySecurityGroupRules")
    orphan = _at(modify, now - timedelta(minutes=10), eventID="ev-orphan-modify")
    orphan["requestParameters"]["ModifySecurityGroupRulesRequest"]["SecurityGroupRule"][
        "SecurityGroupRuleId"] = "sgr-0999999999999999f"
    noise = [_at(ingress, now - timedelta(minutes=5), "us-west-2", eventID=f"ev-noise-{n}",
                 eventName=name, readOnly=True, requestParameters={}, responseElements=None)
             for n, name in enumerate(("DescribeSecurityGroups", "DescribeInstances"))]
    evaluations = _at(_samples("aws-config")[0], now - timedelta(minutes=3), "us-west-2",
                      eventID="ev-noise-eval", eventName="PutEvaluations")
    watched = len(samples) + 2
    return [*records, failed, orphan, *noise, evaluations], watched


@pytest.fixture
def emulator(moto, monkeypatch):
    emu = LookupEventsEmulator(upstream=moto.url)
    monkeypatch.setenv("AWS_ENDPOINT_URL_CLOUDTRAIL", emu.start())
    yield emu
    emu.stop()


@pytest.fixture
def context(qapp, tmp_path, monkeypatch):
    monkeypatch.setenv("CHANGEWATCH_HOME", str(tmp_path / "home"))
    local = LocalState.default()
    local.save_settings(make_settings(watch=GROUPS))
    return AppContext(local=local, lang="en")


@pytest.fixture
def loaded(qtbot, emulator, context):
    records, watched = realistic_mix(datetime.now(UTC))
    emulator.load(records)
    tab = EventLogTab(context)
    qtbot.addWidget(tab)
    tab.resize(1280, 760)
    tab.refresh_combo.setCurrentIndex(0)  # no timer in tests: polls are explicit
    tab.start()
    qtbot.waitUntil(lambda: tab.model.rowCount() == watched and not tab.poller.busy,
                    timeout=15_000)
    yield tab
    tab.shutdown()


def _names(tab: EventLogTab) -> list[str]:
    return [tab.proxy.index(i, API).data() for i in range(tab.proxy.rowCount())]


def _select(tab: EventLogTab, event_id: str) -> None:
    row = next(i for i, r in enumerate(tab.visible_rows()) if r.event_id == event_id)
    tab.select_row(row)


def test_rows_appear_newest_first_and_only_watched_ones(loaded):
    names = _names(loaded)
    assert names[0] == "ModifySecurityGroupRules"  # the orphan, 10 minutes ago
    assert "DescribeSecurityGroups" not in names and "PutEvaluations" not in names
    assert names.count("ConsoleLogin") == 2
    assert {r.region for r in loaded.visible_rows()} == {"ap-northeast-1", "us-west-2",
                                                         "us-east-1"}
    times = [r.event_time for r in loaded.visible_rows()]
    assert times == sorted(times, reverse=True)
    assert "Last updated" in loaded.status_label.text()
    assert not loaded.error_label.isVisible()


def test_filter_box_narrows_the_rows(qtbot, loaded):
    loaded.filter_edit.setText("mallory")
    qtbot.waitUntil(lambda: loaded.proxy.rowCount() == 1)
    assert loaded.visible_rows()[0].error_code == "Client.UnauthorizedOperation"
    loaded.filter_edit.setText("consolelogin us-east-1")
    qtbot.waitUntil(lambda: loaded.proxy.rowCount() == 2)
    assert "2 shown" in loaded.status_label.text()
    loaded.filter_edit.clear()
    qtbot.waitUntil(lambda: loaded.proxy.rowCount() == loaded.model.rowCount())


def test_detail_pane_shows_json_and_the_rules_previous_state(loaded):
    modify = next(r for r in loaded.visible_rows() if r.event_name == "ModifySecurityGroupRules"
                  and r.event_id != "ev-orphan-modify")
    _select(loaded, modify.event_id)
    text = loaded.detail.text()
    assert '"eventName": "ModifySecurityGroupRules"' in text
    assert "Resource: sg-0a1b2c3d4e5f67890" in text
    assert "Previous state of rule sgr-0123456789abcdef0 — from the loaded history" in text
    assert "AuthorizeSecurityGroupIngress" in text and '"cidrIpv4": "0.0.0.0/0"' in text
    _select(loaded, "ev-orphan-modify")
    text = loaded.detail.text()
    assert "sgr-0999999999999999f before this change is not in the loaded history" in text
    loaded.resize(1280, 900)
    _select(loaded, modify.event_id)
    loaded.table.scrollToTop()
    save_shot(loaded, "events-log.png")


def test_export_writes_what_is_shown(qtbot, loaded, tmp_path):
    loaded.filter_edit.setText("consolelogin")
    qtbot.waitUntil(lambda: loaded.proxy.rowCount() == 2)
    loaded.ask_save_path = lambda: (str(tmp_path / "events.csv"), "CSV (*.csv)")
    loaded.export_button.click()
    lines = list(csv.DictReader((tmp_path / "events.csv").open(encoding="utf-8")))
    assert [line["eventName"] for line in lines] == ["ConsoleLogin", "ConsoleLogin"]
    loaded.ask_save_path = lambda: (str(tmp_path / "events.json"), "JSON (*.json)")
    loaded.export_button.click()
    data = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))
    assert {r["userIdentity"]["type"] for r in data["Records"]} == {"Root"}
    assert "Exported 2 events" in loaded.status_label.text()


def test_poll_adds_a_new_event_once_and_raises_a_tray_notice(qtbot, loaded, emulator):
    before = loaded.model.rowCount()
    ingress = next(s for s in _samples("security-groups")
                   if s["eventName"] == "AuthorizeSecurityGroupIngress")
    emulator.add(_at(ingress, datetime.now(UTC), "us-west-2", eventID="ev-new-1"))
    loaded.refresh_button.click()
    qtbot.waitUntil(lambda: loaded.model.rowCount() == before + 1 and not loaded.poller.busy,
                    timeout=10_000)
    assert loaded.visible_rows()[0].event_id == "ev-new-1"
    title, body = loaded.tray.last_message  # the change in words; the API name in the body
    assert title == "New event: " + loaded.visible_rows()[0].label_in("en")
    assert title != "New event: AuthorizeSecurityGroupIngress"
    assert body.startswith("AuthorizeSecurityGroupIngress in us-west-2")
    loaded.refresh_button.click()
    qtbot.waitUntil(lambda: not loaded.poller.busy, timeout=10_000)
    assert loaded.model.rowCount() == before + 1


def test_changing_the_window_reloads(qtbot, loaded):
    loaded.window_combo.setCurrentIndex(0)  # last hour
    qtbot.waitUntil(lambda: not loaded.poller.busy and loaded.model.rowCount() == 4,
                    timeout=10_000)
    assert {r.event_id for r in loaded.visible_rows()} >= {"ev-failed-1", "ev-orphan-modify"}


def test_export_to_a_folder_that_cannot_be_written_says_so(loaded, tmp_path):
    loaded.ask_save_path = lambda: (str(tmp_path / "missing" / "events.csv"), "CSV (*.csv)")
    loaded.export()
    assert "Could not write" in loaded.error_label.text()
    assert loaded.error_label.isVisibleTo(loaded)


def test_compare_up_to_five_events_chosen_with_ctrl_click(qtbot, loaded):
    from PySide6.QtCore import Qt

    table = loaded.table
    assert not loaded.compare_button.isEnabled()
    for row in range(3):
        rect = table.visualRect(loaded.proxy.index(row, 2))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier, rect.center())
    assert len(loaded.selected_rows()) == 3
    assert loaded.compare_button.isEnabled()
    qtbot.mouseClick(loaded.compare_button, Qt.MouseButton.LeftButton)
    dialog = loaded.compare_dialog
    qtbot.addWidget(dialog)
    assert len(dialog.panes) == 3
    assert '"eventID"' in dialog.panes[0].toPlainText()
    first = dialog.rows[0]  # each pane is titled by the change in words, then its API name
    titles = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert f"<b>{escape(first.label_in('en'))}</b> ({first.event_name})" in titles
    assert "eventID" in dialog.summary.text() and "eventTime" in dialog.summary.text()
    for row in range(3, 6):  # six chosen: more than the console compares
        rect = table.visualRect(loaded.proxy.index(row, 2))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         Qt.KeyboardModifier.ControlModifier, rect.center())
    assert not loaded.compare_button.isEnabled()


def test_columns_can_be_hidden_from_the_header_menu_and_stay_hidden(qtbot, loaded, context):
    menu = loaded.columns_menu()  # what right-clicking the header opens
    [source_ip] = [a for a in menu.actions() if a.text() == "Source IP"]
    source_ip.trigger()  # the user's click unticks it
    assert loaded.table.horizontalHeader().isSectionHidden(4)
    again = EventLogTab(context)  # a new window remembers the choice
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().isSectionHidden(4)


def test_filter_searches_request_parameters(qtbot, loaded):
    opened = [r for r in loaded.model.rows
              if "0.0.0.0" in json.dumps(r.record.get("requestParameters"))]
    assert opened  # the samples open port 22 to the world
    loaded.filter_edit.setText("0.0.0.0")
    qtbot.waitUntil(lambda: loaded.proxy.rowCount() == len(opened))
    assert {r.event_id for r in loaded.visible_rows()} == {r.event_id for r in opened}


def test_user_column_shows_the_name_and_the_arn_on_hover_and_in_details(loaded):
    from PySide6.QtCore import Qt

    from gui.eventlog.model import USER

    rows = loaded.visible_rows()
    sso = next(i for i, r in enumerate(rows) if "AWSReservedSSO" in r.user_arn)
    cell = loaded.proxy.index(sso, USER)
    assert cell.data() == "taro.yamada@example.com"  # the session name, not a cut ARN
    assert cell.data(Qt.ItemDataRole.ToolTipRole).startswith("arn:aws:sts::123456789012:"
                                                              "assumed-role/AWSReservedSSO")
    loaded.select_row(sso)
    assert rows[sso].user_arn in loaded.detail.text()
    failed = next(i for i, r in enumerate(rows) if r.event_id == "ev-failed-1")
    assert loaded.proxy.index(failed, USER).data() == "mallory"


def test_events_are_named_in_the_ui_language_with_the_api_alongside(loaded):
    from PySide6.QtCore import QLocale, Qt

    rows = loaded.visible_rows()
    ingress = next(i for i, r in enumerate(rows)
                   if r.event_name == "AuthorizeSecurityGroupIngress")
    cell = loaded.proxy.index(ingress, EVENT)
    assert cell.data() == "Inbound rule added"
    assert loaded.proxy.index(ingress, API).data() == "AuthorizeSecurityGroupIngress"
    assert "AuthorizeSecurityGroupIngress" in cell.data(Qt.ItemDataRole.ToolTipRole)
    saved = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    try:
        loaded.retranslate_ui()  # what a LanguageChange event runs
        assert cell.data() == "インバウンドルールを追加"
        loaded.proxy.set_text("インバウンドルールを追加")  # the filter finds the words shown
        assert loaded.proxy.rowCount() >= 1
        loaded.proxy.set_text("")
    finally:
        QLocale.setDefault(saved)
        loaded.retranslate_ui()
    assert loaded.proxy.index(ingress, EVENT).data() == "Inbound rule added"


def test_csv_for_excel_has_a_bom_local_time_with_its_zone_and_utc(loaded, tmp_path):
    from aws.timezone import local_zone_name

    loaded.ask_save_path = lambda: (str(tmp_path / "events.csv"),
                                    loaded._export_filters()[0])
    loaded.export_button.click()
    raw = (tmp_path / "events.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Japanese Excel reads UTF-8 only with it
    lines = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert len(lines) == loaded.model.rowCount()
    first, row = lines[0], loaded.visible_rows()[0]
    assert first["timeZone"].startswith(local_zone_name() + " (UTC")
    assert first["localTime"] == row.event_time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
    assert first["eventTime"] == row.event_time.strftime("%Y-%m-%dT%H:%M:%SZ")
    assert first["event"] and first["eventName"] == row.event_name
    loaded.ask_save_path = lambda: (str(tmp_path / "plain.csv"), loaded._export_filters()[1])
    loaded.export_button.click()
    assert not (tmp_path / "plain.csv").read_bytes().startswith(b"\xef\xbb\xbf")
