"""Start dates: background sentences, wage periods and genitive weekdays."""

from __future__ import annotations

from picketline.extract.pipeline import default_extractor


def _start(text: str, language: str, published: str) -> str | None:
    result = default_extractor().extract(text, language=language, published=published)
    starts = [s.fields.start for s in result.struggles if s.fields.start is not None]
    return str(starts[0]) if starts else None


def test_background_year_sentence_is_not_the_start() -> None:
    text = (
        "Some 180 mill workers at Kaministiquia Paper were locked out on February 12 "
        "after contract talks broke down. In 2009, workers there went on strike for "
        "six weeks over a wage freeze."
    )
    assert _start(text, "en", "2024-03-01") == "2024-02-12"


def test_wage_period_is_not_the_start() -> None:
    text = (
        "27 марта 2024 года у здания администрации прошел митинг работников трамвайного "
        "предприятия. Работники требовали погасить долги по зарплате за январь и "
        "февраль 2024 года."
    )
    assert _start(text, "ru", "2024-03-29") == "2024-03-27"


def test_genitive_weekday_since_is_the_start() -> None:
    text = "Около 400 мусорщиков Марселя с понедельника продолжают забастовку."
    assert _start(text, "ru", "2024-02-16") == "2024-02-12"
