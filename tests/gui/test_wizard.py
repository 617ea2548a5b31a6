"""The whole wizard walked as a user would, against moto: it ends with the resources created."""

from __future__ import annotations

import boto3
import pytest
from PySide6.QtWidgets import QFileDialog, QWizard

from aws import settings_file as settings_io
from aws.inventory import TAG_KEY
from gui.app import Translations
from gui.wizard.wizard import ACCOUNT, APIS, CREATE, EMAIL, REVIEW


def _shot(driver, screenshots, name: str, lang: str) -> None:
    if screenshots is None:
        return
    driver.qtbot.wait(50)  # let layouts settle before grabbing
    screenshots.mkdir(parents=True, exist_ok=True)
    assert driver.wizard.grab().save(str(screenshots / f"wizard-{name}-{lang}.png"))


@pytest.fixture
def ui_language(qapp, context):
    """Switch the UI language the way the app does (Qt's own texts translated too)."""
    translations = Translations(qapp)

    def use(lang: str) -> None:
        context.lang = lang
        translations.use(lang)
    yield use
    translations.use("en")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_walk_the_wizard_and_create(moto, make_wizard, context, qtbot, tmp_path, monkeypatch,
                                    screenshots, ui_language, lang):
    ui_language(lang)
    driver = make_wizard()
    wizard = driver.wizard
    assert wizard.currentId() == ACCOUNT
    _shot(driver, screenshots, "account-unchecked", lang)
    assert not driver.next_enabled()

    driver.check_account()
    page = wizard.account_page
    assert page.account.text() == "123456789012"
    assert page.arn.text().startswith("arn:aws:")
    assert page.regions.chosen() == ["us-east-1"]  # the profile's (AWS_DEFAULT_REGION) region
    driver.toggle_region("ap-northeast-1")
    assert page.regions.chosen() == ["ap-northeast-1", "us-east-1"]
    assert driver.next_enabled()
    _shot(driver, screenshots, "account", lang)
    driver.next()

    assert wizard.currentId() == EMAIL
    driver.type_email("ops@example.com")
    assert driver.next_enabled()
    _shot(driver, screenshots, "email", lang)
    driver.next()

    assert wizard.currentId() == APIS
    apis = wizard.apis_page
    driver.click(apis.preset_buttons["seed-security-groups"])
    driver.click(apis.preset_buttons["seed-config-root"])  # a preset replaces the choice
    assert set(apis.selection()) == {"aws-config", "root-signin"}
    driver.click(apis.preset_buttons["seed-security-groups"])
    assert apis.watch() == ("security-groups",)
    _shot(driver, screenshots, "apis", lang)
    driver.next()

    assert wizard.currentId() == REVIEW
    driver.wait_review()
    review = wizard.review_page
    assert review.isComplete(), review.status.text()
    plan = review.plan_text.toPlainText()
    deployment = wizard.draft.deployment
    assert f"changewatch-{deployment}-security-groups" in plan and "ap-northeast-1" in plan
    # One sentence first: how many confirmation emails, from where.
    assert {"en": "1 confirmation email", "ja": "確認メールが 1 通"}[lang] in (
        review.confirmations.text())
    assert "AuthorizeSecurityGroupIngress" in review.patterns.toPlainText()
    preview = review.preview_text.toPlainText()
    assert preview.startswith({"en": "Subject: ", "ja": "件名: "}[lang]) or "Subject" in preview
    assert "<eventName>" not in preview
    warnings = review.warnings.text()
    assert review.warnings.isVisible()
    never_fire = {"en": "never fire", "ja": "動作しません"}[lang]
    assert "ap-northeast-1" in warnings and "us-east-1" in warnings and never_fire in warnings
    target = tmp_path / "saved.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    driver.click(review.save)
    saved = settings_io.load(target)
    assert saved.regions == ("ap-northeast-1", "us-east-1") and saved.email == "ops@example.com"
    review.tabs.setCurrentIndex(2)
    qtbot.wait(50)  # laid out at its real width
    first = review.preview_text.firstVisibleBlock().text()  # the reader starts at the subject
    assert first.startswith({"en": "Subject: ", "ja": "件名: "}[lang]), first
    _shot(driver, screenshots, "review", lang)
    review.tabs.setCurrentIndex(0)

    with qtbot.waitSignal(context.signals.deployment_changed, timeout=30_000):
        driver.create()
        assert wizard.currentId() == CREATE
    driver.wait_created()
    create = wizard.create_page
    assert create.isComplete(), create.status.text()
    assert {"en": "1 confirmation email", "ja": "確認メールが 1 通"}[lang] in create.status.text()
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    # The setup is live: Cancel would look like an undo, so only Finish is offered.
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    _shot(driver, screenshots, "create", lang)

    for region in ("ap-northeast-1", "us-east-1"):
        events = boto3.client("events", region_name=region)
        [rule] = events.list_rules(NamePrefix="changewatch-")["Rules"]
        assert rule["Name"] == f"changewatch-{deployment}-security-groups"
        tags = events.list_tags_for_resource(ResourceARN=rule["Arn"])["Tags"]
        assert {"Key": TAG_KEY, "Value": deployment} in tags
    # One inbox: the only topic is in the home region (the first chosen).
    sns = boto3.client("sns", region_name="ap-northeast-1")
    [topic] = [t["TopicArn"] for t in sns.list_topics()["Topics"]]
    subs = sns.list_subscriptions_by_topic(TopicArn=topic)["Subscriptions"]
    assert [s["Endpoint"] for s in subs] == ["ops@example.com"]
    assert boto3.client("sns", region_name="us-east-1").list_topics()["Topics"] == []
    local = context.local
    assert local.load_settings().watch == ("security-groups",)
    assert local.deployed_regions(deployment) == ("ap-northeast-1", "us-east-1")
    assert local.subscribed_at(deployment, "ap-northeast-1") is not None

    with qtbot.waitSignal(wizard.accepted, timeout=2000):
        driver.click(wizard.button(QWizard.WizardButton.FinishButton))
