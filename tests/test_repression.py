"""Repression kinds and counts, not management's troubles or negations."""

from __future__ import annotations

import pytest

from picketline.domain.struggle import Repression
from picketline.domain.vocab import RepressionType as R
from picketline.extract.base import ExtractionDoc, Finding
from picketline.extract.counts import CountStage
from picketline.extract.patterns import split_sentences
from picketline.extract.repression import RepressionStage


def repression(text: str, language: str = "en") -> set[Repression]:
    doc = ExtractionDoc(text, language=language)
    for sentence in split_sentences(text):
        doc.add(Finding("_sentence", sentence, sentence.start, sentence.end))
        doc.add(
            Finding(
                "workers",
                "workers",
                sentence.start,
                sentence.start + 1,
                attrs={"sentence": sentence.index},
            )
        )
    CountStage()(doc)
    RepressionStage()(doc)
    return {f.value for f in doc.of("repression")}


def test_arrest_with_count() -> None:
    found = repression("Police arrested 31 striking dockers outside the port.")
    assert Repression(R.ARREST, 31) in found


def test_russian_detentions_and_ukrainian_ban() -> None:
    assert {r.type for r in repression("Полиция задержала 12 рабочих у проходной.", "ru")} == {
        R.ARREST
    }
    assert R.BAN in {r.type for r in repression("Суд заборонив страйк працівників.", "uk")}


def test_pledge_is_not_prosecution() -> None:
    found = {r.type for r in repression("The governor promised not to prosecute the workers.")}
    assert found == {R.NO_PROSECUTION_PLEDGE}


def test_censorship_torture_injunction() -> None:
    text = (
        "Authorities blocked social media used by the workers. "
        "Two organisers said they were tortured. A court injunction banned the picket."
    )
    assert {r.type for r in repression(text)} >= {R.CENSORSHIP, R.TORTURE, R.BAN}


def test_management_detained_and_negations_are_not_repression() -> None:
    assert repression("The company director was detained for fraud, workers said.") == set()
    assert repression("No arrests were made, police said of the striking workers.") == set()


def test_violence_needs_an_agent() -> None:
    assert repression("Two workers were injured in a fall.") == set()
    assert {r.type for r in repression("Police fired rubber bullets at the workers.")} == {
        R.VIOLENCE
    }


def kinds(text: str, language: str = "en") -> set[R]:
    return {r.type for r in repression(text, language)}


def test_warnings_of_dismissal_are_threats() -> None:
    assert R.THREAT in kinds(
        "The company warned staff that those who stay out would face disciplinary hearings."
    )
    assert R.THREAT in kinds(
        "Директор пригрозил уволить тех, кто откажется выходить в ночные смены.", "ru"
    )
    assert R.THREAT in kinds(
        "Адміністрація попередила робітників, що участь в акції вважатимуть прогулом.", "uk"
    )
    assert R.THREAT in kinds("Заяви їх змусили написати під загрозою звільнення.", "uk")


def test_dismissal_counted_in_words() -> None:
    assert Repression(R.DISMISSAL, 3) in repression("The firm fired three of the organisers.")


def test_blocked_channels_and_administrative_charges() -> None:
    assert R.CENSORSHIP in kinds("The union's Telegram channel was later blocked.")
    assert R.CENSORSHIP in kinds("Сайт профсоюза на этой неделе был заблокирован.", "ru")
    assert R.CENSORSHIP in kinds("Телеграм-канал профспілки заблокували.", "uk")
    assert R.CHARGES in kinds(
        "На водителей составили протоколы об административном нарушении.", "ru"
    )
    assert R.CHARGES in kinds("На пікетувальників склали протоколи.", "uk")


def test_weapons_name_their_agent() -> None:
    assert R.VIOLENCE in kinds("Carabineros fired tear gas, injuring several workers.")
    assert R.VIOLENCE in kinds("Спецназ применил дубинки, несколько рабочих ранены.", "ru")


def test_release_after_them() -> None:
    doc = ExtractionDoc(
        "Nurses marched to the parliament. Police detained 20 of them. All were released."
    )
    for sentence in split_sentences(doc.text):
        doc.add(Finding("_sentence", sentence, sentence.start, sentence.end))
    doc.add(Finding("workers", "nurses", 0, 6, attrs={"sentence": 0}))
    CountStage()(doc)
    RepressionStage()(doc)
    assert {f.value.type for f in doc.of("repression")} == {R.ARREST, R.RELEASE}


@pytest.mark.parametrize(
    ("language", "text", "kinds"),
    [
        (
            "ru",
            "Сварщики верфи объявили забастовку. Полиция задержала 9 человек.",
            {"arrest"},
        ),
        (
            "uk",
            "Зварники верфі оголосили страйк. Поліція затримала 9 людей.",
            {"arrest"},
        ),
        (
            "en",
            "Welders at the yard went on strike. Bosses threatened to dock their pay.",
            {"threat"},
        ),
    ],
)
def test_repression_in_the_sentence_after_the_action(
    language: str, text: str, kinds: set[str]
) -> None:
    from picketline.extract import extract

    struggle = extract(text, published="2024-05-10", language=language).to_format()
    found = {r["type"] for s in struggle["struggles"] for r in s.get("repression", [])}
    assert found == kinds


def test_count_before_a_relative_clause() -> None:
    found = repression(
        "Трьох гірників, які спустилися під землю з їжею для колег, звільнили.", "uk"
    )
    assert Repression(R.DISMISSAL, 3) in found
    found = repression("Пятерых рабочих, которых администрация назвала зачинщиками, уволили.", "ru")
    assert Repression(R.DISMISSAL, 5) in found


def test_delay_is_not_detention() -> None:
    assert not repression("Рабочие требуют выплатить задержанную зарплату.", "ru")
    assert not repression("Через страйк затримався початок опалювального сезону.", "uk")


def test_tried_is_not_torture_and_refused_ban_is_no_ban() -> None:
    found = repression(
        "Компания пыталась через суд запретить забастовку, но суд отклонил иск.", "ru"
    )
    assert R.TORTURE not in {r.type for r in found}
    assert R.BAN not in {r.type for r in found}


def test_future_dismissal_is_a_threat() -> None:
    said = "Директор заявил, что участники забастовки будут уволены."
    ru = {r.type for r in repression(said, "ru")}
    assert ru == {R.THREAT}
    en = {r.type for r in repression("The firm said strikers would be dismissed.", "en")}
    assert en == {R.THREAT}
    uk = {r.type for r in repression("Керівництво заявило, що страйкарі будуть звільнені.", "uk")}
    assert uk == {R.THREAT}


def test_lawsuits_and_refused_permits() -> None:
    assert R.CHARGES in {
        r.type for r in repression("The company sued the union's organisers for losses.")
    }
    assert R.CHARGES in {
        r.type for r in repression("Компания подала иск к двум организаторам стачки.", "ru")
    }
    assert R.BAN in {
        r.type for r in repression("Мэрия отказала профсоюзу в согласовании митинга.", "ru")
    }
    assert R.BAN in {
        r.type for r in repression("Суд на позов роботодавця визнав страйк незаконним.", "uk")
    }


def test_employer_threat_without_naming_workers() -> None:
    doc = ExtractionDoc(
        "Водители отказались выходить на линию. Погода была тёплой. "
        "Руководство пригрозило уволить зачинщиков за прогул.",
        language="ru",
    )
    doc.add(Finding("actions", "strike", 0, 8, attrs={"sentence": 0}))
    for sentence in split_sentences(doc.text):
        doc.add(Finding("_sentence", sentence, sentence.start, sentence.end))
    RepressionStage()(doc)
    assert {f.value.type for f in doc.of("repression")} == {R.THREAT}


def test_detained_then_released_in_one_sentence() -> None:
    found = {
        r.type
        for r in repression(
            "The detained cleaners were taken to a hall and released late in the evening."
        )
    }
    assert found == {R.ARREST, R.RELEASE}


def test_article_number_is_not_a_count() -> None:
    # the article's number is no count; the one chairman named is
    found = repression("На председателя составлен протокол по статье 20.2 КоАП.", "ru")
    assert found == {Repression(R.CHARGES, 1)}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Riot police broke up the rally of striking bakers.", "en", {R.VIOLENCE}),
        ("Three union leaders were handed suspended sentences.", "en", {R.CHARGES}),
        ("Полиция разогнала пикет рабочих, несколько человек получили травмы.", "ru", {R.VIOLENCE}),
        ("Суд оштрафовал троих активистов профсоюза.", "ru", {R.CHARGES}),
        ("Суд заарештував голову профспілки на два місяці.", "uk", {R.ARREST}),
        ("Поліція розігнала мітинг шахтарів.", "uk", {R.VIOLENCE}),
    ],
)
def test_dispersals_fines_and_sentences(text: str, language: str, expected: set[R]) -> None:
    assert {r.type for r in repression(text, language)} == expected


def test_vague_counts_give_no_repression_count() -> None:
    found = repression("Полиция разогнала пикет, несколько человек получили травмы.", "ru")
    assert found == {Repression(R.VIOLENCE, None)}


def first_sentence_about_workers(text: str, language: str) -> set[Repression]:
    """Only the first sentence names the workers; later ones must earn their place."""
    doc = ExtractionDoc(text, language=language)
    for sentence in split_sentences(text):
        doc.add(Finding("_sentence", sentence, sentence.start, sentence.end))
    doc.add(Finding("workers", "workers", 0, 1, attrs={"sentence": 0}))
    CountStage()(doc)
    RepressionStage()(doc)
    return {f.value for f in doc.of("repression")}


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Cleaners rallied outside the ministry. It rained. Police detained four of the "
            "protesters.",
            "en",
            Repression(R.ARREST, 4),
        ),
        (
            "Рабочие вышли на митинг. Шел дождь. Полиция задержала трех участников акции.",
            "ru",
            Repression(R.ARREST, 3),
        ),
        (
            "Працівники провели мітинг. Йшов дощ. Поліція затримала трьох учасників акції.",
            "uk",
            Repression(R.ARREST, 3),
        ),
    ],
)
def test_the_actions_participants_are_its_people(
    text: str, language: str, expected: Repression
) -> None:
    assert expected in first_sentence_about_workers(text, language)


def test_promises_to_fire_and_disciplinary_measures_are_threats() -> None:
    assert R.THREAT in kinds("Management promised to sack anyone who joined the walkout.")
    assert R.THREAT in kinds("Руководство пообещало уволить тех, кто продолжит акцию.", "ru")
    assert R.THREAT in kinds("Против организаторов акции будут приняты дисциплинарные меры.", "ru")
    assert R.THREAT in kinds("Адміністрація пообіцяла звільнити ініціаторів страйку.", "uk")


def test_taken_to_the_police_station_is_an_arrest() -> None:
    assert R.ARREST in kinds("Two strikers were taken to the police station.")
    assert R.ARREST in kinds("Одного рабочего доставили в отдел полиции.", "ru")
    assert R.ARREST in kinds("Двох робітників доставили до відділку поліції.", "uk")


def test_under_the_pressure_of_the_protesters_is_no_threat() -> None:
    assert R.THREAT not in kinds("Під тиском протестувальників депутати зняли питання.", "uk")
    assert R.THREAT not in kinds("Под давлением протестующих депутаты сняли вопрос.", "ru")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Organisers were handed notices of dismissal after the stoppage.", "en", R.DISMISSAL),
        ("Forty strikers were issued with termination letters.", "en", R.DISMISSAL),
        ("The labour court ruled the strike unprotected.", "en", R.BAN),
        ("Union leaders received death threats during the strike.", "en", R.THREAT),
        ("Police dispersed the workers' rally.", "en", R.VIOLENCE),
        (
            "Прокуратура вынесла председателю профсоюза предостережение о недопустимости "
            "забастовки.",
            "ru",
            R.THREAT,
        ),
        ("Лидера забастовщиков вызвали на беседу в ФСБ.", "ru", R.THREAT),
        ("На организаторов стачки возбудили административное дело.", "ru", R.CHARGES),
        ("Полицейские составили на участников акции админпротоколы.", "ru", R.CHARGES),
        ("СБУ відкрила кримінальне провадження щодо організаторів страйку.", "uk", R.CHARGES),
        ("Поліція склала на учасників акції адмінпротоколи.", "uk", R.CHARGES),
        ("Прокуратура винесла голові профспілки застереження.", "uk", R.THREAT),
        ("Голову страйкому викликали на допит до СБУ.", "uk", R.THREAT),
    ],
)
def test_more_ways_to_repress_a_strike(text: str, language: str, expected: R) -> None:
    assert expected in kinds(text, language)


def test_workers_dispersing_by_themselves_is_no_violence() -> None:
    assert R.VIOLENCE not in kinds("At noon the workers dispersed peacefully.")
    assert R.THREAT not in kinds("Профспілка погодилась із застереженням щодо термінів.", "uk")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Officers hauled away 12 picketers and held them overnight.",
            "en",
            Repression(R.ARREST, 12),
        ),
        ("Police took 9 pickets into custody.", "en", Repression(R.ARREST, 9)),
        ("Five union leaders were handed six-month prison terms.", "en", Repression(R.CHARGES, 5)),
        (
            "The company told the workers they would be replaced if they did not return.",
            "en",
            Repression(R.THREAT, None),
        ),
        ("Security guards assaulted three picketers.", "en", Repression(R.VIOLENCE, 3)),
        ("The company fired 30 strikers after the walkout.", "en", Repression(R.DISMISSAL, 30)),
        ("ОМОН применил газ против бастующих шахтёров.", "ru", Repression(R.VIOLENCE, None)),
        ("Полиция увезла 7 пикетчиков в отдел.", "ru", Repression(R.ARREST, 7)),
        ("Охранники вытолкали рабочих с территории завода.", "ru", Repression(R.VIOLENCE, None)),
        ("На 5 рабочих составили административные протоколы.", "ru", Repression(R.CHARGES, 5)),
        ("Двоих рабочих уволили за участие в забастовке.", "ru", Repression(R.DISMISSAL, 2)),
        ("Полицейские задержали 14 бастующих медиков.", "ru", Repression(R.ARREST, 14)),
        ("Поліція забрала 7 пікетувальників до відділку.", "uk", Repression(R.ARREST, 7)),
        (
            "Охоронці силоміць виштовхали робітників з території заводу.",
            "uk",
            Repression(R.VIOLENCE, None),
        ),
        ("Поліцейські застосували газ проти страйкарів.", "uk", Repression(R.VIOLENCE, None)),
        ("Двох робітників звільнили за участь у страйку.", "uk", Repression(R.DISMISSAL, 2)),
        ("На п'ятьох активістів профспілки склали адмінпротоколи.", "uk", Repression(R.CHARGES, 5)),
        ("Поліція затримала 14 страйкарів біля шахти.", "uk", Repression(R.ARREST, 14)),
    ],
)
def test_repression_phrasings_written_for_issue_3(
    text: str, language: str, expected: Repression
) -> None:
    assert expected in repression(text, language), text


def test_a_suspension_without_pay_is_not_guessed_as_a_dismissal() -> None:
    # input: a suspension; the extractor reports no dismissal rather than guessing one
    found = repression("Management suspended 20 strikers without pay.")
    assert R.DISMISSAL not in {r.type for r in found}
