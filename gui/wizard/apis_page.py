"""Step 3: what to watch — presets, a filter and a tree of groups and their APIs."""

from __future__ import annotations

import contextlib

from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout, QWidget

from aws.catalog import Selection, resolve_watch, watch_ids
from aws.errors import SettingsError
from gui.flow_layout import FlowLayout
from gui.wizard.api_tree import ApiTree
from gui.wizard.common import Page, note_label, show_text
from gui.wizard.compliance_box import ComplianceBox
from gui.wizard.draft import Draft
from gui.wizard.exceptions_box import ExceptionsBox


class ApisPage(Page):
    """Complete when at least one API (or fixed group) is chosen."""

    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(draft, parent)
        self.catalog = catalog = draft.catalog
        self.tree = ApiTree(catalog, self.lang, self)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        # The buttons wrap onto a second row rather than cut their (long) titles.
        self.presets = QWidget(self)
        presets = FlowLayout(self.presets)
        self.preset_buttons: dict[str, QPushButton] = {}
        for preset in catalog.presets:
            button = QPushButton(self)
            button.clicked.connect(lambda _=False, g=preset.groups: self.tree.set_groups(g))
            self.preset_buttons[preset.id] = button
            presets.addWidget(button)
        self.everything, self.nothing = QPushButton(self), QPushButton(self)
        self.everything.clicked.connect(lambda: self.tree.set_groups(None))
        self.nothing.clicked.connect(lambda: self.tree.set_groups(()))
        presets.addWidget(self.everything)
        presets.addWidget(self.nothing)
        self.summary = note_label(self)
        self.home_note = note_label(self)
        self.details = note_label(self)
        self.reason = note_label(self, "reason")
        self.exceptions = ExceptionsBox(catalog, self.lang, self)
        self.exceptions.set_exceptions(draft.exceptions)
        self.exceptions.changed.connect(self._on_exceptions_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.presets)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.summary)
        layout.addWidget(self.home_note)
        layout.addWidget(self.reason)
        layout.addWidget(self.exceptions)
        self.compliance = ComplianceBox(catalog, self.lang, self)
        self.compliance.set_values(draft.compliance, draft.remediation)
        self.compliance.changed.connect(self._on_compliance_changed)
        layout.addWidget(self.compliance)
        self.setTabOrder(self.nothing, self.filter)
        self.setTabOrder(self.filter, self.tree)
        self.filter.textChanged.connect(self.tree.filter)
        self.tree.selection_changed.connect(self._on_tree_selection_changed)
        # Not currentItemChanged: PySide6 6.12 mis-counts references of its null `previous`
        # item and aborts at exit ("none_dealloc"); the model's index signal is safe.
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        # An id the catalog no longer has: start from nothing rather than fail.
        with contextlib.suppress(SettingsError):
            if draft.watch:
                self.tree.set_selection(resolve_watch(catalog, draft.watch))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("What to watch"))
        self.setSubTitle(self.tr("Pick whole groups or single APIs. Each group becomes one "
                                 "EventBridge rule per region."))
        for preset in self.catalog.presets:
            self.preset_buttons[preset.id].setText(preset.title.get(self.lang))
        self.everything.setText(self.tr("&Everything"))
        self.nothing.setText(self.tr("&Nothing"))
        self.filter.setPlaceholderText(self.tr("Filter, e.g. SecurityGroup or policy"))
        self.filter.setAccessibleName(self.tr("Filter APIs"))
        self.tree.retranslate_ui(self.lang)
        self._on_tree_selection_changed()

    def selection(self) -> Selection:
        return self.tree.selection()

    def watch(self) -> tuple[str, ...]:
        return watch_ids(self.catalog, self.selection())

    def isComplete(self) -> bool:
        return bool(self.selection())

    def _on_compliance_changed(self) -> None:
        self.draft.compliance = self.compliance.compliance()
        self.draft.remediation = self.compliance.remediation()

    def _on_exceptions_changed(self) -> None:
        self.draft.exceptions = self.exceptions.exceptions()

    def _on_tree_current_changed(self, _current, _previous) -> None:
        item = self.tree.currentItem()
        show_text(self.details, item.toolTip(0) if item is not None else "")

    def _on_tree_selection_changed(self) -> None:
        selection = self.selection()
        self.draft.watch = watch_ids(self.catalog, selection)
        apis = sum(max(len(names), 1) for names in selection.values())
        show_text(self.summary, self.tr("{apis} API(s) in {groups} group(s) chosen.")
                  .format(apis=apis, groups=len(selection)) if selection else "")
        homed = [self.catalog.group(g) for g in selection
                 if self.catalog.group(g).home.startswith("us-east-1")]
        if homed:
            names = ", ".join(g.title.get(self.lang) for g in homed)
            show_text(self.home_note, self.tr(
                "Global and sign-in events are recorded in us-east-1, so the rules for {names} "
                "are created there (with a topic), even if you do not choose us-east-1.")
                .format(names=names), "warning")
        else:
            show_text(self.home_note, "")
        show_text(self.reason, "" if selection else self.tr("Choose at least one API to watch."))
        self.completeChanged.emit()
