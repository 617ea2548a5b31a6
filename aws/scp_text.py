"""What each SCP statement prevents, in Japanese and English (for `scp show` and the dialog)."""

from __future__ import annotations

from aws.scp import SCP_LIMIT, Guard, ScpPolicy

PREVENTS: dict[Guard, dict[str, str]] = {
    Guard.RECORDER: {
        "en": "Stopping, deleting or replacing the AWS Config recorder and delivery channel",
        "ja": "AWS Config のレコーダーと配信チャネルの停止・削除・置き換え",
    },
    Guard.CONFIG_RULES: {
        "en": "Deleting or changing this deployment's AWS Config rules, or erasing their "
              "results",
        "ja": "このデプロイの AWS Config ルールの削除・変更、評価結果の消去",
    },
    Guard.CONFIG_TAGS: {
        "en": "Removing or changing the changewatch:deployment tag that marks those rules",
        "ja": "それらのルールを示す changewatch:deployment タグの削除・変更",
    },
    Guard.TRAILS: {
        "en": "Stopping, deleting or reconfiguring CloudTrail trails and their event "
              "selectors",
        "ja": "CloudTrail 証跡の停止・削除・設定変更とイベントセレクターの変更",
    },
    Guard.EVENT_RULES: {
        "en": "Deleting, disabling or changing ChangeWatch's EventBridge rules and targets",
        "ja": "ChangeWatch の EventBridge ルールとターゲットの削除・無効化・変更",
    },
    Guard.TOPIC: {
        "en": "Deleting ChangeWatch's SNS topic, changing its policy, or unsubscribing the "
              "inbox",
        "ja": "ChangeWatch の SNS トピックの削除・ポリシー変更、受信箱の購読解除",
    },
    Guard.FORMATTER: {
        "en": "Deleting or changing the Step Functions formatter that writes the emails",
        "ja": "通知メールを作る Step Functions フォーマッターの削除・変更",
    },
    Guard.ROLES: {
        "en": "Deleting or changing ChangeWatch's IAM roles (path /changewatch/)",
        "ja": "ChangeWatch の IAM ロール（パス /changewatch/）の削除・変更",
    },
}

_EXEMPT = {
    "en": "Except for principals matching: {roles}",
    "ja": "次に一致するプリンシパルは除外: {roles}",
}
_SIZE = {
    "en": "{size} of {limit} characters ({percent} %), minified as AWS counts it",
    "ja": "{limit} 文字中 {size} 文字（{percent} %、AWS が数える圧縮後の長さ）",
}
# Facts that bite: say them where the policy is shown, not after it was attached.
NOTES = {
    "en": ("SCPs never restrict the management account, and never restrict service-linked "
           "roles.",
           "Whoever runs changewatch apply or remove must match an admin role pattern, or "
           "those commands are denied too."),
    "ja": ("SCP は管理アカウントとサービスリンクロールには一切適用されません。",
           "changewatch apply / remove を実行する人も管理者ロールのパターンに一致している"
           "必要があります。一致しないとそれらのコマンドも拒否されます。"),
}


def prevents(guard: Guard, lang: str) -> str:
    words = PREVENTS[guard]
    return words.get(lang, words["en"])


def exempt_line(policy: ScpPolicy, lang: str) -> str:
    return _EXEMPT.get(lang, _EXEMPT["en"]).format(roles=", ".join(policy.admin_roles))


def size_line(policy: ScpPolicy, lang: str) -> str:
    return _SIZE.get(lang, _SIZE["en"]).format(
        size=policy.size, limit=SCP_LIMIT, percent=round(100 * policy.size / SCP_LIMIT))


def explain(policy: ScpPolicy, lang: str) -> list[str]:
    """One line per statement (Sid: what it prevents), then who is exempt, size and notes."""
    lines = [f"{s.guard}: {prevents(s.guard, lang)}" for s in policy.statements]
    lines += [exempt_line(policy, lang), size_line(policy, lang)]
    lines += list(NOTES.get(lang, NOTES["en"]))
    return lines
