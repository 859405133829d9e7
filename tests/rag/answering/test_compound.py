"""A question asking two things is split where a coordinating "and" opens a second wh-question."""

from __future__ import annotations

import pytest

from rag.answering.compound import parts
from rag.text import document_name_terms


def test_two_wh_questions_are_two_parts() -> None:
    assert parts("Which superuser does the package create, and on which port does the server listen?") == [
        "Which superuser does the package create?",
        "On which port does the server listen?",
    ]
    # Behind any preposition: "and after how much …".
    assert parts("How long may a key be held before xcape gives up, and after how much inactivity does it lock?") == [
        "How long may a key be held before xcape gives up?",
        "After how much inactivity does it lock?",
    ]
    assert parts("What values can the -x option take and what do they mean?") == [
        "What values can the -x option take?",
        "What do they mean?",
    ]


def test_a_second_part_that_gives_only_its_object_borrows_the_first_parts_words() -> None:
    assert parts("Where should bug reports go for mawk, and where for libtasn1?") == [
        "Where should bug reports go for mawk?",
        "Where should bug reports go for libtasn1?",
    ]
    # A preposition the first part lacks leaves the second part as it was asked.
    assert parts("Which package holds the server, and which in the client?") == [
        "Which package holds the server?",
        "Which in the client?",
    ]


def test_two_objects_behind_one_preposition_are_asked_one_by_one() -> None:
    assert parts("Which e-mail addresses take bug reports for GNU sed and for GNU time?") == [
        "Which e-mail addresses take bug reports for GNU sed?",
        "Which e-mail addresses take bug reports for GNU time?",
    ]
    # The preposition "and" repeats is the last one before the first object.
    assert parts("What is the ratio of reads to writes and of hits to misses?") == [
        "What is the ratio of reads to writes?",
        "What is the ratio of hits to misses?",
    ]


@pytest.mark.parametrize(
    "question",
    [
        "Which port and which host does it use?",  # too short to stand alone
        "Can xz open .7z archives, and if not, what should I use?",
        "What is the default port?",
        "What is the difference between gzip and xz?",  # no preposition repeated
    ],
)
def test_one_question_stays_whole(question: str) -> None:
    assert parts(question) == [question]


SOURCES = ["ebooklib-readme.md", "awstats/README.txt", "ngircd-readme.md", "neomutt-readme.md", "gpustat.md",
           "rapidfuzz-readme.md", "dstat-manual.pdf", "xz.txt", "gzip.txt", "mjml-readme.md", "mailparser-readme.md",
           "countup-readme.md", "decimal-readme.docx"]
NAMES = set().union(*(document_name_terms(s) for s in SOURCES))


def named(term: str) -> bool:
    return term in NAMES


def test_two_documents_named_side_by_side_are_asked_after_one_by_one() -> None:
    assert parts("Under which licences are EbookLib and AWStats released?", named) == [
        "Under which licences are EbookLib released?",
        "Under which licences are AWStats released?",
    ]
    # A side may open with a determiner; then both do.
    assert parts("On which IRC servers can I reach the ngIRCd developers and the NeoMutt team?", named) == [
        "On which IRC servers can I reach the ngIRCd developers?",
        "On which IRC servers can I reach the NeoMutt team?",
    ]
    # The sides are cut to the same length: a verb before the first is not part of it.
    assert parts("What are the pip commands to install gpustat and RapidFuzz?", named) == [
        "What are the pip commands to install gpustat?",
        "What are the pip commands to install RapidFuzz?",
    ]
    # Without knowing the documents' names, nothing is split this way.
    question = "Under which licences are EbookLib and AWStats released?"
    assert parts(question) == [question]


def test_a_last_clause_asking_of_each_of_two_documents_named_before_it_is_asked_once_for_each() -> None:
    """"each of them" stands for the two documents named before it, however far apart: MJML's
    install command was answered and mailparser's never looked for."""
    assert parts(
        "I build HTML e-mails with MJML and parse incoming messages with mailparser: which npm commands install each of them?",
        named,
    ) == ["Which npm commands install MJML?", "Which npm commands install mailparser?"]
    # A name with its language's suffix names its document ("CountUp.js" of countup-readme.md).
    assert parts("My web page uses both CountUp.js and decimal.js. Which npm command does each README give?", named) == [
        "Which npm command does CountUp.js README give?",
        "Which npm command does decimal.js README give?",
    ]
    # One document named: "each" asks of its options, not of documents.
    assert parts("What does each option of mailparser do?", named) == ["What does each option of mailparser do?"]


@pytest.mark.parametrize(
    "question",
    [
        "Which option holds a job back until the evening and the small hours?",  # no document's name
        "Which option makes dstat readable on a light background and dark themes?",  # one side only
        "How do gzip and xz compare on text?",  # set against each other
        "Which file is read first and is it required?",  # "and" before a function word
        "Which options and which files does it read?",
    ],
)
def test_side_by_side_needs_two_documents_named_not_set_against_each_other(question: str) -> None:
    assert parts(question, named) == [question]


def test_which_one_in_a_second_part_is_the_thing_the_first_part_asks_after() -> None:
    assert parts("Which build system does fuzzel use, and which one does Flameshot use?") == [
        "Which build system does fuzzel use?",
        "Which build system does Flameshot use?",
    ]
    # "names" reads as the first part's verb, not as part of the thing.
    assert parts("Which environment variable names the config file, and which one holds the flags?") == [
        "Which environment variable names the config file?",
        "Which environment variable holds the flags?",
    ]
    # The thing runs to the auxiliary, wherever its wh-phrase stands.
    assert parts(
        "I need both wretch and tinypool: which minimum Node.js version does wretch's "
        "documentation give, and which one does tinypool's?"
    ) == [
        "I need both wretch and tinypool: which minimum Node.js version does wretch's documentation give?",
        "Which minimum Node.js version does tinypool's?",
    ]


def test_a_yes_no_question_after_a_comma_is_a_part_of_its_own() -> None:
    assert parts("What is the oldest Python it is tested on, and does tqdm need any dependencies?") == [
        "What is the oldest Python it is tested on?",
        "Does tqdm need any dependencies?",
    ]
    # Without the comma "and is" joins words, not questions.
    question = "Which file is read first and is it required?"
    assert parts(question) == [question]


def test_a_second_question_whose_wh_phrase_comes_later_is_a_part_of_its_own() -> None:
    assert parts(
        "Which city did the ministry name besides Kyiv, and the withdrawal from which city did it "
        "call an acknowledgment of defeat?"
    ) == [
        "Which city did the ministry name besides Kyiv?",
        "The withdrawal from which city did it call an acknowledgment of defeat?",
    ]
    assert parts(
        "In which month did the attack on Kyiv fail, and besides the area north of Kyiv, around "
        "which city did Britain say the troops had retreated?"
    ) == [
        "In which month did the attack on Kyiv fail?",
        "Besides the area north of Kyiv, around which city did Britain say the troops had retreated?",
    ]


@pytest.mark.parametrize(
    "question",
    [
        # A condition asks on from the first part; a relative "which" asks nothing; nor does a
        # wh-word past the sentence's end.
        "Can xz open .7z archives, and if not, what should I use?",
        "What does the daemon log, and the file which it writes to rotate?",
        "I removed a log while it was written, and the space did not come back. What is it now?",
    ],
)
def test_a_later_wh_word_that_asks_nothing_of_its_own_splits_nothing(question: str) -> None:
    assert parts(question) == [question]
