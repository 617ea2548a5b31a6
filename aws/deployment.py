"""The deployment service: review, apply (and repair), remove, status — and where it applied.

One place for "plan → execute → remember", used by the CLI, the wizard and the dashboard alike
(the shape of chalice's Deployer + ResultsRecorder). Every method runs on the caller's thread
and takes `on_progress` / `cancelled`, so a GUI worker and the CLI call it the same way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from aws import subscription, trail_setup, verify
from aws.account import list_regions
from aws.catalog import Catalog, load_catalog
from aws.compliance.report import RegionCompliance, compliance_report
from aws.desired import PLACEHOLDER_IDENTITY, DesiredState, desired_state
from aws.errors import ChangeWatchError, is_cancelled
from aws.execute import OnProgress, Result, execute
from aws.instructions import Subscribe
from aws.organizations import FoundPolicy, find_policy
from aws.plan import Plan, make_plan, removal_plan
from aws.preview import Preview, previews
from aws.regions import GLOBAL_REGION
from aws.session import AwsAccess
from aws.settings import Settings
from aws.status import DeploymentStatus, status_of
from aws.trail_coverage import TrailCoverage, coverage
from aws.trail_setup import TrailPlan
from aws.verify import HopResult, VerifyPlan, Witness

Cancelled = Callable[[], bool] | None


class Recorder(Protocol):
    """Remembers where a deployment may have resources (regions), and which addresses it
    subscribed, across runs."""

    def deployed_regions(self, deployment: str) -> tuple[str, ...]: ...

    def subscribed_emails(self, deployment: str) -> tuple[str, ...]: ...

    def will_touch(self, deployment: str, regions: Iterable[str]) -> None: ...

    def record(self, deployment: str, plan: Plan, result: Result) -> None: ...


class MemoryRecorder:
    """A Recorder that forgets when the process ends (for tests and one-off runs)."""

    def __init__(self) -> None:
        self.regions: dict[str, set[str]] = {}
        self.emails: dict[str, set[str]] = {}

    def deployed_regions(self, deployment: str) -> tuple[str, ...]:
        return tuple(sorted(self.regions.get(deployment, ())))

    def subscribed_emails(self, deployment: str) -> tuple[str, ...]:
        return tuple(sorted(self.emails.get(deployment, ())))

    def will_touch(self, deployment: str, regions: Iterable[str]) -> None:
        self.regions.setdefault(deployment, set()).update(regions)

    def record(self, deployment: str, plan: Plan, result: Result) -> None:
        self.regions[deployment] = ({r.region for r in plan.regions if r.desired}
                                    | set(result.unfinished_regions))
        self.emails.setdefault(deployment, set()).update(
            s.email for s in result.done if isinstance(s, Subscribe))


@dataclass(frozen=True)
class RulePattern:
    name: str
    regions: tuple[str, ...]
    pattern: str  # pretty JSON


@dataclass(frozen=True)
class Review:
    """What the review page and `plan` show before anything is created."""

    plan: Plan
    coverage: dict[str, TrailCoverage]
    patterns: tuple[RulePattern, ...]
    previews: tuple[Preview, ...]
    coverage_error: ChangeWatchError | None = None

    @property
    def confirmations(self) -> tuple[str, ...]:
        """The regions from which AWS will send a confirmation email (one in home delivery)."""
        return confirmation_regions(self.plan)


def confirmation_regions(plan: Plan) -> tuple[str, ...]:
    return tuple(s.region for s in plan.instructions if isinstance(s, Subscribe))


@dataclass(frozen=True)
class Applied:
    plan: Plan
    result: Result


def _state(plan: Plan) -> DesiredState:
    """The desired state the plan was made from, rebuilt from its regions."""
    regions = {r.region: r.desired for r in plan.regions if r.desired}
    return DesiredState(regions, plan.iam.desired, plan.home)


def settings_previews(settings: Settings, catalog: Catalog) -> tuple[Preview, ...]:
    """The emails without an AWS call (ARNs are placeholders), for a preview before Check."""
    return previews(desired_state(settings, catalog, PLACEHOLDER_IDENTITY), catalog)


def _patterns(plan: Plan) -> tuple[RulePattern, ...]:
    found: dict[tuple[str, str], list[str]] = {}
    for region in plan.regions:
        for rule in region.desired.rules if region.desired else ():
            found.setdefault((rule.name, rule.pattern), []).append(region.region)
    return tuple(RulePattern(name, tuple(regions),
                             json.dumps(json.loads(pattern), indent=2, ensure_ascii=False))
                 for (name, pattern), regions in found.items())


class DeploymentService:
    """Review / apply / repair / remove / status of one account's deployments."""

    def __init__(self, access: AwsAccess | Callable[[], AwsAccess], recorder: Recorder,
                 catalog: Catalog | None = None) -> None:
        self._access = access
        self.recorder = recorder
        self.catalog = catalog or load_catalog()

    @property
    def access(self) -> AwsAccess:
        """Made on first use: creating a session reads files, so it happens on the worker."""
        if not isinstance(self._access, AwsAccess):
            self._access = self._access()
        return self._access

    def plan(self, settings: Settings, *, on_progress: OnProgress | None = None,
             cancelled: Cancelled = None) -> Plan:
        """What apply would do; regions remembered from earlier runs are read too, so a region
        dropped from the settings gets its leftovers removed."""
        del on_progress  # planning is a few parallel reads; callers show a busy state
        return make_plan(self.access, settings, self.catalog, cancelled=cancelled,
                         also_regions=self.recorder.deployed_regions(settings.deployment),
                         managed_emails=self.recorder.subscribed_emails(settings.deployment))

    def review(self, settings: Settings, *, on_progress: OnProgress | None = None,
               cancelled: Cancelled = None) -> Review:
        """The plan, CloudTrail coverage of every region that gets rules, and the previews."""
        plan = self.plan(settings, on_progress=on_progress, cancelled=cancelled)
        ruled = [r.region for r in plan.regions if r.desired]
        try:
            found, error = coverage(self.access, ruled, cancelled), None
        except ChangeWatchError as exc:
            if is_cancelled(exc):
                raise
            found, error = {}, exc
        return Review(plan, found, _patterns(plan), previews(_state(plan), self.catalog), error)

    def apply(self, settings: Settings, plan: Plan | None = None, *,
              on_progress: Callable[[object], None] | None = None,
              cancelled: Cancelled = None) -> Applied:
        """Make AWS match the settings (the reviewed plan, or a fresh one); also repairs.
        A fresh plan is reported through on_progress before its first step."""
        if plan is None:
            plan = self.plan(settings, cancelled=cancelled)
            if on_progress:
                on_progress(plan)
        return Applied(plan, self.execute(plan, on_progress=on_progress, cancelled=cancelled))

    def execute(self, plan: Plan, *, on_progress: OnProgress | None = None,
                cancelled: Cancelled = None) -> Result:
        """Run a plan, recording where it may leave something before and after."""
        self.recorder.will_touch(plan.deployment, plan.touched_regions)
        result = execute(self.access, plan, on_progress, cancelled)
        self.recorder.record(plan.deployment, plan, result)
        return result

    def known_regions(self, deployment: str,
                      settings: Settings | None = None) -> tuple[str, ...]:
        """Where a deployment is expected to have things: the regions it was applied to (and
        those an interrupted run was about to touch), the ones chosen now, and us-east-1."""
        chosen = settings.regions if settings else ()
        return tuple(dict.fromkeys((*self.recorder.deployed_regions(deployment), *chosen,
                                    GLOBAL_REGION)))

    def removal_regions(self, deployment: str, settings: Settings | None = None,
                        cancelled: Cancelled = None) -> tuple[str, ...]:
        """Every region the account has enabled (a run killed before it could record anything
        may have reached any), plus the known ones; the known ones only if the account's
        regions cannot be listed."""
        known = self.known_regions(deployment, settings)
        try:
            identity = self.access.identity(known[0])
            enabled = [r.name for r in list_regions(self.access, identity.partition)
                       if r.enabled]
        except ChangeWatchError as exc:
            if is_cancelled(exc):
                raise
            enabled = []
        return tuple(dict.fromkeys((*known, *sorted(enabled))))

    def removal_plan(self, deployment: str, settings: Settings | None = None, *,
                     on_progress: OnProgress | None = None,
                     cancelled: Cancelled = None, stop_config: bool = False) -> Plan:
        """Everything tagged with this deployment, to be deleted; nothing else. An AWS Config
        recorder it started is stopped only with `stop_config`."""
        del on_progress
        return removal_plan(self.access, deployment,
                            self.removal_regions(deployment, settings, cancelled), cancelled,
                            stop_config)

    def remove(self, plan: Plan, *, on_progress: OnProgress | None = None,
               cancelled: Cancelled = None) -> Result:
        """Delete rules (targets first), then topics. Run again after an interruption."""
        return self.execute(plan, on_progress=on_progress, cancelled=cancelled)

    def leftover_scp(self, deployment: str, cancelled: Cancelled = None) -> FoundPolicy | None:
        """The SCP that guards this deployment, if one is still in the organization: remove
        leaves it (only the management account may detach it; `scp remove` does). None where
        it cannot be read: no organization, a member account, no permission."""
        try:
            return find_policy(self.access, deployment, cancelled)
        except ChangeWatchError as exc:
            if is_cancelled(exc):
                raise
            return None

    def status(self, settings: Settings, *, on_progress: OnProgress | None = None,
               cancelled: Cancelled = None) -> DeploymentStatus:
        """The deployment as AWS has it (by tag), its drift, trails and 24 h deliveries."""
        del on_progress
        plan = make_plan(self.access, settings, self.catalog, cancelled=cancelled,
                         also_regions=self.known_regions(settings.deployment),
                         managed_emails=self.recorder.subscribed_emails(settings.deployment),
                         strict=False)  # Config turned off later is that region's error
        return status_of(self.access, plan, cancelled, settings.email)

    # -- the dashboard's small verbs -------------------------------------------------------

    def compliance(self, settings: Settings, *, on_progress: OnProgress | None = None,
                   cancelled: Cancelled = None) -> tuple[RegionCompliance, ...]:
        """Per region: Config on or off, each resource's result (named), remediation runs."""
        return compliance_report(self.access, settings, self.catalog,
                                 on_progress=on_progress, cancelled=cancelled)

    def send_test(self, settings: Settings, region: str, *,
                  on_progress: OnProgress | None = None, cancelled: Cancelled = None) -> str:
        """Publish a sample notification to the region's topic; the message id."""
        del on_progress, cancelled  # one call
        return subscription.send_test_notification(self.access, settings, self.catalog, region)

    def resend_confirmation(self, topic_arn: str, email: str, *,
                            on_progress: OnProgress | None = None,
                            cancelled: Cancelled = None) -> str:
        del on_progress, cancelled
        return subscription.resend_confirmation(self.access, topic_arn, email)

    def confirm_subscription(self, topic_arn: str, link: str, *,
                             on_progress: OnProgress | None = None,
                             cancelled: Cancelled = None) -> str:
        del on_progress, cancelled
        return subscription.confirm_subscription(self.access, topic_arn, link)

    def plan_trail(self, deployment: str, home_region: str, *,
                   on_progress: OnProgress | None = None,
                   cancelled: Cancelled = None) -> TrailPlan:
        del on_progress, cancelled
        return trail_setup.plan_trail(self.access, deployment, home_region)

    def create_trail(self, plan: TrailPlan, *, on_progress: Callable[[str], None] | None = None,
                     cancelled: Cancelled = None) -> str:
        return trail_setup.create_trail(self.access, plan, on_progress, cancelled)

    def plan_verify(self, settings: Settings, *, on_progress: OnProgress | None = None,
                    cancelled: Cancelled = None) -> VerifyPlan:
        """What "Verify end to end" would change, and where; changes nothing."""
        del on_progress, cancelled
        return verify.plan_verify(self.access, settings, self.catalog)

    def verify(self, plan: VerifyPlan, witness: Witness | None = None, *,
               on_progress: OnProgress | None = None,
               cancelled: Cancelled = None) -> tuple[HopResult, ...]:
        """Make the test change and follow it; each hop is reported through on_progress."""
        return verify.Verifier(self.access, plan, observer=witness,
                               sleep=verify.interruptible_sleep(cancelled)).run(
            on_progress or (lambda _r: None), cancelled)
