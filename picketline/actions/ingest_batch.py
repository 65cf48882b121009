"""Ingesting a stream of documents: the same outcomes as one by one, at corpus speed.

``do_ingest_document`` pays, for every document, for its own write
transaction and for two indexed near-duplicate lookups, and reads it on one
core. Right for a form submission; far too slow for a corpus. ``BatchIngest``
does the same work for a stream, with the same functions doing the writes, so
a document gets the same outcome either way:

* exact and near duplicates are found in memory, in a ``DocumentIndex``
  loaded once from the stored fingerprints and then kept in step with what
  this run and any other writer store;
* extraction runs in worker processes (one ``Extractor`` each, built once) on
  the next batch while this process writes the one before;
* each batch is written in one transaction, in input order, every document
  inside a savepoint, so a document whose resolution fails is rolled back
  alone and reported, and the batch goes on.

Another ingest writing at the same time (two runs over one folder): each batch
transaction, holding the write lock, first indexes the sources stored since the
last batch and looks every text up again, so each document is still stored
exactly once. A run killed mid-batch loses only that batch's uncommitted
writes; running it again stores them.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.pool import Pool
from typing import Any, Protocol

import numpy as np
import sqlalchemy.exc
from sqlalchemy import select
from sqlalchemy.orm import Session

from picketline.actions.ingest import (
    ACTOR,
    IngestOutcome,
    Prepared,
    duplicate_outcome,
    failed,
    store_copy,
    store_read,
)
from picketline.db import Database
from picketline.db.models import SourceFingerprintRow, SourceRow, SourceShingleRow
from picketline.db.resolution import NearMatch
from picketline.extract.base import Extraction
from picketline.ingest.raw import IngestFailure, RawDocument
from picketline.resolve.dedup import MIN_SIMILARITY, DocumentIndex, Hashes, document_fingerprint
from picketline.settings import Settings

BATCH_SIZE = 200
"""Documents per write transaction: large enough to amortise it, small enough that a
killed run redoes little and other writers wait briefly."""
FIRST_BATCH = 8
"""The first batch is this small and each next one twice as large, up to ``BATCH_SIZE``,
so the first documents are stored (and seen by a reader) within a second."""
PARALLEL_MIN_JOBS = 16
"""A batch with fewer texts to read than this is read here: a worker pool costs more."""
_LOAD_CHUNK = 20_000
_ID_CHUNK = 900  # bound parameters per IN list, under SQLite's limit


class Reader(Protocol):
    """What reads one text: ``extract.pipeline.Extractor`` or a stand-in."""

    def extract(
        self, text: str, *, published: Any = None, url: Any = None, language: Any = None
    ) -> Extraction: ...


@dataclass(eq=False)
class _Ref:
    """A document in the index; ``source_id`` is known once it is stored (None if it failed)."""

    source_id: int | None = None


@dataclass
class _Item:
    """One input document on its way through a batch."""

    raw: RawDocument | None
    origin: str
    outcome: IngestOutcome | None = None  # decided without writing (failed, duplicate)
    ref: _Ref = field(default_factory=_Ref)
    exact: bytes = b""
    sample: Hashes | None = None
    near: tuple[_Ref, float, float, bool] | None = None  # original, similarity, containment, copy
    duplicate_of: _Ref | None = None  # the same text, met earlier in this run
    extraction: Extraction | None = None
    error: str | None = None
    generation: int = 0  # ``StoredTexts.generation`` when it was checked

    @property
    def needs_reading(self) -> bool:
        return self.outcome is None and self.duplicate_of is None and not self.is_copy

    @property
    def is_copy(self) -> bool:
        return self.near is not None and self.near[3]


class StoredTexts:
    """What this process knows of the stored sources: their hashes and fingerprints.

    Loaded once, then brought up to date under the write lock before each
    batch (``catch_up``) with the sources any other writer added meanwhile.
    """

    def __init__(self) -> None:
        self.index = DocumentIndex()
        self.by_hash: dict[str, _Ref] = {}
        self.seen_up_to = 0
        self.own: set[int] = set()
        self.generation = 0  # counts the catch-ups that found others' sources

    def catch_up(self, session: Session) -> int:
        """Index the sources stored since the last call (by others); how many."""
        added = 0
        while True:
            rows = session.execute(
                select(
                    SourceRow.id,
                    SourceRow.content_hash,
                    SourceFingerprintRow.exact_key,
                )
                .outerjoin(SourceFingerprintRow, SourceFingerprintRow.source_id == SourceRow.id)
                .where(SourceRow.id > self.seen_up_to)
                .order_by(SourceRow.id)
                .limit(_LOAD_CHUNK)
            ).all()
            if not rows:
                return added
            self.seen_up_to = rows[-1][0]
            foreign = [row for row in rows if row[0] not in self.own]
            samples = self._samples(session, [row[0] for row in foreign if row[2] is not None])
            for source_id, content_hash, exact_key in foreign:
                ref = _Ref(source_id)
                known = self.by_hash.get(content_hash)
                if known is None or known.source_id is None:  # stored first by another writer
                    self.by_hash[content_hash] = ref
                if exact_key is not None:
                    sample = samples.get(source_id, np.empty(0, dtype=np.uint64))
                    self.index.add_fingerprint(ref, bytes.fromhex(exact_key), sample)
            added += len(foreign)
            self.generation += bool(foreign)

    @staticmethod
    def _samples(session: Session, source_ids: list[int]) -> dict[int, Hashes]:
        grouped: dict[int, list[int]] = {}
        for start in range(0, len(source_ids), _ID_CHUNK):
            rows = session.execute(
                select(SourceShingleRow.source_id, SourceShingleRow.hash).where(
                    SourceShingleRow.source_id.in_(source_ids[start : start + _ID_CHUNK])
                )
            )
            for source_id, value in rows:
                grouped.setdefault(source_id, []).append(value)
        return {
            source_id: np.unique(np.array(values, dtype=np.int64).view(np.uint64))
            for source_id, values in grouped.items()
        }

    def nearest(self, item: _Item) -> tuple[_Ref, float, float, bool] | None:
        """The indexed document closest to the item (itself excluded), as ingest judges it."""
        assert item.sample is not None
        for near, size in self.index.closest(item.exact, item.sample):
            if near.doc_id is item.ref:
                continue
            ref = near.doc_id
            assert isinstance(ref, _Ref)
            is_copy = near.similarity >= MIN_SIMILARITY or len(item.sample) <= size
            return ref, near.similarity, near.containment, is_copy
        return None


# --- reading in worker processes -------------------------------------------------------

_WORKER_READER: Reader | None = None


def _start_worker(settings: Settings | None) -> None:
    """Pool initializer: this worker's one Extractor, built before any document arrives."""
    global _WORKER_READER
    from picketline.extract.pipeline import Extractor

    _WORKER_READER = Extractor(settings)


def _read_in_worker(raw: RawDocument) -> Extraction | str:
    assert _WORKER_READER is not None
    return _read(_WORKER_READER, raw)


def _read(reader: Reader, raw: RawDocument) -> Extraction | str:
    """The extraction of one text, or why it failed (a bug costs the document, not the run)."""
    try:
        return reader.extract(raw.text, published=raw.published, url=raw.url, language=raw.language)
    except Exception as error:
        return f"extraction failed: {type(error).__name__}: {error}"


class _Reading:
    """Extractions of one batch, computed here or by the pool while the caller writes."""

    def __init__(self, items: list[_Item], results: Any) -> None:
        self.items = items
        self.results = results

    def collect(self) -> None:
        results = self.results if isinstance(self.results, list) else self.results.get()
        for item, result in zip(self.items, results, strict=True):
            if isinstance(result, str):
                item.error = result
            else:
                item.extraction = result


# --- the batch ingest ------------------------------------------------------------------


class BatchIngest:
    """Ingests a stream of documents in batches; use as a context manager (it owns a pool).

    ``workers`` is how many processes read texts (default: every core, at most
    2 — what this project's machines have); 1 reads them in this process.
    """

    def __init__(
        self,
        db: Database,
        reader: Reader,
        *,
        settings: Settings | None = None,
        workers: int | None = None,
        batch_size: int = BATCH_SIZE,
        actor: str = ACTOR,
    ) -> None:
        self.db = db
        self.reader = reader
        self.settings = settings
        self.workers = workers if workers is not None else min(os.cpu_count() or 1, 2)
        self.batch_size = batch_size
        self.actor = actor
        self.stored = StoredTexts()
        self._pool: Pool | None = None
        self._loaded = False

    def __enter__(self) -> BatchIngest:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def parallel(self) -> bool:
        """Whether worker processes have been reading texts."""
        return self._pool is not None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def ingest(self, documents: Iterable[RawDocument | IngestFailure]) -> Iterator[IngestOutcome]:
        """Every document's outcome, in input order, a batch at a time."""
        if not self._loaded:
            with self.db.session() as session:
                self.stored.catch_up(session)
            self._loaded = True
        waiting: tuple[list[_Item], _Reading] | None = None
        for batch in _batches(documents, self.batch_size):
            items = [self._prepare(document) for document in batch]
            reading = self._start_reading(items)
            if waiting is not None:
                yield from self._write(*waiting)
            waiting = (items, reading)
        if waiting is not None:
            yield from self._write(*waiting)

    def _prepare(self, document: RawDocument | IngestFailure) -> _Item:
        """Check a document against everything known before it, and index it."""
        if isinstance(document, IngestFailure):
            return _Item(None, document.origin, failed(document.origin, document.reason))
        raw = document
        item = _Item(raw, raw.origin, generation=self.stored.generation)
        if not raw.text.strip():
            item.outcome = failed(raw.origin, "empty document (no text)")
            return item
        known = self.stored.by_hash.get(raw.content_hash)
        if known is not None:
            item.duplicate_of = known
            return item
        self.stored.by_hash[raw.content_hash] = item.ref
        item.exact, item.sample = document_fingerprint(raw.text)
        item.near = self.stored.nearest(item)
        self.stored.index.add_fingerprint(item.ref, item.exact, item.sample)
        return item

    def _start_reading(self, items: list[_Item]) -> _Reading:
        jobs = [item for item in items if item.needs_reading]
        raws = [item.raw for item in jobs if item.raw is not None]
        if self.workers > 1 and len(raws) >= PARALLEL_MIN_JOBS:
            pool = self._worker_pool()
            return _Reading(jobs, pool.map_async(_read_in_worker, raws, chunksize=8))
        return _Reading(jobs, [_read(self.reader, raw) for raw in raws])

    def _worker_pool(self) -> Pool:
        if self._pool is None:
            context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
            self._pool = context.Pool(
                self.workers, initializer=_start_worker, initargs=(self.settings,)
            )
        return self._pool

    def _write(self, items: list[_Item], reading: _Reading) -> Iterator[IngestOutcome]:
        reading.collect()
        outcomes: list[IngestOutcome] = []
        try:
            with self.db.transaction() as session:
                self.stored.catch_up(session)
                self._look_again(items)
                outcomes = [self._write_one(session, item) for item in items]
        except (sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError):
            raise  # the database is gone or locked: the run cannot go on
        yield from outcomes

    def _look_again(self, items: Sequence[_Item]) -> None:
        """Where another writer stored sources since an item was checked, check it again:
        it may now be their duplicate or their copy."""
        for item in items:
            if item.outcome is not None or item.duplicate_of is not None or item.raw is None:
                continue
            if item.generation == self.stored.generation:
                continue
            known = self.stored.by_hash.get(item.raw.content_hash)
            if known is not None and known is not item.ref:
                item.duplicate_of = known
                continue
            near = self.stored.nearest(item)
            if near is not None and near[3] and not item.is_copy:
                item.near = near

    def _write_one(self, session: Session, item: _Item) -> IngestOutcome:
        if item.outcome is not None:
            return item.outcome
        raw = item.raw
        assert raw is not None
        if item.duplicate_of is not None:
            outcome = self._duplicate(session, raw, item)
            item.ref.source_id = outcome.source_id  # later copies of it point there
            return outcome
        if item.error is not None:
            return failed(raw.origin, item.error)
        near = self._near_match(item)
        if near is None and item.extraction is None:  # its original failed: read it here
            result = _read(self.reader, raw)
            if isinstance(result, str):
                return failed(raw.origin, result)
            item.extraction = result
        assert item.sample is not None
        prepared = Prepared(raw, item.exact.hex(), item.sample, item.extraction)
        try:
            with session.begin_nested():
                if near is not None and (near.is_copy or item.extraction is None):
                    outcome = store_copy(session, self.db, prepared, near, self.actor)
                else:
                    assert item.extraction is not None
                    outcome = store_read(session, self.db, prepared, item.extraction, self.actor)
        except (sqlalchemy.exc.OperationalError, sqlalchemy.exc.InterfaceError):
            raise
        except Exception as error:  # a resolution bug: this document rolled back, reported
            return failed(raw.origin, f"could not be stored: {type(error).__name__}: {error}")
        item.ref.source_id = outcome.source_id
        if outcome.source_id is not None:
            self.stored.own.add(outcome.source_id)
        return outcome

    def _near_match(self, item: _Item) -> NearMatch | None:
        if item.near is None:
            return None
        ref, similarity, containment, is_copy = item.near
        if ref.source_id is None:  # the original was not stored
            return None
        return NearMatch(ref.source_id, similarity, containment, is_copy)

    @staticmethod
    def _duplicate(session: Session, raw: RawDocument, item: _Item) -> IngestOutcome:
        assert item.duplicate_of is not None
        source_id = item.duplicate_of.source_id
        if source_id is None:
            return failed(raw.origin, "the same text as an earlier document that failed")
        return duplicate_outcome(session, raw, source_id)


def _batches(
    documents: Iterable[RawDocument | IngestFailure], size: int
) -> Iterator[list[RawDocument | IngestFailure]]:
    batch: list[RawDocument | IngestFailure] = []
    wanted = min(FIRST_BATCH, size)
    for document in documents:
        batch.append(document)
        if len(batch) >= wanted:
            yield batch
            batch = []
            wanted = min(wanted * 2, size)
    if batch:
        yield batch
