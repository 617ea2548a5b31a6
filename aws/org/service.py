"""Organization mode: plan, deploy, status and remove through CloudFormation.

A stack in the central account holds the notification and the organization-only bus; a
SERVICE_MANAGED StackSet with auto-deployment puts the forwarding rules into every account of
the chosen OUs and regions. CloudFormation does the fan-out; this only starts it and reads it.
https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-manage-auto-deployment.html
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass

from aws.catalog import Catalog
from aws.errors import AwsError, ChangeWatchError, ErrorKind
from aws.export.intrinsics import LANGUAGE_CONDITION
from aws.export.templates import DIRECT_UPLOAD_LIMIT, LANGUAGE_PARAMETER
from aws.names import tags, topic_name
from aws.org import templates
from aws.org.config import OrgSettings
from aws.session import AwsAccess, call
from aws.settings import Settings

ORGS_REGION = "us-east-1"  # Organizations answers from us-east-1
_DONE_STACK = {"CREATE_COMPLETE", "UPDATE_COMPLETE", "DELETE_COMPLETE"}
_RUNNING_OPERATION = {"RUNNING", "QUEUED", "STOPPING"}
WAIT_SECONDS = 1800.0  # a StackSet over hundreds of accounts takes a while


@dataclass(frozen=True)
class Member:
    account: str
    name: str


@dataclass(frozen=True)
class OrgPlan:
    organization: str
    management: str
    central: str
    call_as: str  # SELF (the management account) or DELEGATED_ADMIN
    home: str
    targets: tuple[str, ...]  # OU ids (or the root id)
    regions: tuple[str, ...]
    members: tuple[Member, ...]  # the accounts the StackSet reaches now
    names: dict[str, str]  # account id -> name, every account of the organization


@dataclass(frozen=True)
class Instance:
    account: str
    region: str
    status: str  # CURRENT / OUTDATED / INOPERABLE
    detail: str  # PENDING / RUNNING / SUCCEEDED / FAILED / CANCELLED / INOPERABLE
    reason: str = ""


@dataclass(frozen=True)
class OrgStatus:
    central: str  # the central stack's status, "" when absent
    stack_set: str  # ACTIVE, "" when absent
    auto_deployment: bool
    operation: dict  # the latest operation: Action, Status, times
    instances: tuple[Instance, ...]


class OrgService:
    def __init__(self, access: AwsAccess, central: AwsAccess, settings: Settings,
                 org: OrgSettings, catalog: Catalog,
                 sleep: Callable[[float], None] = time.sleep,
                 cancelled: Callable[[], bool] | None = None) -> None:
        self.access, self.central_access = access, central
        self.settings, self.org, self.catalog = settings, org, catalog
        self.sleep, self.cancelled = sleep, cancelled
        self.home = settings.home

    # -- reading the organization ----------------------------------------------------------

    def _orgs(self, operation: str, **params) -> dict:
        return call(self.access.client("organizations", ORGS_REGION), operation, ORGS_REGION,
                    self.cancelled, **params)

    def _pages(self, operation: str, key: str, **params) -> list[dict]:
        found, token = [], None
        while True:
            reply = self._orgs(operation, **params, **({"NextToken": token} if token else {}))
            found += reply.get(key, [])
            token = reply.get("NextToken")
            if not token:
                return found

    def _accounts_under(self, parent: str) -> list[str]:
        """Every account in `parent` and the OUs below it (StackSets targets them all)."""
        found = [a["Id"] for a in self._pages("list_accounts_for_parent", "Accounts",
                                               ParentId=parent)]
        for ou in self._pages("list_organizational_units_for_parent", "OrganizationalUnits",
                              ParentId=parent):
            found += self._accounts_under(ou["Id"])
        return found

    def plan(self) -> OrgPlan:
        try:
            organization = self._orgs("describe_organization")["Organization"]
        except AwsError as exc:
            raise ChangeWatchError(kind=ErrorKind.NOT_IN_ORGANIZATION,
                                   detail=exc.detail or str(exc)) from exc
        caller = self.access.identity().account
        central = self.central_access.identity().account
        management = organization["MasterAccountId"]
        targets = self.org.ous or tuple(r["Id"] for r in self._pages("list_roots", "Roots"))
        names = {a["Id"]: a.get("Name", "") for a in self._pages("list_accounts", "Accounts")}
        reached = dict.fromkeys(a for t in targets for a in self._accounts_under(t))
        # StackSets never deploys a service-managed instance to the management account.
        members = tuple(Member(a, names.get(a, "")) for a in reached if a != management)
        _, regions = templates.member(self.settings, self.catalog, self._regions())
        return OrgPlan(organization["Id"], management, central,
                       "SELF" if caller == management else "DELEGATED_ADMIN", self.home,
                       targets, regions, members, names)

    def _regions(self) -> tuple[str, ...]:
        return self.org.regions or self.settings.regions

    # -- the central stack ------------------------------------------------------------------

    def _cfn(self, access: AwsAccess, region: str | None = None):
        return access.client("cloudformation", region or self.home)

    def _cfn_call(self, operation: str, central: bool = False, **params) -> dict:
        access = self.central_access if central else self.access
        return call(self._cfn(access), operation, self.home, self.cancelled, **params)

    def central_template(self, plan: OrgPlan) -> str:
        """One language (the settings'), compact: it is uploaded, not read."""
        body = templates.central(self.settings, self.catalog, plan.organization, plan.names)
        return json.dumps(_one_language(body, self.settings.language), ensure_ascii=False,
                          separators=(",", ":"))

    def _template_source(self, plan: OrgPlan) -> dict:
        """TemplateBody, or above the direct-upload limit a TemplateURL in the bucket the
        settings name (CloudFormation reads a template of up to 1 MB from S3)."""
        text = self.central_template(plan)
        size = len(text.encode())
        if size <= DIRECT_UPLOAD_LIMIT:
            return {"TemplateBody": text}
        bucket = self.org.template_bucket
        if not bucket:
            raise ChangeWatchError(kind=ErrorKind.QUOTA, region=self.home,
                                   operation="CreateStack",
                                   detail=f"the central template is {size:,} bytes, over "
                                          f"{DIRECT_UPLOAD_LIMIT:,}: name a bucket as "
                                          "organization.template_bucket")
        key = f"changewatch/{self.settings.deployment}/central.json"
        call(self.central_access.client("s3", self.home), "put_object", self.home,
             self.cancelled, Bucket=bucket, Key=key, Body=text.encode())
        return {"TemplateURL": f"https://{bucket}.s3.{self.home}.amazonaws.com/{key}"}

    def _central_stack(self) -> dict | None:
        try:
            stacks = self._cfn_call("describe_stacks", True,
                                    StackName=templates.central_stack_name(
                                        self.settings.deployment))["Stacks"]
        except AwsError as exc:
            if "does not exist" in exc.detail or exc.kind == ErrorKind.NOT_FOUND:
                return None
            raise
        return stacks[0] if stacks and stacks[0]["StackStatus"] != "DELETE_COMPLETE" else None

    def _wait_stack(self, name: str) -> dict | None:
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            stack = self._central_stack()
            status = stack["StackStatus"] if stack else "DELETE_COMPLETE"
            if status in _DONE_STACK:
                return stack
            if status.endswith(("FAILED", "ROLLBACK_COMPLETE")) or time.monotonic() > deadline:
                raise AwsError(kind=ErrorKind.AWS_FAILED, region=self.home,
                               operation="CreateStack", detail=f"{name}: {status} "
                               f"{(stack or {}).get('StackStatusReason', '')}".strip())
            self.sleep(5.0)

    def _refuse_taken_names(self) -> None:
        """apply's setup of the same id in the central account has the topic, rules and roles
        the central stack would make: creating it would fail half-way on the roles, and the
        stack would take the (same-named) topic and delete it on remove."""
        central = self.central_access.identity().account
        arn = f"arn:aws:sns:{self.home}:{central}:{topic_name(self.settings.deployment)}"
        try:
            call(self.central_access.client("sns", self.home), "get_topic_attributes",
                 self.home, self.cancelled, TopicArn=arn)
        except AwsError as exc:
            if exc.kind == ErrorKind.NOT_FOUND or "NotFound" in exc.detail:
                return
            raise
        raise ChangeWatchError(kind=ErrorKind.ORG_NAME_TAKEN, region=self.home,
                               operation="CreateStack", detail=self.settings.deployment)

    def deploy_central(self, plan: OrgPlan) -> str:
        """Create (or update) the central stack; the bus ARN it outputs."""
        name = templates.central_stack_name(self.settings.deployment)
        params = {"StackName": name, **self._template_source(plan),
                  "Capabilities": ["CAPABILITY_NAMED_IAM"],
                  "Parameters": [{"ParameterKey": "Email", "ParameterValue": self.settings.email},
                                 {"ParameterKey": templates.ORG_PARAMETER,
                                  "ParameterValue": plan.organization}]}
        if self._central_stack() is None:
            self._refuse_taken_names()
            self._cfn_call("create_stack", True, Tags=tags(self.settings.deployment), **params)
        else:
            try:
                self._cfn_call("update_stack", True, **params)
            except AwsError as exc:
                if "No updates" not in exc.detail:
                    raise
        stack = self._wait_stack(name)
        outputs = {o["OutputKey"]: o["OutputValue"] for o in (stack or {}).get("Outputs", [])}
        return outputs[templates.BUS_PARAMETER]

    # -- the StackSet -----------------------------------------------------------------------

    def _set_call(self, operation: str, plan: OrgPlan, **params) -> dict:
        return self._cfn_call(operation, StackSetName=templates.stack_set_name(
            self.settings.deployment), CallAs=plan.call_as, **params)

    def deploy(self, plan: OrgPlan, on_progress: Callable[[str], None] | None = None) -> dict:
        """Central stack, then the StackSet and its instances; the finished operation."""
        report = on_progress or (lambda step: None)
        report("central")
        bus = self.deploy_central(plan)
        body, regions = templates.member(self.settings, self.catalog, self._regions())
        common = {"TemplateBody": json.dumps(body, indent=1),
                  "Parameters": [{"ParameterKey": templates.BUS_PARAMETER,
                                  "ParameterValue": bus}],
                  "Capabilities": ["CAPABILITY_NAMED_IAM"]}
        report("stack_set")
        if self._stack_set(plan) is None:
            self._set_call("create_stack_set", plan, PermissionModel="SERVICE_MANAGED",
                           AutoDeployment={"Enabled": True,
                                           "RetainStacksOnAccountRemoval": False},
                           Description=body["Description"],
                           Tags=tags(self.settings.deployment), **common)
        else:
            self._wait_operation(plan, self._set_call(
                "update_stack_set", plan, OperationPreferences=self.org.preferences(),
                **common)["OperationId"])
        report("instances")
        reply = self._set_call("create_stack_instances", plan,
                               DeploymentTargets={"OrganizationalUnitIds": list(plan.targets)},
                               Regions=list(regions),
                               OperationPreferences=self.org.preferences())
        return self._wait_operation(plan, reply["OperationId"])

    def _stack_set(self, plan: OrgPlan) -> dict | None:
        try:
            found = self._set_call("describe_stack_set", plan)["StackSet"]
        except AwsError as exc:
            if "StackSetNotFound" in exc.detail or exc.kind == ErrorKind.NOT_FOUND:
                return None
            raise
        return found if found.get("Status") != "DELETED" else None

    def _wait_operation(self, plan: OrgPlan, operation_id: str) -> dict:
        deadline = time.monotonic() + WAIT_SECONDS
        while True:
            operation = self._set_call("describe_stack_set_operation", plan,
                                       OperationId=operation_id)["StackSetOperation"]
            if operation["Status"] not in _RUNNING_OPERATION or time.monotonic() > deadline:
                return operation
            self.sleep(10.0)

    def status(self, plan: OrgPlan) -> OrgStatus:
        central = self._central_stack()
        stack_set = self._stack_set(plan)
        if stack_set is None:
            return OrgStatus(central["StackStatus"] if central else "", "", False, {}, ())
        operations = self._set_call("list_stack_set_operations", plan).get("Summaries", [])
        latest = max(operations, key=lambda o: o["CreationTimestamp"], default={})
        instances = tuple(
            Instance(i["Account"], i["Region"], i.get("Status", ""),
                     i.get("StackInstanceStatus", {}).get("DetailedStatus", ""),
                     i.get("StatusReason", ""))
            for i in self._set_call("list_stack_instances", plan).get("Summaries", []))
        return OrgStatus(central["StackStatus"] if central else "", stack_set["Status"],
                         bool(stack_set.get("AutoDeployment", {}).get("Enabled")), latest,
                         tuple(sorted(instances, key=lambda i: (i.account, i.region))))

    def remove(self, plan: OrgPlan, on_progress: Callable[[str], None] | None = None) -> None:
        """The stack instances, then the StackSet, then the central stack."""
        report = on_progress or (lambda step: None)
        if self._stack_set(plan) is not None:
            regions = sorted({i["Region"] for i in self._set_call(
                "list_stack_instances", plan).get("Summaries", [])})
            if regions:
                report("instances")
                operation = self._wait_operation(plan, self._set_call(
                    "delete_stack_instances", plan, Regions=regions, RetainStacks=False,
                    DeploymentTargets={"OrganizationalUnitIds": list(plan.targets)},
                    OperationPreferences=self.org.preferences())["OperationId"])
                if operation["Status"] != "SUCCEEDED":
                    raise AwsError(kind=ErrorKind.AWS_FAILED, region=self.home,
                                   operation="DeleteStackInstances",
                                   detail=f"operation {operation['Status']}")
            report("stack_set")
            self._set_call("delete_stack_set", plan)
        if self._central_stack() is not None:
            report("central")
            self._cfn_call("delete_stack", True,
                           StackName=templates.central_stack_name(self.settings.deployment))
            self._wait_stack(templates.central_stack_name(self.settings.deployment))


def _one_language(node: object, language: str) -> object:
    """The template with every language choice made: no Language parameter, no condition."""
    if isinstance(node, dict):
        if set(node) == {"Fn::If"} and node["Fn::If"][0] == LANGUAGE_CONDITION:
            return _one_language(node["Fn::If"][1 if language == "ja" else 2], language)
        found = {k: _one_language(v, language) for k, v in node.items()}
        if "Parameters" in found and "Resources" in found:
            found["Parameters"].pop(LANGUAGE_PARAMETER, None)
            found.get("Conditions", {}).pop(LANGUAGE_CONDITION, None)
            if not found.get("Conditions", True):
                del found["Conditions"]
        return found
    if isinstance(node, list):
        return [_one_language(v, language) for v in node]
    return node
