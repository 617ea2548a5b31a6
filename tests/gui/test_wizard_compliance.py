"""The wizard's compliance choices: a checkbox group on the APIs page; the review refuses while
AWS Config is off and shows the confirmation only then; ticking it makes the plan turn Config on."""

from __future__ import annotations

import pytest

from aws.compliance.instructions import EnableConfig, PutConfigRule
from aws.settings import Remediation
from tests.aws.compliance_helpers import config_endpoint  # noqa: F401 - a fixture
from tests.gui.shots import save_shot

pytestmark = pytest.mark.usefixtures("config_endpoint")


def test_choose_restricted_ssh_confirm_config_and_review(moto, make_wizard):
    driver = make_wizard()
    wizard = driver.wizard
    driver.check_account()
    driver.toggle_region("ap-northeast-1")
    driver.next()
    driver.type_email("ops@example.com")
    driver.next()
    page = wizard.apis_page
    driver.click(page.preset_buttons["seed-security-groups"])
    box = page.compliance
    assert not box.automatic.isEnabled()  # nothing to remediate yet
    box.rules["restricted-ssh"].click()
    assert box.automatic.isEnabled() and box.automatic.isChecked()
    assert wizard.draft.compliance == ("restricted-ssh",)
    assert wizard.draft.remediation == Remediation.AUTO
    save_shot(wizard, "wizard-compliance-en.png")
    driver.next()
    review = wizard.review_page
    driver.wait(lambda: review.retry.isVisible())  # Config is off: refused, nothing planned
    assert "AWS Config is not recording in ap-northeast-1" in review.status.text()
    assert "billed" in review.status.text() or "bills" in review.status.text()
    assert review.enable_config.isVisible() and not review.isComplete()
    save_shot(wizard, "wizard-config-off-en.png")
    review.enable_config.click()
    driver.wait_review()
    assert review.isComplete() and not review.retry.isVisible()
    steps = review.review.plan.instructions
    assert any(isinstance(s, EnableConfig) for s in steps)
    assert any(isinstance(s, PutConfigRule) for s in steps)
    assert "Turn on AWS Config" in review.plan_text.toPlainText()
    assert wizard.draft.settings().enable_config is True


def test_the_confirmation_stays_hidden_when_config_is_not_the_problem(moto, make_wizard):
    driver = make_wizard()
    driver.check_account()
    driver.toggle_region("ap-northeast-1")
    driver.next()
    driver.type_email("ops@example.com")
    driver.next()
    driver.click(driver.wizard.apis_page.preset_buttons["seed-security-groups"])
    driver.next()
    driver.wait_review()
    assert driver.wizard.review_page.isComplete()
    assert not driver.wizard.review_page.enable_config.isVisible()
