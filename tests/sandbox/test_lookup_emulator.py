"""The LookupEvents emulator, spoken to by a real boto3 cloudtrail client."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from aws.ratelimit import SkippingClock
from sandbox.lookup_busy import busy_region
from sandbox.lookup_emulator import LookupEventsEmulator
from tests.aws.records import (
    assumed_role,
    console_login,
    describe_instances,
    minutes_ago,
    record,
    sg_ingress,
    sg_modify,
)

NO_RETRIES = Config(retries={"mode": "standard", "total_max_attempts": 1})
SESSION = boto3.session.Session()  # tests make clients on one thread; the model loads once


def cloudtrail(endpoint: str, region: str = "us-east-1", config: Config = NO_RETRIES):
    return SESSION.client(
        "cloudtrail", region_name=region, endpoint_url=endpoint, config=config,
        aws_access_key_id="testing", aws_secret_access_key="testing",
    )


@pytest.fixture
def emulator():
    emu = LookupEventsEmulator(rate_per_region=1000)
    emu.start()
    yield emu
    emu.stop()


def error_code(exc_info) -> str:
    return exc_info.value.response["Error"]["Code"]


def test_pages_of_50_newest_first_across_120_events(emulator):
    now = datetime.now(UTC)
    emulator.load(sg_ingress(now - timedelta(minutes=i)) for i in range(120))
    client = cloudtrail(emulator.endpoint)
    pages, token = [], None
    while True:
        page = client.lookup_events(**({"NextToken": token} if token else {}))
        pages.append(page["Events"])
        token = page.get("NextToken")
        if not token:
            break
    assert [len(p) for p in pages] == [50, 50, 20]
    times = [e["EventTime"] for p in pages for e in p]
    assert times == sorted(times, reverse=True)
    assert len({e["EventId"] for p in pages for e in p}) == 120
    assert emulator.requests("us-east-1") == 3


def test_a_newer_event_does_not_shift_the_pages(emulator):
    now = datetime.now(UTC)
    emulator.load(sg_ingress(now - timedelta(minutes=i + 1)) for i in range(60))
    client = cloudtrail(emulator.endpoint)
    first = client.lookup_events()
    emulator.add(sg_ingress(now))
    second = client.lookup_events(NextToken=first["NextToken"])
    ids = [e["EventId"] for e in first["Events"] + second["Events"]]
    assert len(ids) == len(set(ids)) == 60


def test_response_fields(emulator):
    rec = sg_modify(minutes_ago(5))
    rec["resources"] = [{"accountId": "123456789012", "type": "AWS::EC2::SecurityGroup",
                         "ARN": "sg-0def5678"}]
    emulator.add(rec)
    (event,) = cloudtrail(emulator.endpoint).lookup_events()["Events"]
    assert event["EventId"] == rec["eventID"]
    assert event["EventName"] == "ModifySecurityGroupRules"
    assert event["EventSource"] == "ec2.amazonaws.com"
    assert event["ReadOnly"] == "false"
    assert event["AccessKeyId"] == "ASIAEXAMPLE"
    assert event["Username"] == "bob@example.com"  # a role's session name
    assert event["EventTime"] == datetime.fromisoformat(rec["eventTime"])
    assert event["Resources"] == [{"ResourceType": "AWS::EC2::SecurityGroup",
                                   "ResourceName": "sg-0def5678"}]
    assert json.loads(event["CloudTrailEvent"]) == rec


@pytest.fixture
def varied(emulator):
    login = console_login(minutes_ago(4))
    read = describe_instances(minutes_ago(3))
    sg = sg_ingress(minutes_ago(2))
    sg["resources"] = [{"type": "AWS::EC2::SecurityGroup", "ARN": "sg-0abc1234"}]
    role = record("CreateTrail", minutes_ago(1), source="cloudtrail.amazonaws.com",
                  identity=assumed_role(session="dana"))
    emulator.load([login, read, sg, role])
    return {"login": login, "read": read, "sg": sg, "role": role}


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("EventName", "DescribeInstances", {"read"}),
        ("EventSource", "ec2.amazonaws.com", {"read", "sg"}),
        ("ReadOnly", "true", {"read"}),
        ("ReadOnly", "false", {"login", "sg", "role"}),
        ("Username", "alice", {"read", "sg"}),
        ("Username", "root", {"login"}),
        ("Username", "dana", {"role"}),
        ("AccessKeyId", "AKIAEXAMPLEALICE", {"read", "sg"}),
        ("ResourceType", "AWS::EC2::SecurityGroup", {"sg"}),
        ("ResourceName", "sg-0abc1234", {"sg"}),
        ("EventName", "Nothing", set()),
    ],
)
def test_each_lookup_attribute(emulator, varied, key, value, expected):
    found = cloudtrail(emulator.endpoint).lookup_events(
        LookupAttributes=[{"AttributeKey": key, "AttributeValue": value}])["Events"]
    names = {k for k, rec in varied.items() if rec["eventID"] in {e["EventId"] for e in found}}
    assert names == expected


def test_event_id_attribute(emulator, varied):
    found = cloudtrail(emulator.endpoint).lookup_events(LookupAttributes=[
        {"AttributeKey": "EventId", "AttributeValue": varied["role"]["eventID"]}])["Events"]
    assert [e["EventName"] for e in found] == ["CreateTrail"]


def test_bad_requests_are_refused_with_the_documented_errors(emulator):
    client = cloudtrail(emulator.endpoint)
    two = [{"AttributeKey": "EventName", "AttributeValue": "A"},
           {"AttributeKey": "Username", "AttributeValue": "B"}]
    cases = [
        ({"LookupAttributes": two}, "InvalidLookupAttributesException"),
        ({"LookupAttributes": [{"AttributeKey": "Region", "AttributeValue": "x"}]},
         "InvalidLookupAttributesException"),
        ({"StartTime": datetime.now(UTC), "EndTime": minutes_ago(60)},
         "InvalidTimeRangeException"),
        ({"MaxResults": 51}, "InvalidMaxResultsException"),
        ({"NextToken": "not-a-token"}, "InvalidNextTokenException"),
    ]
    for kwargs, code in cases:
        with pytest.raises(ClientError) as caught:
            client.lookup_events(**kwargs)
        assert error_code(caught) == code, kwargs
        assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400


def test_next_token_only_with_the_same_parameters(emulator):
    emulator.load(sg_ingress(minutes_ago(i)) for i in range(60))
    client = cloudtrail(emulator.endpoint)
    token = client.lookup_events()["NextToken"]
    with pytest.raises(ClientError) as caught:
        client.lookup_events(NextToken=token, LookupAttributes=[
            {"AttributeKey": "EventName", "AttributeValue": "AuthorizeSecurityGroupIngress"}])
    assert error_code(caught) == "InvalidNextTokenException"
    assert len(client.lookup_events(NextToken=token)["Events"]) == 10


def test_max_results_and_time_range(emulator):
    emulator.load([sg_ingress(minutes_ago(m)) for m in (10, 50, 130)])
    client = cloudtrail(emulator.endpoint)
    assert len(client.lookup_events(MaxResults=2)["Events"]) == 2
    found = client.lookup_events(StartTime=minutes_ago(60), EndTime=minutes_ago(20))["Events"]
    assert len(found) == 1
    assert len(client.lookup_events(StartTime=minutes_ago(120))["Events"]) == 2


def test_only_the_last_90_days(emulator):
    emulator.load([sg_ingress(minutes_ago(60 * 24 * 91)), sg_ingress(minutes_ago(60 * 24 * 89))])
    assert len(cloudtrail(emulator.endpoint).lookup_events()["Events"]) == 1


def test_events_show_once_visible_after_has_passed():
    now = [time.time()]
    emu = LookupEventsEmulator(rate_per_region=1000, clock=lambda: now[0])
    emu.start()
    try:
        emu.add(sg_ingress(datetime.fromtimestamp(now[0], UTC)), visible_after=300)
        client = cloudtrail(emu.endpoint)
        assert client.lookup_events()["Events"] == []
        now[0] += 301
        assert len(client.lookup_events()["Events"]) == 1
    finally:
        emu.stop()


def test_throttled_above_two_per_second_per_region_only():
    emu = LookupEventsEmulator()  # 2 requests per second per region
    emu.start()
    try:
        east, west = cloudtrail(emu.endpoint), cloudtrail(emu.endpoint, "us-west-2")
        east.lookup_events()
        east.lookup_events()
        with pytest.raises(ClientError) as caught:
            east.lookup_events()
        assert error_code(caught) == "ThrottlingException"
        assert caught.value.response["Error"]["Message"] == "Rate exceeded"
        assert caught.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
        west.lookup_events()  # another region has its own allowance
        assert (emu.requests("us-east-1"), emu.throttled("us-east-1")) == (3, 1)
        assert (emu.requests("us-west-2"), emu.throttled("us-west-2")) == (1, 0)
        time.sleep(0.6)
        east.lookup_events()  # the allowance refills
    finally:
        emu.stop()


def test_latency_is_added_to_every_request():
    emu = LookupEventsEmulator(latency=0.2, rate_per_region=1000)
    emu.start()
    try:
        started = time.monotonic()
        cloudtrail(emu.endpoint).lookup_events()
        assert time.monotonic() - started >= 0.2
    finally:
        emu.stop()


def test_other_calls_are_forwarded_to_moto(moto):
    emu = LookupEventsEmulator(upstream=moto.url, rate_per_region=1000)
    emu.start()
    try:
        s3 = SESSION.client(
            "s3", region_name="us-east-1", endpoint_url=moto.url,
            aws_access_key_id="testing", aws_secret_access_key="testing")
        s3.create_bucket(Bucket="changewatch-trail")
        client = cloudtrail(emu.endpoint)
        created = client.create_trail(Name="main", S3BucketName="changewatch-trail",
                                      IsMultiRegionTrail=True)
        assert created["Name"] == "main"
        client.start_logging(Name="main")
        (trail,) = client.describe_trails()["trailList"]
        assert (trail["Name"], trail["IsMultiRegionTrail"]) == ("main", True)
        assert client.get_trail_status(Name="main")["IsLogging"] is True
        with pytest.raises(ClientError) as caught:
            client.get_trail_status(Name="missing")
        assert error_code(caught) == "TrailNotFoundException"
        assert emu.requests("us-east-1") == 0  # none of these were LookupEvents
    finally:
        emu.stop()


def test_without_upstream_other_calls_fail_cleanly(emulator):
    with pytest.raises(ClientError) as caught:
        cloudtrail(emulator.endpoint).describe_trails()
    assert error_code(caught) == "UnknownOperationException"



def test_the_limit_is_judged_on_the_clock_it_is_given():
    clock = SkippingClock()
    emu = LookupEventsEmulator(limit_clock=clock)
    emu.start()
    try:
        east = cloudtrail(emu.endpoint)
        east.lookup_events()
        east.lookup_events()
        with pytest.raises(ClientError):
            east.lookup_events()
        clock.sleep(0.5)  # no real wait: half a second later on the shared clock
        east.lookup_events()
        assert emu.throttled("us-east-1") == 1
    finally:
        emu.stop()


def test_bulk_loads_a_busy_region_fast_and_pages_it_to_the_end(emulator):
    newest = (datetime.now(UTC) - timedelta(seconds=5)).replace(microsecond=0)
    started = time.perf_counter()
    assert emulator.load(busy_region("us-east-1", 20_000, newest, timedelta(seconds=2))) == 20_000
    assert time.perf_counter() - started < 3.0  # one sort, not 20 000 insertions
    client = cloudtrail(emulator.endpoint)
    # A deep window (what "load more" asks): EndTime skips the newer events at once.
    end = newest - timedelta(seconds=2 * 19_200)
    pages, token = [], None
    while True:
        page = client.lookup_events(StartTime=end - timedelta(seconds=2 * 120), EndTime=end,
                                    **({"NextToken": token} if token else {}))
        pages.append(page["Events"])
        token = page.get("NextToken")
        if not token:
            break
    assert [len(p) for p in pages] == [50, 50, 21]  # both ends included
    assert pages[0][0]["EventId"] == "busy-us-east-1-019200"
    refused = [json.loads(e["CloudTrailEvent"]) for p in pages for e in p]
    assert sum("errorCode" in r for r in refused) == 1  # busy-…-019200: one in 400
