"""A demo AWS Organization in the sandbox: the demo account is its management account, with
service control policies enabled on the root and a few OUs and member accounts to pick from."""

from __future__ import annotations

from typing import Any

# OU name -> member accounts (name, email); nested OUs as "Parent/Child".
DEMO_UNITS: dict[str, tuple[tuple[str, str], ...]] = {
    "Security": (("log-archive", "log-archive@example.com"),
                 ("audit", "audit@example.com")),
    "Workloads": (),
    "Workloads/Production": (("prod-web", "prod-web@example.com"),),
    "Workloads/Staging": (("staging-web", "staging-web@example.com"),),
}


def seed_organization(session: Any) -> str:
    """Create the organization from the sandbox's own account (once: an existing one is kept);
    returns the root id."""
    org = session.client("organizations", region_name="us-east-1")
    try:
        org.describe_organization()
        return org.list_roots()["Roots"][0]["Id"]
    except org.exceptions.AWSOrganizationsNotInUseException:
        org.create_organization(FeatureSet="ALL")
    root = org.list_roots()["Roots"][0]["Id"]
    if not any(t["Type"] == "SERVICE_CONTROL_POLICY"
               for t in org.list_roots()["Roots"][0].get("PolicyTypes", [])):
        org.enable_policy_type(RootId=root, PolicyType="SERVICE_CONTROL_POLICY")
    units: dict[str, str] = {"": root}
    for path, accounts in DEMO_UNITS.items():
        parent = units[path.rpartition("/")[0]]
        unit = org.create_organizational_unit(ParentId=parent, Name=path.rpartition("/")[2])
        units[path] = unit["OrganizationalUnit"]["Id"]
        for name, email in accounts:
            made = org.create_account(AccountName=name, Email=email)["CreateAccountStatus"]
            org.move_account(AccountId=made["AccountId"], SourceParentId=root,
                             DestinationParentId=units[path])
    return root


STACKSETS_PRINCIPAL = "member.org.stacksets.cloudformation.amazonaws.com"


def trust_stacksets(session: Any) -> None:
    """Trusted access for CloudFormation StackSets, as a management account turns it on before
    its first service-managed StackSet (enabling it twice changes nothing).
    https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/stacksets-orgs-activate-trusted-access.html
    """
    org = session.client("organizations", region_name="us-east-1")
    enabled = org.list_aws_service_access_for_organization()["EnabledServicePrincipals"]
    if not any(s["ServicePrincipal"] == STACKSETS_PRINCIPAL for s in enabled):
        org.enable_aws_service_access(ServicePrincipal=STACKSETS_PRINCIPAL)
