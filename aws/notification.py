"""The notification: one input transformer per rule, and a renderer that reads exactly like it.

EventBridge fills `<name>` placeholders from InputPathsMap. A free-text template (no outer
braces) is delivered as written, line breaks included; string values go in unquoted, objects
and arrays as JSON text with their inner quotes removed (`{groupId:sg-1,n:[1]}`), and a path
missing from the event yields nothing.
https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-transform-target-input.html

A transformer cannot choose words by value, so: a line that could be empty is not a line of
its own (the resource and the error follow the event's name, unless the rule only matches
failures); a value the rule's pattern fixes (a sign-in without MFA) is written in words; the
request is left out where it is null (sign-ins) or often null (any denied call, any root call).
A value that varies stays AWS's own word ("Success"): a transformer cannot translate it.
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
        "What happened:  <eventName> (<eventSource>) {resource}{error_inline}",
        "Who:            <arn> <userName>",
        "Identity type:  <identityType>",
        "From:           <sourceIP> / <userAgent>",
        "Account:        <account>",
        "Region:         <region>",
        "Time (UTC):     <eventTime>",
        "Event ID:       <eventID>",
        "{error_line}{signin}{request}",
        "Open in CloudTrail: https://<region>.console.aws.amazon.com/cloudtrail/home"
        "?region=<region>#/events/<eventID>",
        "",
        "{description}",
        "Sent by ChangeWatch rule <aws.events.rule-name>.",
    ),
    "ja": (
        "【ChangeWatch】<eventName> — {title}",
        "",
        "操作:           <eventName>（<eventSource>）{resource}{error_inline}",
        "実行者:         <arn> <userName>",
        "ID の種類:      <identityType>",
        "接続元:         <sourceIP> / <userAgent>",
        "アカウント:     <account>",
        "リージョン:     <region>",
        "発生日時(UTC):  <eventTime>",
        "イベント ID:    <eventID>",
        "{error_line}{signin}{request}",
        "CloudTrail で開く: https://<region>.console.aws.amazon.com/cloudtrail/home"
        "?region=<region>#/events/<eventID>",
        "",
        "{description}",
        "ChangeWatch のルール <aws.events.rule-name> が送信しました。",
    ),
}
_ERROR_LINE = {"en": "Error:          <errorCode> <errorMessage>\n",
               "ja": "エラー:         <errorCode> <errorMessage>\n"}
_REQUEST = {"en": "The change (requestParameters):\n<request>\n",
            "ja": "変更内容 (requestParameters):\n<request>\n"}
# Sign-in answers in words, used when the rule's pattern fixes the value.
_ANSWERS = {
    "en": {"Success": "succeeded", "Failure": "failed", "Yes": "used", "No": "not used"},
    "ja": {"Success": "成功", "Failure": "失敗", "Yes": "使用", "No": "未使用"},
}
_SIGNIN_LINE = {
    "en": "Sign-in: {result}, MFA: {mfa}\n",
    "ja": "サインイン: {result}、MFA: {mfa}\n",
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


def _fixed(group: Group, *keys: str) -> str | None:
    """The one value the group's pattern allows at detail.<keys>, if it allows only one."""
    node: object = group.pattern.get("detail", {})
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    return node[0] if isinstance(node, list) and len(node) == 1 and \
        isinstance(node[0], str) else None


def _signin_line(group: Group, lang: str) -> str:
    def word(value: str | None, placeholder: str) -> str:
        return _ANSWERS[lang].get(value, placeholder) if value else placeholder

    return _SIGNIN_LINE[lang].format(
        result=word(_fixed(group, "responseElements", "ConsoleLogin"), "<loginResult>"),
        mfa=word(_fixed(group, "additionalEventData", "MFAUsed"), "<mfaUsed>"))


def _always_fails(group: Group) -> bool:
    detail = group.pattern.get("detail", {})
    return "errorCode" in detail or "errorMessage" in detail


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
    signin = _is_signin(group)
    if signin:
        paths.update(_SIGNIN_PATHS)
        for key, fixed in (("loginResult", ("responseElements", "ConsoleLogin")),
                           ("mfaUsed", ("additionalEventData", "MFAUsed"))):
            if _fixed(group, *fixed):
                del paths[key]
    fails = _always_fails(group)
    # Sign-ins have no request, and calls of any API (denied, root) often a null one.
    request = bool(group.events) and not signin
    if not request:
        del paths["request"]
    template = "\n".join(_LINES[lang]).format(
        title=title,
        resource="".join(f"<{v}>" for v in resource_vars),
        error_inline="" if fails else " <errorCode> <errorMessage>",
        error_line=_ERROR_LINE[lang] if fails else "",
        signin=_signin_line(group, lang) if signin else "",
        request=_REQUEST[lang] if request else "",
        description=group.description.get(lang),
    )
    if len(paths) > MAX_PATHS or len(template) > MAX_TEMPLATE:
        raise ValueError(f"transformer for {group.id} exceeds EventBridge limits")
    return Transformer(paths=tuple(paths.items()), template=template)


def _as_text(value: object) -> str:
    """A value as EventBridge writes it into a text template: strings bare, objects and arrays
    as JSON with the quotes removed."""
    if value is MISSING:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "{" + ",".join(f"{k}:{_as_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_as_text(v) for v in value) + "]"
    return json.dumps(value)


def render(tf: Transformer, event: dict, rule_name: str = "", rule_arn: str = "") -> str:
    """Exactly the text EventBridge would deliver to SNS for `event` (an EventBridge event)."""
    values = {name: _as_text(resolve_path(event, path)) for name, path in tf.paths}
    values["aws.events.rule-name"] = rule_name
    values["aws.events.rule-arn"] = rule_arn

    def fill(match: re.Match) -> str:
        name = match.group(1)
        return values[name] if name in values else match.group(0)

    return _PLACEHOLDER.sub(fill, tf.template)
