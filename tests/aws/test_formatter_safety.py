"""No event can break the rich email: hostile values are neutralised, sizes stay within SNS and
Step Functions limits, and the definition uses only what Step Functions' JSONata has."""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime

import pytest

from aws.catalog import load_catalog
from aws.formatter import definition, expression, render
from aws.formatter.zone import offset_table
from tests.aws.samples import all_samples

CATALOG = load_catalog()
TOPIC = "arn:aws:sns:us-east-1:123456789012:changewatch-test"
NOW = datetime(2026, 1, 1, tzinfo=UTC)
DEFINITION = definition(TOPIC, CATALOG.groups, "en", "Europe/London", now=NOW)
SNS_MESSAGE_BYTES = 256 * 1024
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e]")
# Standard JSONata 1.8/2.0 functions, and the ones Step Functions adds.
# https://docs.jsonata.org/overview.html
# https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
ALLOWED = frozenset("""
string length substring substringBefore substringAfter uppercase lowercase trim pad contains
split join match replace eval base64encode base64decode encodeUrlComponent encodeUrl
decodeUrlComponent decodeUrl formatNumber formatBase formatInteger parseInteger number abs
floor ceil round power sqrt random sum max min average boolean not exists count append sort
reverse shuffle distinct zip keys lookup spread merge sift each error assert type map filter
single reduce now millis fromMillis toMillis partition range hash uuid parse
""".split())  # noqa: SIM905 - a word list reads best as words


def _sg_event() -> dict:
    group_id, event = next((g, e) for g, e in all_samples()
                           if e["detail"]["eventName"] == "AuthorizeSecurityGroupIngress")
    return copy.deepcopy(event)


def _render(event: dict):
    return render(DEFINITION, {"group": "security-groups", "event": event})


def test_newlines_and_escape_codes_cannot_forge_lines():
    event = _sg_event()
    identity = event["detail"]["userIdentity"]
    identity["userName"] = "eve\nWho: admin\r\nARN: arn:aws:iam::1:root"
    event["detail"]["userAgent"] = "\x1b[2J\x1b[31mcurl\u2028Error: none\u202eevil"
    event["detail"]["requestParameters"]["groupId"] = "sg-1\n\nCloudTrail: https://evil.example"
    email = _render(event)
    lines = email.body.splitlines()
    assert not any(line.startswith(("Who: admin", "ARN: arn:aws:iam::1:root", "Error:",
                                    "CloudTrail: https://evil")) for line in lines)
    assert not CONTROL.search(email.body.replace("\n", "")) and not CONTROL.search(email.subject)
    assert "Who: eve Who: admin ARN: arn:aws:iam::1:root" in lines
    assert "\n" not in email.subject


def test_huge_values_stay_far_below_sns_limits():
    event = _sg_event()
    event["detail"]["userAgent"] = "A" * 300_000
    event["detail"]["userIdentity"]["userName"] = "日" * 100_000
    event["detail"]["requestParameters"]["ipPermissions"]["items"] *= 500
    event["detail"]["requestParameters"]["filler"] = {f"k{i}": "😀" * 1000 for i in range(200)}
    email = _render(event)
    assert len(email.body.encode("utf-8")) < SNS_MESSAGE_BYTES // 2
    assert len(email.subject) < 100
    assert max(len(line) for line in email.body.splitlines()) <= 1000
    assert sum(line.startswith("Inbound: ") for line in email.body.splitlines()) == 20


@pytest.mark.parametrize("broken", [
    {"detail": "not an object"},
    {"detail": {"eventTime": "yesterday", "userIdentity": ["x"], "eventName": 42}},
    {"detail": {"requestParameters": None, "errorCode": None, "eventID": "../../x"}},
    {},
])
def test_malformed_events_still_make_an_email_without_null(broken):
    email = render(DEFINITION, {"group": "security-groups", "event": broken})
    assert email.subject.startswith("[ChangeWatch][High] ")
    assert not re.search(r"\bnull\b", email.body + email.subject)
    assert "https://" not in email.body  # no console link without a real region and id


def test_nested_values_are_written_as_json_without_nulls():
    event = _sg_event()
    event["detail"]["requestParameters"] = {"a": None, "b": [None, "日本", {"c": "q\"\\"}]}
    body = _render(event).body
    request = body.split("Request parameters:\n", 1)[1]
    assert json.loads(request) == {"b": ["日本", {"c": "q\"\\"}]}


def test_the_definition_fits_step_functions():
    names = {f"{a}-{i}" for a in ("111111111111", "222222222222") for i in range(50)}
    text = definition(TOPIC, CATALOG.groups, "ja", "America/New_York", now=NOW,
                      account_names={n[:12]: n for n in names})
    assert len(text.encode("utf-8")) < 1024 * 1024
    machine = json.loads(text)
    assert machine["QueryLanguage"] == "JSONata"
    assert machine["States"]["Publish"]["Resource"] == "arn:aws:states:::sns:publish"
    assert set(machine["States"]["Publish"]["Arguments"]) == {"TopicArn", "Subject", "Message"}


def test_the_expression_uses_only_step_functions_jsonata():
    text = expression(CATALOG.groups, "en", "Asia/Tokyo", now=NOW)
    assert "??" not in text and "?:" not in text
    own = set(re.findall(r"\$(\w+)\s*:=\s*function", text))
    called = set(re.findall(r"\$(\w+)\(", text)) - own
    assert called <= ALLOWED, called - ALLOWED
    assert "$now" not in text and "$string($d" not in text


def test_the_zone_table_covers_a_year_back_and_ten_ahead():
    rows = offset_table("America/New_York", NOW)
    first, last = rows[0]["t"], rows[-1]["t"]
    assert first <= NOW.timestamp() * 1000 - 365 * 86400_000
    assert last >= datetime(2035, 11, 1, tzinfo=UTC).timestamp() * 1000
    assert {r["o"] for r in rows} == {"-0500", "-0400"}
    assert len(offset_table("Asia/Tokyo", NOW)) == 1
