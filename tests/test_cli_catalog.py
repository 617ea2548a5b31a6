"""`changewatch catalog`: every group and API id a settings file may name, in the chosen
language, with where its rules live; no settings file and no AWS call needed."""

from __future__ import annotations

import json

import main
from aws.catalog import load_catalog, watchable_ids


def test_lists_every_group_and_api_with_english_labels(capsys):
    assert main.main(["catalog", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    catalog = load_catalog()
    for group in catalog.groups:
        assert f"{group.id}  {group.title.en}" in out
    assert "ec2:AuthorizeSecurityGroupIngress" in out
    assert "[us-east-1]" in out and "[each chosen region]" in out


def test_japanese_labels_with_lang_ja(capsys):
    assert main.main(["catalog", "--lang", "ja"]) == 0
    out = capsys.readouterr().out
    group = load_catalog().group("security-groups")
    assert group.title.ja in out and group.events[0].label.ja in out
    assert "選んだ各リージョン" in out


def test_json_ids_are_the_ids_settings_accept(capsys):
    assert main.main(["catalog", "--json", "--lang", "en"]) == 0
    groups = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    listed = {g["id"] for g in groups} | {api["id"] for g in groups for api in g["apis"]}
    assert listed == set(watchable_ids(load_catalog()))
