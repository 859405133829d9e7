"""An acronym and the words it abbreviates, one in the question and the other in the passages
(rag.answering.acronyms)."""

from rag.answering.acronyms import with_other_forms


def test_an_acronym_the_passages_spell_out_is_read_with_their_words() -> None:
    question = "From which IE version is Compressor.js supported?"
    assert with_other_forms(question, ["- Internet Explorer 10+", "- Chrome (latest)"]) == (
        "From which IE (Internet Explorer) version is Compressor.js supported?"
    )


def test_words_the_passages_abbreviate_are_read_with_the_acronym() -> None:
    question = "Which port does dnsperf send DNS-over-TLS queries to?"
    passage = "the standard DNS port (udp/tcp 53, DoT 853, DoH 443) is used."
    assert with_other_forms(question, [passage]) == (
        "Which port does dnsperf send DNS-over-TLS (DoT) queries to?"
    )


def test_nothing_is_added_for_one_form_written_by_both_or_letters_of_another_case() -> None:
    # The passages write "TLS" too; "draw over text" is no "DoT", whose letters keep their case.
    assert with_other_forms("What does the TLS option do?", ["Enable TLS."]) == "What does the TLS option do?"
    assert with_other_forms("Does it draw over text?", ["DoT 853"]) == "Does it draw over text?"
