"""The CloudWatch metrics AWS keeps for each hop of a notification, kept by the sandbox.

moto stores metric data but emits none of AWS's own; the sandbox's EventBridge (router) and
SNS put the datapoints AWS would, so the dashboard's counts and "Verify end to end" read them
as they would in an account.
"""

from __future__ import annotations

from datetime import UTC, datetime

import boto3


def count(session: boto3.session.Session, region: str, namespace: str, metric: str,
          dimension: str, value: str, endpoint_url: str | None = None) -> None:
    """One occurrence, in this minute's Sum."""
    session.client("cloudwatch", region_name=region,
                   endpoint_url=endpoint_url).put_metric_data(
        Namespace=namespace, MetricData=[{
            "MetricName": metric, "Dimensions": [{"Name": dimension, "Value": value}],
            "Timestamp": datetime.now(UTC), "Value": 1.0, "Unit": "Count"}])
