"""aws.events against the LookupEvents emulator, through real boto3 clients."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import boto3
import pytest
from botocore.config import Config

from aws.errors import AwsError, Cancelled
from aws.events import OVERLAP, PAGE_SIZE, EventReader, Query, WatchedRule, plan_queries
from aws.match import READ_ONLY_STATE
from aws.ratelimit import SkippingClock, TokenBucket, shared_bucket
from sandbox.lookup_busy import busy_region
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
    """on_progress: every page the reader streams; `calls` are those that brought rows."""

    def __init__(self) -> None:
        self.pages: list = []
        self.calls: list[list] = []

    def __call__(self, page) -> None:
        self.pages.append(page)
        if page.rows:
            self.calls.append(list(page.rows))

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
    # The role session name, as CloudTrail's Event history shows it; the ARN says the rest.
    assert row.user == "bob@example.com"
    assert row.user_arn == "arn:aws:sts::123456789012:assumed-role/Admin/bob@example.com"
    assert (row.label_in("en"), row.label_in("ja")) == ("Security group rule modified",
                                                        "セキュリティグループルールを変更")
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
    assert (rows[1].user, rows[1].user_arn) == ("root", "arn:aws:iam::123456789012:root")
    # A group without event names (unauthorized calls) names the event by its group.
    assert rows[2].label_in("en") == "Unauthorized API calls"
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


# --- a busy region: an all-events scan, paced, bounded, stoppable --------------------------

BUSY = 20_000


@pytest.fixture(scope="module")
def busy():
    """20 000 events in us-east-1, one every 2 s back from now (11 hours), 1 in 400 refused;
    the emulator's real limit (2/s per region) judged on a clock the reader's bucket shares."""
    clock = SkippingClock()
    emu = LookupEventsEmulator(limit_clock=clock)
    emu.start()
    newest = datetime.now(UTC) - timedelta(seconds=30)
    assert emu.load(busy_region("us-east-1", BUSY, newest, timedelta(seconds=2))) == BUSY
    yield emu, clock
    emu.stop()


def busy_reader(emu, clock, **kwargs) -> EventReader:
    bucket = TokenBucket(clock=clock, sleep=clock.sleep)  # the shipped pace, 1.6/s
    unauthorized = rule("unauthorized-api-calls", UNAUTHORIZED_PATTERN, state=READ_ONLY_STATE)
    return EventReader(clients(emu.endpoint), [unauthorized], bucket=bucket, **kwargs)


def test_a_busy_region_streams_its_first_rows_long_before_the_scan_ends_never_throttled(busy):
    emu, clock = busy
    before, throttled = emu.requests("us-east-1"), emu.throttled("us-east-1")
    reader = busy_reader(emu, clock, scan_pages=BUSY // PAGE_SIZE + 1)
    got = Collector()
    stamps: list[float] = []
    started = clock()
    rows = reader.load(timedelta(hours=12), lambda page: (got(page), stamps.append(clock())))
    assert len(rows) == BUSY // 400  # every refused call, once
    pages = len(got.pages)
    assert pages == BUSY // PAGE_SIZE
    first = next(i for i, page in enumerate(got.pages) if page.rows)
    assert first == 0  # the newest event is a refused call: rows on the first page
    # On the shared clock: the whole scan takes four minutes; the first rows come in its first
    # 2 % (a second or so; a loaded machine adds its own real seconds to the shared clock).
    assert stamps[-1] - started > 240 and stamps[first] - started < 0.02 * (stamps[-1] - started)
    assert emu.requests("us-east-1") - before == pages
    assert emu.throttled("us-east-1") == throttled == 0
    # Paced: 400 pages at 1.6/s take ~250 s on the shared clock; nothing faster than the limit.
    assert clock() - started >= (pages - 1) / 1.6 * 0.99
    reached = [p.reached for p in got.pages]
    assert reached == sorted(reached, reverse=True)  # progress: ever further back
    assert got.pages[-1].done and not reader.scanned_back_to()


def test_a_bounded_scan_says_how_far_back_it_read_and_load_more_continues(busy):
    emu, clock = busy
    reader = busy_reader(emu, clock, scan_pages=150)
    first = reader.load(timedelta(hours=12), Collector())
    (back_to,) = reader.scanned_back_to().values()
    assert len(first) == 150 * PAGE_SIZE // 400 + 1  # refused calls 0, 400, … 7200
    assert all(row.event_time >= back_to for row in first)
    requests = emu.requests("us-east-1")
    more = reader.load_more(Collector())
    assert emu.requests("us-east-1") - requests == 150
    assert reader.scanned_back_to()["us-east-1"] < back_to
    rest = reader.load_more(Collector())
    assert not reader.scanned_back_to()  # the window's start reached
    ids = [r.event_id for r in (*first, *more, *rest)]
    assert len(ids) == len(set(ids)) == BUSY // 400  # no gap, no duplicate
    assert emu.throttled("us-east-1") == 0


def test_stop_keeps_what_was_read_and_load_more_resumes_there(busy):
    emu, clock = busy
    reader = busy_reader(emu, clock)
    got = Collector()
    with pytest.raises(Cancelled):
        reader.load(timedelta(hours=12), got, cancelled=lambda: len(got.pages) >= 30)
    assert len(got.pages) == 30
    stopped_at = reader.scanned_back_to()["us-east-1"]
    assert stopped_at == got.pages[-1].reached
    resumed = Collector()
    with pytest.raises(Cancelled):
        reader.load_more(resumed, cancelled=lambda: len(resumed.pages) >= 30)
    listed = [r.event_id for r in got.rows + resumed.rows]
    assert len(listed) == len(set(listed))
    assert min(r.event_time for r in resumed.rows) < stopped_at
    assert emu.throttled("us-east-1") == 0


def test_polls_after_a_bounded_load_read_only_what_is_new(busy):
    emu, clock = busy
    reader = busy_reader(emu, clock, scan_pages=20)
    reader.load(timedelta(hours=12), Collector())
    before = emu.requests("us-east-1")
    reader.poll(Collector())
    # The newest seen minus the 15-minute overlap: 450 events, 9 pages, not the 12 hours.
    assert emu.requests("us-east-1") - before <= 10
    assert "us-east-1" in reader.scanned_back_to()  # load more is still offered


def test_botocores_retries_of_a_throttled_call_wait_for_the_bucket_too(emulator):
    emulator.load(sg_ingress(minutes_ago(i * 0.5)) for i in range(1, 151))
    emulator.rate_per_region = 1.5  # the reader below asks far faster than allowed
    bucket = TokenBucket(rate=1000.0, burst=20)
    reader = reader_for(emulator, [rule("security-groups", SG_PATTERN)], bucket=bucket)
    assert len(reader.load(timedelta(hours=3), Collector())) == 150
    assert emulator.throttled("us-east-1") > 0  # botocore retried …
    assert bucket.acquired == emulator.requests("us-east-1")  # … and every attempt paid


def test_a_stop_while_waiting_for_a_token_ends_the_read(emulator):
    now = [0.0]
    stop = threading.Event()

    def sleep(seconds: float) -> None:
        now[0] += seconds
        stop.set()  # the user clicks Stop while the reader waits

    emulator.load(sg_ingress(minutes_ago(i * 0.5)) for i in range(1, 151))
    bucket = TokenBucket(rate=0.001, clock=lambda: now[0], sleep=sleep)
    reader = reader_for(emulator, [rule("security-groups", SG_PATTERN)], bucket=bucket)
    with pytest.raises(Cancelled):
        reader.load(timedelta(hours=3), Collector(), cancelled=stop.is_set)
    assert emulator.requests("us-east-1") == 1


# --- `changewatch events` -------------------------------------------------------------------

class _Access:
    """What cli.events needs of AwsAccess: a client per region (here, the emulator's)."""

    def __init__(self, endpoint: str) -> None:
        self._make = clients(endpoint)

    def client(self, _service: str, region: str):
        return self._make(region)


def test_events_command_streams_json_newest_first_and_says_where_it_stopped(busy, capsys,
                                                                           monkeypatch):
    import json as jsonlib
    from argparse import Namespace

    import aws.events.reader
    from aws.catalog import load_catalog
    from aws.settings import Settings
    from cli import events as command

    emu, clock = busy
    paced = TokenBucket(clock=clock, sleep=clock.sleep)  # the shipped pace on the test's clock
    monkeypatch.setattr(aws.events.reader, "shared_bucket", lambda: paced)
    settings = Settings(regions=("us-east-1",), email="ops@example.com",
                        watch=("unauthorized-api-calls",))
    args = Namespace(json=True, lang="en", scan_pages=40)
    assert command.run(_Access(emu.endpoint), settings, load_catalog(), timedelta(hours=12),
                       args) == 0
    printed = capsys.readouterr()
    lines = [jsonlib.loads(x) for x in printed.out.splitlines()]
    assert [x["eventId"] for x in lines] == [f"busy-us-east-1-{i:06d}"
                                             for i in range(0, 40 * PAGE_SIZE, 400)]
    assert lines[0]["user"] == "ci-runner-0" and lines[0]["userArn"].endswith("/ci-runner-0")
    assert "us-east-1: read back to" in printed.err and "--scan-pages" in printed.err
    assert emu.throttled("us-east-1") == 0


def test_events_lines_cannot_be_forged_by_a_crafted_value():
    from cli.events import as_line

    forged = sg_ingress(minutes_ago(1))
    row = EventReader(lambda r: None, [rule("security-groups", SG_PATTERN)])._row(
        "us-east-1", {"CloudTrailEvent": __import__("json").dumps(
            {**forged, "sourceIPAddress": "1.2.3.4\n2026-01-01 fake row\x1b[31m"}),
            "EventId": "x"}, None)
    assert "\n" not in as_line(row) and "\x1b" not in as_line(row)
