"""Save screenshots of every screen to docs/screenshots/ by running the GUI tests that show
them (wizard, dashboard, event log, sandbox), with CHANGEWATCH_SCREENSHOTS set."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Every GUI test that saves a screen (tests/gui/shots.py), found rather than listed.
TESTS = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "tests" / "gui").glob("test_*.py")
               if re.search(r"save_shot\(|\bscreenshots\b", path.read_text(encoding="utf-8")))


def main() -> int:
    env = dict(os.environ, CHANGEWATCH_SCREENSHOTS=str(ROOT / "docs" / "screenshots"),
               QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            *TESTS], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
