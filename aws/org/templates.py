"""The two templates of organization mode, made from the same desired state as apply.

Central (a stack in the central account's home region): the export's home template with its
rules moved onto an event bus `changewatch-<deployment>` whose policy admits PutEvents only
from accounts of the organization (aws:PrincipalOrgID), and the formatter told the accounts'
names. Member (the StackSet's template, in every account and region): the rules, each sending
what it matches to that bus through a role of its own region.
https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-cross-account.html
"""

from __future__ import annotations

import copy
import json
from collections.abc import Mapping
from datetime import UTC, datetime

from aws.catalog import Catalog, resolve_watch
from aws.desired import INLINE_POLICY, desired_state
from aws.export.intrinsics import STAND_IN, by_language, to_sub
from aws.export.resources import rule_logical_id
from aws.export.templates import Kind, templates
from aws.formatter import definition
from aws.names import FORWARD_TARGET, NAME_PREFIX, ROLE_PATH, tags
from aws.policy import VERSION
from aws.settings import Delivery, Notifications, Settings
from aws.timezone import zone_name

BUS = "CentralBus"
BUS_POLICY = "CentralBusPolicy"
ORG_PARAMETER = "OrganizationId"
BUS_PARAMETER = "CentralBusArn"
FORWARD_ROLE = "ForwardRole"
BUS_STATEMENT = "changewatch-organization"


def bus_name(deployment: str) -> str:
    return f"{NAME_PREFIX}{deployment}"


def central_stack_name(deployment: str) -> str:
    return f"{NAME_PREFIX}{deployment}-central"


def stack_set_name(deployment: str) -> str:
    return f"{NAME_PREFIX}{deployment}-members"


def _definition(settings: Settings, catalog: Catalog, language: str,
                names: Mapping[str, str]) -> object:
    """The formatter's definition with the accounts' names, as the export writes it."""
    groups = [catalog.group(g) for g in resolve_watch(catalog, settings.watch)]
    year = datetime.now(UTC).replace(month=1, day=1, hour=0, minute=0, second=0,
                                     microsecond=0)
    state = desired_state(settings.with_(language=language), catalog, STAND_IN)
    topic = state.regions[settings.home].topic.arn
    text = definition(topic, groups, language, zone_name(settings.timezone),
                      account_names=names, now=year)
    return to_sub(text, {topic: "Topic"}, settings.home, None)


def central(settings: Settings, catalog: Catalog, org_id: str,
            account_names: Mapping[str, str]) -> dict:
    """The central stack's template (deploy in settings.home of the central account)."""
    home = settings.home
    alone = settings.with_(regions=(home,), home_region=home, delivery=Delivery.HOME)
    body = copy.deepcopy(next(t for t in templates(alone, catalog) if t.kind == Kind.HOME).body)
    resources = body["Resources"]
    for resource in resources.values():
        if resource["Type"] == "AWS::Events::Rule":  # by name, after the bus is made
            resource["Properties"]["EventBusName"] = bus_name(settings.deployment)
            resource["DependsOn"] = [BUS]
        if resource["Type"] == "AWS::IAM::Role":  # nothing forwards from the central account
            for policy in resource["Properties"]["Policies"]:
                statements = policy["PolicyDocument"]["Statement"]
                statements[:] = [s for s in statements if s.get("Sid") != "ForwardToHomeBus"]
        if resource["Type"] == "AWS::StepFunctions::StateMachine":
            resource["Properties"]["DefinitionString"], _ = by_language(
                _definition(alone, catalog, "ja", account_names),
                _definition(alone, catalog, "en", account_names))
    resources[BUS] = {"Type": "AWS::Events::EventBus", "Properties": {
        "Name": bus_name(settings.deployment), "Tags": tags(settings.deployment)}}
    resources[BUS_POLICY] = {"Type": "AWS::Events::EventBusPolicy", "DependsOn": [BUS],
                             "Properties": {
        "EventBusName": bus_name(settings.deployment), "StatementId": BUS_STATEMENT,
        "Statement": {"Sid": BUS_STATEMENT, "Effect": "Allow", "Principal": "*",
                      "Action": "events:PutEvents", "Resource": {"Fn::GetAtt": [BUS, "Arn"]},
                      "Condition": {"StringEquals": {
                          "aws:PrincipalOrgID": {"Ref": ORG_PARAMETER}}}}}}
    body["Parameters"][ORG_PARAMETER] = {
        "Type": "String", "Default": org_id, "AllowedPattern": r"o-[a-z0-9]{10,32}",
        "Description": "Only accounts of this organization may send events to the bus."}
    body["Outputs"] = {BUS_PARAMETER: {"Value": {"Fn::GetAtt": [BUS, "Arn"]}}}
    body["Description"] = (
        f"ChangeWatch {settings.deployment}, organization mode, central account: the "
        f"notification, and the event bus {bus_name(settings.deployment)} that accepts events "
        f"only from the organization. Deploy in {home} before the StackSet "
        f"{stack_set_name(settings.deployment)}.")
    return body


def member_rules(settings: Settings, catalog: Catalog, regions: tuple[str, ...]) -> dict:
    """Rule name -> (rule, the regions it belongs in): where each group's events happen."""
    where = settings.with_(regions=regions, delivery=Delivery.PER_REGION,
                           notifications=Notifications.SIMPLE, home_region=None)
    state = desired_state(where, catalog, STAND_IN)
    found: dict[str, tuple] = {}
    for region, desired in state.regions.items():
        for rule in desired.rules:
            old = found.get(rule.name, (rule, ()))
            found[rule.name] = (old[0], (*old[1], region))
    return found


def _condition(regions: tuple[str, ...]) -> dict:
    equals = [{"Fn::Equals": [{"Ref": "AWS::Region"}, r]} for r in sorted(regions)]
    if len(equals) == 1:
        return equals[0]
    chunks = [{"Fn::Or": equals[i:i + 10]} if len(equals[i:i + 10]) > 1 else equals[i]
              for i in range(0, len(equals), 10)]
    return chunks[0] if len(chunks) == 1 else {"Fn::Or": chunks}


def _role(deployment: str) -> dict:
    trust = {"Version": VERSION, "Statement": [{
        "Effect": "Allow", "Principal": {"Service": "events.amazonaws.com"},
        "Action": "sts:AssumeRole",
        "Condition": {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}}}}]}
    policy = {"Version": VERSION, "Statement": [{
        "Sid": "ForwardToCentralBus", "Effect": "Allow", "Action": "events:PutEvents",
        "Resource": {"Ref": BUS_PARAMETER}}]}
    return {"Type": "AWS::IAM::Role", "Properties": {
        "RoleName": {"Fn::Sub": f"{NAME_PREFIX}{deployment}-org-${{AWS::Region}}"},
        "Path": ROLE_PATH, "AssumeRolePolicyDocument": trust, "MaxSessionDuration": 3600,
        "Description": f"ChangeWatch ({deployment}): forwards to the organization's bus",
        "Policies": [{"PolicyName": INLINE_POLICY, "PolicyDocument": policy}],
        "Tags": tags(deployment)}}


def member(settings: Settings, catalog: Catalog, regions: tuple[str, ...]) -> tuple[dict,
                                                                                    tuple]:
    """(the StackSet's template, the regions it deploys to)."""
    rules = member_rules(settings, catalog, regions)
    all_regions = tuple(dict.fromkeys(r for _, where in rules.values() for r in where))
    conditions: dict[str, dict] = {}
    resources: dict[str, dict] = {FORWARD_ROLE: _role(settings.deployment)}
    for rule, where in rules.values():
        logical = rule_logical_id(rule, settings.deployment)
        resource = {"Type": "AWS::Events::Rule", "Properties": {
            "Name": rule.name, "Description": rule.description,
            "EventPattern": json.loads(rule.pattern), "State": rule.state,
            "Targets": [{"Id": FORWARD_TARGET, "Arn": {"Ref": BUS_PARAMETER},
                         "RoleArn": {"Fn::GetAtt": [FORWARD_ROLE, "Arn"]}}],
            "Tags": tags(settings.deployment)}}
        if set(where) != set(all_regions):
            name = "In" + logical.removeprefix("Rule")
            conditions[name] = _condition(where)
            resource["Condition"] = name
        resources[logical] = resource
    body: dict = {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": f"ChangeWatch {settings.deployment}, organization mode, member "
                       "accounts: rules that send matching events to the central bus. "
                       "Deployed by the StackSet, not by hand.",
        "Parameters": {BUS_PARAMETER: {
            "Type": "String", "AllowedPattern": r"arn:aws[a-z-]*:events:[a-z0-9-]+:\d{12}:"
                                                r"event-bus/[A-Za-z0-9._-]+",
            "Description": "The central account's bus (the central stack's output)."}},
    }
    if conditions:
        body["Conditions"] = conditions
    body["Resources"] = resources
    return body, all_regions
