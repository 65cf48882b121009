"""Actors: the workers (in the article's words), the workplace, the employer, the unions.

All four are read with patterns around head nouns, not with a statistical
NER (none is available offline for all three languages at our speed): worker
nouns ("miners", "шахтеров"), workplace nouns followed by a quoted or
preceded by a capitalised name ("шахта «Заречная»", "Komsomolskaya mine"),
company forms ("ГП «Первомайскуголь»", "... & Co.") and union heads. Russian
and Ukrainian forms are put back into the nominative so "на шахте" reads
"шахта" and "гірників" reads "гірники".
"""

from __future__ import annotations

import re
from dataclasses import replace

from picketline.domain.vocab import Sector
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.lexicon.actors import (
    CYR_COMPANY_FORMS,
    CYR_MOVEMENT_HEAD,
    CYR_UNION_HEAD,
    EN_COMPANY_SUFFIX,
    EN_LABOUR_WORDS,
    EN_MODIFIERS,
    EN_NOT_LABOUR,
    EN_UNION_PATTERN,
    EN_WORKPLACE_KINDS,
    KNOWN_UNIONS,
    WORKER_NOUNS,
    WORKPLACE_NOUNS,
)
from picketline.extract.lexicon.workers import CYR_MODIFIER_STEMS
from picketline.extract.morph import analyzer, guess_cyrillic_language, lemma
from picketline.extract.organisations import (
    acronym_unions,
    agreeing_adjectives,
    employers_after_workers,
    headed_companies,
    member_unions,
    named_plants,
    nominative_name,
    related_employers,
    said_it_organisations,
    sites_of_owners,
)
from picketline.extract.patterns import Sentence, doc_sentences
from picketline.extract.patterns.cyrillic import is_singular_person, name_key, to_nominative

_QUOTED = r"[«\"„“]([^»\"”“\n]{2,60})[»\"”“]"
_CAP = r"[A-Z][\w'’.-]*"
# Site nouns written capitalised as part of the name ("Riverside Hospital", "Khanyisa Colliery").
EN_NAMED_SITE_NOUNS = (
    r"Hospital|Infirmary|Clinic|Medical Cent(?:er|re)|Health Cent(?:er|re)|Colliery|Mine|Refinery"
    r"|Shipyard|Steelworks|Hotel|Warehouse"
)
_CYR_CAP = r"[А-ЯЁІЇЄҐ][\w'’.-]*"
_PAREN = r"(?:\([^()\n]{1,30}\)\s+)?"


def _alternation(entries: list[tuple[str, object]]) -> str:
    return "|".join(f"(?:{pattern})" for pattern, _ in entries)


class ActorPatterns:
    """The compiled patterns of one language."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.worker_entries = [
            (re.compile(rf"\b(?:{p})\b", re.IGNORECASE), sector)
            for p, sector in WORKER_NOUNS[language]
        ]
        self.workplace_entries = [
            (re.compile(rf"^(?:{p})$", re.IGNORECASE), sector)
            for p, sector in WORKPLACE_NOUNS[language]
        ]
        nouns = _alternation(WORKPLACE_NOUNS[language])  # type: ignore[arg-type]
        if language == "en":
            run = rf"(?:{_CAP}\s+{_PAREN}){{1,4}}(?:(?:and|&)\s+(?:{_CAP}\s+){{1,4}})?"
            self.workplace = re.compile(
                rf"(?P<name>{run})(?:(?P<kind>{EN_WORKPLACE_KINDS})\s+)?"
                rf"(?P<noun>{nouns}|{EN_NAMED_SITE_NOUNS})\b"
            )
        else:
            named = (
                rf"(?:{_QUOTED}|(?:им\.|имени|ім\.|імені)\s+({_CYR_CAP}(?:\s+{_CYR_CAP})*)"
                r"|(№\s*\d+[\w-]*))"
            )
            self.workplace = re.compile(rf"\b(?P<noun>{nouns})\s+{named}", re.IGNORECASE)
        self.union_head = re.compile(CYR_UNION_HEAD, re.IGNORECASE)


_PATTERNS: dict[str, ActorPatterns] = {}


def patterns(language: str) -> ActorPatterns:
    if language not in _PATTERNS:
        _PATTERNS[language] = ActorPatterns(language)
    return _PATTERNS[language]


# --- workers ---------------------------------------------------------------


def find_workers(
    sentence: Sentence, language: str, blocked: tuple[tuple[int, int], ...] = ()
) -> list[Finding]:
    """Worker noun phrases in a sentence, each with the sector it implies.

    Trades coordinated in one phrase are one workforce ("drivers and conductors",
    "медсестри та санітарки"). ``blocked``: spans (in the sentence) of union
    names, whose trade words name no workforce ("Transport Workers' Union").
    """
    matches = [
        (match, sector)
        for regex, sector in patterns(language).worker_entries
        for match in regex.finditer(sentence.text)
    ]
    # the longest trade wins where two overlap ("fast-food workers", not "food workers")
    matches.sort(key=lambda m: (m[0].start() - m[0].end(), m[0].start()))
    found: list[Finding] = []
    taken: list[tuple[int, int]] = list(blocked)
    for match, sector in matches:
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        taken.append((match.start(), match.end()))
        if language != "en" and _one_person(sentence.text, match, language):
            continue
        found.append(_worker_finding(sentence, match, sector, language))
    return _coordinated(sentence, sorted(found, key=lambda f: f.start))


_COUNTED_BEFORE = re.compile(
    r"(?:\d|\b(?:два|две|три|четыре|оба|обе|дві|чотири|обидва|обидві))\S*\s+(?:\S+\s+)?$",
    re.IGNORECASE,
)


def _one_person(text: str, match: re.Match[str], language: str) -> bool:
    """A singular trade noun ("сказал фельдшер", "кабінет лікаря") names one person, not
    a workforce — unless a number counts it ("23 сотрудника", "дві медсестри")."""
    if _COUNTED_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
        return False
    return is_singular_person(match.group().split()[-1], language)


def _worker_finding(
    sentence: Sentence, match: re.Match[str], sector: object, language: str
) -> Finding:
    """The trade noun itself, in the nominative: the shortest words that name the
    workforce match the article's other mentions of it best ("водители" is the
    "водители автобусов" of one sentence and the "водители МУП" of the next)."""
    start, words = match.start(), match.group().casefold()
    generic = sector is None
    employer = _WORKERS_WITH.match(sentence.text, match.start()) if language == "en" else None
    if employer:
        words, generic = f"{employer.group('kind').casefold()} workers", False
        sector = EN_MODIFIERS.get(employer.group("kind").casefold(), sector)
    elif language == "en":
        before = re.search(r"([\w-]+)([\s-]+)$", sentence.text[: match.start()])
        modifier = before.group(1).casefold() if before else ""
        if modifier in EN_MODIFIERS:
            glued = before.group(2) == "-"  # type: ignore[union-attr]  # "fast-food workers"
            start, words = before.start(1), f"{modifier}{before.group(2)}{words}"  # type: ignore[union-attr]
            if glued or not sector:
                sector = EN_MODIFIERS[modifier]
            generic = False
        elif generic and (two := _TWO_WORDS_BEFORE.search(sentence.text, 0, match.start())):
            # "oil service workers", "city transit employees": the sector word one further back
            first = two.group(1).casefold()
            if first in EN_MODIFIERS and two.group(2).casefold() not in EN_NOT_A_MODIFIER:
                start, sector, generic = two.start(1), EN_MODIFIERS[first], False
                words = f"{first} {two.group(2).casefold()} {words}"
    else:
        if generic:
            adjective = _CYR_WORD_BEFORE.search(sentence.text, max(0, start - 40), start)
            modifier = _cyr_modifier_sector(adjective.group(1)) if adjective else None
            if modifier is not None:  # "портовые рабочие": their trade by its adjective
                sector, generic = modifier, False
        collective = _COLLECTIVE.search(match.group())  # "персонал" has no plural
        words = to_nominative(match.group(), language, plural=not collective).casefold()
    return Finding(
        "workers",
        words,
        sentence.start + start,
        sentence.start + match.end(),
        0.6 if generic else 0.85,
        {"sector": sector, "generic": generic, "sentence": sentence.index},
    )


_CYR_WORD_BEFORE = re.compile(r"([а-яёіїєґ'’-]+)\s+$", re.IGNORECASE)
_CYR_MODIFIERS = [
    (
        re.compile(rf"^(?:{stems})\w*(?:ые|ие|ых|их|ым|им|ыми|ими|і|их|им|ими)$", re.IGNORECASE),
        sector,
    )
    for stems, sector in CYR_MODIFIER_STEMS
]


def _cyr_modifier_sector(word: str) -> Sector | None:
    return next((sector for regex, sector in _CYR_MODIFIERS if regex.match(word)), None)


_TWO_WORDS_BEFORE = re.compile(r"\b([A-Za-z][\w-]*) ([a-z][\w-]*) $")
# Words between a sector word and the workers that end the compound ("oil and gas workers"
# reads one further back; "coal the workers" is none).
EN_NOT_A_MODIFIER = frozenset(
    [
        "the",
        "a",
        "an",
        "and",
        "or",
        "of",
        "for",
        "at",
        "in",
        "on",
        "by",
        "with",
        "to",
        "from",
        "their",
        "its",
        "our",
        "his",
        "her",
        "these",
        "those",
        "some",
        "all",
        "many",
        "most",
        "other",
        "more",
        "striking",
        "angry",
        "sacked",
    ]
)
_COLLECTIVE = re.compile(r"персонал|коллектив|колектив", re.IGNORECASE)
# Between two trades of one workforce: "drivers and conductors", "медсестри та санітарки".
_CONJUNCTION = re.compile(
    r"^(?:\s*,\s*(?:(?:and|or|и|і|та|й|или|або)\s+)?|\s+(?:and|or|&|и|і|та|й|или|або)\s+)$",
    re.IGNORECASE,
)


def _coordinated(sentence: Sentence, found: list[Finding]) -> list[Finding]:
    """Trades joined by "and"/"и"/"та" or commas become one workforce, in the article's
    words ("nurses, midwives and porters"); its sector is the first specific trade's."""
    out: list[Finding] = []
    for finding in found:
        last = out[-1] if out else None
        gap = (
            sentence.text[last.end - sentence.start : finding.start - sentence.start]
            if last
            else ""
        )
        if last is None or not _CONJUNCTION.match(gap):
            out.append(finding)
            continue
        sector = last.attrs.get("sector") or finding.attrs.get("sector")
        generic = bool(last.attrs.get("generic")) and bool(finding.attrs.get("generic"))
        out[-1] = replace(
            last,
            value=f"{last.value}{gap.casefold()}{finding.value}",
            end=finding.end,
            confidence=max(last.confidence, finding.confidence),
            attrs={**last.attrs, "sector": sector, "generic": generic},
        )
    return out


# --- workplaces --------------------------------------------------------------


def find_workplaces(
    sentence: Sentence,
    language: str,
    proper: frozenset[str] = frozenset(),
    located: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Named workplaces: "Komsomolskaya mine", шахта «Заречная», шахта ім. Засядька.

    ``proper``: capitalised words the document also uses mid-sentence; a
    sentence's first word is part of a name only if it is one of them
    ("Laid-off mine workers" is not a mine called "Laid-off"). ``located``:
    words the document uses as its location ("in Dundee", a "DUNDEE -"
    dateline): "the Dundee plant" there describes the plant, it names none.
    """
    pats = patterns(language)
    found = []
    for match in pats.workplace.finditer(sentence.text):
        noun = match.group("noun")
        sector = next((s for r, s in pats.workplace_entries if r.match(noun)), None)
        if language == "en":
            name = re.sub(r"\([^()]*\)\s*", "", match.group("name")).strip()
            name = re.sub(r"^(?:The|A|An|At|In|On)\s+", "", name)
            if match.start("name") == 0 and name.split()[0] not in proper:
                name = " ".join(name.split()[1:])
            if not name or re.search(rf"(?:{EN_COMPANY_SUFFIX})$", name) or name in KNOWN_UNIONS:
                continue
            if _not_a_site_name(name, noun, located) or _INDEFINITE.search(
                sentence.text, max(0, match.start("name") - 10), match.start("name")
            ):
                # "Glasgow depots", "Unison's office", "Dundee plant", "a Pittsburgh hotel"
                continue
            kind = f"{match.group('kind')} " if match.group("kind") else ""
            value, key = f"{name} {kind}{noun}", name_key(name, language)
            start = match.start("name") + match.group("name").find(name.split()[0])
        else:
            name = match.group(2) or match.group(3) or match.group(4)
            if name[:1].islower():
                continue  # «для проведения модернизации»: quoted words, no name
            quote = match.group()[len(noun) :].strip()
            value = f"{to_nominative(noun, language)} {quote}"
            key, start = name_key(name, language), match.start()
        found.append(
            Finding(
                "workplace",
                value,
                sentence.start + start,
                sentence.start + match.end(),
                0.8,
                {"sector": sector, "key": key, "sentence": sentence.index},
            )
        )
    if language != "en":
        found += _adjective_named_workplaces(sentence, language)
    return found


# "Тернопільська обласна клінічна лікарня", "Полтавський обласний центр екстреної медичної
# допомоги": a workplace named by a capitalised adjective and its own adjectives (not at a
# sentence's start, where any word is capitalised, nor inside a quoted name).
_CYR_SITE_NOUNS = (
    r"больниц\w*|лікарн\w*|поликлиник\w*|поліклінік\w*|госпитал\w*|госпітал\w*|школ\w*"
    r"|гимнази\w*|гімназі\w*|лице\w*|ліце\w*|университет\w*|університет\w*|колледж\w*|коледж\w*"
    r"|депо|станци\w*|станці\w*|центр\w*|шахт\w*|рудник\w*|завод\w*|комбинат\w*|комбінат\w*"
    r"|фабрик\w*"
    r"|разрез\w*|розріз\w*|карьер\w*|кар['’]єр\w*|элеватор\w*|елеватор\w*"
)
_CYR_ADJECTIVE_SITE = re.compile(
    r"(?<=[\s(])(?P<name>(?:(?-i:[А-ЯЁІЇЄҐ])|(?=[а-яёіїєґ'’-]+\s+(?:станц|центр)\w*\s+(?:скорой"
    r"|швидкої|екстреної|неотложной)))[а-яёіїєґ'’-]+(?:\s+[а-яёіїєґ'’-]+){0,3}?\s+"
    rf"(?P<noun>{_CYR_SITE_NOUNS})(?P<care>\s+(?:скорой|швидкої|екстреної|неотложной)"
    r"(?:\s+(?:медицинской|медичної))?\s+(?:помощи|допомоги))?)(?![\w'’-]|\s+[«\"„“№])",
    re.IGNORECASE,
)


def _adjective_named_workplaces(sentence: Sentence, language: str) -> list[Finding]:
    found = []
    for match in _CYR_ADJECTIVE_SITE.finditer(sentence.text):
        words = match.group("name").split()
        head = len(words) - len(match.group("care").split()) - 1 if match.group("care") else -1
        if not agreeing_adjectives(words[: (head % len(words)) + 1], language):
            continue
        if _PLANT.match(match.group("noun")) and _after_workers(
            sentence.text, match.start(), language
        ):
            continue  # "работников Челябинского механического завода": their employer
        if match.group("noun").casefold().startswith(("центр", "станц")) and not match.group(
            "care"
        ):
            continue  # "Московский центр" alone names no kind of workplace
        value = nominative_name(words, len(words) + head if head < 0 else head, language)
        sector = Sector.Q if match.group("care") else _site_sector(match.group("noun"), language)
        found.append(
            Finding(
                "workplace",
                value[:1].upper() + value[1:] if words[0][:1].isupper() else value,
                sentence.start + match.start(),
                sentence.start + match.end(),
                0.75,
                # the capitalised word and the noun: "Тернопільська обласна клінічна лікарня"
                # and "Тернопільська обласна лікарня" are one hospital
                {
                    "sector": sector,
                    "key": name_key(f"{words[0]} {match.group('noun')}", language),
                    "sentence": sentence.index,
                },
            )
        )
    return found


_PLANT = re.compile(r"завод|комбинат|комбінат|фабрик", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"([\w'’-]+)\s+$")


def _after_workers(text: str, start: int, language: str) -> bool:
    """Whether the word before ``start`` names workers ("работников" Челябинского завода)."""
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None:
        return False
    return any(regex.fullmatch(before.group(1)) for regex, _ in patterns(language).worker_entries)


def _site_sector(noun: str, language: str) -> Sector | None:
    return next((s for r, s in patterns(language).workplace_entries if r.match(noun)), None)


# Where an English article says it is set: "in Dundee", "DUNDEE, Scotland -", "DUNDEE -".
_LOCATED = re.compile(
    r"\bin (?:(?:downtown|central|greater|north|south|east|west|northern|southern|eastern"
    r"|western|suburban|inner-city)\s+)?([A-Z][a-z][\w'-]+)|^([A-Z]{3,})(?=,| [-–—])",
    re.MULTILINE,
)
_INDEFINITE = re.compile(r"\b(?:a|an|another|one)\s+$", re.IGNORECASE)


def _not_a_site_name(name: str, noun: str, located: frozenset[str] = frozenset()) -> bool:
    """A possessive (the company's or union's site), several sites, or the name of the
    town the article is set in: a description, not the name of one workplace."""
    if re.search(r"['’]s?$", name):
        return True
    plural = noun.casefold().endswith("s") and noun.casefold() not in ("works", "glass")
    if plural and " and " not in name:
        return True  # "Black Mountain and Lone Mountain mines" names two
    if " " in name or noun[:1].isupper() or re.match(r"(?i)mines?|shafts?|pits?|collier", noun):
        return False  # mines are named after their villages; longer names are names
    return name.casefold() in located  # "the Dundee plant" in an article set in Dundee


# --- employers ---------------------------------------------------------------

_EN_EMPLOYER = re.compile(
    rf"(?P<name>(?:(?:{_CAP}|&)\s+){{0,5}}(?:{EN_COMPANY_SUFFIX}))(?![\w])"
    rf"|\b(?:employer|owner|operator|contractor|company|firm),?\s+"
    rf"(?P<appos>(?:{_CAP}\s?){{1,5}})"
)
_CYR_EMPLOYER = re.compile(
    rf"\b(?P<form>{CYR_COMPANY_FORMS}|(?-i:[КФ])(?:омпани|омпані|ирм|ірм)\w+)\s+{_QUOTED}"
)
# "концерн Deutsche Bahn", "компанії Polska Grupa Górnicza": a company noun, then a Latin name.
_CYR_LATIN_EMPLOYER = re.compile(
    r"\b(?:концерн\w*|компани\w+|компані\w+|корпораци\w+|корпораці\w+|оператор\w*"
    r"|перевозчик\w*|перевізник\w*|холдинг\w*|групп\w+|груп[аиіу]|ритейлер\w*|маркетплейс\w*)\s+"
    r"(?P<latin>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})"
)
# Generic nouns that are no part of a company's name ("Компания «Корзинка»" is «Корзинка»).
_GENERIC_FORM = re.compile(r"^(?:компани|компані|фирм|фірм|холдинг|концерн)", re.IGNORECASE)
# "Leeds City Council", "Kent County Council": the council that employs its workers.
_EN_COUNCIL = re.compile(
    r"(?P<name>(?:[A-Z][\w'-]+\s+){1,3}(?:(?:City|County|Borough|District|Metropolitan|Town"
    r"|Municipal|Regional|Parish)\s+)?Council)\b"
)
# "Lakeview Health, which owns St. Brendan": the owner named by relation.
_EN_OWNER = re.compile(
    r"(?P<name>(?:[A-Z][\w'&.-]*\s?){1,4}),\s+which (?:owns|runs|operates|manages)\b"
)
_MUNICIPAL = re.compile(
    r"\b(?P<kind>(?i:town|city|municipality|county|district|village|borough)) of"
    r" (?P<name>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)?)"
)
_WORKERS_WITH = re.compile(
    r"\b(?:workers|employees|staff) (?:with|for|of|at) the (?P<kind>town|city|municipality|council"
    r"|county|village|borough)\b",
    re.IGNORECASE,
)
_MID_CAPITAL = re.compile(r"(?<=[\s(])[A-Z][\w'’.-]*")
_MUNICIPAL_WORKERS = re.compile(
    r"\b(?:workers|employees|staff) (?:with|for|of|at) the (?:town|city|municipality|council"
    r"|county|village|borough)\b|\b(?:town|city|municipal|council) (?:workers|employees|staff)\b",
    re.IGNORECASE,
)


def find_employers(sentence: Sentence, language: str, municipal: bool = False) -> list[Finding]:
    """Named employers: company forms, "employer, X", "Town of X" for town workers."""
    if language == "en":
        named = [_en_employer(sentence, m) for m in _EN_EMPLOYER.finditer(sentence.text)]
        if municipal:
            named += [_municipal(sentence, m) for m in _MUNICIPAL.finditer(sentence.text)]
        for pattern in (_EN_COUNCIL, _EN_OWNER):
            for match in pattern.finditer(sentence.text):
                name = re.sub(r"^(?:The|A|An)\s+", "", match.group("name").strip())
                if len(name.split()) >= 2 or pattern is _EN_OWNER:
                    named.append(
                        _employer(sentence, name, match.start("name"), match.end("name"), name)
                    )
        return [f for f in named if f is not None]
    found = [
        f
        for f in (_en_employer(sentence, m) for m in _EN_EMPLOYER.finditer(sentence.text))
        if f is not None and f.attrs.get("suffixed")
    ]
    for match in _CYR_EMPLOYER.finditer(sentence.text):
        form = match.group("form")
        head = form if form.isupper() else to_nominative(form, language)
        quoted = match.group()[len(form) :].strip()
        value = quoted if _GENERIC_FORM.match(form) else f"{head} {quoted}"
        found.append(_employer(sentence, value, match.start(), match.end(), match.group(2)))
    for match in _CYR_LATIN_EMPLOYER.finditer(sentence.text):
        name = match.group("latin")
        if not re.search(r"\b(?:Co|Inc|Ltd|Corp|S\.A|N\.V)\.$", name):
            name = name.rstrip(".")  # the sentence's full stop
        if name not in KNOWN_UNIONS:
            end = match.start("latin") + len(name)
            found.append(_employer(sentence, name, match.start("latin"), end, name))
    return found


def _en_employer(sentence: Sentence, match: re.Match[str]) -> Finding | None:
    group = "name" if match.group("name") else "appos"
    name = re.sub(r"^(?:The|A|An)\s+", "", match.group(group).strip()).rstrip(",")
    if len(name) < 3 or "Union" in name or name in KNOWN_UNIONS:
        return None
    found = _employer(sentence, name, match.start(group), match.end(group), name)
    return replace(found, attrs={**found.attrs, "suffixed": group == "name"})


def _municipal(sentence: Sentence, match: re.Match[str]) -> Finding:
    name = f"{match.group('kind').capitalize()} of {match.group('name')}"
    return _employer(sentence, name, match.start(), match.end(), match.group("name"), 0.6)


def _employer(
    sentence: Sentence, value: str, start: int, end: int, name: str, confidence: float = 0.75
) -> Finding:
    return Finding(
        "employer",
        value,
        sentence.start + start,
        sentence.start + end,
        confidence,
        {
            "key": name_key(name, "ru" if re.search("[а-яё]", name, re.I) else "en"),
            "sentence": sentence.index,
        },
    )


# --- unions --------------------------------------------------------------------

_KNOWN = re.compile(
    r"(?<![\w-])(?:" + "|".join(re.escape(u) for u in KNOWN_UNIONS) + r")(?![\w-])"
    r"(?:\s+Local\s+\d+\w*)?"  # "Teamsters Local 20", "Unifor Local 256"
)
# "Профсоюз машинистов GDL": a generic Cyrillic head before the union's own Latin name.
_LATIN_NAME_AFTER = re.compile(r"\s+([A-Z][A-Za-z.]{1,9}|[A-Z]{2,6})(?![\w-])")
# "(НПГУ)" after the full name: the acronym is kept for matching, not in the name.
_TRAILING_ACRONYM = re.compile(r"\s*\([A-ZА-ЯЁІЇЄҐ]{2,8}\)$")
# "X та Y": two unions named together, each with its own head word.
_CYR_AND = re.compile(r"\s+(?:и|і|та)\s+(?=(?:\w+\s+){0,2}(?:профсоюз|профспілк))", re.IGNORECASE)
_EN_UNION = re.compile(EN_UNION_PATTERN)
_EN_NOT_LABOUR = re.compile(EN_NOT_LABOUR)
_EN_LABOUR_WORDS = re.compile(EN_LABOUR_WORDS)
_NOT_UNIONS = re.compile(
    r"^(?:European|African|Soviet|The)?\s*Union(?:\s+Buildings)?$"
    r"|^(?:The\s+)?(?:Trade|Labou?r|Independent|Free|Workers['’]?|National|Local|Our|Their)"
    r"(?:\s+(?:Trade|Labou?r))?\s+(?:Unions?|Federation|Confederation|Association)$"
)
# Genitive words after a union's head ("работников транспорта, связи и энергетики");
# verbs ("заявила", "вимагали") end the name.
_GENITIVE = (
    r"(?!(?!освіти\b|роботи\b|охорони\b)[а-яёіїєґ'’-]+(?:ла|ли|ло|ть|ся|сь|ти)\b)[а-яёіїєґ'’-]{3,}(?:ов|ев|ей|ых|их|ників|ків|чих"
    r"|ців|ства|ости|ості|ой|ої|ії|ии|ия|ння|ния|ики|іки|ів|ей|ого|его|ього|а|и|я|і|у|ю)\b"
)
# A capitalised preposition opens a sentence, not a union's name ("В профсоюз вступили ...").
_PREPOSITION = r"(?-i:В|Во|На|С|Со|У|К|По|О|Об|З|Із|До|Від|За|Для|Из|От|И|І|Та|Но|А|Але|Но)"
# "Белорусского независимого профсоюза": lower-case adjectives after the capitalised one.
_LOWER_ADJECTIVE = (
    r"(?-i:[а-яёіїєґ'’-]+(?:ого|ой|ый|ий|ая|ої|ій|ей|их|ых|ое|на|ька|ська)(?![\w'’-]))"
)
_CYR_UNION = re.compile(
    rf"(?:(?!{_PREPOSITION}\s)(?-i:{_CYR_CAP})\s+(?:{_LOWER_ADJECTIVE}\s+)?){{0,2}}(?:{CYR_UNION_HEAD})"
    rf"(?:(?:\s*,\s*|\s+(?:и|і|та)\s+|\s+)(?:{_GENITIVE}|(?-i:[А-ЯЁІЇЄҐ])[\w'’-]+)){{0,6}}"
    # its quoted name, perhaps after words of whom it organises ("профспілки медсестер «X»"),
    # never after a verb ("профсоюз назвал «незаконным»")
    r"(?:(?:\s+(?![а-яёіїєґ'’-]+(?:ла|ли|ло|ть|ся|сь|ти|ет|ит|ют|ят|ут)\b)[а-яёіїєґ'’-]{3,}){0,2}?"
    r"\s+[«\"„“](?-i:[A-ZА-ЯЁІЇЄҐ0-9])[^»\"”“\n]{1,40}[»\"”“])?"
    r"(?:\s+\((?-i:[А-ЯЁІЇЄҐ]{2,8})\))?"
    rf"|(?:{CYR_MOVEMENT_HEAD})\s+[«\"„“][^»\"”“\n]{{2,40}}[»\"”“]",
    re.IGNORECASE,
)


def find_unions(sentence: Sentence, language: str) -> list[Finding]:
    """Named unions: known acronyms, "... Union (of ...)", профсоюз/профспілка phrases,
    "the union X", and the workers' own committees ("strike committee", "стачком")."""
    text, found = sentence.text, []
    spans: list[tuple[int, int]] = []
    named = _EN_UNION.finditer(text) if language == "en" else _cyr_unions(text, language)
    for match in named:
        name = match.group().strip() if isinstance(match, re.Match) else match[0]
        start, end = (match.start(), match.end()) if isinstance(match, re.Match) else match[1:]
        name = re.sub(r"^(?:The|the|Members of the|members of the)\s+", "", name)
        name = name.rstrip(".")
        if language == "en" and (_NOT_UNIONS.match(name) or len(name.split()) < 2):
            continue
        spans.append((start, end))
        if language == "en" and _not_labour(name):
            continue  # "Russian Federation", "Students' Union": no workers' body
        found.append(_union(sentence, name, start, end))
    for match in _KNOWN.finditer(text):
        if not any(s <= match.start() < e for s, e in spans):
            spans.append((match.start(), match.end()))
            found.append(_union(sentence, match.group(), match.start(), match.end()))
    extra = _en_lower_unions(text, spans) if language == "en" else []
    extra += _named_after_union_word(text, spans) + _committees(text, language, spans)
    return found + [_union(sentence, name, start, end) for name, start, end in extra]


def _not_labour(name: str) -> bool:
    return bool(_EN_NOT_LABOUR.search(name)) and not _EN_LABOUR_WORDS.search(name)


def _free(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s < end and start < e for s, e in spans)


def _en_lower_unions(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    out = []
    for match in _EN_LOWER_UNION.finditer(text):
        run = re.sub(r"^(?:The|A|An)\s+", "", match.group("run").strip())
        if not _free(spans, match.start("run"), match.end()):
            continue
        if all(w in _GENERIC_RUN for w in run.split()) or _not_labour(run):
            continue
        start = match.start("run") + match.group("run").find(run)
        out.append((f"{run} union", start, match.end()))
    return out


# "the independent union Kurier", "the teachers' union, Fenprof,", "профсоюз «Курьер»"
# (Cyrillic heads with a quoted name are read by _CYR_UNION): the name after a lower-case
# union word, not a title ("union President Ann Lee") or a day ("union Monday").
_AFTER_UNION_WORD = re.compile(
    r"\b(?:trade )?union(?:\s+(?:branch|local|chapter|section)\s+of(?:\s+the)?)?,?\s+"
    r"(?!(?:President|Secretary|General|Chair\w*|Leader|Official|Spokes\w+|Organi[sz]er|Head"
    r"|Chief|Director|Vice|Deputy|Regional|National|Branch|Local|Steward|Rep\w*|Members?|Boss"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|On|In|At|And|But|The|This"
    r"|That|It|They|He|She|We|Said|Says|Has|Had|Was|Is)\b)"
    r"(?P<name>[A-Z][\w'’.&-]*(?:-[A-Z][\w'’.&-]*)?(?:\s+[A-Z][\w'’.&-]*){0,2})"
)


def _named_after_union_word(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
    out = []
    for match in _AFTER_UNION_WORD.finditer(text):
        name = match.group("name").rstrip(".,")
        start = match.start("name")
        if _free(spans, start, start + len(name)) and not _not_labour(name):
            spans.append((start, start + len(name)))
            out.append((name, start, start + len(name)))
    return out


# The workers' own bodies: a strike committee, an initiative group of workers, the union
# committee of the workplace. Cyrillic ones in the nominative (the body acts) or after a
# word of leading ("при поддержке стачкома", "на заклик страйкому").
_EN_PLACED_BEFORE = re.compile(
    r"\b(?:on|of|to|with|from|for|in|at|into|onto) (?:the|a|its|their) $", re.I
)
_EN_COMMITTEE = re.compile(r"\b(?:strike|workers['’]?|shop stewards['’]?) committee\b", re.I)
_CYR_COMMITTEE = re.compile(
    r"\b(?:стачком\w*|стачечн\w+ комитет\w*|забастовочн\w+ комитет\w*|страйком\w*"
    r"|страйков\w+ комітет\w*|профком\w*|профсоюзн\w+ комитет\w*|профспілков\w+ комітет\w*"
    r"|первичн\w+ профсоюзн\w+ организаци\w*|первинн\w+ профспілков\w+ організаці\w*"
    r"|(?:инициативн\w+ групп\w*|ініціативн\w+ груп\w*)(?=\s+(?:работ|рабоч|сотрудник|водител"
    r"|шахт|горняк|медик|учител|курьер|праців|робітник|співробітник|водії|водіїв|шахтар|гірник"
    r"|медик|вчител|кур)))",
    re.IGNORECASE,
)
_OF_A_UNION = re.compile(r"\s+(?:[A-ZА-ЯЁІЇЄҐ]{2,}|[«\"„“]|профсоюз|профспілк|(?i:of the)\s+[A-Z])")
_LEAD_BEFORE = re.compile(
    r"(?:при поддержке|по призыву|по инициативе|под руководством|во главе с|член\w*"
    r"|за підтримки|на заклик|з ініціативи|під керівництвом|на чолі з|организован\w*"
    r"|організован\w*)\s+$",
    re.IGNORECASE,
)


def _nominative(word: str, language: str) -> bool:
    """Whether a Cyrillic word's likeliest reading is the nominative (the body acts)."""
    parses = analyzer(guess_cyrillic_language(word, language)).parse(word.casefold())
    return bool(parses) and "nomn" in parses[0].tag


def _committees(
    text: str, language: str, spans: list[tuple[int, int]]
) -> list[tuple[str, int, int]]:
    out = []
    if language == "en":
        for match in _EN_COMMITTEE.finditer(text):
            if _EN_PLACED_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue  # "was on the strike committee": a member's seat, not the body acting
            if _free(spans, match.start(), match.end()) and not _OF_A_UNION.match(
                text, match.end()
            ):
                out.append((match.group().casefold(), match.start(), match.end()))
        return out
    for match in _CYR_COMMITTEE.finditer(text):
        nominative = _nominative(match.group().split()[0], language)
        led = _LEAD_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if _OF_A_UNION.match(text, match.end()):
            continue  # "первинна організація КВПУ", "профком «Защиты»": that union's own body
        if (nominative or led) and _free(spans, match.start(), match.end()):
            name = to_nominative(match.group(), language).casefold()
            out.append((name, match.start(), match.end()))
    return out


# "the Public and Commercial Services union": a capitalised name before a lower-case "union".
_EN_LOWER_UNION = re.compile(r"(?P<run>(?:[A-Z][\w'’.&-]*\s+(?:(?:and|&)\s+)?){1,5})union\b")
_GENERIC_RUN = frozenset(
    [
        "The",
        "A",
        "An",
        "This",
        "That",
        "Their",
        "Its",
        "Our",
        "His",
        "Her",
        "National",
        "Local",
        "Independent",
        "Trade",
        "Labour",
        "Labor",
        "Workers",
        "Members",
        "Every",
        "Each",
        "One",
    ]
)
_MEMBERS_OF = re.compile(
    r"(?:член\w*|учасник\w*|участник\w*|глав[аыеуі]|голов[аиіу]|председател\w*|лидер\w*"
    r"|лідер\w*|представител\w*|представник\w*)\s+",
    re.IGNORECASE,
)
# "профспілка працівників вугільної промисловості": a sectoral union is named by its
# sector even in lower case (not "профсоюз работников завода", the plant's own); in
# the nominative only, as the subject that acts ("організації профспілки ..." is a source).
_SECTORAL = re.compile(
    r"(?:профспілка|профсоюз)\s+(?:працівників|робітників|работников|рабочих|трудящих(?:ся)?)\s+"
    r"(?!(?:предприяти|підприємств|завод|шахт|компани|компані|фабрик|комбинат|цех|депо"
    r"|организаци|організаці|больниц|лікарн|школ|университет|університет)\w*)[^\W\d_]{3,}",
    re.IGNORECASE,
)
_STREET = re.compile(r"\s+(?:улиц|вулиц|проспект|площад|переул|провулк)\w*", re.IGNORECASE)


def _cyr_unions(text: str, language: str) -> list[tuple[str, int, int]]:
    out = []
    for match in _CYR_UNION.finditer(text):
        latin = _LATIN_NAME_AFTER.match(text, match.end())
        if latin and len(match.group().split()) <= 2:
            out.append((latin.group(1), latin.start(1), latin.end(1)))
            continue
        parts, offset = [], match.start()
        for piece in _CYR_AND.split(match.group()):
            position = text.index(piece, offset)
            parts.append((piece, position))
            offset = position + len(piece)
        for piece, position in parts:
            named_union = _cyr_union(text, piece, position, language)
            if named_union is not None:
                out.append(named_union)
    return out


def _cyr_union(text: str, phrase: str, start: int, language: str) -> tuple[str, int, int] | None:
    members = _MEMBERS_OF.match(phrase)
    if members:  # "членов профсоюза «Действие»": the union, not its members
        phrase, start = phrase[members.end() :], start + members.end()
    phrase = _without_person(phrase, language)  # "председателя профсоюза Асылбека Жумагалиева"
    noun_before = _NOUN_BEFORE_HEAD.match(phrase)
    if noun_before and not _union_body_word(noun_before.group(1), language):
        # "Заявление профсоюза «Действие»": a sentence's first noun, no part of the name
        phrase, start = phrase[noun_before.end() :], start + noun_before.end()
    words = phrase.split()
    end = start + len(phrase)
    if len(words) < 2 or _STREET.match(text, end) or not _named_union(text, phrase, start):
        return None
    name = _TRAILING_ACRONYM.sub("", to_nominative(phrase, language))
    return name, start, end


_NOUN_BEFORE_HEAD = re.compile(rf"((?-i:{_CYR_CAP}))\s+(?=(?:{CYR_UNION_HEAD}))", re.IGNORECASE)


_BODY_NOUNS = re.compile(
    r"^(?:федераци|федераці|конфедераци|конфедераці|объединени|об['’]єднанн|ассоциаци|асоціаці"
    r"|союз|совет|рад[аиіу]|организаци|організаці|профцентр|координационн|координаційн)",
    re.IGNORECASE,
)


def _union_body_word(word: str, language: str) -> bool:
    """Whether a capitalised word before a union head belongs to the name: an adjective
    ("Независимый") or a body of unions ("Федерация профсоюзов"), not any first noun."""
    if _BODY_NOUNS.match(word):
        return True
    parses = analyzer(guess_cyrillic_language(word, language)).parse(word.casefold())
    return any({"ADJF", "PRTF"} & p.tag.grammemes for p in parses[:3])


def _without_person(phrase: str, language: str) -> str:
    """The phrase up to a person's name after the union's head (its leader, not its name)."""
    words = phrase.split(" ")
    for i, word in enumerate(words[1:], 1):
        if word[:1].isupper() and _person_name(word.strip(',.«»"'), language):
            return " ".join(words[:i])
    return phrase


def _person_name(word: str, language: str) -> bool:
    parses = analyzer(guess_cyrillic_language(word, language)).parse(word.casefold())
    return bool(parses) and bool({"Name", "Surn", "Patr"} & parses[0].tag.grammemes)


def _named_union(text: str, phrase: str, start: int) -> bool:
    """A union phrase names one union: capitalised or quoted words, or a sectoral union
    in the nominative or after a word of leading ("по призыву профсоюза работников
    здравоохранения", "за підтримки профспілки працівників освіти")."""
    if any(w[0].isupper() or w[0] in '«"„“' for w in phrase.split()) or _SECTORAL.match(phrase):
        return True
    led = _LEAD_BEFORE.search(text, max(0, start - 30), start)
    return bool(led and _SECTORAL.match(_UNION_HEAD_ANY_CASE.sub(_nominative_head, phrase, 1)))


_UNION_HEAD_ANY_CASE = re.compile(r"^(профсоюз|профспілк)\w*", re.IGNORECASE)


def _nominative_head(match: re.Match[str]) -> str:
    return "профсоюз" if match.group(1).casefold() == "профсоюз" else "профспілка"


def _union(sentence: Sentence, name: str, start: int, end: int) -> Finding:
    """A union finding; a Cyrillic union with a quoted name is known by that name alone
    ("профсоюз «Действие»" and "профсоюз работников здравоохранения «Действие»" are one)."""
    quoted = _QUOTED_NAME.search(name) if _CYRILLIC_HEAD.match(name) else None
    keyed = quoted.group(1) if quoted else name
    return Finding(
        "unions",
        name,
        sentence.start + start,
        sentence.start + end,
        0.7,
        {"key": " ".join(lemma(w) for w in re.findall(r"\w+", keyed)), "sentence": sentence.index},
    )


_QUOTED_NAME = re.compile(r"[«\"„“]([^»\"”“]+)[»\"”“]")
_CYRILLIC_HEAD = re.compile(r"^[^«\"„“]*(?:профсоюз|профспілк|спілк)", re.IGNORECASE)


# "ФПУ не підтримує акцію", "the TUC did not back the strike": a union said not to lead it.
_DISOWNED = re.compile(
    r"\b(?:not|never|didn['’]t|doesn['’]t|don['’]t|refused to|declined to|не|ні)\s+"
    r"(?!(?:only|just|только|лише|тільки)\b)(?:\w+\s+)?"
    r"(?:support|back|endorse|organi[sz]e|call|lead|поддерж\w*|підтрим\w*|организов\w*"
    r"|організов\w*|одобр\w*|схвал\w*|призыва\w*|закликал\w*|закликає\w*)"
    # condemning the action itself (not the employer's decision, which a union condemns often)
    r"|\b(?:condemn|denounc|осуди|осужда|засуди|засуджу)\w*\s+(?:the\s+)?(?:strike|walkout"
    r"|stoppage|action|protest|акци\w*|забастовк\w*|стачк\w*|страйк\w*|протест\w*)(?=[\s,.;])"
    r"|\b(?:назва|called)\w*\s+(?:the\s+)?(?:strike|walkout|stoppage|action|protest|акци\w*"
    r"|забастовк\w*|стачк\w*|страйк\w*|протест\w*)\s+(?:незаконн|illegal|unlawful)",
    re.IGNORECASE,
)


# "Про це ІА «Х» розповів глава X", "Об этом сообщил председатель X", "X told reporters":
# the union informs the press of the action; said of it alone, it names no leader.
_INFORMANT = re.compile(
    r"^(?:Про це|Об этом|Як повідомил\w*|Как сообщил\w*)\b|\btold (?:reporters|journalists)\b",
    re.IGNORECASE,
)


def _informants(sentences: list[Sentence], unions: list[Finding]) -> set[str]:
    """Keys of unions every mention of which only informs the press."""
    by_key: dict[str, list[bool]] = {}
    text_of = {sentence.index: sentence.text for sentence in sentences}
    for finding in unions:
        text = text_of.get(int(finding.attrs["sentence"]), "")
        by_key.setdefault(str(finding.attrs.get("key")), []).append(bool(_INFORMANT.search(text)))
    return {key for key, flags in by_key.items() if all(flags)}


def _inside(finding: Finding, unions: list[Finding]) -> bool:
    return any(u.start <= finding.start and finding.end <= u.end for u in unions)


def _disowned(sentence: Sentence, unions: list[Finding]) -> set[str]:
    """Keys of the unions a sentence says do not back the action: the negated word of
    support follows the union within a few words, with no other union between."""
    out = set()
    starts = sorted(f.start - sentence.start for f in unions)
    for finding in unions:
        end = finding.end - sentence.start
        following = [s for s in starts if s >= end]
        limit = min([end + 70, *following])
        if _DISOWNED.search(sentence.text, end, limit):
            out.add(str(finding.attrs.get("key")))
    return out


class ActorStage:
    """Adds ``workers``, ``workplace``, ``employer`` and ``unions`` findings."""

    name = "actors"

    def __call__(self, doc: ExtractionDoc) -> None:
        language = doc.language or "en"
        sentences = doc_sentences(doc)
        municipal = language == "en" and any(_MUNICIPAL_WORKERS.search(s.text) for s in sentences)
        proper = frozenset(w for s in sentences for w in _MID_CAPITAL.findall(s.text))
        located = frozenset(
            (m.group(1) or m.group(2)).casefold() for m in _LOCATED.finditer(doc.text)
        )
        union_spans: list[tuple[int, int]] = []
        named_unions: list[Finding] = []
        disowned: set[str] = set()  # unions the article says do not back the action
        for sentence in sentences:
            unions = find_unions(sentence, language)
            named = tuple((f.start - sentence.start, f.end - sentence.start) for f in unions)
            workers = find_workers(sentence, language, named)
            for finding in (
                *workers,
                *find_workplaces(sentence, language, proper, located),
                *find_employers(sentence, language, municipal),
                *related_employers(sentence, language),
                *employers_after_workers(sentence, workers, language),
                *(named_plants(sentence, language) if language != "en" else ()),
                *(headed_companies(sentence) if language == "en" else ()),
                *(sites_of_owners(sentence) if language == "en" else ()),
                *(said_it_organisations(sentence) if language == "en" else ()),
            ):
                if finding.field == "employer" and _inside(finding, unions):
                    continue  # "1199SEIU United Healthcare Workers East": no firm
                doc.add(finding)
            named_unions += unions
            union_spans += [(f.start, f.end) for f in unions]
            disowned |= _disowned(sentence, unions)
        for finding in (*acronym_unions(sentences), *member_unions(sentences)):
            if not any(s < finding.end and finding.start < e for s, e in union_spans):
                union_spans.append((finding.start, finding.end))
                named_unions.append(finding)
        informants = _informants(sentences, named_unions)
        for finding in named_unions:
            if str(finding.attrs.get("key")) not in disowned | informants:
                doc.add(finding)
