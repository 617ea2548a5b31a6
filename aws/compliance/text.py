"""The compliance steps and notes in words, Japanese and English (used by aws/plan_text.py)."""

from __future__ import annotations

from aws.compliance.instructions import (
    ConfigDiffers,
    DeleteConfigRule,
    EnableConfig,
    PutConfigRule,
    StopConfig,
)
from aws.compliance.plan import Note, NoteKind
from aws.instructions import Change

STEPS: dict[tuple[type, Change], dict[str, str]] = {
    (EnableConfig, Change.CREATE): {
        "en": "Turn on AWS Config as {name}: service-linked role, a private encrypted S3 "
              "bucket, recording only what the rules need, delivery channel (billed per "
              "configuration item recorded)",
        "ja": "AWS Config を {name} として有効化（サービスリンクロール、非公開で暗号化された "
              "S3 バケット、ルールに必要なものだけを記録、配信チャネル。記録した設定項目ごとに"
              "課金）"},
    (EnableConfig, Change.UPDATE): {
        "en": "Start recording again with AWS Config recorder {name} ({differs})",
        "ja": "AWS Config レコーダー {name} の記録を再開（{differs}）"},
    (PutConfigRule, Change.CREATE): {
        "en": "Create AWS Config rule {name}, tagged, with its remediation",
        "ja": "AWS Config ルール {name} を作成（タグ付き、修復アクション付き）"},
    (PutConfigRule, Change.UPDATE): {
        "en": "Update AWS Config rule {name} ({differs})",
        "ja": "AWS Config ルール {name} を更新（{differs}）"},
    (DeleteConfigRule, Change.DELETE): {
        "en": "Delete AWS Config rule {name} (its remediation first)",
        "ja": "AWS Config ルール {name} を削除（修復アクションを先に削除）"},
    (StopConfig, Change.DELETE): {
        "en": "Stop and delete AWS Config recorder {name}, which ChangeWatch started, with "
              "its delivery channel and bucket (you asked: Config then records nothing here)",
        "ja": "ChangeWatch が開始した AWS Config レコーダー {name} を停止して削除し、配信"
              "チャネルとバケットも削除（ご指定のとおり。以後ここでは何も記録されません）"},
}

DIFFERS: dict[str, dict[str, str]] = {
    ConfigDiffers.RULE: {"en": "the managed rule or its scope", "ja": "マネージドルールまたは範囲"},
    ConfigDiffers.REMEDIATION: {"en": "its remediation (document, parameters, automatic)",
                                "ja": "修復アクション（ドキュメント・パラメータ・自動実行）"},
    ConfigDiffers.RECORDING: {"en": "it is stopped or has no delivery channel",
                              "ja": "停止中または配信チャネルなし"},
}

NOTES: dict[NoteKind, dict[str, str]] = {
    NoteKind.CONFIG_LEFT_RUNNING: {
        "en": "{region}: AWS Config recorder {subject}, which ChangeWatch started, is left "
              "running: stopping Config is itself what ChangeWatch warns about and other "
              "rules may rely on it; to stop it too, remove with --stop-config (or tick "
              "“Also stop AWS Config”).",
        "ja": "{region}: ChangeWatch が開始した AWS Config レコーダー {subject} は動かした"
              "ままにします。Config の停止こそ ChangeWatch が警告する操作で、他のルールが"
              "使っている可能性もあるためです。停止するには --stop-config を付けて削除して"
              "ください（または「AWS Config も停止する」にチェック）。"},
}


def describe_note(note: Note, lang: str = "en") -> str:
    table = NOTES[note.kind]
    return table.get(lang, table["en"]).format(region=note.region, subject=note.subject)
