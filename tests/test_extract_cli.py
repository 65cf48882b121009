"""``picketline extract`` and ``picketline eval`` through the real entry point.

The command tests run ``picketline.cli.main`` in a subprocess, exactly as a
user does, on files written here. The batch machinery (going on past
failures, keeping order) is also tested in-process with a stand-in extractor,
so it is covered even where the pipeline misbehaves.

The TARGET tests at the end are the project's extraction targets on the shared
evaluation material; they fail until the pipeline reaches them, by design.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from picketline.cli.extract_commands import collect_jobs, extract_batch
from picketline.domain.dates import PartialDate
from picketline.errors import InputError
from picketline.evaluate import runner
from picketline.evaluate.corpus import load_annotated_dir, read_jsonl
from picketline.extract.base import ExtractedStruggle, Extraction

ENTRY = [sys.executable, "-c", "from picketline.cli import main; main()"]

MINERS_EN = (
    "More than 100 coal miners at the Komsomolskaya mine in Antratsyt went on strike "
    "on June 6, 2020, refusing to come up from underground until they are paid the wages "
    "owed to them since April. The miners also demanded that the mine not be closed.\n"
)
MINERS_RU = (
    "Шахтёры шахты «Заречная» в Кузбассе отказались выходить на работу из-за невыплаты "
    "зарплаты. В забастовке участвуют 268 горняков, сообщил профсоюз.\n"
)
WEATHER_EN = (
    "Cape Town will see light rain on Saturday, the weather service said. Temperatures "
    "will drop to 12 degrees in the evening and strong winds are expected along the coast.\n"
)


def picketline(*args: str | Path, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*ENTRY, *map(str, args)], capture_output=True, text=True, timeout=timeout, check=False
    )


# --- stand-in extractor for the batch machinery ----------------------------------------


class FakeExtractor:
    """Relevant when the text says 'strike'; raises on 'BOOM'; German is unsupported."""

    def extract(self, text: str, **_: Any) -> Extraction:
        if "BOOM" in text:
            raise RuntimeError("kaboom")
        language = "de" if "Streik" in text else "en"
        relevant = "strike" in text
        struggles = [ExtractedStruggle(_strike(), 0.9, {})] if relevant else []
        notes = ("unsupported language: de",) if language == "de" else ()
        return Extraction(language, None, None, relevant, struggles, notes=notes)


def _strike() -> Any:
    from picketline.domain.struggle import StruggleFields
    from picketline.domain.vocab import Action

    return StruggleFields(actions=(Action.STRIKE,))


@pytest.fixture
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner, "_EXTRACTOR", FakeExtractor())


def test_batch_goes_on_past_failures_in_process(tmp_path: Path, fake_extractor: None) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("Workers went on strike.")
    (src / "b.txt").write_bytes(b"\x00\x01binary\x00")
    (src / "sub" / "c.html").write_text("<p>Nurses</p><p>strike</p><div>today</div>")
    (src / "sub" / "d.md").write_text("BOOM")
    (src / "e.txt").write_text("Arbeiter im Streik")
    (src / "ignored.pdf").write_bytes(b"%PDF")
    out = tmp_path / "out"
    failures = extract_batch([src, tmp_path / "missing.txt"], out, workers=1)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == [
        "a.json",
        "sub/c.json",
    ]
    assert json.loads((out / "sub" / "c.json").read_text())["document"]["text_file"] == "c.html"
    assert len(failures) == 4
    joined = "\n".join(failures)
    for name in ("missing.txt", "b.txt", "d.md", "e.txt"):
        assert name in joined
    assert "unsupported language 'de'" in joined


def test_batch_jsonl_keeps_ids_and_order(tmp_path: Path, fake_extractor: None) -> None:
    corpus = tmp_path / "c.jsonl"
    lines = [{"id": f"n{i}", "text": "strike" if i % 2 else "rain"} for i in range(7)]
    corpus.write_text("\n".join(json.dumps(x) for x in lines) + "\n")
    assert extract_batch([corpus], tmp_path / "out", workers=1) == []
    got = [json.loads(x) for x in (tmp_path / "out" / "c.jsonl").read_text().splitlines()]
    assert [g["id"] for g in got] == [x["id"] for x in lines]
    assert [g["relevant"] for g in got] == [bool(i % 2) for i in range(7)]


def test_colliding_names_stay_apart(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.html").write_text("x")
    _, targets, _ = collect_jobs([tmp_path], tmp_path / "out", None, None)
    assert sorted(p.name for p in targets.values()) == ["a.json", "a.txt.json"]


def test_unsupported_language_messages() -> None:
    de = Extraction("de", None, None, False, [], notes=("unsupported language: de",))
    unknown = Extraction(None, None, None, False, [], notes=("unsupported language: unknown",))
    ok = Extraction("ru", None, None, True, [])
    assert runner.unsupported_language(de, "a.txt") == (
        "a.txt: unsupported language 'de' (Picketline reads en, ru and uk)"
    )
    assert "could not be identified" in (runner.unsupported_language(unknown, "a.txt") or "")
    assert runner.unsupported_language(ok, "a.txt") is None


def test_corpus_readers_report_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "text": "x"}\nnot json\n')
    with pytest.raises(InputError, match=r"bad\.jsonl:2: not a JSON object"):
        list(read_jsonl(bad))
    (tmp_path / "x.json").write_text('{"relevant": true, "struggles": []}')
    with pytest.raises(InputError, match=r"x\.json: its article x\.txt is missing"):
        load_annotated_dir(tmp_path)


def test_public_annotations_load(shared_eval: Path) -> None:
    articles = load_annotated_dir(shared_eval / "public")
    assert len(articles) >= 9
    by_name = {a.name: a for a in articles}
    assert by_name["lugansk-miners-2020"].published == PartialDate(2020, 6)


# --- the real commands -----------------------------------------------------------------


def test_extract_one_file_as_json(tmp_path: Path) -> None:
    article = tmp_path / "miners.txt"
    article.write_text(MINERS_EN, encoding="utf-8")
    done = picketline(
        "extract", article, "--json", "--published", "2020-06-10", "--url", "http://x"
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["document"] == {
        "text_file": "miners.txt",
        "language": "en",
        "published": "2020-06-10",
        "url": "http://x",
    }
    assert out["relevant"] is True
    assert out["struggles"] and "strike" in out["struggles"][0]["actions"]


def test_extract_cp1251_file(tmp_path: Path) -> None:
    article = tmp_path / "zarechnaya.txt"
    article.write_bytes(MINERS_RU.replace("«", '"').replace("»", '"').encode("cp1251"))
    done = picketline("extract", article, "--json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["document"]["language"] == "ru"
    assert out["relevant"] is True


def test_extract_empty_file_is_one_clear_line(tmp_path: Path) -> None:
    article = tmp_path / "empty.txt"
    article.write_bytes(b"")
    done = picketline("extract", article, "--json")
    assert done.returncode == 1
    assert done.stderr.strip() == f"error: {article}: the file is empty"
    assert done.stdout == ""


def test_extract_bad_date_is_one_clear_line(tmp_path: Path) -> None:
    done = picketline("extract", tmp_path / "x.txt", "--json", "--published", "June 2020")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        "error: --published 'June 2020': not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    )


def test_extract_folder_needs_out(tmp_path: Path) -> None:
    done = picketline("extract", tmp_path, "--json")
    assert done.returncode == 1
    assert "give --out DIR" in done.stderr


def test_extract_unsupported_language(tmp_path: Path) -> None:
    article = tmp_path / "streik.txt"
    article.write_text(
        "Die Beschäftigten des Krankenhauses sind am Montag in einen unbefristeten Streik "
        "getreten, um höhere Löhne und bessere Arbeitsbedingungen durchzusetzen.",
        encoding="utf-8",
    )
    done = picketline("extract", article, "--json")
    assert done.returncode == 1
    assert done.stderr.strip() == (
        f"error: {article}: unsupported language 'de' (Picketline reads en, ru and uk)"
    )


def test_batch_with_a_bad_file_in_the_middle(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "1-miners.txt").write_text(MINERS_EN, encoding="utf-8")
    (src / "2-broken.txt").write_bytes(bytes(range(256)) * 8)
    (src / "3-weather.txt").write_text(WEATHER_EN, encoding="utf-8")
    out = tmp_path / "out"
    done = picketline("extract", src, "--out", out)
    assert done.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["1-miners.json", "3-weather.json"]
    assert f"failed: {src / '2-broken.txt'}: not a text file" in done.stderr
    assert done.stderr.strip().endswith("error: 1 inputs failed (listed above)")
    assert json.loads((out / "1-miners.json").read_text())["relevant"] is True
    assert json.loads((out / "3-weather.json").read_text())["relevant"] is False


def test_jsonl_round_trip_keeps_ids(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    docs = [
        {"id": "m1", "text": MINERS_EN, "published": "2020-06-10"},
        {"id": "w2", "text": WEATHER_EN},
        {"id": "r3", "text": MINERS_RU, "url": "http://example.org/r3"},
    ]
    corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))
    done = picketline("extract", corpus, "--out", tmp_path / "out")
    assert done.returncode == 0, done.stderr
    lines = (tmp_path / "out" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    got = [json.loads(line) for line in lines]
    assert [g["id"] for g in got] == ["m1", "w2", "r3"]
    assert got[0]["document"]["published"] == "2020-06-10"
    assert got[2]["document"]["url"] == "http://example.org/r3"
    assert [g["relevant"] for g in got] == [True, False, True]


def test_eval_json_output(shared_eval: Path) -> None:
    done = picketline("eval", shared_eval / "public", "--json")
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    assert scores["documents"] >= 9
    assert set(scores["fields"]) >= {"actions", "place", "participants", "repression"}
    assert 0.0 <= scores["micro"]["f1"] <= 1.0


@pytest.mark.slow
def test_twenty_megabyte_article_goes_through(tmp_path: Path) -> None:
    article = tmp_path / "huge.txt"
    block = (MINERS_EN + WEATHER_EN + MINERS_RU) * 50
    with article.open("w", encoding="utf-8") as handle:
        while handle.tell() < 20 * 2**20:
            handle.write(block)
    started = time.perf_counter()
    done = picketline("extract", article, "--json", timeout=900)
    elapsed = time.perf_counter() - started
    assert done.returncode == 0, done.stderr[-2000:]
    assert json.loads(done.stdout)["document"]["text_file"] == "huge.txt"
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert peak_mb < 2048, f"peak RSS {peak_mb:.0f} MB"
    assert elapsed < 300, f"{elapsed:.0f} s"


# --- TARGETS: the project's extraction targets (fail until the pipeline meets them) ------


@pytest.fixture(scope="module")
def public_scores(shared_eval: Path) -> dict[str, Any]:
    done = picketline("eval", shared_eval / "public", "--json")
    assert done.returncode == 0, done.stderr
    return dict(json.loads(done.stdout))


def test_target_public_field_micro_f1(public_scores: dict[str, Any]) -> None:
    """TARGET: field micro-F1 >= 0.75 on the public annotated articles."""
    assert public_scores["micro"]["f1"] >= 0.75


def test_target_public_no_weak_field(public_scores: dict[str, Any]) -> None:
    """TARGET: every field with gold points scores F1 >= 0.5 on the public articles."""
    weak = {
        name: counts["f1"]
        for name, counts in public_scores["fields"].items()
        if counts["gold_points"] and counts["f1"] < 0.5
    }
    assert weak == {}


def test_target_public_relevance_recall(public_scores: dict[str, Any]) -> None:
    """TARGET: every public article is found relevant (recall 1.0)."""
    assert public_scores["relevance"]["recall"] == 1.0


@pytest.mark.slow
def test_target_glocon_relevance_f1(shared_eval: Path) -> None:
    """TARGET: relevance F1 >= 0.9 on GLOCON dev (525 news documents, 9 relevant)."""
    done = picketline("eval", shared_eval / "glocon-dev.jsonl", "--json")
    assert done.returncode == 0, done.stderr
    scores = json.loads(done.stdout)
    assert scores["documents"] == 525
    assert scores["relevance"]["f1"] >= 0.9, (
        scores["false_positives"],
        scores["false_negatives"],
    )


# --- REGRESSION: the figures reached, so a rule change that costs them is seen ----------

FIXTURES = Path(__file__).parent / "fixtures"


def test_regression_public_stays_high(public_scores: dict[str, Any]) -> None:
    """REGRESSION: public micro-F1 >= 0.95 and no field below 0.9 (0.990 when written)."""
    assert public_scores["micro"]["f1"] >= 0.95
    weak = {
        name: counts["f1"]
        for name, counts in public_scores["fields"].items()
        if counts["gold_points"] and counts["f1"] < 0.9
    }
    assert weak == {}


@pytest.mark.parametrize(
    ("folder", "floor"),
    [
        ("devset", 0.91),
        ("devset2", 0.88),
        ("devset3", 0.92),
        ("devset4", 0.90),
        ("devset5", 0.88),
        ("devset6", 0.91),
    ],
)
def test_regression_development_sets(folder: str, floor: float) -> None:
    """REGRESSION: development-set micro-F1 (last measured 0.949 / 0.923 / 0.961 / 0.948 /
    0.927 / 0.957)."""
    done = picketline("eval", FIXTURES / folder, "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["micro"]["f1"] >= floor
