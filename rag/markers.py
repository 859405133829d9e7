"""The one grammar of citation markers: `[n]`, and the looser forms models write (`[1, 2]`,
`[1-3]`, `[passage 2]`). Answerers, the verifier, the UI and the metrics all go through here.

Document text is data: a `[1]` that a document itself contains must never be read as a
citation, so it is neutralised with `escape_document_markers` before text reaches an answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# A range wider than this ("[1-400]") is not a citation list but a typo or a year range.
MAX_RANGE = 20

# Loose: what a model may write. Groups: the list of numbers inside the brackets.
MARKER = re.compile(
    r"\[\s*(?:passages?\s*)?(\d{1,3}(?:\s*(?:,|;|–|-|and)\s*\d{1,3})*)\s*\]", re.IGNORECASE
)
# Strict: what rag itself writes, one number per bracket.
SIMPLE_MARKER = re.compile(r"\[(\d{1,3})\]")

# U+2060 WORD JOINER is invisible when shown and keeps "[1]" in a document from matching.
_JOINER = "\u2060"


def expand(group: str) -> list[int]:
    """'1, 3-5' -> [1, 3, 4, 5]."""
    out: list[int] = []
    for part in re.split(r"\s*(?:,|;|and)\s*", group.strip(), flags=re.IGNORECASE):
        bounds = [b for b in re.split(r"\s*[–-]\s*", part.strip()) if b]
        if len(bounds) == 2 and 0 <= int(bounds[1]) - int(bounds[0]) <= MAX_RANGE:
            out.extend(range(int(bounds[0]), int(bounds[1]) + 1))
        else:
            out.extend(int(b) for b in bounds)
    return out


def parse(text: str) -> list[int]:
    """Passage numbers cited in a text, in order of first appearance."""
    found: list[int] = []
    for m in MARKER.finditer(text):
        for n in expand(m.group(1)):
            if n not in found:
                found.append(n)
    return found


def strip(text: str) -> str:
    """The text without markers, white space collapsed."""
    return " ".join(MARKER.sub(" ", text).split())


def renumber(text: str, mapping: Callable[[int], int | None]) -> str:
    """Rewrite every marker through `mapping` (None drops that number); one `[n]` per number."""

    def replace(m: re.Match[str]) -> str:
        new = [mapping(n) for n in expand(m.group(1))]
        unique = list(dict.fromkeys(n for n in new if n is not None))
        return " " + "".join(f"[{n}]" for n in unique) if unique else ""

    out = re.sub(r"[ \t]*" + MARKER.pattern, replace, text, flags=re.IGNORECASE)
    out = re.sub(r"(\])[ \t]+(?=\[)", r"\1", out)
    return re.sub(r"[ \t]+([.,;:!?])", r"\1", out).strip()


def format_marker(n: int) -> str:
    return f"[{n}]"


def escape_document_markers(text: str) -> str:
    """Make marker-like text from a document inert, keeping what a reader sees."""
    return MARKER.sub(lambda m: "[" + _JOINER + m.group(0)[1:], text)


def unescape_document_markers(text: str) -> str:
    return text.replace("[" + _JOINER, "[")


def has_markers(text: str) -> bool:
    return MARKER.search(text) is not None
