"""The command line: no command opens the app; a command runs headless."""

from __future__ import annotations

import argparse
import locale
import os

from cli import __version__

COMMANDS = (
    ("plan", "show what apply would change; changes nothing"),
    ("apply", "make AWS match the settings; safe to re-run"),
    ("remove", "remove everything this deployment made, in every region"),
    ("events", "print recent matching CloudTrail events"),
    ("verify", "make one harmless matching change and follow its alert to the inbox"),
    ("preview", "print the email the settings would send for one event"),
)


def default_lang() -> str:
    name = os.environ.get("LC_ALL") or os.environ.get("LANG") or (locale.getlocale()[0] or "")
    return "ja" if name.lower().startswith("ja") else "en"


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="changewatch",
        description="Email an AWS admin the moment someone changes what must not change.")
    top.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    top.add_argument("--demo", action="store_true",
                     help="run against the built-in sandbox (no AWS account needed)")
    top.add_argument("--demo-reset", action="store_true",
                     help="with --demo: start the sandbox empty (forget earlier demo commands)")
    top.add_argument("--lang", choices=("ja", "en"), default=None,
                     help="language of messages (default: remembered, else the locale)")
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS,
                      help="language of messages (default: from the system locale)")
    commands = top.add_subparsers(dest="command")
    for name, text in COMMANDS:
        sub = commands.add_parser(name, help=text, parents=[lang])
        sub.add_argument("--config", required=True, metavar="FILE", help="settings TOML file")
        if name == "events":
            sub.add_argument("--since", default="24h", help="window: 1h, 24h, 7d, 90d")
            sub.add_argument("--json", action="store_true", help="one JSON object per line")
            sub.add_argument("--scan-pages", type=_pages, default=100, metavar="N",
                             help="pages of 50 events each query reads at most (0: no limit)")
        if name == "verify":
            sub.add_argument("--yes", action="store_true", help="make the change without asking")
            sub.add_argument("--timeout", type=_minutes, default=10, metavar="MINUTES",
                             help="how long to follow the alert (default 10)")
        if name in ("plan", "apply"):
            sub.add_argument("--enable-config", action="store_true",
                             help="allow turning AWS Config on where the compliance rules need "
                                  "it (billed per configuration item recorded)")
        if name == "remove":
            sub.add_argument("--stop-config", action="store_true",
                             help="also stop and delete an AWS Config recorder ChangeWatch "
                                  "started (one it did not start is never touched)")
        if name == "preview":
            sub.add_argument("--event", required=True, metavar="FILE",
                             help="an EventBridge event or a CloudTrail record (JSON)")
    catalog = commands.add_parser("catalog", parents=[lang],
                                  help="list the watchable groups and APIs (ids for `watch`)")
    catalog.add_argument("--json", action="store_true", help="one JSON object per group")
    export = commands.add_parser("export", parents=[lang],
                                 help="write the setup as CloudFormation templates")
    export.add_argument("--config", required=True, metavar="FILE", help="settings TOML file")
    export.add_argument("--format", choices=("cloudformation",), default="cloudformation",
                        help="the template format (cloudformation)")
    export.add_argument("--out", required=True, metavar="DIR",
                        help="the folder for the templates and DEPLOY.md")
    org = commands.add_parser("org", parents=[lang],
                              help="an AWS Organization through StackSets: plan | deploy | "
                                   "status | remove")
    org.add_argument("action", choices=("plan", "deploy", "status", "remove"))
    org.add_argument("--config", required=True, metavar="FILE", help="settings TOML file")
    _add_scp(commands, lang)
    return top


SCP_COMMANDS = (
    ("show", "print the guarding SCP and what each statement prevents"),
    ("export", "write the SCP's JSON to a file"),
    ("targets", "list the organization's root, OUs and accounts, and where the SCP is"),
    ("attach", "create or update the SCP and attach it to a root, OU or account"),
    ("detach", "detach the SCP from its target (or every target); keep the policy"),
    ("remove", "detach the SCP from every target and delete it"),
)


def _add_scp(commands, lang: argparse.ArgumentParser) -> None:
    """`scp <action>`: the service control policy that guards the deployment."""
    scp = commands.add_parser("scp", help="a service control policy that guards the watching")
    actions = scp.add_subparsers(dest="scp_command", required=True)
    for name, text in SCP_COMMANDS:
        sub = actions.add_parser(name, help=text, parents=[lang])
        sub.add_argument("--config", required=True, metavar="FILE", help="settings TOML file")
        if name == "show":
            sub.add_argument("--json", action="store_true", help="the policy and its words")
        if name == "export":
            sub.add_argument("--out", required=True, metavar="FILE", help="where to write it")
        if name in ("attach", "detach"):
            sub.add_argument("--target", metavar="ID", default=None,
                             help="r-…, ou-… or an account id (default: [scp] target)")
        if name in ("attach", "detach", "remove"):
            sub.add_argument("--yes", action="store_true", help="change without asking")


def _pages(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of pages: {text!r}")
    return int(text)


def _minutes(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 60:
        raise argparse.ArgumentTypeError("a whole number of minutes from 1 to 60")
    return int(text)


def parse(argv: list[str]) -> argparse.Namespace:
    args = parser().parse_args(argv)
    args.lang_given = args.lang is not None  # the GUI remembers an explicit choice
    args.lang = args.lang or default_lang()
    return args
