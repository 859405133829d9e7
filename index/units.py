"""Dense units: a chunk's blocks, embedded on their own beside the chunk (small-to-big retrieval).

A chunk of a man page holds four to six option entries; its one embedding is their average, so
a question that paraphrases one entry ("which option edits the files in place?") can miss it. Each
block of such a chunk is embedded on its own, and a chunk's dense score is the best of its own
and its units' (rag.retrieval). A chunk with units takes their normalised mean as its own vector
(mean_vectors) instead of being embedded a second time. Passages and citations stay whole chunks:
a unit only finds its chunk.

Dense + BM25 evidence hit@5: docs_dev 0.884 -> 0.911, the training documents of train_ordinary
0.913 -> 0.940, seeds_dev 1.0 both ways (README, "Dense units").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from index.chunking import LIST_ITEM, TABLE_ROW, TABLE_RULE, line_spans, with_context
from rag.text import FENCE_LINE, TAB_SIZE, columns, indent_width
from rag.types import Chunk

# A block shorter than this joins the next one: an option's name line belongs with the text
# under it, a "Q:" line with its answer.
MIN_UNIT_WORDS = 12

_BLANK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True)
class Unit:
    id: str
    chunk_id: str
    start: int  # offsets within the chunk text
    end: int


def chunk_id_of(unit_id: str) -> str:
    """The chunk a unit belongs to, from the unit's id (units_of names units "<chunk id>~u<n>")."""
    return unit_id.rsplit("~u", 1)[0]


def unit_spans(text: str, min_words: int = MIN_UNIT_WORDS) -> list[tuple[int, int]]:
    """(start, end) of each unit of a chunk's text: blank-line blocks, a short block joined to
    the next (the last to the one before). [] when the chunk is one unit: its own embedding
    already is that unit's."""
    blocks: list[tuple[int, int]] = []
    at = 0
    for m in [*_BLANK.finditer(text), None]:
        end = m.start() if m else len(text)
        if text[at:end].strip():
            blocks.append((at, end))
        at = m.end() if m else at
    spans: list[tuple[int, int]] = []
    start: int | None = None
    last_end = 0
    for b_start, b_end in blocks:
        rows = _table_rows(text, b_start, b_end) or _listing_rows(text, b_start, b_end) or _list_items(text, b_start, b_end)
        if rows:
            if start is not None:  # a short block before a table stands alone
                spans.append((start, last_end))
                start = None
            spans.extend(rows)
            last_end = b_end
            continue
        last_end = b_end
        start = b_start if start is None else start
        if len(text[start:b_end].split()) >= min_words or _option_entry(text, b_start, b_end):
            spans.append((start, b_end))
            start = None
    if start is not None:
        if spans:
            spans[-1] = (spans[-1][0], blocks[-1][1])
        else:
            spans.append((start, blocks[-1][1]))
    return spans if len(spans) > 1 else []


# An option opening a line: "-y", "--all", "+x", "-ai[r[-|0]]{@listfile|!wildcard}".
_OPTION_TERM = re.compile(r"[ \t]*[-+]{1,2}[A-Za-z0-9?]")


def _option_entry(text: str, start: int, end: int) -> bool:
    """A block that is one option's whole entry, as a man page rendered to text sets it: the
    option, then its text after two spaces or on the lines below it, indented further. 7z(1)'s
    "-sdel  delete files after compression" has five words: joined to the next two entries to
    make a unit of twelve, its vector was the three's average, and "which switch deletes the
    source files once they have been compressed?" missed it."""
    lines = [text[a:b] for a, b in line_spans(text, start, end) if text[a:b].strip()]
    if not lines or _OPTION_TERM.match(lines[0]) is None:
        return False
    if len(lines) == 1:
        return _LISTING_ROW.match(lines[0]) is not None
    indent = indent_width(lines[0])
    return all(indent_width(line) > indent for line in lines[1:])


def _table_rows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Each row of a block that is a Markdown table, without its row of column names and its
    rule; [] for any other block. A settings table's forty rows look alike averaged into one
    vector: "which setting sets the port?" finds the row embedded on its own, with its header."""
    lines = list(line_spans(text, start, end))
    if not all(TABLE_ROW.match(text[a:b]) for a, b in lines if text[a:b].strip()):
        return []
    ruled = len(lines) > 1 and TABLE_RULE.match(text[lines[1][0] : lines[1][1]]) is not None
    body = lines[2:] if ruled else lines
    return [(a, b) for a, b in body if text[a:b].strip() and not TABLE_RULE.match(text[a:b])]


# A row of a two-column listing, as a program's --help, a man page's option list as text or an
# aligned configuration sets them: its indent, a term of at most four words, two spaces or a
# tab, its text ("  .bail ON|OFF           Stop after hitting an error (default OFF)"); a
# term ending a sentence is prose's ("It ends here.  Then …").
_LISTING_ROW = re.compile(r"([ \t]*)(\S+(?: \S+){0,3}?)(?<![a-z)][.!])(?:[ \t]{2,}|\t)(?=\S)")
# How many rows with their texts at one column make a block a listing.
LISTING_ROWS = 4


def _listing_rows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Each entry of a block that is a two-column listing: a row with the lines under it that
    go on with its text (indented past the row's term) or open the block above the first row;
    [] for any other block. A listing of forty commands is one block with no blank line, and
    its one vector the average of forty: "how can I make the shell stop at the first error?"
    finds the row embedded on its own."""
    lines = [(a, b) for a, b in line_spans(text, start, end) if text[a:b].strip()]
    at: list[tuple[int, int] | None] = []
    for a, b in lines:
        m = _LISTING_ROW.match(text, a, b)
        at.append(None if m is None else columns(text[a:b], m.end(1) - a, m.end() - a))
    counted = Counter(c for c in at if c is not None).most_common(1)
    if not counted or counted[0][1] < LISTING_ROWS:
        return []
    (indent, column), _ = counted[0]
    rows: list[list[int]] = []
    opening = lines[0][0]  # lines above the first row ("Commands:", a fence) go with it
    for (a, b), c in zip(lines, at, strict=True):
        line = text[a:b].expandtabs(TAB_SIZE)
        if c == (indent, column):
            rows.append([opening if not rows else a, b])
        elif not rows:
            continue
        elif FENCE_LINE.match(line) or indent_width(line) > indent:
            rows[-1][1] = b  # the row's text goes on below it, or the code block holding it closes
        else:
            return []  # a line of another shape: not a listing
    return [(a, b) for a, b in rows]


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Each item of a block that is a list of at least LISTING_ROWS items: the item with the
    lines that go on with it (its wrapped text, the items nested under it), the lines above the
    first item with that one; [] for any other block. A README's ten features in one block
    averaged into one vector missed "how big is it once minified and gzipped?", which its item
    "8 KB minified and gzipped" answers."""
    lines = [(a, b) for a, b in line_spans(text, start, end) if text[a:b].strip()]
    marked = [LIST_ITEM.match(text[a:b]) is not None for a, b in lines]
    if sum(marked) < LISTING_ROWS:
        return []
    first = next(i for i, m in enumerate(marked) if m)
    indent = indent_width(text[lines[first][0] : lines[first][1]])
    items: list[list[int]] = []
    for (a, b), m in zip(lines[first:], marked[first:], strict=True):
        if m and indent_width(text[a:b]) <= indent:
            items.append([lines[0][0] if not items else a, b])
        else:
            items[-1][1] = b  # its text wraps on, or an item nests under it
    return [(a, b) for a, b in items] if len(items) >= LISTING_ROWS else []


def _header_above(text: str, at: int) -> str:
    """The row of column names of the table whose row starts at `at`: its first row, when a
    rule follows it; "" when the table opens above the text (a split table's later part)."""
    lines = text[:at].split("\n")[:-1]
    first = len(lines)
    while first > 0 and TABLE_ROW.match(lines[first - 1]):
        first -= 1
    ruled = first + 1 < len(lines) and TABLE_RULE.match(lines[first + 1]) is not None
    return lines[first] if ruled else ""


def units_of(chunk: Chunk) -> list[Unit]:
    return [
        Unit(f"{chunk.id}~u{n}", chunk.id, start, end)
        for n, (start, end) in enumerate(unit_spans(chunk.text))
    ]


def mean_vectors(units: Sequence[Unit], vectors: np.ndarray) -> dict[str, np.ndarray]:
    """{chunk id: the normalised mean of its units' vectors}: the vector of a chunk that has
    units, so that it is not embedded a second time. On the training documents this found the
    evidence as often as the chunk's own embedding did (hit@5 0.940 against 0.938)."""
    rows: dict[str, list[int]] = {}
    for i, u in enumerate(units):
        rows.setdefault(u.chunk_id, []).append(i)
    out = {}
    for chunk_id, idx in rows.items():
        mean = vectors[idx].mean(axis=0)
        out[chunk_id] = mean / (np.linalg.norm(mean) or 1.0)
    return out


def unit_text(chunk: Chunk, unit: Unit) -> str:
    """What is embedded for a unit: its text with its chunk's title, heading path and context,
    as the chunk's own retrieval text has them (index.chunking.with_context); a table's row
    under its row of column names."""
    body = chunk.text[unit.start : unit.end].strip()
    header = _header_above(chunk.text, unit.start) if TABLE_ROW.match(body) else ""
    return with_context(chunk, f"{header}\n{body}" if header else body)
