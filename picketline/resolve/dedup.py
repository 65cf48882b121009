"""Near-duplicate documents: republished wire copy, light edits, and excerpts.

Documents are compared by their word shingles (runs of ``SHINGLE_WORDS``
folded words). Two numbers matter:

- *similarity* (Jaccard), high when two texts are the same story lightly
  edited;
- *containment* — the share of the shorter text found in the longer — high
  when one is an excerpt of the other, even a 30 % excerpt whose Jaccard
  similarity is only 0.3.

Fixed-size MinHash signatures (datasketch's ``MinHashLSH``) estimate
similarity well but not containment, and ``MinHashLSHEnsemble``, which does
containment, must be built once from the whole corpus, whereas ingest adds
documents one by one. So the index uses Broder's other min-wise sketch: keep
every shingle whose 64-bit hash is ``0 mod SAMPLE_MODULUS``. The sample of an
excerpt is then exactly a subset of the sample of its article, both measures
are estimated from the samples, and an inverted index from sampled hash to
documents serves as the locality-sensitive hash: only documents sharing
sampled shingles with a query are ever compared with it. Each document costs
a fixed share of its length, so building and querying grow linearly with the
corpus. Postings live in sorted numpy arrays (12 bytes each), compacted
geometrically, so 100,000 documents fit in a few hundred megabytes.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Hashable, Iterable
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from picketline.extract.morph import WORD, fold

SHINGLE_WORDS = 4
SAMPLE_MODULUS = 8
MIN_SIMILARITY = 0.5
MIN_CONTAINMENT = 0.6
MIN_SAMPLE_FOR_CONTAINMENT = 3
MAX_POSTINGS = 2000

Hashes = npt.NDArray[np.uint64]
_MULTIPLIERS = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93,
     0xFF51AFD7ED558CCD, 0xC4CEB9FE1A85EC53, 0x94D049BB133111EB, 0xBF58476D1CE4E5B9],
    dtype=np.uint64,
)  # fmt: skip


class NearDuplicate(NamedTuple):
    """An indexed document close to the query, and how close."""

    doc_id: Hashable
    similarity: float
    containment: float


_WORD_HASHES: dict[str, int] = {}
_WORD_CACHE_LIMIT = 2_000_000


def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def _word_hashes(words: list[str]) -> Hashes:
    """Stable 64-bit hashes of words, cached: a corpus has far fewer words than tokens."""
    cache = _WORD_HASHES
    if len(cache) > _WORD_CACHE_LIMIT:
        cache.clear()
    values = [cache.get(w) for w in words]
    for i, value in enumerate(values):
        if value is None:
            values[i] = cache[words[i]] = _word_hash(words[i])
    return np.array(values, dtype=np.uint64)


def _mix(values: Hashes) -> Hashes:
    """splitmix64's finaliser: every output bit depends on every input bit."""
    z = values ^ (values >> np.uint64(30))
    z = z * np.uint64(0xBF58476D1CE4E5B9)
    z = z ^ (z >> np.uint64(27))
    z = z * np.uint64(0x94D049BB133111EB)
    return z ^ (z >> np.uint64(31))


def _words(text: str) -> list[str]:
    return WORD.findall(fold(text))


def _shingles(words: list[str], words_per_shingle: int) -> Hashes:
    """Every shingle's hash, in text order, repeats included."""
    if not words:
        return np.empty(0, dtype=np.uint64)
    hashes = _word_hashes(words)
    k = min(words_per_shingle, len(words))
    count = len(words) - k + 1
    combined = np.zeros(count, dtype=np.uint64)
    for offset in range(k):
        combined += hashes[offset : offset + count] * _MULTIPLIERS[offset % len(_MULTIPLIERS)]
    return _mix(combined)


def shingle_hashes(text: str, words_per_shingle: int = SHINGLE_WORDS) -> Hashes:
    """The distinct 64-bit hashes of a text's word shingles, sorted.

    Case, ``ё``/``е`` and punctuation are folded away, so a re-typeset copy
    has the same shingles. A text shorter than one shingle is one shingle.
    """
    return np.unique(_shingles(_words(text), words_per_shingle))


def sample(hashes: Hashes, modulus: int = SAMPLE_MODULUS) -> Hashes:
    """The shingles kept for the index: those whose hash is 0 mod ``modulus``."""
    return hashes[hashes % np.uint64(modulus) == 0]


def fingerprint(words: list[str], modulus: int = SAMPLE_MODULUS) -> Hashes:
    """The sorted distinct sampled shingles (sampling first: unique on a small array)."""
    return np.unique(sample(_shingles(words, SHINGLE_WORDS), modulus))


def _exact_key(words: list[str]) -> bytes:
    return hashlib.blake2b(" ".join(words).encode(), digest_size=16).digest()


def document_fingerprint(text: str, modulus: int = SAMPLE_MODULUS) -> tuple[bytes, Hashes]:
    """A text's exact key (its folded words) and sampled shingles: what storage keeps.

    The same pair ``DocumentIndex`` files a document under, so a database can
    answer the same question with an indexed table instead of memory.
    """
    words = _words(text)
    return _exact_key(words), fingerprint(words, modulus)


def closeness(
    shared: int,
    size_a: int,
    size_b: int,
    min_similarity: float = MIN_SIMILARITY,
    min_containment: float = MIN_CONTAINMENT,
) -> NearDuplicate | None:
    """Similarity and containment from two samples' sizes and their overlap; None if far.

    ``doc_id`` of the result is None: the caller knows which document it compared.
    """
    smaller = min(size_a, size_b)
    union = size_a + size_b - shared
    similarity = shared / union if union else 0.0
    containment = shared / smaller if smaller else 0.0
    is_excerpt = containment >= min_containment and smaller >= MIN_SAMPLE_FOR_CONTAINMENT
    if similarity >= min_similarity or is_excerpt:
        return NearDuplicate(None, round(similarity, 3), round(containment, 3))
    return None


class _Postings:
    """An inverted index, sampled hash → document numbers, compact in memory.

    New postings go to a dict; once it holds a quarter as many as the sorted
    arrays, it is merged into them. The arrays are thus rebuilt O(log n)
    times, and a lookup is a binary search plus a dict probe.
    """

    def __init__(self) -> None:
        self.keys: Hashes = np.empty(0, dtype=np.uint64)
        self.docs: npt.NDArray[np.uint32] = np.empty(0, dtype=np.uint32)
        self.pending: defaultdict[int, list[int]] = defaultdict(list)
        self.pending_count = 0

    def __len__(self) -> int:
        return len(self.keys) + self.pending_count

    def add(self, hashes: Hashes, doc: int) -> None:
        for value in hashes.tolist():
            self.pending[value].append(doc)
        self.pending_count += len(hashes)
        if self.pending_count > max(65_536, len(self.keys) // 4):
            self.compact()

    def compact(self) -> None:
        if not self.pending_count:
            return
        new_keys = np.fromiter(
            (k for k, docs in self.pending.items() for _ in docs), np.uint64, self.pending_count
        )
        new_docs = np.fromiter(
            (d for docs in self.pending.values() for d in docs), np.uint32, self.pending_count
        )
        keys = np.concatenate([self.keys, new_keys])
        order = np.argsort(keys, kind="stable")
        self.keys, self.docs = keys[order], np.concatenate([self.docs, new_docs])[order]
        self.pending, self.pending_count = defaultdict(list), 0

    def lookup(self, hashes: Hashes, max_postings: int) -> tuple[npt.NDArray[np.uint32], int]:
        """Documents sharing each hash (repeats count), skipping over-common hashes; and
        how many of the query's hashes were skipped so."""
        low = np.searchsorted(self.keys, hashes, side="left")
        counts = np.searchsorted(self.keys, hashes, side="right") - low
        recent = [self.pending.get(v, []) for v in hashes.tolist()] if self.pending else []
        total = (
            counts + np.array([len(r) for r in recent], dtype=counts.dtype) if recent else counts
        )
        keep = (total > 0) & (total <= max_postings)
        skipped = int((total > max_postings).sum())
        starts, sizes = low[keep], counts[keep]
        # The postings of every kept hash, gathered in one vectorised step.
        offsets = np.repeat(starts - np.cumsum(sizes) + sizes, sizes) + np.arange(sizes.sum())
        also = [d for r, k in zip(recent, keep.tolist(), strict=False) if k for d in r]
        return np.concatenate([self.docs[offsets], np.array(also, dtype=np.uint32)]), skipped


class DocumentIndex:
    """Finds indexed documents that are near-duplicates or excerpts of a text.

    Picklable as it stands (persist it beside the database, or rebuild it from
    the stored texts with ``rebuild``). ``max_postings`` makes a shingle seen in
    more documents than that (an outlet's boilerplate) useless for finding
    candidates, so it cannot make a query touch the whole corpus.
    """

    def __init__(
        self,
        *,
        min_similarity: float = MIN_SIMILARITY,
        min_containment: float = MIN_CONTAINMENT,
        modulus: int = SAMPLE_MODULUS,
        max_postings: int = MAX_POSTINGS,
    ) -> None:
        self.min_similarity = min_similarity
        self.min_containment = min_containment
        self.modulus = modulus
        self.max_postings = max_postings
        self._ids: list[Hashable] = []
        self._samples: list[Hashes] = []
        self._exact: dict[bytes, list[int]] = {}
        self._sizes: dict[Hashable, int] = {}
        self._size_numbers: npt.NDArray[np.int64] = np.empty(0, dtype=np.int64)
        self._postings = _Postings()

    @classmethod
    def rebuild(cls, documents: Iterable[tuple[Hashable, str]], **options: Any) -> DocumentIndex:
        """An index of stored ``(doc_id, text)`` pairs, e.g. every source in the database."""
        index = cls(**options)
        for doc_id, text in documents:
            index.add(doc_id, text)
        return index

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, doc_id: Hashable, text: str) -> None:
        """Index one document (adding the same id twice indexes it twice)."""
        self._add(doc_id, *self._prepare(text))

    def near_duplicates(self, text: str) -> list[NearDuplicate]:
        """Indexed documents close to ``text``, most similar first.

        ``containment`` is the share of the *shorter* text's sample found in the
        longer one, so an excerpt is found whether it or its article came first.
        """
        return self._query(*self._prepare(text))

    def check_and_add(self, doc_id: Hashable, text: str) -> list[NearDuplicate]:
        """``near_duplicates`` then ``add``, reading the text once: what ingest does."""
        prepared = self._prepare(text)
        found = self._query(*prepared)
        self._add(doc_id, *prepared)
        return found

    def add_fingerprint(self, doc_id: Hashable, exact: bytes, sampled: Hashes) -> None:
        """Index a document by the fingerprint ``document_fingerprint`` gave (or storage kept)."""
        self._add(doc_id, exact, sampled)

    def closest(self, exact: bytes, sampled: Hashes) -> list[tuple[NearDuplicate, int]]:
        """``near_duplicates`` of a fingerprint, each with the other's sample size.

        The size tells an excerpt (the smaller sample) from the article it was
        cut from, which ingest treats differently.
        """
        found = self._query(exact, sampled)
        return [(near, self._sizes[near.doc_id]) for near in found]

    def _prepare(self, text: str) -> tuple[bytes, Hashes]:
        words = _words(text)
        return _exact_key(words), fingerprint(words, self.modulus)

    def _add(self, doc_id: Hashable, exact: bytes, sampled: Hashes) -> None:
        number = len(self._ids)
        self._sizes[doc_id] = len(sampled)
        self._ids.append(doc_id)
        self._samples.append(sampled)
        self._exact.setdefault(exact, []).append(number)
        self._postings.add(sampled, number)

    def _query(self, exact: bytes, query: Hashes) -> list[NearDuplicate]:
        scores: dict[int, NearDuplicate] = {}
        for number in self._exact.get(exact, []):
            scores[number] = NearDuplicate(self._ids[number], 1.0, 1.0)
        for number in self._candidates(query):
            if number not in scores:
                found = self._compare(query, number)
                if found is not None:
                    scores[number] = found
        return sorted(scores.values(), key=lambda d: (-d.similarity, -d.containment))

    def _candidates(self, query: Hashes) -> list[int]:
        """Documents sharing enough sampled shingles with the query to be worth comparing.

        Shared postings count each document's shared shingles, except the
        over-common ones skipped; with those added back as if all were shared,
        a document that still cannot reach either threshold is not compared at
        all (templated phrases shared by thousands of reports would otherwise
        make every query compare hundreds of documents).
        """
        if not len(query):
            return []
        found, skipped = self._postings.lookup(query, self.max_postings)
        numbers, hits = np.unique(found, return_counts=True)
        needed = 1 if len(query) < MIN_SAMPLE_FOR_CONTAINMENT else 2
        numbers, hits = numbers[hits >= needed], hits[hits >= needed]
        if not len(numbers):
            return []
        shared = (hits + skipped).astype(np.float64)
        sizes = self._size_array()[numbers].astype(np.float64)
        size = float(len(query))
        smaller = np.minimum(sizes, size)
        similarity = shared / np.maximum(sizes + size - shared, 1.0)
        containment = shared / np.maximum(smaller, 1.0)
        possible = (similarity >= self.min_similarity) | (
            (containment >= self.min_containment) & (smaller >= MIN_SAMPLE_FOR_CONTAINMENT)
        )
        return numbers[possible].tolist()

    def _size_array(self) -> npt.NDArray[np.int64]:
        """Every indexed document's sample size, by number (grown as documents are added)."""
        if len(self._size_numbers) < len(self._samples):
            extra = [len(s) for s in self._samples[len(self._size_numbers) :]]
            self._size_numbers = np.concatenate(
                [self._size_numbers, np.array(extra, dtype=np.int64)]
            )
        return self._size_numbers

    def _compare(self, query: Hashes, number: int) -> NearDuplicate | None:
        other = self._samples[number]
        shared = np.intersect1d(query, other, assume_unique=True).size
        found = closeness(shared, len(query), len(other), self.min_similarity, self.min_containment)
        return found._replace(doc_id=self._ids[number]) if found else None
