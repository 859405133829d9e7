"""Loading files into cleaned text, and the one-line reason given when a file cannot be loaded."""

from __future__ import annotations

import codecs
import hashlib
import socket
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfWriter

from index.formats.html import as_read, read_html
from index.loaders import (
    SUPPORTED_SUFFIXES,
    LoadedDocument,
    LoadError,
    load_document,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MIB = 1024 * 1024
LIMIT = 50 * MIB

BODY_1 = (
    "The river flows through the valley and feeds the farms that line its banks, and the "
    "farmers depend on it for water during the long dry summer months."
)
BODY_2 = (
    "Local officials say the water level has fallen every year since records began, and they "
    "have asked the regional government for help with new reservoirs and pipes."
)


def _reason(path: Path, max_bytes: int = LIMIT) -> str:
    with pytest.raises(LoadError) as info:
        load_document(path, max_bytes)
    reason = str(info.value)
    assert "\n" not in reason
    return reason


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the loader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    yield


# --- reasons -----------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    assert _reason(tmp_path / "nope.txt") == "file not found"


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    assert _reason(tmp_path) == "is a folder, not a file"


def test_unsupported_type(tmp_path: Path) -> None:
    path = tmp_path / "report.key"
    path.write_bytes(b"PK\x03\x04")
    assert _reason(path) == (
        "unsupported file type '.key' (supported: .adoc, .cfg, .conf, .csv, .docx, .epub, .htm, "
        ".html, .ini, .json, .markdown, .md, .org, .pdf, .pptx, .rst, .text, .toml, .txt, .yaml, "
        ".yml, and files with no extension as plain text)"
    )


def test_supported_suffixes() -> None:
    assert {
        ".txt", ".md", ".markdown", ".rst", ".html", ".htm", ".pdf", ".docx", ".pptx", ".epub",
        ".csv", ".json", ".text", ".yaml", ".yml", ".toml", ".ini", ".cfg", ".conf", ".org", ".adoc",
    } == SUPPORTED_SUFFIXES


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("README", "Frobnicator\n===========\n\nThe frobnicator listens on port 7311 by default."),
        ("NEWS", "* Noteworthy changes in release 1.2\n\n- fixed: crash on empty input"),
        ("config.yaml", "# server settings\nport: 7311\nworkers: 4  # worker processes"),
        ("app.ini", "[server]\nport = 7311"),
        ("notes.org", "* Notes\nThe backup runs at 02:00 every night."),
    ],
)
def test_plain_text_kinds_are_read_whole(tmp_path: Path, name: str, text: str) -> None:
    """READMEs and NEWS files without an extension, configuration files and notes are text:
    kept line for line, as a .txt file is."""
    path = tmp_path / name
    path.write_text(text + "\n", encoding="utf-8")
    doc = load_document(path, LIMIT)
    assert doc.text == text and doc.plain and doc.kept_ratio == 1.0


def test_binary_file_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "frobnicate"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    assert _reason(path) == "binary file, not text"


@pytest.mark.parametrize("content", [b"", b"  \n\n\t \r\n", codecs.BOM_UTF8])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert _reason(path) == "empty file"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert _reason(path) == "binary file, not text"


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.md"
    path.write_bytes(bytes((i * 73 + 11) % 128 + 128 for i in range(2000)))
    assert _reason(path) == "not valid text in any known encoding"


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as f:
        writer.write(f)
    assert _reason(path) == "PDF has no text layer (a scanned image?); run OCR on it first"


def test_file_that_is_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_text("just some text pretending to be a PDF", encoding="utf-8")
    assert _reason(path) == "unreadable PDF: no PDF header (is it really a PDF?)"


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n")
    assert _reason(path).startswith("unreadable PDF: ")


def test_oversize_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(int(73.4 * MIB))  # sparse: the size is real, the disk use is not
    assert _reason(path, max_bytes=LIMIT) == (
        "file is 73.4 MB, over the 50.0 MB limit (raise max_file_mb to allow it)"
    )


def test_small_limit(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(BODY_1 * 20, encoding="utf-8")
    assert "over the 0.0 MB limit (raise max_file_mb" in _reason(path, max_bytes=100)


def test_file_that_is_all_boilerplate(tmp_path: Path) -> None:
    path = tmp_path / "footer.txt"
    path.write_text(
        "Home\nNews\nSign up for our newsletter\nLeave a Reply\n"
        "Your email address will not be published.\n",
        encoding="utf-8",
    )
    assert _reason(path) == "nothing left after removing page chrome"


def test_html_that_is_all_boilerplate(tmp_path: Path, no_network: None) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><body><nav><a href='/'>Home</a><a href='/a'>About</a></nav></body></html>",
        encoding="utf-8",
    )
    assert _reason(path) == "nothing left after removing page chrome"


# --- good files --------------------------------------------------------------------------------


def test_seed_text_file(tmp_path: Path) -> None:
    source = SEEDS / "001_4c1f483199f9eca4.txt"
    doc = load_document(source, LIMIT)
    assert isinstance(doc, LoadedDocument)
    assert doc.path == source.resolve()
    assert doc.path.is_absolute()
    assert doc.title == (
        "Russia orders troops to withdraw from front line positions after shock Ukrainian advance"
    )
    assert doc.raw_sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    paragraphs = doc.text.split("\n\n")
    assert paragraphs[0] == doc.title
    assert "Taylor Swift" not in doc.text
    raw = source.read_text(encoding="utf-8")
    assert all(p in raw for p in paragraphs)


def test_relative_path_is_resolved(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.txt").write_text(f"{BODY_1}\n{BODY_2}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    doc = load_document(Path("a.txt"), LIMIT)
    assert doc.path == (tmp_path / "a.txt").resolve()


def test_title_falls_back_to_the_stem(tmp_path: Path) -> None:
    path = tmp_path / "river-notes.txt"
    path.write_text(f"{BODY_1}\n\n{BODY_2}\n", encoding="utf-8")
    doc = load_document(path, LIMIT)
    assert doc.title == "river-notes"
    assert doc.text == f"{BODY_1}\n\n{BODY_2}"


def test_a_section_heading_below_a_readmes_opening_prose_is_not_its_title(tmp_path: Path) -> None:
    path = tmp_path / "groovy-README.md"
    path.write_text(f"{BODY_1}\n\n### Features\n\n- Converts functions.\n", encoding="utf-8")
    assert load_document(path, LIMIT).title == "groovy-README"
    path.write_text(f"{BODY_1}\n\n# Groovy\n\n## Features\n", encoding="utf-8")
    assert load_document(path, LIMIT).title == "Groovy"


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [
        ("utf-8", b""),
        ("utf-8", codecs.BOM_UTF8),
        ("utf-16-le", codecs.BOM_UTF16_LE),
        ("utf-16-be", codecs.BOM_UTF16_BE),
        ("cp1252", b""),
    ],
)
def test_text_encodings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    body = (
        "Le café était très animé ce soir-là, et les garçons servaient des crêpes à la crème "
        "pendant que les musiciens jouaient jusqu’à minuit sur la petite place du village."
    )
    path = tmp_path / "cafe.txt"
    path.write_bytes(bom + f"Une soirée au café du village\n\n{body}\n".encode(encoding))
    doc = load_document(path, LIMIT)
    assert doc.title == "Une soirée au café du village"
    assert doc.text == f"Une soirée au café du village\n\n{body}"


def test_markdown(tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    path.write_text(f"# Notes on the river\n\n{BODY_1}\n\n{BODY_2}\n", encoding="utf-8")
    doc = load_document(path, LIMIT)
    assert doc.title == "Notes on the river"
    assert doc.text == f"# Notes on the river\n\n{BODY_1}\n\n{BODY_2}"


def test_html_page(tmp_path: Path, no_network: None) -> None:
    path = tmp_path / "page.html"
    path.write_text(
        f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Valley river report | Daily Courier</title>
<meta property="og:title" content="Valley river report"></head>
<body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article>
<h1>Valley river report</h1>
<p>{BODY_1}</p>
<p>{BODY_2}</p>
</article></main>
<aside><h2>Related Articles</h2><ul>
<li><a href="/1">Five things to do in the city this weekend</a></li>
<li><a href="/2">Local team wins the regional cup</a></li></ul></aside>
<footer><p>Sign up for our newsletter to get the news delivered to your inbox.</p>
<p>Copyright 2024 Daily Courier. All rights reserved.</p></footer>
</body></html>""",
        encoding="utf-8",
    )
    doc = load_document(path, LIMIT)
    assert doc.title == "Valley river report"
    paragraphs = doc.text.split("\n\n")
    assert BODY_1 in paragraphs
    assert BODY_2 in paragraphs
    for junk in ("Home", "Related Articles", "Five things", "newsletter", "Copyright"):
        assert junk not in doc.text


def test_html_short_headline_is_kept_as_title(tmp_path: Path, no_network: None) -> None:
    path = tmp_path / "short.htm"
    path.write_text(
        "<html><head><title>River news</title></head><body>"
        "<nav><a href='/'>Home</a></nav>"
        f"<article><h1>River news</h1><p>{BODY_1}</p><p>{BODY_2}</p></article>"
        "<footer>Subscribe to our newsletter</footer></body></html>",
        encoding="utf-8",
    )
    doc = load_document(path, LIMIT)
    assert doc.title == "River news"
    # The heading keeps its Markdown level: it opens the section the chunks are cited under.
    assert doc.text == f"# River news\n\n{BODY_1}\n\n{BODY_2}"
    assert doc.markdown


def test_pdf_with_text(tmp_path: Path, office: Any) -> None:
    path = office.pdf(
        tmp_path / "river.pdf",
        [
            [
                "Rivers of the Northern Valley",
                "The river flows through the valley and feeds the farms that line its banks,",
                "and the farmers depend on it for water during the long dry summer and irri-",
                "gation season that follows the melting of the snow.",
                "Local officials say the water level has fallen every year since records began,",
                "1",
            ],
            [
                "and they have asked the regional government for help with new reservoirs and",
                "pipes.",
                "The council will publish its plan for the river in the autumn.",
                "Page 2 of 2",
            ],
        ],
        title="untitled",
    )
    doc = load_document(path, LIMIT)
    assert doc.title == "Rivers of the Northern Valley"
    assert doc.text.split("\n\n") == [
        "Rivers of the Northern Valley",
        "The river flows through the valley and feeds the farms that line its banks, and the "
        "farmers depend on it for water during the long dry summer and irrigation season that "
        "follows the melting of the snow.",
        "Local officials say the water level has fallen every year since records began, and "
        "they have asked the regional government for help with new reservoirs and pipes.",
        "The council will publish its plan for the river in the autumn.",
    ]
    assert doc.raw_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_pdf_metadata_title_when_the_text_has_no_headline(tmp_path: Path, office: Any) -> None:
    path = office.pdf(
        tmp_path / "plain.pdf",
        [[*textwrap.wrap(BODY_1, 70), "", *textwrap.wrap(BODY_2, 70)]],
        title="Valley river report",
    )
    doc = load_document(path, LIMIT)
    assert doc.title == "Valley river report"
    assert "the farmers depend" in doc.text


# --- cleaning policy ---------------------------------------------------------------------------

ORDINARY = Path("/work/shared/fixtures/ordinary")
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _lines(text: str) -> list[str]:
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


@pytest.mark.parametrize(
    "source",
    [ORDINARY / "faq.txt", ORDINARY / "install.md", FIXTURES / "tmux-README.txt",
     FIXTURES / "nodejs-commit-queue.md"],
    ids=lambda p: p.name,
)
def test_ordinary_documents_are_kept_whole(source: Path) -> None:
    if not source.exists():
        pytest.skip(f"{source} is not on this machine")
    doc = load_document(source, LIMIT)
    assert _lines(doc.text) == _lines(source.read_text(encoding="utf-8"))
    assert doc.kept_ratio == 1.0


def test_faq_and_install_titles_and_structure() -> None:
    if not ORDINARY.exists():
        pytest.skip("shared fixtures are not on this machine")
    faq = load_document(ORDINARY / "faq.txt", LIMIT)
    guide = load_document(ORDINARY / "install.md", LIMIT)
    assert faq.title == "Acme Cloud FAQ" and not faq.markdown
    assert guide.title == "Installing Widget Server" and guide.markdown
    assert "| port | 8080 |" in guide.text.splitlines()


def test_clean_web_runs_the_scraped_page_cleaner_on_any_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text(f"Shopping list\nMilk\nEggs\n{BODY_1}\n{BODY_2}\n", encoding="utf-8")
    assert "Eggs" in load_document(path, LIMIT).text  # auto: nothing web-like here
    assert "Eggs" not in load_document(path, LIMIT, clean="web").text
    assert load_document(path, LIMIT, clean="web").kept_ratio < 1.0


def test_clean_off_keeps_a_scraped_page(tmp_path: Path) -> None:
    raw = f"Home\nNews\n{BODY_1}\nLeave a Reply\nYour email address will not be published.\n"
    path = tmp_path / "page.txt"
    path.write_text(raw, encoding="utf-8")
    cleaned = load_document(path, LIMIT)
    assert "Leave a Reply" not in cleaned.text and BODY_1 in cleaned.text
    assert 0 < cleaned.kept_ratio < 1
    kept = load_document(path, LIMIT, clean="off")
    assert _lines(kept.text) == _lines(raw) and kept.kept_ratio == 1.0


def test_seed_kept_ratio_is_measured() -> None:
    doc = load_document(SEEDS / "001_4c1f483199f9eca4.txt", LIMIT)
    raw = (SEEDS / "001_4c1f483199f9eca4.txt").read_text(encoding="utf-8")
    expected = sum(c.isalnum() for c in doc.text) / sum(c.isalnum() for c in raw)
    assert doc.kept_ratio == pytest.approx(expected)
    assert doc.kept_ratio < 0.6  # a list of 50 other headlines went


DOCS_PAGE = """<!DOCTYPE html><html><head><title>Configuration | Widget docs</title></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/docs">Docs</a></li></ul></nav>
<div class="breadcrumbs"><a href="/">Home</a> / Configuration</div>
<main><article><h1>Configuration</h1>
<p>The server reads its settings from a file when it starts, and again when it is reloaded.</p>
<h2>Defaults</h2>
<table><tr><th>Setting</th><th>Default</th></tr><tr><td>port</td><td>8080</td></tr>
<tr><td>workers</td><td>4</td></tr></table>
<h2>Steps</h2>
<ol><li>Clone the repository</li><li>Run the installer</li></ol>
<pre><code>$ widget --port 8080
$ widget --help</code></pre>
</article></main>
<footer><p>Copyright 2024 Acme. All rights reserved.</p></footer></body></html>"""


def test_html_docs_page_keeps_structure_and_drops_chrome(tmp_path: Path, no_network: None) -> None:
    path = tmp_path / "config.html"
    path.write_text(DOCS_PAGE, encoding="utf-8")
    doc = load_document(path, LIMIT)
    lines = doc.text.splitlines()
    for wanted in ("# Configuration", "## Defaults", "| port | 8080 |", "| workers | 4 |",
                   "1. Clone the repository", "$ widget --port 8080", "$ widget --help"):
        assert wanted in lines
    assert "Home" not in doc.text and "Copyright" not in doc.text
    assert doc.markdown and 0 < doc.kept_ratio < 1
    everything = load_document(path, LIMIT, clean="off")
    assert "Home / Configuration" in everything.text and everything.kept_ratio == 1.0


# --- encodings ---------------------------------------------------------------------------------

CAFE = "Le café était très animé ce soir-là, et les garçons servaient des crêpes à la crème."


def test_utf8_with_one_bad_byte_is_kept_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes(CAFE.encode() + b"\nUne ligne \xff de plus.\n")
    doc = load_document(path, LIMIT)
    assert doc.text == f"{CAFE}\nUne ligne \ufffd de plus."
    assert doc.notes == ("1 invalid UTF-8 byte sequence replaced by U+FFFD",)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes(f"{CAFE}\nDeuxième ligne.\n".encode(encoding))
    assert load_document(path, LIMIT).text == f"{CAFE}\nDeuxième ligne."


def test_legacy_code_page_is_not_mojibake(tmp_path: Path) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes(f"{CAFE}\n".encode("cp1252"))
    text = load_document(path, LIMIT).text
    assert text == CAFE and "Ã" not in text


# --- PDF ---------------------------------------------------------------------------------------


def test_pdf_running_header_footer_and_page_numbers_go(tmp_path: Path, office: Any) -> None:
    """Page numbers and a running head go."""
    body = [
        "Chapter one explains how the pump is installed on the wall bracket.",
        "Chapter two explains how the pump is connected to the water supply.",
        "Chapter three explains how the filter is cleaned every spring season.",
    ]
    head = "ACME Pump Manual - Version 2"
    pages = [[head, body[i], f"Page {i + 1} of 3"] for i in range(3)]
    doc = load_document(office.pdf(tmp_path / "pump.pdf", pages), LIMIT)
    assert doc.text.split("\n\n") == body
    assert doc.page_starts == (len(body[0]) + 2, len(body[0]) + len(body[1]) + 4)
    assert 0 < doc.kept_ratio < 1


def test_a_running_head_with_the_chapter_and_page_number_goes(tmp_path: Path, office: Any) -> None:
    """A Texinfo manual's head changes with the chapter ("Chapter 2: Setup 4"), so it repeats
    on too few pages to be seen as running; the page number it carries runs with the pages."""
    parts = ("motor", "bracket", "hose", "filter", "valve", "cover")
    body = [f"This paragraph says how the {part} of the pump is fitted." for part in parts]
    heads = ["1", "Chapter 1: Fitting 2", "3", "Chapter 2: Setup 4", "5", "Chapter 3: Care 6"]
    pages = [[heads[n], body[n]] for n in range(6)]
    doc = load_document(office.pdf(tmp_path / "manual.pdf", pages), LIMIT)
    assert doc.text.split("\n\n") == body


def test_a_two_page_man_pages_head_and_foot_go(tmp_path: Path, office: Any) -> None:
    """Two pages are too few to see a line repeat on most; a man page printed to PDF has its
    head and its numbered foot as the first and last lines of both."""
    body = ["-int This option shows window ids as integer values.", "Mark Lillibridge, MIT Project Athena"]
    head = "XWININFO(1)   General Commands Manual   XWININFO(1)"
    pages = [[head, body[n], f"X Version 11   xwininfo 1.1.5   {n + 1}"] for n in range(2)]
    doc = load_document(office.pdf(tmp_path / "xwininfo.pdf", pages), LIMIT)
    # The foot stays once, where the text ends: it says which version the page describes.
    assert doc.text.split("\n\n") == [*body, "X Version 11 xwininfo 1.1.5 2"]
    # Different first and last lines stay: they are text.
    pages = [["Widget notes", body[0], "See page two."], ["More notes", body[1], "The end."]]
    doc = load_document(office.pdf(tmp_path / "notes.pdf", pages), LIMIT)
    assert "Widget notes" in doc.text and "The end." in doc.text


def _pdf_paragraphs(path: Path, office: Any, lines: list[str]) -> list[str]:
    """The paragraphs of a one-page PDF of these lines, as loaded."""
    return load_document(office.pdf(path, [lines]), LIMIT).text.split("\n\n")


def test_an_option_entry_on_one_line_is_a_paragraph_of_its_own(tmp_path: Path, office: Any) -> None:
    """gdu(1) as a PDF sets each option and its text on one line; a long one (full width) had
    taken the next entry into its paragraph."""
    lines = [
        "OPTIONS",
        "-i, --ignore-dirs=[/proc,/dev,/sys,/run] Absolute paths to ignore (separated by comma)",
        "-I, --ignore-dirs-pattern Absolute path patterns to ignore (separated by comma)",
        "-l, --log-file=\"/dev/null\" Path to a logfile",
        "Some prose that wraps over the full width of the page and so it goes on to the",
        "-x option below it, which is part of this sentence and no entry of its own here.",
    ]
    paragraphs = _pdf_paragraphs(tmp_path / "gdu.pdf", office, lines)
    assert lines[1] in paragraphs and lines[2] in paragraphs
    assert " ".join(lines[4:]) in paragraphs


def test_a_line_left_short_by_a_long_path_goes_on_with_it(tmp_path: Path, office: Any) -> None:
    """linkchecker(1) as a PDF: "Logs the check result into a file" is short because the path
    after it did not fit on its line; it had ended a paragraph there, and the path's line read as
    a paragraph of its own."""
    lines = [
        "OUTPUT TYPES",
        "Suitable for cron jobs. Logs the check result into a file",
        "$XDG_DATA_HOME/linkchecker/failures which only contains entries with invalid URLs",
        "and the number of times they have failed.",
        "A line that ends its sentence.",
        "$XDG_CONFIG_HOME/linkchecker/linkcheckerrc is the default configuration file here.",
    ]
    paragraphs = _pdf_paragraphs(tmp_path / "linkchecker.pdf", office, lines)
    assert " ".join(lines[1:4]) in paragraphs
    assert lines[5] in paragraphs


def test_an_option_tag_alone_on_its_line_opens_the_next_entry(tmp_path: Path, office: Any) -> None:
    """nnn(1) as a PDF: each tag on a line of its own, then its text. A nearly full line of text
    had taken the next tag as its last word ("… disable file colors -d")."""
    lines = [
        "-C",
        "8-color scheme - color directories by context, disable file colors for everything",
        "-d",
        "detail mode",
        "-b key",
        "specify bookmark key to open; with no key given it asks for one at the prompt below",
        "--header option.",
    ]
    paragraphs = _pdf_paragraphs(tmp_path / "nnn.pdf", office, lines)
    assert paragraphs[:5] == lines[:5]
    # A sentence's wrapped end that opens with an option ends in punctuation: it stays.
    assert paragraphs[5] == f"{lines[5]} {lines[6]}"


def test_an_options_two_spellings_on_lines_of_their_own_are_one_tag(tmp_path: Path, office: Any) -> None:
    """parallel-ssh(1) as a PDF: groff sets "-P" and "--print" each on a line above the text, and
    the text had read as the entry of "--print" alone, so "What does -P do?" found no entry."""
    lines = [
        "-P",
        "--print",
        "Display output as it arrives. This option is of limited usefulness because output from",
        "different hosts are interleaved, which makes it hard to read when there are many of them.",
        "-o file",
        "--output file",
        "Send output to file.",
        "-x",
        "Pass extra SSH command-line arguments.",
    ]
    paragraphs = _pdf_paragraphs(tmp_path / "pssh.pdf", office, lines)
    assert paragraphs == ["-P, --print", f"{lines[2]} {lines[3]}", "-o file, --output file", *lines[6:]]


def test_an_option_entry_after_a_sentences_end_opens_a_paragraph(tmp_path: Path, office: Any) -> None:
    """hunspell(1) as a PDF: "-G Print only correct words or lines." under the last full line of
    -d's text had been read as that text's last sentence, and no search found it."""
    lines = [
        "dictionaries without affix file will be an extension of the preceding base dictionary, as",
        "the order of the list matters for good suggestions. The first item must be a base dictionary.",
        "-G Print only correct words or lines.",
        "-i enc Set input encoding.",
        "Some prose that wraps over the full width of the page ends a sentence at the end of a line.",
        "-v may be given twice for more output, and then it prints each step that it takes in full.",
    ]
    paragraphs = _pdf_paragraphs(tmp_path / "hunspell.pdf", office, lines)
    assert paragraphs[:3] == [f"{lines[0]} {lines[1]}", lines[2], lines[3]]
    # An option in a sentence that goes on in lower case is no entry.
    assert f"{lines[4]} {lines[5]}" in paragraphs


def test_a_setting_with_its_value_alone_on_its_line_opens_an_entry(tmp_path: Path, office: Any) -> None:
    """cssh(1p) as a PDF lists its configuration file's entries as "auto_quit = 1" above their
    text; after a text whose last line ends in an option, not a full stop, the next entry had
    been read as that text's last words ("… See also --autoclose and --no-autoclose auto_quit =
    1"). So had lcovrc(5)'s sample lines under their comments."""
    lines = [
        "auto_close = 5",
        "Close terminal window after this many seconds. If set to 0 will instead wait on input from",
        "the user in each window before closing. See also --autoclose and --no-autoclose",
        "auto_quit = 1",
        "Automatically quit after the last client window closes. Set to 0 to disable.",
        "# Use gcov intermediate format? Valid values are 0, 1, auto",
        "geninfo_intermediate = auto",
        "Prose that wraps over the full width of the page says that for files over 1MB x",
        "= y holds, which goes on in lower case and is no setting of a configuration file.",
    ]
    paragraphs = _pdf_paragraphs(tmp_path / "cssh.pdf", office, lines)
    assert paragraphs[:5] == [lines[0], f"{lines[1]} {lines[2]}", lines[3], lines[4], lines[5]]
    assert paragraphs[5] == lines[6]
    assert f"{lines[7]} {lines[8]}" in paragraphs


def test_a_shell_style_setting_alone_on_its_line_opens_an_entry(tmp_path: Path, office: Any) -> None:
    """pbuilderrc(5) as a PDF lists "BUILDUSERID=1234" above its text: after a text whose last
    line ends in a word, it had been read as that text's last words ("… in pdebuild
    BUILDUSERID=1234"), and "The uid to be used inside chroot." named no setting."""
    lines = [
        "This option is used on invocation of fakeroot for dpkg-buildpackage in pdebuild, so",
        "that the whole of the build runs as root inside the chroot as it is meant to be in",
        "BUILDUSERID=1234",
        "The uid to be used inside chroot.",
        "Prose that wraps over the full width of the page sets PATH=/usr/bin for the build",
        "and goes on in lower case, no setting of its own.",
    ]
    paragraphs = _pdf_paragraphs(tmp_path / "pbuilderrc.pdf", office, lines)
    assert paragraphs[:3] == [f"{lines[0]} {lines[1]}", lines[2], lines[3]]
    assert f"{lines[4]} {lines[5]}" in paragraphs


def test_a_heading_at_a_pages_foot_is_not_joined_to_the_next_page(
    tmp_path: Path, office: Any
) -> None:
    full = "The pump is fitted to the wall bracket with the four screws in the box, then"
    pages = [
        [full, "the hoses are connected.", "4.2 Field functions"],
        ["asn1_read_value reads the value of an element.", full],
        ["it is switched on."],
    ]
    doc = load_document(office.pdf(tmp_path / "manual.pdf", pages), LIMIT)
    assert doc.text.split("\n\n") == [
        f"{full} the hoses are connected.",
        "4.2 Field functions",
        "asn1_read_value reads the value of an element.",
        f"{full} it is switched on.",
    ]


def test_only_a_pages_first_paragraph_carries_on_the_page_before(
    tmp_path: Path, office: Any
) -> None:
    """A paragraph cut by the page break goes on in the next page's first paragraph; the rows
    under it are rows, even when they open in lower case."""
    full = "The settings below are read at start and each is a name, a type and a value like"
    rows = ["width int 200", "spacing int 90", "rgba int 0"]
    pages = [[full], ["these ones", *rows, full.replace("like", "as")]]
    doc = load_document(office.pdf(tmp_path / "fonts.pdf", pages), LIMIT)
    assert doc.text.split("\n\n") == [f"{full} these ones", *rows, full.replace("like", "as")]


def test_a_browsers_printed_margins_go_from_a_single_page(tmp_path: Path, office: Any) -> None:
    """One page is too few to see a running line repeat; what a browser prints in the margins
    (date and time with the title, the address with a page counter) is known by its form."""
    body = "The Widget 3000 carries a two-year limited warranty."
    pages = [["12/3/26, 7:31 AM Widget 3000 datasheet", body, "file:///home/ann/spec.html 1/1"]]
    doc = load_document(office.pdf(tmp_path / "spec.pdf", pages), LIMIT)
    assert doc.text == body


def test_a_heading_after_a_sentence_is_not_joined_to_it(tmp_path: Path, office: Any) -> None:
    """A short line with no full stop after a sentence's end opens a block of its own, while a
    wrapped sentence's lines are joined."""
    lines = [
        "The Widget 3000 is a compact sensor hub for industrial monitoring.",
        "Electrical characteristics",
        "Supply voltage 4.5 5.0 5.5 V",
        "Damage caused by operating outside the rated temperature range of the hub is not",
        "covered by the warranty.",
    ]
    doc = load_document(office.pdf(tmp_path / "spec.pdf", [lines]), LIMIT)
    assert doc.text.split("\n\n") == [
        lines[0], lines[1], lines[2], f"{lines[3]} {lines[4]}",
    ]


def test_a_title_in_capitals_is_not_the_last_word_of_a_nearly_full_line(tmp_path: Path, office: Any) -> None:
    """fakeroot(1) as PDF: its one-line NAME entry is nearly full, and "SYNOPSIS" below it had
    been read as that line's last word."""
    lines = [
        "NAME",
        "fakeroot - run a command in an environment faking root privileges for file manipulation",
        "SYNOPSIS",
        "fakeroot [-l|--lib library] [--faked faked-binary] [-i load-file] [-s save-file] [--]",
        "SECURITY ASPECTS",
        "fakeroot is a regular, non-setuid program. It does not enhance a user's privileges,",
        "or decrease the system's security.",
    ]
    doc = load_document(office.pdf(tmp_path / "fakeroot.pdf", [lines]), LIMIT)
    assert doc.text.split("\n\n") == [*lines[:5], f"{lines[5]} {lines[6]}"]


def test_lines_set_in_columns_are_rows_not_wrapped_prose(tmp_path: Path, office: Any) -> None:
    """sqlite3(1)'s list of dot-commands (an .nf block): each line is nearly full, and had run
    into the next ("… for MS milliseconds .timer on|off …"). A gap after a sentence's end is
    not a column."""
    lines = [
        ".timeout MS            Try opening locked tables for MS milliseconds",
        ".timer on|off          Turn SQL timer on or off while running the queries",
        "The interactive interpreter offers a set of meta-commands that control the output.   It",
        "also examines the attached database files.",
    ]
    doc = load_document(office.pdf(tmp_path / "sqlite3.pdf", [lines]), LIMIT)
    assert doc.text.split("\n\n") == [lines[0], lines[1], f"{lines[2]} {lines[3]}"]


def test_a_short_line_inside_a_sentence_does_not_end_its_paragraph(tmp_path: Path, office: Any) -> None:
    """ccrypt(1) as a PDF: an entry's description is set narrower than the line with its tag,
    and a ragged line of it fell under the short-line width, which cut the sentence in two
    ("… On most modern systems," / "however, such behavior …"). A command under a sentence
    stays a line of its own, and so does a short first line."""
    lines = [
        "-E var Read the keyword from the environment variable var. Note that this might be unsafe",
        "on certain systems, namely where users can use the ps command to see the environment",
        "of a process owned by another user. On most modern systems,",
        "however, such behavior of ps is disabled.",
        "Show the domain power readings and a histogram of the power measurements at the",
        "end of the run, and do not print repeated headings",
        "powerstat -RDH",
        "Field names in this table",
        "width int 200",
    ]
    doc = load_document(office.pdf(tmp_path / "ccrypt.pdf", [lines]), LIMIT)
    assert doc.text.split("\n\n") == [" ".join(lines[:4]), " ".join(lines[4:6]), *lines[6:]]


def test_a_table_cell_that_wrapped_reads_with_its_row(tmp_path: Path, office: Any) -> None:
    """aerc-config(5) as a PDF: a table of format specifiers whose descriptions wrap under their
    column. Plain text gives "%A reply-to address, or sender address if" and "none" as two lines,
    and "none" had read as a paragraph alone. A line under the cell's column that opens a
    sentence of its own is no part of the row (hexer(1): "Synopsis: …" / "There are …")."""
    def line(x: int, y: int, text: str) -> str:
        return f"1 0 0 1 {x} {y} Tm ({text}) Tj "

    rows = [
        (740, 72, "The index view shows one row for each message, in a format made of the specifiers"),
        (726, 72, "listed below, with what each of them stands for in the row of a message today."),
        (700, 90, "%a"), (700, 160, "sender address"),
        (686, 90, "%A"), (686, 160, "reply-to address, or sender address if"),
        (672, 160, "none"),
        (658, 90, "%F"), (658, 160, "author name, or recipient name if the"),
        (644, 160, "message is from you. The address is"),
        (630, 160, "shown if no name part."),
        (616, 90, "set"), (616, 160, "Synopsis: set variable"),
        (602, 160, "There are not too many variables."),
    ]
    content = "BT /F1 10 Tf " + "".join(line(x, y, text) for y, x, text in rows) + "ET"
    path = office.pdf_page(tmp_path / "aerc.pdf", content, [_font("Helvetica", 250)])
    paragraphs = load_document(path, LIMIT).text.split("\n\n")
    assert "%A reply-to address, or sender address if none" in paragraphs
    assert "%F author name, or recipient name if the message is from you. The address is shown if no name part." in paragraphs
    assert "%a sender address" in paragraphs
    assert "set Synopsis: set variable" in paragraphs and "There are not too many variables." in paragraphs


def test_option_tags_in_different_columns_are_two_entries(tmp_path: Path, office: Any) -> None:
    """findimagedupes(1)'s synopsis as a PDF: a table of options whose row set "-q, --quiet" in
    the right column a line below "-n, --no-compare", and the two had read as one entry's tag
    "-n, --no-compare, -q, --quiet". An entry's spellings set one over the other start alike."""
    def line(x: int, y: int, text: str) -> str:
        return f"1 0 0 1 {x} {y} Tm ({text}) Tj "

    rows = [
        (700, 144, "-n, --no-compare"),
        (688, 306, "-q, --quiet"),
        (664, 108, "-P"),
        (652, 108, "--print"),
        (640, 144, "Display output as it arrives."),
    ]
    content = "BT /F1 10 Tf " + "".join(line(x, y, text) for y, x, text in rows) + "ET"
    path = office.pdf_page(tmp_path / "findimagedupes.pdf", content, [_font("Helvetica", 250)])
    paragraphs = load_document(path, LIMIT).text.split("\n\n")
    assert paragraphs[:3] == ["-n, --no-compare", "-q, --quiet", "-P, --print"]


def _font(base: str, space: int) -> str:
    """A simple font with its widths given, as groff writes them: every glyph 500 wide but the
    space."""
    widths = " ".join([str(space)] + ["500"] * 94)
    return f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} /FirstChar 32 /LastChar 126 /Widths [{widths}] >>"


@pytest.mark.parametrize(
    ("name", "monospace", "content", "read"),
    [
        # transmission-remote(1) typeset by groff: an argument set in Courier-Oblique, then a
        # Times word space as a TJ gap of 250 units, half a Courier space; pypdf had read "Set
        # the usernameand passwordfor authentication". A gap narrower than a Times space joins.
        (
            "transmission.pdf", "Courier-Oblique",
            "BT /F1 10 Tf 1 0 0 1 72 700 Tm [(Set the )] TJ /F2 10 Tf [(username) -250] TJ "
            "/F1 10 Tf [(and )] TJ /F2 10 Tf [(password) -250] TJ /F1 10 Tf [(for authentication.)] TJ "
            "1 0 0 1 72 680 Tm /F2 10 Tf [(tinc) -60] TJ /F1 10 Tf [(d starts.)] TJ ET",
            "Set the username and password for authentication. tincd starts.",
        ),
        # bsdtar(1) typeset by groff's mdoc: a long option's two hyphens in Courier-Bold with a
        # thin space (a sixth of an em, a TJ gap of 167) between them, as mdoc sets them; it had
        # read "The long option form is - -create." A word space after the option still reads.
        (
            "bsdtar.pdf", "Courier-Bold",
            "BT /F1 10 Tf 1 0 0 1 72 700 Tm [(The long option form is )] TJ "
            "/F2 10 Tf [(-) -166.6 (-create) -250] TJ /F1 10 Tf [(or )] TJ "
            "/F2 10 Tf [(string) -166.6] TJ /F1 10 Tf [(\\).)] TJ ET",
            "The long option form is --create or string).",
        ),
    ],
)
def test_a_word_gap_beside_a_monospace_word_is_a_space_and_a_thin_space_is_not(
    tmp_path: Path, office: Any, name: str, monospace: str, content: str, read: str
) -> None:
    path = office.pdf_page(tmp_path / name, content, [_font("Times-Roman", 250), _font(monospace, 600)])
    assert load_document(path, LIMIT).text == read


def test_a_date_inside_the_text_stays(tmp_path: Path, office: Any) -> None:
    lines = ["Release notes", "12/3/26 was the release date of version 2.", "See https://example.org 1/2"]
    doc = load_document(office.pdf(tmp_path / "notes.pdf", [lines]), LIMIT)
    assert "12/3/26 was the release date" in doc.text and "https://example.org 1/2" in doc.text


# --- office, e-book and table formats ----------------------------------------------------------


def test_docx_headings_tables_and_lists(tmp_path: Path, office: Any) -> None:
    doc = load_document(office.docx(tmp_path / "handbook.docx"), LIMIT)
    assert doc.title == "Widget Handbook" and doc.markdown
    lines = doc.text.splitlines()
    for wanted in ("# Configuration", "## Defaults", "| Setting | Default |", "| port | 8080 |",
                   "1. Clone the repository", "2. Run the installer", "- 2 GB of RAM"):
        assert wanted in lines


def test_docx_heading_styles_of_a_template_are_headings(tmp_path: Path) -> None:
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    chapter = document.styles.add_style("Chapter Title", WD_STYLE_TYPE.PARAGRAPH)
    chapter.base_style = document.styles["Heading 2"]
    document.add_paragraph("Limits", style="Chapter Title")
    document.add_paragraph("Uploads are capped at 10 MB.")
    document.save(str(tmp_path / "guide.docx"))
    doc = load_document(tmp_path / "guide.docx", LIMIT)
    assert doc.text.splitlines()[:1] == ["## Limits"]


def test_docx_items_numbered_by_word_keep_their_numbers(tmp_path: Path) -> None:
    """Word numbers most lists on the paragraph itself ("List Paragraph" with numbering), not
    by a "List Number" style: the steps keep 1., 2., their sub-items nest, bullets are "- "."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    decimal = next(i for i in numbering.xpath("./w:num/@w:numId") if _format_of(numbering, i) == "decimal")
    bullet = next(i for i in numbering.xpath("./w:num/@w:numId") if _format_of(numbering, i) == "bullet")
    for text, num_id, level in [("Stop the service.", decimal, 0), ("Back up the data.", decimal, 0),
                                ("the database", bullet, 1), ("Upgrade.", decimal, 0)]:
        paragraph = document.add_paragraph(text, style="List Paragraph")
        paragraph._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
        ))
    document.add_paragraph("Done.")
    document.save(str(tmp_path / "steps.docx"))
    lines = [ln for ln in load_document(tmp_path / "steps.docx", LIMIT).text.splitlines() if ln]
    assert lines == ["1. Stop the service.", "2. Back up the data.", "   - the database", "3. Upgrade.", "Done."]


def test_docx_a_line_break_inside_a_list_item_continues_the_item(tmp_path: Path) -> None:
    """Word's Shift+Enter in a list item starts a line of the same item: indented under it, as
    Markdown continues an item, so it is read and quoted with the item, not as a paragraph."""
    import docx

    document = docx.Document()
    item = document.add_paragraph("requireHeader - If set, the request must include this header.", style="List Bullet")
    item.add_run().add_break()
    item.add_run("Recommended to prevent normal browsing.")
    document.add_paragraph("Install it.", style="List Number")
    document.save(str(tmp_path / "options.docx"))
    lines = [ln for ln in load_document(tmp_path / "options.docx", LIMIT).text.splitlines() if ln]
    assert lines == [
        "- requireHeader - If set, the request must include this header.",
        "  Recommended to prevent normal browsing.",
        "1. Install it.",
    ]


def test_docx_text_inside_a_content_control_is_kept(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    document.add_paragraph("Before.")
    document.element.body.append(parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtContent><w:p><w:r><w:t>Support ends in 2027.</w:t></w:r></w:p>'
        "</w:sdtContent></w:sdt>"
    ))
    document.save(str(tmp_path / "form.docx"))
    lines = [ln for ln in load_document(tmp_path / "form.docx", LIMIT).text.splitlines() if ln]
    assert lines == ["Before.", "Support ends in 2027."]


def test_docx_code_is_a_fenced_block(tmp_path: Path) -> None:
    """Code set in a code style or a monospaced font reads as Markdown code, one block for
    consecutive lines: as plain lines "pip install widget" was a title of plain words."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    document.add_paragraph("Install it:")
    document.add_paragraph("pip install widget", style="Code")
    document.add_paragraph("widget --version", style="Code")
    document.add_paragraph("Then run:")
    document.add_paragraph().add_run("widget serve").font.name = "Courier New"
    document.save(str(tmp_path / "code.docx"))
    text = load_document(tmp_path / "code.docx", LIMIT).text
    assert text.split("\n\n") == [
        "Install it:", "```\npip install widget\nwidget --version\n```", "Then run:", "```\nwidget serve\n```",
    ]


def test_docx_a_heading_in_a_monospaced_font_is_a_heading_not_code(tmp_path: Path) -> None:
    """loader-utils' README as Word: the heading "interpolateName", its one run in Courier New,
    had joined the code block above it, so the token list under it read as part of the section
    before ("Root-relative URLs")."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE

    document = docx.Document()
    document.styles.add_style("Code", WD_STYLE_TYPE.PARAGRAPH)
    document.add_heading("Root-relative URLs", 3)
    document.add_paragraph('const root = "~";', style="Code")
    document.add_heading("", 3).add_run("interpolateName").font.name = "Courier New"
    document.add_paragraph("Interpolates a filename template.")
    document.save(str(tmp_path / "utils.docx"))
    text = load_document(tmp_path / "utils.docx", LIMIT).text
    assert text.split("\n\n") == [
        "### Root-relative URLs", '```\nconst root = "~";\n```', "### interpolateName", "Interpolates a filename template.",
    ]


def test_docx_a_numbered_heading_stays_a_heading(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    document = docx.Document()
    numbering = document.part.numbering_part.element
    decimal = next(i for i in numbering.xpath("./w:num/@w:numId") if _format_of(numbering, i) == "decimal")
    # Word numbers headings through the heading style: "1. Introduction" is Heading 1's numbering.
    document.styles["Heading 1"].element.get_or_add_pPr().append(parse_xml(
        f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{decimal}"/></w:numPr>'
    ))
    document.add_heading("Introduction", 1)
    document.add_paragraph("The widget counts sheep.")
    document.save(str(tmp_path / "numbered.docx"))
    lines = [ln for ln in load_document(tmp_path / "numbered.docx", LIMIT).text.splitlines() if ln]
    assert lines == ["# Introduction", "The widget counts sheep."]


def test_docx_a_text_box_is_read_once_and_notes_count_as_seen(tmp_path: Path) -> None:
    """A text box anchored in a paragraph reads after it, once (Office stores it twice, the
    second for readers without drawings); footnotes are not read, and the report says so."""
    import docx
    from docx.opc.constants import CONTENT_TYPE as CT
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import parse_xml

    ns = (
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    )
    box = "<w:txbxContent><w:p><w:r><w:t>Call support on 555-0100.</w:t></w:r></w:p></w:txbxContent>"
    document = docx.Document()
    document.add_paragraph("Opening hours are nine to five.")
    document.paragraphs[-1].runs[0]._r.append(parse_xml(
        f"<mc:AlternateContent {ns}><mc:Choice Requires=\"wps\"><w:drawing>{box}</w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict>{box}</w:pict></mc:Fallback></mc:AlternateContent>"
    ))
    document.add_paragraph("Closed on Sundays.")
    path = tmp_path / "hours.docx"
    document.save(str(path))
    doc = load_document(path, LIMIT)
    assert doc.text.split("\n\n") == [
        "Opening hours are nine to five.", "Call support on 555-0100.", "Closed on Sundays."
    ]
    assert doc.kept_ratio == 1.0
    # Footnotes the reader does not read: what they hold counts as seen, not kept.
    notes = (
        f"<w:footnotes {ns}><w:footnote w:id=\"1\"><w:p><w:r><w:t>{'A long footnote. ' * 20}"
        "</w:t></w:r></w:p></w:footnote></w:footnotes>"
    ).encode()
    part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, notes, document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES)
    document.save(str(path))
    assert load_document(path, LIMIT).kept_ratio < 0.5


def _format_of(numbering: Any, num_id: str) -> str:
    abstract = numbering.xpath(f'./w:num[@w:numId="{num_id}"]/w:abstractNumId/@w:val')[0]
    return str(numbering.xpath(f'./w:abstractNum[@w:abstractNumId="{abstract}"]/w:lvl[@w:ilvl="0"]/w:numFmt/@w:val')[0])


def test_pptx_slide_titles_are_headings(tmp_path: Path, office: Any) -> None:
    doc = load_document(office.pptx(tmp_path / "deck.pptx"), LIMIT)
    assert doc.text.splitlines() == [
        "## Quarterly Results", "", "Revenue grew by twelve percent", "",
        "## Next Steps", "", "Hire two support engineers",
    ]


def test_pptx_text_inside_a_group_is_read(tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation()
    slide = deck.slides.add_slide(deck.slide_layouts[5])
    slide.shapes.title.text = "Architecture"
    group = slide.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(2), Inches(3), Inches(1))
    box.text_frame.text = "The cache sits in front of the database."
    deck.save(str(tmp_path / "groups.pptx"))
    doc = load_document(tmp_path / "groups.pptx", LIMIT)
    assert doc.text.splitlines() == ["## Architecture", "", "The cache sits in front of the database."]


def test_epub_chapters_in_reading_order(tmp_path: Path, office: Any) -> None:
    doc = load_document(office.epub(tmp_path / "river.epub"), LIMIT)
    assert doc.title == "The River Book"
    lines = [ln for ln in doc.text.splitlines() if ln]
    assert lines == [
        "# Chapter One", "The river rises in the northern hills.", "- Length: 120 km",
        "- Source: Lake Mora", "# Chapter Two", "The delta is home to grey herons.",
    ]


@pytest.mark.parametrize("suffix", [".docx", ".pptx", ".epub"])
def test_corrupt_container_is_one_clear_line(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"broken{suffix}"
    path.write_bytes(b"PK\x03\x04" + b"not really a zip file " * 20)
    assert _reason(path) == (
        f"unreadable {suffix}: not a valid {suffix} container "
        "(damaged, or password-protected: remove the password first)"
    )


def test_password_protected_docx_is_one_clear_line(tmp_path: Path) -> None:
    # Word saves an encrypted document as an OLE compound file, not as a zip.
    path = tmp_path / "secret.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 1024)
    assert "password-protected" in _reason(path)


def test_csv_rows_become_lines(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("name,city,age\nAda,London,36\nLinus,Helsinki,28\n", encoding="utf-8")
    doc = load_document(path, LIMIT)
    assert doc.title == "people"
    assert doc.text.splitlines() == [
        "Columns: name; city; age",
        "name: Ada; city: London; age: 36",
        "name: Linus; city: Helsinki; age: 28",
    ]


def test_json_leaves_become_lines(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text('{"server": {"port": 8080, "hosts": ["a", "b"]}}', encoding="utf-8")
    assert load_document(path, LIMIT).text.splitlines() == [
        "server.port: 8080", "server.hosts[0]: a", "server.hosts[1]: b",
    ]
    path.write_text('{"server": ', encoding="utf-8")
    assert _reason(path).startswith("unreadable JSON:")


def test_html_text_is_what_a_reader_sees_without_markdown_markup(tmp_path: Path, no_network: None) -> None:
    """trafilatura's Markdown escapes "_" and "[" and marks <code>/<b>: a quote with "work\\_mem"
    or "`step`" would not stand in the page a reader sees, and "work\\_mem" is not work_mem."""
    page = DOCS_PAGE.replace(
        "<p>The server reads",
        "<p>Set <code>work_mem</code> and shared_buffers [1] with <b>care</b>, <em>always</em>; "
        "5 * 3 and *.txt stay.</p><p>The server reads",
    )
    path = tmp_path / "config.html"
    path.write_text(page, encoding="utf-8")
    text = load_document(path, LIMIT).text
    assert "Set work_mem and shared_buffers [1] with care, always; 5 * 3 and *.txt stay." in text.splitlines()
    assert "$ widget --port 8080" in text and "## Defaults" in text and "| port | 8080 |" in text.splitlines()


def test_html_code_keeps_its_stars_and_backslashes() -> None:
    """"**" in code is no strong emphasis, nor "\\" an escape: "`f(*args, **kwargs)`" had read
    "f(*args, kwargs)", "int 2**53 and higher or lower than -2**53" as "int 253 … -253"."""
    intro = "<p>" + "The policy says how packages install their modules for every runtime. " * 4 + "</p>"
    page = (
        f"<html><body><main>{intro}<p>Call <code>f(*args, **kwargs)</code> or <code>g(**opts)</code>;"
        " a backslash (<code>\\</code>) escapes; <em>see <code>x_y</code> here</em>.</p></main></body></html>"
    )
    text = " ".join(read_html(page, "auto").text.split())
    assert "Call f(*args, **kwargs) or g(**opts); a backslash (\\) escapes; see x_y here." in text
    # trafilatura's Markdown as it comes for nested code: the power stays whole.
    assert as_read("If true, `` int` `` `2**53`\nand higher or lower than `-2**53` are") == (
        "If true, ` int ` 2**53\nand higher or lower than -2**53` are"
    )
    assert as_read("**bold** and *em* and `**kw`") == "bold and em and **kw"
    assert as_read("linefeeds are **^J**s, and 2**53 is a power") == "linefeeds are ^Js, and 2**53 is a power"
    # A word's bold ending is the word ("Argon2<strong>id</strong>"); powers stay powers.
    assert as_read("Uses Argon2**id** by default; D = 0 Argon2**d** is faster") == (
        "Uses Argon2id by default; D = 0 Argon2d is faster"
    )
    assert as_read("2**53 and 2**64 are powers") == "2**53 and 2**64 are powers"
    # A backtick the page's text shows comes escaped, and opens no code.
    assert as_read("a \\`\\`PYRO\\_\\`\\` prefix, `x_y`") == "a ``PYRO_`` prefix, x_y"


def test_html_markup_after_a_code_block_holding_a_tilde_line_is_removed() -> None:
    """pex's docs show an RST title's "~~~~" underline inside a code block: read as a fence, it
    had closed the block, and from there on code and prose swapped places ("entry\\_points" and
    `pip install` kept their markup, the code lost its)."""
    markdown = (
        "```\nTitle\n    ~~~~~~~~~\n```\n\nwrite all defined entry\\_points, then `pip install`\n\n"
        "```\n$ pex **x** -- --help\n```"
    )
    assert as_read(markdown) == (
        "```\nTitle\n    ~~~~~~~~~\n```\n\nwrite all defined entry_points, then pip install\n\n"
        "```\n$ pex **x** -- --help\n```"
    )


def test_html_markup_never_runs_from_one_table_row_into_another() -> None:
    """mplayer's FAQ table: an unpaired backtick in one row and another rows below had made all
    between one code span, its "**Q:**" labels kept as written."""
    markdown = (
        "| Q: | The phrase `can't find a register' while reloading. |\n| **A:** | A gcc bug. |\n"
        "| **Q:** | Scripts? |\n| **A:** | TOOLS/README` documents them. |\n|\nlang"
    )
    assert as_read(markdown) == (
        "| Q: | The phrase `can't find a register' while reloading. |\n| A: | A gcc bug. |\n"
        "| Q: | Scripts? |\n| A: | TOOLS/README` documents them. |\n|\nlang"
    )


def test_html_markup_that_runs_across_a_line_break_is_removed_too() -> None:
    # The page's source wraps inside <em> and <pre><b>: trafilatura keeps the line breaks.
    page = (
        "<html><body><main><h1>T</h1><p>This is <em>a phrase\nthat wraps</em> and <b>bold\n"
        "too</b>.</p><pre><b>#if X\n#endif</b></pre><ul><li>*.txt files</li><li>*.md files</li></ul>"
        "</main></body></html>"
    )
    text = read_html(page, "auto").text
    assert "This is a phrase\nthat wraps and bold\ntoo." in text
    assert "#if X\n#endif" in text and "*" not in text.replace("*.txt", "").replace("*.md", "")

