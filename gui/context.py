"""What every window shares: settings, local state, language, messages, workers, AWS access."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal

from aws.catalog import Catalog, load_catalog
from aws.deployment import DeploymentService
from aws.localstate import LocalState
from aws.session import AccessKeys, AwsAccess
from aws.settings import Settings
from gui.messages import MessageBus
from gui.workers import WorkerPool


class ContextSignals(QObject):
    language_changed = Signal(str)
    settings_changed = Signal()     # the saved settings changed (a new setup)
    deployment_changed = Signal()   # applied, repaired or removed: dashboards read AWS again


@dataclass(frozen=True)
class Credentials:
    """How to sign in: a profile (None: the default chain), or keys typed into the wizard."""

    profile: str | None = None
    keys: AccessKeys | None = None  # lives in memory and the OS keyring only

    def access(self) -> AwsAccess:
        return AwsAccess(profile=self.profile, keys=self.keys)


@dataclass
class AppContext:
    local: LocalState
    lang: str = "ja"
    demo: bool = False
    pool: WorkerPool = field(default_factory=WorkerPool)
    signals: ContextSignals = field(default_factory=ContextSignals)
    messages: MessageBus = field(default_factory=MessageBus)
    credentials: Credentials = field(default_factory=Credentials)
    sandbox: Any = None  # sandbox.demo.Sandbox in demo mode (gui/ never imports it)
    translations: Any = None
    catalog: Catalog = field(default_factory=load_catalog)
    _settings: Settings | None = None
    _settings_read: bool = False
    _access: AwsAccess | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def settings(self) -> Settings | None:
        """The saved settings, read from disk once; None before the first setup."""
        if not self._settings_read:
            self._settings, self._settings_read = self.local.load_settings(), True
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        self.local.save_settings(settings)
        self._settings, self._settings_read = settings, True
        self.signals.settings_changed.emit()

    def access(self) -> AwsAccess:
        """One AwsAccess per credentials choice; its clients are shared by the workers.
        Call it on a worker: creating a session reads files. Workers call it at once, so a
        lock makes sure they share one."""
        with self._lock:
            if self._access is None:
                self._access = self.credentials.access()
            return self._access

    def use_credentials(self, credentials: Credentials) -> None:
        with self._lock:
            if credentials != self.credentials:
                self.credentials, self._access = credentials, None

    def service(self) -> DeploymentService:
        """The deployment service over the app's credentials (its access is made on first
        use, on the worker that calls it)."""
        return DeploymentService(self.access, self.local, self.catalog)
