"""Near-duplicate documents: copies, light edits, excerpts, and same-topic articles kept apart.

The articles are invented for these tests.
"""

from __future__ import annotations

import pickle

from picketline.resolve.dedup import DocumentIndex, sample, shingle_hashes

ARTICLE = " ".join(
    [
        "More than two hundred workers at the Riverside steel plant in Hollowfield walked out",
        "on Thursday morning after management announced that night-shift bonuses would be",
        "scrapped from the first of next month. The stoppage began at the rolling mill, where",
        "crews finishing the overnight shift refused to hand over to the morning team, and by",
        "noon the blast furnace crews had joined them at the main gate. Union organiser Mara",
        "Ellison told reporters that the bonus made up nearly a fifth of take-home pay for many",
        "families in the town. She said the company had posted record profits last year while",
        "asking its lowest-paid staff to absorb the cost of rising energy prices. A spokesman",
        "for Riverside Metals said the company regretted the disruption and remained open to",
        "talks, but insisted the bonus scheme was no longer affordable. Pickets gathered at",
        "three entrances throughout the afternoon, and several lorries carrying coil were turned",
        "away. Local shopkeepers brought tea and sandwiches to the strikers, and the town",
        "council passed a motion of support in an emergency session held that evening.",
        "Workers said that the heat near the furnaces had become unbearable during the summer",
        "and that repeated requests for better ventilation had been ignored for two years.",
        "Some of the older employees recalled the long dispute of the nineteen eighties, when",
        "the plant was nearly closed and hundreds of jobs were lost in a single winter.",
        "The regional labour inspectorate said it would send officials on Monday to examine",
        "complaints about overtime records and about safety equipment in the casting shop.",
        "A meeting between the union and managers has been scheduled for next Wednesday at",
        "the offices of the conciliation service in the county town of Marlow Cross.",
        "Until then, the strike committee said, nobody would return to the furnaces, and a",
        "hardship fund had been opened at the credit union on the high street for families",
        "who would lose wages during the stoppage. Students from the technical college",
        "announced a solidarity march to the plant gates for Saturday afternoon, and dockers",
        "at the nearby river port said they would refuse to unload imported steel slabs",
        "destined for the plant while the dispute continued. Analysts said a long stoppage",
        "could disrupt supplies to car makers across the region within weeks.",
    ]
)

OTHER_ARTICLE = " ".join(
    [
        "Steelworkers at the Northbank works in Carrow voted on Friday to accept a new pay",
        "offer after a week of overtime bans, ending a dispute over shift allowances. The",
        "agreement gives a raise of four percent this year and a further three percent next",
        "year, and restores the allowance for weekend shifts that management had proposed",
        "to cut. Union representatives said the deal was not everything members had hoped",
        "for but protected the lowest paid. The company said production would return to",
        "normal levels by the end of the month, and thanked customers for their patience.",
        "The vote was held in the canteen of the works and the result was announced by the",
        "branch secretary, who said turnout had been the highest in a decade.",
    ]
)


def lightly_edited(text: str) -> str:
    """A wire copy as another outlet runs it: new headline, a changed word, a dropped line."""
    edited = text.replace("Thursday morning", "Thursday").replace("several lorries", "lorries")
    edited = edited.replace(" Analysts said a long stoppage could disrupt supplies", "")
    return "STEEL STRIKE SPREADS. " + edited.upper()


def excerpt(text: str, share: float, start_share: float = 0.35) -> str:
    words = text.split()
    start = int(len(words) * start_share)
    return " ".join(words[start : start + int(len(words) * share)])


def index_with(*docs: tuple[str, str]) -> DocumentIndex:
    return DocumentIndex.rebuild(docs)


def test_exact_copy_is_found_with_similarity_one() -> None:
    index = index_with(("a", ARTICLE), ("b", OTHER_ARTICLE))
    [found] = index.near_duplicates(ARTICLE)
    assert found == ("a", 1.0, 1.0)


def test_lightly_edited_copy_is_similar() -> None:
    index = index_with(("a", ARTICLE), ("b", OTHER_ARTICLE))
    [found] = index.near_duplicates(lightly_edited(ARTICLE))
    assert found.doc_id == "a" and found.similarity >= 0.8


def test_excerpt_of_thirty_percent_is_found_by_containment_both_ways() -> None:
    part = excerpt(ARTICLE, 0.3)
    index = index_with(("a", ARTICLE), ("b", OTHER_ARTICLE))
    [found] = index.near_duplicates(part)
    assert found.doc_id == "a" and found.containment >= 0.9 and found.similarity < 0.5
    reverse = index_with(("part", part), ("b", OTHER_ARTICLE))
    [found] = reverse.near_duplicates(ARTICLE)
    assert found.doc_id == "part" and found.containment >= 0.9


def test_unrelated_article_on_the_same_topic_is_not_flagged() -> None:
    index = index_with(("a", ARTICLE))
    assert index.near_duplicates(OTHER_ARTICLE) == []
    assert index.near_duplicates("Steelworkers walked out at a steel plant over bonuses.") == []


def test_samples_of_an_excerpt_are_a_subset_of_the_article() -> None:
    whole = set(sample(shingle_hashes(ARTICLE)).tolist())
    part = set(sample(shingle_hashes(excerpt(ARTICLE, 0.3))).tolist())
    assert part and part <= whole


def test_folding_ignores_case_yo_and_punctuation() -> None:
    a = shingle_hashes("Шахтёры вышли на забастовку, требуя зарплату!")
    b = shingle_hashes("шахтеры  ВЫШЛИ на забастовку требуя — зарплату")
    assert a.tolist() == b.tolist()


def test_index_survives_pickling_and_many_documents() -> None:
    index = DocumentIndex()
    for number in range(3000):
        index.add(number, f"Filler report number {number} about weather {number * 7} and roads.")
    index.add("steel", ARTICLE)
    restored = pickle.loads(pickle.dumps(index))
    assert len(restored) == 3001
    assert [d.doc_id for d in restored.near_duplicates(lightly_edited(ARTICLE))] == ["steel"]
    restored.add("other", OTHER_ARTICLE)
    assert [d.doc_id for d in restored.near_duplicates(OTHER_ARTICLE)] == ["other"]


def test_found_whether_postings_are_compacted_or_pending() -> None:
    index = DocumentIndex()
    index.add("steel", ARTICLE)
    index._postings.compact()  # the steel article's postings now live in the sorted arrays
    index.add("other", OTHER_ARTICLE)  # these stay pending
    assert [d.doc_id for d in index.near_duplicates(excerpt(ARTICLE, 0.3))] == ["steel"]
    assert [d.doc_id for d in index.near_duplicates(lightly_edited(OTHER_ARTICLE))] == ["other"]
    both = index.near_duplicates(ARTICLE + " " + OTHER_ARTICLE)
    assert {d.doc_id for d in both} == {"steel", "other"}
    assert all(d.containment >= 0.9 for d in both)


def test_check_and_add_reports_then_indexes() -> None:
    index = DocumentIndex()
    assert index.check_and_add(1, ARTICLE) == []
    assert [d.doc_id for d in index.check_and_add(2, lightly_edited(ARTICLE))] == [1]
    assert {d.doc_id for d in index.check_and_add(3, excerpt(ARTICLE, 0.3))} == {1, 2}
