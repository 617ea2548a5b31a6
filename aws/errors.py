"""One family of errors for the engine; botocore errors are translated here and nowhere else."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from botocore.exceptions import (
    BotoCoreError,
    ClientError,
    ConfigParseError,
    ConnectionClosedError,
    EndpointConnectionError,
    InvalidConfigError,
    InvalidRetryConfigurationError,
    NoCredentialsError,
    NoRegionError,
    PartialCredentialsError,
    ProfileNotFound,
    ProxyConnectionError,
    ReadTimeoutError,
    SSOTokenLoadError,
    TokenRetrievalError,
    UnauthorizedSSOTokenError,
)
from botocore.parsers import ResponseParserError

from aws.refusals import word


class ErrorKind(StrEnum):
    """What went wrong, as the user's sentence in aws/messages.py is chosen by it."""

    BAD_SETTINGS = "bad_settings"
    BAD_LINK = "bad_link"
    BAD_SINCE = "bad_since"
    BAD_EVENT = "bad_event"
    EVENT_NOT_WATCHED = "event_not_watched"
    NOTHING_SELECTED = "nothing_selected"
    EXCEPTION_NOT_ALLOWED = "exception_not_allowed"
    EXCEPTION_SHAPE = "exception_shape"
    EXCEPTION_BAD_CALLER = "exception_bad_caller"
    EXCEPTION_TOO_BROAD = "exception_too_broad"
    EXCEPTION_BAD_IP = "exception_bad_ip"
    EXCEPTION_CIDR = "exception_cidr"
    EXCEPTION_TOO_LONG = "exception_too_long"
    NO_CREDENTIALS = "no_credentials"
    PROFILE_NOT_FOUND = "profile_not_found"
    SSO_EXPIRED = "sso_expired"
    EXPIRED_CREDENTIALS = "expired_credentials"
    INVALID_CREDENTIALS = "invalid_credentials"
    ACCESS_DENIED = "access_denied"
    REGION_NOT_ENABLED = "region_not_enabled"
    THROTTLED = "throttled"
    QUOTA = "quota"
    NOT_FOUND = "not_found"
    INVALID_PARAMETER = "invalid_parameter"
    KMS = "kms"
    UNREACHABLE = "unreachable"
    NO_REGION = "no_region"
    CONFLICT = "conflict"
    CANCELLED = "cancelled"
    KEYRING_UNAVAILABLE = "keyring_unavailable"
    IAM_REFUSED = "iam_refused"
    AWS_FAILED = "aws_failed"
    BAD_AWS_CONFIG = "bad_aws_config"
    MFA_NEEDS_TERMINAL = "mfa_needs_terminal"
    PROXY_UNREACHABLE = "proxy_unreachable"
    BAD_RESPONSE = "bad_response"
    UNEXPECTED = "unexpected"
    CONFIG_OFF = "config_off"
    CONFIG_NOT_READY = "config_not_ready"
    EXPORT_FAILED = "export_failed"
    NOT_IN_ORGANIZATION = "not_in_organization"
    ORG_NOT_IN_USE = "org_not_in_use"
    NOT_ORG_ADMIN = "not_org_admin"
    SCP_NOT_ENABLED = "scp_not_enabled"
    SCP_ALREADY_ATTACHED = "scp_already_attached"
    NOT_CONFIRMED = "not_confirmed"
    SCP_TARGET_NOT_FOUND = "scp_target_not_found"
    ORG_NAME_TAKEN = "org_name_taken"


@dataclass(eq=False)
class ChangeWatchError(Exception):
    """Base of every error a user may read. `kind` picks the sentence in aws/messages.py."""

    kind: ErrorKind
    region: str = ""
    operation: str = ""
    detail: str = ""
    profile: str = ""
    reason: str = ""  # a settings refusal (aws/refusals.py), worded in the user's language
    params: dict = field(default_factory=dict)

    def __str__(self) -> str:  # a developer's line for logs; the user reads messages.describe()
        where = " ".join(part for part in (self.operation, self.region) if part)
        text = f"{self.kind} ({where})" if where else str(self.kind)
        return f"{text}: {self.detail}" if self.detail else text


class SettingsError(ChangeWatchError):
    """Bad settings or bad input, found before any AWS call."""

    def __init__(self, detail: str, kind: ErrorKind = ErrorKind.BAD_SETTINGS,
                 reason: str = "", params: dict | None = None) -> None:
        super().__init__(kind=kind, detail=detail, reason=reason, params=dict(params or {}))

    @classmethod
    def refuse(cls, reason: str, kind: ErrorKind = ErrorKind.BAD_SETTINGS,
               **params) -> SettingsError:
        """A refusal as data; `detail` keeps the English words for logs."""
        return cls(word(reason, params, "en"), kind, reason, params)


class AwsError(ChangeWatchError):
    """Something AWS (or the way to it) refused or failed."""


class Cancelled(ChangeWatchError):
    """The user cancelled; raised between calls, never in the middle of one."""

    def __init__(self) -> None:
        super().__init__(kind=ErrorKind.CANCELLED)


def is_cancelled(error: BaseException | None) -> bool:
    return isinstance(error, ChangeWatchError) and error.kind == ErrorKind.CANCELLED


# Error codes AWS uses for one situation, grouped into our kinds.
_CODE_KINDS: dict[str, ErrorKind] = {
    "AccessDenied": ErrorKind.ACCESS_DENIED,
    "AccessDeniedException": ErrorKind.ACCESS_DENIED,
    "AuthorizationError": ErrorKind.ACCESS_DENIED,
    "UnauthorizedOperation": ErrorKind.ACCESS_DENIED,
    "ExpiredToken": ErrorKind.EXPIRED_CREDENTIALS,
    "ExpiredTokenException": ErrorKind.EXPIRED_CREDENTIALS,
    "RequestExpired": ErrorKind.EXPIRED_CREDENTIALS,
    "InvalidClientTokenId": ErrorKind.INVALID_CREDENTIALS,
    "SignatureDoesNotMatch": ErrorKind.INVALID_CREDENTIALS,
    "UnrecognizedClientException": ErrorKind.INVALID_CREDENTIALS,
    "AuthFailure": ErrorKind.INVALID_CREDENTIALS,
    "OptInRequired": ErrorKind.REGION_NOT_ENABLED,
    "InvalidRegion": ErrorKind.REGION_NOT_ENABLED,
    "Throttling": ErrorKind.THROTTLED,
    "ThrottlingException": ErrorKind.THROTTLED,
    "TooManyRequestsException": ErrorKind.THROTTLED,
    "RequestLimitExceeded": ErrorKind.THROTTLED,
    "LimitExceededException": ErrorKind.QUOTA,
    "TopicLimitExceeded": ErrorKind.QUOTA,
    "SubscriptionLimitExceeded": ErrorKind.QUOTA,
    "NotFound": ErrorKind.NOT_FOUND,
    "NotFoundException": ErrorKind.NOT_FOUND,
    "ResourceNotFoundException": ErrorKind.NOT_FOUND,
    "NoSuchEntity": ErrorKind.NOT_FOUND,
    "StateMachineDoesNotExist": ErrorKind.NOT_FOUND,
    "InvalidParameter": ErrorKind.INVALID_PARAMETER,
    "InvalidParameterException": ErrorKind.INVALID_PARAMETER,
    "ValidationException": ErrorKind.INVALID_PARAMETER,
    "InvalidEventPatternException": ErrorKind.INVALID_PARAMETER,
    "KMSAccessDenied": ErrorKind.KMS,
    "KMSDisabled": ErrorKind.KMS,
    "KMSNotFound": ErrorKind.KMS,
}

# AWS Organizations, for the SCP (aws/organizations.py).
_CODE_KINDS.update({
    "AWSOrganizationsNotInUseException": ErrorKind.ORG_NOT_IN_USE,
    "PolicyTypeNotEnabledException": ErrorKind.SCP_NOT_ENABLED,
    "DuplicatePolicyAttachmentException": ErrorKind.SCP_ALREADY_ATTACHED,
    "DuplicatePolicyException": ErrorKind.CONFLICT,
    "PolicyNotFoundException": ErrorKind.NOT_FOUND,
    "TargetNotFoundException": ErrorKind.NOT_FOUND,
    "AccountNotFoundException": ErrorKind.NOT_FOUND,
    "OrganizationalUnitNotFoundException": ErrorKind.NOT_FOUND,
})


# user:password@ in a URL (AWS_ENDPOINT_URL, HTTPS_PROXY): never shown, never logged.
_URL_PASSWORD = re.compile(r"(?P<scheme>[a-z][a-z0-9+.-]*://)(?P<user>[^:/@\s]*):[^@/\s]+@",
                           re.IGNORECASE)
# An HTML page where an AWS answer should be: a proxy, captive portal or load balancer.
_HTML = re.compile(r"<(!doctype\s+html|html)\b", re.IGNORECASE)


def mask_secrets(text: str) -> str:
    """The text with any URL password replaced by ***."""
    return _URL_PASSWORD.sub(r"\g<scheme>\g<user>:***@", text)


def translate(exc: BaseException, operation: str = "", region: str = "") -> ChangeWatchError:
    """Turn a botocore exception into a ChangeWatchError that says what happened."""
    if isinstance(exc, ChangeWatchError):
        return exc
    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        code = str(error.get("Code", ""))
        op = operation or exc.operation_name
        message = str(error.get("Message", ""))
        if _HTML.search(message):
            return AwsError(kind=ErrorKind.BAD_RESPONSE, region=region, operation=op,
                            detail=f"HTTP {code}")
        kind = _CODE_KINDS.get(code, ErrorKind.AWS_FAILED)
        detail = mask_secrets(f"{code}: {message}".strip(": "))
        return AwsError(kind=kind, region=region, operation=op, detail=detail)
    return AwsError(kind=_kind_of_botocore(exc), region=region, operation=operation,
                    detail=_detail_of(exc), profile=getattr(exc, "kwargs", {}).get("profile", ""))


def _detail_of(exc: BaseException) -> str:
    """What the user reads in the sentence: the cause, on one line, with no secret."""
    if isinstance(exc, ProxyConnectionError):
        return mask_secrets(str(exc.kwargs.get("proxy_url", "")))
    if isinstance(exc, ResponseParserError):
        return "HTML" if _HTML.search(str(exc)) else "non-XML"
    return mask_secrets(" ".join(str(exc).split()))


def _kind_of_botocore(exc: BaseException) -> ErrorKind:
    if isinstance(exc, ProfileNotFound):
        return ErrorKind.PROFILE_NOT_FOUND
    if isinstance(exc, (ConfigParseError, InvalidConfigError, InvalidRetryConfigurationError)):
        return ErrorKind.BAD_AWS_CONFIG
    if isinstance(exc, ProxyConnectionError):
        return ErrorKind.PROXY_UNREACHABLE
    if isinstance(exc, ResponseParserError):
        return ErrorKind.BAD_RESPONSE
    if isinstance(exc, (SSOTokenLoadError, UnauthorizedSSOTokenError, TokenRetrievalError)):
        return ErrorKind.SSO_EXPIRED
    if isinstance(exc, (NoCredentialsError, PartialCredentialsError)):
        return ErrorKind.NO_CREDENTIALS
    if isinstance(exc, NoRegionError):
        return ErrorKind.NO_REGION
    if isinstance(exc, (EndpointConnectionError, ConnectionClosedError, ReadTimeoutError)):
        return ErrorKind.UNREACHABLE
    if isinstance(exc, BotoCoreError):
        return ErrorKind.AWS_FAILED
    return ErrorKind.UNEXPECTED
