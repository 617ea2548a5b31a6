"""The AWS calls of the compliance steps; mixed into the executor (aws/execute.py), which
runs each instruction by its class name (`_do_<Class>`)."""

from __future__ import annotations

from collections.abc import Callable

from aws.compliance.instructions import (
    ConfigDiffers,
    DeleteConfigRule,
    EnableConfig,
    PutConfigRule,
    StopConfig,
)
from aws.compliance.names import CONFIG_SERVICE, SERVICE_ROLE
from aws.errors import AwsError, ErrorKind
from aws.names import TAG_KEY, tags
from aws.session import AwsAccess, call, paginate


def _unless(codes: tuple[str, ...], fn: Callable[[], object]) -> None:
    """Run `fn`; an answer that means "already so" (by error code) is success: a step retried
    after a lost answer, or a second region's step racing the first, must not fail."""
    try:
        fn()
    except AwsError as exc:
        if not any(code in exc.detail for code in codes):
            raise


class ComplianceSteps:
    access: AwsAccess
    deployment: str
    cancelled: Callable[[], bool] | None

    def _config(self, region: str):
        return self.access.client("config", region)

    def _ensure_service_role(self) -> None:
        """AWS Config records through its service-linked role; made once per account.
        https://docs.aws.amazon.com/config/latest/developerguide/using-service-linked-roles.html"""
        iam = self.access.client("iam", "us-east-1")
        try:
            call(iam, "get_role", "iam", self.cancelled, RoleName=SERVICE_ROLE)
        except AwsError as exc:
            if exc.kind != ErrorKind.NOT_FOUND:
                raise
            _unless(("has been taken", "EntityAlreadyExists", "InvalidInput"), lambda: call(
                iam, "create_service_linked_role", "iam", self.cancelled,
                AWSServiceName=CONFIG_SERVICE))

    def _make_bucket(self, region: str, bucket: str, policy: str) -> None:
        """Private (every public access blocked), encrypted at rest (SSE-S3), tagged, with only
        what Config needs in its policy."""
        s3 = self.access.client("s3", region)
        where = {} if region == "us-east-1" else {
            "CreateBucketConfiguration": {"LocationConstraint": region}}
        _unless(("BucketAlreadyOwnedByYou",), lambda: call(
            s3, "create_bucket", region, self.cancelled, Bucket=bucket, **where))
        call(s3, "put_public_access_block", region, self.cancelled, Bucket=bucket,
             PublicAccessBlockConfiguration={
                 "BlockPublicAcls": True, "IgnorePublicAcls": True,
                 "BlockPublicPolicy": True, "RestrictPublicBuckets": True})
        call(s3, "put_bucket_encryption", region, self.cancelled, Bucket=bucket,
             ServerSideEncryptionConfiguration={"Rules": [{
                 "ApplyServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"},
                 "BucketKeyEnabled": True}]})
        call(s3, "put_bucket_tagging", region, self.cancelled, Bucket=bucket,
             Tagging={"TagSet": tags(self.deployment)})
        call(s3, "put_bucket_policy", region, self.cancelled, Bucket=bucket, Policy=policy)

    def _do_EnableConfig(self, step: EnableConfig) -> None:
        recorder, config = step.recorder, self._config(step.region)
        if ConfigDiffers.RECORDING not in step.differs:
            self._ensure_service_role()
            self._make_bucket(step.region, recorder.bucket, recorder.bucket_policy)
            call(config, "put_configuration_recorder", step.region, self.cancelled,
                 ConfigurationRecorder=recorder.recorder_api())
        channels = call(config, "describe_delivery_channels", step.region,
                        self.cancelled).get("DeliveryChannels", [])
        if not channels:
            call(config, "put_delivery_channel", step.region, self.cancelled,
                 DeliveryChannel={"name": recorder.channel, "s3BucketName": recorder.bucket})
        call(config, "start_configuration_recorder", step.region, self.cancelled,
             ConfigurationRecorderName=recorder.name)

    def _do_PutConfigRule(self, step: PutConfigRule) -> None:
        rule, config = step.rule, self._config(step.region)
        if not step.differs or ConfigDiffers.RULE in step.differs:
            call(config, "put_config_rule", step.region, self.cancelled,
                 ConfigRule=rule.as_api(), Tags=tags(self.deployment))
        if step.drop_remediation:
            _unless(("NoSuchRemediationConfiguration",), lambda: call(
                config, "delete_remediation_configuration", step.region, self.cancelled,
                ConfigRuleName=rule.name))
        elif rule.remediation and (not step.differs or
                                   ConfigDiffers.REMEDIATION in step.differs):
            reply = call(config, "put_remediation_configurations", step.region, self.cancelled,
                         RemediationConfigurations=[rule.remediation.as_api(rule.name)])
            failed = reply.get("FailedBatches") or []
            if failed:
                raise AwsError(kind=ErrorKind.AWS_FAILED, region=step.region,
                               operation="PutRemediationConfigurations",
                               detail=str(failed[0].get("FailureMessage", "")))

    def _do_DeleteConfigRule(self, step: DeleteConfigRule) -> None:
        config = self._config(step.region)
        if step.remediation_type is not None:
            kwargs = {"ResourceType": step.remediation_type} if step.remediation_type else {}
            _unless(("NoSuchRemediationConfiguration",), lambda: call(
                config, "delete_remediation_configuration", step.region, self.cancelled,
                ConfigRuleName=step.name, **kwargs))
        _unless(("NoSuchConfigRule",), lambda: call(
            config, "delete_config_rule", step.region, self.cancelled,
            ConfigRuleName=step.name))

    def _do_StopConfig(self, step: StopConfig) -> None:
        """Only ever for a recorder this deployment made (named after it); its bucket is
        deleted only if it carries our tag."""
        config, region = self._config(step.region), step.region
        _unless(("NoSuchConfigurationRecorder",), lambda: call(
            config, "stop_configuration_recorder", region, self.cancelled,
            ConfigurationRecorderName=step.recorder))
        if step.channel:
            _unless(("NoSuchDeliveryChannel",), lambda: call(
                config, "delete_delivery_channel", region, self.cancelled,
                DeliveryChannelName=step.channel))
        _unless(("NoSuchConfigurationRecorder",), lambda: call(
            config, "delete_configuration_recorder", region, self.cancelled,
            ConfigurationRecorderName=step.recorder))
        if step.bucket:
            self._delete_bucket(region, step.bucket)

    def _delete_bucket(self, region: str, bucket: str) -> None:
        s3 = self.access.client("s3", region)
        try:
            tagging = call(s3, "get_bucket_tagging", region, self.cancelled, Bucket=bucket)
        except AwsError:
            return  # gone, or no tags: not ours to delete
        if {t["Key"]: t["Value"] for t in tagging.get("TagSet", [])}.get(TAG_KEY) \
                != self.deployment:
            return
        for key in ("Versions", "DeleteMarkers"):  # a bucket must be empty to be deleted
            for item in paginate(s3, "list_object_versions", key, region, self.cancelled,
                                 Bucket=bucket):
                call(s3, "delete_object", region, self.cancelled, Bucket=bucket,
                     Key=item["Key"], VersionId=item["VersionId"])
        _unless(("NoSuchBucket",), lambda: call(s3, "delete_bucket", region, self.cancelled,
                                                Bucket=bucket))
