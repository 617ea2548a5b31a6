"""`--demo`: Deployment → Guard with an SCP… attaches to the demo organization after the
confirmation, as the sandbox's demo account is that organization's management account."""

from __future__ import annotations

from gui.dashboard.window import DashboardWindow

WAIT = 15_000


def test_guard_with_an_scp_from_the_menu(demo_dashboard, qtbot):
    context, windows = demo_dashboard
    dashboard = next(w for w in windows if isinstance(w, DashboardWindow))
    qtbot.addWidget(dashboard)
    assert dashboard.scp_action in dashboard.menu.actions()
    assert dashboard.scp_action.text() == "Guard with an SCP…"
    dashboard.scp_action.trigger()
    dialog = dashboard.scp_dialog
    qtbot.waitUntil(lambda: "not attached" in dialog.status.text(), timeout=WAIT)
    master = next(t for t in dialog.tree._root.walk() if t.id == "123456789012")
    assert master is not None  # the demo account manages the organization
    workloads = next(t for t in dialog.tree._root.walk() if t.name == "Workloads")
    dialog.tree.select(workloads.id)
    dialog.attach_button.click()
    qtbot.waitUntil(lambda: dialog.confirm_dialog is not None, timeout=WAIT)
    assert "Workloads" in dialog.confirm_dialog.intro.text()
    dialog.confirm_dialog.ok_button.click()
    qtbot.waitUntil(lambda: "Attached to" in dialog.status.text(), timeout=WAIT)
    assert "Workloads" in dialog.status.text()
    dialog.close()
