"""“Simulate a change”: a real call against the sandbox plus the CloudTrail record it leaves."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import boto3

from aws.catalog import Text

ACCOUNT = "123456789012"
ACTOR = {"type": "IAMUser", "principalId": "AIDAEXAMPLEDEMO00001", "accountId": ACCOUNT,
         "arn": f"arn:aws:iam::{ACCOUNT}:user/taro.yamada", "userName": "taro.yamada",
         "accessKeyId": "ASIAEXAMPLEDEMO0001"}
# Known automation, for trying exceptions: the same change made by a pipeline's role.
AUTOMATION = {"type": "AssumedRole", "principalId": "AROAEXAMPLEDEMO00002:terraform-run",
              "accountId": ACCOUNT,
              "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/terraform-deployer/terraform-run",
              "accessKeyId": "ASIAEXAMPLEDEMO0002",
              "sessionContext": {"sessionIssuer": {
                  "type": "Role", "principalId": "AROAEXAMPLEDEMO00002", "accountId": ACCOUNT,
                  "arn": f"arn:aws:iam::{ACCOUNT}:role/terraform-deployer",
                  "userName": "terraform-deployer"}}}
CALLERS = {"user": ACTOR, "automation": AUTOMATION}
ROOT = {"type": "Root", "principalId": ACCOUNT, "accountId": ACCOUNT,
        "arn": f"arn:aws:iam::{ACCOUNT}:root"}
CONSOLE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"
SDK = "Boto3/1.35 md/Botocore#1.35 ua/2.0 os/linux lang/python#3.11 ChangeWatch"
_ADMIN = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}'


@dataclass(frozen=True)
class Simulation:
    id: str
    title: Text


SIMULATIONS = (
    Simulation("open-ssh", Text("ポート 22 を 0.0.0.0/0 に開放", "Open port 22 to 0.0.0.0/0")),
    Simulation("modify-rule",
               Text("セキュリティグループルールを変更", "Modify a security group rule")),
    Simulation("create-sg", Text("セキュリティグループを作成", "Create a security group")),
    Simulation("delete-sg", Text("セキュリティグループを削除", "Delete a security group")),
    Simulation("stop-config", Text("Config レコーダーを停止", "Stop the Config recorder")),
    Simulation("root-signin", Text("ルートユーザーでサインイン", "Sign in as root")),
    Simulation("attach-admin",
               Text("IAM ユーザーに管理者権限を付与", "Attach admin rights to a user")),
)


def _record(region: str, source: str, name: str, request: dict | None, response: dict | None,
            identity: dict = ACTOR, **extra) -> dict:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    record = {
        "eventVersion": "1.09", "userIdentity": identity, "eventTime": now,
        "eventSource": source, "eventName": name, "awsRegion": region,
        "sourceIPAddress": "203.0.113.45", "userAgent": CONSOLE,
        "requestParameters": request, "responseElements": response,
        "requestID": str(uuid.uuid4()), "eventID": str(uuid.uuid4()), "readOnly": False,
        "eventType": "AwsApiCall", "managementEvent": True, "recipientAccountId": ACCOUNT,
        "eventCategory": "Management",
    }
    record.update(extra)
    return record


def ec2_record(region: str, name: str, request: dict, response: dict) -> dict:
    """The CloudTrail record of an EC2 call made with boto3's parameters: CloudTrail writes
    them with a lower-case first letter, as EC2's query API names them."""
    def lower(value):
        if isinstance(value, dict):
            return {k[:1].lower() + k[1:]: lower(v) for k, v in value.items()}
        if isinstance(value, list):
            return [lower(v) for v in value]
        return value
    return _record(region, "ec2.amazonaws.com", name, lower(request),
                   {"requestId": str(uuid.uuid4()), "_return": True, **lower(response)},
                   userAgent=SDK)


class Simulator:
    """Keeps the sandbox's demo objects (a security group, a Config recorder, a user)."""

    def __init__(self, session: boto3.session.Session) -> None:
        self._session = session  # the sandbox's own, made after its variables were set
        self._last_rule: dict[str, tuple[str, str]] = {}  # region -> (group id, rule id)
        self._spare: dict[str, str] = {}

    def _client(self, service: str, region: str):
        return self._session.client(service, region_name=region)

    def run(self, simulation_id: str, region: str, caller: str = "user") -> dict:
        """Make the call as `caller` (a key of CALLERS); return the CloudTrail record it
        leaves. A root sign-in stays root's."""
        handlers: dict[str, Callable[[str], dict]] = {
            "open-ssh": self._open_ssh, "modify-rule": self._modify_rule,
            "create-sg": self._create_sg, "delete-sg": self._delete_sg,
            "stop-config": self._stop_config, "root-signin": self._root_signin,
            "attach-admin": self._attach_admin,
        }
        record = handlers[simulation_id](region)
        if record["userIdentity"] is ACTOR:
            record["userIdentity"] = CALLERS[caller]
        return record

    def _group(self, region: str) -> str:
        ec2 = self._client("ec2", region)
        found = ec2.describe_security_groups(
            Filters=[{"Name": "group-name", "Values": ["web-demo"]}])["SecurityGroups"]
        if found:
            return found[0]["GroupId"]
        return ec2.create_security_group(GroupName="web-demo",
                                         Description="ChangeWatch demo")["GroupId"]

    def _open_ssh(self, region: str) -> dict:
        group = self._group(region)
        permission = {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
                      "IpRanges": [{"CidrIp": "0.0.0.0/0", "Description": "temporary"}]}
        ec2 = self._client("ec2", region)
        with contextlib.suppress(ec2.exceptions.ClientError):  # opened before: open it again
            ec2.revoke_security_group_ingress(GroupId=group, IpPermissions=[permission])
        reply = ec2.authorize_security_group_ingress(GroupId=group, IpPermissions=[permission])
        rule_id = (reply.get("SecurityGroupRules") or [{}])[0].get(
            "SecurityGroupRuleId", "sgr-" + uuid.uuid4().hex[:17])
        self._last_rule[region] = (group, rule_id)
        request = {"groupId": group, "ipPermissions": {"items": [{
            "ipProtocol": "tcp", "fromPort": 22, "toPort": 22, "groups": {},
            "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0", "description": "temporary"}]},
            "ipv6Ranges": {}, "prefixListIds": {}}]}}
        response = {"requestId": str(uuid.uuid4()), "_return": True, "securityGroupRuleSet": {
            "items": [{"groupOwnerId": ACCOUNT, "groupId": group, "securityGroupRuleId": rule_id,
                       "isEgress": False, "ipProtocol": "tcp", "fromPort": 22, "toPort": 22,
                       "cidrIpv4": "0.0.0.0/0", "description": "temporary"}]}}
        return _record(region, "ec2.amazonaws.com", "AuthorizeSecurityGroupIngress",
                       request, response)

    def _modify_rule(self, region: str) -> dict:
        if region not in self._last_rule:
            self._open_ssh(region)
        group, rule_id = self._last_rule[region]
        new_rule = {"IpProtocol": "tcp", "FromPort": 22, "ToPort": 22,
                    "CidrIpv4": "198.51.100.0/24", "Description": "office"}
        self._client("ec2", region).modify_security_group_rules(
            GroupId=group,
            SecurityGroupRules=[{"SecurityGroupRuleId": rule_id, "SecurityGroupRule": new_rule}])
        request = {"ModifySecurityGroupRulesRequest": {"GroupId": group, "SecurityGroupRule": {
            "SecurityGroupRuleId": rule_id, "SecurityGroupRule": new_rule, "tag": 1}}}
        return _record(region, "ec2.amazonaws.com", "ModifySecurityGroupRules", request,
                       {"ModifySecurityGroupRulesResponse": {"return": True}})

    def _create_sg(self, region: str) -> dict:
        name = "tmp-" + uuid.uuid4().hex[:6]
        group = self._client("ec2", region).create_security_group(
            GroupName=name, Description="created in the demo")["GroupId"]
        self._spare[region] = group
        return _record(region, "ec2.amazonaws.com", "CreateSecurityGroup",
                       {"groupName": name, "groupDescription": "created in the demo"},
                       {"requestId": str(uuid.uuid4()), "_return": True, "groupId": group})

    def _delete_sg(self, region: str) -> dict:
        if region not in self._spare:
            self._create_sg(region)
        group = self._spare.pop(region)
        self._client("ec2", region).delete_security_group(GroupId=group)
        return _record(region, "ec2.amazonaws.com", "DeleteSecurityGroup", {"groupId": group},
                       {"requestId": str(uuid.uuid4()), "_return": True})

    def _stop_config(self, region: str) -> dict:
        config = self._client("config", region)
        found = config.describe_configuration_recorders()["ConfigurationRecorders"]
        name = found[0]["name"] if found else "default"  # one recorder per region
        if not found:
            config.put_configuration_recorder(ConfigurationRecorder={
                "name": name, "roleARN": f"arn:aws:iam::{ACCOUNT}:role/aws-config-role"})
        config.stop_configuration_recorder(ConfigurationRecorderName=name)
        return _record(region, "config.amazonaws.com", "StopConfigurationRecorder",
                       {"configurationRecorderName": name}, None)

    def _root_signin(self, region: str) -> dict:
        # A sign-in is no API call; root sign-ins are recorded in us-east-1.
        return _record("us-east-1", "signin.amazonaws.com", "ConsoleLogin", None,
                       {"ConsoleLogin": "Success"}, identity=ROOT, eventType="AwsConsoleSignIn",
                       additionalEventData={"LoginTo": "https://console.aws.amazon.com/console/home",
                                            "MobileVersion": "No", "MFAUsed": "No"})

    def _attach_admin(self, region: str) -> dict:
        iam = self._client("iam", "us-east-1")
        policy = f"arn:aws:iam::{ACCOUNT}:policy/FullAdmin"
        with contextlib.suppress(iam.exceptions.EntityAlreadyExistsException):
            iam.create_user(UserName="contractor")
        with contextlib.suppress(iam.exceptions.EntityAlreadyExistsException):
            iam.create_policy(PolicyName="FullAdmin", PolicyDocument=_ADMIN)
        iam.attach_user_policy(UserName="contractor", PolicyArn=policy)
        return _record("us-east-1", "iam.amazonaws.com", "AttachUserPolicy",
                       {"userName": "contractor", "policyArn": policy}, None)
