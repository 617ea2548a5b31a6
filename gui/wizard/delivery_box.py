"""The email page's choices of how notifications travel: one inbox or one per region, rich or
simple emails, and the time zone the emails use."""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QRadioButton,
    QWidget,
)

from aws.settings import Delivery, Notifications, is_valid_timezone
from aws.timezone import local_zone_name
from gui.wizard.common import note_label, show_text
from gui.wizard.draft import Draft


class DeliveryBox(QGroupBox):
    """Writes its choices into the draft; `changed` when any of them changes."""

    changed = Signal()

    def __init__(self, draft: Draft, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.home = QRadioButton(self)
        self.per_region = QRadioButton(self)
        self.home_region = QComboBox(self)
        self.rich = QRadioButton(self)
        self.simple = QRadioButton(self)
        self.timezone = QComboBox(self)
        self.timezone.setEditable(True)
        self.timezone.addItems(zone_choices())
        self.timezone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.explain = note_label(self)
        self._delivery, self._mode = QButtonGroup(self), QButtonGroup(self)
        for group, buttons in ((self._delivery, (self.home, self.per_region)),
                               (self._mode, (self.rich, self.simple))):
            for button in buttons:
                group.addButton(button)
        self._labels = {}
        form = QFormLayout(self)
        for key, row in (("delivery", self.home), ("", self.per_region),
                         ("home", self.home_region), ("mode", self.rich), ("", self.simple),
                         ("zone", self.timezone)):
            label = note_label(self) if key else None
            if label is not None:
                self._labels[key] = label
                form.addRow(label, row)
            else:
                form.addRow("", row)
        form.addRow(self.explain)
        self._fill(draft)
        for signal in (self._delivery.buttonToggled, self._mode.buttonToggled):
            signal.connect(self._on_choice_changed)
        self.home_region.currentIndexChanged.connect(self._on_choice_changed)
        self.timezone.currentTextChanged.connect(self._on_choice_changed)
        self.retranslate_ui()

    def _fill(self, draft: Draft) -> None:
        (self.home if draft.delivery == Delivery.HOME else self.per_region).setChecked(True)
        (self.rich if draft.notifications == Notifications.RICH else self.simple).setChecked(True)
        self.timezone.setCurrentText(draft.timezone or local_zone_name())
        self.refresh_regions()

    def refresh_regions(self) -> None:
        """The home region is one of the chosen regions (the first unless chosen)."""
        self.home_region.blockSignals(True)
        self.home_region.clear()
        self.home_region.addItems(list(self.draft.regions))
        wanted = self.draft.home_region or (self.draft.regions[0] if self.draft.regions else "")
        self.home_region.setCurrentIndex(max(self.home_region.findText(wanted), 0))
        self.home_region.blockSignals(False)
        self._on_choice_changed()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("How notifications travel"))
        self._labels["delivery"].setText(self.tr("Inbox:"))
        self._labels["home"].setText(self.tr("Home region:"))
        self._labels["mode"].setText(self.tr("Emails:"))
        self._labels["zone"].setText(self.tr("Time zone:"))
        self.home.setText(self.tr("One inbox for every region (one confirmation email)"))
        self.per_region.setText(self.tr("One topic per region (no IAM role needed)"))
        self.rich.setText(self.tr("Rich: a subject per event, the change in words"))
        self.simple.setText(self.tr("Simple: SNS's fixed subject, text from EventBridge"))
        self.rich.setToolTip(self.tr("A Step Functions Express workflow formats each email "
                                     "(no Lambda). It needs two IAM roles."))
        self._explain()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _on_choice_changed(self, *_args) -> None:
        draft = self.draft
        draft.delivery = Delivery.HOME if self.home.isChecked() else Delivery.PER_REGION
        # Rich emails need IAM roles; per-region delivery is for accounts without them.
        self.rich.setEnabled(draft.delivery == Delivery.HOME)
        if draft.delivery == Delivery.PER_REGION and self.rich.isChecked():
            self.simple.setChecked(True)
        draft.notifications = (Notifications.RICH if self.rich.isChecked()
                               else Notifications.SIMPLE)
        self.home_region.setEnabled(draft.delivery == Delivery.HOME)
        # An unset choice stays unset while it shows the default, so saved settings keep
        # following the first region and this computer's zone.
        home = self.home_region.currentText() or None
        default_home = draft.regions[0] if draft.regions else None
        if draft.home_region is not None or home != default_home:
            draft.home_region = home
        zone = self.timezone.currentText().strip()
        if is_valid_timezone(zone) and (draft.timezone is not None or zone != local_zone_name()):
            draft.timezone = zone
        self._explain()
        self.changed.emit()

    def valid(self) -> bool:
        return is_valid_timezone(self.timezone.currentText().strip())

    def _explain(self) -> None:
        draft = self.draft
        if not self.valid():
            show_text(self.explain, self.tr("“%1” is not a time zone name like Asia/Tokyo.")
                      .replace("%1", self.timezone.currentText()), "error")
        elif draft.delivery == Delivery.HOME:
            show_text(self.explain, self.tr(
                "Every region sends its events to %1, where one topic mails you: one "
                "confirmation email. ChangeWatch creates an IAM role that may only forward "
                "events there.").replace("%1", self.home_region.currentText() or "—"), "")
        else:
            show_text(self.explain, self.tr(
                "Each region has its own topic: AWS sends one confirmation email per region "
                "(%n), and each must be confirmed.", "", max(len(draft.regions), 1)), "")
        self.explain.setTextFormat(Qt.TextFormat.PlainText)


_LEGACY_AREAS = ("Etc/", "SystemV/", "posix/", "right/", "US/", "Canada/", "Brazil/", "Mexico/",
                 "Chile/")


def zone_choices() -> list[str]:
    """Area/City names and UTC; old aliases (Japan, Cuba…) are still accepted when typed."""
    return ["UTC", *sorted(z for z in available_timezones()
                           if "/" in z and not z.startswith(_LEGACY_AREAS))]
