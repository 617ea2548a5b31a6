"""The JSONata that turns one event into {subject, message}; the definition fills in its data.

Written for Step Functions' JSONata (standard JSONata functions only): no `??`/`?:`, no $now,
and no $string on objects (engines differ on non-ASCII), so objects are written out by $json
below. Every value from the event goes through $clean (control characters replaced, length
bounded) or $json (strings escaped and bounded), so no event can forge lines or grow the
message past SNS's 256 KB. A JSON null is never written as "null".
https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html
https://docs.aws.amazon.com/sns/latest/api/API_Publish.html
"""

from __future__ import annotations

SUBJECT_MAX = 99  # SNS: "less than 100 characters"
MESSAGE_MAX = 40000  # characters: < 160 KB even at 4 UTF-8 bytes each
RAW_MAX = 8000

# __NAME__ placeholders are replaced by JSON data (aws/formatter/__init__.py).
EXPRESSION = r"""(
  $W := __WORDS__;
  $ANS := __ANSWERS__;
  $PROTO := __PROTOCOLS__;
  $P := __PHRASES__;
  $G := __GROUPS__;
  $Z := __ZONE__;
  $ZN := __ZONE_NAME__;
  $A := __ACCOUNTS__;
  $i := $states.input;
  $e := $type($i.event) = 'object' ? $i.event : {};
  $d := $type($e.detail) = 'object' ? $e.detail : {};
  $test := $i.test = true;

  $cut := function($s, $n) { $length($s) > $n ? $substring($s, 0, $n - 1) & '…' : $s };
  $scrub := function($s) {
    $replace($s,
      /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/, ' ')
  };
  $json := function($v, $ind, $depth, $pretty) {(
    $t := $type($v);
    $in := $ind & '  ';
    $br := function($x) { $pretty ? '\n' & $x : '' };
    $t = 'string' ? '"' & $scrub($cut($replace($replace($v, '\\', '\\\\'), '"', '\\"'), 300)) & '"'
    : ($t = 'number' or $t = 'boolean') ? $string($v)
    : $t = 'array' ? (
        $items := $filter($v, function($x, $k) { $k < 50 and $type($x) != 'null' });
        $count($items) = 0 ? '[]'
        : $depth > 8 ? '[…]'
        : '[' & $br($in)
          & $join($map($items, function($x) { $json($x, $in, $depth + 1, $pretty) }),
                  ',' & $br($in))
          & ($count($v) > 50 ? ',' & $br($in) & '…') & $br($ind) & ']'
      )
    : $t = 'object' ? (
        $ks := $filter($keys($v),
                       function($k, $n) { $n < 50 and $type($lookup($v, $k)) != 'null' });
        $count($ks) = 0 ? '{}'
        : $depth > 8 ? '{…}'
        : '{' & $br($in)
          & $join($map($ks, function($k) {
              $json($k, $in, 0, false) & ': ' & $json($lookup($v, $k), $in, $depth + 1, $pretty)
            }), ',' & $br($in))
          & ($count($keys($v)) > 50 ? ',' & $br($in) & '…') & $br($ind) & '}'
      )
    : ''
  )};
  $text := function($v) {(
    $t := $type($v);
    $t = 'string' ? $v
    : ($t = 'number' or $t = 'boolean') ? $string($v)
    : ($t = 'object' or $t = 'array') ? $json($v, '', 0, false)
    : ''
  )};
  $clean := function($v, $n) { $cut($trim($scrub($substring($text($v), 0, $n + 1))), $n) };
  $word := function($table, $key) {(
    $w := $lookup($table, $key); $type($w) = 'string' ? $w : $key
  )};
  $line := function($label, $value) { $value != '' ? $label & ': ' & $value };

  $ename := $clean($d.eventName, 100);
  /* A Config compliance change names its rule, not an API: phrases are keyed by the rule. */
  $ckey := $clean($d.configRuleName, 128);
  $source := $clean($d.eventSource, 100);
  $gid := $type($i.group) = 'string' ? $i.group : '';
  $g := $lookup($G, $gid);
  $region := ($r := $clean($e.region, 30); $r != '' ? $r : $clean($d.awsRegion, 30));
  $account := ($a := $clean($e.account, 20); $a != '' ? $a : $clean($d.recipientAccountId, 20));
  $accountName := ($n := $lookup($A, $account); $type($n) = 'string' ? $clean($n, 100) : '');

  $phrase := (
    $p := $lookup($P, $gid & '/' & ($ename != '' ? $ename : $ckey));
    $type($p) = 'string' ? $p
    : ($gp := $lookup($P, $gid); $type($gp) = 'string' and $ename != ''
       ? $gp & ': ' & $substringBefore($source, '.') & ':' & $ename
       : $ename != '' ? $ename : $type($gp) = 'string' ? $gp : $g.t)
  );

  /* Who: the user, the role session (and its role), the root user, or the AWS service. */
  $u := $type($d.userIdentity) = 'object' ? $d.userIdentity : {};
  $utype := $clean($u.type, 40);
  $arn := $clean($u.arn, 300);
  $issuer := $clean($u.sessionContext.sessionIssuer.userName, 100);
  $session := $contains($arn, '/') ? $split($arn, '/')[-1] : '';
  $whoName := $utype = 'Root' ? $W.root
    : $utype = 'AWSService' ? $clean($u.invokedBy, 100)
    : ($userName := $clean($u.userName, 100); $userName != '' ? $userName
       : $session != '' ? $session : $clean($u.principalId, 100));
  $who := $utype = 'AssumedRole' and $issuer != '' ? $whoName & ' (' & $W.role & ' ' & $issuer & ')'
    : $utype = 'AWSService' and $whoName != '' ? $whoName & ' (' & $W.service & ')'
    : $whoName;

  /* Security groups: one line per permission, in words. */
  $peer := function($v) {(
    $c := $clean($v, 100);
    $c = '0.0.0.0/0' or $c = '::/0' ? $c & ' (' & $W.anywhere & ')'
    : $substring($c, 0, 3) = 'pl-' ? $c & ' (' & $W.prefixList & ')'
    : $substring($c, 0, 3) = 'sg-' ? $c & ' (' & $W.group & ')'
    : $c
  )};
  $ports := function($proto, $from, $to, $short) {(
    $p := $lowercase($clean($proto, 20));
    $f := $clean($from, 10);
    $t := $clean($to, 10);
    $name := ($x := $lookup($PROTO, $p); $type($x) = 'string' ? $x : $uppercase($p));
    $p = '-1' or $p = 'all' ? $W.allTraffic
    : $contains($p, 'icmp') or $p = '1' or $p = '58'
      ? $name & ($f = '' or $f = '-1' ? '' : ' ' & $W.type & ' ' & $f)
    : $name & ' ' & (
        $f = '' or $f = '-1' or ($f = '0' and $t = '65535') ? $W.allPorts
        : $t = '' or $t = $f ? ($short ? '' : $W.port & ' ') & $f
        : ($short ? '' : $W.ports & ' ') & $f & '-' & $t
      )
  )};
  $egress := $contains($ename, 'Egress');
  $joiner := $egress ? $W.to : $W.from;
  $perms := $filter($d.requestParameters.ipPermissions.items, function($x, $k) { $k < 20 });
  $permLine := function($x) {(
    $peers := $filter([$x.ipRanges.items.cidrIp, $x.ipv6Ranges.items.cidrIpv6,
                       $x.prefixListIds.items.prefixListId, $x.groups.items.groupId],
                      function($v, $k) { $k < 20 });
    $ports($x.ipProtocol, $x.fromPort, $x.toPort, false)
      & ($count($peers) > 0 ? $joiner & $join($map($peers, $peer), $W.sep))
  )};
  $modified := $filter($d.requestParameters.ModifySecurityGroupRulesRequest.SecurityGroupRule,
                       function($x, $k) { $k < 20 });
  $modifiedLine := function($x) {(
    $s := $x.SecurityGroupRule;
    $peers := [$s.CidrIpv4, $s.CidrIpv6, $s.PrefixListId, $s.ReferencedGroupId];
    $W.rule & ' ' & $clean($x.SecurityGroupRuleId, 40) & ': '
      & $ports($s.IpProtocol, $s.FromPort, $s.ToPort, false)
      & ($count($peers) > 0 ? $W.sep & $join($map($peers, $peer), $W.sep))
  )};
  $sgLines := [
    $map($perms, function($x) { ($egress ? $W.outbound : $W.inbound) & ': ' & $permLine($x) }),
    $map($modified, $modifiedLine)
  ];
  /* The subject names the first permission briefly: "TCP 22 from 0.0.0.0/0". */
  $sgFirst := $count($perms) > 0 ? (
    $x := $perms[0];
    $peers := [$x.ipRanges.items.cidrIp, $x.ipv6Ranges.items.cidrIpv6,
               $x.prefixListIds.items.prefixListId, $x.groups.items.groupId];
    ': ' & $ports($x.ipProtocol, $x.fromPort, $x.toPort, true)
      & ($count($peers) > 0 ? $joiner & $clean($peers[0], 50))
  );

  /* Console sign-in: the result and whether MFA was used, in words. */
  $signin := $ename = 'ConsoleLogin' ? [
    $line($W.signinResult, $word($ANS, $clean($d.responseElements.ConsoleLogin, 30))
      & ($why := $clean($d.errorMessage, 100); $why != '' ? ' (' & $why & ')')),
    $line($W.mfa, $word($ANS, $clean($d.additionalEventData.MFAUsed, 10)))
  ];

  /* The resource(s) the group names: recorder, channel, rule, bucket… */
  $resources := $distinct($map($g.r, function($x) {
    $line($x.l, $word($ANS, $clean($reduce($x.p, function($o, $k) { $lookup($o, $k) }, $e), 200)))
  }));
  $target := ($first := $map($g.r, function($x) {
    ($v := $clean($reduce($x.p, function($o, $k) { $lookup($o, $k) }, $e), 200); $v != '' ? $v)
  }); $count($first) > 0 ? $first[0] : $utype = 'Root' ? $account : $whoName);

  /* Time in the chosen zone (offset from the embedded table) and in UTC. */
  $millis := function($s) {
    $type($s) = 'string' and $contains($s, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/)
      ? $toMillis($s)
  };
  $ms := ($m := $millis($d.eventTime); $exists($m) ? $m : $millis($e.time));
  $picture := '[Y0001]-[M01]-[D01] [H01]:[m01]:[s01]';
  $row := $reduce($Z, function($a, $z) { $z.t <= $ms ? $z : $a }, $Z[0]);
  $local := $exists($ms) and $ZN != '' ? $fromMillis($ms, $picture, $row.o)
    & ($row.n != '' ? ' ' & $row.n) & ' (' & $ZN & ', UTC'
    & $substring($row.o, 0, 3) & ':' & $substring($row.o, 3, 2) & ')';
  $utc := $exists($ms) ? $fromMillis($ms, $picture) & ' UTC';

  $eventId := $clean($d.eventID, 64);
  $console := $contains($region, /^[a-z]{2}(-[a-z]+)+-[0-9]{1,2}$/)
    and $contains($eventId, /^[A-Za-z0-9-]+$/) ? (
    $domain := $substring($region, 0, 3) = 'cn-' ? 'console.amazonaws.cn'
      : $substring($region, 0, 7) = 'us-gov-' ? 'console.amazonaws-us-gov.com'
      : 'console.aws.amazon.com';
    'https://' & $region & '.' & $domain & '/cloudtrail/home?region=' & $region
      & '#/events/' & $eventId
  );
  $errorCode := $clean($d.errorCode, 100);
  $error := $errorCode != '' ? $errorCode & (
    $msg := $clean($d.errorMessage, 500); $msg != '' ? ' — ' & $msg
  );
  $request := $type($d.requestParameters) = 'object' or $type($d.requestParameters) = 'array'
    ? $cut($json($d.requestParameters, '', 0, true), __RAW_MAX__);

  /* Severity and what happened first; then who or what, and where, always kept. */
  $prefix := '[ChangeWatch]' & ($test ? '[' & $W.test & ']') & '[' & $g.s & '] ';
  $tail := ($target != '' ? ' — ' & $cut($target, 16)) & ($region != '' ? ' ' & $region);
  $room := __SUBJECT_MAX__ - $length($prefix) - $length($tail);
  $subject := $prefix & $cut($phrase & $sgFirst, $room) & $tail;
  $named := $ename != '' and $not($contains($phrase, $ename));
  $facts := $join([$phrase & ($named ? ' (' & $ename & ')'),
                   $sgLines, $signin, $resources], '\n');
  $details := $join([
    $line($W.who, $who),
    $line($W.arn, $arn),
    $line($W.sourceIp, $clean($d.sourceIPAddress, 100)),
    $line($W.userAgent, $clean($d.userAgent, 200)),
    $line($W.zoneTime, $local),
    $line($W.utcTime, $utc),
    $line($W.account, $account & ($accountName != '' ? ' (' & $accountName & ')')),
    $line($W.region, $region),
    $line($W.event, $ename & ($source != '' ? ' (' & $source & ')')),
    $line($W.eventId, $eventId),
    $line($W.error, $error),
    $line($W.console, $console)
  ], '\n');
  {
    'subject': $cut($trim($scrub($subject)), __SUBJECT_MAX__),
    'message': $cut($join($filter([
      $test ? '[' & $W.test & '] ' & $W.testNote,
      $facts, $details,
      $request != '' ? $W.request & ':\n' & $request
    ], function($section) { $section != '' }), '\n\n'), __MESSAGE_MAX__)
  }
)"""
