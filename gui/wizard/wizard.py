"""The setup wizard: account → email → APIs → review (commit) → create; edits one Settings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QWidget, QWizard

from aws.settings import Settings
from gui.context import AppContext
from gui.demo import sandbox_banner
from gui.fonts import language_name
from gui.language import other_language
from gui.window_size import place, remember
from gui.wizard.account_page import AccountPage
from gui.wizard.apis_page import ApisPage
from gui.wizard.create_page import CreatePage
from gui.wizard.draft import Draft
from gui.wizard.email_page import EmailPage
from gui.wizard.review_page import ReviewPage

ACCOUNT, EMAIL, APIS, REVIEW, CREATE = range(5)
DEFAULT_SIZE = QSize(1100, 720)  # room for Japanese region names; capped to the screen


class SetupWizard(QWizard):
    """Pre-filled from `settings` (else the saved ones); `accepted` once the setup is live."""

    def __init__(self, context: AppContext, settings: Settings | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.draft = Draft(context, settings if settings is not None else context.settings, self)
        self._closing = False
        self.account_page = AccountPage(self.draft)
        self.email_page = EmailPage(self.draft)
        self.apis_page = ApisPage(self.draft)
        self.review_page = ReviewPage(self.draft)
        self.create_page = CreatePage(self.draft)
        for page_id, page in ((ACCOUNT, self.account_page), (EMAIL, self.email_page),
                              (APIS, self.apis_page), (REVIEW, self.review_page),
                              (CREATE, self.create_page)):
            self.setPage(page_id, page)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.setMinimumSize(760, 560)
        place(self, "wizard", DEFAULT_SIZE, context.local)
        self.create_page.stopped.connect(self._on_create_page_stopped)
        # A button on the wizard's own row switches the UI language; the choice is remembered.
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.customButtonClicked.connect(self._on_custom_button_clicked)
        self.banner = None
        if context.sandbox is not None:  # say so on every page
            self.banner = sandbox_banner()
            self.banner.setFixedWidth(170)
            self.banner.setAlignment(Qt.AlignmentFlag.AlignTop)
            self.setSideWidget(self.banner)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        code, name = other_language(self.context.lang)
        button = self.button(QWizard.WizardButton.CustomButton1)
        self.setButtonText(QWizard.WizardButton.CustomButton1,
                           language_name(code, name, button.font()))
        if self.banner is None:
            self.setWindowTitle(self.tr("ChangeWatch — set up"))
            return
        self.setWindowTitle(self.tr("ChangeWatch — set up (sandbox)"))
        self.banner.setText(self.tr(
            "Sandbox: a local AWS on this computer. No AWS account is used and nothing "
            "leaves this machine."))

    def _on_custom_button_clicked(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.context.signals.language_changed.emit(other_language(self.context.lang)[0])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def settings(self) -> Settings:
        """The settings the pages describe right now (validated later, by the plan)."""
        return self.draft.settings()

    def done(self, result: int) -> None:
        remember(self, "wizard", self.context.local)
        super().done(result)

    def reject(self) -> None:
        """Closing while creating stops the work first (between two calls), then closes."""
        if self.create_page.running:
            self._closing = True
            self.create_page.stop()
            return
        if self.draft.committed:  # closing after a successful Create opens the dashboard
            self.accept()
            return
        self.review_page.cleanupPage()
        super().reject()

    def _on_create_page_stopped(self) -> None:
        if self._closing:
            self._closing = False
            super().reject()
