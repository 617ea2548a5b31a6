"""AWS Config's evaluation and remediation, played in the sandbox: moto stores Config rules
but never evaluates them. The managed rule restricted-ssh (INCOMING_SSH_DISABLED) is evaluated
against moto's security groups; a change of result becomes the "Config Rules Compliance
Change" event AWS Config sends to EventBridge; the remediation document
AWS-DisablePublicAccessForSecurityGroup revokes the open permissions, as its role.
https://docs.aws.amazon.com/config/latest/developerguide/restricted-ssh.html
https://docs.aws.amazon.com/systems-manager-automation-runbooks/latest/userguide/automation-aws-disablepublicaccessforsecuritygroup.html
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import boto3

from sandbox.config_emulator import ConfigEmulator
from sandbox.config_store import ACCOUNT, Evaluation, Execution, now
from sandbox.simulate import ec2_record

SG_TYPE = "AWS::EC2::SecurityGroup"
PUBLIC = {"0.0.0.0/0", "::/0"}
_REMEDIATED_PORTS = (22, 3389)  # the document closes SSH and RDP


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _opens(permission: dict, port: int) -> bool:
    protocol = str(permission.get("IpProtocol"))
    if protocol == "-1":
        return True
    return protocol in ("tcp", "6") and \
        permission.get("FromPort", 0) <= port <= permission.get("ToPort", 65535)


def _public(permission: dict) -> dict:
    """The permission with only its public ranges (what the document revokes)."""
    return {"IpProtocol": permission["IpProtocol"],
            **{k: permission[k] for k in ("FromPort", "ToPort") if k in permission},
            "IpRanges": [{"CidrIp": r["CidrIp"]} for r in permission.get("IpRanges", [])
                         if r.get("CidrIp") in PUBLIC],
            "Ipv6Ranges": [{"CidrIpv6": r["CidrIpv6"]} for r in permission.get("Ipv6Ranges", [])
                           if r.get("CidrIpv6") in PUBLIC]}


def ssh_open(group: dict) -> bool:
    return any(_opens(p, 22) and (_public(p)["IpRanges"] or _public(p)["Ipv6Ranges"])
               for p in group.get("IpPermissions", []))


class ConfigEvaluator:
    """Evaluates the region's Config rules it knows, and runs their remediations."""

    def __init__(self, emulator: ConfigEmulator, session: boto3.session.Session) -> None:
        self.emulator, self.session = emulator, session
        self.store = emulator.store
        emulator.remediate = self.run_remediation
        self.trail: list[dict] = []  # CloudTrail records of the remediations' calls

    def _rules(self, region: str) -> list[dict]:
        config = self.emulator.moto(region)
        statuses = config.describe_configuration_recorder_status().get(
            "ConfigurationRecordersStatus", [])
        if not any(s.get("recording") for s in statuses):
            return []  # Config evaluates nothing while no recorder records
        return [r for r in config.describe_config_rules().get("ConfigRules", [])
                if r.get("Source", {}).get("SourceIdentifier") == "INCOMING_SSH_DISABLED"
                and r.get("ConfigRuleState", "ACTIVE") == "ACTIVE"]

    def evaluate(self, region: str) -> list[dict]:
        """Evaluate every restricted-ssh rule; the compliance-change events it causes."""
        events = []
        groups = self.session.client("ec2", region_name=region).describe_security_groups()[
            "SecurityGroups"]
        for rule in self._rules(region):
            for group in groups:
                result = Evaluation(rule["ConfigRuleName"], SG_TYPE, group["GroupId"],
                                    "NON_COMPLIANT" if ssh_open(group) else "COMPLIANT", now())
                before = self.store.record(region, result)
                if before is not None and (before.compliance or
                                           result.compliance == "NON_COMPLIANT"):
                    events.append(self._event(region, rule, before, result))
        return events

    def _event(self, region: str, rule: dict, before: Evaluation, after: Evaluation) -> dict:
        """The event AWS Config sends to EventBridge for a compliance change."""
        def result(e: Evaluation) -> dict:
            return {"evaluationResultIdentifier": {"evaluationResultQualifier": {
                "configRuleName": e.rule, "resourceType": e.resource_type,
                "resourceId": e.resource_id, "evaluationMode": "DETECTIVE"},
                "orderingTimestamp": _iso(e.recorded), "resourceEvaluationId": str(uuid.uuid4())},
                "complianceType": e.compliance, "resultRecordedTime": _iso(e.recorded),
                "configRuleInvokedTime": _iso(e.recorded)}
        return {"version": "0", "id": str(uuid.uuid4()),
                "detail-type": "Config Rules Compliance Change", "source": "aws.config",
                "account": ACCOUNT, "time": _iso(after.recorded)[:19] + "Z", "region": region,
                "resources": [],
                "detail": {"resourceId": after.resource_id, "awsRegion": region,
                           "awsAccountId": ACCOUNT, "configRuleName": after.rule,
                           "recordVersion": "1.0", "configRuleARN": rule["ConfigRuleArn"],
                           "messageType": "ComplianceChangeNotification",
                           "newEvaluationResult": result(after),
                           # a first evaluation has no old result
                           **({"oldEvaluationResult": result(before)}
                              if before.compliance else {}),
                           "notificationCreationTime": _iso(now()),
                           "resourceType": after.resource_type}}

    def auto_remediate(self, region: str) -> list[str]:
        """Config runs an automatic remediation on each non-compliant resource; the ids."""
        state = self.store.region(region)
        done = []
        for (rule, resource), result in list(state.evaluations.items()):
            config = state.remediations.get(rule)
            if result.compliance == "NON_COMPLIANT" and config and config.get("Automatic"):
                self.run_remediation(region, rule, [resource])
                done.append(resource)
        return done

    def run_remediation(self, region: str, rule: str, resources: list[str]) -> list[str]:
        """Run the rule's document on each resource as its automation role; the failed ids."""
        config = self.store.region(region).remediations[rule]
        role = config.get("Parameters", {}).get("AutomationAssumeRole", {}).get(
            "StaticValue", {}).get("Values", [""])[0]
        failed = []
        for resource in resources:
            started = now()
            error = self._role_error(role) or self._revoke(region, resource, role)
            state = "FAILED" if error else "SUCCEEDED"
            step = {"Name": "DisablePublicAccessForSecurityGroup", "State": state,
                    "StartTime": started, "StopTime": now()}
            if error:
                step["ErrorMessage"] = error
                failed.append(resource)
            self.store.executed(region, rule, Execution(SG_TYPE, resource, state, started,
                                                        now(), [step]))
        return failed

    def _role_error(self, role_arn: str) -> str:
        name = role_arn.rsplit("/", 1)[-1]
        iam = self.session.client("iam", region_name="us-east-1")
        try:
            iam.get_role(RoleName=name)
        except iam.exceptions.NoSuchEntityException:
            return f"The automation role {role_arn} cannot be assumed: it does not exist."
        return ""

    def _revoke(self, region: str, group_id: str, role_arn: str) -> str:
        ec2 = self.session.client("ec2", region_name=region)
        try:
            group = ec2.describe_security_groups(GroupIds=[group_id])["SecurityGroups"][0]
        except ec2.exceptions.ClientError as exc:
            return str(exc)
        revoke = [_public(p) for p in group.get("IpPermissions", [])
                  if any(_opens(p, port) for port in _REMEDIATED_PORTS)]
        revoke = [p for p in revoke if p["IpRanges"] or p["Ipv6Ranges"]]
        if not revoke:
            return ""
        ec2.revoke_security_group_ingress(GroupId=group_id, IpPermissions=revoke)
        items = [{**{k: v for k, v in p.items() if k not in ("IpRanges", "Ipv6Ranges")},
                  "IpRanges": {"Items": p["IpRanges"]}, "Ipv6Ranges": {"Items": p["Ipv6Ranges"]}}
                 for p in revoke]  # CloudTrail writes lists as {"items": […]}
        record = ec2_record(region, "RevokeSecurityGroupIngress",
                            {"GroupId": group_id, "IpPermissions": {"Items": items}}, {})
        session = f"remediation-{uuid.uuid4().hex[:12]}"
        role_name = role_arn.rsplit("/", 1)[-1]
        record["userIdentity"] = {
            "type": "AssumedRole", "principalId": f"AROAEXAMPLEREMEDY0001:{session}",
            "accountId": ACCOUNT, "invokedBy": "ssm.amazonaws.com",
            "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/{role_name}/{session}",
            "sessionContext": {"sessionIssuer": {"type": "Role", "arn": role_arn,
                                                 "accountId": ACCOUNT, "userName": role_name}}}
        record["sourceIPAddress"] = record["userAgent"] = "ssm.amazonaws.com"
        self.trail.append(record)
        return ""
