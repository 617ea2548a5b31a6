"""Typed access keys never reach settings, state, logs or exports: a grep over all we write."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QFileDialog, QWizard

from aws import settings_file as settings_io
from gui.app import setup_logging
from gui.eventlog.export import write_csv, write_json

SECRET = "s3cr3t-Typed-Into-The-Wizard-0123456789"
KEY_ID = "AKIASECRETTESTKEY000"


def test_typed_secret_is_written_nowhere(moto, make_wizard, memory_keyring, context, home,
                                         tmp_path, qtbot, monkeypatch):
    log_path = setup_logging(context.local)
    try:
        driver = make_wizard()
        page = driver.wizard.account_page
        driver.wait(page.profile.isEnabled)
        page.profile.setCurrentIndex(page.profile.findData("\x00keys"))
        qtbot.keyClicks(page.keys_box.key_id, KEY_ID)
        qtbot.keyClicks(page.keys_box.secret, SECRET)
        driver.check_account()
        assert page.account.text() == "123456789012"
        if not page.regions.chosen():
            driver.toggle_region("ap-northeast-1")
        assert driver.next_enabled(), (page.regions.chosen(), page.reason.text())
        driver.next()
        driver.type_email("ops@example.com")
        driver.next()
        driver.click(driver.wizard.apis_page.preset_buttons["seed-security-groups"])
        driver.next()
        driver.wait_review()
        saved = tmp_path / "saved.toml"
        monkeypatch.setattr(QFileDialog, "getSaveFileName",
                            lambda *a, **k: (str(saved), "TOML (*.toml)"))
        driver.click(driver.wizard.review_page.save)
        driver.create()
        driver.wait_created()
        driver.click(driver.button(QWizard.WizardButton.FinishButton))
        # repr must hide it
        logging.getLogger("test").info("keys in use: %r", context.credentials.keys)
        exports = [tmp_path / "events.csv", tmp_path / "events.json"]
        write_csv(exports[0], [])
        write_json(exports[1], [])
    finally:
        for handler in logging.getLogger().handlers[:]:
            if getattr(handler, "baseFilename", None) == str(log_path):
                logging.getLogger().removeHandler(handler)
                handler.close()
    assert SECRET in "".join(memory_keyring.items.values())  # it lives in the keyring
    written = [p for p in (*home.rglob("*"), saved, *exports) if p.is_file()]
    assert saved in written and log_path in written and context.local.settings_path in written
    for path in written:
        assert SECRET not in path.read_text(encoding="utf-8", errors="replace"), path
    assert settings_io.load(saved).profile is None
