"""The GUI thread: longest stall during apply, remove and polling; cold start; filtering."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from aws.events import EventRow  # noqa: E402
from aws.localstate import LocalState  # noqa: E402
from aws.session import warm_up  # noqa: E402
from aws.settings import Settings  # noqa: E402
from benchmarks.env import ROOT, local_aws  # noqa: E402
from gui.context import AppContext  # noqa: E402
from gui.workers import Worker  # noqa: E402

LATENCY = 0.05
TICK_MS = 5
REGIONS = ("ap-northeast-1", "us-west-2", "eu-west-1", "eu-central-1")


class StallMeter:
    """A 5 ms timer on the GUI thread; the longest gap between ticks is the worst stall."""

    def __init__(self) -> None:
        self.ticks: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(lambda: self.ticks.append(time.perf_counter()))

    def run_until(self, done, timeout: float = 120.0) -> float:
        """Spin the event loop until done(); returns the longest stall in ms."""
        self.ticks.clear()
        self.timer.start()
        loop = QEventLoop()
        check = QTimer()
        check.timeout.connect(lambda: loop.quit() if done() else None)
        check.start(20)
        QTimer.singleShot(int(timeout * 1000), loop.quit)
        loop.exec()
        check.stop()
        self.timer.stop()
        if not done():
            raise TimeoutError("the GUI did not finish in time")
        gaps = [b - a for a, b in zip(self.ticks, self.ticks[1:], strict=False)]
        return max(gaps, default=0.0) * 1000 - TICK_MS


def _wizard_apply(meter: StallMeter, context: AppContext, settings: Settings) -> float:
    from gui.wizard.wizard import SetupWizard

    wizard = SetupWizard(context, settings)
    wizard.show()
    context.pool.start(Worker(warm_up, pass_control=False))  # as gui/app.py does at start
    page = wizard.account_page
    meter.run_until(lambda: page.profile.isEnabled() and not context.pool.busy)  # user reads
    stalls = []
    page.check_button.click()
    stalls.append(meter.run_until(lambda: page.account.text().isdigit()))
    for _ in range(3):
        wizard.next()
    stalls.append(meter.run_until(wizard.review_page.isComplete))
    wizard.next()  # Create: the commit page starts apply
    stalls.append(meter.run_until(lambda: wizard.create_page.isComplete()
                                  and not wizard.create_page.running))
    wizard.close()
    return max(stalls)


def _dashboard(meter: StallMeter, context: AppContext) -> tuple[float, float]:
    from gui.dashboard.window import DashboardWindow

    window = DashboardWindow(context)
    window.show()
    log = window.events_tab
    polling = meter.run_until(lambda: not log.poller.busy and log.model.rowCount() > 0)
    for _ in range(3):
        log.poller.poll()
        polling = max(polling, meter.run_until(lambda: not log.poller.busy))
    flow = window.status_tab.remove_flow
    flow.confirm = lambda plan: True
    flow.inform = lambda text: None
    meter.run_until(lambda: not window.status_tab.pool.busy)
    flow.start()
    removing = meter.run_until(lambda: not flow.busy)
    window.close()
    return polling, removing


def _cold_start() -> float:
    """Process start to the first window shown, `python main.py` on a fresh home."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, CHANGEWATCH_HOME=home, CHANGEWATCH_EXIT_WHEN_SHOWN="1",
                   QT_QPA_PLATFORM="offscreen")
        best = float("inf")
        for _ in range(3):
            start = time.time()
            done = subprocess.run([sys.executable, "main.py", "--lang", "en"], cwd=ROOT,
                                  env=env, capture_output=True, text=True, timeout=60)
            shown = float(done.stdout.strip().splitlines()[-1])
            best = min(best, shown - start)
        return best


def _filter_100k() -> float:
    from aws.catalog import Text
    from gui.eventlog.model import EventTableModel
    from gui.eventlog.proxy import EventFilterProxy

    label = Text(ja="インバウンドルールを追加", en="Inbound rule added")
    now = datetime.now(UTC)
    names = ("AuthorizeSecurityGroupIngress", "StopConfigurationRecorder", "ConsoleLogin",
             "PutBucketPolicy", "DeleteTrail")
    rows = [EventRow(event_id=f"id-{i}", event_time=now - timedelta(seconds=i),
                     region=REGIONS[i % 4], event_name=names[i % 5],
                     event_source="ec2.amazonaws.com",
                     user=f"user{i % 97}", user_arn=f"arn:aws:iam::123456789012:user/user{i % 97}",
                     source_ip=f"203.0.113.{i % 250}", user_agent="aws-cli/2.17",
                     resource=f"sg-{i:017x}", error_code="AccessDenied" if i % 50 == 0 else "",
                     read_only=False, group_id="security-groups", label=label,
                     # the filter searches request parameters too: a realistic one per row
                     record={"requestParameters": {"groupId": f"sg-{i:017x}", "ipPermissions": {
                         "items": [{"ipProtocol": "tcp", "fromPort": 22, "toPort": 22,
                                    "ipRanges": {"items": [{"cidrIp": "0.0.0.0/0"}]}}]}}})
            for i in range(100_000)]
    model = EventTableModel()
    model.append_rows(rows)
    proxy = EventFilterProxy()
    proxy.setSourceModel(model)
    start = time.perf_counter()
    proxy.set_text("user42 accessdenied")
    elapsed = time.perf_counter() - start
    assert proxy.rowCount() > 0
    return elapsed * 1000


def run() -> list[str]:
    app = QApplication.instance() or QApplication([])
    meter = StallMeter()
    with tempfile.TemporaryDirectory() as home, local_aws(LATENCY, lookup=True):
        os.environ["CHANGEWATCH_HOME"] = home
        context = AppContext(local=LocalState.default(), lang="en")
        settings = Settings(regions=REGIONS, email="ops@example.com", deployment="bench",
                            watch=("security-groups", "aws-config", "root-signin",
                                   "cloudtrail-changes", "iam-policy-changes"))
        apply_stall = _wizard_apply(meter, context, settings)
        polling_stall, remove_stall = _dashboard(meter, context)
        context.pool.wait(10_000)
    del app
    return [
        f"GUI thread, {LATENCY * 1000:.0f} ms per request, {len(REGIONS)} regions "
        "(target: no stall > 50 ms):",
        f"  longest stall: setup wizard check → plan → apply {apply_stall:.0f} ms, "
        f"event log load+polls {polling_stall:.0f} ms, remove everything {remove_stall:.0f} ms",
        f"  cold start to first window: {_cold_start():.2f} s (target ≤ 1 s)",
        f"  filter 100 000 event rows: {_filter_100k():.0f} ms (target < 200 ms)",
    ]


