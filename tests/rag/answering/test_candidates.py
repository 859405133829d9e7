"""Candidate generation over the shapes ordinary documents take: prose, lists, tables, fields."""

from __future__ import annotations

from rag.answering.candidates import spans

README = """# Setup

Install it with pip. Then run
the server with the default
settings.

| setting | default |
|---|---|
| port | 8080 |

- Fixed a crash [1] in the parser.
-   Flexible input: URLs or files can be used
    (including batch processing).
Version: 2.3.0
Q: Does it work offline?
A: Yes, no network is needed.
```
pip install thing
```
"""


def _by_text(text: str) -> dict[str, tuple[str, str]]:
    return {text[s.start : s.end]: (s.kind, s.model_text) for s in spans(text)}


def test_every_candidate_is_a_verbatim_span() -> None:
    for s in spans(README):
        assert s.start < s.end
        assert README[s.start : s.end].strip() == README[s.start : s.end]


def test_wrapped_prose_is_one_sentence() -> None:
    got = _by_text(README)
    assert got["Then run\nthe server with the default\nsettings."] == (
        "sentence",
        "Then run the server with the default settings.",
    )


def test_a_table_row_reads_with_its_header() -> None:
    kind, model = _by_text(README)["| port | 8080 |"]
    assert kind == "row" and model == "setting | default ; port | 8080"
    # The rule line under the header is no candidate.
    assert not any(set(k) <= set("|-: ") for k in _by_text(README))


def test_list_items_lose_their_bullet_and_markers_are_stripped_for_the_model() -> None:
    got = _by_text(README)
    assert got["Fixed a crash [1] in the parser."] == ("item", "Fixed a crash in the parser.")
    wrapped = "Flexible input: URLs or files can be used\n    (including batch processing)."
    assert got[wrapped][0] == "item"


def test_fields_and_faq_answers_read_with_their_question() -> None:
    got = _by_text(README)
    assert got["Version: 2.3.0"] == ("field", "Version: 2.3.0")
    assert got["A: Yes, no network is needed."][1] == (
        "Q: Does it work offline? A: Yes, no network is needed."
    )


def test_a_man_page_option_reads_with_its_name() -> None:
    text = "       -k --keep\n              Keep (don't delete) input files.\n"
    (s,) = [c for c in spans(text) if "Keep" in c.model_text]
    assert s.model_text.startswith("-k --keep")


def test_empty_and_punctuation_only_text_has_no_candidates() -> None:
    assert spans("") == []
    assert spans("---\n\n***\n|---|---|\n") == []


def test_every_sentence_of_a_faq_answer_reads_with_its_question() -> None:
    faq = "What is the refund policy?\nAnnual plans get refunds. Monthly plans are not refundable.\n"
    got = _by_text(faq)
    assert got["Annual plans get refunds."][1].startswith("What is the refund policy?")
    assert got["Monthly plans are not refundable."][1].startswith("What is the refund policy?")
