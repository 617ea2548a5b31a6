"""`--demo`: Deployment → Guard with an SCP… attaches to the demo organization after the
confirmation, as the sandbox's demo account is that organization's management account."""

from __future__ import annotations

import argparse
import os

import pytest

from aws.localstate import LocalState
from cli.main import start_sandbox
from gui.app import start
from gui.dashboard.window import DashboardWindow

WAIT = 15_000


@pytest.fixture
def demo_dashboard(qapp, qtbot):
    saved = dict(os.environ)
    args = argparse.Namespace(demo=True, lang="en", lang_given=True)
    sandbox = start_sandbox(args)
    LocalState.default().save_settings(sandbox.default_settings("en"))  # as if set up before
    context, windows = start(args, qapp, sandbox)
    yield context, windows
    for window in windows:
        window.close()
    context.pool.wait(10_000)
    context.sandbox.stop()
    import sandbox.demo

    sandbox.demo._running = None
    os.environ.clear()
    os.environ.update(saved)


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
