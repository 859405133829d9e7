"""Loading files into cleaned text, and the one-line reason given when a file cannot be loaded."""

from __future__ import annotations

import codecs
import hashlib
import socket
import textwrap
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from pypdf import PdfWriter

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


def _write_pdf(path: Path, pages: Sequence[Sequence[str]], title: str = "") -> Path:
    """A minimal valid PDF: one Helvetica text line per string, 14 points apart."""
    n_pages = len(pages)
    page_ids = [4 + 2 * i for i in range(n_pages)]
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{' '.join(f'{p} 0 R' for p in page_ids)}] "
        f"/Count {n_pages} >>".encode(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for page_id, lines in zip(page_ids, pages, strict=True):
        shown = " T* ".join(f"({_pdf_string(line)}) Tj" for line in lines)
        content = f"BT /F1 11 Tf 14 TL 72 740 Td {shown} ET".encode("latin-1")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (page_id + 1)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
    info = ""
    if title:
        objects.append(f"<< /Title ({_pdf_string(title)}) >>".encode("latin-1"))
        info = f" /Info {len(objects)} 0 R"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    path.write_bytes(bytes(out))
    return path


def _pdf_string(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


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
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04")
    assert _reason(path) == (
        "unsupported file type '.docx' (supported: .htm, .html, .md, .markdown, .pdf, .txt)"
    )


def test_supported_suffixes() -> None:
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".pdf"} == SUPPORTED_SUFFIXES


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
    assert _reason(path) == "no text left after removing page boilerplate"


def test_html_that_is_all_boilerplate(tmp_path: Path, no_network: None) -> None:
    path = tmp_path / "menu.html"
    path.write_text(
        "<html><body><nav><a href='/'>Home</a><a href='/a'>About</a></nav></body></html>",
        encoding="utf-8",
    )
    assert _reason(path) == "no text left after removing page boilerplate"


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
    assert doc.text == f"River news\n\n{BODY_1}\n\n{BODY_2}"


def test_pdf_with_text(tmp_path: Path) -> None:
    path = _write_pdf(
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


def test_pdf_metadata_title_when_the_text_has_no_headline(tmp_path: Path) -> None:
    path = _write_pdf(
        tmp_path / "plain.pdf",
        [[*textwrap.wrap(BODY_1, 70), "", *textwrap.wrap(BODY_2, 70)]],
        title="Valley river report",
    )
    doc = load_document(path, LIMIT)
    assert doc.title == "Valley river report"
    assert "the farmers depend" in doc.text
