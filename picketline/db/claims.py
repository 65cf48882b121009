"""Claims in the database: which source says what about a struggle.

A struggle's claims (``resolve.merge.Claim``) are its provenance: the shown
fields, the alternatives and the timeline are derived from them, and a split
removes one source's claims and derives again. Each claim is stored as its
field name and its value in the FORMAT.md JSON of that field, so the stored
form is readable and survives refactors of the domain classes.

A person's correction is an *editor claim* (``db.models_review.EditorClaimRow``):
one whole field's value, which outranks every source's claims when the fields
are derived again (``apply_editor_fields``), so a later report merged into
the struggle cannot undo it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from picketline.db.models import ClaimRow, SourceRow
from picketline.db.models_review import EditorClaimRow
from picketline.db.types import utcnow
from picketline.domain.dates import PartialDate
from picketline.domain.struggle import StruggleFields
from picketline.domain.vocab import Action, Demand, RepressionType
from picketline.resolve.merge import COUNT_PREFIX, Claim, MergeState, SourceRef

CLAIMS_TABLE: Table = ClaimRow.__table__  # type: ignore[assignment]
UNSOURCED = 0
"""The ``SourceRef`` id of claims seeded from a struggle that had no source."""

_MEMBER_CODES: dict[str, Any] = {
    "actions": Action,
    "demands": Demand,
    "repression": RepressionType,
}


def encode_value(field: str, value: Any) -> Any:
    """A claim's value as JSON: members by their code, scalars as in FORMAT.md."""
    if field in _MEMBER_CODES:
        return value.value
    if field in ("unions", "background") or field.startswith(COUNT_PREFIX):
        return value
    return StruggleFields(actions=(), **{field: value}).to_format()[field]


def decode_value(field: str, raw: Any) -> Any:
    """The domain value of a stored claim (the inverse of ``encode_value``)."""
    if field in _MEMBER_CODES:
        return _MEMBER_CODES[field](raw)
    if field == "background":
        return bool(raw)
    if field == "unions":
        return str(raw)
    if field.startswith(COUNT_PREFIX):
        return int(raw)
    return getattr(StruggleFields.from_format({field: raw}), field)


def claim_rows(struggle_id: int, claims: Iterable[Claim]) -> list[dict[str, Any]]:
    """Column values for storing ``claims`` as ``struggle_id``'s."""
    return [
        {
            "struggle_id": struggle_id,
            "source_id": c.source.id or None,
            "field": c.field,
            "value": encode_value(c.field, c.value),
        }
        for c in claims
    ]


def insert_claims(session: Session, struggle_id: int, claims: Iterable[Claim]) -> None:
    rows = claim_rows(struggle_id, claims)
    if rows:
        session.execute(insert(CLAIMS_TABLE), rows)


def load_states(session: Session, struggle_ids: Sequence[int]) -> dict[int, MergeState]:
    """Every struggle's claims (an empty state for a struggle that has none), in one query."""
    states: defaultdict[int, list[Claim]] = defaultdict(list)
    if struggle_ids:
        rows = session.execute(
            select(
                ClaimRow.struggle_id,
                ClaimRow.source_id,
                ClaimRow.field,
                ClaimRow.value,
                SourceRow.published,
            )
            .outerjoin(SourceRow, SourceRow.id == ClaimRow.source_id)
            .where(ClaimRow.struggle_id.in_(struggle_ids))
            .order_by(ClaimRow.id)
        )
        for struggle_id, source_id, field, value, published in rows:
            ref = SourceRef(source_id or UNSOURCED, _date(published))
            states[struggle_id].append(Claim(field, decode_value(field, value), ref))
    return {i: MergeState(tuple(states.get(i, ()))) for i in struggle_ids}


def load_state(session: Session, struggle_id: int) -> MergeState:
    return load_states(session, [struggle_id])[struggle_id]


def _date(text: str | None) -> PartialDate | None:
    return PartialDate.parse(text) if text else None


# ---- editor claims: a person's value for a whole field -----------------------------------


def encode_field(field: str, value: Any) -> Any:
    """A whole FORMAT field's value as its FORMAT.md JSON (None when not stated)."""
    fields = replace(StruggleFields(actions=()), **{field: value})
    return fields.to_format().get(field)


def decode_field(field: str, raw: Any) -> Any:
    """The domain value of a stored editor claim (the inverse of ``encode_field``)."""
    data = {} if raw is None else {field: raw}
    return getattr(StruggleFields.from_format(data), field)


def set_editor_claims(
    session: Session, struggle_id: int, values: dict[str, Any], actor: str
) -> None:
    """Record a person's values for these FORMAT fields (replacing earlier ones)."""
    if not values:
        return
    session.execute(
        delete(EditorClaimRow).where(
            EditorClaimRow.struggle_id == struggle_id, EditorClaimRow.field.in_(list(values))
        )
    )
    now = utcnow()
    rows = [
        {"struggle_id": struggle_id, "field": f, "value": encode_field(f, v), "actor": actor,
         "at": now}
        for f, v in values.items()
    ]  # fmt: skip
    session.execute(insert(EditorClaimRow.__table__), rows)  # type: ignore[arg-type]


def load_editor_fields(session: Session, struggle_id: int) -> dict[str, Any]:
    """The fields a person set on this struggle, as domain values."""
    rows = session.execute(
        select(EditorClaimRow.field, EditorClaimRow.value).where(
            EditorClaimRow.struggle_id == struggle_id
        )
    )
    return {field: decode_field(field, raw) for field, raw in rows}


def apply_editor_fields(fields: StruggleFields, editor: dict[str, Any]) -> StruggleFields:
    """Derived fields with every editor claim put over the sources' choice."""
    return replace(fields, **editor) if editor else fields
