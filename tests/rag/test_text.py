from __future__ import annotations

from rag.text import content_terms, has_date, numbers, proper_names, sentence_spans, split_sentences


def test_sentences_keep_quotes_and_abbreviations() -> None:
    text = 'A senior U.S. defense official said so. "It is over," he said. Mr Smith left.\nNext line'
    assert split_sentences(text) == [
        "A senior U.S. defense official said so.",
        '"It is over," he said.',
        "Mr Smith left.",
        "Next line",
    ]


def test_spans_are_offsets_into_the_text() -> None:
    text = "  First one here. Second one there.  "
    for s, e in sentence_spans(text):
        assert text[s:e].strip() == text[s:e]
    assert [text[s:e] for s, e in sentence_spans(text, 0)] == ["First one here.", "Second one there."]


def test_numbers_are_normalised() -> None:
    assert {"2000", "20"} <= numbers("around 2,000 square kilometres and 20 units")
    assert "4" in numbers("one of the four regions")
    assert "1000s" in numbers("tens of thousands have fled")


def test_a_number_keeps_its_unit_and_a_digit_inside_a_word_is_none() -> None:
    assert numbers("Default: `128MB`; checkpoint every 5min, 8 GiB or 8GiB") == {"128", "5", "8"}
    assert numbers("sha256 of the x86 build, utf8") == set()


def test_dates_and_names() -> None:
    assert has_date("on Thursday") and has_date("in March") and has_date("a month ago")
    assert not has_date("the city fell")
    assert proper_names("Serhiy Haidai, Luhansk regional governor, said") >= {"haidai", "luhansk"}
    assert "what" not in proper_names("What did Zelenskyy say?")


def test_content_terms_are_stemmed_without_stopwords() -> None:
    assert content_terms("The troops were withdrawing") == ["troop", "withdraw"]
    # "report" and "mention" are question filler, not stop words: only the flag drops them.
    question = "What did the report mention about troops?"
    assert content_terms(question) == ["report", "mention", "troop"]
    assert content_terms(question, drop_question_words=True) == ["troop"]
