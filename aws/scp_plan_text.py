"""The SCP plan in words, Japanese and English: each step, and what to know before confirming."""

from __future__ import annotations

from aws.names import TAG_KEY
from aws.org_tree import OrgTarget, TargetKind
from aws.scp_plan import (
    AttachPolicy,
    CreatePolicy,
    DeletePolicy,
    DetachPolicy,
    ScpNote,
    ScpPlan,
    ScpStep,
    UpdatePolicy,
)

_KINDS = {
    TargetKind.ROOT: {"en": "the root", "ja": "ルート"},
    TargetKind.OU: {"en": "the OU", "ja": "OU"},
    TargetKind.ACCOUNT: {"en": "the account", "ja": "アカウント"},
}
_STEPS: dict[type, dict[str, str]] = {
    CreatePolicy: {"en": "Create the SCP {name}, tagged {tag}",
                   "ja": "SCP {name} を作成（タグ {tag}）"},
    UpdatePolicy: {"en": "Update the content of the SCP {name} ({id})",
                   "ja": "SCP {name} ({id}) の内容を更新"},
    AttachPolicy: {"en": "Attach {name} to {target}", "ja": "{name} を{target}に適用"},
    DetachPolicy: {"en": "Detach {name} from {target}", "ja": "{name} を{target}から解除"},
    DeletePolicy: {"en": "Delete the SCP {name} ({id})", "ja": "SCP {name} ({id}) を削除"},
}
_NOTES = {
    ScpNote.MANAGEMENT_UNAFFECTED: {
        "en": "SCPs never restrict the management account: what ChangeWatch made there stays "
              "guarded by its alerts only.",
        "ja": "SCP は管理アカウントを一切制限しません。管理アカウント内の ChangeWatch の"
              "リソースは通知でのみ見張られます。",
    },
    ScpNote.TARGET_IS_MANAGEMENT: {
        "en": "This target is the management account itself, so attaching the SCP there "
              "changes nothing; pick its OU or another account.",
        "ja": "この適用先は管理アカウントそのものなので、SCP を適用しても何も変わりません。"
              "OU か別のアカウントを選んでください。",
    },
}
_NOTHING = {"en": "Nothing to change: the SCP is already as wanted there.",
            "ja": "変更はありません。SCP は既に望む状態で適用されています。"}


def target_text(target: OrgTarget, lang: str) -> str:
    kind = _KINDS[target.kind].get(lang, _KINDS[target.kind]["en"])
    if lang == "ja":
        return f"{kind}「{target.name or target.id}」({target.id})"
    name = f" {target.name}" if target.name else ""
    return f"{kind}{name} ({target.id})"


def step_text(step: ScpStep, lang: str) -> str:
    words = _STEPS[type(step)]
    target = getattr(step, "target", None)
    return words.get(lang, words["en"]).format(
        name=step.name, id=getattr(step, "policy_id", ""),
        tag=f"{TAG_KEY}={getattr(step, 'deployment', '')}",
        target=target_text(target, lang) if target is not None else "")


def note_text(note: ScpNote, lang: str) -> str:
    return _NOTES[note].get(lang, _NOTES[note]["en"])


def plan_lines(plan: ScpPlan, lang: str) -> list[str]:
    """Every step, numbered, then the notes; one line when there is nothing to do."""
    if plan.empty:
        lines = [_NOTHING.get(lang, _NOTHING["en"])]
    else:
        lines = [f"{n}. {step_text(s, lang)}" for n, s in enumerate(plan.steps, 1)]
    return lines + [f"! {note_text(n, lang)}" for n in plan.notes]


_LEFTOVER = {
    "en": "The SCP {name} ({id}) that guards this deployment is still in the organization{where}. "
          "It guards nothing now: `changewatch scp remove --config {config}` detaches and "
          "deletes it (from the management account).",
    "ja": "このデプロイを保護する SCP {name} ({id}) は組織に残っています{where}。今は何も保護して"
          "いません。`changewatch scp remove --config {config}` で解除して削除できます (管理"
          "アカウントから)。",
}
_ATTACHED = {"en": " (attached to {targets})", "ja": " ({targets} に適用中)"}


def leftover_sentence(name: str, policy_id: str, targets: tuple[str, ...], config: str,
                      lang: str) -> str:
    """After remove: the guarding SCP was left in place, and how to delete it."""
    where = _ATTACHED[lang].format(targets=", ".join(targets)) if targets else ""
    return _LEFTOVER[lang].format(name=name, id=policy_id, where=where, config=config)
