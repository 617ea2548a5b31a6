"""The deploy guide written beside the templates, and the summary the CLI and GUI show:
which template in which region, in which order, and which must go through S3."""

from __future__ import annotations

from aws.export.compliance import RECORDER_PARAMETER
from aws.export.templates import CAPABILITIES, DIRECT_UPLOAD_LIMIT, Kind, Template

GUIDE_NAME = "DEPLOY.md"
_WORDS = {
    "en": {
        "title": "# ChangeWatch {dep}: CloudFormation templates",
        "intro": "Each template is for one region: create its stack in that region (a rule "
                 "in the template refuses any other). Stacks in order:",
        "home": "first: the notification, its roles and the rules of {region}",
        "forward": "after the first: rules forwarding to {home}",
        "regional": "any order: {region} notifies on its own",
        "regional_roles": "first: {region} notifies on its own and holds the account's roles",
        "s3": "{size:,} bytes: over the {limit:,}-byte limit of a direct upload; add "
              "`--s3-bucket <a bucket of yours in {region}>` (deploy uploads it there).",
        "confirm": "Then confirm the subscription from the email AWS sends to {email}.",
        "params": "Parameters (defaults are the settings'): {names}.",
        "wrote": "Wrote {count} templates and {guide} to {folder}:",
        "line": "  {file}  {region}  {size:,} bytes{s3}",
        "needs_s3": "  (over {limit:,} bytes: deploy it through S3, see {guide})",
        "roles_first": "It holds the remediation role the other regions' Config remediation "
                       "uses: deploy it first.",
        "config": "AWS Config rules: {names}, with their remediation configuration. They "
                  "evaluate only where AWS Config records in {region}. CloudFormation's Config "
                  "rules carry no tags (apply's do); they are named after the deployment.",
        "recorder": "`CreateConfigRecorder` (default false): a template cannot know whether "
                    "AWS Config is already on in the account. Set it to true only where Config "
                    "is off in {region}: the stack then makes the recorder (only the rules' "
                    "resource types; Config bills per item recorded), its delivery channel and "
                    "a private, encrypted, tagged bucket. The recorder uses the service-linked "
                    "role AWSServiceRoleForConfig; if the account has none yet, make it once: "
                    "`aws iam create-service-linked-role --aws-service-name "
                    "config.amazonaws.com`.",
    },
    "ja": {
        "title": "# ChangeWatch {dep}: CloudFormation テンプレート",
        "intro": "テンプレートはそれぞれ 1 つのリージョン用です。そのリージョンにスタックを作成して"
                 "ください (他のリージョンではテンプレートのルールが作成を拒否します)。順序:",
        "home": "最初に: 通知・ロール・{region} のルール",
        "forward": "最初のスタックの後: {home} へ転送するルール",
        "regional": "順不同: {region} が単独で通知します",
        "regional_roles": "最初に: {region} が単独で通知し、アカウントのロールを持ちます",
        "s3": "{size:,} バイト: 直接アップロードの上限 {limit:,} バイトを超えています。"
              "`--s3-bucket <{region} にあるご自身のバケット>` を付けてください "
              "(deploy がそこへアップロードします)。",
        "confirm": "その後、AWS から {email} に届くメールで購読を確認してください。",
        "params": "パラメータ (既定値は設定の値): {names}。",
        "wrote": "{folder} に {count} 個のテンプレートと {guide} を書き出しました:",
        "line": "  {file}  {region}  {size:,} バイト{s3}",
        "needs_s3": "  (上限 {limit:,} バイト超: S3 経由でデプロイしてください。{guide} 参照)",
        "roles_first": "他のリージョンの Config 修復が使う修復ロールを含みます。最初にデプロイして"
                       "ください。",
        "config": "AWS Config ルール: {names} (修復設定付き)。{region} で AWS Config が記録して"
                  "いる場合のみ評価されます。CloudFormation の Config ルールにはタグを付けられ"
                  "ません (apply のものには付きます)。名前にデプロイ ID が入ります。",
        "recorder": "`CreateConfigRecorder` (既定 false): テンプレートからはアカウントで AWS "
                    "Config が既に有効かどうか分かりません。{region} で Config が無効な場合のみ "
                    "true にしてください。スタックがレコーダー (ルールのリソースタイプのみ。"
                    "Config は記録した項目ごとに課金されます)・配信チャネル・非公開で暗号化され"
                    "タグ付きのバケットを作成します。レコーダーはサービスにリンクされたロール "
                    "AWSServiceRoleForConfig を使います。アカウントにまだ無い場合は一度だけ作成"
                    "してください: `aws iam create-service-linked-role --aws-service-name "
                    "config.amazonaws.com`。",
    },
}


def _words(lang: str) -> dict[str, str]:
    return _WORDS.get(lang, _WORDS["en"])


def _has_roles(template: Template) -> bool:
    return any(r["Type"] == "AWS::IAM::Role" for r in template.body["Resources"].values())


def _compliance_lines(template: Template, w: dict[str, str]) -> list[str]:
    """What the guide says of a template's AWS Config part (nothing when it has none)."""
    found = template.body["Resources"].values()
    rules = [r["Properties"]["ConfigRuleName"] for r in found
             if r["Type"] == "AWS::Config::ConfigRule"]
    lines = []
    if template.kind == Kind.REGIONAL and _has_roles(template):
        lines += [w["roles_first"], ""]
    if rules:
        lines += [w["config"].format(names=", ".join(rules), region=template.region), ""]
    if RECORDER_PARAMETER in template.parameters:
        lines += [w["recorder"].format(region=template.region), ""]
    return lines


def _command(template: Template) -> str:
    params = " ".join(f"{k}={v}" for k, v in template.parameters.items())
    lines = [f"aws cloudformation deploy --region {template.region} \\",
             f"  --stack-name {template.stack_name} --template-file {template.file_name}"]
    if any(r["Type"].startswith("AWS::IAM::") for r in template.body["Resources"].values()):
        lines[-1] += " \\"
        lines.append(f"  --capabilities {' '.join(CAPABILITIES)}")
    if params:
        lines[-1] += " \\"
        lines.append(f"  --parameter-overrides {params}")
    return "\n".join(lines)


def guide(templates: tuple[Template, ...], deployment: str, email: str, lang: str) -> str:
    """DEPLOY.md: the order, one `aws cloudformation deploy` per template, the S3 note."""
    w = _words(lang)
    home = next((t.region for t in templates if t.kind == Kind.HOME), "")
    lines = [w["title"].format(dep=deployment), "", w["intro"], ""]
    for number, template in enumerate(templates, 1):
        kind = template.kind.value
        if template.kind == Kind.REGIONAL and _has_roles(template):
            kind = "regional_roles"  # IAM names are account-wide: one template holds the roles
        what = w[kind].format(region=template.region, home=home)
        lines += [f"{number}. `{template.file_name}` ({template.region}): {what}", "",
                  "```", _command(template), "```", ""]
        if template.needs_s3:
            lines += [w["s3"].format(size=template.size, limit=DIRECT_UPLOAD_LIMIT,
                                     region=template.region), ""]
        names = ", ".join(template.parameters)
        if names:
            lines += [w["params"].format(names=names), ""]
        lines += _compliance_lines(template, w)
    lines.append(w["confirm"].format(email=email))
    return "\n".join(lines) + "\n"


def summary(templates: tuple[Template, ...], folder: str, lang: str) -> list[str]:
    """What was written, one line per template, with the S3 warning where it applies."""
    w = _words(lang)
    lines = [w["wrote"].format(count=len(templates), guide=GUIDE_NAME, folder=folder)]
    for template in templates:
        s3 = w["needs_s3"].format(limit=DIRECT_UPLOAD_LIMIT, guide=GUIDE_NAME) \
            if template.needs_s3 else ""
        lines.append(w["line"].format(file=template.file_name, region=template.region,
                                      size=template.size, s3=s3))
    return lines
