"""`changewatch`: no command opens the app; plan | apply | remove | events | preview run
headless."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aws import settings_file as settings_io
from aws.catalog import load_catalog
from aws.deployment import DeploymentService
from aws.errors import ChangeWatchError, SettingsError, translate
from aws.localstate import LocalState, log_unexpected
from aws.session import AwsAccess
from cli import deploy, events, preview, verify
from cli.args import parse
from cli.output import EXIT_FAILED, EXIT_USAGE, error


def start_sandbox(args: argparse.Namespace):
    """The one place the sandbox starts (GUI and headless alike); None without --demo."""
    if not args.demo:
        return None
    from sandbox.demo import start_sandbox as start  # only with the sandbox extra installed

    return start()


def run_command(args: argparse.Namespace, sandbox=None) -> int:
    """Run one headless command; returns the exit code. Never a traceback: an unexpected
    error is one line here and the traceback goes to the log file."""
    try:
        settings = settings_io.load(Path(args.config))
        window = events.parse_since(args.since) if args.command == "events" else None
    except SettingsError as exc:
        error(exc, args.lang)
        return EXIT_USAGE
    if args.demo:  # everything against the sandbox, whatever the file says
        settings = settings.with_(profile="demo")
    if args.command == "preview":  # no AWS call: a bad event file is bad input (exit 2)
        try:
            return preview.run(settings, load_catalog(), args)
        except SettingsError as exc:
            error(exc, args.lang)
            return EXIT_USAGE
        except ChangeWatchError as exc:
            error(exc, args.lang)
            return EXIT_FAILED
    try:
        access = AwsAccess(profile=settings.profile)
        catalog = load_catalog()
        if args.command == "events":
            return events.run(access, settings, catalog, window, args)
        if args.command == "verify":
            return verify.run(access, settings, catalog, args,
                              sandbox.witness if sandbox else None)
        service = DeploymentService(access, LocalState.default(), catalog)
        return deploy.run(service, settings, args)
    except ChangeWatchError as exc:
        error(exc, args.lang)
    except Exception as exc:  # noqa: BLE001 - the user reads a sentence, the log the details
        error(translate(exc), args.lang, f" ({log_unexpected(exc)})")
    return EXIT_FAILED


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    sandbox = start_sandbox(args)
    if args.command:
        return run_command(args, sandbox)
    from gui.app import run_gui  # Qt only when a window is wanted

    return run_gui(args, sandbox)


if __name__ == "__main__":
    sys.exit(main())
