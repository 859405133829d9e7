"""Bytes to text, decided per file: BOM, UTF-16 without BOM, UTF-8 (tolerating a few bad bytes),
then charset-normalizer's guess for legacy code pages."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

_BINARY_SNIFF_BYTES = 8192
_MAX_CHAOS = 0.1  # charset_normalizer's mess ratio above which a guess is not trusted
# UTF-16 text of mostly Latin script has a zero in nearly every other byte, and almost none in
# the other half; binary data has zeros scattered everywhere or in both halves.
_UTF16_ZERO_SIDE = 0.3
_UTF16_OTHER_SIDE = 0.02
# A file is UTF-8 with damage (not a legacy code page) when valid multi-byte sequences clearly
# outnumber the bytes that are not UTF-8.
_UTF8_GOOD_PER_BAD = 2
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """str(err) is a one-line reason."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str = ""  # e.g. "1 invalid UTF-8 byte sequence replaced by U+FFFD"


def decode(data: bytes) -> Decoded:
    """The text of `data`, or DecodeError('binary file, not text' / 'not valid text ...')."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError("not valid text in any known encoding") from exc
    head = data[:_BINARY_SNIFF_BYTES]
    if b"\x00" in head:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise DecodeError("binary file, not text")
        return utf16
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    return damaged if damaged is not None else _guess(data)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    head = data[: _BINARY_SNIFF_BYTES - _BINARY_SNIFF_BYTES % 2]
    even, odd = head[0::2], head[1::2]
    if not even or not odd:
        return None
    zero_even = even.count(0) / len(even)
    zero_odd = odd.count(0) / len(odd)
    if zero_odd >= _UTF16_ZERO_SIDE and zero_even <= _UTF16_OTHER_SIDE:
        encoding = "utf-16-le"
    elif zero_even >= _UTF16_ZERO_SIDE and zero_odd <= _UTF16_OTHER_SIDE:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return None
    # Control characters other than whitespace mean the zeros were not UTF-16 after all.
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\n\r\f")
    return Decoded(text, encoding) if controls == 0 else None


def _damaged_utf8(data: bytes) -> Decoded | None:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if bad <= 0 or good < _UTF8_GOOD_PER_BAD * bad:
        return None
    noun = "sequence" if bad == 1 else "sequences"
    return Decoded(text, "utf-8", f"{bad} invalid UTF-8 byte {noun} replaced by U+FFFD")


def _guess(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # only legacy-encoded files need it

    matches = from_bytes(data)
    best = matches.best()
    # UTF-16/32 without a BOM was handled above by its zero bytes; a guess of it here is noise.
    if best is None or best.chaos > _MAX_CHAOS or best.encoding.startswith(("utf_16", "utf_32")):
        raise DecodeError("not valid text in any known encoding")
    # Single-byte code pages often tie; cp1252 is by far the likeliest for Western text, and
    # charset_normalizer would otherwise turn "très" into "trčs" (cp1250).
    western = [m for m in matches if m.encoding == "cp1252" and m.chaos <= best.chaos]
    chosen = western[0] if western else best
    return Decoded(str(chosen), chosen.encoding)
