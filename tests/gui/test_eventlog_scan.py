"""The Recent events tab on a busy region: an all-events scan that streams, stops and goes on."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from aws.events import EventReader
from aws.localstate import LocalState
from aws.match import READ_ONLY_STATE
from aws.ratelimit import SkippingClock, TokenBucket
from gui.context import AppContext
from gui.eventlog.view import EventLogTab
from sandbox.lookup_busy import busy_region
from sandbox.lookup_emulator import LookupEventsEmulator
from tests.aws.helpers import make_settings
from tests.aws.records import UNAUTHORIZED_PATTERN
from tests.aws.test_events import clients, rule

BUSY = 20_000
REFUSED = BUSY // 400  # busy_region refuses one call in 400


@pytest.fixture
def busy():
    """A busy us-east-1 behind the emulator's real limit, on a clock the reader's bucket
    shares (so the paced scan runs at full speed in the test)."""
    clock = SkippingClock()
    emu = LookupEventsEmulator(limit_clock=clock)
    emu.start()
    emu.load(busy_region("us-east-1", BUSY, datetime.now(UTC) - timedelta(seconds=30),
                         timedelta(seconds=2)))
    yield emu, clock
    emu.stop()


def tab_for(qtbot, tmp_path, monkeypatch, busy, scan_pages):
    emu, clock = busy
    monkeypatch.setenv("CHANGEWATCH_HOME", str(tmp_path / "home"))
    local = LocalState.default()
    local.save_settings(make_settings(watch=("unauthorized-api-calls",)))
    unauthorized = rule("unauthorized-api-calls", UNAUTHORIZED_PATTERN, state=READ_ONLY_STATE)

    def reader() -> EventReader:
        return EventReader(clients(emu.endpoint), [unauthorized],
                           bucket=TokenBucket(clock=clock, sleep=clock.sleep),
                           scan_pages=scan_pages)

    tab = EventLogTab(AppContext(local=local, lang="en"), reader_factory=reader)
    qtbot.addWidget(tab)
    tab.refresh_combo.setCurrentIndex(0)  # no timer: polls are explicit
    tab.window_combo.blockSignals(True)
    tab.window_combo.setCurrentIndex(1)   # 24 hours: the 11 hours of history, and more
    tab.window_combo.blockSignals(False)
    return tab


def test_rows_stream_in_while_the_scan_goes_back_and_load_more_reads_the_rest(
        qtbot, tmp_path, monkeypatch, busy):
    emu, _ = busy
    tab = tab_for(qtbot, tmp_path, monkeypatch, busy, scan_pages=100)
    seen_while_busy = []
    tab.model.rowsInserted.connect(lambda *_: seen_while_busy.append(tab.poller.busy))
    tab.start()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=15_000)
    assert tab.poller.busy and tab.stop_button.isEnabled()
    qtbot.waitUntil(lambda: "Reading every event back from now" in tab.scan_label.text(),
                    timeout=15_000)
    qtbot.waitUntil(lambda: not tab.poller.busy, timeout=30_000)
    assert seen_while_busy[0]  # the first rows came long before the scan ended
    # 100 pages of 400: an honest bound, and a way on.
    assert tab.model.rowCount() == 100 * 50 // 400 + 1
    assert "Scanned back to" in tab.scan_label.text() and "(us-east-1)" in tab.scan_label.text()
    assert tab.more_button.isVisibleTo(tab) and not tab.stop_button.isEnabled()
    clicks = 0
    while tab.more_button.isVisibleTo(tab) and clicks < 6:
        tab.more_button.click()
        clicks += 1
        qtbot.waitUntil(lambda: not tab.poller.busy, timeout=30_000)
    # 400 pages in budgets of 100 (each resumed scan re-reads the event it stopped at).
    assert clicks == 4 and tab.scan_label.text() == ""
    ids = [r.event_id for r in tab.model.rows]
    assert len(ids) == len(set(ids)) == REFUSED
    assert emu.throttled("us-east-1") == 0
    tab.shutdown()


def test_stop_keeps_the_rows_found_and_says_how_far_back_it_read(
        qtbot, tmp_path, monkeypatch, busy):
    emu, _ = busy
    emu.latency = 0.005  # a scan that cannot finish before the click
    tab = tab_for(qtbot, tmp_path, monkeypatch, busy, scan_pages=None)
    tab.start()
    qtbot.waitUntil(lambda: tab.model.rowCount() >= 3, timeout=15_000)
    tab.stop_button.click()
    qtbot.waitUntil(lambda: not tab.poller.busy, timeout=15_000)
    found = tab.model.rowCount()
    assert 3 <= found < REFUSED
    assert not tab.error_label.isVisibleTo(tab)  # a stop is not an error
    assert "Scanned back to" in tab.scan_label.text()
    tab.more_button.click()
    qtbot.waitUntil(lambda: not tab.poller.busy, timeout=30_000)
    ids = [r.event_id for r in tab.model.rows]
    assert len(ids) == len(set(ids)) == REFUSED
    assert emu.throttled("us-east-1") == 0
    tab.shutdown()
