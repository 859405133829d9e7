"""HTML pages: the main content by trafilatura, as Markdown (headings, lists, tables and code
kept; menus, breadcrumbs, footers and sidebars dropped). With cleaning off, every element's
text is kept instead; with "web", trafilatura's precise mode and then the scraped-page cleaner."""

from __future__ import annotations

import re
from typing import Literal

from index.cleaning import boilerplate_reason, clean_text
from index.formats import CHROME_ONLY, Extracted, FormatError, visible_chars
from index.formats.htmlframe import prepare_html
from index.formats.htmltext import html_to_markdown
from rag.text import code_block_after


def read_html(html: str, clean: Literal["auto", "web", "off"]) -> Extracted:
    try:
        page_title, everything = html_to_markdown(html)
    except Exception as exc:  # html.parser is lenient; this is a last resort for odd input
        raise FormatError(f"unreadable HTML: {exc}") from exc
    seen = visible_chars(everything)
    if clean == "off":
        return Extracted(text=everything, title=page_title, markdown=True)
    # "web": the precise extractor as plain paragraphs, which the news-page cleaner expects.
    text, meta_title = _main_content(html, web=clean == "web")
    # trafilatura returns a menu when a page has nothing else; a menu is not a document.
    if all(boilerplate_reason(line) for line in text.splitlines() if line.strip()):
        raise FormatError(CHROME_ONLY)
    title = meta_title or page_title
    if clean == "web":
        cleaned = clean_text(text)
        if not cleaned.text.strip():
            raise FormatError(CHROME_ONLY)
        return Extracted(cleaned.text, cleaned.title or title, markdown=False, seen_chars=seen)
    return Extracted(text=text, title=title, markdown=True, seen_chars=max(seen, 1))


def _main_content(html: str, *, web: bool) -> tuple[str, str]:
    """(Markdown text, title) via trafilatura; given a string, it never fetches anything."""
    import trafilatura  # imported on first use: it takes about half a second

    try:
        text = trafilatura.extract(
            html if web else prepare_html(html),
            output_format="txt" if web else "markdown",
            include_comments=False,
            include_tables=True,
            include_formatting=not web,
            favor_precision=web,
            include_links=False,
            include_images=False,
        )
    except Exception as exc:  # trafilatura/lxml raise many types on malformed markup
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise FormatError(f"unreadable HTML: {message[:120]}") from exc
    try:
        meta = trafilatura.extract_metadata(html)
        title = (meta.title or "").strip() if meta is not None else ""
    except Exception:  # a missing title is not worth failing the document for
        title = ""
    # trafilatura pads table cells ("| 8080 | "); trailing spaces are not content.
    lines = [line.rstrip() for line in (text or "").splitlines()]
    return as_read("\n".join(lines).strip("\n")), title


# Markdown's inline markup, which trafilatura writes and a reader of the page never sees:
# backslash escapes ("shared\_buffers", "\[1\]"), `code` and **strong** / *emphasis* markers.
# Kept: "\|" (a pipe inside a table cell, not a cell border), headings, list and table syntax.
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>~])")
# Spans may run across the line breaks of a paragraph (the page's source wrapped inside an <em>
# or a <pre><b>), never across a blank line: markup is removed paragraph by paragraph.
# trafilatura writes each <code> between single backticks, adjacent ones too ("`a``b`"), and
# escapes nothing inside. Strong markers open at a word's edge: "2**53" is a power, "**^J**s"
# a bold key with its plural.
_CODE = re.compile(r"`([^`]+)`")
# A row of the Markdown tables trafilatura writes: "| a | b |".
_TABLE_ROW = re.compile(r"\s*\|.*\|\s*")
_STRONG = re.compile(r"(?<![\w*\\])\*\*(?=\S)(.+?)(?<=\S)\*\*(?!\*)", re.DOTALL)
# A word's bold ending ("Argon2<strong>id</strong>" → "Argon2**id**"): letters only, so "2**53" and
# "2**53 and 2**64" stay powers.
_STRONG_ENDING = re.compile(r"(?<=[A-Za-z0-9])\*\*([A-Za-z]+)\*\*(?![\w*])")
_EMPHASIS = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^*]+?)(?<=[^\s*\\])\*(?![\w*])")


def as_read(markdown: str) -> str:
    """The Markdown with its inline markup removed, so quoted spans stand verbatim in the text a
    reader of the page sees; fenced code is left as it is."""
    out: list[str] = []
    paragraph: list[str] = []
    block = ""  # the code block open, as rag.text reads them

    def flush() -> None:
        if paragraph:
            out.extend(_without_inline_markup("\n".join(paragraph)).split("\n"))
            paragraph.clear()

    for line in markdown.split("\n"):
        after = code_block_after(line, block)
        if block or after:
            # A fence closes only as it opened: a code line's indented "~~~~" had been taken
            # for one, and from there on code and prose swapped, the prose keeping its markup
            # ("entry\_points" where the page shows "entry_points").
            flush()
            out.append(line)
        elif not line.strip():
            flush()
            out.append(line)
        elif _TABLE_ROW.fullmatch(line):
            # Markup never runs from one table row into the next: mplayer's FAQ table holds
            # one unpaired backtick in a row and another 140 rows down, all "code" between.
            flush()
            out.append(_without_inline_markup(line))
        else:
            paragraph.append(line)
        block = after
    flush()
    return "\n".join(out)


def _without_inline_markup(text: str) -> str:
    """A paragraph's text without its inline markup. Code is code: "**" and "\\" in
    "`f(*args, **kwargs)`" or "`acme\\.org`" are the page's own characters, not emphasis or
    escapes; each code span stands as one placeholder while the markup around it goes, since
    emphasis may hold code ("*see `x` here*")."""
    codes: list[str] = []

    def hold(m: re.Match[str]) -> str:
        if m.group(1) is None:
            return _TICK_HELD
        codes.append(m.group(1))
        return _CODE_HELD

    marked = _CODE_OR_TICK.sub(hold, text.replace(_CODE_HELD, "").replace(_TICK_HELD, ""))
    read = _ESCAPE.sub(r"\1", _EMPHASIS.sub(r"\1", _STRONG.sub(r"\1", _STRONG_ENDING.sub(r"\1", marked))))
    pieces = read.split(_CODE_HELD)
    read = pieces[0] + "".join(code + rest for code, rest in zip(codes, pieces[1:], strict=True))
    return read.replace(_TICK_HELD, "`")


# A backtick the page's text shows ("``PYRO_``") comes escaped, and opens no code; inside code
# nothing is escaped ("`\\`" is a backslash).
_CODE_OR_TICK = re.compile(r"\\`|" + _CODE.pattern)
# Private-use characters: no page's text holds them, and no markup pattern takes one as a space.
_CODE_HELD = "\ue000"
_TICK_HELD = "\ue001"
