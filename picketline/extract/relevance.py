"""Relevance: does the text report a concrete workers' struggle?

This is the gate in front of every heavy stage, so it is built to be cheap:
one regex scan of the whole text for any action word (most news has none and
stops here), then a per-sentence score only for the rest. A sentence counts
when an action word meets a worker or union word; a labour-only action word
("strike", "picket") counts a little on its own; threats, ballots and
conditionals count little; other actors (residents, students, prisoners)
cancel a sentence. The document is relevant when the sum reaches a threshold.

The stage also stores the sentence split as ``_sentence`` findings — for long
texts only the windows around scoring sentences — which is all that later
stages look at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from picketline.domain.vocab import Action
from picketline.extract.actions import LABOUR_ONLY, ActionMatcher, ActionMention, action_matcher
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.lexicon.actors import WORKER_NOUNS, WORKPLACE_NOUNS
from picketline.extract.lexicon.relevance import (
    ACTION_REFERENCE,
    CONCRETE,
    DENIAL,
    DISPUTE_WORDS,
    GENERIC,
    GRIEVANCE_WORDS,
    OTHER_ACTORS,
    RECALL,
    STRIKE_RULES,
    UNION_LED,
    UNION_WORDS,
    WORKERS_ACTING,
    WORKFORCE_WORDS,
)
from picketline.extract.patterns import Sentence, split_sentences

THRESHOLD = 3.0
MAX_CHARS = 400_000  # work cap per document; offsets stay valid (a prefix)
MAX_SENTENCES_KEPT = 400
HEADLINE_WEIGHT = 1.5
# A labour-only action ("the strike") whose sentence names nobody, right after
# sentences that name workers (or under a headline that does), is theirs.
IN_CONTEXT = 1.5
IN_CONTEXT_OTHER = 1.0  # a rally or blockade there
CONTEXT_REACH = 2  # sentences back
# A rally by named workers (2.0) is short of the threshold on its own; it is
# their struggle once the article also says it is over their pay or led by their
# union — in the action sentence or in a later one about the action
# ("Акцію організувала профспілка", "The protesters demanded their wages") — or
# reports it as an event, with its day or its head count ("About 100 miners
# gathered ... on Tuesday").
SUPPORT = 1.0
WORKER_ACTION = 2.0  # the score of a factual action by named workers
# A factual strike said of a named kind of workplace ("the strike at the Kapitalna
# mine continues", "на заводі триває страйк") is its workers' even where the
# sentence does not name them; a sit-in or rally there a little less.
WORKPLACE_ACTION = 2.0
# A sentence opening with a plural pronoun continues the previous sentence's subject.
_PRONOUN_SUBJECT = re.compile(r"(?:they|они|вони)\b", re.IGNORECASE)


@dataclass(frozen=True)
class SentenceScore:
    sentence: Sentence
    score: float
    mentions: tuple[ActionMention, ...]


def _worker_regex(language: str) -> re.Pattern[str]:
    nouns = "|".join(pattern for pattern, _ in WORKER_NOUNS[language])
    return re.compile(
        rf"\b(?:{nouns})\b|{UNION_WORDS[language]}|{WORKFORCE_WORDS[language]}"
        rf"|{WORKERS_ACTING[language]}",
        re.IGNORECASE,
    )


def _trade_regex(language: str) -> re.Pattern[str]:
    """Worker nouns only (no union or workforce words)."""
    nouns = "|".join(pattern for pattern, _ in WORKER_NOUNS[language])
    return re.compile(rf"\b(?:{nouns})\b", re.IGNORECASE)


def _workplace_regex(language: str) -> re.Pattern[str]:
    """Kinds of workplace ("mine", "заводі"), except the vague ones (site, office)."""
    kinds = "|".join(pattern for pattern, sector in WORKPLACE_NOUNS[language] if sector)
    return re.compile(rf"\b(?:{kinds})\b", re.IGNORECASE)


def _compiled(table: dict[str, str]) -> dict[str, re.Pattern[str]]:
    return {lang: re.compile(pattern, re.IGNORECASE) for lang, pattern in table.items()}


def _lower_case(regex: re.Pattern[str]) -> re.Pattern[str]:
    """The same regex for lower-cased text, without IGNORECASE (several times faster)."""
    pattern = re.sub(r"(?<!\\)[A-ZА-ЯЁІЇЄҐ]", lambda m: m.group().lower(), regex.pattern)
    return re.compile(pattern)


class RelevanceScorer:
    """Scores sentences and documents; built once per process."""

    def __init__(self, matcher: ActionMatcher | None = None, threshold: float = THRESHOLD):
        self.matcher = matcher or action_matcher()
        self.threshold = threshold
        self.workers = {lang: _worker_regex(lang) for lang in WORKER_NOUNS}
        self.trades = {lang: _trade_regex(lang) for lang in WORKER_NOUNS}
        self._workers_lc = {lang: _lower_case(r) for lang, r in self.workers.items()}
        self._trades_lc = {lang: _lower_case(r) for lang, r in self.trades.items()}
        self.disputes = {lang: re.compile(p, re.IGNORECASE) for lang, p in DISPUTE_WORDS.items()}
        self.others = {lang: re.compile(p, re.IGNORECASE) for lang, p in OTHER_ACTORS.items()}
        self.rules = {lang: re.compile(p, re.IGNORECASE) for lang, p in STRIKE_RULES.items()}
        self.grievances = _compiled(GRIEVANCE_WORDS)
        self.union_led = _compiled(UNION_LED)
        self.references = _compiled(ACTION_REFERENCE)
        self.unions = _compiled(UNION_WORDS)
        self.recalls = _compiled(RECALL)
        self.concrete = _compiled(CONCRETE)
        self.workplaces = {lang: _workplace_regex(lang) for lang in WORKPLACE_NOUNS}
        self.denials = _compiled(DENIAL)
        self.generic = _compiled(GENERIC)

    def score_sentence(
        self,
        sentence: Sentence,
        language: str,
        workers_before: bool = False,
        in_context: bool = False,
        trades_before: bool = False,
        names: bool | None = None,
    ) -> SentenceScore:
        """``workers_before``: the previous sentence named workers (for "They struck");
        ``in_context``: the headline or a recent sentence did; ``trades_before``: a
        recent sentence named workers by their trade, under a headline naming no
        one else (a rally or blockade said there without its people is theirs);
        ``names``: whether the sentence names workers, where already known."""
        mentions = tuple(self.matcher.find(sentence, language))
        text = sentence.text
        if not mentions:
            return SentenceScore(sentence, self._dispute_score(text, language), ())
        if names is None:
            names = bool(self.workers[language].search(text))
        has_workers = names or (workers_before and bool(_PRONOUN_SUBJECT.match(text)))
        factual = [m for m in mentions if not m.hypothetical]
        labour_only = any(m.action in LABOUR_ONLY for m in factual)
        if has_workers:
            score = (2.5 if labour_only else 2.0) if factual else 0.5
        elif factual and self.workplaces[language].search(text):
            score = WORKPLACE_ACTION if labour_only else WORKPLACE_ACTION - SUPPORT
        elif labour_only:
            score = (IN_CONTEXT if in_context else 0.75) if factual else 0.25
        elif factual and trades_before:
            score = IN_CONTEXT_OTHER
        else:
            score = 0.0
        if self.others[language].search(text):
            score *= 0.6 if has_workers else 0.25
        if self.rules[language].search(text):
            score *= 0.25  # "порядок объявления забастовок": the law, not a strike
        if self.denials[language].search(text):
            score *= 0.25  # "опроверг слухи о забастовке": said not to have happened
        if self.generic[language].search(text):
            score *= 0.25  # "days lost to strikes": strikes in general, not one of them
        if sentence.index == 0:
            score *= HEADLINE_WEIGHT
        return SentenceScore(sentence, score, mentions)

    def _dispute_score(self, text: str, language: str) -> float:
        """A little credit for "pay dispute" between workers and employer, no action word."""
        if self.disputes[language].search(text) and self.workers[language].search(text):
            return 0.5
        return 0.0

    def score(
        self, sentences: list[Sentence], language: str, published_year: int | None = None
    ) -> tuple[float, list[SentenceScore]]:
        scored: list[SentenceScore] = []
        named: list[bool] = []
        trades: list[bool] = []
        others = self.others[language]
        headline_others = bool(sentences) and bool(others.search(sentences[0].text))
        workers, trade_words = self._workers_lc[language], self._trades_lc[language]
        sport = any(_SPORT_STRIKES.search(s.text) for s in sentences[:MAX_SENTENCES_KEPT])
        for sentence in sentences:
            lowered = sentence.text.lower()
            names = bool(workers.search(lowered))
            before = bool(named) and named[-1]
            context = bool(named) and (named[0] or any(named[-CONTEXT_REACH:]))
            by_trade = any(trades[-CONTEXT_REACH:]) and not headline_others
            item = self.score_sentence(sentence, language, before, context, by_trade, names)
            if _dated_earlier(sentence, item.mentions, published_year) or (
                sport and all(m.action is Action.STRIKE for m in item.mentions)
            ):
                item = SentenceScore(sentence, item.score * 0.25, item.mentions)
            scored.append(item)
            named.append(names)
            trades.append(names and bool(trade_words.search(lowered)))
        support = self._support(scored, language, published_year)
        return sum(s.score for s in scored) + support, scored

    def _support(
        self, scored: list[SentenceScore], language: str, published_year: int | None = None
    ) -> float:
        """SUPPORT once where a workers' action is said to be over pay, union-led or
        dated/counted as an event (not a recalled one: "the march of 1956")."""
        grievance, led = self.grievances[language], self.union_led[language]
        reference, union = self.references[language], self.unions[language]
        seen = False
        for item in scored:
            text = item.sentence.text
            if any(m.hypothetical for m in item.mentions):
                continue
            if item.score >= WORKER_ACTION:
                if self.recalls[language].search(text) or _earlier_year(text, published_year):
                    continue  # "the march ... in 1956": background, not this article's struggle
                if (
                    grievance.search(text)
                    or led.search(text)
                    or self.concrete[language].search(text)
                ):
                    return SUPPORT
                seen = True
            elif seen and reference.search(text) and (grievance.search(text) or union.search(text)):
                return SUPPORT
        return 0.0


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_IN_YEAR = re.compile(r"\b(?:in|of|в|у|с|з) (?:19|20)\d\d\b", re.IGNORECASE)


def _earlier_year(text: str, published_year: int | None) -> bool:
    """A sentence dated to an earlier year than the article ("the march ... in 1956")."""
    if published_year is None:
        return bool(_IN_YEAR.search(text))
    return any(int(year) < published_year for year in _YEAR.findall(text))


# Games where a "strike" is a move: in their reports every strike is the game's.
_SPORT_STRIKES = re.compile(
    r"\b(?:bowling|ten-pin|tenpin|baseball|strikeouts?|боулинг\w*|боулінг\w*|кегельбан\w*"
    r"|бейсбол\w*)",
    re.IGNORECASE,
)
_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)(?:[-–/](?:19|20)?\d\d)?\s+(?:[\w'’-]+\s+){0,2}$")


def _dated_earlier(
    sentence: Sentence, mentions: tuple[ActionMention, ...], published_year: int | None
) -> bool:
    """Every action of the sentence named by an earlier year: "the 1984-85 miners' strike"."""
    if not mentions or published_year is None:
        return False
    for mention in mentions:
        before = sentence.text[
            max(0, mention.start - sentence.start - 40) : mention.start - sentence.start
        ]
        found = _YEAR_BEFORE.search(before)
        if not found or int(found.group(1)) >= published_year:
            return False
    return True


def _kept(scored: list[SentenceScore]) -> list[Sentence]:
    """All sentences of an article; for huge texts the windows around scoring ones."""
    if len(scored) <= MAX_SENTENCES_KEPT:
        return [s.sentence for s in scored]
    keep: set[int] = {0, 1, 2}
    for item in scored:
        if item.score > 0:
            keep.update(range(item.sentence.index - 1, item.sentence.index + 2))
    indices = sorted(i for i in keep if 0 <= i < len(scored))[:MAX_SENTENCES_KEPT]
    return [scored[i].sentence for i in indices]


class RelevanceStage:
    """Sets ``doc.relevant`` and stores the sentences later stages read."""

    name = "relevance"

    def __init__(self, scorer: RelevanceScorer | None = None) -> None:
        self.scorer = scorer or RelevanceScorer()

    def __call__(self, doc: ExtractionDoc) -> None:
        if doc.relevant is False or doc.language not in self.scorer.workers:
            return
        text = doc.text[:MAX_CHARS]
        if len(doc.text) > MAX_CHARS:
            doc.notes.append(f"text truncated to its first {MAX_CHARS} characters")
        if not self.scorer.matcher.prefilter(text, doc.language):
            doc.relevant = False
            return
        year = doc.published.year if doc.published is not None else None
        total, scored = self.scorer.score(split_sentences(text), doc.language, year)
        doc.relevant = total >= self.scorer.threshold
        doc.add(Finding("_relevance", round(total, 2), 0, len(text), min(1.0, total / 10)))
        if doc.relevant:
            for sentence in _kept(scored):
                doc.add(Finding("_sentence", sentence, sentence.start, sentence.end, 1.0))


def is_labour_action(action: Action) -> bool:
    """Whether an action word names a labour action on its own ("strike", "picket")."""
    return action in LABOUR_ONLY
