"""The sandbox behind `--demo`: moto + the LookupEvents emulator, a demo profile, some history.

Everything reaches it through the standard AWS variables (AWS_ENDPOINT_URL,
AWS_ENDPOINT_URL_CLOUDTRAIL, AWS_CONFIG_FILE…), so aws/ does not know it is a sandbox.
Nothing is written to the user's real AWS files or ChangeWatch settings.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import threading
from pathlib import Path

import boto3
from moto.moto_api._internal import mock_random

from aws.settings import Settings, new_deployment_id
from sandbox import persistence
from sandbox.config_emulator import ConfigEmulator
from sandbox.config_evaluator import ConfigEvaluator
from sandbox.history import seed_history
from sandbox.lookup_emulator import LookupEventsEmulator
from sandbox.moto_server import MotoServer, install_stacksets
from sandbox.organization import seed_organization, trust_stacksets
from sandbox.router import Inbox, Mail, Router, route, route_event
from sandbox.sfn_emulator import StepFunctionsEmulator
from sandbox.simulate import SIMULATIONS, Simulator, ec2_record
from sandbox.sns_emulator import SnsEmulator

PROFILE = "demo"
HOME_REGION = "ap-northeast-1"
REGIONS = (HOME_REGION, "us-west-2")
DEMO_EMAIL = "ops@example.com"
DEMO_SEED = 20240427  # any fixed number; see Sandbox.start
CLOUDTRAIL_DELAY = 3.0  # seconds; LookupEvents shows events late, as CloudTrail does


class Sandbox:
    """The local AWS, the demo inbox and the “simulate a change” actions."""

    profile = PROFILE
    regions = REGIONS
    simulations = SIMULATIONS

    def __init__(self, state_dir: Path | None = None) -> None:
        # state_dir: keep AWS and ChangeWatch's own state there between headless commands
        self.state_dir = state_dir
        self.moto = MotoServer(stacksets=False)  # added when organization mode is used
        self.emulator: LookupEventsEmulator | None = None
        self.inbox = Inbox()
        self.sns: SnsEmulator | None = None
        self.sfn: StepFunctionsEmulator | None = None
        self.session: boto3.session.Session | None = None
        self.simulator: Simulator | None = None
        self.config: ConfigEmulator | None = None  # AWS Config: moto + what moto lacks
        self.evaluator: ConfigEvaluator | None = None
        self.home = Path(tempfile.mkdtemp(prefix="changewatch-demo-"))
        self._lock = threading.Lock()

    def start(self) -> Sandbox:
        url = self.moto.start()
        self.moto.reset()  # moto keeps its state per process, not per server
        # moto draws ids (an organization's root and OUs, a policy's id) from one random
        # stream: seeded, a replay of the same requests gives the same ids, so an SCP attached
        # by one headless command is found attached to the same OU by the next.
        mock_random.seed(DEMO_SEED)
        self.emulator = LookupEventsEmulator(upstream=url)
        trail_url = self.emulator.start()
        self.sns = SnsEmulator(url, self.inbox)
        # A formatter started by hand (a test notification) runs as EventBridge's would.
        self.sfn = StepFunctionsEmulator(url, self._run_formatter)
        self._point_boto3_here(url, trail_url, self.sns.start(), self.sfn.start())
        state = self.state_dir / "config-emulator.json" if self.state_dir else None
        if state is not None:
            state.parent.mkdir(parents=True, exist_ok=True)
        self.config = ConfigEmulator(url, state)
        os.environ["AWS_ENDPOINT_URL_CONFIG_SERVICE"] = self.config.start()
        # A session of our own, made now: boto3's default one may have read other files.
        self.session = boto3.session.Session()
        self.simulator = Simulator(self.session)
        self.evaluator = ConfigEvaluator(self.config, self.session)
        self.emulator.load(seed_history(REGIONS))
        if self.state_dir is not None and persistence.mentions(self.state_dir, "cloudformation"):
            install_stacksets()  # an earlier command's StackSets replay as they were made
        if self.state_dir is None or not persistence.resume(self.state_dir, url):
            self._create_trail()
        atexit.register(self.stop)
        return self

    def stop(self) -> None:
        if self.state_dir is not None:
            persistence.stop_recording()
        if self.emulator:
            self.emulator.stop()
            self.emulator = None
            if self.sns:
                self.sns.stop()
            if self.sfn:
                self.sfn.stop()
            if self.config:
                self.config.stop()
            self.moto.stop()
        shutil.rmtree(self.home, ignore_errors=True)

    def _point_boto3_here(self, url: str, trail_url: str, sns_url: str, sfn_url: str) -> None:
        config, credentials = self.home / "aws-config", self.home / "aws-credentials"
        config.write_text(f"[profile {PROFILE}]\nregion = {HOME_REGION}\n", encoding="utf-8")
        credentials.write_text(f"[{PROFILE}]\naws_access_key_id = AKIADEMODEMODEMO0000\n"
                               "aws_secret_access_key = demo-secret-not-real\n",
                               encoding="utf-8")
        for key in [k for k in os.environ if k.startswith("AWS_")]:
            del os.environ[key]
        os.environ.update({
            "AWS_ENDPOINT_URL": url, "AWS_ENDPOINT_URL_CLOUDTRAIL": trail_url,
            "AWS_ENDPOINT_URL_SNS": sns_url, "AWS_ENDPOINT_URL_SFN": sfn_url,
            "AWS_CONFIG_FILE": str(config), "AWS_SHARED_CREDENTIALS_FILE": str(credentials),
            "AWS_PROFILE": PROFILE, "AWS_DEFAULT_REGION": HOME_REGION,
            "CHANGEWATCH_HOME": str((self.state_dir or self.home) / "changewatch"),
        })

    def _create_trail(self) -> None:
        """A multi-region trail that is logging, so the preflight finds the account healthy."""
        s3 = self.session.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="demo-cloudtrail-logs-123456789012")
        trail = self.session.client("cloudtrail", region_name="us-east-1")
        trail.create_trail(Name="organization-trail", IsMultiRegionTrail=True,
                           S3BucketName="demo-cloudtrail-logs-123456789012")
        trail.start_logging(Name="organization-trail")

    @staticmethod
    def default_settings(lang: str) -> Settings:
        """What the wizard starts from in the sandbox: every field filled, ready to create."""
        return Settings(regions=(HOME_REGION,), email=DEMO_EMAIL, language=lang,
                        watch=("security-groups", "aws-config", "root-signin"),
                        profile=PROFILE, deployment=new_deployment_id())

    def simulate(self, simulation_id: str, region: str = HOME_REGION,
                 caller: str = "user") -> list[Mail]:
        """Make the change for real in the sandbox as `caller` ("user", or "automation": a
        pipeline's role), record it in CloudTrail, route it. As in AWS, a region no logging
        trail covers records nothing and so mails nothing."""
        with self._lock:
            if self.emulator is None or self.simulator is None or self.session is None:
                raise RuntimeError("the sandbox is not running")
            record = self.simulator.run(simulation_id, region, caller)
            if not self._trail_logging(record["awsRegion"]):
                return []
            self.emulator.add(record, visible_after=CLOUDTRAIL_DELAY)
            return route(record, self.inbox, self.session) + self._config_round(region)

    def _config_round(self, region: str) -> list[Mail]:
        """What AWS Config does after a change, in order: evaluate its rules (a compliance
        change goes to EventBridge), run the automatic remediations (their calls are recorded
        in CloudTrail like any other), evaluate again."""
        if self.evaluator is None or self.emulator is None:
            return []
        mails: list[Mail] = []
        for event in self.evaluator.evaluate(region):
            mails += route_event(event, self.inbox, self.session)
        if self.evaluator.auto_remediate(region):
            for record in self.evaluator.trail:
                self.emulator.add(record, visible_after=CLOUDTRAIL_DELAY)
                mails += route(record, self.inbox, self.session)
            self.evaluator.trail.clear()
            for event in self.evaluator.evaluate(region):
                mails += route_event(event, self.inbox, self.session)
        return mails

    def witness(self, region: str, name: str, request: dict, response: dict) -> None:
        """CloudTrail for an EC2 call the app itself made ("Verify end to end"): recorded and
        routed like a simulated change, since the sandbox's AWS records nothing by itself."""
        with self._lock:
            if self.emulator is None or self.session is None:
                raise RuntimeError("the sandbox is not running")
            record = ec2_record(region, name, request, response)
            if not self._trail_logging(region):
                return
            self.emulator.add(record, visible_after=CLOUDTRAIL_DELAY)
            route(record, self.inbox, self.session)

    def _run_formatter(self, machine_arn: str, execution_input: dict) -> list[Mail]:
        if self.session is None:
            return []
        return Router(self.session, self.inbox).execute(machine_arn, execution_input)

    def _trail_logging(self, region: str) -> bool:
        trail = self.session.client("cloudtrail", region_name=region)
        return any(trail.get_trail_status(Name=t["TrailARN"]).get("IsLogging")
                   for t in trail.describe_trails(includeShadowTrails=True)["trailList"]
                   if t.get("IsMultiRegionTrail") or t.get("HomeRegion") == region)

    def ensure_organization(self) -> None:
        """The demo organization, whose management account is the demo account: made the first
        time something asks about Organizations, so the sandbox starts no slower for it."""
        with self._lock:
            if self.session is None:
                raise RuntimeError("the sandbox is not running")
            seed_organization(self.session)

    def ensure_stackset_organization(self) -> None:
        """The demo organization as organization mode needs it: made on first use, with
        trusted access for StackSets turned on (service-managed StackSets need it)."""
        install_stacksets()
        self.ensure_organization()
        with self._lock:
            trust_stacksets(self.session)

    def confirm(self, link: str) -> bool:
        """What clicking a confirmation link in the demo inbox does."""
        from aws.subscription import parse_confirmation

        topic, token = parse_confirmation(link)
        return self.sns is not None and self.sns.confirm(topic, token) is not None


_running: Sandbox | None = None


def start_sandbox(keep_state: bool = False, reset: bool = False) -> Sandbox:
    """The process's one sandbox, started on first use. keep_state: continue from the
    previous headless --demo command (reset: from nothing), as one AWS account would."""
    global _running
    if _running is None:
        state_dir = persistence.state_dir() if keep_state else None
        if state_dir is not None and reset:
            persistence.forget(state_dir)
        _running = Sandbox(state_dir).start()
    return _running
