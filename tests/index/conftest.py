"""Documents made with their own libraries (python-docx, python-pptx, ebooklib) for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest


class OfficeFiles:
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
