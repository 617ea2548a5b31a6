"""What the commands print: exit codes, errors on stderr, progress lines on stdout."""

from __future__ import annotations

import sys

from aws.errors import ChangeWatchError
from aws.execute import Progress, ProgressEvent
from aws.messages import describe
from aws.plan_text import describe_instruction

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def out(text: str) -> None:
    print(text, flush=True)


def err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def error(exc: ChangeWatchError, lang: str, suffix: str = "") -> None:
    err(describe(exc, lang) + suffix)


def progress_printer(lang: str):
    """An on_progress callback: a line per finished step, one per region that failed."""
    def on_progress(event: object) -> None:
        if not isinstance(event, ProgressEvent):
            return
        if event.status == Progress.DONE and event.instruction:
            out(f"[{event.done}/{event.total}] {event.region}: "
                f"{describe_instruction(event.instruction, lang)}")
        elif event.status == Progress.REGION_FAILED and event.error:
            err(f"{event.region}: {describe(event.error, lang)}")
    return on_progress
