"""The setup wizard: account → email → APIs → review (commit) → create; edits one Settings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QWidget, QWizard

from aws.apply import Result
from aws.catalog import Catalog, load_catalog
from aws.plan import Plan
from aws.settings import Settings, new_deployment_id
from gui.context import AppContext
from gui.demo import sandbox_banner
from gui.language import other_language
from gui.wizard.account_page import AccountPage
from gui.wizard.apis_page import ApisPage
from gui.wizard.create_page import CreatePage
from gui.wizard.email_page import EmailPage
from gui.wizard.review_page import ReviewPage

ACCOUNT, EMAIL, APIS, REVIEW, CREATE = range(5)
DEFAULT_SIZE = QSize(980, 720)  # fits a 1280×800 screen with its panels


class SetupWizard(QWizard):
    """Pre-filled from `settings` (else the saved ones); `accepted` once the setup is live."""

    def __init__(self, context: AppContext, settings: Settings | None = None,
                 catalog: Catalog | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.catalog = catalog or load_catalog()
        local = context.local
        self.initial = settings if settings is not None else local.load_settings()
        if self.initial is not None:
            self.deployment = self.initial.deployment
        else:  # an unfinished earlier attempt keeps its id, so its resources stay ours
            self.deployment = local.get("pending_deployment") or new_deployment_id()
        use_keys = self.initial is not None and local.get("credentials") == "keys"
        # "Check" switches the app's credentials; a wizard closed without a new setup gives
        # the dashboard back the ones it had.
        self._entry_credentials = (context.profile, context.keys)
        self._applied = False
        self._closing = False
        self.account_page = AccountPage(context, self.initial, use_keys)
        self.email_page = EmailPage(context, self.initial)
        self.apis_page = ApisPage(context, self.catalog, self.initial)
        self.review_page = ReviewPage(context, self.catalog)
        self.create_page = CreatePage(context, self.catalog)
        for page_id, page in ((ACCOUNT, self.account_page), (EMAIL, self.email_page),
                              (APIS, self.apis_page), (REVIEW, self.review_page),
                              (CREATE, self.create_page)):
            self.setPage(page_id, page)
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, False)
        self.setMinimumSize(760, 560)
        self.resize(DEFAULT_SIZE)
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
        self.setButtonText(QWizard.WizardButton.CustomButton1, other_language(self.context.lang)[1])
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
        initial = self.initial
        return Settings(
            regions=self.account_page.chosen_regions(),
            email=self.email_page.address(),
            watch=self.apis_page.watch(),
            language=self.email_page.language(),
            profile=self.account_page.profile_name(),
            deployment=self.deployment,
            kms_key=initial.kms_key if initial else None,
        )

    def previous_regions(self) -> tuple[str, ...]:
        """Where this deployment has things already (so dropped regions get cleaned up)."""
        return self.context.local.deployed_regions(self.deployment)

    def deployment_applied(self, plan: Plan | None, result: Result) -> None:
        """Remember the finished setup: settings, regions, subscription times; tell windows."""
        settings = self.settings()
        local = self.context.local
        local.save_settings(settings)
        local.set("credentials", "keys" if self.account_page.uses_keys() else "profile")
        if plan is not None:
            local.remember_result(settings.deployment, plan, result)
        else:
            local.remember_regions(settings.deployment, settings.regions)
        self.initial = settings
        self._applied = True
        self.context.signals.deployment_changed.emit()

    def reject(self) -> None:
        """Closing while creating stops the work first (between two calls), then closes."""
        if self.create_page.running:
            self._closing = True
            self.create_page.stop()
            return
        self.review_page.cleanupPage()
        self._restore_credentials()
        super().reject()

    def _restore_credentials(self) -> None:
        if not self._applied and (self.context.profile, self.context.keys) != \
                self._entry_credentials:
            self.context.use_profile(*self._entry_credentials)

    def _on_create_page_stopped(self) -> None:
        if self._closing:
            self._closing = False
            self._restore_credentials()
            super().reject()
