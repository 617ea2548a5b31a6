"""Save screenshots of every wizard page to docs/screenshots/ (walks the wizard against moto)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    env = dict(os.environ, CHANGEWATCH_SCREENSHOTS=str(ROOT / "docs" / "screenshots"),
               QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            "tests/gui/test_wizard.py", "-k", "walk"], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
