"""Decoding and the bad inputs researchers really have."""

import codecs
import os

import pytest

from nlp.readers import InputError, InvalidBytesError, decode, expand_paths, read_document

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


def utf8_with_stray_bytes() -> tuple[bytes, bytes]:
    """A UTF-8 text with two stray bytes (a GB18030 character, 啊) between its characters, and
    the clean text; every byte pair of it also happens to be valid GB18030."""
    clean = "两个确保".encode("utf-8") * 10
    return clean[:60] + "啊".encode("gb18030") + clean[60:], clean


def test_decode_utf8_with_stray_bytes_is_utf8_not_gb18030():
    data, clean = utf8_with_stray_bytes()
    data.decode("gb18030")  # valid GB18030 (mojibake): trying GB18030 first would read that
    with pytest.raises(InvalidBytesError) as error:
        decode(data, "bad.txt")
    assert str(error.value) == "bad.txt: invalid UTF-8 at byte 60 (2 invalid bytes in all)"
    document = decode(data, "bad.txt", "replace")
    assert (document.encoding, document.replaced) == ("utf-8", 2)
    assert document.text == data.decode("utf-8", "replace") == "两个确保" * 5 + "\ufffd\ufffd" + "两个确保" * 5


@pytest.mark.parametrize(
    "data, encoding, text, replaced",
    [
        # each invalid sequence is one U+FFFD: a cut-off 3-byte character (2 bytes) is one
        (SAMPLE.encode() + "确".encode()[:2] + SAMPLE.encode(), "utf-8", SAMPLE + "\ufffd" + SAMPLE, 2),
        (codecs.BOM_UTF8 + b"\xff" + "两个确保".encode(), "utf-8-sig", "\ufffd两个确保", 1),
        (codecs.BOM_UTF16_LE + "两个".encode("utf-16-le") + b"\x00\xd8" + "确保".encode("utf-16-le"), "utf-16",
         "两个\ufffd确保", 2),
        # not UTF-8 at all (65 % invalid): GB18030, with its one invalid byte replaced
        (SAMPLE.encode("gb18030") + b"\xff" + SAMPLE.encode("gb18030"), "gb18030", SAMPLE + "\ufffd" + SAMPLE, 1),
    ],
)  # fmt: skip
def test_decode_replace_counts_replaced_bytes(data, encoding, text, replaced):
    document = decode(data, "a.txt", "replace")
    assert (document.encoding, document.text, document.replaced) == (encoding, text, replaced)


def test_decode_valid_gb18030_stays_gb18030_with_replace():
    text = seed_text("001")
    document = decode(text.encode("gb18030"), "x", "replace")
    assert (document.encoding, document.replaced, document.text) == ("gb18030", 0, text)


def test_expand_paths_any_case_and_skipped_entries_named(tmp_path):
    for name in ("c.txt", "A.TXT", "b.Txt", "notes.md"):
        (tmp_path / name).write_text("两个确保", encoding="utf-8")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    items = list(expand_paths([str(tmp_path)]))
    assert items[:3] == [str(tmp_path / name) for name in ("A.TXT", "b.Txt", "c.txt")]
    assert [str(error) for error in items[3:]] == [
        f"{tmp_path / 'gone.txt'}: skipped: dangling symbolic link (to {tmp_path / 'nowhere.txt'})",
        f"{tmp_path / 'pipe.txt'}: skipped: not a regular file",
    ]
    assert list(expand_paths(items)) == items  # expanding twice changes nothing


@pytest.mark.skipif(os.geteuid() == 0, reason="root lists folders whatever their mode")
def test_expand_paths_names_a_folder_it_cannot_list(tmp_path):
    (tmp_path / "a.txt").write_text("甲", encoding="utf-8")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked").chmod(0)
    try:
        items = list(expand_paths([str(tmp_path)]))
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert items[0] == str(tmp_path / "a.txt")
    assert str(items[1]) == f"{tmp_path / 'locked'}: folder cannot be read: Permission denied"
