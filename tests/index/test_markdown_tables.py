"""HTML tables inside Markdown are read as table rows; the rest of the Markdown stays as written."""

from __future__ import annotations

from pathlib import Path

from index.formats.markdown import read_tables
from index.loaders import load_document
from rag.answering.candidates import spans

OPTIONS = """## Options

<table>
  <tr>
    <td>--concurrency &lt;n&gt;</td>
    <td>Max number of concurrent HTTP requests to registry. (default: <code>8</code>)</td>
  </tr>
  <tr>
    <td>--retry &lt;n&gt;</td>
    <td>Number of times to retry failed requests. (default: <code>3</code>)</td>
  </tr>
</table>

Options that take no arguments can be negated with `--no-`."""


def test_an_html_table_becomes_rows_without_tags_or_entities() -> None:
    text = read_tables(OPTIONS)
    assert "| --concurrency <n> | Max number of concurrent HTTP requests to registry. (default: 8) |" in text
    assert "| --retry <n> | Number of times to retry failed requests. (default: 3) |" in text
    assert "<td>" not in text and "&lt;" not in text
    assert text.startswith("## Options\n\n") and text.endswith("negated with `--no-`.")


def test_a_row_of_the_table_is_one_candidate_with_its_option() -> None:
    text = read_tables(OPTIONS)
    quoted = [text[s.start : s.end] for s in spans(text)]
    assert "| --concurrency <n> | Max number of concurrent HTTP requests to registry. (default: 8) |" in quoted


def test_a_header_row_with_blank_lines_and_comments_inside_the_table() -> None:
    matrix = """<table>
<thead>
<tr><th><strong>Browser</strong></th><th>VAPID</th></tr>
</thead>
<tbody>
<tr>
<td>Chrome</td>

<!-- VAPID Support -->
<td>✓ v52+</td>
</tr>
</tbody>
</table>"""
    assert read_tables(matrix) == "| Browser | VAPID |\n| Chrome | ✓ v52+ |"


def test_html_in_fenced_code_is_code() -> None:
    example = "Sanitize it:\n\n```html\n<table>\n  <tr><td>x</td></tr>\n</table>\n```\n"
    assert read_tables(example) == example


def test_a_table_holding_fenced_code_or_never_closed_is_left_as_written() -> None:
    side_by_side = "<table>\n<tr>\n<td>\n\n```console\n$ bfs -L haystack\n```\n\n</td>\n</tr>\n</table>"
    unclosed = "<table>\n<tr><td>a</td><td>b</td></tr>\n\nThe rest of the README."
    assert read_tables(side_by_side) == side_by_side
    assert read_tables(unclosed) == unclosed


def test_a_logo_grid_leaves_no_empty_rows() -> None:
    logos = '<table>\n<tr>\n<td><a href="https://x.example"><img src="x.svg" alt="X" /></a></td>\n</tr>\n</table>'
    assert read_tables(f"Used by:\n\n{logos}\n\nEnd.") == "Used by:\n\n\nEnd."


def test_a_markdown_file_is_loaded_with_its_html_table_read(tmp_path: Path) -> None:
    path = tmp_path / "ncu-readme.md"
    path.write_text(f"# ncu\n\n{OPTIONS}\n", encoding="utf-8")
    doc = load_document(path, 1 << 20)
    assert "| --retry <n> | Number of times to retry failed requests. (default: 3) |" in doc.text
    assert doc.markdown and doc.kept_ratio == 1.0
