"""What completes a quoted entry of a reference: the name on the line above a description
("Ask Password" over "By setting this option wvdial will prompt …"), the default the entry states
further on ("… Defaults to random."), the sentence opening the entry of a default stated alone
("channel_timeout Maximum seconds …" over "Default: 120"), and the setting line closing a sample
configuration's comment block ("#delegate"). A reference answers "which setting" with a name and
"what default" with a value, and a description alone gives neither.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace

from rag.answering import candidates as cands
from rag.answering import layout, subjects
from rag.answering.candidate import Candidate, document_of, overlaps
from rag.text import LETTER_OR_DIGIT, only_a_date, word_count
from rag.types import ScoredChunk

# Where an entry states its default: a line or a sentence opening "Default: 15", "Defaults to
# random.", "The default is .75 seconds." or "By default, the operating system allocates an
# unused port" (miredo.conf(5), justified: "By  default,").
_DEFAULT_STATEMENT = re.compile(
    r"(?:^|(?<=\n)|(?<=[.;!]\s)|(?<=[.;!]\s\s))[ \t]*(?:by\s+default\b|defaults?|the default(?: value)? is)\b",
    re.IGNORECASE,
)
# The start of the next paragraph, at most one blank line down (a paragraph ends at
# layout.PARAGRAPH_END).
_NEXT_PARAGRAPH = re.compile(r"[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=\S)")
# The most words an entry's name on a line of its own has ("-q n, --quality=n").
ENTRY_NAME_WORDS = 6
# How far back the blank line above a line is looked for (layout.AFTER_BLANK).
_GAP = 40


def completion(
    best: Candidate, pool: Callable[[], list[Candidate]], passages: list[ScoredChunk]
) -> Candidate | None:
    """What completes the best candidate's entry after it: the default the entry states further
    on (entry_default), else the setting line closing its comment block (commented_setting)."""
    return entry_default(best, pool, passages) or commented_setting(best, passages)


def entry_default(
    best: Candidate, pool: Callable[[], list[Candidate]], passages: list[ScoredChunk]
) -> Candidate | None:
    """The candidate stating the default of the best candidate's entry, when the best one stops
    short of it: a reference's entry says what a setting does, then its default ("max_upload_attempts
    When uploading a changed file fails … Default: 15", "… Possible values are normal, random and
    sequential. Defaults to random."), and a question after the setting asks for either. The entry
    is the best candidate's paragraph, too long to quote whole, or, when the best candidate is an
    entry's name on a line of its own ("bitrate_average_damping=N"), that line and the paragraph
    under it, read in whichever retrieved chunk holds it (a name can end one chunk and its
    description open the next). pool: every candidate of the passages, one per place in a
    document, made only when an entry states a default (most answers quote none). None when the
    entry states no default or the best candidate holds it."""
    for p_i, text, anchor in _anchors(best, passages):
        entry = _entry_of(anchor, text)
        if entry is None:
            continue
        field = _default_field(entry, anchor, text)
        section = _named_section(anchor, text) if field is None else None
        if section is not None:
            # An entry titled by its name states its default anywhere in its section.
            entry, field = section, _default_field(section, anchor, text)
        if field is None:
            return None
        offset = passages[p_i].chunk.start
        for c in pool():
            first, last = c.in_document
            if c.doc == best.doc and first <= offset + field < last <= offset + entry[1] and not overlaps(c, best):
                # Quoted for the best candidate's sake, with its score if the model did not read it.
                return c if c.score else replace(c, score=best.score)
        return None
    return None


# A default stated on its own, naming no entry: "Default: 120", "The default is 1800 seconds."
# (not "Default: # RefreshActiveChecks=120", which names its setting).
_BARE_DEFAULT_WORDS = 8
# What a setting's name looks like: "KEEPWAVS", "socktimeout", "ssl-privatekey", "set".
_SETTING_NAME = re.compile(r"[A-Za-z_][\w.-]*")
_NAMES_A_SETTING = re.compile(_SETTING_NAME.pattern + r"\s*=")
# A comment line that sets a setting however it is marked: a name no prose word has (CamelCase,
# snake_case, a word with digits: "NetworkTimeout", "max_age", "ipv6only"), then ":" or "=" and
# a value of a few words, with no sentence end ("# NetworkTimeout: 40", apt-cacher-ng, marks
# its settings as its prose). A label ("# Mandatory: no", "# Default: 40") is a plain word.
_ASSIGNS = re.compile(
    r"[ \t]*#+[ \t]*(?:[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+|[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+[0-9]\w*)"
    r"[ \t]*[:=][ \t]*[^\s.!?][^.!?\n]{0,60}$"
)


def entry_lead(
    best: Candidate, pool: Callable[[], list[Candidate]], passages: list[ScoredChunk]
) -> Candidate | None:
    """The sentence opening the entry whose default the best candidate states on its own: a
    reference sets "Default: 120" under "channel_timeout Maximum seconds to leave an inactive
    connection open", and "Default: 120 [1] Default: 30 [2]" tells a reader nothing of what
    each is the default of. The entry is the paragraph the statement ends, or, when the
    statement is a paragraph of its own, the paragraph right above it (one blank line up); with
    the entry's name when that stands on a line above the sentence (with_entry_name). None when
    the best candidate is no such statement or its entry cannot be found."""
    statement = best.text.strip()
    if (
        word_count(statement) > _BARE_DEFAULT_WORDS
        or not _DEFAULT_STATEMENT.match(statement)
        or _NAMES_A_SETTING.search(statement)
    ):
        return None
    for p_i, text, anchor in _anchors(best, passages, lines_only=False):
        opening = _entry_opening(anchor, text)
        if opening is None:
            continue
        at = passages[p_i].chunk.start + opening
        for c in pool():
            if c.doc == best.doc and c.in_document[0] == at and not overlaps(c, best):
                # With its own entry's name, if that stands above it ("--interval=N" over it).
                return with_entry_name(c if c.score else replace(c, score=best.score), passages)
        return None
    return None


def _entry_opening(statement: Candidate, text: str) -> int | None:
    """Where the entry a default statement closes opens in text: its paragraph's start when the
    statement ends a paragraph; when it stands alone, the start of the paragraph above it (one
    blank line up), past the entry's other fields set each as a paragraph of its own
    ("save save the currently edited event" over "type: list" over "default: meta enter")."""
    if statement.block is not None and statement.block[0] < statement.start:
        return statement.block[0]
    at = text.rfind("\n", 0, statement.start) + 1
    if text[at : statement.start].strip():
        return None  # cut from inside a line
    for _ in range(cands.MAX_FIELDS + 1):
        above = text[:at].rstrip()
        if not above or text.count("\n", len(above), at) != 2:
            return None  # the text's first paragraph, or set apart by more than one blank line
        gap = list(layout.PARAGRAPH_END.finditer(text, 0, len(above)))
        opening = gap[-1].end() if gap else 0
        at = opening + len(text[opening:]) - len(text[opening:].lstrip())
        paragraph = text[at : len(above)]
        if "\n" in paragraph or not layout.FIELD.match(paragraph):
            return at
    return None


# A sample configuration's comment line, and what it holds past its "#" (or ";") marks.
_COMMENT = re.compile(r"^[ \t]*(?P<marks>#+|;+)(?P<body>.*)$")
# The most words a setting line has ("set alert foo@example.com not on { instance, action }":
# seven; marks are no words). A line of wrapped prose has more.
_SETTING_WORDS = 8


def commented_setting(best: Candidate, passages: list[ScoredChunk]) -> Candidate | None:
    """The setting line that closes the comment block the best candidate is cut from: a sample
    configuration describes a setting in comments and sets it (or leaves it commented out) on
    the block's last line ("# TAG: delegate / # Delegates the allocation of client IP addresses
    … / #delegate"), so the description alone never names what to set. The line is below the
    best candidate in its comment block (a block ends at a blank line or two empty comment
    lines), or right under it; it reads as a setting (_reads_as_setting) and is marked apart from
    the prose as the sample marks its settings. Of several, the one the quote names
    ("PingTimeOut" of "… received for PingTimeOut seconds"), else the first: a sample gives its
    own setting before the alternatives ("#SOCKSPort 9050" over "#SOCKSPort 192.168.0.1:9100").
    Looked for in every retrieved chunk that holds the best candidate. None otherwise."""
    for _, text, placed in _anchors(best, passages, lines_only=False):
        found = _setting_below(placed, text)
        if found is not None:
            return found
    return None


def _setting_below(best: Candidate, text: str) -> Candidate | None:
    """commented_setting in one chunk's text."""
    line_start = text.rfind("\n", 0, best.start) + 1
    described = _COMMENT.match(text[line_start : best.end].split("\n", 1)[0])
    if described is None:
        return None
    prose_marks = len(described["marks"])
    settings: list[tuple[int, str]] = []
    gap = 0  # empty comment lines in a row: two end a block as a blank line does
    at = text.find("\n", best.end) + 1
    for line in text[at:].split("\n") if at else []:
        comment = _COMMENT.match(line)
        if not line.strip() or gap >= 2:
            break
        if comment is not None and not comment["body"].strip():
            gap += 1
        else:
            gap = 0
            # A sample marks its settings apart from its prose: fewer "#" ("##" prose over
            # "# set alert …"), none after a space (prose "# Keep the …" over "#KEEPWAVS=n"),
            # or none at all, right under the block.
            marked_apart = comment is None or len(comment["marks"]) < prose_marks or (
                len(comment["marks"]) == prose_marks and described["body"][:1].isspace() and not comment["body"][:1].isspace()
            )
            if (marked_apart and _reads_as_setting(line)) or _ASSIGNS.match(line):
                settings.append((at, line))
            if comment is None:
                break
        at += len(line) + 1
    if not settings:
        return None
    # The setting the description names, else the first (a sample's own before its alternatives).
    where, line = next((t for t in settings if _names(best.text, _setting_name(t[1]))), settings[0])
    start = where + len(line) - len(line.lstrip())
    end = start + len(line.strip())
    model_text = line.strip().lstrip("#;").strip()
    return replace(best, start=start, end=end, text=text[start:end], model_text=model_text, kind="line", key="", block=None)


def _names(text: str, name: str) -> bool:
    """Whether text gives the name as a word of its own ("PingTimeOut", not "set" of "settings")."""
    return re.search(rf"(?<![\w.-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE) is not None


def _setting_name(line: str) -> str:
    """The name a setting line sets: its first word, up to "=" ("#KEEPWAVS=n" -> "KEEPWAVS")."""
    first = (line.strip().lstrip("#;").split() or [""])[0]
    return first.split("=", 1)[0]


def _reads_as_setting(line: str) -> bool:
    """A few words opening with a name (no "Default:" label, no "1)" or "See also"), with no
    sentence's end; its own trailing comment ("SOCKSPort 9050 # Default: …") not counted."""
    body = line.strip().lstrip("#;").split(" # ", 1)[0].strip()
    words = _words(body)
    name = _setting_name(line)
    return (
        0 < len(words) <= _SETTING_WORDS
        and body[-1:] not in ".!?:,"
        and _SETTING_NAME.fullmatch(name) is not None
        and not body[len(name) :].startswith(":")
    )


def _anchors(
    best: Candidate, passages: list[ScoredChunk], lines_only: bool = True
) -> Iterator[tuple[int, str, Candidate]]:
    """best in its own passage, then in every other retrieved chunk of its document that holds
    it (with its paragraph, if it has one; lines_only: only when it is a line of its own):
    (passage index, that chunk's text, best placed in it)."""
    yield best.passage, passages[best.passage].chunk.text, best
    if best.block is not None and lines_only:
        return
    first, last = best.in_document
    if best.block is not None:
        first, last = min(first, best.offset + best.block[0]), max(last, best.offset + best.block[1])
    for p_i, p in enumerate(passages):
        chunk = p.chunk
        if p_i == best.passage or document_of(chunk) != best.doc:
            continue
        if chunk.start <= first and last <= chunk.start + len(chunk.text):
            shift = chunk.start - best.offset
            block = (best.block[0] - shift, best.block[1] - shift) if best.block else None
            yield p_i, chunk.text, replace(
                best, passage=p_i, start=best.start - shift, end=best.end - shift, offset=chunk.start, block=block
            )


def _default_field(entry: tuple[int, int], anchor: Candidate, text: str) -> int | None:
    """Where the entry's first default statement stands ("Default", "The default is"); None
    when it has none or anchor holds it."""
    statement = _DEFAULT_STATEMENT.search(text, *entry)
    if statement is None:
        return None
    field = statement.end() - len(statement.group().lstrip())
    return None if anchor.start <= field < anchor.end else field


# A heading's title that is one name ("dotfiles", "`maxAge`", "setHeaders()").
_ONE_NAME = re.compile(r"`?[A-Za-z_$][\w$.-]*(?:\(\))?`?")
# The most words of an entry's section: a reference's entry, not a chapter.
_SECTION_WORDS = 150


def _named_section(best: Candidate, text: str) -> tuple[int, int] | None:
    """The section best stands in when its heading is one name, as an options reference titles
    each entry ("##### dotfiles" over what it does, its values as a list, then "The default
    value is 'ignore'." — serve-static's README): from that heading, in text, to the next one.
    None when the heading is not in text, is no name, or the section is long."""
    titles = list(layout.HEADING_LINE.finditer(text, 0, best.start))
    if not titles or not _ONE_NAME.fullmatch(titles[-1].group(1).strip()):
        return None
    below = layout.HEADING_LINE.search(text, best.end)
    end = below.start() if below else len(text)
    start = titles[-1].start()
    return (start, end) if word_count(text[start:end]) <= _SECTION_WORDS else None


def _entry_of(best: Candidate, text: str) -> tuple[int, int] | None:
    """The paragraph or list item the best candidate was cut from; for a short line of its own
    over a paragraph (a name over its description, as man pages set options, with or without a
    blank line between), the line and that paragraph."""
    if best.block is not None:
        return best.block
    line = text[best.start : best.end]
    if not _whole_line(best, text) or len(line.split()) > ENTRY_NAME_WORDS or line.rstrip()[-1:] in ".!?":
        return None
    below = _NEXT_PARAGRAPH.match(text, best.end)
    if below is None:
        return None
    stop = layout.PARAGRAPH_END.search(text, below.end())
    return best.start, stop.start() if stop else len(text)


def _whole_line(c: Candidate, text: str) -> bool:
    """A line candidate, or a sentence that is a whole line: a man page as text sets an option's
    name on its line with the description right under it, no blank line between ("BindPort
    udp_port" over "Define the UDP (IPv4) port number …", miredo.conf(5)), and the two read as one
    paragraph."""
    if c.kind == "line":
        return True
    return (
        c.kind == "sentence"
        and text[text.rfind("\n", 0, c.start) + 1 : c.start].strip() == ""
        and text[c.end : c.end + 1] in ("\n", "")
    )


# What cannot be an entry's name: a heading, a list item, a table row, a quote, a code fence, a
# shell command ("$ make check"), an HTML tag, a rule of dashes. A mark glued to the name is no
# list item's ("*FvwmPager: ShapeLabels", "**dropdownContainer**").
_NOT_A_NAME = re.compile(r"(?:[#|>•`<]|[-$*+]\s|\d+[.)]\s|[^\w]*$)")
# A statement of code is no name either, however short: "function f () { cvs diff $@; }",
# "x = load(f);" (a name may hold a ";": "-f (force; disable confirmation query)"); nor is the
# default closing the entry above ("Default: 100": _DEFAULT_STATEMENT).
_CODE_STATEMENT = re.compile(r"[{}]|;\s*$")
# A type in braces after a name ("[Jump] {bool}", fluxbox's apps file) is no statement.
_BRACED_TYPE = re.compile(r"\{\w+\}")


def with_entry_name(c: Candidate, passages: list[ScoredChunk]) -> Candidate:
    """c with the name of the entry it describes, when c opens the paragraph under a short line
    of its own: a manual sets an option's or a setting's name on one line and what it does
    below ("Ask Password" over "By setting this option wvdial will prompt for your password",
    "PingTimeout = seconds ( 5 )" over "The number of seconds to wait …"), and a question asks
    for either: the name answers "which setting", its value the default. The name is looked for
    in every retrieved chunk that holds c: a chunk may open with c, under the name ending the
    chunk before."""
    for _, text, placed in _anchors(c, passages, lines_only=False):
        named = _named_in(placed, text)
        if named is not placed:
            return named
    return c


def _named_in(c: Candidate, text: str) -> Candidate:
    """c with its entry's name from the line above it in text (with_entry_name); c if none."""
    if c.block is not None and c.block[0] != c.start or _name_like(c.text):
        return c  # c is cut from inside a paragraph, or is itself a name (a list's next entry)
    above = text[: c.start].rstrip()
    if not 1 <= text.count("\n", len(above), c.start) <= 2:
        return c  # c does not open a line, or a wider gap than one blank line parts it from above
    line_start = above.rfind("\n") + 1
    name = above[line_start:].strip()
    if (
        not (_name_like(name) or _variable_in_capitals(name, text, line_start, c.start))
        or _NOT_A_NAME.match(name) or _CODE_STATEMENT.search(_BRACED_TYPE.sub("", name))
        or _DEFAULT_STATEMENT.match(name) or not _opens_paragraph(text, line_start)
        # A date dates what is below it and names no entry; a news page's date under its
        # headline may not even stand right above the first paragraph in the page itself.
        or only_a_date(name)
    ):
        return c
    start = line_start + len(above[line_start:]) - len(above[line_start:].lstrip())
    return replace(c, start=start, text=text[start : c.end], block=(start, c.block[1] if c.block else c.end))


def _variable_in_capitals(name: str, text: str, line_start: int, start: int) -> bool:
    """The name on the line at line_start, above the text at start, is one word in capitals
    that is no section's title (subjects.man_section), or that a line ending in ":" announces:
    an environment variable's name over its text ("Fbi uses the following environment
    variables:", "FBGAMMA", "This variable may be used to specify a default gamma correction.",
    fbi(1)), where "DESCRIPTION" titles a section."""
    if not (name.isalpha() and name.isupper() and len(name) > 1):
        return False
    announced = text[:line_start].rstrip().endswith(":")
    return announced or not subjects.man_section(name, text, start)


def _name_like(line: str) -> bool:
    """A few words with no sentence end, and not a section's title in capitals ("EXIT STATUS",
    "DESCRIPTION": a man page's; a setting's own name in capitals has "_", "=" or digits).
    Marks are not words: "LocalDiscovery = yes | no ( no ) [experimental]" names one setting."""
    words = _words(line)
    return (
        0 < len(words) <= ENTRY_NAME_WORDS
        and line.rstrip()[-1] not in ".!?"
        and not all(w.isalpha() and w.isupper() for w in words)
    )


def _opens_paragraph(text: str, at: int) -> bool:
    """Whether the line starting at `at` has a blank line (or the text's start) above it."""
    return at == 0 or layout.AFTER_BLANK.search(text, max(0, at - _GAP), at) is not None


def _words(line: str) -> list[str]:
    """The line's words; its marks ("=", "|", "(") are not counted as words."""
    return [w for w in line.split() if LETTER_OR_DIGIT.search(w)]
