"""Answer candidates from a passage: sentences, list items, table rows, "key: value" lines and
short lines, each a verbatim span of the passage.

Users' documents are not all prose: a README answers "which port?" in a table row, a changelog in
a list item, a config reference in a "key: value" line. Each candidate carries two texts: the
verbatim span (quoted and cited) and what the model reads (footnote marks stripped; a table row with
its header row in front, because "8080" means nothing without "default").

The training script (scripts/train_answerer.py) builds its candidates with these same functions,
so the model is fitted on exactly what it scores at query time.

What a line is comes from rag.answering.layout, what a span is about (the option, setting or
section it stands under) from rag.answering.subjects, and which comment documents which setting
of a configuration file from rag.answering.config_comments; this module cuts the text into spans
and reads each with what it needs around it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from rag.answering.config_comments import (
    CONFIG_SECTION,
    as_documented,
    comment_line,
    comment_under_text,
    commented_out,
    in_section,
    uncommented,
)
from rag.answering.layout import (
    AFTER_BLANK,
    BULLET,
    FIELD,
    HEADING,
    MAN_RUNNING,
    MAX_CHARS,
    NOISE,
    OPTION,
    PARAGRAPH_END,
    TABLE_RULE,
    UNDERLINE,
    WORD,
    Span,
    field_key,
    is_table_row,
    key_name,
    last_lines,
    line_above_start,
    line_at,
    make_span,
    model_view,
    names_columns,
    row_cells,
    row_key,
    term_shaped,
    trim,
)
from rag.answering.subjects import (
    NEW_INDENTED_LINE,
    TAG_REACH_WORDS,
    boxed_name,
    entry_above,
    entry_head,
    entry_name,
    leading_name,
    names_by_heading,
    names_entry,
    option_tag,
    section_name,
    subject,
    tag_above,
)
from rag.text import (
    FENCE_LINE,
    PRE,
    TAB_SIZE,
    code_block_after,
    columns,
    indent_width,
    sentence_spans,
)

# Words that announce a list below: "the following", "as follows".
_ANNOUNCES = re.compile(r"\b(?:the\s+following|as\s+follows)\b", re.IGNORECASE)
# A longer one (a changelog's unmarked list, a wrapped option table) is cut into pieces of
# whole lines up to this, about what the model reads of a candidate beside a question.
PIECE_CHARS = 300


def spans(text: str, table_header: str = "") -> list[Span]:
    """Every candidate of a text, in reading order. table_header is the header row of a table
    the text opens inside (a chunk cut through it keeps that row as Chunk.context). Comment
    markers are read as blanks (uncommented): offsets stay the text's, quotes keep them."""
    original = text
    text = uncommented(text)
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
        if not line.strip() or NOISE.match(line) or not WORD.search(line) or MAN_RUNNING.match(line):
            flush()
            if not line.strip():
                header = None
            continue
        if is_table_row(line):
            flush()
            if TABLE_RULE.match(line):
                continue
            cells = row_cells(line)
            if header is None:
                nxt = lines[i + 1] if i + 1 < len(lines) else None
                ruled = nxt is not None and TABLE_RULE.match(text[nxt[0] : nxt[1]]) is not None
                if not ruled and _only_rules(text[:s]) and table_header.strip():
                    # A passage that opens inside a table (a chunk cut through it) has lost the
                    # header: its first row is a row, read under the header the chunker kept.
                    # (One that opens with a whole table, Word's with no rule, keeps its own.)
                    lost, _, rule = table_header.strip().partition("\n")
                    named = TABLE_RULE.match(rule) is not None or names_columns(row_cells(lost))
                    header = row_cells(lost) if is_table_row(lost) and named else []
                elif not ruled and not names_columns(cells):
                    # A table without column names (an HTML table with no <th>, a definition
                    # table): its first row is a row like the others.
                    header = []
                else:
                    # The first row of a table is its header: a candidate on its own, and the
                    # context of every row below it.
                    header = cells
                    if not ruled:
                        out.append(make_span(text, s, e, "header", " | ".join(c for c in cells if c), key=row_key(cells)))
                    continue
            out.append(make_span(text, s, e, "row", row_text(header, cells), key=row_key(cells)))
            continue
        header = None
        m = BULLET.match(line)
        if m:
            flush()
            # Lines below a list item continue it (a wrapped item): indented ones, and, as
            # Markdown's lazy continuation, an unindented one that goes on with the sentence.
            j = i
            while j + 1 < len(lines):
                below = text[lines[j + 1][0] : lines[j + 1][1]]
                if not below.strip() or BULLET.match(below):
                    break
                if not below[:1].isspace() and not _lazy_continuation(text[lines[j][0] : lines[j][1]], below):
                    break
                j += 1
            skip = j
            out.extend(_sentences(text, s + m.end(), lines[j][1], kind="item", width=width))
            continue
        if HEADING.match(line):
            flush()
            h = HEADING.match(line)
            assert h is not None
            out.append(make_span(text, s + h.end(), e, "heading"))
            continue
        if CONFIG_SECTION.fullmatch(line):
            # A configuration file's "[database]" ends the comment above it (the file's own
            # header): the settings below are the section's, documented by their own comments.
            flush()
            out.append(make_span(text, s, e, "line"))
            continue
        if not prose and i + 1 < len(lines) and UNDERLINE.match(text[lines[i + 1][0] : lines[i + 1][1]]):
            flush()
            out.append(make_span(text, s, e, "heading"))
            continue
        if prose and commented_out(original, s):
            flush()  # a default left commented out ends the comment above it
        if not prose and FIELD.match(line) and len(line) < 200:
            flush()
            key = field_key(line)
            j = _hanging(text, lines, i, original)
            if j == i:
                j = _runs_on(text, lines, i, width)
            if j == i:
                out.append(make_span(text, s, e, "field", key=key))
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
            out.append(make_span(text, s + len(term.group(1)), e, "line", model_view(f"{term.group(2)} {line[term.end():]}")))
            continue
        # A short line with no final punctuation is a line of its own (a title, a version
        # heading, a definition term), not the start of a wrapped sentence.
        if not prose and len(line.split()) <= 8 and _stands_alone(text, lines, i):
            flush()
            out.append(make_span(text, s, e, "line"))
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
    return [
        in_section(original, text, as_documented(original, text, _coded(text, c)))
        for c in _without_bare_names(text, read)
    ]


def _coded(text: str, c: Span) -> Span:
    """A line of a list of codes, each a number and what it means ("3 Server idle session time
    limit reached" among rdesktop(1)'s EXIT VALUES): its number is its key, as a table row's
    first cell is, so a question about exit status 3 finds the line keyed by it among its
    siblings that share all its other words. A sibling is a paragraph next to it in the same
    form."""
    code = _CODE_LINE.match(text, c.start)
    if c.key or code is None or "\n" in text[c.start : c.end].strip():
        return c
    before = text[: c.start].rstrip()
    above = before[before.rfind("\n") + 1 :]
    below = text[c.end :].lstrip().split("\n", 1)[0]
    if not (_CODE_LINE.match(above.strip()) or _CODE_LINE.match(below)):
        return c
    return replace(c, key=code.group(1))


# A code and its meaning on one line: a whole number of up to three digits, then words.
_CODE_LINE = re.compile(r"[ \t]*(\d{1,3})[ \t]+[A-Za-z]")


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
        named = OPTION.match(quote) is not None or key_name(quote.strip()) or bool(boxed_name(quote.rstrip()))
        return named and "\n" not in quote and len(quote.split()) <= 6 and longest[c.start] > c.end

    return [c for c in read if not bare(c)]


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
        entry = entry_name(text, c.block[0])
        name = entry or (leading_name(text, c.block[0]) if c.kind == "item" else "")
        tag = "" if name else option_tag(text, c.block[0])
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
            block = (line_above_start(text, c.block[0]), c.block[1]) if entry else c.block
            return replace(c, model_text=model_view(name) + " " + c.model_text, key=c.key or name, block=block)
    if c.kind == "sentence" and c.block is not None and c.block[0] < c.start:
        # A later sentence of a paragraph whose first names a setting ("Use GOJQ_COLORS
        # environment variable to configure individual colors. … The default configuration is
        # 90:33:33:36:32:34;1."): "the default" there is that setting's.
        name = subject(text[c.block[0] : c.start])
        if name:
            return replace(c, model_text=model_view(name) + " " + c.model_text)
    if c.kind == "field" or (c.kind == "item" and FIELD.match(text[c.start : c.end])):
        # A field of a section that names one setting ("## cognitive-complexity-threshold",
        # its description, "Default Value: 25"), or of an entry set as a PDF sets it (the name
        # alone, its description, "• Default value: 800"): "Default Value" alone does not say
        # whose.
        name, about = section_name(text, c.start)
        if not name:
            name, about = entry_head(text, c.start)
        if name:
            return replace(c, model_text=model_view(f"{name} {about}") + " " + c.model_text)
    if c.start and not (original and comment_line(original, text, text.rfind("\n", 0, c.start) + 1)) and (
        AFTER_BLANK.search(text, max(0, c.start - 200), c.start)
        or NEW_INDENTED_LINE.search(text, max(0, c.start - 200), c.start)
    ):
        # A later paragraph of an indented entry ("Default: 21" below "listen_port"'s text, a
        # blank line between, or msmtp's "If the mail server rejects …" on the line after
        # set_from_header's first paragraph ends) is about the entry's name too.
        name = entry_above(text, c.start) or tag_above(text, c.start)
        if name:
            return replace(c, model_text=model_view(name) + " " + c.model_text, key=name)
    return c


def _with_line_above(text: str, c: Span, original: str = "") -> Span:
    """A span that opens a block reads with the line above it when that line is a question
    (FAQ: "A: Yes." means nothing alone) or a term (man page option, definition list, heading:
    "-k --keep" above "Keep input files."). Not a configuration file's section line, nor a
    comment (in `original`, the text before uncommented) below a line that is none: a comment
    documents the setting below it, never the one above."""
    if CONFIG_SECTION.fullmatch(text[c.start : c.end]) or (original and comment_under_text(original, text, c.start)):
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
    if not labelled and is_table_row(text[c.start : c.end]):
        # A DocBook FAQ sets its questions and answers as rows ("| Q: | How can I …? |" above
        # "| A: | -mc 0.1 can help. |"): the rows read as lines of their cells.
        row = _rows_as_lines(text[c.start : c.end])
        if _ANSWER_LABEL.match(row):
            labelled = _labelled_question(_rows_as_lines(before), row)
    if labelled:
        return replace(c, model_text=model_view(labelled) + " " + c.model_text)
    prev = HEADING.sub("", before[before.rfind("\n") + 1 :]).strip()
    code = _code_line_above(before)
    # (A line ending in ":" introduces the block below it, not the one above: "or, to run it
    # from a different directory:" between two commands.)
    if code and not c.model_text.endswith("?") and not text[c.start : c.end].rstrip().endswith(":"):
        # A walk through a configuration file sets each setting in a code block of its own
        # above what it does ("MAX_FDS=1024", then "This allows the operator to control the
        # number of open file descriptors …"): the text is the setting's, which is its key.
        return replace(c, model_text=model_view(code) + " " + c.model_text, key=c.key or code)
    if not prev or NOISE.match(prev) or len(prev) > 300 or c.model_text.endswith("?"):
        return c
    boxed = "" if is_table_row(text[c.start : c.end]) else boxed_name(before, fields=True)
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
    # one section, not a term and its text); a heading is no setting ("### baseGenerator:
    # object" above ":warning: Deprecated, use GENERATOR instead.").
    # Nor is the row above in a two-column listing (_listing_row): two commands of a help text.
    siblings = (
        (_NUMBERED_ROW.match(prev) is not None and _NUMBERED_ROW.match(text, c.start) is not None)
        or (
            FIELD.match(prev) is not None and FIELD.match(text[c.start : c.end]) is not None
            and not HEADING.match(before[before.rfind("\n") + 1 :])
        )
        or _listed_below(text, c.start)
    )
    # Nor is the entry above's last field ("Default: 1800" above "lock_refresh That many
    # seconds …": the default is lock_timeout's).
    term = (
        term_shaped(prev) and OPTION.match(text[c.start : c.end]) is None and not BULLET.match(prev)
        and not siblings and not _DEFAULT_FIELD.match(prev)
    )
    if prev.endswith("?") or term:
        if prev.endswith("?"):
            prev = _question_ending(before, prev)
        start = c.start
        above, line_above = last_lines(before)
        heading = HEADING.match(above)
        if term and names_entry(prev, above, line_above, text, c.start, tags=True) and not heading:
            # An option or a setting is quoted with its text: "Keep input files." does not say
            # which option, "This should be an integer …" not which variable.
            # (A title or other term above is read, not quoted: it is a candidate of its own.)
            start = line_above_start(text, c.start)
        elif term and heading and names_by_heading(prev):
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
    return "\n".join(" ".join(c for c in row_cells(line) if c) if is_table_row(line) else line for line in lines)


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
        if NOISE.match(line) or len(line) + len(question) >= 300:
            break
        question = f"{line} {question}"
    return question


# A row that opens with a number and a word: an exit status, an error code, a level.
_NUMBERED_ROW = re.compile(r"\d+\s+[A-Za-z]")
# An entry's default on a line of its own: "Default: 1800", "default: None", "Default value = 5".
_DEFAULT_FIELD = re.compile(r"defaults?(?:\s+value)?\s*[:=]", re.IGNORECASE)


def _with_fields_above(text: str, c: Span) -> Span:
    """A description right below its entry's fields, under the entry's heading ("##### threshold",
    "Type: Number or String" / "Default: 1kb", then "The byte threshold for the response body
    size …"), is one entry with them: its paragraph is quoted with the fields
    (extractive.whole_block), as a reader reads them; the description alone does not give the
    default it is asked for, and the fields alone do not say what they are of."""
    if c.kind not in ("sentence", "field", "line"):
        return c
    block = c.block or (c.start, c.end)  # a paragraph of one sentence has no block of its own
    above = text[: block[0]]
    if not AFTER_BLANK.search(above):
        return c
    fields_end = len(above.rstrip())
    cut = above.rfind("\n\n", 0, fields_end)
    fields_start = cut + 2 if cut >= 0 else 0
    # Fields may be a list's items ("- type: string" / "- default: 'Updates'", gh-pages).
    fields = [BULLET.sub("", f, count=1) for f in text[fields_start:fields_end].split("\n")]
    heading_end = len(text[:fields_start].rstrip())
    heading_start = text.rfind("\n", 0, heading_end) + 1
    heading = text[heading_start:heading_end]
    # Two or more: one line with a colon is as often a sentence ("We ship it: see below.").
    marks = HEADING.match(heading)
    if not 2 <= len(fields) <= MAX_FIELDS or not all(FIELD.match(f) for f in fields) or marks is None:
        return c
    name = heading[marks.end() :].strip()
    if len(name.split()) != 1 or c.start != block[0]:
        return replace(c, block=(fields_start, block[1]))
    # The heading over an entry's fields is the entry's name, however it is written ("#### verbose"
    # over "Type: boolean" / "Default: false"): the description is quoted from the name, which it
    # does not say ("Use full-length units: …" answers which option spells units out).
    start = heading_start + marks.end()
    return replace(c, start=start, block=(start, block[1]), model_text=model_view(name) + " " + c.model_text)


MAX_FIELDS = 4  # an entry's fields above its description: type, default, since, …


def _with_block(text: str, c: Span) -> Span:
    """A span ending in ":" introduces what follows ("Create the database:" above
    "$ createdb mydb"): it is quoted with that block, a code block or the next few lines, since
    alone it answers nothing. So does a sentence broken off at a comma ("Addresses are specified
    in the following syntax," above "protocol/host:port") or at a word that needs what follows
    ("… on a per-user level by" above "$HOME/.barman.conf"), and one left without an end above a
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
    # A sentence a man page breaks before its path ("… is overridden on a per-user level by" /
    # "$HOME/.barman.conf"): a word that needs what follows cannot end it.
    announces = announces or (c.kind in ("sentence", "line") and _DANGLING.search(quoted) is not None)
    # (A sentence of a few words is a title: "PORTABILITY" above a man page's indented text.)
    unended = c.kind == "sentence" and quoted[-1:].isalpha() and len(quoted.split()) > 3
    if not announces and not (unended and _code_below(text, c.end, start, fence is not None)):
        return _with_announced_list(text, c)
    end = introduced_end(text, c.end)
    if end is None or end - c.start > MAX_CHARS:
        return c
    s, e = trim(text, c.start, end)
    block = "\n".join(ln for ln in text[s:e].split("\n") if not NOISE.match(ln))
    return replace(c, start=s, end=e, model_text=c.model_text + " " + model_view(block[c.end - s :]))


# A preposition, article or conjunction, which no sentence ends with.
_DANGLING = re.compile(r"\s(?:a|an|the|by|at|of|from|via|than|and|or|into|to)\Z", re.IGNORECASE)
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
    listed = BULLET.match(lines[0]) is not None
    end = pos = start
    taken = 0
    for n, line in enumerate(lines):
        if not line.strip():
            following = next((ln for ln in lines[n + 1 :] if ln.strip()), "")
            if not (listed and BULLET.match(following)):
                break
        elif (
            (taken >= 4 and not listed) or (n and HEADING.match(line)) or pos + len(line) - start > MAX_CHARS
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
    if gap is None or gap.start() - c.end > PIECE_CHARS or not BULLET.match(text[gap.end() : gap.end() + 20]):
        return c
    end = pos = gap.end()
    for line in text[pos:].split("\n"):
        if not line.strip() or not (BULLET.match(line) or line[:1].isspace()):
            break
        end = pos + len(line)
        pos = end + 1
    if end - c.start > MAX_CHARS:
        return c
    s, e = trim(text, c.start, end)
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
# A line of a two-column listing: its indent, a term of at most four words, two or more spaces
# or a tab, its text.
_LISTED = re.compile(r"([ \t]*)(\S+(?: \S+){0,3}?)(?:[ \t]{2,}|\t)(?=\S)")


def _listed_columns(line: str) -> tuple[int, int] | None:
    """Where a listing row (_LISTED) sets its term and its text: its indent and its text's
    column, as the reader sees them with tabs expanded (nscd.conf aligns "logfile\t\t\t<file>"
    and "debug-level\t\t<level>" with tabs); None for a line of another shape."""
    m = _LISTED.match(line)
    if m is None:
        return None
    return columns(line, m.end(1), m.end())


def _listing_row(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """Line i is a row of a two-column listing, one line long: a neighbouring line sets a term
    and its text apart the same way, at the same indent, its text at the same column, and
    neither goes on in a line below (a man page's entry wraps its text: that reads as prose)."""

    def row(k: int) -> tuple[int, int] | None:
        if not 0 <= k < len(lines):
            return None
        line = text[lines[k][0] : lines[k][1]]
        at = _listed_columns(line)
        if at is None or is_table_row(line) or BULLET.match(line):
            return None
        below = text[lines[k + 1][0] : lines[k + 1][1]].expandtabs(TAB_SIZE) if k + 1 < len(lines) else ""
        if below.strip() and indent_width(below) > at[0] and _LISTED.match(below) is None:
            return None  # its text goes on below
        return at

    this = row(i)
    return this is not None and this in (row(i - 1), row(i + 1))


def _listed_below(text: str, start: int) -> bool:
    """The line at `start` and the nearest line above it that holds anything are rows of one
    two-column listing (_LISTED): the same indent, their texts at the same column. (A blank line
    may part two groups of one listing: nscd.conf's "restart-interval\t3600" is no term of
    "enable-cache\t\tpasswd\t\tyes" below it.)"""
    line_start = text.rfind("\n", 0, start) + 1
    this = _listed_columns(line_at(text, line_start)[0])
    above = text[:line_start].rstrip()
    if this is None or not above:
        return False
    return this == _listed_columns(above[above.rfind("\n") + 1 :])


def _stands_alone(text: str, lines: list[tuple[int, int]], i: int) -> bool:
    """True when the next line does not continue this one as wrapped prose."""
    if text[lines[i][0] : lines[i][1]].rstrip().endswith((",", ";")):
        return False
    if i + 1 >= len(lines):
        return True
    nxt = text[lines[i + 1][0] : lines[i + 1][1]]
    return (
        not nxt.strip()
        or is_table_row(nxt)
        or BULLET.match(nxt) is not None
        or HEADING.match(nxt) is not None
        or FIELD.match(nxt) is not None
        or nxt[:1].isupper() and text[lines[i][0] : lines[i][1]].rstrip()[-1:] not in "-"
        and not text[lines[i][0] : lines[i][1]].rstrip()[-1:].isalpha()
    )


def _hanging(text: str, lines: list[tuple[int, int]], i: int, original: str = "") -> int:
    """The last line of line i's hanging indent: the lines below indented deeper than it, up to
    a blank line, a list item, a table row, or (in `original`, the text before uncommented) a
    comment below a setting or a setting below a comment (i itself when there are none)."""
    line = text[lines[i][0] : lines[i][1]]
    indent = len(line) - len(line.lstrip())
    commented = bool(original) and comment_line(original, text, lines[i][0])
    j = i
    while j + 1 < len(lines):
        below = text[lines[j + 1][0] : lines[j + 1][1]]
        if not below.strip() or len(below) - len(below.lstrip()) <= indent:
            break
        if BULLET.match(below) or is_table_row(below):
            break
        if original and comment_line(original, text, lines[j + 1][0]) != commented:
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
            or BULLET.match(below)
            or not _lazy_continuation(line, below)
        ):
            break
        j, line = j + 1, below
    return j


def _lazy_continuation(line: str, below: str) -> bool:
    """The unindented line below carries on this line's text ("the output" / "is a pipe.",
    "allocate exactly" / "65536 UIDs"): unless it is a block of its own (a fence, a rule, a
    table row, a heading) or this line ends a sentence and the one below opens another."""
    if NOISE.match(below) or is_table_row(below) or HEADING.match(below):
        return False
    return not (line.rstrip().endswith((".", "!", "?", ":")) and below.lstrip()[:1].isupper())


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
        piece = make_span(text, start, end, c.kind, key=c.key)
        if WORD.search(text[piece.start : piece.end]):
            out.append(piece)
        start = end
    return out


def _only_rules(text: str) -> bool:
    """Nothing but blank lines and a table's rule lines: a chunk cut between a table's header
    and its rule opens at the rule ("| :--- | :--- |"), still inside the table."""
    return all(not line.strip() or TABLE_RULE.match(line) for line in text.split("\n"))


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
        if not WORD.search(text[a:b]):
            continue
        if prev is not None and _depends(text[a:b]) and b - prev[0] <= MAX_CHARS:
            # "This can be fixed with make distclean." says nothing of what "this" is: quoted
            # and read with the sentence before it.
            out.append(make_span(text, prev[0], b, kind, key=key))
        else:
            out.append(make_span(text, a, b, kind, key=key))
        prev = (a, b)
    # Each stretch of running prose is a block. Lines its writer ended ("We ship to the EU"
    # above "Shipping takes 3-5 days", a NEWS entry's command names above its description) are
    # statements of their own and end one.
    at = 0
    for piece in flat.split("\n"):
        seg = trim(text, s + at, s + at + len(piece))
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
