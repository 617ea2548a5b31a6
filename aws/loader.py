"""botocore's data loader, one per process: each service model is parsed once, not per session."""

from __future__ import annotations

import threading

from botocore.loaders import Loader, create_loader

_LOCK = threading.Lock()
_LOADER: Loader | None = None


def shared_loader() -> Loader:
    """botocore's Loader caches every model it parses; sharing it means each model (EC2's takes
    ~60 ms, holding the GIL) is parsed once, not once per profile switch."""
    global _LOADER
    with _LOCK:
        if _LOADER is None:
            _LOADER = create_loader()
        return _LOADER
