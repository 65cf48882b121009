"""The strike-fund pages: the public transparency page, and the editors' entry form.

``/funds/{id}`` renders the same public model as ``/api/v1/funds/{id}``
(``FundOut``): a template cannot reach a donor's identity because the model has
none. Editors (``can(actor, "record", "ledger")``) get a form to record entries
and a button to reverse one; both post with a CSRF token and go through
``picketline.actions.ledger``, which refuses anything that would unbalance the
books. Amounts are typed as text and parsed exactly.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from picketline.access.permissions import Actor, can
from picketline.actions.ledger import do_record_entry, do_reverse_entry
from picketline.db import ledger as ledger_db
from picketline.domain.ledger import Donor, EntryKind, LedgerError, parse_amount
from picketline.errors import PicketlineError
from picketline.web.api.funds import load_public_fund
from picketline.web.auth import ActorDep, check_csrf, require
from picketline.web.deps import DbDep
from picketline.web.i18n import url_path

router = APIRouter(include_in_schema=False)

RecorderDep = Annotated[Actor, Depends(require("record", "ledger"))]
RECORDABLE = [k for k in EntryKind if k != EntryKind.REVERSAL]


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    templates = request.app.state.templates
    base = {"has_demo": request.app.state.demo_cache.value}
    response: Response = templates.TemplateResponse(
        request, name, {**base, **context}, status_code=status
    )
    return response


def _donor_names(request: Request, actor: Actor, fund_id: int) -> dict[int, str]:
    """Entry id → donor name and email, for editors allowed to see donors; else nothing."""
    if not can(actor, "donors", "ledger"):
        return {}
    db = request.app.state.db
    with db.session() as session:
        entries = ledger_db.fund_transactions(session, fund_id, db.cipher)
    return {
        e.id: " · ".join(part for part in (e.donor.name, e.donor.email) if part)
        for e in entries
        if e.id is not None and e.donor is not None
    }


@router.get("/funds/{fund_id}", response_class=HTMLResponse, name="fund_page")
def fund_page(request: Request, db: DbDep, actor: ActorDep, fund_id: int) -> Response:
    fund = load_public_fund(db, fund_id)
    context = {
        "f": fund,
        "can_record": can(actor, "record", "ledger"),
        "donors": _donor_names(request, actor, fund_id),
    }
    return _render(request, "fund.html", context)


@router.get("/funds/{fund_id}/record", response_class=HTMLResponse, name="fund_record_form")
def fund_record_form(request: Request, db: DbDep, actor: RecorderDep, fund_id: int) -> Response:
    return _form(request, db, fund_id, {})


def _form(
    request: Request, db: Any, fund_id: int, values: dict[str, Any], error: str | None = None
) -> Response:
    fund = load_public_fund(db, fund_id)
    defaults: dict[str, Any] = {
        "kind": "donation",
        "amount": "",
        "date": dt.date.today().isoformat(),
    }
    defaults |= {"purpose": "", "donor_name": "", "donor_email": "", "consent": False}
    context = {"f": fund, "kinds": RECORDABLE, "v": {**defaults, **values}, "error": error}
    return _render(request, "fund_record.html", context, status=400 if error else 200)


@router.post(
    "/funds/{fund_id}/record",
    response_class=HTMLResponse,
    name="fund_record",
    dependencies=[Depends(check_csrf)],
)
def fund_record(
    request: Request,
    db: DbDep,
    actor: RecorderDep,
    fund_id: int,
    kind: Annotated[str, Form(max_length=32)],
    amount: Annotated[str, Form(max_length=40)],
    date: Annotated[str, Form(max_length=10)],
    purpose: Annotated[str, Form(max_length=2000)] = "",
    donor_name: Annotated[str, Form(max_length=500)] = "",
    donor_email: Annotated[str, Form(max_length=500)] = "",
    consent: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    values: dict[str, Any] = {"kind": kind, "amount": amount, "date": date, "purpose": purpose}
    values |= {"donor_name": donor_name, "donor_email": donor_email, "consent": bool(consent)}
    fund = load_public_fund(db, fund_id)
    try:
        minor = parse_amount(amount, fund.currency)
        day = _parse_date(date)
        donor = Donor(donor_name, donor_email, bool(consent)) if donor_name or donor_email else None
        do_record_entry(
            db,
            fund_id,
            kind=kind,
            amount=minor,
            occurred_on=day,
            purpose=purpose,
            donor=donor,
            actor=actor.name,
        )
    except (LedgerError, PicketlineError) as error:
        return _form(request, db, fund_id, values, str(error))
    target = url_path(request, "fund_page", fund_id=str(fund_id))
    return RedirectResponse(target, status_code=303)


@router.post(
    "/funds/{fund_id}/entries/{entry_id}/reverse",
    name="fund_reverse",
    dependencies=[Depends(check_csrf)],
)
def fund_reverse(
    request: Request,
    db: DbDep,
    actor: RecorderDep,
    fund_id: int,
    entry_id: int,
    reason: Annotated[str, Form(max_length=1000)],
) -> Response:
    load_public_fund(db, fund_id)
    with db.session() as session:
        entry = ledger_db.get_transaction(session, entry_id)
    if entry is None or entry.fund_id != fund_id:
        raise HTTPException(status_code=404, detail="no such entry in this fund")
    try:
        do_reverse_entry(db, entry_id, reason=reason, actor=actor.name)
    except PicketlineError as error:
        raise HTTPException(status_code=400, detail=str(error)) from None
    target = url_path(request, "fund_page", fund_id=str(fund_id))
    return RedirectResponse(target, status_code=303)


def _parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise LedgerError(f"the date {text[:20]!r} is not a date (YYYY-MM-DD)") from None
