"""Typed access keys: kept in the OS keyring, or only in memory for this run when there is none."""

from __future__ import annotations

import contextlib
import json
import logging

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import chainer, fail
from keyring.errors import KeyringError

from aws.errors import ChangeWatchError, ErrorKind
from aws.session import AccessKeys

log = logging.getLogger(__name__)

SERVICE = "ChangeWatch"
ENTRY = "access-keys"
# This run's keys when no keyring can hold them; never written anywhere.
_MEMORY: dict[tuple[str, str], AccessKeys] = {}


def keyring_unavailable() -> ChangeWatchError:
    return ChangeWatchError(kind=ErrorKind.KEYRING_UNAVAILABLE)


def _usable(backend: KeyringBackend) -> bool:
    if isinstance(backend, fail.Keyring):
        return False
    if isinstance(backend, chainer.ChainerBackend):
        return bool(backend.backends)
    # keyring.backends.null.Keyring accepts and forgets everything: as good as none.
    return type(backend).__module__ != "keyring.backends.null"


class KeyStore:
    """One entry in the OS keyring (service "ChangeWatch"), falling back to process memory.

    Calls may wait on the OS (an unlock prompt): call them from a worker, not the GUI thread."""

    def __init__(self, service: str = SERVICE, entry: str = ENTRY) -> None:
        self._key = (service, entry)

    @property
    def available(self) -> bool:
        return _usable(keyring.get_keyring())

    def save(self, keys: AccessKeys) -> ChangeWatchError | None:
        """Store the keys; returns the "keyring_unavailable" error when only memory holds them."""
        _MEMORY.pop(self._key, None)
        if self.available:
            secret = json.dumps({"access_key_id": keys.access_key_id,
                                 "secret_access_key": keys.secret_access_key,
                                 "session_token": keys.session_token})
            try:
                keyring.set_password(*self._key, secret)
                return None
            except KeyringError as exc:  # locked or refused: say so, keep them for this run
                log.warning("keyring refused the access keys: %s", type(exc).__name__)
        _MEMORY[self._key] = keys
        return keyring_unavailable()

    def load(self) -> AccessKeys | None:
        if self._key in _MEMORY:
            return _MEMORY[self._key]
        if not self.available:
            return None
        try:
            secret = keyring.get_password(*self._key)
        except KeyringError as exc:
            log.warning("keyring could not be read: %s", type(exc).__name__)
            return None
        if not secret:
            return None
        try:
            data = json.loads(secret)
            return AccessKeys(data["access_key_id"], data["secret_access_key"],
                              data.get("session_token") or None)
        except (ValueError, KeyError, TypeError):
            return None

    def delete(self) -> None:
        _MEMORY.pop(self._key, None)
        if not self.available:
            return
        # Nothing stored, or a locked keyring: either way nothing of ours is readable there.
        with contextlib.suppress(KeyringError):
            keyring.delete_password(*self._key)
