"""Turn raw bytes into text, or say clearly why not.

UTF-8 (with or without BOM) is tried first, then UTF-16 with a BOM, then the
legacy code pages used by Arabic and Persian sites (Windows-1256, ISO-8859-6).
A decoding is accepted only if the text looks like text: few control
characters and, for the legacy code pages, mostly Arabic-script letters.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .langid import function_word_share

MAX_FILE_BYTES = 20 * 1024 * 1024  # documented limit: larger files are refused, not read

_CONTROL_RE = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_ARABIC_RE = re.compile("[\u0600-\u06ff]")
_LETTER_RE = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Decoded:
    text: str | None
    encoding: str | None
    reason: str | None  # set when text is None


def _looks_like_text(text: str) -> bool:
    if not text.strip():
        return False
    controls = len(_CONTROL_RE.findall(text))
    return controls <= max(2, len(text) // 1000)


def _reads_as_arabic_script_prose(text: str) -> bool:
    """Any byte decodes to *some* letter in a code page: demand letters, spaces and function words."""
    letters = _LETTER_RE.findall(text)
    if not letters or sum(bool(_ARABIC_RE.match(c)) for c in letters) < 0.6 * len(letters):
        return False
    return text.count(" ") >= 0.05 * len(text) and function_word_share(text) >= 0.02


def decode_bytes(data: bytes) -> Decoded:
    """Decode an article file; ``reason`` explains a refusal."""
    if not data:
        return Decoded(None, None, "empty file")
    if len(data) > MAX_FILE_BYTES:
        return Decoded(None, None, f"file larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit")
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 10 and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Decoded(None, None, "binary file (not text)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return Decoded(None, None, "invalid UTF-16")
        return Decoded(text, "utf-16", None) if _looks_like_text(text) else Decoded(None, None, "not text")
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if not text.replace("\x00", "").strip():
            return Decoded(None, encoding, "no text (whitespace only)")
        if _looks_like_text(text.replace("\x00", "")):
            return Decoded(text, encoding, None)
        return Decoded(None, encoding, "binary content (control characters) in a UTF-8 file")
    for encoding in ("cp1256", "iso8859_6"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text) and _reads_as_arabic_script_prose(text):
            return Decoded(text, encoding, None)
    return Decoded(None, None, "undecodable: not UTF-8, UTF-16 or an Arabic code page (binary or mojibake)")
