"""The dashboard's plain words for drift, subscriptions, trails and deliveries (all via tr)."""

from __future__ import annotations

from datetime import UTC, datetime
from html import escape

from PySide6.QtCore import QObject

from aws.execute import Result
from aws.messages import describe
from aws.plan_text import describe_differs
from aws.status import DeploymentStatus, Drift, DriftKind, RegionStatus
from aws.trail_coverage import TrailCoverage
from gui.language import current_lang

LINK_HOURS = 48  # SNS confirmation links expire after 48 hours


class Wording(QObject):
    """One place for the sentences, so the model, the detail text and dialogs agree."""

    def summary(self, status: DeploymentStatus | None, reading: bool) -> str:
        """The one line under the title: the worst thing first, "all good" only when true."""
        if reading:
            return self.tr("Reading the deployment from AWS…")
        if status is None:
            return ""
        if not status.deployed:
            return self.tr("Nothing is deployed.")
        unread = [r.region for r in status.regions if r.error is not None]
        if unread or status.iam_error is not None:
            return self.tr("Some of the deployment could not be read (%1); its state there is "
                           "unknown.").replace("%1", ", ".join(unread) or "IAM")
        if status.drift:
            return self.tr("%n problem(s) found: AWS no longer matches the settings. Repair "
                           "puts back what is missing or changed.", "", len(status.drift))
        bare = [r.region for r in status.regions if r.trail is not None and not r.trail.covered]
        if bare:
            return self.tr("No CloudTrail trail is logging in %1: the rules there can never "
                           "fire. Create a trail (button below).").replace("%1", ", ".join(bare))
        failing = [r.region for r in status.regions
                   if any(x.metrics and x.metrics.failed for x in r.rules)]
        if failing:
            return self.tr("Deliveries failed in the last 24 h in %1: check the topic's policy "
                           "and key.").replace("%1", ", ".join(failing))
        if any(r.pending and not r.confirmed for r in status.topics):
            return self.tr("Waiting for the email confirmation: nothing is delivered until the "
                           "link in the email is clicked.")
        if status.home:
            return self.tr("Everything is in place: %n region(s) watched, one inbox in %1.", "",
                           len(status.regions)).replace("%1", status.home)
        return self.tr("Everything is in place in %n region(s).", "", len(status.regions))

    def drift(self, d: Drift, lang: str | None = None) -> str:
        texts = {
            DriftKind.TOPIC_MISSING: self.tr("The SNS topic %1 is missing (deleted by hand?)."),
            DriftKind.TOPIC_CHANGED: self.tr("The SNS topic %1 was changed: %2."),
            DriftKind.SUBSCRIPTION_MISSING: self.tr("%1 is no longer subscribed to the topic."),
            DriftKind.EXTRA_SUBSCRIPTION: self.tr("%1 is subscribed but not in the settings; "
                                                  "Repair unsubscribes it."),
            DriftKind.RULE_MISSING: self.tr("The EventBridge rule %1 is missing (deleted by "
                                            "hand?)."),
            DriftKind.RULE_CHANGED: self.tr("The EventBridge rule %1 was changed: %2."),
            DriftKind.TARGET_MISSING: self.tr("The rule %1 no longer sends to the topic "
                                              "(its target was removed)."),
            DriftKind.TARGET_CHANGED: self.tr("The rule %1 sends elsewhere or a different "
                                              "text."),
            DriftKind.EXTRA_RULE: self.tr("The rule %1 is no longer in the settings; Repair "
                                          "deletes it."),
            DriftKind.EXTRA_TOPIC: self.tr("The topic %1 is no longer in the settings; "
                                           "Repair deletes it."),
            DriftKind.NOT_DEPLOYED: self.tr("Nothing is set up in %1 yet; Repair creates it."),
            DriftKind.EXTRA_TARGET: self.tr("The rule %1 still sends to an old target; Repair "
                                            "removes it."),
            DriftKind.ROLE_MISSING: self.tr("The IAM role %1 is missing (deleted by hand?)."),
            DriftKind.ROLE_CHANGED: self.tr("The IAM role %1 was changed: %2."),
            DriftKind.EXTRA_ROLE: self.tr("The IAM role %1 is no longer needed; Repair deletes "
                                          "it."),
            DriftKind.FORMATTER_MISSING: self.tr("The email formatter %1 is missing (deleted by "
                                                 "hand?)."),
            DriftKind.FORMATTER_CHANGED: self.tr("The email formatter %1 was changed: %2."),
            DriftKind.EXTRA_FORMATTER: self.tr("The email formatter %1 is no longer needed; "
                                               "Repair deletes it."),
        }
        template = texts.get(d.kind, self.tr("%1 differs from the settings (%2)."))
        return template.replace("%1", d.name).replace(
            "%2", describe_differs(d.differs, lang or current_lang()))

    def topic(self, status: RegionStatus, tooltip: bool = False) -> str:
        if status.forwards_to:
            return self.tr("Forwards to %1").replace("%1", status.forwards_to)
        if not status.topic_arn:
            return self.tr("Missing")
        return status.topic_arn if tooltip else status.topic_arn.rsplit(":", 1)[-1]

    def subscription(self, status: RegionStatus, since: datetime | None) -> str:
        if status.forwards_to:
            return self.tr("In %1 (one inbox)").replace("%1", status.forwards_to)
        if status.confirmed:
            return self.tr("Confirmed")
        if not status.pending:
            return self.tr("No email subscription")
        if since is None:
            return self.tr("Waiting for confirmation")
        hours = int((datetime.now(UTC) - since).total_seconds() // 3600)
        if hours >= LINK_HOURS:
            return self.tr("Link expired (sent %1 h ago): resend").replace("%1", str(hours))
        return self.tr("Waiting for confirmation for %1 h (link valid %2 h)").replace(
            "%1", str(hours)).replace("%2", str(LINK_HOURS))

    def trail(self, coverage: TrailCoverage | None) -> str:
        if coverage is None:
            return self.tr("Unknown")
        if coverage.covered and (coverage.excluded or not coverage.reads):
            left = ", ".join(coverage.excluded) if coverage.excluded else \
                self.tr("read-only calls")
            return self.tr("Logging (%1), without %2").replace("%1", coverage.trail).replace(
                "%2", left)
        if coverage.covered:
            return self.tr("Logging (%1)").replace("%1", coverage.trail)
        if coverage.trail:
            return self.tr("Trail %1 is not logging").replace("%1", coverage.trail)
        return self.tr("No trail: events never arrive")

    def trail_advice(self, coverage: TrailCoverage | None) -> str:
        if coverage is not None and coverage.covered and (coverage.excluded
                                                           or not coverage.reads):
            return self.tr("The trail leaves some management events out (its event "
                           "selectors); rules about those never fire. Change the trail's "
                           "selectors to record all management events.")
        if coverage is None or coverage.covered:
            return ""
        return self.tr("Without a CloudTrail trail that is logging in this region, API calls "
                       "never reach EventBridge: the rules exist but never fire. Create a "
                       "multi-region trail to cover every region.")

    def deliveries(self, status: RegionStatus) -> str:
        known = [r.metrics for r in status.rules if r.metrics is not None]
        if not known:
            return self.tr("Unknown")
        sent = sum(m.invocations for m in known)
        failed = sum(m.failed for m in known)
        if failed:
            return self.tr("%1 sent, %2 failed").replace("%1", str(sent)).replace(
                "%2", str(failed))
        return self.tr("%1 sent").replace("%1", str(sent))

    def rules(self, status: RegionStatus) -> str:
        enabled = sum(1 for r in status.rules if r.state != "DISABLED")
        if enabled == len(status.rules):
            return self.tr("%n on", "", enabled)
        return self.tr("%1 of %2 on").replace("%1", str(enabled)).replace(
            "%2", str(len(status.rules)))

    def rule_state(self, state: str) -> str:
        """A rule's state in words (EventBridge's names mean little to a reader)."""
        return {"ENABLED": self.tr("on"), "DISABLED": self.tr("off (disabled)"),
                "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS":
                    self.tr("on, read-only calls included")}.get(state, state)

    def problems(self, status: RegionStatus) -> str:
        if status.error is not None:
            return self.tr("Cannot read this region")
        if not status.drift:
            return self.tr("None")
        return self.tr("%n problem(s)", "", len(status.drift))

    def region_html(self, status: RegionStatus, lang: str) -> str:
        """The detail box for one region."""
        rows = [f"<h3>{escape(status.region)}</h3>"]
        if status.forwards_to:
            rows.append("<p>" + escape(self.tr(
                "Forwards the events it matches to %1, where the one inbox is notified.")
                .replace("%1", status.forwards_to)) + "</p>")
        else:
            rows.append(f"<b>{escape(self.tr('SNS topic'))}:</b> "
                        f"{escape(self.topic(status, True))}<br>")
            emails = ", ".join(s.endpoint for s in status.subscriptions) or "-"
            rows.append(f"<b>{escape(self.tr('Email'))}:</b> {escape(emails)}<br>")
            if status.others:
                others = ", ".join(s.endpoint for s in status.others)
                note = self.tr("added outside ChangeWatch; kept")
                rows.append(f"<b>{escape(self.tr('Other subscribers'))}:</b> "
                            f"{escape(others)} ({escape(note)})<br>")
        if status.error is not None:
            rows.append(f"<p style='color:#b3261e'>{escape(describe(status.error, lang))}</p>")
        rows.append("<b>" + escape(self.tr("Rules")) + ":</b><ul>")
        rows += [self._rule_html(rule) for rule in status.rules]
        rows.append("</ul>")
        if status.drift:
            rows.append("<b style='color:#b3261e'>" + escape(self.tr("Problems")) + ":</b><ul>")
            rows += [f"<li>{escape(self.drift(d, lang))}</li>" for d in status.drift]
            rows.append("</ul>")
        else:
            rows.append("<p>" + escape(self.tr("No problems: AWS matches the settings.")) + "</p>")
        rows.append("<b>" + escape(self.tr("CloudTrail")) + ":</b> "
                    f"{escape(self.trail(status.trail))}<br>"
                    f"{escape(self.trail_advice(status.trail))}")
        return "".join(rows)

    def _rule_html(self, rule) -> str:
        metrics = (self.tr("%1 sent, %2 failed in 24 h").replace(
            "%1", str(rule.metrics.invocations)).replace("%2", str(rule.metrics.failed))
            if rule.metrics else self.tr("deliveries unknown"))
        target = "" if rule.has_target else " — " + self.tr("no target")
        return (f"<li>{escape(rule.name)} — {escape(self.rule_state(rule.state))}"
                f"{escape(target)} — {escape(metrics)}</li>")

    def repair_text(self, result: Result, lang: str) -> str:
        if result.ok:
            return self.tr("Repaired: %n change(s) made.", "", len(result.done))
        errors = [describe(r.error, lang) for r in result.regions if r.error is not None]
        return " ".join([self.tr("Repair did not finish:"), *errors])
