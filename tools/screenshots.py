"""Save screenshots of every screen to docs/screenshots/ by running the GUI tests that show
them (wizard, dashboard, event log, sandbox), with CHANGEWATCH_SCREENSHOTS set."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ["tests/gui/test_wizard.py", "tests/gui/test_dashboard.py",
         "tests/gui/test_dashboard_remove.py", "tests/gui/test_eventlog_view.py",
         "tests/gui/test_demo_app.py", "tests/gui/test_demo_inbox.py",
         "tests/gui/test_translations.py", "tests/gui/test_export_dialog.py",
         "tests/gui/test_org_dialog.py", "tests/gui/test_scp_dialog.py",
         "tests/gui/test_org_dialog_demo.py"]


def main() -> int:
    env = dict(os.environ, CHANGEWATCH_SCREENSHOTS=str(ROOT / "docs" / "screenshots"),
               QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    tests = [t for t in TESTS if (ROOT / t).exists()]
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            *tests], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
