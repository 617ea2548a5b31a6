"""“Remove everything”: list what is tagged, confirm, delete with per-region progress, resumable."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QDialog, QWidget

from aws.apply import ProgressEvent, Result, execute
from aws.inventory import TAG_KEY
from aws.messages import describe
from aws.plan import Action, Plan
from aws.remove import plan_removal, removal_regions
from gui.context import AppContext
from gui.dashboard.dialogs import ConfirmDialog, RemoveProgressDialog
from gui.workers import Worker, WorkerPool


def _plan(access_fn, deployment: str, regions: tuple[str, ...], on_progress, cancelled) -> Plan:
    return plan_removal(access_fn(), deployment, regions, cancelled)


def _remove(access_fn, plan: Plan, on_progress, cancelled) -> Result:
    return execute(access_fn(), plan, on_progress, cancelled)


class RemoveFlow(QObject):
    """`confirm(plan) -> bool` and `inform(text)` are attributes so tests can answer them."""

    finished = Signal(bool)          # True when nothing tagged is left
    progress = Signal(object)        # ProgressEvent, for the dialog (and tests)

    def __init__(self, context: AppContext, pool: WorkerPool, parent: QWidget) -> None:
        super().__init__(parent)
        self._context, self._pool, self._parent = context, pool, parent
        self.confirm: Callable[[Plan], bool] = lambda plan: (
            self.confirm_dialog(plan).exec() == QDialog.DialogCode.Accepted)
        self.inform: Callable[[str], None] = lambda text: None
        self.dialog: RemoveProgressDialog | None = None
        self._worker: Worker | None = None
        self._deployment = ""

    @property
    def busy(self) -> bool:
        return self._worker is not None

    def regions(self) -> tuple[str, ...]:
        settings = self._context.local.load_settings()
        deployment = settings.deployment if settings else "default"
        return removal_regions(settings, self._context.local.deployed_regions(deployment))

    def start(self) -> None:
        if self.busy:
            return
        settings = self._context.local.load_settings()
        self._deployment = settings.deployment if settings else "default"
        worker = Worker(_plan, self._context.access, self._deployment, self.regions())
        worker.signals.succeeded.connect(self._on_plan_succeeded)
        worker.signals.failed.connect(self._on_worker_failed)
        self._run(worker)

    def cancel(self) -> None:
        """Stops between AWS calls; running Remove everything again finishes the job."""
        if self._worker is not None:
            self._worker.cancel()

    def _run(self, worker: Worker) -> None:
        self._worker = worker
        worker.signals.finished.connect(self._on_worker_finished)
        self._pool.start(worker)

    @Slot()
    def _on_worker_finished(self) -> None:
        if self._worker is not None and self.sender() is self._worker.signals:
            self._worker = None

    def item_text(self, action: Action) -> str:
        if action.kind == "delete_rule":
            text = self.tr("%1: EventBridge rule %2 (its target first)")
        elif action.kind == "delete_topic":
            text = self.tr("%1: SNS topic %2 and its email subscription")
        else:
            text = self.tr("%1: %2")
        return text.replace("%1", action.region).replace("%2", action.name)

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
        unread = [describe(e, self._context.lang) for e in plan.errors]
        if unread:  # what could not be read cannot be listed, nor removed this time
            note += "\n\n" + self.tr("Not checked, so not removed this time: %1").replace(
                "%1", " ".join(unread))
        return ConfirmDialog(
            self.tr("Remove everything?"),
            self.tr("These %n resource(s) will be deleted:", "", len(plan.actions)),
            [self.item_text(a) for a in plan.actions], note, self.tr("Remove"), self._parent)

    @Slot(object)
    def _on_plan_succeeded(self, plan: Plan) -> None:
        problems = [describe(e, self._context.lang) for e in plan.errors]
        if not plan.actions:
            text = self.tr("Nothing to remove: no resource tagged %1 = %2 was found.").replace(
                "%1", TAG_KEY).replace("%2", plan.deployment)
            self.inform("\n".join([text, *problems]))
            self._finish(not problems)
            return
        if not self.confirm(plan):
            return
        counts = Counter(a.region for a in plan.actions)
        self.dialog = RemoveProgressDialog(dict(counts), self._parent)
        self.dialog.cancel_requested.connect(self.cancel)
        self.dialog.show()
        worker = Worker(_remove, self._context.access, plan)
        worker.signals.progress.connect(self._on_worker_progress)
        worker.signals.succeeded.connect(self._on_remove_succeeded)
        worker.signals.failed.connect(self._on_worker_failed)
        self._run(worker)

    @Slot(object)
    def _on_worker_progress(self, event: ProgressEvent) -> None:
        self.progress.emit(event)
        if self.dialog is None:
            return
        if event.status == "done":
            self.dialog.step(event.region)
        elif event.status == "region_done":
            self.dialog.region_state(event.region, self.tr("done"))
        elif event.status == "region_failed" and event.error is not None:
            stopped = event.error.kind == "cancelled"
            self.dialog.region_state(event.region, self.tr("stopped") if stopped
                                     else describe(event.error, self._context.lang))

    @Slot(object)
    def _on_remove_succeeded(self, result: Result) -> None:
        removed = [self.item_text(a) for a in result.done]
        lines = [self.tr("Removed %n resource(s):", "", len(removed)), *removed]
        if not result.ok:
            failed = ", ".join(r.region for r in result.regions if not r.ok)
            lines.append(self.tr("Not finished in %1. Run Remove everything again to finish; "
                                 "it continues where it stopped.").replace("%1", failed))
        text = "\n".join(lines)
        if self.dialog is not None:
            self.dialog.finish(text)
        left = [r.region for r in result.regions if not r.ok]
        self._context.local.remember_regions(self._deployment, left)
        self.inform(text)
        self._finish(result.ok)

    @Slot(object)
    def _on_worker_failed(self, error: object) -> None:
        text = describe(error, self._context.lang)  # type: ignore[arg-type]
        if self.dialog is not None:
            self.dialog.finish(text)
        self.inform(text)
        self._finish(False)

    def _finish(self, ok: bool) -> None:
        self._worker = None  # done: a new Remove may start even before the worker's `finished`
        self._context.signals.deployment_changed.emit()
        self.finished.emit(ok)
