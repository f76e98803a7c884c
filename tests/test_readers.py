"""Decoding and the bad inputs researchers really have."""

import codecs

import pytest

from nlp.readers import InputError, decode, expand_paths, read_document

from .conftest import seed_path, seed_text

SAMPLE = "全县生产总值完成283.9亿元，增长8.4%；“两个确保”"


@pytest.mark.parametrize(
    "data, encoding",
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16"),
        (SAMPLE.encode("gb18030"), "gb18030"),
        (SAMPLE.encode("gbk"), "gb18030"),
    ],
)
def test_decode_encodings(data, encoding):
    document = decode(data, "a.txt")
    assert document.text == SAMPLE
    assert document.encoding == encoding


def test_decode_seed_as_gb18030_equals_utf8():
    text = seed_text("001")
    assert decode(text.encode("gb18030"), "x").text == text


@pytest.mark.parametrize(
    "data, problem",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (it holds NUL bytes and no UTF-16 byte-order mark)"),
        (bytes(range(1, 32)) * 4, "binary file (it decodes to control characters, not text)"),
        (b"\xff\xfe\x00\xd8", "invalid UTF-16 at byte 2 (2 invalid bytes in all)"),
        (b"\x81\x30", "cannot be decoded as UTF-8, UTF-16 or GB18030"),
    ],
)
def test_decode_rejects_with_one_line(data, problem):
    with pytest.raises(InputError) as error:
        decode(data, "bad.txt")
    assert str(error.value) == f"bad.txt: {problem}"


def test_decode_empty_is_empty_text():
    assert decode(b"", "empty.txt").text == ""


def test_read_document_missing_and_folder(tmp_path):
    with pytest.raises(InputError, match=r"^.*nothing\.txt: no such file$"):
        read_document(str(tmp_path / "nothing.txt"))
    with pytest.raises(InputError, match="is a folder$"):
        read_document(str(tmp_path))


def test_expand_paths_folders_recursively(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("乙", encoding="utf-8")
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    (tmp_path / "empty").mkdir()
    items = list(expand_paths([str(tmp_path), str(tmp_path / "empty"), "-", str(seed_path("004"))]))
    assert items[:2] == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.txt")]
    assert isinstance(items[2], InputError) and items[2].problem == "folder holds no .txt files"
    assert items[3:] == ["-", str(seed_path("004"))]
