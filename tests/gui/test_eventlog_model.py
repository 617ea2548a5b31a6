"""The events table model, its filter proxy, the rule-history lookup and export, without AWS."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from aws.events import EventRow
from gui.eventlog.export import write_csv, write_json
from gui.eventlog.history import previous_states
from gui.eventlog.model import ERROR, EVENT, ROW_ROLE, TIME, EventTableModel
from gui.eventlog.proxy import EventFilterProxy

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def row(n: int, name: str = "AuthorizeSecurityGroupIngress", *, minutes: float = 0,
        user: str = "arn:aws:iam::123456789012:user/alice", error: str = "",
        group: str = "security-groups", record: dict | None = None) -> EventRow:
    return EventRow(
        event_id=f"ev-{n}", event_time=T0 + timedelta(minutes=minutes), region="us-west-2",
        event_name=name, event_source="ec2.amazonaws.com", user=user,
        source_ip=f"198.51.100.{n % 250}", user_agent="aws-cli/2", resource=f"sg-{n:08x}",
        error_code=error, read_only=False, group_id=group,
        record=record or {"eventID": f"ev-{n}", "eventName": name})


def authorize(n: int, minutes: float, rule_id: str, cidr: str) -> EventRow:
    item = {"securityGroupRuleId": rule_id, "isEgress": False, "ipProtocol": "tcp",
            "fromPort": 22, "toPort": 22, "cidrIpv4": cidr}
    record = {"eventName": "AuthorizeSecurityGroupIngress",
              "responseElements": {"securityGroupRuleSet": {"items": [item]}}}
    return row(n, minutes=minutes, record=record)


def modify(n: int, minutes: float, rule_id: str, cidr: str) -> EventRow:
    rule = {"SecurityGroupRuleId": rule_id, "SecurityGroupRule": {
        "IpProtocol": "tcp", "FromPort": 22, "ToPort": 22, "CidrIpv4": cidr}}
    record = {"eventName": "ModifySecurityGroupRules", "requestParameters": {
        "ModifySecurityGroupRulesRequest": {"GroupId": "sg-1", "SecurityGroupRule": rule}}}
    return row(n, "ModifySecurityGroupRules", minutes=minutes, record=record)


def test_model_passes_qtmodeltester_while_rows_arrive(qtmodeltester):
    model = EventTableModel({"security-groups"})
    qtmodeltester.check(model)
    model.append_rows([row(i, minutes=i) for i in range(0, 20, 2)])
    model.append_rows([row(i, minutes=i) for i in range(1, 20, 2)])
    qtmodeltester.check(model)
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("ev-1")
    qtmodeltester.check(proxy)


def test_rows_are_kept_newest_first_and_shown_plainly(qapp):
    model = EventTableModel({"security-groups"})
    model.append_rows([row(1, minutes=5), row(2, minutes=50)])
    model.append_rows([row(3, minutes=20, error="Client.UnauthorizedOperation",
                           group="unauthorized-api-calls")])
    assert [r.event_id for r in model.rows] == ["ev-2", "ev-3", "ev-1"]
    first = model.index(0, TIME)
    assert model.data(first).startswith("2026-11-")
    assert model.data(first, 3) == "2026-11-20T09:50:00Z UTC"  # ToolTipRole: UTC
    failed = model.index(1, ERROR)
    assert model.data(failed) == "Client.UnauthorizedOperation"
    assert model.data(model.index(1, EVENT), 1) is not None       # an icon for failed calls
    assert model.data(model.index(0, EVENT), 8) is not None       # sensitive: coloured
    assert model.data(model.index(1, EVENT), 8) is None
    assert model.data(model.index(2, EVENT), ROW_ROLE).event_id == "ev-1"


def test_filter_matches_every_word_anywhere(qapp):
    model = EventTableModel()
    model.append_rows([row(1), row(2, user="arn:aws:sts::1:assumed-role/Admin/bob"),
                       row(3, "CreateSecurityGroup", error="AccessDenied")])
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("BOB")
    assert proxy.rowCount() == 1
    proxy.set_text("accessdenied createsecurity")
    assert proxy.rowCount() == 1
    proxy.set_text("198.51.100.2")
    assert proxy.rowCount() == 1
    proxy.set_text("")
    assert proxy.rowCount() == 3


def test_filtering_many_rows_matches_every_word(qapp):
    """Correctness at scale; the speed is measured in benchmarks/bench_gui.py."""
    model = EventTableModel()
    users = ["alice", "bob", "carol", "dave"]
    model.append_rows([row(i, minutes=i / 100, user=f"arn:aws:iam::1:user/{users[i % 4]}")
                       for i in range(20_000)])
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_text("carol")
    assert proxy.rowCount() == 5_000
    proxy.set_text("alice 198.51.100.8")
    shown = [proxy.index(i, EVENT).data(ROW_ROLE) for i in range(proxy.rowCount())]
    assert shown and all(r.user.endswith("alice") and "198.51.100.8" in r.source_ip
                         for r in shown)
    proxy.set_text("nothing-matches-this")
    assert proxy.rowCount() == 0


def test_rows_arriving_under_a_filter_are_placed_and_filtered(qtmodeltester):
    model = EventTableModel()
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.set_text("bob")
    model.append_rows([row(i, minutes=i * 10, user="alice" if i % 2 else "bob")
                       for i in range(10)])
    # newer, older and in-between rows, some matching
    model.append_rows([row(100, minutes=500, user="bob"), row(101, minutes=-5, user="bob"),
                       row(102, minutes=35, user="bob"), row(103, minutes=45, user="alice")])
    qtmodeltester.check(proxy)
    expected = [r for r in model.rows if "bob" in r.user]
    shown = [proxy.index(i, EVENT).data(ROW_ROLE) for i in range(proxy.rowCount())]
    assert shown == expected
    for i in range(proxy.rowCount()):
        source = proxy.mapToSource(proxy.index(i, 0))
        assert proxy.mapFromSource(source).row() == i
    assert proxy.headerData(0, Qt.Orientation.Horizontal) == "Time"
    proxy.set_text("nobody")
    assert proxy.headerData(0, Qt.Orientation.Horizontal) == "Time"


def test_previous_state_comes_from_the_latest_earlier_event_for_that_rule():
    history = [authorize(1, 0, "sgr-1", "0.0.0.0/0"), modify(2, 10, "sgr-1", "10.0.0.0/8"),
               authorize(3, 5, "sgr-2", "192.0.2.0/24")]
    later = modify(4, 20, "sgr-1", "203.0.113.0/24")
    [state] = previous_states([*history, later], later)
    assert state.rule_id == "sgr-1" and state.source.event_id == "ev-2"
    assert state.state["CidrIpv4"] == "10.0.0.0/8"
    [first] = previous_states(history, history[1])
    assert first.state["cidrIpv4"] == "0.0.0.0/0" and first.source.event_id == "ev-1"
    [unknown] = previous_states(history, modify(5, 30, "sgr-9", "1.2.3.4/32"))
    assert unknown.state is None and unknown.source is None
    assert previous_states(history, history[0]) == []


def test_export_csv_and_json(tmp_path):
    rows = [row(1, minutes=1), row(2, error="AccessDenied")]
    assert write_csv(tmp_path / "e.csv", rows) == 2
    lines = list(csv.DictReader((tmp_path / "e.csv").open(encoding="utf-8")))
    assert [line["eventId"] for line in lines] == ["ev-1", "ev-2"]
    assert lines[1]["errorCode"] == "AccessDenied"
    assert lines[0]["eventTime"] == "2026-11-20T09:01:00Z"
    assert write_json(tmp_path / "e.json", rows) == 2
    data = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    assert [r["eventID"] for r in data["Records"]] == ["ev-1", "ev-2"]


def test_csv_names_the_zone_of_its_local_times_and_keeps_utc(tmp_path):
    from aws.catalog import Text

    labelled = EventRow(**{**row(1, minutes=1).__dict__,
                           "label": Text(ja="インバウンドルールを追加", en="Inbound rule added")})
    write_csv(tmp_path / "e.csv", [labelled], lang="ja", zone="Asia/Tokyo")
    raw = (tmp_path / "e.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    [line] = csv.DictReader(raw.decode("utf-8-sig").splitlines())
    assert (line["localTime"], line["timeZone"], line["eventTime"]) == (
        "2026-11-20 18:01:00", "Asia/Tokyo (UTC+09:00)", "2026-11-20T09:01:00Z")
    assert (line["event"], line["eventName"]) == ("インバウンドルールを追加",
                                                  "AuthorizeSecurityGroupIngress")
