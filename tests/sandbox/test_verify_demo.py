"""Verify end to end in the sandbox: every hop passes, with the emails in the demo inbox."""

from __future__ import annotations

from aws.catalog import load_catalog
from aws.execute import execute
from aws.session import AwsAccess
from aws.settings import Settings
from aws.verify import Hop, HopState, Verifier, Why, passed, plan_verify
from tests.aws.helpers import make_plan
from tests.sandbox.test_demo_engine import confirm_by_mail


def test_every_hop_passes_and_the_emails_arrive(sandbox):  # noqa: F811 - the fixture
    access = AwsAccess(profile="demo")
    settings = Settings(regions=("ap-northeast-1", "us-west-2"), email="ops@example.com",
                        watch=("security-groups",), deployment="demo")
    assert execute(access, make_plan(access, settings)).ok
    plan = plan_verify(access, settings, load_catalog())
    assert not plan.subscription_confirmed
    confirm_by_mail(sandbox)
    plan = plan_verify(access, settings, load_catalog())
    assert plan.subscription_confirmed and plan.trail_logging
    before = len(sandbox.inbox.mails)
    results = Verifier(access, plan, poll_every=0.1, observer=sandbox.witness).run()
    assert passed(results), results
    mails = sandbox.inbox.mails[before:]
    assert len(mails) == 2 and all(plan.rule == m.rule for m in mails)
    assert any(plan.group_name in m.body for m in mails)


def test_a_pending_subscription_is_named_as_the_reason(sandbox):  # noqa: F811
    access = AwsAccess(profile="demo")
    settings = Settings(regions=("ap-northeast-1",), email="ops@example.com",
                        watch=("security-groups",), deployment="demo")
    assert execute(access, make_plan(access, settings)).ok
    plan = plan_verify(access, settings, load_catalog())
    results = {r.hop: r for r in Verifier(access, plan, poll_every=0.1,
                                          observer=sandbox.witness).run()}
    assert results[Hop.TOPIC].state == HopState.PASSED
    assert (results[Hop.DELIVERY].state, results[Hop.DELIVERY].why) == (HopState.SKIPPED,
                                                                        Why.PENDING)
