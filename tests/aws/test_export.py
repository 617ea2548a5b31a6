"""Exported CloudFormation templates: read back for one account and region, every resource
equals the engine's desired state for the same settings (nothing missing, nothing extra, the
same properties), in both languages; the guide names the order; cfn-lint finds no error."""

from __future__ import annotations

import json

import pytest

from aws.catalog import load_catalog
from aws.desired import DesiredState, desired_state
from aws.export import export, templates
from aws.export.templates import DIRECT_UPLOAD_LIMIT, Kind
from aws.names import tags
from aws.session import Identity
from aws.settings import WatchException
from tests.aws.cfn_resolve import Resolver
from tests.aws.helpers import make_settings, per_region

ACCOUNT = "123456789012"
IDENTITY = Identity(ACCOUNT, f"arn:aws:iam::{ACCOUNT}:user/admin")
KEY = "arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
DEPLOYER = "arn:aws:iam::210987654321:role/deployer"
SETTINGS = {
    "home-rich": make_settings(),
    "home-simple": make_settings(notifications="simple", language="en"),
    "per-region": per_region(),
    "kms-exceptions": make_settings(
        kms_key=KEY, regions=("ap-northeast-1",), watch=("security-groups", "iam-policy-changes"),
        exceptions=(WatchException(groups=("security-groups",), callers=(DEPLOYER,)),)),
}


def _expected(state: DesiredState, region: str, deployment: str) -> dict:
    """What apply creates in `region` (and IAM, with the home region), as API values."""
    desired = state.regions[region]
    found: dict = {"rules": {r.name: {
        "pattern": json.loads(r.pattern), "state": r.state, "description": r.description,
        "targets": [r.target.as_api()], "tags": tags(deployment)} for r in desired.rules}}
    if desired.topic:
        topic = desired.topic
        found["topic"] = {"arn": topic.arn, "display": topic.display_name, "kms": topic.kms_key,
                          "tags": tags(deployment), "policy": json.loads(topic.policy),
                          "subscription": ("email", topic.email)}
        found["roles"] = {r.name: {"arn": r.arn, "path": r.path, "trust": json.loads(r.trust),
                                   "policy": json.loads(r.policy), "description": r.description,
                                   "tags": tags(deployment)} for r in state.roles}
    if desired.state_machine:
        m = desired.state_machine
        found["machine"] = {"name": m.name, "arn": m.arn, "type": m.type, "role": m.role_arn,
                            "definition": json.loads(m.definition), "tags": tags(deployment)}
    return found


def _topic(found: dict, props: dict, resolver: Resolver) -> None:
    found["topic"] = {**found.get("topic", {}), "arn": resolver.ref("Topic"),
                      "display": props["DisplayName"], "kms": props.get("KmsMasterKeyId"),
                      "tags": props["Tags"]}


def _read_back(resolver: Resolver) -> dict:
    """The template's resources as the same API values, property by property; a resource of
    any other type, or a second one of a kind that has one, fails."""
    found: dict = {"rules": {}}
    for logical, (kind, props) in resolver.resources().items():
        if kind == "AWS::Events::Rule":
            assert props["Name"] not in found["rules"]
            found["rules"][props["Name"]] = {
                "pattern": props["EventPattern"], "state": props["State"],
                "description": props["Description"], "targets": props["Targets"],
                "tags": props["Tags"]}
        elif kind == "AWS::SNS::Topic":
            _topic(found, props, resolver)
        elif kind == "AWS::SNS::TopicPolicy":
            assert props["Topics"] == [resolver.ref("Topic")]
            found.setdefault("topic", {})["policy"] = props["PolicyDocument"]
        elif kind == "AWS::SNS::Subscription":
            assert props["TopicArn"] == resolver.ref("Topic")
            found.setdefault("topic", {})["subscription"] = (props["Protocol"], props["Endpoint"])
        elif kind == "AWS::IAM::Role":
            (policy,) = props["Policies"]
            assert policy["PolicyName"] == "changewatch" and props["MaxSessionDuration"] == 3600
            found.setdefault("roles", {})[props["RoleName"]] = {
                "arn": resolver.get_att(logical, "Arn"), "path": props["Path"],
                "trust": props["AssumeRolePolicyDocument"], "policy": policy["PolicyDocument"],
                "description": props["Description"], "tags": props["Tags"]}
        elif kind == "AWS::StepFunctions::StateMachine":
            assert "machine" not in found
            found["machine"] = {"name": props["StateMachineName"], "arn": resolver.ref(logical),
                                "type": props["StateMachineType"], "role": props["RoleArn"],
                                "definition": json.loads(props["DefinitionString"]),
                                "tags": props["Tags"]}
        else:
            raise AssertionError(f"unexpected {kind} {logical}")
    if "topic" in found:
        found.setdefault("roles", {})
    return found


@pytest.mark.parametrize("name", sorted(SETTINGS))
@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_resource_equals_the_desired_state(name, language):
    settings = SETTINGS[name]
    state = desired_state(settings.with_(language=language), load_catalog(), IDENTITY,
                          {"ap-northeast-1": KEY} if settings.kms_key else None)
    exported = templates(settings, load_catalog())
    assert {t.region for t in exported} == set(state.regions)
    for template in exported:
        resolver = Resolver(template.body, ACCOUNT, template.region,
                            parameters={"Language": language})
        assert _read_back(resolver) == _expected(state, template.region, settings.deployment)


def test_forwarding_templates_follow_the_home_region_parameter():
    settings = make_settings()
    forward = next(t for t in templates(settings, load_catalog()) if t.kind == Kind.FORWARD)
    moved = Resolver(forward.body, ACCOUNT, forward.region, parameters={"HomeRegion": "eu-west-1"})
    targets = [props["Targets"][0] for _, props in moved.resources().values()]
    assert {t["Arn"] for t in targets} == {f"arn:aws:events:eu-west-1:{ACCOUNT}:event-bus/default"}


def test_home_first_parameters_and_region_checks():
    exported = templates(make_settings(), load_catalog())
    assert [t.kind for t in exported] == [Kind.HOME, Kind.FORWARD, Kind.FORWARD]
    home = exported[0]
    assert home.region == "ap-northeast-1"
    assert home.parameters == {"Email": "ops@example.com", "Language": "ja"}
    assert set(exported[1].parameters) == {"HomeRegion"}
    for template in exported:
        (check,) = template.body["Rules"]["InItsRegion"]["Assertions"]
        assert check["Assert"] == {"Fn::Equals": [{"Ref": "AWS::Region"}, template.region]}


def test_export_writes_templates_and_a_guide_in_order(tmp_path):
    settings = make_settings(watch=tuple(g.id for g in load_catalog().groups))
    exported = export(settings, load_catalog(), tmp_path / "out", "en")
    guide = exported.guide.read_text(encoding="utf-8")
    names = [t.file_name for t in exported.templates]
    assert [guide.index(n) for n in names] == sorted(guide.index(n) for n in names)
    assert guide.index("ap-northeast-1.json") < guide.index("us-west-2.json")
    for template in exported.templates:
        assert json.loads((tmp_path / "out" / template.file_name).read_text()) == template.body
    big = [t for t in exported.templates if t.size > DIRECT_UPLOAD_LIMIT]
    assert big, "every group in both languages is over the direct-upload limit"
    assert "--s3-bucket" in guide
    assert any("S3" in line for line in exported.summary("en"))


def test_templates_pass_cfn_lint():
    from cfnlint.api import lint

    distinct = {}  # one template of each shape (cfn-lint takes seconds per template)
    for name in ("home-rich", "home-simple", "per-region"):
        for template in templates(SETTINGS[name], load_catalog()):
            distinct.setdefault((name if template.kind == Kind.HOME else template.kind), template)
    for template in distinct.values():
        matches = lint(template.text, regions=[template.region])
        errors = [f"{m.rule.id} {m.message}" for m in matches if m.rule.id.startswith("E")]
        assert errors == [], template.file_name
