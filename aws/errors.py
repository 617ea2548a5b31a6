"""One family of errors for the engine; botocore errors are translated here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConnectionClosedError,
    EndpointConnectionError,
    NoCredentialsError,
    NoRegionError,
    PartialCredentialsError,
    ProfileNotFound,
    ReadTimeoutError,
    SSOTokenLoadError,
    TokenRetrievalError,
    UnauthorizedSSOTokenError,
)


@dataclass(eq=False)
class ChangeWatchError(Exception):
    """Base of every error a user may read. `kind` picks the sentence in aws/messages.py."""

    kind: str
    region: str = ""
    operation: str = ""
    detail: str = ""
    profile: str = ""

    def __str__(self) -> str:  # English, for logs; the user reads aws.messages.describe()
        from aws.messages import describe

        return describe(self, "en")


class SettingsError(ChangeWatchError):
    """Bad settings or bad input, found before any AWS call."""

    def __init__(self, detail: str, kind: str = "bad_settings") -> None:
        super().__init__(kind=kind, detail=detail)


class AwsError(ChangeWatchError):
    """Something AWS (or the way to it) refused or failed."""


class Cancelled(ChangeWatchError):
    """The user cancelled; raised between calls, never in the middle of one."""

    def __init__(self) -> None:
        super().__init__(kind="cancelled")


# Error codes AWS uses for one situation, grouped into our kinds.
_CODE_KINDS: dict[str, str] = {
    "AccessDenied": "access_denied",
    "AccessDeniedException": "access_denied",
    "AuthorizationError": "access_denied",
    "UnauthorizedOperation": "access_denied",
    "ExpiredToken": "expired_credentials",
    "ExpiredTokenException": "expired_credentials",
    "RequestExpired": "expired_credentials",
    "InvalidClientTokenId": "invalid_credentials",
    "SignatureDoesNotMatch": "invalid_credentials",
    "UnrecognizedClientException": "invalid_credentials",
    "AuthFailure": "invalid_credentials",
    "OptInRequired": "region_not_enabled",
    "InvalidRegion": "region_not_enabled",
    "Throttling": "throttled",
    "ThrottlingException": "throttled",
    "TooManyRequestsException": "throttled",
    "RequestLimitExceeded": "throttled",
    "LimitExceededException": "quota",
    "TopicLimitExceeded": "quota",
    "SubscriptionLimitExceeded": "quota",
    "NotFound": "not_found",
    "NotFoundException": "not_found",
    "ResourceNotFoundException": "not_found",
    "InvalidParameter": "invalid_parameter",
    "InvalidParameterException": "invalid_parameter",
    "ValidationException": "invalid_parameter",
    "InvalidEventPatternException": "invalid_parameter",
    "KMSAccessDenied": "kms",
    "KMSDisabled": "kms",
    "KMSNotFound": "kms",
}


def translate(exc: BaseException, operation: str = "", region: str = "") -> ChangeWatchError:
    """Turn a botocore exception into a ChangeWatchError that says what happened."""
    if isinstance(exc, ChangeWatchError):
        return exc
    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        code = str(error.get("Code", ""))
        op = operation or exc.operation_name
        kind = _CODE_KINDS.get(code, "aws_failed")
        detail = f"{code}: {error.get('Message', '')}".strip(": ")
        return AwsError(kind=kind, region=region, operation=op, detail=detail)
    return AwsError(kind=_kind_of_botocore(exc), region=region, operation=operation,
                    detail=str(exc), profile=getattr(exc, "kwargs", {}).get("profile", ""))


def _kind_of_botocore(exc: BaseException) -> str:
    if isinstance(exc, ProfileNotFound):
        return "profile_not_found"
    if isinstance(exc, (SSOTokenLoadError, UnauthorizedSSOTokenError, TokenRetrievalError)):
        return "sso_expired"
    if isinstance(exc, (NoCredentialsError, PartialCredentialsError)):
        return "no_credentials"
    if isinstance(exc, NoRegionError):
        return "no_region"
    if isinstance(exc, (EndpointConnectionError, ConnectionClosedError, ReadTimeoutError)):
        return "unreachable"
    if isinstance(exc, BotoCoreError):
        return "aws_failed"
    return "unexpected"
