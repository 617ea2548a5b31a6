"""Guard with an SCP: what each statement prevents (JA/EN), the JSON, the admin role patterns,
a target picked from the organization's tree, Export…, Attach… and Detach & delete… — each
change shown as a plan and made only after a confirmation naming the target."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from aws import organizations as orgs
from aws.errors import ChangeWatchError, is_cancelled
from aws.messages import describe
from aws.scp import ScpPolicy, build_policy
from aws.scp_plan import ScpPlan
from aws.scp_plan_text import note_text, plan_lines, step_text, target_text
from aws.scp_settings import ScpSettings, check_admin_role
from aws.scp_text import explain, prevents
from aws.settings import Settings
from gui.context import AppContext
from gui.dashboard.dialogs import ConfirmDialog
from gui.dashboard.org_tree_view import OrgTreeView
from gui.workers import Task

DEFAULT_ADMIN = "arn:aws:iam::*:role/Admin*"


class ScpDialog(QDialog):
    """`ask_path() -> str` is an attribute so tests can answer the save dialog."""

    def __init__(self, context: AppContext, settings: Settings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._context, self._settings = context, settings
        self._policy: ScpPolicy | None = None
        self._state: orgs.ScpState | None = None
        self._plan: ScpPlan | None = None
        self.confirm_dialog: ConfirmDialog | None = None
        self.ask_path: Callable[[], str] = self._ask_path
        self.intro, self.status, self.outcome, self.roles_error = (QLabel(self) for _ in "1234")
        for label in (self.intro, self.status, self.outcome, self.roles_error):
            label.setWordWrap(True)
        self.roles_error.setStyleSheet("color: #b00020")
        self.statements = QListWidget(self)
        self.statements.setWordWrap(True)
        self.statements.setSpacing(3)
        self.json_view = QPlainTextEdit(self)
        self.json_view.setReadOnly(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.statements, "")
        self.tabs.addTab(self.json_view, "")
        self.roles_label, self.tree_label = QLabel(self), QLabel(self)
        self.roles = QPlainTextEdit(self)
        self.roles.setPlainText("\n".join(settings.scp.admin_roles or (DEFAULT_ADMIN,)))
        self.roles.setMaximumHeight(90)
        self.tree = OrgTreeView(self)
        self.export_button, self.attach_button, self.remove_button = (
            QPushButton(self) for _ in "123")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        for button in (self.export_button, self.attach_button, self.remove_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self._lay_out()
        self._reading, self._planning, self._running = (Task(context.pool, self) for _ in "123")
        self._connect()
        self.retranslate_ui()
        self.resize(1100, 700)
        self._on_roles_changed()
        self.reload()

    def _lay_out(self) -> None:
        right = QVBoxLayout()
        for widget in (self.roles_label, self.roles, self.roles_error, self.tree_label):
            right.addWidget(widget)
        right.addWidget(self.tree, 1)
        right.addWidget(self.status)
        middle = QHBoxLayout()
        middle.addWidget(self.tabs, 3)
        middle.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(middle, 1)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.roles.textChanged.connect(self._on_roles_changed)
        self.tree.currentItemChanged.connect(self._update_buttons)
        self.export_button.clicked.connect(self.export)
        self.attach_button.clicked.connect(self.attach)
        self.remove_button.clicked.connect(self.remove)
        self.buttons.rejected.connect(self.reject)
        self._reading.succeeded.connect(self._on_state)
        self._planning.succeeded.connect(self._on_plan)
        self._running.succeeded.connect(self._on_done)
        for task in (self._reading, self._planning, self._running):
            task.failed.connect(self._on_failed)
            task.busy_changed.connect(self._update_buttons)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Guard with an SCP"))
        self.intro.setText(self.tr(
            "A service control policy in AWS Organizations keeps everyone except the admin "
            "roles below from switching off what ChangeWatch relies on. It is shown here "
            "first; nothing is attached until you confirm."))
        self.tabs.setTabText(0, self.tr("What it prevents"))
        self.tabs.setTabText(1, self.tr("JSON"))
        self.roles_label.setText(self.tr("Admin roles left out (one ARN pattern a line):"))
        self.tree_label.setText(self.tr("Attach to:"))
        self.export_button.setText(self.tr("Export…"))
        self.attach_button.setText(self.tr("Attach…"))
        self.remove_button.setText(self.tr("Detach && delete…"))
        self._show_policy()
        self._show_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def admin_roles(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.roles.toPlainText().splitlines()
                     if line.strip())

    @Slot()
    def _on_roles_changed(self) -> None:
        try:
            for pattern in self.admin_roles():
                check_admin_role(pattern)
            self._policy = build_policy(self._settings.deployment, self.admin_roles())
            self.roles_error.clear()
        except ChangeWatchError as exc:
            self._policy = None
            self.roles_error.setText(describe(exc, self._context.lang))
        self._show_policy()
        self._update_buttons()

    def _show_policy(self) -> None:
        self.statements.clear()
        if self._policy is None:
            self.json_view.clear()
            return
        lang = self._context.lang
        for statement in self._policy.statements:  # the words first; the Sid on hover
            item = QListWidgetItem(f"✕ {prevents(statement.guard, lang)}", self.statements)
            item.setToolTip(str(statement.guard))
        for line in explain(self._policy, lang)[len(self._policy.statements):]:
            item = QListWidgetItem(line, self.statements)
            item.setForeground(self.palette().placeholderText())
        self.json_view.setPlainText(self._policy.pretty)

    @Slot()
    def reload(self) -> None:
        self.status.setText(self.tr("Reading the organization…"))
        self._reading.start(_read_state, self._context, self._settings.deployment)

    @Slot(object)
    def _on_state(self, state: orgs.ScpState) -> None:
        self._state = state
        attached = state.policy.targets if state.policy else ()
        self.tree.show_tree(state.organization.root, attached, self._settings.scp.target or "",
                            state.organization.management_account)
        self._show_state()
        self._update_buttons()

    def _show_state(self) -> None:
        if self._state is None:
            return
        policy, root = self._state.policy, self._state.organization.root
        if policy is None or not policy.targets:
            self.status.setText(self.tr("The SCP is not attached anywhere."))
            return
        where = [target_text(root.find(t) or root, self._context.lang) for t in policy.targets]
        self.status.setText(self.tr("Attached to: %1").replace("%1", ", ".join(where)))

    @Slot()
    def _update_buttons(self) -> None:
        idle = not (self._reading.busy or self._planning.busy or self._running.busy)
        known = self._state is not None
        self.export_button.setEnabled(self._policy is not None)
        self.attach_button.setEnabled(idle and known and self._policy is not None
                                      and self.tree.selected() is not None)
        self.remove_button.setEnabled(idle and known and self._state.policy is not None)

    def _ask_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the SCP"),
                                              f"{self._policy.name}.json" if self._policy
                                              else "", self.tr("JSON (*.json)"))
        return path

    @Slot()
    def export(self) -> None:
        path = self.ask_path()
        if not path or self._policy is None:
            return
        Path(path).write_text(self._policy.content + "\n", encoding="utf-8")
        self.outcome.setText(self.tr("Exported to %1.").replace("%1", path))

    @Slot()
    def attach(self) -> None:
        target, policy, access = self.tree.selected(), self._policy, self._context.access
        if target is None or policy is None:
            return
        self.outcome.setText(self.tr("Preparing the plan…"))
        self._planning.start(lambda: orgs.attach_plan(access(), policy, target.id))

    @Slot()
    def remove(self) -> None:
        deployment, access = self._settings.deployment, self._context.access
        self.outcome.setText(self.tr("Preparing the plan…"))
        self._planning.start(lambda: orgs.detach_plan(access(), deployment, delete=True))

    @Slot(object)
    def _on_plan(self, plan: ScpPlan) -> None:
        self._plan = plan
        lang = self._context.lang
        if plan.empty:
            self.outcome.setText(plan_lines(plan, lang)[0])
            return
        self.outcome.clear()
        attach = plan.policy is not None
        target = next((s.target for s in plan.steps if hasattr(s, "target")), None)
        where = target_text(target, lang) if target is not None else ""
        intro = (self.tr("Attach the SCP to %1? Everyone there except the admin roles will be "
                         "denied the actions listed.") if attach else
                 self.tr("Detach the SCP from every target and delete it?")).replace("%1", where)
        self.confirm_dialog = ConfirmDialog(
            self.tr("Attach the SCP") if attach else self.tr("Detach and delete the SCP"),
            intro, [step_text(s, lang) for s in plan.steps],
            " ".join(note_text(n, lang) for n in plan.notes),
            self.tr("Attach") if attach else self.tr("Detach and delete"), self)
        self.confirm_dialog.accepted.connect(self._on_confirmed)
        self.confirm_dialog.open()

    @Slot()
    def _on_confirmed(self) -> None:
        plan, access = self._plan, self._context.access
        if plan is None:
            return
        self.outcome.setText(self.tr("Working…"))
        self._running.start(lambda: orgs.execute(access(), plan, confirmed=True))

    @Slot(object)
    def _on_done(self, done: tuple) -> None:
        plan = self._plan
        if plan is not None and plan.policy is not None:  # remember what was attached
            target = self.tree.selected_id()
            scp = ScpSettings(plan.policy.admin_roles, target or self._settings.scp.target)
            self._settings = self._settings.with_(scp=scp)
            self._context.save_settings(self._settings)
        self.outcome.setText(self.tr("Done: %n step(s).", "", len(done)))
        self.reload()

    @Slot(object)
    def _on_failed(self, error: ChangeWatchError) -> None:
        if is_cancelled(error):
            return
        self.outcome.setText(describe(error, self._context.lang))
        if self._state is None:
            self.status.setText(describe(error, self._context.lang))
        self._update_buttons()

    def reject(self) -> None:
        for task in (self._reading, self._planning, self._running):
            task.cancel()
        super().reject()


def _read_state(context: AppContext, deployment: str) -> orgs.ScpState:
    """On a worker: the organization (in the sandbox, its demo one, made on first use)."""
    if context.sandbox is not None:
        context.sandbox.ensure_organization()
    return orgs.scp_state(context.access(), deployment)
