"""What moto's CloudFormation lacks for organization mode, emulated in moto's own process
(its server runs in ours) the way AWS behaves:

- AWS::Events::EventBusPolicy: one statement on a bus, written and removed with the stack.
  https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-events-eventbuspolicy.html
- SERVICE_MANAGED StackSets: CreateStackInstances reaches every account of the target OUs and
  of the OUs below them (moto goes one level down); DeleteStackInstances takes the OUs as
  DeploymentTargets and refuses Accounts (moto reads only Accounts); neither touches the
  management account (moto deploys there when the root is a target); the AutoDeployment given
  to CreateStackSet is kept and described (moto drops it).
  https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DeleteStackInstances.html
"""

from __future__ import annotations

import json
from typing import Any

from moto.cloudformation import models as cfn_models
from moto.cloudformation import parsing
from moto.cloudformation.exceptions import ValidationError
from moto.cloudformation.responses import CloudFormationResponse
from moto.core.common_models import CloudFormationModel
from moto.core.responses import ActionResult
from moto.events.models import events_backends

from sandbox import sns_resources  # noqa: F401 - its CloudFormation types, registered

_installed = False


class EventBusPolicy(CloudFormationModel):
    def __init__(self, account_id: str, region: str, bus: str, statement_id: str) -> None:
        self.account_id, self.region, self.bus, self.statement_id = (account_id, region, bus,
                                                                     statement_id)

    @property
    def physical_resource_id(self) -> str:
        return self.statement_id

    @staticmethod
    def cloudformation_name_type() -> str:
        return "StatementId"

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::Events::EventBusPolicy"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: Any,
                                        account_id: str, region_name: str,
                                        **kwargs: Any) -> EventBusPolicy:
        props = cloudformation_json["Properties"]
        bus = props.get("EventBusName", "default")
        statement = {**props["Statement"], "Sid": props["StatementId"]}
        events_backends[account_id][region_name].put_permission(
            bus, "", "", "", {}, json.dumps({"Version": "2012-10-17", "Statement": [statement]}))
        return cls(account_id, region_name, bus, props["StatementId"])

    def delete(self, account_id: str, region_name: str) -> None:
        backend = events_backends[account_id][region_name]
        if self.bus in backend.event_buses:
            backend.event_buses[self.bus].remove_statement(self.statement_id)


def _below(org: Any, parents: list[str]) -> list[str]:
    """The OUs given and every OU under them, at any depth."""
    found, todo = list(parents), list(parents)
    while todo:
        parent = todo.pop()
        for ou in org.ou:
            if ou.parent_id == parent and ou.id not in found:
                found.append(ou.id)
                todo.append(ou.id)
    return found


def _create_instances(original):
    def create_instances(self, accounts, regions, parameters, deployment_targets,
                         permission_model):
        ous = deployment_targets.get("OrganizationalUnitIds", [])
        if ous:  # each account once, however deep its OU
            reached = set(_below(self.org_backend, ous))
            accounts = list(dict.fromkeys([*accounts, *(
                a.id for a in self.org_backend.accounts if a.parent_id in reached)]))
        if permission_model == "SERVICE_MANAGED" and self.org_backend.org is not None:
            # StackSets never deploys a service-managed instance to the management account.
            management = self.org_backend.org.master_account_id
            accounts = [a for a in accounts if a != management]
        return original(self, accounts, regions, parameters, {}, permission_model)
    return create_instances


def _delete_stack_instances(self: CloudFormationResponse) -> ActionResult:
    name = self._get_param("StackSetName")
    regions = self._get_param("Regions", [])
    accounts = self._get_param("Accounts", [])
    stack_set = self.cloudformation_backend.describe_stack_set(name)
    if stack_set.permission_model == "SERVICE_MANAGED":
        if accounts:
            raise ValidationError(message="StackSets with SERVICE_MANAGED permission model "
                                          "can only have OrganizationalUnit as target")
        ous = (self._get_params().get("DeploymentTargets") or {}).get(
            "OrganizationalUnitIds", [])
        if not ous:
            raise ValidationError(message="OrganizationalUnitIds are required")
        org = stack_set.instances.org_backend
        reached = set(_below(org, ous))
        accounts = [a.id for a in org.accounts if a.parent_id in reached]
    self.cloudformation_backend.delete_stack_instances(name, accounts, regions)
    return ActionResult({"OperationId": stack_set.operations[-1]["OperationId"]})


def _create_stack_set(original):
    def create_stack_set(self: CloudFormationResponse) -> Any:
        reply = original(self)
        auto = self._get_params().get("AutoDeployment")
        if auto:
            stack_set = self.cloudformation_backend.describe_stack_set(
                self._get_param("StackSetName"))
            stack_set.auto_deployment = {
                key: str(value).lower() == "true" for key, value in auto.items()}
        return reply
    return create_stack_set


def install() -> None:
    """Once per process, before the first stack is parsed."""
    global _installed
    if _installed:
        return
    _installed = True
    parsing.get_model_map.cache_clear()
    parsing.get_name_type_map.cache_clear()
    cfn_models.StackInstances.create_instances = _create_instances(
        cfn_models.StackInstances.create_instances)
    CloudFormationResponse.delete_stack_instances = _delete_stack_instances
    CloudFormationResponse.create_stack_set = _create_stack_set(
        CloudFormationResponse.create_stack_set)
