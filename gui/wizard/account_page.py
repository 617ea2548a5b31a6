"""Step 1: which credentials, whose account (checked on a worker), and which regions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from aws.account import AccountCheck, ProfileInfo, check_account, list_profiles, preferred_profile
from aws.errors import ChangeWatchError
from aws.keys import KeyStore
from aws.session import AccessKeys
from gui.context import Credentials
from gui.fonts import font_notice
from gui.wizard.common import Page, note_label, show_text
from gui.wizard.draft import Draft
from gui.wizard.keys_box import KeysBox
from gui.wizard.region_list import RegionList

KEYS = "\x00keys"  # the combo entry for typed access keys (no profile can have this name)


class AccountPage(Page):
    """Complete once the identity check succeeded and at least one region is chosen."""

    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self._initial, self._use_keys = draft.initial, draft.uses_keys
        self._store = KeyStore()
        self._profiles: tuple[ProfileInfo, ...] = ()
        self._check: AccountCheck | None = None
        self._error: ChangeWatchError | None = None
        self._keys_loaded = False
        self._profiles_task, self._keys_task, self._check_task = (
            self.task(), self.task(), self.task())
        self._profiles_task.succeeded.connect(self._on_profiles_loaded)
        self._profiles_task.failed.connect(self._on_profiles_failed)
        self._keys_task.succeeded.connect(self._on_keys_loaded)
        self._check_task.succeeded.connect(self._on_check_succeeded)
        self._check_task.failed.connect(self._on_check_failed)
        self._check_task.busy_changed.connect(self._on_check_busy_changed)
        self._build()
        self.retranslate_ui()
        if draft.regions:
            self.regions.set_chosen(draft.regions)

    def _build(self) -> None:
        self.profile = QComboBox(self)
        self.profile.setMinimumContentsLength(20)
        self.check_button = QPushButton(self)
        self.keys_box = KeysBox(self.context, self)
        self.keys_box.hide()
        self.status = note_label(self)
        self.account = QLabel(self)
        self.account.setTextInteractionFlags(self.status.textInteractionFlags())
        self.arn = QLineEdit(self)
        self.arn.setReadOnly(True)
        self.regions = RegionList(self)
        self.reason = note_label(self, "reason")
        self.help = note_label(self)
        self._profile_label, self._account_label, self._arn_label = QLabel(), QLabel(), QLabel()
        self._profile_label.setBuddy(self.profile)

        credentials = QGroupBox(self)
        self._credentials_box = credentials
        row = QHBoxLayout()
        row.addWidget(self.profile, 1)
        row.addWidget(self.check_button)
        form = QFormLayout()
        form.addRow(self._profile_label, row)
        form.addRow(self._account_label, self.account)
        form.addRow(self._arn_label, self.arn)
        left = QVBoxLayout(credentials)
        left.addLayout(form)
        left.addWidget(self.keys_box)
        left.addWidget(self.status)
        left.addStretch(1)
        left.addWidget(self.help)
        self._regions_box = QGroupBox(self)
        QVBoxLayout(self._regions_box).addWidget(self.regions)
        columns = QHBoxLayout()
        # The regions get the wider half: their names are long, in Japanese most of all.
        columns.addWidget(credentials, 4)
        columns.addWidget(self._regions_box, 6)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.reason)
        layout.addWidget(font_notice(self))  # Japanese drawn as boxes: which package to install
        self.setTabOrder(self.profile, self.check_button)
        self.setTabOrder(self.check_button, self.keys_box.key_id)
        self.setTabOrder(self.keys_box.key_id, self.keys_box.secret)
        self.setTabOrder(self.keys_box.secret, self.keys_box.token)
        self.setTabOrder(self.keys_box.token, self.regions.search)
        self.setTabOrder(self.regions.search, self.regions.list)

        self.profile.currentIndexChanged.connect(self._on_profile_current_index_changed)
        self.check_button.clicked.connect(self._on_check_button_clicked)
        self.keys_box.changed.connect(self._forget_check)
        self.regions.changed.connect(self._on_regions_changed)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("AWS account and regions"))
        self.setSubTitle(self.tr("Choose how ChangeWatch signs in to AWS, check whose account it "
                                 "is, and pick the regions to watch."))
        self._credentials_box.setTitle(self.tr("Sign-in"))
        self._regions_box.setTitle(self.tr("Regions"))
        self._profile_label.setText(self.tr("&Credentials:"))
        self._account_label.setText(self.tr("Account:"))
        self._arn_label.setText(self.tr("Caller ARN:"))
        self.check_button.setText(self.tr("C&heck"))
        self.help.setText(self.tr(
            "Check asks AWS who these credentials belong to (STS GetCallerIdentity) and which "
            "regions the account has enabled (EC2 DescribeRegions). Nothing in your account "
            "changes before the last step, Create.\n\nSSO profiles need a current sign-in "
            "(`aws sso login`). Typed access keys are kept only in your system keyring."))
        self.check_button.setToolTip(self.tr("Ask AWS (STS GetCallerIdentity) who these "
                                             "credentials belong to"))
        self._fill_profiles()
        self._show_status()
        self._update_reason()

    # -- what the wizard reads -------------------------------------------------------------
    def profile_name(self) -> str | None:
        data = self.profile.currentData()
        return None if data in (None, "", KEYS) else data

    def uses_keys(self) -> bool:
        return self.profile.currentData() == KEYS

    def chosen_regions(self) -> tuple[str, ...]:
        return tuple(self.regions.chosen())

    def isComplete(self) -> bool:
        return self._check is not None and bool(self.regions.chosen())

    # -- profiles ---------------------------------------------------------------------------
    def initializePage(self) -> None:
        if not self._profiles and not self._profiles_task.busy:
            self._profiles_task.start(list_profiles)

    def _on_profiles_loaded(self, profiles: list[ProfileInfo]) -> None:
        self._profiles = tuple(profiles)
        self._fill_profiles()
        if self._use_keys:
            self.profile.setCurrentIndex(self.profile.findData(KEYS))
        elif self._initial is not None:
            index = self.profile.findData(self._initial.profile or "")
            self.profile.setCurrentIndex(max(index, 0))
        else:
            self.profile.setCurrentIndex(self.profile.findData(preferred_profile(profiles).name))
        if not self._initial and not self.regions.chosen():
            region = preferred_profile(profiles).region
            self.regions.set_chosen([region] if region else [])

    def _profile_text(self, info: ProfileInfo) -> str:
        kinds = {"sso": self.tr("SSO"), "role": self.tr("assume role"),
                 "keys": self.tr("access keys"), "process": self.tr("credential process")}
        if info.kind == "chain":
            return self.tr("Default credentials")
        text = info.name + (f" ({kinds[info.kind]})" if info.kind in kinds else "")
        if info.missing:
            text += "  " + self.tr("(not in your AWS config files)")
        return text

    def _fill_profiles(self) -> None:
        current = self.profile.currentData()
        self.profile.blockSignals(True)
        self.profile.clear()
        self.profile.setEnabled(bool(self._profiles))
        if not self._profiles:
            self.profile.addItem(self.tr("Reading your AWS profiles…"), None)
            self.profile.blockSignals(False)
            return
        for info in self._profiles:
            self.profile.addItem(self._profile_text(info), info.name)
            if info.is_env:  # said on hover: in the text it made the combo too wide to read
                self.profile.setItemData(self.profile.count() - 1, self.tr(
                    "Chosen by the AWS_PROFILE environment variable."),
                    Qt.ItemDataRole.ToolTipRole)
            if info.kind == "chain":
                self.profile.setItemData(self.profile.count() - 1, self.tr(
                    "As the AWS CLI finds them: environment variables, then the default "
                    "profile, then an instance or container role."), Qt.ItemDataRole.ToolTipRole)
        self.profile.addItem(self.tr("Enter access keys…"), KEYS)
        index = self.profile.findData(current) if current is not None else -1
        self.profile.setCurrentIndex(max(index, 0))
        self.profile.blockSignals(False)

    def _on_profile_current_index_changed(self, _index: int) -> None:
        self.keys_box.setVisible(self.uses_keys())
        if self.uses_keys() and not self._keys_loaded:
            self._keys_loaded = True
            # The OS keyring may ask to be unlocked: never on the GUI thread.
            self._keys_task.start(lambda: (self._store.load(), self._store.available))
        self._forget_check()

    def _on_keys_loaded(self, loaded: tuple[AccessKeys | None, bool]) -> None:
        keys, available = loaded
        self.keys_box.set_keyring_available(available)
        if keys and self.keys_box.keys() is None:
            self.keys_box.set_keys(keys)

    # -- the check --------------------------------------------------------------------------
    def _on_check_button_clicked(self) -> None:
        keys = self.keys_box.keys() if self.uses_keys() else None
        if self.uses_keys() and keys is None:
            self._error = None
            show_text(self.status, self.tr("Enter the access key ID and the secret access key "
                                           "first."), "error")
            return
        self.draft.try_credentials(Credentials(self.profile_name(), keys), self.uses_keys())
        self._forget_check()
        show_text(self.status, self.tr("Checking with AWS…"), "")
        self._check_task.start(self._check_account, keys)

    def _check_account(self, keys: AccessKeys | None) -> AccountCheck:
        """On the worker: the draft's credentials, asked who they are."""
        return check_account(self.draft.access(), keys, self._store if keys else None)

    def _on_check_busy_changed(self, busy: bool) -> None:
        self.check_button.setEnabled(not busy)

    def _on_check_succeeded(self, check: AccountCheck) -> None:
        self._check, self._error = check, None
        if check.regions:
            self.regions.set_regions(check.regions)
        if not self.regions.chosen() and check.default_region:
            self.regions.set_chosen([check.default_region])
        if check.keyring_error is not None:
            self.keys_box.set_keyring_available(False)
        self._after_check()

    def _on_check_failed(self, error: ChangeWatchError) -> None:
        self._check, self._error = None, error
        self._after_check()

    def _after_check(self) -> None:
        self._show_status()
        self._update_reason()
        self.completeChanged.emit()

    def _on_profiles_failed(self, error: ChangeWatchError) -> None:
        self._error = error
        self._show_status()

    def _forget_check(self) -> None:
        self._check_task.forget()  # an answer about other credentials must not arrive
        self._check, self._error = None, None
        self._show_status()
        self._update_reason()
        self.completeChanged.emit()

    def _show_status(self) -> None:
        check = self._check
        self.account.setText(check.identity.account if check else "—")
        self.arn.setText(check.identity.arn if check else "")
        self.arn.setCursorPosition(0)
        if self._error is not None:
            show_text(self.status, self.error_text(self._error), "error")
        elif check is None:
            if not self._check_task.busy:  # else "Checking…" stays until the answer
                show_text(self.status, "")
        elif check.regions_error is not None:
            show_text(self.status, self.tr("Signed in. The account's regions could not be "
                                           "listed, so opt-in status is unknown: ")
                      + self.error_text(check.regions_error), "warning")
        else:
            show_text(self.status, self.tr("Signed in to account {account}.")
                      .format(account=check.identity.account), "ok")

    def _on_regions_changed(self) -> None:
        self.draft.regions = self.chosen_regions()
        self._update_reason()
        self.completeChanged.emit()

    def _update_reason(self) -> None:
        if self._check is None:
            text = self.tr("Click Check to confirm the account before going on.")
        elif not self.regions.chosen():
            text = self.tr("Choose at least one region to watch.")
        else:
            text = ""
        show_text(self.reason, text)
