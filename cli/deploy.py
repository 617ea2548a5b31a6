"""`plan`, `apply` and `remove`: the deployment service with a printing callback."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from aws.deployment import DeploymentService
from aws.errors import Cancelled, is_cancelled
from aws.exception_text import in_force
from aws.execute import Result
from aws.instructions import Subscribe
from aws.plan_text import describe_confirmations, describe_plan, describe_search
from aws.scp_plan_text import leftover_sentence
from aws.settings import Settings
from cli.output import (
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_OK,
    err,
    error,
    one_line,
    out,
    progress_printer,
    shorten,
)

_NOT_FINISHED = {
    "en": "Not finished in {regions}. Fix the problem above and run the same command again: it "
          "continues where it stopped.",
    "ja": "{regions} で完了していません。上記の問題を解決してから同じコマンドをもう一度実行すると、"
          "続きから処理します。",
}
_DONE = {"en": "Done.", "ja": "完了しました。"}


def run(service: DeploymentService, settings: Settings, args: argparse.Namespace,
        cancelled: Callable[[], bool] | None = None) -> int:
    lang = args.lang
    if getattr(args, "enable_config", False):  # the flag is the user's yes, like the setting
        settings = settings.with_(enable_config=True)
    if args.command == "remove":
        plan = service.removal_plan(settings.deployment, settings, cancelled=cancelled,
                                    stop_config=getattr(args, "stop_config", False))
        out(describe_search(plan, lang))
    else:
        plan = service.plan(settings, cancelled=cancelled)
    for line in describe_plan(plan, lang, settings.email):
        out(one_line(line))
    if args.command != "remove":
        for line in in_force(settings.exceptions, service.catalog, lang):
            out(one_line(line))
    if args.command == "plan":
        return EXIT_FAILED if plan.errors else EXIT_OK
    result = service.execute(plan, on_progress=progress_printer(lang), cancelled=cancelled)
    code = _finish(result, settings, lang)
    if args.command == "remove" and code == EXIT_OK:
        _say_leftover_scp(service, settings.deployment, args.config, lang, cancelled)
    return code


def _say_leftover_scp(service: DeploymentService, deployment: str, config: str, lang: str,
                      cancelled: Callable[[], bool] | None) -> None:
    """remove leaves the guarding SCP (the management account detaches it): say so."""
    found = service.leftover_scp(deployment, cancelled)
    if found is not None:
        out(one_line(leftover_sentence(found.name, found.id, found.targets, config, lang)))


def _finish(result: Result, settings: Settings, lang: str) -> int:
    if any(is_cancelled(r.error) for r in result.regions):  # Ctrl-C: recorded, one sentence
        error(Cancelled(), lang)
        return EXIT_INTERRUPTED
    if not result.ok:
        err(_NOT_FINISHED[lang].format(regions=shorten(result.unfinished, lang)))
        return EXIT_FAILED
    sent = [step.region for step in result.done if isinstance(step, Subscribe)]
    out(" ".join([_DONE[lang], describe_confirmations(sent, settings.email, lang)])
        if sent else _DONE[lang])
    return EXIT_OK
