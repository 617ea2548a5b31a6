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


def test_remove_everything_says_the_scp_stays(demo_dashboard, qtbot):
    """Remove leaves the SCP to the management account, and says how to delete it."""
    from aws import organizations as orgs
    from aws.scp import build_policy

    context, windows = demo_dashboard
    dashboard = next(w for w in windows if isinstance(w, DashboardWindow))
    qtbot.addWidget(dashboard)
    context.sandbox.ensure_organization()
    access, deployment = context.access(), context.settings.deployment
    root = orgs.organization(access).root
    policy = build_policy(deployment, ("arn:aws:iam::*:role/Admin*",))
    orgs.execute(access, orgs.attach_plan(access, policy, root.id), confirmed=True)
    said: list[str] = []
    flow = dashboard.status_tab.remove_flow
    flow.inform, flow.confirm = said.append, lambda plan: True
    dashboard.remove_action.trigger()
    qtbot.waitUntil(lambda: bool(said), timeout=WAIT)
    assert "stays in the organization" in said[0] and "Detach & delete" in said[0], said
