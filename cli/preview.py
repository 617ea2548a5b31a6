"""`preview`: the email these settings would send for one event, exactly as it will read."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from aws.catalog import Catalog
from aws.errors import ErrorKind, SettingsError
from aws.exceptions import Excepted
from aws.preview import email_of_event
from aws.settings import Settings
from cli.output import EXIT_OK, out


def read_event(path: Path) -> object:
    """The JSON in FILE; a file that cannot be read or parsed is bad input (exit 2)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SettingsError(f"{path}: {exc}", ErrorKind.BAD_EVENT) from exc


_EXCEPTED = {"en": "No email: excepted by {by} (the exceptions in the settings).",
             "ja": "メールは送られません: {by} は設定の例外に含まれています。"}


def run(settings: Settings, catalog: Catalog, args: argparse.Namespace) -> int:
    email = email_of_event(settings, catalog, read_event(Path(args.event)))
    if isinstance(email, Excepted):
        out(_EXCEPTED["ja" if args.lang == "ja" else "en"].format(by=email.by))
        return EXIT_OK
    out(f"Subject: {email.subject}")
    out("")
    out(email.body)
    return EXIT_OK
