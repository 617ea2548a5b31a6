"""The words of the rich email, in Japanese and English; the definition embeds one language."""

from __future__ import annotations

from aws.catalog import Severity

SEVERITY = {
    "en": {Severity.CRITICAL: "Critical", Severity.HIGH: "High", Severity.MEDIUM: "Medium"},
    "ja": {Severity.CRITICAL: "重大", Severity.HIGH: "高", Severity.MEDIUM: "中"},
}

# Labels and fixed phrases the JSONata template looks up by key.
LABELS = {
    "en": {
        "test": "TEST",
        "testNote": "This is a test notification from ChangeWatch. The event below is a sample, "
                    "not a real change in your account.",
        "who": "Who", "arn": "ARN", "sourceIp": "Source IP", "userAgent": "Client",
        "zoneTime": "Time", "utcTime": "Time (UTC)", "account": "Account", "region": "Region",
        "event": "Event", "eventId": "Event ID", "error": "Error", "console": "CloudTrail",
        "request": "Request parameters",
        "root": "root user", "role": "role", "service": "AWS service",
        "inbound": "Inbound", "outbound": "Outbound", "rule": "Rule",
        "from": " from ", "to": " to ", "port": "port", "ports": "ports", "allPorts": "all ports",
        "allTraffic": "all traffic", "type": "type", "anywhere": "anywhere",
        "group": "security group", "prefixList": "prefix list",
        "signinResult": "Sign-in", "mfa": "MFA", "sep": ", ",
    },
    "ja": {
        "test": "テスト",
        "testNote": "これは ChangeWatch のテスト通知です。以下は見本のイベントで、"
                    "アカウントで実際に起きた変更ではありません。",
        "who": "実行者", "arn": "ARN", "sourceIp": "接続元 IP", "userAgent": "クライアント",
        "zoneTime": "日時", "utcTime": "日時 (UTC)", "account": "アカウント",
        "region": "リージョン", "event": "イベント", "eventId": "イベント ID", "error": "エラー",
        "console": "CloudTrail", "request": "リクエストパラメータ",
        "root": "ルートユーザー", "role": "ロール", "service": "AWS のサービス",
        "inbound": "インバウンド", "outbound": "アウトバウンド", "rule": "ルール",
        "from": "、送信元 ", "to": "、送信先 ", "port": "ポート", "ports": "ポート",
        "allPorts": "全ポート", "allTraffic": "すべての通信", "type": "タイプ",
        "anywhere": "すべての IP アドレス", "group": "セキュリティグループ",
        "prefixList": "プレフィックスリスト",
        "signinResult": "サインイン", "mfa": "MFA", "sep": "、",
    },
}

# CloudTrail's words for a sign-in's result and MFA, as the reader says them.
ANSWERS = {
    "en": {"Success": "succeeded", "Failure": "failed", "Yes": "used", "No": "not used",
           "NON_COMPLIANT": "non-compliant", "COMPLIANT": "compliant",
           "NOT_APPLICABLE": "not applicable", "INSUFFICIENT_DATA": "not yet evaluated"},
    "ja": {"Success": "成功", "Failure": "失敗", "Yes": "使用", "No": "未使用",
           "NON_COMPLIANT": "非準拠", "COMPLIANT": "準拠", "NOT_APPLICABLE": "対象外",
           "INSUFFICIENT_DATA": "未評価"},
}

PROTOCOLS = {"tcp": "TCP", "6": "TCP", "udp": "UDP", "17": "UDP", "icmp": "ICMP", "1": "ICMP",
             "icmpv6": "ICMPv6", "58": "ICMPv6"}

# What each catalog resource path names (resource_paths keys in resources/catalog.json).
RESOURCES = {
    "groupId": ("セキュリティグループ", "Security group"),
    "modifyGroupId": ("セキュリティグループ", "Security group"),
    "createdGroupId": ("セキュリティグループ", "Security group"),
    "recorderName": ("Config レコーダー", "Config recorder"),
    "newRecorderName": ("Config レコーダー", "Config recorder"),
    "channelName": ("配信チャネル", "Delivery channel"),
    "newChannelName": ("配信チャネル", "Delivery channel"),
    "ruleName": ("Config ルール", "Config rule"),
    "newRuleName": ("Config ルール", "Config rule"),
    "bucketName": ("S3 バケット", "S3 bucket"),
    "name": ("名前", "Name"),
    "policyArn": ("ポリシー", "Policy"),
    "policyName": ("ポリシー名", "Policy name"),
    "trailName": ("証跡", "Trail"),
    "keyId": ("KMS キー", "KMS key"),
    "networkAclId": ("ネットワーク ACL", "Network ACL"),
    "createdNetworkAclId": ("ネットワーク ACL", "Network ACL"),
    "internetGatewayId": ("インターネットゲートウェイ", "Internet gateway"),
    "createdInternetGatewayId": ("インターネットゲートウェイ", "Internet gateway"),
    "customerGatewayId": ("カスタマーゲートウェイ", "Customer gateway"),
    "createdCustomerGatewayId": ("カスタマーゲートウェイ", "Customer gateway"),
    "routeTableId": ("ルートテーブル", "Route table"),
    "createdRouteTableId": ("ルートテーブル", "Route table"),
    "vpcId": ("VPC", "VPC"),
    "createdVpcId": ("VPC", "VPC"),
    "peeringConnectionId": ("VPC ピアリング接続", "VPC peering connection"),
    "policyId": ("組織のポリシー", "Organization policy"),
    "accountId": ("アカウント", "Account"),
    "organizationalUnitId": ("OU", "Organizational unit"),
    "invitedAccountId": ("招待先", "Invited"),
    "accountName": ("アカウント名", "Account name"),
    "handshakeId": ("ハンドシェイク", "Handshake"),
    "nonCompliantResource": ("非準拠のリソース", "Non-compliant resource"),
    "resourceType": ("リソースの種類", "Resource type"),
    "configRuleName": ("Config ルール", "Config rule"),
    "complianceType": ("評価", "Evaluation"),
    "previousCompliance": ("前回の評価", "Previous evaluation"),
    "annotation": ("理由", "Reason"),
}


def resource_label(name: str, lang: str) -> str:
    ja, en = RESOURCES.get(name, ("リソース", "Resource"))
    return ja if lang == "ja" else en
