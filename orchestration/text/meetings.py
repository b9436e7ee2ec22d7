"""Meetings, visits, talks and phone calls between named actors, read from one article.

Pure Python over data the pipeline already has: the cleaned ``body``, its sentence spans,
the entity mentions found in it (``matching.Mention``, body offsets), and reference rows
from three dbt seeds:

- ``meeting_triggers``: words that report a meeting or a call, with modality, CAMEO code
  and kind (meeting | phone | visit | host | negotiation | press_conference);
- ``meeting_exclusions``: markers that make a clause planned, announced, hoped-for or
  refused rather than reported (future | planned | hope | refusal), or an interview with the press;
  an ``expected`` or ``negated`` marker within two words after a meeting noun makes that meeting
  expected or denied ("القمة التاريخية المرتقبة", "با عباس دیدار نمی‌کرد"), a ``preparation``
  marker right before it one being prepared ("التحضير للقمة");
  sport markers ("تیم ملی", "كرة القدم", "كأس العالم") in a sentence make its "meetings" of
  countries matches between national teams;
- ``office_titles``: role phrases ("وزير الخارجية", "رئیس جمهوری", ...) mapped to the office
  vocabulary of ``lexicon_person_offices``; office ``counterpart`` marks "his counterpart".

How a meeting is read (the grammar words used for it are constants below, the
vocabulary is in the seeds):

1. A sentence is cut into *segments* at colons and quotations (what someone said is not
   the frame of what they did; quotation marks around a name or a term are not a quote),
   and segments into *clauses* at commas, subordinators ("در حالی که", "بينما") and "that"
   after verbs of saying ("گفت که", "أن"). A comma between two names or a name and a title
   is a list or an apposition, and commas around a date alone ("، أمس الخميس،") an aside,
   not clause breaks.
2. Every trigger outside an entity name reports a meeting unless an exclusion marker is in
   its clause (or before the "that" opening it: "من المقرر أن يلتقي"); refusing to speak about
   a meeting ("رفض كشف تفاصيل اتصاله") is no refusal of it. Generic meeting words in a sentence
   that reports a call describe that call and are dropped. A meeting word after a
   demonstrative ("هذا اللقاء", "این دیدار") refers to one told before, and "نشست" ending its
   clause is the verb "sat" ("به ثمر نشست").
3. Participants are the persons of the trigger's clause: named persons, and role phrases
   resolved through the office holders ("the foreign ministers of Syria and Russia",
   "our country's foreign minister", "his Russian counterpart"); "president" reaches the head
   of a state without one ("الرئيس الكوري الشمالي"), a role whose office has no known holder
   for the year is its country ("رئیس‌جمهور تاجیکستان" without a known president), and a role
   of "then" ("الرئيس المصري آنذاك أنور السادات") is the name after it. A role next to a name of
   the same country is an apposition of that name, not another person. A pronoun subject
   ("وی در دیدار با ...") is the most recently mentioned person before the clause, unless a
   name stands between the pronoun and the trigger.
   Countries take part only when no person does: the largest coordinated group of country
   names ("Iran, Russia and Turkey"), not countries after a locative or topic preposition.
   Names after a topic word ("درباره", "حول") are what is talked about, not who talks; whom
   an aide serves or a relative belongs to ("مستشار ترامب", "شقيق ولي العهد ... محمد بن سلمان")
   is not there either.
   A clause with a trigger and no actor borrows the actors of its neighbour in the segment.
   A meeting needs two participants, except one person at a trigger tied to a place with an
   unnamed group of others ("Lavrov at the Beijing meeting of CICA foreign ministers").
4. Place: a place right after the trigger ("مذاکرات آستانه", "لقاء بكين") or after a
   locative preposition, nearest to the trigger, clause first, then segment; none for calls.
   Date: the most specific date expression (``dates.pick_date``) of the clause, else of the
   segment; never after ``published``.
5. Rows that tell the same meeting (same participants and modality, dates that do not
   conflict) are merged into the first one, which takes the place and date it lacked.
6. CAMEO: 041 a call; 043 / 042 for host and visit triggers, or when the place is in one
   participant's country (the first-named participant at home hosts, else visits); 044 two
   sides at a third place; 046 negotiation; else 040.
"""
from __future__ import annotations

import csv
import datetime
import itertools
import re
from functools import lru_cache
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable

from .dates import DateMention, DateVocabulary, find_dates, pick_date
from .matching import Mention, nested_mentions
from .normalize import fold, fold_phrase

TRIGGERS_SEED = "meeting_triggers.csv"
EXCLUSIONS_SEED = "meeting_exclusions.csv"
OFFICE_TITLES_SEED = "office_titles.csv"
COMMON_WORDS_SEED = "common_words.csv"
ORGANIZATIONS_SEED = "lexicon_organizations.csv"

MODALITIES = ("in_person", "phone")
TRIGGER_KINDS = ("meeting", "phone", "visit", "host", "negotiation", "press_conference")
EXCLUSION_KINDS = ("future", "planned", "hope", "refusal", "interview", "sport", "expected", "negated",
                   "preparation")
SPORT = "sport"  # "دیدار" and "لقاء" are also a match between two countries' teams
# Markers of the meeting noun itself, within two words after it: an adjective ("القمة المرتقبة",
# "دیدار قریب‌الوقوع") or a negated light verb ("دیدار نمی‌کرد", "ملاقات نکردند"). Unlike the other
# kinds they say nothing about the rest of the clause ("التقى بومبيو كيم قبل القمة المرتقبة").
EXPECTED, NEGATED = "expected", "negated"
# "التحضير للقمة", "استعدادا للقاء", "مقدمات دیدار": preparing a meeting, right before its noun.
PREPARATION = "preparation"
REFUSAL = "refusal"
_PREPARATION_GAP = re.compile(r" +(?:[^\s،,:؛;.!?؟]+ +)?")
_ATTRIBUTE_GAP = re.compile(r"(?: +[^\s،,:؛;.!?؟]+){0,2}? +")
COUNTERPART = "counterpart"
# "الوزير الجزائري", "المبعوث الأممي": a person the article named before, of the country that follows
NAMED_BEFORE = "named_before"
REFERRING_OFFICES = frozenset({COUNTERPART, NAMED_BEFORE})
# Offices a country has many holders of at a time (one ambassador per capital and body).
_MANY_HOLDERS = frozenset({"ambassador", "special_envoy"})
PARTY_ORGANIZATION_TYPES = frozenset({"armed_forces", "armed_group", "political_party"})
_PERSIAN_SPEAKING_STATES = frozenset({"IR", "AF", "TJ"})
# Offices that head a state where it has no president: the title "president" reaches them.
# Offices a country fills under another name: a state without a president has a head of state
# called so ("الرئيس الكوري الشمالي"); an oil ministry is the energy ministry in Saudi Arabia.
_OFFICE_STAND_INS = {"president": ("supreme_leader", "monarch"), "oil_minister": ("energy_minister",),
                     "energy_minister": ("oil_minister",)}

# CAMEO 04x: consult, phone, visit, host, meet at a third location, negotiate.
CONSULT, PHONE_CALL, MAKE_VISIT, HOST_VISIT, THIRD_LOCATION, NEGOTIATE = "040", "041", "042", "043", "044", "046"


# --- reference data ---------------------------------------------------------------------
@dataclass(frozen=True)
class Trigger:
    language: str
    trigger: str  # "..." inside stands for a gap of a few words ("بحث ... مع")
    modality: str
    cameo_code: str
    trigger_kind: str


@dataclass(frozen=True)
class Exclusion:
    language: str
    marker: str
    kind: str


@dataclass(frozen=True)
class OfficeTitle:
    language: str
    title: str
    office: str
    grammatical_number: str = "singular"


@dataclass(frozen=True)
class OfficeHolder:
    person_id: str
    office: str
    country_code: str | None
    start_year: int | None
    end_year: int | None

    @classmethod
    def from_rows(cls, rows: Iterable[dict]) -> list[OfficeHolder]:
        """Office holders from ``lexicon_person_offices`` rows (CSV strings or typed values)."""
        return [cls(person_id=str(r["person_id"]).strip(), office=str(r["office"]).strip(),
                    country_code=_text(r.get("country_code")), start_year=_year(r.get("start_year")),
                    end_year=_year(r.get("end_year"))) for r in rows]

    @classmethod
    def from_seed_dir(cls, path: str | Path) -> list[OfficeHolder]:
        return cls.from_rows(_read_csv(Path(path) / "lexicon_person_offices.csv"))

    def holds_in(self, year: int) -> bool:
        return (self.start_year is None or self.start_year <= year) and (
            self.end_year is None or year <= self.end_year)


def office_holders_from_rows(rows: Iterable[dict]) -> list[OfficeHolder]:
    """Module-level alias of ``OfficeHolder.from_rows``."""
    return OfficeHolder.from_rows(rows)


def _text(value) -> str | None:
    value = "" if value is None else str(value).strip()
    return value or None


def _year(value) -> int | None:
    value = _text(value)
    return int(float(value)) if value and value.lower() != "nan" else None


def _read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


# --- phrase matching on the folded view -------------------------------------------------
# Suffixes a matched phrase may carry (Persian written without the half-space, Arabic
# pronoun and plural endings); anything else after the phrase means another word.
_TAILS = {
    "trigger": {
        "fa": ("", "ی", "ای", "ها", "های", "هایی", "اش", "ش", "شان", "هایش", "هایشان", "یش"),
        "ar": ("", "ا", "ه", "ها", "هما", "هم", "ات", "اته", "اتها", "اتهما", "اتهم", "ین", "ان", "نا"),
    },
    "exclusion": {"fa": ("", "ی", "ای", "ها", "های"), "ar": ("", "ه", "ها", "هما", "هم")},
    "title": {"fa": ("", "ی", "ش", "اش", "ان", "یان"), "ar": ("",)},
}
# A trigger with a possessive ending ("لقائه مع", "دیدارش با") has a pronoun subject.
# ... or a row that spells one in ("لقائه": the hamza changes its seat before the suffix)
# (as the seed writes them: folded, "ئه" would be "یه", the end of every "-ية")
# Singular only: "لقائهما" (their meeting) is of the two named before, whom the clause before lends.
_POSSESSIVE_ROW_ENDINGS = ("ئه", "ئها", "اءه", "اءها")
_POSSESSIVE_TAILS = {"fa": {"ش", "اش", "شان", "هایش", "هایشان", "یش"},
                     "ar": {"ه", "ها", "هما", "هم", "اته", "اتها", "اتهما", "اتهم"}}
# Arabic clitics before a word: conjunction, preposition, article (and ل + ال = لل).
_AR_PREFIX = "(?:[وف]?(?:[بک]?ال|لل|[بلک])?)"
_AR_PREFIX_BEFORE_ARTICLE = "(?:[وف]?[بک]?ال|[وف]?لل)"
_GAP = r"(?P<gap>(?: +[^\s،,:؛;.!?؟]+){0,6}? +)"
# the Arabic dual (genitive and accusative, folded): "لقاءين", "اتصالين هاتفيين" are two meetings,
# two calls; the first word of a phrase takes it only when its last word does too
_DUAL = "ین"
_DUAL_OF_THE_NOUN = rf"(?P<dual>{_DUAL})?"


@dataclass(frozen=True)
class _Hit:
    start: int  # with any clitic prefix
    core: int  # where the phrase itself starts
    end: int  # after any suffix
    row: object
    prefix: str
    tail: str
    row_phrase: str = ""
    gap: tuple[int, int] | None = None  # the words a gapped phrase skips ("بحث [لافروف] مع")

    def overlaps(self, start: int, end: int) -> bool:
        """Whether the phrase's own words (not its gap) overlap [start, end)."""
        if self.gap is None:
            return self.core < end and start < self.end
        return (self.core < end and start < self.gap[0]) or (self.gap[1] < end and start < self.end)


@lru_cache(maxsize=None)
def _clause_cut_regexes(language: str) -> tuple[tuple[str, re.Pattern], ...]:
    """Subordinators and complementizers that cut a sentence into clauses, compiled once."""
    out = []
    for kind, phrases in (("soft", _SUBORDINATORS), ("that", _COMPLEMENTIZERS)):
        for phrase in phrases.get(language, ()):
            before, _, after = phrase.rpartition("|")
            out.append((kind, re.compile(rf"(?<!\w){re.escape(fold_phrase(before))} *"
                                         rf"(?P<cut>{re.escape(fold_phrase(after))})(?!\w)")))
    return tuple(out)


def _phrase_regex(phrase: str, language: str, dual: bool = False) -> tuple[str, bool, str]:
    """Regex (uncompiled) for a folded phrase; then whether the last word may end in ta marbuta,
    and the longest literal piece of it (a substring test on it skips the regex for most documents).
    With ``dual``, an Arabic phrase's first word may take the dual ending (a meeting noun before its
    adjective: "اتصالين هاتفيين")."""
    words = fold_phrase(phrase).split(" ")
    prefix = ""
    if language == "ar":
        if words[0].startswith("ال") and len(words[0]) > 2:
            prefix, words[0] = _AR_PREFIX_BEFORE_ARTICLE, words[0][2:]  # "للرئيس", "والاتصال"
        else:
            prefix = _AR_PREFIX
    parts: list[str] = []
    ta_marbuta = False
    for i, word in enumerate(words):
        if word == "...":
            parts.append(_GAP)
            continue
        if parts and parts[-1] != _GAP:
            if dual and i == 1:
                parts.append(_DUAL_OF_THE_NOUN)  # "اتصالين هاتفيين": the noun agrees with its adjective
            parts.append(" *")  # "گفت و گو", "گفت وگو", "گفتوگو" alike
        if i == len(words) - 1 and language == "ar" and len(word) > 2 and word.endswith("ه"):
            parts.append(re.escape(word[:-1]) + "[هت]")  # زيارة / زيارته
            ta_marbuta = True
        else:
            parts.append(re.escape(word))
    pattern = rf"(?<!\w)(?P<prefix>{prefix})(?P<stem>{''.join(parts)})(?P<tail>\w*)"
    literals = [w[:-1] if (ta_marbuta and i == len(words) - 1) else w for i, w in enumerate(words) if w != "..."]
    return pattern, ta_marbuta, max(literals, key=len, default="")


class _PhraseSet:
    """Phrases of one seed table in one language; ``find`` returns non-overlapping hits."""

    def __init__(self, rows: list, phrase_of, language: str, table: str):
        self.language = language
        self.tails = set(_TAILS[table].get(language, ("",)))
        dual = language == "ar" and table == "trigger"
        self.patterns = [(*_phrase_regex(phrase_of(r), language, dual), r, phrase_of(r)) for r in rows]
        # compiled when first needed: a document holds the literal of few of them, and compiling
        # them all (~1,500 a language) costs a run that adds one article ~0.3 s
        self._compiled: dict[str, re.Pattern] = {}

    def find(self, view: str) -> list[_Hit]:
        hits = []
        for pattern, ta_marbuta, needle, row, phrase in self.patterns:
            if needle not in view:
                continue
            regex = self._compiled.get(pattern)
            if regex is None:
                regex = self._compiled[pattern] = re.compile(pattern)
            for m in regex.finditer(view):
                tail = m["tail"]
                if tail not in self.tails or ("dual" in regex.groupindex and m["dual"] and tail != _DUAL):
                    continue
                if ta_marbuta and not tail and view[m.end("stem") - 1] == "ت":
                    continue  # "زيارت" alone is not a word
                gap = m.span("gap") if "gap" in regex.groupindex else None
                hits.append(_Hit(m.start(), m.start("stem"), m.end(), row, m["prefix"], tail, phrase, gap))
        # contiguous phrases before gapped ones ("يناقش هاتفيا" over "يناقش ... مع"), then
        # longest first, then leftmost: "گفت و گوی تلفنی" beats "گفت و گو"
        hits.sort(key=lambda h: ("..." in h.row_phrase, h.start - h.end, h.start))
        taken: list[tuple[int, int]] = []
        kept = []
        for h in hits:
            if any(h.start < e and s < h.end for s, e in taken):
                continue
            taken.append((h.start, h.end))
            kept.append(h)
        return sorted(kept, key=lambda h: h.start)


@dataclass(frozen=True)
class MeetingRules:
    """The three seed tables; build with ``from_rows`` or ``from_seed_dir``."""

    triggers: tuple[Trigger, ...]
    exclusions: tuple[Exclusion, ...]
    office_titles: tuple[OfficeTitle, ...]
    # frequent Arabic words of the news (folded), to tell a future verb: "س" + an imperfect form
    # the news uses ("ستتضمن" = "س" + "تتضمن") is one, "سياسة" is not ("ياسة" is no word)
    arabic_words: frozenset[str] = frozenset()
    # the lexicon's news outlets: talking "with" one of them is an interview, not a meeting
    news_outlets: frozenset[str] = frozenset()
    # armed forces, armed groups and parties: sides of talks as countries are ("محادثات بين الجيش
    # السوداني وقوات الدعم السريع", "بين الولايات المتحدة وحركة طالبان")
    party_organizations: frozenset[str] = frozenset()
    # frequent words of the news by language (folded): a title followed by a word the lexicon and
    # this list both do not know ("وزیر امور خارجه <an unknown country>", "الرئيس <an unknown name>")
    # is someone the article names that the lexicon lacks, not the outlet's own office holder
    frequent_words: dict = field(default_factory=dict)
    _compiled: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        for t in self.triggers:
            if t.modality not in MODALITIES or t.trigger_kind not in TRIGGER_KINDS:
                raise ValueError(f"bad trigger row: {t}")
            if not re.fullmatch(r"04\d", t.cameo_code):
                raise ValueError(f"trigger cameo_code must be CAMEO 04x: {t}")
        for x in self.exclusions:
            if x.kind not in EXCLUSION_KINDS:
                raise ValueError(f"bad exclusion row: {x}")
        for o in self.office_titles:
            if not o.office:
                raise ValueError(f"bad office title row: {o}")

    @classmethod
    def from_rows(cls, triggers: list[dict], exclusions: list[dict], office_titles: list[dict],
                  common_words: Iterable[dict] = (), organizations: Iterable[dict] = ()) -> MeetingRules:
        def s(row, key):
            return str(row[key]).strip()
        return cls(
            triggers=tuple(Trigger(s(r, "language"), s(r, "trigger"), s(r, "modality"),
                                   s(r, "cameo_code").zfill(3), s(r, "trigger_kind")) for r in triggers),
            exclusions=tuple(Exclusion(s(r, "language"), s(r, "marker"), s(r, "kind")) for r in exclusions),
            office_titles=tuple(OfficeTitle(s(r, "language"), s(r, "title"), s(r, "office"),
                                            str(r.get("grammatical_number") or "singular").strip())
                                for r in office_titles),
            arabic_words=frozenset(s(r, "word") for r in common_words if s(r, "language") == "ar"),
            news_outlets=frozenset(s(r, "organization_id") for r in organizations
                                   if s(r, "organization_type") == "news_outlet"),
            party_organizations=frozenset(s(r, "organization_id") for r in organizations
                                          if s(r, "organization_type") in PARTY_ORGANIZATION_TYPES),
            frequent_words={language: frozenset(fold_phrase(s(r, "word")) for r in common_words
                                                if s(r, "language") == language) for language in ("fa", "ar")},
        )

    @classmethod
    def from_seed_dir(cls, path: str | Path) -> MeetingRules:
        path = Path(path)
        common, organizations = path / COMMON_WORDS_SEED, path / ORGANIZATIONS_SEED
        return cls.from_rows(_read_csv(path / TRIGGERS_SEED), _read_csv(path / EXCLUSIONS_SEED),
                             _read_csv(path / OFFICE_TITLES_SEED), _read_csv(common) if common.exists() else (),
                             _read_csv(organizations) if organizations.exists() else ())

    def is_arabic_future_verb(self, word: str) -> bool:
        """"ستتضمن", "سيواصل", "سنعمل" (folded): the future prefix on an imperfect form that the
        news uses; "سياسة", "سنوات", "ستة" are not ("ياسة", "نوات" are no words, "تة" too short)."""
        if word[:1] in ("و", "ف") and word[1:2] == "س":
            word = word[1:]
        rest = word[1:]
        return (len(rest) >= 4 and word[0] == "س" and rest[0] in "یتنا" and not rest.startswith("ال")
                and rest in self.arabic_words)

    def _sets(self, language: str) -> tuple[_PhraseSet, _PhraseSet, _PhraseSet]:
        if language not in self._compiled:
            self._compiled[language] = (
                _PhraseSet([t for t in self.triggers if t.language == language], lambda r: r.trigger,
                           language, "trigger"),
                _PhraseSet([x for x in self.exclusions if x.language == language], lambda r: r.marker,
                           language, "exclusion"),
                _PhraseSet([o for o in self.office_titles if o.language == language], lambda r: r.title,
                           language, "title"),
            )
        return self._compiled[language]

    def meeting_words(self, language: str) -> frozenset[str]:
        """The language's meeting and negotiation words (folded), made once."""
        key = ("meeting_words", language)
        if key not in self._compiled:
            self._compiled[key] = frozenset(fold_phrase(t.trigger) for t in self.triggers
                                            if t.language == language and t.trigger_kind in ("meeting", "negotiation"))
        return self._compiled[key]

    @property
    def offices(self) -> set[str]:
        """Offices that titles name (not ``counterpart`` or ``named_before``)."""
        return {o.office for o in self.office_titles if o.office not in REFERRING_OFFICES}


# --- grammar words (how meetings are phrased, not what they name) ------------------------
def _folded_set(*words: str) -> frozenset[str]:
    return frozenset(fold_phrase(w) for w in words)


def _alternatives(*words: str) -> str:
    return "|".join(re.escape(fold_phrase(w)) for w in words)


def _phrases_re(*phrases: str) -> re.Pattern:
    """Any of the phrases (folded) as whole words of the view."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold_phrase(w)) for w in phrases) + r")(?!\w)")


_HARD_BREAKS = set(":：؛;")
# Quotation marks open a quote (a hard break) unless they only wrap a name or a term:
# «ولید المعلم», “المعارضة”.
_QUOTES = set("«»“”\"„")
_QUOTED_TERM_WORDS = 3
_DATE_ASIDE_WORDS = 4  # "، أمس الخميس،", "، صباح اليوم الاثنين،"; twice that with the day and the date
_COMMAS = set("،,")
_CUT_CHARACTERS = frozenset(_HARD_BREAKS | _COMMAS | _QUOTES)
_QUOTE_RE = re.compile("[" + re.escape("".join(sorted(_QUOTES))) + "]")
_BREAK_RE = re.compile("[" + re.escape("".join(sorted(_HARD_BREAKS | _COMMAS))) + "]")
# Where a new clause starts: subordinators ("whereas") ...
_SUBORDINATORS = {
    "fa": ("در حالی است که", "در حالی که", "در حالیکه", "درحالیکه", "درحالی که", "همزمان با"),
    # "زيارة وزير الطاقة ... بالتزامن مع دعوة رئيس الوزراء": what coincides is another event
    "ar": ("بينما", "في حين", "فيما", "حيث", "بالتزامن مع", "تزامنا مع", "تزامناً مع"),
}
# ... and a finished Persian verb, then "and then": "ابتدا با A دیدار کرد |و سپس در نشستی ... گفت‌وگو کرد"
# tells two events, each its own clause (the second shares only the sentence's subject)
_THEN = ("و سپس", "و بعد", "و پس از آن", "و آنگاه")
_SUBORDINATORS["fa"] += tuple(f"{verb} |{then}" for verb in ("کرد", "کردند", "نمود", "نمودند", "داشت", "داشتند")
                              for then in _THEN)
_THEN_RE = _phrases_re(*_THEN)
# ... and "that" (what was said or planned is a clause of its own, but a planning word
# before it still governs it: "من المقرر أن يلتقي"). A "|" marks the cut inside a phrase.
_COMPLEMENTIZERS = {
    "fa": ("گفت |که", "گفته است |که", "گفته بود |که", "اعلام کرد |که", "اعلام کرد |", "افزود |که", "تاکید کرد |که",
           "تأکید کرد |که", "اظهار داشت |که", "اظهار کرد |که", "خاطرنشان کرد |که", "یادآوری کرد |که",
           "تصریح کرد |که", "نوشت |که", "قرار است |که", "در نظر دارد |که"),
    "ar": ("أن", "إن", "بأن", "وأن", "أنه", "إنه", "بأنه", "وأنه", "أنها", "إنها", "بأنها"),
}
# Words whose next name is where something happens or what it is about, not who acts.
_LOCATIVES = _folded_set("در", "في", "فى", "in", "at", "وارد")  # "وارد بغداد شد": arrived in
_DIRECTIONS = _folded_set("به", "الى", "إلى", "to")
# (whom an envoy serves, in a few words, then where they are sent: "للأمين العام للأمم المتحدة إلى ")
_SENT_TO_RE = re.compile(r"(?: +[^\s،,:؛;.!?؟]+){0,5}? +(?:" + "|".join(
    re.escape(fold_phrase(w)) for w in ("إلى", "الى", "لدى")) + ") +")
# Words whose next title or name is whom someone serves or belongs to, not that person:
# "مساعد وزير الخارجية", "مشاور وزیر خارجه" (an aide of the office, not its holder), "صهر ترامب",
# "همسر رئیس جمهور", "المتحدث باسم بوتين".
_AIDES = _folded_set("نائب", "نائبة", "مساعد", "مساعدة", "مستشار", "مستشارة", "معاون", "مشاور", "دستیار", "مبعوث",
                     "مبعوثة", "باسم", "مكتب", "لمكتب", "دفتر",  # "مدير مكتب الرئيس", "رئیس دفتر رئیس‌جمهوری"
                     "فرستاده", "سخنگوی", "deputy", "assistant", "adviser", "advisor", "vice", "envoy", "spokesman")
_KIN = _folded_set("صهر", "زوجة", "زوج", "نجل", "نجلة", "ابنة", "شقيق", "شقيقة", "عقيلة", "أرملة", "والد", "والدة",
                   "داماد", "همسر", "پسر", "دختر", "برادر", "خواهر", "فرزند", "son", "daughter", "wife",
                   "husband", "brother", "sister")
# A message's sender is not at the meeting it is delivered at: "حاملا رسالة من الرئيس الجزائري",
# "پیام رئیس‌جمهور", "نامه‌ای از ...".
# greetings carried for someone ("نقل تحيات الملك ... إلى السلطان"): neither side is present
_GREETINGS = _folded_set("تحيات", "تحية", "تحياته", "تحياتها")
_MESSAGES = _folded_set("رسالة", "برسالة", "رسالتين", "پیام", "پیامی", "نامه") | _GREETINGS
# honorifics that stand between a message word and whose message it is ("رسالة من جلالة الملك")
_HONORIFICS_BEFORE_A_SENDER = _folded_set("جلالة", "الجلالة", "حضرة", "صاحب", "السمو", "دولة", "الملك",
                                        "السلطان", "الأمير")
_FROM = _folded_set("من", "از", "from")
_SENT_BY = _folded_set("موفدا", "موفد", "موفدة", "مبعوثا", "مبعوثة", "موفداً", "مبعوثاً")
_RELATIONS = _AIDES | _KIN | _MESSAGES
# what a message is like, between it and its sender ("پیام کتبی X", "دعوت‌نامه رسمی X")
_MESSAGE_KINDS = _folded_set("کتبی", "شفاهی", "مکتوب", "رسمی", "خطية", "الخطية", "شفهية", "الشفهية", "شفوية",
                             "الشفوية", "رسمية", "الرسمية", "مكتوبة", "written", "oral", "official")
_AIDE_RANKS = _folded_set("ارشد", "ویژه", "اول", "الأول", "الخاص", "الخاصة", "الأولى", "senior", "special", "first")
# "refused to comment on / reveal details of the meeting": the meeting took place.
_COMMENT_WORDS = _folded_set("كشف", "الكشف", "التعليق", "تعليق", "الإفصاح", "الإدلاء", "الحديث", "الخوض",
                             "اظهار", "توضیح", "جزئیات", "comment", "reveal", "details")
_AND = _folded_set("و", "and")
_NO = _folded_set("لا", "هیچ", "no", "لم", "لن")  # (Arabic "did not", "will not" before a verb)
_HONORIFICS = _folded_set("السيد", "السيدة", "فخامة", "سعادة", "معالي", "سمو", "الدكتور", "الدكتورة",
                          "آقای", "خانم", "دکتر", "Mr", "Mrs", "Ms", "Dr")
# ... and the words of religious and military ranks, which stand between "with" and a name
# ("با آیت‌الله سید ابراهیم رئیسی", "مع سماحة الشيخ"); the view splits "آیت‌الله" at its ZWNJ.
_TITLES_BEFORE_A_NAME = _HONORIFICS | _folded_set(
    "حضرت", "آیت", "الله", "آیت‌الله", "حجت", "الاسلام", "حجت‌الاسلام", "والمسلمین", "سردار", "سرلشکر",
    "سرتیپ", "دریادار", "سماحة", "الشيخ", "شیخ", "اللواء", "الفريق", "العميد", "المهندس")
# Meeting nouns that are also verbs: the verb ends its clause.
_VERB_HOMOGRAPHS = {"fa": _folded_set("نشست")}
# "هذا اللقاء", "این دیدار": a meeting told before, not one more ("أطلعه على نتائج هذا اللقاء").
# (per language: Persian "آن" folds to "ان", which is Arabic "إن"/"أن")
_DEMONSTRATIVES = {"ar": _folded_set("هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين", "this", "that"),
                   "fa": _folded_set("این", "آن", "همین", "همان", "this", "that")}
# the Arabic ones, which take a clitic ("لهذه القمة"); "بأن" is not "ب" + Persian "آن"
_CLITIC_DEMONSTRATIVES = _folded_set("هذا", "هذه", "ذلك", "تلك", "هذين", "هاتين")
def _with_clitic(word: str, clitics: str, words: frozenset[str]) -> bool:
    """Whether ``word`` is one of ``words`` behind one of the one-letter ``clitics`` ("لهذه", "ومستشار")."""
    return word[:1] in clitics and word[1:] in words


_SOURCES = _folded_set("من", "از", "from")  # "لاجئين من سوريا": where people or things come from
_EACH = _folded_set("كل", "each")  # "كل من روسيا وإيران": each of, the actors themselves
_PLACE_NOUNS = _folded_set("شهر", "مدينة", "المدينة", "العاصمة", "پایتخت", "کاخ", "قصر", "محل", "مقر", "مطار", "فرودگاه",
                         "ميناء", "بندر", "city", "capital")
_TOPIC_MARKERS = [fold_phrase(w) for w in (
    "مربوط به", "درباره", "در باره", "پیرامون", "در مورد", "اشاره", "حول", "بشأن", "بخصوص", "حيال", "إزاء",
    "تجاه", "about", "on",
    # relations spoken of: "استعراض علاقات التعاون بين دولة قطر والولايات المتحدة", "روابط ایران و روسیه"
    "علاقات", "العلاقات", "وعلاقات", "روابط", "مناسبات", "relations",
    # crises spoken of: "بحران‌های سوریه و یمن" (not Arabic "الأزمة": "لبحث الأزمة السورية" opens
    # a visit's purpose, which other rules read)
    "بحران", "بحران‌های", "بحران‌ها")]
_TOPIC_WORDS = frozenset(t for t in _TOPIC_MARKERS if " " not in t)
_TOPIC_PHRASES = tuple(t for t in _TOPIC_MARKERS if " " in t)
_ROUND_WORDS = _folded_set("دور", "الجولة", "جولة")
_TOPIC_PREPOSITIONS = _folded_set("به", "از", "عن", "ب")  # "اشاره به", "حديث عن"
_ANAPHORIC_PLACES = [fold_phrase(w) for w in (
    "آنجا", "در این شهر", "در این پایتخت", "هناك", "في المدينة", "في العاصمة", "there")]
_HONORIFIC_PRONOUNS = {fold_phrase(p): fold_phrase(h) for p, h in (
    ("سموه", "سمو"), ("جلالته", "جلالة"), ("فخامته", "فخامة"), ("معاليه", "معالي"))}
_PRONOUNS = _folded_set("وی", "او", "ایشان", "هو", "هي", "أنه", "إنه", "بأنه", "وأنه", "أنها", "إنها",
                        "بأنها", "he", "she",
                        # honorifics that stand for a name: "his Highness", "his Majesty", "his Excellency"
                        "سموه", "جلالته", "فخامته", "معاليه")
# "خلال زيارته لموسكو", "در سفر به مسکو", "پس از ورود به آنکارا": after a word of travel or
# arrival, "to" is where it happens.
_TRAVEL = tuple(fold_phrase(w) for w in ("سفر", "زيارة", "زيارت", "جولة", "ورود", "وصول", "وصل", "visit", "trip",
                                           "arrival"))
_PERSIAN_ARRIVAL_VERBS = _folded_set("آمد", "آمده", "آمدند", "رفت", "رفته", "رفتند", "رسید", "رسیده", "رسیدند",
                                    "عزیمت")
_ENTERED = _folded_set("وارد")
_VISITED = _folded_set("زار", "زارت", "وزار", "وزارت", "يزور", "تزور", "ويزور", "وتزور")
_TIME_CONNECTIVES = _folded_set("پس از", "بعد از", "پیش از", "قبل از", "بعد", "قبل", "عقب", "إثر", "اثر", "وبعد",
                                "after", "before")
_INVITED = _folded_set("برای", "دعوت", "دعوة", "الدعوة", "لدعوة", "دعوته", "for", "invitation")
_INVITING = _folded_set("دعا", "دعت", "يدعو", "تدعو", "دعاه", "دعاها", "دعوة", "الدعوة", "دعوته", "دعوتها",
                        "دعوت", "invited", "invitation")
_AT_THE_INVITATION = _folded_set("تلبية", "بناء", "ب", "به", "at")
_HOSTING_NOUNS = _folded_set("میزبان", "میزبانی", "استضافة")
_AT_THE_INVITATION_RE = re.compile(r" *(?:" + "|".join(re.escape(fold_phrase(w)) for w in (
    "بدعوة", "وبدعوة", "تلبية لدعوة", "به دعوت", "بنا به دعوت", "at the invitation")) + r")(?!\w)")
_WHERE = _folded_set("حيث", "وحيث", "where")
_GENTILIC_ENDINGS = tuple(fold_phrase(w) for w in ("ية", "ي"))
_WITH = _folded_set("با", "مع", "with")
_SINCE = _folded_set("منذ", "since")
# "the two sides", "received by": a meeting of the one named and someone named before
_BOTH_SIDES_RE = _phrases_re(
    "دو طرف", "طرفین", "مورد استقبال", "الطرفان", "الطرفين", "الجانبان", "الجانبين", "both sides")
# "the two ministers": the two named before
_THE_TWO_RE = _phrases_re(
    "دو وزیر", "دو رئیس‌جمهور", "دو رئیس جمهور", "دو رهبر", "دو مقام", "دو نخست‌وزیر", "دو نخست وزیر",
    "الوزيران", "الوزيرين", "الرئيسان", "الرئيسين", "الزعيمان", "الزعيمين", "المسؤولان", "العاهلان",
    "القائدان", "القائدين", "the two ministers", "the two leaders", "the two presidents")
# the office the phrase gives them: "the two presidents" are not the two ministers named last
_MINISTERS, _PRESIDENTS = "minister", "president"
_THE_TWO_OFFICES = {fold_phrase(w): kind for kind, words in (
    (_MINISTERS, ("دو وزیر", "الوزيران", "الوزيرين", "the two ministers")),
    (_PRESIDENTS, ("دو رئیس‌جمهور", "دو رئیس جمهور", "الرئيسان", "الرئيسين", "the two presidents"))) for w in words}
# "the three ministers", "چهار رهبر": as many named before (Arabic puts the number after its noun)
_FEW_NUMBERS = {"سه": 3, "چهار": 4, "الثلاثة": 3, "الثلاث": 3, "الأربعة": 4, "الأربع": 4, "three": 3, "four": 4}
_FEW_NOUNS = ("وزیر", "رئیس‌جمهور", "رئیس جمهور", "رهبر", "مقام", "نخست‌وزیر", "الوزراء", "الرؤساء", "الزعماء",
              "القادة", "المسؤولين", "المسؤولون", "ministers", "leaders", "presidents")
_THE_FEW = {fold_phrase(f"{noun} {number}" if noun.startswith("ال") else f"{number} {noun}"): n
            for number, n in _FEW_NUMBERS.items() for noun in _FEW_NOUNS
            if number.startswith("ال") == noun.startswith("ال")}
_THE_FEW_RE = _phrases_re(*_THE_FEW)
_FEW_NOUN_OFFICES = {"وزیر": _MINISTERS, "الوزراء": _MINISTERS, "ministers": _MINISTERS, "رئیس‌جمهور": _PRESIDENTS,
                     "رئیس جمهور": _PRESIDENTS, "الرؤساء": _PRESIDENTS, "presidents": _PRESIDENTS}
_THE_FEW_OFFICES = {fold_phrase(f"{noun} {number}" if noun.startswith("ال") else f"{number} {noun}"): kind
                    for number in _FEW_NUMBERS for noun, kind in _FEW_NOUN_OFFICES.items()
                    if number.startswith("ال") == noun.startswith("ال")}
# "in the presence of", "with the participation of": those named after it attend a meeting others hold
_PRESENCE_RE = _phrases_re(
    "بحضور", "وبحضور", "با حضور", "در حضور", "بمشاركة", "وبمشاركة", "با مشارکت", "in the presence of",
    "with the participation of",
    # sponsors and mediators too: "محادثات ... برعاية السعودية والولايات المتحدة"
    "برعاية", "وبرعاية", "تحت رعاية", "بوساطة", "با میانجیگری", "به میانجیگری")
_FRAMES = _folded_set("في", "خلال", "عبر", "در", "طی")  # "في اتصال مع ...", "در دیدار با ..."
_CLOSING_PUNCTUATION = ".،؛:!?»\")"
_LIGHT_VERBS = _folded_set("کرد", "کردند", "کرده", "داشت", "داشتند", "نمود", "نمودند",  # one word: "کرده بود"
                           # first person, in a quote: "«در مسقط با آقای گروندبرگ دیدار کردم»" (the speaker)
                           "کردم", "کردیم", "داشتم", "داشتیم", "نمودم", "نمودیم")
_PLURAL_LIGHT_VERBS = _folded_set("کردند", "داشتند", "نمودند")
_DELEGATIONS = _folded_set("هیئت", "هیات", "هیأت", "هیئتی", "وفد", "الوفد", "وفدا", "delegation")
_OUR_COUNTRY = re.compile("|".join(re.escape(fold_phrase(w)) for w in (
    "کشورمان", "کشور ما", "بلادنا", "بلدنا", "دولتنا")) + r"(?!\w)")
# Words between a role and its countries or its holder's name: "الجديد", "سابق". A former
# office ("وزير الخارجية الإيراني السابق") is not its holder at the publication date.
_FORMER = _folded_set("السابق", "السابقة", "الأسبق", "الاسبق", "سابق", "پیشین", "اسبق", "former",
                      # "then": "الرئيس المصري آنذاك أنور السادات", "وزیر خارجه وقت"
                      "آنذاك", "حينها", "حينذاك", "وقتها", "وقتئذ", "وقت", "then")
_ROLE_MODIFIERS = _FORMER | _folded_set("الجديد", "الجديدة", "الحالي", "الحالية", "جدید", "فعلی", "new", "current")
_WORD_RE = re.compile(r"\S+")
_WORD_CHARS = re.compile(r"\w+")
_NEXT_WORD = re.compile(r" +(?P<word>[^\s،,:؛;.!?؟]+)")
_LIST_GAP = re.compile(r" *(?:[،,] *)?(?:(?:و|با|مع|and|with)(?: +|(?=\w)|$))?")
_ROLE_LIST_GAP = re.compile(r" *(?:[،,] *)?(?:(?:و|and)(?: +|(?=\w)|$))?")
_APPOSITION_GAP = re.compile(r" *[،,]? *")
# Unresolved dates (no publication date) are compared as if published on this day.
_COMPARISON_ANCHOR = datetime.date(2001, 1, 1)


# --- the document model -----------------------------------------------------------------
@dataclass
class _Clause:
    start: int
    end: int
    segment: int
    sentence: int
    after_that: bool = False  # starts at a "that": exclusions before it still count


@dataclass
class _Role:
    hit: _Hit
    office: str
    end: int  # end of the phrase with its countries
    countries: list[str]  # country codes named after the title
    our_country: bool
    appositive: str | None  # the named person this role describes, if any
    consumed: set[int]  # indexes of mentions that belong to the phrase
    former: bool = False  # "the former minister": not the office's holder
    singular: bool = True  # "the president", not "the ministers"
    unknown_after: bool = False  # followed by a word neither the lexicon nor the frequent words know

    @property
    def counterpart(self) -> bool:
        return self.office == COUNTERPART


@dataclass
class _Candidate:
    sentence_index: int
    position: int
    modality: str
    codes: set[str]
    kinds: set[str]
    participants: list[str]
    location: str | None
    place_country: str | None
    date: DateMention | None
    anchored: DateMention | None
    evidence: str
    trigger: str
    # "وحضر الاستقبال X و Y": who attended the meeting told before, not one more meeting
    joins_earlier: bool = False


@dataclass(frozen=True)
class Meeting:
    """One meeting or call; ``participants`` are entity ids, the first-named (the subject) first."""
    sentence_index: int
    modality: str
    cameo_code: str
    location_entity_id: str | None
    date_text: str | None
    event_date: datetime.date | None
    evidence: str
    participants: tuple[str, ...]
    trigger: str


class _Document:
    """One article prepared for reading meetings: folded view, phrase hits, roles, clauses."""

    def __init__(self, body, language, sentences, mentions, published, outlet_country, rules, offices, dates):
        if isinstance(published, datetime.datetime):
            published = published.date()
        self.body, self.language, self.published = body, language, published
        self.year = published.year if published else None
        self.outlet_country = outlet_country
        self.rules, self.offices, self.dates = rules, offices, dates
        self.view = fold(body)
        self.sentences = list(sentences)
        self.mentions = sorted(mentions, key=lambda m: (m.start, m.end))
        self.persons_in_doc = {m.entity_id for m in self.mentions if m.entity_type == "person"}
        self.starts = {m.start: i for i, m in reversed(list(enumerate(self.mentions)))}
        self.country_of: dict[str, str | None] = {}
        for m in self.mentions:
            if m.entity_type == "country":
                self.country_of[m.entity_id] = m.country_code or m.entity_id.split(":", 1)[-1]
            elif m.country_code:
                self.country_of.setdefault(m.entity_id, m.country_code)
        trigger_set, exclusion_set, title_set = rules._sets(language)
        inside = self._inside_mention
        found = [h for h in trigger_set.find(self.view) if not any(h.overlaps(m.start, m.end) for m in self.mentions)]
        referring = [h for h in found if self._after_a_demonstrative(h.start)]
        self.referring = referring
        # where each demonstrative of a referring phrase starts ("این" of "این گفت‌وگوها")
        demonstratives = {max(self.view.rfind(" ", 0, h.start - 1), self.view.rfind("\n", 0, h.start - 1)) + 1
                          for h in referring}
        self.triggers = [h for h in found
                         if h not in referring
                         # "میزبانی این گفت‌وگوها" (hosting these talks): about the talks told before too
                         and self._next_word_start(h.end) not in demonstratives
                         and not self._a_verb_that_ends_its_clause(h)]
        self._name_edges: tuple[set[int], set[int]] | None = None
        if not self.triggers:
            # no meeting word, no meeting: the rest (exclusions, titles, clauses) is not needed
            self.exclusions, self.roles, self.clauses, self.antecedents = [], [], [], []
            self.title_offices, self.apposition_offices, self.served = rules.offices, {}, set()
            return
        self.exclusions = exclusion_set.find(self.view)
        self.apposition_offices: dict[str, list[str]] = {}  # filled once the roles are known
        titles = [h for h in title_set.find(self.view) if not inside(h.core, h.core + 1)]
        self.roles = self._roles([h for h in titles if not self._after_a_relation(h.start)])
        self.served = self._served([h for h in titles if self._after_a_relation(h.start)])
        self.title_offices = rules.offices
        for r in self.roles:
            if r.appositive and not r.counterpart and not r.former:
                self.apposition_offices.setdefault(r.appositive, []).append(r.office)
        self.clauses = [c for i, span in enumerate(self.sentences) for c in self._clauses(i, span)]
        # persons by position, for pronouns: named ones and roles that resolve on their own (not
        # whom an aide serves or whose message is carried: "the two ministers" are not them)
        self.antecedents = sorted(
            [(m.start, m.entity_id) for i, m in enumerate(self.mentions)
             if m.entity_type == "person" and i not in self.served]
            + [(r.hit.start, p) for r in self.roles if not r.appositive and not r.counterpart
               for p in self._resolve_role(r, set())[0]])

    # -- mentions
    def participant_country(self, entity_id: str) -> str | None:
        """The country of a participant: a person's or an organization's, or the country itself."""
        return self.country_of.get(entity_id) or (
            entity_id.split(":", 1)[1] if entity_id.startswith("country:") else None)

    def _inside_mention(self, start: int, end: int) -> bool:
        return any(m.start < end and start < m.end for m in self.mentions)

    def _mentions_in(self, start: int, end: int) -> list[tuple[int, Mention]]:
        return [(i, m) for i, m in enumerate(self.mentions) if start <= m.start < end]

    def _mention_at(self, pos: int) -> tuple[int, Mention] | None:
        i = self.starts.get(pos)
        return (i, self.mentions[i]) if i is not None else None

    def _a_verb_that_ends_its_clause(self, h: _Hit) -> bool:
        """"به ثمر نشست" (bore fruit): the meeting noun "نشست" is also the verb "sat", which ends
        its clause; the noun is followed by what the meeting was ("نشست خبری", "نشست وزرای")."""
        if h.row_phrase not in _VERB_HOMOGRAPHS.get(self.language, ()) or h.tail:
            return False
        rest = self.view[h.end:h.end + 4].lstrip(" ")
        return not rest or not rest[0].isalnum() or rest.split(" ")[0] in _AND

    def _words_before(self, pos: int, n: int) -> list[str]:
        return self.view[max(0, pos - 60):pos].replace("\n", " ").split()[-n:]

    # -- role phrases
    def _roles(self, hits: list[_Hit]) -> list[_Role]:
        roles = []
        for h in hits:
            pos, countries, consumed, our, former_before = h.end, [], set(), False, False
            org = next(((i, m) for i, m in enumerate(self.mentions)
                        if m.entity_type == "organization" and m.start < h.end < m.end), None)
            if org:  # "المتحدث باسم وزارة الخارجية الروسية": the ministry names the country
                consumed.add(org[0])
                if org[1].country_code:
                    countries.append(org[1].country_code)
                pos = org[1].end
            else:
                pos, former_before = self._skip_role_modifiers(pos)
                gap = re.compile(" *").match(self.view, pos)
                our_match = _OUR_COUNTRY.match(self.view, gap.end())
                if our_match:
                    our, pos = True, our_match.end()
                else:
                    cur = gap.end()
                    in_countries = _PLURAL_ROLE_IN.match(self.view, pos)
                    if h.row.grammatical_number == "plural" and in_countries and not self._mention_at(cur):
                        # "وزراء الطاقة والنفط في الأردن ومصر وسوريا ولبنان"
                        cur = in_countries.end()
                    while (found := self._mention_at(cur)) and found[1].entity_type == "country":
                        consumed.add(found[0])
                        countries.append(self.country_of[found[1].entity_id])
                        pos = found[1].end
                        cur = _ROLE_LIST_GAP.match(self.view, pos).end()
            pos, former_after = self._skip_role_modifiers(pos)
            row = h.row
            role = _Role(h, row.office, pos, countries, our, None, consumed,
                         former=former_before or former_after, singular=row.grammatical_number == "singular",
                         unknown_after=not countries and not our and not org and self._unknown_word_at(pos))
            role.appositive = self._apposition(role)
            roles.append(role)
        return roles

    def _next_word_start(self, pos: int) -> int:
        while pos < len(self.view) and self.view[pos] == " ":
            pos += 1
        return pos

    def _after_a_demonstrative(self, pos: int) -> bool:
        """"این دیدار", "هذا اللقاء", "لهذه القمة" (a clitic on the demonstrative). An Arabic
        demonstrative points at a definite noun: in "وسبق ذلك استقبال" it is the verb's object."""
        if self.language == "ar" and not self.view.startswith("ال", pos):
            return False
        before = self._words_before(pos, 1)
        word = before[-1] if before else ""
        return word in _DEMONSTRATIVES.get(self.language, ()) or (
            self.language == "ar" and _with_clitic(word, "ولبف", _CLITIC_DEMONSTRATIVES))

    def _after_a_relation(self, pos: int) -> bool:
        """"نائب الرئيس", "ومستشار وزير الخارجية", "صهر ترامب": what follows names whom the aide
        serves or the relative belongs to."""
        before = self._words_before(pos, 3)
        wider = self.view[max(0, pos - 160):pos].split()
        words_before = len(wider)
        while wider and (wider[-1] in _TITLES_BEFORE_A_NAME or wider[-1] in _HONORIFICS_BEFORE_A_SENDER):
            wider.pop()  # "رسالة من جلالة الملك", "تحيات حضرة صاحب السمو"
        if wider and len(wider) < words_before:
            before = wider[-3:]
        word = before[-1] if before else ""
        if word in _DIRECTIONS and self.language == "ar":
            # "نقل تحيات الملك عبدالله الثاني إلى السلطان هيثم": greetings carried to someone
            # absent (a message is handed to whom it is for: its addressee may be present)
            back = []
            for w in reversed(wider[:-1]):
                if any(c in w for c in "،,.:؛"):
                    break
                back.append(w)
            return any(w in _GREETINGS or _with_clitic(w, "وب", _GREETINGS) for w in back[:12])
        if word in _FROM and len(before) >= 2 and before[-2] in _SENT_BY:
            return True  # "موفدا من الأمين العام للجامعة أحمد أبو الغيط": who sent the envoy
        if word in _FROM:  # "رسالة من الرئيس", "رسالة شفوية من الرئيس": a message word before "from"
            return any(w in _MESSAGES or _with_clitic(w, "وب", _MESSAGES) for w in before[-3:-1])
        if word in _INVITING and len(before) >= 2 and before[-2] in _MESSAGES:
            return True  # "پیام دعوت ولیعهد سعودی را به وی ابلاغ کرد": whose invitation was carried
        if word in _MESSAGE_KINDS and len(before) >= 2 and before[-2] in _MESSAGES:
            return True  # "پیام کتبی حسن روحانی را به اورتگا تسلیم کرد": whose message was handed over
        if word in _AIDE_RANKS and len(before) >= 2:
            word = before[-2]  # "دستیار ارشد وزیر امور خارجه", "المستشار الخاص للرئيس"
            if word.startswith("ال") and word[2:] in _AIDES and self.view.startswith("ل", pos):
                # "المبعوث الخاص لرئيس الوزراء" (but "المبعوث الخاص ظريف" is the envoy, and alone
                # "المستشارة" is a chancellor)
                return True
        return word in _RELATIONS or _with_clitic(word, "وف", _RELATIONS)

    def _served(self, titles_after_a_relation: list[_Hit]) -> set[int]:
        """Mentions of persons an aide serves or a relative belongs to: a name right after the
        relation word ("مستشار ترامب"), or after its title when the name holds that office
        ("صهر الرئيس الأمريكي دونالد ترامب"). A name that does not hold the office is the aide's
        own: "نائب وزير الخارجية الروسي سيرغي ريابكوف" is Ryabkov."""
        served = {i for i, m in enumerate(self.mentions)
                  if m.entity_type == "person" and self._after_a_relation(m.start)}
        for role in self._roles(titles_after_a_relation):
            words = self._words_before(role.hit.start, 2)
            if len(words) == 2 and words[0] in _SENT_BY:
                # "موفدا من الأمين العام للجامعة أحمد أبو الغيط": who sent the envoy, named past
                # the title and what it heads
                gap = re.compile(r"(?: +[^\s،,:؛;.!?؟]+){0,2} +").match(self.view, role.end)
                after = [(i, m) for i, m in enumerate(self.mentions) if role.end <= m.start <= (
                    gap.end() if gap else role.end) and m.entity_type == "person"]
                served.update(i for i, _ in after[:1])
                continue
            found = self._mention_at(_APPOSITION_GAP.match(self.view, role.end).end())
            if found is None or found[1].entity_type != "person":
                continue
            countries = role.countries or ([self.outlet_country] if role.our_country else [None])
            if any(found[1].entity_id in self._holders(role.office, c) for c in countries):
                served.add(found[0])
        return served

    def _unknown_word_at(self, pos: int) -> bool:
        """The next word, right after ``pos`` (no punctuation between), is a name the lexicon does
        not know: neither a mention nor one of the language's frequent words."""
        words = self.rules.frequent_words.get(self.language)
        m = _NEXT_WORD.match(self.view, pos)
        if not words or m is None or self._mention_at(m.start("word")) is not None:
            return False
        word = m.group("word")
        # the word closes the phrase ("، وزیر امور خارجه گامبیا،"): a verb after a headline's title
        # ("رئيس الجمهورية يتحفظ على ...") goes on
        closes = re.match(r" *(?:[،,.:؛;)»]|$)", self.view[m.end():])
        return len(word) >= 3 and word.isalpha() and word not in words and closes is not None

    def _skip_role_modifiers(self, pos: int) -> tuple[int, bool]:
        """Past "new", "former", ... after a role; and whether one of them was "former"."""
        former = False
        while (m := _NEXT_WORD.match(self.view, pos)) and m.group("word") in _ROLE_MODIFIERS:
            former |= m.group("word") in _FORMER
            pos = m.end()
        return pos, former

    def _apposition(self, role: _Role) -> str | None:
        """The named person right before or after the role phrase, if the role describes them."""
        if len(role.countries) > 1:
            return None  # a plural role
        near = []
        before = [m for m in self.mentions if m.end <= role.hit.core and m.entity_type == "person"]
        # "X and the minister ..." is someone else than X; but "... ورئيس الوزراء العراقي مصطفى
        # الكاظمي": the name right after the title is its holder
        if before and "و" not in role.hit.prefix:
            m = before[-1]
            if _APPOSITION_GAP.fullmatch(self.view, m.end, role.hit.start):
                near.append(m)
        gap = _APPOSITION_GAP.match(self.view, role.end)
        after = self._mention_at(gap.end())
        if after and after[1].entity_type == "person":
            near.append(after[1])
        elif role.office in _MANY_HOLDERS and (sent := self._name_past_where_sent(role.end)) is not None:
            near.append(sent)
        country = role.countries[0] if role.countries else (self.outlet_country if role.our_country else None)
        for m in near:
            if country is None or m.country_code is None or m.country_code == country:
                return m.entity_id
        return None

    def _name_past_where_sent(self, pos: int) -> Mention | None:
        """"المبعوث الخاص للأمين العام للأمم المتحدة إلى اليمن هانس غروندبرغ": an envoy's or an
        ambassador's title, whom they serve and where they are sent ("to" a named state or place),
        then the name: theirs."""
        if self.language != "ar":
            return None
        to = _SENT_TO_RE.match(self.view, pos)
        if to is None or any(m.entity_type == "person" for _, m in self._mentions_in(pos, to.end())):
            return None
        where = self._mention_at(to.end())
        if where is None or where[1].entity_type not in ("country", "place", "organization"):
            return None
        found = self._mention_at(_APPOSITION_GAP.match(self.view, where[1].end).end())
        return found[1] if found and found[1].entity_type == "person" else None

    def _holders(self, office: str, country: str | None) -> list[str]:
        ids = []
        for h in self.offices:
            if h.office != office or (country is not None and h.country_code != country):
                continue
            if self.year is not None and not h.holds_in(self.year):
                continue
            if h.person_id not in ids:
                ids.append(h.person_id)
        return ids

    def _office_holders(self, office: str, country: str | None) -> list[str]:
        holders = self._holders(office, country)
        for stand_in in _OFFICE_STAND_INS.get(office, ()) if country and not holders else ():
            holders = self._holders(stand_in, country)
            if holders:
                break
        return holders

    def _resolve(self, office: str, country: str | None, exclude: set[str]) -> str | None:
        """The holder of an office in a country: at the publication year, else one the text names.
        A country without a president has its head of state called so ("الرئيس الكوري الشمالي")."""
        ids = [p for p in self._office_holders(office, country) if p not in exclude]
        mentioned = [p for p in ids if p in self.persons_in_doc]
        if country is None or office in _MANY_HOLDERS:
            # "our country" of an unknown outlet, or an office a country has many of at once (its
            # ambassadors, the lexicon knowing few): only a holder the text names
            found = mentioned[0] if len(mentioned) == 1 else None
        elif len(ids) == 1:
            found = ids[0]
        else:
            found = mentioned[0] if len(mentioned) == 1 else None
            if len(mentioned) > 1:
                # the year's two holders both named ("السودانی نخست‌وزیر عراق ... الکاظمی، نخست‌وزیر
                # پیشین"): the one the text gives this office
                titled = [p for p in mentioned if office in self.apposition_offices.get(p, ())]
                found = titled[0] if len(titled) == 1 else None
        if found:
            for h in self.offices:
                if h.person_id == found and h.country_code:
                    self.country_of.setdefault(found, h.country_code)
        return found

    def may_hold(self, person_id: str, kind: str | None) -> bool:
        """Whether a person may be one of "the two presidents" ("ministers"): yes, unless the office
        list gives them only offices of another kind for the year."""
        if kind is None or self.year is None:
            return True
        held = {h.office for h in self.offices if h.person_id == person_id and h.holds_in(self.year)}
        if not held:
            return True
        if kind == _MINISTERS:
            return any(o.endswith("_minister") for o in held)
        return any(o == kind or o in _OFFICE_STAND_INS.get(kind, ()) for o in held)

    def _office_of(self, person_id: str) -> str | None:
        rows = [h for h in self.offices if h.person_id == person_id and h.office in self.title_offices]
        if self.year is not None:
            rows = [h for h in rows if h.holds_in(self.year)]
        elif self.apposition_offices.get(person_id):
            return self.apposition_offices[person_id][0]
        else:
            rows = [h for h in rows if h.end_year is None] or sorted(
                rows, key=lambda h: h.start_year or 0, reverse=True)
        return rows[0].office if rows else None

    def _resolve_role(self, role: _Role, exclude: set[str], other: str | None = None) -> tuple[list[str], bool]:
        """Persons a role names, and whether some of them could not be resolved."""
        if role.former:
            return [], True  # a former holder: which one, the office list cannot tell
        if role.office == NAMED_BEFORE:
            named = [m.entity_id for m in reversed(self.mentions) if m.start < role.hit.start
                     and m.entity_type == "person" and m.entity_id not in exclude
                     and self.country_of.get(m.entity_id) in role.countries]
            return (named[:1], False) if named else ([], bool(role.countries))
        if role.counterpart:
            office = self._office_of(other) if other else None
            if office is None or not role.countries:
                return [], True
            # "همتایان روس و ترک خود": one counterpart per country
            found = [p for c in role.countries if (p := self._resolve(office, c, exclude | {other}))]
            return list(dict.fromkeys(found)), len(found) < len(role.countries)
        if role.our_country:
            found = self._resolve(role.office, self.outlet_country, exclude)
            return ([found], False) if found else ([], True)
        if not role.countries and role.unknown_after:
            # "مامادو تانگارا، وزیر امور خارجه گامبیا": a title of a country (or before a name) the
            # lexicon does not know, not the outlet's own minister
            return [], True
        if not role.countries:
            # a title alone ("رئیس‌جمهور", "الرئيس") in an outlet of a known country: its holder
            # there, if the article names them; a plural one is "the ministers of the countries
            # taking part"
            if role.singular and self.outlet_country:
                in_office = self._office_holders(role.office, self.outlet_country)
                holders = [p for p in in_office if p not in exclude]
                named = [p for p in holders if p in self.persons_in_doc]
                if len(named) == 1:
                    return named, False
                # Persian news of Iran, Afghanistan or Tajikistan calls its own president, minister
                # ... by the title alone ("رئیس‌جمهور عصر امروز در گفت‌وگوی تلفنی با علی‌اف"), unnamed;
                # only where the year had one holder (Raisi's 2024 is Pezeshkian's too: the one not
                # already in the meeting is not therefore the other)
                if self.language == "fa" and self.outlet_country in _PERSIAN_SPEAKING_STATES \
                        and role.office not in _MANY_HOLDERS and len(in_office) == 1 and holders:
                    return holders, False
            if role.singular and role.office in _MANY_HOLDERS:
                # "وكان المبعوث الأممي قد التقى": the one the article gave that title before (an
                # envoy, an ambassador: a president or a minister is found by country and year)
                titled = [p for p, offices in self.apposition_offices.items()
                          if role.office in offices and p not in exclude]
                if len(titled) == 1:
                    return titled, False
            return [], True
        persons, missing = [], False
        for country in role.countries:
            found = self._resolve(role.office, country, exclude)
            if found and found not in persons:
                persons.append(found)
            missing |= found is None
        return persons, missing

    def _unheld_countries(self, role: _Role) -> list[str]:
        """Countries a role names whose holder of that office the lexicon does not know for the
        year: the state itself takes part ("رئیس‌جمهور تاجیکستان", "وزیر خارجه چین")."""
        if role.former or role.office in REFERRING_OFFICES:
            return []
        countries = role.countries or ([self.outlet_country] if role.our_country and self.outlet_country else [])
        # only where no holder is known at all: a known one may be named in the clause, or the
        # year may have had two (and the text does not say which)
        return [c for c in countries if not self._office_holders(role.office, c)]

    # -- clauses
    def _clauses(self, index: int, span: tuple[int, int]) -> list[_Clause]:
        s, e = span
        if self._name_edges is None:
            self._name_edges = ({m.end for m in self.mentions} | {r.end for r in self.roles},
                                {m.start for m in self.mentions} | {r.hit.start for r in self.roles})
        name_ends, name_starts = self._name_edges
        cuts: list[tuple[int, str]] = []  # (position, "hard" | "soft" | "that")
        quotes = [m.start() for m in _QUOTE_RE.finditer(self.body, s, e)]
        for i in range(0, len(quotes), 2):
            pair = quotes[i:i + 2]
            if len(pair) == 1 or len(self.body[pair[0] + 1:pair[1]].split()) > _QUOTED_TERM_WORDS:
                cuts += [(p, "hard") for p in pair]
        for m in _BREAK_RE.finditer(self.body, s, e):  # the regex finds the few break characters
            p = m.start()
            if m.group() in _HARD_BREAKS:
                cuts.append((p, "hard"))
            elif not self._list_comma(p, name_ends, name_starts) and not _INCLUDING_RE.match(self.view, p + 1):
                cuts.append((p, "soft"))
        for kind, regex in _clause_cut_regexes(self.language):
            for m in regex.finditer(self.view, s, e):
                cuts.append((m.start("cut"), kind))
        cuts.sort()
        cuts = self._without_dates_in_commas(cuts)
        clauses, start, segment, kind = [], s, 0, "soft"
        for pos, next_kind in [*cuts, (e, "soft")]:
            if self.body[start:pos].strip():
                clauses.append(_Clause(start, pos, segment, index, kind == "that"))
            start = pos + (1 if pos < e and self.body[pos] in _CUT_CHARACTERS else 0)
            segment += next_kind == "hard"
            kind = next_kind
        return clauses

    def _without_dates_in_commas(self, cuts: list[tuple[int, str]]) -> list[tuple[int, str]]:
        """Commas around a date alone, or a date and the place, do not cut: "ماكرون الذي تحدث
        هاتفيا، أمس الخميس، مع ...", "استقبل سعيّد، اليوم الثلاثاء 27 جويلية 2021 بقصر قرطاج، ..."."""
        drop = set()
        for a, kind in cuts:
            if kind != "soft" or self.body[a] not in _COMMAS:
                continue
            # the closing comma, a cut or not (a place then a title is an apposition comma)
            b = min((i for i in (self.body.find(c, a + 1) for c in _COMMAS) if i != -1), default=-1)
            if b == -1:
                continue
            inner = self.body[a + 1:b]
            if any(ch in inner for ch in ".!?؟\n"):
                continue  # not within the sentence
            words = inner.split()
            places = [m for _, m in self._mentions_in(a + 1, b) if m.entity_type == "place"]
            longest = 2 * _DATE_ASIDE_WORDS + sum(len(self.body[m.start:m.end].split()) + 1 for m in places)
            if 0 < len(words) <= longest:
                found = find_dates(inner, self.language, self.published, self.dates)
                covered = sum(len(d.text.split()) for d in found)
                covered += sum(len(self.body[m.start:m.end].split()) for m in places)
                if covered >= len(words) - 1 - len(places) and (found or not places):  # places: their prepositions
                    drop |= {a, b}
        return [c for c in cuts if c[0] not in drop]

    def _list_comma(self, p: int, name_ends: set[int], name_starts: set[int]) -> bool:
        """A comma between two names (a list) or a name and a title (an apposition)."""
        left = p
        while left > 0 and self.view[left - 1] == " ":
            left -= 1
        right = p + 1
        while right < len(self.view) and self.view[right] == " ":
            right += 1
        if right < len(self.view) and self.view[right] == "و" and right + 1 in name_starts:
            right += 1
        # honorifics before a name: "، السيدة ستيفاني ويليامز", "، فخامة الرئيس"
        for _ in range(2):
            word = _NEXT_WORD.match(self.view, right - 1) if right else None
            if right not in name_starts and word and word.group("word") in _HONORIFICS:
                right = word.end("word") + 1
        return left in name_ends and right in name_starts

    def clause_of(self, pos: int) -> _Clause:
        for c in self.clauses:
            if c.start <= pos < c.end:
                return c
        return min(self.clauses, key=lambda c: min(abs(c.start - pos), abs(c.end - pos)))


# --- participants -------------------------------------------------------------------------
def _subject_before(doc: _Document, clause: _Clause) -> str | None:
    """The first person named in the clause just before ``clause`` in its sentence, if any; past
    one aside that names no one ("وصل شكري، الخميس إلى العاصمة التركية، حيث التقى نظيره")."""
    earlier = _clauses_before(doc, clause)
    for previous in earlier[::-1][:2]:
        found = next((m.entity_id for _, m in doc._mentions_in(previous.start, previous.end)
                      if m.entity_type == "person" and not _is_topic_at(doc, m.start)), None)
        if found is not None:
            return found
        if any(m.entity_type in ("person", "organization") for _, m in doc._mentions_in(previous.start, previous.end)):
            return None
    return None


def _clause_actors(doc: _Document, clause: _Clause, trigger: _Hit | None) -> tuple[list[str], bool]:
    """Participants named in a clause (persons, else countries), and whether it names an
    unresolved group of others ("the ministers of the countries taking part"). Without a
    trigger (a neighbouring clause lending its actors) pronouns are not resolved."""
    mentions = doc._mentions_in(clause.start, clause.end)
    roles = [r for r in doc.roles if clause.start <= r.hit.core < clause.end]
    consumed = set().union(*(r.consumed for r in roles)) if roles else set()
    named = [(m.start, m.entity_id) for i, m in mentions
             if m.entity_type == "person" and i not in consumed and i not in doc.served and not _is_topic_at(doc, m.start)]
    exclude = {p for _, p in named}
    persons = list(named)
    unresolved = False
    for r in roles:
        if r.appositive or r.counterpart:
            continue
        found, missing = doc._resolve_role(r, exclude)
        persons += [(r.hit.start + k / 100, p) for k, p in enumerate(found)]  # keep the role's order
        states = doc._unheld_countries(r) if missing else []
        persons += [(r.hit.start + (len(found) + k) / 100, f"country:{c}") for k, c in enumerate(states)]
        unresolved |= missing and not found and not states
    persons.sort()

    # A pronoun subject: "وی در دیدار با ولید معلم", "لقائه مع", "والتقى مع ...".
    if trigger is not None and _pronoun_subject(
            doc, clause, trigger, [pos for pos, _ in persons] + [r.hit.start for r in roles]):
        known = {p for _, p in persons}
        resumptive, antecedent = _pronoun_of_a_relatives_head(doc, clause, trigger)
        if not resumptive:
            antecedent = _subject_after_a_possessive_frame(doc, clause, trigger, known)
        if antecedent is None and not resumptive and not _unknown_person_before(doc, clause):
            earlier = [p for pos, p in doc.antecedents if pos < clause.start and p not in known]
            if doc.language == "fa":
                # Persian puts the subject first: past a relative clause naming others ("عراقچی ... که
                # ... در نشستی به ریاست هلگا اشمید ...، با معاونان ... گفت‌وگو کرد"), the segment's
                # first person is the one who acted
                seg_start, _ = _segment_span(doc, clause)
                first = [p for pos, p in doc.antecedents if seg_start <= pos < clause.start and p not in known][:1]
                earlier = first or earlier
            honored = _honorific_named_at(doc, clause, trigger)
            if honored is not None:  # the first named from there
                earlier = [p for pos, p in doc.antecedents if honored <= pos < clause.start and p not in known][:1]
            antecedent = earlier[-1] if earlier else None
        if antecedent:
            persons.insert(0, (clause.start - 1, antecedent))

    for r in roles:
        if not r.counterpart:
            continue
        before = [p for pos, p in persons if pos < r.hit.start]
        if r.appositive:
            # the counterparts are named ("بنظيريه الروسي سيرغي لافروف والأوكراني ..."); whose they
            # are may still stand before the clause
            subject = _subject_before(doc, clause) if trigger is not None and not before else None
            if subject is not None and subject not in {p for _, p in persons} and \
                    doc.participant_country(subject) not in r.countries:
                persons.insert(0, (clause.start - 1, subject))
            continue
        other = before[-1] if before else None
        if other is None and trigger is not None:
            # "روحانی پیش از آغاز نشست، جداگانه با همتایان روس و ترک خود دیدار کرد", "قال تشاووش
            # أوغلو، إن الاجتماع الذي جمعه بنظيريه الروسي لافروف والأوكراني كوليبا": whose
            # counterparts is said by the first person of the sentence's clause before
            subject = _subject_before(doc, clause)
            if subject is not None and doc.participant_country(subject) not in r.countries:
                other = subject
                persons.insert(0, (clause.start - 1, other))
        if other is None and persons:
            other = persons[0][1]
        found, missing = doc._resolve_role(r, {p for _, p in persons}, other)
        persons += [(r.hit.start, p) for p in found]
        unresolved |= missing

    ordered = list(dict.fromkeys(p for _, p in sorted(persons)))
    delegations = _delegation_countries(doc, mentions)
    if ordered:
        return ordered + [c for c in delegations if c not in ordered], unresolved
    countries = _country_group(doc, mentions, consumed)
    if not countries:  # roles of countries whose holders are unknown: the countries themselves
        countries = [f"country:{c}" for r in roles if r.office not in REFERRING_OFFICES for c in r.countries]
        countries = list(dict.fromkeys(countries)) if len(set(countries)) > 1 else []
    return list(dict.fromkeys(countries + delegations)), unresolved


_FRAME_WORDS = _FRAMES | _folded_set("بعد", "عقب", "إثر", "اثر", "قبل", "أثناء", "وخلال", "وفي", "وبعد")


def _subject_after_a_possessive_frame(doc: _Document, clause: _Clause, trigger: _Hit, known: set[str]) -> str | None:
    """"وخلال لقائه الرئيس ترامب الثلاثاء، أكد أمير قطر الشيخ تميم ...": a "his meeting" frame
    opening the sentence; "his" is the subject named in the clause after it."""
    if not _possessive(doc, trigger):
        return None
    before = doc.view[clause.start:trigger.start].split()
    # (a frame word there: after "حيث" alone, "استقبله" is a verb with "him" its object, the one
    # named before)
    if not before or not all(w in _FRAME_WORDS or w in _CLAUSE_OPENERS for w in before) or \
            not any(w in _FRAME_WORDS for w in before) or \
            any(doc._mentions_in(c.start, c.end) for c in _clauses_before(doc, clause)):
        return None
    after = next((c for c in doc.clauses if c.sentence == clause.sentence and c.start >= clause.end), None)
    if after is None:
        return None
    return next((m.entity_id for _, m in doc._mentions_in(after.start, after.end)
                 if m.entity_type == "person" and m.entity_id not in known), None)


def _word_before(doc: _Document, pos: int) -> str:
    return (doc._words_before(pos, 1) or [""])[0]


_EXCEPT_RE = _phrases_re("إلا", "سوى", "جز")
_RELATIVES = _folded_set("الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان")


def _pronoun_of_a_relatives_head(doc: _Document, clause: _Clause, trigger: _Hit) -> tuple[bool, str | None]:
    """An Arabic relative clause's pronoun is its head's ("المؤتمر، الذي استضافته ميركل": the
    conference; "الرئيس عباس الذي استقبله الملك": Abbas): whether the pronoun is one, and the
    person the head names (None for a thing)."""
    first = doc.view[clause.start:trigger.start].split()
    if doc.language != "ar" or not first or first[0] not in _RELATIVES or not _possessive(doc, trigger):
        return False, None
    head = next((m for m in reversed(doc.mentions) if m.end <= clause.start), None)
    if head is None or head.entity_type != "person" or doc.view[head.end:clause.start].strip(" ،,"):
        return True, None
    return True, head.entity_id


def _possessive(doc: _Document, trigger: _Hit) -> bool:
    """"لقائه", "دیدارش": a meeting word with "his"/"her" on it."""
    return trigger.tail in _POSSESSIVE_TAILS.get(doc.language, ()) or trigger.row.trigger.endswith(
        _POSSESSIVE_ROW_ENDINGS)


def _unknown_person_before(doc: _Document, clause: _Clause) -> bool:
    """"فيما أجرى رئيس مجلس المستشارين، السيد حكيم بنشماش، مباحثات مع السيد المشري": the clause
    before names someone the lexicon does not know (an honorific, then no known name), who is the
    subject; the person named before in the text is not."""
    earlier = _clauses_before(doc, clause)
    if not earlier:
        return False
    previous = earlier[-1]
    words = list(_WORD_RE.finditer(doc.view, previous.start, previous.end))
    return bool(words) and words[0].group() in _HONORIFICS and not doc._mentions_in(previous.start, previous.end)


# an indefinite meeting noun an Arabic relative verb follows ("لقاء استضافه X": a meeting X hosted)
_INDEFINITE_MEETINGS = _folded_set("لقاء", "لقاءا", "لقاءً", "اجتماع", "اجتماعا", "اجتماعاً", "قمة", "مؤتمر", "مؤتمرا",
                                   "حوار", "محادثات", "مباحثات", "مفاوضات")


def _pronoun_subject(doc: _Document, clause: _Clause, trigger: _Hit, actor_positions: list[int]) -> bool:
    if doc.language == "ar" and _possessive(doc, trigger) and trigger.row.trigger_kind == "host" and \
            _word_before(doc, trigger.start) in _INDEFINITE_MEETINGS:
        return False  # "عقب لقاء استضافه آبي أحمد": the clitic is the meeting, its subject follows
    if _possessive(doc, trigger):
        return not any(clause.start <= p < trigger.start for p in actor_positions)
    words = [(m.start(), m.group()) for m in re.finditer(r"\w+", doc.view[clause.start:trigger.start])]
    for offset, word in words:
        if word in _PRONOUNS:
            pos = clause.start + offset
            if any(clause.start <= p < pos for p in actor_positions):
                return False
            # a name between it and the trigger is the subject ("أنه كان من المفترض حين زار
            # الرئيس ترامب الرياض واجتمع"), unless joined to the pronoun ("وی و لاوروف در دیدار")
            # or the object of "with" ("أنه عقد مع برادر اجتماع عمل")
            joined = pos + len(word)
            return not any(joined < p < trigger.start and doc.view[joined:int(p)].strip() not in _AND
                           and _word_before(doc, int(p)) not in _WITH
                           for p in actor_positions)
    # elided subject: "[he] met with X" -- "with" ends or follows the trigger, nobody before it
    stem_words = doc.view[trigger.core:trigger.end].split()
    after = doc.view[trigger.end:clause.end].split()[:1]
    if stem_words and stem_words[-1] in _WITH:
        with_pos = doc.view.rfind(stem_words[-1], trigger.core, trigger.end)
    elif after and after[0] in _WITH:
        with_pos = trigger.end
    elif doc.language == "fa" and _light_verb_follows(doc, trigger, clause):
        # Persian order: "[he], this morning, with Zarif met" -- "with" and its actor before the
        # meeting verb; the subject stood in the clause before ("دی‌میستورا ... که ... به سر می‌برد،")
        with_pos = next((clause.start + offset for offset, word in words if word in _WITH), None)
        if with_pos is None:
            return False
        if not _with_takes_an_actor(doc, with_pos, actor_positions):
            return False  # "با اشاره به", "با حضور": "with" does not take an actor here
    elif doc.language == "ar" and len(words) >= 3 and words[0][1] in _CLAUSE_OPENERS and words[2][1] in _WITH \
            and any(clause.start + words[2][0] < p < trigger.start for p in actor_positions):
        # "حيث عقد مع الشيخ تميم اجتماعا": an opener, a verb, then "with" and whom
        with_pos = clause.start + words[2][0]
    else:
        return False
    if _subject_after_the_frame(doc, trigger, with_pos, actor_positions):
        return False
    # an organization or a country before "with" is the subject too ("the ministry, in talks with"),
    # unless it is where they met ("در محل وزارت امور خارجه پاکستان با جیلانی دیدار کرد")
    before_with = [m for _, m in doc._mentions_in(clause.start, with_pos) if m.entity_type != "place"]
    venues = [m for m in before_with if _is_locative(doc, m) or _in_a_venue(doc, m)]
    others = [m.start for m in before_with if not any(v.start <= m.start and m.end <= v.end for v in venues)]
    return not any(clause.start <= p < with_pos for p in actor_positions + others)


def _with_takes_an_actor(doc: _Document, with_pos: int, actor_positions: list) -> bool:
    """Whether an actor follows the "with" at ``with_pos``, past ranks only ("با آیت‌الله ...")."""
    after_with = with_pos + len(doc.view[with_pos:].split(None, 1)[0])
    return any(p > after_with and all(w in _TITLES_BEFORE_A_NAME for w in doc.view[after_with:int(p)].split())
               for p in actor_positions)


def _in_a_venue(doc: _Document, m: Mention) -> bool:
    """"در کاخ ریاست‌جمهوری کنیا", "في مقر وزارة الخارجية المصرية": a name within a place phrase."""
    words = doc._words_before(m.start, 5)
    for i, word in enumerate(words[:-1]):
        if any(ch in w for w in words[i:] for ch in "،,.:؛"):
            continue
        if (word in _LOCATIVES and words[i + 1] in _PLACE_NOUNS) or _with_clitic(word, "ب", _PLACE_NOUNS):
            return True
    return False


def _honorific_named_at(doc: _Document, clause: _Clause, trigger: _Hit, first_titled: bool = False) -> int | None:
    """"كما تلقى سموه اتصالا": "his Highness" is the one last called "سمو" ("وكان سمو الأمير قد
    وصل ... حيث استقبله الملك سلمان"), not whoever was named last. Where that naming starts (None
    for a plain pronoun, or an honorific not used before)."""
    # (the clause before may hold it: "ثم توجه سموه إلى الدوحة، حيث عقد مع ... اجتماعا")
    start = max([c.start for c in _clauses_before(doc, clause)][-1:] or [clause.start])
    words = {w.group() for w in _WORD_RE.finditer(doc.view, start, trigger.start)}
    stem = next((_HONORIFIC_PRONOUNS[w] for w in words if w in _HONORIFIC_PRONOUNS), None)
    if stem is None:
        return None
    found = [m.start() for m in re.finditer(r"(?<!\w)(?:و|ل|ب)?" + re.escape(stem) + r"(?!\w)",
                                            doc.view[:clause.start])]
    if not found and first_titled:
        # none called so bare: the first one given the title ("صاحب السمو الشيخ محمد بن زايد")
        found = [m.start() for m in re.finditer(r"(?<!\w)ال" + re.escape(stem) + r"(?!\w)",
                                                doc.view[:clause.start])][:1]
    return found[-1] if found else None


def _light_verb_follows(doc: _Document, trigger: _Hit, clause: _Clause) -> bool:
    """The Persian meeting noun's verb: "دیدار کرد", or past what the noun names, with no one
    named between ("مذاکرات هیئت‌های عالی‌رتبه برگزار کرد")."""
    for m in re.finditer(r"\S+", doc.view[trigger.end:clause.end]):
        if len(doc.body[trigger.end:trigger.end + m.start()].split()) > 3:  # (the view splits at ZWNJ)
            return False
        if m.group().rstrip(_CLOSING_PUNCTUATION) in _LIGHT_VERBS:
            return not doc._mentions_in(trigger.end, trigger.end + m.start())
    return False


def _subject_after_the_frame(doc: _Document, trigger: _Hit, with_pos: int, actor_positions: list) -> bool:
    """"في اتصال هاتفي مع نظيره ... نفى وزير الخارجية التركي": a meeting told as a frame ("in a call
    with X") before the clause's verb; its subject is named after the partner, not joined to it."""
    before = doc._words_before(trigger.start, 1)
    if not before or not (before[0] in _FRAMES or _with_clitic(before[0], "وف", _FRAMES)):
        return False
    # the partner's phrase: names and titles one after another ("نظيره الروسي سيرغي لافروف"), or
    # joined by "and"; a name after another word is the subject
    ends = {m.start: m.end for m in doc.mentions} | {r.hit.start: r.end for r in doc.roles}
    later = sorted(int(p) for p in actor_positions if p > with_pos)
    if not later:
        return False
    phrase_end = ends.get(later[0], later[0])
    for p in later[1:]:
        gap = doc.view[phrase_end:p].split()
        if gap and not all(w in _AND for w in gap):
            return True
        phrase_end = max(phrase_end, ends.get(p, p))
    return False


def _is_topic_trigger(doc: _Document, t: _Hit) -> bool:
    """A meeting word right after a topic marker, with at most a preposition between: "درباره
    دیدار", "با اشاره به دیدار", "حول لقاء" (not "بشأن التجارة في المفاوضات")."""
    words = _without_round(doc._words_before(t.start, 5))
    if words and words[-1] in _TOPIC_PREPOSITIONS:
        words = words[:-1]
    if words and words[-1] in _TOPIC_WORDS:
        return True
    return doc.view[max(0, t.start - 40):t.start].rstrip().endswith(_TOPIC_PHRASES)


def _without_round(words: list[str]) -> list[str]:
    """The words before a meeting word without the round it names: "درباره دور پنجم گفت‌وگوهای",
    "حول الجولة الخامسة من المحادثات" speak about the talks."""
    if len(words) >= 3 and words[-1] == "من" and words[-3] in _ROUND_WORDS:
        return words[:-3]
    if len(words) >= 2 and words[-2] in _ROUND_WORDS:
        return words[:-2]
    return words


def _is_topic_at(doc: _Document, pos: int) -> bool:
    """A topic marker among the three words before ``pos``, with no "with", "and" or meeting word
    in between: a name there is what the clause speaks about ("درباره سخنان ترامپ", "حول سوريا"),
    not one who acts ("درباره دیدار ظریف": Zarif is in the meeting spoken about)."""
    base = max(0, pos - 60)
    words = list(_WORD_RE.finditer(doc.view, base, pos))[-3:]
    for w in reversed(words):
        word = w.group()
        if word in _WITH or word == "و" or word[-1] in _CUT_CHARACTERS \
                or any(t.start <= w.start() < t.end for t in doc.triggers):
            return False
        if word in _TOPIC_WORDS:
            return True
    return doc.view[base:pos].rstrip().endswith(_TOPIC_PHRASES)


def _delegation_countries(doc: _Document, mentions: list[tuple[int, Mention]]) -> list[str]:
    out = []
    for _, m in mentions:
        if m.entity_type == "country" and any(w in _DELEGATIONS for w in doc._words_before(m.start, 3)):
            out.append(m.entity_id)
    return out


def _country_group(doc: _Document, mentions: list[tuple[int, Mention]], consumed: set[int]) -> list[str]:
    """The largest coordinated group of country names (and armed forces, armed groups, parties)
    acting in the clause."""
    eligible, skipped = [], None  # skipped: the last country left out, whose list partners go too
    for i, m in mentions:
        party = m.entity_type == "organization" and m.entity_id in doc.rules.party_organizations
        if not (m.entity_type == "country" or party) or i in consumed or m.alias_kind == "gentilic":
            continue
        if skipped is not None and _ROLE_LIST_GAP.fullmatch(doc.view, skipped.end, m.start):
            skipped = m  # "في سوريا والعراق ولبنان": the whole list is where, not who
            continue
        skipped = m
        two_before = doc._words_before(m.start, 2)
        before = two_before[-1:]
        attached = m.start > 0 and doc.view[m.start - 1] in "بل" and (
            m.start < 2 or not doc.view[m.start - 2].isalnum())
        if attached or (before and before[-1] in _LOCATIVES | _DIRECTIONS | _PLACE_NOUNS | _VISIT_WORDS):
            continue  # "في سورية", "بسورية", "پایتخت پرو", "يزور السعودية": a place, not an actor
        if _is_topic_at(doc, m.start):
            continue
        if before and before[-1] in _SOURCES and not (len(two_before) == 2 and two_before[0] in _EACH):
            continue  # an origin, not an actor
        prev_place = [p for _, p in mentions if p.entity_type == "place" and p.end <= m.start]
        if prev_place and _APPOSITION_GAP.fullmatch(doc.view, prev_place[-1].end, m.start):
            continue  # "ادلب سوریه": the country of a place
        skipped = None
        eligible.append(m)
    groups: list[list[Mention]] = []
    for m in eligible:
        if groups and _LIST_GAP.fullmatch(doc.view, groups[-1][-1].end, m.start):
            groups[-1].append(m)
        else:
            groups.append([m])
    best = max(groups, key=len, default=[])
    ids = list(dict.fromkeys(m.entity_id for m in best))
    return ids if len(ids) > 1 else []


# --- place and date -----------------------------------------------------------------------
def _is_locative(doc: _Document, m: Mention) -> bool:
    if m.start > 0 and doc.view[m.start - 1] == "ب" and (m.start < 2 or not doc.view[m.start - 2].isalnum()):
        return True  # Arabic "بموسكو"
    return _is_locative_at(doc, _place_noun_start(doc, m.start), m.end)


def _place_noun_start(doc: _Document, pos: int) -> int:
    """Where the name's place-noun phrase starts: "إلى العاصمة التركية أنقرة" is "to Ankara"."""
    words = list(_WORD_RE.finditer(doc.view, max(0, pos - 40), pos))[-2:]
    if len(words) == 2 and words[0].group() in _PLACE_NOUNS and _is_gentilic(words[1].group()) \
            and not doc.view[words[1].end():pos].strip():
        return words[0].start()
    return pos


def _is_gentilic(word: str) -> bool:
    """An Arabic adjective of origin ("التركية", "المصري")."""
    return word.startswith("ال") and word.endswith(_GENTILIC_ENDINGS) and len(word) > 5


def _is_locative_at(doc: _Document, start: int, end: int) -> bool:
    """Whether a place name starting at ``start`` follows a locative ("in", "at", "to" after travel)."""
    before = doc._words_before(start, 2)
    if before and before[-1] in _LOCATIVES:
        return True
    if len(before) == 2 and before[-1] in _PLACE_NOUNS and before[0] in _LOCATIVES:
        return True
    if before and _with_clitic(before[-1], "ب", _PLACE_NOUNS):
        return True  # "بقصر قرطاج", "بالعاصمة تونس"
    return _travelled_to(doc, start, end)


def _travelled_to(doc: _Document, start: int, end: int) -> bool:
    """A place name at ``start`` (to ``end``) that someone travels to."""
    before = doc._words_before(start, 3)
    if doc.language == "fa" and before and before[-1] in _DIRECTIONS:
        # Persian puts the verb after: "به دمشق سفر کرده است", "به تهران آمده و"
        after = doc.view[end:end + 30].split()[:1]
        if after and (after[0].startswith(_TRAVEL) or after[0] in _PERSIAN_ARRIVAL_VERBS):
            return True
    if doc.language == "fa" and before and before[-1] in _ENTERED:
        return True  # "وارد تهران شد"

    if start > 1 and doc.view[start - 1] == "ل" and not doc.view[start - 2].isalnum():
        before = [*doc._words_before(start - 1, 2), "ل"]  # Arabic "زيارته لموسكو"
    # "زيارته لموسكو", "سفر به مسکو", "زيارة مفاجئة لطهران", "سفر رسمی به مسکو"; not a trip one is
    # invited to ("دعوت همتای ایرانی خود برای سفر به تهران را پذیرفت")
    if len(before) < 2 or before[-1] not in _DIRECTIONS | {"ل"}:
        return False
    words = doc._words_before(start, 4)
    travel = [i for i in range(max(len(words) - 3, 0), len(words) - 1) if words[i].startswith(_TRAVEL)]
    return bool(travel) and not (travel[-1] > 0 and words[travel[-1] - 1] in _INVITED)


_DURING = _folded_set("در", "طی", "خلال", "في", "أثناء", "during", "on")


def _during_a_trip_to(doc: _Document, m: Mention) -> bool:
    """"در سفری یک‌روزه به تهران با ... دیدار کرد", "خلال زيارته لموسكو التقى": the meeting was on
    a trip to the place, told before it in its clause."""
    start = _place_noun_start(doc, m.start)
    words = doc._words_before(start, 6)
    if start > 1 and doc.view[start - 1] == "ل" and not doc.view[start - 2].isalnum():
        words = [*doc._words_before(start - 1, 5), "ل"]  # "خلال زيارته لموسكو"
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w[-1] in _CUT_CHARACTERS), default=0)
    words = words[cut:]  # within the clause
    if len(words) < 3 or words[-1] not in _DIRECTIONS | {"ل"}:
        return False
    # the trip word a few words before the direction, past its adjectives ("سفری یک‌روزه به")
    travel = [i for i in range(max(len(words) - 4, 1), len(words) - 1) if words[i].startswith(_TRAVEL)]
    return bool(travel) and words[travel[-1] - 1] in _DURING


def _topic_between(doc: _Document, a: int, b: int) -> bool:
    text = " " + doc.view[min(a, b):max(a, b)] + " "
    return any(f" {t} " in text for t in _TOPIC_MARKERS)


# "لاجتماع ... المقرر في ريو دي جانيرو يومي 21 و22 فبراير": the place and the day of an event
# scheduled, another than the meeting told
_SCHEDULED = _folded_set("المقرر", "المقررة", "مقرر", "مقررة", "المزمع", "المزمعة", "المرتقب", "المرتقبة",
                         "scheduled")
_SCHEDULED_WORDS = 3  # "المقرر عقده في"; a day may follow the place ("في ريو دي جانيرو يومي")


def _scheduled_at(doc: _Document, pos: int, n: int = _SCHEDULED_WORDS) -> bool:
    """A word of scheduling among the few words before ``pos``, in its clause."""
    words = []
    for w in reversed(doc._words_before(pos, n)):
        if w[-1] in _CUT_CHARACTERS:
            break
        words.append(w)
    return any(w in _SCHEDULED for w in words)


def _place_for(doc: _Document, trigger: _Hit, clause: _Clause, date_spans: list[tuple[int, int]]) -> Mention | None:
    """The place of a meeting: right after the trigger, or after a locative; clause, then sentence.
    A place name inside a date expression ("دوشنبه": Monday, and Dushanbe) is the date."""
    def is_place(m: Mention) -> bool:
        # ... unless a place noun says which ("در شهر دوشنبه": in the city of Dushanbe)
        return m.entity_type == "place" and (not any(s < m.end and m.start < e for s, e in date_spans)
                                             or (doc._words_before(m.start, 1) or [""])[0] in _PLACE_NOUNS) \
            and not (m.start > trigger.end and _scheduled_at(doc, m.start))

    gap = re.compile(" *").match(doc.view, trigger.end).end()
    attached = doc._mention_at(gap)
    if attached and is_place(attached[1]):
        return attached[1]
    if _after_a_time_connective(doc, trigger):
        # "سفر ظریف به بیاریتز دو روز پس از دیدار او با ماکرون در پاریس صورت گرفت": the meeting
        # dates another event; where that event travelled to is not the meeting's place
        base = is_place
        is_place = lambda m: base(m) and (  # noqa: E731
            m.start > trigger.start or not _travelled_to(doc, _place_noun_start(doc, m.start), m.end))
    where = _where_refers_to(doc, clause, is_place)
    if where is not None and not any(is_place(m) for _, m in doc._mentions_in(clause.start, clause.end)):
        return where
    seg_start, seg_end = _segment_span(doc, clause)
    for start, end in ((clause.start, clause.end), (seg_start, seg_end)):
        places = [m for _, m in doc._mentions_in(start, end)
                  if is_place(m) and (_is_locative(doc, m) or m.start < trigger.start and (
                      _visited(doc, m) or _during_a_trip_to(doc, m)))
                  and not _topic_between(doc, trigger.start, m.start)]
        if places:
            return min(places, key=lambda m: (not m.entity_id.startswith("place:gn"),
                                              abs(m.start - trigger.start)))
    clause_text = " " + doc.view[clause.start:clause.end] + " "
    if any(f" {w} " in clause_text for w in _ANAPHORIC_PLACES):
        line_start = doc.body.rfind("\n", 0, clause.start) + 1
        earlier = [m for _, m in doc._mentions_in(line_start, clause.start) if is_place(m)]
        if earlier:
            return earlier[-1]
    return None


def _visited(doc: _Document, m: Mention) -> bool:
    """"إذ زار ... الأمير فيصل بن فرحان ... وزير الخارجية دمشق ...، والتقى خلال الزيارة": an Arabic
    place that a visit verb before it takes as its object (the meeting told after it was there)."""
    if doc.language != "ar":
        return False
    phrase = re.split(r"[،,.؛:]", doc.view[max(0, m.start - 120):m.start])[-1].split()
    return len(phrase) <= 12 and any(w in _VISITED for w in phrase)


def _after_a_time_connective(doc: _Document, trigger: _Hit) -> bool:
    """"پس از دیدار", "بعد لقائه": the meeting word is what another event is timed by."""
    before = doc._words_before(trigger.start, 2)
    return bool(before) and (before[-1] in _TIME_CONNECTIVES or " ".join(before) in _TIME_CONNECTIVES)


def _where_refers_to(doc: _Document, clause: _Clause, is_place) -> Mention | None:
    """"وصل شكري إلى العاصمة التركية أنقرة، حيث التقى نظيره", "زار القاهرة في 18 مارس، حيث أجرى
    محادثات": a clause opening with "where" happens at the place the clause before names last."""
    first = doc.view[clause.start:clause.end].split(None, 1)[:1]
    earlier = _clauses_before(doc, clause)
    if not first or first[0] not in _WHERE or not earlier:
        return None
    previous = earlier[-1]
    places = [m for _, m in doc._mentions_in(previous.start, previous.end) if is_place(m)]
    # the nearest place before it ("وصل إلى القاهرة قادماً من دبي، حيث التقى": Dubai)
    return places[-1] if places else None


def _segment(doc: _Document, clause: _Clause) -> list[_Clause]:
    """The clauses of ``clause``'s segment: its sentence up to a hard break."""
    return [c for c in doc.clauses if c.sentence == clause.sentence and c.segment == clause.segment]


def _clauses_before(doc: _Document, clause: _Clause) -> list[_Clause]:
    """The clauses of ``clause``'s sentence before it."""
    return [c for c in doc.clauses if c.sentence == clause.sentence and c.end <= clause.start]


def _segment_span(doc: _Document, clause: _Clause) -> tuple[int, int]:
    segment = _segment(doc, clause)
    return min(c.start for c in segment), max(c.end for c in segment)


def _date_for(doc: _Document, clause: _Clause, dates: list[tuple[DateMention, DateMention]]):
    """The most specific date of the clause, else of its segment (not of what someone said
    before a colon: "the ministry announced on Friday: ...")."""
    seg_start, seg_end = _segment_span(doc, clause)
    dates = [d for d in dates if not _since(doc, d[0]) and not _scheduled_at(doc, d[0].start, 2 * _SCHEDULED_WORDS)]
    chosen = ([d for d in dates if clause.start <= d[0].start < clause.end]
              or [d for d in dates if seg_start <= d[0].start < seg_end])
    if not chosen:
        return None, None
    # "بغداد 28 حزيران (بترا)- عقد ... أمس الأحد": the dateline's day is the report's, not the meeting's
    chosen = [d for d in chosen if not _in_a_dateline(doc, d[0])] or chosen
    best = pick_date([d for d, _ in chosen])
    return best, next(a for d, a in chosen if d is best)


_DATELINE_END = re.compile(r"\s*[(/–—-]")


def _in_a_dateline(doc: _Document, date: DateMention) -> bool:
    """A date opening a line after at most three words (the place) and closed by the agency's
    bracket or a dash: "بغداد 28 حزيران (بترا)-", "الرياض 5 مايو /واس/"."""
    line_start = doc.body.rfind("\n", 0, date.start) + 1
    return len(doc.body[line_start:date.start].split()) <= 3 and bool(_DATELINE_END.match(doc.body, date.end))


def _since(doc: _Document, date: DateMention) -> bool:
    """"منذ اندلاع القتال في 15 أبريل": the day something began, not the day of a meeting (unless
    the meeting is what began: "منذ لقاء ...")."""
    words = list(_WORD_RE.finditer(doc.view, max(0, date.start - 60), date.start))[-4:]
    since = next((w.start() for w in reversed(words)
                  if w.group() in _SINCE or _with_clitic(w.group(), "و", _SINCE)), None)
    return since is not None and not any(since < t.start < date.start for t in doc.triggers)


def _dates_compatible(a: _Candidate, b: _Candidate) -> bool:
    """Whether two tellings may be of the same day. Without a publication date, expressions
    are compared as written: an absolute date and a relative one ("yesterday") are two days,
    two weekdays agree when they name the same weekday."""
    if a.date is None or b.date is None:
        return True
    if a.date.event_date and b.date.event_date:
        return a.date.event_date == b.date.event_date
    absolute = ("absolute", "month")
    if (a.date.kind in absolute) != (b.date.kind in absolute):
        return False
    da, db = a.anchored.event_date if a.anchored else None, b.anchored.event_date if b.anchored else None
    if da is None or db is None:
        return fold_phrase(a.date.text) == fold_phrase(b.date.text)
    if a.date.kind in absolute:
        if "month" in (a.date.kind, b.date.kind):
            return (da.year, da.month) == (db.year, db.month)
        return da == db
    if a.date.kind == "weekday" and b.date.kind == "weekday":
        return da.isoweekday() == db.isoweekday()
    if a.date.kind == "relative" and b.date.kind == "relative":
        return da == db
    return True  # "today" and "Friday": cannot tell


# --- CAMEO --------------------------------------------------------------------------------
def _cameo(doc: _Document, c: _Candidate) -> str:
    if c.modality == "phone":
        return PHONE_CALL
    if "host" in c.kinds:
        return HOST_VISIT
    if "visit" in c.kinds:
        return MAKE_VISIT
    countries = [doc.participant_country(p) for p in c.participants]
    if c.place_country and any(countries):
        if c.place_country in countries:
            if all(x == c.place_country for x in countries if x):
                return NEGOTIATE if NEGOTIATE in c.codes else CONSULT  # a domestic meeting
            # the subject (first named) at home hosts; else the subject visits
            return HOST_VISIT if countries[0] == c.place_country else MAKE_VISIT
        # abroad: two sides meet at a third place; one person alone is on a visit
        return THIRD_LOCATION if len(c.participants) > 1 else MAKE_VISIT
    return NEGOTIATE if NEGOTIATE in c.codes else CONSULT


# --- extraction ---------------------------------------------------------------------------
def extract_meetings(body: str, language: str, sentences: list[tuple[int, int]], mentions: list[Mention],
                     published: datetime.date | None, outlet_country: str | None, rules: MeetingRules,
                     offices: list[OfficeHolder], dates: DateVocabulary) -> list[Meeting]:
    """Meetings and calls the article reports, one row per meeting, in text order."""
    if not body or not sentences:
        return []
    nested = nested_mentions(mentions)  # a country inside an organization's name does not act
    mentions = [m for i, m in enumerate(mentions) if i not in nested]
    doc = _Document(body, language, sentences, mentions, published, outlet_country, rules, offices, dates)
    if not doc.triggers:
        return []
    candidates: list[_Candidate] = []
    for index, (s, e) in enumerate(doc.sentences):
        triggers = [t for t in doc.triggers if s <= t.start < e]
        if not triggers:
            continue
        # generic meeting words in a sentence that reports a call describe that call, whether the
        # call took place or not ("مقدمات یک تماس تلفنی ... در حاشیه اجلاس"); so does the word for
        # hosting ("از طریق ویدئوکنفرانس در اجلاس ... که به میزبانی شیخ حسینه ... برگزار شد")
        if any(t.row.modality == "phone" for t in triggers):
            triggers = [t for t in triggers if t.row.modality == "phone" or (
                t.row.trigger_kind != "meeting" and t.row_phrase not in _HOSTING_NOUNS)]
        triggers = [t for t in triggers if not _excluded(doc, t) and not _host_of_a_meeting_named(doc, t)
                    and not _a_meeting_another_comes_after(doc, t) and not _welcomed_a_thing(doc, t)]
        if not triggers:
            continue
        sentence_dates = _sentence_dates(doc, s, e)
        for t in triggers:
            c = _candidate(doc, index, t, sentence_dates)
            if c:
                candidates.extend(_separate_meetings(doc, c, t))
                candidates.extend(_coordinated_meetings(doc, c, t, sentence_dates))
    merged = _attendees_joined(_merge([c for c in candidates if not c.joins_earlier]),
                               [c for c in candidates if c.joins_earlier])
    # a meeting told without its place takes the place of one the article tells of all its
    # participants and more ("روحانی در نیویورک با مکرون، جانسون و آبه دیدار کرد", then the
    # meeting with Macron alone)
    # and its day, when it tells none (the bilaterals "before the summit began")
    for c in merged:
        if c.modality != "in_person":
            continue
        larger = [m for m in merged if m.modality == "in_person" and set(c.participants) < set(m.participants)]
        if c.location is None:
            host = next((m for m in larger if m.location is not None), None)
            # ... or of all the people of the located meeting told before ("امیرعبداللهیان و فیصل
            # بن فرحان ... در پکن دیدار کردند", then "چین گانگ نیز با وزیران خارجه ایران و عربستان دیدار کرد")
            before = next((m for m in reversed(merged) if m.modality == "in_person" and m.location is not None
                           and m.sentence_index < c.sentence_index), None)
            if host is None and before is not None and set(before.participants) < set(c.participants) and (
                    c.date is None or before.date is not None and _dates_compatible(before, c)):
                host = before
            if host is not None:
                c.location, c.place_country = host.location, host.place_country
        if c.date is None:
            host = next((m for m in larger if m.date is not None), None)
            if host is not None:
                c.date, c.anchored = host.date, host.anchored
    _dates_from_referring_tellings(doc, merged)
    _dates_from_the_lead(doc, merged)
    # "روحانی در نیویورک با مکرون، جانسون و آبه دیدار کرد" when the article tells each of those
    # meetings: a summary of them, not one more
    merged = [c for c in merged if not _summarises(doc, c, merged) and not _a_visit_told_by_its_meeting(c, merged)
              and not _the_states_of_a_meeting_told_with_people(doc, c, merged)]
    # a meeting told without its place, of someone of the dateline's country, is at the dateline
    # ("دمشق-سانا ... بحث المقداد مع بيدرسون اليوم")
    # ... and one told of that very day, when the outlet reports from abroad ("تاشکند- ایرنا- ...
    # علی‌اف نیز عصر امروز در حاشیه اجلاس با رئیس‌جمهور کشورمان دیدار کرد")
    dateline = _dateline_place(doc)
    if dateline is not None:
        abroad = doc.outlet_country is not None and dateline.country_code != doc.outlet_country
        for c in merged:
            if c.location is not None or c.modality != "in_person":
                continue
            today = c.date is not None and doc.published is not None and c.date.event_date == doc.published
            if dateline.country_code in {doc.participant_country(p) for p in c.participants} or (abroad and today):
                c.location, c.place_country = dateline.entity_id, dateline.country_code
    return [_to_meeting(doc, c) for c in merged]


def _attendees_joined(merged: list[_Candidate], joining: list[_Candidate]) -> list[_Candidate]:
    """Who attended "the meeting" ("وحضر الاستقبال ...", "وشارك في الاجتماع ...") joins the
    in-person meeting told just before; without one, they are a meeting of their own."""
    for c in joining:
        earlier = [m for m in merged if m.modality == "in_person" and m.sentence_index < c.sentence_index]
        if earlier:
            host = max(earlier, key=lambda m: (m.sentence_index, m.position))
            host.participants += [p for p in c.participants if p not in host.participants]
        else:
            merged = _merge(merged + [c])
    return merged


def _dates_from_referring_tellings(doc: _Document, merged: list[_Candidate]) -> None:
    """"امیرعبداللهیان عصر دیروز در این گفت‌وگوی تلفنی با البوسعیدی ...": a meeting told before
    ("this call") and dated here gets that day, if it has none and the two share the names."""
    for h in doc.referring:
        clause = doc.clause_of(h.start)
        named = {m.entity_id for _, m in doc._mentions_in(clause.start, clause.end) if m.entity_type == "person"}
        if not named:
            continue
        date, anchored = _date_for(doc, clause, _sentence_dates(doc, *doc.sentences[clause.sentence]))
        if date is None or date.upcoming:
            continue
        for c in merged:
            if c.date is None and c.modality == h.row.modality and named <= set(c.participants):
                c.date, c.anchored = date, anchored
                break


# A sentence told of another time than the lead's: a past perfect ("وكان ... قد التقى",
# "دیدار کرده بود"), an earlier or a later occasion ("سابقا", "پیش از این", "المقبل", "آینده").
_EARLIER_OR_LATER = _folded_set(
    "سبق", "وسبق", "سبقت", "سابق", "سابقا", "سابقة", "السابق", "السابقة", "مؤخرا", "آنذاك", "حينها",
    "الماضي", "الماضية", "المقبل", "المقبلة", "القادم", "القادمة", "المرتقب", "المرتقبة",
    "قبلا", "قبلاً", "پیشتر", "پیش‌تر", "اخیرا", "اخیراً", "گذشته", "آینده", "آتی", "خواهد", "خواهند",
    "يرتقب", "ويرتقب", "يتوقع", "المتوقع",
    "earlier", "previously", "recently", "last", "ago", "next", "former", "will")
# "ويأتي هذا اللقاء بعد قمة جمعت كيم بترامب", "قبل ساعات من اجتماع ... بين ترامب ونتنياهو": a meeting
# after or before which something else happened is the other time of the sentence
_AFTER_OR_BEFORE = _phrases_re("بعد", "وبعد", "قبل", "وقبل", "پس از", "بعد از", "قبل از", "پیش از", "after", "before")
_WAS = _folded_set("كان", "كانت", "كانا", "كانتا", "كانوا")
_PERFECT_PARTICLE = _folded_set("قد")
_PERSIAN_PAST_PERFECT = _folded_set("بود", "بودند", "بودیم", "بودم")
_EARLIER_PHRASES = _phrases_re("پیش از این", "قبل از این", "قرار است", "قرار بود", "في وقت سابق", "من قبل")


def _lead_sentence(doc: _Document) -> int | None:
    """The sentence that opens the report: the dateline's ("بيروت - "الوطنية" - جال ..."), else the
    first one after a headline (a first line with no end mark), else the first."""
    dateline = _dateline_place(doc)
    if dateline is not None:
        return next((i for i, (s, e) in enumerate(doc.sentences) if s <= dateline.start < e), None)
    first_line = doc.body.split("\n", 1)[0].rstrip()
    start = 0
    if first_line and first_line[-1:] not in ".!?؟" and len(first_line) < len(doc.body.rstrip()):
        start = len(first_line)
    return next((i for i, (s, e) in enumerate(doc.sentences) if s >= start and doc.body[s:e].strip()), None)


def _another_time(doc: _Document, s: int, e: int, trigger: int) -> bool:
    """Whether a sentence tells of another time than the lead's: a marker of a past perfect, of an
    earlier or a later occasion, of what is planned or hoped for, "since", or "after" / "before"
    ahead of the meeting's word."""
    if _planned_in(doc, s, e) or _EARLIER_PHRASES.search(doc.view, s, e) or _AFTER_OR_BEFORE.search(doc.view, s, trigger):
        return True
    words = [w.group() for w in _WORD_RE.finditer(doc.view, s, e)]
    bare = [w[1:] if _with_clitic(w, "و", _WAS | _EARLIER_OR_LATER | _SINCE) else w for w in words]
    if any(w in _EARLIER_OR_LATER or w in _SINCE for w in bare):
        return True
    was = next((i for i, w in enumerate(bare) if w in _WAS), None)
    if was is not None and any(w in _PERFECT_PARTICLE for w in bare[was + 1:]):
        return True
    return any(w in _PERSIAN_PAST_PERFECT and words[i - 1].endswith("ه") for i, w in enumerate(words) if i)


def _same_day(a: DateMention, a_anchored: DateMention | None, b: DateMention, b_anchored: DateMention | None) -> bool:
    if a.event_date and b.event_date:
        return a.event_date == b.event_date
    da, db = a_anchored.event_date if a_anchored else None, b_anchored.event_date if b_anchored else None
    if da is not None and db is not None:
        return da == db
    return fold_phrase(a.text) == fold_phrase(b.text)


def _dates_from_the_lead(doc: _Document, merged: list[_Candidate]) -> None:
    """News tells the day of an occasion in its lead and details it after: "جال زكي أمس الاثنين على
    الرؤساء الثلاثة", then "استقبله عون ... فالتقى بري" with no day. A meeting told after the lead
    without a day, in a sentence with no date nor marker of another time, takes the lead's day when
    it has someone of the lead, and no sentence between tells another day."""
    lead = _lead_sentence(doc)
    if lead is None:
        return
    s, e = doc.sentences[lead]
    dates = [d for d in _sentence_dates(doc, s, e)
             if not _in_a_dateline(doc, d[0]) and not _since(doc, d[0]) and d[0].kind != "month"]
    if not dates or any(d.upcoming for d, _ in dates) or _planned_in(doc, s, e):
        return
    day, anchored = dates[0]
    if not all(_same_day(day, anchored, d, a) for d, a in dates[1:]):
        return  # two days in the lead: whose is the occasion's cannot be told
    people = {p for pos, p in doc.antecedents if s <= pos < e}
    if not people:
        return
    days_told: dict[int, list] = {}  # sentence index -> its dates, found once
    for c in sorted(merged, key=lambda c: c.sentence_index):
        if c.sentence_index <= lead:
            continue
        for i in range(lead + 1, c.sentence_index + 1):
            if i not in days_told:
                days_told[i] = list(_sentence_dates(doc, *doc.sentences[i]))
        if any(not _same_day(day, anchored, d, a) for i in range(lead + 1, c.sentence_index + 1)
               for d, a in days_told[i]):
            return  # the article has moved to another day
        if c.date is not None or c.modality != "in_person" or not people & set(c.participants):
            continue
        if days_told[c.sentence_index]:
            continue
        if _another_time(doc, *doc.sentences[c.sentence_index], c.position):
            continue
        c.date, c.anchored = day, anchored


def _with_list(doc: _Document, c: _Candidate) -> tuple[str, list[str]] | None:
    """The side and the others of "X ... with A and B": every participant but one (named before
    the clause's "with", or in the text before) named after it; else None."""
    if len(c.participants) < 3:
        return None
    clause = doc.clause_of(c.position)
    with_pos = _first_with(doc, clause)
    if with_pos is None and "host" in c.kinds and doc.language == "ar":
        with_pos = c.position + len(c.trigger)  # "يستقبل الرئيس السوري والرئيس الأوكراني": the guests
    if with_pos is None:
        return None
    after = {m.entity_id for _, m in doc._mentions_in(clause.start, clause.end) if m.start > with_pos}
    # ... or a title names them ("با وزیران نفت ونزوئلا و عراق")
    # ... or "his counterpart", the counterpart of the subject ("با همتای ایرانی خود و رئیس‌جمهور")
    for r in doc.roles:
        if with_pos < r.hit.start < clause.end and not r.appositive:
            after.update(doc._resolve_role(r, set(), c.participants[0] if r.counterpart else None)[0])
    # the side may be elided ("[Pompeo's] meeting with A and B") and come from the text before
    sides = [p for p in c.participants if p not in after]
    others = [p for p in c.participants if p not in sides]
    if len(sides) != 1 or not all(p in after for p in others):
        return None
    return sides[0], others


def _the_states_of_a_meeting_told_with_people(doc: _Document, c: _Candidate, merged: list[_Candidate]) -> bool:
    """"المغرب وإسبانيا يوقعان ... في ختام الاجتماع رفيع المستوى", then "ترأس أخنوش وسانشيز ...
    الاجتماع": a meeting of states the article tells with their people is that meeting."""
    if not c.participants or not all(p.startswith("country:") for p in c.participants):
        return False
    states = {p.split(":", 1)[1] for p in c.participants}
    told = [m for m in merged if m is not c and _may_be_one(m, c) and any(p.startswith("person:") for p in m.participants)]
    if any(states <= {doc.participant_country(p) for p in m.participants} for m in told):
        return True
    # ... or with their people met one by one by the same side ("ولي العهد ... يلتقي رئيسي أوزبكستان
    # وكازاخستان", then "استقبل ولي العهد، كلا على حدة، الرئيس الأوزبكي ... والرئيس الكازاخستاني ...")
    for side in {p for m in told for p in m.participants if p.startswith("person:")}:
        with_side = [m for m in told if side in m.participants]
        if len(with_side) >= 2 and states <= {doc.participant_country(p) for m in with_side for p in m.participants}:
            return True
    return False


def _a_visit_told_by_its_meeting(c: _Candidate, merged: list[_Candidate]) -> bool:
    """"امتدادا لزيارة قام بها السفير السعودي إلى صنعاء برفقة وفد عماني، حيث التقى ... المشاط": the
    visit's sentence tells the meeting held during it, with more people; the visit is that meeting."""
    return c.kinds == {"visit"} and any(
        m is not c and m.sentence_index == c.sentence_index and set(c.participants) < set(m.participants)
        and _may_be_one(m, c) for m in merged)


def _summarises(doc: _Document, c: _Candidate, merged: list[_Candidate]) -> bool:
    """Whether ``c`` is one side meeting a list of others "with" whom the article tells a meeting
    each."""
    listed = _with_list(doc, c)
    if listed is None:
        return False
    side, others = listed
    return all(any(m is not c and m.modality == c.modality and set(m.participants) == {side, p} for m in merged)
               for p in others)


# "دمشق-سانا", "الدوحة في 25 فبراير /قنا/", "بيروت، 3 آذار (أ ف ب) -": the place, perhaps its day, a cut
_DATELINE_CUT = re.compile(r"\s*(?:(?:في|،|,)\s*(?=[^\n/(]{0,30}\d)(?:[^\s/(–—-]+\s+){1,4})?[-–—/(:ـ]")
_DATELINE_SPAN = 400  # a dateline opens the body, after the headline


def _dateline_place(doc: _Document) -> Mention | None:
    """The city a wire report is filed from: a place opening a line and cut from the rest by a
    dash, a slash, a bracket or a colon ("دمشق-سانا", "موسكو/ الأناضول", "ريمبو (السويد) (أ ف ب) -",
    "برلين: «الشرق الأوسط»"), perhaps
    with the day between ("الدوحة في 25 فبراير /قنا/")."""
    for m in doc.mentions:
        if m.start > _DATELINE_SPAN:
            break
        if m.entity_type != "place" or not m.country_code or doc.body[:m.start].rstrip(" ")[-1:] not in ("", "\n"):
            continue
        if _DATELINE_CUT.match(doc.body, m.end):
            return m
    return None


def _host_of_a_meeting_named(doc: _Document, trigger: _Hit) -> bool:
    """"امامعلی رحمان رئیس‌جمهور تاجیکستان و میزبان نشست": "host of the summit" describes a person
    at a meeting told by its own word, it is not one more meeting."""
    if trigger.row.trigger_kind != "host":
        return False
    if trigger.tail:
        return _hosting_of_the_meeting_before(doc, trigger)
    following = doc.view[trigger.end:trigger.end + 30].split()[:1]
    return bool(following) and following[0].rstrip(_CLOSING_PUNCTUATION) in doc.rules.meeting_words(doc.language)


def _hosting_of_the_meeting_before(doc: _Document, trigger: _Hit) -> bool:
    """"وشارك في الاجتماع، الذي استضافته وزارة الخزانة": a relative clause on a meeting word, its
    hosting verb's pronoun that meeting; the meeting is told by its own word."""
    words = list(_WORD_RE.finditer(doc.view, max(0, trigger.start - 20), trigger.start))
    if doc.language != "ar" or not _possessive(doc, trigger) or not words or words[-1].group() not in _RELATIVES:
        return False
    head_end = words[-1].start()
    return any(t.row.trigger_kind != "host" and t.end <= head_end and not doc.view[t.end:head_end].strip(" ،,")
               for t in doc.triggers)


def _before_its_that(doc: _Document, i: int) -> int:
    """The index of the clause that opens clause ``i``'s sentence part: back past each clause that
    starts at a "that" ("من المقرر | أن يلتقي"), within the sentence."""
    while doc.clauses[i].after_that and i > 0 and doc.clauses[i - 1].sentence == doc.clauses[i].sentence:
        i -= 1
    return i


def _excluded(doc: _Document, trigger: _Hit) -> bool:
    """An exclusion marker in the trigger's clause, or before a "that" that opens it; or one of
    the meeting noun itself: expected or negated just after it, being prepared just before it."""
    clause = doc.clause_of(trigger.start)
    i = _before_its_that(doc, doc.clauses.index(clause))
    start = doc.clauses[i].start
    if doc.language == "ar" and doc.rules.arabic_words and _future_verb_governs(doc, clause, trigger):
        return True
    if i > 0 and doc.clauses[i - 1].sentence == clause.sentence and _WHERE_RE.match(doc.view, start):
        # "ومن المقرر أن يتوجه البابا غدا إلى أربيل، حيث يستقبله بارزاني": what happens where a
        # planned visit goes is planned too (the clause before, and the one before its "that")
        j = _before_its_that(doc, i - 1)
        if any(doc.clauses[j].start <= x.start < start and x.row.kind in _PLAN_KINDS for x in doc.exclusions):
            return True
    if _with_a_news_outlet(doc, clause, trigger):
        return True
    if any(start <= t.start < clause.end and (_word_before(doc, t.start) in _NO or _with_clitic(
            _word_before(doc, t.start), "وف", _NO)) for t in doc.triggers) and not _EXCEPT_RE.search(
            doc.view, trigger.end, clause.end):
        # "لا لقاء مبرمجا بين المشري وصالح خلال الزيارتين", "هیچ دیداری", "لم يلتقيا" (but "لم يلتقيا
        # سوى مرة واحدة في العام 2005": they met, once)
        return True
    if trigger.row.trigger_kind == "visit" and _invited_to(doc, trigger):
        return True
    for x in doc.exclusions:
        kind = x.row.kind
        if kind in (EXPECTED, NEGATED):
            if _ATTRIBUTE_GAP.fullmatch(doc.view, trigger.end, x.start):
                return True
        elif kind == PREPARATION:
            if _PREPARATION_GAP.fullmatch(doc.view, x.end, trigger.start):
                return True
        elif kind != SPORT and start <= x.start < clause.end:
            if trigger.row.modality == "phone" and x.start >= trigger.end and \
                    _marks_a_later_meeting_word(doc, trigger, x):
                continue
            between = doc.view[min(x.end, trigger.end):max(x.start, trigger.start)]
            if kind == REFUSAL and _COMMENT_WORDS & set(between.split()):
                continue  # "رفض ماكرون كشف تفاصيل اتصاله": what is refused is to speak about it
            if _word_before(doc, x.start) in _TOPIC_WORDS and not any(
                    x.end <= t.start and len(doc.view[x.end:t.start].split()) <= 1
                    and not doc._mentions_in(x.end, t.start) for t in doc.triggers):
                # "درباره پیشنهادهای فرانسه گفت‌وگو کرده بود": proposals were the topic (but
                # "درباره احتمال دیدار": the meeting spoken about is only possible)
                continue
            return True
    return False


# a clause of the place the clause before it names ("..., حيث يستقبله"), and the kinds of marker
# that clause passes on to it
_WHERE_RE = re.compile(r"\s*و?ح[يی]ث\s")  # the view folds ي to ی
_PLAN_KINDS = frozenset({"future", "planned", "hope"})


_DURATION_WORDS = 4  # "بعد ثلاثة أيام من"


_WELCOMED = _folded_set("استقبال کرد", "استقبال کردند", "استقبال کرده", "استقبال نمود")


def _welcomed_a_thing(doc: _Document, trigger: _Hit) -> bool:
    """"از اعلام آتش‌بس در یمن استقبال کرد": Persian "از X استقبال کرد" receives a person but
    welcomes a thing; with no one named, no title and no pronoun or delegation in its "از" phrase
    (from the clause's last "از" to the verb), it is a welcome, not a reception."""
    if doc.language != "fa" or trigger.row.trigger_kind != "host" or \
            fold_phrase(doc.view[trigger.core:trigger.end]) not in _WELCOMED:
        return False
    clause = doc.clause_of(trigger.start)
    words = list(_WORD_RE.finditer(doc.view, clause.start, trigger.start))
    froms = [w for w in words if w.group() in _FROM]
    if not froms:
        return False
    start = froms[-1].end()
    phrase = set(doc.view[start:trigger.start].split())
    # (a country after "در" is where the thing is: "آتش‌بس در یمن")
    return not any(m.entity_type in ("person", "organization") or (m.entity_type == "country" and not _is_locative(doc, m))
                   for _, m in doc._mentions_in(start, trigger.start)) \
        and not any(start <= r.hit.start < trigger.start for r in doc.roles) \
        and not phrase & (_PRONOUNS | _DELEGATIONS)


def _a_meeting_another_comes_after(doc: _Document, trigger: _Hit) -> bool:
    """"وتأتي قمة العقبة بعد ثلاثة أيام من قمة ثلاثية جمعت A وB وC": a meeting word that only
    dates itself by another meeting, after or before it in its clause with no one named between
    (a place may be: its own name), is not told here; the people named belong to the other meeting."""
    clause = doc.clause_of(trigger.start)
    for t in doc.triggers:
        if t.start < trigger.end or t.start >= clause.end or t.row.modality != trigger.row.modality:
            continue
        between = (trigger.end, t.start)
        if any(m.entity_type != "place" for _, m in doc._mentions_in(*between)) or any(between[0] <= r.hit.start < between[1] for r in doc.roles):
            return False
        # "بعد [ثلاثة أيام] من قمة", "[سه روز] پس از نشست": the word governs the other meeting (not
        # "پس از آن", after that, nor a clause joined by "and": "مذاکرات ... برگزار کرد و ... پس از آن در
        # یک نشست خبری")
        words = doc.view[between[0]:between[1]].split()
        if any(w in _AND for w in words):
            return False
        found = list(_AFTER_OR_BEFORE.finditer(doc.view, *between))
        if not found:
            return False
        rest = doc.view[found[-1].end():between[1]].split()
        demonstratives = _DEMONSTRATIVES.get(doc.language, frozenset())
        return len(rest) <= _DURATION_WORDS and not any(w in demonstratives for w in rest)
    return False


def _marks_a_later_meeting_word(doc: _Document, trigger: _Hit, x) -> bool:
    """The marker after a call belongs to a meeting word after it, which it follows closely or
    comes right before: "در تماسی تلفنی بر برگزاری دیدار دوجانبه در آینده نزدیک توافق کرده بودند"
    (the call took place; the meeting is to come)."""
    for t in doc.triggers:
        if t.start < trigger.end or t.row.modality == "phone":
            continue
        if t.end <= x.start and len(doc.view[t.end:x.start].split()) <= 3:
            return True
        if x.end <= t.start and len(doc.view[x.end:t.start].split()) <= 1:
            return True
    return False


def _invited_to(doc: _Document, trigger: _Hit) -> bool:
    """"دعا كيم ترامب لزيارة بيونغ يانغ": a visit someone is invited to is still to come (unless
    made at the invitation: "بدعوة من", "تلبية لدعوة")."""
    clause = doc.clause_of(trigger.start)
    # the inviting verb stands before the visit in Arabic, after it in Persian ("برای سفر به تهران
    # دعوت کرد"); its clause is the visit's
    words = [w.group() for w in _WORD_RE.finditer(doc.view, clause.start, clause.end)]
    for i, word in enumerate(words):
        if word.rstrip(_CLOSING_PUNCTUATION) in _INVITING and not (i and words[i - 1] in _AT_THE_INVITATION):
            return True
    return False


def _with_a_news_outlet(doc: _Document, clause: _Clause, trigger: _Hit) -> bool:
    """"در گفت‌وگو با الجزیره", "في حديث مع شبكة سي إن إن": talking with a news outlet is an
    interview; the outlet may follow a word for what it is ("شبکه", "قناة")."""
    if not doc.rules.news_outlets:
        return False
    words = list(_WORD_RE.finditer(doc.view, trigger.end, min(clause.end, trigger.end + 60)))
    own = doc.view[trigger.core:trigger.end].split()
    if own and own[-1] in _WITH:
        start = trigger.end
    elif words and (words[0].group() in _WITH or words[0].group() in ("ب", "ل")):
        start = words[0].end()  # "في اتصال هاتفي ب "الجوهرة أف أم""
    elif words and words[0].group()[:1] in "بل":
        start = words[0].start() + 1  # "في اتصال هاتفي بالجزيرة"
    else:
        return False
    window = [w for w in words if w.start() >= start][:3]
    end = window[-1].end() if window else start
    return any(m.entity_id in doc.rules.news_outlets for _, m in doc._mentions_in(start, end))


def _future_verb_governs(doc: _Document, clause: _Clause, trigger: _Hit) -> bool:
    """A future verb the seed does not list, before the meeting word in its clause ("ستتضمن زيارة",
    "ستشمل لقاء") or right after it ("القمة التي ستعقد"); one further on belongs to another
    predicate ("لقاء مع أوبرادور الذي ... وسيتولى مهماته")."""
    for m in _WORD_CHARS.finditer(doc.view, clause.start, clause.end):
        if not doc.rules.is_arabic_future_verb(m.group()):
            continue
        if m.start() < trigger.start or _ATTRIBUTE_GAP.fullmatch(doc.view, trigger.end, m.start()):
            return True
    return False


def _about_sport(doc: _Document, index: int) -> bool:
    s, e = doc.sentences[index]
    return any(x.row.kind == SPORT and s <= x.start < e for x in doc.exclusions)


def _sentence_dates(doc: _Document, s: int, e: int) -> list[tuple[DateMention, DateMention]]:
    text = doc.body[s:e]
    real = find_dates(text, doc.language, doc.published, doc.dates)
    anchored = find_dates(text, doc.language, doc.published or _COMPARISON_ANCHOR, doc.dates)
    by_span = {(d.start, d.end): d for d in anchored}

    def shift(d: DateMention) -> DateMention:
        event = d.event_date
        if event and doc.published and event > doc.published:
            event = None  # never after publication
        return DateMention(d.start + s, d.end + s, d.text, event, d.kind, d.upcoming)
    return [(shift(d), shift(by_span.get((d.start, d.end), d))) for d in real]


def _candidate(doc: _Document, index: int, t: _Hit, sentence_dates) -> _Candidate | None:
    clause = doc.clause_of(t.start)
    topic = _is_topic_trigger(doc, t)
    attendees: list[str] = []
    this_meeting = False  # the sentence tells who attended "this meeting", one told before
    if topic:
        # "با اشاره به دیدار وزرای خارجه ...", "حول لقاء ...": the meeting is what someone speaks
        # about; its participants follow it, the speaker before it is not one of them
        participants, unresolved = _clause_actors(doc, replace(clause, start=t.start), None)
    else:
        presence = _PRESENCE_RE.search(doc.view, t.end, clause.end)
        if presence is None and doc.language == "fa":
            # Persian puts it before its verb: "در نشستی با حضور موگرینی و وزیران ... گفت‌وگو کرد"
            presence = _PRESENCE_RE.search(doc.view, clause.start, t.start)
        if presence is None:
            # "در این دیدار که با حضور سانتوس ... برگزار شد، ظریف ... گفت‌وگو کرد": who attended
            # the meeting named in a relative clause before the verb's
            attendees, this_meeting = _attendees_of_a_meeting_before(doc, clause)
        if presence:
            # "التقيا الأربعاء في أبوظبي بحضور المبعوث الأممي": who attended joins the meeting,
            # but is not who met; the subject is still to be found
            attendees, _ = _clause_actors(doc, replace(clause, start=presence.start()), None)
            clause_before = replace(clause, end=presence.start())
            participants, unresolved = _clause_actors(doc, clause_before, t)
        else:
            participants, unresolved = _clause_actors(doc, clause, t)
    gathered_from = None
    if not topic and _GATHERED_RE.match(doc.view, t.end):
        # "وقّع وزراء خارجية A وB وC ...، خلال لقاء جمعهم برئيس الجمهورية X": the pronoun is the
        # sentence's subject, whom the meeting brought together with X
        for previous in _clauses_before(doc, clause):  # (past a quoted name: its own segment)
            subjects = _clause_actors(doc, previous, None)[0]
            if subjects:
                participants = [p for p in subjects if p not in participants] + participants
                gathered_from = previous  # and its day ("وقّع ...، أمس الاثنين، ...")
                break
    subject = None if topic else _subject_for_then(doc, clause, participants)
    if subject is not None:
        participants = [subject] + participants
    if len(participants) < 2 and not topic and "ال" not in t.prefix:
        # (the title in "دو رئیس‌جمهور" may have named one of them on its own; "المحادثات بين
        # الرئيسين" refers to talks told before)
        few, subject = _the_few_named_before(doc, clause)
        if not few and not participants:
            # "وعقد الوزيران، قبيل حفل الافتتاح، جلسة مباحثات": the phrase is the subject of the
            # sentence's clause before, past an aside naming no one
            segment = _segment(doc, clause)
            for previous in segment[max(segment.index(clause) - 2, 0):segment.index(clause)][::-1]:
                few, subject = _the_few_named_before(doc, replace(previous, end=clause.end))
                if few or doc._mentions_in(previous.start, previous.end):
                    break
        participants = subject + few if few else participants
    borrowed_before, date_clause = False, clause if gathered_from is None else gathered_from
    if not participants and not topic:
        # an elided subject: the actors of the clause before, else after, in the same segment; an
        # apposition naming nobody ("، الرجل القوي في شرق البلاد،") stands between a subject and its verb
        segment = _segment(doc, clause)
        i = segment.index(clause)
        before = segment[max(i - 1, 0):i]
        if before and i >= 2 and _plural_verb(doc, t) and not doc._mentions_in(before[0].start, before[0].end) and \
                not any(before[0].start <= r.hit.start < before[0].end for r in doc.roles):
            before = [segment[i - 2]]
        if before and i >= 2 and _AT_THE_INVITATION_RE.match(doc.view, before[0].start):
            before = [segment[i - 2]]  # "...، بدعوة من أمير قطر، ثم عقدا": who invited is not the subject
        # (not from a clause after "و سپس": that is a later event's)
        after = [c for c in segment[i + 1:i + 2] if not _opens_with_then(doc, c)]
        for other in before + after:
            text = doc.view[other.start:other.end]
            if _PRESENCE_RE.match(doc.view, other.end - len(text.lstrip())):
                continue  # who attended or sponsored is not who met
            participants, more = _clause_actors(doc, other, None)
            unresolved |= more
            if participants:
                if other.end <= clause.start and _planned_in(doc, other.start, other.end):
                    # "قرار است وزیر کشور عراق ... با علی شمخانی، دبیر ...، دیدار کند": the subject's
                    # clause says the meeting is only planned
                    return None
                borrowed_before = other.end <= clause.start
                break
    if not topic and doc.language == "fa" and (not participants or borrowed_before):
        # the clause lent may be the partner's "with" phrase alone ("آبه، نخست‌وزیر ژاپن، امروز ...
        # با حسن روحانی، رئیس‌جمهوری کشورمان، دیدار کرد"): the subject stands before it
        found, more, with_clause = _persian_with_phrase_before(doc, clause)
        if len(found) > len(participants):
            if _planned_in(doc, _segment_span(doc, clause)[0], clause.start):
                return None  # "قرار است X، ...، با Y، ...، دیدار کند"
            participants, unresolved = found, unresolved | more
            # its day too, before one of a relative clause on the subject ("نخست‌وزیر هند که شامگاه
            # یکشنبه وارد تهران شده بود، عصر دیروز با ... دیدار کرد")
            date_clause = with_clause
    if len(participants) == 1 and not topic:
        participants += [p for p in _with_phrase_after(doc, clause, t) if p not in participants]
    if len(participants) == 1 and participants[0].startswith("person:") and \
            _BOTH_SIDES_RE.search(doc.view, clause.start, clause.end):
        # "باقری ...، در مراسمی مورد استقبال آکار قرار گرفت و دو طرف ... گفت‌وگو کردند": the other
        # side is the sentence's subject, in the clause before
        subject = _subject_before(doc, clause)
        if subject is not None and subject not in participants:
            participants.insert(0, subject)
    attended = not topic and _attended(doc, t)
    if attended:
        # "وشارك في الاجتماع، الذي دعت إليه الوزيرة زواتي، كل من الوزير الملا، والوزير طعمة":
        # those who took part are named through the rest of the sentence
        segment = _segment(doc, clause)
        for later in segment[segment.index(clause) + 1:]:
            participants += [p for p in _clause_actors(doc, later, None)[0] if p not in participants]
    if len(participants) == 1 and not topic and _opens_with_its_verb(doc, clause, t):
        # "حيث التقى وزير الخارجية السوري فيصل المقداد": the one named is the object; the subject
        # is elided and was named in the clause before
        segment = _segment(doc, clause)
        i = segment.index(clause)
        for previous in segment[max(i - 2, 0):i][::-1]:  # past an aside that names no one
            subjects, _ = _clause_actors(doc, previous, None)
            if subjects:
                participants = [p for p in subjects if p not in participants] + participants
                break
        else:
            # "وكان سموه قد زار أديس أبابا ...، حيث التقى رئيس الوزراء الإثيوبي": the subject is
            # "his Highness" of the clause before, the one last called "سمو"
            honored = _honorific_named_at(doc, clause, t, first_titled=True)
            subject = next((p for pos, p in doc.antecedents if honored is not None and honored <= pos < clause.start
                            and p.startswith("person:") and p not in participants), None)
            if subject is not None:
                participants = [subject] + participants
    elif len(participants) == 1 and not topic and _then_went_and_met(doc, clause, t):
        # "زار X بعبدا حيث استقبله عون، ثم انتقل إلى عين التينة فالتقى بري": a visitor's next
        # stop; the subject is the sentence's, not the host of the stop before
        segment = _segment(doc, clause)
        subjects = _clause_actors(doc, segment[0], None)[0] if segment[0] is not clause else []
        seg_start = segment[0].start
        subject = subjects[0] if subjects else next(
            (p for pos, p in reversed(doc.antecedents) if pos < seg_start and p.startswith("person:")), None)
        if subject is not None and subject not in participants:
            participants = [subject] + participants
    elif len(participants) == 1 and not topic and (earlier := _the_same_with_phrase_before(doc, clause, t)):
        # "رهبر انقلاب در دیدار با رئیس‌جمهور ترکیه، ... و در دیدار با رئیس‌جمهور روسیه نیز ...":
        # a second "in the meeting with" of the sentence is its subject's too
        subjects, _ = _clause_actors(doc, doc.clause_of(earlier.start), earlier)
        if subjects and subjects[0] not in participants:
            participants = subjects[:1] + participants
    elif len(participants) == 1 and not topic and (held_by := _subject_holding_it(doc, clause, t)):
        # "وكان الرئيس تبون قد أجرى أمس، قبيل افتتاح القمة، محادثات مع أمير قطر": the meeting
        # noun is the object of a verb of holding, past an aside; its subject is that verb's
        if held_by not in participants:
            participants = [held_by] + participants
    elif len(participants) == 1 and not topic and _only_its_partner_named(doc, clause, t):
        # "وكان أردوغان قد هنأ هرتسوغ ...، قبل أن يتلقى ... اتصالا هاتفيا من ... نفتالي بينيت": the
        # subject is elided; it is the first named in the sentence's first clause that names anyone
        segment = _segment(doc, clause)
        for previous in segment[:segment.index(clause)]:
            subjects, _ = _clause_actors(doc, previous, None)
            if subjects:
                participants = [p for p in subjects[:1] if p not in participants] + participants
                break
    if len(participants) >= 2 and not topic:
        # "... محادثات مع أمير قطر، ثم مع الرئيس التونسي": the next partner, in a clause of its own
        participants += [p for p in _then_with_after(doc, clause) if p not in participants]
    if not topic and t.row.modality != "phone":
        # "... مذاکره در پکن میان علی شمخانی، دبیر ...، و مساعد العیبان، مشاور ...، با حضور وانگ یی، ...":
        # the list goes on past its appositions, and who chaired or attended joins the meeting
        participants += [p for p in _joined_after(doc, clause) if p not in participants]
    participants += [a for a in _attendees_joining(attendees, participants) if a not in participants]
    participants = _without_a_side_alone(doc, participants)
    if not topic and _one_side_with_others_unnamed(doc, clause, participants):
        return None
    phone = t.row.modality == "phone"
    date_spans = [(d.start, d.end) for d, _ in sentence_dates]
    place = None if phone else _place_for(doc, t, clause, date_spans)
    if len(participants) < 2:
        # one person at a named place with an unnamed group of others (not of the person's own
        # country: "زيارة الصفدي هي الأولى لوزير خارجية أردني" names Safadi twice)
        if not (len(participants) == 1 and place is not None and unresolved
                and participants[0].startswith("person:")):
            return None
        # (a group: one unknown person, "علیرضا عنایتی سفیر جدید کشورمان ... در دیدار با ولید
        # الخریجی", is the other party of a meeting the lexicon cannot tell)
        if all(r.singular for r in doc.roles if clause.start <= r.hit.start < clause.end):
            return None
        own = doc.participant_country(participants[0])
        roles = [r for r in doc.roles if clause.start <= r.hit.start < clause.end and r.countries]
        if own and roles and all(set(r.countries) == {own} for r in roles):
            return None
    if all(p.startswith("country:") for p in participants) and _about_sport(doc, index):
        return None  # national teams
    if phone and not any(p.startswith("person:") for p in participants):
        return None  # people call; countries in a call's clause are what it was about
    dated_here = any(clause.start <= d.start < clause.end for d, _ in sentence_dates)
    date, anchored = _date_for(doc, clause if dated_here else date_clause, sentence_dates)
    if date is not None and date.upcoming:
        return None  # dated after publication: a meeting to come ("القمة ... الاثنين 16 تموز")
    s, e = doc.sentences[index]
    return _Candidate(index, t.start, t.row.modality, {t.row.cameo_code}, {t.row.trigger_kind},
                      participants, place.entity_id if place else None,
                      place.country_code if place else None, date, anchored, doc.body[s:e],
                      doc.body[t.start:t.end], joins_earlier=attended and "ال" in t.prefix or this_meeting and bool(attendees))


# who chaired a meeting took part in it ("اجتماعاً ... جمع A وB، برئاسة الرئيس C")
_CHAIRED_RE = _phrases_re("برئاسة", "وبرئاسة", "تحت رئاسة", "به ریاست", "با ریاست", "chaired by")
# words a title opens with, that follow "and" in a list of people ("، ورئيس حكومة الوفاق ... فايز السراج")
_TITLE_WORDS = _folded_set(
    "رئيس", "رئيسة", "الرئيس", "الرئيسة", "وزير", "وزيرة", "قائد", "أمين", "الأمين", "نائب", "ولي", "الملك",
    "الأمير", "الشيخ", "ممثل", "المبعوث", "مبعوث", "سفير", "السفير", "مستشار", "المستشار", "زعيم",
    "رئیس", "وزیر", "دبیر", "معاون", "نماینده", "سفیر", "فرمانده", "مشاور", "رهبر")
_ASIDE_WORDS = 10  # an apposition ("، دبیر شورای عالی امنیت ملی کشورمان،") is short


def _ends_with_a_name(doc: _Document, start: int, end: int) -> Mention | None:
    """The person a stretch of text ends with, bare or with a short apposition that opens with a
    title ("میان ظریف، وزیر امور خارجه ایران"); None if it ends otherwise."""
    persons = [m for _, m in doc._mentions_in(start, end) if m.entity_type == "person"]
    if not persons:
        return None
    last = persons[-1]
    tail = doc.view[last.end:end].strip(" " + _CLOSING_PUNCTUATION)
    if not tail:
        return last
    tail_start = end - len(doc.view[last.end:end].lstrip(" " + _CLOSING_PUNCTUATION))
    if _PRESENCE_RE.match(doc.view, tail_start):
        return last  # "... خليفة حفتر برعاية اماراتية"
    titled = any(tail_start <= r.hit.start <= tail_start + 2 for r in doc.roles)
    return last if titled and len(tail.split()) <= _ASIDE_WORDS else None


# "لقاء جمعهم بـ", "الاجتماع الذي جمعه بـ": the meeting brought them (named before) together with ...
_GATHERED_WORDS = _alternatives('جمعه', 'جمعها', 'جمعهما', 'جمعهم', 'جمعته', 'جمعتها', 'جمعتهما', 'جمعتهم')
_GATHERED_RE = re.compile(rf" +(?:(?:{_alternatives('الذي', 'التي')}) +)?(?:{_GATHERED_WORDS})(?!\w)")
_AND_THAT_RE = re.compile(rf"(?:{_alternatives('وذلك', 'ذلك')}) +")


def _after_and_a_gentilic(doc: _Document, start: int, m: Mention) -> bool:
    """"، والمصري سامح شكري": right before the name, a country's adjective with "and" on it,
    after a comma."""
    g = next((g for _, g in doc._mentions_in(start, m.start) if g.alias_kind == "gentilic"
              and not doc.view[g.end:m.start].strip()), None)
    if g is None or g.start < 2 or doc.view[g.start - 1] != "و":
        return False
    return doc.view[start:g.start - 1].rstrip().endswith(("،", ",")) or not doc.view[start:g.start - 1].strip()


def _joined_after(doc: _Document, clause: _Clause) -> list[str]:
    """The people the clauses after a meeting word's own add to its meeting, within the sentence:
    a list that goes on past an apposition ("میان علی شمخانی، دبیر ...، و مساعد العیبان، مشاور ...")
    and a clause that opens with "in the presence of" or "chaired by" ("، برئاسة فخامة الرئيس
    إسماعيل عمر جيله، وبحضور ... آبي أحمد"). Short asides that name no one are passed over; any
    other clause ends the search."""
    segment = _segment(doc, clause)
    # a list is in progress when the meeting's clause ends with a person's name
    listing = _ends_with_a_name(doc, clause.start, clause.end) is not None
    out: list[str] = []
    for later in segment[segment.index(clause) + 1:]:
        text = doc.view[later.start:later.end]
        lead = later.end - len(text.lstrip())
        if any(later.start <= h.start < later.end for h in doc.triggers):
            break  # another meeting's clause
        persons = [m for _, m in doc._mentions_in(later.start, later.end) if m.entity_type == "person"]
        # "، وذلك بحضور وليد المعلم": "and that" before the phrase refers to the meeting
        that = _AND_THAT_RE.match(doc.view, lead)
        presence_at = that.end() if that else lead
        if _PRESENCE_RE.match(doc.view, presence_at) or _CHAIRED_RE.match(doc.view, presence_at):
            found = [p for p in _clause_actors(doc, later, None)[0] if p.startswith("person:")]
            if not found:
                break
            out += found
            listing = _ends_with_a_name(doc, later.start, later.end) is not None
            continue
        if not persons and len(text.split()) <= _ASIDE_WORDS:
            continue  # an apposition or an aside
        words = text.split()
        after_and = lead + 2 if words and words[0] == "و" else lead + 1 if words and words[0].startswith("و") else None
        # "، و مساعد بن محمد العیبان"; "، ورئيس حكومة الوفاق الوطني الليبية فايز السراج": a name or a title
        # right after "and"
        first = None if after_and is None else doc._mention_at(after_and)
        named_first = first is not None and first[1].entity_type == "person" and first[1].end <= persons[0].end
        next_word = doc.view[after_and:later.end].split(None, 1)[:1] if after_and is not None else []
        titled_first = bool(persons) and after_and is not None and (
            any(lead <= r.hit.start <= after_and for r in doc.roles)
            or (bool(next_word) and (next_word[0] in _TITLE_WORDS or next_word[0] in _HONORIFICS)))
        if listing and (named_first or titled_first) and _ends_with_a_name(doc, later.start, later.end) is not None:
            out += [m.entity_id for m in persons]  # "، و مساعد بن محمد العیبان،": the list goes on
            continue
        if listing and persons:
            # "مع نظيريه الجزائري A، وزير ...، والمصري B": past a title in apposition, "and", a
            # counterpart's country and the next name
            joined = next((m for m in persons if _after_and_a_gentilic(doc, later.start, m)), None)
            if joined is not None and _ends_with_a_name(doc, later.start, later.end) is not None:
                out += [m.entity_id for m in persons if m.start >= joined.start]
                continue
        break
    return list(dict.fromkeys(out))


def _first_with(doc: _Document, clause: _Clause) -> int | None:
    """Where the clause's first "with" ("با", "مع", ...) stands."""
    return next((m.start() for m in _WORD_RE.finditer(doc.view, clause.start, clause.end) if m.group() in _WITH),
                None)


def _opens_with_then(doc: _Document, clause: _Clause) -> bool:
    """A clause cut at "کرد و سپس": the next of two events told in one sentence."""
    return doc.language == "fa" and _THEN_RE.match(doc.view, clause.start) is not None


def _subject_for_then(doc: _Document, clause: _Clause, participants: list[str]) -> str | None:
    """"ظریف ... ابتدا با A دیدار کرد و سپس با B گفت‌وگو کرد": the clause after "و سپس" shares the
    sentence's subject (its first person named), not the earlier event's partner; None where the
    clause names its own subject (someone before its "with") or the sentence names no one."""
    if not _opens_with_then(doc, clause):
        return None
    with_pos = _first_with(doc, clause)
    with_pos = clause.end if with_pos is None else with_pos
    if any(m.entity_type == "person" for _, m in doc._mentions_in(clause.start, with_pos)):
        return None
    seg_start, _ = _segment_span(doc, clause)
    subject = next((p for pos, p in doc.antecedents if seg_start <= pos < clause.start and p.startswith("person:")),
                   None)
    return subject if subject not in participants else None


def _planned_in(doc: _Document, start: int, end: int) -> bool:
    """A marker of a meeting only planned, hoped for or refused between ``start`` and ``end``."""
    return any(start <= x.start < end and x.row.kind in _CLAUSE_EXCLUSION_KINDS for x in doc.exclusions)


def _the_few_named_before(doc: _Document, clause: _Clause) -> tuple[list[str], list[str]]:
    """"دو وزیر امروز ... با یکدیگر دیدار کردند", "التقى الوزيران", "استقبل ترامب الوزراء الثلاثة":
    the two (three, four) people last named before (within three sentences), if the sentence that
    completes them names no more; and the one named right before the phrase, whose object they are."""
    found = [(m, 2) for m in [_THE_TWO_RE.search(doc.view, clause.start, clause.end)] if m]
    found += [(m, _THE_FEW[m.group()]) for m in [_THE_FEW_RE.search(doc.view, clause.start, clause.end)] if m]
    if not found:
        return [], []
    two, n = min(found, key=lambda f: f[0].start())
    kind = _THE_TWO_OFFICES.get(two.group()) or _THE_FEW_OFFICES.get(two.group())
    after = _NEXT_WORD.match(doc.view, two.end())
    if doc._mention_at(two.end() + 1) or (after and _is_gentilic(after.group("word"))):
        return [], []  # "الرئيسين الأمريكي والروسي": the two are said
    # "استقبل الرئيس الأمريكي دونالد ترامب الوزراء الثلاثة": the verb's subject, named (and titled)
    # right before its object
    subject = next((m for m in doc.mentions if m.entity_type == "person" and m.end <= two.start()
                    and clause.start <= m.start and not doc.view[m.end:two.start()].strip()), None)
    s, _ = doc.sentences[clause.sentence]
    if any(s <= r.hit.start < clause.end and not (two.start() <= r.hit.start < two.end())
           and not (subject is not None and r.appositive == subject.entity_id) for r in doc.roles):
        return [], []  # "وزير المال التركي ... نظيره الألماني ...، وتوافق الوزيران": the two the sentence tells of
    persons: list[str] = []
    # who the clause itself names is not one of them: the host, or who attended ("استقبل ... الخصاونة
    # الوزراء الثلاثة بحضور زواتي")
    here = {m.entity_id for _, m in doc._mentions_in(clause.start, clause.end)}
    for index in range(clause.sentence, max(clause.sentence - 4, -1), -1):
        s, e = doc.sentences[index]
        named = [p for pos, p in reversed(doc.antecedents) if s <= pos < min(e, clause.start)]
        persons += [p for p in dict.fromkeys(named) if p not in persons and p not in here and doc.may_hold(p, kind)]
        if len(persons) >= n:
            if len(persons) > n:
                return [], []
            return persons, [subject.entity_id] if subject is not None and subject.entity_id not in persons else []
    return [], []


def _plural_verb(doc: _Document, t: _Hit) -> bool:
    """A meeting verb of two or more ("التقيا", "دیدار کردند"): its subject was named before."""
    if doc.language == "ar":
        return t.tail == "ا"
    after = doc.view[t.end:t.end + 20].split()[:1]
    return bool(after) and after[0].rstrip(_CLOSING_PUNCTUATION) in _PLURAL_LIGHT_VERBS


_ATTENDANCE_RE = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(fold_phrase(w)) for w in (
    "شارك في", "وشارك في", "شاركت في", "وشاركت في", "شارك فی", "حضر", "وحضر", "وحضرت", "حضرت")) + r") *$")


def _attended(doc: _Document, trigger: _Hit) -> bool:
    """"وشارك في الاجتماع ...", "وحضر اللقاء ...": the meeting word follows a verb of taking part."""
    return bool(_ATTENDANCE_RE.search(doc.view, max(0, trigger.start - 20), trigger.start))


# a country right after a word of visiting is where someone goes ("قبل أن يزور السعودية والأردن")
_VISIT_WORDS = _folded_set("يزور", "تزور", "زار", "زارت", "سيزور", "ستزور", "يزوران", "زاروا", "زيارة", "زيارته",
                           "زيارتها", "visit", "visits", "visited")
_PLURAL_ROLE_IN = re.compile(r" *(?:و\w+ +)?(?:في|فی|در) +")  # "وزراء الطاقة [والنفط] في ..."
# past-tense meeting verbs (a present one, "يلتقي", is mostly what is to come; a noun, "زيارة", has
# no subject of its own)
_PAST_MEETING_VERBS = _folded_set("التقى", "التقت", "اجتمع", "اجتمعت", "استقبل", "استقبلت", "زار", "زارت")
_CLAUSE_EXCLUSION_KINDS = frozenset({"future", "planned", "hope", REFUSAL})
_CLAUSE_OPENERS = _folded_set("و", "ثم", "كما", "حيث", "وحيث", "فيما", "قد", "وقد", "ف")


_THEN_WORDS = _folded_set("ثم", "وبعدها", "بعدها")


def _then_went_and_met(doc: _Document, clause: _Clause, trigger: _Hit) -> bool:
    """"ثم انتقل إلى عين التينة فالتقى رئيس مجلس النواب": an Arabic clause opening with "then",
    a verb of going and the meeting verb joined by "ف", no one named before it."""
    words = doc.view[clause.start:trigger.start].split()
    return doc.language == "ar" and len(words) >= 2 and words[0] in _THEN_WORDS and "ف" in trigger.prefix \
        and not doc._mentions_in(clause.start, trigger.start) \
        and not any(clause.start <= r.hit.start < trigger.start for r in doc.roles)


def _opens_with_its_verb(doc: _Document, clause: _Clause, trigger: _Hit) -> bool:
    """An Arabic clause that starts with its meeting verb ("حيث التقى", "ثم استقبل"): verb-subject
    order with the subject elided, when only its object is named."""
    if doc.language != "ar" or trigger.tail:
        return False
    words = [w for w in doc.view[clause.start:trigger.start].split() if w not in _CLAUSE_OPENERS]
    verb = doc.view[trigger.start:trigger.end]  # with any clitic: "التقى" is matched as "ال" + "تقى"
    return not words and (verb in _PAST_MEETING_VERBS or (verb[:1] in "وف" and verb[1:] in _PAST_MEETING_VERBS))


def _the_same_with_phrase_before(doc: _Document, clause: _Clause, trigger: _Hit) -> _Hit | None:
    """The sentence's earlier meeting word of the same phrase, "with" right after both ("در دیدار با
    A، ... و در دیدار با B"), with no one named between the clause's start and this one."""
    if not _with_follows(doc, trigger) or any(
            m.entity_type == "person" for _, m in doc._mentions_in(clause.start, trigger.start)) or any(
            clause.start <= r.hit.start < trigger.start for r in doc.roles):
        return None
    s, _ = doc.sentences[clause.sentence]
    return next((h for h in doc.triggers if s <= h.start < clause.start and h.row_phrase == trigger.row_phrase
                 and _with_follows(doc, h)), None)


def _with_follows(doc: _Document, trigger: _Hit) -> bool:
    after = doc.view[trigger.end:trigger.end + 20].split(None, 1)[:1]
    return bool(after) and after[0] in _WITH


def _only_its_partner_named(doc: _Document, clause: _Clause, trigger: _Hit) -> bool:
    """An Arabic call clause that names no one before its call word and the partner right after
    "from" or "with" ("أن يتلقى ... اتصالا هاتفيا من بينيت"). (Talks "with" a partner alone are
    too often what someone else seeks: "داعيا إياه إلى المشاركة في مفاوضات مع الاتحاد الأوروبي".)"""
    if doc.language != "ar" or trigger.row.modality != "phone" or doc._mentions_in(clause.start, trigger.start) \
            or any(clause.start <= r.hit.start < trigger.start for r in doc.roles) \
            or _unknown_person_before(doc, clause):
        return False
    after = doc.view[trigger.end:clause.end].split(None, 1)[:1]
    return bool(after) and after[0] in _WITH | _FROM


# "در این دیدار که با حضور"، "وفي اللقاء الذي جرى بحضور": a frame, the meeting, a relative and (a
# verb or two) the presence phrase
_MEETING_WITH_A_RELATIVE_RE = re.compile(
    rf" *(?:{_alternatives('در', 'في', 'خلال', 'وفي', 'وخلال')}) +(?P<this>(?:{_alternatives('این', 'هذا', 'هذه')}) +)?"
    rf"[^\s،,:؛;.!?؟]+ +(?:{_alternatives('که', 'الذي', 'التي')}) +")


def _attendees_of_a_meeting_before(doc: _Document, clause: _Clause) -> tuple[list[str], bool]:
    """Who attended the meeting a clause before the verb's names with a relative ("در این دیدار که
    با حضور X ... برگزار شد، ..."), in the same segment; and whether it is "this meeting", one
    told before."""
    segment = _segment(doc, clause)
    for previous in segment[:segment.index(clause)]:
        frame = _MEETING_WITH_A_RELATIVE_RE.match(doc.view, previous.start)
        if frame is None or frame.end() > previous.end:
            continue
        presence = _PRESENCE_RE.search(doc.view, frame.end(), previous.end)
        if presence is not None and len(doc.view[frame.end():presence.start()].split()) <= 2:  # "جرى", "عقد"
            return _clause_actors(doc, replace(previous, start=presence.start()), None)[0], bool(frame.group("this"))
    return [], False


def _attendees_joining(attendees: list[str], participants: list[str]) -> list[str]:
    """Who attended joins the meeting as its sides are told: a country ("بحضور وفد عماني") does not
    join a meeting of people, who are its sides; countries take part only when no person does."""
    if any(p.startswith("person:") for p in participants):
        return [a for a in attendees if not a.startswith("country:")]
    return attendees


def _without_a_side_alone(doc: _Document, participants: list[str]) -> list[str]:
    """"زيارة وفد لبناني برئاسة زينة عكر": a country with only its own people is one side, not a
    meeting; the country goes."""
    countries = {p.split(":", 1)[1] for p in participants if p.startswith("country:")}
    others = [p for p in participants if not p.startswith("country:")]
    if len(countries) == 1 and others and all(doc.participant_country(p) in countries for p in others):
        return others
    return participants


_WITH_PHRASE_WORDS = 3  # "با مقام‌های ترکیه": "with", a noun for unnamed people, their country


def _one_side_with_others_unnamed(doc: _Document, clause: _Clause, participants: list[str]) -> bool:
    """"تماس تلفنی رئیسی و امیرعبداللهیان با مقام‌های ترکیه": people of one country named before
    "with", whose partners are only another country's unnamed officials, are one side together,
    not a meeting between them."""
    if len(participants) < 2 or not all(p.startswith("person:") for p in participants):
        return False
    countries = {doc.participant_country(p) for p in participants}
    if len(countries) != 1 or None in countries:
        return False
    named = [m for _, m in doc._mentions_in(clause.start, clause.end) if m.entity_id in participants]
    if not named:
        return False
    for w in _WORD_RE.finditer(doc.view, max(m.end for m in named), clause.end):
        if w.group() not in _WITH:
            continue
        window = list(itertools.islice(_WORD_RE.finditer(doc.view, w.end(), clause.end), _WITH_PHRASE_WORDS))
        if not window:
            return False
        after = doc._mentions_in(w.end(), clause.end)
        if any(m.entity_type != "country" for _, m in after) or any(w.end() <= r.hit.start < clause.end for r in doc.roles):
            return False
        return any(m.start < window[-1].end() and m.entity_type == "country" and m.country_code not in countries
                   for _, m in after)
    return False


def _persian_with_phrase_before(doc: _Document, clause: _Clause) -> tuple[list[str], bool, _Clause]:
    """"علی باقری کنی، معاون ...، دیروز در دوحه با انریکه مورا، معاون ...، دیدار و ... رایزنی کرد":
    the meeting verb's clause names no one; past the appositions stand "with" and the partner, and
    the segment's first person is the subject. (Or the subject stands with them: "گریفیتس امروز
    با علی‌اصغر خاجی، دستیار ارشد ...، دیدار کرد".)"""
    segment = _segment(doc, clause)
    for other in reversed(segment[:segment.index(clause)]):
        actors, unresolved = _clause_actors(doc, other, None)
        if not actors:
            continue  # an apposition ("، معاون دبیرکل ...،")
        with_pos = _first_with(doc, other)
        # (a name in a frame before "with" is no actor: "در حاشیه نشست ... سازمان همکاری اسلامی
        # در جده با X، ...، دیدار کرد" has its subject before the frame)
        named = [m.start for _, m in doc._mentions_in(other.start, other.end)
                 if m.entity_type != "place" and m.entity_id in actors]
        actor_positions = named + [r.hit.start for r in doc.roles if other.start <= r.hit.start < other.end]
        if with_pos is None:
            return [], False, clause
        if actor_positions and with_pos > min(actor_positions):
            whole = len(actors) >= 2 and _with_takes_an_actor(doc, with_pos, actor_positions)
            return (actors, unresolved, other) if whole else ([], False, clause)
        seg_start, _ = _segment_span(doc, clause)
        subject = next((p for pos, p in doc.antecedents if seg_start <= pos < other.start and p not in actors), None)
        return ([subject] if subject else []) + actors, unresolved, other
    return [], False, clause


def _with_phrase_after(doc: _Document, clause: _Clause, trigger: _Hit) -> list[str]:
    """"اجتمع الشيخ عبدالله ...، بمكتبه في الديوان الأميري صباح اليوم، مع السيد زلماي خليل زاد": the
    partner's "with" phrase stands after an aside, in a clause of its own; so does a caller's
    "from" ("تلقى الشيخ تميم ...، اتصالا هاتفيا اليوم، من فخامة الرئيس أوهورو كينياتا")."""
    # (in Arabic only: Persian "از" starts too many other phrases, "از میزبانی بغداد ...")
    partner_words = _WITH | (_FROM if trigger.row.modality == "phone" and doc.language == "ar" else frozenset())
    # so does a host's guest, the verb's object ("استقبل ولي العهد، في قصر السلام بجدة اليوم، فخامة
    # الرئيس بشار الأسد"): a clause opening with an honorific or a name
    hosting = trigger.row.trigger_kind == "host" and doc.language == "ar"
    segment = _segment(doc, clause)
    for later in segment[segment.index(clause) + 1:segment.index(clause) + 3]:
        first = doc.view[later.start:later.end].split(None, 1)[:1]
        if first and (first[0] in partner_words or _with_clitic(first[0], "و", partner_words)):
            return _clause_actors(doc, later, None)[0]
        if hosting and first and (first[0] in _HONORIFICS or _names_someone_at(doc, later.end - len(
                doc.view[later.start:later.end].lstrip()))):
            return _clause_actors(doc, later, None)[0]
        if any(m.entity_type != "place" for _, m in doc._mentions_in(later.start, later.end)):
            break  # a clause naming someone or something is not an aside (a place and a time are)
    return []


def _names_someone_at(doc: _Document, pos: int) -> bool:
    found = doc._mention_at(pos)
    return (found is not None and found[1].entity_type == "person") or any(r.hit.start == pos for r in doc.roles)


# "in separate meetings with A and B", "then with B": one side met each of the others, who did
# not meet one another
_SEPARATELY_RE = re.compile(r"(?<!\w)(جداگانه|جدا گانه|منفصله|منفصلین|منفصلتین|علی حده)(?!\w)")
_THEN_WITH_RE = re.compile(r"(?<!\w)ثم مع(?!\w)")
_EACH_OF_RE = _phrases_re("كلا من", "كل من", "هر یک از", "هر کدام از")
# a comma before "including" opens the list of those the phrase before names ("با حضور سران کشورهای
# عضو، از جمله رئیسی، عمران خان و لوکاشنکو"), not a clause
_INCLUDING_RE = re.compile(r" *(از جمله|از جملة|بما فی ذلک|بمن فیهم|بما فیهم|من بینهم|ومنهم|منهم|including)(?!\w)")
# together, jointly (the number of sides is in _COLLECTIVE_RE)
_TOGETHER_RE = re.compile(r"(?<!\w)(با هم|باهم|مشترک|مشترکی|مشترکه|معا|سويا)(?!\w)")


# a meeting of three or more sides told as one ("قمة ثلاثية", "اجتماع رباعي", "نشست چهارجانبه")
_COLLECTIVE_RE = _phrases_re(
    "ثلاثي", "ثلاثية", "الثلاثي", "الثلاثية", "رباعي", "رباعية", "الرباعي", "الرباعية", "خماسي", "خماسية",
    "الخماسي", "الخماسية", "سداسي", "سداسية", "السداسي", "السداسية", "متعدد الأطراف", "متعددة الأطراف",
    "سه‌جانبه", "چهارجانبه", "چهار جانبه", "پنج‌جانبه", "شش‌جانبه", "چندجانبه", "چند جانبه",
    "trilateral", "quadrilateral", "multilateral")
# "وعقد في قصر بعبدا اجتماعاً مع الرئيس عون ورئيس مجلس النواب بري ورئيس الحكومة دياب": a verb of
# holding and one meeting (not "لقاءين", "اجتماعات") is one meeting with them all
_HOLD_VERBS = _folded_set("عقد", "وعقد", "فعقد", "عقدت", "وعقدت", "فعقدت", "عقدا", "وعقدا")
_ONE_MEETING_WORDS = _folded_set("اجتماع", "لقاء", "قمة")


_CONDUCT_VERBS = _HOLD_VERBS | _folded_set("أجرى", "وأجرى", "فأجرى", "أجرت", "وأجرت", "فأجرت", "أجريا", "وأجريا")
_ASIDES_BEFORE_THE_OBJECT = 2  # "، أمس الثلاثاء، قبيل افتتاح القمة،"


def _subject_holding_it(doc: _Document, clause: _Clause, t: _Hit) -> str | None:
    """The subject of a verb of holding ("أجرى", "عقد") that ends a clause before, when an
    Arabic meeting noun opens its own clause as that verb's object: the clauses between are asides
    that name no one."""
    if doc.language != "ar" or t.row.trigger_kind not in ("meeting", "negotiation") or "ال" in t.prefix or \
            doc.view[clause.start:t.start].split():
        return None
    segment = _segment(doc, clause)
    i = segment.index(clause)
    for previous in segment[max(i - 1 - _ASIDES_BEFORE_THE_OBJECT, 0):i][::-1]:
        actors, _ = _clause_actors(doc, previous, None)
        words = doc.view[previous.start:previous.end].split()
        if not actors:
            if any(w in _CONDUCT_VERBS for w in words):
                return None
            continue
        held = any(w in _CONDUCT_VERBS for w in words) and not any(
            previous.start <= h.start < previous.end for h in doc.triggers)
        people = [a for a in actors if a.startswith("person:")]
        return people[0] if held and people else None
    return None


def _then_with_after(doc: _Document, clause: _Clause) -> list[str]:
    """The people of the clauses that follow ``clause`` in its segment opening with "then with"
    ("ثم مع رئيس الجمهورية التونسية قيس سعيد")."""
    segment = _segment(doc, clause)
    found: list[str] = []
    for later in segment[segment.index(clause) + 1:]:
        if not _THEN_WITH_RE.match(doc.view, later.end - len(doc.view[later.start:later.end].lstrip())):
            break
        found += [p for p in _clause_actors(doc, later, None)[0] if p.startswith("person:")]
    return found


def _one_meeting_held(doc: _Document, clause: _Clause, t: _Hit) -> bool:
    """An Arabic clause that holds one meeting: a verb of holding before a singular meeting noun."""
    if doc.language != "ar" or t.row_phrase not in _ONE_MEETING_WORDS or t.tail not in ("", "ا", "اً", "ً"):
        return False
    return any(w in _HOLD_VERBS for w in doc.view[clause.start:t.start].split())


def _separate_meetings(doc: _Document, c: _Candidate, t: _Hit) -> list[_Candidate]:
    """One candidate per pair where the clause says the meetings were separate."""
    clause = doc.clause_of(t.start)
    # from the sentence's start: the marker may stand in an earlier clause that lends its actors
    # ("در دیدارهای جداگانه با A و B درباره برجام، امنیت ... گفت‌وگو کرد")
    # ... or after the list, to the sentence's end ("استقبل X كلا من A و B، في لقاءين منفصلين")
    start, end = doc.sentences[clause.sentence]
    marker = _SEPARATELY_RE.search(doc.view, start, clause.end) or _THEN_WITH_RE.search(doc.view, start, clause.end)
    if marker is None and _then_with_after(doc, clause):
        marker = _THEN_WITH_RE.search(doc.view, clause.end, end)
    if marker is None:
        later = _SEPARATELY_RE.search(doc.view, clause.end, end)
        # only where it says the meetings were separate ("في لقاءين منفصلين"), not "two separate
        # agreements"
        if later and (any(0 <= later.start() - h.end <= 2 for h in doc.triggers) or _an_aside_of_its_own(doc, later)):
            marker = later
    two = marker is None and _told_as_two(doc, t)
    if marker is None and not two:
        # "با عادل عبدالمهدی نخست‌وزیر و برهم صالح رئیس‌جمهور عراق دیدار کرد": a visitor meeting
        # officials of one other country meets each of them, unless the text says together
        listed = _with_list(doc, c)
        if listed is None or _TOGETHER_RE.search(doc.view, *doc.sentences[clause.sentence]) or \
                _COLLECTIVE_RE.search(doc.view, *doc.sentences[clause.sentence]) or _one_meeting_held(doc, clause, t):
            return [c]
        side, others = listed
        countries = {doc.country_of.get(p) for p in others}
        if len(countries) != 1 or None in countries or doc.country_of.get(side) in countries:
            return [c]
        if c.kinds == {"host"}:
            # "استقبل الرئيس X رئيس المكتب السياسي لحماس A ورئيس وفد فتح B": guests of one country
            # a host receives come together, unlike the officials a visitor calls on one by one
            return [c]
        return [replace(c, participants=[side, other], codes=set(c.codes), kinds=set(c.kinds)) for other in others]
    if len(c.participants) < 2:
        return [c]
    if marker is not None and marker.re is _THEN_WITH_RE:  # "X ... مع A ثم مع B": X is the first named
        side, others = c.participants[:1], c.participants[1:]
    else:
        each = _EACH_OF_RE.search(doc.view, clause.start, clause.end)
        # "والتقت ميركل ووزير خارجيتها هايكو ماس كلا من السراج وحفتر على حدة": who met each of
        # the others are all named before "each of"
        cut = each.start() if each else marker.start() if marker is not None else t.start
        # (to the segment's end: the list goes on past an apposition, "با A، رئیس‌جمهور روسیه، و B")
        list_end = _segment_span(doc, clause)[1]
        after = {m.entity_id for m in doc.mentions if cut <= m.start < list_end}
        after |= {p for r in doc.roles if cut <= r.hit.start < list_end
                  for p in doc._resolve_role(r, set(), c.participants[0])[0]}
        subjects = [p for p in c.participants if p not in after]
        if not subjects and marker is not None and marker.re is _SEPARATELY_RE:
            # "رئیسی روز گذشته در سمرقند، در دیدارهایی جداگانه با A و B گفت‌وگو کرد": the subject
            # is the sentence's, in the clause before the marker's
            subject = _subject_before(doc, doc.clause_of(marker.start()))
            subjects = [subject] if subject is not None and subject not in after else []
        if not subjects:
            return []  # "در دیدارهای جداگانه با A و B" with its subject unnamed: A and B did not meet
        if subjects[0] not in c.participants:
            c = replace(c, participants=subjects[:1] + c.participants)
        elided = _elided_subject_of_a_listed_object(doc, clause, t, c.participants)
        if len(subjects) == len(c.participants) and elided is not None:
            side, others = [elided], c.participants
        elif len(subjects) == len(c.participants):  # the marker follows them all: the first named is the side
            side, others = c.participants[:1], c.participants[1:]
        elif len(subjects) > 1 and not each:
            return [c]
        else:
            side, others = subjects, [p for p in c.participants if p in after]
    if len(others) < 2 or (two and (len(others) != 2 or len(side) != 1)):
        return [c]
    return [replace(c, participants=[*side, other], codes=set(c.codes), kinds=set(c.kinds)) for other in others]


def _an_aside_of_its_own(doc: _Document, marker: re.Match) -> bool:
    """"استقبل X، كلا على حدة، A وB": the marker stands alone between commas, an aside on the
    clause it interrupts (not a word of a later phrase, "two separate agreements")."""
    clause = doc.clause_of(marker.start())
    rest = (doc.view[clause.start:marker.start()] + " " + doc.view[marker.end():clause.end]).split()
    return len(rest) <= 1 and not doc._mentions_in(clause.start, clause.end)


def _elided_subject_of_a_listed_object(doc: _Document, clause: _Clause, t: _Hit, participants: list[str]) -> str | None:
    """"وكان X قد زار بيروت، والتقى حينها A وB وC كلا على حدة": an Arabic clause opening with its
    verb, all its people one list joined by "and" (a subject would not be joined to its object), met
    each separately: the list is the object, and the subject is elided, the person who opens the
    clause before."""
    if not _opens_with_its_verb(doc, clause, t) or len(participants) < 2:
        return None
    named = [m for _, m in doc._mentions_in(t.end, clause.end) if m.entity_id in participants]
    if len(named) < 2 or doc.view[named[0].end:named[1].start].strip() not in _AND:
        return None
    segment = _segment(doc, clause)
    i = segment.index(clause)
    for previous in segment[max(i - 2, 0):i][::-1]:
        people = [p for p in _clause_actors(doc, previous, None)[0] if p.startswith("person:")]
        if people:
            return people[0] if people[0] not in participants else None
    return None


def _told_as_two(doc: _Document, t: _Hit) -> bool:
    """An Arabic meeting or call word in the dual ("أجرى اتصالين هاتفيين مع A وB", "عقد لقاءين مع A
    وB"): two meetings, one side with each of two others, not one of three."""
    return doc.language == "ar" and t.tail == _DUAL and t.gap is None


def _with_phrase_of_its_own(doc: _Document, clause: _Clause) -> list[str]:
    """The people of a clause that is a "with" phrase alone ("یکشنبه در پکن با A، همتای ...")."""
    actors, _ = _clause_actors(doc, clause, None)
    with_pos = _first_with(doc, clause)
    if with_pos is None or any(m.start < with_pos for _, m in doc._mentions_in(clause.start, with_pos)
                               if m.entity_type != "place"):
        return []
    return [a for a in actors if a.startswith("person:")]


def _own_day_and_place(doc: _Document, clause: _Clause, dates) -> tuple[DateMention | None, Mention | None]:
    """The day and the place a clause itself names."""
    days = [d for d, _ in dates if clause.start <= d.start < clause.end]
    places = [m for _, m in doc._mentions_in(clause.start, clause.end) if m.entity_type == "place"
              and _is_locative(doc, m) and not any(d.start < m.end and m.start < d.end for d in days)]
    return (pick_date(days) if days else None), (places[0] if places else None)


def _coordinated_meetings(doc: _Document, c: _Candidate, t: _Hit, dates) -> list[_Candidate]:
    """"ظریف یکشنبه در پکن با A، و دوشنبه در مسکو با B دیدار کرد": "with" phrases joined by "و",
    each with its own day or place, share the verb; the candidate is the last one's meeting, the
    earlier ones are the subject's meetings on their own days and at their own places."""
    clause = doc.clause_of(t.start)
    if doc.language != "fa" or len(c.participants) != 2:
        return []
    segment = _segment(doc, clause)
    # the last "with" phrase: the verb's own clause, or the nearest before it that names anyone
    earlier = [x for x in reversed(segment[:segment.index(clause) + 1]) if _clause_actors(doc, x, None)[0]]
    if not earlier or _with_phrase_of_its_own(doc, earlier[0]) != c.participants[1:]:
        return []
    subject, out = c.participants[0], []
    conjunct = earlier[0]
    for previous in earlier[1:]:
        if not doc.view[conjunct.start:conjunct.end].lstrip().startswith("و "):
            break  # not joined by "and"
        partners = _with_phrase_of_its_own(doc, previous)
        day, place = _own_day_and_place(doc, previous, dates)
        if not partners or subject in partners or (day is None and place is None) or (day and day.upcoming):
            break
        anchored = next((a for d, a in dates if d is day), None)
        out.append(replace(c, participants=[subject, *partners], codes=set(c.codes), kinds=set(c.kinds),
                           location=place.entity_id if place and c.modality != "phone" else None,
                           place_country=place.country_code if place and c.modality != "phone" else None,
                           date=day, anchored=anchored))
        conjunct = previous
    return out


def _may_be_one(a: _Candidate, b: _Candidate) -> bool:
    """Whether two tellings may be of one meeting: the same modality, days and places that agree."""
    return a.modality == b.modality and _dates_compatible(a, b) and (
        a.location is None or b.location is None or a.location == b.location)


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """One row per meeting: later tellings fill what the first one lacks."""
    merged: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.sentence_index, c.position)):
        # the nearest earlier telling it may be: the same people may have met twice, at two places
        same = next((m for m in reversed(merged)
                     if set(m.participants) == set(c.participants) and _may_be_one(m, c)), None)
        if same is None:
            merged.append(c)
            continue
        if same.location is None and c.location is not None:
            same.location, same.place_country = c.location, c.place_country
        if same.date is None and c.date is not None:
            same.date, same.anchored = c.date, c.anchored
        same.codes |= c.codes
        same.kinds |= c.kinds
    return merged


def _to_meeting(doc: _Document, c: _Candidate) -> Meeting:
    return Meeting(
        sentence_index=c.sentence_index, modality=c.modality, cameo_code=_cameo(doc, c),
        location_entity_id=None if c.modality == "phone" else c.location,
        date_text=c.date.text if c.date else None, event_date=c.date.event_date if c.date else None,
        evidence=c.evidence, participants=tuple(c.participants), trigger=c.trigger)
