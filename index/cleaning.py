"""Remove web-page boilerplate from scraped plain text, keeping the article body verbatim.

Every non-empty line is one paragraph. A line is first judged on its own (length, final
punctuation, stop-word density, boilerplate cues such as sign-up prompts, bylines and photo
credits); lines that cannot be judged alone then take the class of their neighbours, as jusText
does. Kept lines are only stripped, never rewritten, because citations must stand verbatim in
the original file.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache
from itertools import islice

import justext


@dataclass(frozen=True)
class CleanedText:
    title: str  # the document's headline, or "" if none found
    text: str  # kept paragraphs joined by "\n\n"; the title is the first paragraph when found
    dropped: list[str]  # the removed lines, for debugging/tests


@dataclass(frozen=True)
class LineVerdict:
    """Why one line was kept or dropped; `explain_lines` returns one per non-empty line."""

    text: str
    kept: bool
    reason: str


class Kind(Enum):
    GOOD = "good"
    NEAR_GOOD = "near-good"  # sentence-like but not conclusive: needs a good neighbour
    SHORT = "short"  # too short to judge: follows its neighbours
    BAD = "bad"
    TITLE = "title"


# Thresholds are in words, not characters, so that quoted one-line sentences count as text.
SHORT_WORDS = 8  # terminated lines under this follow their neighbours
GOOD_WORDS = 20  # terminated lines at least this long are body text on their own
LONG_UNTERMINATED_WORDS = 15  # a body sentence that lost its full stop is at least this long
LIST_ITEM_MAX_WORDS = 30  # longer lines are not items of a headline list
LIST_RUN = 3  # this many headline-like lines in a row are a list of other stories
GOOD_STOP_DENSITY = 0.30  # jusText's default for English prose
MIN_STOP_DENSITY = 0.20  # below this a line is names/keywords, not prose
SINGLE_CUE_MAX_WORDS = 20  # one boilerplate cue condemns a line only if it is shorter
TITLE_MIN_WORDS = 3
TITLE_MAX_WORDS = 40
TITLE_SEARCH_LINES = 12
LANGUAGE_SAMPLE_WORDS = 3000
ENGLISH_ENOUGH = 0.30  # English prose scores 0.4-0.5 against jusText's English stop list
LANGUAGE_MARGIN = 0.05  # some lists (e.g. Marathi) contain English words and tie with English

_WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
_CLOSERS = "\"'”’)]»›*"
_BULLETS = ("•", "-", "–", "—", "*", "·")

_CTA_CUES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bsign(?:ing)?[ -]?up\b",
        r"\bsubscribe\b",
        r"\bnewsletters?\b",
        r"\binbox\b",
        r"\be-?mail address\b",
        r"\bleave a (?:reply|comment)\b",
        r"^read (?:more|the (?:original|full))\b|\bread the original article\b",
        r"\brelated (?:articles?|stories|posts|links|content|coverage|topics)\b",
        r"^(?:more|also) (?:in|from|on)\b",
        r"^(?:trending|most (?:read|popular|viewed)|recommended for you|advertisement)\b",
        r"\bfollow us\b|\bshare (?:this|on)\b|\bclick here\b",
        r"\bprivacy policy\b|\bterms of (?:use|service)\b|\bcookie (?:policy|settings)\b",
        r"\bdownload (?:our|the) app\b",
        r"©|\bcopyright \d{4}\b|\ball rights reserved\b",
    )
)
_BIO_CUES = tuple(
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\bhas (?:worked|written) (?:as|for)\b",
        r"\bcareer (?:began|started)\b",
        r"\b(?:is|was) an? (?:(?:senior|staff|contributing|freelance|former|deputy|chief)\s+)*"
        r"(?:writer|reporter|editor|correspondent|journalist|columnist|contributor)\b",
        r"\b(?:he|she|they) (?:covers?|writes? about)\b",
    )
)
_ANY_CUE = re.compile(
    "|".join(f"(?:{p.pattern})" for p in _CTA_CUES + _BIO_CUES), re.IGNORECASE
)
_PHOTO_CREDIT = re.compile(
    r"\((?:photo|photograph|picture|image|video|credit|source)s?(?:\s+by)?\s*:"
    r"|^(?:photo|image|picture)(?:\s+credit)?\s*:"
    r"|(?:/|\bvia\s)\s*(?:getty images|afp|reuters|ap|epa|shutterstock|alamy)\b"
    r"|\bgetty images\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?i:by)\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*(?:[,|•·—–-]|$)")
_PUBLISHED = re.compile(r"\b(?:published|updated|posted)\b", re.IGNORECASE)
_READING_TIME = re.compile(
    r"^\d+\s*-?\s*(?:min|mins|minute|minutes)\b(?:\s+(?:read|listen|watch))?$", re.IGNORECASE
)
_NUMERIC_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}")
_MONTHS = frozenset(
    {
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec",
    }
)
_DAYS = frozenset(
    {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon",
        "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    }
)
_DATE_FILLER = frozenset(
    {
        "at", "am", "pm", "gmt", "utc", "bst", "est", "edt", "cet", "cest", "et", "pt", "on",
        "last", "updated", "published", "posted", "st", "nd", "rd", "th",
    }
)


@dataclass
class _Line:
    """One paragraph with the features the classifier looks at."""

    text: str
    words: list[str]
    stop_density: float
    ending: str  # last character that is not a closing quote or bracket
    kind: Kind = Kind.BAD
    reason: str = ""

    @property
    def terminated(self) -> bool:
        return self.ending in ".!?…:"

    @property
    def headline_like(self) -> bool:
        # Headlines have no full stop, or end in a question or exclamation mark.
        return (not self.terminated or self.ending in "?!") and len(
            self.words
        ) < LIST_ITEM_MAX_WORDS


def clean_text(raw: str) -> CleanedText:
    """Keep the title once, then every body paragraph; drop boilerplate and repeats."""
    verdicts = explain_lines(raw)
    title = _title_of(verdicts)
    kept = [v.text for v in verdicts if v.kept]
    dropped = [v.text for v in verdicts if not v.kept]
    return CleanedText(title=title, text="\n\n".join(kept), dropped=dropped)


def explain_lines(raw: str) -> list[LineVerdict]:
    """One verdict per non-empty line, in output order: the title (if any) comes first."""
    texts = [s for s in (ln.strip() for ln in raw.splitlines()) if s]
    stops = stoplist_for(texts)
    lines = [_features(text, stops) for text in texts]
    for line in lines:
        line.kind, line.reason = _judge_alone(line)
    _mark_headline_lists(lines)
    title = _find_title(lines)
    for line in lines:
        if title and line.text == title:
            line.kind, line.reason = Kind.TITLE, "title"
    _keep_dateline(lines)
    _resolve_short(lines)
    _resolve_near_good(lines)
    return _verdicts(lines, title)


def _title_of(verdicts: Sequence[LineVerdict]) -> str:
    first = verdicts[0] if verdicts else None
    return first.text if first is not None and first.kept and first.reason == "title" else ""


def _features(text: str, stops: frozenset[str]) -> _Line:
    words = _WORD.findall(text)
    n_stop = sum(w.lower().replace("’", "'") in stops for w in words)
    density = n_stop / len(words) if words else 0.0
    return _Line(text=text, words=words, stop_density=density, ending=text.rstrip(_CLOSERS)[-1:])


def stoplist_for(lines: Sequence[str]) -> frozenset[str]:
    """jusText's stop words for the text's language: English unless another fits clearly better."""
    words = (w.lower().replace("’", "'") for line in lines for w in _WORD.findall(line))
    sample = list(islice(words, LANGUAGE_SAMPLE_WORDS))
    english = _stoplist("English")
    if not sample or _density(sample, english) >= ENGLISH_ENOUGH:
        return english  # the common case, without loading a hundred stop lists
    best = max(justext.get_stoplists(), key=lambda lang: _density(sample, _stoplist(lang)))
    margin = _density(sample, _stoplist(best)) - _density(sample, english)
    return _stoplist(best) if margin > LANGUAGE_MARGIN else english


def _density(words: Sequence[str], stops: frozenset[str]) -> float:
    return sum(w in stops for w in words) / len(words)


@cache
def _stoplist(language: str) -> frozenset[str]:
    return frozenset(justext.get_stoplist(language))


def _judge_alone(line: _Line) -> tuple[Kind, str]:
    """Context-free class of a line, with the reason in a few words."""
    reason = _boilerplate_reason(line.text, line.words, line.ending)
    if reason:
        return Kind.BAD, reason
    n = len(line.words)
    if not line.terminated:
        if n >= LONG_UNTERMINATED_WORDS and line.stop_density >= GOOD_STOP_DENSITY:
            return Kind.NEAR_GOOD, "long line without final punctuation"
        return Kind.BAD, "heading, caption or link text (no final punctuation)"
    if n < SHORT_WORDS:
        return Kind.SHORT, "short sentence"
    if line.stop_density < MIN_STOP_DENSITY:
        return Kind.BAD, "few function words (names or keywords, not prose)"
    if n >= GOOD_WORDS and line.stop_density >= GOOD_STOP_DENSITY:
        return Kind.GOOD, "long prose paragraph"
    return Kind.NEAR_GOOD, "medium-length sentence"


def boilerplate_reason(text: str) -> str:
    """Why a line is page furniture whatever its neighbours are, or "" if it may be text."""
    return _boilerplate_reason(text, _WORD.findall(text), text.rstrip(_CLOSERS)[-1:])


def _boilerplate_reason(text: str, words: Sequence[str], ending: str) -> str:
    if not any(c.isalpha() for c in text):
        return "no words (separator, counter or symbol)"
    if len(words) <= 2 and ending not in ".!?…":
        return "one or two words (menu, button or site name)"
    if len(words) <= 10 and (_is_date_line(text) or _READING_TIME.match(text)):
        return "date or reading time"
    if _PHOTO_CREDIT.search(text):
        return "photo caption or credit"
    if _is_byline(text, ending):
        return "byline"
    return _cue_reason(text, len(words))


def _is_date_line(text: str) -> bool:
    tokens = [t.lower() for t in re.findall(r"[^\W\d_]+|\d+", text)]
    if not tokens or len(tokens) > 10:
        return False
    anchored = any(t in _MONTHS or t in _DAYS for t in tokens) or bool(_NUMERIC_DATE.search(text))
    allowed = _MONTHS | _DAYS | _DATE_FILLER
    return anchored and all(t.isdigit() or t in allowed for t in tokens)


def _is_byline(text: str, ending: str) -> bool:
    if not _BYLINE.match(text):
        return False
    # "By Tuesday, the army had left." is a sentence; a byline has no full stop or a date stamp,
    # and introduces nothing ("by MIT, INRIA and Keio on behalf of the W3C:" leads into a list).
    return ending not in ".!?…:" or bool(_PUBLISHED.search(text))


def _cue_reason(text: str, n_words: int) -> str:
    if not _ANY_CUE.search(text):
        return ""  # one combined scan first: nearly all body lines have no cue at all
    cta = sum(bool(p.search(text)) for p in _CTA_CUES)
    bio = sum(bool(p.search(text)) for p in _BIO_CUES)
    # One cue may occur in a real sentence ("who has worked as a nurse"); two rarely do.
    if cta + bio >= 2 or (cta + bio == 1 and n_words < SINGLE_CUE_MAX_WORDS):
        return "author bio" if bio > cta else "sign-up prompt, form or site navigation"
    return ""


def _mark_headline_lists(lines: list[_Line]) -> None:
    """Runs of headline-like lines are lists of other stories, however long each item is."""
    start = 0
    while start < len(lines):
        end = start
        while end < len(lines) and lines[end].headline_like:
            end += 1
        if end - start >= LIST_RUN:
            for line in lines[start:end]:
                if line.kind is not Kind.BAD:
                    line.kind = Kind.BAD
                    line.reason = f"in a list of {end - start} headline-like lines"
        start = max(end, start + 1)


def _find_title(lines: Sequence[_Line]) -> str:
    """The headline: a repeated or else the longest headline-like line before the body."""
    candidates: list[_Line] = []
    for line in lines[:TITLE_SEARCH_LINES]:
        if line.kind is Kind.GOOD:
            break
        if _could_be_title(line):
            candidates.append(line)
    if not candidates:
        return ""
    texts = [c.text for c in candidates]
    repeated = [t for t in texts if texts.count(t) > 1]
    if repeated:
        return repeated[0]
    return max(candidates, key=lambda c: len(c.words)).text


def _could_be_title(line: _Line) -> bool:
    min_words = 1 if line.text.startswith("#") else TITLE_MIN_WORDS
    return (
        min_words <= len(line.words) <= TITLE_MAX_WORDS
        and (not line.terminated or line.ending in "?!")
        and not line.text.startswith(_BULLETS)
        and not boilerplate_reason(line.text)
    )


def _keep_dateline(lines: Sequence[_Line]) -> None:
    """A date standing right under the headline is the article's date, which a reader of the
    page sees as part of it ("When was the report published?"); every other date line is the
    site's furniture (today's date over the masthead, a related story's stamp)."""
    for above, line in zip(lines, lines[1:], strict=False):
        if above.kind is Kind.TITLE:
            if line.kind is Kind.BAD and _is_date_line(line.text):
                line.kind, line.reason = Kind.GOOD, "the date under the title"
            return


def _nearest(
    lines: Sequence[_Line], skip: frozenset[Kind]
) -> tuple[list[Kind | None], list[Kind | None]]:
    """For each line, the class of the nearest earlier and later line whose class is not
    skipped (None at an edge). Two linear passes, so long runs of short lines stay cheap."""
    before: list[Kind | None] = []
    last: Kind | None = None
    for line in lines:
        before.append(last)
        last = last if line.kind in skip else line.kind
    after: list[Kind | None] = []
    last = None
    for line in reversed(lines):
        after.append(last)
        last = last if line.kind in skip else line.kind
    after.reverse()
    return before, after


_SKIP_FOR_SHORT = frozenset({Kind.SHORT, Kind.NEAR_GOOD, Kind.TITLE})
_SKIP_FOR_NEAR_GOOD = frozenset({Kind.NEAR_GOOD, Kind.TITLE})
_SKIP_FOR_TIE = frozenset({Kind.SHORT, Kind.TITLE})


def _resolve_short(lines: list[_Line]) -> None:
    """Short lines follow their neighbours; the edge of the text is no evidence either way."""
    before, after = _nearest(lines, _SKIP_FOR_SHORT)
    tie_before, tie_after = _nearest(lines, _SKIP_FOR_TIE)
    decided: dict[int, Kind] = {}
    for i, line in enumerate(lines):
        if line.kind is not Kind.SHORT:
            continue
        sides = {before[i], after[i]} - {None}
        if sides == {Kind.BAD}:
            decided[i] = Kind.BAD
        elif Kind.BAD not in sides:
            decided[i] = Kind.GOOD
        else:
            # jusText: a sentence-like line on the boilerplate side still ties it to the text.
            toward_bad = tie_before[i] if before[i] is Kind.BAD else tie_after[i]
            decided[i] = Kind.GOOD if toward_bad is Kind.NEAR_GOOD else _prose_or_bad(line)
    _apply(lines, decided, ", kept with its neighbours")


def _prose_or_bad(line: _Line) -> Kind:
    # Unlike jusText, a short line that reads as prose is kept: a lost sentence cannot be cited.
    return Kind.GOOD if line.stop_density >= GOOD_STOP_DENSITY else Kind.BAD


def _resolve_near_good(lines: list[_Line]) -> None:
    """Medium lines need a good neighbour, unless the whole text has no long paragraph."""
    any_good = any(line.kind is Kind.GOOD for line in lines)
    before, after = _nearest(lines, _SKIP_FOR_NEAR_GOOD)
    decided: dict[int, Kind] = {}
    for i, line in enumerate(lines):
        if line.kind is not Kind.NEAR_GOOD:
            continue
        sides = {before[i], after[i]}
        if Kind.GOOD in sides or (not any_good and sides != {Kind.BAD}):
            decided[i] = Kind.GOOD
        else:
            decided[i] = Kind.BAD
    _apply(lines, decided, ", next to body text")


def _apply(lines: list[_Line], decided: dict[int, Kind], good_note: str) -> None:
    # Decisions are applied after the pass so each line is judged on the same evidence.
    for i, kind in decided.items():
        lines[i].kind = kind
        lines[i].reason += good_note if kind is Kind.GOOD else ", amid boilerplate"


def _verdicts(lines: Sequence[_Line], title: str) -> list[LineVerdict]:
    out: list[LineVerdict] = [LineVerdict(title, True, "title")] if title else []
    seen = {title} if title else set()
    title_placed = False
    for line in lines:
        if line.kind is Kind.TITLE and not title_placed:
            title_placed = True  # already placed first
        elif line.kind is Kind.TITLE:
            out.append(LineVerdict(line.text, False, "repeated title"))
        elif line.kind is not Kind.GOOD:
            out.append(LineVerdict(line.text, False, line.reason))
        elif line.text in seen:
            out.append(LineVerdict(line.text, False, "duplicate paragraph"))
        else:
            seen.add(line.text)
            out.append(LineVerdict(line.text, True, line.reason))
    return out


# --- is this a scraped page at all? -----------------------------------------------------------

# The cleaner above is built for text copied out of a news/blog page; on an authored document
# (README, FAQ, manual) it drops lists, table rows and headings. It runs only when the text
# shows the marks of page chrome -- a web-only prompt ("Leave a Reply", "2 min read"), a run of
# link-like Title Case headlines (a list of other stories), or several sign-up/share prompts,
# bylines or credits of more than one kind amid unpunctuated lines -- and little authored
# Markdown structure (headings, fences, tables, list markers).
SCRAPED_MIN_CUE_LINES = 2  # lines condemned by a sign-up/bio/byline/credit cue
SCRAPED_MIN_CUE_KINDS = 2  # distinct cue phrases ("newsletter", "copyright", ...)
SCRAPED_MIN_UNTERMINATED = 0.15  # share of lines without final punctuation (menus, headlines)
SCRAPED_MAX_MARKUP = 0.2  # from this share of Markdown structure lines on, the text is authored
# From this share of lines that run on into the next (hard-wrapped text), the text is authored: a
# page copied out of a browser has one line per paragraph, and the cleaner, reading each line as
# a paragraph, would take a wrapped sentence's lines for fragments (it kept 71 characters of
# rkhunter's 26 KB FAQ, whose mailing-list and copyright lines read as sign-up prompts).
SCRAPED_MAX_WRAPPED = 0.2
SCRAPED_HEADLINE_RUN = 5  # this many Title Case headlines in a row: a list of other stories
SCRAPED_HEADLINE_SHARE = 0.1  # share of all lines that are in such runs
HEADLINE_MIN_WORDS = 4
HEADLINE_CAPITALISED = 0.6  # share of words (of 4+ letters) that start upper-case

_CUE_REASONS = frozenset(
    {"sign-up prompt, form or site navigation", "author bio", "byline", "photo caption or credit"}
)
# Phrases an authored document practically never contains as a line of its own.
_WEB_ONLY = re.compile(
    r"^(?:leave a (?:reply|comment)|your email address will not be published"
    r"|read the original article\b|related (?:articles|stories|posts)$|trending on\b"
    r"|most (?:read|popular)$|\d+\s*-?\s*min(?:ute)?s? read$)",
    re.IGNORECASE,
)
_COPYRIGHT = _CTA_CUES[-1]
_MARKUP_LINE = re.compile(r"^(?:#{1,6}\s|```|~~~|\|.*\|$|\s*(?:[-*+]|\d+[.)])\s+\S)")


@dataclass(frozen=True)
class ScrapeSignals:
    """The measurements `looks_scraped` decides on (also shown by tests and debugging)."""

    lines: int
    cue_lines: int
    cue_kinds: int
    web_only_lines: int
    headline_share: float  # share of lines in runs of Title Case headlines
    unterminated_share: float
    markup_share: float
    wrapped_share: float  # share of lines that run on into the next: a sentence wrapped mid-way

    @property
    def scraped(self) -> bool:
        if self.markup_share >= SCRAPED_MAX_MARKUP or self.wrapped_share >= SCRAPED_MAX_WRAPPED:
            return False
        prompts = (
            self.cue_lines >= SCRAPED_MIN_CUE_LINES
            and self.cue_kinds >= SCRAPED_MIN_CUE_KINDS
            and self.unterminated_share >= SCRAPED_MIN_UNTERMINATED
        )
        # A run of Title Case lines alone is also a table of contents or a METADATA header.
        headlines = self.headline_share >= SCRAPED_HEADLINE_SHARE and self.cue_lines > 0
        return prompts or headlines or self.web_only_lines > 0


SIGNAL_HEAD_LINES = 3000  # page chrome sits at the top and the bottom of a page: a long text
SIGNAL_TAIL_LINES = 2000  # is judged on its first and last lines, not read whole


def scrape_signals(raw: str) -> ScrapeSignals:
    all_lines = raw.splitlines()
    if len(all_lines) > SIGNAL_HEAD_LINES + SIGNAL_TAIL_LINES:
        all_lines = all_lines[:SIGNAL_HEAD_LINES] + all_lines[-SIGNAL_TAIL_LINES:]
    texts = [s for s in (ln.strip() for ln in all_lines) if s]
    if not texts:
        return ScrapeSignals(0, 0, 0, 0, 0.0, 0.0, 0.0, 0.0)
    cue_lines = web_only = unterminated = run = in_runs = 0
    kinds: set[str] = set()
    for text in texts:
        ending = text.rstrip(_CLOSERS)[-1:]
        if ending not in ".!?…:":
            unterminated += 1
        web_only += bool(_WEB_ONLY.match(text))
        if _is_title_case_headline(text, ending):
            run += 1
        else:
            in_runs += run if run >= SCRAPED_HEADLINE_RUN else 0
            run = 0
        if boilerplate_reason(text) not in _CUE_REASONS:
            continue
        found = {p.pattern for p in _CTA_CUES + _BIO_CUES if p.search(text)}
        found |= {"byline"} if _BYLINE.match(text) else set()
        found |= {"credit"} if _PHOTO_CREDIT.search(text) else set()
        # Licences and notices are full of copyright lines; a page has one in its footer.
        if found - {_COPYRIGHT.pattern}:
            cue_lines += 1
            kinds |= found
    # Raw lines, not stripped ones: indentation marks nested list items.
    markup = sum(bool(_MARKUP_LINE.match(ln)) for ln in all_lines if ln.strip())
    in_runs += run if run >= SCRAPED_HEADLINE_RUN else 0
    n = len(texts)
    return ScrapeSignals(
        n, cue_lines, len(kinds), web_only, in_runs / n, unterminated / n, markup / n,
        _runs_on(all_lines) / n,
    )


def _runs_on(lines: Sequence[str]) -> int:
    """How many lines end mid-sentence with the sentence going on in the next line ("… to
    keep the" over "database up to date."): no final punctuation, the next line in lower case."""
    return sum(
        bool(line.strip()) and line.rstrip(_CLOSERS + " \t")[-1:] not in ".!?…:;" and below.lstrip()[:1].islower()
        for line, below in zip(lines, lines[1:], strict=False)
    )


def _is_title_case_headline(text: str, ending: str) -> bool:
    if ending in ".!?…:,;" or text.startswith(_BULLETS) or ": " in text:
        return False
    words = _WORD.findall(text)
    # ALL-CAPS words are licence shouting or acronyms, not headline capitalisation.
    long_words = [w for w in words if len(w) >= 4 and not w.isupper()]
    if len(words) < HEADLINE_MIN_WORDS or not long_words:
        return False
    capitalised = sum(w[0].isupper() for w in long_words)
    return capitalised / len(long_words) >= HEADLINE_CAPITALISED


def looks_scraped(raw: str) -> bool:
    """True when `raw` reads like text copied from a web page with its chrome still in it."""
    return scrape_signals(raw).scraped
