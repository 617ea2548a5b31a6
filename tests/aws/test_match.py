"""aws.match against the EventBridge documentation, and against moto's matcher as an oracle."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from moto.events.models import EventPattern

from aws.match import READ_ONLY_STATE, PatternError, delivers, matches, to_eventbridge
from tests.aws.records import (
    CONFIG_PATTERN,
    ROOT_SIGNIN_PATTERN,
    SG_PATTERN,
    UNAUTHORIZED_PATTERN,
    console_login,
    describe_instances,
    put_evaluations,
    record,
    sg_ingress,
    stop_recorder,
)

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)

# The user guide's sample event (eb-event-patterns / content filtering pages).
EC2_EVENT = {
    "version": "0",
    "id": "ddddd4-aaaa-7777-4444-345dd43cc333",
    "detail-type": "EC2 Instance State-change Notification",
    "source": "aws.ec2",
    "account": "012345679012",
    "time": "2017-10-02T16:24:49Z",
    "region": "us-east-1",
    "resources": ["arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"],
    "detail": {
        "c-count": 5,
        "d-count": 3,
        "x-limit": 301.8,
        "source-ip": "10.0.0.33",
        "instance-id": "i-000000aaaaaa00000",
        "state": "running",
        "eventVersion": "",
        "responseElements": None,
        "flag": True,
        "file": "dir/lib/a*b.png",
        "v6": "2001:db8::17",
    },
}


def detail(**fields) -> dict:
    return {"detail": fields}


DOCUMENTED = [
    # Matching event values; every listed field must match, any listed value may match.
    ({"source": ["aws.ec2", "aws.fargate"]}, True),
    ({"source": ["aws.ec2"], "detail-type": ["nope"]}, False),
    (detail(state=["initializing", "running"]), True),
    (detail(missing=["x"]), False),
    # Arrays in the event: the intersection must be non-empty.
    ({"resources": ["x", "arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000"]},
     True),
    # Null and empty string are different values; a missing field is neither.
    (detail(eventVersion=[""]), True),
    (detail(responseElements=[None]), True),
    (detail(responseElements=[""]), False),
    (detail(eventVersion=[None]), False),
    (detail(missing=[None]), False),
    # Types: strings never equal numbers or booleans.
    (detail(**{"c-count": [5]}), True),
    (detail(**{"c-count": ["5"]}), False),
    (detail(**{"x-limit": [3.018e2]}), True),
    (detail(flag=[True]), True),
    (detail(flag=["true"]), False),
    # Prefix and suffix, optionally ignoring case; strings only.
    ({"time": [{"prefix": "2017-10-02"}]}, True),
    ({"source": [{"prefix": {"equals-ignore-case": "AWS.E"}}]}, True),
    (detail(**{"c-count": [{"prefix": "5"}]}), False),
    (detail(file=[{"suffix": ".png"}]), True),
    (detail(file=[{"suffix": {"equals-ignore-case": ".PNG"}}]), True),
    (detail(file=[{"suffix": ".PNG"}]), False),
    (detail(state=[{"equals-ignore-case": "RUNNING"}]), True),
    # Wildcards: `*` any run, `\*` a literal star.
    ({"detail-type": [{"wildcard": "EC2*Notification"}]}, True),
    (detail(file=[{"wildcard": "*/lib/*"}]), True),
    (detail(file=[{"wildcard": "dir/lib/a\\*b.png"}]), True),
    (detail(file=[{"wildcard": "dir/lib/a\\*c*"}]), False),
    # Anything-but: value, list, prefix, suffix, ignore-case, wildcard; the field must exist.
    (detail(state=[{"anything-but": "initializing"}]), True),
    (detail(state=[{"anything-but": ["stopped", "running"]}]), False),
    (detail(**{"x-limit": [{"anything-but": [100, 200, 300]}]}), True),
    (detail(**{"c-count": [{"anything-but": 5}]}), False),
    (detail(state=[{"anything-but": {"prefix": "run"}}]), False),
    (detail(file=[{"anything-but": {"suffix": ".png"}}]), False),
    (detail(state=[{"anything-but": {"equals-ignore-case": "RUNNING"}}]), False),
    (detail(file=[{"anything-but": {"wildcard": "*/lib/*"}}]), False),
    (detail(file=[{"anything-but": {"wildcard": ["*.txt", "dir/*/a\\*b.png"]}}]), False),
    (detail(file=[{"anything-but": {"wildcard": ["*.txt", "dir/*/a\\*c.png"]}}]), True),
    (detail(missing=[{"anything-but": "x"}]), False),
    # Exists works on leaves; an object is not a leaf; null is a value.
    (detail(**{"c-count": [{"exists": True}]}), True),
    (detail(missing=[{"exists": False}]), True),
    ({"detail": {"missing": {"deeper": [{"exists": False}]}}}, True),
    ({"detail": [{"exists": False}]}, True),
    (detail(responseElements=[{"exists": True}]), True),
    # Numeric: JSON numbers only, one or two bounds.
    (detail(**{"c-count": [{"numeric": [">", 0, "<=", 5]}],
               "d-count": [{"numeric": ["<", 10]}],
               "x-limit": [{"numeric": ["=", 3.018e2]}]}), True),
    (detail(**{"c-count": [{"numeric": [">", 5]}]}), False),
    (detail(state=[{"numeric": [">", 0]}]), False),
    (detail(flag=[{"numeric": [">=", 1]}]), False),
    # IP addresses, v4 and v6.
    (detail(**{"source-ip": [{"cidr": "10.0.0.0/24"}]}), True),
    (detail(**{"source-ip": [{"cidr": "10.0.1.0/24"}]}), False),
    (detail(v6=[{"cidr": "2001:db8::/32"}]), True),
    (detail(state=[{"cidr": "10.0.0.0/8"}]), False),
    # $or, at the top and inside an object, with an "and" inside one branch.
    ({"source": ["aws.ec2"], "$or": [{"region": ["eu-west-1"]}, {"account": ["012345679012"]}]},
     True),
    ({"detail": {"$or": [{"state": ["stopped"]}, {"c-count": [1], "d-count": [3]}]}}, False),
    ({"detail": {"$or": [{"state": ["stopped"]}, {"c-count": [5], "d-count": [3]}]}}, True),
    # An exception's shape: anything-but, or the field is absent (anything-but alone is not).
    ({"detail": {"$or": [{"state": [{"anything-but": "running"}]},
                         {"state": [{"exists": False}]}]}}, False),
    ({"detail": {"deep": {"$or": [{"arn": [{"anything-but": {"wildcard": ["x*"]}}]},
                                  {"arn": [{"exists": False}]}]}}}, True),
]


@pytest.mark.parametrize(("pattern", "expected"), DOCUMENTED)
def test_documented_semantics(pattern, expected):
    assert matches(pattern, EC2_EVENT) is expected


def test_arrays_of_objects_match_element_by_element():
    """Ruler README, JSON array matching: array-consistent, nested arrays crushed."""
    event = {"employees": [[{"firstName": "John", "lastName": "Doe"},
                            {"firstName": "Anna", "lastName": "Smith"}],
                           [{"firstName": "Peter", "lastName": "Jones"}]]}
    assert matches({"employees": {"firstName": ["Anna"]}}, event)
    assert matches({"employees": {"firstName": ["Anna"], "lastName": ["Smith"]}}, event)
    assert not matches({"employees": {"firstName": ["Anna"], "lastName": ["Jones"]}}, event)
    assert not matches({"employees": {"middleName": [{"exists": True}]}}, event)
    assert not matches({"employees": {"firstName": [{"exists": False}]}}, event)


def test_exists_sees_only_leaves():
    assert matches({"tags": [{"exists": False}]}, {"tags": []})
    assert matches({"meta": [{"exists": False}]}, {"meta": {}})
    assert matches({"ids": [{"exists": True}]}, {"ids": [1, 2]})


@pytest.mark.parametrize(
    "pattern",
    [
        {},
        {"source": []},
        {"source": "aws.ec2"},
        {"source": [{"nope": 1}]},
        {"source": [{"prefix": "a", "suffix": "b"}]},
        {"source": [{"wildcard": "a**b"}]},
        {"source": [{"wildcard": "a\\b"}]},
        {"n": [{"numeric": [">"]}]},
        {"n": [{"numeric": ["~", 1]}]},
        {"ip": [{"cidr": "not-a-network"}]},
        {"s": [{"anything-but": {"numeric": [">", 1]}}]},
        {"s": [{"exists": "yes"}]},
    ],
)
def test_invalid_patterns_are_refused(pattern):
    with pytest.raises(PatternError):
        matches(pattern, {"source": "aws.ec2", "n": 1, "ip": "10.0.0.1", "s": "x"})


def test_envelope_from_cloudtrail_record():
    rec = sg_ingress(NOW, region="ap-northeast-1")
    event = to_eventbridge(rec)
    assert event == {
        "version": "0",
        "id": event["id"],
        "detail-type": "AWS API Call via CloudTrail",
        "source": "aws.ec2",
        "account": "123456789012",
        "time": "2024-05-01T12:00:00Z",
        "region": "ap-northeast-1",
        "resources": [],
        "detail": rec,
    }
    assert event["id"] == to_eventbridge(dict(rec))["id"]
    assert len(event["id"]) == 36
    login = to_eventbridge(console_login(NOW))
    assert (login["source"], login["detail-type"]) == (
        "aws.signin", "AWS Console Sign In via CloudTrail")


def test_rule_state_decides_read_only_delivery():
    """eb-service-event-cloudtrail-management: read-only events need the ALL state."""
    pattern = {"source": ["aws.ec2"]}
    read = to_eventbridge(describe_instances(NOW))
    write = to_eventbridge(sg_ingress(NOW))
    assert not delivers(pattern, "ENABLED", read)
    assert delivers(pattern, READ_ONLY_STATE, read)
    assert delivers(pattern, "ENABLED", write)
    assert delivers(pattern, READ_ONLY_STATE, write)
    assert not delivers(pattern, "DISABLED", write)


def test_changewatch_patterns():
    def ok(pattern, rec, state="ENABLED"):
        return delivers(pattern, state, to_eventbridge(rec))

    assert ok(SG_PATTERN, sg_ingress(NOW))
    assert not ok(SG_PATTERN, record("RunInstances", NOW))
    assert ok(CONFIG_PATTERN, stop_recorder(NOW))
    assert not ok(CONFIG_PATTERN, put_evaluations(NOW))
    assert ok(ROOT_SIGNIN_PATTERN, console_login(NOW, root=True))
    assert not ok(ROOT_SIGNIN_PATTERN, console_login(NOW, root=False))
    denied = describe_instances(NOW)
    denied["errorCode"] = "Client.UnauthorizedOperation"
    assert ok(UNAUTHORIZED_PATTERN, denied, READ_ONLY_STATE)
    assert not ok(UNAUTHORIZED_PATTERN, denied, "ENABLED")
    assert ok(UNAUTHORIZED_PATTERN, record("GetObject", NOW, error_code="AccessDenied"),
              READ_ONLY_STATE)


# --- differential test against moto's matcher ---------------------------------------------
# Generated over constructs where moto follows the docs. Where it does not, the docs win and
# the case is pinned below in MOTO_DIFFERS.

_WORDS = ["alpha", "Alpha", "ALPHA-1", "alpha-2", "beta", "a*b", "", "10.0.0.5", "2001:db8::1"]
_NUMBERS = [0, 1, 2.5, 3, 7, -1, 100]


def _event(rng: random.Random) -> dict:
    event: dict = {}
    choice = rng.random()
    if choice < 0.5:
        event["s"] = rng.choice(_WORDS)
    elif choice < 0.7:
        event["s"] = rng.sample(_WORDS, rng.randint(1, 3))
    elif choice < 0.8:
        event["s"] = 3
    choice = rng.random()
    if choice < 0.5:
        event["n"] = rng.choice(_NUMBERS)
    elif choice < 0.65:
        event["n"] = rng.sample(_NUMBERS, 2)
    elif choice < 0.75:
        event["n"] = "3"
    if rng.random() < 0.6:
        event["f"] = rng.choice([True, False, None])
    choice = rng.random()
    if choice < 0.5:
        event["obj"] = {"s": rng.choice(_WORDS), "n": rng.choice(_NUMBERS)}
    elif choice < 0.65:
        event["obj"] = "alpha"
    return event


def _string_filter(rng: random.Random):
    word = rng.choice(_WORDS[:6])
    return rng.choice([
        word,
        {"prefix": word[:2]},
        {"prefix": {"equals-ignore-case": word[:3].upper()}},
        {"suffix": word[-2:]},
        {"suffix": {"equals-ignore-case": word[-1:].upper()}},
        {"equals-ignore-case": word.swapcase()},
        {"wildcard": rng.choice(["a*", "*a", "al*a-*", "a\\*b", "*", "*-*", "A*"])},
        {"anything-but": word},
        {"anything-but": rng.sample(_WORDS, 2)},
        {"anything-but": {"prefix": word[:1]}},
        {"anything-but": {"suffix": word[-1:]}},
        {"anything-but": {"equals-ignore-case": word.upper()}},
        {"anything-but": {"wildcard": "a*"}},
        {"exists": rng.random() < 0.5},
        {"cidr": rng.choice(["10.0.0.0/8", "10.0.1.0/24", "2001:db8::/32"])},
    ])


def _number_filter(rng: random.Random):
    lo, hi = sorted(rng.sample(_NUMBERS, 2))
    return rng.choice([
        rng.choice(_NUMBERS),
        {"numeric": [rng.choice(["<", "<=", "=", ">=", ">"]), rng.choice(_NUMBERS)]},
        {"numeric": [">", lo, "<=", hi]},
        {"anything-but": rng.choice(_NUMBERS)},
        {"anything-but": rng.sample(_NUMBERS, 2)},
        {"exists": rng.random() < 0.5},
    ])


def _flag_filter(rng: random.Random):
    return rng.choice([True, False, None, {"exists": rng.random() < 0.5}])


def _fields(rng: random.Random) -> dict:
    pattern: dict = {}
    makers = {"s": _string_filter, "n": _number_filter, "f": _flag_filter}
    for name in rng.sample(sorted(makers), rng.randint(1, 2)):
        pattern[name] = [makers[name](rng) for _ in range(rng.randint(1, 2))]
    if rng.random() < 0.3:
        inner = {"s": [_string_filter(rng)]} if rng.random() < 0.5 else {"n": [_number_filter(rng)]}
        pattern["obj"] = inner
    if rng.random() < 0.1:
        pattern["obj"] = [{"exists": rng.random() < 0.5}]
    return pattern


def _pattern(rng: random.Random) -> dict:
    if rng.random() < 0.2:
        return {"$or": [_fields(rng), _fields(rng)]}
    return _fields(rng)


def test_agrees_with_moto_on_generated_cases():
    rng = random.Random(20240501)
    hits = 0
    for _ in range(4000):
        pattern, event = _pattern(rng), _event(rng)
        ours = matches(pattern, event)
        theirs = EventPattern(None, pattern).matches_event(event)
        assert ours == theirs, (pattern, event)
        hits += ours
    assert 400 < hits < 3600  # both outcomes are well represented


MOTO_DIFFERS = [
    # Arrays of objects: the docs (Ruler "JSON array matching") match element-wise; moto does
    # not look inside arrays of objects.
    ({"employees": {"firstName": ["Anna"]}},
     {"employees": [{"firstName": "Anna"}, {"firstName": "John"}]}, True),
    # Booleans are not numbers (docs: numeric matching works on JSON numbers); moto uses
    # Python's True == 1.
    ({"n": [1]}, {"n": True}, False),
    ({"n": [{"numeric": [">", 0]}]}, {"n": True}, False),
    # Exists looks at leaves; an empty array has none (Ruler: exists works on leaf nodes).
    ({"tags": [{"exists": True}]}, {"tags": []}, False),
]


@pytest.mark.parametrize(("pattern", "event", "expected"), MOTO_DIFFERS)
def test_where_moto_differs_the_docs_win(pattern, event, expected):
    assert matches(pattern, event) is expected
    assert EventPattern(None, pattern).matches_event(event) is not expected
