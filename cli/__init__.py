"""ChangeWatch's entry points: the `changewatch` command (GUI or headless commands)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("changewatch")  # pyproject.toml is the one place it is written
except PackageNotFoundError:  # a bare checkout that was never installed
    __version__ = "0+checkout"
