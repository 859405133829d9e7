from __future__ import annotations

from rag.text import (
    american,
    asking_sentence,
    content_terms,
    distinctive,
    exact_names,
    has_date,
    heading_text,
    identifiers,
    inline_text,
    link_text,
    mention_pattern,
    mentions_any,
    numbers,
    only_a_date,
    project_names,
    proper_names,
    sentence_spans,
    split_sentences,
    stem,
    versions,
)


def test_sentences_keep_quotes_and_abbreviations() -> None:
    text = 'A senior U.S. defense official said so. "It is over," he said. Mr Smith left.\nNext line'
    assert split_sentences(text) == [
        "A senior U.S. defense official said so.",
        '"It is over," he said.',
        "Mr Smith left.",
        "Next line",
    ]


def test_a_full_stop_inside_open_parentheses_or_after_a_latin_abbreviation_ends_no_sentence() -> None:
    text = "It runs slower (eg. 20 to 30 times) than normal. Use a checker, e.g. Valgrind. Done."
    assert split_sentences(text) == [
        "It runs slower (eg. 20 to 30 times) than normal.",
        "Use a checker, e.g. Valgrind.",
        "Done.",
    ]
    # A stray "(" far back holds no full stop: the paragraph is not one sentence.
    stray = "Smile :( " + "word " * 30 + "here. Next one. Last."
    assert split_sentences(stray)[-2:] == ["Next one.", "Last."]


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
    # A one-letter option is a term; a hyphen inside a word or between spaces is none.
    assert content_terms("Use -g, not -O, for e-mail - or x") == ["use", "e-mail", "mail", "-g", "-o"]
    # A hyphenated name also gives its parts, as a question in plain words names them.
    assert set(content_terms("read interval")) <= set(content_terms("--read-interval=FLOAT"))


def test_identifiers_are_numbers_options_and_snake_case_names() -> None:
    assert identifiers("Does xz -6 or --keep set shared_buffers in PostgreSQL 15?") == {
        "-6", "--keep", "shared_buffers", "15"
    }
    assert identifiers("How do I make grep ignore case?") == set()
    assert not distinctive("15") and distinctive("-6") and distinctive("2022")
    # A lower-case name of three or more hyphenated parts is a name; a phrase with a stop word
    # among its parts, or of two parts, is words.
    assert identifiers("What is Clippy's max-line-length, out-of-the-box, in a built-in?") == {
        "max-line-length"
    }
    # A number grouped in thousands is a figure, not names of its groups (the refusal of
    # unmentioned names had said "No document mentions 500." of "2,500 troops").
    assert identifiers("Did 2,500 extras earn $890,000 on ports 8080, 8081?") == {"8080", "8081"}
    # A dotted file name is one name, not its numbered tail ("1.dar").
    assert identifiers("Is archive.1.dar an X.509 file?") == {"archive.1.dar", "x.509"}
    # A setting's key written with its "=" and no value is a name; an assignment or "==" is not.
    assert identifiers("If I leave out cipher= in a cmtab target, which is used?") == {"cipher"}
    assert identifiers("Does a==b or x=y hold?") == set()


def test_exact_names_are_the_distinctive_identifiers_and_a_mention_stands_whole() -> None:
    assert exact_names("Is --keep or -u set in Q1 of PostgreSQL 15 or v0.12.1?") == ("--keep", "-u", "v0.12.1")
    assert mentions_any("-u     Equivalent to --sort=no", ["-u"])
    assert not mentions_any("--update the cache", ["-u"]) and not mentions_any("any text", [])


def test_a_number_is_mentioned_with_or_without_its_thousands_grouped() -> None:
    # humanize's README shows "intcomma(1_234_567.89)"; a question writes 1234567.89.
    assert mentions_any(">>> humanize.intcomma(1_234_567.89)", ["1234567.89"])
    assert mentions_any("about 1,234,567.89 records", ["1234567.89"])
    assert not mentions_any("11234567.89 or 1234567.890", ["1234567.89"])
    assert mentions_any("ports 8080,8081", ["8081"]) and mentions_any("ports 8080,8081", ["8080"])
    assert numbers("intcomma(1_234_567.89) of 2,500") == {"1234567.89", "2500"}


def test_only_a_date_is_a_date_and_nothing_else() -> None:
    assert only_a_date("November 10, 2022") and only_a_date("Sunday, Jun 01, 2025") and only_a_date("10 May")
    assert not only_a_date("2022") and not only_a_date("The retreat on Saturday")


def test_a_two_character_name_is_not_distinctive_but_an_option_is() -> None:
    # "Q1 2008" in a question, "the first quarter of 2008" in the article: no refusal on it.
    assert not distinctive("q1") and not distinctive("4k") and not distinctive("a4")
    assert distinctive("-d") and distinctive("i3c") and distinctive("mi55")


def test_a_mention_stands_whole_but_a_version_may_carry_a_v_or_a_suffix() -> None:
    def mentions(name: str, text: str) -> bool:
        return mention_pattern(name).search(text.lower()) is not None

    assert mentions("1.8.0", "Versions prior to v1.8.0 are GPL")
    assert mentions("152", 'e.g. "4.6.0.152-fe9c" is the 152th commit')
    assert not mentions("3.4.1", "libffi 3.4.10 and 13.4.1")
    assert not mentions("3.3", "changes from 3.3.1")
    # A question's "v3.0" is the text's "version 3.0", but not a longer version or another name's.
    assert mentions("v3.0", "for Bus Pirate hardware version 3.0 and greater") and mentions("v3.0", "since v3.0")
    assert not mentions("v3.0", "version 3.0.1") and not mentions("v3.0", "libv3.0 and 13.0")
    assert mentions("log_file_mode", "| `log_file_mode` | 0600 |")
    assert not mentions("log_file", "log_file_mode") and not mentions("--keep", "--keep-going")
    assert mentions("--memlimit-compress", "XZ_DEFAULTS=--memlimit-compress=150MiB")
    # A name without "_" heads its family's snake_case names; a snake_case name stands whole.
    assert mentions("float8", "`float8_e4m3fn` and `float8_e5m2`")
    assert not mentions("float8", "float80") and not mentions("--keep", "--keep_all")
    # A hyphenated name is mentioned written with "_" or spaces too, but not inside a longer one.
    assert mentions("max-line-length", "max_line_length = 100") and mentions("max-line-length", "a max line length")
    assert not mentions("max-line-length", "max-line-length-x")
    # A build setting is mentioned where a command line defines it, and nowhere else inside a word.
    assert mentions("EXIV2_TEAM_PACKAGING".lower(), "cmake .. -DEXIV2_TEAM_PACKAGING=On")
    assert not mentions("team_packaging", "-DEXIV2_TEAM_PACKAGING=On") and not mentions("log_file", "x-dlog_file")
    # Markdown's "_" of emphasis is no letter of the name it sets off; a snake_case name's "_" is.
    assert mentions("int32", "- _int32_: signed 32 bits integer") and mentions("uuid", "_uuid_: Universally Unique")
    assert not mentions("int32", "x_int32") and not mentions("int32", "__int32")


def test_versions_are_read_whole_and_issue_numbers_are_none() -> None:
    assert versions("## v1.2.5") == {"1.2.5"} and versions("Version 3.7.7 (released 2022-07-28)") == {"3.7.7"}
    assert versions("fixed in pull/476 (#12)") == set()


def test_links_read_as_their_text_and_images_go() -> None:
    entry = "- [newWindow](http://g.example/api/#!/api/Autolinker-cfg-newWindow) : boolean<br />"
    assert link_text(entry) == "- newWindow : boolean<br />"
    assert link_text("see [docs][ref] and ![logo](logo.png) here") == "see docs and   here"
    assert link_text("a list [1, 2] (not a link)") == "a list [1, 2] (not a link)"


def test_inline_html_elements_read_as_their_content() -> None:
    assert inline_text("| 10<sup>\\*</sup> | 12<sup>\\*</sup> | 36 |") == "| 10\\* | 12\\* | 36 |"
    assert inline_text("<kbd>Ctrl</kbd>+<kbd>C</kbd>, then a<br>b") == "Ctrl+C, then a b"
    assert inline_text("<b><code>x</code></b> and <a href='#x'>see</a>") == "x and see"
    # A tag named in prose, a line break set apart and a placeholder are text.
    kept = "find all the <a> tags, then the <br> tag; -f <configfile>, timeout <seconds>"
    assert inline_text(kept) == kept


def test_a_title_is_read_without_its_badges_links_and_tags() -> None:
    badges = "Controls [![Build](https://ci.example/badge.svg?branch=main)](https://ci.example) [![cov](https://c.example/b.svg)](https://c.example)"
    assert heading_text(badges) == "Controls"
    assert heading_text('<img src="logo.png" width="90"> FastAPI') == "FastAPI"
    assert heading_text("See [the guide](https://x.example)  now") == "See the guide now"
    assert heading_text("if a < b and c > d") == "if a < b and c > d"


def test_a_title_is_read_without_its_reference_style_badges() -> None:
    # npm READMEs put badges on the title line and define their URLs further down.
    badges = "Multer [![NPM Version][npm-version-image]][npm-url] [![Build Status][ci-image]][ci-url]"
    assert heading_text(badges) == "Multer"
    assert heading_text("See [the docs][docs] first") == "See the docs first"
    assert heading_text("Array [index] notation") == "Array [index] notation"


def test_british_spellings_match_the_american_ones() -> None:
    for british, american_form in (
        ("licence", "license"), ("colours", "colors"), ("behaviour", "behavior"),
        ("centre", "center"), ("organised", "organized"), ("normalisation", "normalization"),
        ("analyse", "analyze"), ("uncoloured", "uncolored"),
    ):
        assert stem(british) == stem(american_form), british
    # Words that end so in both spellings, or only look as if they did, stay as they are.
    for word in ("promise", "exercise", "otherwise", "bitwise", "four", "hour", "precise", "raise"):
        assert american(word) == word


def test_a_documents_name_is_the_words_of_its_path_without_the_extension() -> None:
    from rag.text import document_name_terms

    names = document_name_terms("docs/ebooklib-readme.md")
    assert {"doc", "ebooklib"} <= names and "md" not in names and "readme.md" not in names


def test_a_document_is_named_after_the_project_its_file_name_opens_with() -> None:
    assert project_names("docs/serve_static-readme.md") == ("serve-static",)
    assert project_names("redir-manual.pdf") == ("redir",) and project_names("faq.txt") == ("faq",)
    # A file name of more hyphenated words may name a hyphenated project: "audit-ci".
    assert project_names("audit-ci-readme.md") == ("audit", "audit-ci")
    assert project_names("arno-iptables-firewall-config.txt") == ("arno", "arno-iptables", "arno-iptables-firewall")
    # No name: a number, a hash, two letters.
    assert project_names("000_1714d7cfa7218c5a.txt") == () and project_names("ab.md") == ()


def test_the_asking_sentence_is_the_last_one() -> None:
    situation = "It turns 4.7 into 4 for my integer field. Which option rounds it up?"
    assert asking_sentence(situation) == "Which option rounds it up?"
    assert asking_sentence("Which option rounds 4.7 up?") == "Which option rounds 4.7 up?"
