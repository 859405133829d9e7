"""What trafilatura is handed: the page with its step-through link bars removed and, when the
page has no content container trafilatura recognises, its body wrapped in one.

Without a container (<main>, <article>, id/class "content", ...) trafilatura skips its main pass
and only recovers loose paragraphs, code and tables: headings, lists and definition lists are
lost and every paragraph is kept, navigation bars included. GNU texinfo manuals and DocBook
pages are built that way (a "Next: ..., Previous: ..., Up: ..." bar above each section)."""

from __future__ import annotations

import re
from typing import Any

# Links that step through a multi-part document, and the texinfo bars that carry no rel.
_NAV_RELS = frozenset({"next", "prev", "previous", "up"})
_NAV_LEAD = re.compile(r"\s*(?:Next|Prev(?:ious)?|Up)\s*:")
_BAR_BLOCKS = frozenset({"p", "div", "nav", "table", "tr", "td", "ul", "ol", "header", "footer"})
_WORD = re.compile(r"\w")
_SELF_ANCHORS = frozenset({"¶", "#", "§", "🔗"})
# A bar is (almost) only links: at most this many word characters outside them, this many in all.
_BAR_OWN_CHARS = 40
_BAR_MAX_CHARS = 600
# lxml refuses a str that declares its encoding (XHTML's "<?xml version=... encoding=...?>");
# the text is already decoded, so the declaration says nothing more.
_XML_DECLARATION = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")


def prepare_html(html: str) -> str:
    """The page for trafilatura; unparseable input is returned as it is (trafilatura reports)."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except Exception:  # lxml raises several types on odd input; trafilatura will say what
        return html
    body = tree.find("body")
    if body is None or len(body) == 0:
        return html
    _drop_link_bars(body)
    _drop_empty_frames(body)
    _unmask_sections(body)
    _drop_self_anchors(body)
    _drop_empty_anchors(body)
    _unwrap_named_anchors(body)
    _unwrap_linked_headings(body)
    _join_definitions(body)
    _lift_tables(body)
    _lift_code(body)
    _flatten_code(body)
    if not _has_content_frame(tree):
        main = lxml_html.Element("main")
        main.text, body.text = body.text, None
        main.extend(list(body))  # moves the children, their tail text with them
        body.append(main)
    for container in list(body.iter(*_CONTAINERS)):  # listed first: wrapping adds elements
        _wrap_loose_text(container)
    return str(lxml_html.tostring(tree, encoding="unicode"))


# Elements whose loose text, beside block children, a browser shows as paragraphs of their own.
_CONTAINERS = ("body", "main", "div", "section", "article", "blockquote", "center")
# Elements that flow inside a line of text.
_INLINE = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "dfn", "em",
    "font", "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
    "sup", "time", "tt", "u", "var", "wbr",
})


def _is_inline(node: Any) -> bool:
    return not isinstance(node.tag, str) or node.tag in _INLINE  # a comment goes with its text


def _wrap_loose_text(container: Any) -> None:
    """Text and inline elements lying loose between the blocks of a container (old handwritten
    pages: "<pre>…</pre><tt>CHUNK</tt> is simply the buffer size …") become paragraphs, as a
    browser lays them out. Loose, trafilatura makes each piece a paragraph and drops the space
    after an inline element: "CHUNKis simply …", then "zlib" alone, then "routines."."""
    children = list(container)
    loose_text = bool((container.text or "").strip()) or any(
        (c.tail or "").strip() or (_is_inline(c) and isinstance(c.tag, str)) for c in children
    )
    if not loose_text or all(_is_inline(c) for c in children):
        return  # nothing loose, or one run of text that is already the container's paragraph
    from lxml import html as lxml_html

    sequence: list[Any] = []
    para = None
    if (container.text or "").strip():
        para = lxml_html.Element("p")
        para.text = container.text
    container.text = None
    for child in children:
        container.remove(child)  # its tail text goes with it
        if _is_inline(child):
            if para is None:
                para = lxml_html.Element("p")
            para.append(child)
            continue
        if para is not None:
            _close(para, sequence)
            para = None
        if (child.tail or "").strip():
            para = lxml_html.Element("p")
            para.text, child.tail = child.tail, None
        sequence.append(child)
    if para is not None:
        _close(para, sequence)
    container.extend(sequence)


def _close(para: Any, sequence: list[Any]) -> None:
    """A paragraph with text joins the sequence; one of only empty anchors or comments does not
    (its elements stay, unwrapped), or it would be an empty line of the text."""
    if para.text_content().strip():
        sequence.append(para)
    else:
        sequence.extend(list(para))


def _chars(text: str) -> int:
    return len(_WORD.findall(text))


def _is_link_bar(block: Any) -> bool:
    total = _chars(block.text_content())
    linked = sum(_chars(a.text_content()) for a in block.iter("a"))
    return total <= _BAR_MAX_CHARS and total - linked <= _BAR_OWN_CHARS


def _drop_link_bars(body: Any) -> None:
    links = [a for a in body.iter("a") if _NAV_RELS & set((a.get("rel") or "").lower().split())]
    links += [b.find(".//a") for b in body.iter("p", "div", "td") if _NAV_LEAD.match(b.text_content())]
    for link in links:
        if link is None or not any(up is body for up in link.iterancestors()):
            continue  # no link, or already gone with an earlier bar
        block = next((up for up in link.iterancestors() if up.tag in _BAR_BLOCKS), None)
        if block is None or block is body or not _is_link_bar(block):
            continue
        # Climb through wrappers that hold nothing else (texinfo's <div class="header"><p>).
        text = block.text_content().strip()
        while (parent := block.getparent()) is not None and parent is not body:
            if parent.text_content().strip() != text:
                break
            block = parent
        block.drop_tree()  # keeps the tail text


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SECTIONS = ("section", "div", "article")


# A heading's section number ("1.2\xa0\xa0\xa0The intention of Lintian", as docutils numbers
# them): the section's id is named after the title alone ("the-intention-of-lintian").
_NUMBERING = re.compile(r"^\s*\d+(?:\.\d+)*\.?\s+")


def _drop_empty_frames(body: Any) -> None:
    """Containers with nothing to read and no picture (a Bootstrap page's empty <div role="main">
    under its navbar): trafilatura took the empty one for the page's main content and fell back to a
    coarser pass, which lost ImageMagick's security advice list."""
    for frame in list(body.iter(*_FRAMES)):
        empty = not frame.text_content().strip() and next(frame.iter("img"), None) is None
        if empty and frame.getparent() is not None:
            frame.drop_tree()  # keeps the tail text


_FRAMES = ("div", "section", "article", "main")


def _slug(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _unmask_sections(body: Any) -> None:
    """A section named after its own heading (Sphinx's <section id="menus"><h2>Menus</h2>,
    "editing-and-navigation", docutils' "2.3 Lintian Tags" as "lintian-tags") loses that id:
    trafilatura drops elements whose id says "menu", "nav" or "tags" as page chrome, and took
    with them two thirds of IDLE's manual and half of Lintian's."""
    for section in body.iter(*_SECTIONS):
        name = section.get("id")
        if not name:
            continue
        heading = next((c for c in list(section)[:3] if c.tag in _HEADINGS), None)
        if heading is not None and _slug(_NUMBERING.sub("", heading.text_content())) == _slug(name):
            del section.attrib["id"]


def _drop_self_anchors(body: Any) -> None:
    """The "¶" / "#" links a heading or term carries to its own address: not text a reader reads
    ("Debugger#" is the heading "Debugger")."""
    for a in list(body.iter("a")):
        if (a.get("href") or "").startswith("#") and a.text_content().strip() in _SELF_ANCHORS:
            a.drop_tree()


def _drop_empty_anchors(body: Any) -> None:
    """Anchors with nothing inside (DocBook's <h2><a id="papersize"></a>11.1. How …?</h2>, its
    index terms): a reader sees nothing, yet trafilatura dropped every heading that opened with
    one, or made it a plain paragraph: the Debian FAQ lost all its questions."""
    for a in list(body.iter("a")):
        if len(a) == 0 and not (a.text or "").strip():
            a.drop_tree()  # keeps the tail text


def _unwrap_named_anchors(body: Any) -> None:
    """An anchor that links nowhere (<a name="copy_pinerc">, no href) marks a place; what it holds
    is plain text to a reader. Old pages leave one unclosed, and the parser then puts the rest of
    the list inside it, which trafilatura dropped as one long link: Alpine's command-line page
    lost twenty options after "-copy_abook"."""
    for a in list(body.iter("a")):
        if a.get("href") is None and (len(a) or (a.text or "").strip()):
            a.drop_tag()  # keeps the children and the text


def _unwrap_linked_headings(body: Any) -> None:
    """A link around a heading (pod2html's <a href="#_podtop_"><h1>OPTIONS</h1></a>, a "back
    to top" link): trafilatura read it as a link and dropped the heading, so stunnel's manual
    lost every section title. The heading stays; the link around it goes."""
    for a in list(body.iter("a")):
        if any(True for _ in a.iter(*_HEADINGS)):
            a.drop_tag()  # keeps the children and the text


def _join_definitions(body: Any) -> None:
    """A definition list's terms go in front of their definition ("-o file --output=file Write
    the statistics to file."): trafilatura would make each term and each definition a list item
    of its own, and an option's description would no longer name the option."""
    for dl in list(body.iter("dl")):
        _unnest_terms(dl)
        terms: list[str] = []
        for child in list(dl):
            if child.tag == "dt":
                label = " ".join(child.text_content().split())
                if label:
                    terms.append(label)
                child.drop_tree()
            elif child.tag == "dd":
                if terms:
                    # Joined by spaces only: a citation stays the page's words in the page's order.
                    lead = " ".join(terms) + " "
                    first = child[0] if len(child) and not (child.text or "").strip() else None
                    if first is not None and first.tag == "p":
                        first.text = lead + (first.text or "")
                    else:
                        child.text = lead + (child.text or "")
                terms = []
                # A definition of text alone is a paragraph: trafilatura drops a <div>'s own
                # text (DocBook's "%s The number of started edges." vanished, and of
                # "… by <code>-j</code> or its default)" only the words after the code stayed).
                child.tag = "p" if all(_is_inline(c) for c in child) else "div"
        dl.tag = "div"


def _unnest_terms(dl: Any) -> None:
    """The definitions and terms a term holds go after it, as its list's own: a page that leaves
    a term's <a name> unclosed has the parser nest the rest of the list in that term, where
    joining terms to definitions would drop it with the term."""
    i = 0
    while i < len(dl):
        term = dl[i]
        if term.tag == "dt":
            first = next((k for k, c in enumerate(term) if c.tag in ("dt", "dd")), None)
            if first is not None:
                for offset, nested in enumerate(list(term)[first:], 1):
                    dl.insert(i + offset, nested)  # moves it, with its tail text
        i += 1


# Inline code elements: markup inside one (Sphinx's <code><span class="pre">…</span></code>,
# an <em> placeholder) makes trafilatura move or drop the text after it: "<code><em>x</em>.y</code>
# z" came out as "x.y" without " z"; Python's policy page read "*.rtinstallrtinstall".
_CODE = ("code", "tt", "kbd", "samp", "var")
_LINE_BREAKS = re.compile(r"\s*\n\s*")


def _flatten_code(body: Any) -> None:
    """Inline code keeps its text and loses the elements inside it. Outside <pre> its line
    breaks are spaces, as a browser shows them: trafilatura made "<code>unsigned\nshort</code>"
    a fenced block of three lines in the middle of a sentence."""
    from lxml import etree

    for code in list(body.iter(*_CODE)):
        if len(code):
            etree.strip_tags(code, "*")
        if code.text and "\n" in code.text and not any(a.tag == "pre" for a in code.iterancestors()):
            code.text = _LINE_BREAKS.sub(" ", code.text.strip())


# Where trafilatura reads a table as one run of text ("path Yes type Possible values: file,
# linkmatch-case No"): cells and rows lose their bounds, and words at them are glued.
_FLATTENING = ("ul", "ol", "blockquote")


def _lift_tables(body: Any) -> None:
    """A table inside a list item or a quotation is set between the two halves of the outermost
    such block: what comes before it, the table, what comes after it, in the page's order."""
    for table in list(body.iter("table")):
        top = None
        for ancestor in table.iterancestors():
            if ancestor.tag in _FLATTENING:
                top = ancestor
        if top is None:
            continue
        after = _split_after(top, table)
        table.getparent().remove(table)
        top.addnext(table)
        if after is not None and (after.text_content().strip() or len(after)):
            after.tail, top.tail = top.tail, None
            table.addnext(after)
        else:
            table.tail, top.tail = top.tail, None


def _lift_code(body: Any) -> None:
    """A code block inside an item of a list (not itself inside a list) is set after the list's
    items up to it, as a reader sees it below the item's text: trafilatura reads an item as one
    line, and Sphinx's "Download a collection of files." + "$ davix-get -r20 dav://… mydir" +
    "davix-get will crawl …" had run into one sentence. What follows the block in its item
    comes next as plain text, then the list's other items. Not in a numbered list: trafilatura
    would number the items after the block from 1 again."""
    from lxml import etree

    for pre in list(body.iter("pre")):
        lists = [a for a in pre.iterancestors() if a.tag in ("ul", "ol")]
        if len(lists) != 1 or lists[0].tag != "ul" or any(a.tag in ("blockquote", "table") for a in pre.iterancestors()):
            continue
        listed = lists[0]
        item = next((a for a in pre.iterancestors() if a.getparent() is listed and a.tag == "li"), None)
        if item is None:
            continue
        # The block with the frames that hold only it (Sphinx's <div class="highlight">): set
        # out of a list, trafilatura fences such a block as code.
        block, code = pre, pre.text_content().strip()
        while block.getparent() is not item and block.getparent().text_content().strip() == code:
            block = block.getparent()
        later = list(item.itersiblings())
        rest = _split_after(item, block)
        block.getparent().remove(block)
        tail, listed.tail, block.tail = listed.tail, None, None
        listed.addnext(block)
        parts = []  # what follows the block, cut off from the list
        if rest is not None and (rest.text_content().strip() or len(rest)):
            rest.tag = "div"  # the item's text after the block: no item of its own
            rest.attrib.clear()
            parts.append(rest)
        if later:
            more = listed.makeelement(listed.tag, dict(listed.attrib))
            more.extend(later)
            parts.append(more)
        last = block
        for part in parts:
            # Cut off from the list's text, a short part that links to the page's sections
            # would read to trafilatura as a navigation bar ("Be careful … an And expression",
            # two of its words links); its links are words of the text.
            etree.strip_tags(part, "a")
            last.addnext(part)
            last = part
        last.tail = tail


def _split_after(top: Any, node: Any) -> Any:
    """Moves what follows node inside top into a copy of top's path down to node (same tags
    and attributes) and returns that copy; node's tail goes with it."""
    right = None
    cur = node
    while cur is not top:
        parent = cur.getparent()
        clone = parent.makeelement(parent.tag, dict(parent.attrib))
        if right is None:
            clone.text = cur.tail
        else:
            clone.append(right)
            right.tail = cur.tail
        cur.tail = None
        for sibling in list(cur.itersiblings()):
            clone.append(sibling)  # moves it, its tail text with it
        right = clone
        cur = parent
    return right


def _has_content_frame(tree: Any) -> bool:
    """Whether trafilatura's own content-container expressions find anything. BODY_XPATH is an
    internal name: if a trafilatura release drops it, pages are handed over unwrapped, as before."""
    try:
        from trafilatura.xpaths import BODY_XPATH
    except ImportError:
        return True
    return any(next(iter(expr(tree)), None) is not None for expr in BODY_XPATH)
