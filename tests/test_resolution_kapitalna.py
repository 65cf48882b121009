"""Resolution on a real report: the December 2021 underground strike at the Kapitalna mine.

``shared/eval/public/016.txt`` (Ukrainian, 17 December 2021, read from the
evaluation folder, never copied here) reports it; the other texts below were
written for this test: the same strike told in Russian the same day and in
Ukrainian four days later, a strike at another mine of the same state
company in the same town that week, and the Dobropilska refusal that 016
recalls in passing. Each real dispute must end as one struggle; neighbours
must stay apart.
"""

from __future__ import annotations

from pathlib import Path

from picketline.actions.ingest import IngestOutcome, OutcomeKind
from picketline.actions.ingest_batch import BatchIngest
from picketline.db import Database
from picketline.db.struggles import get_struggle
from picketline.ingest.decode import read_document
from tests.test_ingest_actions import extractor, raw

RU_SAME_DAY = """В Мирнограде горняки шахты «Капитальная» ГП «Мирноградуголь» 17 декабря \
объявили подземную забастовку: 14 шахтёров первой смены отказались подниматься на \
поверхность. Они требуют погасить долги по заработной плате, сообщил председатель \
Независимого профсоюза горняков Украины. Профсоюз пытается передать бастующим еду и воду."""

UK_FOUR_DAYS_LATER = """Підземний страйк на шахті «Капітальна» в Мирнограді триває вже \
п'яту добу. Під землею залишаються 14 гірників ДП «Мирноградвугілля», які з 17 грудня \
вимагають погасити борги із заробітної плати. Керівництво підприємства обіцяє виплатити \
частину боргу до кінця місяця, повідомили в Незалежній профспілці гірників України."""

OTHER_MINE_SAME_WEEK = """На шахті «Центральна» ДП «Мирноградвугілля» у Мирнограді 20 грудня \
близько 40 гірників другої зміни відмовилися спускатися під землю. Вони протестують проти \
скорочення штату дільниці та вимагають зберегти робочі місця, повідомив голова первинної \
профспілкової організації шахти."""

DOBROPILSKA = """Працівники шахти «Добропільська» ДП «Добропіллявугілля» 6 грудня 2021 року \
відмовилися спускатися в шахту. Близько 100 гірників вимагають погасити заборгованість із \
заробітної плати за жовтень і листопад, повідомили в профспілці."""


def live_ids(outcome: IngestOutcome) -> set[int]:
    assert outcome.kind is OutcomeKind.NEW, (outcome.origin, outcome.reason)
    return set(outcome.struggle_ids)


def test_reports_of_the_kapitalna_strike_make_one_struggle(db: Database, shared_eval: Path) -> None:
    """Input: 016.txt, the Russian report of the same day, the Ukrainian follow-up four
    days later, a strike at the Tsentralna mine (same company, same town, same week) and
    the Dobropilska refusal of 6 December. The user sees: one Kapitalna struggle with
    three sources, the Tsentralna and Dobropilska strikes apart from it."""
    real = read_document(shared_eval / "public" / "016.txt").text
    docs = [
        raw(real, "2021-12-17", "016"),
        raw(RU_SAME_DAY, "2021-12-17", "ru"),
        raw(UK_FOUR_DAYS_LATER, "2021-12-21", "uk"),
        raw(OTHER_MINE_SAME_WEEK, "2021-12-20", "tsentralna"),
        raw(DOBROPILSKA, "2021-12-06", "dobropilska"),
    ]
    with BatchIngest(db, extractor(), workers=1) as batch:
        first, russian, follow_up, other, dobropilska = batch.ingest(docs)
    kapitalna = [
        i
        for i in live_ids(first)
        if (record := get_struggle(db, i))
        and "Капітальна" in (record.struggle.fields.workplace or "")
    ]
    assert len(kapitalna) == 1, [get_struggle(db, i).struggle.fields for i in live_ids(first)]  # type: ignore[union-attr]
    assert live_ids(russian) == set(kapitalna)
    assert live_ids(follow_up) == set(kapitalna)
    assert not live_ids(other) & live_ids(first)
    assert not live_ids(dobropilska) & set(kapitalna)
    record = get_struggle(db, kapitalna[0])
    assert record is not None
    assert {s.id for s in record.sources} == {
        first.source_id,
        russian.source_id,
        follow_up.source_id,
    }


HUNGER_STRIKE = """Гірники шахти «Капітальна» в Мирнограді, які з 17 грудня не виходять на \
поверхню, 21 грудня оголосили голодування. За даними профспілки, під землею перебувають уже \
15 шахтарів. Вони вимагають виплатити всю заборгованість із зарплати."""

RU_ENDED = """Шахтёры шахты «Капитальная» в Мирнограде 24 декабря завершили подземную \
забастовку и поднялись на поверхность: государство выплатило часть долгов по зарплате, \
сообщили в профсоюзе."""

EN_WIRE = """Fifteen miners at the Kapitalna coal mine in Myrnohrad, eastern Ukraine, have \
refused to come to the surface since December 17 in a protest over unpaid wages, the \
Independent Miners' Union of Ukraine said on Tuesday."""


def test_escalation_end_and_foreign_reports_join_the_same_struggle(
    db: Database, shared_eval: Path
) -> None:
    """Input: 016.txt, then reports written for this test: a hunger strike declared by the
    same miners (another action, another head count), the end of the strike in Russian, and
    an English wire story. The user sees: one struggle with all four sources."""
    real = read_document(shared_eval / "public" / "016.txt").text
    docs = [
        raw(real, "2021-12-17", "016"),
        raw(HUNGER_STRIKE, "2021-12-21", "hunger"),
        raw(RU_ENDED, "2021-12-24", "ended"),
        raw(EN_WIRE, "2021-12-21", "wire"),
    ]
    with BatchIngest(db, extractor(), workers=1) as batch:
        first, *later = batch.ingest(docs)
    kapitalna = {
        i
        for i in live_ids(first)
        if (record := get_struggle(db, i))
        and "Капітальна" in (record.struggle.fields.workplace or "")
    }
    assert len(kapitalna) == 1
    for outcome in later:
        assert live_ids(outcome) == kapitalna and outcome.merged == 1, outcome
    record = get_struggle(db, next(iter(kapitalna)))
    assert record is not None and len(record.sources) == 4
