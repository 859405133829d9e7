"""What a span is about when it does not say: the option, setting, term, entry or section it
stands under ("Keep input files." under "-k --keep", "Default: 1800" under "lock_timeout", a list
item under "## Requirements").

The candidate splitter (rag.answering.candidates) reads a span with its name, and the answerer
(rag.answering.entries, rag.answering.extractive) quotes the name with it.
"""

from __future__ import annotations

import re

from rag.answering.layout import (
    BLANK_LINE,
    BULLET,
    FIELD,
    HEADING,
    HEADING_LINE,
    KEY_BINDING,
    NOISE,
    OPTION,
    OPTION_NAME,
    PARAGRAPH_END,
    SETTING,
    SNAKE_CASE,
    Span,
    field_key,
    is_table_row,
    key_name,
    last_lines,
    row_cells,
    term_shaped,
)
from rag.text import STOPWORDS, indent_width, sentence_spans


def boxed_name(before: str, *, fields: bool = False) -> str:
    """The cell of a table of one row and one cell ending `before` (the text up to a paragraph,
    right-stripped), when it is a term, not a sentence; else "". With `fields`, the row may go on
    with more cells after the name, as a reference sets an entry's head ("| never_mail | Use:
    autoreply | Type: address list | Default: unset |" above what never_mail does)."""
    row, above = last_lines(before)
    if not is_table_row(row) or (above.strip() and not NOISE.match(above)):
        return ""
    cells = [cell for cell in row_cells(row) if cell]
    alone = len(cells) == 1 or (fields and len(cells) > 1 and len(cells[0].split()) <= 3)
    return cells[0] if alone and term_shaped(cells[0]) else ""


# A name opening a list item, and the text about it: "allowGit Whether or not …", "`retries`
# How many …", "--color: Use colours." (camelCase, snake_case, an option, or code), or a
# lower-case name of joined words set off by a dash ("max-reclaim-time - this parameter …").
_LEADING_NAME = re.compile(
    rf"`?([a-z]+[A-Z][A-Za-z0-9]*|{SNAKE_CASE}|--?[\w][\w-]*|(?<=`)[^`\s]+)`?:?\s+[A-Z]"
    r"|([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\s+[-–—]\s+\w"
)


# An option set beside its text, as a man page rendered to text sets it: "-d     Sets …",
# "-o file   Write …", "--color=WHEN  Colour …" (its argument, then two spaces or more).
_OPTION_TAG = re.compile(r"([-+][\w][\w-]*(?:,? [-+][\w][\w-]*)?(?:[ =][^\s]+)?)(?: {2,}|\t)(?=\S)")
# How many words a later sentence of an option's text may end after the option for the quote to
# open at the option.
TAG_REACH_WORDS = 45


def option_tag(text: str, start: int) -> str:
    m = _OPTION_TAG.match(text, start)
    return m.group(1) if m else ""


def leading_name(text: str, start: int) -> str:
    m = _LEADING_NAME.match(text, start)
    return (m.group(1) or m.group(2)) if m else ""


# A setting's or variable's name as prose writes it: snake_case or capitals joined by "_"
# ("GOJQ_COLORS", "max_connections"), or a long option ("--memlimit-compress").
_PROSE_NAME = re.compile(rf"(?<![\w-])(?:{SNAKE_CASE}|--[A-Za-z][\w-]+)")


def subject(opening: str) -> str:
    """The setting the first sentence of `opening` (a paragraph up to a later sentence) names,
    when it names exactly one, or ""."""
    first = sentence_spans(opening)[0] if opening.strip() else None
    names = set(_PROSE_NAME.findall(opening[first[0] : first[1]])) if first else set()
    return names.pop() if len(names) == 1 else ""


# How far above a field its section's heading may stand: a description, a paragraph or two.
SECTION_REACH = 400


# The words of a setting's description a field is read with (above them, only the name).
SECTION_ABOUT_WORDS = 30


def section_title(text: str, start: int) -> str:
    """The title of the Markdown section `start` stands in: the last heading line above it."""
    found = None
    for m in HEADING_LINE.finditer(text, 0, start):
        found = m
    return found.group(1).strip() if found is not None else ""


def item_title(kind: str, text: str, start: int, fallback: str = "") -> str:
    """What a list item or a table row is about when it does not say: the title of the section
    it stands in ("## Requirements" above "- PostgreSQL 15"), the last heading above `start` in
    `text`, else `fallback` (the title the text opens under); "" for other kinds."""
    if kind not in ("item", "row"):
        return ""
    return section_title(text, start) or fallback


def opening_field(text: str, start: int) -> str:
    """The field name opening the paragraph `start` stands in ("linger_ms (int): The producer
    groups together …"), for a later sentence of it ("This setting accomplishes this by adding a
    small amount of artificial delay"): the entry that sentence describes; "" when the
    paragraph opens otherwise."""
    opens = max((m.end() for m in BLANK_LINE.finditer(text, 0, start)), default=0)
    line = text[opens : text.find("\n", opens) if "\n" in text[opens:start] else start]
    return field_key(line) if FIELD.match(line) else ""


def section_name(text: str, start: int) -> tuple[str, str]:
    """The name a short section is about, and its description: the Markdown heading above
    `start`, within SECTION_REACH characters, when it is one word naming a setting, an option or
    a code ("cognitive-complexity-threshold", "`max_connections`"), not a title in words; with
    the text between it and `start` when that is one short description ("The maximum number of
    lines a function or method can have"), else ("", "")."""
    at = max(0, start - SECTION_REACH)
    found = None
    for m in HEADING_LINE.finditer(text[at:start]):
        found = m
    if found is None:
        return "", ""
    heading = found.group(1).strip().strip("`*")
    named = SETTING.fullmatch(heading) or OPTION.match(heading) or _NAME_WITH_PARTS.fullmatch(heading)
    if not named:
        return "", ""
    about = text[at + found.end() : start].strip()
    return heading, about if _describes(about) and "\n\n" not in about else ""


def _describes(about: str) -> bool:
    """`about` is one short description of a name (SECTION_ABOUT_WORDS at most), not a field."""
    return len(about.split()) <= SECTION_ABOUT_WORDS and not FIELD.match(about)


# Most fields listed under one entry ("• Value type: Integer", "• Default value: 800").
ENTRY_FIELDS = 6
# How far above a field its entry's name may stand: the name, a description, the other fields.
ENTRY_REACH = 1200


def entry_head(text: str, start: int) -> tuple[str, str]:
    """The entry a field at `start` belongs to, with its description, as a PDF or plain text
    sets a reference's entries: a name alone in its paragraph ("window-width"), one short
    paragraph about it, then its fields, each a paragraph ("• Value type: Integer",
    "• Default value: 800"); else ("", "")."""
    line_start = text.rfind("\n", 0, start) + 1
    paragraphs = PARAGRAPH_END.split(text[max(0, line_start - ENTRY_REACH) : line_start].rstrip())
    for _ in range(ENTRY_FIELDS):
        if not paragraphs or not FIELD.match(BULLET.sub("", paragraphs[-1], count=1)):
            break
        paragraphs.pop()
    # The name may open its description's paragraph, as a definition list comes out of HTML
    # ("user.name Your full name." above "Default: $NAME variable if set, …").
    head = _NAMED_PARAGRAPH.match(paragraphs[-1].strip()) if paragraphs else None
    if head and _describes(head.group(2)):
        return head.group(1), " ".join(head.group(2).split())
    if len(paragraphs) < 2:
        return "", ""
    name, about = paragraphs[-2].strip(), _opening_sentence(paragraphs[-1].strip())
    described = _describes(about) and not BULLET.match(about)
    synopsis = _SYNOPSIS.fullmatch(name)
    end = text.find("\n", start)
    own = text[line_start : end if end >= 0 else len(text)].strip()
    if synopsis and _SYNOPSIS.fullmatch(own):
        return "", ""  # the next entry's synopsis ("alternatives = <mime,types>"), no field of this one
    key = synopsis.group(1) if synopsis else name
    named = "\n" not in name and term_shaped(name) and (
        key_name(key) or OPTION.match(key) or _NAME_WITH_PARTS.fullmatch(key) or _TAG.fullmatch(key)
    )
    return (name, " ".join(about.split())) if described and named and name.split()[0] not in STOPWORDS else ("", "")


# A setting's synopsis, its name and the form of its value, as scdoc man pages set a
# configuration file's entries ("pager = <command>", "always-show-mime = true|false").
_SYNOPSIS = re.compile(r"(\S+) = \S.*")


def _opening_sentence(about: str) -> str:
    """A description too long to read a field with, cut to its first sentence when that is
    short: aerc's "Specifies the pager to use when displaying emails." and not the note after."""
    if _describes(about):
        return about
    first = sentence_spans(about)
    return " ".join(about[first[0][0] : first[0][1]].split()) if first else about


# A paragraph opening with a lower-case name of joined words and, on its line, its description.
_NAMED_PARAGRAPH = re.compile(r"([a-z]\w*(?:[._-][\w<>]+)+)[ \t]+([A-Z].*)\Z", re.DOTALL)
# A lower-case name of joined words: "cognitive-complexity-threshold", "http.proxy".
_NAME_WITH_PARTS = re.compile(r"[a-z][a-z0-9]*(?:[-.][a-z0-9]+)+")


def name_cut_from_its_entry(text: str, span: Span) -> bool:
    """The span is an option's or a setting's name alone on the last line of `text` (a chunk):
    its description opens the next chunk, where it is quoted with the name (entries
    .with_entry_name). Alone, the name answers nothing, and the model likes a short option for a
    "which option" question: aplay(1)'s "--use-strftime", cut from its text, had been quoted
    for "Which option makes aplay quit when the device is busy?".
    """
    name = text[span.start : span.end].strip()
    return (
        span.kind == "line"
        and not text[span.end :].strip()
        and term_shaped(name)
        and (OPTION.match(name) is not None or SETTING.fullmatch(name) is not None)
    )


def entry_name(text: str, start: int) -> str:
    """The option or setting named on the line right above a paragraph that starts at `start`
    ("-k --keep", "pasv_max_port", "FAKEROOTKEY" alone above its text), or ""."""
    before = text[:start].rstrip()
    if not before:
        return ""
    above, line_above = last_lines(before)
    name = above.strip()
    # A rule ("-----" under a setext title) is no option, though it opens with a dash.
    if not name or HEADING.match(above) or NOISE.match(above) or not term_shaped(name) or name.endswith("?"):
        return ""
    return name if names_entry(name, above, line_above, text, start, tags=True) else ""


def names_entry(name: str, above: str, line_above: str, text: str, start: int, *, tags: bool = False) -> bool:
    """`name`, the line `above` the text at `start`, names an entry: an option, or a setting's
    or variable's name or a code (with `tags`, a PDF man page's lower-case tag too) alone in its
    paragraph (`line_above` blank: not the last of a list of names) and not a man-page title."""
    tag = tags and _TAG.fullmatch(name) is not None and name.split()[0] not in STOPWORDS
    bold = _BOLD_NAME.fullmatch(name) is not None
    setting = (key_name(name) or tag or bold) and not line_above.strip() and not man_section(above, text, start)
    return OPTION.match(name) is not None or KEY_BINDING.fullmatch(name) is not None or setting


# A name of code set in bold on a line of its own above its entry, as a README lists its options
# and events ("**countrychange**", "**dropdownContainer**"): one word that opens in lower case,
# where a bold title ("**Placeholders**") opens in capitals.
_BOLD_NAME = re.compile(r"(\*\*|__)[a-z][\w:.$-]*\1")


# An indented line that opens after a line ending a sentence.
NEW_INDENTED_LINE = re.compile(r"[.!?]\n[ \t]+\Z")


def entry_above(text: str, start: int, lines: int = 40) -> str:
    """The term whose entry an indented paragraph at `start` belongs to: the nearest line above
    it set further left, when that line is a term, an option or a setting ("listen_port" above
    "If vsftpd is …", a blank line, "Default: 21"; "MaxRtrAdvInterval seconds"), not a title
    in capitals; or ""."""
    line_start = text.rfind("\n", 0, start) + 1
    indent = start - line_start if not text[line_start:start].strip() else 0
    pos = line_start
    for _ in range(lines):
        if indent == 0 or pos == 0:
            return ""
        prev = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev : pos - 1]
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            if prev == 0 and line == line.lstrip() and _heads_entry(text, line_start):
                # A chunk opens at its first word, its indent cut: "set-fill-column" opening
                # one is no further left than "     set-mark-command", the next entry's head.
                return ""
            name = line.strip()
            field = FIELD.match(line) is not None  # "pwcheck_method: (default: auxprop)"
            named = term_shaped(name) and not name.endswith("?")
            return name if named and not field and not name.isupper() and not HEADING.match(line) else ""
        pos = prev
    return ""


def _heads_entry(text: str, line_start: int) -> bool:
    """The line at line_start is a term with lines set further right under it: the head of an
    entry of its own."""
    end = text.find("\n", line_start)
    if end < 0 or not term_shaped(text[line_start:end].strip()):
        return False
    below = next((ln for ln in text[end + 1 :].split("\n") if ln.strip()), "")
    return indent_width(below) > indent_width(text[line_start:end])


# How many paragraphs above a later paragraph of an option's entry its tag may stand.
TAG_PARAGRAPHS = 3


def tag_above(text: str, start: int) -> str:
    """The option whose entry a paragraph set flush left at `start` goes on, as a PDF sets a man
    page: the tag on a line of its own ("-d, --device [<prefix>:]<device name>"), a blank line,
    its text, a blank line, "Default is /dev/video0.", the default of that option and of no
    other. The nearest paragraph above that is a short line alone ends the walk: the tag, or
    else a title ("Capture Options"), and then "". No paragraph between may open with an option
    (another entry's), nor may the paragraph at `start`, which is no title either ("AUTHOR"
    below the last option's text)."""
    own = PARAGRAPH_END.search(text, start)
    own_text = text[start : own.start() if own else len(text)].strip()
    if text[text.rfind("\n", 0, start) + 1 : start].strip() or OPTION.match(own_text) or term_shaped(own_text):
        return ""
    gaps = list(PARAGRAPH_END.finditer(text, 0, start))
    if not gaps or gaps[-1].end() != start:
        return ""
    # The paragraphs above, nearest first: each lies between two gaps (the first from the text's start).
    for i in range(len(gaps) - 1, max(len(gaps) - 1 - TAG_PARAGRAPHS, -1), -1):
        opening = gaps[i - 1].end() if i else 0
        paragraph = text[opening : gaps[i].start()].strip()
        if "\n" not in paragraph and term_shaped(paragraph):
            return paragraph if OPTION_NAME.match(paragraph) else ""
        if OPTION.match(paragraph):
            return ""
    return ""


# A man page's tag in lower case above its paragraph, as a PDF sets it: "noprefixroute",
# "label LABEL", "scope SCOPE_VALUE" (a keyword and its argument's placeholders), or a command
# with an optional argument in brackets, its other placeholders then in lower case too
# (cadaver's "chexec [+|-] remote", "propget res [propname]").
_TAG = re.compile(
    r"[a-z][\w.-]*(?: [A-Z][A-Z0-9_]*)*"
    r"|[a-z][\w.-]*(?=.* \[)(?: (?:\[[^\]\n]*\]|[a-z][\w.]*(?:\.\.\.)?)){1,4}"
)


def names_by_heading(title: str) -> bool:
    """A heading's title that is an entry's name, not a section's: a snake_case setting, an
    option, a key binding or a function's signature ("CSRF_COOKIE_SECURE", "--max-depth",
    "Ctrl+Shift+t", "createError.isHttpError(val)"), where a word in capitals ("NOTES") or a
    lower-case word ("installation") titles a section."""
    return (
        re.fullmatch(SNAKE_CASE, title) is not None
        or OPTION.match(title) is not None
        or KEY_BINDING.fullmatch(title) is not None
        or _SIGNATURE.fullmatch(title.strip("`")) is not None
        or _TYPED_NAME.fullmatch(title.replace("`", "")) is not None
    )


# A name of code and its type, as an API reference heads an export's or an option's entry
# ("baseGenerator: object", "EXPRESSIONS_PRECEDENCE: object", "timeout: number | null"): the name
# is camelCase, snake_case or in capitals, where a section's "Usage: advanced" is a word.
_TYPED_NAME = re.compile(
    r"(?:[a-z][a-z0-9]*[A-Z]\w*|[A-Za-z][A-Za-z0-9]*_\w+|[A-Z][A-Z0-9]{2,})"
    r"\s*:\s*[A-Za-z][\w.<>\[\]]*(?:\s*\|\s*[A-Za-z][\w.<>\[\]]*)*"
)


# A function's or method's signature as an API reference heads its entry: "isHttpError(val)",
# "new createError([status], [error])", with what it returns ("queue.drained() => Promise",
# "hasMagic(pattern: string) => boolean"); the name runs straight into its parenthesis, where a
# section's title has a space before one ("Usage (advanced)").
_SIGNATURE = re.compile(
    r"(?:new\s+)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\([^()]*\)(?:\s*(?:=>|->|:)\s*\S.*)?"
)


def signature_name(title: str) -> str:
    """The name a function's signature heads its entry with ("png.bitblt" of "png.bitblt(dst,
    sx, sy, w, h, dx, dy)"), or "" for a title of another shape."""
    title = title.strip("`")
    return title[: title.index("(")].removeprefix("new").strip() if _SIGNATURE.fullmatch(title) else ""


# The section titles man-pages(7) prescribes, as one word: in a PDF they stand alone above
# their text exactly as a variable's name does in an ENVIRONMENT section.
_MAN_SECTIONS = frozenset({
    "NAME", "SYNOPSIS", "CONFIGURATION", "DESCRIPTION", "OPTIONS", "ERRORS", "ENVIRONMENT",
    "FILES", "VERSIONS", "ATTRIBUTES", "STANDARDS", "HISTORY", "NOTES", "CAVEATS", "BUGS",
    "EXAMPLE", "EXAMPLES", "AUTHOR", "AUTHORS", "COPYRIGHT", "DIAGNOSTICS",
})


def man_section(line: str, text: str, start: int) -> bool:
    """A title in capitals, not a variable's name: one of man-pages(7)'s; at the margin above
    indented text ("DESCRIPTION" above "       Hostname is …"); or a word the text never uses
    in a sentence, as it uses a variable's name ("a FAKEROOTKEY of a running daemon")."""
    name = line.strip()
    if not name.isupper() or "_" in name:
        return False
    if name in _MAN_SECTIONS:
        return True
    indented_below = text[start - 1 : start] in (" ", "\t")
    if not indented_below and text[start : start + 1].islower():
        # A PDF's "DISPLAY" above "to get default host and display number.": a sentence
        # under a title opens with a capital, the text of a variable's entry runs on from it.
        return False
    at = text.rfind(name, 0, start) if not indented_below else -1
    if at > 0 and _title_line(last_lines(text[:at].rstrip())[0].strip()):
        # A section's first entry, right under its title ("SIGNALS", "SIGHUP", "Forces a
        # rescan …"): a title in capitals heads text, not another title.
        return False
    word = re.escape(name)
    used = re.search(rf"[^\s][^\S\n]*\b{word}\b|\b{word}\b[^\S\n]*[^\s]", text) is not None
    return (not line[:1].isspace() and indented_below) or not used


def _title_line(line: str) -> bool:
    """A section title in capitals: "SIGNALS", "ENVIRONMENT VARIABLES"."""
    return bool(line) and line.isupper() and len(line.split()) <= 3 and line[-1:].isalpha()
