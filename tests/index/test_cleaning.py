"""Boilerplate removal, checked line by line on the five seed pages and on small synthetic texts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from index.cleaning import CleanedText, clean_text, explain_lines, looks_scraped, scrape_signals

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@dataclass(frozen=True)
class Expected:
    """Every non-empty line of a seed is in exactly one of kept, repeats and dropped."""

    title: str
    kept: tuple[tuple[int, str], ...]  # (1-based line number, start of the line), in order
    repeats: tuple[int, ...]  # copies of a kept line: the text stays, but only once
    dropped: tuple[int, ...]


def _lines(first: int, last: int) -> tuple[int, ...]:
    return tuple(range(first, last + 1))


EXPECTED: dict[str, Expected] = {
    "000_1714d7cfa7218c5a.txt": Expected(
        title="Russian troops are retreating from Kyiv, will head east after "
        "'significant re-equipping,' U.S. and U.K. say",
        kept=(
            (1, "Russian troops are retreating from Kyiv,"),
            (2, '"Ukrainian forces have retaken key terra'),
            (3, "About two-thirds of the 20 Russian 800-s"),
            (4, '"Clearly the maximalist goals originally'),
            (11, "Ukraine appears to have forced Russia to"),
            (12, '"At this stage, the Russian force is tap'),
        ),
        repeats=(),
        dropped=(
            (5, 6, 8, 9, 10)  # Subscribe / "Escape your echo chamber" / sign-up block
            + (13, 14)  # "Sign up for Today's Best Articles" + "A free daily email"
            + (15,)  # author bio
            + _lines(16, 59)  # other stories: "-", headline, standfirst, "By ..., Published"
        ),
    ),
    "001_4c1f483199f9eca4.txt": Expected(
        title="Russia orders troops to withdraw from front line positions after shock "
        "Ukrainian advance",
        kept=(
            (6, "Russia orders troops to withdraw from fr"),
            (10, "Ukrainian forces, backed by increasingly"),
            (12, "Russia has ordered its troops to withdra"),
            (14, "The retreat on Saturday marked the most "),
            (16, '"The Russian army in these days is demon'),
            (18, "\"And, of course, it's a good decision fo"),
            (22, "Mr Zelenskyy said Ukraine's military had"),
            (24, "Images on social media showed triumphant"),
            (26, "A top Ukrainian commander said more citi"),
            (28, '"I am sure that this is not the last cit'),
            (30, '"Ahead of us is Kupiansk, which is alrea'),
            (32, "Pictures have emerged of the Ukrainian f"),
            (34, "Images have also been posted of social m"),
            (36, "Explaining the Russian withdrawal, defen"),
            (38, "Mr Konashenkov said the move is being ma"),
            (46, "The claim of a pullback to concentrate o"),
            (48, "The developments came amid what has larg"),
            (50, "The Ukrainian military said it had launc"),
            (52, "It has blocked access for journalists to"),
            (54, "In the past few days, however - the UK M"),
            (56, "Claims of significant advances in Kharki"),
            (58, "Vladislav Sokolov, the head of the Russi"),
            (60, "Ukrainian defence minister Oleksii Rezni"),  # lost its full stop
            (62, '"It will be like an avalanche," he said,'),
        ),
        repeats=(8, 20),  # the title again; the standfirst again
        dropped=(
            (1, 3, 4)  # "London Daily", "Focus on the big picture.", date
            + (40, 43)  # photo caption, sub-heading
            + (64, 66, 68, 69, 70)  # Newsletter, Related Articles, player "0:00", Close
            + _lines(71, 121)  # related headlines and the closing "×"
        ),
    ),
    "002_0c14545e1c9752d4.txt": Expected(
        title="Russia's soldiers on a crucial front are mainly retreating from Ukraine's "
        "advances, rather than staying to fight, UK intel says",
        kept=(
            (1, "Russia's soldiers on a crucial front are"),
            (4, "• Ukraine is making gains in the souther"),
            (6, "• The UK Defense Ministry said Russian t"),
            (8, "• Russia may be falling back to dig in a"),
            (10, "Russian troops are mostly retreating fro"),
            (12, "The ministry said in an intelligence upd"),
            (14, "It added that Ukraine had not threatened"),
            (16, '"Russian forces have typically broken co'),
            (18, "Ukraine has said that Russian troops hav"),
            (20, "It's possible that Russia's retreat is t"),
            (22, "The Washington Post reported some Ukrain"),
            (24, "That's because the city is strategically"),
            (26, "A pro-Russian official said\xa0Russians wer"),
            (28, "Kherson is one of the four Ukrainian reg"),
            (30, "The UK Defense Ministry said Russia was "),
            (32, "Ukraine launched its eastern counteroffe"),
            (34, "The result is that Russia no longer has "),
        ),
        repeats=(3,),  # the title again
        dropped=(36,),  # "Read the original article on Business Insider"
    ),
    "003_c9c9039e1788b43e.txt": Expected(
        title="Russia says troops begin to withdraw from key Ukrainian city",
        kept=(
            (1, "Russia says troops begin to withdraw fro"),
            (3, "November 10, 2022"),  # the article's date, right under its title
            (9, "Russia said its troops began pulling out"),
            (11, "It was difficult to know what was happen"),
            (13, "Ukrainian officials have warned for week"),
            (15, "But on Thursday, Ukraine’s armed forces "),
            (17, "Still, he said that Ukrainian military c"),
            (19, "But another senior Ukrainian official of"),
            (21, "Moscow took Kherson soon after the invas"),
            (23, "A forced pullout from the city would mar"),
        ),
        repeats=(),
        dropped=(4, 5, 6, 7),  # "2 MIN READ", font-size buttons A / A+ / A-
    ),
    "004_2de2fe75480d23cb.txt": Expected(
        title="",  # the page starts straight with body text
        kept=(
            (1, "Russian forces have shown signs they are"),
            (3, "The US think tank, the Institute for the"),
            (5, "“The Russian army has likely decided to "),
            (7, "The think tank added that Ukrainian forc"),
            (11, "The Kremlin abandoned plans to take the "),
            (13, "Ukrainian officials said this week that "),
            (15, "Troops were photographed placing static "),
            (17, "The city, which is just 50 kilometers fr"),
            (19, "Russian forces have used it as a pivot p"),
            (23, "But the Ukrainian advance in the region "),
            (25, "The UK Ministry of Defense said earlier "),
            (27, "Satellite images released on Friday appe"),
            (32, "The War Institute said it appeared Mosco"),
            (34, "Oleksii Reznikov, Ukraine’s defense mini"),
            (36, "“We are entering a new and long phase of"),
            (38, "Analysts believe that Russian attempts t"),
            (40, "Ukrainian officials said forces had dest"),
            (42, "Moscow now controls about 80 percent of "),
            (44, "Serhiy Haidai, Luhansk regional governor"),
            (46, "“The Russians are destroying everything "),
        ),
        repeats=(),
        dropped=(
            (9, 21)  # "More in Russo-Ukrainian War", "Trending on Canadian News ..."
            + (29, 30)  # photo captions with "(Photo: ...)" credits
            + (48, 50)  # "Leave a Reply" form
        ),
    ),
}

SEED_NAMES = sorted(EXPECTED)


def _raw(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def _line(raw: str, number: int) -> str:
    return raw.splitlines()[number - 1].strip()


def _paragraphs(cleaned: CleanedText) -> list[str]:
    return cleaned.text.split("\n\n") if cleaned.text else []


@pytest.fixture(scope="module")
def cleaned() -> dict[str, CleanedText]:
    return {name: clean_text(_raw(name)) for name in SEED_NAMES}


def test_all_seeds_are_covered() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == SEED_NAMES


@pytest.mark.parametrize("name", SEED_NAMES)
def test_expectations_cover_every_line_once(name: str) -> None:
    raw = _raw(name)
    exp = EXPECTED[name]
    non_empty = [i for i, line in enumerate(raw.splitlines(), 1) if line.strip()]
    listed = [n for n, _ in exp.kept] + list(exp.repeats) + list(exp.dropped)
    assert sorted(listed) == non_empty
    for number, start in exp.kept:
        assert _line(raw, number).startswith(start), (name, number)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_kept_lines_are_exactly_the_article(name: str, cleaned: dict[str, CleanedText]) -> None:
    raw = _raw(name)
    want = [_line(raw, number) for number, _ in EXPECTED[name].kept]
    assert _paragraphs(cleaned[name]) == want


@pytest.mark.parametrize("name", SEED_NAMES)
def test_boilerplate_lines_are_dropped(name: str, cleaned: dict[str, CleanedText]) -> None:
    raw = _raw(name)
    paragraphs = set(_paragraphs(cleaned[name]))
    for number in EXPECTED[name].dropped:
        line = _line(raw, number)
        assert line not in paragraphs, (name, number, line)
        assert line in cleaned[name].dropped, (name, number, line)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_repeated_lines_appear_once(name: str, cleaned: dict[str, CleanedText]) -> None:
    raw = _raw(name)
    paragraphs = _paragraphs(cleaned[name])
    assert len(paragraphs) == len(set(paragraphs))
    for number in EXPECTED[name].repeats:
        assert paragraphs.count(_line(raw, number)) == 1


@pytest.mark.parametrize("name", SEED_NAMES)
def test_title_is_detected_and_comes_first(name: str, cleaned: dict[str, CleanedText]) -> None:
    exp = EXPECTED[name]
    result = cleaned[name]
    assert result.title == exp.title
    if exp.title:
        assert _paragraphs(result)[0] == exp.title
        assert _paragraphs(result).count(exp.title) == 1


@pytest.mark.parametrize("name", SEED_NAMES)
def test_kept_paragraphs_are_verbatim(name: str, cleaned: dict[str, CleanedText]) -> None:
    raw = _raw(name)
    for paragraph in _paragraphs(cleaned[name]):
        assert paragraph in raw
        assert paragraph == paragraph.strip()


@pytest.mark.parametrize("name", SEED_NAMES)
@pytest.mark.parametrize(
    "phrase",
    ["Sign up for", "Leave a Reply", "Taylor Swift", "Subscribe to", "has worked as", "(Photo:"],
)
def test_no_boilerplate_phrase_survives(
    name: str, phrase: str, cleaned: dict[str, CleanedText]
) -> None:
    assert phrase not in cleaned[name].text


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_line_is_explained(name: str) -> None:
    raw = _raw(name)
    verdicts = explain_lines(raw)
    non_empty = [line.strip() for line in raw.splitlines() if line.strip()]
    assert sorted(v.text for v in verdicts) == sorted(non_empty)
    assert all(v.reason for v in verdicts)


# --- synthetic cases ---------------------------------------------------------------------------

BODY_1 = (
    "The city council voted on Tuesday to expand the bus network into the northern suburbs, "
    "a plan that has been debated for more than five years."
)
BODY_2 = (
    "Officials said the first new routes would open in the spring, and that fares would stay "
    "the same for at least two years after the change."
)
BODY_3 = "Not everyone is pleased."
BODY_4 = (
    "Residents of the old town said they feared their own services would be cut to pay for the "
    "expansion, which is expected to cost around 40 million euros."
)


def test_newsletter_block_in_the_middle_is_removed() -> None:
    raw = "\n".join(
        [
            "Council approves bus network expansion",
            BODY_1,
            BODY_2,
            "Sign up for our free newsletter",
            "Get the day's most important stories delivered to your inbox every morning.",
            "Subscribe now",
            BODY_3,
            BODY_4,
        ]
    )
    result = clean_text(raw)
    assert result.title == "Council approves bus network expansion"
    assert _paragraphs(result) == [result.title, BODY_1, BODY_2, BODY_3, BODY_4]
    assert result.dropped == [
        "Sign up for our free newsletter",
        "Get the day's most important stories delivered to your inbox every morning.",
        "Subscribe now",
    ]


def test_list_of_headlines_is_removed() -> None:
    raw = "\n".join(
        [
            BODY_1,
            BODY_2,
            "Most read",
            "Why are house prices still rising in the north?",
            "Local team wins the regional cup after a dramatic final with extra time and penalties",
            "Five things to do in the city this weekend",
            "Is the new stadium worth the money?",
        ]
    )
    result = clean_text(raw)
    assert _paragraphs(result) == [BODY_1, BODY_2]
    assert len(result.dropped) == 5


def test_plain_text_without_boilerplate_is_kept_whole() -> None:
    raw = f"A short history of the harbour\n\n{BODY_1}\n\n{BODY_2}\n{BODY_3}\n\n{BODY_4}\n"
    result = clean_text(raw)
    assert result.title == "A short history of the harbour"
    assert _paragraphs(result) == [result.title, BODY_1, BODY_2, BODY_3, BODY_4]
    assert result.dropped == []


def test_medium_sentences_alone_are_kept() -> None:
    # No paragraph is long enough to be body text by itself; together they are the document.
    sentences = [
        "The meeting started at nine and ended shortly after noon.",
        "Most of the time was spent on the budget for next year.",
        "A final vote is expected at the next meeting in March.",
    ]
    assert _paragraphs(clean_text("\n".join(sentences))) == sentences


def test_quoted_one_liner_between_paragraphs_is_kept() -> None:
    quote = '"We will not give up."'
    result = clean_text(f"{BODY_1}\n{quote}\n{BODY_2}")
    assert _paragraphs(result) == [BODY_1, quote, BODY_2]


def test_duplicates_keep_the_first_copy() -> None:
    result = clean_text(f"{BODY_1}\n{BODY_2}\n{BODY_1}\n{BODY_4}")
    assert _paragraphs(result) == [BODY_1, BODY_2, BODY_4]
    assert result.dropped == [BODY_1]


def test_bylines_bios_and_credits_are_removed() -> None:
    raw = "\n".join(
        [
            "By Jane Smith, Daily Courier Published",
            BODY_1,
            "Buses wait at the central station on Monday (Photo: John Doe/Getty Images)",
            BODY_2,
            "Jane Smith is a senior reporter at the Daily Courier. Her career began at a local "
            "radio station, and she covers transport and city politics.",
        ]
    )
    assert _paragraphs(clean_text(raw)) == [BODY_1, BODY_2]


def test_only_the_date_under_the_title_is_kept() -> None:
    raw = (
        "The Daily Record\nTuesday, Mar 04, 2025\n"  # the site's masthead and today's date
        "Council approves the new bridge over the river\n"
        "March 3, 2025\n5 min read\n"
        + "The council voted on Monday to fund a new bridge, which will open to traffic in two years' time. " * 2
        + "\nRelated: January 2, 2025\n"
    )
    cleaned = clean_text(raw)
    assert cleaned.title == "Council approves the new bridge over the river"
    assert _paragraphs(cleaned)[:2] == [cleaned.title, "March 3, 2025"]
    assert "Tuesday, Mar 04, 2025" in cleaned.dropped and "5 min read" in cleaned.dropped


def test_surrounding_whitespace_is_stripped_but_nothing_else() -> None:
    raw = f"   {BODY_1}  \r\n\t{BODY_2}\r\n"
    result = clean_text(raw)
    assert _paragraphs(result) == [BODY_1, BODY_2]


@pytest.mark.parametrize("raw", ["", "\n\n  \n"])
def test_empty_input(raw: str) -> None:
    assert clean_text(raw) == CleanedText(title="", text="", dropped=[])


def test_only_boilerplate_leaves_nothing() -> None:
    raw = (
        "Home\nNews\nSign up for our newsletter\nLeave a Reply\n"
        "Your email address will not be published."
    )
    result = clean_text(raw)
    assert result.text == ""
    assert len(result.dropped) == 5


# --- does the text look like a scraped page? ---------------------------------------------------

_ORDINARY = Path("/work/shared/fixtures/ordinary")
_FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_seed_looks_scraped(name: str) -> None:
    assert looks_scraped(_raw(name)), scrape_signals(_raw(name))


@pytest.mark.parametrize(
    "path",
    [_ORDINARY / "faq.txt", _ORDINARY / "install.md", _FIXTURES / "tmux-README.txt",
     _FIXTURES / "nodejs-commit-queue.md"],
    ids=lambda p: p.name,
)
def test_ordinary_documents_do_not_look_scraped(path: Path) -> None:
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    text = path.read_text(encoding="utf-8")
    assert not looks_scraped(text), scrape_signals(text)


def test_one_web_only_prompt_is_enough() -> None:
    assert looks_scraped(f"{BODY_1}\n{BODY_2}\nLeave a Reply\n")
    assert not looks_scraped(f"{BODY_1}\n{BODY_2}\n")


def test_a_licence_full_of_copyright_lines_is_not_a_page() -> None:
    licence = "\n".join(
        [f"Copyright 20{i:02d} Contributor Number {i}" for i in range(10)]
        + ["Permission is hereby granted, free of charge, to any person obtaining a copy."]
    )
    assert not looks_scraped(licence)


def test_markdown_structure_outweighs_a_prompt() -> None:
    readme = "\n".join(
        ["# Project", "", "## Install", "- pip install project", "- run it", "",
         "## Support", "Subscribe to the newsletter for release notes", "Follow us on Mastodon",
         "- [docs](https://example.org)", "- [chat](https://example.org/chat)"]
    )
    assert not looks_scraped(readme)


def test_headline_lists_with_a_prompt_look_scraped() -> None:
    headlines = [
        "Local Team Wins The Regional Cup After Extra Time",
        "Five Things To Do In The City This Weekend",
        "Mayor Announces New Cycle Lanes Across The Centre",
        "Storm Warning Issued For The Northern Coast Tonight",
        "Museum Reopens After Two Years Of Careful Renovation",
    ]
    page = "\n".join([BODY_1, BODY_2, "Sign up for our newsletter", *headlines])
    assert looks_scraped(page)
    assert not looks_scraped("\n".join([BODY_1, BODY_2, *headlines]))


def test_a_glossary_with_a_line_introducing_it_is_not_a_page() -> None:
    """Title Case terms in a row and a wrapped "by X, Y on behalf of Z:" line: an authored
    notice, not other stories under a byline (found on a Markdown file of this machine's docs)."""
    notice = "\n".join(
        ["## Trademarks", "", "The following names are trademarks registered or held",
         "by Acme, Initech, and/or Hooli on behalf of the Consortium:", "",
         "Amaze, A Web Browser Project", "Cascade, Cascading Sheet Specification",
         "Domain, Document Object Model Handbook", "Markup, HyperText Markup Language",
         "Transfer, Hypertext Transfer Protocol Notes", "Vector, Scalable Vector Graphics Format",
         "", "Other names may be trademarks of their respective owners."]
    )
    assert not looks_scraped(notice), scrape_signals(notice)


def test_a_hard_wrapped_faq_with_prompts_is_not_a_page() -> None:
    # rkhunter's FAQ: wrapped at 72 columns, with a mailing-list line and a copyright notice.
    faq = """ROOTKIT HUNTER FREQUENTLY ASKED QUESTIONS (FAQ)

1.3) Can I help with the development of this project?

     Yes. Please sign up to the rkhunter-users mailing list, which is
     where new versions are announced and where problems are discussed
     before they are fixed in the development version.

3.2) How do I run rkhunter from cron without getting coloured output?

     The solution is to use the '--nocolors' option in your cron job,
     because the colour codes make the report hard to read in the
     e-mail that cron sends to the system administrator.

3.3) How can I get only the warnings reported?

     This can be achieved by using the '--rwo' (report warnings only)
     option on the command line or in the cron job entry.

Subscribe to the announcements list to hear about new releases
Copyright (c) 2003-2023 the Rootkit Hunter project, all rights reserved
"""
    assert not looks_scraped(faq), scrape_signals(faq)
