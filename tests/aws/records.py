"""Realistic CloudTrail records and ChangeWatch-like patterns for the events tests."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

ACCOUNT = "123456789012"
_ids = itertools.count(1)

SG_NAMES = [
    "AuthorizeSecurityGroupIngress", "AuthorizeSecurityGroupEgress",
    "RevokeSecurityGroupIngress", "RevokeSecurityGroupEgress", "ModifySecurityGroupRules",
    "CreateSecurityGroup", "DeleteSecurityGroup",
]
SG_PATTERN = {
    "source": ["aws.ec2"],
    "detail-type": ["AWS API Call via CloudTrail"],
    "detail": {"eventSource": ["ec2.amazonaws.com"], "eventName": SG_NAMES},
}
CONFIG_PATTERN = {
    "source": ["aws.config"],
    "detail-type": ["AWS API Call via CloudTrail"],
    "detail": {
        "eventSource": ["config.amazonaws.com"],
        "readOnly": [False],
        "eventName": [{"anything-but": "PutEvaluations"}],
    },
}
ROOT_SIGNIN_PATTERN = {
    "source": ["aws.signin"],
    "detail-type": ["AWS Console Sign In via CloudTrail"],
    "detail": {"eventName": ["ConsoleLogin"], "userIdentity": {"type": ["Root"]}},
}
UNAUTHORIZED_PATTERN = {
    "detail-type": ["AWS API Call via CloudTrail"],
    "detail": {"errorCode": [{"wildcard": "*UnauthorizedOperation"}, {"prefix": "AccessDenied"}]},
}


def iso(when: datetime) -> str:
    """CloudTrail's eventTime format."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def iam_user(name: str = "alice") -> dict:
    return {
        "type": "IAMUser",
        "principalId": "AIDAEXAMPLE" + name.upper(),
        "arn": f"arn:aws:iam::{ACCOUNT}:user/{name}",
        "accountId": ACCOUNT,
        "accessKeyId": "AKIAEXAMPLE" + name.upper(),
        "userName": name,
    }


def assumed_role(role: str = "Admin", session: str = "bob@example.com") -> dict:
    return {
        "type": "AssumedRole",
        "principalId": f"AROAEXAMPLE:{session}",
        "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/{role}/{session}",
        "accountId": ACCOUNT,
        "accessKeyId": "ASIAEXAMPLE",
        "sessionContext": {
            "sessionIssuer": {"type": "Role", "arn": f"arn:aws:iam::{ACCOUNT}:role/{role}",
                              "userName": role},
            "attributes": {"creationDate": "2024-05-01T00:00:00Z", "mfaAuthenticated": "false"},
        },
    }


def record(
    event_name: str,
    when: datetime,
    region: str = "us-east-1",
    source: str = "ec2.amazonaws.com",
    read_only: bool = False,
    identity: dict | None = None,
    request: dict | None = None,
    response: dict | None = None,
    error_code: str | None = None,
    event_type: str = "AwsApiCall",
    event_id: str | None = None,
) -> dict:
    """A CloudTrail management event shaped like the ones in CloudTrail's log files."""
    rec = {
        "eventVersion": "1.09",
        "userIdentity": identity or iam_user(),
        "eventTime": iso(when),
        "eventSource": source,
        "eventName": event_name,
        "awsRegion": region,
        "sourceIPAddress": "203.0.113.10",
        "userAgent": "aws-cli/2.15.0 Python/3.11.6 Linux/6.5 exe/x86_64",
        "requestParameters": request,
        "responseElements": response,
        "requestID": f"req-{next(_ids):06d}",
        "eventID": event_id or f"ev-{next(_ids):08d}-0000-4000-8000-000000000000",
        "readOnly": read_only,
        "eventType": event_type,
        "managementEvent": True,
        "recipientAccountId": ACCOUNT,
        "eventCategory": "Management",
    }
    if error_code:
        rec["errorCode"] = error_code
        rec["errorMessage"] = "You are not authorized to perform this operation."
    return rec


def sg_ingress(when: datetime, region: str = "us-east-1", group: str = "sg-0abc1234") -> dict:
    """AuthorizeSecurityGroupIngress opening port 22 to the world."""
    request = {
        "groupId": group,
        "ipPermissions": {"items": [{"ipProtocol": "tcp", "fromPort": 22, "toPort": 22,
                                     "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0"}]}}]},
    }
    return record("AuthorizeSecurityGroupIngress", when, region, request=request,
                  response={"_return": True, "securityGroupRuleSet": {"items": []}})


def sg_modify(when: datetime, region: str = "us-east-1", group: str = "sg-0def5678") -> dict:
    """ModifySecurityGroupRules, whose group id sits one level deeper."""
    request = {"ModifySecurityGroupRulesRequest": {"GroupId": group, "SecurityGroupRule": {}}}
    return record("ModifySecurityGroupRules", when, region, request=request,
                  identity=assumed_role())


def describe_instances(when: datetime, region: str = "us-east-1") -> dict:
    """Read-only noise from the same event source."""
    return record("DescribeInstances", when, region, read_only=True,
                  request={"instancesSet": {}, "filterSet": {}})


def run_instances(when: datetime, region: str = "us-east-1") -> dict:
    """A write from the same source that no watched group lists."""
    return record("RunInstances", when, region, request={"instanceType": "t3.micro"})


def put_evaluations(when: datetime, region: str = "us-east-1") -> dict:
    """AWS Config's compliance noise (a write the aws-config group excludes)."""
    return record("PutEvaluations", when, region, source="config.amazonaws.com",
                  request={"resultToken": "token", "testMode": False})


def stop_recorder(when: datetime, region: str = "us-east-1") -> dict:
    return record("StopConfigurationRecorder", when, region, source="config.amazonaws.com",
                  request={"configurationRecorderName": "default"})


def console_login(when: datetime, root: bool = True, region: str = "us-east-1") -> dict:
    identity = (
        {"type": "Root", "principalId": ACCOUNT, "arn": f"arn:aws:iam::{ACCOUNT}:root",
         "accountId": ACCOUNT}
        if root else iam_user("carol")
    )
    rec = record("ConsoleLogin", when, region, source="signin.amazonaws.com",
                 identity=identity, event_type="AwsConsoleSignIn",
                 response={"ConsoleLogin": "Success"})
    rec["additionalEventData"] = {"MFAUsed": "No", "MobileVersion": "No"}
    return rec


def minutes_ago(minutes: float, now: datetime | None = None) -> datetime:
    return (now or datetime.now(UTC)) - timedelta(minutes=minutes)
