"""Keep the Japanese UI translation in step with gui/.

    python tools/translations.py update   # lupdate gui/**/*.py into the .ts, then lrelease
    python tools/translations.py check    # exit 1 if a text is untranslated or not in the .ts

`update` keeps every existing translation (lupdate merges) and drops texts no longer in the code.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "changewatch_ja.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    """pyside6-<name> next to this Python (the venv), else from PATH."""
    local = Path(sys.executable).parent / f"pyside6-{name}"
    return str(local) if local.exists() else f"pyside6-{name}"


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "gui").rglob("*.py"))


def lupdate(ts: Path, files: list[str] | None = None) -> None:
    subprocess.run([tool("lupdate"), "-no-obsolete", "-silent", *(files or sources()),
                    "-ts", str(ts)], cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → its <translation> element."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message.find("translation")
    return found


def problems(ts: Path = TS, files: list[str] | None = None) -> list[str]:
    """What is wrong with `ts` against the code (`files`, else gui/): new or untranslated texts."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / ts.name
        shutil.copyfile(ts, fresh)
        lupdate(fresh, files)
        known, current = messages(ts), messages(fresh)
    found = [f"not in {ts.name}: [{c}] {s!r}" for c, s in current if (c, s) not in known]
    for (context, source), translation in current.items():
        forms = [translation.text or ""] if len(translation) == 0 else \
            [form.text or "" for form in translation]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or \
                not all(f.strip() for f in forms):
            found.append(f"untranslated: [{context}] {source!r}")
    return found


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "update":
        lupdate(TS)
        lrelease(TS, QM)
        left = problems()
        print(f"{TS.relative_to(ROOT)}: {len(messages(TS))} texts, {len(left)} to translate")
        return 0
    if command == "check":
        found = problems()
        print("\n".join(found) or "all texts translated")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
