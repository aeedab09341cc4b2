"""Turn page bytes into text, recording which encoding was used and why.

Order of evidence (after the WHATWG encoding-sniffing algorithm, simplified):

1. a byte-order mark;
2. the transport's declaration (HTTP ``Content-Type: …; charset=``);
3. the document's own ``<meta charset>`` / ``<meta http-equiv content="…charset=">`` or
   ``<?xml encoding=…?>`` in the first 4 KB;
4. strict UTF-8;
5. a statistical guess (charset-normalizer), then GB18030 with replacement as the last resort.

Chinese legacy labels are widened to their superset: gb2312, gbk, x-gbk, cp936 → gb18030
(pages labelled gb2312 routinely use GBK-only characters), big5 → big5hkscs.
A declared encoding is only trusted when the bytes decode under it without error: a page whose
meta *lies* (says gb2312 but is UTF-8, or says utf-8 but is GBK) is detected and the next
evidence used; the result says so in ``DecodedText.note``.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Optional

__all__ = ["DecodedText", "decode_bytes", "normalise_label", "sniff_meta_charset", "DecodeError"]


class DecodeError(ValueError):
    """Raised when bytes cannot be decoded as text at all (binary data)."""


_WIDEN = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "ms936": "gb18030",
    "windows-936": "gb18030",
    "euc-cn": "gb18030",
    "hz-gb-2312": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5hkscs",
    "x-big5": "big5hkscs",
    "cp950": "big5hkscs",
    "utf8": "utf-8",
    "unicode": "utf-8",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "utf-8",
    "ascii": "utf-8",
}

_META_RE = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]{2,40})""", re.IGNORECASE
)
_XML_RE = re.compile(rb"""<\?xml[^>]{0,100}?encoding\s*=\s*["']([A-Za-z0-9_\-.]{2,40})""", re.I)
_HEADER_RE = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-:.]{2,40})", re.IGNORECASE)


@dataclass
class DecodedText:
    text: str
    encoding: str
    #: where the encoding came from: bom, header, meta, utf-8, guess, fallback
    source: str
    note: Optional[str] = None


def normalise_label(label: Optional[str]) -> Optional[str]:
    """Map an encoding label to the Python codec to use (gbk → gb18030 …); None if unknown."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    m = _HEADER_RE.search(label)
    if m:  # a whole Content-Type value was passed
        label = m.group(1).lower()
    label = _WIDEN.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _WIDEN.get(name, name)


def sniff_meta_charset(data: bytes) -> Optional[str]:
    """The charset an HTML/XML document declares for itself in its first 4 KB, if any."""
    head = data[:4096]
    m = _META_RE.search(head) or _XML_RE.search(head)
    return m.group(1).decode("ascii", "ignore") if m else None


_BOMS = [
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
]


def _try(data: bytes, enc: str) -> Optional[str]:
    try:
        return data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def _try_lenient(data: bytes, enc: str) -> Optional[tuple]:
    """Decode with replacement when only a handful of bytes are broken (a multi-byte character
    cut by a CMS truncating a title, one corrupt byte): at most 1 per 2,000 characters, min 3.
    Returns ``(text, n_replaced)`` or None."""
    try:
        text = data.decode(enc, errors="replace")
    except LookupError:
        return None
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if bad <= max(3, len(text) // 2000):
        return text, bad
    return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return ctrl / len(sample) > 0.10


def decode_bytes(data: bytes, declared: Optional[str] = None, *, is_html: bool = True) -> DecodedText:
    """Decode page bytes to text.

    ``declared`` is the transport's charset or whole ``Content-Type`` value. Raises
    :class:`DecodeError` for data that is not text (NUL bytes, control-character noise).
    """
    if not data:
        return DecodedText("", "utf-8", "empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _try(data, enc)
            if text is not None:
                return DecodedText(text, enc.replace("-sig", ""), "bom")
    if _looks_binary(data):
        raise DecodeError("binary data, not text (NUL or control bytes)")

    notes = []
    candidates = []
    hdr = normalise_label(declared)
    if declared and hdr is None:
        notes.append(f"unknown declared charset {declared!r}")
    if hdr:
        candidates.append((hdr, "header"))
    if is_html:
        meta_label = sniff_meta_charset(data)
        meta = normalise_label(meta_label)
        if meta_label and meta is None:
            notes.append(f"unknown meta charset {meta_label!r}")
        if meta and meta != hdr:
            candidates.append((meta, "meta"))
    for enc, source in candidates:
        # utf-16/32 declared without BOM on an ASCII-compatible page is a lie
        if enc.startswith(("utf-16", "utf-32")):
            notes.append(f"{source} says {enc} without a BOM; ignored")
            continue
        text = _try(data, enc)
        if text is not None:
            if enc == "cp1252" and _try(data, "utf-8") is not None and re.search(rb"[\x80-\xff]", data):
                notes.append(f"{source} says latin-1 but bytes are UTF-8")
                return DecodedText(data.decode("utf-8"), "utf-8", "utf-8", "; ".join(notes))
            return DecodedText(text, enc, source, "; ".join(notes) or None)
        if enc != "cp1252" and _try(data, "utf-8") is None:
            lenient = _try_lenient(data, enc)
            if lenient is not None and (enc != "utf-8" or lenient[1] <= 3):
                notes.append(f"{source} says {enc}; {lenient[1]} broken byte sequence(s) replaced")
                return DecodedText(lenient[0], enc, source, "; ".join(notes))
        notes.append(f"{source} says {enc} but bytes do not decode; ignored")

    text = _try(data, "utf-8")
    if text is not None:
        return DecodedText(text, "utf-8", "utf-8", "; ".join(notes) or None)

    # GB18030 covers every byte sequence of GB2312/GBK pages; try it before guessing, since
    # statistical detectors often confuse short GBK text with other CJK encodings.
    text = _try(data, "gb18030")
    if text is not None and _mostly_cjk(text):
        return DecodedText(text, "gb18030", "guess", "; ".join(notes + ["decoded as gb18030"]))

    # a few broken sequences in otherwise clean UTF-8 or GB18030 text
    for enc in ("utf-8", "gb18030"):
        lenient = _try_lenient(data, enc)
        if lenient is not None and lenient[1] <= 3 and _mostly_cjk(lenient[0]):
            notes.append(f"decoded as {enc}; {lenient[1]} broken byte sequence(s) replaced")
            return DecodedText(lenient[0], enc, "guess", "; ".join(notes))

    guess = None
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data[:200_000]).best()
        if best is not None:
            guess = normalise_label(best.encoding)
    except Exception:  # pragma: no cover - detector failure is not fatal
        guess = None
    if guess:
        text = _try(data, guess)
        if text is not None:
            return DecodedText(text, guess, "guess", "; ".join(notes) or None)
    notes.append("no encoding decodes cleanly; gb18030 with replacement characters")
    return DecodedText(data.decode("gb18030", errors="replace"), "gb18030", "fallback", "; ".join(notes))


def _mostly_cjk(text: str) -> bool:
    sample = text[:20000]
    non_ascii = [c for c in sample if ord(c) > 127]
    if not non_ascii:
        return True
    cjk = sum(1 for c in non_ascii if "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
              or "\uff00" <= c <= "\uffef")
    return cjk / len(non_ascii) > 0.8
