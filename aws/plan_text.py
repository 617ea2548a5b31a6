"""A plan in words, Japanese or English: the CLI's `plan`, the review page, the create log."""

from __future__ import annotations

from collections.abc import Iterable

from aws.instructions import (
    Change,
    CreateTopic,
    DeleteRule,
    DeleteTopic,
    Differs,
    Instruction,
    PutRule,
    PutTarget,
    Subscribe,
    Unsubscribe,
    UpdateTopic,
)
from aws.messages import describe
from aws.plan import Plan

# (instruction class, change) -> {lang: template}; {name} is the subject, {differs} the reasons.
_STEPS: dict[tuple[type, Change], dict[str, str]] = {
    (CreateTopic, Change.CREATE): {
        "en": "Create SNS topic {name}, tagged, with a policy that lets only ChangeWatch's "
              "rules publish",
        "ja": "SNS トピック {name} を作成（タグ付き、ChangeWatch のルールだけが発行できる"
              "ポリシー）"},
    (UpdateTopic, Change.UPDATE): {
        "en": "Update SNS topic {name} ({differs})",
        "ja": "SNS トピック {name} を更新（{differs}）"},
    (Subscribe, Change.CREATE): {
        "en": "Subscribe {name} to the topic (AWS sends a confirmation email)",
        "ja": "{name} をトピックに登録（AWS から確認メールが届きます）"},
    (Unsubscribe, Change.DELETE): {
        "en": "Unsubscribe {name}",
        "ja": "{name} の登録を解除"},
    (PutRule, Change.CREATE): {
        "en": "Create EventBridge rule {name}",
        "ja": "EventBridge ルール {name} を作成"},
    (PutRule, Change.UPDATE): {
        "en": "Update EventBridge rule {name} ({differs})",
        "ja": "EventBridge ルール {name} を更新（{differs}）"},
    (PutTarget, Change.CREATE): {
        "en": "Send rule {name} to the topic with a readable notification",
        "ja": "ルール {name} の通知先をトピックに設定（読みやすい通知文）"},
    (PutTarget, Change.UPDATE): {
        "en": "Update the notification of rule {name}",
        "ja": "ルール {name} の通知文を更新"},
    (DeleteRule, Change.DELETE): {
        "en": "Delete EventBridge rule {name} (targets first)",
        "ja": "EventBridge ルール {name} を削除（ターゲットを先に外します）"},
    (DeleteTopic, Change.DELETE): {
        "en": "Delete SNS topic {name} and its subscriptions",
        "ja": "SNS トピック {name} とその登録を削除"},
}
DIFFERS: dict[Differs, dict[str, str]] = {
    Differs.PATTERN: {"en": "its event pattern", "ja": "イベントパターン"},
    Differs.STATE: {"en": "its state (for example disabled)", "ja": "状態（無効化など）"},
    Differs.DESCRIPTION: {"en": "its description", "ja": "説明"},
    Differs.DISPLAY_NAME: {"en": "its display name", "ja": "表示名"},
    Differs.POLICY: {"en": "its access policy (for example widened)",
                     "ja": "アクセスポリシー（権限の拡大など）"},
    Differs.KMS_KEY: {"en": "its encryption key", "ja": "暗号化キー"},
    Differs.TARGET: {"en": "it sends elsewhere or another text",
                     "ja": "通知先または通知文が異なる"},
}
_WORDS = {
    "en": {"nothing": "Nothing to change.", "region": "Region {region}:",
           "failed": "  Cannot plan: {error}", "summary": "{n} change(s) in {r} region(s).",
           "sep": ", "},
    "ja": {"nothing": "変更はありません。", "region": "リージョン {region}:",
           "failed": "  計画できません: {error}", "summary": "{r} リージョンで {n} 件の変更。",
           "sep": "、"},
}
_MARKS = {Change.CREATE: "+", Change.UPDATE: "~", Change.DELETE: "-"}


def _lang(lang: str) -> str:
    return lang if lang in _WORDS else "en"


def describe_differs(differs: Iterable[Differs], lang: str = "en") -> str:
    lang = _lang(lang)
    return _WORDS[lang]["sep"].join(DIFFERS[d][lang] for d in differs)


def describe_instruction(step: Instruction, lang: str = "en") -> str:
    lang = _lang(lang)
    template = _STEPS[(type(step), step.change)][lang]
    return template.format(name=step.subject,
                           differs=describe_differs(getattr(step, "differs", ()), lang))


def describe_plan(plan: Plan, lang: str = "en") -> list[str]:
    words = _WORDS[_lang(lang)]
    lines: list[str] = []
    for region in plan.regions:
        if not region.instructions and not region.error:
            continue
        lines.append(words["region"].format(region=region.region))
        if region.error:
            lines.append(words["failed"].format(error=describe(region.error, lang)))
        lines += [f"  {_MARKS[s.change]} {describe_instruction(s, lang)}"
                  for s in region.instructions]
    if not plan.instructions and not plan.errors:
        return [words["nothing"]]
    lines.append(words["summary"].format(n=len(plan.instructions), r=len(plan.touched_regions)))
    return lines
