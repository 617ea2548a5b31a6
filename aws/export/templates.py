"""One CloudFormation template per region, built from the same desired state apply uses."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum

import aws.export.compliance as compliance
import aws.export.resources as resources
from aws.catalog import Catalog
from aws.compliance.model import DesiredCompliance, desired_compliance
from aws.desired import DesiredRegion, DesiredState, desired_state
from aws.export.intrinsics import LANGUAGE_CONDITION, STAND_IN, by_language, substitute
from aws.settings import Delivery, Settings

# A template body passed directly (console upload or --template-body) is limited to 51,200
# bytes; a bigger one must come from S3 (`aws cloudformation deploy --s3-bucket …`).
# https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html
DIRECT_UPLOAD_LIMIT = 51_200
HOME_PARAMETER = "HomeRegion"
LANGUAGE_PARAMETER = "Language"
CAPABILITIES = ("CAPABILITY_NAMED_IAM",)


class Kind(StrEnum):
    """HOME: the notification, the roles and the home rules (deploy first); FORWARD: rules
    that forward to the home region; REGIONAL: a region notifying on its own."""

    HOME = "home"
    FORWARD = "forward"
    REGIONAL = "regional"


@dataclass(frozen=True)
class Template:
    region: str
    kind: Kind
    stack_name: str
    body: dict

    @property
    def file_name(self) -> str:
        return f"{self.stack_name}.json"

    @property
    def text(self) -> str:
        return json.dumps(self.body, indent=2, ensure_ascii=False) + "\n"

    @property
    def size(self) -> int:
        return len(self.text.encode())

    @property
    def needs_s3(self) -> bool:
        return self.size > DIRECT_UPLOAD_LIMIT

    @property
    def parameters(self) -> dict[str, str]:
        return {name: p.get("Default", "") for name, p in self.body.get("Parameters", {}).items()}


def _key_arns(settings: Settings) -> dict[str, str]:
    """Keys named by ARN are used as given (apply checks them on AWS; export cannot)."""
    regions = {*settings.regions, settings.home}
    return {r: k for r in regions if (k := settings.kms_key_for(r)) and k.startswith("arn:")}


def _kind(settings: Settings, region: DesiredRegion) -> Kind:
    if settings.delivery == Delivery.PER_REGION:
        return Kind.REGIONAL
    return Kind.FORWARD if region.forwards_to else Kind.HOME


def _description(settings: Settings, kind: Kind, region: str) -> str:
    dep = settings.deployment
    if kind == Kind.HOME:
        text = (f"ChangeWatch {dep}: the notification (topic, email, formatter), its roles and "
                f"the rules of {region}. Deploy this stack first, in {region}, with "
                "CAPABILITY_NAMED_IAM; then the forwarding stacks, in their regions, in any "
                "order. Confirm the subscription from the email AWS sends.")
    elif kind == Kind.FORWARD:
        text = (f"ChangeWatch {dep}: the rules of {region}, forwarding matching events to the "
                f"default event bus of {settings.home}. Deploy in {region}, after the home "
                f"stack (changewatch-{dep}-{settings.home}), which holds their role.")
    else:
        text = (f"ChangeWatch {dep}: {region} notifies on its own (topic, email, rules). "
                f"Deploy in {region}; each region's stack is independent. Confirm the "
                "subscription from the email AWS sends.")
    return text[:1024]


def _compliance_description(settings: Settings, desired: DesiredCompliance | None) -> str:
    if desired is None:
        return ""
    text = (f" AWS Config rules: {', '.join(r.name for r in desired.rules)}; they evaluate "
            "only where Config records.")
    if settings.enable_config:
        text += (" A template cannot know whether Config is already on in the account: "
                 f"set {compliance.RECORDER_PARAMETER}=true only where it is off (the recorder "
                 "uses the service-linked role AWSServiceRoleForConfig, which must exist).")
    return text


def _parameters(settings: Settings, kind: Kind, language: bool) -> dict:
    found: dict[str, dict] = {}
    if kind != Kind.FORWARD:
        found[resources.EMAIL_PARAMETER] = {
            "Type": "String", "Default": settings.email,
            "AllowedPattern": r"[^@\s]+@[^@\s]+\.[^@\s]+",
            "Description": "Where the notifications go (confirm the subscription email)."}
    if language:
        found[LANGUAGE_PARAMETER] = {
            "Type": "String", "Default": settings.language, "AllowedValues": ["ja", "en"],
            "Description": "The language of the notifications."}
    if kind == Kind.FORWARD:
        found[HOME_PARAMETER] = {
            "Type": "String", "Default": settings.home,
            "AllowedPattern": r"[a-z]{2}(-[a-z]+)+-\d",
            "Description": "The region that holds the notification (its home stack first)."}
    return found


def _resources(state: DesiredState, region: str, settings: Settings, kind: Kind,
               config: DesiredCompliance | None) -> dict:
    desired = state.regions[region]
    found = resources.region_resources(state, desired, settings.deployment, settings.home)
    with_recorder = config is not None and settings.enable_config
    found.update(compliance.region_resources(config, settings.deployment, with_recorder))
    home_param = HOME_PARAMETER if kind == Kind.FORWARD else None
    refs = resources.refs(state, desired, settings.deployment, settings.home)
    if config is not None:
        refs.update(compliance.refs(config, with_recorder))
    converted = {}
    for logical, resource in found.items():
        converted[logical] = {k: substitute(v, refs, region, home_param)
                              for k, v in resource.items()}
        if resource["Type"] == "AWS::SNS::Subscription":
            converted[logical]["Properties"]["Endpoint"] = {"Ref": resources.EMAIL_PARAMETER}
    return converted


def _region_check(region: str) -> dict:
    """Each template is for one region (its rules are that region's): refuse any other."""
    return {"InItsRegion": {"Assertions": [{
        "Assert": {"Fn::Equals": [{"Ref": "AWS::Region"}, region]},
        "AssertDescription": f"This template is for {region}: create the stack there."}]}}


def templates(settings: Settings, catalog: Catalog) -> tuple[Template, ...]:
    """The templates for these settings, the home one first."""
    keys = _key_arns(settings)
    by_lang = {lang: desired_state(settings.with_(language=lang), catalog, STAND_IN, keys)
               for lang in ("ja", "en")}
    config_by_region = desired_compliance(settings, catalog, STAND_IN)
    found = []
    for region, desired in by_lang[settings.language].regions.items():
        kind = _kind(settings, desired)
        config = config_by_region.get(region)
        body, language = by_language(_resources(by_lang["ja"], region, settings, kind, config),
                                     _resources(by_lang["en"], region, settings, kind, config))
        template: dict = {"AWSTemplateFormatVersion": "2010-09-09",
                          "Description": (_description(settings, kind, region)
                                          + _compliance_description(settings, config))[:1024],
                          "Parameters": _parameters(settings, kind, language),
                          "Rules": _region_check(region)}
        conditions = {}
        if language:
            conditions[LANGUAGE_CONDITION] = {"Fn::Equals": [{"Ref": LANGUAGE_PARAMETER}, "ja"]}
        if config is not None and settings.enable_config:
            template["Parameters"][compliance.RECORDER_PARAMETER] = compliance.parameter()
            conditions[compliance.RECORDER_CONDITION] = compliance.condition()
        if conditions:
            template["Conditions"] = conditions
        template["Resources"] = body
        if not template["Parameters"]:
            del template["Parameters"]
        found.append(Template(region, kind, f"changewatch-{settings.deployment}-{region}",
                              template))
    # the home one first; in per-region delivery, the home region's (it holds the roles)
    return tuple(sorted(found, key=lambda t: (t.kind != Kind.HOME, t.region != settings.home)))
