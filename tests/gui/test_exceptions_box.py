"""Exceptions in the GUI: added and removed on the APIs page with the risk said there, carried
by the draft into the settings, listed on the review page, the dashboard and the event log."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import Qt

from aws.catalog import load_catalog
from aws.events.rows import event_row
from aws.execute import execute
from aws.localstate import LocalState
from aws.match import to_eventbridge
from aws.settings import WatchException
from gui.context import AppContext
from gui.dashboard.status_tab import StatusTab
from gui.eventlog.model import EVENT, USER, EventTableModel
from gui.wizard.exceptions_box import ExceptionsBox, parse_entry
from gui.wizard.wizard import REVIEW
from tests.aws.helpers import make_plan, make_settings
from tests.aws.records import assumed_role, iam_user, sg_ingress
from tests.gui.test_wizard_pages import _to_email_page

TERRAFORM = "arn:aws:sts::*:assumed-role/terraform-*/*"
NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def box(qtbot):
    widget = ExceptionsBox(load_catalog(), "en")
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _add(qtbot, box: ExceptionsBox, text: str, group: str | None) -> None:
    box.entry.clear()
    qtbot.keyClicks(box.entry, text)
    box.scope.setCurrentIndex(box.scope.findData(group))
    qtbot.mouseClick(box.add_button, Qt.MouseButton.LeftButton)


def test_adding_a_caller_for_one_group_lists_it_and_says_the_risk(qtbot, box):
    assert not box.add_button.isEnabled() and not box.remove_button.isEnabled()
    assert "never be excepted" in box.risk.text()  # before any: root is never excepted
    with qtbot.waitSignal(box.changed, timeout=1000):
        _add(qtbot, box, TERRAFORM, "security-groups")
    assert box.exceptions() == (WatchException(("security-groups",), (TERRAFORM,)),)
    assert box.list.count() == 1
    assert box.list.item(0).text() == f"{TERRAFORM} — in Security group changes"
    assert box.risk.isVisible() and "stolen changes things silently" in box.risk.text()
    assert box.entry.text() == "" and not box.error.isVisible()


def test_an_exact_ip_for_all_groups(qtbot, box):
    _add(qtbot, box, "198.51.100.7", None)
    assert box.exceptions() == (WatchException(source_ips=("198.51.100.7",)),)
    assert "all groups except the root user's" in box.list.item(0).text()


@pytest.mark.parametrize(("text", "words"), [
    ("10.0.0.0/8", "cannot leave out a CIDR range"),
    ("terraform", "is not an ARN"),
    ("arn:*", "matches any user or any role"),
])
def test_refused_entries_are_said_and_not_added(qtbot, box, text, words):
    _add(qtbot, box, text, None)
    assert box.exceptions() == () and box.list.count() == 0
    assert box.error.isVisible() and words in box.error.text()
    qtbot.keyClicks(box.entry, "x")  # typing again clears the complaint
    assert not box.error.isVisible()


def test_root_groups_cannot_be_chosen_and_removing_works(qtbot, box):
    scopes = [box.scope.itemData(i) for i in range(box.scope.count())]
    assert scopes[0] is None and "security-groups" in scopes
    assert "root-signin" not in scopes and "root-usage" not in scopes
    _add(qtbot, box, TERRAFORM, None)
    _add(qtbot, box, "198.51.100.7", None)
    box.list.setCurrentRow(0)
    with qtbot.waitSignal(box.changed, timeout=1000):
        qtbot.mouseClick(box.remove_button, Qt.MouseButton.LeftButton)
    assert box.exceptions() == (WatchException(source_ips=("198.51.100.7",)),)


def test_parse_entry_tells_addresses_from_callers():
    assert parse_entry(" 2001:db8::1 ", None).source_ips == ("2001:db8::1",)
    assert parse_entry(TERRAFORM, "vpc-changes") == WatchException(("vpc-changes",),
                                                                   (TERRAFORM,))


def test_the_wizard_carries_exceptions_to_the_settings_and_the_review(moto, make_wizard, qtbot):
    driver = make_wizard()
    _to_email_page(driver)
    driver.type_email("ops@example.com")
    driver.next()
    page = driver.wizard.apis_page
    driver.click(page.preset_buttons["seed-security-groups"])
    _add(qtbot, page.exceptions, TERRAFORM, "security-groups")
    assert driver.wizard.apis_page.draft.settings().exceptions == (
        WatchException(("security-groups",), (TERRAFORM,)),)
    driver.next()
    assert driver.wizard.currentId() == REVIEW
    driver.wait_review()
    review = driver.wizard.review_page
    assert review.exceptions.isVisible()
    assert "Exceptions in force" in review.exceptions.text()
    assert TERRAFORM in review.exceptions.text()
    assert "anything-but" in review.patterns.toPlainText()


def test_the_event_log_marks_excepted_rows(qtmodeltester):
    catalog = load_catalog()
    model = EventTableModel()
    model.set_exceptions((WatchException(callers=(TERRAFORM,)),))
    rows = []
    for identity in (assumed_role("terraform-prod", "run-1"), iam_user("alice")):
        record = sg_ingress(NOW)
        record["userIdentity"] = identity
        rows.append(event_row("us-east-1", {}, record, to_eventbridge(record), "security-groups",
                              catalog.group("security-groups"), None))
    model.append_rows(rows)
    qtmodeltester.check(model)
    texts = {model.index(r, USER).data(): model.index(r, EVENT).data() for r in range(2)}
    assert texts[rows[0].user] == "Inbound rule added (excepted)"  # the catalog's words
    assert texts[rows[1].user] == "Inbound rule added"
    row = next(r for r in range(2) if model.rows[r] is rows[0])
    assert "no email was sent" in model.index(row, EVENT).data(Qt.ItemDataRole.ToolTipRole)


def test_the_dashboard_lists_the_exceptions_in_force(qtbot, access, home):
    settings = make_settings(regions=("us-west-2",),
                             exceptions=(WatchException(source_ips=("198.51.100.7",)),))
    assert execute(access, make_plan(access, settings)).ok
    local = LocalState.default()
    local.save_settings(settings)
    tab = StatusTab(AppContext(local=local, lang="en"))
    qtbot.addWidget(tab)
    tab.show()
    tab.refresh()
    qtbot.waitUntil(lambda: tab.status is not None and not tab.reading, timeout=15_000)
    assert tab.exceptions_label.isVisible()
    assert "198.51.100.7 — in all groups" in tab.exceptions_label.text()


class _FakeSandbox:
    """The panel's view of the sandbox: records how each change was asked for."""

    def __init__(self) -> None:
        self.inbox = type("Inbox", (), {"mails": [], "listeners": []})()
        self.asked: list[tuple[str, str, str]] = []

    def simulate(self, simulation_id: str, region: str, caller: str = "user") -> list:
        self.asked.append((simulation_id, region, caller))
        return []

    def confirm(self, link: str) -> bool:
        return False


def test_the_demo_panel_can_make_the_change_as_the_pipeline_role(qtbot, context):
    from gui.demo import DemoPanel
    from sandbox.simulate import SIMULATIONS

    sandbox = _FakeSandbox()
    panel = DemoPanel(context, sandbox, SIMULATIONS, ("ap-northeast-1",))
    qtbot.addWidget(panel)
    panel.show()
    panel.as_automation.setChecked(True)
    qtbot.mouseClick(panel.simulate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "excepted" in panel.status.text(), timeout=5_000)
    assert sandbox.asked == [("open-ssh", "ap-northeast-1", "automation")]


def test_changing_the_setup_starts_from_the_saved_exceptions(moto, make_wizard):
    saved = (WatchException(source_ips=("198.51.100.7",)),)
    driver = make_wizard(make_settings(exceptions=saved))
    box = driver.wizard.apis_page.exceptions
    assert box.exceptions() == saved and box.list.count() == 1
    assert driver.wizard.apis_page.draft.settings().exceptions == saved
