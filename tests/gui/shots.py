"""Screenshots from GUI tests, saved only when asked (tools/screenshots.py sets the folder)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QWidget


def save_shot(widget: QWidget, name: str) -> None:
    folder = os.environ.get("CHANGEWATCH_SCREENSHOTS")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(Path(folder) / name))
