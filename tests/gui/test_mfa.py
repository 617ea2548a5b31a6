"""The MFA code is asked in a dialog on the GUI thread while the worker that needs it waits."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from aws.errors import ChangeWatchError, ErrorKind
from gui.mfa import MfaDialog, MfaPrompter

SERIAL = "arn:aws:iam::123456789012:mfa/alice"


def _ask_from_a_worker(prompter: MfaPrompter) -> tuple[threading.Thread, dict]:
    outcome: dict = {}

    def work() -> None:
        try:
            outcome["code"] = prompter("admin", SERIAL)
        except ChangeWatchError as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=work)
    thread.start()
    return thread, outcome


def test_a_worker_gets_the_code_typed_in_the_dialog(qtbot):
    prompter = MfaPrompter()
    with qtbot.waitSignal(prompter.shown, timeout=5000) as shown:
        thread, outcome = _ask_from_a_worker(prompter)
    dialog: MfaDialog = shown.args[0]
    assert "admin" in dialog.text.text() and SERIAL in dialog.text.text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    qtbot.keyClicks(dialog.code_edit, "12345")
    assert not ok.isEnabled()  # six digits, nothing else
    qtbot.keyClicks(dialog.code_edit, "6x")
    assert ok.isEnabled() and dialog.code() == "123456"
    ok.click()
    thread.join(timeout=5)
    assert outcome == {"code": "123456"}


def test_cancel_ends_the_worker_as_cancelled(qtbot):
    prompter = MfaPrompter()
    with qtbot.waitSignal(prompter.shown, timeout=5000) as shown:
        thread, outcome = _ask_from_a_worker(prompter)
    shown.args[0].buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    thread.join(timeout=5)
    assert outcome["error"].kind == ErrorKind.CANCELLED


@pytest.fixture
def mfa_dialog(qtbot):
    dialog = MfaDialog("admin", SERIAL)
    qtbot.addWidget(dialog)
    return dialog


def test_the_dialog_starts_with_ok_disabled(mfa_dialog):
    assert not mfa_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert mfa_dialog.windowTitle() == "MFA code"


def test_an_mfa_role_profile_signs_in_on_a_worker_through_the_dialog(qtbot, moto, tmp_path,
                                                                     monkeypatch):
    from PySide6.QtCore import QThreadPool

    from aws import session as aws_session
    from aws.session import AwsAccess, call
    from gui.workers import Worker

    (tmp_path / "aws-config").write_text(
        f"[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\n"
        f"source_profile = base\nmfa_serial = {SERIAL}\n")
    (tmp_path / "aws-credentials").write_text(
        "[base]\naws_access_key_id = AKIAB\naws_secret_access_key = b\n")
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(key)
    prompter = MfaPrompter()
    monkeypatch.setattr(aws_session, "_mfa_prompt", prompter)
    monkeypatch.setattr(aws_session, "_ROLE_CACHE", {})

    def who() -> str:
        access = AwsAccess(profile="admin")
        return call(access.client("sts", "us-east-1"), "get_caller_identity", "us-east-1")["Arn"]

    worker = Worker(who)
    prompter.shown.connect(lambda dialog: (dialog.code_edit.setText("123456"), dialog.accept()))
    with qtbot.waitSignal(worker.signals.succeeded, timeout=10000) as done:
        QThreadPool.globalInstance().start(worker)
    assert ":assumed-role/admin/" in done.args[0]
