"""aws.events against the LookupEvents emulator, through real boto3 clients."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta

import boto3
import pytest
from botocore.config import Config

from aws.errors import AwsError, Cancelled
from aws.events import OVERLAP, EventReader, Query, WatchedRule, plan_queries
from aws.match import READ_ONLY_STATE
from aws.ratelimit import TokenBucket, shared_bucket
from sandbox.lookup_emulator import LookupEventsEmulator
from tests.aws.records import (
    CONFIG_PATTERN,
    ROOT_SIGNIN_PATTERN,
    SG_PATTERN,
    UNAUTHORIZED_PATTERN,
    console_login,
    describe_instances,
    minutes_ago,
    put_evaluations,
    record,
    run_instances,
    sg_ingress,
    sg_modify,
    stop_recorder,
)

ADAPTIVE = Config(retries={"mode": "adaptive", "max_attempts": 10})
_session_lock = threading.Lock()


def clients(endpoint: str, config: Config = ADAPTIVE):
    """client_for_region as the engine gets it: one client per region, a session each."""

    def make(region: str):
        with _session_lock:
            session = boto3.session.Session()
        return session.client("cloudtrail", region_name=region, endpoint_url=endpoint,
                              config=config, aws_access_key_id="testing",
                              aws_secret_access_key="testing")

    return make


def rule(group: str, pattern: dict, region: str = "us-east-1", state: str = "ENABLED"):
    return WatchedRule(region=region, name=f"changewatch-{group}", group_id=group,
                       pattern=pattern, state=state)


def fast_bucket() -> TokenBucket:
    return TokenBucket(rate=200.0)


class Collector:
    def __init__(self) -> None:
        self.calls: list[list] = []

    def __call__(self, rows) -> None:
        self.calls.append(list(rows))

    @property
    def rows(self) -> list:
        return [row for call in self.calls for row in call]


@pytest.fixture
def emulator():
    emu = LookupEventsEmulator(rate_per_region=1000)
    emu.start()
    yield emu
    emu.stop()


def reader_for(emu, rules, bucket=None, **kwargs) -> EventReader:
    return EventReader(clients(emu.endpoint), rules, bucket=bucket or fast_bucket(), **kwargs)


# --- plan_queries ---------------------------------------------------------------------------

def test_plan_prefers_event_source_for_several_names_of_one_source():
    assert plan_queries([rule("security-groups", SG_PATTERN)]) == (
        Query("us-east-1", "EventSource", "ec2.amazonaws.com"),)


def test_plan_uses_event_name_for_a_single_name():
    one = {"detail": {"eventSource": ["ec2.amazonaws.com"], "eventName": ["CreateVpc"]}}
    assert plan_queries([rule("vpc", one)]) == (Query("us-east-1", "EventName", "CreateVpc"),)


def test_plan_for_conditions_only_patterns():
    assert plan_queries([rule("aws-config", CONFIG_PATTERN)]) == (
        Query("us-east-1", "EventSource", "config.amazonaws.com"),)
    assert plan_queries([rule("root-signin", ROOT_SIGNIN_PATTERN)]) == (
        Query("us-east-1", "EventName", "ConsoleLogin"),)
    no_hint = {"detail": {"userIdentity": {"type": ["Root"]}}}
    assert plan_queries([rule("root-usage", no_hint)]) == (Query("us-east-1", None, None),)


def test_plan_collapses_a_region_onto_one_all_events_query():
    rules = [
        rule("security-groups", SG_PATTERN),
        rule("unauthorized", UNAUTHORIZED_PATTERN, state=READ_ONLY_STATE),
        rule("root-usage", {"detail": {"userIdentity": {"type": ["Root"]}}}),
        rule("security-groups", SG_PATTERN, region="us-west-2"),
    ]
    assert plan_queries(rules) == (
        Query("us-east-1", None, None),
        Query("us-west-2", "EventSource", "ec2.amazonaws.com"),
    )


def test_plan_merges_groups_and_skips_disabled_rules():
    vpc = {"detail": {"eventSource": ["ec2.amazonaws.com"], "eventName": ["CreateVpc"]}}
    rules = [
        rule("vpc", vpc),
        rule("root-signin", ROOT_SIGNIN_PATTERN),
        rule("aws-config", CONFIG_PATTERN, state="DISABLED"),
    ]
    assert plan_queries(rules) == (
        Query("us-east-1", "EventName", "ConsoleLogin"),
        Query("us-east-1", "EventName", "CreateVpc"),
    )
    # A second name of the same source makes one EventSource query cheaper than two.
    gw = {"detail": {"eventSource": ["ec2.amazonaws.com"], "eventName": ["CreateVpc", "X"]}}
    assert Query("us-east-1", "EventSource", "ec2.amazonaws.com") in plan_queries(
        [*rules, rule("gw", gw)])


def test_plan_reads_per_name_where_the_source_is_noisy():
    noisy = [("us-east-1", "ec2.amazonaws.com")]
    queries = plan_queries([rule("security-groups", SG_PATTERN)], per_name=noisy)
    assert [q.key for q in queries] == ["EventName"] * 7
    assert sorted(q.value for q in queries) == sorted(SG_PATTERN["detail"]["eventName"])


# --- EventReader ----------------------------------------------------------------------------

def test_load_streams_pages_and_lists_only_watched_events(emulator):
    emulator.load(sg_ingress(minutes_ago(i)) for i in range(1, 121))
    emulator.load(describe_instances(minutes_ago(i + 0.5)) for i in range(60))
    emulator.load(run_instances(minutes_ago(i + 0.2)) for i in range(10))
    got = Collector()
    rows = reader_for(emulator, [rule("security-groups", SG_PATTERN)]).load(
        timedelta(hours=3), got)
    assert len(rows) == 120
    assert {r.event_name for r in rows} == {"AuthorizeSecurityGroupIngress"}
    assert len(got.calls) >= 3  # rows arrive page by page
    assert emulator.requests("us-east-1") == 4  # 190 events of ec2 in pages of 50
    assert [r.event_time for r in rows] == sorted((r.event_time for r in rows), reverse=True)


def test_row_fields(emulator):
    rec = sg_modify(minutes_ago(3))
    emulator.add(rec)
    (row,) = reader_for(emulator, [rule("security-groups", SG_PATTERN)]).load(
        timedelta(hours=1), Collector())
    assert row.event_id == rec["eventID"]
    assert row.event_time == datetime.fromisoformat(rec["eventTime"])
    assert row.event_time.tzinfo is not None
    assert (row.region, row.event_name, row.event_source) == (
        "us-east-1", "ModifySecurityGroupRules", "ec2.amazonaws.com")
    assert row.user == "arn:aws:sts::123456789012:assumed-role/Admin/bob@example.com"
    assert (row.source_ip, row.resource, row.error_code) == ("203.0.113.10", "sg-0def5678", "")
    assert row.user_agent.startswith("aws-cli/")
    assert (row.read_only, row.group_id, row.record) == (False, "security-groups", rec)


def test_window_limits_the_load(emulator):
    emulator.load([sg_ingress(minutes_ago(m)) for m in (30, 90, 300)])
    rows = reader_for(emulator, [rule("security-groups", SG_PATTERN)]).load(
        timedelta(hours=2), Collector())
    assert len(rows) == 2


def test_polls_deduplicate_and_catch_late_events_inside_the_overlap(emulator):
    newest = minutes_ago(2)
    emulator.load([sg_ingress(newest), sg_ingress(minutes_ago(40))])
    reader = reader_for(emulator, [rule("security-groups", SG_PATTERN)])
    assert len(reader.load(timedelta(hours=1), Collector())) == 2
    got = Collector()
    assert reader.poll(got) == ()
    assert got.calls == []
    late = sg_ingress(newest - timedelta(minutes=5))  # delivered late, inside the overlap
    emulator.add(late)
    assert [r.event_id for r in reader.poll(got)] == [late["eventID"]]
    assert reader.poll(got) == ()
    # Older than the newest seen minus the overlap: missed until the next load (documented).
    too_late = sg_ingress(newest - OVERLAP - timedelta(minutes=5))
    emulator.add(too_late)
    fresh = sg_ingress(minutes_ago(0.5))
    emulator.add(fresh)
    assert [r.event_id for r in reader.poll(got)] == [fresh["eventID"]]
    assert len(got.rows) == 2
    assert too_late["eventID"] in {r.event_id for r in reader.load(timedelta(hours=1), got)}


def test_events_appear_once_cloudtrail_shows_them():
    now = [time.time()]
    emu = LookupEventsEmulator(rate_per_region=1000, clock=lambda: now[0])
    emu.start()
    try:
        reader = reader_for(emu, [rule("security-groups", SG_PATTERN)])
        reader.load(timedelta(hours=1), Collector())
        emu.add(sg_ingress(minutes_ago(1)), visible_after=240)
        assert reader.poll(Collector()) == ()
        now[0] += 241
        assert len(reader.poll(Collector())) == 1
    finally:
        emu.stop()


def test_only_watched_events_of_each_group(emulator):
    emulator.load([
        stop_recorder(minutes_ago(1)), put_evaluations(minutes_ago(2)),
        console_login(minutes_ago(3), root=True), console_login(minutes_ago(4), root=False),
    ])
    denied_read = describe_instances(minutes_ago(5))
    denied_read["errorCode"] = "Client.UnauthorizedOperation"
    denied_write = record("PutBucketPolicy", minutes_ago(6), source="s3.amazonaws.com",
                          error_code="AccessDenied", request={"bucketName": "logs"})
    emulator.load([denied_read, denied_write, describe_instances(minutes_ago(7))])
    rules = [rule("aws-config", CONFIG_PATTERN), rule("root-signin", ROOT_SIGNIN_PATTERN),
             rule("unauthorized-api-calls", UNAUTHORIZED_PATTERN, state=READ_ONLY_STATE)]
    rows = reader_for(emulator, rules).load(timedelta(hours=1), Collector())
    assert [(r.group_id, r.event_name) for r in rows] == [
        ("aws-config", "StopConfigurationRecorder"),
        ("root-signin", "ConsoleLogin"),
        ("unauthorized-api-calls", "DescribeInstances"),
        ("unauthorized-api-calls", "PutBucketPolicy"),
    ]
    assert rows[1].user == "arn:aws:iam::123456789012:root"
    assert rows[3].resource == "logs"  # the group's resource paths, as the email
    # In ENABLED state the read-only AccessDenied would never have reached the rule.
    enabled = [rule("unauthorized", UNAUTHORIZED_PATTERN)]
    names = [r.event_name for r in reader_for(emulator, enabled).load(timedelta(hours=1),
                                                                      Collector())]
    assert names == ["PutBucketPolicy"]


def test_regions_are_read_in_parallel():
    emu = LookupEventsEmulator(latency=0.4, rate_per_region=1000)
    emu.start()
    try:
        regions = ["us-east-1", "us-west-2", "ap-northeast-1", "eu-west-1"]
        for region in regions:
            emu.add(sg_ingress(minutes_ago(1), region=region))
            emu.add(describe_instances(minutes_ago(2), region=region))
        made = {region: clients(emu.endpoint)(region) for region in regions}
        reader = EventReader(made.__getitem__,
                             [rule("security-groups", SG_PATTERN, r) for r in regions],
                             bucket=fast_bucket())
        started = time.monotonic()
        rows = reader.load(timedelta(hours=1), Collector())
        elapsed = time.monotonic() - started
        assert sorted(r.region for r in rows) == sorted(regions)
        assert elapsed < 0.4 * len(regions) * 0.75, elapsed
    finally:
        emu.stop()


def test_steady_state_never_throttles_with_the_shared_bucket():
    emu = LookupEventsEmulator()  # the real limit: 2 per second per region
    emu.start()
    try:
        emu.load(sg_ingress(minutes_ago(i), "us-east-1") for i in range(1, 121))
        emu.load(sg_ingress(minutes_ago(i), "eu-west-1") for i in range(1, 4))
        rules = [rule("security-groups", SG_PATTERN, r) for r in ("us-east-1", "eu-west-1")]
        reader = EventReader(clients(emu.endpoint), rules, bucket=shared_bucket(),
                             account="steady-state-test")
        assert len(reader.load(timedelta(hours=3), Collector())) == 123
        for _ in range(3):
            reader.poll(Collector())
        assert emu.requests("us-east-1") == 3 + 3
        assert emu.requests("eu-west-1") == 1 + 3
        assert emu.throttled("us-east-1") == emu.throttled("eu-west-1") == 0
    finally:
        emu.stop()


def test_throttling_is_survived_when_forced(emulator):
    emulator.load(sg_ingress(minutes_ago(i * 0.5)) for i in range(1, 151))
    emulator.rate_per_region = 1.5  # the reader below asks far faster than allowed
    rows = reader_for(emulator, [rule("security-groups", SG_PATTERN)],
                      bucket=TokenBucket(rate=1000.0, burst=20)).load(
        timedelta(hours=3), Collector())
    assert len(rows) == 150
    assert emulator.throttled("us-east-1") > 0


def test_a_noisy_source_is_read_per_name_afterwards(emulator):
    two = {"detail": {"eventSource": ["ec2.amazonaws.com"],
                      "eventName": ["AuthorizeSecurityGroupIngress", "DeleteSecurityGroup"]}}
    emulator.load(describe_instances(minutes_ago(i * 0.1)) for i in range(160))
    emulator.add(sg_ingress(minutes_ago(1)))
    reader = reader_for(emulator, [rule("sg", two)])
    assert [q.key for q in reader.queries] == ["EventSource"]
    assert len(reader.load(timedelta(hours=1), Collector())) == 1
    assert [q.key for q in reader.queries] == ["EventName", "EventName"]


def test_failures_are_translated_and_do_not_stop_other_regions(emulator):
    emulator.add(sg_ingress(minutes_ago(1), region="us-west-2"))
    good = clients(emulator.endpoint)
    dead = clients("http://127.0.0.1:9", Config(retries={"total_max_attempts": 1},
                                                connect_timeout=1))

    def client_for(region: str):
        return dead(region) if region == "us-east-1" else good(region)

    rules = [rule("security-groups", SG_PATTERN, r) for r in ("us-east-1", "us-west-2")]
    got = Collector()
    with pytest.raises(AwsError) as caught:
        EventReader(client_for, rules, bucket=fast_bucket()).load(timedelta(hours=1), got)
    assert (caught.value.kind, caught.value.region) == ("unreachable", "us-east-1")
    assert [r.region for r in got.rows] == ["us-west-2"]


def test_throttling_after_retries_is_an_aws_error():
    emu = LookupEventsEmulator(rate_per_region=0.01)
    emu.start()
    try:
        reader = EventReader(clients(emu.endpoint, Config(retries={"total_max_attempts": 1})),
                             [rule("security-groups", SG_PATTERN)], bucket=fast_bucket())
        reader.load(timedelta(hours=1), Collector())  # the single token
        with pytest.raises(AwsError) as caught:
            reader.poll(Collector())
        assert caught.value.kind == "throttled"
    finally:
        emu.stop()


def test_cancel_stops_between_calls(emulator):
    reader = reader_for(emulator, [rule("security-groups", SG_PATTERN)])
    with pytest.raises(Cancelled):
        reader.load(timedelta(hours=1), Collector(), cancelled=lambda: True)
    assert emulator.requests("us-east-1") == 0


def test_token_bucket_spaces_calls_with_an_injected_clock():
    now = [0.0]
    naps: list[float] = []

    def sleep(seconds: float) -> None:
        naps.append(seconds)
        now[0] += seconds

    bucket = TokenBucket(rate=2.0, burst=1, clock=lambda: now[0], sleep=sleep)
    stamps = []
    for _ in range(5):
        assert bucket.acquire(("acct", "us-east-1"))
        stamps.append(now[0])
    assert stamps == pytest.approx([0.0, 0.5, 1.0, 1.5, 2.0])
    assert bucket.acquire(("acct", "eu-west-1"))  # another key, no wait
    assert now[0] == pytest.approx(2.0)
    assert not bucket.acquire(("acct", "us-east-1"), cancelled=lambda: True)
    assert max(naps) <= 0.1


def test_source_query_is_kept_while_it_costs_less_than_all_names_of_all_rules(emulator):
    """Two EC2 rules (2 + 3 names) share one EventSource query: 4 pages of noise are cheaper
    than 5 per-name queries, though dearer than either rule's names alone."""
    nacl = {"source": ["aws.ec2"], "detail-type": ["AWS API Call via CloudTrail"],
            "detail": {"eventSource": ["ec2.amazonaws.com"],
                       "eventName": ["CreateNetworkAcl", "DeleteNetworkAcl",
                                     "ReplaceNetworkAclEntry"]}}
    sg = {**SG_PATTERN, "detail": {"eventSource": ["ec2.amazonaws.com"],
                                   "eventName": ["AuthorizeSecurityGroupIngress",
                                                 "ModifySecurityGroupRules"]}}
    emulator.load(describe_instances(minutes_ago(i / 10)) for i in range(170))
    reader = reader_for(emulator, [rule("security-groups", sg), rule("nacl-changes", nacl)],
                        fast_bucket())
    reader.load(timedelta(hours=1), Collector())
    assert reader.queries == (Query("us-east-1", "EventSource", "ec2.amazonaws.com"),)
