"""Exported CloudFormation templates: read back for one account and region, every resource
equals the engine's desired state for the same settings (nothing missing, nothing extra, the
same properties), in both languages, with the compliance half's Config rules, remediation and
(when asked) recorder; the guide names the order; cfn-lint finds no error."""

from __future__ import annotations

import json

import pytest

from aws.catalog import load_catalog
from aws.compliance.model import desired_compliance
from aws.desired import DesiredState, desired_state
from aws.export import export, templates
from aws.export.templates import DIRECT_UPLOAD_LIMIT, Kind
from aws.names import tags
from aws.session import Identity
from aws.settings import Remediation, Settings, WatchException
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
    "compliance-home": make_settings(compliance=("restricted-ssh",), enable_config=True),
    "compliance-per-region": per_region(compliance=("restricted-ssh",),
                                        remediation=Remediation.OFF),
}


def _expected(state: DesiredState, region: str, settings: Settings) -> dict:
    """What apply creates in `region` (and IAM, with the home region), as API values."""
    deployment = settings.deployment
    desired = state.regions[region]
    found: dict = {"rules": {r.name: {
        "pattern": json.loads(r.pattern), "state": r.state, "description": r.description,
        "targets": [r.target.as_api()], "tags": tags(deployment)} for r in desired.rules}}
    config = desired_compliance(settings, load_catalog(), IDENTITY).get(region)
    if config:  # PutConfigRule's ConfigRule and PutRemediationConfigurations' configuration
        found["config_rules"] = {r.name: r.as_api() for r in config.rules}
        found["remediations"] = {r.name: r.remediation.as_api(r.name) for r in config.rules
                                 if r.remediation}
    if desired.topic:
        topic = desired.topic
        found["topic"] = {"arn": topic.arn, "display": topic.display_name, "kms": topic.kms_key,
                          "tags": tags(deployment), "policy": json.loads(topic.policy),
                          "subscription": ("email", topic.email)}
    if desired.topic and region == settings.home and state.roles:  # IAM is global
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


def _config(found: dict, logical: str, kind: str, props: dict) -> bool:
    """The compliance half's resources read back; False for any other type."""
    if kind == "AWS::Config::ConfigRule":
        assert props["ConfigRuleName"] not in found.setdefault("config_rules", {})
        # CloudFormation makes a rule ACTIVE; its spec has no Tags (see the test below)
        found["config_rules"][props["ConfigRuleName"]] = {**props, "ConfigRuleState": "ACTIVE"}
    elif kind == "AWS::Config::RemediationConfiguration":
        assert props["ConfigRuleName"] not in found.setdefault("remediations", {})
        found["remediations"][props["ConfigRuleName"]] = props
    elif kind == "AWS::CloudFormation::WaitConditionHandle":
        assert logical == "ConfigReady" and props == {}  # the rules' wait for the recorder
    else:
        return False
    return True


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
        elif not _config(found, logical, kind, props):
            raise AssertionError(f"unexpected {kind} {logical}")
    if "config_rules" in found:
        found.setdefault("remediations", {})
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
        assert _read_back(resolver) == _expected(state, template.region, settings)


def _home_expected(settings: Settings) -> tuple[dict, dict]:
    """The home template read back, and what apply makes there (English)."""
    state = desired_state(settings.with_(language="en"), load_catalog(), IDENTITY)
    home = templates(settings, load_catalog())[0]
    resolver = Resolver(home.body, ACCOUNT, home.region, parameters={"Language": "en"})
    return _read_back(resolver), _expected(state, home.region, settings)


@pytest.mark.parametrize("dropped", ["ConfigRuleRestrictedSsh", "RemediationRestrictedSsh"])
def test_the_comparison_fails_when_a_config_resource_is_dropped(dropped, monkeypatch):
    settings = SETTINGS["compliance-home"]
    read, expected = _home_expected(settings)
    assert read == expected
    real = templates

    def without(*args):
        found = real(*args)
        del found[0].body["Resources"][dropped]
        if dropped.startswith("ConfigRule"):  # its remediation refers to it
            del found[0].body["Resources"]["RemediationRestrictedSsh"]
        return found

    monkeypatch.setattr(f"{__name__}.templates", without)
    read, expected = _home_expected(settings)
    assert read != expected
    assert expected["remediations"] and not read.get("remediations")


@pytest.mark.parametrize("create", ["true", "false"])
def test_the_recorder_part_follows_its_parameter(create):
    settings = SETTINGS["compliance-home"]
    config = desired_compliance(settings, load_catalog(), IDENTITY)
    for template in templates(settings, load_catalog()):
        if template.region not in config:
            assert "CreateConfigRecorder" not in template.parameters
            continue
        assert template.parameters["CreateConfigRecorder"] == "false"
        assert "CreateConfigRecorder" in template.body["Description"]
        recorder = config[template.region].recorder
        resolver = Resolver(template.body, ACCOUNT, template.region,
                            parameters={"CreateConfigRecorder": create})
        made = {kind: props for kind, props in resolver.resources().values()
                if kind.startswith("AWS::S3::") or kind in (
                    "AWS::Config::ConfigurationRecorder", "AWS::Config::DeliveryChannel")}
        rules = [k for k, b in template.body["Resources"].items()
                 if b["Type"] == "AWS::Config::ConfigRule"]
        wait = resolver.value(template.body["Resources"]["ConfigReady"]["Metadata"])
        assert all(template.body["Resources"][r]["DependsOn"] == ["ConfigReady"] for r in rules)
        if create == "false":
            assert made == {} and wait == {}
            continue
        assert wait == {"ConfigRecorder": recorder.name, "ConfigDeliveryChannel": recorder.channel}
        api = recorder.recorder_api()
        assert made["AWS::Config::ConfigurationRecorder"] == {
            "Name": api["name"], "RoleARN": api["roleARN"], "RecordingGroup": {
                "AllSupported": False, "IncludeGlobalResourceTypes": False,
                "ResourceTypes": ["AWS::EC2::SecurityGroup"]}}
        assert api["roleARN"].endswith(":role/aws-service-role/config.amazonaws.com/"
                                       "AWSServiceRoleForConfig")
        assert made["AWS::Config::DeliveryChannel"] == {"Name": recorder.channel,
                                                        "S3BucketName": recorder.bucket}
        assert made["AWS::S3::BucketPolicy"] == {
            "Bucket": recorder.bucket, "PolicyDocument": json.loads(recorder.bucket_policy)}
        bucket = made["AWS::S3::Bucket"]  # what apply's _make_bucket puts on it
        assert bucket["BucketName"] == recorder.bucket
        assert bucket["Tags"] == tags(settings.deployment)
        assert all(bucket["PublicAccessBlockConfiguration"].values())
        assert bucket["BucketEncryption"]["ServerSideEncryptionConfiguration"] == [{
            "ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"},
            "BucketKeyEnabled": True}]


def test_no_recorder_part_unless_the_settings_turn_config_on():
    for template in templates(SETTINGS["compliance-per-region"], load_catalog()):
        kinds = {r["Type"] for r in template.body["Resources"].values()}
        assert "CreateConfigRecorder" not in template.parameters
        assert not kinds & {"AWS::Config::ConfigurationRecorder", "AWS::S3::Bucket"}
        assert not any("DependsOn" in r for r in template.body["Resources"].values())


def test_config_rules_carry_no_tags_because_cloudformation_has_none():
    """If CloudFormation's ConfigRule gains Tags, the export must add apply's tag."""
    from cfnlint.schema import PROVIDER_SCHEMA_MANAGER

    schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema("ap-northeast-1",
                                                         "AWS::Config::ConfigRule").schema
    assert "Tags" not in schema["properties"]


def test_the_roles_are_in_one_template_only():
    for name in ("compliance-home", "compliance-per-region"):
        holders = [t for t in templates(SETTINGS[name], load_catalog())
                   if any(r["Type"] == "AWS::IAM::Role" for r in t.body["Resources"].values())]
        assert [t.region for t in holders] == [SETTINGS[name].home], name


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
    # with the recorder part (rich home, forward) and without it (per-region)
    for name in ("compliance-home", "home-simple", "compliance-per-region"):
        for template in templates(SETTINGS[name], load_catalog()):
            distinct.setdefault((name if template.kind == Kind.HOME else template.kind), template)
    for template in distinct.values():
        matches = lint(template.text, regions=[template.region])
        errors = [f"{m.rule.id} {m.message}" for m in matches if m.rule.id.startswith("E")]
        assert errors == [], template.file_name


def test_the_guide_says_what_the_config_part_makes_and_when_to_create_the_recorder(tmp_path):
    settings = SETTINGS["compliance-home"].with_(watch=("security-groups",))
    guide = export(settings, load_catalog(), tmp_path, "en").guide.read_text(encoding="utf-8")
    assert guide.count("AWS Config rules: changewatch-test-restricted-ssh") == 2
    assert "CreateConfigRecorder=false" in guide
    assert "cannot know whether AWS Config is already on" in guide
    assert "create-service-linked-role --aws-service-name config.amazonaws.com" in guide
    ja = export(settings, load_catalog(), tmp_path, "ja").guide.read_text(encoding="utf-8")
    assert "AWSServiceRoleForConfig" in ja and "CreateConfigRecorder" in ja
    plain = export(SETTINGS["home-simple"], load_catalog(), tmp_path / "plain", "en")
    assert "AWS Config" not in plain.guide.read_text(encoding="utf-8")


def test_per_region_puts_the_role_holder_first_and_says_so():
    settings = SETTINGS["compliance-per-region"].with_(home_region="us-west-2")
    exported = templates(settings, load_catalog())
    assert exported[0].region == "us-west-2"
    assert "RemediationRole" in exported[0].body["Resources"]


def test_a_long_deployment_id_lets_cloudformation_name_the_bucket():
    settings = SETTINGS["compliance-home"].with_(deployment="d" * 32)
    for template in templates(settings, load_catalog()):
        assert "cwexport" not in template.text  # no stand-in value left anywhere
        bucket = template.body["Resources"].get("ConfigBucket")
        if bucket:
            assert "BucketName" not in bucket["Properties"]
            channel = template.body["Resources"]["ConfigDeliveryChannel"]["Properties"]
            assert channel["S3BucketName"] == {"Ref": "ConfigBucket"}
