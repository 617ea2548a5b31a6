"""AWS access: one boto3 session per AwsAccess, clients shared across threads, errors translated."""

from __future__ import annotations

import getpass
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import boto3
import botocore.session
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError
from botocore.exceptions import ConnectionError as BotoConnectionError
from botocore.parsers import ResponseParserError

from aws.errors import AwsError, Cancelled, ErrorKind, SettingsError, translate
from aws.loader import shared_loader
from aws.refusals import Refusal
from aws.regions import known_regions

BOTO_ERRORS = (BotoCoreError, ClientError, ResponseParserError)  # what botocore raises
RETRY_MODES = ("legacy", "standard", "adaptive")
# A refused or silent endpoint is said after this many attempts (~10 s with the connect
# timeout), not after every retry throttling deserves (28 s and more).
UNREACHABLE_ATTEMPTS = 2
CONNECT_TIMEOUT = 4


# Retries and timeouts are set once, here. `adaptive` also slows down on throttling.
# https://boto3.amazonaws.com/v1/documentation/api/latest/guide/retries.html
def _retries() -> dict:
    """adaptive, 10 attempts, unless AWS_RETRY_MODE / AWS_MAX_ATTEMPTS say otherwise; a value
    botocore would choke on is refused here with the variable's name."""
    mode = os.environ.get("AWS_RETRY_MODE", "adaptive")
    if mode not in RETRY_MODES:
        raise _bad_env("AWS_RETRY_MODE", mode, " / ".join(RETRY_MODES))
    attempts = os.environ.get("AWS_MAX_ATTEMPTS", "10")
    if not attempts.strip().isdigit() or not 1 <= int(attempts) <= 100:
        raise _bad_env("AWS_MAX_ATTEMPTS", attempts, "1-100")
    return {"mode": mode, "max_attempts": int(attempts)}


def _bad_env(name: str, value: str, allowed: str) -> SettingsError:
    return SettingsError.refuse(Refusal.BAD_CHOICE, ErrorKind.BAD_AWS_CONFIG, key=name,
                                value=value, allowed=allowed)


def _give_up_when_unreachable(attempts: int, caught_exception: Exception | None = None,
                              **_: Any) -> None:
    """A botocore needs-retry handler: stop retrying a connection that cannot be made.
    Dropped connections mid-request (ConnectionClosedError) are not ConnectionErrors and keep
    their retries."""
    if isinstance(caught_exception, BotoConnectionError) and attempts >= UNREACHABLE_ATTEMPTS:
        raise caught_exception


def client_config() -> Config:
    return Config(
        retries=_retries(),
        connect_timeout=CONNECT_TIMEOUT,
        read_timeout=30,
        max_pool_connections=32,
        user_agent_appid="changewatch",
    )


SERVICES = ("sts", "ec2", "sns", "events", "cloudtrail", "cloudwatch")


def warm_up() -> None:
    """Parse the models ChangeWatch uses, ahead of need (the GUI runs this on a worker at start,
    so no later step holds the GIL for long while a progress bar should move)."""
    known_regions()
    session = botocore.session.Session()
    session.register_component("data_loader", shared_loader())
    for service in SERVICES:
        session.create_client(service, region_name="us-east-1", aws_access_key_id="warm-up",
                              aws_secret_access_key="warm-up")


@dataclass(frozen=True)
class AccessKeys:
    """Keys typed into the wizard; never written anywhere but the OS keyring."""

    access_key_id: str
    secret_access_key: str
    session_token: str | None = None

    def __repr__(self) -> str:  # never let a secret reach a log
        return f"AccessKeys(access_key_id={self.access_key_id[:4]}…)"


@dataclass(frozen=True)
class Identity:
    account: str
    arn: str

    @property
    def partition(self) -> str:
        return self.arn.split(":")[1] if self.arn.startswith("arn:") else "aws"


# (profile, mfa serial) -> code. The GUI installs a dialog; the default asks on the terminal.
MfaPrompt = Callable[[str, str], str]


def terminal_mfa_code(profile: str, serial: str) -> str:
    """Ask on the terminal; with none (a pipe, a service, a worker) refuse at once instead of
    letting getpass wait for input that never comes."""
    if not sys.stdin or not sys.stdin.isatty():
        raise AwsError(kind=ErrorKind.MFA_NEEDS_TERMINAL, profile=profile, detail=serial)
    code = getpass.getpass(f"MFA code for profile {profile or 'default'} ({serial}): ").strip()
    if not code:
        raise Cancelled()  # Enter alone: the user gave up
    return code


_mfa_prompt: MfaPrompt = terminal_mfa_code


def use_mfa_prompt(prompt: MfaPrompt) -> None:
    """How this process asks for MFA codes from now on (the GUI: a dialog)."""
    global _mfa_prompt
    _mfa_prompt = prompt


# Assumed-role credentials, shared by every AwsAccess of the process: one MFA code per role
# session, asked again only when it expires. botocore checks the expiry of what it finds here.
_ROLE_CACHE: dict = {}


class AwsAccess:
    """Makes and caches clients; a boto3 session is not thread-safe, its clients are."""

    def __init__(self, profile: str | None = None, keys: AccessKeys | None = None) -> None:
        self.profile = profile
        self._config = client_config()
        try:
            if keys:
                self._session = boto3.session.Session(
                    aws_access_key_id=keys.access_key_id,
                    aws_secret_access_key=keys.secret_access_key,
                    aws_session_token=keys.session_token,
                )
            else:
                self._session = boto3.session.Session(profile_name=profile)
                self._ask_mfa_our_way()
        except BOTO_ERRORS as exc:
            raise _with_profile(translate(exc), profile) from exc
        self._session._session.register_component("data_loader", shared_loader())
        self._session._session.get_component("event_emitter").register_first(
            "needs-retry", _give_up_when_unreachable, unique_id="changewatch-unreachable")
        self._lock = threading.Lock()
        self._clients: dict[tuple[str, str], Any] = {}
        self._identity: Identity | None = None

    def _ask_mfa_our_way(self) -> None:
        """botocore asks for an assume-role profile's MFA code with getpass, which hangs on a
        worker thread; give it our prompt and the process-wide cache instead."""
        resolver = self._session._session.get_component("credential_provider")
        provider = resolver.get_provider("assume-role")
        if provider is not None:
            provider._prompter = self._mfa_code  # botocore has no public hook for this
            provider.cache = _ROLE_CACHE

    def _mfa_code(self, prompt: str) -> str:
        serial = prompt.removeprefix("Enter MFA code for ").rstrip(": ")
        return _mfa_prompt(self.profile or os.environ.get("AWS_PROFILE", ""), serial)

    def sign_in(self) -> None:
        """Resolve the credentials now (asking for an MFA code if the profile needs one), so
        a problem with them is reported before any other step."""
        try:
            credentials = self._session._session.get_credentials()
            if credentials is None:
                return  # the first call says "no credentials", with its region
            _ask_again_when_expired(credentials)
            credentials.get_frozen_credentials()
        except BOTO_ERRORS as exc:
            raise _with_profile(translate(exc), self.profile) from exc

    @property
    def default_region(self) -> str | None:
        return self._session.region_name

    def client(self, service: str, region: str) -> Any:
        with self._lock:
            key = (service, region)
            if key not in self._clients:
                try:
                    made = self._session.client(service, region_name=region, config=self._config)
                    made._changewatch_profile = self.profile or ""  # for error messages
                    self._clients[key] = made
                    _ask_again_when_expired(self._session._session.get_credentials())
                except BOTO_ERRORS as exc:
                    raise _with_profile(translate(exc, region=region), self.profile) from exc
            return self._clients[key]

    def identity(self, region: str = "us-east-1") -> Identity:
        """Who we are (STS GetCallerIdentity), asked once."""
        if self._identity is None:
            reply = call(self.client("sts", region), "get_caller_identity", region)
            self._identity = Identity(account=reply["Account"], arn=reply["Arn"])
        return self._identity


def _ask_again_when_expired(credentials: Any) -> None:
    """botocore refuses to refresh MFA role credentials after the first time
    (RefreshWithMFAUnsupportedError); refresh through the fetcher, which asks again."""
    refresher = getattr(credentials, "_refresh_using", None)
    fetch = getattr(refresher, "_refresh", None)
    if fetch is not None and hasattr(refresher, "_has_been_called"):
        credentials._refresh_using = fetch


def _with_profile(error, profile: str | None):
    if profile and not error.profile:
        error.profile = profile
    return error


def call(client: Any, operation: str, region: str,
         cancelled: Callable[[], bool] | None = None, **params: Any) -> dict:
    """One AWS call: checks for cancel first, translates every botocore error."""
    if cancelled is not None and cancelled():
        raise Cancelled()
    try:
        return getattr(client, operation)(**params)
    except BOTO_ERRORS as exc:
        raise _with_profile(translate(exc, _api_name(operation), region),
                            getattr(client, "_changewatch_profile", "")) from exc


def paginate(client: Any, operation: str, key: str, region: str,
             cancelled: Callable[[], bool] | None = None, **params: Any) -> list:
    """All items of a paginated call, through botocore's paginator."""
    items: list = []
    try:
        for page in client.get_paginator(operation).paginate(**params):
            if cancelled is not None and cancelled():
                raise Cancelled()
            items.extend(page.get(key, []))
    except BOTO_ERRORS as exc:
        raise _with_profile(translate(exc, _api_name(operation), region),
                            getattr(client, "_changewatch_profile", "")) from exc
    return items


def _api_name(operation: str) -> str:
    return "".join(part.capitalize() for part in operation.split("_"))
