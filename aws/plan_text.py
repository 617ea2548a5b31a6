"""A plan in words, Japanese or English: the CLI's `plan` and the wizard's review page."""

from __future__ import annotations

from aws.messages import describe
from aws.plan import Action, Plan

_VERBS = {
    "en": {
        "create_topic": "Create SNS topic {name}, tagged, with a policy that lets only "
                        "ChangeWatch's rules publish",
        "update_topic": "Update SNS topic {name} ({reason})",
        "subscribe": "Subscribe {name} to the topic (AWS sends a confirmation email)",
        "unsubscribe": "Unsubscribe {name}",
        "put_rule:create": "Create EventBridge rule {name}",
        "put_rule:update": "Update EventBridge rule {name} ({reason})",
        "put_target:create": "Send rule {name} to the topic with a readable notification",
        "put_target:update": "Update the notification of rule {name}",
        "delete_rule": "Delete EventBridge rule {name} (targets first)",
        "delete_topic": "Delete SNS topic {name} and its subscriptions",
    },
    "ja": {
        "create_topic": "SNS トピック {name} を作成（タグ付き、ChangeWatch のルールだけが発行できる"
                        "ポリシー）",
        "update_topic": "SNS トピック {name} を更新（{reason}）",
        "subscribe": "{name} をトピックに登録（AWS から確認メールが届きます）",
        "unsubscribe": "{name} の登録を解除",
        "put_rule:create": "EventBridge ルール {name} を作成",
        "put_rule:update": "EventBridge ルール {name} を更新（{reason}）",
        "put_target:create": "ルール {name} の通知先をトピックに設定（読みやすい通知文）",
        "put_target:update": "ルール {name} の通知文を更新",
        "delete_rule": "EventBridge ルール {name} を削除（ターゲットを先に外します）",
        "delete_topic": "SNS トピック {name} とその登録を削除",
    },
}
_WORDS = {
    "en": {"nothing": "Nothing to change.", "region": "Region {region}:",
           "failed": "  Cannot plan: {error}", "summary": "{n} change(s) in {r} region(s)."},
    "ja": {"nothing": "変更はありません。", "region": "リージョン {region}:",
           "failed": "  計画できません: {error}", "summary": "{r} リージョンで {n} 件の変更。"},
}


def describe_action(action: Action, lang: str = "en") -> str:
    verbs = _VERBS.get(lang, _VERBS["en"])
    template = verbs.get(f"{action.kind}:{action.change}") or verbs[action.kind]
    return template.format(name=action.name, reason=action.reason)


def describe_plan(plan: Plan, lang: str = "en") -> list[str]:
    words = _WORDS.get(lang, _WORDS["en"])
    lines: list[str] = []
    for region in plan.regions:
        if not region.actions and not region.error:
            continue
        lines.append(words["region"].format(region=region.region))
        if region.error:
            lines.append(words["failed"].format(error=describe(region.error, lang)))
        marks = {"create": "+", "update": "~", "delete": "-"}
        lines += [f"  {marks[a.change]} {describe_action(a, lang)}" for a in region.actions]
    if not plan.actions and not plan.errors:
        return [words["nothing"]]
    touched = len({a.region for a in plan.actions})
    lines.append(words["summary"].format(n=len(plan.actions), r=touched))
    return lines
