"""AWS::SNS::Subscription and AWS::SNS::TopicPolicy, which moto's CloudFormation skips (with a
warning on the terminal): the central stack of organization mode has both, so the sandbox
makes them as CloudFormation would, in moto's own SNS.
https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sns-subscription.html
https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-sns-topicpolicy.html
"""

from __future__ import annotations

import json
from typing import Any

from moto.core.common_models import CloudFormationModel
from moto.sns.exceptions import TopicNotFound
from moto.sns.models import sns_backends


class Subscription(CloudFormationModel):
    def __init__(self, account_id: str, region: str, arn: str) -> None:
        self.account_id, self.region, self.arn = account_id, region, arn

    @property
    def physical_resource_id(self) -> str:
        return self.arn  # Ref gives the subscription's ARN

    @staticmethod
    def cloudformation_name_type() -> str:
        return ""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::SNS::Subscription"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: Any,
                                        account_id: str, region_name: str,
                                        **kwargs: Any) -> Subscription:
        props = cloudformation_json["Properties"]
        made = sns_backends[account_id][region_name].subscribe(
            props["TopicArn"], props["Endpoint"], props["Protocol"])
        return cls(account_id, region_name, made.arn)

    def delete(self, account_id: str, region_name: str) -> None:
        sns_backends[account_id][region_name].unsubscribe(self.arn)


class TopicPolicy(CloudFormationModel):
    def __init__(self, account_id: str, region: str, topics: list[str]) -> None:
        self.account_id, self.region, self.topics = account_id, region, topics

    @property
    def physical_resource_id(self) -> str:
        return ",".join(self.topics)

    @staticmethod
    def cloudformation_name_type() -> str:
        return ""

    @staticmethod
    def cloudformation_type() -> str:
        return "AWS::SNS::TopicPolicy"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name: str, cloudformation_json: Any,
                                        account_id: str, region_name: str,
                                        **kwargs: Any) -> TopicPolicy:
        props = cloudformation_json["Properties"]
        document = props["PolicyDocument"]
        backend = sns_backends[account_id][region_name]
        for topic in props["Topics"]:
            backend.set_topic_attribute(topic, "policy", document if isinstance(document, str)
                                        else json.dumps(document))
        return cls(account_id, region_name, list(props["Topics"]))

    def delete(self, account_id: str, region_name: str) -> None:
        """As in AWS, each topic goes back to its default policy (if it is still there)."""
        backend = sns_backends[account_id][region_name]
        for arn in self.topics:
            try:
                topic = backend.get_topic(arn)
            except TopicNotFound:
                continue
            topic.policy = json.dumps(topic._create_default_topic_policy(
                region_name, account_id, topic.name))
