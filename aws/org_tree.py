"""An organization as a tree of the targets an SCP can be attached to: root, OUs, accounts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from aws.session import paginate

ORG_REGION = "us-east-1"  # Organizations has one endpoint, in us-east-1


class TargetKind(StrEnum):
    ROOT = "ROOT"
    OU = "ORGANIZATIONAL_UNIT"
    ACCOUNT = "ACCOUNT"


@dataclass(frozen=True)
class OrgTarget:
    id: str
    name: str
    kind: TargetKind
    children: tuple[OrgTarget, ...] = ()

    def walk(self):
        """This target and every one under it, parents first."""
        yield self
        for child in self.children:
            yield from child.walk()

    def find(self, target_id: str) -> OrgTarget | None:
        return next((t for t in self.walk() if t.id == target_id), None)


def _children(client: Any, parent: str, cancelled: Callable[[], bool] | None,
              accounts: dict[str, str]) -> tuple[OrgTarget, ...]:
    units = paginate(client, "list_organizational_units_for_parent", "OrganizationalUnits",
                     ORG_REGION, cancelled, ParentId=parent)
    found = [OrgTarget(u["Id"], u["Name"], TargetKind.OU,
                       _children(client, u["Id"], cancelled, accounts))
             for u in sorted(units, key=lambda u: u["Name"].lower())]
    members = paginate(client, "list_accounts_for_parent", "Accounts", ORG_REGION, cancelled,
                       ParentId=parent)
    found += [OrgTarget(a["Id"], accounts.get(a["Id"], a.get("Name", "")), TargetKind.ACCOUNT)
              for a in sorted(members, key=lambda a: a.get("Name", "").lower())]
    return tuple(found)


def load_tree(client: Any, root: dict, cancelled: Callable[[], bool] | None = None
              ) -> OrgTarget:
    """The whole tree under `root` (a ListRoots entry): a call per OU, paginated."""
    accounts = {a["Id"]: a.get("Name", "") for a in paginate(
        client, "list_accounts", "Accounts", ORG_REGION, cancelled)}
    return OrgTarget(root["Id"], root.get("Name", "Root"), TargetKind.ROOT,
                     _children(client, root["Id"], cancelled, accounts))
