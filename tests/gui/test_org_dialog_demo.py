"""`--demo`: Deployment → Organization (StackSets)… reads the demo organization (made on
first use), deploys to its member accounts and shows each account and region, then removes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from gui.dashboard.window import DashboardWindow
from sandbox.organization import DEMO_UNITS
from tests.gui.shots import save_shot

WAIT = 20_000
MEMBERS = [name for accounts in DEMO_UNITS.values() for name, _ in accounts]


@pytest.mark.filterwarnings("ignore:Tried to parse")
def test_deploy_to_the_demo_organization_from_the_menu(demo_dashboard, qtbot, monkeypatch):
    context, windows = demo_dashboard
    dashboard = next(w for w in windows if isinstance(w, DashboardWindow))
    qtbot.addWidget(dashboard)
    assert dashboard.org_action in dashboard.menu.actions()
    dashboard.org_action.trigger()
    dialog = dashboard.org_dialog
    qtbot.waitUntil(lambda: "Organization o-" in dialog.text.toPlainText(), timeout=WAIT)
    shown = dialog.text.toPlainText()
    assert "(management account 123456789012)" in shown
    assert all(f"  {name}" in shown for name in MEMBERS)
    assert "Central stack: none. StackSet: none." in shown

    with qtbot.waitSignal(dialog.task.succeeded, timeout=WAIT):
        dialog.deploy_button.click()
    shown = dialog.text.toPlainText()
    assert "Central stack: CREATE_COMPLETE. StackSet: ACTIVE. Auto-deployment: on." in shown
    statuses = [line for line in shown.splitlines() if "CURRENT" in line]
    assert len(statuses) == len(MEMBERS) * 2  # each member account in both regions
    for name in MEMBERS:  # each account's rows carry its name
        assert sum(line.endswith(f"SUCCEEDED   {name}") for line in statuses) == 2
    dialog.resize(900, 620)
    save_shot(dialog, "organization-demo-en.png")

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.task.succeeded, timeout=WAIT):
        dialog.remove_button.click()
    assert "Central stack: none. StackSet: none." in dialog.text.toPlainText()
    dialog.close()
