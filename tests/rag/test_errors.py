from __future__ import annotations

from rag.errors import one_line


def test_first_line_of_a_multi_line_message() -> None:
    assert one_line(ValueError("bad value\n  at line 3\n  traceback…")) == "bad value"


def test_an_empty_message_names_the_error_type() -> None:
    assert one_line(KeyError()) == "KeyError"


def test_long_lines_are_cut_with_an_ellipsis() -> None:
    out = one_line("x" * 500, limit=50)
    assert len(out) == 50 and out.endswith("…")
