"""The exceptions in words, Japanese and English, for the command line and previews."""

from __future__ import annotations

from aws.catalog import Catalog
from aws.exceptions import Excepted, label
from aws.settings import WatchException

_WORDS = {
    "no_email": {"en": "no email (excepted by {by})", "ja": "メールなし（{by} の例外により除外）"},
    "heading": {
        "en": "Exceptions in force — these send no email; if one of them is stolen, its changes "
              "go unnoticed (the event log still lists them, marked “excepted”):",
        "ja": "有効な例外 — 以下の操作ではメールが送られません。これらの認証情報が盗まれると、"
              "その変更に気付けません（イベントログには「除外」として表示されます）:",
    },
    "all_groups": {"en": "all groups except the root user's",
                   "ja": "ルートユーザーのグループを除くすべてのグループ"},
    "line": {"en": "  • {who} — in {groups}", "ja": "  • {who} — 対象: {groups}"},
}


def _say(key: str, lang: str) -> str:
    words = _WORDS[key]
    return words.get(lang, words["en"])


def no_email(excepted: Excepted, lang: str) -> str:
    """What a preview says instead of an email: “no email (excepted by …)”."""
    return _say("no_email", lang).format(by=excepted.by)


def in_force(exceptions: tuple[WatchException, ...], catalog: Catalog,
             lang: str) -> list[str]:
    """Lines listing the exceptions with their risk; none when there are none."""
    if not exceptions:
        return []
    lines = [_say("heading", lang)]
    for exception in exceptions:
        found = (catalog.find(g) for g in exception.groups)
        groups = (", ".join(g.title.get(lang) for g in found if g is not None)
                  if exception.groups else _say("all_groups", lang))
        lines.append(_say("line", lang).format(who=label(exception), groups=groups))
    return lines
