"""Build duff-manual.docx: the duff(1) manual page laid out as a Word document.

Source: the mdoc(7) manual page duff(1) of duff 0.5.2, the duplicate file
finder by Camilla Berglund, as shipped in the Debian package duff
0.5.2-1.1+b2 (``apt-get download duff && dpkg -x``), file
``/usr/share/man/man1/duff.1.gz``.

Usage::

    python build_duff-manual.py OUT.docx [SOURCE]

SOURCE is the manual page (gzip-compressed or plain); it defaults to
``fetch/x_duff/usr/share/man/man1/duff.1.gz``.

Licence: the manual page is under the zlib/libpng licence (its own header and
debian/copyright, ``Files: *``, ``License: Zlib``), which permits
redistribution of altered and unaltered copies. This script is offered under
the same terms.

Mapping (no sentence is reworded; the mdoc macros are only expanded to the
text that mandoc prints for them):

* ``.Dt`` title -> Title paragraph ("DUFF(1)"); ``.Dd`` date -> last paragraph.
* ``.Sh`` section -> Heading 1.
* ``.Nm``/``.Nd`` in NAME -> one Normal paragraph ("duff — ...").
* SYNOPSIS: each ``.Nm`` line -> one paragraph in the 'Code' style.
* ``.Bl -tag`` list (the options): each ``.It`` tag -> Heading 2, its text ->
  Normal paragraphs.
* ``.Bl -hang`` list (the header escape sequences) -> a two-column Word table,
  one row per ``.It``: the sequence, then its description (no header row is
  added, so no words are added).
* ``.Dl`` display line (example commands, default format strings) -> 'Code'
  paragraph, its text kept as written (only the ``\\&`` escapes dropped).
* ``.Pp`` -> paragraph break; text lines of one paragraph are joined by spaces.
* Inline macros: ``Fl`` -> "-flag", ``Ar``/``Cm`` -> the word, ``Op`` ->
  "[...]", ``Sq`` -> quoted in single curly quotes, ``Xr`` -> "name(section)",
  ``An ... Aq`` -> "Name <address>", ``Ex -std`` -> mandoc's standard exit
  status sentence. Closing punctuation arguments attach to the word before.
"""

import gzip
import shlex
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt

DEFAULT_SOURCE = "fetch/x_duff/usr/share/man/man1/duff.1.gz"
PUNCT = {",", ".", ";", ":", ")", "]", "?", "!"}
CALLABLE = {"Fl", "Ar", "Cm", "Op", "Sq", "Xr", "Aq", "Nm", "Li", "Pa"}


def read_source(path):
    data = Path(path).read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def unescape(word):
    return word.replace("\\&", "").replace("\\-", "-").replace("\\e", "\\")


def join_words(words):
    out = ""
    for w in words:
        glued = w in PUNCT or w in {"]", "’", ">"}
        if not out or out.endswith(("[", "(", "‘", "<")) or glued:
            out += w
        else:
            out += " " + w
    return out


def expand(macro, args, name):
    """Expand one mdoc macro with its (already split) arguments to words."""
    words = []
    i = 0
    while i < len(args):
        a = args[i]
        if a in PUNCT:
            words.append(a)
        elif a in CALLABLE:
            rest = args[i + 1:]
            if a == "Op":
                words.append("[")
                words.extend(expand("Op", rest, name) if rest else [])
                words.append("]")
                return words
            words.extend(expand(a, rest, name))
            return words
        elif macro == "Fl":
            words.append("-" + unescape(a))
        else:
            words.append(unescape(a))
        i += 1
    if macro == "Fl" and not args:
        words.append("-")
    if macro == "Nm" and not [w for w in words if w not in PUNCT]:
        words.insert(0, name)
    if macro == "Ar" and not args:
        words.append("file ...")
    return words


def inline(macro, args, name):
    """Render a line macro with inline semantics to text."""
    if macro == "Sq":
        return "‘" + join_words(expand("Sq", args, name)) + "’"
    if macro == "Xr":
        tail = args[2:]
        return join_words([f"{args[0]}({args[1]})"] + expand("Xr", tail, name))
    if macro == "An":
        author = args[0]
        if len(args) > 2 and args[1] == "Aq":
            return f"{author} <{args[2]}>"
        return author
    if macro == "Op":
        return join_words(["["] + expand("Op", args, name) + ["]"])
    return join_words(expand(macro, args, name))


def parse(text):
    """Turn the mdoc source into a list of blocks (kind, payload)."""
    blocks = []
    para = []
    name = "duff"
    title = ""
    date = ""
    section = ""
    lists = []
    hang_rows = None
    current_hang = None

    def flush():
        if para:
            t = " ".join(para)
            if hang_rows is not None and current_hang is not None:
                current_hang[1].append(t)
            else:
                blocks.append(("para", t))
            para.clear()

    for raw in text.splitlines():
        if raw.startswith('.\\"'):
            continue
        if not raw.startswith("."):
            para.append(unescape(raw.strip()))
            continue
        if raw.startswith(".Dl "):
            flush()
            blocks.append(("code", unescape(raw[4:].strip())))
            continue
        parts = shlex.split(raw[1:].replace("\\&", "\x00"))
        parts = [p.replace("\x00", "\\&") for p in parts]
        macro, args = parts[0], parts[1:]
        if macro == "Dd":
            date = " ".join(args)
        elif macro == "Dt":
            title = f"{args[0]}({args[1]})"
            blocks.append(("title", title))
        elif macro == "Os":
            continue
        elif macro == "Sh":
            flush()
            section = " ".join(args)
            blocks.append(("h1", section))
        elif macro == "Nm" and section == "NAME":
            name = args[0]
        elif macro == "Nd":
            blocks.append(("para", f"{name} — {' '.join(args)}"))
        elif macro == "Nm" and section == "SYNOPSIS":
            blocks.append(("code", name))
        elif section == "SYNOPSIS" and macro == "Op":
            kind, prev = blocks[-1]
            blocks[-1] = (kind, prev + " " + inline("Op", args, name))
        elif macro == "Pp":
            flush()
        elif macro == "Bl":
            flush()
            lists.append(args[0])
            if args[0] == "-hang":
                hang_rows = []
        elif macro == "El":
            flush()
            kind = lists.pop()
            if kind == "-hang":
                blocks.append(("table", hang_rows))
                hang_rows = None
                current_hang = None
        elif macro == "It":
            flush()
            tag = inline(args[0], args[1:], name)
            if lists[-1] == "-hang":
                current_hang = [tag, []]
                hang_rows.append(current_hang)
            else:
                blocks.append(("h2", tag))
        elif macro == "Ex":
            para.append(f"The {name} utility exits 0 on success, and >0 if an error occurs.")
        else:
            para.append(inline(macro, args, name))
    flush()
    # punctuation that followed a macro on its own line stays attached
    fixed = []
    for kind, payload in blocks:
        if kind != "code" and isinstance(payload, str):
            for p in PUNCT:
                payload = payload.replace(" " + p + " ", p + " ")
                if payload.endswith(" " + p):
                    payload = payload[:-2] + p
        fixed.append((kind, payload))
    fixed.append(("para", date))
    return fixed


def code_style(doc):
    styles = doc.styles
    if "Code" in [s.name for s in styles]:
        return styles["Code"]
    style = styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles["Normal"]
    style.font.name = "Courier New"
    style.font.size = Pt(9.5)
    style.paragraph_format.left_indent = Pt(18)
    return style


def build(out, source):
    blocks = parse(read_source(source))
    doc = Document()
    code_style(doc)
    for kind, payload in blocks:
        if kind == "title":
            doc.add_heading(payload, level=0)
        elif kind == "h1":
            doc.add_heading(payload, level=1)
        elif kind == "h2":
            doc.add_heading(payload, level=2)
        elif kind == "code":
            doc.add_paragraph(payload, style="Code")
        elif kind == "table":
            table = doc.add_table(rows=0, cols=2)
            table.style = "Table Grid"
            for tag, texts in payload:
                cells = table.add_row().cells
                cells[0].text = tag
                cells[1].text = " ".join(texts)
        else:
            doc.add_paragraph(payload)
    doc.core_properties.title = "duff(1) — duplicate file finder"
    doc.save(out)


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    build(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else DEFAULT_SOURCE)
