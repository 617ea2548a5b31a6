"""Turning the engine's concrete values into CloudFormation intrinsics.

The desired state is built for a stand-in identity whose partition and account are unique
words; every ARN it yields is then rewritten into `Fn::Sub` text: this template's own resources
by logical id (so CloudFormation orders and links them), the partition, account and region by
pseudo parameters, the home region of a forwarding template by its parameter.
https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from aws.session import Identity

PARTITION = "cwexportpartition"
ACCOUNT = "cwexport0acc"  # 12 characters, like an account id, and never one
STAND_IN = Identity(account=ACCOUNT, arn=f"arn:{PARTITION}:iam::{ACCOUNT}:root")
LANGUAGE_CONDITION = "Japanese"
_WHOLE = re.compile(r"\$\{([A-Za-z0-9:]+)(?:\.([A-Za-z]+))?\}")  # one reference, nothing else
_REGIONAL_ARN = re.compile(rf"arn:{PARTITION}:([a-z0-9-]+):([a-z0-9-]+):{ACCOUNT}:")


def to_sub(text: str, refs: Mapping[str, str], region: str, home_param: str | None) -> object:
    """`text` with every known ARN, account, partition and region made a reference; a plain
    string when nothing refers to anything."""
    if PARTITION not in text and ACCOUNT not in text:
        return text
    out = text.replace("${", "${!")  # a literal "${" stays literal under Fn::Sub
    for arn in sorted(refs, key=len, reverse=True):
        out = out.replace(arn, "${" + refs[arn] + "}")

    def region_of(match: re.Match) -> str:
        service, where = match.group(1), match.group(2)
        if where == region:
            where = "${AWS::Region}"
        elif home_param:
            where = "${" + home_param + "}"
        return f"arn:{PARTITION}:{service}:{where}:{ACCOUNT}:"

    out = _REGIONAL_ARN.sub(region_of, out)
    out = out.replace(PARTITION, "${AWS::Partition}").replace(ACCOUNT, "${AWS::AccountId}")
    whole = _WHOLE.fullmatch(out)
    if whole and whole.group(2):
        return {"Fn::GetAtt": [whole.group(1), whole.group(2)]}
    if whole:
        return {"Ref": whole.group(1)}
    return {"Fn::Sub": out}


def substitute(value: object, refs: Mapping[str, str], region: str,
               home_param: str | None = None) -> object:
    """`to_sub` over every string of a resource's properties."""
    if isinstance(value, dict):
        return {k: substitute(v, refs, region, home_param) for k, v in value.items()}
    if isinstance(value, list):
        return [substitute(v, refs, region, home_param) for v in value]
    if isinstance(value, str):
        return to_sub(value, refs, region, home_param)
    return value


def by_language(ja: object, en: object) -> tuple[object, bool]:
    """One value from the Japanese and English builds: equal parts kept, differing leaves
    chosen by the Language parameter. Second: whether anything depends on the language."""
    if ja == en:
        return ja, False
    if isinstance(ja, dict) and isinstance(en, dict) and ja.keys() == en.keys() \
            and "Fn::Sub" not in ja:
        merged = {k: by_language(ja[k], en[k]) for k in ja}
        return {k: v for k, (v, _) in merged.items()}, True
    if isinstance(ja, list) and isinstance(en, list) and len(ja) == len(en):
        merged_list = [by_language(a, b) for a, b in zip(ja, en, strict=True)]
        return [v for v, _ in merged_list], True
    return {"Fn::If": [LANGUAGE_CONDITION, ja, en]}, True
