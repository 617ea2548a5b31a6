"""“Remove everything”: list what is tagged, confirm, delete with per-region progress, resumable."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QCheckBox, QDialog, QWidget

from aws.compliance.instructions import DeleteConfigRule, StopConfig
from aws.compliance.plan import Note, NoteKind
from aws.compliance.text import describe_note
from aws.deployment import DeploymentService
from aws.errors import is_cancelled
from aws.execute import Progress, ProgressEvent, Result
from aws.instructions import (
    IAM_SCOPE,
    DeleteRole,
    DeleteRule,
    DeleteStateMachine,
    DeleteTopic,
    Instruction,
)
from aws.messages import describe
from aws.names import TAG_KEY
from aws.organizations import FoundPolicy
from aws.plan import Plan
from aws.plan_text import describe_instruction, describe_search
from aws.settings import Settings
from gui.context import AppContext
from gui.dashboard.dialogs import ConfirmDialog, RemoveProgressDialog
from gui.workers import Task, WorkerPool


class RemoveFlow(QObject):
    """`confirm(plan) -> bool` and `inform(text)` are attributes so tests can answer them."""

    finished = Signal(bool)          # True when nothing tagged is left
    removed = Signal(object)         # list[str]: what was deleted, in words
    progress = Signal(object)        # ProgressEvent, for the dialog (and tests)

    def __init__(self, context: AppContext, pool: WorkerPool, parent: QWidget) -> None:
        super().__init__(parent)
        self._context, self._parent = context, parent
        self.confirm: Callable[[Plan], bool] = lambda plan: (
            self.confirm_dialog(plan).exec() == QDialog.DialogCode.Accepted)
        self.inform: Callable[[str], None] = context.messages.info
        self.dialog: RemoveProgressDialog | None = None
        self._plan_task, self._remove_task = Task(pool, self), Task(pool, self)
        self._plan_task.succeeded.connect(self._on_plan_succeeded)
        self._remove_task.progressed.connect(self._on_remove_progressed)
        self._remove_task.succeeded.connect(self._on_remove_succeeded)
        for task in (self._plan_task, self._remove_task):
            task.failed.connect(self._on_task_failed)
        self._deployment = ""
        # A recorder ChangeWatch started is stopped only if the user ticks the dialog's box:
        # stopping Config is itself what ChangeWatch warns about.
        self.stop_config = False
        self._notes: list[str] = []
        self._scp_note: list[str] = []

    @property
    def busy(self) -> bool:
        return self._plan_task.busy or self._remove_task.busy

    def start(self) -> None:
        if self.busy:
            return
        settings = self._context.settings
        self._deployment = settings.deployment if settings else "default"
        self.stop_config, self._notes = False, []
        self._plan_task.start(plan_removal, self._context.service(), self._deployment,
                              settings, stop_config=bool(settings and settings.compliance))

    def cancel(self) -> None:
        """Stops between AWS calls; running Remove everything again finishes the job."""
        self._remove_task.cancel()

    def item_text(self, step: Instruction) -> str:
        if isinstance(step, DeleteRule):
            text = self.tr("%1: EventBridge rule %2 (its target first)")
        elif isinstance(step, DeleteTopic):
            text = self.tr("%1: SNS topic %2 and its email subscription")
        elif isinstance(step, DeleteStateMachine):
            text = self.tr("%1: email formatter %2 (Step Functions)")
        elif isinstance(step, DeleteRole):
            text = self.tr("%1: IAM role %2 (last, once nothing uses it)")
        elif isinstance(step, (DeleteConfigRule, StopConfig)):
            text = "%1: " + describe_instruction(step, self._context.lang)
        else:
            text = self.tr("%1: %2")
        where = self.tr("IAM") if step.region == IAM_SCOPE else step.region
        return text.replace("%1", where).replace("%2", step.subject)

    def confirm_dialog(self, plan: Plan) -> ConfirmDialog:
        rule, topic = self.tr("rule %1 (%2)"), self.tr("topic %1 (%2)")
        foreign = [kind.replace("%1", n).replace("%2", r.region) for r in plan.regions
                   for kind, names in ((rule, r.inventory.foreign_rules),
                                       (topic, r.inventory.foreign_topics)) for n in names]
        note = self.tr("Only resources tagged %1 = %2 are deleted. A CloudTrail trail and "
                       "its log bucket are kept: they hold your logs.").replace(
            "%1", TAG_KEY).replace("%2", plan.deployment)
        if foreign:
            note += " " + self.tr("Kept because they are not ChangeWatch's: %1.").replace(
                "%1", ", ".join(foreign))
        note += "\n\n" + describe_search(plan, self._context.lang)
        unread = [describe(e, self._context.lang) for e in plan.errors]
        if unread:  # what could not be read cannot be listed, nor removed this time
            note += "\n\n" + self.tr("Not checked, so not removed this time: %1").replace(
                "%1", " ".join(unread))
        deleted = [s for s in plan.instructions if not isinstance(s, StopConfig)]
        dialog = ConfirmDialog(
            self.tr("Remove everything?"),
            self.tr("These %n resource(s) will be deleted:", "", len(deleted)),
            [self.item_text(s) for s in deleted],
            note, self.tr("Remove"), self._parent)
        recorders = [s for s in plan.instructions if isinstance(s, StopConfig)]
        if recorders:
            box = QCheckBox(self.tr("Also stop AWS Config in %1 (ChangeWatch started it; "
                                    "nothing is recorded there afterwards)").replace(
                "%1", ", ".join(s.region for s in recorders)), dialog)
            box.toggled.connect(self._on_stop_config_toggled)
            dialog.layout().insertWidget(2, box)
            dialog.stop_config = box
        return dialog

    @Slot(bool)
    def _on_stop_config_toggled(self, checked: bool) -> None:
        self.stop_config = checked

    def _chosen(self, plan: Plan) -> Plan:
        """The plan as confirmed: without stopping Config unless asked (then a note says it
        was left running)."""
        if self.stop_config:
            return plan
        kept = tuple(Note(s.region, NoteKind.CONFIG_LEFT_RUNNING, s.subject)
                     for s in plan.instructions if isinstance(s, StopConfig))
        regions = tuple(replace(r, instructions=tuple(
            s for s in r.instructions if not isinstance(s, StopConfig))) for r in plan.regions)
        return replace(plan, regions=regions, notes=(*plan.notes, *kept))

    @Slot(object)
    def _on_plan_succeeded(self, answer: tuple[Plan, FoundPolicy | None]) -> None:
        plan, scp = answer
        self._scp_note = self._leftover_scp_text(scp)
        problems = [describe(e, self._context.lang) for e in plan.errors]
        if not plan.instructions:
            text = self.tr("Nothing to remove: no resource tagged %1 = %2 was found.").replace(
                "%1", TAG_KEY).replace("%2", plan.deployment)
            self.inform(" ".join([text, describe_search(plan, self._context.lang), *problems,
                                  *self._scp_note]))
            self._finish(not problems)
            return
        if not self.confirm(plan):
            return
        plan = self._chosen(plan)
        self._notes = [describe_note(n, self._context.lang) for n in plan.notes]
        counts = Counter(s.region for s in plan.instructions)
        self.dialog = RemoveProgressDialog(dict(counts), self._parent)
        self.dialog.cancel_requested.connect(self.cancel)
        self.dialog.show()
        self._remove_task.start(self._context.service().remove, plan)

    @Slot(object)
    def _on_remove_progressed(self, event: ProgressEvent) -> None:
        self.progress.emit(event)
        if self.dialog is None:
            return
        if event.status == Progress.DONE:
            self.dialog.step(event.region)
        elif event.status == Progress.REGION_DONE:
            self.dialog.region_state(event.region, self.tr("done"))
        elif event.status == Progress.REGION_FAILED and event.error is not None:
            self.dialog.region_state(event.region, self.tr("stopped") if is_cancelled(event.error)
                                     else describe(event.error, self._context.lang))

    @Slot(object)
    def _on_remove_succeeded(self, result: Result) -> None:
        removed = [self.item_text(s) for s in result.done]
        summary = self.tr("Removed %n resource(s).", "", len(removed))
        if not result.ok:
            summary += " " + self.tr("Not finished in %1. Run Remove everything again to "
                                     "finish; it continues where it stopped.").replace(
                "%1", ", ".join(result.unfinished))
        if self.dialog is not None:
            self.dialog.finish("\n".join([summary, *removed]))
        self.removed.emit(removed)
        self.inform(" ".join([summary, *self._notes, *self._scp_note]))
        self._finish(result.ok)

    def _leftover_scp_text(self, scp: FoundPolicy | None) -> list[str]:
        """Remove leaves the guarding SCP (only the management account may detach it)."""
        if scp is None:
            return []
        return [self.tr("The SCP %1 that guards this deployment stays in the organization; "
                        "Deployment → Guard with an SCP… → Detach & delete… removes it.")
                .replace("%1", scp.name)]

    @Slot(object)
    def _on_task_failed(self, error: object) -> None:
        text = describe(error, self._context.lang)  # type: ignore[arg-type]
        if self.dialog is not None:
            self.dialog.finish(text)
        self.inform(text)
        self._finish(False)

    def _finish(self, ok: bool) -> None:
        self._context.signals.deployment_changed.emit()
        self.finished.emit(ok)


def plan_removal(service: DeploymentService, deployment: str, settings: Settings | None, *,
                 stop_config: bool, on_progress=None, cancelled=None
                 ) -> tuple[Plan, FoundPolicy | None]:
    """On the worker: the removal plan, and the guarding SCP that remove leaves in place."""
    plan = service.removal_plan(deployment, settings, on_progress=on_progress,
                                cancelled=cancelled, stop_config=stop_config)
    return plan, service.leftover_scp(deployment, cancelled)
