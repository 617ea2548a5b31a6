"""`changewatch`: no command opens the app; plan | apply | remove | events | preview run
headless."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from aws import settings_file as settings_io
from aws.catalog import load_catalog
from aws.deployment import DeploymentService
from aws.errors import Cancelled, ChangeWatchError, SettingsError, translate
from aws.localstate import LocalState, log_unexpected
from aws.session import AwsAccess
from aws.settings import Settings
from cli import catalog, deploy, events, preview, verify
from cli import scp as scp_command
from cli.args import parse
from cli.interrupt import Interrupt
from cli.output import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_USAGE, error, exit_code
from cli.preflight import refuse_disabled_regions


def start_sandbox(args: argparse.Namespace):
    """The one place the sandbox starts (GUI and headless alike); None without --demo."""
    if not args.demo:
        return None
    from sandbox.demo import start_sandbox as start  # only with the sandbox extra installed

    # Headless commands continue one demo account (apply, then remove, finds what it made).
    return start(keep_state=bool(getattr(args, "command", None)),
                 reset=getattr(args, "demo_reset", False))


def run_command(args: argparse.Namespace, sandbox=None) -> int:
    """Run one headless command; returns the exit code. Never a traceback: an unexpected
    error is one line here and the traceback goes to the log file."""
    if args.command in ("catalog", "export", "org"):
        return _own_flow(args, sandbox)
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
    interrupt = Interrupt()
    try:
        with interrupt.installed():
            return _run_on_aws(args, settings, window, interrupt.requested, sandbox)
    except ChangeWatchError as exc:
        error(exc, args.lang)
        return exit_code(exc)
    except KeyboardInterrupt:  # a second Ctrl-C: what the run did is already recorded
        error(Cancelled(), args.lang)
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the user reads a sentence, the log the details
        error(translate(exc), args.lang, f" ({log_unexpected(exc)})")
    return EXIT_FAILED


def _own_flow(args: argparse.Namespace, sandbox=None) -> int:
    """Commands that read their settings (or none) their own way."""
    if args.command == "export":  # no AWS call
        from cli import export

        return export.run(args)
    if args.command == "org":
        from cli import org

        return org.run(args, sandbox)
    return catalog.run(load_catalog(), args)


def _run_on_aws(args: argparse.Namespace, settings: Settings, window: timedelta | None,
                cancelled: Callable[[], bool], sandbox=None) -> int:
    access = AwsAccess(profile=settings.profile)
    access.sign_in()  # an MFA code is asked for (or refused) before anything else
    if args.command != "remove":  # removing from a region disabled since is still allowed
        refuse_disabled_regions(access, settings)
    catalog_ = load_catalog()
    if args.command == "events":
        return events.run(access, settings, catalog_, window, args, cancelled)
    if args.command == "verify":
        return verify.run(access, settings, catalog_, args,
                          sandbox.witness if sandbox else None, cancelled)
    service = DeploymentService(access, LocalState.default(), catalog_)
    return deploy.run(service, settings, args, cancelled)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    sandbox = start_sandbox(args)
    if args.command == "scp":  # AWS Organizations, not the deployment's regions
        return scp_command.main(args, sandbox)
    if args.command:
        return run_command(args, sandbox)
    from gui.app import run_gui  # Qt only when a window is wanted

    return run_gui(args, sandbox)


if __name__ == "__main__":
    sys.exit(main())
