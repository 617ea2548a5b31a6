<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AccountPage</name>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="111"/>
        <source>AWS account and regions</source>
        <translation>AWS アカウントとリージョン</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="112"/>
        <source>Choose how ChangeWatch signs in to AWS, check whose account it is, and pick the regions to watch.</source>
        <translation>ChangeWatch の AWS へのサインイン方法を選んでアカウントを確認し、監視するリージョンを指定します。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="114"/>
        <source>Sign-in</source>
        <translation>サインイン</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="115"/>
        <source>Regions</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="116"/>
        <source>&amp;Credentials:</source>
        <translation>認証情報(&amp;C):</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="117"/>
        <source>Account:</source>
        <translation>アカウント:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="118"/>
        <source>Caller ARN:</source>
        <translation>呼び出し元 ARN:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="119"/>
        <source>C&amp;heck</source>
        <translation>確認(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="121"/>
        <source>Check asks AWS who these credentials belong to (STS GetCallerIdentity) and which regions the account has enabled (EC2 DescribeRegions). Nothing in your account changes before the last step, Create.

SSO profiles need a current sign-in (`aws sso login`). Typed access keys are kept only in your system keyring.</source>
        <translation>「確認」を押すと、この認証情報がどのアカウントのものか (STS GetCallerIdentity) と、アカウントで有効なリージョン (EC2 DescribeRegions) を AWS に問い合わせます。最後の手順「作成」までは、アカウント内のものは何も変更されません。

SSO プロファイルには有効なサインイン (`aws sso login`) が必要です。入力したアクセスキーはシステムのキーリングにのみ保存されます。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="125"/>
        <source>Ask AWS (STS GetCallerIdentity) who these credentials belong to</source>
        <translation>この認証情報がどのアカウントのものかを AWS に問い合わせます (STS GetCallerIdentity)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="165"/>
        <source>SSO</source>
        <translation>SSO</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="165"/>
        <source>assume role</source>
        <translation>ロールの引き受け</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="166"/>
        <source>access keys</source>
        <translation>アクセスキー</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="166"/>
        <source>credential process</source>
        <translation>認証情報プロセス</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="168"/>
        <source>Default credentials</source>
        <translation>デフォルトの認証情報</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="171"/>
        <source>(not in your AWS config files)</source>
        <translation>(AWS 設定ファイルにありません)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="180"/>
        <source>Reading your AWS profiles…</source>
        <translation>AWS プロファイルを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="187"/>
        <source>Chosen by the AWS_PROFILE environment variable.</source>
        <translation>環境変数 AWS_PROFILE で選択されています。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="191"/>
        <source>As the AWS CLI finds them: environment variables, then the default profile, then an instance or container role.</source>
        <translation>AWS CLI と同じ順に探します: 環境変数、デフォルトプロファイル、インスタンスまたはコンテナのロールの順です。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="193"/>
        <source>Enter access keys…</source>
        <translation>アクセスキーを入力…</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="217"/>
        <source>Enter the access key ID and the secret access key first.</source>
        <translation>先にアクセスキー ID とシークレットアクセスキーを入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="222"/>
        <source>Checking with AWS…</source>
        <translation>AWS に問い合わせています…</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="273"/>
        <source>Signed in. The account&apos;s regions could not be listed, so opt-in status is unknown: </source>
        <translation>サインインしました。アカウントのリージョンを一覧できなかったため、オプトインの状態は不明です: </translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="277"/>
        <source>Signed in to account {account}.</source>
        <translation>アカウント {account} にサインインしました。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="287"/>
        <source>Click Check to confirm the account before going on.</source>
        <translation>先に進む前に「確認」をクリックして、アカウントを確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/account_page.py" line="289"/>
        <source>Choose at least one region to watch.</source>
        <translation>監視するリージョンを 1 つ以上選んでください。</translation>
    </message>
</context>
<context>
    <name>ApiTree</name>
    <message>
        <location filename="../../gui/wizard/api_tree.py" line="51"/>
        <source>What to watch</source>
        <translation>監視対象</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/api_tree.py" line="51"/>
        <source>Where its rule lives</source>
        <translation>ルールの作成先</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/api_tree.py" line="61"/>
        <source>Watches the events of CIS control {cis}. Security Hub checks that control with CloudWatch metric filters, so this rule does not make it pass.</source>
        <translation>CIS コントロール {cis} と同じイベントを監視します。Security Hub はこのコントロールを CloudWatch のメトリクスフィルターで評価するため、このルールでコントロールが合格にはなりません。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/api_tree.py" line="75"/>
        <source>us-east-1 only</source>
        <translation>us-east-1 のみ</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/api_tree.py" line="77"/>
        <source>us-east-1 + each chosen region</source>
        <translation>us-east-1 + 選択した各リージョン</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/api_tree.py" line="78"/>
        <source>each chosen region</source>
        <translation>選択した各リージョン</translation>
    </message>
</context>
<context>
    <name>ApisPage</name>
    <message>
        <location filename="../../gui/wizard/apis_page.py" line="76"/>
        <source>What to watch</source>
        <translation>監視対象</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/apis_page.py" line="77"/>
        <source>Pick whole groups or single APIs. Each group becomes one EventBridge rule per region.</source>
        <translation>グループ単位でも API 単位でも選べます。各グループはリージョンごとに 1 つの EventBridge ルールになります。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/apis_page.py" line="81"/>
        <source>&amp;Everything</source>
        <translation>すべて選択(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/apis_page.py" line="82"/>
        <source>&amp;Nothing</source>
        <translation>すべて解除(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/apis_page.py" line="83"/>
        <source>Filter, e.g. SecurityGroup or policy</source>
        <translation>絞り込み (例: SecurityGroup、ポリシー)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/apis_page.py" line="84"/>
        <source>Filter APIs</source>
        <translation>API を絞り込み</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/apis_page.py" line="112"/>
        <source>{apis} API(s) in {groups} group(s) chosen.</source>
        <translation>{groups} グループの {apis} 個の API を選択しています。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/apis_page.py" line="119"/>
        <source>Global and sign-in events are recorded in us-east-1, so the rules for {names} are created there (with a topic), even if you do not choose us-east-1.</source>
        <translation>グローバルなイベントとサインインイベントは us-east-1 に記録されるため、{names} のルールは us-east-1 を選択していなくても、そこに (トピックとともに) 作成されます。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/apis_page.py" line="124"/>
        <source>Choose at least one API to watch.</source>
        <translation>監視する API を 1 つ以上選んでください。</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../gui/eventlog/compare.py" line="58"/>
        <source>Compare events</source>
        <translation>イベントの比較</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/compare.py" line="60"/>
        <source>Fields that differ: %1</source>
        <translation>異なるフィールド: %1</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/compare.py" line="61"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
</context>
<context>
    <name>ComplianceBox</name>
    <message>
        <location filename="../../gui/wizard/compliance_box.py" line="33"/>
        <source>AWS Config rules (prevent and fix, not only detect)</source>
        <translation>AWS Config ルール（検知だけでなく防止・修復）</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/compliance_box.py" line="38"/>
        <source>Fix automatically (remediation runs when a resource becomes non-compliant)</source>
        <translation>自動で修復する（リソースが非準拠になると修復アクションを実行）</translation>
    </message>
</context>
<context>
    <name>ComplianceTab</name>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="58"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="59"/>
        <source>Region / resource</source>
        <translation>リージョン / リソース</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="59"/>
        <source>Config rule</source>
        <translation>Config ルール</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="60"/>
        <source>Evaluation</source>
        <translation>評価</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="60"/>
        <source>Remediation</source>
        <translation>修復</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="78"/>
        <source>Compliant</source>
        <translation>準拠</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="78"/>
        <source>Non-compliant</source>
        <translation>非準拠</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="79"/>
        <source>Not applicable</source>
        <translation>対象外</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="80"/>
        <source>Not yet evaluated</source>
        <translation>未評価</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="81"/>
        <source>Succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="81"/>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="82"/>
        <source>Queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="82"/>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="89"/>
        <source>AWS Config is not recording: the rules cannot evaluate here</source>
        <translation>AWS Config が記録していないため、ここではルールを評価できません</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="90"/>
        <source>AWS Config recording · {bad} non-compliant, {good} compliant</source>
        <translation>AWS Config 記録中 · 非準拠 {bad} 件、準拠 {good} 件</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="98"/>
        <source>No AWS Config rule is chosen. Choose “restricted-ssh” in Change setup… to have open SSH flagged and closed.</source>
        <translation>AWS Config ルールが選ばれていません。「セットアップを変更…」で “restricted-ssh” を選ぶと、開放された SSH を検出して閉じます。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/compliance_tab.py" line="103"/>
        <source>{bad} non-compliant resource(s) in {n} region(s). Rules: {rules}.</source>
        <translation>{n} リージョンで非準拠のリソースが {bad} 件。ルール: {rules}。</translation>
    </message>
</context>
<context>
    <name>CrashHandler</name>
    <message>
        <location filename="../../gui/app.py" line="82"/>
        <source>Something went wrong inside ChangeWatch: {error}

Nothing in AWS was changed by this error. Details were written to:
{path}</source>
        <translation>ChangeWatch の内部で問題が発生しました: {error}

このエラーによって AWS 上のものは何も変更されていません。詳細は次のファイルに書き出しました:
{path}</translation>
    </message>
</context>
<context>
    <name>CreatePage</name>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="74"/>
        <source>Creating</source>
        <translation>作成中</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="75"/>
        <source>Regions are set up in parallel. Cancelling stops between two calls; whatever exists is tagged and Retry finishes the job.</source>
        <translation>並行して作成します。キャンセルは呼び出しの合間で止まり、作成済みのものはタグ付きで残り、「再試行」で続行できます。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="77"/>
        <source>Open &amp;dashboard</source>
        <translation>ダッシュボードを開く(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="78"/>
        <source>&amp;Cancel creating</source>
        <translation>作成をキャンセル(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="79"/>
        <source>&amp;Retry</source>
        <translation>再試行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="80"/>
        <source>&amp;Log of AWS calls:</source>
        <translation>AWS 呼び出しのログ(&amp;L):</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="132"/>
        <source>Nothing to change: AWS already matches.</source>
        <translation>変更はありません: AWS は既に設定どおりです。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="137"/>
        <source>— Planned again —</source>
        <translation>— 計画し直しました —</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="167"/>
        <source>✓ done</source>
        <translation>✓ 完了</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="169"/>
        <source>✗ stopped</source>
        <translation>✗ 停止</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="197"/>
        <source>Creating… you can cancel at any time.</source>
        <translation>作成しています… いつでもキャンセルできます。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="200"/>
        <source>Retry plans again and finishes what is missing.</source>
        <translation>「再試行」で計画し直し、足りないものを作成します。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="203"/>
        <source>Done.</source>
        <translation>完了しました。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="211"/>
        <source>Cancelling after the calls in progress…</source>
        <translation>実行中の呼び出しが終わりしだいキャンセルします…</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/create_page.py" line="214"/>
        <source>— Retrying —</source>
        <translation>— 再試行します —</translation>
    </message>
</context>
<context>
    <name>DashboardWindow</name>
    <message>
        <location filename="../../gui/dashboard/window.py" line="74"/>
        <source>ChangeWatch</source>
        <translation>ChangeWatch</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/window.py" line="75"/>
        <source>Status</source>
        <translation>ステータス</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/window.py" line="76"/>
        <source>Recent events</source>
        <translation>最近のイベント</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/window.py" line="77"/>
        <source>Compliance</source>
        <translation>コンプライアンス</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/window.py" line="78"/>
        <source>&amp;Deployment</source>
        <translation>デプロイ(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/window.py" line="79"/>
        <source>Change setup…</source>
        <translation>セットアップを変更…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/window.py" line="80"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/window.py" line="81"/>
        <source>Remove everything…</source>
        <translation>すべて削除…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/window.py" line="82"/>
        <source>Verify end to end…</source>
        <translation>エンドツーエンドで確認…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/window.py" line="83"/>
        <source>Guard with an SCP…</source>
        <translation>SCP で保護…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/window.py" line="84"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/window.py" line="85"/>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/window.py" line="86"/>
        <source>Export as CloudFormation…</source>
        <translation>CloudFormation としてエクスポート…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/window.py" line="87"/>
        <source>Organization (StackSets)…</source>
        <translation>組織 (StackSets)…</translation>
    </message>
</context>
<context>
    <name>DeliveryBox</name>
    <message>
        <location filename="../../gui/wizard/delivery_box.py" line="83"/>
        <source>How notifications travel</source>
        <translation>通知の届け方</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/delivery_box.py" line="84"/>
        <source>Inbox:</source>
        <translation>受信箱:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/delivery_box.py" line="85"/>
        <source>Home region:</source>
        <translation>ホームリージョン:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/delivery_box.py" line="86"/>
        <source>Emails:</source>
        <translation>メール:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/delivery_box.py" line="87"/>
        <source>Time zone:</source>
        <translation>タイムゾーン:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/delivery_box.py" line="88"/>
        <source>One inbox for every region (one confirmation email)</source>
        <translation>すべてのリージョンを 1 つの受信箱に（確認メールは 1 通）</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/delivery_box.py" line="89"/>
        <source>One topic per region (no IAM role needed)</source>
        <translation>リージョンごとにトピック（IAM ロール不要）</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/delivery_box.py" line="90"/>
        <source>Rich: a subject per event, the change in words</source>
        <translation>リッチ: イベントごとの件名と、変更内容の説明</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/delivery_box.py" line="91"/>
        <source>Simple: SNS&apos;s fixed subject, text from EventBridge</source>
        <translation>シンプル: SNS の固定の件名と EventBridge のテキスト</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/delivery_box.py" line="92"/>
        <source>A Step Functions Express workflow formats each email (no Lambda). It needs two IAM roles.</source>
        <translation>Step Functions の Express ワークフローが各メールを整形します（Lambda は使いません）。IAM ロールが 2 つ必要です。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/delivery_box.py" line="129"/>
        <source>“%1” is not a time zone name like Asia/Tokyo.</source>
        <translation>「%1」は Asia/Tokyo のようなタイムゾーン名ではありません。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/delivery_box.py" line="133"/>
        <source>Every region sends its events to %1, where one topic mails you: one confirmation email. ChangeWatch creates an IAM role that may only forward events there.</source>
        <translation>すべてのリージョンがイベントを %1 に送り、そこの 1 つのトピックがメールします。確認メールは 1 通です。ChangeWatch は、そこへのイベント転送だけを許可された IAM ロールを作成します。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/wizard/delivery_box.py" line="138"/>
        <source>Each region has its own topic: AWS sends one confirmation email per region (%n), and each must be confirmed.</source>
        <translation>
            <numerusform>リージョンごとにトピックを作成します。AWS はリージョンごとに確認メールを送ります（%n 通）。すべて確認が必要です。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <location filename="../../gui/demo.py" line="122"/>
        <source>Sandbox: everything here runs against a local AWS on this computer. No AWS account is used and nothing is sent anywhere.</source>
        <translation>サンドボックス: ここでの操作はすべて、このコンピューター上のローカルの AWS に対して行われます。AWS アカウントは使わず、どこにも何も送信されません。</translation>
    </message>
    <message>
        <location filename="../../gui/demo.py" line="129"/>
        <source>Simulate a change</source>
        <translation>変更をシミュレート</translation>
    </message>
    <message>
        <location filename="../../gui/demo.py" line="130"/>
        <source>Made by a pipeline role (to try an exception)</source>
        <translation>パイプラインのロールによる変更（例外を試す）</translation>
    </message>
    <message>
        <location filename="../../gui/demo.py" line="132"/>
        <source>The change is made by the role terraform-deployer, as a deployment pipeline would: add an exception for it to see that no email is sent.</source>
        <translation>変更はデプロイパイプラインと同じように、ロール terraform-deployer が行います。このロールの例外を追加すると、メールが送られないことを確認できます。</translation>
    </message>
    <message>
        <location filename="../../gui/demo.py" line="134"/>
        <source>Open the confirmation link</source>
        <translation>確認リンクを開く</translation>
    </message>
    <message>
        <location filename="../../gui/demo.py" line="135"/>
        <source>Demo inbox (what the email says):</source>
        <translation>デモ受信トレイ (メールの文面):</translation>
    </message>
    <message>
        <location filename="../../gui/demo.py" line="156"/>
        <source>Making the change in the sandbox…</source>
        <translation>サンドボックスで変更を行っています…</translation>
    </message>
    <message>
        <location filename="../../gui/demo.py" line="172"/>
        <source>Done: {n} notification(s) arrived. CloudTrail lists the event a few seconds later, so it appears in Recent events after the next refresh.</source>
        <translation>完了: 通知が {n} 件届きました。CloudTrail にイベントが載るのは数秒後なので、「最近のイベント」には次回の更新後に表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/demo.py" line="176"/>
        <source>Done, and no email was sent: an exception covers the pipeline role, or no rule watches this change. Recent events lists it, marked “excepted” if an exception covers it.</source>
        <translation>完了しました。メールは送信されていません。例外がパイプラインロールを対象にしているか、この変更を監視するルールがありません。最近のイベントには表示され、例外の対象なら「除外」と表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/demo.py" line="180"/>
        <source>Done, but no rule watches this change, so no email was sent. Add its group in Change setup… to be told next time.</source>
        <translation>完了しましたが、この変更を監視するルールがないため、メールは送信されませんでした。次回から通知を受けるには、「セットアップを変更…」でこのグループを追加してください。</translation>
    </message>
    <message>
        <location filename="../../gui/demo.py" line="215"/>
        <source>Subscription confirmed: notifications now reach the inbox.</source>
        <translation>サブスクリプションを確認しました。これから通知が受信箱に届きます。</translation>
    </message>
    <message>
        <location filename="../../gui/demo.py" line="216"/>
        <source>This link was used already or has expired.</source>
        <translation>このリンクは使用済みか、有効期限が切れています。</translation>
    </message>
    <message>
        <location filename="../../gui/demo.py" line="138"/>
        <source>Sandbox</source>
        <translation>サンドボックス</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../gui/eventlog/detail.py" line="45"/>
        <source>Select an event to see its details.</source>
        <translation>イベントを選択すると、詳細が表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/detail.py" line="67"/>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/detail.py" line="68"/>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/detail.py" line="69"/>
        <source>Who</source>
        <translation>実行者</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/detail.py" line="70"/>
        <source>From</source>
        <translation>送信元</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/detail.py" line="71"/>
        <source>Resource</source>
        <translation>リソース</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/detail.py" line="72"/>
        <source>Event ID</source>
        <translation>イベント ID</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/detail.py" line="76"/>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/detail.py" line="81"/>
        <source>Event JSON</source>
        <translation>イベントの JSON</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/detail.py" line="87"/>
        <source>Rule %1 after this change</source>
        <translation>この変更後のルール %1</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/detail.py" line="91"/>
        <source>The state of rule %1 before this change is not in the loaded history (%2). Choose a longer window (up to 90 days) to search further back; CloudTrail keeps 90 days.</source>
        <translation>この変更前のルール %1 の状態は、読み込んだ履歴 (%2) にありません。さらに遡るには、より長い期間 (最大 90 日間) を選んでください。CloudTrail は 90 日分を保持しています。</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/detail.py" line="96"/>
        <source>Previous state of rule %1 — from the loaded history, as left by %2 at %3 (event %4)</source>
        <translation>ルール %1 の以前の状態 — 読み込んだ履歴から、%3 の %2 による変更後の状態 (イベント %4)</translation>
    </message>
</context>
<context>
    <name>EmailPage</name>
    <message>
        <location filename="../../gui/wizard/email_page.py" line="64"/>
        <source>Where to send notifications</source>
        <translation>通知の送信先</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/email_page.py" line="65"/>
        <source>Every watched change is emailed to this address, in the language and time zone you choose.</source>
        <translation>監視対象の変更はすべて、選んだ言語とタイムゾーンでこのアドレスにメールされます。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/email_page.py" line="67"/>
        <source>&amp;Email address:</source>
        <translation>メールアドレス(&amp;E):</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/email_page.py" line="68"/>
        <source>Notification language:</source>
        <translation>通知の言語:</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/email_page.py" line="69"/>
        <source>ops@example.com</source>
        <translation>ops@example.com</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/email_page.py" line="70"/>
        <source>日本語</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/email_page.py" line="71"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/email_page.py" line="73"/>
        <source>AWS sends a confirmation email to this address. Notifications start only after you click the link in it; the link expires after 48 hours.</source>
        <translation>AWS からこのアドレスに確認メールが届きます。メール内のリンクをクリックするまで通知は届きません。リンクの有効期限は 48 時間です。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/email_page.py" line="104"/>
        <source>Enter the email address that should receive the notifications.</source>
        <translation>通知を受け取るメールアドレスを入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/email_page.py" line="107"/>
        <source>✓ Looks like a valid address.</source>
        <translation>✓ 有効なアドレスです。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/email_page.py" line="110"/>
        <source>This is not a valid email address (expected something like name@example.com).</source>
        <translation>有効なメールアドレスではありません (name@example.com のような形式で入力してください)。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/email_page.py" line="112"/>
        <source>Fix the email address to go on.</source>
        <translation>先に進むには、メールアドレスを修正してください。</translation>
    </message>
</context>
<context>
    <name>EventLogTab</name>
    <message>
        <location filename="../../gui/eventlog/view.py" line="162"/>
        <source>Window:</source>
        <translation>期間:</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="163"/>
        <source>Last hour</source>
        <translation>過去 1 時間</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="163"/>
        <source>Last 24 hours</source>
        <translation>過去 24 時間</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="164"/>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="164"/>
        <source>Last 90 days</source>
        <translation>過去 90 日間</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="167"/>
        <source>Filter: event, user, IP address, resource, region, error…</source>
        <translation>絞り込み: イベント、ユーザー、IP アドレス、リソース、リージョン、エラー…</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="168"/>
        <source>Auto-refresh:</source>
        <translation>自動更新:</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="169"/>
        <source>Off</source>
        <translation>オフ</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="169"/>
        <source>Every minute</source>
        <translation>1 分ごと</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="170"/>
        <source>Every 5 minutes</source>
        <translation>5 分ごと</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="170"/>
        <source>Every 15 minutes</source>
        <translation>15 分ごと</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="172"/>
        <source>Refresh now</source>
        <translation>今すぐ更新</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="173"/>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="174"/>
        <source>Compare…</source>
        <translation>比較…</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="175"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="176"/>
        <source>Stop reading CloudTrail; the events found so far stay listed.</source>
        <translation>CloudTrail の読み取りを止めます。見つかったイベントは一覧に残ります。</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="178"/>
        <source>Load more</source>
        <translation>さらに読み込む</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="179"/>
        <source>Continue reading older events of the window from where the scan stopped.</source>
        <translation>スキャンが止まった位置から、期間内のさらに古いイベントを読み込みます。</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="280"/>
        <source>Last updated %1</source>
        <translation>最終更新 %1</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="282"/>
        <source>%1 events, %2 shown</source>
        <translation>イベント %1 件 (%2 件を表示)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/eventlog/view.py" line="285"/>
        <source>refreshing every %n minute(s)</source>
        <translation>
            <numerusform>%n 分ごとに更新</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="286"/>
        <source>auto-refresh off</source>
        <translation>自動更新オフ</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="288"/>
        <source>reading CloudTrail…</source>
        <translation>CloudTrail を読み込み中…</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="300"/>
        <source>Reading every event back from now: %1</source>
        <translation>現在から遡ってすべてのイベントを読み取り中: %1</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="308"/>
        <source>Scanned back to %1; older events of the window are not read yet.</source>
        <translation>%1 まで遡って読み取りました。期間内のそれより古いイベントはまだ読み取っていません。</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="312"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="316"/>
        <source>CSV for Excel, UTF-8 with BOM (*.csv)</source>
        <translation>Excel 用 CSV、UTF-8 BOM 付き (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="317"/>
        <source>CSV, UTF-8 without BOM (*.csv)</source>
        <translation>CSV、UTF-8 BOM なし (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="317"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="320"/>
        <source>Export events</source>
        <translation>イベントのエクスポート</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="333"/>
        <source>Select 2 to %1 events (Ctrl+click) to compare them side by side.</source>
        <translation>比較するイベントを 2～%1 件選んでください（Ctrl+クリック）。並べて表示します。</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="373"/>
        <source>Could not write %1 (%2). Choose another folder or free some space, then export again.</source>
        <translation>%1 に書き込めませんでした (%2)。別のフォルダーを選ぶか空き容量を確保してから、もう一度エクスポートしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/view.py" line="377"/>
        <source>Exported %1 events to %2</source>
        <translation>%1 件のイベントを %2 にエクスポートしました</translation>
    </message>
</context>
<context>
    <name>EventTableModel</name>
    <message>
        <location filename="../../gui/eventlog/model.py" line="66"/>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/model.py" line="66"/>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/model.py" line="66"/>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/model.py" line="66"/>
        <source>User</source>
        <translation>ユーザー</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/model.py" line="67"/>
        <source>Source IP</source>
        <translation>送信元 IP</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/model.py" line="67"/>
        <source>Resource</source>
        <translation>リソース</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/model.py" line="67"/>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/model.py" line="68"/>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/model.py" line="99"/>
        <source>%1 (excepted)</source>
        <translation>%1（除外）</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/model.py" line="121"/>
        <source>%1 UTC</source>
        <translation>%1 UTC</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/model.py" line="128"/>
        <source>Failed call: %1</source>
        <translation>失敗した呼び出し: %1</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/model.py" line="130"/>
        <source>Sensitive change: review who made it and why.</source>
        <translation>重要な変更です。誰がなぜ行ったのかを確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/model.py" line="132"/>
        <source>Excepted: no email was sent (exception for %1).</source>
        <translation>除外: メールは送信されていません（%1 の例外）。</translation>
    </message>
</context>
<context>
    <name>ExceptionsBox</name>
    <message>
        <location filename="../../gui/wizard/exceptions_box.py" line="76"/>
        <source>Exceptions: known automation that sends no email</source>
        <translation>例外: メールを送らない既知の自動化</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/exceptions_box.py" line="78"/>
        <source>Caller ARN (* for any characters) or exact source IP, e.g. arn:aws:sts::*:assumed-role/terraform-*/*</source>
        <translation>呼び出し元 ARN（* は任意の文字列）または送信元 IP そのもの。例: arn:aws:sts::*:assumed-role/terraform-*/*</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/exceptions_box.py" line="80"/>
        <source>Caller or source IP to except</source>
        <translation>除外する呼び出し元または送信元 IP</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/exceptions_box.py" line="83"/>
        <source>All groups</source>
        <translation>すべてのグループ</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/exceptions_box.py" line="88"/>
        <source>Groups the exception applies to</source>
        <translation>例外を適用するグループ</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/exceptions_box.py" line="89"/>
        <source>&amp;Add exception</source>
        <translation>例外を追加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/exceptions_box.py" line="90"/>
        <source>Re&amp;move</source>
        <translation>削除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/exceptions_box.py" line="113"/>
        <source>An excepted role or user that is stolen changes things silently: no email is sent for it. Except only automation you trust, as narrowly as you can; the event log still lists its changes, marked “excepted”.</source>
        <translation>例外にしたロールやユーザーが盗まれると、変更は気付かれずに行われます。そのメールは送られません。信頼できる自動化だけを、できるだけ狭く例外にしてください。イベントログには「除外」として引き続き表示されます。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/exceptions_box.py" line="116"/>
        <source>Changes by an excepted caller send no email; the root user&apos;s sign-in and activity can never be excepted.</source>
        <translation>例外の呼び出し元による変更はメールされません。ルートユーザーのサインインと操作は例外にできません。</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../gui/export_dialog.py" line="66"/>
        <source>Export as CloudFormation</source>
        <translation>CloudFormation としてエクスポート</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="68"/>
        <source>Writes what Create makes as CloudFormation templates, one per region, and DEPLOY.md: which template to deploy in which region, in which order. Nothing is created in AWS.</source>
        <translation>「作成」で作られるものを、リージョンごとの CloudFormation テンプレートと DEPLOY.md（どのテンプレートをどのリージョンに、どの順でデプロイするか）として書き出します。AWS には何も作成しません。</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="71"/>
        <source>&amp;Choose…</source>
        <translation>選択(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="72"/>
        <source>&amp;Export</source>
        <translation>エクスポート(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="81"/>
        <source>Folder for the templates</source>
        <translation>テンプレートの保存先フォルダー</translation>
    </message>
    <message>
        <location filename="../../gui/export_dialog.py" line="90"/>
        <source>Writing…</source>
        <translation>書き出し中…</translation>
    </message>
</context>
<context>
    <name>Fonts</name>
    <message>
        <location filename="../../gui/fonts.py" line="60"/>
        <source>日本語フォントがありません / No Japanese font installed: install Noto Sans CJK with your package manager to read Japanese text.</source>
        <translation>日本語フォントがありません / No Japanese font installed: install Noto Sans CJK with your package manager to read Japanese text.</translation>
    </message>
    <message>
        <location filename="../../gui/fonts.py" line="63"/>
        <source>日本語フォントがありません / No Japanese font installed: install the package {package} to read Japanese text.</source>
        <translation>日本語フォントがありません / No Japanese font installed: install the package {package} to read Japanese text.</translation>
    </message>
</context>
<context>
    <name>KeysBox</name>
    <message>
        <location filename="../../gui/wizard/keys_box.py" line="40"/>
        <source>Access keys</source>
        <translation>アクセスキー</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/keys_box.py" line="41"/>
        <source>Access &amp;key ID:</source>
        <translation>アクセスキー ID(&amp;K):</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/keys_box.py" line="42"/>
        <source>&amp;Secret access key:</source>
        <translation>シークレットアクセスキー(&amp;S):</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/keys_box.py" line="43"/>
        <source>Session &amp;token (optional):</source>
        <translation>セッショントークン(&amp;T) (任意):</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/keys_box.py" line="47"/>
        <source>only for temporary credentials</source>
        <translation>一時的な認証情報の場合のみ</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/keys_box.py" line="63"/>
        <source>The keys are kept in your system keyring once checked; never in a file, the settings or the logs.</source>
        <translation>キーは確認後にシステムのキーリングに保存されます。ファイル、設定、ログに書き込まれることはありません。</translation>
    </message>
</context>
<context>
    <name>MfaDialog</name>
    <message>
        <location filename="../../gui/mfa.py" line="54"/>
        <source>MFA code</source>
        <translation>MFA コード</translation>
    </message>
    <message>
        <location filename="../../gui/mfa.py" line="56"/>
        <source>The AWS profile {profile} signs in with a role that needs a code from your MFA device ({serial}). Enter the 6-digit code it shows now.</source>
        <translation>AWS プロファイル {profile} は、MFA デバイス（{serial}）のコードが必要なロールでサインインします。デバイスに表示されている 6 桁のコードを入力してください。</translation>
    </message>
    <message>
        <location filename="../../gui/mfa.py" line="59"/>
        <source>6-digit code</source>
        <translation>6 桁のコード</translation>
    </message>
</context>
<context>
    <name>OrgDialog</name>
    <message>
        <location filename="../../gui/org_dialog.py" line="82"/>
        <source>Organization (StackSets)</source>
        <translation>組織 (StackSets)</translation>
    </message>
    <message>
        <location filename="../../gui/org_dialog.py" line="84"/>
        <source>One inbox for every account of the organization: a central stack holds the notification and an event bus that accepts only this organization; a StackSet puts the forwarding rules into every account, new ones included. Here it targets the whole organization in the setup&apos;s regions; `changewatch org` with an [organization] table chooses OUs and pacing.</source>
        <translation>組織のすべてのアカウントに 1 つの受信箱: 中央のスタックが通知と、この組織からのイベントだけを受け付けるイベントバスを持ち、StackSet が転送ルールをすべてのアカウント（新しいアカウントも）に配置します。ここではセットアップのリージョンで組織全体を対象にします。OU や速度を選ぶには [organization] テーブルを書いて `changewatch org` を使ってください。</translation>
    </message>
    <message>
        <location filename="../../gui/org_dialog.py" line="89"/>
        <source>&amp;Deploy to the organization</source>
        <translation>組織にデプロイ(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../gui/org_dialog.py" line="90"/>
        <source>Re&amp;fresh</source>
        <translation>再読み込み(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/org_dialog.py" line="91"/>
        <source>&amp;Remove from the organization…</source>
        <translation>組織から削除(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../gui/org_dialog.py" line="100"/>
        <source>Reading the organization…</source>
        <translation>組織を読み取り中…</translation>
    </message>
    <message>
        <location filename="../../gui/org_dialog.py" line="113"/>
        <source>Remove from the organization</source>
        <translation>組織から削除</translation>
    </message>
    <message>
        <location filename="../../gui/org_dialog.py" line="114"/>
        <source>Delete the stack instances in every account, the StackSet and the central stack? The organization&apos;s alerts stop.</source>
        <translation>すべてのアカウントのスタックインスタンス、StackSet、中央のスタックを削除しますか? 組織のアラートは止まります。</translation>
    </message>
</context>
<context>
    <name>OrgTreeView</name>
    <message>
        <location filename="../../gui/dashboard/org_tree_view.py" line="24"/>
        <source>Root, OU or account</source>
        <translation>ルート、OU、アカウント</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/org_tree_view.py" line="24"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/org_tree_view.py" line="24"/>
        <source>SCP</source>
        <translation>SCP</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/org_tree_view.py" line="35"/>
        <source>Root</source>
        <translation>ルート</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/org_tree_view.py" line="37"/>
        <source>OU</source>
        <translation>OU</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/org_tree_view.py" line="38"/>
        <source>Account</source>
        <translation>アカウント</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/org_tree_view.py" line="44"/>
        <source> (management)</source>
        <translation>（管理アカウント）</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/org_tree_view.py" line="46"/>
        <source>attached</source>
        <translation>アタッチ済み</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/org_tree_view.py" line="48"/>
        <source>SCPs never restrict the management account.</source>
        <translation>SCP は管理アカウントを制限しません。</translation>
    </message>
</context>
<context>
    <name>RegionList</name>
    <message>
        <location filename="../../gui/wizard/region_list.py" line="45"/>
        <source>Filter regions</source>
        <translation>リージョンを絞り込み</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/region_list.py" line="46"/>
        <source>Regions to watch</source>
        <translation>監視するリージョン</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/region_list.py" line="44"/>
        <source>Filter regions, e.g. Tokyo, 東京 or eu-</source>
        <translation>リージョンを絞り込む（例: 東京、Tokyo、eu-）</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/region_list.py" line="95"/>
        <source>{region} is an opt-in region that this account has not enabled. Enable it in the AWS console (Account → AWS Regions) to watch it.</source>
        <translation>{region} はオプトインリージョンで、このアカウントでは有効になっていません。監視するには、AWS コンソール (アカウント → AWS リージョン) で有効にしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/region_list.py" line="115"/>
        <source>No region chosen.</source>
        <translation>リージョンが選択されていません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/wizard/region_list.py" line="117"/>
        <source>%n region(s) chosen: </source>
        <translation>
            <numerusform>%n 個のリージョンを選択: </numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/wizard/region_list.py" line="119"/>
        <source>Check the account to see which regions it has enabled.</source>
        <translation>アカウントを確認すると、有効なリージョンがわかります。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/region_list.py" line="121"/>
        <source>Greyed out: opt-in regions this account has not enabled (hover over one to see how to enable it).</source>
        <translation>グレー表示: このアカウントで有効にしていないオプトインリージョンです（マウスを重ねると有効にする方法を表示）。</translation>
    </message>
</context>
<context>
    <name>RegionStatusModel</name>
    <message>
        <location filename="../../gui/dashboard/status_model.py" line="33"/>
        <source>Region</source>
        <translation>リージョン</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_model.py" line="33"/>
        <source>SNS topic</source>
        <translation>SNS トピック</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_model.py" line="33"/>
        <source>Email subscription</source>
        <translation>メールのサブスクリプション</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_model.py" line="34"/>
        <source>Rules</source>
        <translation>ルール</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_model.py" line="34"/>
        <source>Deliveries (24 h)</source>
        <translation>配信 (24 時間)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_model.py" line="34"/>
        <source>CloudTrail</source>
        <translation>CloudTrail</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_model.py" line="35"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
</context>
<context>
    <name>RemoveFlow</name>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="83"/>
        <source>%1: EventBridge rule %2 (its target first)</source>
        <translation>%1: EventBridge ルール %2 (先にターゲットを削除)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="85"/>
        <source>%1: SNS topic %2 and its email subscription</source>
        <translation>%1: SNS トピック %2 とそのメールのサブスクリプション</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="87"/>
        <source>%1: email formatter %2 (Step Functions)</source>
        <translation>%1: メール整形 %2（Step Functions）</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="89"/>
        <source>%1: IAM role %2 (last, once nothing uses it)</source>
        <translation>%1: IAM ロール %2（最後に、使われなくなってから）</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="93"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="94"/>
        <source>IAM</source>
        <translation>IAM</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="98"/>
        <source>rule %1 (%2)</source>
        <translation>ルール %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="98"/>
        <source>topic %1 (%2)</source>
        <translation>トピック %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="102"/>
        <source>Only resources tagged %1 = %2 are deleted. A CloudTrail trail and its log bucket are kept: they hold your logs.</source>
        <translation>削除するのはタグ %1 = %2 が付いたリソースだけです。CloudTrail 証跡とそのログ用バケットはログを保持しているため残します。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="106"/>
        <source>Kept because they are not ChangeWatch&apos;s: %1.</source>
        <translation>ChangeWatch が作成したものではないため残します: %1。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="111"/>
        <source>Not checked, so not removed this time: %1</source>
        <translation>確認できなかったため、今回は削除しません: %1</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="115"/>
        <source>Remove everything?</source>
        <translation>すべて削除しますか?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dashboard/remove_flow.py" line="116"/>
        <source>These %n resource(s) will be deleted:</source>
        <translation>
            <numerusform>次の %n 個のリソースを削除します:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="118"/>
        <source>Remove</source>
        <translation>削除</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="121"/>
        <source>Also stop AWS Config in %1 (ChangeWatch started it; nothing is recorded there afterwards)</source>
        <translation>%1 の AWS Config も停止する（ChangeWatch が開始したもの。以後そこでは何も記録されません）</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="150"/>
        <source>Nothing to remove: no resource tagged %1 = %2 was found.</source>
        <translation>削除するものはありません: タグ %1 = %2 が付いたリソースは見つかりませんでした。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="174"/>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="176"/>
        <source>stopped</source>
        <translation>停止</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dashboard/remove_flow.py" line="182"/>
        <source>Removed %n resource(s).</source>
        <translation>
            <numerusform>%n 個のリソースを削除しました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="184"/>
        <source>Not finished in %1. Run Remove everything again to finish; it continues where it stopped.</source>
        <translation>%1 では完了していません。もう一度「すべて削除」を実行すると、停止したところから続行します。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/remove_flow.py" line="197"/>
        <source>The SCP %1 that guards this deployment stays in the organization; Deployment → Guard with an SCP… → Detach &amp; delete… removes it.</source>
        <translation>このデプロイを保護する SCP %1 は組織に残ります。「デプロイ → SCP で保護… → デタッチして削除…」で削除できます。</translation>
    </message>
</context>
<context>
    <name>RemoveProgressDialog</name>
    <message>
        <location filename="../../gui/dashboard/dialogs.py" line="89"/>
        <source>Removing ChangeWatch</source>
        <translation>ChangeWatch を削除しています</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/dialogs.py" line="90"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/dialogs.py" line="90"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/dialogs.py" line="95"/>
        <source>%1 of %2 removed</source>
        <translation>%2 個中 %1 個を削除</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="99"/>
        <source>Review</source>
        <translation>内容の確認</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="100"/>
        <source>Nothing has been created yet. This is what Create will do, and how a notification will read.</source>
        <translation>まだ何も作成されていません。「作成」で行われる内容と、通知の文面を確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="102"/>
        <source>&amp;Create</source>
        <translation>作成(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="103"/>
        <source>&amp;Try again</source>
        <translation>再試行(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="104"/>
        <source>&amp;Plan</source>
        <translation>計画(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="105"/>
        <source>Event &amp;patterns</source>
        <translation>イベントパターン(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="106"/>
        <source>&amp;Notification preview</source>
        <translation>通知のプレビュー(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="107"/>
        <source>&amp;Group:</source>
        <translation>グループ(&amp;G):</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="109"/>
        <source>Turn on AWS Config where it is off (billed per configuration item recorded; only security groups are recorded)</source>
        <translation>AWS Config が無効なリージョンで有効にする（記録した設定項目ごとに課金。記録するのはセキュリティグループだけ）</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="111"/>
        <source>&amp;Save settings…</source>
        <translation>設定を保存(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="112"/>
        <source>E&amp;xport as CloudFormation…</source>
        <translation>CloudFormation としてエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="113"/>
        <source>Write these settings to a TOML file for `python main.py plan|apply|remove --config FILE`</source>
        <translation>この設定を `python main.py plan|apply|remove --config FILE` 用の TOML ファイルに書き出します</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="156"/>
        <source>Reading what already exists in your account…</source>
        <translation>アカウントに既にあるものを読み込んでいます…</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="160"/>
        <source>Some regions cannot be set up (see the plan). Create sets up the others.</source>
        <translation>一部のリージョンはセットアップできません (計画を参照)。「作成」ではそれ以外のリージョンをセットアップします。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="164"/>
        <source>Create can set this up, but the rules in %1 will not fire until a CloudTrail trail logs there (see below).</source>
        <translation>「作成」で設定できますが、%1 のルールは CloudTrail の証跡がそこを記録するまで動作しません（下記参照）。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="168"/>
        <source>Ready. Click Create to set this up.</source>
        <translation>準備ができました。「作成」をクリックするとセットアップします。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="190"/>
        <source>CloudTrail could not be checked: {error}</source>
        <translation>CloudTrail を確認できませんでした: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="194"/>
        <source>⚠ {region}: CloudTrail could not be checked ({error}). The rules there fire only if a trail is logging.</source>
        <translation>⚠ {region}: CloudTrail を確認できませんでした ({error})。このリージョンのルールは、証跡がログを記録している場合にのみ動作します。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="200"/>
        <source>⚠ No CloudTrail trail is logging in {regions}, so the rules there will never fire: EventBridge receives API calls only from regions where a trail records them. After Create, the dashboard&apos;s “Create a CloudTrail trail…” makes one multi-region trail for every region (or use the CloudTrail console); the rules work from then on, without running this again.</source>
        <translation>⚠ {regions} でログを記録している CloudTrail の証跡がないため、そこのルールは動作しません。EventBridge が API コールを受け取れるのは、証跡が記録しているリージョンだけです。作成後、ダッシュボードの「CloudTrail の証跡を作成…」で全リージョン対象の証跡を 1 つ作成できます（CloudTrail コンソールでも可）。以後、これを再実行しなくてもルールは動作します。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="219"/>
        <source>⚠ {region}: the trail records no read-only calls, so unauthorized reads and root reads are not seen.</source>
        <translation>⚠ {region}: 証跡が読み取り専用のコールを記録していないため、権限のない読み取りやルートの読み取りは検出されません。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="223"/>
        <source>⚠ {region}: the trail leaves out {sources}, so changes there are not seen.</source>
        <translation>⚠ {region}: 証跡が {sources} を除外しているため、そこの変更は検出されません。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="246"/>
        <source>No email: this sample is excepted by %1.</source>
        <translation>メールなし: このサンプルは %1 の例外で除外されます。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="249"/>
        <source>No sample event ships for the chosen APIs of this group.</source>
        <translation>このグループで選択した API には、見本のイベントが用意されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="252"/>
        <source>Subject: %1</source>
        <translation>件名: %1</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="259"/>
        <source>Save settings</source>
        <translation>設定を保存</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="260"/>
        <source>Settings (*.toml)</source>
        <translation>設定ファイル (*.toml)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="266"/>
        <source>Could not save {path}: {error}</source>
        <translation>{path} を保存できませんでした: {error}</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/review_page.py" line="269"/>
        <source>Saved to {path}</source>
        <translation>{path} に保存しました</translation>
    </message>
</context>
<context>
    <name>ScpDialog</name>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="115"/>
        <source>Guard with an SCP</source>
        <translation>SCP で保護</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="117"/>
        <source>A service control policy in AWS Organizations keeps everyone except the admin roles below from switching off what ChangeWatch relies on. It is shown here first; nothing is attached until you confirm.</source>
        <translation>AWS Organizations のサービスコントロールポリシー (SCP) で、下の管理者ロール以外の誰も ChangeWatch が頼りにしているものを止められないようにします。まずここに内容を表示します。確認するまで何もアタッチしません。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="120"/>
        <source>What it prevents</source>
        <translation>防ぐこと</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="121"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="122"/>
        <source>Admin roles left out (one ARN pattern a line):</source>
        <translation>除外する管理者ロール（1 行に 1 つの ARN パターン）:</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="123"/>
        <source>Attach to:</source>
        <translation>アタッチ先:</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="124"/>
        <source>Export…</source>
        <translation>エクスポート…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="125"/>
        <source>Attach…</source>
        <translation>アタッチ…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="126"/>
        <source>Detach &amp;&amp; delete…</source>
        <translation>デタッチして削除…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="168"/>
        <source>Reading the organization…</source>
        <translation>組織を読み取り中…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="185"/>
        <source>The SCP is not attached anywhere.</source>
        <translation>SCP はどこにもアタッチされていません。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="188"/>
        <source>Attached to: %1</source>
        <translation>アタッチ先: %1</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="200"/>
        <source>Export the SCP</source>
        <translation>SCP をエクスポート</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="202"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="211"/>
        <source>Exported to %1.</source>
        <translation>%1 にエクスポートしました。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="218"/>
        <location filename="../../gui/dashboard/scp_dialog.py" line="224"/>
        <source>Preparing the plan…</source>
        <translation>プランを準備中…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="238"/>
        <source>Attach the SCP to %1? Everyone there except the admin roles will be denied the actions listed.</source>
        <translation>SCP を %1 にアタッチしますか? そこでは管理者ロール以外の全員が、一覧の操作を拒否されます。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="240"/>
        <source>Detach the SCP from every target and delete it?</source>
        <translation>SCP をすべての対象からデタッチして削除しますか?</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="242"/>
        <source>Attach the SCP</source>
        <translation>SCP をアタッチ</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="242"/>
        <source>Detach and delete the SCP</source>
        <translation>SCP をデタッチして削除</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="245"/>
        <source>Attach</source>
        <translation>アタッチ</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="245"/>
        <source>Detach and delete</source>
        <translation>デタッチして削除</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/scp_dialog.py" line="254"/>
        <source>Working…</source>
        <translation>処理中…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dashboard/scp_dialog.py" line="265"/>
        <source>Done: %n step(s).</source>
        <translation>
            <numerusform>完了: %n 個の手順。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../gui/wizard/wizard.py" line="66"/>
        <source>ChangeWatch — set up</source>
        <translation>ChangeWatch — セットアップ</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/wizard.py" line="68"/>
        <source>ChangeWatch — set up (sandbox)</source>
        <translation>ChangeWatch — セットアップ (サンドボックス)</translation>
    </message>
    <message>
        <location filename="../../gui/wizard/wizard.py" line="70"/>
        <source>Sandbox: a local AWS on this computer. No AWS account is used and nothing leaves this machine.</source>
        <translation>サンドボックス: このコンピューター上のローカルの AWS を使います。AWS アカウントは使わず、このマシンの外には何も送信されません。</translation>
    </message>
</context>
<context>
    <name>StatusTab</name>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="165"/>
        <source>Refresh</source>
        <translation>更新</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="166"/>
        <source>Repair</source>
        <translation>修復</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="167"/>
        <source>Send test notification</source>
        <translation>テスト通知を送信</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="168"/>
        <source>Remove everything…</source>
        <translation>すべて削除…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="169"/>
        <source>Resend confirmation</source>
        <translation>確認メールを再送信</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="170"/>
        <source>I have the confirmation link…</source>
        <translation>確認リンクを貼り付け…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="171"/>
        <source>Create a CloudTrail trail…</source>
        <translation>CloudTrail 証跡を作成…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="172"/>
        <source>Set up again…</source>
        <translation>もう一度設定…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="174"/>
        <source>ChangeWatch has nothing deployed in this account: no rules watch, no email is sent. Your settings are kept, so setting up again starts from them.</source>
        <translation>このアカウントには ChangeWatch が何も作成していません。監視するルールはなく、メールも送られません。設定は残っているので、もう一度設定するときはそこから始められます。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dashboard/status_tab.py" line="176"/>
        <source>What was removed (%n)</source>
        <translation>
            <numerusform>削除したもの（%n）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="229"/>
        <source>No ChangeWatch settings yet. Use Change setup… to create a deployment.</source>
        <translation>ChangeWatch の設定がまだありません。「セットアップを変更…」からデプロイを作成してください。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="232"/>
        <source>Nothing deployed</source>
        <translation>何も作成されていません</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="234"/>
        <source>&lt;b&gt;Deployment %1&lt;/b&gt; — notifications to %2</source>
        <translation>&lt;b&gt;デプロイ %1&lt;/b&gt; — 通知先 %2</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="296"/>
        <source>Repairing…</source>
        <translation>修復しています…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dashboard/status_tab.py" line="327"/>
        <source>%n test notification(s) published. They reach %1 once the subscription is confirmed, and read exactly like a real alert.</source>
        <translation>
            <numerusform>テスト通知を %n 件発行しました。サブスクリプションが確認されていれば %1 に届き、実際の通知とまったく同じ形で読めます。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="338"/>
        <source>Confirm the subscription</source>
        <translation>サブスクリプションの確認</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/status_tab.py" line="339"/>
        <source>Paste the “Confirm subscription” link from the email:</source>
        <translation>メールにある「Confirm subscription」のリンクを貼り付けてください:</translation>
    </message>
</context>
<context>
    <name>SubscriptionFlow</name>
    <message>
        <location filename="../../gui/dashboard/subscription.py" line="42"/>
        <source>A new confirmation email is on its way to %1. The link in it is valid for 48 hours.</source>
        <translation>新しい確認メールを %1 に送信しました。メール内のリンクの有効期限は 48 時間です。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/subscription.py" line="51"/>
        <source>That is not a confirmation link. Copy the whole “Confirm subscription” link from the email.</source>
        <translation>確認リンクではありません。メールにある「Confirm subscription」のリンクを丸ごとコピーしてください。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/subscription.py" line="59"/>
        <source>Subscription confirmed. Only the topic owner can unsubscribe it now, so a forwarded email cannot.</source>
        <translation>サブスクリプションを確認しました。今後はトピックの所有者しか登録を解除できないため、転送されたメールから解除されることはありません。</translation>
    </message>
</context>
<context>
    <name>TrailFlow</name>
    <message>
        <location filename="../../gui/dashboard/trail_flow.py" line="43"/>
        <source>SSE-KMS with key %1</source>
        <translation>SSE-KMS (キー %1)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trail_flow.py" line="44"/>
        <source>SSE-S3 (AES-256)</source>
        <translation>SSE-S3 (AES-256)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trail_flow.py" line="46"/>
        <source>CloudTrail trail %1 in %2: multi-region (covers every region, new ones too), global service events, log file validation, logging on</source>
        <translation>%2 の CloudTrail 証跡 %1: マルチリージョン (今後追加されるものも含むすべてのリージョンをカバー)、グローバルサービスイベント、ログファイルの検証、ログ記録オン</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trail_flow.py" line="49"/>
        <source>S3 bucket %1 in %2 for the log files: private (all public access blocked, ACLs disabled), encrypted with %3</source>
        <translation>ログファイル用の %2 の S3 バケット %1: 非公開 (パブリックアクセスをすべてブロック、ACL 無効)、%3 で暗号化</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trail_flow.py" line="52"/>
        <source>A bucket policy that lets only this trail (aws:SourceArn) write under AWSLogs/%1/, and refuses connections without TLS</source>
        <translation>この証跡 (aws:SourceArn) だけが AWSLogs/%1/ 以下に書き込めるようにし、TLS を使わない接続を拒否するバケットポリシー</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trail_flow.py" line="55"/>
        <source>Tag changewatch:trail = %1 on the trail and the bucket (Remove everything keeps both: they hold your logs)</source>
        <translation>証跡とバケットにタグ changewatch:trail = %1 を付与（ログを保存しているため、「すべて削除」でも両方とも残します）</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trail_flow.py" line="62"/>
        <source>Cost: the first copy of management events in each region is delivered free of charge by CloudTrail. You pay Amazon S3 for storing the log files (for a small account usually well under 1 USD a month) and S3 requests; with a KMS key, KMS request charges too. The trail and bucket stay when ChangeWatch is removed; delete them yourself if you no longer need the logs. https://aws.amazon.com/cloudtrail/pricing/</source>
        <translation>料金: 各リージョンの管理イベントの最初のコピーは、CloudTrail により無料で配信されます。ログファイルの保存と S3 リクエストには Amazon S3 の料金がかかります (小規模なアカウントなら通常は月 1 USD を大きく下回ります)。KMS キーを使う場合は KMS のリクエスト料金もかかります。ChangeWatch を削除しても証跡とバケットは残ります。ログが不要になったらご自身で削除してください。https://aws.amazon.com/cloudtrail/pricing/</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trail_flow.py" line="68"/>
        <source>Create a CloudTrail trail?</source>
        <translation>CloudTrail 証跡を作成しますか?</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trail_flow.py" line="69"/>
        <source>ChangeWatch will create:</source>
        <translation>ChangeWatch は次のものを作成します:</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trail_flow.py" line="70"/>
        <source>Create trail</source>
        <translation>証跡を作成</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/trail_flow.py" line="81"/>
        <source>Trail created and logging: %1</source>
        <translation>証跡を作成し、ログ記録を開始しました: %1</translation>
    </message>
</context>
<context>
    <name>TrayNotifier</name>
    <message>
        <location filename="../../gui/eventlog/tray.py" line="30"/>
        <source>New event: %1</source>
        <translation>新しいイベント: %1</translation>
    </message>
    <message>
        <location filename="../../gui/eventlog/tray.py" line="31"/>
        <source>%1 in %2 by %3</source>
        <translation>%3 が %2 で %1 を実行</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/eventlog/tray.py" line="34"/>
        <source>%n new event(s)</source>
        <translation>
            <numerusform>新しいイベント %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../gui/dashboard/verify_dialog.py" line="57"/>
        <source>Reading what the check needs…</source>
        <translation>確認に必要な情報を読み取り中…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/verify_dialog.py" line="61"/>
        <source>Verify end to end</source>
        <translation>エンドツーエンドで確認</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/verify_dialog.py" line="62"/>
        <source>Make the change and follow it</source>
        <translation>変更を行って追跡する</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/verify_dialog.py" line="83"/>
        <source>Following the alert; this takes a few minutes…</source>
        <translation>アラートを追跡中です。数分かかります…</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/verify_dialog.py" line="96"/>
        <source>Every step passed: the alert reached the inbox.</source>
        <translation>すべての段階を通過しました。アラートは受信箱に届きました。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dashboard/verify_dialog.py" line="100"/>
        <source>%n step(s) did not pass; the lines above say where and why.</source>
        <translation>
            <numerusform>%n 個の段階を通過しませんでした。どこで、なぜかは上の行に示しています。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="26"/>
        <source>Reading the deployment from AWS…</source>
        <translation>AWS からデプロイの状態を読み込んでいます…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dashboard/wording.py" line="36"/>
        <source>%n problem(s) found: AWS no longer matches the settings. Repair puts back what is missing or changed.</source>
        <translation>
            <numerusform>%n 件の問題が見つかりました: AWS が設定と一致していません。「修復」で、なくなったものや変更されたものを元に戻せます。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dashboard/wording.py" line="53"/>
        <source>Everything is in place in %n region(s).</source>
        <translation>
            <numerusform>%n 個のリージョンで、すべて設定どおりです。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="57"/>
        <source>The SNS topic %1 is missing (deleted by hand?).</source>
        <translation>SNS トピック %1 がありません (手動で削除された可能性があります)。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="58"/>
        <source>The SNS topic %1 was changed: %2.</source>
        <translation>SNS トピック %1 が変更されています: %2。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="59"/>
        <source>%1 is no longer subscribed to the topic.</source>
        <translation>%1 はトピックをサブスクライブしていません。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="60"/>
        <source>%1 is subscribed but not in the settings; Repair unsubscribes it.</source>
        <translation>%1 はサブスクライブしていますが、設定にありません。「修復」で登録を解除します。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="62"/>
        <source>The EventBridge rule %1 is missing (deleted by hand?).</source>
        <translation>EventBridge ルール %1 がありません (手動で削除された可能性があります)。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="64"/>
        <source>The EventBridge rule %1 was changed: %2.</source>
        <translation>EventBridge ルール %1 が変更されています: %2。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="65"/>
        <source>The rule %1 no longer sends to the topic (its target was removed).</source>
        <translation>ルール %1 はトピックに送信しなくなっています (ターゲットが削除されました)。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="67"/>
        <source>The rule %1 sends elsewhere or a different text.</source>
        <translation>ルール %1 の送信先または通知文が設定と異なります。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="69"/>
        <source>The rule %1 is no longer in the settings; Repair deletes it.</source>
        <translation>ルール %1 は設定にありません。「修復」で削除します。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="71"/>
        <source>The topic %1 is no longer in the settings; Repair deletes it.</source>
        <translation>トピック %1 は設定にありません。「修復」で削除します。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="73"/>
        <source>Nothing is set up in %1 yet; Repair creates it.</source>
        <translation>%1 にはまだ何もセットアップされていません。「修復」で作成します。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="74"/>
        <source>The rule %1 still sends to an old target; Repair removes it.</source>
        <translation>ルール %1 はまだ古いターゲットに送信しています。「修復」で削除します。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="76"/>
        <source>The IAM role %1 is missing (deleted by hand?).</source>
        <translation>IAM ロール %1 がありません（手動で削除されましたか？）。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="77"/>
        <source>The IAM role %1 was changed: %2.</source>
        <translation>IAM ロール %1 が変更されています: %2。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="78"/>
        <source>The IAM role %1 is no longer needed; Repair deletes it.</source>
        <translation>IAM ロール %1 はもう不要です。「修復」で削除します。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="80"/>
        <source>The email formatter %1 is missing (deleted by hand?).</source>
        <translation>メール整形 %1 がありません（手動で削除されましたか？）。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="82"/>
        <source>The email formatter %1 was changed: %2.</source>
        <translation>メール整形 %1 が変更されています: %2。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="83"/>
        <source>The email formatter %1 is no longer needed; Repair deletes it.</source>
        <translation>メール整形 %1 はもう不要です。「修復」で削除します。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="86"/>
        <source>%1 differs from the settings (%2).</source>
        <translation>%1 が設定と異なります (%2)。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="92"/>
        <source>Forwards to %1</source>
        <translation>%1 に転送</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="94"/>
        <source>Missing</source>
        <translation>ありません</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="99"/>
        <source>In %1 (one inbox)</source>
        <translation>%1 に（1 つの受信箱）</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="101"/>
        <source>Confirmed</source>
        <translation>確認済み</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="103"/>
        <source>No email subscription</source>
        <translation>メールのサブスクリプションなし</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="105"/>
        <source>Waiting for confirmation</source>
        <translation>確認待ち</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="108"/>
        <source>Link expired (sent %1 h ago): resend</source>
        <translation>リンクの期限切れ (%1 時間前に送信): 再送信してください</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="109"/>
        <source>Waiting for confirmation for %1 h (link valid %2 h)</source>
        <translation>確認待ち %1 時間 (リンクの有効期限 %2 時間)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="114"/>
        <location filename="../../gui/dashboard/wording.py" line="141"/>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="117"/>
        <source>read-only calls</source>
        <translation>読み取り専用のコール</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="118"/>
        <source>Logging (%1), without %2</source>
        <translation>記録中（%1）、%2 を除く</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="121"/>
        <source>Logging (%1)</source>
        <translation>ログ記録中 (%1)</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="123"/>
        <source>Trail %1 is not logging</source>
        <translation>証跡 %1 はログを記録していません</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="124"/>
        <source>No trail: events never arrive</source>
        <translation>証跡なし: イベントが届きません</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="129"/>
        <source>The trail leaves some management events out (its event selectors); rules about those never fire. Change the trail&apos;s selectors to record all management events.</source>
        <translation>証跡が一部の管理イベントを除外しています（イベントセレクター）。それらに関するルールは動作しません。すべての管理イベントを記録するよう、証跡のセレクターを変更してください。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="134"/>
        <source>Without a CloudTrail trail that is logging in this region, API calls never reach EventBridge: the rules exist but never fire. Create a multi-region trail to cover every region.</source>
        <translation>このリージョンでログを記録している CloudTrail 証跡がないと、API 呼び出しは EventBridge に届かず、ルールがあっても動作しません。すべてのリージョンをカバーするには、マルチリージョンの証跡を作成してください。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="145"/>
        <source>%1 sent, %2 failed</source>
        <translation>%1 件送信、%2 件失敗</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="147"/>
        <source>%1 sent</source>
        <translation>%1 件送信</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="164"/>
        <source>Cannot read this region</source>
        <translation>このリージョンを読み取れません</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="166"/>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dashboard/wording.py" line="167"/>
        <source>%n problem(s)</source>
        <translation>
            <numerusform>%n 件の問題</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="188"/>
        <source>Rules</source>
        <translation>ルール</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="203"/>
        <source>%1 sent, %2 failed in 24 h</source>
        <translation>24 時間で %1 件送信、%2 件失敗</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="205"/>
        <source>deliveries unknown</source>
        <translation>配信数は不明</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="206"/>
        <source>no target</source>
        <translation>ターゲットなし</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="192"/>
        <source>Problems</source>
        <translation>問題</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="30"/>
        <source>Nothing is deployed.</source>
        <translation>何も作成されていません。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="33"/>
        <source>Some of the deployment could not be read (%1); its state there is unknown.</source>
        <translation>デプロイの一部を読み取れませんでした（%1）。そこの状態は不明です。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="40"/>
        <source>No CloudTrail trail is logging in %1: the rules there can never fire. Create a trail (button below).</source>
        <translation>%1 でログを記録している CloudTrail の証跡がありません。そこのルールは動作しません。証跡を作成してください（下のボタン）。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="45"/>
        <source>Deliveries failed in the last 24 h in %1: check the topic&apos;s policy and key.</source>
        <translation>%1 で過去 24 時間に配信の失敗がありました。トピックのポリシーとキーを確認してください。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="48"/>
        <source>Waiting for the email confirmation: nothing is delivered until the link in the email is clicked.</source>
        <translation>メールの確認待ちです。メール内のリンクがクリックされるまで何も配信されません。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dashboard/wording.py" line="51"/>
        <source>Everything is in place: %n region(s) watched, one inbox in %1.</source>
        <translation>
            <numerusform>すべて整っています: %n 個のリージョンを監視、受信箱は %1 に 1 つ。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dashboard/wording.py" line="152"/>
        <source>%n on</source>
        <translation>
            <numerusform>%n 個が有効</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="153"/>
        <source>%1 of %2 on</source>
        <translation>%2 個中 %1 個が有効</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="158"/>
        <source>on</source>
        <translation>有効</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="158"/>
        <source>off (disabled)</source>
        <translation>無効</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="160"/>
        <source>on, read-only calls included</source>
        <translation>有効（読み取り専用のコールを含む）</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="174"/>
        <source>Forwards the events it matches to %1, where the one inbox is notified.</source>
        <translation>一致したイベントを %1 に転送し、そこで 1 つの受信箱に通知します。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="183"/>
        <source>added outside ChangeWatch; kept</source>
        <translation>ChangeWatch 以外で追加（そのまま残します）</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="196"/>
        <source>No problems: AWS matches the settings.</source>
        <translation>問題はありません: AWS は設定と一致しています。</translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="197"/>
        <source>CloudTrail</source>
        <translation>CloudTrail</translation>
    </message>
    <message numerus="yes">
        <location filename="../../gui/dashboard/wording.py" line="212"/>
        <source>Repaired: %n change(s) made.</source>
        <translation>
            <numerusform>修復しました: %n 件の変更を行いました。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../gui/dashboard/wording.py" line="214"/>
        <source>Repair did not finish:</source>
        <translation>修復が完了しませんでした:</translation>
    </message>
</context>
</TS>
