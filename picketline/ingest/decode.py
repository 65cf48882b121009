"""Turning an article file's bytes into clean text, whatever its encoding.

Articles arrive as UTF-8, UTF-16 (with or without a byte-order mark), or in
the old Cyrillic single-byte encodings (Windows-1251, KOI8-R/U). Those
single-byte encodings decode *any* byte string without error, and a KOI8-R
text read as Windows-1251 is valid but meaningless ("РТЙЧЕФ" for "привет"),
so the choice between them is made by plausibility: the share of Cyrillic
words that the pymorphy3 dictionaries know, with mixed-script words ("cafй")
counting against a candidate.

HTML pasted or saved as an article is reduced to its text (trafilatura, or a
plain tag stripper when trafilatura finds nothing); script and style content
is never kept. Newlines are normalised to ``\\n`` *before* extraction sees
the text, so every character offset extraction reports refers to the text
returned here.

Every problem is an ``InputError`` with one line naming the file.
"""

from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass
from pathlib import Path

from picketline.errors import InputError

MAX_BYTES = 50 * 1024 * 1024
"""Largest file accepted: a 20 MB text must still work, a stray disk image must not."""

SAMPLE_BYTES = 256 * 1024
"""How much of a file the encoding and HTML guesses look at: enough, and fast on 20 MB."""

SINGLE_BYTE_CANDIDATES = ("cp1251", "koi8-r", "koi8-u", "cp1252", "iso8859-5", "cp866")
"""Tried in this order; an earlier one wins ties (cp1251 is by far the commonest)."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_HTML_DOC = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?<!doctype\s+html|^\s*<html[\s>]", re.I)
_HTML_TAG = re.compile(
    r"<(?:p|div|span|br|a|body|head|script|style|article|section|h[1-6]|li|ul|table|meta|title)"
    r"(?:\s[^<>]*)?/?>",
    re.I,
)


@dataclass(frozen=True)
class DecodedDocument:
    """The text of one input file, and how it was read."""

    text: str
    encoding: str
    was_html: bool
    title: str | None = None


def read_document(path: Path | str, *, max_bytes: int = MAX_BYTES) -> DecodedDocument:
    """Read and decode an article file; raise ``InputError`` naming it on any problem."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        if size > max_bytes:
            raise InputError(
                f"{name}: the file is {size / 2**20:.1f} MB, over the "
                f"{max_bytes / 2**20:.0f} MB limit"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{name}: no such file") from None
    except PermissionError:
        raise InputError(f"{name}: permission denied") from None
    except OSError as error:
        raise InputError(f"{name}: cannot be read ({error.strerror or error})") from None
    return decode_bytes(data, name, max_bytes=max_bytes)


def decode_bytes(data: bytes, name: str, *, max_bytes: int = MAX_BYTES) -> DecodedDocument:
    """Decode an article's bytes; ``name`` appears in every error message."""
    if len(data) > max_bytes:
        raise InputError(
            f"{name}: the input is {len(data) / 2**20:.1f} MB, over the "
            f"{max_bytes / 2**20:.0f} MB limit"
        )
    if not data.strip():
        raise InputError(f"{name}: the file is empty")
    text, encoding = _decode(data, name)
    text = normalise_newlines(text)
    title = None
    was_html = looks_like_html(text, name)
    if was_html:
        text, title = html_to_text(text)
    if not text.strip():
        raise InputError(
            f"{name}: the file has no text" + (" (only HTML markup)" if was_html else "")
        )
    return DecodedDocument(text=text, encoding=encoding, was_html=was_html, title=title)


def normalise_newlines(text: str) -> str:
    """``\\r\\n`` and lone ``\\r`` become ``\\n``; a leading byte-order mark goes."""
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, name), encoding.removesuffix("-sig")
    utf16 = _bomless_utf16(data)
    if utf16:
        return _strict(data, utf16, name), utf16
    if b"\x00" in data:
        raise InputError(f"{name}: not a text file (it contains NUL bytes: binary data?)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if len(_CONTROL.findall(data[:SAMPLE_BYTES])) > 0.01 * min(len(data), SAMPLE_BYTES):
        raise InputError(f"{name}: not a text file (binary data, or an unknown encoding)")
    return _best_single_byte(data, name)


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"{name}: claims to be {encoding} but is not valid {encoding}") from None


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when nearly every code unit is Latin or Cyrillic text.

    Without a BOM, UTF-16 shows as one byte of each pair being ``00`` (Latin)
    or ``04`` (Cyrillic); random binary data almost never looks like that.
    """
    sample = data[: SAMPLE_BYTES & ~1]
    if len(sample) < 4 or len(data) % 2:
        return None
    units = len(sample) // 2
    for encoding, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        textual = sum(high.count(b) for b in (0x00, 0x04, 0x20))
        if textual >= 0.95 * units and high.count(0x00) > 0.05 * units:
            try:
                decoded = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if not _CONTROL.search(decoded[:4096].encode("utf-8", "ignore")):
                return encoding
    return None


def _best_single_byte(data: bytes, name: str) -> tuple[str, str]:
    sample = data[:SAMPLE_BYTES]
    best: tuple[float, str] | None = None
    for encoding in _candidates(sample):
        try:
            decoded = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = plausibility(decoded)
        if best is None or score > best[0] + 1e-9:
            best = (score, encoding)
    if best is None:
        raise InputError(f"{name}: cannot tell the text encoding")
    try:
        return data.decode(best[1]), best[1]
    except UnicodeDecodeError:
        return data.decode(best[1], errors="replace"), best[1]


def _candidates(sample: bytes) -> list[str]:
    """The usual single-byte encodings plus charset-normalizer's best guess."""
    candidates = list(SINGLE_BYTE_CANDIDATES)
    try:
        from charset_normalizer import from_bytes

        guess = from_bytes(sample).best()
    except Exception:  # a heuristic helper must never stop the read
        guess = None
    if guess is not None and guess.encoding:
        normal = codecs.lookup(guess.encoding).name
        if normal not in {codecs.lookup(c).name for c in candidates}:
            candidates.append(normal)
    return candidates


def plausibility(text: str, max_words: int = 3000) -> float:
    """How much ``text`` looks like real words, 0..1 (the encoding-choice score).

    Counts words holding a non-ASCII letter: a Cyrillic word the ru or uk
    dictionary knows, or a mostly-ASCII Latin word with an accent, is good; a word mixing
    Latin and Cyrillic letters is bad; an unknown Cyrillic word is neutral
    evidence against. Pure-ASCII words say nothing about the encoding.
    """
    good = total = 0
    for match in _WORD.finditer(text):
        word = match.group()
        if word.isascii():
            continue
        total += 1
        cyrillic, latin = bool(_CYRILLIC.search(word)), bool(_LATIN.search(word))
        if cyrillic and not latin:
            good += _known_cyrillic(word)
        elif latin and not cyrillic:
            good += _plausible_latin(word)
        if total >= max_words:
            break
    return good / total if total else 0.0


def _plausible_latin(word: str) -> bool:
    """An accented Latin word ("café"), not a run of mis-decoded bytes ("ÒÕÇÛ")."""
    foreign = sum(not ch.isascii() for ch in word)
    return foreign * 2 <= len(word) and (word.islower() or word.istitle() or word.isupper())


def _known_cyrillic(word: str) -> bool:
    from picketline.extract.morph import analyzer, guess_cyrillic_language

    lowered = word.lower()
    first = guess_cyrillic_language(lowered)
    second = "uk" if first == "ru" else "ru"
    return bool(analyzer(first).word_is_known(lowered) or analyzer(second).word_is_known(lowered))


# --- HTML ------------------------------------------------------------------------

_SCRIPT_STYLE = re.compile(r"<(script|style|noscript|template|svg)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote)\b[^>]*>",
    re.I,
)
_TAG = re.compile(r"<[^>]*>")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)


def looks_like_html(text: str, name: str = "") -> bool:
    """An HTML page, by its file name, doctype or a handful of common tags."""
    head = text[:SAMPLE_BYTES]
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return "<" in head
    if _HTML_DOC.match(head.encode("utf-8", "ignore")[:4096]):
        return True
    return len(_HTML_TAG.findall(head, 0, SAMPLE_BYTES)) >= 3


def html_to_text(markup: str) -> tuple[str, str | None]:
    """The readable text of an HTML page and its title (scripts and styles dropped)."""
    title_match = _TITLE.search(markup)
    title = _clean_inline(title_match.group(1)) if title_match else None
    text = _trafilatura_text(markup)
    if not text:
        text = strip_tags(markup)
    return normalise_newlines(text), title or None


def _trafilatura_text(markup: str) -> str | None:
    try:
        import trafilatura

        return trafilatura.extract(
            markup, include_comments=False, include_tables=True, favor_recall=True
        )
    except Exception:  # trafilatura's parser failing is a reason to fall back, not to stop
        return None


def strip_tags(markup: str) -> str:
    """A plain tag stripper: drops script/style/comments, keeps block breaks."""
    text = _COMMENT.sub(" ", _SCRIPT_STYLE.sub(" ", markup))
    text = _TITLE.sub(" ", text)
    text = _BLOCK.sub("\n", text)
    text = html.unescape(_TAG.sub("", text))
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _clean_inline(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())
