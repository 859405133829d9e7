"""Documents made for the tests: a minimal PDF by hand, Office and EPUB files with their own
libraries (python-docx, python-pptx, ebooklib)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest


def write_pdf(path: Path, pages: Sequence[Sequence[str]], title: str = "") -> Path:
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
    return _assemble(path, objects, info)


def write_pdf_page(path: Path, content: str, fonts: Sequence[str]) -> Path:
    """A one-page PDF of a content stream as given, with fonts /F1, /F2 … as given (each a font
    dictionary's source): what a typesetter such as groff writes, font changes and gaps."""
    n = len(fonts)
    names = " ".join(f"/F{i + 1} {3 + i} 0 R" for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{3 + n} 0 R] /Count 1 >>".encode(),
        *(font.encode("latin-1") for font in fonts),
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << {names} >> >> "
        f"/Contents {4 + n} 0 R >>".encode(),
    ]
    stream = content.encode("latin-1")
    objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    return _assemble(path, objects, "")


def _assemble(path: Path, objects: Sequence[bytes], info: str) -> Path:
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


class OfficeFiles:
    pdf = staticmethod(write_pdf)
    pdf_page = staticmethod(write_pdf_page)

    @staticmethod
    def docx(path: Path) -> Path:
        import docx

        d = docx.Document()
        d.core_properties.title = "Widget Handbook"
        d.add_heading("Configuration", 1)
        d.add_paragraph("The widget reads its settings when it starts.")
        d.add_heading("Defaults", 2)
        table = d.add_table(rows=3, cols=2)
        for r, (a, b) in enumerate([("Setting", "Default"), ("port", "8080"), ("workers", "4")]):
            table.cell(r, 0).text, table.cell(r, 1).text = a, b
        d.add_paragraph("Clone the repository", style="List Number")
        d.add_paragraph("Run the installer", style="List Number")
        d.add_paragraph("2 GB of RAM", style="List Bullet")
        d.save(str(path))
        return path

    @staticmethod
    def pptx(path: Path) -> Path:
        from pptx import Presentation

        deck = Presentation()
        for title, line in [("Quarterly Results", "Revenue grew by twelve percent"),
                            ("Next Steps", "Hire two support engineers")]:
            slide = deck.slides.add_slide(deck.slide_layouts[1])
            slide.shapes.title.text = title
            slide.placeholders[1].text_frame.text = line
        deck.save(str(path))
        return path

    @staticmethod
    def epub(path: Path) -> Path:
        from ebooklib import epub

        book = epub.EpubBook()
        book.set_identifier("river-book")
        book.set_title("The River Book")
        book.set_language("en")
        one = epub.EpubHtml(title="Chapter One", file_name="one.xhtml", lang="en")
        one.content = (
            "<html><body><h1>Chapter One</h1><p>The river rises in the northern hills.</p>"
            "<ul><li>Length: 120 km</li><li>Source: Lake Mora</li></ul></body></html>"
        )
        two = epub.EpubHtml(title="Chapter Two", file_name="two.xhtml", lang="en")
        two.content = "<html><body><p>The delta is home to grey herons.</p></body></html>"
        for item in (one, two, epub.EpubNcx(), epub.EpubNav()):
            book.add_item(item)
        book.toc = (one, two)
        book.spine = ["nav", one, two]
        epub.write_epub(str(path), book)
        return path


@pytest.fixture(scope="session")
def office() -> OfficeFiles:
    return OfficeFiles()
