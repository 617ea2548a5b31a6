"""The detail pane: the event's resource, a rule's previous state when known, the full JSON."""

from __future__ import annotations

import json
from collections.abc import Iterable
from html import escape

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from aws.events import EventRow
from gui.eventlog.history import PreviousState, previous_states
from gui.eventlog.model import local_time, utc_time
from gui.language import current_lang


def _pre(data: object) -> str:
    text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False)
    return f"<pre>{escape(text)}</pre>"


class DetailPane(QWidget):
    """Shows one event; `window_text` names the loaded window for the honest history note."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        self.browser.document().setDefaultStyleSheet(
            f"pre {{ font-family: '{mono.family()}'; }} .prev {{ color: #0b5394; }}"
            " .missing { color: #7a4f00; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self._row: EventRow | None = None
        self._history: Iterable[EventRow] = ()
        self.window_text = ""
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        if self._row is None:
            self.browser.setPlainText(self.tr("Select an event to see its details."))
        else:
            self.show_row(self._row, self._history)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def clear(self) -> None:
        self._row, self._history = None, ()
        self.retranslate_ui()

    def text(self) -> str:
        return self.browser.toPlainText()

    def show_row(self, row: EventRow, history: Iterable[EventRow]) -> None:
        self._row, self._history = row, history
        label = row.label_in(current_lang())
        parts = [f"<h3>{escape(label)} — {escape(row.region)}</h3>", "<p>"]
        who = f"{row.user} ({row.user_arn})" if row.user_arn and row.user_arn != row.user \
            else row.user
        facts = ((self.tr("API"), f"{row.event_name} ({row.event_source})"),
                 (self.tr("Time"), f"{local_time(row)} ({utc_time(row)} UTC)"),
                 (self.tr("Who"), who),
                 (self.tr("From"), f"{row.source_ip} / {row.user_agent}"),
                 (self.tr("Resource"), row.resource or "-"),
                 (self.tr("Event ID"), row.event_id))
        parts += [f"<b>{escape(k)}:</b> {escape(v)}<br>" for k, v in facts]
        if row.error_code:
            message = row.record.get("errorMessage", "")
            parts.append("<b>" + escape(self.tr("Failed")) + ":</b> "
                         f"{escape(row.error_code)} {escape(str(message))}<br>")
        parts.append("</p>")
        for state in previous_states(history, row):
            parts.append(self._previous_html(state))
        parts.append("<h4>" + escape(self.tr("Event JSON")) + f"</h4>{_pre(row.record)}")
        self.browser.setHtml("".join(parts))

    def _previous_html(self, state: PreviousState) -> str:
        new = ""
        if state.new_state is not None:
            title = self.tr("Rule %1 after this change").replace("%1", state.rule_id)
            new = f"<h4>{escape(title)}</h4>{_pre(state.new_state)}"
        if state.state is None or state.source is None:
            note = self.tr(
                "The state of rule %1 before this change is not in the loaded history (%2). "
                "Choose a longer window (up to 90 days) to search further back; CloudTrail "
                "keeps 90 days.").replace("%1", state.rule_id).replace("%2", self.window_text)
            return f"<p class='missing'>{escape(note)}</p>{new}"
        src = state.source
        title = self.tr("Previous state of rule %1 — from the loaded history, as left by "
                        "%2 at %3 (event %4)").replace("%1", state.rule_id).replace(
            "%2", src.event_name).replace("%3", local_time(src)).replace("%4", src.event_id)
        return f"<h4 class='prev'>{escape(title)}</h4>{_pre(state.state)}{new}"
