"""A sample configuration file's comments: which comment documents which setting, and which
section of an INI-style file a setting is set in.

A configuration file documents each setting in the comment above it and groups settings under
"[section]" lines; the candidate splitter (rag.answering.candidates) reads each setting with its
comment and its section, and the comment markers as blanks.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import groupby

from rag.answering.layout import FIELD, Span, line_at, model_view, titled_heading
from rag.text import code_block_after

# How much of a comment block above a setting is read with it.
COMMENT_CHARS = 300


def as_documented(original: str, text: str, c: Span) -> Span:
    """A sample configuration documents each setting in the comment above it ("# Prompt
    log/date configuration window on program start." / "#" / "config-dialog false"): the
    setting reads with its comment and is quoted with it when short (its block), and the
    comment is read as itself and quoted with its setting, never as the text of the setting
    above it ("config-dialog false" is no term of "# Color highlight active panel.")."""
    line_start = original.rfind("\n", 0, c.start) + 1
    line_end = original.find("\n", c.start)
    line = original[line_start : line_end if line_end >= 0 else len(original)]
    if comment_line(original, text, line_start) and not commented_out(original, line_start):
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
CONFIG_SECTION = re.compile(r"[ \t]*(\[{1,2}[A-Za-z][^\[\]\n]{0,60}\]{1,2})[ \t]*")
# How many lines above a setting its section's line may stand: the section's other settings and
# their comments.
SECTION_LINES = 80


def in_section(original: str, text: str, c: Span) -> Span:
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
        section = CONFIG_SECTION.fullmatch(line)
        if section:
            name = section.group(1)
            return c if c.model_text.startswith(name) else replace(c, model_text=f"{name} {c.model_text}")
        comment = comment_line(original, text, start) or original[start:end].lstrip().startswith(";")
        if line.strip() and not comment and not FIELD.match(line):
            return c
        end = start - 1
    return c


def comment_under_text(original: str, text: str, start: int) -> bool:
    """The line at `start` is a comment and the nearest line above it that holds anything is
    text, not a comment: nrpe.cfg's "# COMMAND TIMEOUT" block, blank lines below
    "max_commands=0", documents the setting below it, not that one."""
    line_start = text.rfind("\n", 0, start) + 1
    if not line_start or not comment_line(original, text, line_start):
        return False
    above = line_start
    while above > 0:
        above = text.rfind("\n", 0, above - 1) + 1
        if text[above : text.find("\n", above)].strip():
            return not comment_line(original, text, above)
    return False


def comment_line(original: str, text: str, line_start: int) -> bool:
    """The line at line_start is a comment uncommented read as text (a Markdown heading, which
    it leaves alone, is none)."""
    return _COMMENT.match(original, line_start) is not None and _COMMENT.match(text, line_start) is None


def _setting_apart(original: str, start: int) -> int | None:
    """Where a setting ends that stands alone one blank line below a comment block, as nrpe.cfg
    and Nagios write them ("# COMMAND TIMEOUT" / "# This specifies …", a blank line,
    "command_timeout=60", a blank line): the line at `start` is blank, the next assigns a value
    and nothing but a blank line or the end follows it. None otherwise: a block's comment over
    a group of settings documents none of them alone."""
    blank, blank_end = line_at(original, start)
    if blank.strip() or blank_end >= len(original):
        return None
    setting, end = line_at(original, blank_end + 1)
    # A default left commented out ("# command_prefix=/usr/bin/sudo") is the setting too.
    if not _ASSIGNMENT.match(_without_marker(setting)):
        return None
    after, _ = line_at(original, min(end + 1, len(original)))
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
        nxt, nxt_end = line_at(original, pos + 1)
        if not nxt.strip():
            return _setting_apart(original, pos + 1)
        if commented_out(original, pos + 1):
            return nxt_end
        if not comment_line(original, text, pos + 1):
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
        if not comment_line(original, text, prev_start) or line_start - prev_start > COMMENT_CHARS:
            break
        if commented_out(original, prev_start):
            break  # another setting, not this one's comment
        start = prev_start
    if start == line_start or not _without_marker(original[start:line_start]).strip():
        return None
    return start


# A comment line of a configuration file or script: "## The port to use …", "#webagg.port: 8988",
# and an INI file's ("; Maximum allowed size for uploaded files.", php.ini, smb.conf).
_COMMENT = re.compile(r"^([ \t]*)(#+|;+)(?!!)", re.MULTILINE)
# A quotation's markers at a line's start, as Markdown and mail write them ("> ", "> > ").
_QUOTE_MARK = re.compile(r"^[ ]{0,3}(?!>>>)(?:>[ ]?)+")  # not Python's ">>> " prompt


def uncommented(text: str) -> str:
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
        # A commented-out setting under the first line ("# pidfile location" / "# pidfile:
        # "/run/dnssec-triggerd.pid"") makes a comment block, not two headings.
        titled = all(titled_heading(lines[k]) for k in run) and not any(
            _COMMENTED_KEY_VALUE.match(lines[k]) for k in run[1:]
        )
        if is_comment and (
            (len(run) >= 2 and not titled) or _ASSIGNMENT.match(below)
            or (not titled and _SPACED_SETTING.fullmatch(below))
            or all(_COMMENTED_OUT_ALIGNED.match(lines[k]) for k in run)
        ):
            for k in run:
                lines[k] = _without_marker(lines[k])
    return "\n".join(lines)


# A setting left commented out as "# name: value", a lower-case name and its value after ": "
# (dnssec-trigger.conf's "# pidfile: "/run/dnssec-triggerd.pid""): no heading's title.
_COMMENTED_KEY_VALUE = re.compile(r"[ \t]*#+[ \t]+[a-z][\w.-]*:[ \t]+\S")
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
# One written with a space after the marker, as minetest.conf.example and cava's config write
# them ("#    Maximum number of players …" / "# max_users = 15", "; framerate = 60"): with "="
# only, since a comment's "# Note: …" is prose.
_COMMENTED_OUT_SPACED = re.compile(r"[ \t]*(?:#+|;+)[ \t][A-Za-z_][\w.-]*(?:[ \t]+[A-Za-z_][\w.-]*)?[ \t]*=(?!=)")
# A setting left commented out with its value set apart in a column, by a tab or two spaces, as
# nscd.conf writes them ("#\tthreads\t\t\t4", "#\tserver-user             <user …>"): prose sets
# no column after its first word (a sentence's "Done.  Next" ends in a full stop).
_COMMENTED_OUT_ALIGNED = re.compile(r"[ \t]*(?:#+|;+)[ \t]+[A-Za-z_][\w.-]*(?<!\.)(?:\t|[ ]{2,})[ \t]*[^\s#]")


def commented_out(original: str, line_start: int) -> bool:
    """The line at line_start is a setting left commented out (_COMMENTED_OUT,
    _COMMENTED_OUT_SPACED, _COMMENTED_OUT_ALIGNED): the setting its comment documents, not a line
    of that comment."""
    shapes = (_COMMENTED_OUT, _COMMENTED_OUT_SPACED, _COMMENTED_OUT_ALIGNED)
    return any(p.match(original, line_start) is not None for p in shapes)


def _without_marker(line: str) -> str:
    """The line with its leading "#" marker made spaces (offsets stay the text's)."""
    return _COMMENT.sub(lambda m: m.group(1) + " " * len(m.group(2)), line, count=1)
