"""The demo inbox after three different changes, rich emails, in each language: one inbox for
two regions, each email's subject and body in the chosen language, shown as the admin reads it."""

from __future__ import annotations

import pytest

from aws.execute import execute
from aws.session import AwsAccess
from aws.settings import Settings, validate
from gui.app import Translations
from gui.context import AppContext
from gui.demo import DemoPanel
from tests.aws.helpers import make_plan
from tests.gui.shots import save_shot
from tests.sandbox.test_demo_engine import confirm_by_mail

# (simulation, region, words the subject must carry in en / ja)
CHANGES = (
    ("open-ssh", "ap-northeast-1", {"en": "ap-northeast-1", "ja": "ap-northeast-1"}),
    ("stop-config", "us-west-2", {"en": "us-west-2", "ja": "us-west-2"}),
    ("root-signin", "us-east-1", {"en": "root", "ja": "ルート"}),
)


@pytest.fixture(params=["en", "ja"])
def lang(request, qapp):
    """The UI and the emails in one language; English again afterwards."""
    languages = Translations(qapp)
    languages.use(request.param)
    yield request.param
    languages.use("en")


def test_three_changes_in_two_regions_arrive_in_one_inbox_in_the_chosen_language(
        sandbox, qtbot, home, lang):
    access = AwsAccess(profile="demo")
    settings = validate(Settings(regions=("ap-northeast-1", "us-west-2"), email="ops@example.com",
                                 watch=("security-groups", "aws-config", "root-signin"),
                                 deployment="demo", language=lang, timezone="Asia/Tokyo"))
    assert execute(access, make_plan(access, settings)).ok
    [confirmation] = [m for m in sandbox.inbox.mails if m.link]  # one inbox: one confirmation
    confirm_by_mail(sandbox)
    for simulation, region, _words in CHANGES:
        [mail] = sandbox.simulate(simulation, region)
        assert mail.subject.startswith("[ChangeWatch]")
    alerts = [m for m in sandbox.inbox.mails if not m.link][-3:]
    for mail, (_simulation, _region, words) in zip(alerts, CHANGES, strict=True):
        assert words[lang].lower() in mail.subject.lower(), mail.subject
        assert "null" not in mail.body and "\n\n\n" not in mail.body
        assert ("JST" in mail.body) or ("+09:00" in mail.body) or ("日本" in mail.body), mail.body
    if lang == "ja":
        assert all(any("\u3040" <= c <= "\u30ff" for c in m.subject) for m in alerts)

    context = AppContext(local=None, lang=lang)
    panel = DemoPanel(context, sandbox, sandbox.simulations, settings.regions)
    qtbot.addWidget(panel)
    panel.resize(900, 640)
    panel.show()
    assert panel.inbox.count() == len(sandbox.inbox.mails) == 4
    panel.inbox.setCurrentRow(0)  # the newest: the root sign-in
    assert alerts[-1].subject in panel.inbox.item(0).text()
    assert panel.body.toPlainText().strip()
    save_shot(panel, f"demo-inbox-rich-{lang}.png")
