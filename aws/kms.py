"""The topics' customer managed keys, checked before any change: in the topic's region, not
AWS managed, and usable by whoever publishes (EventBridge, or the formatter's role).

https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-troubleshooting.html
https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from fnmatch import fnmatchcase

from aws.errors import AwsError, ErrorKind, is_cancelled
from aws.fanout import per_region
from aws.session import AwsAccess, Identity, call

NEEDED = ("kms:GenerateDataKey", "kms:Decrypt")  # GenerateDataKey* covers both variants


def _refuse(region: str, detail: str) -> AwsError:
    return AwsError(kind=ErrorKind.KMS, region=region, operation="DescribeKey", detail=detail)


def _in_region(key: str, region: str) -> str:
    """A key ARN of another region names the replica here when it is multi-Region (mrk-)."""
    parts = key.split(":")
    if key.startswith("arn:") and len(parts) >= 6 and parts[3] != region:
        if parts[5].startswith("key/mrk-"):
            return ":".join(parts[:3] + [region] + parts[4:])
        raise _refuse(region, f"the key {key} is in {parts[3]}, the topic in {region}: a key "
                              "serves its own region only; name one per region in kms_keys, or "
                              "a multi-Region key")
    return key


def _statements(policy: str) -> list[dict]:
    statements = json.loads(policy).get("Statement", [])
    return statements if isinstance(statements, list) else [statements]


def _listed(value: object) -> list[str]:
    return [value] if isinstance(value, str) else list(value or [])


def _allows(statement: dict, principals: Iterable[str]) -> bool:
    if statement.get("Effect") != "Allow":
        return False
    principal = statement.get("Principal", {})
    named = ["*"] if principal == "*" else [
        p for key in ("Service", "AWS") for p in _listed(principal.get(key))]
    if not any(p in named for p in principals):
        return False
    actions = _listed(statement.get("Action"))
    return all(any(fnmatchcase(need, a) or a == "kms:*" or a == "*" for a in actions)
               for need in NEEDED)


def publishers(identity: Identity, publisher_role: str | None) -> tuple[str, ...]:
    """Who must be able to use the key: EventBridge (simple), or the formatter's role — which
    the account's root principal in the key policy delegates to IAM (rich)."""
    if publisher_role:
        root = f"arn:{identity.partition}:iam::{identity.account}:root"
        return (publisher_role, root, identity.account)
    return ("events.amazonaws.com",)


def check_key(access: AwsAccess, region: str, key: str, allowed: tuple[str, ...],
              cancelled: Callable[[], bool] | None = None) -> str:
    """The key's ARN once it is known fit for the topic in `region`; else a sentence."""
    if key.rstrip("/").endswith("alias/aws/sns"):
        raise _refuse(region, "alias/aws/sns is the AWS managed key, which EventBridge cannot use")
    client = access.client("kms", region)
    meta = call(client, "describe_key", region, cancelled,
                KeyId=_in_region(key, region))["KeyMetadata"]
    if meta.get("KeyManager") == "AWS":
        raise _refuse(region, f"{key} is an AWS managed key, which EventBridge cannot use; "
                              "name a customer managed key")
    if meta.get("KeyState") != "Enabled":
        raise _refuse(region, f"{key} is {meta.get('KeyState', 'not enabled')}")
    policy = call(client, "get_key_policy", region, cancelled, KeyId=meta["KeyId"],
                  PolicyName="default")["Policy"]
    if not any(_allows(s, allowed) for s in _statements(policy)):
        who = " or ".join(allowed[:2])
        raise _refuse(region, f"the key policy of {key} does not let {who} use "
                              "kms:GenerateDataKey* and kms:Decrypt")
    return meta["Arn"]


def check_keys(access: AwsAccess, keys: dict[str, str], allowed: tuple[str, ...],
               cancelled: Callable[[], bool] | None = None) -> dict[str, str]:
    """Region → key ARN for every topic region that has a key; the first refusal raises."""
    outcomes = per_region(keys, lambda r: check_key(access, r, keys[r], allowed, cancelled),
                          name="kms")
    errors = [o.error for o in outcomes.values() if o.error is not None]
    if errors:
        raise next((e for e in errors if is_cancelled(e)), errors[0])
    return {region: o.value for region, o in outcomes.items() if o.value}
