"""Read one note file safely: refuse what is not a text note, decode what is, normalise line ends."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt", ".md", ".markdown")
MAX_BYTES = 5 * 1024 * 1024

# Control characters other than tab, line ends and form feed, and the decoder's replacement mark.
_ODD = re.compile("[\x00-\x08\x0b\x0e-\x1f\ufffd]")
# cp1252 leaves these five bytes undefined; a decoder that meets them is looking at non-text.
_CP1252_UNDEFINED = {0x81, 0x8D, 0x8F, 0x90, 0x9D}
# Above this share of odd characters a file is called binary rather than text.
_BINARY_SHARE = 0.10


class Unreadable(Exception):
    """A note file that cannot be ingested; str() is a reason a person can act on."""


@dataclass
class NoteText:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16" or "cp1252"


def unsupported_type(name: str) -> str:
    suffix = Path(name).suffix.lower()
    shown = f"'{suffix}'" if suffix else "(none)"
    return f"unsupported file type {shown} (expected .txt, .md or .markdown)"


def read_note(path: Path) -> NoteText:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise Unreadable(unsupported_type(path.name))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise Unreadable(_too_large(size))
        with path.open("rb") as handle:
            # Read one byte past the limit so a file that grew since stat() is still refused.
            raw = handle.read(MAX_BYTES + 1)
    except Unreadable:
        raise
    except IsADirectoryError:
        raise Unreadable("is a directory, not a file") from None
    except FileNotFoundError:
        raise Unreadable("file not found") from None
    except PermissionError:
        raise Unreadable("permission denied") from None
    except OSError as exc:
        raise Unreadable(f"cannot read file ({exc.strerror or exc})") from None
    return decode(raw)


def decode(raw: bytes) -> NoteText:
    if len(raw) > MAX_BYTES:
        raise Unreadable(_too_large(len(raw)))
    if raw.startswith(codecs.BOM_UTF8):
        text, encoding = raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # Windows Notepad's "Unicode": full of NUL bytes, yet text.
        text, encoding = raw.decode("utf-16", errors="replace"), "utf-16"
    elif b"\x00" in raw:
        raise Unreadable("binary file (it contains NUL bytes; expected plain text or Markdown)")
    else:
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            undefined = sum(raw.count(bytes([b])) for b in _CP1252_UNDEFINED)
            text, encoding = raw.decode("cp1252", errors="replace"), "cp1252"
            if raw and undefined / len(raw) > _BINARY_SHARE:
                raise Unreadable(_binary(undefined / len(raw))) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise Unreadable("empty file")
    odd = len(_ODD.findall(text))
    if odd / len(text) > _BINARY_SHARE:
        raise Unreadable(_binary(odd / len(text)))
    return NoteText(text=text, encoding=encoding)


def _too_large(size: int) -> str:
    return f"file too large: {size / (1024 * 1024):.1f} MB ({size:,} bytes); the limit is 5 MB"


def _binary(share: float) -> str:
    return f"binary file ({share:.0%} of it is not text; expected plain text or Markdown)"
