"""The setup being edited: what the pages fill in, the credentials being tried, the review.

Pages read and write the Draft, never each other; the wizard commits it once Create succeeded
(the settings are saved and the app switches to the checked credentials only then).
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject

from aws.catalog import Catalog
from aws.deployment import DeploymentService, Review
from aws.session import AwsAccess
from aws.settings import (
    Delivery,
    Notifications,
    Remediation,
    Settings,
    WatchException,
    new_deployment_id,
)
from gui.context import AppContext, Credentials


class Draft(QObject):
    def __init__(self, context: AppContext, initial: Settings | None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.catalog: Catalog = context.catalog
        local = context.local
        self.initial = initial
        if initial is not None:
            self.deployment = initial.deployment
        else:  # an unfinished earlier attempt keeps its id, so its resources stay ours
            self.deployment = local.get("pending_deployment") or new_deployment_id()
        self.uses_keys = initial is not None and local.get("credentials") == "keys"
        self.credentials = context.credentials
        self.regions: tuple[str, ...] = initial.regions if initial else ()
        self.email = initial.email if initial else ""
        self.language = initial.language if initial else context.lang
        self.watch: tuple[str, ...] = initial.watch if initial else ()
        self.kms_key = initial.kms_key if initial else None
        self.delivery = initial.delivery if initial else Delivery.HOME
        self.home_region = initial.home_region if initial else None
        self.notifications = initial.notifications if initial else Notifications.RICH
        self.timezone = initial.timezone if initial else None
        self.exceptions: tuple[WatchException, ...] = initial.exceptions if initial else ()
        self.compliance: tuple[str, ...] = initial.compliance if initial else ()
        self.remediation = initial.remediation if initial else Remediation.AUTO
        self.enable_config = initial.enable_config if initial else False
        self.committed = False  # Create succeeded: the setup is live
        self.review: Review | None = None
        self._access: AwsAccess | None = None
        self._access_for: Credentials | None = None
        self._lock = threading.Lock()

    def try_credentials(self, credentials: Credentials, uses_keys: bool) -> None:
        """The credentials the account page checks; the app keeps its own until commit."""
        self.credentials, self.uses_keys = credentials, uses_keys

    def access(self) -> AwsAccess:
        """The draft credentials' AwsAccess (made on the worker that first needs it)."""
        with self._lock:
            if self._access is None or self._access_for != self.credentials:
                self._access, self._access_for = self.credentials.access(), self.credentials
            return self._access

    def service(self) -> DeploymentService:
        return DeploymentService(self.access, self.context.local, self.catalog)

    def settings(self) -> Settings:
        """The settings the pages describe right now (validated later, by the plan)."""
        home = self.home_region if self.home_region in self.regions else None
        base = self.initial or Settings(regions=(), email="", watch=())
        return base.with_(regions=self.regions, email=self.email.strip(), watch=self.watch,
                          language=self.language, profile=self.credentials.profile,
                          deployment=self.deployment, kms_key=self.kms_key,
                          delivery=self.delivery, home_region=home,
                          notifications=self.notifications, timezone=self.timezone,
                          exceptions=self.exceptions, compliance=self.compliance,
                          remediation=self.remediation, enable_config=self.enable_config)

    def start_creating(self) -> None:
        """Before the first change: an interrupted setup keeps its deployment id."""
        self.context.local.set("pending_deployment", self.deployment)

    def commit(self) -> None:
        """Create succeeded: save the settings, switch the app to these credentials, tell
        every window."""
        context, settings = self.context, self.settings()
        context.local.set("credentials", "keys" if self.uses_keys else "profile")
        context.use_credentials(self.credentials)
        context.save_settings(settings)
        self.initial, self.committed = settings, True
        context.signals.deployment_changed.emit()
