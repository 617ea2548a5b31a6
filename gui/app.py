"""Starts the GUI: QApplication, language, crash dialog, then the wizard or the dashboard."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QSize, Qt, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from aws import resources
from aws.keys import KeyStore
from aws.localstate import LOG_NAME, LocalState, MaskingFormatter
from aws.session import use_mfa_prompt, warm_up
from gui.collector import GuiThreadCollector
from gui.context import AppContext, Credentials
from gui.mfa import MfaPrompter
from gui.window_size import place
from gui.workers import Worker

log = logging.getLogger(__name__)

APP_NAME = "ChangeWatch"
DEMO_SIZE = QSize(1640, 860)  # capped to the screen by window_size.place


def choose_language(args: argparse.Namespace, local: LocalState) -> str:
    """--lang wins and is remembered; else the remembered choice; else the locale default."""
    if getattr(args, "lang_given", False) or not local.get("language"):
        local.set("language", args.lang)
        return args.lang
    remembered = local.get("language")
    return remembered if remembered in ("ja", "en") else args.lang


class Translations:
    """Qt's own texts (buttons of dialogs and the wizard) and ours, for one language."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []

    def use(self, lang: str) -> None:
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed.clear()
        QLocale.setDefault(QLocale(QLocale.Language.Japanese if lang == "ja"
                                   else QLocale.Language.English))
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ours = str(resources.path("i18n", "changewatch_ja.qm").parent)
        for name, directory in (("qtbase", qt_dir), ("changewatch", ours)):
            translator = QTranslator(self._app)
            if lang != "en" and translator.load(f"{name}_{lang}", directory):
                self._app.installTranslator(translator)
                self._installed.append(translator)


class CrashHandler:
    """sys.excepthook: the traceback goes to the log file, the user reads a short dialog."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self._showing = False

    def __call__(self, kind: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        text = "".join(traceback.format_exception(kind, exc, tb))
        log.critical("unexpected error\n%s", text)
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if self._showing or QApplication.instance() is None:
            return  # one dialog at a time; the log has every traceback
        self._showing = True
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, QApplication.translate(
            "CrashHandler", "Something went wrong inside ChangeWatch: {error}\n\n"
            "Nothing in AWS was changed by this error. Details were written to:\n{path}")
            .format(error=f"{kind.__name__}: {exc}", path=self.log_path))
        box.setDetailedText(text)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(self._on_box_finished)
        self.box = box
        box.open()  # not exec(): a nested event loop inside an excepthook can deadlock

    def _on_box_finished(self, _result: int) -> None:
        self._showing = False


def setup_logging(local: LocalState) -> Path:
    """Log to a file in the state dir; never secrets (AccessKeys hides itself in repr)."""
    path = local.state_path.parent / LOG_NAME  # the same file the CLI appends to
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.FileHandler(path, encoding="utf-8")
    handler.setFormatter(MaskingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def _restore_credentials(context: AppContext) -> bool:
    """A setup made with typed keys uses them again, from the keyring. False when they are
    gone (no keyring, or this run only): the wizard asks again rather than silently using
    whatever the default credential chain finds, which may be another account."""
    settings = context.settings
    if settings is None:
        return True
    if not settings.profile and context.local.get("credentials") == "keys":
        keys = KeyStore().load()
        if keys is None:
            return False
        context.use_credentials(Credentials(None, keys))
        return True
    context.use_credentials(Credentials(settings.profile))
    return True


def open_dashboard(context: AppContext) -> QWidget | None:
    """The dashboard window (with the sandbox's panel in demo mode), or None if unavailable."""
    try:
        from gui.dashboard.window import DashboardWindow
    except ImportError:
        log.warning("no dashboard available; staying with the wizard", exc_info=True)
        return None
    window = DashboardWindow(context)
    if context.sandbox is not None:
        from gui import demo

        settings = context.settings
        regions = settings.regions if settings else context.sandbox.regions
        demo.install(window, context, context.sandbox, context.sandbox.simulations,
                     tuple(dict.fromkeys(regions)))
        place(window, "dashboard", DEMO_SIZE, context.local)  # room for the sandbox panel
    return window


def open_wizard(context: AppContext, windows: list[QWidget]) -> QWidget:
    from gui.wizard import SetupWizard

    initial = context.sandbox.default_settings(context.lang) if context.sandbox else None
    wizard = SetupWizard(context, initial)

    def on_accepted() -> None:
        dashboard = open_dashboard(context)
        if dashboard is not None:
            windows.append(dashboard)
            dashboard.show()

    wizard.accepted.connect(on_accepted)
    return wizard


def start(args: argparse.Namespace, app: QApplication,
          sandbox=None) -> tuple[AppContext, list[QWidget]]:
    """Everything before the event loop: language, logging, crash dialog, the first window."""
    local = LocalState.default()  # in demo mode, the sandbox's own CHANGEWATCH_HOME
    sys.excepthook = CrashHandler(setup_logging(local))
    use_mfa_prompt(MfaPrompter(app))  # botocore's getpass would hang a worker
    context = AppContext(local=local, lang=choose_language(args, local))
    context.messages.lang = context.lang
    if sandbox is not None:
        context.sandbox, context.demo = sandbox, True
        context.use_credentials(Credentials(sandbox.profile))
    translations = Translations(app)
    translations.use(context.lang)
    app.setProperty("changewatch_lang", context.lang)
    context.translations = translations  # kept alive with the context

    def on_language_changed(lang: str) -> None:
        context.lang = context.messages.lang = lang
        local.set("language", lang)
        translations.use(lang)  # every widget gets LanguageChange and retranslates

    context.signals.language_changed.connect(on_language_changed)
    credentials = sandbox is not None or _restore_credentials(context)
    windows: list[QWidget] = []
    window = open_dashboard(context) if context.settings is not None and credentials else None
    windows.append(window if window is not None else open_wizard(context, windows))
    windows[0].show()
    context.pool.start(Worker(warm_up))  # models parsed while the user reads
    return context, windows


def run_gui(args: argparse.Namespace, sandbox=None) -> int:
    """Show the first window and run the event loop; returns the exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    if resources.exists("icon.png"):
        app.setWindowIcon(QIcon(str(resources.path("icon.png"))))
    GuiThreadCollector(app)  # owned by the app: collects on this thread while it runs
    context, _windows = start(args, app, sandbox)
    if os.environ.get("CHANGEWATCH_EXIT_WHEN_SHOWN"):  # the cold-start benchmark
        QTimer.singleShot(0, lambda: (print(time.time(), flush=True), app.quit()))
    try:
        return app.exec()
    finally:
        context.pool.wait()
