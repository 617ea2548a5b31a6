"""The sentences a user reads for each error kind, in Japanese and English, for CLI and GUI."""

from __future__ import annotations

from aws.errors import ChangeWatchError, ErrorKind, mask_secrets
from aws.refusals import word

# kind -> {lang: template}. Each says what happened and what to do next.
MESSAGES: dict[str, dict[str, str]] = {
    "bad_settings": {
        "en": "The settings are not valid: {detail}. Fix them and try again.",
        "ja": "設定が正しくありません: {detail}。修正してからもう一度実行してください。",
    },
    "bad_link": {
        "en": "That is not a confirmation link ChangeWatch can use: {detail}. Paste the whole "
              "“Confirm subscription” link from the email AWS sent.",
        "ja": "ChangeWatch で使える確認リンクではありません: {detail}。AWS から届いたメールの"
              "「Confirm subscription」リンクをそのまま貼り付けてください。",
    },
    "bad_since": {
        "en": "--since “{detail}” is not a window like 1h, 24h, 7d or 90d (at most 90 days).",
        "ja": "--since “{detail}” は 1h・24h・7d・90d のような期間ではありません（最大 90 日）。",
    },
    "bad_event": {
        "en": "The event file cannot be used: {detail}. Give a JSON file with one EventBridge "
              "event or one CloudTrail record.",
        "ja": "イベントファイルを使えません: {detail}。EventBridge のイベントか CloudTrail の"
              "レコードを 1 件含む JSON ファイルを指定してください。",
    },
    "event_not_watched": {
        "en": "No rule of these settings matches this event ({detail}), so it would send no "
              "email. Check the watched APIs and regions in the settings.",
        "ja": "この設定のどのルールもこのイベント ({detail}) に一致しないため、メールは"
              "送られません。設定の監視対象 API とリージョンを確認してください。",
    },
    "nothing_selected": {
        "en": "Nothing is selected to watch. Choose at least one API or group.",
        "ja": "監視対象が選ばれていません。API またはグループを 1 つ以上選んでください。",
    },
    "exception_not_allowed": {
        "en": "The group “{detail}” cannot have exceptions: its alerts are about who is "
              "acting, and an excepted caller there is exactly the one to miss. Remove it from "
              "the exception's groups.",
        "ja": "グループ「{detail}」には例外を設定できません。このグループの通知は誰が操作したかが"
              "要点で、例外にした呼び出し元こそ見逃してはならないためです。例外の対象グループから"
              "外してください。",
    },
    "exception_shape": {
        "en": "An exception lists either callers or source IPs (one of them, not both): "
              "EventBridge cannot except a caller only from some addresses. Write one "
              "[[exceptions]] table for the callers and one for the addresses.",
        "ja": "例外には呼び出し元か送信元 IP のどちらか一方を指定してください（両方は不可）。"
              "EventBridge では「特定のアドレスからの特定の呼び出し元」だけを除外できません。"
              "呼び出し元とアドレスで [[exceptions]] を分けて書いてください。",
    },
    "exception_bad_caller": {
        "en": "The exception caller “{detail}” is not an ARN pattern EventBridge accepts. "
              "Write an ARN such as arn:aws:sts::123456789012:assumed-role/terraform/*; only * "
              "stands for other characters, never two in a row.",
        "ja": "例外の呼び出し元「{detail}」は EventBridge が受け付ける ARN のパターンでは"
              "ありません。"
              "arn:aws:sts::123456789012:assumed-role/terraform/* のように ARN で書いてください。"
              "任意の文字列は * で表し、* を連続させることはできません。",
    },
    "exception_too_broad": {
        "en": "The exception caller “{detail}” matches any user or any role, people "
              "included, so their changes would send no email. Name the automation's role or "
              "user, with a wildcard only for the part that varies (e.g. terraform-*).",
        "ja": "例外の呼び出し元「{detail}」は任意のユーザーまたはロール（人も含む）に一致し、"
              "その変更が通知されなくなります。自動化のロールまたはユーザーを指定し、"
              "ワイルドカードは変わる部分だけに使ってください（例: terraform-*）。",
    },
    "exception_bad_ip": {
        "en": "The exception source IP “{detail}” is not an IP address. Write an exact "
              "address such as 198.51.100.7.",
        "ja": "例外の送信元 IP「{detail}」は IP アドレスではありません。198.51.100.7 のような"
              "アドレスを正確に書いてください。",
    },
    "exception_cidr": {
        "en": "The source IP range “{detail}” cannot be excepted: EventBridge cannot leave "
              "out a CIDR range (anything-but takes no cidr). List the exact addresses instead.",
        "ja": "送信元 IP の範囲「{detail}」は例外にできません。EventBridge では CIDR 範囲を除外"
              "できないためです（anything-but は cidr を受け付けません）。アドレスを 1 つずつ"
              "指定してください。",
    },
    "exception_too_long": {
        "en": "The exceptions for “{detail}” make its EventBridge pattern longer than the "
              "2048-character limit, even for a single API. Cover several callers with one "
              "wildcard.",
        "ja": "「{detail}」の例外が多すぎて、API 1 つに絞っても EventBridge のパターンが上限の "
              "2048 文字を超えます。複数の呼び出し元を 1 つのワイルドカードにまとめてください。",
    },
    "no_credentials": {
        "en": "No AWS credentials were found. Choose a profile, or run `aws configure`, "
              "then try again.",
        "ja": "AWS の認証情報が見つかりません。プロファイルを選ぶか `aws configure` を実行してから"
              "もう一度お試しください。",
    },
    "profile_not_found": {
        "en": "The AWS profile {profile} does not exist in your AWS config files. "
              "Choose another profile or create it with `aws configure --profile {profile}`.",
        "ja": "AWS プロファイル {profile} が設定ファイルにありません。別のプロファイルを選ぶか、"
              "`aws configure --profile {profile}` で作成してください。",
    },
    "sso_expired": {
        "en": "Your AWS SSO sign-in has expired. Run `aws sso login --profile {profile}` "
              "and try again.",
        "ja": "AWS SSO のサインインの有効期限が切れています。"
              "`aws sso login --profile {profile}` を実行してからもう一度お試しください。",
    },
    "expired_credentials": {
        "en": "Your AWS credentials have expired ({detail}). Get fresh credentials "
              "(or sign in again) and retry.",
        "ja": "AWS の認証情報の有効期限が切れています ({detail})。新しい認証情報を取得"
              "（または再サインイン）してからやり直してください。",
    },
    "invalid_credentials": {
        "en": "AWS did not accept the credentials{where} ({detail}). Check the access key "
              "and secret, or whether the region is enabled for your account.",
        "ja": "AWS が認証情報を受け付けませんでした{where} ({detail})。アクセスキーとシークレット、"
              "またはリージョンがアカウントで有効かを確認してください。",
    },
    "access_denied": {
        "en": "Permission denied: {operation}{where} was refused ({detail}). Ask your "
              "administrator to allow {operation} for your identity, then retry.",
        "ja": "権限がありません: {operation}{where} が拒否されました ({detail})。"
              "管理者に {operation} の許可を依頼してからやり直してください。",
    },
    "region_not_enabled": {
        "en": "The region {region} is not enabled for this account. Enable it in the AWS "
              "console (Account → AWS Regions) or remove it from the settings.",
        "ja": "リージョン {region} はこのアカウントで有効になっていません。AWS コンソール"
              "（アカウント → AWS リージョン）で有効にするか、設定から外してください。",
    },
    "throttled": {
        "en": "AWS kept throttling {operation}{where} even after retries. Wait a minute "
              "and try again.",
        "ja": "{operation}{where} が再試行後もスロットリングされました。"
              "1 分ほど待ってからもう一度お試しください。",
    },
    "quota": {
        "en": "An AWS quota was reached on {operation}{where} ({detail}). Remove unused "
              "resources or request a quota increase, then retry.",
        "ja": "{operation}{where} で AWS のクォータに達しました ({detail})。"
              "不要なリソースを削除するか上限緩和を申請してからやり直してください。",
    },
    "not_found": {
        "en": "AWS could not find what {operation}{where} asked for ({detail}). It may have "
              "been deleted meanwhile; refresh and try again.",
        "ja": "{operation}{where} の対象が見つかりません ({detail})。別の操作で削除された"
              "可能性があります。更新してからやり直してください。",
    },
    "invalid_parameter": {
        "en": "AWS rejected {operation}{where}: {detail}. Check the settings; if they look "
              "right, please report this.",
        "ja": "AWS が {operation}{where} を拒否しました: {detail}。設定を確認し、"
              "問題がなければ不具合として報告してください。",
    },
    "kms": {
        "en": "The KMS key of the topic{where} cannot be used ({detail}). Its key policy must "
              "let events.amazonaws.com use kms:GenerateDataKey* and kms:Decrypt.",
        "ja": "トピックの KMS キー{where}を使用できません ({detail})。キーポリシーで "
              "events.amazonaws.com に kms:GenerateDataKey* と kms:Decrypt を許可してください。",
    },
    "unreachable": {
        "en": "Could not reach AWS{where} ({detail}). Check your network or proxy and "
              "try again.",
        "ja": "AWS{where}に接続できませんでした ({detail})。ネットワークやプロキシを確認して"
              "もう一度お試しください。",
    },
    "no_region": {
        "en": "No AWS region is set. Choose at least one region.",
        "ja": "AWS リージョンが指定されていません。リージョンを 1 つ以上選んでください。",
    },
    "conflict": {
        "en": "{detail}{where} already exists but was not made by this ChangeWatch setup. "
              "Rename or remove it yourself; ChangeWatch never changes what it did not create.",
        "ja": "{detail}{where}は既に存在しますが、この ChangeWatch の設定で作られたものでは"
              "ありません。名前を変えるか手動で削除してください。ChangeWatch は自分が作っていない"
              "リソースを変更しません。",
    },
    "cancelled": {
        "en": "Cancelled. What was done so far is kept and tagged; run the same step again "
              "to finish it, or remove everything.",
        "ja": "キャンセルしました。ここまでに作成したものはタグ付きで残っています。"
              "同じ操作をもう一度実行すると続きから完了します。すべて削除することもできます。",
    },
    "keyring_unavailable": {
        "en": "No system keyring is available, so the access keys are used for this run only "
              "and are not saved anywhere.",
        "ja": "システムのキーリングが使えないため、アクセスキーは今回の実行中だけ使われ、"
              "どこにも保存されません。",
    },
    "iam_refused": {
        "en": "Permission denied: {operation} was refused ({detail}). One inbox and rich "
              "emails need an IAM role (iam:CreateRole, iam:PutRolePolicy, iam:PassRole). Ask "
              "for those permissions, or choose delivery \"per-region\" with simple "
              "notifications, which needs no role.",
        "ja": "権限がありません: {operation} が拒否されました ({detail})。1 つの受信箱への集約と"
              "詳しい通知には IAM ロールが必要です（iam:CreateRole、iam:PutRolePolicy、"
              "iam:PassRole）。これらの権限を依頼するか、ロールが不要な「リージョンごと」の配信と"
              "シンプルな通知を選んでください。",
    },
    "aws_failed": {
        "en": "AWS returned an error on {operation}{where}: {detail}. Try again; if it keeps "
              "failing, check the AWS Health Dashboard.",
        "ja": "{operation}{where} で AWS がエラーを返しました: {detail}。もう一度お試しください。"
              "繰り返す場合は AWS Health Dashboard を確認してください。",
    },
    "bad_aws_config": {
        "en": "The AWS configuration cannot be used: {detail}. Fix the AWS config file or the "
              "AWS_* environment variable named, then try again.",
        "ja": "AWS の設定を使えません: {detail}。AWS の設定ファイルか、示された AWS_* 環境変数を"
              "修正してからもう一度お試しください。",
    },
    "mfa_needs_terminal": {
        "en": "The AWS profile {profile} needs an MFA code ({detail}), and there is no terminal "
              "to type it in. Run the command in a terminal, or use credentials that need no "
              "MFA code.",
        "ja": "AWS プロファイル {profile} には MFA コードが必要です ({detail}) が、入力できる"
              "端末がありません。端末から実行するか、MFA コードの要らない認証情報を"
              "使ってください。",
    },
    "proxy_unreachable": {
        "en": "Could not reach the proxy {detail}. Check HTTPS_PROXY / HTTP_PROXY (or unset "
              "them) and try again.",
        "ja": "プロキシ {detail} に接続できませんでした。HTTPS_PROXY / HTTP_PROXY を確認するか"
              "解除してから、もう一度お試しください。",
    },
    "bad_response": {
        "en": "The answer to {operation}{where} was not an AWS response ({detail}): a proxy, "
              "firewall or captive portal may be in the way. Check the network and "
              "AWS_ENDPOINT_URL, then try again.",
        "ja": "{operation}{where} への応答が AWS の応答ではありませんでした（{detail}）。"
              "プロキシ・ファイアウォール・ログインページが間にある可能性があります。"
              "ネットワークと AWS_ENDPOINT_URL を確認してからもう一度お試しください。",
    },
    "unexpected": {
        "en": "Something unexpected went wrong{where}: {detail}. Details are in the log file.",
        "ja": "予期しないエラーが発生しました{where}: {detail}。詳細はログファイルにあります。",
    },
    "config_off": {
        "en": "AWS Config is not recording in {region}, so the compliance rules could never "
              "evaluate there; turning it on records every change to {detail} as a "
              "configuration item, which AWS bills per item recorded (and per rule "
              "evaluation), so ChangeWatch does it only if you confirm with enable_config = "
              "true, --enable-config, or the “Turn on AWS Config” checkbox.",
        "ja": "{region} では AWS Config が記録していないため、コンプライアンスルールが評価"
              "されません。有効にすると {detail} の変更がすべて設定項目として記録され、AWS は"
              "記録した設定項目ごと（とルールの評価ごと）に課金するため、ChangeWatch は "
              "enable_config = true、--enable-config、または「AWS Config を有効にする」の"
              "チェックで確認された場合にだけ有効にします。",
    },
    "config_not_ready": {
        "en": "AWS Config in {region} has a recorder ChangeWatch did not make that {detail}, "
              "so the compliance rules would not evaluate; fix that recorder in the AWS Config "
              "console (ChangeWatch never changes a recorder it did not make) and run again.",
        "ja": "{region} の AWS Config には ChangeWatch が作成していないレコーダーがあり、"
              "{detail}ため、コンプライアンスルールが評価されません。AWS Config コンソールで"
              "そのレコーダーを直してからもう一度実行してください（ChangeWatch は自分で作って"
              "いないレコーダーを変更しません）。",
    },
    "export_failed": {
        "en": "Could not write the templates ({detail}). Choose a folder you can write to and "
              "export again.",
        "ja": "テンプレートを書き出せませんでした ({detail})。書き込めるフォルダーを選んで"
              "もう一度書き出してください。",
    },
    "not_in_organization": {
        "en": "Organization mode needs the management account of an AWS Organization (or a "
              "delegated StackSets administrator) with all features and trusted access for "
              "StackSets on ({detail}). Run it with such a profile, or use apply per account.",
        "ja": "組織モードには、すべての機能が有効で StackSets の信頼されたアクセスがオンの AWS "
              "Organizations の管理アカウント (または StackSets の委任管理者) が必要です "
              "({detail})。そのプロファイルで実行するか、アカウントごとに apply を使ってください。",
    },
}

# AWS Organizations and the SCP (aws/organizations.py).
MESSAGES.update({
    "org_not_in_use": {
        "en": "This account is not in an AWS Organization, so there is nowhere to attach an "
              "SCP. Use a profile of your organization's management account, or keep "
              "ChangeWatch's alerts as the guard.",
        "ja": "このアカウントは AWS Organizations に属していないため、SCP を適用する先が"
              "ありません。組織の管理アカウントのプロファイルを使うか、ChangeWatch の通知で"
              "見張ってください。",
    },
    "not_org_admin": {
        "en": "The account {detail} is neither the organization's management account nor a "
              "delegated policy administrator, so it cannot create or attach SCPs; use a "
              "profile of the management account.",
        "ja": "アカウント {detail} は組織の管理アカウントでも委任されたポリシー管理者でも"
              "ないため、SCP を作成・適用できません。管理アカウントのプロファイルを"
              "使ってください。",
    },
    "scp_not_enabled": {
        "en": "Service control policies are not enabled on the root {detail}; enable them in "
              "the AWS Organizations console (Policies → Service control policies) or with "
              "`aws organizations enable-policy-type --root-id {detail} --policy-type "
              "SERVICE_CONTROL_POLICY`, then try again.",
        "ja": "ルート {detail} でサービスコントロールポリシーが有効になっていません。"
              "AWS Organizations コンソール（ポリシー → サービスコントロールポリシー）か "
              "`aws organizations enable-policy-type --root-id {detail} --policy-type "
              "SERVICE_CONTROL_POLICY` で有効にしてからもう一度お試しください。",
    },
    "scp_already_attached": {
        "en": "The SCP is already attached there ({detail}); nothing needed to change.",
        "ja": "SCP は既にそこに適用されています ({detail})。変更は不要でした。",
    },
    "scp_target_not_found": {
        "en": "This organization has no root, OU or account {detail}; `changewatch scp targets` "
              "lists them.",
        "ja": "この組織には {detail} というルート・OU・アカウントはありません。"
              "`changewatch scp targets` で一覧できます。",
    },
    "not_confirmed": {
        "en": "Nothing was changed: creating, changing, attaching or detaching an SCP needs "
              "an explicit confirmation (--yes, or OK in the dialog).",
        "ja": "何も変更していません。SCP の作成・変更・適用・解除には明示的な確認"
              "（--yes またはダイアログの OK）が必要です。",
    },
})


def describe(error: ChangeWatchError, lang: str = "en") -> str:
    """One sentence (or two) for the user: what happened and what to do."""
    table = MESSAGES.get(error.kind, MESSAGES[ErrorKind.UNEXPECTED])
    template = table.get(lang, table["en"])
    if error.region:
        where = f" in {error.region}" if lang == "en" else f"（{error.region}）"
    else:
        where = ""
    detail = word(error.reason, error.params, lang) if error.reason else error.detail
    return template.format(
        detail=mask_secrets(detail) or "-",
        operation=error.operation or "the request",
        region=error.region or "-",
        profile=error.profile or "default",
        where=where,
    )

# Organization mode: the central account already has the one-account setup of that id.
MESSAGES.update({
    "org_name_taken": {
        "en": "The central account already has ChangeWatch {detail} set up with apply (its "
              "topic, rules and roles have the names the central stack needs), so nothing was "
              "deployed. Remove that setup first (`changewatch remove`), or give the "
              "organization its own deployment id in another settings file.",
        "ja": "中央アカウントには apply で設定した ChangeWatch {detail} が既にあり (そのトピック、"
              "ルール、ロールの名前を中央スタックが使います)、何も展開していません。先にその設定を"
              "削除する (`changewatch remove`) か、別の設定ファイルで組織用に別のデプロイ ID を"
              "付けてください。",
    },
})
