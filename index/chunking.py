"""Structure-aware chunking, measured in MiniLM word pieces.

A document is cut into sections at its Markdown headings (and PDF page breaks); a section into
blocks at blank lines (a fenced code block or a table is one block); blocks are packed into
chunks up to the token budget. A block too big for one chunk is cut between its lines, and only
a single line too long for a chunk is cut between sentences (llama-index's SentenceSplitter).
So every list item, table row, code line and "Key: value" line stays whole in some chunk, and a
chunk is always a verbatim span of the document text (citations are checked against it).
"""

from __future__ import annotations

import bisect
import hashlib
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from index.formats.pdf import OPTION_TAG, SETTING_LINE
from rag.text import FENCE_LINE, code_block_after, heading_text
from rag.types import HEADING_SEPARATOR, Chunk

TokenizeFn = Callable[[str], list[int]]

# SentenceSplitter's fallback for a sentence over budget cuts after every "," "." ";", also
# inside "cl.noexitprompt" or "1.2.3"; this one cuts only where the mark is followed by a space
# or ends a line, and at line ends, so a config line or a dotted name stays whole. Every
# character falls in exactly one part (the splitter rejoins them into verbatim spans).
_MARK = "[,.;。？！]"
_SUB_SENTENCE = rf"(?:[^,.;。？！\n]|{_MARK}(?![\s,.;。？！]|$))+(?:{_MARK}+(?=\s|$))?\n*|{_MARK}+\n*|\n+"

_MIN_BODY_SHARE = 2  # the title/heading prefix may take at most 1/2 of the token budget
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
# reStructuredText section adornment: one punctuation character repeated over the whole line.
_RST_ADORNMENT = re.compile(r"""^([!"#$%&'()*+,\-./:;<=>?@\[\\\]^_`{|}~])\1*[ \t]*$""")
TABLE_ROW = re.compile(r"^\s*\|")
TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]*-[\s:|-]*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s")
_KEY_VALUE = re.compile(r"^\s*[\w][\w .()/-]{0,40}:\s+\S")
# A Debian changelog entry's first line: "tzdata (2022c-1) unstable; urgency=medium".
_DEBIAN_ENTRY = re.compile(r"^[a-z0-9][a-z0-9+.-]* \([^()\s]+\) [^;]+; urgency=\S+")
# A NEWS file's release title, which introduces its changes with a colon: "Changes in 2.40:",
# "What's new in at-spi2-core 2.46.0:", "User-visible changes in version 2.8.6:".
_RELEASE_TITLE = re.compile(r"^\S(?:[^\n:]{0,70}\s)?v?\d+(?:\.\d+)+[^\s:]{0,12}(?: \([^()\n]{1,30}\))?:\s*$")
# One titled by its version and date, without a colon: "Version 2.20 - 30 September 2020",
# "Version 2.22 - 4 September 2022 (bug fix release)", "1.4.0 (2023-05-01)".
_DATED_RELEASE = re.compile(
    r"^(?:[A-Za-z][\w.+-]*\s+){0,3}v?\d+(?:\.\d+)+[a-z0-9.+~-]{0,12}"
    r"(?:\s+[-–—]\s+[^\n:]{1,40}|\s+\([^()\n]{1,40}\))+\s*$"
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


@dataclass(frozen=True)
class _Section:
    start: int
    end: int
    heading: str  # "Install › Requirements"; "" before the first heading


@dataclass(frozen=True)
class _Block:
    start: int
    end: int
    table: bool


@dataclass
class _Piece:
    """A span that goes into one chunk, with what its retrieval text must repeat."""

    start: int
    end: int
    context: str = ""  # a split table's header row


class Chunker:
    def __init__(self, tokenize: TokenizeFn, chunk_tokens: int, overlap: int) -> None:
        self._tokenize = tokenize
        self._budget = chunk_tokens
        self._overlap = overlap
        self._splitter: Any = None  # llama-index is imported only for an overlong line

    def split(
        self,
        *,
        key: str,
        source: str,
        title: str,
        text: str,
        doc_hash: str,
        markdown: bool = False,
        page_starts: Sequence[int] | None = None,
        rst: bool = False,
        plain: bool = False,
    ) -> list[Chunk]:
        """Chunks of `text`; `page_starts` (offsets where pages 2, 3, ... begin; empty for a
        one-page PDF) gives each chunk its page, None means the format has no pages. `markdown`
        / `rst` / `plain` say which heading syntax gives the chunks their heading paths."""
        prefix = hashlib.sha256(f"{key}\0{doc_hash}".encode()).hexdigest()[:20]
        chunks: list[Chunk] = []
        named = file_words(source, title)
        for section in _sections(text, markdown, page_starts or (), rst, plain):
            budget = self._budget_for(named, title, section.heading)
            pieces = (
                self._prose_pieces(text, section, budget)
                if _is_prose(text, section)
                else self._pack(text, section, budget)
            )
            for piece in pieces:
                body = text[piece.start : piece.end]
                page = None if page_starts is None else bisect.bisect_right(page_starts, piece.start) + 1
                chunks.append(
                    Chunk(
                        id=f"{prefix}-{len(chunks):05d}",
                        source=source,
                        title=title,
                        text=body,
                        start=piece.start,
                        end=piece.end,
                        doc_hash=doc_hash,
                        position=len(chunks),
                        doc_key=key,
                        heading=section.heading,
                        page=page,
                        context=piece.context,
                    )
                )
        return chunks

    # ---- packing ---------------------------------------------------------------------------
    def _budget_for(self, *context: str) -> int:
        # The model sees path words + title + heading + text (with_context) and cuts at 256 word
        # pieces: leave them room.
        prefix = len(self._tokenize("\n".join(c for c in context if c))) if any(context) else 0
        return max(self._budget - prefix, self._budget // _MIN_BODY_SHARE)

    def _pack(self, text: str, section: _Section, budget: int) -> Iterator[_Piece]:
        current: _Piece | None = None
        used = 0
        last: tuple[_Block, int] | None = None  # the open chunk's last block and its cost
        previous_end = 0  # where the open chunk ended before its last block
        for block in _blocks(text, section.start, section.end):
            cost = self._count(text[block.start : block.end])
            if cost > budget:
                # Too big for a chunk of its own: cut between lines, filling the open chunk
                # first (a heading stays with the start of its table), keeping the last part open.
                pieces = list(self._split_block(text, block, budget, current, used))
                yield from pieces[:-1]
                current = pieces[-1]
                used = self._count(text[current.start : current.end])
                continue
            if current is not None and used + cost <= budget:
                last = (block, cost)
                previous_end, current.end = current.end, block.end
                used += cost
                continue
            if current is not None:
                if (
                    last is not None
                    and last[0].start > current.start
                    and last[1] + cost <= budget
                    and _leads_in(text, last[0], block)
                ):
                    # A question, an option's name or a "Steps:" line stays with the block it
                    # introduces: a chunk must not end on a question whose answer opens the next.
                    yield _Piece(current.start, previous_end, current.context)
                    current, used = _Piece(last[0].start, block.end), last[1] + cost
                    last = None
                    continue
                yield current
            current, used = _Piece(block.start, block.end), cost
            last = (block, cost)
        if current is not None:
            yield current

    def _split_block(
        self, text: str, block: _Block, budget: int, current: _Piece | None, used: int
    ) -> Iterator[_Piece]:
        lines = list(line_spans(text, block.start, block.end))
        header = ""
        if block.table and lines:
            header = text[lines[0][0] : lines[0][1]].strip()
            budget = max(budget - self._count(header), budget // _MIN_BODY_SHARE)
            if len(lines) > 1 and TABLE_RULE.match(text[lines[1][0] : lines[1][1]]):
                header = f"{header}\n{text[lines[1][0] : lines[1][1]].strip()}"
        open_lines: list[tuple[int, int]] = []  # (indent, start) of each line still open above
        fence = ""
        for start, end in lines:
            cost = self._count(text[start:end])
            # Code is indented by its syntax, not as entries; a blank line opens no entry.
            inside, fence = bool(fence), code_block_after(text[start:end], fence)
            entry = None if inside or fence else _entry_start(text[start:end], start, open_lines)
            if current is not None and used + cost <= budget:
                current.end = end
                used += cost
                continue
            if current is not None and entry is not None and current.start < entry and not block.table:
                # A wrapped list item or option entry is not cut between its lines: the open
                # chunk ends before the entry's first line and the next starts there, when the
                # entry fits in one.
                so_far = self._count(text[entry:end])
                if so_far <= budget:
                    yield _Piece(current.start, current.start + len(text[current.start : entry].rstrip()), current.context)
                    current, used = _Piece(entry, end, current.context), so_far
                    continue
            if current is not None:
                yield current
            # Later parts of a table repeat its header in their retrieval text only.
            context = header if start > block.start else ""
            if cost <= budget:
                current, used = _Piece(start, end, context), cost
                continue
            parts = list(self._split_line(text, start, end, budget))
            for part in parts[:-1]:
                yield _Piece(part[0], part[1], context)
            current = _Piece(parts[-1][0], parts[-1][1], context)
            used = self._count(text[current.start : current.end])
        if current is not None:
            yield current

    def _prose_pieces(self, text: str, section: _Section, budget: int) -> Iterator[_Piece]:
        """Prose is cut between sentences with overlap, so a passage keeps its context."""
        pieces: list[_Piece] = []
        for start, end in self._split_line(text, section.start, section.end, budget):
            # The splitter may keep blank lines at the edges; a chunk is trimmed text.
            body = text[start:end]
            lead = len(body) - len(body.lstrip())
            if body.strip():
                pieces.append(_Piece(start + lead, start + len(body.rstrip())))
        for here, after in itertools.pairwise(pieces):
            # As in _pack: a last paragraph that introduces the next ("--follow-symlinks") opens
            # the next chunk instead, when that chunk has room for it.
            cut = text.rfind("\n\n", here.start, here.end)
            if cut < 0 or after.start <= cut:
                continue
            if not _leads_in(text, _Block(cut + 2, here.end, False), _Block(here.end, after.end, False)):
                continue
            start = here.end - len(text[cut + 2 : here.end].lstrip())  # pieces end trimmed
            if self._count(text[start : after.end]) <= budget and text[here.start : cut].strip():
                here.end = len(text[:cut].rstrip())
                after.start = start
        yield from pieces

    def _split_line(self, text: str, start: int, end: int, budget: int) -> Iterator[tuple[int, int]]:
        """Sentence-aware parts of text[start:end] (one overlong line, or a run of prose),
        as exact spans of `text`."""
        from llama_index.core import Document
        from llama_index.core.node_parser import SentenceSplitter

        if self._splitter is None or self._splitter.chunk_size != budget:
            self._splitter = SentenceSplitter(
                chunk_size=budget,
                chunk_overlap=min(self._overlap, budget // 4),
                tokenizer=self._tokenize,
                paragraph_separator="\n\n",
                secondary_chunking_regex=_SUB_SENTENCE,
                include_metadata=False,
                include_prev_next_rel=False,
            )
        line = text[start:end]
        search_from = 0
        for node in self._splitter.get_nodes_from_documents([Document(text=line)]):
            body = node.get_content()
            at = node.start_char_idx
            if at is None or line[at : at + len(body)] != body:
                # The splitter could not place the part; find it ourselves so offsets are exact.
                at = line.find(body, search_from)
                if at < 0:
                    continue
            search_from = at + 1
            yield start + at, start + at + len(body)

    def _count(self, text: str) -> int:
        return len(self._tokenize(text))


# ---- structure -------------------------------------------------------------------------------


def line_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each line in text[start:end], without its newline."""
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop
        pos = stop + 1


def _sections(
    text: str, markdown: bool, page_starts: Sequence[int], rst: bool = False, plain: bool = False
) -> list[_Section]:
    """Cut points at headings (Markdown, reStructuredText, plain text) and at page starts (PDF),
    with heading paths."""
    cuts: list[tuple[int, str]] = [(0, "")]
    if markdown:
        cuts.extend(_heading_cuts(text))
    elif rst:
        cuts.extend(_rst_heading_cuts(text))
    elif plain:
        cuts.extend(_plain_heading_cuts(text))
    headed = markdown or rst or plain
    cuts.extend((p, "") for p in page_starts if 0 < p < len(text))
    cuts.sort(key=lambda c: c[0])
    sections: list[_Section] = []
    heading = ""
    for i, (at, path) in enumerate(cuts):
        heading = path if headed and (path or at == 0) else heading
        stop = cuts[i + 1][0] if i + 1 < len(cuts) else len(text)
        if stop > at:
            sections.append(_Section(at, stop, heading))
    return _merge_bare_headings(text, sections)


def _heading_cuts(text: str) -> Iterator[tuple[int, str]]:
    stack: list[tuple[int, str]] = []
    in_fence = ""
    previous: tuple[int, int] | None = None  # the last non-blank, non-heading line
    for start, end in line_spans(text, 0, len(text)):
        line = text[start:end]
        after = code_block_after(line, in_fence)
        if in_fence or after:  # a code block's lines, its fences or <pre> tags included
            in_fence = after
            previous = None
            continue
        level, title, at = 0, "", start
        atx = _ATX.match(line)
        setext = _SETEXT.match(line)
        if atx:
            level, title = len(atx.group(1)), heading_text(atx.group(2) or "")
        elif setext and previous is not None and not _is_structure(text[previous[0] : previous[1]]):
            level = 1 if setext.group(1)[0] == "=" else 2
            title, at = heading_text(text[previous[0] : previous[1]]), previous[0]
        if level and title:
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, title))
            yield at, HEADING_SEPARATOR.join(t for _, t in stack)
            previous = None
        else:
            previous = (start, end) if line.strip() else None


def _plain_heading_cuts(text: str) -> Iterator[tuple[int, str]]:
    """Plain-text section titles, one level: a short unindented line with no closing
    punctuation, alone after a blank line, and followed by an underline, a blank line or - in
    capitals - indented text (a man page's "OPTIONS"). A wrapped sentence's first line is
    followed by more text, so it is not one; neither is a list item, a table row, a "Key: value"
    line or a column-aligned line. A Debian changelog's entries are its sections, titled by
    their first line ("tzdata (2022c-1) unstable; urgency=medium"), and so are a NEWS file's
    releases introduced with a colon ("Changes in 2.40:"). A document keeps to one convention:
    changelog entries; else releases; else if any title is underlined, only underlined lines
    are titles; else if any is in capitals, only those. Releases titled by version and date
    ("Version 2.20 - 30 September 2020") above their list of changes are titles too, beside
    that convention, where a document has two or more: a NEWS file's releases are often laid
    out one way when alone and another when their list follows straight on."""
    lines = list(line_spans(text, 0, len(text)))
    found: dict[str, list[tuple[int, str]]] = {
        "entries": [], "releases": [], "underlined": [], "capitals": [], "alone": []
    }
    dated: list[tuple[int, str]] = []
    for i, (start, end) in enumerate(lines[:-1]):
        line = text[start:end]
        below = text[lines[i + 1][0] : lines[i + 1][1]]
        after_blank = not (i and text[lines[i - 1][0] : lines[i - 1][1]].strip())
        if after_blank and _dated_release(line, below):
            dated.append((start, line.strip()))
        if _DEBIAN_ENTRY.match(line):
            found["entries"].append((start, line.strip()))
            continue
        if _RELEASE_TITLE.match(line) and after_blank:
            found["releases"].append((start, line.strip().removesuffix(":")))
            continue
        if not _plain_title(line) or not after_blank:
            continue
        capitals = line.upper() == line
        if _SETEXT.match(below):
            found["underlined"].append((start, line.strip()))
        elif capitals and (not below.strip() or below[:1].isspace()):
            found["capitals"].append((start, line.strip()))
        elif not below.strip():
            found["alone"].append((start, line.strip()))
    cuts = next((cuts for cuts in found.values() if cuts), [])
    yield from sorted(set(cuts + dated)) if len(dated) >= 2 else cuts


def _dated_release(line: str, below: str) -> bool:
    """A release's version-and-date title, with its list of changes below or a blank line."""
    return (
        _DATED_RELEASE.match(line) is not None
        and _YEAR.search(line) is not None
        and (not below.strip() or LIST_ITEM.match(below) is not None)
    )


def _plain_title(line: str) -> bool:
    title = line.strip()
    return (
        bool(title)
        and not line[:1].isspace()
        and len(title) <= 80
        and len(title.split()) <= 10
        and title[-1] not in ".,;:?!"
        and (title[0].isupper() or title[0].isdigit())
        and "   " not in title
        and "|" not in title
        and not LIST_ITEM.match(line)
        and not _KEY_VALUE.match(line)
    )


def _rst_heading_cuts(text: str) -> Iterator[tuple[int, str]]:
    """reStructuredText section titles: an unindented line after a blank line, underlined (and
    optionally overlined) by one punctuation character at least as long as the title. Levels
    are not fixed by the character: each new adornment style is one level deeper, in the order
    the document first uses them (as docutils does)."""
    lines = list(line_spans(text, 0, len(text)))
    styles: list[tuple[str, bool]] = []  # (character, overlined), outermost first
    stack: list[tuple[int, str]] = []
    i = 0
    while i + 1 < len(lines):
        over = _adornment(text, lines[i])
        has_over = over is not None and i + 2 < len(lines)
        t = i + 1 if has_over else i  # the title line
        title_start, title_end = lines[t]
        raw = text[title_start:title_end]
        title = raw.strip()
        under = _adornment(text, lines[t + 1]) if t + 1 < len(lines) else None
        after_blank = i == 0 or not text[lines[i - 1][0] : lines[i - 1][1]].strip()
        fits = (
            under is not None
            and title
            and _adornment(text, lines[t]) is None
            and (has_over or not raw[:1].isspace())  # an indented line is a block quote
            and under[1] >= len(raw.rstrip())
            and (not has_over or (over is not None and over[0] == under[0]))
        )
        if not (after_blank and fits):
            i += 1
            continue
        assert under is not None
        style = (under[0], has_over)
        if style not in styles:
            styles.append(style)
        level = styles.index(style) + 1
        while stack and stack[-1][0] >= level:
            stack.pop()
        stack.append((level, title))
        yield lines[i][0], HEADING_SEPARATOR.join(t for _, t in stack)
        i = t + 2


def _adornment(text: str, span: tuple[int, int]) -> tuple[str, int] | None:
    """(character, length) when the line is a reStructuredText adornment line."""
    line = text[span[0] : span[1]].rstrip()
    m = _RST_ADORNMENT.match(line)
    # Two characters could be a list marker or an emoticon; titles are underlined longer.
    return (m.group(1), len(line)) if m and len(line) >= 3 else None


# The most words a term or title alone on its line has (_leads_in).
TERM_WORDS = 4
# What opens a comment line of a sample configuration file.
_COMMENT_MARKS = ("#", ";", "//")


def _leads_in(text: str, block: _Block, nxt: _Block) -> bool:
    """A short block that introduces the next one: a question ("5. Is zlib thread-safe?"), a
    lead-in ending in ":", a line above deeper-indented text (a man page's option name, a FAQ
    entry, a sub-heading), or an option's tag or a setting with its value alone above text that
    is no other tag or setting (a man page as a PDF sets its entries flat: "-S, --skip <number>" /
    "Set the number of frames to skip."), or a term or title of a few words above running text
    ("bandwidth_limit" / "This option allows you to …")."""
    body = text[block.start : block.end].strip()
    if block.table or not body or len(body.split()) > 40:
        return False
    if body.endswith(("?", ":")) and not LIST_ITEM.match(body.rsplit("\n", 1)[-1]):
        # However its source wrapped it: an HTML page's paragraph keeps its source's line
        # breaks ("… provided the libmemcached clients are told to use the CRC32-style" /
        # "hasher. This can be done in pylibmc as follows:" above the code it introduces).
        return True
    if body.count("\n") > 2:
        return False
    below = text[nxt.start : nxt.end].lstrip("\n")
    first_below = below.split("\n", 1)[0]
    if OPTION_TAG.fullmatch(body) and not OPTION_TAG.match(below.lstrip()):
        return True
    # A setting with its value above its text ("auto_close = 5" / "Close terminal window after
    # this many seconds.", cssh(1p) as a PDF); not above another setting or a comment, as a
    # sample configuration file sets them.
    if (
        not body.startswith("#")
        and SETTING_LINE.fullmatch(body)
        and not SETTING_LINE.fullmatch(first_below.strip())
        and not below.lstrip().startswith(_COMMENT_MARKS)
    ):
        return True
    # A term or title alone on its line above the text it names, as a configuration file's man
    # page sets its entries in a PDF ("bandwidth_limit" / "This option allows you to specify a
    # maximum transfer rate …", barman(5)): a few words, no sentence's end, above running text.
    # Not a list's last item, nor the command a line ending in ":" introduces (corosync's "tell
    # corosync to re-read the updated config file into memory:" / "corosync-cfgtool -R").
    if (
        "\n" not in body
        and len(body.split()) <= TERM_WORDS
        and not body.endswith((".", ",", ";", "!"))
        and "=" not in body
        and not body.startswith(_COMMENT_MARKS)
        and not LIST_ITEM.match(body)
        and not _colon_before(text, block.start)
        and len(first_below.split()) > TERM_WORDS
    ):
        return True
    return "\n" not in body and _indent(below) > _indent(text[block.start : block.end])


def _colon_before(text: str, pos: int) -> bool:
    """The last character before `pos` that is no white space is ":" (found without copying the
    text before it, which _leads_in would do for every short block of a long document)."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return text[pos - 1 : pos] == ":"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


def _entry_start(line: str, start: int, open_lines: list[tuple[int, int]]) -> int | None:
    """Where the entry this line goes on with starts: the nearest line above indented less,
    when this line is no list item of its own ("- `concat()` - Same as …" / "  into a single
    Buffer object."; "-v, --verbose" / "Print more."); None for a line that starts one.
    open_lines, the (indent, start) of the lines above still open, is updated."""
    if not line.strip():
        return None
    indent = _indent(line)
    while open_lines and open_lines[-1][0] >= indent:
        open_lines.pop()
    parent = open_lines[-1][1] if open_lines and not LIST_ITEM.match(line) else None
    open_lines.append((indent, start))
    return parent


def _is_prose(text: str, section: _Section) -> bool:
    """A section with no list item, table row, code fence or "Key: value" line: sentences are
    its units, not lines."""
    for start, end in line_spans(text, section.start, section.end):
        line = text[start:end]
        if _is_structure(line) or FENCE_LINE.match(line) or _KEY_VALUE.match(line):
            return False
    return True


def _is_structure(line: str) -> bool:
    return bool(TABLE_ROW.match(line) or LIST_ITEM.match(line))


def _merge_bare_headings(text: str, sections: list[_Section]) -> list[_Section]:
    """A heading followed directly by a sub-heading has no body: it opens the next chunk."""
    out: list[_Section] = []
    pending: int | None = None
    for section in sections:
        start = section.start if pending is None else pending
        first_nl = text.find("\n", section.start, section.end)
        body = text[first_nl + 1 : section.end] if first_nl >= 0 else ""
        if section.heading and _bare(body, section.heading) and section is not sections[-1]:
            pending = start
            continue
        pending = None
        out.append(_Section(start, section.end, section.heading))
    return out


def _bare(body: str, heading: str) -> bool:
    """Nothing after a heading's first line but blank lines, underlines (setext, rst) and, for
    an overlined rst title, the title itself."""
    title = heading.rsplit(HEADING_SEPARATOR, 1)[-1]
    return all(
        not line.strip() or _RST_ADORNMENT.match(line) or line.strip() == title
        for line in body.splitlines()
    )


def _blocks(text: str, start: int, end: int) -> Iterator[_Block]:
    """Blank-line separated blocks of text[start:end]; a fenced code block is one block even
    with blank lines inside, and a table is its own block even without blank lines around it."""
    block_start: int | None = None
    block_end = start
    in_fence = ""
    table = False
    for line_start, line_end in line_spans(text, start, end):
        line = text[line_start:line_end]
        is_row = not in_fence and bool(TABLE_ROW.match(line))
        blank = not line.strip() and not in_fence
        if block_start is not None and (blank or (is_row != table and not in_fence)):
            yield _Block(block_start, block_end, table)
            block_start = None
        in_fence = code_block_after(line, in_fence)
        if blank:
            continue
        if block_start is None:
            block_start, table = line_start, is_row
        block_end = line_end
    if block_start is not None:
        yield _Block(block_start, block_end, table)


# ---- what the retrievers see ---------------------------------------------------------------


def retrieval_text(chunk: Chunk) -> str:
    """What both retrievers index (dense and BM25): the document title and heading path give
    context a mid-document chunk lacks; a later part of a split table repeats its header row.
    Citations still quote chunk.text only."""
    return with_context(chunk, chunk.text)


def with_context(chunk: Chunk, body: str) -> str:
    """body (the chunk's text or a part of it, index.units) under the chunk's title, heading
    path and context (a split table's header row), each left out when body's first line
    already holds it: a Markdown chunk starts with its own heading line."""
    first_line = body.split("\n", 1)[0]
    named = file_words(chunk.source, chunk.title)
    parts = [p for p in (named, chunk.title, chunk.heading, chunk.context) if p and p not in first_line]
    return "\n".join([*parts, body])


# A path's word: letters in it, and not a hash ("1714d7cfa7218c5a" names nothing).
_PATH_SPLIT = re.compile(r"[\\/_.\s-]+")
_HASH = re.compile(r"[0-9a-fA-F]{6,}")


def file_words(source: str, title: str) -> str:
    """The words of a document's path that its title lacks: a README titled "Thread-pool
    Controls" is found by the name it is filed under, "threadpoolctl/README.md"."""
    stem = source.rsplit(".", 1)[0] if "." in source.rsplit("/", 1)[-1] else source
    have = {w.lower() for w in re.split(r"[^A-Za-z0-9]+", title)}
    words = [
        w for w in _PATH_SPLIT.split(stem)
        if re.search(r"[A-Za-z]{2}", w) and not _HASH.fullmatch(w) and w.lower() not in have
    ]
    return " ".join(words)


# The dense side's name for it, kept for callers that embed.
embedding_text = retrieval_text
