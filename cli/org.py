"""`org plan | deploy | status | remove`: an AWS Organization through a StackSet."""

from __future__ import annotations

import argparse
from pathlib import Path

from aws import settings_file as settings_io
from aws.catalog import load_catalog
from aws.errors import ChangeWatchError, SettingsError
from aws.org import config
from aws.org.service import OrgService
from aws.org.text import describe_plan, describe_status, words
from aws.session import AwsAccess
from cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, error, exit_code, one_line, out


def run(args: argparse.Namespace, sandbox=None) -> int:
    """`sandbox`: under --demo, the sandbox, whose demo organization is made on first use."""
    try:
        settings = settings_io.load(Path(args.config))
        org = config.load(Path(args.config))
    except SettingsError as exc:
        error(exc, args.lang)
        return EXIT_USAGE
    if args.demo:
        settings = settings.with_(profile="demo")
        org = config.OrgSettings(**{**org.__dict__, "central_profile": None})
    try:
        if sandbox is not None:
            sandbox.ensure_stackset_organization()
        access = AwsAccess(profile=settings.profile)
        access.sign_in()
        central = AwsAccess(profile=org.central_profile) if org.central_profile else access
        service = OrgService(access, central, settings, org, load_catalog())
        return _act(service, args, settings.deployment)
    except ChangeWatchError as exc:
        error(exc, args.lang)
        return exit_code(exc)


def _act(service: OrgService, args: argparse.Namespace, deployment: str) -> int:
    lang, w = args.lang, words(args.lang)
    plan = service.plan()
    if args.action in ("plan", "deploy"):
        for line in describe_plan(plan, deployment, lang):
            out(one_line(line))
    if args.action == "deploy":
        operation = service.deploy(plan, lambda step: out(w[step]))
        for line in describe_status(service.status(plan), lang, plan.names):
            out(one_line(line))
        if operation.get("Status") != "SUCCEEDED":
            out(w["failed"].format(status=operation.get("Status")))
            return EXIT_FAILED
    if args.action == "status":
        for line in describe_status(service.status(plan), lang, plan.names):
            out(one_line(line))
    if args.action == "remove":
        service.remove(plan, lambda step: out(w[step]))
        out(w["removed"])
    return EXIT_OK
