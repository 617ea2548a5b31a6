"""aws.keys: typed access keys go to the OS keyring, or stay in memory when there is none."""

from __future__ import annotations

import keyring
import pytest
from keyring.backends import chainer, fail

from aws.keys import KeyStore
from aws.messages import describe
from aws.session import AccessKeys
from tests.memory_keyring import MemoryKeyring

KEYS = AccessKeys("AKIAEXAMPLE", "very-secret", "token")


@pytest.fixture
def backend():
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring():
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_keys_round_trip_through_the_keyring(backend):
    store = KeyStore()
    assert store.available
    assert store.save(KEYS) is None
    [(where, secret)] = backend.items.items()
    assert where == ("ChangeWatch", "access-keys") and "very-secret" in secret
    assert KeyStore().load() == KEYS
    KeyStore().delete()
    assert backend.items == {} and KeyStore().load() is None


def test_without_a_keyring_keys_live_in_memory_for_this_run(no_keyring):
    store = KeyStore(entry="memory-test")
    assert not store.available
    error = store.save(KEYS)
    assert error is not None and error.kind == "keyring_unavailable"
    assert "this run only" in describe(error, "en")
    assert KeyStore(entry="memory-test").load() == KEYS
    store.delete()
    assert store.load() is None


def test_empty_chainer_counts_as_no_keyring(monkeypatch):
    previous = keyring.get_keyring()
    monkeypatch.setattr(chainer.ChainerBackend, "backends", [])
    keyring.set_keyring(chainer.ChainerBackend())
    try:
        assert not KeyStore().available
    finally:
        keyring.set_keyring(previous)


def test_secret_never_appears_in_repr():
    assert "very-secret" not in repr(KEYS) and "AKIAEXAMPLE" not in repr(KEYS)
