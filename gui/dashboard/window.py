"""The dashboard window: Status and Recent events tabs, and the way back to the setup wizard."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from gui.context import AppContext
from gui.dashboard.compliance_tab import ComplianceTab
from gui.dashboard.status_tab import StatusTab
from gui.eventlog.view import EventLogTab
from gui.fonts import font_notice
from gui.language import language_menu
from gui.window_size import place, remember

DEFAULT_SIZE = QSize(1180, 760)  # capped to the screen it opens on


class DashboardWindow(QMainWindow):
    """Opened by gui/app.py when a deployment exists; refreshes on deployment_changed."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._wizard: QWidget | None = None
        self.status_tab = StatusTab(context, self)
        self.events_tab = EventLogTab(context, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.status_tab, "")
        self.tabs.addTab(self.events_tab, "")
        self.compliance_tab = ComplianceTab(context, self)
        self.tabs.addTab(self.compliance_tab, "")
        self.setCentralWidget(self.tabs)
        self.setup_action = QAction(self)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.verify_action = QAction(self)
        self.export_action = QAction(self)  # the same setup as CloudFormation templates
        self.org_action = QAction(self)  # every account of the organization, via StackSets
        self.scp_action = QAction(self)  # a service control policy that guards the watching
        self.remove_action = QAction(self)
        self.close_action = QAction(self)
        self.close_action.setShortcut(QKeySequence.StandardKey.Close)
        self.menu = self.menuBar().addMenu("")
        for group in ((self.setup_action, self.refresh_action, self.verify_action),
                      (self.export_action, self.org_action, self.scp_action),
                      (self.remove_action,), (self.close_action,)):
            if self.menu.actions():
                self.menu.addSeparator()
            for action in group:
                self.menu.addAction(action)
        self.language_menu = language_menu(context, self)
        self.menuBar().addMenu(self.language_menu)
        self.setup_action.triggered.connect(self.open_setup)
        self.refresh_action.triggered.connect(self.refresh)
        self.verify_action.triggered.connect(self.open_verify)
        self.export_action.triggered.connect(self.open_export)
        self.org_action.triggered.connect(self.open_organization)
        self.scp_action.triggered.connect(self.open_scp)
        self.remove_action.triggered.connect(self.status_tab.remove_flow.start)
        self.close_action.triggered.connect(self.close)
        self.status_tab.setup_requested.connect(self.open_setup)
        context.signals.deployment_changed.connect(self._on_context_deployment_changed)
        if (notice := font_notice(self)).text():  # Japanese would be boxes: say what to install
            self.statusBar().addWidget(notice, 1)
        self.retranslate_ui()
        place(self, "dashboard", DEFAULT_SIZE, context.local)
        self.status_tab.refresh()
        self.events_tab.start()
        self.compliance_tab.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("ChangeWatch"))
        self.tabs.setTabText(0, self.tr("Status"))
        self.tabs.setTabText(1, self.tr("Recent events"))
        self.tabs.setTabText(2, self.tr("Compliance"))
        self.menu.setTitle(self.tr("&Deployment"))
        self.setup_action.setText(self.tr("Change setup…"))
        self.refresh_action.setText(self.tr("Refresh"))
        self.remove_action.setText(self.tr("Remove everything…"))
        self.verify_action.setText(self.tr("Verify end to end…"))
        self.scp_action.setText(self.tr("Guard with an SCP…"))
        self.close_action.setText(self.tr("Close"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.export_action.setText(self.tr("Export as CloudFormation…"))
        self.org_action.setText(self.tr("Organization (StackSets)…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @Slot()
    def refresh(self) -> None:
        self.status_tab.refresh()
        self.events_tab.poller.poll()
        self.compliance_tab.refresh()

    @Slot()
    def open_verify(self) -> None:
        """Opt-in: the dialog says what it will change and asks before it does."""
        from gui.dashboard.verify_dialog import VerifyDialog

        settings = self._context.settings
        if settings is not None:
            self.verify_dialog = VerifyDialog(self._context, settings, self)
            self.verify_dialog.open()

    @Slot()
    def open_export(self) -> None:
        from gui.export_dialog import ExportDialog

        settings = self._context.settings
        if settings is not None:
            self.export_dialog = ExportDialog(settings, self._context.catalog,
                                              self._context.pool, self._context.lang, self)
            self.export_dialog.open()

    @Slot()
    def open_organization(self) -> None:
        from aws.org.config import OrgSettings
        from aws.org.service import OrgService
        from gui.org_dialog import OrgDialog

        settings = self._context.settings
        if settings is not None:
            access = self._context.access()
            service = OrgService(access, access, settings, OrgSettings(),
                                 self._context.catalog)
            sandbox = self._context.sandbox  # --demo: the demo organization, made on first use
            self.org_dialog = OrgDialog(service, self._context.pool, self._context.lang, self,
                                        sandbox.ensure_stackset_organization if sandbox else None)
            self.org_dialog.open()

    @Slot()
    def open_scp(self) -> None:
        """The guarding SCP: shown first, attached only after a confirmation."""
        from gui.dashboard.scp_dialog import ScpDialog

        settings = self._context.settings
        if settings is not None:
            self.scp_dialog = ScpDialog(self._context, settings, self)
            self.scp_dialog.open()

    @Slot()
    def open_setup(self) -> None:
        """The wizard edits the settings; its apply emits deployment_changed."""
        from gui.wizard.wizard import SetupWizard  # written separately; loaded on demand

        if self._wizard is None or not self._wizard.isVisible():
            self._wizard = SetupWizard(self._context)
        self._wizard.show()
        self._wizard.raise_()
        self._wizard.activateWindow()

    @Slot()
    def _on_context_deployment_changed(self) -> None:
        self.status_tab.refresh()
        self.events_tab.restart()
        self.compliance_tab.refresh()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop polling and wait for the rounds in flight (they stop between calls)."""
        remember(self, "dashboard", self._context.local)
        self.events_tab.shutdown()
        self.status_tab.pool.wait(5_000)
        self.compliance_tab.pool.wait(5_000)
        super().closeEvent(event)
