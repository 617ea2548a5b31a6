"""Japanese text needs a font that has it: without one (a bare Linux install) every Japanese
string is drawn as boxes. Detect that, say which package to install, and name the Japanese
language button in letters that can be drawn."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QLabel, QWidget

OS_RELEASE = Path("/etc/os-release")
# The package that brings Noto Sans CJK, by distribution family (os-release ID / ID_LIKE).
PACKAGES = {
    "debian": "fonts-noto-cjk", "ubuntu": "fonts-noto-cjk",
    "fedora": "google-noto-sans-cjk-fonts", "rhel": "google-noto-sans-cjk-fonts",
    "arch": "noto-fonts-cjk", "suse": "noto-sans-cjk-fonts", "opensuse": "noto-sans-cjk-fonts",
}
FALLBACK_NAME = "Japanese"  # the language button's name when 日本語 cannot be drawn


def japanese_families() -> list[str]:
    """Installed font families that cover Japanese (fontconfig's view, on Linux)."""
    return QFontDatabase.families(QFontDatabase.WritingSystem.Japanese)


def can_draw(text: str, font: QFont | None = None) -> bool:
    """True when `text` will not be boxes: the font has every character, or some installed
    font covers Japanese (Qt falls back to it glyph by glyph)."""
    if japanese_families():
        return True
    metrics = QFontMetrics(font or QFont())
    return all(metrics.inFontUcs4(ord(c)) for c in text if not c.isspace())


def distribution_ids(os_release: Path = OS_RELEASE) -> list[str]:
    """ID then ID_LIKE of /etc/os-release ("ubuntu", "debian"); empty when unknown."""
    try:
        lines = os_release.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    values = dict(line.split("=", 1) for line in lines if "=" in line)
    ids = [values.get("ID", ""), *values.get("ID_LIKE", "").split()]
    return [i.strip('"').lower() for i in ids if i.strip('"')]


def font_package(os_release: Path = OS_RELEASE) -> str | None:
    return next((PACKAGES[i] for i in distribution_ids(os_release) if i in PACKAGES), None)


def missing_font_notice(os_release: Path = OS_RELEASE) -> str:
    """One line, in both languages (the Japanese half may be boxes, the English half not),
    or "" when a Japanese font is installed or this is not Linux."""
    if not sys.platform.startswith("linux") or japanese_families():
        return ""
    package = font_package(os_release)
    if package is None:
        return QCoreApplication.translate(
            "Fonts", "日本語フォントがありません / No Japanese font installed: install Noto Sans "
            "CJK with your package manager to read Japanese text.")
    return QCoreApplication.translate(
        "Fonts", "日本語フォントがありません / No Japanese font installed: install the package "
        "{package} to read Japanese text.").format(package=package)


def language_name(code: str, name: str, font: QFont | None = None) -> str:
    """How a language button names Japanese: 日本語 when it can be drawn, else in letters."""
    if code == "ja" and not can_draw(name, font):
        return FALLBACK_NAME
    return name


def font_notice(parent: QWidget | None = None) -> QLabel:
    """A label with the missing-font notice; hidden when there is nothing to say."""
    label = QLabel(parent)
    label.setObjectName("fontNotice")
    label.setWordWrap(True)
    label.setStyleSheet("color: #5f3700;")
    text = missing_font_notice()
    label.setText(text)
    label.setVisible(bool(text))
    return label
