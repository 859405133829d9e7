"""Small, fast text helpers shared by the answerers and the verifier.

Kept free of heavy imports: these run on the query path of every question.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import Stemmer

STOPWORDS = frozenset(
    """
a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can can't cannot could couldn't did didn't do does
doesn't doing don't down during each few for from further had hadn't has hasn't have haven't
having he he'd he'll he's her here here's hers herself him himself his how how's i i'd i'll
i'm i've if in into is isn't it it's its itself let's me more most mustn't my myself no nor
not of off on once only or other ought our ours ourselves out over own same shan't she she'd
she'll she's should shouldn't so some such than that that's the their theirs them themselves
then there there's these they they'd they'll they're they've this those through to too under
until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where
where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're
you've your yours yourself yourselves s t will just said says say according did does do done
many much one ones two per via upon yet still ever
""".split()
)

# Question words and verbs that carry no topical content when matching a question to a passage.
QUESTION_FILLER = frozenset(
    """
what which who whom whose when where why how many much long far old kind type name named
happen happened happens according article report reports reported document documents mention
mentioned mentions describe described tell give show day date year month time
""".split()
)

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")
# A letter or a digit, in any script: what a word has and a mark ("|", "=", "(") has not.
LETTER_OR_DIGIT = re.compile(r"[^\W_]")
# A number may carry its unit ("128MB", "5min", "8GiB"): up to four letters, then the word ends.
# A digit inside a word ("sha256", "x86", "utf8") is not a number.
# Digits grouped by commas ("2,000") or, as code writes numbers, by underscores ("1_234_567.89").
_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d{1,3}(?:_\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?=[A-Za-z]{0,4}(?!\w))"
)
# English cardinal words up to ninety; compounds ("twenty-four") are read part by part.
CARDINAL_WORDS: dict[str, int] = {
    w: n for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
} | {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_NUMBER_WORDS = {w: str(n) for w, n in CARDINAL_WORDS.items()} | {
    "hundred": "100", "thousand": "1000", "million": "1000000", "dozen": "12",
    "hundreds": "100s", "thousands": "1000s", "millions": "1000000s", "dozens": "12s",
    "half": "0.5", "third": "1/3", "thirds": "1/3", "quarter": "1/4", "twice": "2",
    "billion": "1000000000", "billions": "1000000000s",
}
_MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
_DAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

_STEMMER = Stemmer.Stemmer("english")

# Past forms that no stemmer maps to their verb: "withdrew" must match "withdraw".
_IRREGULAR = {
    past: base
    for base, forms in (
        ("withdraw", "withdrew withdrawn"), ("flee", "fled"), ("take", "took taken"),
        ("fight", "fought"), ("begin", "began begun"), ("give", "gave given"),
        ("go", "went gone"), ("come", "came"), ("make", "made"), ("say", "said"),
        ("tell", "told"), ("see", "saw seen"), ("hold", "held"), ("lead", "led"),
        ("leave", "left"), ("lose", "lost"), ("win", "won"), ("send", "sent"),
        ("seek", "sought"), ("bring", "brought"), ("buy", "bought"), ("think", "thought"),
        ("catch", "caught"), ("teach", "taught"), ("keep", "kept"), ("meet", "met"),
        ("run", "ran"), ("rise", "rose risen"), ("fall", "fell fallen"), ("drive", "drove driven"),
        ("write", "wrote written"), ("speak", "spoke spoken"), ("break", "broke broken"),
        ("choose", "chose chosen"), ("freeze", "froze frozen"), ("steal", "stole stolen"),
        ("shoot", "shot"), ("strike", "struck"), ("blow", "blew blown"), ("throw", "threw thrown"),
        ("grow", "grew grown"), ("know", "knew known"), ("draw", "drew drawn"),
        ("fly", "flew flown"), ("sink", "sank sunk"), ("lay", "laid"), ("pay", "paid"),
        ("sell", "sold"), ("build", "built"), ("spend", "spent"), ("feel", "felt"),
        ("find", "found"), ("stand", "stood"), ("understand", "understood"), ("hit", "hit"),
        ("set", "set"), ("put", "put"), ("cut", "cut"), ("hurt", "hurt"), ("bear", "bore borne"),
        ("forbid", "forbade forbidden"), ("overtake", "overtook overtaken"),
        ("undertake", "undertook undertaken"), ("retake", "retook retaken"),
        ("mislead", "misled"), ("foresee", "foresaw foreseen"), ("arise", "arose arisen"),
    )
    for past in forms.split()
}


# British spellings, read as the American ones most documentation is written in: a question about
# the "licence" or a "colour" option must match "license" and "color". Families, not words:
# "-our" nouns, "-re" nouns, and "-ise"/"-yse" verbs with their forms, less the words that end
# so in both spellings ("promise", "exercise", "advertise").
_BRITISH_OUR = re.compile(
    r"(arbo|armo|behavio|cando|clamo|colo|endeavo|favo|flavo|harbo|hono|humo|labo|neighbo|odo|"
    r"parlo|rigo|rumo|savo|splendo|tumo|valo|vapo|vigo)ur(?=s?$|ed$|ing$|ful$|less$|ite$|ites$|able$)"
)
_BRITISH_RE = re.compile(r"(cent|fib|lit|met|theat|calib|lust|somb|spect|sab)re(?=s?$|d$)")
_BRITISH_ISE = re.compile(r"([a-z]{3,}?)(is|ys)(e|es|ed|ing|er|ers|ation|ations)$")
_ISE_IN_BOTH = frozenset(
    "advertis advis appris aris chastis circumcis compris compromis concis demis despis devis "
    "disguis enfranchis enterpris excis exercis expertis franchis improvis incis merchandis "
    "otherwis precis premis promis revis supervis surmis surpris televis treatis likewis "
    "clockwis nois pois prais rais wis guis cruis bruis anis paradis repris valis porpois "
    "tortois mortis apprais upris sunris".split()
)
_BRITISH_WORDS = {"licence": "license", "licences": "licenses", "licenced": "licensed",
                  "grey": "gray", "greys": "grays", "catalogue": "catalog", "catalogues": "catalogs",
                  "dialogue": "dialog", "dialogues": "dialogs", "analogue": "analog",
                  "programme": "program", "programmes": "programs", "cheque": "check",
                  "aluminium": "aluminum", "defence": "defense", "offence": "offense"}


def american(word: str) -> str:
    """A lower-case word in its American spelling (unchanged when it has no British one)."""
    if word in _BRITISH_WORDS:
        return _BRITISH_WORDS[word]
    word = _BRITISH_RE.sub(r"\1er", _BRITISH_OUR.sub(r"\1r", word))
    m = _BRITISH_ISE.fullmatch(word)
    if m and m.group(1) + m.group(2) not in _ISE_IN_BOTH and not m.group(1).endswith(("w", "u")):
        return f"{m.group(1)}{m.group(2)[0]}z{m.group(3)}"
    return word


def words(text: str) -> list[str]:
    """Word tokens, lower-cased, with curly apostrophes folded and possessives dropped."""
    out = []
    for m in _WORD.finditer(text):
        w = m.group(0).lower().replace("’", "'")
        if w.endswith("'s"):
            w = w[:-2]
        out.append(w.strip(".'-"))
    return [w for w in out if w]


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_STEMMER.stemWord(_IRREGULAR.get(word) or american(word)))


# A one-letter option ("-g", "-O"): as a letter it is no term, yet a question about it often
# names nothing else ("What does rustc's -g flag stand for?"). Case folds, as for every term.
SHORT_OPTION = re.compile(r"(?<![\w-])-[A-Za-z](?![\w-])")


def content_terms(text: str, *, drop_question_words: bool = False) -> list[str]:
    """Stemmed non-stopword terms, in order, duplicates kept; one-letter options at the end.
    A hyphenated word gives its parts: in a passage beside itself, in a question (with
    drop_question_words) instead of itself, so that "--read-interval" answers "read interval"
    and "system wide" answers "system-wide" without a question's compound counting twice."""
    skip = STOPWORDS | QUESTION_FILLER if drop_question_words else STOPWORDS
    terms: list[str] = []
    for w in words(text):
        if w not in skip and len(w) > 1 or w.isdigit():
            parts = [stem(p) for p in w.split("-") if p not in skip and len(p) > 1] if "-" in w else []
            if not (drop_question_words and parts):
                terms.append(stem(w))
            terms.extend(parts)
    return terms + [m.group().lower() for m in SHORT_OPTION.finditer(text)]


# A file name's extension: ".md", ".conf", ".docx".
_EXTENSION = re.compile(r"\.\w{1,5}$")


@lru_cache(maxsize=4096)
def document_name_terms(source: str) -> frozenset[str]:
    """The words that name a document: its source path's, without the extension
    ("a/ebooklib-readme.md" -> ebooklib, readm, …). Cached: the answerer reads its passages'
    sources for every question."""
    return frozenset(content_terms(_EXTENSION.sub("", source).replace("/", " ")))


def project_names(source: str) -> tuple[str, ...]:
    """The names of the project a document's file may be named after, as a question writes
    them: the file name's part before its first "-" or ".", with "_" for "-"
    ("serve_static-readme.md" -> "serve-static", "redir-manual.pdf" -> "redir"); and, for a
    file name of more hyphenated words, each longer run of them before its last word
    ("audit-ci-readme.md" -> "audit", "audit-ci": a question asks of "audit-ci", which no
    text writes as "audit"). () when the first part is no name of three or more letters
    ("000_1714d7cf.txt", "a.md")."""
    base = source.replace("\\", "/").rsplit("/", 1)[-1]
    stem = base.split(".", 1)[0]
    words = stem.split("-")
    first = words[0].replace("_", "-").lower()
    if not _PROJECT.fullmatch(first):
        return ()
    longer = ["-".join(words[:n]).replace("_", "-").lower() for n in range(2, len(words))]
    return (first, *(n for n in longer if _PROJECT.fullmatch(n)))


_PROJECT = re.compile(r"[a-z][a-z0-9]{2,}(?:-[a-z][a-z0-9]*)*")


def name_key(name: str) -> str:
    """A file's name however it is written: "proxychains4.conf", "proxychains4-conf" and
    "Proxychains4_conf" are one name."""
    return re.sub(r"[-._\s]+", "-", name.lower()).strip("-")


def file_name_keys(source: str) -> tuple[str, str]:
    """A document's file name with and without its extension, as name_key writes them: a
    question that names the document it asks about ("In the default proxychains4.conf, …", over
    proxychains4-conf.txt) names something the corpus has, though its text never says it."""
    base = source.replace("\\", "/").rsplit("/", 1)[-1]
    return name_key(base), name_key(_EXTENSION.sub("", base))


def numbers(text: str, *, spelled: bool = True) -> set[str]:
    """Numbers in a text, normalised: '2,000' -> '2000'; number words become digits (unless
    not spelled)."""
    found = {m.group(1).replace(",", "").replace("_", "") for m in _NUMBER.finditer(text)}
    if not spelled:
        return found
    for w in words(text):
        for part in w.split("-"):
            if part in _NUMBER_WORDS:
                found.add(_NUMBER_WORDS[part])
    return found


_VERSION = re.compile(r"(?<![\w.])[vV]?(\d+(?:\.\d+)+)(?![\w.]*\d)")


def versions(text: str) -> set[str]:
    """Version numbers with two or more parts: "v1.2.5" and "Version 3.7.7" give "1.2.5" and
    "3.7.7" (numbers() reads "1.2" of them); an issue number "#476" is none."""
    return {m.group(1) for m in _VERSION.finditer(text)}


def has_date(text: str) -> bool:
    low = words(text)
    if any(w in _MONTHS or w in _DAYS for w in low):
        return True
    if re.search(r"\b(1[89]\d\d|20\d\d)\b", text):
        return True
    return bool(_RELATIVE_DATE.search(text))


def only_a_date(text: str) -> bool:
    """The text is a date and nothing else ("November 10, 2022", "Sunday 3 March"): words of
    months and days and numbers only, a month or a day among them."""
    low = words(text)
    named = [w for w in low if w in _MONTHS or w in _DAYS]
    return bool(named) and all(w in _MONTHS or w in _DAYS or w.isdigit() for w in low)


_RELATIVE_DATE = re.compile(
    r"\b(yesterday|today|tonight|(last|next|this|earlier this|later this) "
    r"(week|month|year|spring|summer|autumn|fall|winter)|(days?|weeks?|months?|years?) ago|"
    r"(days|weeks|months|years) (earlier|later|before|after)|in recent (days|weeks|months))\b",
    re.IGNORECASE,
)


_NAME = re.compile(r"\b([A-Z][a-z’'A-Z-]+(?:\s+[A-Z][a-z’'A-Z-]+)*)")


def proper_names(text: str) -> set[str]:
    """Capitalised words that are not merely the first word of a sentence, lower-cased."""
    names: set[str] = set()
    for m in _NAME.finditer(text):
        start = m.start()
        prefix = text[:start].rstrip()
        at_sentence_start = not prefix or prefix[-1] in ".!?\"“:\n•-—"
        for i, part in enumerate(m.group(1).split()):
            w = part.lower().replace("’", "'")
            if w.endswith("'s"):
                w = w[:-2]
            if i == 0 and at_sentence_start and w in STOPWORDS | QUESTION_FILLER:
                continue
            if w in STOPWORDS:
                continue
            names.add(w)
    return names


_SENT_END = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])|\n+")
# Titles, months and initials; and the Latin abbreviations of technical writing ("(eg. 20 to 30
# times)", "i.e. the default"), which a manual puts before numbers and options.
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Capt|Maj|Sen|Rep|Gov|St|Jr|Sr|Inc|Ltd|Co|vs|etc|"
    r"No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|eg|ie|cf|viz|approx|al)|\b[A-Z](?:\.[A-Z])*"
    r"|\b[a-z]\.[a-z])\.$"
)


def sentence_spans(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed of surrounding white space; never crosses a line.
    A full stop inside parentheses that are still open ends no sentence: "(eg. 20 to 30 times)"."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        head = text[start : m.start()]
        if m.group(0).strip() == "" and "\n" not in m.group(0) and (
            _ABBREV.search(head) or _open_paren(head)
        ):
            continue
        _add_span(text, start, m.start(), offset, spans)
        start = m.end()
    _add_span(text, start, len(text), offset, spans)
    return spans


# How far back an opening parenthesis still holds a full stop inside it: a stray "(" (a frowning
# ":(", a range "[0, 1)" written the other way) must not join a whole paragraph into one sentence.
_PAREN_REACH = 120


def _open_paren(head: str) -> bool:
    near = head[-_PAREN_REACH:]
    return near.count("(") > near.count(")")


def _add_span(text: str, s: int, e: int, offset: int, spans: list[tuple[int, int]]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    # A quote closing a sentence belongs to that sentence.
    while e < len(text) and text[e] in "\"”’')]" and e > s:
        e += 1
    if e > s:
        spans.append((s + offset, e + offset))


def split_sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def asking_sentence(question: str) -> str:
    """The sentence that asks: the question's last, when sentences of the asker's own situation
    come first ("fast-json-stringify turns 4.7 into 4 for my integer field, but I want it
    rounded up. Which option controls this?"). Their figures are the asker's examples, which the
    documents need not state; what the asking sentence takes for granted, they must."""
    sentences = split_sentences(question)
    return sentences[-1] if sentences else question


def word_count(text: str) -> int:
    return len(text.split())


# A name a question gives exactly: a token with a digit ("station 42", "PostgreSQL 15", a file
# name "archive.1.dar" whole, not its tail "1.dar"), an option ("-6", "--keep"), a snake_case
# name ("shared_buffers") or a lower-case name of three or more parts joined by hyphens
# ("max-line-length"; not "up-to-date", see identifiers), or a setting's key written with its
# "=" and no value ("If I leave out cipher= in a cmtab target"). Not the groups of a number's
# digits: "2,500" names no "500", "$890,000" no "890".
_IDENTIFIER = re.compile(
    r"(?<![\w-])(?<!\d,)(?:-{1,2}\w[\w-]*|(?:[A-Za-z_]\w*\.)*\w*\d[\w.]*(?![\w.]|,\d)|[A-Za-z]\w*_\w+"
    r"|[a-z][a-z0-9]*(?:-[a-z0-9]+){2,}(?![\w-])|[A-Za-z][\w-]*(?==(?![\w\"'=])))"
)


# Markup a title carries that a reader does not read as words: images (a README's badges, a
# logo), links (read as their text), HTML tags.
# Inline ("![alt](url)", "[text](url)") and reference-style ("![alt][ref]", "[text][ref]").
_MD_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_MD_LINK = re.compile(r"\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>\n]*>")


def heading_text(title: str) -> str:
    """A heading or title as a reader sees it: "Thread-pool Controls [![Build Status](…)](…)"
    is "Thread-pool Controls", and so is "Multer [![NPM Version][npm-version-image]][npm-url]"
    with its badges' references defined further down. Every chunk carries its title and heading
    path into what is embedded, so two badge URLs had filled the model's window and given all 55
    chunks of one README the same vector."""
    return " ".join(_HTML_TAG.sub(" ", link_text(title)).split())


# Inline HTML a Markdown writer puts into running text and table cells ("10<sup>\\*</sup>",
# "<kbd>Ctrl</kbd>+<kbd>C</kbd>"): an element of these names with its closing tag, read as its
# content. A tag named in prose ("all the <a> tags" of Beautiful Soup's page) has no closing
# tag, and an angle-bracketed placeholder ("-f <configfile>") is no element: both are text.
_INLINE_ELEMENT = re.compile(
    r"<(a|abbr|b|code|del|em|i|ins|kbd|mark|s|samp|small|span|strong|sub|sup|tt|u|var)(?:\s[^>\n]*)?>"
    r"([^<\n]*)</\1\s*>",
    re.IGNORECASE,
)
# A line break glued to the text around it ("`boolean`<br /> Tests if"), read as a space.
_LINE_BREAK = re.compile(r"(?<=\S)<br\s*/?>|<br\s*/?>(?=\S)", re.IGNORECASE)


def inline_text(text: str) -> str:
    """Markdown's inline HTML read as a reader sees it: medium-zoom's "10<sup>\\*</sup>" is
    "10\\*", bcryptjs's "`boolean`<br /> Tests if" is "`boolean` Tests if"."""
    for _ in range(2):  # one element inside another: "<b><code>x</code></b>"
        text = _INLINE_ELEMENT.sub(r"\2", text)
    return _LINE_BREAK.sub(" ", text)


def link_text(text: str) -> str:
    """Markdown links read as their text and images dropped, as a reader reads them: "[newWindow](
    http://…/Autolinker-cfg-newWindow) : boolean" is "newWindow : boolean", not 40 word pieces
    of URL before the words that say what the entry does."""
    return _MD_LINK.sub(r"\1", _MD_IMAGE.sub(" ", text))


def identifiers(text: str) -> set[str]:
    """The exact names a text gives (lower-cased, trailing full stop dropped). A hyphenated
    phrase with a stop word among its parts ("out-of-the-box", "end-to-end") is words, no name."""
    found = {m.group().rstrip(".").lower() for m in _IDENTIFIER.finditer(text)}
    return {
        name for name in found
        if name[:1] == "-" or "-" not in name or any(c.isdigit() for c in name)
        or not any(part in STOPWORDS for part in name.split("-"))
    }


def distinctive(identifier: str) -> bool:
    """Rare enough that a text never mentioning it cannot be about it: an option ("-6"), or a
    name of three characters or more. A one- or two-digit number stands in any text ("2", "10";
    "HTTP/2" is about more than a digit), and a two-character name is as often written out: "Q1"
    is a "first quarter", "4K" 4096, "A4" 210 by 297 mm."""
    return identifier[:1] == "-" or len(identifier) > 2


@lru_cache(maxsize=1024)
def exact_names(text: str) -> tuple[str, ...]:
    """The exact names a text gives that are rare enough to look up (identifiers, distinctive),
    sorted: what a question about "the -u option" or "json5 v0.12.1" is about by name. Cached:
    the answerer asks it of one question for every candidate it scores."""
    return tuple(sorted(n for n in identifiers(text) if distinctive(n)))


# A name from code written in camel case: lower camel case ("maxPayload", "getOptions"), or
# three capitalised words or more run together ("ThreadPoolServer"); not the two of a brand's
# or a product's name ("JavaScript", "CloudFormation", "iPhone", "macOS"), which an asker may
# write where the documents never do.
_CAMEL_NAME = re.compile(r"(?<![\w-])(?:[a-z]{2,}(?:[A-Z][a-z0-9]+)+|(?:[A-Z][a-z0-9]+){3,})(?![\w-])")


def camel_names(text: str) -> tuple[str, ...]:
    """The names from code a text gives in camel case (_CAMEL_NAME), sorted."""
    return tuple(sorted(set(_CAMEL_NAME.findall(text))))


def mentions_any(text: str, names: Sequence[str]) -> bool:
    """Whether the text mentions one of the names (as mention_pattern reads a mention)."""
    if not names:
        return False
    low = text.lower()
    return any(mention_pattern(n).search(low) is not None for n in names)


@lru_cache(maxsize=1024)
def mention_pattern(identifier: str) -> re.Pattern[str]:
    """Where a lower-cased text mentions the identifier: a version may carry a "v" or a suffix
    ("v1.8.0", "152th") but not more digits ("3.4.10" is not "3.4.1"); a name must stand whole
    ("log_file_mode", not "log_file_mode_x"; "--keep", not "--keep-going"), though a name
    without "_" also heads the snake_case names of its family ("float8" in "float8_e4m3fn")."""
    if _V_VERSION.fullmatch(identifier):
        # "Bus Pirate v3.0" is the "hardware version 3.0" of the text: the "v" is how the
        # question writes it, not part of the version.
        return re.compile(rf"(?<![\w.])v?{re.escape(identifier[1:])}(?![\d]|\.\d)")
    escaped = re.escape(identifier)
    if _PLAIN_NUMBER.fullmatch(identifier):
        return re.compile(rf"(?<![\d.]){_grouped(identifier)}(?![\d]|\.\d)")
    if identifier[:1].isdigit():
        return re.compile(rf"(?<![\d.]){escaped}(?![\d]|\.\d)")
    if identifier[:1] == "-":
        return re.compile(rf"(?<![\w-]){escaped}(?![\w]|-\w)")
    if "_" in identifier:
        # A build setting is also mentioned where a command line defines it: CMake's and a C
        # compiler's "-DEXIV2_ENABLE_PNG=On" sets EXIV2_ENABLE_PNG.
        return re.compile(rf"(?:{_NAME_START}|(?<=(?<![\w-])-d)){escaped}(?![\w]|-\w)")
    if "-" in identifier:
        # A hyphenated name is the same name written with "_" or spaces ("max-line-length" in
        # clippy.toml is max_line_length in code, a "long-term-support" release a long term
        # support one): mentioned either way.
        joined = escaped.replace(r"\-", "[-_ ]")
        return re.compile(rf"{_NAME_START}{joined}(?![\w]|-\w)")
    return re.compile(rf"{_NAME_START}{escaped}(?![^\W_]|-\w)")


# Where a name starts: after no word character or "-", or behind Markdown's "_" of emphasis
# ("- _int32_: signed 32 bits integer", ajv-formats' README), which is no word's letter.
_NAME_START = r"(?:(?<![\w-])|(?<=(?<![\w-])_))"


_PLAIN_NUMBER = re.compile(r"\d{4,}(?:\.\d+)?")
_V_VERSION = re.compile(r"v\d+(?:\.\d+)+")


def _grouped(number: str) -> str:
    """A pattern for a number written with or without its thousands grouped: "1234567.89" is
    "1,234,567.89" in prose and "1_234_567.89" in code."""
    whole, dot, fraction = number.partition(".")
    digits = "".join(
        ("[,_]?" if i and (len(whole) - i) % 3 == 0 else "") + digit for i, digit in enumerate(whole)
    )
    return digits + (r"\." + fraction if dot else "")


# Tab stops every eight columns, as a terminal and a pager show a file: where a listing aligned
# with tabs ("logfile\t\t\t<file>") sets its columns.
TAB_SIZE = 8


def indent_width(line: str) -> int:
    """How far a line is indented, in the columns a reader sees (tabs expanded)."""
    wide = line.expandtabs(TAB_SIZE)
    return len(wide) - len(wide.lstrip())


def columns(line: str, indent_end: int, text_start: int) -> tuple[int, int]:
    """The columns a reader sees (tabs expanded) where a line's indent ends and where its text
    starts, from their offsets in the line: a two-column listing aligns its rows by these."""
    return len(line[:indent_end].expandtabs(TAB_SIZE)), len(line[:text_start].expandtabs(TAB_SIZE))


# A code block's opening or closing line: a CommonMark fence, or raw HTML's <pre> and </pre>,
# which READMEs use for install commands ("# pkg install bfs" inside is no heading).
FENCE_LINE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_PRE_OPEN = re.compile(r"^\s*<pre\b", re.IGNORECASE)
_PRE_CLOSE = re.compile(r"</pre\s*>", re.IGNORECASE)
PRE = "<pre>"


def code_block_after(line: str, block: str) -> str:
    """Which code block is open after `line`, given the one open before it ("" for none): the
    fence string that opened it ("```", "~~~~"), or PRE."""
    if block == PRE:
        return "" if _PRE_CLOSE.search(line) else PRE
    fence = FENCE_LINE.match(line)
    if block:
        return "" if fence and fence.group(1).startswith(block) else block
    if fence:
        return fence.group(1)
    return PRE if _PRE_OPEN.match(line) and not _PRE_CLOSE.search(line) else ""
