"""The Japanese UI: every text in gui/ translated, the .qm built from the .ts, no English left."""

from __future__ import annotations

import importlib.util
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTabBar,
    QWidget,
)

from aws.execute import execute
from aws.localstate import LocalState
from gui.app import Translations
from gui.context import AppContext
from gui.dashboard.window import DashboardWindow
from gui.fonts import FALLBACK_NAME
from gui.wizard.wizard import ACCOUNT, APIS, CREATE, EMAIL, REVIEW
from sandbox.lookup_emulator import LookupEventsEmulator
from tests.aws.helpers import make_plan, make_settings
from tests.gui.shots import save_shot
from tests.gui.test_eventlog_view import GROUPS, realistic_mix

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("translations", ROOT / "tools" / "translations.py")
translations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(translations)

JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
# Technical words left in English on purpose: URLs, emails, ARNs, region codes, resource names,
# API and product names (CamelCase or CAPITALS), time zone names, and the language named in
# itself.
TECHNICAL = re.compile(r"""
    https?://\S+ | \b[A-Z][A-Za-z_]+(/[A-Za-z0-9_+-]+)+\b | [\w.+-]+@[\w-]+(\.[\w-]+)+
    | arn:[\w-]+:\S*
    | \b[a-z]{2}(-gov)?-[a-z]+-\d\b | \b[a-z0-9]+([-_:./][a-z0-9]+)+\b
    | \b[A-Z][a-z0-9]+([A-Z][A-Za-z0-9]*)+\b | \b[A-Z0-9]{2,}s?\b
    | \b(English|Config|Amazon)\b""", re.VERBOSE)


def untranslated(text: str) -> bool:
    """True when `text` is English prose: no Japanese and letters left once technical words go.
    The language button's name in letters, where no font can draw 日本語, is deliberate."""
    if text == FALLBACK_NAME:
        return False
    text = re.sub(r"<[^>]+>|&(?=\w)", "", text)
    return not JAPANESE.search(text) and bool(re.search(r"[A-Za-z]", TECHNICAL.sub("", text)))


def widget_texts(widget: QWidget) -> list[str]:
    """What `widget` shows in words: its text, title, tabs, header sections or combo items."""
    texts = [widget.windowTitle()] if widget.isWindow() else []
    if isinstance(widget, QLabel | QAbstractButton):
        texts.append(widget.text())
    elif isinstance(widget, QGroupBox):
        texts.append(widget.title())
    elif isinstance(widget, QTabBar):
        texts += [widget.tabText(i) for i in range(widget.count())]
    elif isinstance(widget, QHeaderView) and widget.model() is not None:
        model, orientation = widget.model(), widget.orientation()
        count = model.columnCount() if orientation == Qt.Orientation.Horizontal \
            else model.rowCount()
        texts += [str(model.headerData(i, orientation) or "") for i in range(count)]
    elif isinstance(widget, QLineEdit):
        texts.append(widget.placeholderText())
    elif isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    return texts


def english_texts(top: QWidget) -> list[str]:
    """The visible texts under `top` still in English (labels, buttons, tabs, headers, menus)."""
    found = [(w, t) for w in (top, *top.findChildren(QWidget)) if w.isVisible()
             for t in widget_texts(w) if t.strip() and untranslated(t)]
    if isinstance(top, QMainWindow):
        for menu_action in top.menuBar().actions():
            texts = [menu_action.text(), *(a.text() for a in menu_action.menu().actions())]
            found += [(top, t) for t in texts if t.strip() and untranslated(t)]
    return [f"{type(w).__name__} {w.objectName()!r}: {t!r}" for w, t in found]


def cut_off(top: QWidget) -> list[str]:
    """Visible labels and buttons too small for their (longer, Japanese) text."""
    found = []
    for widget in top.findChildren(QLabel) + top.findChildren(QAbstractButton):
        if not widget.isVisible() or not widget.text():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            short = widget.heightForWidth(widget.width()) > widget.height() + 1
        else:
            short = widget.sizeHint().width() > widget.width() + 1
        if short:
            found.append(f"cut off: {type(widget).__name__} {widget.text()!r}")
    return found


def model_texts(view: QAbstractItemView) -> list[str]:
    model = view.model()
    return [str(model.index(r, c).data() or "") for r in range(model.rowCount())
            for c in range(model.columnCount())]


@pytest.fixture
def japanese(qapp):
    """The app's Japanese translator (Qt's own texts too); English again afterwards."""
    languages = Translations(qapp)
    languages.use("ja")
    yield
    languages.use("en")


# -- the .ts and the .qm ----------------------------------------------------------------------


def test_every_text_in_gui_is_translated():
    """lupdate over gui/ into a copy of the .ts: nothing new, nothing unfinished or empty."""
    assert translations.problems() == [], "run `python tools/translations.py update`, translate"


def test_a_new_untranslated_text_is_caught(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text("from PySide6.QtCore import QObject\n\n\nclass Probe(QObject):\n"
                     "    def text(self):\n        return self.tr('New text')\n")
    found = translations.problems(files=[*translations.sources(), str(probe)])
    assert found and all("New text" in line for line in found)


def test_the_qm_is_built_from_the_ts(tmp_path):
    built = tmp_path / "changewatch_ja.qm"
    translations.lrelease(translations.TS, built)
    assert built.read_bytes() == translations.QM.read_bytes(), (
        "the .qm is stale: run `python tools/translations.py update`")
    translator = QTranslator()
    assert translator.load(str(translations.QM))
    assert translator.translate("DashboardWindow", "Recent events") == "最近のイベント"
    assert translator.translate("Wording", "%n problem(s)", "", 2) == "%n 件の問題"


def test_placeholders_survive_translation():
    """{name}, %1, %n, HTML tags and `commands` appear in the Japanese exactly as in English."""
    tokens = re.compile(r"\{\w+\}|%\d|%n|<[^>]+>|`[^`]*`")
    for (context, source), translation in translations.messages(translations.TS).items():
        forms = [f.text for f in translation] or [translation.text]
        for form in forms:
            assert sorted(tokens.findall(form)) == sorted(tokens.findall(source)), (
                context, source, form)


# -- the screens in Japanese ----------------------------------------------------------------


def test_wizard_pages_read_in_japanese(moto, japanese, context, make_wizard):
    context.lang = "ja"
    driver = make_wizard()
    wizard = driver.wizard
    pages = {ACCOUNT: "account", EMAIL: "email", APIS: "apis", REVIEW: "review",
             CREATE: "create"}
    seen = {}

    def look() -> None:
        driver.qtbot.wait(50)
        seen[wizard.currentId()] = english_texts(wizard) + cut_off(wizard)
        save_shot(wizard, f"i18n-ja-wizard-{pages[wizard.currentId()]}.png")

    driver.wait(wizard.account_page.profile.isEnabled)
    driver.check_account()
    driver.toggle_region("ap-northeast-1")
    look()
    driver.next()
    driver.type_email("ops@example.com")
    look()
    driver.next()
    driver.click(wizard.apis_page.preset_buttons["seed-config-root"])
    look()
    driver.next()
    driver.wait_review()
    assert wizard.review_page.isComplete(), wizard.review_page.status.text()
    look()
    driver.create()
    driver.wait_created()
    assert wizard.create_page.isComplete(), wizard.create_page.status.text()
    look()
    assert set(seen) == set(pages)
    assert {pages[k]: v for k, v in seen.items() if v} == {}


@pytest.fixture
def deployed(qapp, access, moto, tmp_path, monkeypatch):
    """A deployment in moto with CloudTrail events to list; the context speaks Japanese.

    Yields (context, how many events the deployment watches)."""
    emulator = LookupEventsEmulator(upstream=moto.url)
    monkeypatch.setenv("AWS_ENDPOINT_URL_CLOUDTRAIL", emulator.start())
    monkeypatch.setenv("CHANGEWATCH_HOME", str(tmp_path / "home"))
    records, watched = realistic_mix(datetime.now(UTC))
    emulator.load(records)
    settings = make_settings(watch=GROUPS)
    assert execute(access, make_plan(access, settings)).ok
    local = LocalState.default()
    local.save_settings(settings)
    local.remember_regions(settings.deployment, settings.regions)
    yield AppContext(local=local, lang="ja"), watched
    emulator.stop()


def test_dashboard_reads_in_japanese(qtbot, japanese, deployed):
    context, watched = deployed
    window = DashboardWindow(context)
    qtbot.addWidget(window)
    window.events_tab.refresh_combo.setCurrentIndex(0)
    window.show()
    qtbot.waitExposed(window)
    tab = window.status_tab
    qtbot.waitUntil(lambda: tab.status is not None and not tab.reading, timeout=15_000)
    tab.select_region("us-east-1")
    found = english_texts(window) + cut_off(window)
    found += [t for t in model_texts(tab.table) if untranslated(t)]
    found += [line for line in tab.detail.toPlainText().splitlines() if untranslated(line)]
    save_shot(window, "i18n-ja-dashboard-status.png")
    window.tabs.setCurrentIndex(1)
    events = window.events_tab
    qtbot.waitUntil(lambda: events.model.rowCount() == watched and not events.poller.busy,
                    timeout=15_000)
    ids = [row.event_id for row in events.visible_rows()]
    for event_id in ("ev-failed-1", "ev-orphan-modify"):  # a failed call; a missing history
        events.select_row(ids.index(event_id))
        facts = events.detail.text().split("\n{", 1)[0]  # the part before the event's JSON
        found += [line for line in facts.splitlines() if untranslated(line)]
    found += english_texts(window) + cut_off(window)
    save_shot(window, "i18n-ja-dashboard-events.png")
    window.close()
    assert found == []
