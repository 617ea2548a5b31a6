"""Headless `--demo` commands share one sandbox account: what one command made, the next finds.

moto's recorder appends every request the sandbox's AWS receives to a file as it arrives (so a
killed command loses nothing); the next command replays the file into its fresh moto server.
Replaying the very calls that were made is the faithful way: moto rebuilds the same resources
with the same names, tags and links. ChangeWatch's own local state sits beside it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from moto.moto_api import recorder

from aws.localstate import state_dir as changewatch_state_dir

RECORDING = "aws-requests.jsonl"


def state_dir() -> Path:
    """Where the demo account lives between commands (under the user's state directory)."""
    return changewatch_state_dir() / "demo"


def forget(directory: Path) -> None:
    """--demo-reset: the next command starts with an empty account."""
    shutil.rmtree(directory, ignore_errors=True)


def mentions(directory: Path, service: str) -> bool:
    """Whether earlier commands called `service` (its endpoint is in the recorded requests)."""
    path = directory / RECORDING
    if not path.exists():
        return False
    with path.open(encoding="utf-8", errors="replace") as recording:
        return any(service in line for line in recording)


def resume(directory: Path, moto_url: str) -> bool:
    """Replay what earlier commands did into the server at `moto_url`, then record from here
    on; False if there was nothing to replay (a new account that still needs its setup)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / RECORDING
    recorder._location = str(path)  # moto reads MOTO_RECORDER_FILEPATH only at import
    replayed = path.exists() and path.stat().st_size > 0
    if replayed:
        recorder.replay_recording(target_host=moto_url)
    recorder.start_recording()
    return replayed


def stop_recording() -> None:
    recorder.stop_recording()
