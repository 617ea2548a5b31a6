"""Cyclic garbage is collected on the GUI thread, by Python's own thresholds, never on a worker."""

from __future__ import annotations

import gc
import threading

import pytest

from gui.collector import GuiThreadCollector


class Cycle:
    def __init__(self) -> None:
        self.me = self


@pytest.fixture
def collector(qapp):
    made = GuiThreadCollector(interval_ms=10)
    yield made
    made.stop()


def test_automatic_collection_is_off_and_the_timer_collects_on_the_gui_thread(collector, qtbot):
    assert not gc.isenabled()
    threads: list[str] = []

    def note(phase: str, _info: dict) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    gc.callbacks.append(note)
    try:
        for _ in range(collector.thresholds[0] * 3):
            Cycle()  # garbage Python would collect automatically, on whatever thread
        worker = threading.Thread(target=lambda: [Cycle() for _ in range(5000)], name="worker")
        worker.start()
        worker.join()
        assert threads == []  # nothing collected behind the app's back
        qtbot.waitUntil(lambda: bool(threads), timeout=2_000)
        assert set(threads) == {threading.main_thread().name}
        assert gc.get_count()[0] <= collector.thresholds[0]
    finally:
        gc.callbacks.remove(note)


def test_stop_gives_collection_back_to_python(qapp):
    GuiThreadCollector().stop()
    assert gc.isenabled()
