"""`scp show|export|attach|detach|remove`: the deployment's guarding SCP, shown before it is
sent; attaching and detaching change nothing without --yes or a "y" on the terminal."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from aws import organizations as orgs
from aws import settings_file as settings_io
from aws.errors import Cancelled, ChangeWatchError, SettingsError, translate
from aws.localstate import log_unexpected
from aws.org_tree import OrgTarget
from aws.scp import SCP_LIMIT, ScpPolicy, build_policy
from aws.scp_plan import ScpPlan
from aws.scp_plan_text import plan_lines, target_text
from aws.scp_settings import check_target
from aws.scp_text import explain, prevents
from aws.session import AwsAccess
from aws.settings import Settings
from cli.output import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    err,
    error,
    exit_code,
    out,
)

_ASK = {"en": "Make these changes now? [y/N] ", "ja": "これらの変更を今行いますか？ [y/N] "}
_NO_TERMINAL = {
    "en": "scp {command} changes where a service control policy applies in your "
          "organization; add --yes to confirm it without a terminal.",
    "ja": "scp {command} は組織のサービスコントロールポリシーの適用先を変更します。"
          "端末なしで実行するには --yes を付けてください。",
}
_NO_TARGET = {
    "en": "Say where to attach the SCP: --target r-…, ou-… or an account id, or "
          "[scp] target in the settings.",
    "ja": "SCP の適用先を指定してください: --target r-…・ou-…・アカウント ID、"
          "または設定の [scp] target。",
}
_NOT_DONE = {"en": "Nothing was changed.", "ja": "何も変更していません。"}
_DONE = {"en": "Done: {count} step(s).", "ja": "完了: {count} 件。"}
_WROTE = {"en": "Wrote {path} ({size} of {limit} characters, as AWS counts them).",
          "ja": "{path} に書き出しました（AWS の数え方で {limit} 文字中 {size} 文字）。"}


def main(args: argparse.Namespace, sandbox=None) -> int:
    """Load the settings (exit 2 if bad), then run; never a traceback. `sandbox`: under
    --demo, the sandbox, whose demo organization is made on first use."""
    try:
        settings = settings_io.load(Path(args.config))
    except SettingsError as exc:
        error(exc, args.lang)
        return EXIT_USAGE
    if args.demo:  # everything against the sandbox, whatever the file says
        settings = settings.with_(profile="demo")
    try:
        if sandbox is not None and args.scp_command not in ("show", "export"):
            sandbox.ensure_organization()
        return run(settings, args)
    except KeyboardInterrupt:  # at the question, or between two calls
        error(Cancelled(), args.lang)
        return EXIT_INTERRUPTED
    except Exception as exc:  # noqa: BLE001 - the user reads a sentence, the log the details
        error(translate(exc), args.lang, f" ({log_unexpected(exc)})")
        return EXIT_FAILED


def run(settings: Settings, args: argparse.Namespace) -> int:
    try:
        policy = build_policy(settings.deployment, settings.scp.admin_roles)
        if args.scp_command == "show":
            return _show(policy, args)
        if args.scp_command == "export":
            return _export(policy, args)
        access = AwsAccess(profile=settings.profile)
        access.sign_in()
        if args.scp_command == "targets":
            return _targets(access, settings, args)
        return _change(access, policy, settings, args)
    except SettingsError as exc:
        error(exc, args.lang)
        return EXIT_USAGE
    except ChangeWatchError as exc:
        error(exc, args.lang)
        return exit_code(exc)


def _show(policy: ScpPolicy, args: argparse.Namespace) -> int:
    if args.json:
        out(json.dumps({
            "name": policy.name, "size": policy.size, "limit": SCP_LIMIT,
            "statements": [{"sid": str(s.guard), "prevents": prevents(s.guard, args.lang)}
                           for s in policy.statements],
            "policy": policy.document}, ensure_ascii=False, indent=2))
        return EXIT_OK
    out(policy.pretty)
    out("")
    for line in explain(policy, args.lang):
        out(line)
    return EXIT_OK


def _export(policy: ScpPolicy, args: argparse.Namespace) -> int:
    """The exact content ChangeWatch would send (minified: the size AWS checks)."""
    path = Path(args.out)
    path.write_text(policy.content + "\n", encoding="utf-8")
    out(_WROTE[args.lang].format(path=path, size=policy.size, limit=SCP_LIMIT))
    return EXIT_OK


def _targets(access: AwsAccess, settings: Settings, args: argparse.Namespace) -> int:
    """The tree, indented, with the deployment's SCP marked where it is attached."""
    state = orgs.scp_state(access, settings.deployment)
    attached = state.policy.targets if state.policy else ()

    def show(target: OrgTarget, depth: int) -> None:
        mark = f"  [{state.policy.name}]" if target.id in attached and state.policy else ""
        out(f"{'  ' * depth}{target_text(target, args.lang)}{mark}")
        for child in target.children:
            show(child, depth + 1)

    show(state.organization.root, 0)
    return EXIT_OK


def _plan(access: AwsAccess, policy: ScpPolicy, settings: Settings,
          args: argparse.Namespace) -> ScpPlan | None:
    target = getattr(args, "target", None) or settings.scp.target
    if args.scp_command == "attach":
        if not target:
            err(_NO_TARGET[args.lang])
            return None
        return orgs.attach_plan(access, policy, target)
    if args.scp_command == "detach":
        return orgs.detach_plan(access, settings.deployment, target)
    return orgs.detach_plan(access, settings.deployment, delete=True)


def _change(access: AwsAccess, policy: ScpPolicy, settings: Settings,
            args: argparse.Namespace) -> int:
    if getattr(args, "target", None):
        check_target(args.target)  # a typo is refused before any AWS call
    plan = _plan(access, policy, settings, args)
    if plan is None:
        return EXIT_USAGE
    for line in plan_lines(plan, args.lang):
        out(line)
    if plan.empty:
        return EXIT_OK
    if not args.yes:
        if not sys.stdin.isatty():
            err(_NO_TERMINAL[args.lang].format(command=args.scp_command))
            return EXIT_USAGE
        if input(_ASK[args.lang]).strip().lower() not in ("y", "yes", "はい"):
            out(_NOT_DONE[args.lang])
            return EXIT_FAILED
    done = orgs.execute(access, plan, confirmed=True)
    out(_DONE[args.lang].format(count=len(done)))
    return EXIT_OK
