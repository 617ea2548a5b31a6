"""The words for exceptions in force, shared by the wizard's review and the dashboard."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from aws.catalog import Catalog
from aws.exceptions import label
from aws.settings import WatchException


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExceptionWords", text)


def scope_text(exception: WatchException, catalog: Catalog, lang: str) -> str:
    """The groups an exception covers; none named means every group that allows it."""
    if not exception.groups:
        return _tr("all groups except the root user's")
    found = (catalog.find(g) for g in exception.groups)
    return ", ".join(g.title.get(lang) for g in found if g is not None)


def exception_line(exception: WatchException, catalog: Catalog, lang: str) -> str:
    return _tr("{who} — in {groups}").format(who=label(exception),
                                             groups=scope_text(exception, catalog, lang))


def in_force_text(exceptions: tuple[WatchException, ...], catalog: Catalog, lang: str) -> str:
    """A paragraph listing the exceptions with their risk; empty when there are none."""
    if not exceptions:
        return ""
    lines = [_tr("Exceptions in force — these send no email; if one of them is stolen, its "
                 "changes go unnoticed. The event log lists them, marked “excepted”:")]
    lines += ["• " + exception_line(e, catalog, lang) for e in exceptions]
    return "\n".join(lines)
