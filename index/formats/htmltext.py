"""HTML to Markdown-like text with the standard library: every element's text is kept (no
main-content guessing), headings become "#" lines, list items "- " lines, table rows "| a | b |"
lines. Used for EPUB chapters (no page chrome to remove) and for HTML when cleaning is off."""

from __future__ import annotations

import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "nav", "aside", "main", "blockquote",
        "figure", "figcaption", "dl", "dt", "dd", "ul", "ol", "table", "thead", "tbody", "br",
        "hr", "body", "form",
    }
)
_SKIP = frozenset({"script", "style", "head", "template", "noscript", "svg"})
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


class _ToMarkdown(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.prefix = ""
        self.skip = 0
        self.pre = 0
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.lists: list[list[int]] = []  # per open list: [ordered?, next number]
        self.title = ""
        self.in_title = False

    # -- helpers --
    def _flush(self) -> None:
        text = "".join(self.current)
        text = text if self.pre else _SPACES.sub(" ", text).strip()
        if text:
            self.lines.append(self.prefix + text)
        self.current = []
        self.prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP:
            self.skip += 1
            return
        if tag in _HEADINGS:
            self._flush()
            self.prefix = "#" * _HEADINGS[tag] + " "
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append([tag == "ol", 1])
        elif tag == "li":
            self._flush()
            depth = max(len(self.lists) - 1, 0)
            if self.lists and self.lists[-1][0]:
                self.prefix = "   " * depth + f"{self.lists[-1][1]}. "
                self.lists[-1][1] += 1
            else:
                self.prefix = "   " * depth + "- "
        elif tag == "pre":
            self._flush()
            self.lines.append("```")
            self.pre += 1
        elif tag == "tr":
            self._flush()
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skip = max(self.skip - 1, 0)
            return
        if tag in ("td", "th") and self.row is not None and self.cell is not None:
            self.row.append(_SPACES.sub(" ", "".join(self.cell)).strip().replace("|", "\\|"))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            if any(self.row):
                self.lines.append("| " + " | ".join(self.row) + " |")
            self.row = None
        elif tag == "pre":
            text = "".join(self.current).strip("\n")
            self.lines.extend(text.splitlines())
            self.current = []
            self.lines.append("```")
            self.pre = max(self.pre - 1, 0)
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag in _HEADINGS or tag == "li" or tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data)
        else:
            self.current.append(data)


def html_to_markdown(html: str) -> tuple[str, str]:
    """(title, text): blocks separated by blank lines, except list items and table rows,
    which stay on consecutive lines as Markdown writes them."""
    parser = _ToMarkdown()
    parser.feed(html)
    parser.close()
    parser._flush()
    out: list[str] = []
    in_code = False
    for line in parser.lines:
        tight = in_code or (out and _is_item(line) and _is_item(out[-1]))
        if line == "```":
            in_code = not in_code
            tight = not in_code  # the closing fence follows the code directly
        if out and not tight:
            out.append("")
        out.append(line)
    return _SPACES.sub(" ", parser.title).strip(), "\n".join(out)


def _is_item(line: str) -> bool:
    stripped = line.lstrip()
    return stripped.startswith(("- ", "| ")) or bool(re.match(r"\d+\. ", stripped))
