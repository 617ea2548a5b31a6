"""The account behind a profile: profiles on disk, who we are, its regions, CloudTrail coverage."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

import botocore.session
from botocore.exceptions import BotoCoreError

from aws.errors import ChangeWatchError, translate
from aws.keys import KeyStore
from aws.regions import GLOBAL_REGION, partition_regions
from aws.session import AccessKeys, AwsAccess, Identity, call

# Regions that need no opt-in, or were opted in, can be used.
# https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeRegions.html
ENABLED_STATUSES = ("opt-in-not-required", "opted-in")


@dataclass(frozen=True)
class ProfileInfo:
    """A profile from the shared config/credentials files; name "" is the default chain."""

    name: str
    kind: str  # "keys" | "sso" | "role" | "process" | "other" | "chain"
    region: str | None = None
    is_default: bool = False  # the profile named "default"
    is_env: bool = False  # named by AWS_PROFILE
    missing: bool = False  # named by AWS_PROFILE but not in the files


@dataclass(frozen=True)
class RegionInfo:
    name: str
    opt_in_status: str
    enabled: bool


def _kind(config: dict) -> str:
    if "sso_session" in config or "sso_start_url" in config:
        return "sso"
    if "role_arn" in config:
        return "role"
    if "credential_process" in config:
        return "process"
    if "aws_access_key_id" in config:
        return "keys"
    return "other"


def list_profiles() -> list[ProfileInfo]:
    """The default credential chain first, then every profile of the shared files, by name.

    Reads the files the AWS CLI reads (AWS_CONFIG_FILE, AWS_SHARED_CREDENTIALS_FILE)."""
    try:
        profiles: dict[str, dict] = botocore.session.Session().full_config.get("profiles", {})
    except BotoCoreError as exc:
        raise translate(exc) from exc
    env = os.environ.get("AWS_PROFILE") or os.environ.get("AWS_DEFAULT_PROFILE") or ""
    found = [ProfileInfo("", "chain", os.environ.get("AWS_REGION")
                         or os.environ.get("AWS_DEFAULT_REGION"))]
    for name in sorted(profiles):
        config = profiles[name]
        found.append(ProfileInfo(name, _kind(config), config.get("region"),
                                 is_default=name == "default", is_env=name == env))
    if env and env not in profiles:
        found.append(ProfileInfo(env, "other", is_env=True, missing=True))
    return found


def preferred_profile(profiles: Iterable[ProfileInfo]) -> ProfileInfo:
    """What the AWS CLI would use: AWS_PROFILE, else keys in the environment (the chain),
    else the profile "default", else the chain."""
    profiles = list(profiles)
    chain = next(p for p in profiles if p.kind == "chain")
    tests = [lambda p: p.is_env, lambda p: p is chain and "AWS_ACCESS_KEY_ID" in os.environ,
             lambda p: p.is_default]
    for test in tests:
        for profile in profiles:
            if test(profile):
                return profile
    return chain


def home_region(access: AwsAccess) -> str:
    """The profile's region, else us-east-1 (where STS and DescribeRegions always answer)."""
    return access.default_region or GLOBAL_REGION


def check_identity(access: AwsAccess) -> Identity:
    """Who the credentials belong to (STS GetCallerIdentity, asked once per AwsAccess, so the
    plan that follows does not ask again); raises a ChangeWatchError."""
    try:
        return access.identity(home_region(access))
    except ChangeWatchError as exc:  # say which profile, e.g. for `aws sso login --profile X`
        exc.profile = exc.profile or access.profile or os.environ.get("AWS_PROFILE", "")
        raise


def list_regions(access: AwsAccess, partition: str | None = None) -> list[RegionInfo]:
    """Every region of the account's partition with its opt-in status, sorted by name.

    AWS answers with its own partition only; `partition` also filters what a local endpoint
    (moto) returns from every partition."""
    region = home_region(access)
    reply = call(access.client("ec2", region), "describe_regions", region, AllRegions=True)
    keep = partition_regions(partition) if partition else frozenset()
    regions = [RegionInfo(r["RegionName"], r.get("OptInStatus", "opt-in-not-required"),
                          r.get("OptInStatus", "opt-in-not-required") in ENABLED_STATUSES)
               for r in reply.get("Regions", []) if not keep or r["RegionName"] in keep]
    return sorted(regions, key=lambda r: r.name)


@dataclass(frozen=True)
class AccountCheck:
    """What the wizard's Check learned: whose account, and which regions it has."""

    identity: Identity
    regions: tuple[RegionInfo, ...]  # empty when DescribeRegions was refused
    default_region: str | None = None  # the profile's region
    regions_error: ChangeWatchError | None = None
    keyring_error: ChangeWatchError | None = None


def check_account(access: AwsAccess, keys: AccessKeys | None = None,
                  store: KeyStore | None = None) -> AccountCheck:
    """Who we are and which regions the account has; typed keys go to the keyring once valid."""
    identity = check_identity(access)
    try:
        regions = tuple(list_regions(access, identity.partition))
        regions_error = None
    except ChangeWatchError as exc:  # ec2:DescribeRegions refused: keep the offline list
        regions, regions_error = (), exc
    keyring_error = store.save(keys) if (keys and store) else None
    return AccountCheck(identity, regions, access.default_region, regions_error, keyring_error)
