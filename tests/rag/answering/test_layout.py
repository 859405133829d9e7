"""What a line of a document is (rag.answering.layout)."""

from rag.answering.layout import is_table_row, model_view, names_columns, row_cells, term_shaped


def test_a_row_needs_pipes_between_cells_not_inside_one_word() -> None:
    assert is_table_row("| port | 8080 |")
    assert is_table_row("port | 8080 | the listening port")
    # A help line giving an option's values has its pipes inside one word.
    assert not is_table_row("--parser=babel|flow|ts  the parser to use")
    assert not is_table_row("no pipes here")


def test_an_empty_cell_keeps_its_place() -> None:
    assert row_cells("| `ssl` |  | off |") == ["`ssl`", "", "off"]
    assert row_cells("a | b") == ["a", "b"]


def test_a_first_row_names_columns_only_with_short_labels_without_numbers() -> None:
    assert names_columns(["Item", "Limit", "Approval"])
    assert not names_columns(["port", "8080"])
    assert not names_columns(["query", "dump the inputs and outputs of a given target."])
    assert not names_columns(["Item", ""])


def test_a_term_is_short_and_does_not_end_as_a_sentence() -> None:
    assert term_shaped("-k --keep")
    assert term_shaped("0x1F")
    assert not term_shaped("Keep input files.")
    assert not term_shaped("3.14159265358979323846")  # a number's digits, not a code
    assert not term_shaped("Reported by Ann Lee. [CVE-2022-2509]")


def test_the_model_reads_a_link_as_its_text() -> None:
    """A README's option entry "[sanitizeHtml](http://…-cfg-sanitizeHtml) : boolean" had spent
    40 of the model's 96 word pieces on its URL, cutting off what the option does."""
    text = "- [sanitizeHtml](http://g.example/api/#!/api/Autolinker-cfg-sanitizeHtml) : boolean\n  `true` to HTML-encode"
    assert model_view(text) == "- sanitizeHtml : boolean `true` to HTML-encode"


def test_the_model_reads_a_cell_without_its_inline_html() -> None:
    """medium-zoom's browser table: "10<sup>\\*</sup>" had left the model at 0.05 for the row
    that answers "What is the oldest Chrome version listed as supported?"."""
    row = "IE: 10<sup>\\*</sup>; Edge: 12<sup>\\*</sup>; Chrome: 36"
    assert model_view(row) == "IE: 10\\*; Edge: 12\\*; Chrome: 36"


def test_an_escaped_pipe_is_a_cells_text_not_a_columns_edge() -> None:
    """BottleJS's API table types a parameter "Object\\|Function": split there, the row had four
    cells under three column names, and its text ran under the wrong ones."""
    assert row_cells("| Obj | Object\\|Function | An object |") == ["Obj", "Object|Function", "An object"]
