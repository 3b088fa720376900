"""Why a visit has its lunch mode: what the rules give, and a coordinator's override with its reason.

An override is kept on the visit (lunch_mode, lunch_overridden) and its reason in the audit
log (entity "visit_lunch"), which is never edited or deleted, so the reason stays beside
who set it and when.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from altdesk.calendar.day_layers import DayLayers
from altdesk.db.enums import LunchMode, LunchPolicy, VisitKind
from altdesk.db.models import AuditEntry, Placement, School, Visit
from altdesk.errors import NotFound
from altdesk.labels import LUNCH_MODE_LABELS
from altdesk.lunch.derive import DietFacts, LunchDecision, derive_lunch, diet_facts
from altdesk.lunch.month_data import load_branch, load_schools
from altdesk.lunch.notice import JST, InvalidNoticeRule, format_deadline, layers_range
from altdesk.lunch.notice import deadline as notice_deadline

OVERRIDE_ENTITY = "visit_lunch"


@dataclass(frozen=True)
class OverrideNote:
    mode: LunchMode | None  # None: the override was cleared
    reason: str
    actor: str
    at: dt.datetime


@dataclass(frozen=True)
class LunchExplanation:
    visit_id: int
    date: dt.date
    mode: LunchMode
    derived: LunchDecision
    overridden: bool
    override: OverrideNote | None
    deadline: dt.datetime | None
    rule_en: str
    rule_ja: str

    @property
    def follows_rules(self) -> bool:
        return self.mode == self.derived.mode

    def lines(self, lang: str = "en") -> list[str]:
        ja = lang == "ja"
        mode = LUNCH_MODE_LABELS[self.mode][1 if ja else 0]
        rules = LUNCH_MODE_LABELS[self.derived.mode][1 if ja else 0]
        reason = self.derived.reason_ja if ja else self.derived.reason_en
        out = [f"昼食：{mode}" if ja else f"Lunch: {mode}"]
        out.append(f"規則による判定：{rules}（{reason}）" if ja else f"By the rules: {rules} ({reason})")
        if self.overridden:
            note = self.override
            if note is not None and note.mode is not None:
                who = f"{note.actor}, {note.at.astimezone(JST):%Y-%m-%d %H:%M}"
                out.append(f"コーディネーターが変更：{note.reason}（{who}）" if ja
                           else f"Set by a coordinator: {note.reason} ({who})")
            else:
                out.append("コーディネーターが変更（理由の記録なし）" if ja else "Set by a coordinator (no reason recorded)")
        elif not self.follows_rules:
            out.append("現在の規則と異なります（ALTの食事や学校の設定が変わった可能性）。再生成するか変更してください。" if ja
                       else "Differs from what the rules give now (the ALT's diet or the school changed since);"
                            " regenerate or override it.")
        if self.deadline is not None:
            rule = self.rule_ja if ja else self.rule_en
            out.append(f"給食連絡期限：{format_deadline(self.deadline, 'ja')}（{rule}）" if ja
                       else f"Lunch notice deadline: {format_deadline(self.deadline)} ({rule})")
        return out

    def text(self, lang: str = "en") -> str:
        return "\n".join(self.lines(lang))


def derived_decision(session: Session, branch_id: int, visit: Visit) -> LunchDecision:
    """The mode the rules give this visit now (what generation would set)."""
    school = session.get(School, visit.school_id)
    assert school is not None
    diet = diet_facts(session, branch_id).get(visit.alt_id, DietFacts())
    placement_mode = None
    if visit.kind == VisitKind.REGULAR and visit.placement_id is not None:
        raw = session.scalar(select(Placement.lunch_mode).where(Placement.id == visit.placement_id))
        placement_mode = LunchMode(raw) if raw else None
    return derive_lunch(LunchPolicy(school.lunch_policy), diet, placement_mode, visit.kind == VisitKind.EVENT)


def last_override_note(session: Session, branch_id: int, visit_id: int) -> OverrideNote | None:
    entry = session.scalar(
        select(AuditEntry).where(AuditEntry.branch_id == branch_id, AuditEntry.entity == OVERRIDE_ENTITY,
                                 AuditEntry.entity_id == visit_id)
        .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(1)
    )
    if entry is None:
        return None
    after = entry.after or {}
    at = entry.at if entry.at.tzinfo else entry.at.replace(tzinfo=dt.UTC)
    mode = after.get("lunch_mode") if after.get("overridden") else None
    return OverrideNote(LunchMode(mode) if mode else None, str(after.get("reason", "")), entry.actor, at)


def explain_visit(session: Session, branch_id: int, visit_id: int) -> LunchExplanation:
    visit = session.get(Visit, visit_id)
    if visit is None or visit.branch_id != branch_id:
        raise NotFound("That visit does not exist.", "その訪問は存在しません。")
    decision = derived_decision(session, branch_id, visit)
    branch = load_branch(session, branch_id)
    school = load_schools(session, branch_id, branch.settings, [visit.school_id])[visit.school_id]
    due = None
    if school.rule.rule is not None:
        layers = DayLayers.load(session, branch_id, *layers_range(visit.date, visit.date))
        try:
            due = notice_deadline(school.rule.rule, visit.date,
                                  lambda d: layers.is_school_day(d, school.board_id, school.id))
        except InvalidNoticeRule:
            due = None
    return LunchExplanation(
        visit.id, visit.date, LunchMode(visit.lunch_mode), decision, bool(visit.lunch_overridden),
        last_override_note(session, branch_id, visit.id) if visit.lunch_overridden else None,
        due, school.rule.describe("en"), school.rule.describe("ja"),
    )
