"""Reading note files: what is refused, how bytes become text."""

import codecs
from pathlib import Path

import pytest

from content.ingest.sources import MAX_BYTES, NoteText, Unreadable, decode, read_note

NOTES = Path(__file__).resolve().parents[1] / "notes"


def reason(raw: bytes) -> str:
    with pytest.raises(Unreadable) as caught:
        decode(raw)
    return str(caught.value)


def test_it_reads_every_shipped_note_as_utf8():
    for path in sorted(NOTES.glob("*.txt")):
        note = read_note(path)
        assert isinstance(note, NoteText)
        assert note.encoding == "utf-8"
        assert "\r" not in note.text


def test_it_keeps_curly_quotes_of_utf8_notes(tmp_path):
    path = tmp_path / "containers.txt"
    path.write_bytes("Fargate: It’s a serverless engine for containers\n".encode())
    note = read_note(path)
    assert note.encoding == "utf-8"
    assert "Fargate: It’s a serverless engine for containers" in note.text


def test_it_turns_crlf_and_lone_cr_into_lf():
    # Saved by a Windows editor and by an old Mac one.
    crlf = "IAM: Users & Groups\r\n• IAM = Identity and Access Management, Global service\r\n"
    assert decode(crlf.encode()).text == "IAM: Users & Groups\n• IAM = Identity and Access Management, Global service\n"
    assert decode(b"IAM: Users & Groups\r\xe2\x80\xa2 Root account\r").text == "IAM: Users & Groups\n• Root account\n"


def test_it_falls_back_to_cp1252_and_gets_curly_quotes_right():
    # Curly quotes, a dash and an ellipsis, as Word would save them.
    raw = "• QLDB stands for “Quantum Ledger Database” – It’s …".encode("cp1252")
    note = decode(raw)
    assert note.encoding == "cp1252"
    assert note.text == "• QLDB stands for “Quantum Ledger Database” – It’s …"


def test_it_strips_a_utf8_bom():
    # A Markdown heading saved as "UTF-8 with BOM".
    note = decode(codecs.BOM_UTF8 + b"# About Cloud Computing\n")
    assert note.text == "# About Cloud Computing\n"
    assert note.encoding == "utf-8-sig"


def test_it_reads_utf16_with_a_bom():
    # Notepad's "Unicode" is full of NUL bytes but is text.
    note = decode(codecs.BOM_UTF16_LE + "WHAT IS EC2?\r\n".encode("utf-16-le"))
    assert note.text == "WHAT IS EC2?\n"


def test_it_refuses_an_empty_or_blank_file():
    assert reason(b"") == "empty file"
    assert reason(b" \t\r\n\n  \n") == "empty file"
    assert reason(codecs.BOM_UTF8) == "empty file"


def test_it_refuses_a_file_with_nul_bytes_as_binary():
    assert reason(b"%PDF-1.7\n\x00\x01\x02stream").startswith("binary file")


def test_it_refuses_mostly_undecodable_bytes_as_binary():
    # No NUL, not UTF-8, and mostly control or undefined bytes: a disguised image, not a note.
    raw = bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D, 0x01, 0x02, 0x03, 0x1B]) * 200
    assert reason(raw).startswith("binary file")


def test_it_refuses_a_file_over_5_mb(tmp_path):
    big = tmp_path / "huge.md"
    big.write_bytes(b"# S3\n" + b"x" * (6 * 1024 * 1024))
    with pytest.raises(Unreadable) as caught:
        read_note(big)
    message = str(caught.value)
    assert "6.0 MB" in message and "5 MB" in message
    assert reason(b"a" * (MAX_BYTES + 1)).startswith("file too large")


def test_it_accepts_a_file_of_exactly_5_mb(tmp_path):
    path = tmp_path / "limit.txt"
    path.write_bytes(b"S3\n" + b"a" * (MAX_BYTES - 3))
    assert len(read_note(path).text) == MAX_BYTES


def test_it_refuses_a_pdf_by_its_extension(tmp_path):
    pdf = tmp_path / "notes.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    with pytest.raises(Unreadable) as caught:
        read_note(pdf)
    assert str(caught.value) == "unsupported file type '.pdf' (expected .txt, .md or .markdown)"


def test_it_accepts_txt_md_and_markdown_in_any_case(tmp_path):
    for name in ("a.txt", "b.MD", "c.Markdown", "d.TXT"):
        path = tmp_path / name
        path.write_text("S3 Storage Classes:\n• Glacier\n", encoding="utf-8")
        assert read_note(path).text.startswith("S3 Storage Classes:")


def test_it_refuses_a_file_without_extension_and_a_missing_file(tmp_path):
    bare = tmp_path / "README"
    bare.write_text("S3")
    with pytest.raises(Unreadable, match="unsupported file type"):
        read_note(bare)
    with pytest.raises(Unreadable, match="file not found"):
        read_note(tmp_path / "gone.md")
