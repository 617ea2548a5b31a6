"""The one way to read ChangeWatch's data files (resources/), in a checkout or from the wheel."""

from __future__ import annotations

import atexit
import contextlib
import json
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

PACKAGE = "resources"
_EXTRACTED = contextlib.ExitStack()  # files copied out of a zipped install live until exit
atexit.register(_EXTRACTED.close)


def _node(*parts: str) -> Traversable:
    return files(PACKAGE).joinpath(*parts)


def exists(*parts: str) -> bool:
    return _node(*parts).is_file()


def read_text(*parts: str) -> str:
    return _node(*parts).read_text(encoding="utf-8")


def read_json(*parts: str) -> Any:
    return json.loads(read_text(*parts))


@cache
def path(*parts: str) -> Path:
    """A real file on disk for APIs that want a path (Qt translations, icons)."""
    return _EXTRACTED.enter_context(as_file(_node(*parts)))


def names(*parts: str) -> tuple[str, ...]:
    """The names of the files in a resource folder, sorted."""
    return tuple(sorted(item.name for item in _node(*parts).iterdir() if item.is_file()))
