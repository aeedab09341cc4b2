"""Character-level normalisation: widths, spaces, control characters.

Full-width ASCII letters, digits and ``％`` become half-width (``２０１９年`` → ``2019年``),
while Chinese punctuation (，。：；“”) is kept as written: it carries clause structure that the
extractors use. Compare textacy's ``preprocessing.normalize`` functions, one job each.
"""
from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_width", "normalize_whitespace", "remove_control_chars"]

# full-width digits, Latin letters and a few symbols used inside numbers
_FW_FROM = "０１２３４５６７８９" + "".join(chr(c) for c in range(0xFF21, 0xFF3B)) + "".join(
    chr(c) for c in range(0xFF41, 0xFF5B)
) + "％．＋－／＝＜＞＠＃＆＊"
_FW_TO = "0123456789" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ" + "abcdefghijklmnopqrstuvwxyz" + "%.+-/=<>@#&*"
_WIDTH_TABLE = str.maketrans(_FW_FROM, _FW_TO)
_SPACES_TABLE = str.maketrans({"\u3000": " ", "\u00a0": " ", "\u2002": " ", "\u2003": " ",
                               "\u2009": " ", "\u200b": "", "\ufeff": "", "\u200c": "",
                               "\u200d": "", "\r": "\n", "\t": " "})
_CTRL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_MULTISPACE_RE = re.compile(r"[ ]{2,}")
_TRAIL_RE = re.compile(r"[ ]+\n|\n[ ]+")
_MULTINL_RE = re.compile(r"\n{3,}")


def normalize_width(text: str) -> str:
    """Full-width digits, letters and ％ → half-width; also the full-width parentheses."""
    text = text.translate(_WIDTH_TABLE)
    # full-width parentheses around ASCII content (pinyin, numbers) read better half-width
    return text.replace("（", "(").replace("）", ")")


def remove_control_chars(text: str) -> str:
    """Drop C0 control characters (except newline), lone surrogates and noncharacters."""
    return _CTRL_RE.sub("", text)


def normalize_whitespace(text: str) -> str:
    """Unify exotic spaces, strip line ends, collapse runs of spaces and of blank lines."""
    text = text.replace("\r\n", "\n").translate(_SPACES_TABLE)
    text = _MULTISPACE_RE.sub(" ", text)
    text = _TRAIL_RE.sub("\n", text)
    text = _TRAIL_RE.sub("\n", text)
    text = _MULTINL_RE.sub("\n\n", text)
    return text.strip()


def nfkc(text: str) -> str:
    """Unicode NFKC (used for comparisons, not for the text offsets point into)."""
    return unicodedata.normalize("NFKC", text)
