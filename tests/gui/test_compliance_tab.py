"""The Compliance tab: loaded by a worker, each region's Config state, resources named with
their evaluation, and the remediation runs with their result."""

from __future__ import annotations

from datetime import UTC, datetime

from aws.compliance.report import RegionCompliance, RemediationRun, ResourceResult
from aws.compliance.state import ConfigState
from aws.settings import Settings
from gui.dashboard.compliance_tab import ComplianceTab
from tests.gui.shots import save_shot

RULE = "changewatch-cw-1a2b3c4d-restricted-ssh"
WHEN = datetime(2026, 12, 1, 2, 14, tzinfo=UTC)


class FakeService:
    """The deployment service's compliance read, answered from memory."""

    def __init__(self, report) -> None:
        self.report, self.asked = report, []

    def compliance(self, settings, *, on_progress=None, cancelled=None):
        self.asked.append(settings)
        return self.report


def _report() -> tuple[RegionCompliance, ...]:
    on = ConfigState(recorder="changewatch-cw-1a2b3c4d", recording=True,
                     resource_types=("AWS::EC2::SecurityGroup",), channel="changewatch",
                     bucket="b")
    tokyo = RegionCompliance("ap-northeast-1", on, (
        ResourceResult(RULE, "AWS::EC2::SecurityGroup", "sg-0a1b2c3d4e5f60718", "COMPLIANT", WHEN),
        ResourceResult(RULE, "AWS::EC2::SecurityGroup", "sg-0fedcba9876543210", "NON_COMPLIANT",
                       WHEN),
        ResourceResult(RULE, "AWS::EC2::SecurityGroup", "sg-05a5a5a5a5a5a5a5a", "COMPLIANT",
                       WHEN)),
        (RemediationRun(RULE, "sg-0a1b2c3d4e5f60718", "SUCCEEDED", WHEN),
         RemediationRun(RULE, "sg-0fedcba9876543210", "FAILED", WHEN,
                        "The automation role cannot be assumed.")))
    oregon = RegionCompliance("us-west-2", ConfigState())
    return tokyo, oregon


def test_the_tab_names_resources_results_and_remediation_runs(qtbot, context):
    settings = Settings(regions=("ap-northeast-1", "us-west-2"), email="ops@example.com",
                        watch=("security-groups",), language="en", deployment="cw-1a2b3c4d",
                        compliance=("restricted-ssh",))
    context.save_settings(settings)
    service = FakeService(_report())
    context.service = lambda: service
    tab = ComplianceTab(context)
    qtbot.addWidget(tab)
    tab.resize(1100, 300)
    tab.show()
    tab.refresh()
    qtbot.waitUntil(lambda: tab.tree.topLevelItemCount() == 2, timeout=5_000)
    assert service.asked == [settings]
    tokyo, oregon = (tab.tree.topLevelItem(i) for i in range(2))
    assert tokyo.text(0) == "ap-northeast-1 — AWS Config recording · 1 non-compliant, 2 compliant"
    rows = [[tokyo.child(i).text(c) for c in range(4)] for i in range(tokyo.childCount())]
    assert rows[0][:3] == ["sg-0fedcba9876543210 (AWS::EC2::SecurityGroup)", RULE,
                           "Non-compliant"]  # the one to act on comes first
    assert rows[0][3].startswith("Failed") and "cannot be assumed" in rows[0][3]
    fixed = next(r for r in rows if r[0].startswith("sg-0a1b2c3d4e5f60718"))
    assert fixed[2] == "Compliant" and fixed[3].startswith("Succeeded")
    assert oregon.text(0).startswith("us-west-2 — ") and "not recording" in oregon.text(0)
    assert tab.summary_label.text().startswith("1 non-compliant resource(s) in 2 region(s)")
    save_shot(tab, "compliance-en.png")


def test_without_compliance_rules_the_tab_says_how_to_choose_one(qtbot, context):
    context.save_settings(Settings(regions=("ap-northeast-1",), email="ops@example.com",
                                   watch=("security-groups",)))
    tab = ComplianceTab(context)
    qtbot.addWidget(tab)
    tab.refresh()
    assert "restricted-ssh" in tab.summary_label.text()
    assert tab.tree.topLevelItemCount() == 0
