"""`catalog`: the watchable groups and their APIs, with ids to put in a settings file."""

from __future__ import annotations

import argparse
import json

from aws.catalog import Catalog
from cli.output import EXIT_OK, out

_HOME = {
    "en": {"each": "each chosen region", "us-east-1": "us-east-1",
           "us-east-1+each": "us-east-1 and each chosen region"},
    "ja": {"each": "選んだ各リージョン", "us-east-1": "us-east-1",
           "us-east-1+each": "us-east-1 と選んだ各リージョン"},
}
_FIXED = {"en": "watched as a whole", "ja": "グループ全体で監視"}


def group_lines(catalog: Catalog, lang: str) -> list[str]:
    """A group per block: id, title and home, then “service:EventName  label” per API."""
    lines: list[str] = []
    for group in catalog.groups:
        home = _HOME[lang].get(str(group.home), str(group.home))
        lines.append(f"{group.id}  {group.title.get(lang)}  [{home}]")
        if group.fixed or not group.service:
            lines.append(f"    ({_FIXED[lang]})")
            continue
        width = max(len(name) for name in group.event_names) + len(group.service) + 1
        lines += [f"    {group.service}:{event.name}".ljust(width + 6) + event.label.get(lang)
                  for event in group.events]
    return lines


def as_json(catalog: Catalog, lang: str) -> list[str]:
    return [json.dumps({"id": group.id, "title": group.title.get(lang), "home": str(group.home),
                        "apis": [] if group.fixed or not group.service else [
                            {"id": f"{group.service}:{e.name}", "label": e.label.get(lang)}
                            for e in group.events]}, ensure_ascii=False)
            for group in catalog.groups]


def run(catalog: Catalog, args: argparse.Namespace) -> int:
    for line in as_json(catalog, args.lang) if args.json else group_lines(catalog, args.lang):
        out(line)
    return EXIT_OK
