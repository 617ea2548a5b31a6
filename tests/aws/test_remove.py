"""Remove finds a deployment's resources by tag in every enabled region, even where no record
says it went (an apply killed before it could remember), and says where it looked."""

from __future__ import annotations

from aws.deployment import DeploymentService, MemoryRecorder
from aws.plan_text import describe_search
from tests.aws.helpers import make_settings, tagged_anything

EVERYWHERE = ("ap-northeast-1", "us-west-2", "eu-west-1", "sa-east-1", "us-east-1")


def test_an_apply_nothing_remembers_is_still_removed_everywhere(access):
    wide = make_settings(regions=("ap-northeast-1", "eu-west-1", "sa-east-1"))
    forgetful = DeploymentService(access, MemoryRecorder())
    assert forgetful.apply(wide).result.ok
    assert tagged_anything(("eu-west-1", "sa-east-1"))
    # A new run knows nothing of it, and its settings now name fewer regions.
    narrow = make_settings(regions=("ap-northeast-1",))
    fresh = DeploymentService(access, MemoryRecorder())
    plan = fresh.removal_plan("test", narrow)
    assert {"eu-west-1", "sa-east-1"} <= {r.region for r in plan.regions}
    assert "sa-east-1" in describe_search(plan)
    assert fresh.remove(plan).ok
    assert tagged_anything(EVERYWHERE) == []


def test_an_interrupted_apply_recorded_its_regions_before_the_first_change(access):
    recorder = MemoryRecorder()
    service = DeploymentService(access, recorder)
    settings = make_settings(regions=("ap-northeast-1", "eu-west-1"))
    calls = {"n": 0}

    def stop_after_first_change():
        calls["n"] += 1
        return calls["n"] > 1

    plan = service.plan(settings)
    result = service.execute(plan, cancelled=stop_after_first_change)
    assert not result.ok
    assert {"ap-northeast-1", "eu-west-1"} <= set(recorder.deployed_regions("test"))
