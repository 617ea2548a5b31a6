"""Checks on the catalog data itself: resources/catalog.json and resources/samples/*.json.

Every sample CloudTrail record must match its own group's rule pattern and no other group's,
the way EventBridge would build the event from it. Matching uses moto's EventPattern, an
implementation independent of aws/match.py.
"""

from __future__ import annotations

import copy
import json
import re
import uuid
from pathlib import Path

import pytest
from moto.events.models import EventPattern

from aws.match import to_eventbridge

RESOURCES = Path(__file__).resolve().parents[2] / "resources"
SAMPLES = RESOURCES / "samples"
PATTERN_LIMIT = 2048  # EventBridge's default event pattern size, in characters
MAX_RESOURCE_PATHS = 6
API_CALL = "AWS API Call via CloudTrail"
SIGN_IN = "AWS Console Sign In via CloudTrail"
ALL_MANAGEMENT_EVENTS = "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"
PLAIN_PATH = re.compile(r"^\$(\.[A-Za-z_][A-Za-z0-9_]*)+$")
VARIABLE = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
GROUP_IDS = [
    "security-groups",
    "aws-config",
    "root-signin",
    "unauthorized-api-calls",
    "signin-without-mfa",
    "root-usage",
    "iam-policy-changes",
    "cloudtrail-changes",
    "console-auth-failures",
    "kms-key-changes",
    "s3-bucket-policy-changes",
    "nacl-changes",
    "network-gateway-changes",
    "route-table-changes",
    "vpc-changes",
    "organizations-changes",
]


def _load(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


CATALOG = _load(RESOURCES / "catalog.json")
GROUPS = {g["id"]: g for g in CATALOG["groups"]}
SAMPLE_SETS = {gid: _load(SAMPLES / f"{gid}.json") for gid in GROUPS}
NEGATIVE = _load(SAMPLES / "_negative.json")
ALL_SAMPLES = [(gid, rec) for gid, recs in SAMPLE_SETS.items() for rec in recs]


def full_patterns(group: dict) -> list[dict]:
    """The rule patterns a group can produce with all its events chosen."""
    if group["fixed"]:
        return [group["pattern"]]
    named = copy.deepcopy(group["pattern"])
    named.setdefault("detail", {})["eventName"] = [e["name"] for e in group["events"]]
    patterns = [named]
    if group.get("all_events"):
        wide = copy.deepcopy(group["pattern"])
        wide.setdefault("detail", {}).update(copy.deepcopy(group["all_events"]))
        patterns.append(wide)
    return patterns


def matches(group: dict, record: dict) -> list[bool]:
    event = to_eventbridge(record)
    return [EventPattern(None, p).matches_event(event) for p in full_patterns(group)]


def resolve(event: dict, path: str) -> object:
    node: object = event
    for part in path.split(".")[1:]:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def _sample_id(item: tuple[str, dict]) -> str:
    gid, rec = item
    return f"{gid}:{rec['eventName']}:{rec['eventID'][:8]}"


# ---------------------------------------------------------------- catalog shape


def test_groups_in_order_with_unique_ids():
    ids = [g["id"] for g in CATALOG["groups"]]
    assert ids == GROUP_IDS
    assert len(set(ids)) == len(ids)
    assert CATALOG["version"] == 1


@pytest.mark.parametrize("gid", GROUP_IDS)
def test_group_texts_are_filled(gid):
    group = GROUPS[gid]
    for key in ("title", "description"):
        assert group[key]["ja"].strip() and group[key]["en"].strip(), key
    for event in group["events"]:
        assert event["label"]["ja"].strip() and event["label"]["en"].strip(), event["name"]
    names = [e["name"] for e in group["events"]]
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("gid", GROUP_IDS)
def test_group_settings_are_valid(gid):
    group = GROUPS[gid]
    assert group["home"] in ("each", "us-east-1", "us-east-1+each")
    assert isinstance(group["sensitive"], bool) and isinstance(group["fixed"], bool)
    wants_all = gid in ("unauthorized-api-calls", "root-usage")
    assert group["state"] == (ALL_MANAGEMENT_EVENTS if wants_all else "ENABLED")
    assert group["cis"] is None or isinstance(group["cis"], str)
    if not group["fixed"]:
        assert group["events"], "a selectable group needs event names"
        assert "eventName" not in group["pattern"].get("detail", {})
        (source,) = group["pattern"]["source"]
        (event_source,) = group["pattern"]["detail"]["eventSource"]
        assert source == "aws." + event_source.split(".")[0]
        assert group["pattern"]["detail-type"] == [API_CALL]


def test_global_services_live_in_us_east_1():
    assert GROUPS["iam-policy-changes"]["home"] == "us-east-1"
    assert GROUPS["organizations-changes"]["home"] == "us-east-1"
    # Sign-ins through a regional endpoint, and unauthorized calls to regional services, are
    # recorded in that region; global ones in us-east-1: both.
    for gid in ("root-signin", "signin-without-mfa", "console-auth-failures", "root-usage",
                "unauthorized-api-calls"):
        assert GROUPS[gid]["home"] == "us-east-1+each"


def test_signin_groups_match_on_source_and_event_name():
    for group in CATALOG["groups"]:
        if "aws.signin" in group["pattern"].get("source", []):
            assert group["pattern"]["detail"]["eventName"] == ["ConsoleLogin"]
            assert group["fixed"]


def test_root_usage_does_not_cover_console_sign_in():
    # root-signin reports root console sign-ins; root-usage must not alert on them again
    assert GROUPS["root-usage"]["pattern"]["detail-type"] == [API_CALL]


@pytest.mark.parametrize("gid", GROUP_IDS)
def test_patterns_fit_the_size_limit(gid):
    for pattern in full_patterns(GROUPS[gid]):
        assert len(json.dumps(pattern, separators=(",", ":"))) < PATTERN_LIMIT


def test_presets_reference_existing_groups():
    presets = {p["id"]: p for p in CATALOG["presets"]}
    assert set(presets) == {"seed-security-groups", "seed-config-root", "cis"}
    for preset in presets.values():
        assert preset["title"]["ja"].strip() and preset["title"]["en"].strip()
        assert preset["groups"] and set(preset["groups"]) <= set(GROUPS)
    assert presets["seed-security-groups"]["groups"] == ["security-groups"]
    assert presets["seed-config-root"]["groups"] == ["aws-config", "root-signin"]
    with_cis = [g["id"] for g in CATALOG["groups"] if g["cis"]]
    assert presets["cis"]["groups"] == with_cis


# ---------------------------------------------------------------- samples


def test_sample_files_are_exactly_the_groups():
    files = {p.stem for p in SAMPLES.glob("*.json")}
    assert files == set(GROUPS) | {"_negative"}


def test_event_ids_are_unique_uuids():
    ids = [rec["eventID"] for _, rec in ALL_SAMPLES] + [rec["eventID"] for rec in NEGATIVE]
    assert len(set(ids)) == len(ids)
    for event_id in ids:
        assert str(uuid.UUID(event_id)) == event_id


@pytest.mark.parametrize("gid", GROUP_IDS)
def test_every_event_name_has_a_sample(gid):
    group = GROUPS[gid]
    sampled = {rec["eventName"] for rec in SAMPLE_SETS[gid]}
    named = {e["name"] for e in group["events"]}
    if group["fixed"]:
        assert 2 <= len(SAMPLE_SETS[gid]) <= 4
        if named:
            assert sampled <= named
    else:
        assert sampled == named


@pytest.mark.parametrize("item", ALL_SAMPLES + [("_negative", r) for r in NEGATIVE], ids=_sample_id)
def test_samples_look_like_cloudtrail_records(item):
    _, rec = item
    for key in (
        "eventVersion",
        "userIdentity",
        "eventTime",
        "eventSource",
        "eventName",
        "awsRegion",
        "sourceIPAddress",
        "userAgent",
        "requestParameters",
        "responseElements",
        "eventID",
        "readOnly",
        "eventType",
        "recipientAccountId",
    ):
        assert key in rec, key
    assert rec["eventTime"].startswith("2026-11-") and rec["eventTime"].endswith("Z")
    assert "2026-11-17" <= rec["eventTime"][:10] <= "2026-11-22"
    assert rec["recipientAccountId"] == rec["userIdentity"]["accountId"] == "123456789012"
    assert rec["eventType"] in ("AwsApiCall", "AwsConsoleSignIn")
    assert isinstance(rec["readOnly"], bool)


@pytest.mark.parametrize("item", ALL_SAMPLES, ids=_sample_id)
def test_sample_matches_its_group_only(item):
    gid, rec = item
    assert all(matches(GROUPS[gid], rec)), "does not match its own group"
    others = [other for other in GROUP_IDS if other != gid and any(matches(GROUPS[other], rec))]
    assert others == []


@pytest.mark.parametrize("rec", NEGATIVE, ids=lambda r: r["eventName"])
def test_negative_samples_match_no_group(rec):
    assert [gid for gid in GROUP_IDS if any(matches(GROUPS[gid], rec))] == []


def test_negative_samples_cover_the_near_misses():
    names = [rec["eventName"] for rec in NEGATIVE]
    assert names == [
        "DescribeSecurityGroups",
        "DescribeConfigurationRecorders",
        "PutEvaluations",
        "GetBucketPolicy",
        "ConsoleLogin",
    ]


def test_outside_the_condition_groups_samples_succeed_and_are_not_root():
    for gid, rec in ALL_SAMPLES:
        if gid != "unauthorized-api-calls":
            assert "errorCode" not in rec, gid
        if gid not in ("root-usage", "root-signin"):
            assert rec["userIdentity"]["type"] != "Root", gid


def test_modify_rule_sample_changes_a_rule_created_earlier():
    records = sorted(SAMPLE_SETS["security-groups"], key=lambda r: r["eventTime"])
    (modify,) = [r for r in records if r["eventName"] == "ModifySecurityGroupRules"]
    request = modify["requestParameters"]["ModifySecurityGroupRulesRequest"]
    rule_id = request["SecurityGroupRule"]["SecurityGroupRuleId"]
    earlier = [
        item
        for r in records
        if r["eventName"] == "AuthorizeSecurityGroupIngress"
        and r["eventTime"] < modify["eventTime"]
        for item in r["responseElements"]["securityGroupRuleSet"]["items"]
    ]
    assert any(
        item["securityGroupRuleId"] == rule_id and item["groupId"] == request["GroupId"]
        for item in earlier
    )


# ---------------------------------------------------------------- resource paths


@pytest.mark.parametrize("gid", GROUP_IDS)
def test_resource_paths_are_plain_and_few(gid):
    paths = GROUPS[gid]["resource_paths"]
    assert len(paths) <= MAX_RESOURCE_PATHS
    for name, path in paths.items():
        assert VARIABLE.match(name), name
        assert PLAIN_PATH.match(path), path


@pytest.mark.parametrize("gid", GROUP_IDS)
def test_each_resource_path_resolves_in_a_sample(gid):
    events = [to_eventbridge(rec) for rec in SAMPLE_SETS[gid]]
    for name, path in GROUPS[gid]["resource_paths"].items():
        assert any(resolve(e, path) not in (None, "") for e in events), name


@pytest.mark.parametrize("gid", GROUP_IDS)
def test_at_most_one_resource_path_per_sample(gid):
    # the notification concatenates the resource paths, so only one may be present
    paths = GROUPS[gid]["resource_paths"].values()
    for rec in SAMPLE_SETS[gid]:
        present = [p for p in paths if resolve(to_eventbridge(rec), p) is not None]
        assert len(present) <= 1, (rec["eventName"], present)


SUBJECT_PHRASE_MAX = 40  # leaves room in a < 100 character subject for severity, who and where


@pytest.mark.parametrize("gid", GROUP_IDS)
def test_every_group_has_a_severity_and_every_api_a_phrase(gid):
    group = GROUPS[gid]
    assert group["severity"] in ("critical", "high", "medium")
    phrases = [e["phrase"] for e in group["events"]]
    if not group["events"]:  # a group of any denied call or any root call: one phrase for all
        phrases = [group["phrase"]]
    for phrase in phrases:
        for lang in ("ja", "en"):
            text = phrase[lang]
            assert text and text == text.strip() and "\n" not in text
            assert len(text) <= SUBJECT_PHRASE_MAX
        assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", phrase["ja"])  # really Japanese


def test_the_engine_reads_severity_and_phrases():
    from aws.catalog import Severity, load_catalog

    catalog = load_catalog()
    assert catalog.group("root-signin").severity is Severity.CRITICAL
    sg = catalog.group("security-groups")
    assert sg.phrase_of("AuthorizeSecurityGroupIngress", "en") == "Inbound access opened"
    assert catalog.group("unauthorized-api-calls").phrase_of("ListUsers", "ja") == \
        "権限のない API 呼び出し"
