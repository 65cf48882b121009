"""Reading article files in every encoding they arrive in, and refusing what is not text."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from picketline.errors import InputError
from picketline.ingest.decode import decode_bytes, plausibility, read_document

RU = (
    'Шахтёры шахты "Заречная" отказались выходить на работу из-за невыплаты зарплаты.\n'
    "Это уже вторая забастовка в этом месяце, сообщил профсоюз."
)
UK = (
    'Гірники шахти "Капітальна" оголосили страйк під землею.\n'
    "Вони вимагають виплатити заборгованість із зарплати за три місяці."
)
EN = "Bin workers in West Cumbria have ended their strike after winning a better pay deal."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RU, "cp1251"),
        (RU, "koi8-r"),
        (UK, "cp1251"),
        (UK, "koi8-u"),
        (RU, "cp866"),
        (RU, "iso8859-5"),
    ],
)
def test_cyrillic_single_byte_encodings(tmp_path: Path, text: str, encoding: str) -> None:
    document = read_document(write(tmp_path, "a.txt", text.encode(encoding)))
    assert document.text == text
    assert document.encoding == encoding
    assert not document.was_html


def test_koi8r_is_not_mistaken_for_cp1251(tmp_path: Path) -> None:
    # every byte string is valid cp1251: only plausibility tells them apart
    document = read_document(write(tmp_path, "a.txt", "Забастовка продолжается.".encode("koi8-r")))
    assert document.text == "Забастовка продолжается."


@pytest.mark.parametrize("text", [RU, UK, EN])
@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-16-le", b"\xff\xfe"),
        ("utf-16-be", b"\xfe\xff"),
        ("utf-16-le", b""),
        ("utf-16-be", b""),
    ],
)
def test_utf16_with_and_without_bom(tmp_path: Path, text: str, encoding: str, bom: bytes) -> None:
    document = read_document(write(tmp_path, "a.txt", bom + text.encode(encoding)))
    assert document.text == text
    assert document.encoding == encoding


def test_utf8_with_bom_drops_the_mark(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + RU.encode("utf-8")))
    assert document.text == RU
    assert document.encoding == "utf-8"


def test_western_single_byte_text(tmp_path: Path) -> None:
    text = "The café workers’ strike is “ongoing”, a naïve observer said."
    assert read_document(write(tmp_path, "a.txt", text.encode("cp1252"))).text == text


def test_newlines_are_normalised(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "a.txt", b"one\r\ntwo\rthree\n"))
    assert document.text == "one\ntwo\nthree\n"
    assert document.text.index("three") == 8  # offsets count one character per newline


def test_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", b"")
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: the file is empty"


def test_whitespace_only_file_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.txt", b" \r\n\t\n")
    with pytest.raises(InputError, match="the file is empty"):
        read_document(path)


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    noise = random.Random(7).randbytes(4096)
    path = write(tmp_path, "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + noise)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: not a text file (it contains NUL bytes: binary data?)"


def test_binary_file_without_nul_bytes(tmp_path: Path) -> None:
    noise = random.Random(8).randbytes(4096).replace(b"\x00", b"\x01")
    path = write(tmp_path, "blob.txt", noise)
    with pytest.raises(InputError) as caught:
        read_document(path)
    assert str(caught.value) == f"{path}: not a text file (binary data, or an unknown encoding)"


def test_file_over_the_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"strike " * 200)
    with pytest.raises(InputError) as caught:
        read_document(path, max_bytes=1000)
    assert str(caught.value) == f"{path}: the file is 0.0 MB, over the 0 MB limit"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file$"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_document(tmp_path)


HTML = b"""<!DOCTYPE html>
<html><head><title>Strike &amp; lockout</title>
<script>document.write('STEAL COOKIES'); var x = "<p>not text</p>";</script>
<style>p { color: red } .hidden { display: none }</style></head>
<body><nav>Home | News</nav>
<article><h1>Miners strike</h1>
<p>More than 100 coal miners at the Komsomolskaya mine stopped work on Monday,
demanding their unpaid wages for April and May.</p>
<p>The strike continues underground, the union said in a statement on Tuesday.</p>
</article></body></html>"""


def test_html_is_reduced_to_text_without_script_or_style(tmp_path: Path) -> None:
    document = read_document(write(tmp_path, "page.txt", HTML))
    assert document.was_html
    assert document.title == "Strike & lockout"
    assert "More than 100 coal miners" in document.text
    assert "The strike continues underground" in document.text
    for banned in ("STEAL", "document.write", "color: red", "<p>", "display"):
        assert banned not in document.text


def test_html_fragment_falls_back_to_the_tag_stripper() -> None:
    data = b"<p>Nurses</p><script>alert('x')</script><div>walked out</div><br><style>a{}</style>"
    document = decode_bytes(data, "frag.txt")
    assert document.was_html
    assert "alert" not in document.text and "a{}" not in document.text
    assert "Nurses" in document.text and "walked out" in document.text


def test_plain_text_mentioning_a_tag_is_not_html() -> None:
    document = decode_bytes(b"Use the <p> tag for paragraphs. Workers struck.", "a.txt")
    assert not document.was_html
    assert document.text == "Use the <p> tag for paragraphs. Workers struck."


def test_plausibility_prefers_the_right_reading() -> None:
    raw = RU.encode("koi8-r")
    assert plausibility(raw.decode("koi8-r")) > 0.8
    assert plausibility(raw.decode("cp1251")) < 0.2


def test_twenty_megabytes_decode_quickly(tmp_path: Path) -> None:
    import time

    data = (RU + "\n").encode("cp1251") * (20 * 2**20 // len(RU.encode("cp1251")))
    started = time.perf_counter()
    document = read_document(write(tmp_path, "big.txt", data))
    assert document.encoding == "cp1251"
    assert len(document.text) == len(data)
    assert time.perf_counter() - started < 10
