"""The engine's desired objects as CloudFormation resources, property for property.

Each resource carries exactly what apply sends: the names, the pattern, the target (with its
role and input transformer), the policies, the state machine's definition and the tag.
"""

from __future__ import annotations

import json

from aws.compliance.names import remediation_role_name
from aws.desired import (
    INLINE_POLICY,
    DesiredRegion,
    DesiredRole,
    DesiredRule,
    DesiredState,
    DesiredStateMachine,
    DesiredTopic,
)
from aws.names import events_role_name, tags

TOPIC = "Topic"
TOPIC_POLICY = "TopicPolicy"
SUBSCRIPTION = "EmailSubscription"
FORMATTER = "Formatter"
EVENTS_ROLE = "EventsRole"
NOTIFY_ROLE = "NotifyRole"
REMEDIATION_ROLE = "RemediationRole"
EMAIL_PARAMETER = "Email"


def rule_logical_id(rule: DesiredRule, deployment: str) -> str:
    """`Rule` + the name after the deployment prefix in CamelCase (names are unique)."""
    tail = rule.name.removeprefix(f"changewatch-{deployment}-")
    return "Rule" + "".join(part[:1].upper() + part[1:] for part in tail.split("-")
                            if part.isalnum())


def role_logical_id(role: DesiredRole, deployment: str) -> str:
    if role.name == remediation_role_name(deployment):
        return REMEDIATION_ROLE
    return EVENTS_ROLE if role.name == events_role_name(deployment) else NOTIFY_ROLE


def holds_roles(region: DesiredRegion, home: str) -> bool:
    """The roles (IAM names are global) go into one template: the home region's, which holds
    the notification in home delivery and comes first in the guide in either delivery."""
    return region.topic is not None and region.region == home


def refs(state: DesiredState, region: DesiredRegion, deployment: str,
         home: str) -> dict[str, str]:
    """ARN → what Fn::Sub writes for it, for the resources of this region's template."""
    found = {rule.arn: f"{rule_logical_id(rule, deployment)}.Arn" for rule in region.rules}
    if region.topic:
        found[region.topic.arn] = TOPIC  # Ref of a topic is its ARN
    if region.state_machine:
        found[region.state_machine.arn] = FORMATTER  # and of a state machine too
    if holds_roles(region, home):
        found.update({role.arn: f"{role_logical_id(role, deployment)}.Arn"
                      for role in state.roles})
    return found


def _tags(deployment: str) -> list[dict[str, str]]:
    return tags(deployment)


def rule(rule: DesiredRule, deployment: str) -> dict:
    return {"Type": "AWS::Events::Rule", "Properties": {
        "Name": rule.name, "Description": rule.description,
        "EventPattern": json.loads(rule.pattern), "State": rule.state,
        "Targets": [rule.target.as_api()], "Tags": _tags(deployment)}}


def topic(topic: DesiredTopic, deployment: str) -> dict:
    properties = {"TopicName": topic.name, "DisplayName": topic.display_name,
                  "Tags": _tags(deployment)}
    if topic.kms_key:
        properties["KmsMasterKeyId"] = topic.kms_key
    return {"Type": "AWS::SNS::Topic", "Properties": properties}


def topic_policy(topic: DesiredTopic) -> dict:
    return {"Type": "AWS::SNS::TopicPolicy", "Properties": {
        "Topics": [topic.arn], "PolicyDocument": json.loads(topic.policy)}}


def subscription(topic: DesiredTopic) -> dict:
    return {"Type": "AWS::SNS::Subscription", "Properties": {
        "TopicArn": topic.arn, "Protocol": "email", "Endpoint": topic.email}}


def state_machine(machine: DesiredStateMachine, deployment: str) -> dict:
    return {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
        "StateMachineName": machine.name, "StateMachineType": machine.type,
        "DefinitionString": machine.definition, "RoleArn": machine.role_arn,
        "Tags": _tags(deployment)}}


def role(role: DesiredRole, deployment: str) -> dict:
    return {"Type": "AWS::IAM::Role", "Properties": {
        "RoleName": role.name, "Path": role.path, "Description": role.description[:1000],
        "AssumeRolePolicyDocument": json.loads(role.trust), "MaxSessionDuration": 3600,
        "Policies": [{"PolicyName": INLINE_POLICY, "PolicyDocument": json.loads(role.policy)}],
        "Tags": _tags(deployment)}}


def region_resources(state: DesiredState, region: DesiredRegion, deployment: str,
                     home: str) -> dict:
    """Every resource of one region's template, with the concrete (stand-in) values."""
    found: dict[str, dict] = {}
    if holds_roles(region, home):
        for desired_role in state.roles:
            found[role_logical_id(desired_role, deployment)] = role(desired_role, deployment)
    if region.topic:
        found[TOPIC] = topic(region.topic, deployment)
        found[TOPIC_POLICY] = topic_policy(region.topic)
        found[SUBSCRIPTION] = subscription(region.topic)
    if region.state_machine:
        found[FORMATTER] = state_machine(region.state_machine, deployment)
    for desired_rule in region.rules:
        found[rule_logical_id(desired_rule, deployment)] = rule(desired_rule, deployment)
    return found
