"""Each wizard page's validation: Next stays disabled, with the reason shown, until complete."""

from __future__ import annotations

import boto3
import keyring
from keyring.backends import fail
from PySide6.QtCore import Qt

from aws.catalog import load_catalog
from aws.keys import KeyStore
from gui.context import Credentials
from gui.wizard.wizard import APIS, EMAIL, REVIEW


def _to_email_page(driver) -> None:
    driver.check_account()
    driver.next()
    assert driver.wizard.currentId() == EMAIL


def test_account_page_needs_a_checked_identity_and_a_region(moto, make_wizard):
    driver = make_wizard()
    page = driver.wizard.account_page
    assert not driver.next_enabled()
    assert "Check" in page.reason.text() and page.reason.isVisible()
    driver.check_account()
    assert driver.next_enabled() and not page.reason.isVisible()
    driver.toggle_region("us-east-1")  # the only chosen one, unchosen again
    assert page.regions.chosen() == []
    assert not driver.next_enabled()
    assert "at least one region" in page.reason.text()
    # An opt-in region the account has not enabled is listed but cannot be chosen.
    item = driver.region_item("ap-east-1")
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "not enabled" in item.text() and "opt-in" in item.toolTip()
    assert not [r for r in range(page.regions.list.count())
                if page.regions.list.item(r).text().startswith("cn-north-1")]
    # Another choice of credentials forgets the check.
    page.profile.setCurrentIndex(page.profile.findData("\x00keys"))
    assert not driver.next_enabled() and page.account.text() == "—"


def test_account_check_failure_shows_the_sentence(moto, make_wizard, tmp_path, monkeypatch):
    (tmp_path / "aws-config").write_text("[profile sso-dev]\nsso_session = corp\n"
                                         "sso_account_id = 1\nsso_role_name = R\n"
                                         "[sso-session corp]\nsso_start_url = https://x\n"
                                         "sso_region = us-east-1\n", encoding="utf-8")
    for key in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"):
        monkeypatch.delenv(key)
    monkeypatch.setenv("AWS_PROFILE", "sso-dev")
    driver = make_wizard()
    page = driver.wizard.account_page
    driver.wait(page.profile.isEnabled)
    assert page.profile.currentData() == "sso-dev"
    assert "SSO" in page.profile.currentText() and "AWS_PROFILE" in page.profile.currentText()
    driver.check_account()
    assert "aws sso login --profile sso-dev" in page.status.text()
    assert not driver.next_enabled()


def test_typed_keys_are_checked_and_kept_in_the_keyring(moto, make_wizard, memory_keyring,
                                                        qtbot):
    driver = make_wizard()
    page = driver.wizard.account_page
    driver.wait(page.profile.isEnabled)
    page.profile.setCurrentIndex(page.profile.findData("\x00keys"))
    assert page.keys_box.isVisible()
    driver.wait(lambda: page.keys_box.note.isVisible())
    assert "system keyring" in page.keys_box.note.text()
    driver.click(page.check_button)
    assert "access key ID" in page.status.text()
    qtbot.keyClicks(page.keys_box.key_id, "AKIATYPEDTYPED000000")
    qtbot.keyClicks(page.keys_box.secret, "typed-secret")
    assert page.keys_box.secret.echoMode() == page.keys_box.secret.EchoMode.Password
    driver.check_account()
    assert page.account.text() == "123456789012"
    assert "typed-secret" in next(iter(memory_keyring.items.values()))
    assert driver.wizard.settings().profile is None


def test_without_a_keyring_the_user_is_told(moto, make_wizard):
    keyring.set_keyring(fail.Keyring())  # the autouse fixture restores the previous one
    driver = make_wizard()
    page = driver.wizard.account_page
    driver.wait(page.profile.isEnabled)
    page.profile.setCurrentIndex(page.profile.findData("\x00keys"))
    driver.wait(lambda: page.keys_box.note.isVisible())
    assert "this run only" in page.keys_box.note.text()
    page.keys_box.key_id.setText("AKIATYPEDTYPED000000")
    page.keys_box.secret.setText("typed-secret")
    driver.check_account()
    assert page.account.text() == "123456789012"
    assert KeyStore().load().secret_access_key == "typed-secret"  # memory, this run only


def test_email_page_validates_as_you_type(moto, make_wizard):
    driver = make_wizard()
    _to_email_page(driver)
    page = driver.wizard.email_page
    assert not driver.next_enabled() and "Enter the email" in page.reason.text()
    driver.type_email("ops@example")
    assert not driver.next_enabled()
    assert "not a valid email" in page.validity.text()
    driver.qtbot.keyClicks(page.email, ".com")
    assert driver.next_enabled() and not page.reason.isVisible()
    driver.click(page.ja)
    assert driver.wizard.settings().language == "ja"


def test_apis_page_tree_presets_filter(moto, make_wizard, qtbot):
    driver = make_wizard()
    _to_email_page(driver)
    driver.type_email("ops@example.com")
    driver.next()
    assert driver.wizard.currentId() == APIS
    page = driver.wizard.apis_page
    assert not driver.next_enabled() and "at least one API" in page.reason.text()
    tree = page.tree
    sg = tree.topLevelItem(0)
    assert sg.text(0).startswith("Security group changes")
    assert sg.child(0).text(0).endswith("— AuthorizeSecurityGroupIngress")
    # One API of a group: the parent shows partly checked, settings get "ec2:Name".
    sg.child(0).setCheckState(0, Qt.CheckState.Checked)
    assert sg.checkState(0) == Qt.CheckState.PartiallyChecked
    assert page.watch() == ("ec2:AuthorizeSecurityGroupIngress",)
    assert driver.next_enabled()
    driver.click(page.nothing)
    assert not driver.next_enabled()
    driver.click(page.everything)
    catalog = load_catalog()
    assert page.watch() == tuple(g.id for g in catalog.groups)  # fixed groups included
    assert "us-east-1" in page.home_note.text() and page.home_note.isVisible()
    qtbot.keyClicks(page.filter, "ModifySecurityGroupRules")
    visible = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
               if not tree.topLevelItem(i).isHidden()]
    assert [v.data(0, Qt.ItemDataRole.UserRole) for v in visible] == ["security-groups"]
    assert sum(not sg.child(i).isHidden() for i in range(sg.childCount())) == 1
    page.filter.clear()
    assert all(not tree.topLevelItem(i).isHidden() for i in range(tree.topLevelItemCount()))
    where = {tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole): tree.topLevelItem(i).text(1)
             for i in range(tree.topLevelItemCount())}
    assert where["iam-policy-changes"] == "us-east-1 only"
    assert where["root-signin"] == "us-east-1 + each chosen region"
    assert where["signin-without-mfa"] == "us-east-1 + each chosen region"


def test_review_without_warning_when_a_trail_logs(moto, make_wizard):
    boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="trail-logs-test")
    trail = boto3.client("cloudtrail", region_name="us-east-1")
    trail.create_trail(Name="everywhere", S3BucketName="trail-logs-test", IsMultiRegionTrail=True)
    trail.start_logging(Name="everywhere")
    driver = make_wizard()
    _to_email_page(driver)
    driver.type_email("ops@example.com")
    driver.next()
    driver.click(driver.wizard.apis_page.preset_buttons["seed-config-root"])
    driver.next()
    assert driver.wizard.currentId() == REVIEW
    driver.wait_review()
    page = driver.wizard.review_page
    assert page.isComplete() and not page.warnings.isVisible()
    names = [page.preview_group.itemData(i) for i in range(page.preview_group.count())]
    assert names == ["aws-config", "root-signin"]
    page.preview_group.setCurrentIndex(1)
    assert "ConsoleLogin" in page.preview_text.toPlainText()


def test_cancelling_the_wizard_gives_back_the_credentials_it_found(moto, make_wizard, context):
    context.use_credentials(Credentials("the-dashboards-profile"))
    driver = make_wizard()
    page = driver.wizard.account_page
    driver.wait(page.profile.isEnabled)
    page.profile.setCurrentIndex(page.profile.findData(None) if page.profile.findData(None) >= 0
                                 else 0)
    driver.check_account()
    # The check uses the wizard's own credentials; the app's change only with a new setup.
    assert context.credentials.profile == "the-dashboards-profile"
    driver.wizard.reject()
    assert context.credentials.profile == "the-dashboards-profile"


def test_review_page_exports_the_reviewed_settings(moto, make_wizard, tmp_path):
    driver = make_wizard()
    _to_email_page(driver)
    driver.type_email("ops@example.com")
    driver.next()
    driver.click(driver.wizard.apis_page.preset_buttons["seed-config-root"])
    driver.next()
    driver.wait_review()
    page = driver.wizard.review_page
    assert page.export.text() == "E&xport as CloudFormation…"
    driver.click(page.export)
    dialog = page.export_dialog
    assert dialog.isVisible()
    dialog.folder.setText(str(tmp_path / "cfn"))
    dialog.export_button.click()
    driver.wait(lambda: (tmp_path / "cfn" / "DEPLOY.md").exists())
    assert "ops@example.com" in (tmp_path / "cfn" / "DEPLOY.md").read_text(encoding="utf-8")
    dialog.close()
