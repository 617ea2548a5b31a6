"""Why settings or input were refused, as data (a reason + its values) worded in ja and en.

A SettingsError carries a Refusal and its parameters; aws/messages.py words it in the language
the user chose, so a Japanese frame never wraps an English reason.
"""

from __future__ import annotations

from enum import StrEnum


class Refusal(StrEnum):
    BAD_EMAIL = "bad_email"
    NO_REGIONS = "no_regions"
    UNKNOWN_REGION = "unknown_region"
    REGION_TWICE = "region_twice"
    HOME_NOT_CHOSEN = "home_not_chosen"
    BAD_LANGUAGE = "bad_language"
    BAD_DEPLOYMENT = "bad_deployment"
    NOTHING_TO_WATCH = "nothing_to_watch"
    UNKNOWN_WATCH = "unknown_watch"
    BAD_CHOICE = "bad_choice"
    RICH_NEEDS_HOME = "rich_needs_home"
    BAD_TIMEZONE = "bad_timezone"
    AWS_MANAGED_KEY = "aws_managed_key"
    KMS_UNKNOWN_REGION = "kms_unknown_region"
    UNKNOWN_SETTING = "unknown_setting"
    NOT_A_LIST = "not_a_list"
    NOT_A_STRING = "not_a_string"
    NOT_TABLES = "not_tables"
    NOT_A_KEY_TABLE = "not_a_key_table"
    UNREADABLE = "unreadable"
    NOT_UTF8 = "not_utf8"
    NOT_TOML = "not_toml"
    TOO_DEEP = "too_deep"
    REGION_NOT_ENABLED = "region_not_enabled"
    UNKNOWN_COMPLIANCE = "unknown_compliance"
    COMPLIANCE_TWICE = "compliance_twice"
    NOT_A_BOOL = "not_a_bool"
    CONFIG_STOPPED = "config_stopped"
    CONFIG_NO_CHANNEL = "config_no_channel"
    CONFIG_NOT_COVERING = "config_not_covering"
    SCP_NO_ADMIN = "scp_no_admin"
    SCP_TOO_LONG = "scp_too_long"
    SCP_BAD_ADMIN = "scp_bad_admin"
    SCP_ADMIN_TOO_BROAD = "scp_admin_too_broad"
    SCP_BAD_TARGET = "scp_bad_target"
    SCP_NOT_A_TABLE = "scp_not_a_table"


WORDS: dict[Refusal, dict[str, str]] = {
    Refusal.BAD_EMAIL: {
        "en": "“{email}” is not a valid email address",
        "ja": "“{email}” は有効なメールアドレスではありません",
    },
    Refusal.NO_REGIONS: {
        "en": "no regions are chosen; list at least one in `regions`",
        "ja": "リージョンが選ばれていません。`regions` に 1 つ以上書いてください",
    },
    Refusal.UNKNOWN_REGION: {
        "en": "unknown region {regions}",
        "ja": "{regions} というリージョンはありません",
    },
    Refusal.REGION_TWICE: {
        "en": "a region is listed twice in `regions`",
        "ja": "`regions` に同じリージョンが 2 回書かれています",
    },
    Refusal.HOME_NOT_CHOSEN: {
        "en": "home_region {region} must be one of `regions`",
        "ja": "home_region の {region} は `regions` のいずれかにしてください",
    },
    Refusal.BAD_LANGUAGE: {
        "en": "language must be “ja” or “en”, not “{value}”",
        "ja": "language は “ja” か “en” にしてください（“{value}” は使えません）",
    },
    Refusal.BAD_DEPLOYMENT: {
        "en": "deployment must be 1-32 lowercase letters, digits or dashes, not “{value}”",
        "ja": "deployment は英小文字・数字・ダッシュ 1〜32 文字にしてください（“{value}” "
              "は使えません）",
    },
    Refusal.NOTHING_TO_WATCH: {
        "en": "nothing is selected to watch",
        "ja": "監視対象が選ばれていません",
    },
    Refusal.UNKNOWN_WATCH: {
        "en": "unknown watch id “{value}”{suggestion}",
        "ja": "“{value}” という監視 ID はありません{suggestion}",
    },
    Refusal.BAD_CHOICE: {
        "en": "{key} must be {allowed}, not “{value}”",
        "ja": "{key} は {allowed} のいずれかにしてください（“{value}” は使えません）",
    },
    Refusal.RICH_NEEDS_HOME: {
        "en": "rich notifications need IAM roles, which per-region delivery is for avoiding; "
              "set notifications = \"simple\" or delivery = \"home\"",
        "ja": "詳しい通知には IAM ロールが必要で、"
              "リージョンごとの配信はそれを避けるためのものです。notifications = \"simple\" "
              "か delivery = \"home\" にしてください",
    },
    Refusal.BAD_TIMEZONE: {
        "en": "timezone “{value}” is not an IANA time zone name such as Asia/Tokyo or "
              "Europe/Berlin",
        "ja": "timezone の “{value}” は Asia/Tokyo や Europe/Berlin のような IANA "
              "タイムゾーン名ではありません",
    },
    Refusal.AWS_MANAGED_KEY: {
        "en": "kms_key alias/aws/sns cannot be used: EventBridge cannot publish to a topic "
              "encrypted with the AWS managed key; name a customer managed key or leave kms_key "
              "out",
        "ja": "kms_key に alias/aws/sns は使えません。EventBridge は AWS "
              "マネージドキーで暗号化されたトピックに発行できません。"
              "カスタマーマネージドキーを指定するか kms_key を外してください",
    },
    Refusal.KMS_UNKNOWN_REGION: {
        "en": "kms_keys names an unknown region {region}",
        "ja": "kms_keys に存在しないリージョン {region} が書かれています",
    },
    Refusal.UNKNOWN_SETTING: {
        "en": "unknown setting {keys}",
        "ja": "{keys} という設定項目はありません",
    },
    Refusal.NOT_A_LIST: {
        "en": "`{key}` must be a list of strings",
        "ja": "`{key}` は文字列のリストにしてください",
    },
    Refusal.NOT_A_STRING: {
        "en": "`{key}` must be a string",
        "ja": "`{key}` は文字列にしてください",
    },
    Refusal.NOT_TABLES: {
        "en": "`{key}` must be [[{key}]] tables",
        "ja": "`{key}` は [[{key}]] テーブルにしてください",
    },
    Refusal.NOT_A_KEY_TABLE: {
        "en": "`kms_keys` must be a table of region = \"key\"",
        "ja": "`kms_keys` は region = \"key\" のテーブルにしてください",
    },
    Refusal.UNREADABLE: {
        "en": "cannot read {path} ({cause})",
        "ja": "{path} を読めません ({cause})",
    },
    Refusal.NOT_UTF8: {
        "en": "{path} is not UTF-8 text",
        "ja": "{path} は UTF-8 のテキストではありません",
    },
    Refusal.NOT_TOML: {
        "en": "{path} is not valid TOML ({cause})",
        "ja": "{path} は正しい TOML ではありません ({cause})",
    },
    Refusal.TOO_DEEP: {
        "en": "{path} is nested too deeply to be ChangeWatch settings",
        "ja": "{path} は入れ子が深すぎて ChangeWatch の設定として読めません",
    },
    Refusal.REGION_NOT_ENABLED: {
        "en": "{regions}: an opt-in region this account has not enabled; enable it in the AWS "
              "console (Account → AWS Regions) or remove it from `regions`",
        "ja": "{regions} はこのアカウントで有効になっていないオプトインリージョンです。"
              "AWS コンソール（アカウント → AWS リージョン）で有効にするか `regions` から外して"
              "ください",
    },
    Refusal.UNKNOWN_COMPLIANCE: {
        "en": "unknown compliance rule “{value}”; known: {known}",
        "ja": "“{value}” というコンプライアンスルールはありません（使えるもの: {known}）",
    },
    Refusal.COMPLIANCE_TWICE: {
        "en": "a rule is listed twice in `compliance`",
        "ja": "`compliance` に同じルールが 2 回書かれています",
    },
    Refusal.NOT_A_BOOL: {
        "en": "`{key}` must be true or false",
        "ja": "`{key}` は true か false にしてください",
    },
    Refusal.CONFIG_STOPPED: {"en": "is not recording", "ja": "記録が停止している"},
    Refusal.CONFIG_NO_CHANNEL: {"en": "has no delivery channel", "ja": "配信チャネルがない"},
    Refusal.CONFIG_NOT_COVERING: {"en": "does not record {types}",
                                  "ja": "{types} を記録していない"},
}

# The service control policy (aws/scp.py) and its [scp] settings.
WORDS.update({
    Refusal.SCP_NO_ADMIN: {
        "en": "the SCP needs at least one admin role pattern in [scp] admin_roles (e.g. "
              "\"arn:aws:iam::*:role/Admin*\"): without one nobody, not even changewatch "
              "apply, could change what it guards",
        "ja": "SCP には [scp] admin_roles に管理者ロールのパターンが 1 つ以上必要です"
              "（例: \"arn:aws:iam::*:role/Admin*\"）。ないと changewatch apply も含め誰も"
              "保護対象を変更できなくなります",
    },
    Refusal.SCP_TOO_LONG: {
        "en": "the SCP would be {size} characters, {over} over the {limit}-character limit of "
              "AWS Organizations; cover the admin roles with fewer, wider patterns",
        "ja": "SCP が {size} 文字になり、AWS Organizations の上限 {limit} 文字を {over} 文字"
              "超えます。管理者ロールを少数の広いパターンにまとめてください",
    },
    Refusal.SCP_BAD_ADMIN: {
        "en": "admin role “{value}” is not an IAM role ARN pattern such as "
              "arn:aws:iam::*:role/Admin* (only * and ? stand for other characters)",
        "ja": "管理者ロール「{value}」は arn:aws:iam::*:role/Admin* のような IAM ロールの "
              "ARN パターンではありません（任意の文字は * と ? だけで表します）",
    },
    Refusal.SCP_ADMIN_TOO_BROAD: {
        "en": "admin role “{value}” matches every role, so the SCP would guard nothing; name "
              "the admin roles (e.g. arn:aws:iam::*:role/Admin*)",
        "ja": "管理者ロール「{value}」はすべてのロールに一致し、SCP が何も保護しなくなります。"
              "管理者ロールを名前で指定してください（例: arn:aws:iam::*:role/Admin*）",
    },
    Refusal.SCP_BAD_TARGET: {
        "en": "SCP target “{value}” is not a root (r-…), an OU (ou-…) or a 12-digit account id",
        "ja": "SCP の適用先「{value}」はルート (r-…)・OU (ou-…)・12 桁のアカウント ID の"
              "いずれでもありません",
    },
    Refusal.SCP_NOT_A_TABLE: {
        "en": "`scp` must be a [scp] table with admin_roles = [...] and an optional target",
        "ja": "`scp` は admin_roles = [...] と省略可能な target を持つ [scp] テーブルにして"
              "ください",
    },
})

# Words around a suggestion: “ (did you mean a, b?)”
SUGGEST = {"en": " (did you mean {names}?)", "ja": "（もしかして {names}？）"}


def word(reason: str, params: dict, lang: str) -> str:
    """The refusal in `lang` (English if the reason or language is unknown)."""
    table = WORDS.get(Refusal(reason)) if reason in tuple(Refusal) else None
    if table is None:
        return ""
    values = dict(params)
    names = values.pop("suggestions", ())
    values["suggestion"] = SUGGEST.get(lang, SUGGEST["en"]).format(
        names=", ".join(names)) if names else ""
    return table.get(lang, table["en"]).format(**values)
