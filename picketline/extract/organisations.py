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
  "работающие на", "контракт с"; "належить", "підрядник", "працюють на";
  a name right after the workers ("drivers at Arriva in Leeds", "couriers for
  Deliveroo", "машинисты РЖД", "сотрудники склада Wildberries", "машиністи
  «Укрзалізниці»"); a plant named by its own adjectives ("Челябинский
  механический завод", "завод «Красный Октябрь»"), which in Russian and
  Ukrainian news is the enterprise that employs.
"""

from __future__ import annotations

import re

from picketline.extract.base import Finding
from picketline.extract.lexicon.actors import CYR_COMPANY_FORMS, EN_COMPANY_HEADS, KNOWN_UNIONS
from picketline.extract.morph import analyzer, guess_cyrillic_language, lemma
from picketline.extract.patterns import Sentence
from picketline.extract.patterns.cyrillic import name_key, to_nominative

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
    r"|a subsidiary of|(?:work|works|working|worked) for|hired by|supplier to"
    r"|(?:employed|hired|engaged|contracted) (?:through|via))\s+(?:the\s+)?"
    r"(?:(?:company|firm|contractor|operator|multinational|giant)\s+)?"
    r"(?P<name>(?:[A-Z][\w'’.&-]*\s?){1,4})"
)
_CYR_RELATION = re.compile(
    r"\b(?:принадлежащ\w+|подрядчик\w*|подрядной организаци\w+|субподрядчик\w*|работающ\w+ на"
    r"|работают на|контракт\w* с|по заказу|належн\w+|належить|підрядник\w*|субпідрядник\w*"
    r"|працюю\w* на|контракт\w* з|на замовлення|работа\w* через|працю\w* через)\s+"
    r"(?:(?:компани|компані|фирм|фірм|организаци|організаці|агрегатор|платформ|сервис|сервіс"
    r"|приложени|застосун)\w*\s+)?"
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


def _finding(
    sentence: Sentence, value: str, start: int, end: int, language: str, confidence: float = 0.65
) -> Finding:
    return Finding(
        "employer",
        value,
        sentence.start + start,
        sentence.start + end,
        confidence,
        {"key": name_key(value.strip("«»"), language), "sentence": sentence.index},
    )


# After the workers: "at/for NAME" where the name is no town — it is followed by a place
# ("in Leeds"), a possessive ("Tesco's depot") or a plural site noun ("Kroger stores").
_EN_AFTER_WORKERS = re.compile(
    r"\s+(?:at|for|with)\s+(?:the\s+)?(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}?)"
    r"(?:['’]s\b|(?=,?\s+(?:in|near|outside|across|on)\s+[A-Z])"
    r"|(?=\s+(?:stores|shops|supermarkets|warehouses|depots|plants|factories|sites|branches"
    r"|outlets|restaurants|hotels|facilities|mines|hospitals|clinics)\b))"
)
# "couriers of the food delivery platform Jetkiz", "drivers of Yerevan City Bus", "workers of
# Rupsha Apparels": "of", lower-case words that say what the firm is, then its name.
_EN_OF_FIRM = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,4}?(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
)
# "the Chamboli shaft of Copperbelt Ridge Mining": a site of its owner.
_EN_SITE_OF = re.compile(
    r"\b(?:mine|shaft|pit|colliery|plant|factory|mill|smelter|refinery|depot|warehouse|terminal"
    r"|yard|site|store|hospital|hotel|branch|facility|works)\s+of\s+(?:the\s+)?"
    r"(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})"
)


def sites_of_owners(sentence: Sentence) -> list[Finding]:
    """English employers named as the owner of a site ("the X shaft of Y Mining")."""
    found = []
    for match in _EN_SITE_OF.finditer(sentence.text):
        name = match.group("name")
        if _employer_name(name):
            found.append(
                _finding(sentence, name, match.start("name"), match.end("name"), "en", 0.65)
            )
    return found


def _employer_name(name: str) -> bool:
    """A capitalised run that may name a firm: no day, union or town."""
    return not (
        _NOT_AN_EMPLOYER_NAME.match(name)
        or name in KNOWN_UNIONS
        or _UNION_TALK.search(name)
        or _town(name)
    )


# "машинисты РЖД", "сотрудники склада Wildberries", "машиністи «Укрзалізниці»": an acronym,
# a Latin or a quoted name after the workers (a workplace noun may come between, but a
# quoted name after a workplace noun is that workplace's: "горняки шахты «Южная»").
_CYR_AFTER_WORKERS = re.compile(
    r"\s+(?:(?P<firm>(?:сервис|сервіс|компани|компані|перевозчик|перевізник|агрегатор|платформ"
    r"|оператор|маркетплейс|сет[иь]|мереж|подрядн\w+ организаци|підрядн\w+ організаці|подрядчик"
    r"|підрядник|ритейлер|фирм|фірм)\w*(?:\s+(?:доставки|такси|таксі|еды|їжі))?\s+)"
    r"|(?P<site>(?:склад|магазин|завод|фабрик|комбинат|комбінат|предприяти|підприємств|цех)\w*\s+))?"
    r"(?:(?P<acronym>(?-i:[А-ЯЁІЇЄҐ]{2,6}))(?![\w-])|(?P<latin>(?-i:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)?))"
    r"|[«\"„“](?P<quoted>[^»\"”“\n]{2,60})[»\"”“])",
    re.IGNORECASE,
)
_FORM = re.compile(CYR_COMPANY_FORMS, re.IGNORECASE)
_NOT_AN_EMPLOYER_ACRONYM = frozenset(
    {
        "ООО",
        "ОАО",
        "ЗАО",
        "ПАО",
        "АО",
        "ТОВ",
        "ПрАТ",
        "ДП",
        "КП",
        "ГП",
        "МУП",
        "КНП",
        "ЧП",
        "РФ",
        "США",
    }
)
_NOT_AN_EMPLOYER_NAME = re.compile(
    r"^(?:The|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March"
    r"|April|May|June|July|August|September|October|November|December|Union|Local|Some|All)\b"
)


def employers_after_workers(
    sentence: Sentence, workers: list[Finding], language: str
) -> list[Finding]:
    """The employer named straight after the workers that it employs."""
    found = []
    for worker in workers:
        end = worker.end - sentence.start
        if language == "en":
            of_firm = _EN_OF_FIRM.match(sentence.text, end)
            if of_firm and _employer_name(of_firm.group("name")):
                name = of_firm.group("name")
                found.append(
                    _finding(sentence, name, of_firm.start("name"), of_firm.end("name"), "en", 0.6)
                )
                continue
            match = _EN_AFTER_WORKERS.match(sentence.text, end)
            if match and _employer_name(match.group("name")):
                name = match.group("name")
                found.append(
                    _finding(sentence, name, match.start("name"), match.end("name"), "en", 0.6)
                )
            continue
        plant = _CYR_PLANT.match(sentence.text, end + 1)
        if (
            plant
            and plant.group("name")
            and agreeing_adjectives(plant.group("name").split(), language)
        ):
            # "работников Челябинского механического завода": the workers' enterprise
            words = plant.group("name").split()
            value = nominative_name(words, len(words) - 1, language)
            found.append(_finding(sentence, value, plant.start(), plant.end(), language, 0.55))
            continue
        cyr = _CYR_AFTER_WORKERS.match(sentence.text, end)
        if cyr is None or (cyr.group("quoted") and cyr.group("site")):
            continue
        group = next(g for g in ("acronym", "latin", "quoted") if cyr.group(g))
        name = cyr.group(group)
        if name in _NOT_AN_EMPLOYER_ACRONYM or name in KNOWN_UNIONS or _FORM.fullmatch(name):
            continue
        value = f"«{to_nominative(name, language)}»" if group == "quoted" else name
        found.append(_finding(sentence, value, cyr.start(group), cyr.end(group), language, 0.6))
    return found


# "Челябинского механического завода", "Запорізького титано-магнієвого комбінату": a plant
# named by a capitalised adjective and its own adjectives (never at a sentence's start,
# where any word is capitalised) is the employer of the workers it follows ("работников
# Челябинского механического завода"; elsewhere, "у проходной Азовского котельного
# завода", it is their workplace); "завод «Красный Октябрь»": a plant named in quotes.
_CYR_PLANT = re.compile(
    r"(?<=[\s(])(?P<name>(?-i:[А-ЯЁІЇЄҐ])[а-яёіїєґ'’-]+(?:\s+[а-яёіїєґ'’-]+){0,3}?\s+"
    r"(?:завод|комбинат|комбінат|фабрик)\w*)(?!\s+[«\"„“])"
    r"|(?P<quoted>\b(?:завод|комбинат|комбінат|фабрик)\w*\s+[«\"„“][^»\"”“\n]{2,60}[»\"”“])",
    re.IGNORECASE,
)


def named_plants(sentence: Sentence, language: str) -> list[Finding]:
    """Plants named in quotes ("завод «Красный Октябрь»") as enterprises: an employer of low
    confidence (a company form, where named, wins)."""
    found = []
    for match in _CYR_PLANT.finditer(sentence.text):
        if match.group("quoted"):
            value = to_nominative(match.group("quoted"), language)
            found.append(_finding(sentence, value, match.start(), match.end(), language, 0.5))
    return found


def _town(name: str) -> bool:
    """Whether a name is a town of 5,000+ people, a region or a country ("at Lisbon's airport"
    names a town; "at Ford in Dagenham" a company, though some hamlet is called Ford)."""
    from picketline.extract.gazetteer import Gazetteer

    gazetteer = Gazetteer.default()
    for candidate in gazetteer.candidates_for_words(name.split(), "en"):
        entry = gazetteer.entry(candidate.entry_id)
        if candidate.quality == 0 and (entry.kind != "town" or entry.population >= 5000):
            return True
    return False


def agreeing_adjectives(words: list[str], language: str) -> bool:
    """Whether every word before the last is an adjective in a case the last (the noun)
    can have ("Челябинского механического завода"; not "Каменске рабочие завода")."""
    lang = guess_cyrillic_language(words[-1], language)
    cases = {p.tag.case for p in analyzer(lang).parse(words[-1].casefold()) if "NOUN" in p.tag}
    for word in words[:-1]:
        parses = analyzer(lang).parse(word.casefold())[:3]
        if not any({"ADJF", "PRTF"} & p.tag.grammemes and p.tag.case in cases for p in parses):
            return False
    return True


def nominative_name(words: list[str], head: int, language: str) -> str:
    """Adjectives and their head noun in the nominative, agreeing; the rest as written."""
    noun = to_nominative(words[head], language)
    analyzer_ = analyzer(guess_cyrillic_language(noun, language))
    parses = [p for p in analyzer_.parse(noun.casefold()) if "NOUN" in p.tag]
    tag = parses[0].tag if parses else None
    wanted = {"nomn", str(tag.number)} if tag and tag.number else {"nomn"}
    if tag is not None and tag.number != "plur" and tag.gender:
        wanted.add(str(tag.gender))
    adjectives = []
    for word in words[:head]:
        forms = [p for p in analyzer_.parse(word.casefold()) if {"ADJF", "PRTF"} & p.tag.grammemes]
        form = forms[0].inflect(wanted) or forms[0].inflect({"nomn"}) if forms else None
        text = form.word if form else word
        adjectives.append(text[:1].upper() + text[1:] if word[:1].isupper() else text)
    return " ".join([*adjectives, noun, *words[head + 1 :]])


# "Transnet Port Terminals", "Meridian Apparels": capitalised words before a company head.
_EN_HEADED_COMPANY = re.compile(
    rf"(?<![\w&'’.-])(?P<name>(?:[A-Z][\w&'’.-]*\s+){{1,4}}(?:{EN_COMPANY_HEADS}))(?![\w'’-])"
)


def headed_companies(sentence: Sentence) -> list[Finding]:
    """English companies named by a head word that needs a name before it."""
    found = []
    for match in _EN_HEADED_COMPANY.finditer(sentence.text):
        name = re.sub(r"^(?:The|A|An|At|In|On|For|By|With)\s+", "", match.group("name"))
        if " " not in name or _UNION_TALK.search(name) or _NOT_AN_EMPLOYER_NAME.match(name):
            continue
        if any(word in KNOWN_UNIONS for word in name.split()):
            continue
        start = match.end("name") - len(name)
        found.append(_finding(sentence, name, start, match.end("name"), "en", 0.7))
    return found


# "Brightline said it would not pay", "Quickbite says it has offered": a name that speaks of
# itself as "it" is an organisation; where it is no union, no town and no authority, it is
# most often the employer answering the workers (low confidence: any firmer name wins).
_EN_SAID_IT = re.compile(
    r"(?<![\w&.-])(?P<name>[A-Z][\w&'’.-]*(?:\s+(?:of\s+)?[A-Z][\w&'’.-]*){0,3})"
    r"(?:,[^,.;]{3,60},)?\s+(?:said|says|has said|had said|told \w+|insisted|argued|maintained"
    r"|claimed)\s+(?:that\s+)?it\s+"
    # what a firm does of itself, not what a person says of a situation ("said it was wrong")
    r"(?:(?:would|will|had|has|have|could|can|is|was|remained|remains|did|does)\s+)?(?:not\s+)?"
    r"(?:offer|pa(?:y|id)|hire|employ|negotiat|meet|agree|regret|respect|continu|plan|intend|made"
    r"|make"
    r"|value|disappointed|committed|reject|refus|operat|run|keep|kept|close|cut|reduc|rais"
    r"|increas|improv|review|consider|propos|open to|in talks|willing|unable|cannot|can't"
    r"|won't|remains|remained)"
)
_AUTHORITY = re.compile(
    r"\b(?:Government|Ministry|Department|Police|Court|Mayor|Governor|President|Prime|Minister"
    r"|Office|Agency|Commission|Parliament|Senate|Congress|Council|Authority|State|City|County"
    r"|Federal|National|Kremlin|White House|Downing)\b"
)


def said_it_organisations(sentence: Sentence) -> list[Finding]:
    """English organisations that answer for themselves ("X said it would not pay")."""
    found = []
    for match in _EN_SAID_IT.finditer(sentence.text):
        name = re.sub(r"^(?:The|A|An|But|And|However|Meanwhile)\s+", "", match.group("name"))
        if not name or _AUTHORITY.search(name) or not _employer_name(name):
            continue
        start = match.end("name") - len(name)
        found.append(_finding(sentence, name, start, match.end("name"), "en", 0.5))
    return found
