"""EventBridge's `$.a.b[0]` paths into an event (input transformers and resource paths)."""

from __future__ import annotations

import re

MISSING = object()
_PART = re.compile(r"[^.\[\]]+|\[\d+\]")


def resolve_path(event: object, path: str) -> object:
    """The value at `path`, the way EventBridge resolves it; MISSING when absent."""
    node: object = event
    for part in _PART.findall(path.removeprefix("$").lstrip(".")):
        if part.startswith("["):
            index = int(part[1:-1])
            if not isinstance(node, list) or index >= len(node):
                return MISSING
            node = node[index]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return MISSING
    return node
