"""`--demo` as a user meets it: the wizard with its defaults, a simulated change, the email in the
demo inbox and the event in the log a moment later."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWizard

from gui.dashboard.window import DashboardWindow
from gui.demo import DemoPanel
from tests.gui.conftest import Driver
from tests.gui.shots import save_shot


def test_demo_wizard_then_simulated_change_reaches_inbox_and_log(demo_app, qtbot):
    context, windows = demo_app
    wizard = windows[0]
    qtbot.addWidget(wizard)
    assert isinstance(wizard, QWizard) and "sandbox" in wizard.windowTitle()
    driver = Driver(qtbot, wizard)
    driver.check_account()
    assert wizard.account_page.account.text() == "123456789012"
    for _ in range(2):  # account → email → APIs, all pre-filled by the sandbox
        driver.next()
    assert wizard.email_page.email.text() == "ops@example.com"
    driver.next()
    driver.wait_review()
    driver.create()
    driver.wait_created()
    driver.click(wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: any(isinstance(w, DashboardWindow) for w in windows), timeout=10_000)
    dashboard = next(w for w in windows if isinstance(w, DashboardWindow))
    qtbot.addWidget(dashboard)
    panel = dashboard.findChild(DemoPanel)
    assert panel is not None and "Sandbox" in panel.banner.text()

    # SNS sent one confirmation email (one inbox); nothing arrives before its link is opened.
    qtbot.waitUntil(lambda: panel.inbox.count() == 1, timeout=10_000)
    panel.inbox.setCurrentRow(0)
    assert "Subscription Confirmation" in panel.body.toPlainText()
    driver.click(panel.open_link)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Subscription confirmed"),
                    timeout=10_000)
    panel.change.setCurrentIndex(panel.change.findData("open-ssh"))
    driver.click(panel.simulate_button)
    qtbot.waitUntil(lambda: panel.inbox.count() == 2, timeout=10_000)
    body = panel.body.toPlainText()
    assert "AuthorizeSecurityGroupIngress" in body and "0.0.0.0/0" in body
    assert "ops@example.com" in body

    log = dashboard.events_tab

    def listed() -> bool:
        if not log.poller.busy:
            log.poller.poll()
        names = [(r.event_name, r.source_ip) for r in log.model.rows]
        return ("AuthorizeSecurityGroupIngress", "203.0.113.45") in names

    qtbot.waitUntil(listed, timeout=20_000)
    QApplication.processEvents()
    save_shot(dashboard, "demo-dashboard-en.png")

    # Verify end to end: says what it will change, asks, then every hop passes in the sandbox.
    dashboard.verify_action.trigger()
    dialog = dashboard.verify_dialog
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=10_000)
    assert "default VPC" in dialog.intro.text() and dialog.hops.count() == 0
    mails = panel.inbox.count()
    driver.click(dialog.start_button)
    qtbot.waitUntil(lambda: dialog.outcome.text().startswith("Every step passed"),
                    timeout=20_000)
    lines = [dialog.hops.item(i).text() for i in range(dialog.hops.count())]
    assert len(lines) == 5 and all(line.startswith("✓") for line in lines)
    qtbot.waitUntil(lambda: panel.inbox.count() == mails + 2, timeout=10_000)
    save_shot(dialog, "verify-dialog-en.png")
    dialog.close()
