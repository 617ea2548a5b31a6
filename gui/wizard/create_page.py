"""Step 5: apply the plan on a worker — progress per region, a log of every call, cancel, retry."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from aws.deployment import Applied
from aws.errors import ChangeWatchError
from aws.execute import Progress, ProgressEvent, Result
from aws.instructions import Subscribe
from aws.plan import Plan
from aws.plan_text import describe_confirmations, describe_instruction
from gui.frames import FrameCoalescer
from gui.wizard.common import Page, note_label, show_text, text_box
from gui.wizard.draft import Draft


class CreatePage(Page):
    """Complete (Finish opens the dashboard) once every region was applied."""

    stopped = Signal()  # the apply worker ended, whatever the outcome

    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.plan: Plan | None = None
        self.result: Result | None = None
        self._error: ChangeWatchError | None = None
        self._task = self.task()
        self._task.progressed.connect(self._on_task_progressed)
        self._task.succeeded.connect(self._on_task_succeeded)
        self._task.failed.connect(self._on_task_failed)
        self._bars: dict[str, tuple[QProgressBar, QLabel]] = {}
        self._pending: list[ProgressEvent] = []
        self._frames = FrameCoalescer(self._flush, self)
        self.status = note_label(self)
        self.cancel = QPushButton(self)
        self.retry = QPushButton(self)
        self.retry.hide()
        self.cancel.clicked.connect(self._on_cancel_clicked)
        self.retry.clicked.connect(self._on_retry_clicked)
        self._grid_host = QWidget(self)
        self._grid = QGridLayout(self._grid_host)
        self._grid.setColumnStretch(1, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._grid_host)
        self.log = text_box(self)
        self.log.setMaximumBlockCount(5000)
        self._log_label = QLabel(self)
        self._log_label.setBuddy(self.log)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.retry)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._log_label)
        layout.addWidget(self.log, 2)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Creating"))
        self.setSubTitle(self.tr("Regions are set up in parallel. Cancelling stops between two "
                                 "calls; whatever exists is tagged and Retry finishes the job."))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Open &dashboard"))
        self.cancel.setText(self.tr("&Cancel creating"))
        self.retry.setText(self.tr("&Retry"))
        self._log_label.setText(self.tr("&Log of AWS calls:"))
        self._show_status()

    def isComplete(self) -> bool:
        return self.result is not None and self.result.ok and not self._task.busy

    @property
    def running(self) -> bool:
        return self._task.busy

    def initializePage(self) -> None:
        review = self.draft.review
        self._start(review.plan if review else None)

    def _start(self, plan: Plan | None) -> None:
        self.result, self._error = None, None
        if plan is not None:
            self._set_plan(plan)
        self.draft.start_creating()
        self._task.start(self.draft.service().apply, self.draft.settings(), plan)
        self.cancel.setEnabled(True)
        self.cancel.show()
        self.retry.hide()
        self._show_status()
        self.completeChanged.emit()

    def stop(self) -> None:
        """Ask the running apply to stop between two calls (the wizard closes after it)."""
        self._task.cancel()

    def _set_plan(self, plan: Plan) -> None:
        self.plan = plan
        for bar, label in self._bars.values():
            bar.deleteLater()
            label.deleteLater()
        self._bars.clear()
        for row, region in enumerate(r for r in plan.regions if r.instructions or r.error):
            name = QLabel(region.region, self._grid_host)
            bar = QProgressBar(self._grid_host)
            bar.setRange(0, max(len(region.instructions), 1))
            bar.setValue(0)
            bar.setFormat("%v / %m")
            bar.setAccessibleName(region.region)
            state = QLabel(self._grid_host)
            state.setMinimumWidth(120)
            self._grid.addWidget(name, row, 0)
            self._grid.addWidget(bar, row, 1)
            self._grid.addWidget(state, row, 2)
            self._bars[region.region] = (bar, state)
            name.setBuddy(bar)
        self._grid.setRowStretch(len(self._bars), 1)
        if not plan.instructions:
            self.log.appendPlainText(self.tr("Nothing to change: AWS already matches."))

    def _on_task_progressed(self, event: object) -> None:
        if isinstance(event, Plan):
            if event is not self.plan:
                self.log.appendPlainText(self.tr("— Planned again —"))
                self._set_plan(event)
        elif isinstance(event, ProgressEvent):
            self._pending.append(event)
            self._frames.request()

    def _flush(self) -> None:
        """Show the calls that finished since the last frame, one setValue per bar."""
        events, self._pending = self._pending, []
        values: dict[QProgressBar, int] = {}
        for event in events:
            self._show_event(event, values)
        for bar, value in values.items():
            bar.setValue(value)

    def _show_event(self, event: ProgressEvent, values: dict) -> None:
        bar, state = self._bars.get(event.region, (None, None))
        step = describe_instruction(event.instruction, self.lang) if event.instruction else ""
        region = f"{event.region:<15}"  # aligned columns in the monospace log
        if event.status == Progress.STARTED:
            self.log.appendPlainText(f"{region} →  {step}")
        elif event.status == Progress.DONE:
            self.log.appendPlainText(f"{region} ✓  {step}")
            if bar is not None:
                values[bar] = values.get(bar, bar.value()) + 1
        elif event.status == Progress.FAILED and event.error:
            self.log.appendPlainText(f"{region} ✗  {step}: "
                                     f"{self.error_text(event.error)}")
        elif state is not None and event.status == Progress.REGION_DONE:
            values[bar] = bar.maximum()
            state.setText(self.tr("✓ done"))
        elif state is not None and event.status == Progress.REGION_FAILED:
            state.setText(self.tr("✗ stopped"))
            state.setToolTip(self.error_text(event.error) if event.error else "")

    def _on_task_succeeded(self, applied: Applied) -> None:
        self._on_applied(applied.result, None)

    def _on_task_failed(self, error: ChangeWatchError) -> None:
        self._on_applied(None, error)

    def _on_applied(self, result: Result | None, error: ChangeWatchError | None) -> None:
        self._frames.flush()
        self.result = result
        self._error = error or next((r.error for r in result.regions if r.error), None)
        self.cancel.setEnabled(False)
        if result is not None and result.ok:
            self.cancel.hide()
            self.draft.commit()
            # The setup is live: Cancel would look like an undo. Finish is the way out.
            self.wizard().setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        else:
            self.retry.show()
            self.retry.setFocus()
        self._show_status()
        self.completeChanged.emit()
        self.stopped.emit()

    def _show_status(self) -> None:
        if self._task.busy:
            show_text(self.status, self.tr("Creating… you can cancel at any time."), "")
        elif self._error is not None:
            show_text(self.status, self.error_text(self._error) + " " + self.tr(
                "Retry plans again and finishes what is missing."), "error")
        elif self.result is not None:
            sent = [s.region for s in self.result.done if isinstance(s, Subscribe)]
            show_text(self.status, self.tr("Done.") + " " + describe_confirmations(
                sent, self.draft.email, self.lang), "ok")
        else:
            show_text(self.status, "")

    def _on_cancel_clicked(self) -> None:
        self.stop()
        self.cancel.setEnabled(False)
        show_text(self.status, self.tr("Cancelling after the calls in progress…"), "")

    def _on_retry_clicked(self) -> None:
        self.log.appendPlainText(self.tr("— Retrying —"))
        self._start(None)
