"""Guard with an SCP: the statements in words and the JSON, the organization's tree, attach
only after the confirmation that names the target, detach & delete leaves nothing."""

from __future__ import annotations

import boto3
import pytest

from aws.scp_settings import ScpSettings
from gui.dashboard.scp_dialog import ScpDialog
from sandbox.organization import seed_organization
from tests.aws.helpers import make_settings
from tests.gui.shots import save_shot

WAIT = 15_000


class DemoOrganization:
    """The sandbox's part the dialog uses: its organization, made on first use."""

    def ensure_organization(self) -> None:
        seed_organization(boto3._get_default_session())


@pytest.fixture
def org(moto, context):
    context.sandbox = DemoOrganization()  # as in --demo: the dialog asks for it on its worker
    return boto3.client("organizations", region_name="us-east-1")


@pytest.fixture
def dialog(qtbot, context, org):
    settings = make_settings(deployment="prod",
                             scp=ScpSettings(("arn:aws:iam::*:role/Admin*",)))
    context.save_settings(settings)
    shown = ScpDialog(context, settings)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: "not attached" in shown.status.text(), timeout=WAIT)
    return shown


def _ours(org) -> list[dict]:
    return [p for p in org.list_policies(Filter="SERVICE_CONTROL_POLICY")["Policies"]
            if p["Name"] == "changewatch-prod-guard"]


def _pick(dialog, name: str) -> None:
    target = next(t for t in dialog.tree._root.walk() if t.name == name)
    dialog.tree.select(target.id)
    assert dialog.tree.currentItem().text(0).endswith(name)


def _attach(qtbot, dialog, name: str) -> None:
    _pick(dialog, name)
    dialog.attach_button.click()
    qtbot.waitUntil(lambda: dialog.confirm_dialog is not None
                    and dialog.confirm_dialog.isVisible(), timeout=WAIT)


def test_statements_in_words_and_the_json(dialog):
    lines = [dialog.statements.item(i).text() for i in range(dialog.statements.count())]
    assert any("CloudTrail trails" in line for line in lines)
    assert any("arn:aws:iam::*:role/Admin*" in line for line in lines)
    assert '"Sid": "ChangeWatchKeepAlertTopic"' in dialog.json_view.toPlainText()
    names = [t.name for t in dialog.tree._root.walk()]
    assert {"Security", "Production", "prod-web"} <= set(names)


def test_attach_after_confirmation_shows_attached(qtbot, dialog, org, context):
    _attach(qtbot, dialog, "Production")
    assert "Production" in dialog.confirm_dialog.intro.text()
    assert _ours(org) == []  # asked, nothing made yet
    save_shot(dialog.confirm_dialog, "scp-confirm-en.png")
    dialog.confirm_dialog.ok_button.click()
    qtbot.waitUntil(lambda: "Attached to" in dialog.status.text(), timeout=WAIT)
    assert "Production" in dialog.status.text()
    assert dialog.tree.currentItem().text(2) == "attached"
    assert len(_ours(org)) == 1
    assert context.settings.scp.target == dialog.tree.selected_id()
    dialog.confirm_dialog = None
    save_shot(dialog, "scp-en.png")


def test_cancelling_the_confirmation_attaches_nothing(qtbot, dialog, org):
    _attach(qtbot, dialog, "Security")
    dialog.confirm_dialog.reject()
    qtbot.wait(50)
    assert _ours(org) == [] and "not attached" in dialog.status.text()


def test_detach_and_delete_leaves_nothing(qtbot, dialog, org):
    _attach(qtbot, dialog, "Staging")
    dialog.confirm_dialog.ok_button.click()
    qtbot.waitUntil(lambda: "Attached to" in dialog.status.text(), timeout=WAIT)
    qtbot.waitUntil(dialog.remove_button.isEnabled, timeout=WAIT)
    dialog.confirm_dialog = None
    dialog.remove_button.click()
    qtbot.waitUntil(lambda: dialog.confirm_dialog is not None, timeout=WAIT)
    assert any("Detach" in dialog.confirm_dialog.items.item(i).text()
               for i in range(dialog.confirm_dialog.items.count()))
    dialog.confirm_dialog.ok_button.click()
    qtbot.waitUntil(lambda: "not attached" in dialog.status.text(), timeout=WAIT)
    assert _ours(org) == []


def test_a_bad_admin_pattern_is_said_and_blocks_attach(qtbot, dialog):
    dialog.roles.setPlainText("arn:aws:iam::*:role/*")
    assert "every role" in dialog.roles_error.text()
    assert not dialog.attach_button.isEnabled() and dialog.json_view.toPlainText() == ""
    dialog.roles.setPlainText("arn:aws:iam::*:role/Admin*\narn:aws:iam::*:role/BreakGlass")
    assert dialog.roles_error.text() == "" and "BreakGlass" in dialog.json_view.toPlainText()


def test_export_writes_the_json(dialog, tmp_path):
    path = tmp_path / "scp.json"
    dialog.ask_path = lambda: str(path)
    dialog.export_button.click()
    assert path.read_text().startswith('{"Version":"2012-10-17"')
    assert str(path) in dialog.outcome.text()


def test_outside_an_organization_the_sentence_is_shown(qtbot, context, moto):
    settings = make_settings(deployment="prod", scp=ScpSettings(("arn:aws:iam::*:role/A*",)))
    shown = ScpDialog(context, settings)
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: "not in an AWS Organization" in shown.status.text(), timeout=WAIT)
    assert not shown.attach_button.isEnabled()
