"""Creating from the wizard: the GUI stays responsive, cancel stops, retry finishes; re-open."""

from __future__ import annotations

import time

import boto3
import pytest
from PySide6.QtCore import QTimer

import aws.execute
from aws.settings import Settings
from gui.wizard.wizard import ACCOUNT, APIS, CREATE, EMAIL, REVIEW


@pytest.fixture
def slow_calls(monkeypatch):
    """Every AWS call apply makes takes `delay` seconds longer, like a far-away region."""
    def install(delay: float) -> None:
        real = aws.execute.call

        def slow(*args, **kwargs):
            time.sleep(delay)
            return real(*args, **kwargs)
        monkeypatch.setattr(aws.execute, "call", slow)
    return install


def walk_to_review(driver, regions: tuple[str, ...], preset: str) -> None:
    driver.check_account()
    for region in regions:
        driver.toggle_region(region)
    driver.next()
    driver.type_email("ops@example.com")
    driver.next()
    driver.click(driver.wizard.apis_page.preset_buttons[preset])
    driver.next()
    driver.wait_review()
    assert driver.wizard.review_page.isComplete()


def test_gui_thread_keeps_processing_events_while_applying(moto, make_wizard, slow_calls):
    # Like a real network, calls wait on I/O; moto itself runs in this process and competes for
    # the GIL, which a real endpoint does not.
    slow_calls(0.05)
    driver = make_wizard()
    walk_to_review(driver, ("ap-northeast-1", "us-west-2"), "cis")
    page = driver.wizard.create_page
    seen: list[int] = []  # log lines shown at each tick while apply runs
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: seen.append(page.log.blockCount()) if page.running else None)
    timer.start()
    driver.create()
    driver.wait_created()
    timer.stop()
    assert page.isComplete(), page.status.text()
    assert len(page.plan.instructions) > 50  # enough work to notice a frozen window
    # The timer kept firing during apply, and the log grew while the user watched.
    # (The longest stall is measured in benchmarks/bench_gui.py.)
    assert len(seen) > 20
    assert len(set(seen)) > 5
    assert page.log.blockCount() >= 2 * len(page.plan.instructions)  # started + done per call


def test_cancel_mid_apply_then_retry_finishes(moto, make_wizard, slow_calls):
    slow_calls(0.3)
    driver = make_wizard()
    walk_to_review(driver, ("ap-northeast-1",), "seed-config-root")
    driver.create()
    page = driver.wizard.create_page
    assert driver.wizard.currentId() == CREATE
    driver.wait(lambda: "→" in page.log.toPlainText())
    driver.click(page.cancel)
    driver.wait_created()
    assert not page.isComplete()
    assert "Cancelled" in page.status.text()
    assert page.retry.isVisible() and not page.cancel.isEnabled()
    assert not driver.button(driver.wizard.WizardButton.FinishButton).isEnabled()
    # What exists is already tracked, so nothing made is ever forgotten.
    deployment = driver.wizard.draft.deployment
    assert set(driver.wizard.context.local.deployed_regions(deployment)) >= {
        "ap-northeast-1", "us-east-1"}
    driver.click(page.retry)
    driver.wait_created()
    assert page.isComplete(), page.status.text()
    # One inbox: the topic and its one subscription live in the home region only.
    home = boto3.client("sns", region_name="ap-northeast-1")
    [topic] = home.list_topics()["Topics"]
    assert len(home.list_subscriptions_by_topic(TopicArn=topic["TopicArn"])["Subscriptions"]) == 1
    assert boto3.client("sns", region_name="us-east-1").list_topics()["Topics"] == []
    rules = boto3.client("events", region_name="us-east-1").list_rules()["Rules"]
    assert sorted(r["Name"] for r in rules) == [f"changewatch-{deployment}-aws-config",
                                                 f"changewatch-{deployment}-root-signin"]


def test_reopening_prefills_every_page(moto, make_wizard, context):
    settings = Settings(regions=("ap-northeast-1", "us-west-2"), email="sec@example.com",
                        watch=("security-groups", "unauthorized-api-calls", "ec2:CreateVpc"),
                        language="ja", deployment="cw-existing")
    context.local.save_settings(settings)
    context.local.remember_regions("cw-existing", ["ap-northeast-1", "eu-west-1"])
    driver = make_wizard()
    wizard = driver.wizard
    assert wizard.draft.deployment == "cw-existing"
    assert wizard.account_page.chosen_regions() == ("ap-northeast-1", "us-west-2")
    driver.check_account()
    assert wizard.account_page.chosen_regions() == ("ap-northeast-1", "us-west-2")
    driver.next()
    assert wizard.currentId() == EMAIL
    assert wizard.email_page.address() == "sec@example.com"
    assert wizard.email_page.ja.isChecked() and driver.next_enabled()
    driver.next()
    assert wizard.currentId() == APIS
    assert wizard.apis_page.watch() == settings.watch
    driver.next()
    assert wizard.currentId() == REVIEW
    driver.wait_review()
    plan = wizard.review_page.plan_text.toPlainText()
    assert "eu-west-1" not in plan  # remembered but empty there: nothing to remove
    assert wizard.settings() == settings
    driver.click(driver.button(wizard.WizardButton.BackButton))
    driver.click(driver.button(wizard.WizardButton.BackButton))
    driver.click(driver.button(wizard.WizardButton.BackButton))
    assert wizard.currentId() == ACCOUNT
