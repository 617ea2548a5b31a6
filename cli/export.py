"""`export`: the setup as CloudFormation templates and a deploy guide; no AWS call."""

from __future__ import annotations

import argparse
from pathlib import Path

from aws import settings_file as settings_io
from aws.catalog import load_catalog
from aws.errors import ChangeWatchError, SettingsError
from aws.export import export
from cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, error, out


def run(args: argparse.Namespace) -> int:
    try:
        settings = settings_io.load(Path(args.config))
    except SettingsError as exc:
        error(exc, args.lang)
        return EXIT_USAGE
    try:
        exported = export(settings, load_catalog(), Path(args.out), args.lang)
    except ChangeWatchError as exc:
        error(exc, args.lang)
        return EXIT_FAILED
    for line in exported.summary(args.lang):
        out(line)
    return EXIT_OK
