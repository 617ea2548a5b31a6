"""Without a Japanese font: the notice names the package to install, the language button
names Japanese in letters rather than boxes; with one, nothing is said and 日本語 is shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWizard

from gui import fonts


class NoGlyphs:
    """QFontMetrics of a font without any Japanese character."""

    def __init__(self, _font) -> None:
        pass

    def inFontUcs4(self, _code: int) -> bool:  # noqa: N802 (Qt's name)
        return False


@pytest.fixture
def no_japanese_font(monkeypatch):
    monkeypatch.setattr(fonts, "japanese_families", lambda: [])
    monkeypatch.setattr(fonts, "QFontMetrics", NoGlyphs)
    monkeypatch.setattr(fonts.sys, "platform", "linux")


def os_release(tmp_path, text: str):
    path = tmp_path / "os-release"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(("release", "package"), [
    ('ID=ubuntu\nID_LIKE=debian\n', "fonts-noto-cjk"),
    ('ID=debian\n', "fonts-noto-cjk"),
    ('ID="fedora"\n', "google-noto-sans-cjk-fonts"),
    ('ID="rocky"\nID_LIKE="rhel centos fedora"\n', "google-noto-sans-cjk-fonts"),
])
def test_the_notice_names_the_package_of_the_distribution(no_japanese_font, tmp_path,
                                                          release, package):
    notice = fonts.missing_font_notice(os_release(tmp_path, release))
    assert f"install the package {package}" in notice and "\n" not in notice


def test_an_unknown_distribution_gets_the_font_name(no_japanese_font, tmp_path):
    notice = fonts.missing_font_notice(os_release(tmp_path, "ID=plan9\n"))
    assert "Noto Sans CJK" in notice


def test_nothing_is_said_with_a_japanese_font(qapp, monkeypatch, tmp_path):
    monkeypatch.setattr(fonts, "japanese_families", lambda: ["Noto Sans CJK JP"])
    monkeypatch.setattr(fonts.sys, "platform", "linux")
    assert fonts.missing_font_notice(os_release(tmp_path, "ID=debian\n")) == ""
    assert fonts.language_name("ja", "日本語") == "日本語"


def test_the_language_button_is_never_boxes(no_japanese_font, make_wizard):
    assert fonts.language_name("ja", "日本語") == "Japanese"
    assert fonts.language_name("en", "English") == "English"
    driver = make_wizard()  # the context speaks English: the button offers Japanese
    button = driver.wizard.button(QWizard.WizardButton.CustomButton1)
    assert button.text() == "Japanese"
    notice = driver.wizard.account_page.findChild(QLabel, "fontNotice")
    assert notice.isVisible() and "No Japanese font installed" in notice.text()
