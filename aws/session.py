"""AWS access: one boto3 session per AwsAccess, clients shared across threads, errors translated."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import boto3
import botocore.session
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

from aws.errors import Cancelled, translate
from aws.loader import shared_loader
from aws.regions import known_regions


# Retries and timeouts are set once, here. `adaptive` also slows down on throttling.
# https://boto3.amazonaws.com/v1/documentation/api/latest/guide/retries.html
def _retries() -> dict:
    """adaptive, 10 attempts, unless AWS_RETRY_MODE / AWS_MAX_ATTEMPTS say otherwise."""
    return {"mode": os.environ.get("AWS_RETRY_MODE", "adaptive"),
            "max_attempts": int(os.environ.get("AWS_MAX_ATTEMPTS", "10"))}


def client_config() -> Config:
    return Config(
        retries=_retries(),
        connect_timeout=5,
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


class AwsAccess:
    """Makes and caches clients; a boto3 session is not thread-safe, its clients are."""

    def __init__(self, profile: str | None = None, keys: AccessKeys | None = None) -> None:
        self.profile = profile
        try:
            if keys:
                self._session = boto3.session.Session(
                    aws_access_key_id=keys.access_key_id,
                    aws_secret_access_key=keys.secret_access_key,
                    aws_session_token=keys.session_token,
                )
            else:
                self._session = boto3.session.Session(profile_name=profile)
        except (BotoCoreError, ClientError) as exc:
            raise _with_profile(translate(exc), profile) from exc
        self._session._session.register_component("data_loader", shared_loader())
        self._lock = threading.Lock()
        self._config = client_config()
        self._clients: dict[tuple[str, str], Any] = {}
        self._identity: Identity | None = None

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
                except (BotoCoreError, ClientError) as exc:
                    raise _with_profile(translate(exc, region=region), self.profile) from exc
            return self._clients[key]

    def identity(self, region: str = "us-east-1") -> Identity:
        """Who we are (STS GetCallerIdentity), asked once."""
        if self._identity is None:
            reply = call(self.client("sts", region), "get_caller_identity", region)
            self._identity = Identity(account=reply["Account"], arn=reply["Arn"])
        return self._identity


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
    except (BotoCoreError, ClientError) as exc:
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
    except (BotoCoreError, ClientError) as exc:
        raise _with_profile(translate(exc, _api_name(operation), region),
                            getattr(client, "_changewatch_profile", "")) from exc
    return items


def _api_name(operation: str) -> str:
    return "".join(part.capitalize() for part in operation.split("_"))
