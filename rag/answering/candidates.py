"""Answer candidates from a passage: sentences, list items, table rows, "key: value" lines and
short lines, each a verbatim span of the passage.

Users' documents are not all prose: a README answers "which port?" in a table row, a changelog in
a list item, a config reference in a "key: value" line. Each candidate carries two texts: the
verbatim span (quoted and cited) and what the model reads (markers stripped; a table row with
its header row in front, because "8080" means nothing without "default").

The training script (scripts/train_answerer.py) builds its candidates with these same functions,
so the model is fitted on exactly what it scores at query time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import groupby

from rag import markers
from rag.text import FENCE_LINE, PRE, STOPWORDS, code_block_after, sentence_spans

# A list item: bullet or "1." / "1)" / "a)" numbering.
_BULLET = re.compile(r"^\s*(?:[•\-–—*·+]|\d{1,3}[.)]|[a-z][.)])\s+")
# A Markdown/ASCII table row: at least two cells.
_TABLE_ROW = re.compile(r"^\s*\|?[^|\n]*\|[^|\n]*")
_TABLE_RULE = re.compile(r"^[\s|:+\-=]+$")
# "Key: value" / "key = value" lines of config references and FAQs ("Q: ...", "A: ..."), and
# reStructuredText's field lists (":Creator: R.A. Fisher").
FIELD = re.compile(r"^\s*:?[\w][\w .()/\-]{0,40}?\s*(?::|=)\s+\S")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
# A title underlined with "===" or "---" (Markdown's other heading, plain-text titles).
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,})\s*$")
# Lines that carry no text a reader could be answered with: code fences, rules.
_NOISE = re.compile(r"^\s*(?:```.*|~~~.*|[-=*_#~.]{3,})\s*$")
# A man page's running head or foot as `man` prints it: "KILLALL(1)   User Commands   KILLALL(1)",
# "psmisc   2021-01-11   KILLALL(1)". (A PDF's running lines are already gone.)
_MAN_RUNNING = re.compile(r"^\S.*?\S {3,}\S.*?\S {3,}[\w.:+-]+\(\d\w*\)\s*$")
_WORD = re.compile(r"[A-Za-z0-9]")
_DIGIT = re.compile(r"\d")
# A command-line option as a man page or --help lists it: "-k --keep", "--rsyncable", "+F".
_OPTION = re.compile(r"^[-+−][\w-]")
# A setting's or variable's name as a reference lists it: "BC_LINE_LENGTH", "broken_system_clock".
# A setting's or variable's name: snake_case, or one word in capitals (FAKEROOTKEY, TMPDIR).
_SNAKE_CASE = r"[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+"
_SETTING = re.compile(rf"{_SNAKE_CASE}|[A-Z][A-Z0-9]{{2,}}")
# A key binding as a manual lists it, alone above what it does: "Mod-C", "Ctrl+Shift+t", "C-x
# C-f", "Alt-Left": one or more modifiers, each joined by "-" or "+", then a key.
_KEY_BINDING = re.compile(
    r"(?:(?:(?:Ctrl|CTRL|Control|Alt|ALT|Shift|Meta|Super|Mod\d?|Cmd|[CMS])[-+])+[^\s-]\S{0,9}\s?){1,3}"
)

# Words that announce a list below: "the following", "as follows".
_ANNOUNCES = re.compile(r"\b(?:the\s+following|as\s+follows)\b", re.IGNORECASE)
# The blank line ending a paragraph (and any blank lines after it).
PARAGRAPH_END = re.compile(r"[ \t]*\n(?:[ \t]*\n)+")

# Longest candidate, in characters: the model reads about 100 word pieces anyway.
MAX_CHARS = 600
# A longer one (a changelog's unmarked list, a wrapped option table) is cut into pieces of
# whole lines up to this, about what the model reads of a candidate beside a question.
PIECE_CHARS = 300


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


def model_view(text: str) -> str:
    """What the model reads of a span: markers (live or escaped) removed, white space collapsed."""
    return markers.strip(markers.unescape_document_markers(text))


def spans(text: str, table_header: str = "") -> list[Span]:
    """Every candidate of a text, in reading order. table_header is the header row of a table
    the text opens inside (a chunk cut through it keeps that row as Chunk.context). Comment
    markers are read as blanks (_uncommented): offsets stay the text's, quotes keep them."""
    original = text
    text = _uncommented(text)
    out: list[Span] = []
    lines = _lines(text)
    width = _wrap_width(text, lines)
    header: list[str] | None = None  # the cells of the current table's header row
    prose: list[tuple[int, int]] = []  # consecutive prose lines, joined for sentence splitting

    def flush() -> None:
        if prose:
            out.extend(_sentences(text, prose[0][0], prose[-1][1], width=width))
            prose.clear()

    skip = -1
    for i, (s, e) in enumerate(lines):
        if i <= skip:
            continue
        line = text[s:e]
        if not line.strip() or _NOISE.match(line) or not _WORD.search(line) or _MAN_RUNNING.match(line):
            flush()
            if not line.strip():
                header = None
            continue
        if _is_table_row(line):
            flush()
            if _TABLE_RULE.match(line):
                continue
            cells = _cells(line)
            if header is None:
                nxt = lines[i + 1] if i + 1 < len(lines) else None
                ruled = nxt is not None and _TABLE_RULE.match(text[nxt[0] : nxt[1]]) is not None
                if not ruled and not text[:s].strip() and table_header.strip():
                    # A passage that opens inside a table (a chunk cut through it) has lost the
                    # header: its first row is a row, read under the header the chunker kept.
                    # (One that opens with a whole table, Word's with no rule, keeps its own.)
                    lost, _, rule = table_header.strip().partition("\n")
                    named = _TABLE_RULE.match(rule) is not None or _names_columns(_cells(lost))
                    header = _cells(lost) if _is_table_row(lost) and named else []
                elif not ruled and not _names_columns(cells):
                    # A table without column names (an HTML table with no <th>, a definition
                    # table): its first row is a row like the others.
                    header = []
                else:
                    # The first row of a table is its header: a candidate on its own, and the
                    # context of every row below it.
                    header = cells
                    if not ruled:
                        out.append(_span(text, s, e, "header", " | ".join(c for c in cells if c), key=_key(cells)))
                    continue
            out.append(_span(text, s, e, "row", row_text(header, cells), key=_key(cells)))
            continue
        header = None
        m = _BULLET.match(line)
        if m:
            flush()
            # Lines below a list item continue it (a wrapped item): indented ones, and, as
            # Markdown's lazy continuation, an unindented one that goes on with the sentence.
            j = i
            while j + 1 < len(lines):
                below = text[lines[j + 1][0] : lines[j + 1][1]]
                if not below.strip() or _BULLET.match(below):
                    break
                if not below[:1].isspace() and not _lazy_continuation(text[lines[j][0] : lines[j][1]], below):
                    break
                j += 1
            skip = j
            out.extend(_sentences(text, s + m.end(), lines[j][1], kind="item", width=width))
            continue
        if _HEADING.match(line):
            flush()
            h = _HEADING.match(line)
            assert h is not None
            out.append(_span(text, s + h.end(), e, "heading"))
            continue
        if not prose and i + 1 < len(lines) and _UNDERLINE.match(text[lines[i + 1][0] : lines[i + 1][1]]):
            flush()
            out.append(_span(text, s, e, "heading"))
            continue
        if prose and _commented_out(original, s):
            flush()  # a default left commented out ends the comment above it
        if not prose and FIELD.match(line) and len(line) < 200:
            flush()
            key = _field_key(line)
            j = _hanging(text, lines, i, original)
            if j == i:
                j = _runs_on(text, lines, i, width)
            if j == i:
                out.append(_span(text, s, e, "field", key=key))
            else:
                # "A:  Give --enable-small to the configure script. Use also appropriate" goes
                # on in the indented lines below: the value is all of them, sentence by sentence.
                skip = j
                out.extend(_sentences(text, s, lines[j][1], kind="field", width=width, key=key))
            continue
        if _listing_row(text, lines, i):
            # A program's help lists its commands as "cleanlogs      [CAREFUL] Deletes all
            # historical forever log files": each line is an entry of its own, not a wrapped
            # line of one sentence running through the list.
            flush()
            term = _LISTED.match(line)
            assert term is not None
            out.append(_span(text, s + len(term.group(1)), e, "line", model_view(f"{term.group(2)} {line[term.end():]}")))
            continue
        # A short line with no final punctuation is a line of its own (a title, a version
        # heading, a definition term), not the start of a wrapped sentence.
        if not prose and len(line.split()) <= 8 and _stands_alone(text, lines, i):
            flush()
            out.append(_span(text, s, e, "line"))
            continue
        if prose and _OPTION_ENTRY.match(line):
            flush()  # a help text's next option, its text wrapped below it like the one above
        prose.append((s, e))
    flush()
    read = [
        _with_fields_above(text, piece)
        for c in out
        if c.model_text
        for piece in _pieces(text, _with_block(text, _after_question(text, c, original)))
    ]
    return [_in_section(original, text, _as_documented(original, text, c)) for c in _without_bare_names(text, read)]


# How much of a comment block above a setting is read with it.
COMMENT_CHARS = 300


def _as_documented(original: str, text: str, c: Span) -> Span:
    """A sample configuration documents each setting in the comment above it ("# Prompt
    log/date configuration window on program start." / "#" / "config-dialog false"): the
    setting reads with its comment and is quoted with it when short (its block), and the
    comment is read as itself and quoted with its setting, never as the text of the setting
    above it ("config-dialog false" is no term of "# Color highlight active panel.")."""
    line_start = original.rfind("\n", 0, c.start) + 1
    line_end = original.find("\n", c.start)
    line = original[line_start : line_end if line_end >= 0 else len(original)]
    if _commented(original, text, line_start) and not _commented_out(original, line_start):
        if text[line_start:c.start].strip():
            return c
        below = _setting_below(original, text, line_end)
        if below is None:
            return c
        block = ((c.block or (c.start, c.end))[0], below)
        return replace(c, model_text=model_view(text[c.start : c.end]), block=block)
    if text[line_start:c.start].strip() or not line.strip():
        return c
    above = _comment_above(original, text, line_start)
    if above is None:
        return c
    comment = text[above:line_start].strip()
    return replace(c, model_text=model_view(comment) + " " + model_view(text[c.start : c.end]), block=(above, c.end))


# The line that opens a section of an INI-style configuration file: "[urgency_critical]",
# "[remote "origin"]", TOML's "[tool.ruff]" and "[[servers]]".
_CONFIG_SECTION = re.compile(r"[ \t]*(\[{1,2}[A-Za-z][^\[\]\n]{0,60}\]{1,2})[ \t]*")
# How many lines above a setting its section's line may stand: the section's other settings and
# their comments.
SECTION_LINES = 80


def _in_section(original: str, text: str, c: Span) -> Span:
    """A setting of an INI-style file reads with its section: dunstrc sets "timeout = 0" under
    "[urgency_critical]" and "timeout = 10" under "[urgency_low]", and only the section says
    which is which. The section's line is the nearest above across settings, comments and
    blank lines only: a title or a sentence between ends the section."""
    line_start = text.rfind("\n", 0, c.start) + 1
    line_end = text.find("\n", c.start)
    if text[line_start : c.start].strip() or not FIELD.match(text[line_start : line_end if line_end >= 0 else len(text)]):
        return c
    end = line_start - 1
    for _ in range(SECTION_LINES):
        if end < 0:
            return c
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        section = _CONFIG_SECTION.fullmatch(line)
        if section:
            name = section.group(1)
            return c if c.model_text.startswith(name) else replace(c, model_text=f"{name} {c.model_text}")
        comment = _commented(original, text, start) or original[start:end].lstrip().startswith(";")
        if line.strip() and not comment and not FIELD.match(line):
            return c
        end = start - 1
    return c


def _comment_under_text(original: str, text: str, start: int) -> bool:
    """The line at `start` is a comment and the nearest line above it that holds anything is
    text, not a comment: nrpe.cfg's "# COMMAND TIMEOUT" block, blank lines below
    "max_commands=0", documents the setting below it, not that one."""
    line_start = text.rfind("\n", 0, start) + 1
    if not line_start or not _commented(original, text, line_start):
        return False
    above = line_start
    while above > 0:
        above = text.rfind("\n", 0, above - 1) + 1
        if text[above : text.find("\n", above)].strip():
            return not _commented(original, text, above)
    return False


def _commented(original: str, text: str, line_start: int) -> bool:
    """The line at line_start is a comment _uncommented read as text (a Markdown heading, which
    it leaves alone, is none)."""
    return _COMMENT.match(original, line_start) is not None and _COMMENT.match(text, line_start) is None


def _line_at(original: str, start: int) -> tuple[str, int]:
    """The line starting at `start` and where it ends (the text's end for the last line)."""
    end = original.find("\n", start)
    end = end if end >= 0 else len(original)
    return original[start:end], end


def _setting_apart(original: str, start: int) -> int | None:
    """Where a setting ends that stands alone one blank line below a comment block, as nrpe.cfg
    and Nagios write them ("# COMMAND TIMEOUT" / "# This specifies …", a blank line,
    "command_timeout=60", a blank line): the line at `start` is blank, the next assigns a value
    and nothing but a blank line or the end follows it. None otherwise: a block's comment over
    a group of settings documents none of them alone."""
    blank, blank_end = _line_at(original, start)
    if blank.strip() or blank_end >= len(original):
        return None
    setting, end = _line_at(original, blank_end + 1)
    # A default left commented out ("# command_prefix=/usr/bin/sudo") is the setting too.
    if not _ASSIGNMENT.match(_without_marker(setting)):
        return None
    after, _ = _line_at(original, min(end + 1, len(original)))
    return end if end >= len(original) or not after.strip() else None


def _setting_below(original: str, text: str, line_end: int) -> int | None:
    """Where the setting line right below a comment block ends, the comment line ending at
    line_end being one of the block's (up to 8 more comment lines, a bare "#" among them, may
    follow it), or None when a heading or the end comes first, or a blank line does that is
    not followed by a setting standing alone (_setting_apart)."""
    pos = line_end
    for _ in range(8):
        if pos < 0 or pos >= len(original):
            return None
        nxt, nxt_end = _line_at(original, pos + 1)
        if not nxt.strip():
            return _setting_apart(original, pos + 1)
        if _commented_out(original, pos + 1):
            return nxt_end
        if not _commented(original, text, pos + 1):
            if _COMMENT.match(nxt):
                return None  # a "#" line read as a heading: no setting
            return nxt_end
        pos = nxt_end
    return None


def _comment_above(original: str, text: str, line_start: int) -> int | None:
    """Where the comment block right above a line begins (its last lines at most COMMENT_CHARS),
    or None when the line above is no comment. One blank line may stand between when the line
    is a setting standing alone below it (_setting_apart)."""
    if line_start:
        blank_start = original.rfind("\n", 0, line_start - 1) + 1
        if not original[blank_start : line_start - 1].strip():
            if _setting_apart(original, blank_start) is None:
                return None
            line_start = blank_start
    start = line_start
    while start > 0:
        prev_start = original.rfind("\n", 0, start - 1) + 1
        if not _commented(original, text, prev_start) or line_start - prev_start > COMMENT_CHARS:
            break
        if _commented_out(original, prev_start):
            break  # another setting, not this one's comment
        start = prev_start
    if start == line_start or not _without_marker(original[start:line_start]).strip():
        return None
    return start


def _without_bare_names(text: str, read: list[Span]) -> list[Span]:
    """An option's or a name's line alone goes when the text below it is quoted with it
    ("-i, --interactive" above "Interactively ask for confirmation before killing.", a name in
    a box of its own above its text): alone it
    says nothing, yet shares all of a question's words about it, and had been the answer."""
    longest: dict[int, int] = {}
    for c in read:
        longest[c.start] = max(longest.get(c.start, c.end), c.end)

    def bare(c: Span) -> bool:
        quote = text[c.start : c.end]
        named = _OPTION.match(quote) is not None or _key_name(quote.strip()) or bool(_boxed_name(quote.rstrip()))
        return named and "\n" not in quote and len(quote.split()) <= 6 and longest[c.start] > c.end

    return [c for c in read if not bare(c)]


# A comment line of a configuration file or script: "## The port to use …", "#webagg.port: 8988",
# and an INI file's ("; Maximum allowed size for uploaded files.", php.ini, smb.conf).
_COMMENT = re.compile(r"^([ \t]*)(#+|;+)(?!!)", re.MULTILINE)
# A quotation's markers at a line's start, as Markdown and mail write them ("> ", "> > ").
_QUOTE_MARK = re.compile(r"^[ ]{0,3}(?!>>>)(?:>[ ]?)+")  # not Python's ">>> " prompt


def _uncommented(text: str) -> str:
    """The text with the "#" (an INI file's ";") markers of its comment blocks made spaces: two
    or more lines in a row that open with one are a sample configuration's documentation ("## 400,
    and bold is 700." read as a Markdown heading) and its commented-out defaults ("#webagg.port:
    8988", a "key: value" line once the marker goes). Markdown headings stand alone: a run of
    consecutive lines that are all short headings ("# Guide" / "## Install") stays. Inside a
    fenced code block or raw HTML's <pre> every "#" (or ";") line is a comment ("# => (3, 384)" below
    "print(x.shape)", a root prompt's "# pkg install bfs");
    outside one, a quotation's ">" markers are blanks too."""
    lines = text.split("\n")
    fence = ""
    for k, line in enumerate(lines):
        after = code_block_after(line, fence)
        if fence and after:  # inside a block: neither its opening nor its closing line
            lines[k] = _without_marker(line)
        elif not fence and not after:
            # A Markdown quotation's (or a quoted mail's) ">" is no word of what it quotes.
            lines[k] = _QUOTE_MARK.sub(lambda m: " " * len(m.group(0)), line, count=1)
        fence = after
    for is_comment, group in groupby(range(len(lines)), key=lambda k: _COMMENT.match(lines[k]) is not None):
        run = list(group)
        below = lines[run[-1] + 1] if run[-1] + 1 < len(lines) else ""
        titled = all(_titled(lines[k]) for k in run)
        if is_comment and (
            (len(run) >= 2 and not titled) or _ASSIGNMENT.match(below)
            or (not titled and _SPACED_SETTING.fullmatch(below))
        ):
            for k in run:
                lines[k] = _without_marker(lines[k])
    return "\n".join(lines)


# A setting assigned its value ("LOG_MAXIMUM_ENTRIES=500", "port = 8080"): a "#" line right above
# it documents it, however short (uptimed's "# Maximum number of entries in logfile. Set to 0
# for unlimited."); a Markdown heading has no assignment under it.
_ASSIGNMENT = re.compile(r"[ \t]*[A-Za-z_][\w.-]*[ \t]*=[ \t]*\S")
# A setting and its one value apart by a space, as motion.conf or sshd_config set them
# ("threshold 1500", "webcontrol_localhost on"): a one-line comment above it that is no
# Markdown heading's title ("# Restrict webcontrol connections to the localhost.") documents it.
_SPACED_SETTING = re.compile(r"[ \t]*[A-Za-z_][\w.-]*[ \t]+[^\s=#][^\s#]*[ \t]*")


# A setting's default left commented out, written as a sample configuration writes it, with no
# space after the marker as prose never is: "#SoundDriver = JACK:ALSA:OSS", "#CA="letsencrypt"",
# mcabber's "#set pgp_passphrase_retries = 2", "#webagg.port: 8988", "#HTTPProxy =", php.ini's
# ";user_ini.filename = ".user.ini"".
_COMMENTED_OUT = re.compile(r"[ \t]*(?:#+|;+)[A-Za-z_][\w.-]*(?:[ \t]+[A-Za-z_][\w.-]*)?[ \t]*(?:=|:[ \t]+\S)")


def _commented_out(original: str, line_start: int) -> bool:
    """The line at line_start is a setting left commented out (_COMMENTED_OUT): the setting its
    comment documents, not a line of that comment."""
    return _COMMENTED_OUT.match(original, line_start) is not None


def _without_marker(line: str) -> str:
    """The line with its leading "#" marker made spaces (offsets stay the text's)."""
    return _COMMENT.sub(lambda m: m.group(1) + " " * len(m.group(2)), line, count=1)


def _titled(line: str) -> bool:
    """A Markdown heading's shape: "#" and a space, a few words, no closing punctuation."""
    return _HEADING.match(line) is not None and len(line.split()) <= 9 and not line.rstrip().endswith((".", ",", ";", ":"))


def _after_question(text: str, c: Span, original: str = "") -> Span:
    """A span read with what it is about: the question or term above it (_with_line_above), or
    else the option or setting whose entry it continues. A comment continues no entry above
    it: it documents the setting below."""
    read = _with_line_above(text, c, original)
    if read is not c or c.model_text.endswith("?"):
        return read
    if c.block is not None and c.block[0] < c.start:
        # A later sentence of an option's or a setting's entry is about that name too
        # ("pasv_max_port" above "The maximum port … Can be used to specify a narrow port
        # range."), and so is one of a list item that opens with the name ("- allowGit Whether
        # … Possible values are all, none, or root."): read with it, and the name is its key.
        entry = _entry_name(text, c.block[0])
        name = entry or (_leading_name(text, c.block[0]) if c.kind == "item" else "")
        tag = "" if name else _option_tag(text, c.block[0])
        if tag:
            # A man page sets an option's text beside it ("-d     Sets the program into
            # desperate mode. It will then offer you to decode incomplete files."): a later
            # sentence is the option's too, and is quoted from the option on when that is short,
            # since "It will then offer you …" does not say which option does.
            near = len(text[c.block[0] : c.end].split()) <= TAG_REACH_WORDS
            return replace(
                c, start=c.block[0] if near else c.start, key=c.key or tag,
                model_text=model_view(tag) + " " + c.model_text,
            )
        if name:
            # Its paragraph is quoted with the entry's name, as the first sentence's is
            # (_with_line_above): "Keeps picking a random file" does not say which option.
            block = (_line_start(text, c.block[0]), c.block[1]) if entry else c.block
            return replace(c, model_text=model_view(name) + " " + c.model_text, key=c.key or name, block=block)
    if c.kind == "sentence" and c.block is not None and c.block[0] < c.start:
        # A later sentence of a paragraph whose first names a setting ("Use GOJQ_COLORS
        # environment variable to configure individual colors. … The default configuration is
        # 90:33:33:36:32:34;1."): "the default" there is that setting's.
        name = _subject(text[c.block[0] : c.start])
        if name:
            return replace(c, model_text=model_view(name) + " " + c.model_text)
    if c.kind == "field" or (c.kind == "item" and FIELD.match(text[c.start : c.end])):
        # A field of a section that names one setting ("## cognitive-complexity-threshold",
        # its description, "Default Value: 25"), or of an entry set as a PDF sets it (the name
        # alone, its description, "• Default value: 800"): "Default Value" alone does not say
        # whose.
        name, about = _section_name(text, c.start)
        if not name:
            name, about = _entry_head(text, c.start)
        if name:
            return replace(c, model_text=model_view(f"{name} {about}") + " " + c.model_text)
    if c.start and not (original and _commented(original, text, text.rfind("\n", 0, c.start) + 1)) and (
        AFTER_BLANK.search(text, max(0, c.start - 200), c.start)
        or _NEW_INDENTED_LINE.search(text, max(0, c.start - 200), c.start)
    ):
        # A later paragraph of an indented entry ("Default: 21" below "listen_port"'s text, a
        # blank line between, or msmtp's "If the mail server rejects …" on the line after
        # set_from_header's first paragraph ends) is about the entry's name too.
        name = _entry_above(text, c.start) or _tag_above(text, c.start)
        if name:
            return replace(c, model_text=model_view(name) + " " + c.model_text, key=name)
    return c


def _with_line_above(text: str, c: Span, original: str = "") -> Span:
    """A span that opens a block reads with the line above it when that line is a question
    (FAQ: "A: Yes." means nothing alone) or a term (man page option, definition list, heading:
    "-k --keep" above "Keep input files."). Not a configuration file's section line, nor a
    comment (in `original`, the text before _uncommented) below a line that is none: a comment
    documents the setting below it, never the one above."""
    if _CONFIG_SECTION.fullmatch(text[c.start : c.end]) or (original and _comment_under_text(original, text, c.start)):
        return c
    before = text[: c.start]
    if c.start and not before.rstrip(" \t").endswith("\n"):
        # A later sentence of an answer line still answers the question above that line, as
        # one of a labelled answer ("A2: This means … The installation …") does its label's.
        line_start = before.rfind("\n") + 1
        above = before[:line_start].rstrip()
        question = _question_ending(above)
        if not question.endswith("?"):
            question = _labelled_question(above, text[line_start : c.end])
        if line_start and question and len(question) <= 300:
            return replace(c, model_text=model_view(question) + " " + c.model_text)
        return c
    before = before.rstrip()
    labelled = _labelled_question(before, text[c.start : c.end])
    if not labelled and _is_table_row(text[c.start : c.end]):
        # A DocBook FAQ sets its questions and answers as rows ("| Q: | How can I …? |" above
        # "| A: | -mc 0.1 can help. |"): the rows read as lines of their cells.
        row = _rows_as_lines(text[c.start : c.end])
        if _ANSWER_LABEL.match(row):
            labelled = _labelled_question(_rows_as_lines(before), row)
    if labelled:
        return replace(c, model_text=model_view(labelled) + " " + c.model_text)
    prev = _HEADING.sub("", before[before.rfind("\n") + 1 :]).strip()
    code = _code_line_above(before)
    # (A line ending in ":" introduces the block below it, not the one above: "or, to run it
    # from a different directory:" between two commands.)
    if code and not c.model_text.endswith("?") and not text[c.start : c.end].rstrip().endswith(":"):
        # A walk through a configuration file sets each setting in a code block of its own
        # above what it does ("MAX_FDS=1024", then "This allows the operator to control the
        # number of open file descriptors …"): the text is the setting's, which is its key.
        return replace(c, model_text=model_view(code) + " " + c.model_text, key=c.key or code)
    if not prev or _NOISE.match(prev) or len(prev) > 300 or c.model_text.endswith("?"):
        return c
    boxed = "" if _is_table_row(text[c.start : c.end]) else _boxed_name(before, fields=True)
    if boxed:
        # A name in a box of its own above its text, as API references set each entry
        # ("| #define MDB_MAP_FULL (-30792) |" above "Environment mapsize reached"): the text is
        # the name's, and quoted with it, since the text alone does not say which name. (A
        # row that goes on with the entry's fields stays a candidate of its own as well.)
        start = before.rfind("\n") + 1
        block = (start, c.block[1]) if c.block is not None else c.block
        return replace(c, start=start, model_text=model_view(boxed) + " " + c.model_text, block=block)
    # An option's own entry ("-m, --max-cores Set max cores …") is no text of the option above
    # it: a PDF sets each entry on one line, and an entry without a full stop looks like a term.
    # Nor is a list item's ("• Default value: 15" above the next entry's name).
    # Nor is the row above in a list of numbered rows ("16 Unimplemented function error" above
    # "17 Configuration error": two exit codes, not a term and its text).
    # Nor is the setting above another ("frame_color = …" above "timeout = 0": two settings of
    # one section, not a term and its text).
    # Nor is the row above in a two-column listing (_listing_row): two commands of a help text.
    siblings = (
        (_NUMBERED_ROW.match(prev) is not None and _NUMBERED_ROW.match(text, c.start) is not None)
        or (FIELD.match(prev) is not None and FIELD.match(text[c.start : c.end]) is not None)
        or _listed_below(text, c.start)
    )
    # Nor is the entry above's last field ("Default: 1800" above "lock_refresh That many
    # seconds …": the default is lock_timeout's).
    term = (
        _term_shaped(prev) and _OPTION.match(text[c.start : c.end]) is None and not _BULLET.match(prev)
        and not siblings and not _DEFAULT_FIELD.match(prev)
    )
    if prev.endswith("?") or term:
        if prev.endswith("?"):
            prev = _question_ending(before, prev)
        start = c.start
        above, line_above = _last_lines(before)
        heading = _HEADING.match(above)
        if term and _names_entry(prev, above, line_above, text, c.start, tags=True) and not heading:
            # An option or a setting is quoted with its text: "Keep input files." does not say
            # which option, "This should be an integer …" not which variable.
            # (A title or other term above is read, not quoted: it is a candidate of its own.)
            start = _line_start(text, c.start)
        elif term and heading and _names_by_heading(prev):
            # A reference that heads each entry with its name ("### CSRF_COOKIE_SECURE" above
            # "Set this to True to …", as Sphinx pages come out of HTML): the name is quoted,
            # without its heading marker.
            start = before.rfind("\n") + 1 + heading.end()
        # A quote that now opens at the name takes the name into its paragraph too, so the
        # whole paragraph can still be quoted with it (rag.answering.extractive.whole_block).
        block = (start, c.block[1]) if c.block is not None and start < c.start else c.block
        return replace(c, start=start, model_text=model_view(prev) + " " + c.model_text, block=block)
    return c


def _code_line_above(before: str) -> str:
    """The one line of a fenced code block that `before` (right-stripped) ends with, or ""."""
    lines = before.rsplit("\n", 3)  # the last three lines are all it reads
    if len(lines) < 3 or not FENCE_LINE.match(lines[-1]) or not FENCE_LINE.match(lines[-3]):
        return ""
    code = lines[-2].strip()
    return code if code and len(code) <= _CODE_TERM_CHARS and not FENCE_LINE.match(lines[-2]) else ""


_CODE_TERM_CHARS = 80  # a setting's line, not a command's or a program's


# A FAQ's labels: "Q2: I get the message …" over "A2: This means …", a question that need not
# end with "?" and its answer.
_QUESTION_LABEL = re.compile(r"Q(\d*)[ \t]*[:.)][ \t]+\S")
_ANSWER_LABEL = re.compile(r"A(\d*)[ \t]*[:.)][ \t]+\S")
# How many lines a labelled question may run to above its answer.
_LABELLED_LINES = 6


def _labelled_question(before: str, answer: str) -> str:
    """The question labelled "Q:" ("Q2:") in the lines ending `before` (right-stripped) when
    `answer` opens with the answer's label ("A:", "A2:", the same number), with its wrapped
    lines; or "". An answer labelled by number answers no other number's question."""
    label = _ANSWER_LABEL.match(answer)
    if label is None:
        return ""
    lines = [line.strip() for line in before.split("\n")[-_LABELLED_LINES:]]
    for i in range(len(lines) - 1, -1, -1):
        asked = _QUESTION_LABEL.match(lines[i])
        if asked is None:
            if _ANSWER_LABEL.match(lines[i]):
                return ""  # another answer stands between
            continue
        question = " ".join(line for line in lines[i:] if line)
        return question if asked.group(1) == label.group(1) and len(question) <= 300 else ""
    return ""


def _rows_as_lines(text: str) -> str:
    """The text's last _LABELLED_LINES lines, its table rows as lines of their cells."""
    lines = text.rsplit("\n", _LABELLED_LINES)[-_LABELLED_LINES:]
    return "\n".join(" ".join(c for c in _cells(line) if c) if _is_table_row(line) else line for line in lines)


def _question_ending(before: str, last: str = "") -> str:
    """The question that ends `before` (right-stripped) with its wrapped lines: a plain-text
    FAQ breaks a long question over lines ("Q: Vifm expands macros in a wrong way … How to" /
    "fix it?"), and its last line alone does not say what is asked. A line that opens in lower
    case goes on from the line above, unless that one is blank or ends a sentence, up to 300
    characters; `last` is the last line as the caller reads it (without a heading's marks)."""
    lines = before.split("\n")
    question = last or lines[-1].strip()
    for line in reversed(lines[:-1]):
        line = line.strip()
        if not question[:1].islower() or not line or line.endswith((".", "!", "?", ":")):
            break
        if _NOISE.match(line) or len(line) + len(question) >= 300:
            break
        question = f"{line} {question}"
    return question


# A row that opens with a number and a word: an exit status, an error code, a level.
_NUMBERED_ROW = re.compile(r"\d+\s+[A-Za-z]")
# An entry's default on a line of its own: "Default: 1800", "default: None", "Default value = 5".
_DEFAULT_FIELD = re.compile(r"defaults?(?:\s+value)?\s*[:=]", re.IGNORECASE)


def _line_start(text: str, start: int) -> int:
    """Where the text of the line above a paragraph starting at `start` begins (after its
    indentation)."""
    before = text[:start].rstrip()
    above, _ = _last_lines(before)
    return before.rfind("\n") + 1 + len(above) - len(above.lstrip())


def _last_lines(before: str) -> tuple[str, str]:
    """The last line of `before` (the text up to a paragraph, right-stripped) and the line
    above it ("" when there is none)."""
    cut = before.rfind("\n")
    return before[cut + 1 :], before[: max(cut, 0)].rsplit("\n", 1)[-1]


def _boxed_name(before: str, *, fields: bool = False) -> str:
    """The cell of a table of one row and one cell ending `before` (the text up to a paragraph,
    right-stripped), when it is a term, not a sentence; else "". With `fields`, the row may go on
    with more cells after the name, as a reference sets an entry's head ("| never_mail | Use:
    autoreply | Type: address list | Default: unset |" above what never_mail does)."""
    row, above = _last_lines(before)
    if not _is_table_row(row) or (above.strip() and not _NOISE.match(above)):
        return ""
    cells = [cell for cell in _cells(row) if cell]
    alone = len(cells) == 1 or (fields and len(cells) > 1 and len(cells[0].split()) <= 3)
    return cells[0] if alone and _term_shaped(cells[0]) else ""


# A name opening a list item, and the text about it: "allowGit Whether or not …", "`retries`
# How many …", "--color: Use colours." (camelCase, snake_case, an option, or code), or a
# lower-case name of joined words set off by a dash ("max-reclaim-time - this parameter …").
_LEADING_NAME = re.compile(
    rf"`?([a-z]+[A-Z][A-Za-z0-9]*|{_SNAKE_CASE}|--?[\w][\w-]*|(?<=`)[^`\s]+)`?:?\s+[A-Z]"
    r"|([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\s+[-–—]\s+\w"
)


# An option set beside its text, as a man page rendered to text sets it: "-d     Sets …",
# "-o file   Write …", "--color=WHEN  Colour …" (its argument, then two spaces or more).
_OPTION_TAG = re.compile(r"([-+][\w][\w-]*(?:,? [-+][\w][\w-]*)?(?:[ =][^\s]+)?)(?: {2,}|\t)(?=\S)")
# How many words a later sentence of an option's text may end after the option for the quote to
# open at the option.
TAG_REACH_WORDS = 45


def _option_tag(text: str, start: int) -> str:
    m = _OPTION_TAG.match(text, start)
    return m.group(1) if m else ""


def _leading_name(text: str, start: int) -> str:
    m = _LEADING_NAME.match(text, start)
    return (m.group(1) or m.group(2)) if m else ""


# A setting's or variable's name as prose writes it: snake_case or capitals joined by "_"
# ("GOJQ_COLORS", "max_connections"), or a long option ("--memlimit-compress").
_PROSE_NAME = re.compile(rf"(?<![\w-])(?:{_SNAKE_CASE}|--[A-Za-z][\w-]+)")


def _subject(opening: str) -> str:
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
    opens = max((m.end() for m in _BLANK_LINE.finditer(text, 0, start)), default=0)
    line = text[opens : text.find("\n", opens) if "\n" in text[opens:start] else start]
    return _field_key(line) if FIELD.match(line) else ""


def _field_key(line: str) -> str:
    """The name a field line (FIELD) gives before its ":" or "=": "smtp_host" of
    "smtp_host: The SMTP host …", "linger_ms (int)" of "linger_ms (int): The producer …"."""
    return re.split(r"[:=]", line.strip().removeprefix(":"), maxsplit=1)[0].strip()


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _section_name(text: str, start: int) -> tuple[str, str]:
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
    named = _SETTING.fullmatch(heading) or _OPTION.match(heading) or _NAME_WITH_PARTS.fullmatch(heading)
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


def _entry_head(text: str, start: int) -> tuple[str, str]:
    """The entry a field at `start` belongs to, with its description, as a PDF or plain text
    sets a reference's entries: a name alone in its paragraph ("window-width"), one short
    paragraph about it, then its fields, each a paragraph ("• Value type: Integer",
    "• Default value: 800"); else ("", "")."""
    line_start = text.rfind("\n", 0, start) + 1
    paragraphs = PARAGRAPH_END.split(text[max(0, line_start - ENTRY_REACH) : line_start].rstrip())
    for _ in range(ENTRY_FIELDS):
        if not paragraphs or not FIELD.match(_BULLET.sub("", paragraphs[-1], count=1)):
            break
        paragraphs.pop()
    # The name may open its description's paragraph, as a definition list comes out of HTML
    # ("user.name Your full name." above "Default: $NAME variable if set, …").
    head = _NAMED_PARAGRAPH.match(paragraphs[-1].strip()) if paragraphs else None
    if head and _describes(head.group(2)):
        return head.group(1), " ".join(head.group(2).split())
    if len(paragraphs) < 2:
        return "", ""
    name, about = paragraphs[-2].strip(), paragraphs[-1].strip()
    described = _describes(about) and not _BULLET.match(about)
    named = "\n" not in name and _term_shaped(name) and (
        _key_name(name) or _OPTION.match(name) or _NAME_WITH_PARTS.fullmatch(name) or _TAG.fullmatch(name)
    )
    return (name, " ".join(about.split())) if described and named and name.split()[0] not in STOPWORDS else ("", "")


# A paragraph opening with a lower-case name of joined words and, on its line, its description.
_NAMED_PARAGRAPH = re.compile(r"([a-z]\w*(?:[._-][\w<>]+)+)[ \t]+([A-Z].*)\Z", re.DOTALL)
# A Markdown heading's line, its title the group.
HEADING_LINE = re.compile(r"^[ \t]*#{1,6}[ \t]+(.+)$", re.MULTILINE)
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
        and _term_shaped(name)
        and (_OPTION.match(name) is not None or _SETTING.fullmatch(name) is not None)
    )


# A letter of any script; a line without one longer than a code is a number or a rule.
_LETTER = re.compile(r"[^\W\d_]")
_CODE_CHARS = 12


def _term_shaped(line: str) -> bool:
    """Short, and not ending as a sentence, a clause or a table row does: a term ("-k --keep",
    "listen_port", "MaxRtrAdvInterval seconds"), a title, or a question; no sentence ends inside
    it ("Reported by Ann Lee. [CVE-2022-2509]" ends a paragraph). Digits alone make a code
    ("404", "0x1F", options "-1, -2, ..., -9") and no longer: wcalc's table of constants prints
    pi's digits on lines of their own above "g Acceleration due to gravity: 9.80665 m/s/s"."""
    if len(line) > _CODE_CHARS and not _LETTER.search(line) and not _OPTION_NAME.match(line):
        return False
    return len(line.split()) <= 6 and not line.endswith((".", ",", ";", ":", "|")) and ". " not in line


def _entry_name(text: str, start: int) -> str:
    """The option or setting named on the line right above a paragraph that starts at `start`
    ("-k --keep", "pasv_max_port", "FAKEROOTKEY" alone above its text), or ""."""
    before = text[:start].rstrip()
    if not before:
        return ""
    above, line_above = _last_lines(before)
    name = above.strip()
    # A rule ("-----" under a setext title) is no option, though it opens with a dash.
    if not name or _HEADING.match(above) or _NOISE.match(above) or not _term_shaped(name) or name.endswith("?"):
        return ""
    return name if _names_entry(name, above, line_above, text, start, tags=True) else ""


def _names_entry(name: str, above: str, line_above: str, text: str, start: int, *, tags: bool = False) -> bool:
    """`name`, the line `above` the text at `start`, names an entry: an option, or a setting's
    or variable's name or a code (with `tags`, a PDF man page's lower-case tag too) alone in its
    paragraph (`line_above` blank: not the last of a list of names) and not a man-page title."""
    tag = tags and _TAG.fullmatch(name) is not None and name.split()[0] not in STOPWORDS
    setting = (_key_name(name) or tag) and not line_above.strip() and not _man_section(above, text, start)
    return _OPTION.match(name) is not None or _KEY_BINDING.fullmatch(name) is not None or setting


# A blank line right before a position (what lies between is white space).
AFTER_BLANK = re.compile(r"\n[ \t]*\n[ \t]*\Z")
# An indented line that opens after a line ending a sentence.
_NEW_INDENTED_LINE = re.compile(r"[.!?]\n[ \t]+\Z")


def _entry_above(text: str, start: int, lines: int = 40) -> str:
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
            name = line.strip()
            field = FIELD.match(line) is not None  # "pwcheck_method: (default: auxprop)"
            named = _term_shaped(name) and not name.endswith("?")
            return name if named and not field and not name.isupper() and not _HEADING.match(line) else ""
        pos = prev
    return ""


# An option's name, not a rule ("---") or a cut line ("---- Cut here ----").
_OPTION_NAME = re.compile(r"(?:--?|\+|−)[A-Za-z0-9?]")
# How many paragraphs above a later paragraph of an option's entry its tag may stand.
TAG_PARAGRAPHS = 3


def _tag_above(text: str, start: int) -> str:
    """The option whose entry a paragraph set flush left at `start` goes on, as a PDF sets a man
    page: the tag on a line of its own ("-d, --device [<prefix>:]<device name>"), a blank line,
    its text, a blank line, "Default is /dev/video0.", the default of that option and of no
    other. The nearest paragraph above that is a short line alone ends the walk: the tag, or
    else a title ("Capture Options"), and then "". No paragraph between may open with an option
    (another entry's), nor may the paragraph at `start`, which is no title either ("AUTHOR"
    below the last option's text)."""
    own = PARAGRAPH_END.search(text, start)
    own_text = text[start : own.start() if own else len(text)].strip()
    if text[text.rfind("\n", 0, start) + 1 : start].strip() or _OPTION.match(own_text) or _term_shaped(own_text):
        return ""
    gaps = list(PARAGRAPH_END.finditer(text, 0, start))
    if not gaps or gaps[-1].end() != start:
        return ""
    # The paragraphs above, nearest first: each lies between two gaps (the first from the text's start).
    for i in range(len(gaps) - 1, max(len(gaps) - 1 - TAG_PARAGRAPHS, -1), -1):
        opening = gaps[i - 1].end() if i else 0
        paragraph = text[opening : gaps[i].start()].strip()
        if "\n" not in paragraph and _term_shaped(paragraph):
            return paragraph if _OPTION_NAME.match(paragraph) else ""
        if _OPTION.match(paragraph):
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
# A code alone above its meaning, as an exit status or a level is listed ("4" above "Failed as a
# file or directory was not found."): the meaning alone does not say which code.
_CODE = re.compile(r"[-+]?(?:\d{1,5}|0x[0-9A-Fa-f]{1,8})")


def _names_by_heading(title: str) -> bool:
    """A heading's title that is an entry's name, not a section's: a snake_case setting, an
    option, a key binding or a function's signature ("CSRF_COOKIE_SECURE", "--max-depth",
    "Ctrl+Shift+t", "createError.isHttpError(val)"), where a word in capitals ("NOTES") or a
    lower-case word ("installation") titles a section."""
    return (
        re.fullmatch(_SNAKE_CASE, title) is not None
        or _OPTION.match(title) is not None
        or _KEY_BINDING.fullmatch(title) is not None
        or _SIGNATURE.fullmatch(title.strip("`")) is not None
    )


# A function's or method's signature as an API reference heads its entry: "isHttpError(val)",
# "new createError([status], [error])", with what it returns ("queue.drained() => Promise",
# "hasMagic(pattern: string) => boolean"); the name runs straight into its parenthesis, where a
# section's title has a space before one ("Usage (advanced)").
_SIGNATURE = re.compile(
    r"(?:new\s+)?[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*\([^()]*\)(?:\s*(?:=>|->|:)\s*\S.*)?"
)


def _key_name(text: str) -> bool:
    """A setting's or variable's name, or a code, standing alone for the text it names."""
    return _SETTING.fullmatch(text) is not None or _CODE.fullmatch(text) is not None


# The section titles man-pages(7) prescribes, as one word: in a PDF they stand alone above
# their text exactly as a variable's name does in an ENVIRONMENT section.
_MAN_SECTIONS = frozenset({
    "NAME", "SYNOPSIS", "CONFIGURATION", "DESCRIPTION", "OPTIONS", "ERRORS", "ENVIRONMENT",
    "FILES", "VERSIONS", "ATTRIBUTES", "STANDARDS", "HISTORY", "NOTES", "CAVEATS", "BUGS",
    "EXAMPLE", "EXAMPLES", "AUTHOR", "AUTHORS", "COPYRIGHT", "DIAGNOSTICS",
})


def _man_section(line: str, text: str, start: int) -> bool:
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
    if at > 0 and _title_line(_last_lines(text[:at].rstrip())[0].strip()):
        # A section's first entry, right under its title ("SIGNALS", "SIGHUP", "Forces a
        # rescan …"): a title in capitals heads text, not another title.
        return False
    word = re.escape(name)
    used = re.search(rf"[^\s][^\S\n]*\b{word}\b|\b{word}\b[^\S\n]*[^\s]", text) is not None
    return (not line[:1].isspace() and indented_below) or not used


def _title_line(line: str) -> bool:
    """A section title in capitals: "SIGNALS", "ENVIRONMENT VARIABLES"."""
    return bool(line) and line.isupper() and len(line.split()) <= 3 and line[-1:].isalpha()


def _with_fields_above(text: str, c: Span) -> Span:
    """A description right below its entry's fields, under the entry's heading ("##### threshold",
    "Type: Number or String" / "Default: 1kb", then "The byte threshold for the response body
    size …"), is one entry with them: its paragraph is quoted with the fields
    (extractive.whole_block), as a reader reads them; the description alone does not give the
    default it is asked for, and the fields alone do not say what they are of."""
    if c.kind != "sentence":
        return c
    block = c.block or (c.start, c.end)  # a paragraph of one sentence has no block of its own
    above = text[: block[0]]
    if not AFTER_BLANK.search(above):
        return c
    fields_end = len(above.rstrip())
    cut = above.rfind("\n\n", 0, fields_end)
    fields_start = cut + 2 if cut >= 0 else 0
    fields = text[fields_start:fields_end].split("\n")
    heading = text[:fields_start].rstrip().rsplit("\n", 1)[-1]
    # Two or more: one line with a colon is as often a sentence ("We ship it: see below.").
    if not 2 <= len(fields) <= MAX_FIELDS or not all(FIELD.match(f) for f in fields) or not _HEADING.match(heading):
        return c
    return replace(c, block=(fields_start, block[1]))


MAX_FIELDS = 4  # an entry's fields above its description: type, default, since, …


def _with_block(text: str, c: Span) -> Span:
    """A span ending in ":" introduces what follows ("Create the database:" above
    "$ createdb mydb"): it is quoted with that block, a code block or the next few lines, since
    alone it answers nothing. So does a sentence broken off at a comma ("Addresses are specified
    in the following syntax," above "protocol/host:port"), and one left without an end above a
    code block (_code_below)."""
    quoted = text[c.start : c.end]
    rest = text[c.end :]
    gap = len(rest) - len(rest.lstrip())
    start = c.end + gap
    fence = re.match(r"(```|~~~)[^\n]*\n", text[start:])
    if fence and _in_code_block(text, start):
        # The fence below closes the block the span is a line of: it introduces nothing.
        return _with_announced_list(text, c)
    # A Markdown label in bold ("**Scanning non-git tracked files:**" above its command)
    # announces what follows as a plain one does.
    bold = _BOLD_LABEL.search(quoted)
    label = bold is not None and bold.group(1) in quoted[: bold.start()]
    announces = quoted.endswith(":") or label or (c.kind == "sentence" and quoted.endswith(","))
    # (A sentence of a few words is a title: "PORTABILITY" above a man page's indented text.)
    unended = c.kind == "sentence" and quoted[-1:].isalpha() and len(quoted.split()) > 3
    if not announces and not (unended and _code_below(text, c.end, start, fence is not None)):
        return _with_announced_list(text, c)
    end = introduced_end(text, c.end)
    if end is None or end - c.start > MAX_CHARS:
        return c
    s, e = _trim(text, c.start, end)
    block = "\n".join(ln for ln in text[s:e].split("\n") if not _NOISE.match(ln))
    return replace(c, start=s, end=e, model_text=c.model_text + " " + model_view(block[c.end - s :]))


# A label's closing emphasis after its colon ("**Note:**"); the same marker must open it.
_BOLD_LABEL = re.compile(r":(\*\*|__|\*|_)\Z")


def _in_code_block(text: str, pos: int) -> bool:
    """A fenced code block is open at `pos` (a line's start): a fence there closes it."""
    block = ""
    for line in text[:pos].split("\n")[:-1]:
        block = code_block_after(line, block)
    return bool(block) and block != PRE


def introduced_end(text: str, end: int) -> int | None:
    """Where what a text ending at `end` introduces ends ("Create the database:" above
    "$ createdb mydb"): a fenced code block, or the next few lines (_block_end), when it opens
    at most two blank lines below; None when nothing follows."""
    rest = text[end:]
    gap = len(rest) - len(rest.lstrip())
    start = end + gap
    if rest[:gap].count("\n") > 2 or gap == len(rest):
        return None
    fence = re.match(r"(```|~~~)[^\n]*\n", text[start:])
    if fence:
        close = text.find(fence.group(1), start + fence.end())
        return len(text) if close < 0 else close + len(fence.group(1))
    stop = _block_end(text, start)
    return stop if stop > start else None


def _code_below(text: str, end: int, start: int, fenced: bool) -> bool:
    """A code block opens on the line after a sentence that ends without punctuation, as a
    README writes "If you use a git version, run" above "```" / "./config/bootstrap": the
    command is the rest of the sentence. An indented block counts when it is set deeper than
    the sentence's own line (a man page as text indents all its prose)."""
    if not 1 <= text.count("\n", end, start) <= 2:
        return False
    if fenced:
        return True
    line = text[text.rfind("\n", 0, end) + 1 : end].expandtabs(4)
    below = text[text.rfind("\n", 0, start) + 1 : start].expandtabs(4)
    return len(below) >= len(line) - len(line.lstrip()) + 4


def _block_end(text: str, start: int) -> int:
    """The end of what a line ending in ":" introduces: the next lines up to a blank line, at
    most a few (a command, a short list), or a list's items up to MAX_CHARS when blank lines
    set them apart, as a man page prints them ("Allowed values are:" above "•   Critical")."""
    lines = text[start:].split("\n")
    listed = _BULLET.match(lines[0]) is not None
    end = pos = start
    taken = 0
    for n, line in enumerate(lines):
        if not line.strip():
            following = next((ln for ln in lines[n + 1 :] if ln.strip()), "")
            if not (listed and _BULLET.match(following)):
                break
        elif (
            (taken >= 4 and not listed) or (n and _HEADING.match(line)) or pos + len(line) - start > MAX_CHARS
        ):
            break
        else:
            taken += 1
            end = pos + len(line)
        pos += len(line) + 1
    return end


def _with_announced_list(text: str, c: Span) -> Span:
    """A sentence that announces a list ("The following three types of HTTP Authentication are
    supported.") is quoted with the rest of its paragraph and the list right below it: the list
    is what it says, and the items alone do not say what they are."""
    if c.kind != "sentence" or not _ANNOUNCES.search(text, c.start, c.end):
        return c
    gap = PARAGRAPH_END.search(text, c.end)
    if gap is None or gap.start() - c.end > PIECE_CHARS or not _BULLET.match(text[gap.end() : gap.end() + 20]):
        return c
    end = pos = gap.end()
    for line in text[pos:].split("\n"):
        if not line.strip() or not (_BULLET.match(line) or line[:1].isspace()):
            break
        end = pos + len(line)
        pos = end + 1
    if end - c.start > MAX_CHARS:
        return c
    s, e = _trim(text, c.start, end)
    return replace(c, start=s, end=e, model_text=c.model_text + " " + model_view(text[c.end : e]), block=None)


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


# A line that opens an option's entry in a program's help: the option (with its other spelling
# and its argument), then two or more spaces and its text, or nothing ("  -d, --(no-)dry      dry
# run (no changes are made to files)" over "(default: false)"; argparse's "  --timeout TIMEOUT").
_OPTION_ENTRY = re.compile(
    r"[ \t]*[-−]{1,2}[A-Za-z0-9?(][^\s,]*(?:,? [-−]{1,2}[^\s,]+)?(?:[ =][^\s-][^\s]*)?(?<![.,;:!?])(?:[ \t]{2,}\S|[ \t]*$)"
)
# A line of a two-column listing: its indent, a term of at most four words, two or more spaces,
# its text.
_LISTED = re.compile(r"([ \t]*)(\S+(?: \S+){0,3}?)[ \t]{2,}(?=\S)")


def _listed_columns(line: str) -> tuple[int, int] | None:
    """Where a listing row (_LISTED) sets its term and its text: its indent and its text's
    column; None for a line of another shape."""
    m = _LISTED.match(line)
    return None if m is None else (len(m.group(1)), m.end())


def _listing_row(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Line i is a row of a two-column listing, one line long: a neighbouring line sets a term
    and its text apart the same way, at the same indent, its text at the same column, and
    neither goes on in a line below (a man page's entry wraps its text: that reads as prose)."""

    def row(k: int) -> tuple[int, int] | None:
        if not 0 <= k < len(lines):
            return None
        line = text[lines[k][0] : lines[k][1]]
        columns = _listed_columns(line)
        if columns is None or _is_table_row(line) or _BULLET.match(line):
            return None
        below = text[lines[k + 1][0] : lines[k + 1][1]] if k + 1 < len(lines) else ""
        if below.strip() and len(below) - len(below.lstrip()) > columns[0] and _LISTED.match(below) is None:
            return None  # its text goes on below
        return columns

    this = row(i)
    return this is not None and this in (row(i - 1), row(i + 1))


def _listed_below(text: str, start: int) -> bool:
    """The line at `start` and the line right above it are rows of one two-column listing
    (_LISTED): the same indent, their texts at the same column."""
    line_start = text.rfind("\n", 0, start) + 1
    if not line_start:
        return False
    this = _listed_columns(_line_at(text, line_start)[0])
    return this is not None and this == _listed_columns(text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1])


def _stands_alone(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """True when the next line does not continue this one as wrapped prose."""
    if text[lines[i][0] : lines[i][1]].rstrip().endswith((",", ";")):
        return False
    if i + 1 >= len(lines):
        return True
    nxt = text[lines[i + 1][0] : lines[i + 1][1]]
    return (
        not nxt.strip()
        or _is_table_row(nxt)
        or _BULLET.match(nxt) is not None
        or _HEADING.match(nxt) is not None
        or FIELD.match(nxt) is not None
        or nxt[:1].isupper() and text[lines[i][0] : lines[i][1]].rstrip()[-1:] not in "-"
        and not text[lines[i][0] : lines[i][1]].rstrip()[-1:].isalpha()
    )


def _hanging(text: str, lines: list[tuple[int, int]], i: int, original: str = "") -> int:
    """The last line of line i's hanging indent: the lines below indented deeper than it, up to
    a blank line, a list item, a table row, or (in `original`, the text before _uncommented) a
    comment below a setting or a setting below a comment (i itself when there are none)."""
    line = text[lines[i][0] : lines[i][1]]
    indent = len(line) - len(line.lstrip())
    commented = bool(original) and _commented(original, text, lines[i][0])
    j = i
    while j + 1 < len(lines):
        below = text[lines[j + 1][0] : lines[j + 1][1]]
        if not below.strip() or len(below) - len(below.lstrip()) <= indent:
            break
        if _BULLET.match(below) or _is_table_row(below):
            break
        if original and _commented(original, text, lines[j + 1][0]) != commented:
            # "timeout = 0" above "# Icon for notifications …": its marker made the comment
            # look indented deeper, yet it documents the next setting, not this one's value.
            break
        j += 1
    return j


def _runs_on(text: str, lines: list[tuple[int, int]], i: int, width: int) -> int:
    """The last line of a field's value wrapped at the field's own indent ("use-ipv4= Takes a
    boolean value ... If set to "no" avahi-" / "daemon will not use IPv4 sockets."): while a
    line fills the wrap width, the lines below that carry its text on, up to a blank line,
    another field or a block of their own (i itself when there are none). A short line ends
    its value: "x = 1" above "print(x)" is code, two statements; one ending in a word no
    statement ends with does not ("Default: $NAME variable if set, otherwise read from" /
    "/etc/passwd."), nor one ending in a comma (an HTML page's source breaks "… for email alerts
    as well," / "unless overwritten in the rule config.")."""
    first = text[lines[i][0] : lines[i][1]]
    indent = len(first) - len(first.lstrip())
    j, line = i, first
    while j + 1 < len(lines):
        below = text[lines[j + 1][0] : lines[j + 1][1]]
        if (
            not below.strip()
            or (len(line.rstrip()) < 0.75 * width and not _ends_open(line) and not line.rstrip().endswith(","))
            or len(below) - len(below.lstrip()) != indent
            or FIELD.match(below)
            or _BULLET.match(below)
            or not _lazy_continuation(line, below)
        ):
            break
        j, line = j + 1, below
    return j


def _lazy_continuation(line: str, below: str) -> bool:
    """The unindented line below carries on this line's text ("the output" / "is a pipe.",
    "allocate exactly" / "65536 UIDs"): unless it is a block of its own (a fence, a rule, a
    table row, a heading) or this line ends a sentence and the one below opens another."""
    if _NOISE.match(below) or _is_table_row(below) or _HEADING.match(below):
        return False
    return not (line.rstrip().endswith((".", "!", "?", ":")) and below.lstrip()[:1].isupper())


def _is_table_row(line: str) -> bool:
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
    return pipes >= 2 or _TABLE_RULE.match(line) is not None


def _cells(line: str) -> list[str]:
    """A row's cells in column order; an empty cell keeps its place, so the cells after it
    stay under their own column names."""
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [" ".join(c.split()) for c in inner.split("|")]


def _names_columns(cells: list[str]) -> bool:
    """A first row with no rule under it (Word's and HTML's tables have none) names the columns
    when its cells are short labels without numbers ("Item | Limit | Approval"), not values
    ("port | 8080") or text ("query | dump the inputs and outputs of a given target.")."""
    filled = [c for c in cells if c]
    return len(filled) >= 2 and all(len(c.split()) <= 3 and not _DIGIT.search(c) for c in filled)


def _key(cells: list[str]) -> str:
    """What a row is about: its first non-empty cell."""
    return next((c for c in cells if c), "")


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _span(text: str, s: int, e: int, kind: str, model_text: str | None = None, key: str = "") -> Span:
    s, e = _trim(text, s, e)
    return Span(s, e, kind, model_view(model_text if model_text is not None else text[s:e]), key)


def _pieces(text: str, c: Span) -> list[Span]:
    """c, or when it is longer than MAX_CHARS its consecutive pieces: whole lines up to
    PIECE_CHARS, a longer line cut at a space. Cutting it short instead would leave the rest of
    its text where no answer can quote it."""
    if c.end - c.start <= MAX_CHARS:
        return [c]
    out: list[Span] = []
    start = c.start
    while start < c.end:
        end = min(c.end, start + PIECE_CHARS)
        if end < c.end:
            cut = text.rfind("\n", start + 1, end + 1)
            if cut <= start:
                cut = text.rfind(" ", start + 1, end + 1)
            end = cut if cut > start else end
        piece = _span(text, start, end, c.kind, key=c.key)
        if _WORD.search(text[piece.start : piece.end]):
            out.append(piece)
        start = end
    return out


def row_text(header: list[str], cells: list[str]) -> str:
    """What the model reads of a table row: each cell after its column's name ("Parameter:
    work_mem; Default: 4MB"), so a value reads as what it is; rows that do not fit the header
    keep it in front."""
    if header and len(cells) <= len(header):
        # A row may leave its last cells out ("| `ssl` | `off` |" under three columns).
        return "; ".join(f"{h}: {c}" if h else c for h, c in zip(header[: len(cells)], cells, strict=True) if c)
    row = " | ".join(c for c in cells if c)
    return f"{' | '.join(h for h in header if h)} ; {row}" if header else row


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int:
    """The width the text's prose is wrapped at: the 90th percentile of its line lengths."""
    lengths = sorted(len(text[a:b].rstrip()) for a, b in lines if text[a:b].strip())
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _unwrapped(block: str, width: int) -> str:
    """The block with its hard wraps made spaces. A line that ends in a word well short of the
    wrap width, before a capitalised line, was ended by its writer ("We ship to the EU" above
    "Shipping takes 3-5 days"): that break stays, so the lines are sentences of their own."""
    lines = block.split("\n")
    out = [lines[0]]
    for prev, nxt in zip(lines, lines[1:], strict=False):
        ended = prev.rstrip()[-1:].isalnum() and nxt.lstrip()[:1].isupper() and not _carries_on(prev, nxt)
        short = len(prev.rstrip()) < 0.75 * width
        out.append(("\n" if not prev.strip() or not nxt.strip() or (ended and short) else " ") + nxt)
    return "".join(out)


# Words no statement ends with: an article, a preposition, a conjunction, a copula.
_OPEN_ENDED = frozenset(
    "a an the and or but nor of to in on at by for with from as than into onto via per is are was were be".split()
)
# A name from code opening a line: "SandboxedEnvironment.intercepted_unops", "os.path", "Foo()".
_CODE_NAME = re.compile(r"\s*[A-Z]\w*(?:\.\w|\(|_\w)")


def _ends_open(line: str) -> bool:
    words = line.split()
    return bool(words) and words[-1] in _OPEN_ENDED


def _carries_on(prev: str, nxt: str) -> bool:
    """The line below goes on with the sentence though it opens with a capital: this line ends
    with a word that ends no statement ("… intercepted_binops and"), or that line opens with a
    name from code, as a page's source wraps around its inline code ("Override" above
    "SandboxedEnvironment.intercepted_binops and")."""
    return _ends_open(prev) or _CODE_NAME.match(nxt) is not None


def _sentences(
    text: str, s: int, e: int, kind: str = "sentence", width: int = 0, key: str = ""
) -> list[Span]:
    """Sentences of text[s:e]; single line breaks inside are hard wraps, not sentence ends
    (unless _unwrapped keeps them)."""
    block = text[s:e]
    flat = _unwrapped(block, width)
    out: list[Span] = []
    prev: tuple[int, int] | None = None
    for a, b in sentence_spans(flat, offset=s):
        if not _WORD.search(text[a:b]):
            continue
        if prev is not None and _depends(text[a:b]) and b - prev[0] <= MAX_CHARS:
            # "This can be fixed with make distclean." says nothing of what "this" is: quoted
            # and read with the sentence before it.
            out.append(_span(text, prev[0], b, kind, key=key))
        else:
            out.append(_span(text, a, b, kind, key=key))
        prev = (a, b)
    # Each stretch of running prose is a block. Lines its writer ended ("We ship to the EU"
    # above "Shipping takes 3-5 days", a NEWS entry's command names above its description) are
    # statements of their own and end one.
    at = 0
    for piece in flat.split("\n"):
        seg = _trim(text, s + at, s + at + len(piece))
        inside = [i for i, c in enumerate(out) if seg[0] <= c.start and c.end <= seg[1]]
        if len(inside) > 1:
            for i in inside:
                out[i] = replace(out[i], block=seg)
        at += len(piece) + 1
    return out


# Sentences that lean on the one before: they open with a word pointing back, or are too short
# to stand alone ("Build with --enable-systemd.").
_BACK_REFERENCE = re.compile(
    r"^(?:this|these|that|those|it|its|they|their|them|such|then|otherwise|instead|also|"
    r"he|she|his|her|both|here|there)\b",
    re.IGNORECASE,
)


def _depends(sentence: str) -> bool:
    return _BACK_REFERENCE.match(sentence) is not None or len(sentence.split()) <= 4
