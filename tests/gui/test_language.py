"""Japanese all the way: region names as the console says them (found by either language's
name), and what is already on screen said again in the new language after a switch."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

from aws import resources
from aws.regions import known_regions, localized_region_label
from gui import demo
from gui.app import Translations
from gui.wizard.region_list import NAME_ROLE, RegionList
from sandbox.simulate import SIMULATIONS


@pytest.fixture
def translations(qapp):
    languages = Translations(qapp)
    yield languages
    languages.use("en")


def visible_regions(regions: RegionList) -> list[str]:
    items = [regions.list.item(r) for r in range(regions.list.count())]
    return [i.data(NAME_ROLE) for i in items if not i.isHidden()]


def test_every_commercial_region_has_its_japanese_name():
    table = resources.read_json("regions_ja.json")
    assert set(known_regions()) <= set(table)
    assert localized_region_label("ap-northeast-1", "ja") == "アジアパシフィック (東京)"
    assert localized_region_label("ap-northeast-1", "en") == "Asia Pacific (Tokyo)"


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_tokyo_is_found_by_either_name(qtbot, translations, lang):
    translations.use(lang)
    regions = RegionList()
    qtbot.addWidget(regions)
    for needle in ("東京", "Tokyo", "tokyo", "ap-northeast-1"):
        regions.search.setText(needle)
        assert visible_regions(regions) == ["ap-northeast-1"], needle
    regions.search.setText("欧州")
    assert "eu-west-1" in visible_regions(regions)


def test_region_names_change_with_the_language(qtbot, translations):
    regions = RegionList()
    qtbot.addWidget(regions)
    tokyo = next(regions.list.item(r) for r in range(regions.list.count())
                 if regions.list.item(r).data(NAME_ROLE) == "ap-northeast-1")
    assert tokyo.text() == "ap-northeast-1  Asia Pacific (Tokyo)"
    translations.use("ja")
    QApplication.processEvents()  # LanguageChange reaches the widgets
    assert tokyo.text() == "ap-northeast-1  アジアパシフィック (東京)"


class FakeSandbox:
    """What the panel needs of the sandbox: an inbox and a change that mails no one."""

    def __init__(self) -> None:
        self.inbox = SimpleNamespace(listeners=[], mails=[])

    def simulate(self, simulation_id: str, region: str, caller: str = "user") -> list:
        return []

    def confirm(self, link: str) -> bool:
        return False


def test_the_sandbox_panel_speaks_the_new_language(qtbot, context, translations):
    window = QMainWindow()
    qtbot.addWidget(window)
    panel = demo.install(window, context, FakeSandbox(), SIMULATIONS, ("ap-northeast-1",))
    window.show()
    dock = window.findChild(QDockWidget, "demoDock")
    assert dock.windowTitle() == "Sandbox"
    qtbot.mouseClick(panel.simulate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Done"), timeout=5_000)
    english = panel.status.text()
    context.lang = "ja"
    translations.use("ja")
    QApplication.processEvents()
    assert dock.windowTitle() == "サンドボックス"
    assert panel.status.text() != english and "ルール" in panel.status.text()
    assert panel.change.currentText() == SIMULATIONS[0].title.ja
