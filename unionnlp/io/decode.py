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

NUL bytes: UTF-16 without a byte-order mark puts a NUL in every ASCII code unit, on one side of
each byte pair (odd positions for little-endian, even for big-endian); such bytes are decoded as
UTF-16 when nearly every character they give is ordinary text (ASCII, CJK, CJK punctuation,
full-width forms). Otherwise NULs in bytes that are text once they are removed (a file padded
with NULs, a stray NUL from a broken export) are removed and counted in
``DecodedText.nul_stripped``, and the parser flags the document (non-fatal); bytes that are not
text either way (images, archives) are binary and raise :class:`DecodeError`.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Optional

__all__ = ["DecodedText", "decode_bytes", "normalise_label", "sniff_meta_charset", "DecodeError"]


from ..errors import DecodeError  # noqa: E402  (documented error type, a ValueError)


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
    #: NUL bytes removed from otherwise good text (0: none)
    nul_stripped: int = 0


#: bytes looked at to call data binary or UTF-16
_SAMPLE_BYTES = 8192
#: share of control bytes (besides tab, newline, carriage return) that makes data binary
_BINARY_CONTROL_SHARE = 0.10
#: UTF-16 without BOM: share of the NUL bytes that must sit on one side of the byte pairs …
_UTF16_NUL_SIDE = 0.9
#: … and share of the code units that must have a NUL there (ASCII code units); below this a
#: NUL is a stray byte in 8-bit text
_UTF16_ASCII_UNITS = 0.05
#: share of the characters decoded as UTF-16 that must be ordinary text (see ``_ordinary``)
_UTF16_TEXT_SHARE = 0.9


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
    sample = data[:_SAMPLE_BYTES]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    ctrl = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return ctrl / len(sample) > _BINARY_CONTROL_SHARE


_ORDINARY = re.compile("[\t\n\r -~\u00a0-\u00ff\u2000-\u206f\u2100-\u27bf\u3000-\u30ff"
                       "\u3400-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")


def _ordinary(text: str) -> float:
    """Share of ``text`` that is ordinary text in a Chinese document: ASCII, Latin-1, general
    punctuation and symbols, CJK punctuation and kana, CJK ideographs, full-width forms."""
    return len(_ORDINARY.findall(text)) / len(text) if text else 0.0


def _utf16_by_nuls(data: bytes) -> Optional[str]:
    """``utf-16-le``/``utf-16-be`` when the NUL bytes of ``data`` sit where UTF-16 puts the
    high byte of ASCII code units and the decoded sample is ordinary text; else None."""
    sample = data[:_SAMPLE_BYTES]
    sample = sample[: len(sample) // 2 * 2]
    units = len(sample) // 2
    nuls = sample.count(0)
    if not units or not nuls:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    side = max(even, odd)
    if side < _UTF16_NUL_SIDE * nuls or side < _UTF16_ASCII_UNITS * units:
        return None
    enc = "utf-16-le" if odd > even else "utf-16-be"
    return enc if _ordinary(sample.decode(enc, errors="replace")) >= _UTF16_TEXT_SHARE else None


def _utf16_by_text(data: bytes) -> Optional[str]:
    """``utf-16-le``/``utf-16-be`` when the sample decoded as UTF-16 is ordinary text: for text
    with few or no ASCII code units (all CJK), whose NUL bytes are too few to tell. Only asked
    once the 8-bit encodings failed (pairs of ASCII letters read as UTF-16 are CJK ideographs)."""
    sample = data[:_SAMPLE_BYTES]
    sample = sample[: len(sample) // 2 * 2]
    for enc in ("utf-16-le", "utf-16-be"):
        text = _try(sample, enc)
        if text and _ordinary(text) >= _UTF16_TEXT_SHARE:
            return enc
    return None


def _decode_utf16(data: bytes, enc: str, why: str) -> DecodedText:
    data = data[: len(data) // 2 * 2]  # a file cut in the middle of a code unit
    text = _try(data, enc)
    if text is None:
        text = data.decode(enc, errors="replace")
    return DecodedText(text, enc, "guess", f"{enc} without a byte-order mark ({why})")


def _is_text_once_stripped(data: bytes, declared: Optional[str], is_html: bool) -> bool:
    """True when ``data`` (NULs removed) decodes as text under the declared/meta label, UTF-8 or
    GB18030, strictly or with a handful of broken sequences."""
    if _looks_binary(data):
        return False
    labels = [normalise_label(declared)]
    if is_html:
        labels.append(normalise_label(sniff_meta_charset(data)))
    for enc in dict.fromkeys([l for l in labels if l] + ["utf-8", "gb18030"]):
        if _try(data, enc) is not None or _try_lenient(data, enc) is not None:
            return True
    return False


def _strip_nuls(data: bytes, declared: Optional[str], is_html: bool) -> DecodedText:
    """Decode text holding NUL bytes: as UTF-16 when they are its ASCII high bytes, else with
    the NULs removed and counted; raise :class:`DecodeError` for binary data."""
    enc = _utf16_by_nuls(data)
    if enc is not None:
        side = "odd" if enc.endswith("le") else "even"
        return _decode_utf16(data, enc, f"NUL bytes at {side} positions")
    stripped = data.replace(b"\x00", b"")
    if not stripped or not _is_text_once_stripped(stripped, declared, is_html):
        enc = _utf16_by_text(data)  # CJK text with a rare newline: few NULs, but UTF-16
        if enc is not None:
            return _decode_utf16(data, enc, "few ASCII code units, ordinary text")
        raise DecodeError("binary data, not text (NUL or control bytes)")
    n = len(data) - len(stripped)
    dec = decode_bytes(stripped, declared, is_html=is_html)
    dec.nul_stripped = n
    dec.note = "; ".join(x for x in (dec.note, f"{n} NUL byte(s) removed") if x)
    return dec


def decode_bytes(data: bytes, declared: Optional[str] = None, *, is_html: bool = True) -> DecodedText:
    """Decode page bytes to text.

    ``declared`` is the transport's charset or whole ``Content-Type`` value. Raises
    :class:`DecodeError` for data that is not text (binary: control-character noise, NUL
    bytes that are neither UTF-16 nor strays in text).
    """
    if not data:
        return DecodedText("", "utf-8", "empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            text = _try(data, enc)
            if text is not None:
                return DecodedText(text, enc.replace("-sig", ""), "bom")
    if b"\x00" in data:
        return _strip_nuls(data, declared, is_html)
    if _looks_binary(data):
        raise DecodeError("binary data, not text (control bytes)")

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

    enc = _utf16_by_text(data)
    if enc is not None:
        return _decode_utf16(data, enc, "no ASCII code unit, ordinary text")

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
