"""`verify`: one harmless matching change, then each hop of its alert, with the time it passed."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from zoneinfo import ZoneInfo

from aws.catalog import Catalog
from aws.session import AwsAccess
from aws.settings import Settings
from aws.timezone import zone_name
from aws.verify import Verifier, describe, hop_text, interruptible_sleep, passed, plan_verify
from cli.output import EXIT_FAILED, EXIT_OK, EXIT_USAGE, err, out

_ASK = {"en": "Make this change now? [y/N] ", "ja": "この変更を今行いますか？ [y/N] "}
_NO_TERMINAL = {
    "en": "verify makes a real change in your account; add --yes to confirm it without a "
          "terminal.",
    "ja": "verify はアカウントに実際の変更を加えます。"
          "端末なしで実行するには --yes を付けてください。",
}
_NOT_DONE = {"en": "Nothing was changed.", "ja": "何も変更していません。"}
_PASSED = {"en": "Every step passed: the alert reached the inbox.",
           "ja": "すべての段階を通過しました。通知は受信箱に届いています。"}


def run(access: AwsAccess, settings: Settings, catalog: Catalog, args: argparse.Namespace,
        witness=None, cancelled: Callable[[], bool] | None = None) -> int:
    """`witness`: the sandbox's stand-in for CloudTrail under --demo, else None."""
    lang, timeout = args.lang, args.timeout * 60.0
    plan = plan_verify(access, settings, catalog)
    out(describe(plan, lang, timeout))
    if not args.yes:
        if not sys.stdin.isatty():
            err(_NO_TERMINAL[lang])
            return EXIT_USAGE
        if input(_ASK[lang]).strip().lower() not in ("y", "yes", "はい"):
            out(_NOT_DONE[lang])
            return EXIT_FAILED
    zone = ZoneInfo(zone_name(settings.timezone))
    verifier = Verifier(access, plan, timeout=timeout, observer=witness,
                        sleep=interruptible_sleep(cancelled))
    results = verifier.run(
        lambda result: out(hop_text(result, plan, lang, timeout=timeout, zone=zone)), cancelled)
    if passed(results):
        out(_PASSED[lang])
        return EXIT_OK
    return EXIT_FAILED
