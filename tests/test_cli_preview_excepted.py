"""`preview` of an event from an excepted caller says so instead of printing an email."""

from __future__ import annotations

import json

import main
from aws.settings import WatchException
from aws.settings_file import save
from tests.aws.helpers import make_settings
from tests.aws.samples import records


def test_an_excepted_callers_event_previews_as_no_email(tmp_path, capsys):
    record = records("security-groups")[0]
    caller = record["userIdentity"]["arn"]
    config = tmp_path / "cw.toml"
    save(make_settings(exceptions=(WatchException(groups=("security-groups",),
                                                  callers=(caller,)),)), config)
    event = tmp_path / "event.json"
    event.write_text(json.dumps(record), encoding="utf-8")
    for lang, words in (("en", "No email: excepted by"), ("ja", "メールは送られません")):
        assert main.main(["preview", "--config", str(config), "--event", str(event),
                          "--lang", lang]) == 0
        out = capsys.readouterr().out
        assert out.startswith(words) and caller in out and "Subject:" not in out
