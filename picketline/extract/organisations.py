"""Unions and employers named by how the article relates them to the workers.

``actors.py`` finds organisations by their own words (a union head, a company
form); this module finds the ones the article names only by relation:

* unions: an acronym of 3-7 capitals that the article ties to union words
  anywhere ("the NTWU union", "members of the PRTU", "IWGB-led strike",
  "профсоюз ЖДК", "члени ВНПМ"), then every mention of that acronym; a name
  before "members" or after "members of" in an article that speaks of unions
  ("Unite members walked out");
* employers: a name after a relation word — "owned by", "contracted to",
  "employed by", "works for", "a subsidiary of"; "принадлежащий", "подрядчик",
  "работающие на", "контракт с"; "належить", "підрядник", "працюють на".
"""

from __future__ import annotations

import re

from picketline.extract.base import Finding
from picketline.extract.lexicon.actors import KNOWN_UNIONS
from picketline.extract.morph import lemma
from picketline.extract.patterns import Sentence
from picketline.extract.patterns.cyrillic import name_key

_ACRONYM = r"[A-ZА-ЯЁІЇЄҐ][A-ZА-ЯЁІЇЄҐ&]{2,6}"
# Union words an acronym is tied to, on either side.
_ACRONYM_TIES = re.compile(
    rf"(?P<a>{_ACRONYM})(?i:\s+(?:trade\s+)?union|\s+members|\s*-\s*led|\s+shop stewards"
    r"|\s+(?:general secretary|president|leaders?|officials?|organi[sz]ers?|branch)"
    r"|\s+профсоюз\w*|\s+профспілк\w*)\b"
    rf"|\b(?i:union|members of(?: the)?|led by(?: the)?|organi[sz]ed by(?: the)?|профсоюз\w*"
    rf"|профспілк\w*|члены|члени|членов|членів|лидер\w*|лідер\w*)\s+(?P<b>{_ACRONYM})\b"
)
_NOT_ACRONYM = frozenset(
    {"CEO", "USA", "USD", "UAH", "RUB", "EUR", "GDP", "COVID", "ООО", "ОАО", "ЗАО", "ПАО", "ТОВ"}
)
_MEMBERS = re.compile(
    r"(?<![\w'’])(?P<a>(?:[A-Z][\w'’&-]+\s+){0,2}[A-Z][\w'’&-]+)\s+members\b"
    r"|\bmembers of (?:the )?(?P<b>(?:[A-Z][\w'’&-]+\s+){0,3}[A-Z][\w'’&-]+)"
)
_NOT_MEMBER_BODY = re.compile(
    r"\b(?:Party|Parliament|Council|Board|Assembly|Committee|Club|Family|Government|Cabinet"
    r"|Senate|House|Congressional|Church|Team|Staff|The|Some|Many|All|Our|Their|Its|These"
    r"|Those|Crew|Cast|Band|Commission|Police|Army|Forces|European|EU|NATO)\b"
)
_UNION_TALK = re.compile(r"\b(?:unions?|профсоюз\w*|профспілк\w*)", re.IGNORECASE)

_EN_RELATION = re.compile(
    r"\b(?:owned by|operated by|run by|employed by|contracted (?:to|by)|subcontracted (?:to|by)"
    r"|a subsidiary of|(?:work|works|working|worked) for|hired by|supplier to)\s+(?:the\s+)?"
    r"(?:(?:company|firm|contractor|operator|multinational|giant)\s+)?"
    r"(?P<name>(?:[A-Z][\w'’.&-]*\s?){1,4})"
)
_CYR_RELATION = re.compile(
    r"\b(?:принадлежащ\w+|подрядчик\w*|подрядной организаци\w+|субподрядчик\w*|работающ\w+ на"
    r"|работают на|контракт\w* с|по заказу|належн\w+|належить|підрядник\w*|субпідрядник\w*"
    r"|працюю\w* на|контракт\w* з|на замовлення)\s+"
    r"(?:(?:компани|компані|фирм|фірм|организаци|організаці)\w*\s+)?"
    r"(?:[«\"„“](?P<q>[^»\"”“\n]{2,60})[»\"”“]|(?P<cap>(?-i:[A-Z][\w'’.&-]+(?:\s+[A-Z][\w'’.&-]+)?)))"
)
_NOT_EMPLOYER = re.compile(r"^(?:Union|Ministry|Government|President|The|Monday|Friday)\b")


def acronym_unions(sentences: list[Sentence]) -> list[Finding]:
    """Every mention of an acronym that the article somewhere ties to union words."""
    tied: set[str] = set()
    for sentence in sentences:
        for match in _ACRONYM_TIES.finditer(sentence.text):
            name = match.group("a") or match.group("b")
            if name and name not in _NOT_ACRONYM and name not in KNOWN_UNIONS:
                tied.add(name)
    if not tied:
        return []
    mention = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(tied))) + r")(?![\w])")
    return [
        union_finding(sentence, match.group(), match.start(), match.end())
        for sentence in sentences
        for match in mention.finditer(sentence.text)
    ]


def member_unions(sentences: list[Sentence]) -> list[Finding]:
    """ "Unite members", "members of the Bakers Guild", where the article speaks of unions."""
    if not any(_UNION_TALK.search(s.text) for s in sentences):
        return []
    found = []
    for sentence in sentences:
        for match in _MEMBERS.finditer(sentence.text):
            group = "a" if match.group("a") else "b"
            name = match.group(group)
            opening = group == "a" and match.start() == 0 and " " in name
            if _NOT_MEMBER_BODY.search(name) or opening:
                continue
            found.append(union_finding(sentence, name, match.start(group), match.end(group)))
    return found


def union_finding(sentence: Sentence, name: str, start: int, end: int) -> Finding:
    return Finding(
        "unions",
        name,
        sentence.start + start,
        sentence.start + end,
        0.6,
        {"key": " ".join(lemma(w) for w in re.findall(r"\w+", name)), "sentence": sentence.index},
    )


def related_employers(sentence: Sentence, language: str) -> list[Finding]:
    """Employers named by a relation: "owned by X", "подрядчик «X»", "працюють на «X»"."""
    found = []
    if language == "en":
        for match in _EN_RELATION.finditer(sentence.text):
            name = match.group("name").strip().rstrip(".,")
            if len(name) < 2 or _NOT_EMPLOYER.match(name) or name in KNOWN_UNIONS:
                continue
            start = match.start("name")
            found.append(_finding(sentence, name, start, start + len(name), "en"))
        return found
    for match in _CYR_RELATION.finditer(sentence.text):
        group = "q" if match.group("q") else "cap"
        name = match.group(group).strip()
        value = f"«{name}»" if group == "q" else name
        found.append(_finding(sentence, value, match.start(group), match.end(group), language))
    return found


def _finding(sentence: Sentence, value: str, start: int, end: int, language: str) -> Finding:
    return Finding(
        "employer",
        value,
        sentence.start + start,
        sentence.start + end,
        0.65,
        {"key": name_key(value.strip("«»"), language), "sentence": sentence.index},
    )
