"""What the commands print: exit codes, errors on stderr, progress lines on stdout."""

from __future__ import annotations

import re
import sys

from aws.errors import ChangeWatchError, ErrorKind, is_cancelled
from aws.execute import Progress, ProgressEvent
from aws.messages import describe
from aws.plan_text import describe_instruction

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED = 130  # the shell's convention for a command ended by Ctrl-C
# Problems of the settings or the computer's AWS configuration: nothing was changed in AWS,
# and running again will not help until the user fixes them.
USAGE_KINDS = frozenset({
    ErrorKind.BAD_SETTINGS, ErrorKind.BAD_SINCE, ErrorKind.NOTHING_SELECTED,
    ErrorKind.NO_REGION, ErrorKind.PROFILE_NOT_FOUND, ErrorKind.BAD_AWS_CONFIG,
    ErrorKind.MFA_NEEDS_TERMINAL,
})
LIST_LIMIT = 5  # names shown of a long list; the rest is counted
_MORE = {"en": "{names} and {count} more", "ja": "{names} ほか {count} 件"}


def exit_code(exc: ChangeWatchError) -> int:
    if exc.kind == ErrorKind.CANCELLED:
        return EXIT_INTERRUPTED
    return EXIT_USAGE if exc.kind in USAGE_KINDS else EXIT_FAILED


def shorten(names, lang: str, limit: int = LIST_LIMIT) -> str:
    """“a, b, c, d, e and 12 more”: a long list of regions still fits a line."""
    names = list(names)
    if len(names) <= limit:
        return ", ".join(names)
    return _MORE.get(lang, _MORE["en"]).format(names=", ".join(names[:limit]),
                                               count=len(names) - limit)


def one_line(text: str) -> str:
    """The whole message on one line: AWS messages may carry newlines of their own."""
    return re.sub(r"\s*[\r\n]+\s*", " ", text)


def out(text: str) -> None:
    print(text, flush=True)


def err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def error(exc: ChangeWatchError, lang: str, suffix: str = "") -> None:
    err(one_line(describe(exc, lang) + suffix))


def progress_printer(lang: str):
    """An on_progress callback: a line per finished step, one per region that failed."""
    def on_progress(event: object) -> None:
        if not isinstance(event, ProgressEvent):
            return
        if event.status == Progress.DONE and event.instruction:
            out(f"[{event.done}/{event.total}] {event.region}: "
                f"{describe_instruction(event.instruction, lang)}")
        elif (event.status == Progress.REGION_FAILED and event.error
              and not is_cancelled(event.error)):  # Ctrl-C is said once, at the end
            err(one_line(f"{event.region}: {describe(event.error, lang)}"))
    return on_progress
