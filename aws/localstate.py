"""Where ChangeWatch keeps its own files: the settings TOML and a little state, never secrets."""

from __future__ import annotations

import json
import logging
import os
import tempfile
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from filelock import FileLock
from platformdirs import user_config_dir, user_state_dir

from aws import settings_file as settings_io
from aws.errors import SettingsError, mask_secrets
from aws.execute import Result
from aws.instructions import Subscribe
from aws.plan import Plan
from aws.settings import Settings

APP = "ChangeWatch"
LOG_NAME = "changewatch.log"
LOCK_TIMEOUT = 30  # seconds; another run holds the lock only for one small write


def _home(kind: str) -> Path:
    # CHANGEWATCH_HOME keeps the sandbox and the tests away from the user's real files.
    override = os.environ.get("CHANGEWATCH_HOME")
    if override:
        return Path(override) / kind
    return Path(user_config_dir(APP) if kind == "config" else user_state_dir(APP))


def state_dir() -> Path:
    """Where ChangeWatch keeps state and its log (the user's state directory)."""
    return _home("state")


@dataclass
class LocalState:
    """Settings last used, and what we remember about the deployment (regions, sign-up times)."""

    settings_path: Path
    state_path: Path

    @classmethod
    def default(cls) -> LocalState:
        return cls(_home("config") / "settings.toml", _home("state") / "state.json")

    def load_settings(self) -> Settings | None:
        if not self.settings_path.exists():
            return None
        try:
            return settings_io.load(self.settings_path)
        except SettingsError:
            return None

    def save_settings(self, settings: Settings) -> None:
        settings_io.save(settings, self.settings_path)

    def _read(self) -> dict:
        try:
            return json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    @contextmanager
    def _locked(self) -> Iterator[None]:
        """Held across read-change-write, so two runs at once (two terminals, the app and a
        command) never overwrite each other's changes."""
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        with FileLock(f"{self.state_path}.lock", timeout=LOCK_TIMEOUT):
            yield

    def _write(self, data: dict) -> None:
        # A name of its own per writer: two writers never share (and truncate) one temp file.
        handle, tmp = tempfile.mkstemp(prefix=f".{self.state_path.name}.", suffix=".tmp",
                                       dir=self.state_path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as file:
                file.write(json.dumps(data, indent=2, sort_keys=True))
            os.replace(tmp, self.state_path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def _update(self, change: Callable[[dict], None]) -> None:
        with self._locked():
            data = self._read()
            change(data)
            self._write(data)

    def get(self, key: str, default=None):
        return self._read().get(key, default)

    def set(self, key: str, value) -> None:
        self._update(lambda data: data.__setitem__(key, value))

    def deployed_regions(self, deployment: str) -> tuple[str, ...]:
        return tuple(self.get("deployed_regions", {}).get(deployment, ()))

    def remember_regions(self, deployment: str, regions) -> None:
        self._update(lambda data: data.setdefault("deployed_regions", {}).__setitem__(
            deployment, sorted(set(regions))))

    def will_touch(self, deployment: str, regions) -> None:
        """Before the first change: these regions may hold something of the deployment from
        now on, so an interrupted run can always be removed."""
        def add(data: dict) -> None:
            known = data.setdefault("deployed_regions", {})
            known[deployment] = sorted({*known.get(deployment, ()), *regions})
        self._update(add)

    def record(self, deployment: str, plan: Plan, result: Result) -> None:
        """After apply, repair or remove: where the deployment has things now (what it wants,
        plus every region that did not finish, which may hold leftovers) and when a
        confirmation email was sent."""
        wanted = {r.region for r in plan.regions if r.desired}
        self.remember_regions(deployment, wanted | set(result.unfinished_regions))
        for step in result.done:
            if isinstance(step, Subscribe):
                self.remember_subscription(deployment, step.region, step.email)

    def subscribed_emails(self, deployment: str) -> tuple[str, ...]:
        """Addresses ChangeWatch subscribed for the deployment (others were added by hand)."""
        return tuple(self.get("subscribed_emails", {}).get(deployment, ()))

    def subscribed_at(self, deployment: str, region: str) -> datetime | None:
        value = self.get("subscribed_at", {}).get(f"{deployment}/{region}")
        return datetime.fromisoformat(value) if value else None

    def remember_subscription(self, deployment: str, region: str, email: str = "") -> None:
        def add(data: dict) -> None:
            data.setdefault("subscribed_at", {})[f"{deployment}/{region}"] = (
                datetime.now(UTC).isoformat())
            if email:
                emails = data.setdefault("subscribed_emails", {})
                emails[deployment] = sorted({*emails.get(deployment, ()), email.lower()})
        self._update(add)


class MaskingFormatter(logging.Formatter):
    """A log line with any URL password (AWS_ENDPOINT_URL, a proxy) replaced by ***."""

    def format(self, record: logging.LogRecord) -> str:
        return mask_secrets(super().format(record))


def log_path() -> Path:
    return _home("state") / LOG_NAME


def log_unexpected(exc: BaseException) -> Path:
    """Append an unexpected error's traceback to the log file; returns where it went."""
    path = log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = mask_secrets("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
    with path.open("a", encoding="utf-8") as log:
        log.write(f"{datetime.now(UTC).isoformat()} unexpected error\n{text}\n")
    return path
