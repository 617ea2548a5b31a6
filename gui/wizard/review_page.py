"""Step 4 (commit page): the plan in words, rule patterns, the email as it will read, CloudTrail."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from aws import settings_file as settings_io
from aws.deployment import Review
from aws.errors import ChangeWatchError, ErrorKind
from aws.plan_text import describe_confirmations, describe_plan
from aws.trail_coverage import gap
from gui.exception_words import in_force_text
from gui.wizard.common import Page, note_label, show_text, text_box
from gui.wizard.draft import Draft


class ReviewPage(Page):
    """Complete once the plan was read; "Create" commits (no way back to change it)."""

    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.catalog = draft.catalog
        self._error: ChangeWatchError | None = None
        self._task = self.task()
        self._task.succeeded.connect(self._on_task_succeeded)
        self._task.failed.connect(self._on_task_failed)
        self.setCommitPage(True)
        self.status = note_label(self)
        self.confirmations = note_label(self)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(160)
        self.retry = QPushButton(self)
        self.retry.clicked.connect(self.initializePage)
        self.warnings = note_label(self, "warning")
        # Shown only when the check found AWS Config off: ticking it is the user's yes.
        self.enable_config = QCheckBox(self)
        self.enable_config.setChecked(draft.enable_config)
        self.enable_config.toggled.connect(self._on_enable_config_toggled)
        self.exceptions = note_label(self, "warning")
        self.tabs = QTabWidget(self)
        self.plan_text = text_box(self)
        self.patterns = text_box(self)
        preview = QWidget(self)
        self.preview_group = QComboBox(preview)
        self.preview_text = text_box(preview)
        self.preview_text.setLineWrapMode(self.preview_text.LineWrapMode.WidgetWidth)
        self._preview_label = QLabel(preview)
        self._preview_label.setBuddy(self.preview_group)
        row = QHBoxLayout()
        row.addWidget(self._preview_label)
        row.addWidget(self.preview_group, 1)
        column = QVBoxLayout(preview)
        column.addLayout(row)
        column.addWidget(self.preview_text, 1)
        self.tabs.addTab(self.plan_text, "")
        self.tabs.addTab(self.patterns, "")
        self.tabs.addTab(preview, "")
        self.save = QPushButton(self)
        self.saved = note_label(self)
        top = QHBoxLayout()
        top.addWidget(self.status, 1)
        top.addWidget(self.busy)
        top.addWidget(self.retry)
        bottom = QHBoxLayout()
        bottom.addWidget(self.save)
        bottom.addWidget(self.saved, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.confirmations)
        layout.addLayout(top)
        layout.addWidget(self.enable_config)
        layout.addWidget(self.warnings)
        layout.addWidget(self.exceptions)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        self.preview_group.currentIndexChanged.connect(self._on_preview_group_changed)
        self.save.clicked.connect(self._on_save_clicked)
        self.export = QPushButton(self)  # the same setup as CloudFormation templates
        bottom.insertWidget(1, self.export)
        self.export.clicked.connect(self._on_export_clicked)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Review"))
        self.setSubTitle(self.tr("Nothing has been created yet. This is what Create will do, "
                                 "and how a notification will read."))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Create"))
        self.retry.setText(self.tr("&Try again"))
        self.tabs.setTabText(0, self.tr("&Plan"))
        self.tabs.setTabText(1, self.tr("Event &patterns"))
        self.tabs.setTabText(2, self.tr("&Notification preview"))
        self._preview_label.setText(self.tr("&Group:"))
        self.enable_config.setText(self.tr(
            "Turn on AWS Config where it is off (billed per configuration item recorded; "
            "only security groups are recorded)"))
        self.save.setText(self.tr("&Save settings…"))
        self.export.setText(self.tr("E&xport as CloudFormation…"))
        self.save.setToolTip(self.tr("Write these settings to a TOML file for "
                                     "`python main.py plan|apply|remove --config FILE`"))
        self._show()

    @property
    def review(self) -> Review | None:
        return self.draft.review

    def isComplete(self) -> bool:
        return self.review is not None

    def initializePage(self) -> None:
        self.draft.review, self._error = None, None
        self._task.start(self.draft.service().review, self.draft.settings())
        self._show()
        self.completeChanged.emit()

    def cleanupPage(self) -> None:
        self._task.forget()

    def _on_task_succeeded(self, review: Review) -> None:
        self.draft.review, self._error = review, None
        self._show()
        self.completeChanged.emit()

    def _on_task_failed(self, error: ChangeWatchError) -> None:
        self.draft.review, self._error = None, error
        self._show()
        self.completeChanged.emit()

    def _on_enable_config_toggled(self, checked: bool) -> None:
        self.draft.enable_config = checked
        self.initializePage()  # the plan changes: read it again

    def _show(self) -> None:
        loading = self._task.busy
        config_off = self._error is not None and self._error.kind == ErrorKind.CONFIG_OFF
        self.enable_config.setVisible(config_off or self.draft.enable_config)
        self.busy.setVisible(loading)
        self.retry.setVisible(self._error is not None)
        self.tabs.setEnabled(self.review is not None)
        review = self.review
        if loading:
            show_text(self.status, self.tr("Reading what already exists in your account…"), "")
        elif self._error is not None:
            show_text(self.status, self.error_text(self._error), "error")
        elif review is not None and review.plan.errors:
            show_text(self.status, self.tr("Some regions cannot be set up (see the plan). "
                                           "Create sets up the others."), "error")
        elif review is not None and self._bare(review):
            show_text(self.status, self.tr(
                "Create can set this up, but the rules in %1 will not fire until a CloudTrail "
                "trail logs there (see below).").replace("%1", ", ".join(self._bare(review))),
                "warning")
        else:
            show_text(self.status, self.tr("Ready. Click Create to set this up.")
                      if review else "", "ok")
        show_text(self.confirmations, describe_confirmations(
            review.confirmations, self.draft.email, self.lang) if review else "")
        show_text(self.warnings, self._coverage_text(review) if review else "")
        show_text(self.exceptions, in_force_text(self.draft.exceptions, self.catalog, self.lang))
        self.plan_text.setPlainText("\n".join(describe_plan(review.plan, self.lang,
                                                             self.draft.email))
                                    if review else "")
        self.patterns.setPlainText("\n\n".join(
            f"# {p.name} — {', '.join(p.regions)}\n{p.pattern}" for p in review.patterns)
            if review else "")
        self._fill_previews()

    @staticmethod
    def _bare(review: Review) -> list[str]:
        """Regions known to have no logging trail (unknown coverage is said apart)."""
        return [r for r, c in review.coverage.items() if not c.covered and c.error is None]

    def _coverage_text(self, review: Review) -> str:
        lines = []
        if review.coverage_error is not None:
            lines.append(self.tr("CloudTrail could not be checked: {error}")
                         .format(error=self.error_text(review.coverage_error)))
        for region, coverage in review.coverage.items():
            if coverage.error is not None and not coverage.covered:
                lines.append(self.tr("⚠ {region}: CloudTrail could not be checked ({error}). "
                                     "The rules there fire only if a trail is logging.")
                             .format(region=region, error=self.error_text(coverage.error)))
        bare = [r for r, c in review.coverage.items() if not c.covered and c.error is None]
        if bare:
            lines.insert(0, self.tr(
                "⚠ No CloudTrail trail is logging in {regions}, so the rules there will never "
                "fire: EventBridge receives API calls only from regions where a trail records "
                "them. After Create, the dashboard's “Create a CloudTrail trail…” makes one "
                "multi-region trail for every region (or use the CloudTrail console); the rules "
                "work from then on, without running this again.")
                .format(regions=", ".join(bare)))
        lines += self._gap_lines(review)
        return "\n".join(lines)

    def _gap_lines(self, review: Review) -> list[str]:
        """Trails that record only part of what the chosen rules watch."""
        lines = []
        for region, found in review.coverage.items():
            plan = review.plan.region(region)
            rules = plan.desired.rules if plan and plan.desired else ()
            groups = [self.catalog.group(r.group_id) for r in rules]
            missing = gap(found, any(g.state != "ENABLED" for g in groups),
                          [f"{g.service}.amazonaws.com" for g in groups if g.service])
            if missing.reads:
                lines.append(self.tr("⚠ {region}: the trail records no read-only calls, so "
                                     "unauthorized reads and root reads are not seen.")
                             .format(region=region))
            if missing.sources:
                lines.append(self.tr("⚠ {region}: the trail leaves out {sources}, so changes "
                                     "there are not seen.").format(
                    region=region, sources=", ".join(missing.sources)))
        return lines

    def _fill_previews(self) -> None:
        current = self.preview_group.currentData()
        self.preview_group.blockSignals(True)
        self.preview_group.clear()
        for preview in self.review.previews if self.review else ():
            title = self.catalog.group(preview.group_id).title.get(self.lang)
            label = f"{title} — {preview.event_name}" if preview.event_name else title
            self.preview_group.addItem(label, preview.group_id)
        self.preview_group.setCurrentIndex(max(self.preview_group.findData(current), 0))
        self.preview_group.blockSignals(False)
        self._on_preview_group_changed()

    def _on_preview_group_changed(self, _index: int = 0) -> None:
        previews = {p.group_id: p for p in (self.review.previews if self.review else ())}
        preview = previews.get(self.preview_group.currentData())
        if preview is None:
            self.preview_text.setPlainText("")
        elif preview.excepted is not None:
            self.preview_text.setPlainText(self.tr("No email: this sample is excepted by %1.")
                                           .replace("%1", preview.excepted.by))
        elif preview.email is None:
            self.preview_text.setPlainText(self.tr("No sample event ships for the chosen APIs "
                                                   "of this group."))
        else:
            self.preview_text.setPlainText(self.tr("Subject: %1").replace(
                "%1", preview.email.subject) + "\n\n" + preview.email.body)
        # The reader starts at the subject, whatever size the box gets when it is shown.
        self.preview_text.moveCursor(QTextCursor.MoveOperation.Start)

    def _on_save_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save settings"), str(Path.home() / "changewatch.toml"),
            self.tr("Settings (*.toml)"))
        if not path:
            return
        try:
            settings_io.save(self.draft.settings(), Path(path))
        except OSError as exc:
            show_text(self.saved, self.tr("Could not save {path}: {error}")
                      .format(path=path, error=exc.strerror or exc), "error")
            return
        show_text(self.saved, self.tr("Saved to {path}").format(path=path), "ok")

    def _on_export_clicked(self) -> None:
        from gui.export_dialog import ExportDialog

        self.export_dialog = ExportDialog(self.draft.settings(), self.catalog,
                                          self.draft.context.pool, self.lang, self)
        self.export_dialog.open()
