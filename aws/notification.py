"""The notification: one input transformer per rule, and a renderer that reads exactly like it.

EventBridge fills `<name>` placeholders from InputPathsMap. A free-text template (no outer
braces) is delivered as written, line breaks included; string values go in unquoted, objects
as JSON text, and a path missing from the event yields nothing.
https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from aws.catalog import Group
from aws.jsonpath import MISSING, resolve_path

MAX_PATHS = 100
MAX_TEMPLATE = 8192
_PLACEHOLDER = re.compile(r"<([A-Za-z0-9_.\-]+)>")

_COMMON_PATHS = {
    "eventName": "$.detail.eventName",
    "eventSource": "$.detail.eventSource",
    "eventTime": "$.detail.eventTime",
    "eventID": "$.detail.eventID",
    "account": "$.account",
    "region": "$.region",
    "arn": "$.detail.userIdentity.arn",
    "identityType": "$.detail.userIdentity.type",
    "userName": "$.detail.userIdentity.userName",  # the only name a failed sign-in has
    "sourceIP": "$.detail.sourceIPAddress",
    "userAgent": "$.detail.userAgent",
    "errorCode": "$.detail.errorCode",
    "errorMessage": "$.detail.errorMessage",
    "request": "$.detail.requestParameters",
}
_SIGNIN_PATHS = {
    "loginResult": "$.detail.responseElements.ConsoleLogin",
    "mfaUsed": "$.detail.additionalEventData.MFAUsed",
}

_LINES = {
    "en": (
        "ChangeWatch: <eventName> — {title}",
        "",
        "What happened:  <eventName> (<eventSource>)",
        "Who:            <arn> (<identityType> <userName>)",
        "From:           <sourceIP> / <userAgent>",
        "Resource:       {resource}",
        "Account:        <account>",
        "Region:         <region>",
        "Time (UTC):     <eventTime>",
        "Event ID:       <eventID>",
        "Error (if any): <errorCode> <errorMessage>",
        "{signin}",
        "The change (requestParameters):",
        "<request>",
        "",
        "Open in CloudTrail: https://<region>.console.aws.amazon.com/cloudtrail/home"
        "?region=<region>#/events/<eventID>",
        "",
        "{description}",
        "Sent by ChangeWatch rule <aws.events.rule-name>.",
    ),
    "ja": (
        "【ChangeWatch】<eventName> — {title}",
        "",
        "操作:           <eventName>（<eventSource>）",
        "実行者:         <arn>（<identityType> <userName>）",
        "接続元:         <sourceIP> / <userAgent>",
        "対象リソース:   {resource}",
        "アカウント:     <account>",
        "リージョン:     <region>",
        "発生日時(UTC):  <eventTime>",
        "イベント ID:    <eventID>",
        "エラー(失敗時): <errorCode> <errorMessage>",
        "{signin}",
        "変更内容 (requestParameters):",
        "<request>",
        "",
        "CloudTrail で開く: https://<region>.console.aws.amazon.com/cloudtrail/home"
        "?region=<region>#/events/<eventID>",
        "",
        "{description}",
        "ChangeWatch のルール <aws.events.rule-name> が送信しました。",
    ),
}
_SIGNIN_LINE = {
    "en": "Sign-in result: <loginResult>, MFA used: <mfaUsed>\n",
    "ja": "サインイン結果: <loginResult>、MFA 使用: <mfaUsed>\n",
}


@dataclass(frozen=True)
class Transformer:
    """What PutTargets gets as InputTransformer; `paths` keeps a stable order."""

    paths: tuple[tuple[str, str], ...]
    template: str

    def as_api(self) -> dict:
        return {"InputPathsMap": dict(self.paths), "InputTemplate": self.template}


def _is_signin(group: Group) -> bool:
    return "aws.signin" in group.pattern.get("source", [])


def transformer(group: Group, lang: str, names: tuple[str, ...] = ()) -> Transformer:
    """The input transformer for a group's rule, in Japanese or English. A rule watching one
    API names that API's label too (a transformer cannot map each event name to its label)."""
    lang = lang if lang in _LINES else "en"
    title = group.title.get(lang)
    if len(names) == 1 and group.label(names[0], lang):
        title = f"{group.label(names[0], lang)} ({title})"
    resource_vars = [f"res_{name}" for name, _ in group.resource_paths]
    paths = dict(_COMMON_PATHS)
    paths.update({f"res_{name}": path for name, path in group.resource_paths})
    if _is_signin(group):
        paths.update(_SIGNIN_PATHS)
    template = "\n".join(_LINES[lang]).format(
        title=title,
        resource="".join(f"<{v}>" for v in resource_vars) or "-",
        signin=_SIGNIN_LINE[lang] if _is_signin(group) else "",
        description=group.description.get(lang),
    )
    if len(paths) > MAX_PATHS or len(template) > MAX_TEMPLATE:
        raise ValueError(f"transformer for {group.id} exceeds EventBridge limits")
    return Transformer(paths=tuple(paths.items()), template=template)


def _as_text(value: object) -> str:
    if value is MISSING:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def render(tf: Transformer, event: dict, rule_name: str = "", rule_arn: str = "") -> str:
    """Exactly the text EventBridge would deliver to SNS for `event` (an EventBridge event)."""
    values = {name: _as_text(resolve_path(event, path)) for name, path in tf.paths}
    values["aws.events.rule-name"] = rule_name
    values["aws.events.rule-arn"] = rule_arn

    def fill(match: re.Match) -> str:
        name = match.group(1)
        return values[name] if name in values else match.group(0)

    return _PLACEHOLDER.sub(fill, tf.template)
