"""Organization (StackSets) dialog: reads the organization on a worker, deploys, shows each
account and region, removes after asking; over the wire to the local moto server."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from aws.catalog import load_catalog
from aws.org.config import OrgSettings
from aws.org.service import OrgService
from aws.session import AwsAccess
from gui.org_dialog import OrgDialog
from gui.workers import WorkerPool
from tests.aws.helpers import make_settings
from tests.aws.test_org import organization  # noqa: F401 - the fixture
from tests.gui.shots import save_shot


@pytest.mark.filterwarnings("ignore:Tried to parse")
def test_read_deploy_remove(qtbot, organization, monkeypatch):  # noqa: F811
    access = AwsAccess()
    service = OrgService(access, access, make_settings(regions=("ap-northeast-1",)),
                         OrgSettings(), load_catalog(), sleep=lambda seconds: None)
    pool = WorkerPool()
    dialog = OrgDialog(service, pool, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: "Organization o-" in dialog.text.toPlainText(), timeout=15_000)
    shown = dialog.text.toPlainText()
    for name, account in organization["accounts"].items():
        assert f"{account}  {name}" in shown
    assert "Central stack: none. StackSet: none." in shown
    assert dialog.deploy_button.isEnabled()

    with qtbot.waitSignal(dialog.task.succeeded, timeout=20_000):
        dialog.deploy_button.click()
    shown = dialog.text.toPlainText()
    assert "Central stack: CREATE_COMPLETE. StackSet: ACTIVE. Auto-deployment: on." in shown
    assert f"{organization['accounts']['sandbox']}  us-east-1" in shown
    save_shot(dialog, "organization-dialog.png")

    monkeypatch.setattr(QMessageBox, "question",
                        lambda *args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(dialog.task.succeeded, timeout=20_000):
        dialog.remove_button.click()
    assert "Central stack: none. StackSet: none." in dialog.text.toPlainText()
    dialog.close()
    pool.wait()


def test_without_an_organization_the_sentence_is_shown(qtbot, moto):
    access = AwsAccess()
    service = OrgService(access, access, make_settings(), OrgSettings(), load_catalog())
    dialog = OrgDialog(service, WorkerPool(), "en")
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "Organization mode needs the management account"
                    in dialog.text.toPlainText(), timeout=15_000)
    assert not dialog.deploy_button.isEnabled() and not dialog.remove_button.isEnabled()
