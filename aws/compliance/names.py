"""Names of what the compliance half makes: each carries the deployment id."""

from __future__ import annotations

import hashlib

from aws.names import NAME_PREFIX

SERVICE_ROLE = "AWSServiceRoleForConfig"
SERVICE_ROLE_PATH = "/aws-service-role/config.amazonaws.com/"
CONFIG_SERVICE = "config.amazonaws.com"
_MAX_CONFIG_RULE = 128
_MAX_BUCKET = 63
_MAX_ROLE = 64


def _bounded(name: str, limit: int) -> str:
    if len(name) <= limit:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return f"{name[:limit - 9]}-{digest}"


def config_rule_name(deployment: str, rule_id: str) -> str:
    """`changewatch-<deployment>-restricted-ssh`: the Config rule (and the alert's filter)."""
    return _bounded(f"{NAME_PREFIX}{deployment}-{rule_id}", _MAX_CONFIG_RULE)


def recorder_name(deployment: str) -> str:
    """A recorder ChangeWatch made is named after the deployment: that is how it knows, even
    without local state, that it started it (recorders cannot carry tags)."""
    return f"{NAME_PREFIX}{deployment}"


def channel_name(deployment: str) -> str:
    return f"{NAME_PREFIX}{deployment}"


def bucket_name(deployment: str, account: str, region: str) -> str:
    """S3 names are global: the account and region make it unique."""
    return _bounded(f"{NAME_PREFIX}{deployment}-config-{account}-{region}", _MAX_BUCKET)


def remediation_role_name(deployment: str) -> str:
    """The role SSM Automation assumes to run the remediation document."""
    return _bounded(f"{NAME_PREFIX}{deployment}-remediation", _MAX_ROLE)


def service_role_arn(partition: str, account: str) -> str:
    return f"arn:{partition}:iam::{account}:role{SERVICE_ROLE_PATH}{SERVICE_ROLE}"
