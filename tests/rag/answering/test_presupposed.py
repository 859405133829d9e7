"""rag.answering.presupposed: what a question takes for granted that the passages lack."""

from __future__ import annotations

import pytest

from rag.answering.presupposed import (
    asked_role,
    lacking,
    recombined_pair,
    reversed_word,
    small_number,
    swapped_date,
    swapped_name,
    swapped_number,
    swapped_pair,
    unnamed_role,
    unstated_numbers,
)

NEWS = (
    "A pro-Russian official said Russians were retreating to regroup. "
    "About two-thirds of the units have turned back north to Belarus, a senior U.S. defense "
    "official concurred Monday. Kremlin spokesman Dmitry Peskov declined to comment. "
    "Jake Sullivan, the national security adviser, warned of a long war."
)


@pytest.mark.parametrize(
    ("question", "role"),
    [
        ("What is the name of the pro-Russian official who said they would regroup?", "pro-Russian official"),
        ("What was the name of the elder sister who suggested the tour?", "elder sister"),
        ("Who was the maintainer that announced version 3.8?", "maintainer"),
        ("Who is the Kremlin spokesman who declined to comment?", "Kremlin spokesman"),
        # No name asked for, or asked for otherwise: nothing to check.
        ("Who said Russians were retreating?", None),
        ("What is the name of the file that holds the settings?", None),
        ("Who is the author of ripgrep, and who wrote pass?", None),
    ],
)
def test_the_role_a_question_asks_the_name_of(question: str, role: str | None) -> None:
    assert asked_role(question) == role


def test_a_role_the_text_only_mentions_unnamed_is_reported() -> None:
    asked = "What is the name of the pro-Russian official who said Russians were retreating?"
    assert unnamed_role(asked, [NEWS]) == "pro-Russian official"
    # A place before a comma is no name in apposition: the official stays unnamed.
    asked = "What is the name of the senior U.S. defense official who concurred on Monday?"
    assert unnamed_role(asked, [NEWS]) == "senior U.S. defense official"


@pytest.mark.parametrize(
    "question",
    [
        # Named right after the role, and in apposition before it.
        "What is the name of the Kremlin spokesman who declined to comment?",
        "What is the name of the national security adviser who warned of a long war?",
        # Never mentioned at all: nothing is known either way, so the answerer decides.
        "What is the name of the Russian general who ordered the retreat?",
    ],
)
def test_a_named_or_unmentioned_role_is_not_reported(question: str) -> None:
    assert unnamed_role(question, [NEWS]) is None


def test_one_named_mention_anywhere_is_enough() -> None:
    asked = "What is the name of the pro-Russian official who said Russians were retreating?"
    named_elsewhere = "The pro-Russian official, Vladimir Saldo, repeated it on television."
    assert unnamed_role(asked, [NEWS, named_elsewhere]) is None


FILM = "The film took in $1.2 million in advance screenings in Germany and 2,500 extras were hired."


@pytest.mark.parametrize(
    ("question", "unstated"),
    [
        ("The film took in $890,000 in advance screenings in what country?", ["890000"]),
        ("Which scene required about 2,500 extras?", []),  # "2,500" is "2500"
        ("What was hired, 2500 of them?", []),
        ("How much did the film take in its 350 and 420 cinemas?", ["350", "420"]),
        # Askers add years to what they ask; swapped_number places them instead.
        ("How much did the film take in 2015?", []),
        ("Which film opened on 53% of all screens?", ["53"]),
        ("Which film took 1.5 times its budget?", ["1.5"]),
        # A yes-no question asks whether the figure is right: "No, $1.2 million" answers it.
        ("Did the film take in $890,000 in advance screenings?", []),
        # A small whole number is often the asker's own; spelled numbers and a name's or a
        # version's number are not asked.
        ("Which 3 countries showed the film first?", []),
        ("I hired 16 extras but need 40: which scene needs more?", []),
        ("Was the thirty-fourth film shot in twelve weeks?", []),
        ("Was the SHA-256 checksum of the film published?", []),
        ("Under which licence were versions before 1.8.0 released?", []),
        # A figure given as an example of a kind is no fact taken for granted.
        ("Which property holds the separator of digit groups, like the comma in 42,000?", []),
        ("Which option accepts dates such as 2021-02-30 in the film's log?", []),
    ],
)
def test_the_numbers_a_question_gives_that_no_text_states(question: str, unstated: list[str]) -> None:
    assert unstated_numbers(question, [FILM]) == unstated


def test_the_figures_of_the_askers_situation_before_the_question_are_examples() -> None:
    """Only the sentence that asks takes its figures for granted: "It turns 4.7 into 4"
    describes what the asker saw."""
    asked = "The film's site turns 4.7 stars into 4 for me. Which screening took in $890,000?"
    assert unstated_numbers(asked, [FILM]) == ["890000"]
    assert unstated_numbers("My counter shows 4.7 stars, not 5. Which option rounds it?", [FILM]) == []
    told = "I counted his eighth appearance as James Bond. Who tells him he has three minutes to escape?"
    assert swapped_number(told, [BOND]) is None


def test_a_number_the_text_spells_out_is_stated() -> None:
    assert unstated_numbers("Did it open on 12 screens?", ["It opened on twelve screens."]) == []


def test_a_version_the_text_writes_with_its_v_is_stated() -> None:
    notice = "> [!Important]\n> Python >= v3.12 requires `node-gyp` >= v10"
    assert unstated_numbers("Which node-gyp version is required with Python 3.12 or newer?", [notice]) == []
    assert unstated_numbers("Which node-gyp version is required with Python 3.13?", [notice]) == ["3.13"]


def test_what_is_lacking_says_why_in_words() -> None:
    assert lacking("The film took in $890,000 in what country?", [FILM]) == "No passage found states 890,000."
    assert lacking(
        "What is the name of the pro-Russian official who said Russians were retreating?", [NEWS]
    ) == "The documents mention the pro-Russian official but never by name."
    assert lacking("Which scene required about 2,500 extras?", [FILM]) is None


BOND = (
    "Spectre (2015) is the twenty-fourth James Bond film produced by Eon Productions. "
    "Daniel Craig returned for his fourth appearance as James Bond. Blofeld tells him that he "
    "has three minutes to escape the building. This enabled him to become a producer for the "
    "1965 film Thunderball. It was released in 2015 and again in 2016."
)


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("5", ("cardinal", 5)), ("five", ("cardinal", 5)), ("twenty-four", ("cardinal", 24)),
        ("8th", ("ordinal", 8)), ("eighth", ("ordinal", 8)), ("thirty-fourth", ("ordinal", 34)),
        ("1965", ("year", 1965)), ("250", None), ("Bond", None), ("forty-many", None),
    ],
)
def test_small_numbers_however_written(token: str, value: tuple[str, int] | None) -> None:
    assert small_number(token) == value


@pytest.mark.parametrize(
    ("question", "swapped"),
    [
        ("Who returned for his eighth appearance as James Bond?", ("eighth", "fourth")),
        ("In what year was the thirty-fourth James Bond film produced?", ("thirty-fourth", "twenty-fourth")),
        ("Who tells Bond he has five minutes to escape the building?", ("five", "three")),
        # A year the texts name elsewhere still cannot stand where they name another.
        ("Who became a producer on the 1985 film Thunderball?", ("1985", "1965")),
        ("Who became a producer on the 2016 film Thunderball?", ("2016", "1965")),
    ],
)
def test_a_number_where_the_texts_say_the_same_with_another_is_swapped(
    question: str, swapped: tuple[str, str]
) -> None:
    assert swapped_number(question, [BOND]) == swapped


@pytest.mark.parametrize(
    "question",
    [
        "Who returned for his fourth appearance as James Bond?",  # the texts' own number
        "Who tells Bond he has 3 minutes to escape the building?",  # the same number in digits
        # A yes-no question asks whether the number is right: "No, three" answers it.
        "Does Blofeld give Bond five minutes to escape the building?",
        # Words that place nothing (no content word beside the number), or placed nowhere.
        "What happened in the five days before filming?",
        "How did the film do in its eighth week in cinemas?",
    ],
)
def test_a_number_not_set_against_another_is_not_swapped(question: str) -> None:
    assert swapped_number(question, [BOND]) is None


def test_a_swapped_number_is_said_in_words() -> None:
    assert lacking("Who returned for his eighth appearance as James Bond?", [BOND]) == (
        "The documents say fourth where the question says eighth."
    )


FILMING = (
    "An explosion filmed in Morocco holds a Guinness World Record for the largest film stunt "
    "explosion. The dispute began after Fleming incorporated elements of an undeveloped film "
    "script written by McClory into Thunderball.\n\n"
)
CASTING = (
    "Bérénice Marlohe was cast in the role of Sévérine. Her scenes were filmed in Macau. "
    "Its Friday–Saturday gross was £20.4 million. The game was released in March."
)


@pytest.mark.parametrize(
    ("question", "swapped"),
    [
        ("An explosion filmed in Mexico holds the Guinness World Record for what?", ("Mexico", "Morocco")),
        ("Who used an undeveloped film script written by Saltzman's team?", ("Saltzman", "McClory")),
        # A date against a date.
        ("The film's Friday-Sunday gross was how much?", ("Friday-Sunday", "Saturday")),
    ],
)
def test_a_name_where_a_passage_says_the_same_with_another_is_swapped(
    question: str, swapped: tuple[str, str]
) -> None:
    assert swapped_name(question, [FILMING, CASTING]) == swapped


@pytest.mark.parametrize(
    "question",
    [
        "Where did the explosion filmed in Morocco take place?",  # the passage's own name
        "Who was cast in the role of Severine?",  # the same name, written without its accents
        # A name the passage uses elsewhere may be the one meant ("Macau" is where she filmed).
        "Which scenes of Marlohe were filmed in Macau?",
        # A name some passage places in the same words is taken to be right.
        "Which actress was cast in the role of Sévérine, filmed in Macau?",
        # Acronyms and titles are no names to swap; nor is a name set among stop words only.
        "Which scenes were filmed in GPL?",
        "Is the explosion filmed in Mexico the largest?",  # a yes-no question asks whether
        # A place is not set against a date.
        "When was the game released in America?",
        # An identifier is a setting's name; a quoted phrase is a label the question copies.
        "Which film script written by FullPeriod was used?",
        "What does the film script written by 'Sam Mendes' hold?",
    ],
)
def test_a_name_not_set_against_another_is_not_swapped(question: str) -> None:
    assert swapped_name(question, [FILMING, CASTING]) is None


def test_a_word_of_a_longer_name_is_no_swap_for_a_name_of_one_word() -> None:
    """circuits.web's "not a Full Stack or High Level web framework" did not swap "Python" of
    "Which existing Python web framework is circuits.web most similar to?" for "Level"."""
    passage = (
        "circuits.web is not a Full Stack or High Level web framework, rather it is more closely "
        "aligned with CherryPy."
    )
    question = "Which existing Python web framework is circuits.web most similar to?"
    assert swapped_name(question, [passage]) is None
    # A name of one word set where the passage has one is still swapped.
    single = passage.replace("High Level", "Django")
    assert swapped_name(question, [single]) == ("Python", "Django")


def test_a_passage_that_uses_the_name_elsewhere_does_not_swap_it() -> None:
    both = FILMING + "Mexico City hosted the premiere."
    assert swapped_name("An explosion filmed in Mexico holds the record for what?", [both]) is None



def test_a_name_set_in_a_few_words_of_another_matter_is_not_swapped() -> None:
    """seeds_dev: "How soon after ordering a withdrawal from Kherson did the Russian Defense
    Ministry report a manoeuvre of units across the river?" against another article's "a
    withdrawal from Kharkiv": the sentence says the two words around the name and little else
    the question asks about, so it tells another matter, not the one asked about with its name
    swapped."""
    other = "Ukraine's counteroffensive forced a withdrawal from Kharkiv in September."
    question = (
        "How soon after ordering a withdrawal from Kherson did the Russian Defense Ministry "
        "report a manoeuvre of units across the river?"
    )
    assert swapped_name(question, [other]) is None
    assert swapped_name("When did the counteroffensive force a withdrawal from Kherson?", [other]) == (
        "Kherson", "Kharkiv"
    )

def test_a_swapped_name_is_said_in_words() -> None:
    assert lacking("An explosion filmed in Mexico holds the record for what?", [FILMING]) == (
        "The documents say Morocco where the question says Mexico."
    )


REVIEWS = (
    "Alyssa Rosenberg, writing for The Washington Post, stated that the film turned into a "
    "conventional Bond film. Lawrence Toppman of The Charlotte Observer called it bored. "
    "Christopher Orr, writing in The Atlantic, also criticised the film. The Quantum "
    "organisation is alluded to in Casino Royale. Append Blobs can be created in append mode."
)


@pytest.mark.parametrize(
    ("question", "swapped"),
    [
        ("Alyssa Rosenberg of The Washington Observer said what about the film?", ("Washington Observer", "Washington Post")),
        ("Lawrence Orr writes for The Atlantic about which film?", ("Lawrence Orr", "Christopher Orr")),
        ("What organisation is alluded to in Royale Casino?", ("Royale Casino", "Casino Royale")),
    ],
)
def test_a_two_word_name_with_one_word_swapped_is_swapped(question: str, swapped: tuple[str, str]) -> None:
    assert swapped_pair(question, [REVIEWS]) == swapped


@pytest.mark.parametrize(
    "question",
    [
        "Alyssa Rosenberg of The Washington Post said what about the film?",  # written so
        "Can an Append Blob be created in append mode?",  # a yes-no question
        "How are Append Blob objects created in append mode?",  # the plural is the same name
        # A possessive's name is not the first word of the next one.
        "What organisation is alluded to in Royale's Casino scenes?",
        # A sentence that says little else of the question tells another matter.
        "Who founded The Washington Observer in the nineteenth century?",
    ],
)
def test_a_two_word_name_not_set_against_another_is_not_swapped(question: str) -> None:
    assert swapped_pair(question, [REVIEWS]) is None


def test_a_swapped_pair_is_said_in_words() -> None:
    assert lacking("Alyssa Rosenberg of The Washington Observer said what about the film?", [REVIEWS]) == (
        "The documents say Washington Post where the question says Washington Observer."
    )


GAME = (
    "Twilight Princess is an action-adventure game for the Wii. Link uses the Clawshot to reach "
    "high ledges. Javier Nexus of GameSpot praised it, and Jeff Gerstmann called it long. "
    "The Releases extension for Sphinx builds changelogs. Append Blobs can be created in append mode."
)


@pytest.mark.parametrize(
    ("question", "made_up"),
    [
        ("What genre of games is Clawshot Princess?", "Clawshot Princess"),
        ("Which publication does Jeff Nexus write for?", "Jeff Nexus"),
        ("What are the three main activities in The Legend of Zelda: Clawshot Princess?", "Clawshot Princess"),
    ],
)
def test_a_two_word_name_made_of_the_passages_names_is_recombined(question: str, made_up: str) -> None:
    assert recombined_pair(question, [GAME]) == made_up
    assert lacking(question, [GAME]) is not None


def test_a_recombined_name_is_said_in_words() -> None:
    # No sentence says the question's other words, so no swap is found for it.
    assert lacking("Which publication does Jeff Nexus write for?", [GAME]) == "No passage found names Jeff Nexus."


@pytest.mark.parametrize(
    "question",
    [
        "What genre of games is Twilight Princess?",  # written so
        "Is Clawshot Princess an action game?",  # a yes-no question
        "What genre of games is Hookshot Princess?",  # a word the passages never write
        "Can I create an Azure Append Blob?",  # three words: left to swapped_pair
        "Which publication does Javier Nexus's Clawshot review cite?",  # a possessive parts names
    ],
)
def test_a_name_written_or_not_made_of_the_passages_names_is_not_recombined(question: str) -> None:
    assert recombined_pair(question, [GAME]) is None


def test_a_name_with_a_projects_name_is_not_recombined() -> None:
    question = "Which option tells the Releases Sphinx extension to use CHANGES.rst?"
    assert recombined_pair(question, [GAME]) == "Releases Sphinx"
    assert recombined_pair(question, [GAME], names_a_project=lambda w: w == "releases") is None


PROMOTION = (
    "To promote the film, production released still images of clapperboards on Eon's official "
    "social media accounts. An MI6 safehouse is a reference to the short story The Hildebrand "
    "Rarity. Transpired collectors are a more cost-effective alternative than glazed ones."
)


@pytest.mark.parametrize(
    ("question", "turned"),
    [
        ("On whose unofficial social media account did production promote the film?", ("unofficial", "official")),
        ("Which safehouse is a reference to the long story The Hildebrand Rarity?", ("long", "short")),
    ],
)
def test_a_word_turned_into_its_opposite_is_reversed(question: str, turned: tuple[str, str]) -> None:
    assert reversed_word(question, [PROMOTION]) == turned
    assert lacking(question, [PROMOTION]) == f"The documents say {turned[1]} where the question says {turned[0]}."


@pytest.mark.parametrize(
    "question",
    [
        "On whose official social media account did production promote the film?",  # said so
        "Are the still images on Eon's unofficial social media accounts?",  # a yes-no question
        "Are transpired collectors more or less cost-effective than glazed ones?",  # asks both
        "What is the unofficial name of the island ferry?",  # no sentence says its other words
    ],
)
def test_a_word_said_or_not_set_against_its_opposite_is_not_reversed(question: str) -> None:
    assert reversed_word(question, [PROMOTION]) is None


SHOOT = (
    "Following filming in Mexico, Craig was flown to New York for surgery. He had returned to "
    "filming at Pinewood Studios as planned on 22 April. On 5 July 2015 principal photography ended."
)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("Who returned to filming on 12 April?", "12 April"),
        ("Who returned to filming on April 12th?", "April 12th"),
        ("Who returned to filming at Pinewood on 22 March?", "22 March"),
    ],
)
def test_a_day_of_a_month_the_matching_sentence_gives_as_another_is_swapped(question: str, asked: str) -> None:
    assert swapped_date(question, [SHOOT]) == (asked, "22 April")
    assert lacking(question, [SHOOT]) == f"The documents say 22 April where the question says {asked}."


@pytest.mark.parametrize(
    "question",
    [
        "Who returned to filming on 22 April?",  # given
        "Did Craig return to filming on 12 April?",  # a yes-no question
        "What happened at the zoo on 12 April?",  # no sentence says its other words
    ],
)
def test_a_day_given_or_set_against_no_other_day_is_not_swapped(question: str) -> None:
    assert swapped_date(question, [SHOOT]) is None
