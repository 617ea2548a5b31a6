"""Resend the confirmation email, or confirm with the link pasted from it (on workers)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from aws.errors import SettingsError
from aws.subscription import parse_confirmation
from gui.context import AppContext
from gui.workers import Task, WorkerPool


class SubscriptionFlow(QObject):
    """Says what happened through the app's messages; `changed` asks for a fresh status."""

    changed = Signal()

    def __init__(self, context: AppContext, pool: WorkerPool, parent: QObject) -> None:
        super().__init__(parent)
        self._context = context
        self._resend, self._confirm = Task(pool, self), Task(pool, self)
        self._resend.succeeded.connect(self._on_resend_succeeded)
        self._confirm.succeeded.connect(self._on_confirm_succeeded)
        for task in (self._resend, self._confirm):
            task.failed.connect(context.messages.error)
        self._region = ""

    def resend(self, topic_arn: str, region: str) -> None:
        settings = self._context.settings
        if settings is None:
            return
        self._region = region
        self._resend.start(self._context.service().resend_confirmation, topic_arn,
                           settings.email)

    @Slot(object)
    def _on_resend_succeeded(self, _arn: object) -> None:
        settings = self._context.settings
        self._context.local.remember_subscription(settings.deployment, self._region)
        email = settings.email
        self._context.messages.success(lambda: self.tr(
            "A new confirmation email is on its way to %1. The link in it is valid for "
            "48 hours.").replace("%1", email))
        self.changed.emit()

    def confirm(self, topic_arn: str, link: str) -> None:
        try:
            parse_confirmation(link)
        except SettingsError:
            self._context.messages.error(lambda: self.tr(
                "That is not a confirmation link. Copy the whole “Confirm subscription” link "
                "from the email."))
            return
        self._confirm.start(self._context.service().confirm_subscription, topic_arn, link)

    @Slot(object)
    def _on_confirm_succeeded(self, _arn: object) -> None:
        self._context.messages.success(lambda: self.tr(
            "Subscription confirmed. Only the topic owner can unsubscribe it now, so a "
            "forwarded email cannot."))
        self.changed.emit()
