"""How a document lays out its text, line by line: what a line is (a list item, a table row and
its cells, a "key: value" field, a heading, a rule, an option, a setting's name, a term), and the
Span, the unit a candidate answer is cut as.

The candidate splitter (rag.answering.candidates) and the readers of what a span is about
(rag.answering.subjects, rag.answering.config_comments) share these shapes, so that one line reads
the same to all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rag import markers
from rag.text import indent_width, inline_text, link_text

# A list item: bullet or "1." / "1)" / "a)" numbering.
BULLET = re.compile(r"^\s*(?:[•\-–—*·+]|\d{1,3}[.)]|[a-z][.)])\s+")
# A table's rule line: "|---|:---:|", "+----+----+".
TABLE_RULE = re.compile(r"^[\s|:+\-=]+$")
# A variable of Perl, PHP or BackupPC's config ("$sa_mail_body_size_limit = 200*1024;",
# "$Conf{XferMethod} = 'rsync';"): a setting's name as "smtp_host =" is.
_VARIABLE = r"\$\w+(?:\{[^}\n]{1,40}\}|\[[^\]\n]{1,40}\])*"
# "Key: value" / "key = value" lines of config references and FAQs ("Q: ...", "A: ..."), and
# reStructuredText's field lists (":Creator: R.A. Fisher").
FIELD = re.compile(rf"^\s*:?(?:[\w][\w .()/\-]{{0,40}}?|{_VARIABLE})\s*(?::|=)\s+\S")
# A Markdown heading's marks ("## ").
HEADING = re.compile(r"^\s*#{1,6}\s+")
# A title underlined with "===" or "---" (Markdown's other heading, plain-text titles).
UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")
# Lines that carry no text a reader could be answered with: code fences, rules.
NOISE = re.compile(r"^\s*(?:```.*|~~~.*|[-=*_#~.]{3,})\s*$")
# A man page's running head or foot as `man` prints it: "KILLALL(1)   User Commands   KILLALL(1)",
# "psmisc   2021-01-11   KILLALL(1)". (A PDF's running lines are already gone.)
MAN_RUNNING = re.compile(r"^\S.*?\S {3,}\S.*?\S {3,}[\w.:+-]+\(\d\w*\)\s*$")
WORD = re.compile(r"[A-Za-z0-9]")
_DIGIT = re.compile(r"\d")
# A command-line option as a man page or --help lists it: "-k --keep", "--rsyncable", "+F".
OPTION = re.compile(r"^[-+−][\w-]")
# A setting's or variable's name: snake_case, or one word in capitals (FAKEROOTKEY, TMPDIR).
SNAKE_CASE = r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+"
SETTING = re.compile(rf"{SNAKE_CASE}|[A-Z][A-Z0-9]{{2,}}")
# A key binding as a manual lists it, alone above what it does: "Mod-C", "Ctrl+Shift+t", "C-x
# C-f", "Alt-Left": one or more modifiers, each joined by "-" or "+", then a key.
KEY_BINDING = re.compile(
    r"(?:(?:(?:Ctrl|CTRL|Control|Alt|ALT|Shift|Meta|Super|Mod\d?|Cmd|[CMS])[-+])+[^\s-]\S{0,9}\s?){1,3}"
)
# The blank line ending a paragraph (and any blank lines after it).
PARAGRAPH_END = re.compile(r"[ \t]*\n(?:[ \t]*\n)+")

# Longest candidate, in characters: the model reads about 100 word pieces anyway.
MAX_CHARS = 600


@dataclass(frozen=True)
class Span:
    """A candidate inside one text: text[start:end] is quoted verbatim; model_text is scored."""

    start: int
    end: int
    kind: str  # sentence | item | row | header (a table's column names) | field | line | heading
    model_text: str
    key: str = ""  # a row's first cell, a field's name: what the row or line is about
    # The paragraph or list item a sentence was cut from, when it holds more than this span:
    # a short one is quoted whole (rag.answering.extractive), as its writer grouped it.
    block: tuple[int, int] | None = None


# A footnote's number glued to the word or the stop it follows ("France.[3]", "[Celery][1]"):
# no word of the text. One set apart by a space is ("image size [800]", "$show_time [0]").
_FOOTNOTE = re.compile(r"(?<=[^\s\[(=:,])" + markers.MARKER.pattern, re.IGNORECASE)


def model_view(text: str) -> str:
    """What the model reads of a span: Markdown links as their text (link_text), inline HTML
    elements as their content (inline_text), footnote markers removed (_FOOTNOTE), white space
    collapsed."""
    shown = inline_text(link_text(markers.unescape_document_markers(text)))
    return " ".join(_FOOTNOTE.sub(" ", shown).split())


def line_at(original: str, start: int) -> tuple[str, int]:
    """The line starting at `start` and where it ends (the text's end for the last line)."""
    end = original.find("\n", start)
    end = end if end >= 0 else len(original)
    return original[start:end], end


def titled_heading(line: str) -> bool:
    """A Markdown heading's shape: "#" and a space, a few words, no closing punctuation, no
    columns set with tabs ("#\tthreads\t\t\t4" is a commented-out setting, nscd.conf), and at
    most three spaces before it, as CommonMark's: DRBD's "\t\t# If you have a resonable RAID
    controller", indented inside its "disk {" section, is a comment."""
    return (
        HEADING.match(line) is not None and len(line.split()) <= 9
        and not line.rstrip().endswith((".", ",", ";", ":")) and "\t" not in line.strip()
        and indent_width(line) <= 3
    )


def line_above_start(text: str, start: int) -> int:
    """Where the text of the line above a paragraph starting at `start` begins (after its
    indentation)."""
    before = text[:start].rstrip()
    above, _ = last_lines(before)
    return before.rfind("\n") + 1 + len(above) - len(above.lstrip())


def last_lines(before: str) -> tuple[str, str]:
    """The last line of `before` (the text up to a paragraph, right-stripped) and the line
    above it ("" when there is none)."""
    cut = before.rfind("\n")
    return before[cut + 1 :], before[: max(cut, 0)].rsplit("\n", 1)[-1]


def field_key(line: str) -> str:
    """The name a field line (FIELD) gives before its ":" or "=": "smtp_host" of
    "smtp_host: The SMTP host …", "linger_ms (int)" of "linger_ms (int): The producer …"."""
    return re.split(r"[:=]", line.strip().removeprefix(":"), maxsplit=1)[0].strip()


# A blank line between two lines.
BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A Markdown heading's line, its title the group.
HEADING_LINE = re.compile(r"^[ \t]*#{1,6}[ \t]+(.+)$", re.MULTILINE)


# A letter of any script; a line without one longer than a code is a number or a rule.
_LETTER = re.compile(r"[^\W\d_]")
_CODE_CHARS = 12


def term_shaped(line: str) -> bool:
    """Short, and not ending as a sentence, a clause or a table row does: a term ("-k --keep",
    "listen_port", "MaxRtrAdvInterval seconds"), a title, or a question; no sentence ends inside
    it ("Reported by Ann Lee. [CVE-2022-2509]" ends a paragraph). Digits alone make a code
    ("404", "0x1F", options "-1, -2, ..., -9") and no longer: wcalc's table of constants prints
    pi's digits on lines of their own above "g Acceleration due to gravity: 9.80665 m/s/s"."""
    if len(line) > _CODE_CHARS and not _LETTER.search(line) and not OPTION_NAME.match(line):
        return False
    return len(line.split()) <= 6 and not line.endswith((".", ",", ";", ":", "|")) and ". " not in line


# A blank line right before a position (what lies between is white space).
AFTER_BLANK = re.compile(r"\n[ \t]*\n[ \t]*\Z")


# An option's name, not a rule ("---") or a cut line ("---- Cut here ----").
OPTION_NAME = re.compile(r"(?:--?|\+|−)[A-Za-z0-9?]")
# A code alone above its meaning, as an exit status or a level is listed ("4" above "Failed as a
# file or directory was not found."): the meaning alone does not say which code.
_CODE = re.compile(r"[-+]?(?:\d{1,5}|0x[0-9A-Fa-f]{1,8})")


def key_name(text: str) -> bool:
    """A setting's or variable's name, or a code, standing alone for the text it names."""
    return SETTING.fullmatch(text) is not None or _CODE.fullmatch(text) is not None


def is_table_row(line: str) -> bool:
    # Pipes only: tabs in man pages and plain text are alignment, not columns. Not pipes that all
    # stand inside one word of a line that goes on ("--parser=babel|flow|ts  the parser to use",
    # a help line giving an option's values).
    pipes = line.count("|")
    if not pipes:
        return False
    words = line.split()
    piped = [w for w in words if "|" in w]
    if len(piped) == 1 and len(words) > 1 and not piped[0].startswith("|") and not piped[0].endswith("|"):
        return False
    return pipes >= 2 or TABLE_RULE.match(line) is not None


# A column's edge: a pipe that no backslash escapes.
_CELL_EDGE = re.compile(r"(?<!\\)\|")


def row_cells(line: str) -> list[str]:
    """A row's cells in column order; an empty cell keeps its place, so the cells after it
    stay under their own column names. A pipe escaped as Markdown writes it inside a cell
    ("Object\\|Function", a type of BottleJS's API table) is the cell's text, no column's edge."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return [" ".join(c.replace("\\|", "|").split()) for c in _CELL_EDGE.split(inner)]


def names_columns(cells: list[str]) -> bool:
    """A first row with no rule under it (Word's and HTML's tables have none) names the columns
    when its cells are short labels without numbers ("Item | Limit | Approval"), not values
    ("port | 8080") or text ("query | dump the inputs and outputs of a given target.")."""
    filled = [c for c in cells if c]
    return len(filled) >= 2 and all(len(c.split()) <= 3 and not _DIGIT.search(c) for c in filled)


def row_key(cells: list[str]) -> str:
    """What a row is about: its first non-empty cell."""
    return next((c for c in cells if c), "")


def trim(text: str, s: int, e: int) -> tuple[int, int]:
    """text[s:e] without the white space at either end, as offsets."""
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def make_span(text: str, s: int, e: int, kind: str, model_text: str | None = None, key: str = "") -> Span:
    """The span of text[s:e] trimmed, read as model_text (its own text when None)."""
    s, e = trim(text, s, e)
    return Span(s, e, kind, model_view(model_text if model_text is not None else text[s:e]), key)
