"""What a span is about when it does not say (rag.answering.subjects)."""

from rag.answering.subjects import item_title, man_section, opening_field


def test_a_later_sentence_of_a_paragraph_knows_the_field_that_opens_it() -> None:
    text = (
        "Settings.\n\nlinger_ms (int): The producer groups together any records that arrive\n"
        "in between requests. This setting adds a small delay.\n\nIt is off by default."
    )
    assert opening_field(text, text.index("This setting")) == "linger_ms (int)"
    # A paragraph that opens with no field, and the field's own first line, name none.
    assert opening_field(text, text.index("It is off")) == ""
    assert opening_field(text, text.index("linger_ms")) == ""
    assert opening_field(text, text.index("Settings")) == ""


def test_a_title_in_capitals_with_regex_characters_is_matched_as_text() -> None:
    # "C++" had been read as a pattern ("multiple repeat"); as text it is a title here, since
    # no sentence uses it, and not one where a sentence does ("CXX" stands in for the check).
    assert man_section("C++", "C++\nThe bindings build with g++.", 4) is True
    assert man_section("CXX", "CXX\nSet CXX to the compiler.", 4) is False


def test_an_item_or_a_row_takes_the_title_of_its_section() -> None:
    text = "# Widget\n\n## Requirements\n\n- PostgreSQL 15\n\nThe server listens on 8080.\n"
    item = text.index("PostgreSQL")
    assert item_title("item", text, item) == "Requirements"
    assert item_title("row", text, item) == "Requirements"
    # A sentence says what it is about itself; text above any heading takes the fallback.
    assert item_title("sentence", text, text.index("The server")) == ""
    assert item_title("item", "- PostgreSQL 15", 2, "Requirements") == "Requirements"
    assert item_title("item", "- PostgreSQL 15", 2) == ""
