"""Reads a CloudFormation template back as CloudFormation would create it: parameters,
pseudo parameters, Ref, Fn::GetAtt, Fn::Sub and Fn::If resolved for one account and region.
Only what the exported templates use; anything else fails the test loudly."""

from __future__ import annotations

import re

NO_VALUE = object()  # Ref AWS::NoValue: the key it stands in is left out
_SUB = re.compile(r"\$\{(!?)([A-Za-z0-9:]+)(?:\.([A-Za-z]+))?\}")


class Resolver:
    def __init__(self, template: dict, account: str, region: str, partition: str = "aws",
                 parameters: dict[str, str] | None = None) -> None:
        self.template, self.region = template, region
        self.account, self.partition = account, partition
        given = parameters or {}
        self.parameters = {name: given.get(name, p.get("Default"))
                           for name, p in template.get("Parameters", {}).items()}
        self.conditions = {name: self.value(body)
                           for name, body in template.get("Conditions", {}).items()}

    def created(self, logical: str) -> bool:
        """Whether CloudFormation creates the resource (its Condition, if any, holds)."""
        condition = self.template["Resources"][logical].get("Condition")
        return condition is None or self.conditions[condition]

    def resources(self) -> dict[str, tuple[str, dict]]:
        """The resources created with these parameters (a false Condition leaves one out)."""
        return {logical: (body["Type"], self.value(body.get("Properties", {})))
                for logical, body in self.template["Resources"].items()
                if self.created(logical)}

    def ref(self, name: str) -> str:
        pseudo = {"AWS::AccountId": self.account, "AWS::Region": self.region,
                  "AWS::Partition": self.partition}
        if name in pseudo:
            return pseudo[name]
        if name == "AWS::NoValue":
            return NO_VALUE
        if name in self.parameters:
            return self.parameters[name]
        kind, props = self._resource(name)
        if kind == "AWS::SNS::Topic":
            return self._arn("sns", props["TopicName"])
        if kind == "AWS::StepFunctions::StateMachine":
            return self._arn("states", f"stateMachine:{props['StateMachineName']}")
        if kind in ("AWS::IAM::Role", "AWS::Events::Rule"):
            return props.get("RoleName") or props["Name"]
        if kind in ("AWS::Config::ConfigurationRecorder", "AWS::Config::DeliveryChannel"):
            return props["Name"]
        if kind == "AWS::Config::ConfigRule":
            return props["ConfigRuleName"]
        if kind == "AWS::S3::Bucket":
            return props["BucketName"]
        raise AssertionError(f"Ref to {kind} not modelled")

    def get_att(self, name: str, attribute: str) -> str:
        kind, props = self._resource(name)
        assert attribute == "Arn", attribute
        if kind == "AWS::IAM::Role":
            return f"arn:{self.partition}:iam::{self.account}:role{props['Path']}" \
                   f"{props['RoleName']}"
        if kind == "AWS::Events::Rule":
            bus = props.get("EventBusName", "default")
            return self._arn("events", f"rule/{props['Name']}" if bus == "default"
                             else f"rule/{bus}/{props['Name']}")
        if kind == "AWS::S3::Bucket":
            return f"arn:{self.partition}:s3:::{props['BucketName']}"
        if kind == "AWS::Events::EventBus":
            return self._arn("events", f"event-bus/{props['Name']}")
        raise AssertionError(f"GetAtt of {kind} not modelled")

    def _arn(self, service: str, resource: str) -> str:
        return f"arn:{self.partition}:{service}:{self.region}:{self.account}:{resource}"

    def _resource(self, name: str) -> tuple[str, dict]:
        body = self.template["Resources"][name]  # a KeyError is a dangling reference
        assert self.created(name), f"{name} is referred to where it is not created"
        return body["Type"], self.value(body["Properties"])

    def sub(self, text: str) -> str:
        def one(match: re.Match) -> str:
            bang, name, attribute = match.groups()
            if bang:
                return "${" + match.group(0)[3:]
            return self.get_att(name, attribute) if attribute else self.ref(name)
        return _SUB.sub(one, text)

    def value(self, node: object) -> object:
        if isinstance(node, list):
            return [self.value(v) for v in node]
        if not isinstance(node, dict):
            return node
        if len(node) == 1:
            (key, arg), = node.items()
            if key == "Ref":
                return self.ref(arg)
            if key == "Fn::GetAtt":
                return self.get_att(*arg)
            if key == "Fn::Sub":
                return self.sub(arg)
            if key == "Fn::If":
                return self.value(arg[1] if self.conditions[arg[0]] else arg[2])
            if key == "Fn::Equals":
                return self.value(arg[0]) == self.value(arg[1])
            assert not key.startswith("Fn::"), f"{key} not modelled"
        values = {k: self.value(v) for k, v in node.items()}
        return {k: v for k, v in values.items() if v is not NO_VALUE}
