"""The compliance-change email in simple notifications: an input transformer of its own, since
a Config event has no caller, API or request (the CloudTrail template would be empty)."""

from __future__ import annotations

from aws.catalog import Group
from aws.notification import MAX_TEMPLATE, Transformer

_PATHS = (
    ("resource", "$.detail.resourceId"),
    ("resourceType", "$.detail.resourceType"),
    ("rule", "$.detail.configRuleName"),
    ("compliance", "$.detail.newEvaluationResult.complianceType"),
    ("before", "$.detail.oldEvaluationResult.complianceType"),
    ("account", "$.account"),
    ("region", "$.region"),
    ("time", "$.time"),
)
_LINES = {
    "en": ("ChangeWatch: <resource> is <compliance> with AWS Config rule <rule> — {title}",
           "",
           "What happened:  <resource> (<resourceType>) became <compliance> (was <before>)",
           "Config rule:    <rule>",
           "Account:        <account>",
           "Region:         <region>",
           "Time (UTC):     <time>",
           "Open in AWS Config: https://<region>.console.aws.amazon.com/config/home"
           "?region=<region>#/rules/details?configRuleName=<rule>",
           "",
           "{description}",
           "Sent by ChangeWatch rule <aws.events.rule-name>."),
    "ja": ("【ChangeWatch】<resource> が AWS Config ルール <rule> に <compliance> — {title}",
           "",
           "内容:           <resource>（<resourceType>）が <compliance> になりました"
           "（前回 <before>）",
           "Config ルール:  <rule>",
           "アカウント:     <account>",
           "リージョン:     <region>",
           "発生日時(UTC):  <time>",
           "AWS Config で開く: https://<region>.console.aws.amazon.com/config/home"
           "?region=<region>#/rules/details?configRuleName=<rule>",
           "",
           "{description}",
           "ChangeWatch のルール <aws.events.rule-name> が送信しました。"),
}


def compliance_transformer(group: Group, lang: str) -> Transformer:
    lang = lang if lang in _LINES else "en"
    template = "\n".join(_LINES[lang]).format(title=group.title.get(lang),
                                             description=group.description.get(lang))
    if len(template) > MAX_TEMPLATE:
        raise ValueError("the compliance transformer exceeds EventBridge limits")
    return Transformer(paths=_PATHS, template=template)
