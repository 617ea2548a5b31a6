"""A plan in words, Japanese or English: the CLI's `plan`, the review page, the create log."""

from __future__ import annotations

from collections.abc import Iterable

from aws.compliance import text as compliance_text
from aws.instructions import (
    IAM_SCOPE,
    Change,
    CreateTopic,
    DeleteRole,
    DeleteRule,
    DeleteStateMachine,
    DeleteTopic,
    Differs,
    Instruction,
    PutRole,
    PutRule,
    PutStateMachine,
    PutTarget,
    RemoveTargets,
    Subscribe,
    Unsubscribe,
    UpdateTopic,
)
from aws.messages import describe
from aws.names import FORMATTER_TARGET, FORWARD_TARGET, TAG_KEY
from aws.plan import Plan

# (instruction class, change) -> {lang: template}; {name} is the subject, {differs} the reasons.
# A rule's target says where it sends: the topic, the formatter, or the home region.
_TARGETS: dict[str, dict[str, str]] = {
    FORMATTER_TARGET: {"en": "Send rule {name} to the email formatter",
                       "ja": "ルール {name} の通知先を通知文の整形に設定"},
    FORWARD_TARGET: {"en": "Forward rule {name}'s events to {home} (one inbox)",
                     "ja": "ルール {name} のイベントを {home} に転送（1 つの受信箱）"},
}
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
    (RemoveTargets, Change.DELETE): {
        "en": "Remove the old notification target of rule {name}",
        "ja": "ルール {name} の古い通知先を削除"},
    (PutRole, Change.CREATE): {
        "en": "Create IAM role {name} (one permission, for this deployment only)",
        "ja": "IAM ロール {name} を作成（このデプロイ専用、権限は 1 つだけ）"},
    (PutRole, Change.UPDATE): {
        "en": "Update IAM role {name} ({differs})",
        "ja": "IAM ロール {name} を更新（{differs}）"},
    (DeleteRole, Change.DELETE): {
        "en": "Delete IAM role {name}",
        "ja": "IAM ロール {name} を削除"},
    (PutStateMachine, Change.CREATE): {
        "en": "Create the email formatter {name} (Step Functions Express, no Lambda)",
        "ja": "通知文の整形 {name} を作成（Step Functions Express、Lambda なし）"},
    (PutStateMachine, Change.UPDATE): {
        "en": "Update the email formatter {name} ({differs})",
        "ja": "通知文の整形 {name} を更新（{differs}）"},
    (DeleteStateMachine, Change.DELETE): {
        "en": "Delete the email formatter {name}",
        "ja": "通知文の整形 {name} を削除"},
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
    Differs.TRUST: {"en": "who may assume it", "ja": "引き受け可能なプリンシパル"},
    Differs.PERMISSIONS: {"en": "its permissions", "ja": "権限"},
    Differs.DEFINITION: {"en": "its email text", "ja": "通知文の定義"},
    Differs.ROLE: {"en": "its role", "ja": "ロール"},
}
_STEPS.update(compliance_text.STEPS)  # AWS Config rules, remediation, the recorder
DIFFERS.update(compliance_text.DIFFERS)  # type: ignore[arg-type]
_WORDS = {
    "en": {"nothing": "Nothing to change.", "region": "Region {region}:",
           "looked": "Looked for resources tagged {tag} = {deployment} in {n} region(s) and "
                     "IAM: {regions}.",
           "iam": "IAM (global):",
           "failed": "  Cannot plan: {error}",
           "summary": "{n} change(s) in {r} region(s) (details below).",
           "sep": ", "},
    "ja": {"nothing": "変更はありません。", "region": "リージョン {region}:",
           "looked": "タグ {tag} = {deployment} のリソースを {n} リージョンと IAM で探しました: "
                     "{regions}。",
           "iam": "IAM（グローバル）:",
           "failed": "  計画できません: {error}",
           "summary": "{r} リージョンで {n} 件の変更（詳細は以下）。",
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
    home = ""
    if isinstance(step, PutTarget) and step.rule.target.id in _TARGETS and not step.replaces:
        template = _TARGETS[step.rule.target.id][lang]
        home = step.rule.target.arn.split(":")[3]
    return template.format(name=step.subject, home=home,
                           differs=describe_differs(getattr(step, "differs", ()), lang))


_CONFIRM = {
    "en": {0: "No confirmation email: the subscription exists already.",
           1: "AWS will send 1 confirmation email to {email}, from {regions}: click the link in "
              "it within 48 hours to start receiving notifications.",
           "n": "AWS will send {n} confirmation emails to {email}, one from each of {regions}: "
                "click the link in each within 48 hours."},
    "ja": {0: "確認メールは届きません（登録済みです）。",
           1: "{email} に確認メールが 1 通届きます（{regions} から）。48 時間以内にメール内の"
              "リンクをクリックすると通知が届くようになります。",
           "n": "{email} に確認メールが {n} 通届きます（{regions} からそれぞれ 1 通）。48 時間"
                "以内にそれぞれのリンクをクリックしてください。"},
}


def describe_confirmations(regions: Iterable[str], email: str, lang: str = "en") -> str:
    """How many confirmation emails a run sends, from where, and what to do with them."""
    regions = tuple(dict.fromkeys(regions))
    words = _CONFIRM[_lang(lang)]
    template = words[len(regions)] if len(regions) < 2 else words["n"]
    return template.format(n=len(regions), email=email, regions=", ".join(regions))


def describe_plan(plan: Plan, lang: str = "en", email: str = "") -> list[str]:
    """The summary first (changes, confirmation emails), then the steps per region."""
    words = _WORDS[_lang(lang)]
    notes = [compliance_text.describe_note(n, lang) for n in plan.notes]
    if not plan.instructions and not plan.errors:
        return [words["nothing"], *notes]
    lines = [words["summary"].format(n=len(plan.instructions), r=len(plan.touched_regions))]
    subscribing = [s.region for s in plan.instructions if isinstance(s, Subscribe)]
    if subscribing:
        lines.append(describe_confirmations(subscribing, email or subscribing_email(plan),
                                            lang))
    for region in (plan.iam, *plan.regions):
        if not region.instructions and not region.error:
            continue
        lines.append(words["iam"] if region.region == IAM_SCOPE
                     else words["region"].format(region=region.region))
        if region.error:
            lines.append(words["failed"].format(error=describe(region.error, lang)))
        lines += [f"  {_MARKS[s.change]} {describe_instruction(s, lang)}"
                  for s in region.instructions]
    return lines + notes


def describe_search(plan: Plan, lang: str = "en") -> str:
    """Where a removal looked (it finds its resources by tag, wherever they are)."""
    regions = [r.region for r in plan.regions]
    return _WORDS[_lang(lang)]["looked"].format(tag=TAG_KEY, deployment=plan.deployment,
                                                n=len(regions), regions=", ".join(regions))


def subscribing_email(plan: Plan) -> str:
    return next((s.email for s in plan.instructions if isinstance(s, Subscribe)), "")
