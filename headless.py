"""The headless commands (plan, apply, remove, events): the engine with a printing callback."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from aws import settings as settings_io
from aws.apply import ProgressEvent, execute
from aws.catalog import load_catalog
from aws.errors import ChangeWatchError, SettingsError, translate
from aws.localstate import LocalState, log_unexpected
from aws.messages import describe
from aws.plan import make_plan
from aws.plan_text import describe_action, describe_plan
from aws.remove import plan_removal, removal_regions
from aws.session import AwsAccess
from events_cli import parse_since, run_events

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def _err(text: str) -> None:
    print(text, file=sys.stderr)


def _printer(lang: str):
    def on_progress(event: ProgressEvent) -> None:
        if event.status == "done" and event.action:
            print(f"[{event.done}/{event.total}] {event.region}: "
                  f"{describe_action(event.action, lang)}")
        elif event.status == "region_failed" and event.error:  # once per region, not per call
            _err(f"{event.region}: {describe(event.error, lang)}")
    return on_progress


def run(args: argparse.Namespace) -> int:
    """Run one headless command; returns the exit code. Never a traceback: an unexpected
    error is one line here and the traceback goes to the log file."""
    try:
        settings = settings_io.load(Path(args.config))
        window = parse_since(args.since) if args.command == "events" else None
    except SettingsError as exc:
        _err(describe(exc, args.lang))
        return EXIT_USAGE
    try:
        return _run(args, settings, window)
    except ChangeWatchError as exc:
        _err(describe(exc, args.lang))
    except Exception as exc:  # noqa: BLE001 - the user reads a sentence, the log the details
        path = log_unexpected(exc)
        _err(describe(translate(exc), args.lang) + f" ({path})")
    return EXIT_FAILED


def _run(args: argparse.Namespace, settings, window) -> int:
    lang, local = args.lang, LocalState.default()
    if getattr(args, "demo", False):  # everything against the sandbox, whatever the file says
        settings = settings.with_(profile="demo")
    deployed = local.deployed_regions(settings.deployment)
    access = AwsAccess(profile=settings.profile)
    if args.command == "events":
        return run_events(access, settings, window, args)
    if args.command == "remove":
        plan = plan_removal(access, settings.deployment, removal_regions(settings, deployed))
    else:
        plan = make_plan(access, settings, catalog=load_catalog(), also_regions=deployed)
    for line in describe_plan(plan, lang):
        print(line)
    if args.command == "plan":
        return EXIT_FAILED if plan.errors else EXIT_OK
    result = execute(access, plan, _printer(lang))
    local.remember_result(settings.deployment, plan, result)
    if not result.ok:
        failed = ", ".join(r.region for r in result.regions if not r.ok)
        _err({"en": f"Not finished in {failed}. Fix the problem above and run the same "
                    "command again: it continues where it stopped.",
              "ja": f"{failed} で完了していません。上記の問題を解決してから同じコマンドを"
                    "もう一度実行すると、続きから処理します。"}[lang])
        return EXIT_FAILED
    if any(a.kind == "subscribe" for a in result.done):
        print({"en": f"Done. Check {settings.email} and confirm the subscription.",
               "ja": f"完了しました。{settings.email} に届く確認メールのリンクをクリックして"
                     "ください。"}[lang])
    return EXIT_OK
