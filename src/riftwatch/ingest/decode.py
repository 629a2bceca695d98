"""Bytes to text, refusing binary data and text in an unknown encoding.

Order of attempts: a UTF-16/UTF-32 byte-order mark (unambiguous); UTF-8 (with or without BOM);
then Windows-1252, else Latin-1, *only* when the result reads as plausible text: old news archives
are often Windows-1252, but random bytes also "decode" as Latin-1, so a guess that yields control
characters or a soup of accented symbols is refused with the offset of the first non-UTF-8 byte.
"""

from __future__ import annotations

import codecs
import logging

from ..errors import InputError

log = logging.getLogger(__name__)

# Share of control characters above which data is called binary rather than text.
MAX_CONTROL_SHARE = 0.05
# In a Windows-1252/Latin-1 guess, ASCII letters must outnumber non-ASCII characters (true of
# every Western European language), and this share of the non-ASCII ones must be letters or usual
# typographic marks.
MIN_PLAUSIBLE_HIGH_SHARE = 0.9
# Every byte except the control ones: deleting these leaves only the control bytes to count.
_NOT_CONTROL = bytes(b for b in range(256) if not (b < 32 and b not in (9, 10, 12, 13) or b == 127))
_TYPOGRAPHY = frozenset("‘’‚“”„–—…•€£¥¢©®™°±«»§¶·¿¡×÷½¼¾ºª²³µ\u00a0")
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def control_share(data: bytes) -> float:
    """Share of bytes that are C0 control characters other than tab, newline, CR, FF; and DEL."""
    if not data:
        return 0.0
    return len(data.translate(None, _NOT_CONTROL)) / len(data)


def is_binary(data: bytes) -> bool:
    """True for data with NUL bytes or many control bytes: images, archives, executables."""
    return b"\x00" in data or control_share(data) > MAX_CONTROL_SHARE


def _plausible_single_byte(text: str) -> bool:
    if not text:
        return True
    high = [ch for ch in text if ord(ch) > 127]
    ascii_letters = sum(ch.isascii() and ch.isalpha() for ch in text)
    if len(high) > ascii_letters:
        return False
    if any(0x80 <= ord(ch) <= 0x9F for ch in high):  # C1 controls: Latin-1 of non-Latin-1 data
        return False
    ok = sum(ch.isalpha() or ch in _TYPOGRAPHY for ch in high)
    return ok >= MIN_PLAUSIBLE_HIGH_SHARE * len(high)


def _utf16_without_bom(data: bytes) -> str | None:
    """Text of UTF-16 data that lacks a byte-order mark (some Windows exports), else None: Latin
    text in UTF-16 has a NUL in nearly every other byte, on the same side."""
    if len(data) < 4:
        return None
    even, odd = data[0::2], data[1::2]
    zero_even, zero_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zero_odd >= 0.5 and zero_even <= 0.05:
        encoding = "utf-16-le"
    elif zero_even >= 0.5 and zero_odd <= 0.05:
        encoding = "utf-16-be"
    else:
        return None
    try:
        text = data[: len(data) // 2 * 2].decode(encoding)
    except UnicodeDecodeError:
        return None
    if control_share(text.encode("utf-8", errors="replace")) > MAX_CONTROL_SHARE:
        return None
    return text


def decode_bytes(data: bytes, where: str, allow_nul: bool = False) -> str:
    """Text of ``data``; raises ``InputError(where, reason)`` for binary or undecodable data.
    ``allow_nul`` lets a few NUL bytes through (a CSV refuses the rows that hold them).

    >>> decode_bytes("café".encode("cp1252"), "a.txt")
    'café'
    >>> decode_bytes(b"\\x00\\x01\\x02", "b.bin")
    Traceback (most recent call last):
    ...
    riftwatch.errors.InputError: b.bin: binary data (NUL bytes), not text
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(where, f"not {encoding.upper()} text (byte {exc.start})") from None
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            log.info("%s: UTF-16 without a byte-order mark", where)
            return text
        # A CSV may carry a stray NUL in one row: the row is refused (formats), not the file.
        if not allow_nul or control_share(data) > MAX_CONTROL_SHARE:
            raise InputError(where, "binary data (NUL bytes), not text")
    if control_share(data) > MAX_CONTROL_SHARE:
        raise InputError(where, "binary data (mostly non-text bytes), not text")
    try:
        return data.decode("utf-8-sig")  # also plain UTF-8: the BOM is optional
    except UnicodeDecodeError as exc:
        first_bad = exc.start + (3 if data.startswith(codecs.BOM_UTF8) else 0)
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible_single_byte(text):
            log.info("%s: not UTF-8; read as %s", where, encoding)
            return text
    raise InputError(where, f"not UTF-8 text (byte {first_bad})")
