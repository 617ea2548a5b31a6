"""Organization mode in words, Japanese and English: the plan, the steps, the status."""

from __future__ import annotations

from aws.org.service import Instance, OrgPlan, OrgStatus
from aws.org.templates import bus_name, stack_set_name

_W = {
    "en": {
        "org": "Organization {org} (management account {management}). The central account "
               "{central} holds the notification and the event bus {bus} in {home}; the bus "
               "accepts events only from this organization.",
        "reach": "The StackSet {set} deploys the forwarding rules to {accounts} account(s) × "
                 "{regions} region(s) ({region_list}) in {targets}, and to accounts added "
                 "there later (auto-deployment).",
        "management": "The management account gets no stack instance (StackSets never deploys "
                      "there): run `changewatch apply` in it to watch it too.",
        "as": "StackSet calls are made as {call_as}.",
        "central": "Central stack…", "stack_set": "StackSet…", "instances": "Stack instances…",
        "operation": "Operation {action}: {status}.",
        "status": "Central stack: {central}. StackSet: {set}. Auto-deployment: {auto}.",
        "none": "none", "on": "on", "off": "off",
        "removed": "Removed: the stack instances, the StackSet and the central stack.",
        "failed": "The StackSet operation ended {status}: the rows above say which account and "
                  "region, and why. Fix it and run `changewatch org deploy` again.",
    },
    "ja": {
        "org": "組織 {org} (管理アカウント {management})。中央アカウント {central} の {home} "
               "に通知とイベントバス {bus} を置きます。バスはこの組織からのイベントだけを"
               "受け付けます。",
        "reach": "StackSet {set} が転送ルールを {targets} の {accounts} アカウント × "
                 "{regions} リージョン ({region_list}) に展開し、後から追加されたアカウントにも"
                 "自動展開します。",
        "management": "管理アカウントにはスタックインスタンスが作られません (StackSets は"
                      "管理アカウントに展開しません)。管理アカウントも監視するには、"
                      "そこで `changewatch apply` を実行してください。",
        "as": "StackSet の呼び出しは {call_as} として行います。",
        "central": "中央スタック…", "stack_set": "StackSet…", "instances": "スタックインスタンス…",
        "operation": "オペレーション {action}: {status}。",
        "status": "中央スタック: {central}。StackSet: {set}。自動展開: {auto}。",
        "none": "なし", "on": "オン", "off": "オフ",
        "removed": "スタックインスタンス、StackSet、中央スタックを削除しました。",
        "failed": "StackSet のオペレーションは {status} で終わりました。上の行に、どのアカウントと"
                  "リージョンで何が起きたかがあります。解決してから `changewatch org deploy` を"
                  "もう一度実行してください。",
    },
}


def words(lang: str) -> dict[str, str]:
    return _W.get(lang, _W["en"])


def describe_plan(plan: OrgPlan, deployment: str, lang: str) -> list[str]:
    w = words(lang)
    lines = [w["org"].format(org=plan.organization, management=plan.management,
                             central=plan.central, bus=bus_name(deployment), home=plan.home),
             w["reach"].format(set=stack_set_name(deployment), accounts=len(plan.members),
                               regions=len(plan.regions), region_list=", ".join(plan.regions),
                               targets=", ".join(plan.targets)),
             w["as"].format(call_as=plan.call_as)]
    width = max((len(m.name) for m in plan.members), default=0)
    lines += [f"  {m.account}  {m.name:<{width}}  {', '.join(plan.regions)}"
              for m in plan.members]
    lines.append(w["management"])
    return lines


def describe_status(status: OrgStatus, lang: str,
                    names: dict[str, str] | None = None) -> list[str]:
    """names: account id -> name (the plan's), shown after each instance's status."""
    w = words(lang)
    lines = [w["status"].format(central=status.central or w["none"],
                                set=status.stack_set or w["none"],
                                auto=w["on"] if status.auto_deployment else w["off"])]
    if status.operation:
        lines.append(w["operation"].format(action=status.operation.get("Action", ""),
                                           status=status.operation.get("Status", "")))
    lines += [_instance_line(i, (names or {}).get(i.account, "")) for i in status.instances]
    return lines


def _instance_line(one: Instance, name: str) -> str:
    line = f"  {one.account}  {one.region:<15} {one.status:<11} {one.detail:<10}"
    for extra in (name, one.reason):
        if extra:
            line += f"  {extra}"
    return line.rstrip()
