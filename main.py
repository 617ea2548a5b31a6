"""ChangeWatch: no command opens the app; plan | apply | remove | events run headless."""

from __future__ import annotations

import argparse
import locale
import os
import sys


def _default_lang() -> str:
    name = os.environ.get("LC_ALL") or os.environ.get("LANG") or (locale.getlocale()[0] or "")
    return "ja" if name.lower().startswith("ja") else "en"


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="changewatch",
        description="Email an AWS admin the moment someone changes what must not change.",
    )
    parser.add_argument("--demo", action="store_true",
                        help="run against the built-in sandbox (no AWS account needed)")
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=("ja", "en"), default=argparse.SUPPRESS,
                      help="language of messages (default: from the system locale)")
    parser.add_argument("--lang", choices=("ja", "en"), default=None,
                        help="language of messages (default: remembered, else the locale)")
    commands = parser.add_subparsers(dest="command")
    for name, text in (("plan", "show what apply would change; changes nothing"),
                       ("apply", "make AWS match the settings; safe to re-run"),
                       ("remove", "remove everything ChangeWatch made in those regions"),
                       ("events", "print recent matching CloudTrail events")):
        sub = commands.add_parser(name, help=text, parents=[lang])
        sub.add_argument("--config", required=True, metavar="FILE", help="settings TOML file")
        if name == "events":
            sub.add_argument("--since", default="24h", help="window: 1h, 24h, 7d, 90d")
            sub.add_argument("--json", action="store_true", help="one JSON object per line")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    args.lang_given = args.lang is not None  # the GUI remembers an explicit choice
    args.lang = args.lang or _default_lang()
    if args.command:
        from headless import run

        if args.demo:
            from sandbox.demo import start_sandbox

            start_sandbox()
        return run(args)
    from gui.app import run_gui  # Qt only when a window is wanted

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
