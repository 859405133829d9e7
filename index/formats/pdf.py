"""PDF text layer (pypdf) with page numbers and running headers/footers removed (a footer kept once,
on the last page), hard-wrapped
lines re-flowed into paragraphs, and the offset where each page begins kept for citations."""

from __future__ import annotations

import io
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from index.formats import Extracted, FormatError, visible_chars

if TYPE_CHECKING:
    from pypdf import PageObject

_PDF_HEADER_WINDOW = 1024  # the PDF spec tolerates junk before "%PDF-"
_SHORT_LINE_RATIO = 0.75  # a line this much shorter than a full line ends its paragraph
_PAGE_FOOT_RATIO = 0.5  # a page's last line this much shorter ends its paragraph there
_EDGE_LINES = 3  # running headers/footers are among the first/last lines of a page
_RUNNING_MIN_PAGES = 3  # with fewer pages, a repeated line is as likely to be text
_RUNNING_SHARE = 0.6  # "most pages": on at least this share of them
_LONG_WORD = 16  # characters: a path, a URL, a list of names joined by commas
_SENTENCE_END = ".!?…:;\"'”’)"
_LIST_MARKERS = ("•", "◦", "▪", "- ", "– ", "* ")
# Text set in columns (a man page's .nf block, a table pypdf keeps aligned): a run of spaces
# inside the line, not after a sentence's end. Each such line is a row of its own, never
# wrapped prose (sqlite3(1)'s ".timeout MS    Try opening …" had run into the next command).
_COLUMN_GAP = re.compile(r"[^\s.:;] {3,}\S")
# An option's entry set on one line with its text ("-I, --ignore-dirs-pattern Absolute path
# patterns to ignore"): after another entry it opens a paragraph of its own, however long the
# line above it (a wrapped sentence seldom goes on with an option right after another option).
_OPTION_ENTRY = re.compile(r"[-−][-\w]")
# An option's entry opening with its text, after a line that ends a sentence: "…must be a base
# dictionary." + "-G Print only correct words or lines." (hunspell(1)) is a new entry, not the
# last sentence of the text above, whatever that text opened with. The option, an alias, a
# placeholder in lower case ("-i enc"), then a capital.
_OPTION_WITH_TEXT = re.compile(
    r"[-−]{1,2}[A-Za-z0-9?][\w-]*(?:,\s*[-−]{1,2}[\w-]+)?(?:\s+[a-z<\[][\w<>\[\]|=-]*)?\s+[A-Z]"
)
# An option's tag alone on its line ("-d", "-b key", "-I, --pidfile file"), as groff sets a man
# page's entries: it opens an entry, never ends the description above it ("… disable file
# colors" + "-d" had read "… disable file colors -d", and "-d" lost its "detail mode"). Not a
# sentence's wrapped end: no punctuation after it ("… see the" + "--header option."). The
# chunker keeps such a tag with the text below it (index.chunking._leads_in). Its two spellings
# may be joined by "or" ("-N <file> or --new-session <file>", aircrack-ng(1)).
_ONE_TAG = r"[-−]{1,2}[A-Za-z0-9?][\w-]*(?:(?:,\s*|\s+|=)[-−]{0,2}[\w<>\[\]|=-]+){0,2}"
# Two spellings each set on a line of their own ("-o file" over "--output file", gifsicle(1)) are
# one tag, read "-o file, --output file" (_stacked_tags).
OPTION_TAG = re.compile(rf"{_ONE_TAG}(?:(?:\s+or|,)\s+{_ONE_TAG})?")
# A setting with its value alone on a line ("auto_quit = 1", "#geninfo_adjust_src_path = /tmp/build
# => /usr/src"), as a configuration file's man page lists its entries: it opens an entry, never goes on
# with the text above it ("… See also --autoclose and --no-autoclose auto_quit = 1", cssh(1p)). A
# name in lower case with an underscore, dot or hyphen, or in capitals, then " = ": prose
# seldom wraps onto such a line. Also a shell-style setting in capitals with one value or none,
# as pbuilderrc(5) lists them ("BUILDUSERID=1234", "BUILDSOURCEROOTCMD= fakeroot"). The chunker
# keeps such a line with the text below it (index.chunking._leads_in).
SETTING_LINE = re.compile(
    r"#?\s?(?:(?:[a-z][a-z0-9]*[_.-][\w.-]*|[A-Z][A-Z0-9_]+)\s+=(?:\s.*)?|[A-Z][A-Z0-9_]{2,}=[ \t]?\S*)"
)
# A man page's section title ("SYNOPSIS", "SECURITY ASPECTS"): capitals alone on a line.
_CAPITALS_TITLE = re.compile(r"[A-Z][A-Z]{3,}(?: [A-Z]{2,}){0,3}")
# A line that stops inside a sentence, and the words that go on with it.
_OPEN_END = re.compile(r"[a-z,]$")
_PROSE_GOES_ON = re.compile(r"[a-z][a-z’']*,? [a-z][a-z’']*(?:[ ,.;:]|$)")
_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?\d+(?:\s*(?:of|/)\s*\d+)?$|^[-–—]\s*\d+\s*[-–—]$|^(?=[ivxlc]{1,6}$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$", re.I
)
_DIGITS = re.compile(r"\d+")
# A running head that carries the page number beside a title that changes with the chapter
# ("Chapter 2: ASN.1 structure handling 4", "8 GNU Libtasn1"): the number at either end.
_END_NUMBER = re.compile(r"^(\d{1,4})\s+\S.*$|^.*\S\s+(\d{1,4})$")
_RUNNING_HEAD_WORDS = 12
# What a browser prints in a page's margins: the date and time with the page's title, and its
# address with a page counter ("12/3/26, 7:31 AM Widget datasheet", "file:///…/spec.html 1/1").
# Found on a page's edge even when the document has one page, too few to see it repeat.
_PRINT_MARGIN = re.compile(
    r"^\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AP]M)?(?:\s|$)"
    r"|^(?:file|https?)://\S+\s+\d+\s*(?:/|of)\s*\d+$",
    re.I,
)


def read_pdf(data: bytes) -> Extracted:
    pages, meta_title = _read(data)
    if not any(p.text.strip() for p in pages):
        raise FormatError("PDF has no text layer (a scanned image?); run OCR on it first")
    seen = sum(visible_chars(p.text) for p in pages)
    read_lines = [[ln.strip() for ln in p.text.splitlines()] for p in pages]
    # Measured as read: a table row joined with its wrapped cell is longer than any line set.
    widths = [_full_line_width(lines) for lines in _without_running_lines(read_lines)]
    joined = [
        _with_wrapped_cells(lines, page.places, full)
        for lines, page, full in zip(read_lines, pages, widths, strict=True)
    ]
    text, page_starts = _reflow_pages(_without_running_lines(joined), widths)
    return Extracted(text=text, title=meta_title, page_starts=page_starts, seen_chars=seen)


Point = tuple[float, float]


@dataclass(frozen=True)
class _Page:
    text: str
    places: list[_Place | None]  # where each line of `text` starts, when pypdf tells


@dataclass(frozen=True)
class _Place:
    """Where a line starts on the page (points), its font size, and the x where each text
    operator on its baseline shows its text."""

    x: float
    y: float
    size: float
    pieces: tuple[float, ...]


def _read(data: bytes) -> tuple[list[_Page], str]:
    if b"%PDF-" not in data[:_PDF_HEADER_WINDOW]:
        raise FormatError("unreadable PDF: no PDF header (is it really a PDF?)")
    from pypdf import PdfReader  # imported on first use

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormatError("unreadable PDF: it is password-protected; remove the password first")
        if len(reader.pages) == 0:
            raise FormatError("unreadable PDF: it has no pages")
        for page in reader.pages:
            _narrow_monospace_spaces(page)
        pages = [_read_page(page) for page in reader.pages]
        meta = reader.metadata
        title = str(meta.title or "").strip() if meta is not None else ""
    except FormatError:
        raise
    except Exception as exc:  # pypdf raises many types on damaged files
        lines = str(exc).strip().splitlines()
        message = lines[0] if lines else type(exc).__name__
        raise FormatError(f"unreadable PDF: {message[:120]}") from exc
    return pages, title


def _read_page(page: PageObject) -> _Page:
    """The page's text, and where each of its lines starts: pypdf hands each piece of text to
    a visitor with its text matrix while it reads, the same pieces its text is made of; and
    each text-showing operator with the matrix where it shows (a table's cells are shown one by
    one, though pypdf joins cells in one font into one piece)."""
    pieces: list[tuple[str, Point, float]] = []
    shown: list[Point] = []

    def visit_text(text: str, cm: Sequence[float], tm: Sequence[float], _font: object, size: float) -> None:
        pieces.append((text, _on_page(cm, tm), abs(size * tm[3] * cm[3])))

    def visit_operator(op: bytes, _args: object, cm: Sequence[float], tm: Sequence[float]) -> None:
        if op in (b"Tj", b"TJ"):
            shown.append(_on_page(cm, tm))

    text = page.extract_text(visitor_text=visit_text, visitor_operand_before=visit_operator) or ""
    return _Page(text, _line_places(text, pieces, shown))


def _on_page(cm: Sequence[float], tm: Sequence[float]) -> Point:
    return tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5]


_SAME_BASELINE = 0.5  # points


def _line_places(
    text: str, pieces: Sequence[tuple[str, Point, float]], shown: Sequence[Point]
) -> list[_Place | None]:
    lines = text.splitlines()
    if "".join(piece[0] for piece in pieces) != text or text.count("\n") + (not text.endswith("\n")) != len(lines):
        return [None] * len(lines)  # the pieces are not the text: no places rather than wrong ones
    starts: list[tuple[Point, float] | None] = []
    current: tuple[Point, float] | None = None
    opened = True  # the current line's first piece opens it (not the rest of a piece after "\n")
    for piece, point, size in pieces:
        for k, part in enumerate(piece.split("\n")):
            if k > 0:
                starts.append(current if opened else None)
                current, opened = None, True
            if part.strip() and current is None:
                if k > 0:
                    opened = False  # pypdf gave the place of the piece, not of this part
                current = (point, size)
    if not text.endswith("\n"):
        starts.append(current if opened else None)
    if len(starts) != len(lines):
        return [None] * len(lines)
    return [
        None
        if start is None
        else _Place(
            start[0][0],
            start[0][1],
            start[1],
            tuple(sorted(x for x, y in shown if abs(y - start[0][1]) <= _SAME_BASELINE)),
        )
        for start in starts
    ]


# pypdf reads a gap in a TJ array as a space only when it is near half the current font's own
# space; a monospace font's space is 600 units, so the proportional word space groff sets
# after a monospace word (250: "(limit) -250" then "kilobytes" in Times) was lost and the two
# words ran together ("limitkilobytes", "moldis"): 666 gaps in 30 of the 201 PDFs of docs_dev
# and train_docs. The space given instead is wider than Times' own 250, so that the gap is a
# space but groff's thin space (a sixth of an em, 167) is not: mdoc sets one between the two
# hyphens of a long option and before a bracket or comma after a monospace word, and they had
# read "- -create", "string )" and ". . ." (13 of 298 benchmark PDFs; no word joined).
_MONOSPACE_SPACE = 500  # a space this wide (of 1000) is a monospace font's
_NARROWED_SPACE = 400  # half of it (200) lies between the thin space (167) and a word space (250)


def _narrow_monospace_spaces(page: PageObject) -> None:
    """Give each monospace font on the page a narrower space, in memory, so that pypdf's
    half-a-space test finds the word gaps typeset beside it and not the thin spaces. Only the space's width
    changes; no glyph is read differently. A font dictionary that cannot be read so is left as
    it is: pypdf reads it as before."""
    from pypdf.generic import NumberObject  # imported on first use

    try:
        resources = page.get("/Resources")
        fonts = resources.get_object().get("/Font") if resources is not None else None
        fonts = fonts.get_object() if fonts is not None else {}
        for name in fonts:
            font = fonts[name].get_object()
            widths, first = font.get("/Widths"), font.get("/FirstChar")
            if widths is None or first is None:
                continue
            widths = widths.get_object()
            at = ord(" ") - int(first)
            if 0 <= at < len(widths) and float(widths[at]) >= _MONOSPACE_SPACE:
                widths[at] = NumberObject(_NARROWED_SPACE)
    except (AttributeError, TypeError, ValueError, KeyError):
        return


# --- running headers, footers, page numbers -------------------------------------------------


def _edges(lines: Sequence[str]) -> list[int]:
    filled = [i for i, line in enumerate(lines) if line]
    return sorted(set(filled[:_EDGE_LINES] + filled[-_EDGE_LINES:]))


def _shape(line: str) -> str:
    # "Page 3 of 12" and "Page 4 of 12" are the same running line.
    return _DIGITS.sub("#", " ".join(line.lower().split()))


def _without_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers and a browser's printed margins at a page's top/bottom, and top/bottom
    lines repeated on most pages."""
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_shape(lines[i]) for i in _edges(lines)})
    needed = max(_RUNNING_MIN_PAGES, math.ceil(_RUNNING_SHARE * len(pages)))
    running = {shape for shape, n in counts.items() if n >= needed} | _two_page_running(pages)
    numbered = _numbered_heads(pages, needed)
    out: list[list[str]] = []
    for p, lines in enumerate(pages):
        edges = set(_edges(lines))
        filled = [i for i, line in enumerate(lines) if line]
        # A repeated foot says something once: a man page's holds its version and date ("pwgen
        # version 2.08 August 2017"). The last page's stays, where a reader meets it last. (A
        # head repeats the title, "BMON(8) bmon BMON(8)", and had been quoted as an answer.)
        kept = filled[-1] if p == len(pages) - 1 and filled else None
        page: list[str] = []
        for i, ln in enumerate(lines):
            if i in edges and (_PAGE_NUMBER.match(ln) or _printed_margin(ln)):
                continue
            if i in edges and (_shape(ln) in running or (p, i) in numbered):
                if i != kept:
                    continue
                # Set across the page's width, its gaps mean nothing; a paragraph of its own.
                page.extend(["", " ".join(ln.split())])
                continue
            page.append(ln)
        out.append(page)
    return out


def _two_page_running(pages: list[list[str]]) -> set[str]:
    """Of a two-page document, the first lines alike on both pages and the last lines alike:
    too few pages to see a line repeat on most, but a man page printed to PDF has its head
    ("XWININFO(1) General Commands Manual XWININFO(1)") and foot ("X Version 11 xwininfo
    1.1.5 2") at exactly those places, and text seldom repeats at both."""
    if len(pages) != 2:
        return set()
    filled = [[ln for ln in lines if ln] for lines in pages]
    if not all(filled):
        return set()
    return {_shape(filled[0][end]) for end in (0, -1) if _shape(filled[0][end]) == _shape(filled[1][end])}


def _numbered_heads(pages: list[list[str]], needed: int) -> set[tuple[int, int]]:
    """(page, line) of each first or last line that holds the page's printed number beside a
    short title: the printed numbers run with the page index (page 7 is printed "5", page 8
    "Chapter 3: Utilities 6") on most pages, so a number at that place is a running head's even
    when its title changes from chapter to chapter and never repeats on most pages."""
    found: dict[int, list[tuple[int, int]]] = {}  # printed number - page index -> places
    for p, lines in enumerate(pages):
        filled = [i for i, line in enumerate(lines) if line]
        for i in {filled[0], filled[-1]} if filled else set():
            m = (
                _END_NUMBER.match(lines[i])
                if len(lines[i].split()) <= _RUNNING_HEAD_WORDS
                else None
            )
            number = (m.group(1) or m.group(2)) if m else lines[i] if lines[i].isdigit() else None
            if number is not None:
                found.setdefault(int(number) - p, []).append((p, i))
    if not found:
        return set()
    places = max(found.values(), key=len)
    if len({p for p, _ in places}) < needed:
        return set()
    return set(places)


def _printed_margin(line: str) -> bool:
    # NFKC: the text layer may hold a ligature ("ﬁle:///").
    return _PRINT_MARGIN.match(unicodedata.normalize("NFKC", line)) is not None


# --- a table's wrapped cells -----------------------------------------------------------------

# A capitalised word opens a sentence of its own: a new paragraph under the row, not its cell's
# wrapped rest ("set Synopsis: set variable" / "There are not too many variables …", hexer(1)).
_OPENS_SENTENCE = re.compile(r"[A-Z][a-z]")
_SAME_COLUMN = 1.5  # points: a wrapped cell's lines start where the cell does
_NEXT_LINE = 1.6  # a line this many font sizes below, or less, is the next line (no blank between)


def _with_wrapped_cells(lines: list[str], places: Sequence[_Place | None], full: int) -> list[str]:
    """A table row whose last cell wrapped, joined back into one paragraph of its own: plain text
    gives aerc-config(5)'s "%A reply-to address, or sender address if" and "none" as two lines,
    and the row ended its paragraph there, short of full, so "none" read as a paragraph alone.
    The places show that "none" starts under the row's second piece of text: a row short of
    full, not ending a sentence, then the next line starting where a later piece of the row
    starts, in lower case or with no capitalised word first."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        row, place = lines[i], places[i]
        j = i + 1
        if place is not None and row and len(row) < _SHORT_LINE_RATIO * full:
            columns = [x for x in place.pieces if x > place.x + _SAME_COLUMN]
            above = place
            while j < len(lines) and not row.endswith(tuple(_SENTENCE_END)):
                below = places[j]
                if below is None or not _under(below, above, columns) or _OPENS_SENTENCE.match(lines[j]):
                    break
                row, above, columns = _join_lines([row, lines[j]]), below, [below.x]
                j += 1
        out.extend(["", row, ""] if j > i + 1 else [row, ""] if _tags_apart(lines, places, i) else [row])
        i = j
    return out


def _tags_apart(lines: Sequence[str], places: Sequence[_Place | None], i: int) -> bool:
    """Two option tags each alone on a line but starting in different columns: the cells of a
    synopsis's table ("-n, --no-compare" and "-q, --quiet", findimagedupes(1)), not one entry's
    spellings set one over the other (_stacked_tags), which start where each other does."""
    if i + 1 >= len(lines):
        return False
    here, below = places[i], places[i + 1]
    if here is None or below is None:
        return False
    return (
        OPTION_TAG.fullmatch(lines[i]) is not None
        and OPTION_TAG.fullmatch(lines[i + 1]) is not None
        and abs(here.x - below.x) > _SAME_COLUMN
    )


def _under(below: _Place, above: _Place, columns: Sequence[float]) -> bool:
    return (
        0 < above.y - below.y <= _NEXT_LINE * max(above.size, below.size)
        and any(abs(below.x - column) <= _SAME_COLUMN for column in columns)
    )


# --- re-flow --------------------------------------------------------------------------------


def _reflow_pages(pages: Sequence[list[str]], widths: Sequence[int]) -> tuple[str, tuple[int, ...]]:
    """Paragraphs joined by blank lines; a paragraph cut by a page break is joined back and
    counts for the page where it starts. Returns (text, offsets where pages 2.. begin).
    `widths`: each page's full line width, measured before any wrapped cell was joined."""
    paragraphs: list[str] = []
    first_of_page: list[int] = []  # index of the first paragraph that starts on each page
    open_end = False  # the page before ended in a full line: its last paragraph may go on
    for lines, full in zip(pages, widths, strict=True):
        first_of_page.append(len(paragraphs))
        page_paragraphs, ends_open = _reflow(lines, full)
        for n, para in enumerate(page_paragraphs):
            if n == 0 and open_end and paragraphs and _continues(paragraphs[-1], para):
                paragraphs[-1] = _join_lines([paragraphs[-1], para])
                first_of_page[-1] = len(paragraphs)
            else:
                paragraphs.append(para)
        open_end = ends_open if page_paragraphs else open_end
    offsets: list[int] = []
    pos = 0
    for para in paragraphs:
        offsets.append(pos)
        pos += len(para) + 2
    text = "\n\n".join(paragraphs)
    starts = tuple(offsets[i] if i < len(offsets) else len(text) for i in first_of_page[1:])
    return text, starts


def _continues(previous: str, following: str) -> bool:
    return not previous.endswith(tuple(_SENTENCE_END)) and following[:1].islower()


def _reflow(lines: Sequence[str], full: int) -> tuple[list[str], bool]:
    """Join hard-wrapped lines: a paragraph ends at a blank line or a line well short of full.
    Also whether the last paragraph may go on over the page: not when its last line is much
    shorter than full (a heading at the foot of a page)."""
    paragraphs: list[str] = []
    current: list[str] = []
    for i, line in enumerate(lines):
        columned = _COLUMN_GAP.search(line.strip()) is not None
        if current and not _stacked_tags(current, line) and (
            not line
            or columned
            or line.startswith(_LIST_MARKERS)
            or (_OPTION_ENTRY.match(line) and _OPTION_ENTRY.match(current[0]))
            or (current[-1].endswith(tuple(_SENTENCE_END)) and _OPTION_WITH_TEXT.match(line))
            or (OPTION_TAG.fullmatch(line.strip()) and len(line) < _SHORT_LINE_RATIO * full)
            or _titles_next(current[-1], line, full)
            or _CAPITALS_TITLE.fullmatch(line.strip())
            or SETTING_LINE.fullmatch(line.strip()) is not None
        ):
            paragraphs.append(_join_lines(current))
            current = []
        if not line:
            continue
        current.append(line)
        following = lines[i + 1] if i + 1 < len(lines) else ""
        if columned or (
            len(line) < _SHORT_LINE_RATIO * full
            and not _wrapped_mid_sentence(current, following, full)
            and not _next_word_too_long(line, following, full)
            and not _stacked_tags(current, following)
        ):
            paragraphs.append(_join_paragraph(current))
            current = []
    if current:
        paragraphs.append(_join_paragraph(current))
    last = next((line for line in reversed(lines) if line), "")
    return paragraphs, len(last) >= _PAGE_FOOT_RATIO * full


def _stacked_tags(current: Sequence[str], line: str) -> bool:
    """An option's spellings each alone on a line, as groff sets a .TP tag over another ("-P" over
    "--print", parallel-ssh(1)): one entry's tag, not two, or the text below would read as the
    entry of "--print" alone and a question after "-P" would find no entry of it."""
    tags = [*current, line.strip()]
    return bool(current) and all(OPTION_TAG.fullmatch(tag) for tag in tags) and (
        OPTION_TAG.fullmatch(", ".join(tags)) is not None
    )


def _join_paragraph(lines: Sequence[str]) -> str:
    if len(lines) > 1 and _stacked_tags(lines[:-1], lines[-1]):
        return ", ".join(lines)
    return _join_lines(lines)


def _wrapped_mid_sentence(current: Sequence[str], following: str, full: int) -> bool:
    """A short line that breaks a sentence of wrapped prose: a man page's indented description is
    set narrower than the lines that carry a tag, so its ragged lines can fall under the short
    line width ("… On most modern systems," / "however, such behavior of ps is disabled …",
    ccrypt(1)). The paragraph has more than one line, the line is over half full and ends on a
    word or comma, and the next opens with two words in lower case, as prose goes on (not a
    command: "powerstat -RDH")."""
    line = current[-1]
    return (
        len(current) > 1
        and len(line) >= _PAGE_FOOT_RATIO * full
        and _OPEN_END.search(line) is not None
        and _PROSE_GOES_ON.match(following) is not None
    )


def _next_word_too_long(line: str, following: str, full: int) -> bool:
    """A line left short because the next line's first word would not fit after it: a path or a
    URL too long for the room left ("Logs the check result into a file" /
    "$XDG_DATA_HOME/linkchecker/failures which …", linkchecker(1)). The sentence goes on; a
    line that ends one ends its paragraph as before, and so does a title ("HOMEPAGE" above its
    URL on a short last page, whose full width is unsure); the word is one no prose word is as
    long as (_LONG_WORD)."""
    first = following.split(maxsplit=1)[0] if following.strip() else ""
    return (
        len(first) >= _LONG_WORD and len(line) + 1 + len(first) > full
        and not line.endswith(tuple(_SENTENCE_END)) and not _CAPITALS_TITLE.fullmatch(line.strip())
    )


def _titles_next(previous: str, line: str, full: int) -> bool:
    """A short line with no sentence end after a line that ends one is a heading or a table's
    first row ("…for industrial monitoring." / "Electrical characteristics"), never the rest
    of that paragraph: on a short page the full width is unsure, and this needs none. (A line
    in capitals is a title after any line: "…faking root privileges for file manipulation",
    nearly full, had taken "SYNOPSIS" as its last word.)"""
    return (
        previous.endswith(tuple(_SENTENCE_END))
        and len(line) < _SHORT_LINE_RATIO * full
        and not line.endswith(tuple(_SENTENCE_END))
    )


def _full_line_width(lines: Sequence[str]) -> int:
    widths = sorted(len(line) for line in lines if line)
    # About the 90th percentile, so one overlong line does not make all others look short.
    return widths[len(widths) - 1 - len(widths) // 10] if widths else 0


def _join_lines(lines: Sequence[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        if len(text) > 1 and text.endswith("-") and text[-2].isalpha() and line[:1].islower():
            text = text[:-1] + line  # undo end-of-line hyphenation: "irri-" + "gation"
        else:
            text = f"{text} {line}"
    return text
