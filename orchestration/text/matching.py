"""Find lexicon entities in a body: one Aho-Corasick pass over the folded text.

The automaton holds every alias folded the way documents are folded
(``normalize.fold``), so spelling variants meet. A hit counts only at word
boundaries, allowing Arabic clitic prefixes (و ف ب ل ك, and لل for ال) and
Persian suffixes written without the half-space (روسیه‌ای / روسیهای). Overlapping
hits keep the longest, so "روسيا اليوم" is the outlet RT and not Russia, and
"ولادیمیر پوتین" is a person and not the Russian city Vladimir.

Ambiguous aliases (a surname that is also a word, a city name that is also a
word) are kept only when the document supports them: the same entity is named
unambiguously elsewhere in it, or, for a place, its country is named, or, for a
country, it stands in a list of countries or after a word that names a state
("وزیر خارجه چین", "روسیه، چین و ایران").

A foreign person's full name is also read in another spelling of its long vowels
("صدر جباروف" for the lexicon's "صدر جاباروف"; alias kind ``spelling_variant``), and
its last word alone after it, unless a word of it is a word of the language or
differs from another name of the lexicon only in its vowels (محمد, محمود).
"""
from __future__ import annotations

import pickle
import re
from array import array
from collections import defaultdict
from dataclasses import dataclass, fields, replace
from typing import Iterable

import ahocorasick

from .normalize import fold, fold_phrase

ARABIC_PREFIXES = ("و", "ف", "ب", "ل", "ک", "وب", "ول", "فب", "فل", "وک")
# Arabic "لل" = ل + ال: "للافروف" is handled by the prefix ل, "للأمم" needs this.
ARABIC_LAM_ARTICLE = "لل"
PERSIAN_SUFFIXES = ("هایی", "های", "ها", "ای", "یی", "ی", "اش", "ش", "ان", "یان", "ها ی")
# After a consonant "ی" makes a surname or an adjective (تهرانی, نجفی, خمینی), "ای" and "ان" make
# other words (روسای "heads", مجریان); only the plural and the possessive stay the name.
PERSIAN_SUFFIXES_AFTER_CONSONANT = ("هایی", "های", "ها", "ها ی", "ش")
PERSIAN_FINAL_VOWELS = frozenset("اوهی")
# After a zero-width non-joiner only a suffix keeps the name (تهران‌ها); another word makes a
# compound: a surname (نجف‌پور), a company (ایران‌خودرو).
PERSIAN_JOINED_SUFFIXES = ("هایی", "های", "ها", "ای", "یی", "ی", "اش", "شان")
ZWNJ = "\u200c"
ARABIC_GENTILIC_SUFFIXES = ("ین", "ون", "ان", "ه", "یه", "یین")
# Words after which a country name is a state, whatever else the word can mean ("کشور چین",
# "وزير خارجية مالي"), folded when the lexicon is built.
COUNTRY_CUES = (
    "کشور", "کشورهای", "دولت", "خارجه", "سفیر", "سفارت", "جمهور", "وزیر", "پادشاه", "امیر", "مردم",
    "دولة", "حكومة", "خارجية", "سفير", "سفارة", "رئيس", "ملك", "أمير", "جمهورية", "شعب",
    # a monarch's title before his state: "سلطان عمان" is the Sultan of Oman, not of Amman
    "سلطان", "سلطنة", "سلطنت", "عاهل",
    # an Arabic adjective of nationality follows its noun: "الرئيس السوداني", "الجيش السوداني"
    "الرئيس", "الوزير", "الحكومة", "السفير", "الخارجية", "نظيره", "نظيرته", "نظيرها", "الجيش", "الشعب",
    "الوفد", "الجانب", "القوات", "الأمن", "الدفاع", "البرلمان",
)
# Words after which a name is a place: "شهر زنجان", "مدينة درعا", "استان سمنان".
PLACE_CUES = (
    "شهر", "شهرستان", "استان", "بندر", "پایتخت", "روستای",
    "مدينة", "محافظة", "ولاية", "العاصمة", "عاصمة", "بلدة", "قرية", "مخيم",
)
# The same words for two or more towns: the names after them, joined by "و", are all places
# ("مدينتي العيون والداخلة", "شهرهای قم و کاشان"). Not the plurals of province and state: the
# gazetteer holds towns, and "ولايتي زابل وهلمند" or "بولايتي فيكتوريا" name regions, whose
# namesake towns (Zabol, Victoria in Texas) they are not.
PLURAL_PLACE_CUES = (
    "شهرهای", "شهرستانهای", "بنادر",
    "مدينتي", "مدينتا", "مدن", "بلدتي", "بلدات", "قريتي",
)
# A dateline opens a wire report with the place it is filed from: "دمشق-سانا", "موسكو/ الأناضول",
# "الدوحة في 25 فبراير /قنا/", "العيون - افتتح ..."; a name there is a place.
_DATELINE_CUT = re.compile(r"[ \t]*(?:(?:في|،|,)\s*(?=[^\n/(]{0,30}\d)(?:[^\s/(–—-]+\s+){1,4})?[-–—/(ـ]")
_DATELINE_SPAN = 400  # a dateline opens the body, after the headline
# Talks and conferences are named after the city that holds them ("روند آستانه", "مؤتمر سوسة"),
# but an adjective follows them too ("محادثات عالية المستوى" is not Aley): after these words an
# ambiguous name is a place only if it names a city of some size.
EVENT_PLACE_CUES = ("نشست", "مذاکرات", "روند", "اجلاس", "کنفرانس", "مسار", "مؤتمر", "محادثات", "مفاوضات")
EVENT_PLACE_MIN_POPULATION = 200_000
# Diseases are named after places ("فيروس كورونا" is not Corona, California; "ویروس زیکا",
# "حمى إيبولا"): after these words a name is the disease.
DISEASE_CUES = ("فيروس", "فايروس", "الفيروس", "جائحة", "وباء", "حمى", "ویروس", "بیماری", "virus")
# Hotels too: "در هتل کوبورگ" is the Hotel Coburg in Vienna, not Coburg in Germany.
HOTEL_CUES = ("هتل", "فندق", "hotel")
# A news outlet whose short name is a common word ("الجزيرة" the island, "الأناضول" Anatolia) is
# the outlet on a source line ("المصدر : الجزيرة", "منبع: ...") or after a dateline ("موسكو/ الأناضول").
SOURCE_CUES = ("المصدر", "مصدر", "منبع", "source")
# Titles and honorifics after which an ambiguous surname is the person: "الرئيس هادي", "آقای ظریف".
PERSON_CUES = (
    "آقای", "خانم", "دکتر", "وزیر", "خارجه", "رئیس", "جمهور", "سفیر", "سخنگوی", "همتای", "نخست", "پادشاه",
    "سردار", "سرلشکر",
    "السيد", "السيدة", "الرئيس", "رئيس", "الوزير", "وزير", "الخارجية", "الدكتور", "نظيره", "نظيرته", "نظيرها",
    "الشيخ", "الأمير", "الملك", "العاهل", "السفير", "المبعوث", "الجنرال", "المستشارة", "المستشار",
    "الفريق", "اللواء", "العميد", "المشير", "العقيد",
)
# Transliterations of foreign names write or leave out the long vowels and hamza seats
# ("موسيفيني" / "موسفيني", "جباروف" / "جاباروف"): a person's full name in Arabic script is also
# read in any such spelling, by its letters without them (its skeleton), when the skeleton keeps
# enough letters to name nobody else.
_VOWEL_LETTERS = "اآأإئؤءوىيی"
_INNER_VOWEL = re.compile(f"(?<=\\w)[{_VOWEL_LETTERS}]")
_KEPT = re.compile(f"(?<!\\w)[{_VOWEL_LETTERS}]|[^{_VOWEL_LETTERS}]")
_ARABIC_LETTER = re.compile("[\\u0620-\\u064a\\u0671-\\u06d3]")
VARIANT_MIN_LETTERS = 6
# Names of these countries are Arabic or Persian words, written one way ("حسن" and "حسین" are two
# names): only the names of people from elsewhere are transliterations read by their skeleton.
NATIVE_SCRIPT_NAME_COUNTRIES = frozenset(
    "AE AF BH DJ DZ EG IQ IR JO KM KW LB LY MA MR OM PK PS QA SA SD SO SY TJ TN YE".split())
SPELLING_VARIANT = "spelling_variant"  # alias_kind of a name read in another spelling


def skeleton(folded: str) -> str:
    """``folded`` without the long vowels and hamza seats inside its words (a word's first letter,
    spaces and other characters kept)."""
    return _INNER_VOWEL.sub("", folded)


_FI_YA = re.compile(r"(?<!\w)في(?!\w)")
_FI_MAQSURA = re.compile(r"(?<!\w)فى(?!\w)")
# What may stand between two countries of one list: "روسیه، چین و ایران", "مصر والسعودية".
_LIST_SEPARATORS = frozenset(" ،,؛;و-/")
_PATRONYMIC = frozenset(fold(w) for w in ("بن", "ابن", "بنت", "ولد"))


@dataclass(frozen=True)
class LexiconEntry:
    entity_id: str
    entity_type: str  # person | organization | country | place
    alias: str
    language: str
    alias_kind: str
    is_ambiguous: bool
    country_code: str | None = None
    population: int = 0  # places: to choose among namesakes


_ENTRY_FIELDS = tuple(f.name for f in fields(LexiconEntry))


class _PackedRows:
    """A list of rows kept as one pickled blob per row, joined: unpickling the list is one copy of
    bytes, not hundreds of thousands of small objects (its tuples of strings took 0.07 s of the
    0.15 s a lexicon of ~47,000 keys took to load); a row becomes objects when a document reaches it."""

    def __init__(self, rows: Iterable[tuple]):
        parts = [pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL) for row in rows]
        self._offsets = array("q", [0])
        for part in parts:
            self._offsets.append(self._offsets[-1] + len(part))
        self._blob = b"".join(parts)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> tuple:
        if not 0 <= i < len(self):
            raise IndexError(i)
        return pickle.loads(self._blob[self._offsets[i]:self._offsets[i + 1]])


# An automaton value is one integer (key length, whether the key is the "لل" form, row number): an
# automaton of integers loads in half the time of one holding a tuple per key.
_KEY_LENGTH_BITS = 10


def _automaton_value(key: str, lam_form: bool, group_id: int) -> int:
    if len(key) >= 1 << (_KEY_LENGTH_BITS - 1):
        raise ValueError(f"lexicon key too long for the automaton: {key[:40]}...")
    return (group_id << _KEY_LENGTH_BITS) | (len(key) << 1) | lam_form


def _automaton_fields(value: int) -> tuple[int, bool, int]:
    """(key length, lam_form, group_id) of an automaton value."""
    return (value & ((1 << _KEY_LENGTH_BITS) - 1)) >> 1, bool(value & 1), value >> _KEY_LENGTH_BITS


@dataclass(frozen=True)
class Mention:
    entity_id: str
    entity_type: str
    start: int
    end: int
    surface: str
    alias_kind: str
    country_code: str | None
    is_ambiguous: bool


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _word_ends_with_one_of(folded: str, pos: int, suffixes: tuple[str, ...]) -> bool:
    """Whether the text from ``pos`` to the end of its word is one of ``suffixes``."""
    for suffix in suffixes:
        e = pos + len(suffix)
        if folded.startswith(suffix, pos) and (e == len(folded) or not _is_letter(folded[e])):
            return True
    return False


def nested_mentions(mentions: list[Mention]) -> set[int]:
    """Indexes of mentions inside another mention's span (a country inside an organization's name)."""
    nested, outer_end = set(), -1
    for i, m in sorted(enumerate(mentions), key=lambda im: (im[1].start, -im[1].end)):
        if m.end <= outer_end:
            nested.add(i)
        outer_end = max(outer_end, m.end)
    return nested


class Lexicon:
    """An automaton over folded aliases; build once, match many documents."""

    def __init__(self, entries: Iterable[LexiconEntry], common_words: dict[str, int] | None = None,
                 words_by_language: dict[str, frozenset[str]] | None = None,
                 news_outlets: frozenset[str] = frozenset()):
        # a news outlet's name is a brand: "وكالة الأنباء الفرنسية" (AFP) does not name France
        self._news_outlets = news_outlets
        # frequency ranks of common words: a clitic reading ("و" + "كالة" Calais) of a word that is
        # more frequent than the name itself ("وكالة" agency) is the word
        self._word_rank = dict(common_words or {})
        # common words (folded) of each language: an ambiguous name written only for another language
        # is not read where it is a word of the document's language (Persian "مدینه" Medina, Arabic
        # "مدينة" a city)
        self._words_by_language = dict(words_by_language or {})
        by_key: dict[str, list[LexiconEntry]] = defaultdict(list)
        for entry in entries:
            key = fold_phrase(entry.alias)
            if len(key.replace(" ", "")) < 2:
                continue  # one letter is never a name
            by_key[key].append(entry)
        self.size = len(by_key)
        # names written with the article (الرقة): their bare form after a clitic is another word
        # ("فرقة" is "a unit", not "and Raqqa", which is written "فالرقة")
        self._article_named: dict[str, frozenset[str]] = {
            k[2:]: frozenset(e.entity_id for e in group)
            for k, group in by_key.items() if k.startswith("ال") and len(k) > 3}
        self._country_cues = frozenset(fold(w) for w in COUNTRY_CUES)
        self._place_cues = frozenset(fold(w) for w in PLACE_CUES)
        self._plural_place_cues = frozenset(fold(w) for w in PLURAL_PLACE_CUES)
        self._event_place_cues = frozenset(fold(w) for w in EVENT_PLACE_CUES)
        self._disease_cues = frozenset(fold(w) for w in DISEASE_CUES)
        self._hotel_cues = frozenset(fold(w) for w in HOTEL_CUES)
        self._source_cues = frozenset(fold(w) for w in SOURCE_CUES)
        self._person_cues = frozenset(fold(w) for w in PERSON_CUES)
        # The automaton's values point into plain-tuple rows, made into entries the first time a
        # document hits them: a pickled lexicon (~40,000 entries) then loads without re-creating
        # every entry object, most of which one run never meets.
        group_rows: list[tuple[tuple, ...]] = []
        self._groups: dict[int, tuple[LexiconEntry, ...]] = {}
        self._automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for key, group in by_key.items():
            group_id = len(group_rows)
            group_rows.append(tuple(tuple(getattr(e, f) for f in _ENTRY_FIELDS) for e in group))
            self._automaton.add_word(key, _automaton_value(key, False, group_id))
            if key.startswith("ال") and len(key) > 3:
                lam = ARABIC_LAM_ARTICLE + key[2:]
                if lam not in by_key:
                    self._automaton.add_word(lam, _automaton_value(lam, True, group_id))
        if self.size:
            self._automaton.make_automaton()
        self._variants = ahocorasick.Automaton()
        # skeleton -> the spellings of full names that have it: (key, trailing vowels, entries)
        by_skeleton: dict[str, list[tuple[str, int, tuple[LexiconEntry, ...]]]] = defaultdict(list)
        not_a_name: set[str] = set()  # skeletons of other entities' names: neither is read by it
        # words whose skeleton other names' words share (محمد and محمود, حسن and حسين): in a name
        # read by its skeleton they must be written as this person's names write them
        forms: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for key, group in by_key.items():
            words = key.split()
            bare_words = [skeleton(w) for w in words]
            bare = " ".join(bare_words)
            if not all(e.entity_type == "person" for e in group):
                not_a_name.add(bare)
            if not _ARABIC_LETTER.search(key):
                continue
            for e in group:
                if e.entity_type == "person":
                    for word, bare_word in zip(words, bare_words):
                        forms[bare_word][word].add(e.entity_id)
            names = tuple(replace(e, alias_kind=SPELLING_VARIANT) for e in group
                          if e.entity_type == "person" and e.alias_kind == "full_name" and not e.is_ambiguous
                          and e.country_code not in NATIVE_SCRIPT_NAME_COUNTRIES)
            if names and len({e.entity_id for e in names}) == 1 and len(words) > 1 and all(bare_words) \
                    and sum(map(len, bare_words)) >= VARIANT_MIN_LETTERS:
                by_skeleton[bare].append((key, len(words[-1]) - len(words[-1].rstrip(_VOWEL_LETTERS)), names))
        self._vowel_ambiguous: dict[str, dict[str, frozenset[str]]] = {
            bare: {word: frozenset(ids) for word, ids in words.items()} for bare, words in forms.items()
            if any(not a & b for a in words.values() for b in words.values())}
        for bare, spellings in by_skeleton.items():
            if bare not in not_a_name and len({names[0].entity_id for _, _, names in spellings}) == 1:
                _, trailing, names = spellings[0]
                group_id = len(group_rows)
                group_rows.append(tuple(tuple(getattr(e, f) for f in _ENTRY_FIELDS) for e in names))
                self._variants.add_word(bare, (bare, group_id, trailing,
                                               frozenset(w for key, _, _ in spellings for w in key.split())))
        if len(self._variants):
            self._variants.make_automaton()
        self._group_rows = _PackedRows(group_rows)

    def __getstate__(self) -> dict:
        return {**self.__dict__, "_groups": {}}  # the entries made so far are rebuilt on demand

    def _group(self, group_id: int) -> tuple[LexiconEntry, ...]:
        group = self._groups.get(group_id)
        if group is None:
            group = self._groups[group_id] = tuple(LexiconEntry(*row) for row in self._group_rows[group_id])
        return group

    def find(self, body: str, language: str) -> list[Mention]:
        """Every supported, non-overlapping entity mention in ``body``."""
        if not self.size or not body:
            return []
        folded = fold(body)
        # a text that writes "في" (not "فى") keeps final ى for alef maqsura: "اليمنى" is "the right
        # one", not "the Yemeni" (Egyptian-style texts write every final ي as ى)
        maqsura_is_a_letter = language == "ar" and len(_FI_YA.findall(body)) > len(_FI_MAQSURA.findall(body))
        hits = []
        for end_index, value in self._automaton.iter(folded):
            key_length, lam_form, group_id = _automaton_fields(value)
            group = self._group(group_id)
            end = end_index + 1
            start = end - key_length
            if start and body[start - 1] == ZWNJ:
                continue  # the end of a joined word: "بیند" in "می‌بیند" is not the town Bend
            if not self._left_ok(folded, start, language, lam_form, self._word_rank):
                continue
            if not lam_form and start and folded[start - 1] != " " \
                    and self._article_named.get(folded[start:end], frozenset()) & {e.entity_id for e in group}:
                continue
            if not self._right_ok(folded, end, language, group, body):
                continue
            if maqsura_is_a_letter and body[end - 1] == "ى" and all(e.alias_kind == "gentilic" for e in group):
                continue
            hits.append((start, end, group))
        if len(self._variants):
            hits += self._spelling_variants(folded, hits)
        # longest first, then leftmost: a longer name swallows the names inside it
        hits.sort(key=lambda h: (h[0] - h[1], h[0]))
        taken = bytearray(len(folded))
        kept, swallowed = [], []
        for start, end, group in hits:
            if any(taken[start:end]):
                swallowed.append((start, end, group))
                continue
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, group))
        kept += self._countries_inside_organizations(kept, swallowed)
        kept.sort()
        kept = [(start, end, own) for start, end, group in kept
                if (own := self._in_language(group, language, folded[start:end]))]
        return self._resolve(body, folded, self._named_in_full(folded, kept))

    def _spelling_variants(self, folded: str, hits) -> list:
        """Full names written in another spelling of their vowels (see ``skeleton``), of persons the
        document does not name in the lexicon's own spelling; then the last word of each such name
        wherever it stands alone ("جباروف" after "صدر جباروف")."""
        named = {e.entity_id for _, _, group in hits for e in group if e.entity_type == "person"}
        bare = skeleton(folded)
        found = [(end, key, group_id, trailing, words) for end, (key, group_id, trailing, words)
                 in self._variants.iter(bare) if self._group(group_id)[0].entity_id not in named]
        if not found:
            return []
        kept = [m.start() for m in _KEPT.finditer(folded)]  # bare[i] is folded[kept[i]]
        out, surnames = [], {}
        for end_index, key, group_id, trailing, own_words in found:
            start, end = kept[end_index - len(key) + 1], kept[end_index] + 1
            while end < len(folded) and folded[end] in _VOWEL_LETTERS:
                end += 1  # the vowels that end its last word, as many as the name's: "شعار" is not "شعراوي"
            if end - kept[end_index] - 1 != trailing:
                continue
            if end < len(folded) and folded[end].isalpha():
                continue  # inside a longer word
            if start and folded[start - 1].isalpha() and not (
                    folded[start - 1] == "و" and (start == 1 or not folded[start - 2].isalpha())):
                continue  # ... or after a letter other than the clitic "and"
            if any(word not in own_words and word in self._word_rank for word in folded[start:end].split()):
                continue  # words of the language ("على القطريين", "برگ برنده") are no spelling of a name
            group = self._group(group_id)
            person = group[0].entity_id
            if not all(person in self._vowel_ambiguous[bare].get(word, ()) for word in folded[start:end].split()
                       if (bare := skeleton(word)) in self._vowel_ambiguous):
                continue  # "محمد عباس" is not "محمود عباس"
            out.append((start, end, group))
            surname = folded[start:end].split()[-1]
            if len(surname) >= 4 and self._word_rank.get(surname) is None:
                surnames[surname] = group
        for surname, group in surnames.items():
            for m in re.finditer(rf"(?<!\w)و?{re.escape(surname)}(?!\w)", folded):
                start = m.end() - len(surname)
                if not any(s <= start < e for s, e, _ in out):
                    out.append((start, m.end(), group))
        return out

    def _countries_inside_organizations(self, kept, swallowed) -> list:
        """A country that ends an organization's name is named too: "القوات الأمريكية" are the US
        forces and the United States, "وزارت امور خارجه ایران" a ministry and Iran; "روسيا اليوم"
        (RT) is a channel's name, not a mention of Russia. (Mentions may then nest;
        ``nested_mentions`` tells which.)"""
        organizations = [(s, e) for s, e, group in kept if all(
            x.entity_type == "organization" and x.entity_id not in self._news_outlets for x in group)]
        if not organizations:
            return []
        inside = []
        for start, end, group in swallowed:
            if all(x.entity_type == "country" and not x.is_ambiguous for x in group) and \
                    any(s <= start and end == e for s, e in organizations) and \
                    not any(start < e2 and s2 < end for s2, e2, _ in inside):
                inside.append((start, end, group))
        return inside

    @staticmethod
    def _left_ok(folded: str, start: int, language: str, lam_form: bool, word_rank: dict[str, int]) -> bool:
        if start == 0 or not _is_letter(folded[start - 1]):
            return not lam_form
        if language != "ar":
            return False
        for prefix in ("و", "ف") if lam_form else ARABIC_PREFIXES:
            p = start - len(prefix)
            if p >= 0 and folded[p:start] == prefix and (p == 0 or not _is_letter(folded[p - 1])):
                # most hits inside a word have no clitic before them: the word's end only now
                word_end = start
                while word_end < len(folded) and _is_letter(folded[word_end]):
                    word_end += 1
                whole, rest = word_rank.get(folded[p:word_end]), word_rank.get(folded[start:word_end])
                return whole is None or (rest is not None and rest < whole)
        return False

    @staticmethod
    def _right_ok(folded: str, end: int, language: str, group: tuple[LexiconEntry, ...], body: str) -> bool:
        if end == len(folded):
            return True
        if language == "fa" and body[end] == ZWNJ:  # folding turns it into a space
            return _word_ends_with_one_of(folded, end + 1, PERSIAN_JOINED_SUFFIXES)
        if not _is_letter(folded[end]):
            return True
        if language == "fa":
            suffixes = PERSIAN_SUFFIXES if folded[end - 1] in PERSIAN_FINAL_VOWELS \
                else PERSIAN_SUFFIXES_AFTER_CONSONANT
        elif language == "ar" and any(e.alias_kind == "gentilic" for e in group):
            suffixes = ARABIC_GENTILIC_SUFFIXES
        else:
            return False
        return _word_ends_with_one_of(folded, end, suffixes)

    def _in_language(self, group: tuple[LexiconEntry, ...], language: str, key: str) -> tuple[LexiconEntry, ...]:
        """The entries written for the document's language decide (العالم is a word in Arabic,
        only the TV network in Persian); entries of other languages count when none is, except
        ambiguous ones where the text is a common word of the document's language. (Frequent
        words of news include names: "نتانياهو" stays Netanyahu, an unambiguous alias.)"""
        own = tuple(e for e in group if e.language == language)
        if own:
            return own
        if key in self._words_by_language.get(language, ()):
            return tuple(e for e in group if not e.is_ambiguous)
        return group

    @staticmethod
    def _named_in_full(folded: str, kept):
        """A surname alone is the person the document names in full with it: "قايد السبسي" after
        "حافظ قايد السبسي" is Hafedh, not his father Beji, whom the lexicon knows by that surname.
        A name after "بن" is a father's, not a surname ("محمد بن سلمان" does not make "سلمان" him)."""
        full_names = []  # (folded name, start, entries) of persons named by one firm entity
        for start, end, group in kept:
            firm = [e for e in group if not e.is_ambiguous and e.entity_type == "person"]
            if firm and len({e.entity_id for e in firm}) == 1 and " " in folded[start:end]:
                full_names.append((folded[start:end], start, tuple(firm)))
        if not full_names:
            return kept
        out = []
        for start, end, group in kept:
            key = folded[start:end]
            own = {e.entity_id for e in group}
            if all(e.entity_type == "person" for e in group):
                named = [(s, firm) for name, s, firm in full_names
                         if name.endswith(" " + key) and name.split()[-len(key.split()) - 1] not in _PATRONYMIC]
                if named and not own & {firm[0].entity_id for _, firm in named}:
                    # the nearest full name before it, else the first after it
                    before = [n for n in named if n[0] < start]
                    group = (before[-1] if before else named[0])[1]
            out.append((start, end, group))
        return out

    def _country_in_context(self, folded: str, kept, i: int) -> bool:
        """An ambiguous country name is the country after a state word, or in a list of countries
        ("قطر، مصر و عربستان سعودی") that names at least one of them unambiguously."""
        start, end, _ = kept[i]
        if self._after_cue(folded, start, self._country_cues):
            return True
        first = last = i  # the list around it: countries with only separators in between
        while first > 0 and self._listed_together(folded, kept[first - 1], kept[first]):
            first -= 1
        while last + 1 < len(kept) and self._listed_together(folded, kept[last], kept[last + 1]):
            last += 1
        return any(e.entity_type == "country" and not e.is_ambiguous
                   for j in range(first, last + 1) if j != i for e in kept[j][2])

    @staticmethod
    def _after_cue(folded: str, start: int, cues: frozenset[str]) -> bool:
        """Whether the word before a hit is one of ``cues``, maybe with a clitic ("بمدينة درعا")."""
        end = start
        while end > 0 and folded[end - 1].isalpha():
            end -= 1  # back over a clitic written onto the name itself ("وبدرعا")
        before = folded[max(0, end - 40):end]
        if (end > 0 and folded[end - 1] != " ") or before.rstrip(" ").endswith("\n"):
            return False  # a line break between: "... الإيبولا!\nفريتاون"
        word = folded[folded.rfind(" ", 0, max(0, end - 1)) + 1:end].strip()
        for _ in range(3):  # the cue itself may carry up to two clitics ("وبمدينة")
            if word in cues:
                return True
            if len(word) < 4 or word[0] not in "وبلف":
                return False
            word = word[1:]
        return False

    def _on_a_source_line(self, folded: str, start: int) -> bool:
        """"المصدر : الجزيرة", "المصدر: الجزيرة", "موسكو/ الأناضول": the outlet a text names as its source."""
        before = folded[max(0, start - 40):start].rstrip()
        if before.endswith("/"):
            return True  # a dateline: "place/ outlet"
        words = before.replace(":", " ").split()
        return bool(words) and words[-1] in self._source_cues

    def _place_cued(self, folded: str, kept) -> set[int]:
        """Where (hit starts) the text marks a name as a place: after a place word ("مدينة درعا"),
        starting with one ("مدينة نصر"), opening a dateline ("العيون - ..."), or joined by "و" to a
        place after a plural place word ("مدينتي العيون والداخلة")."""
        starts = set()
        after_plural = False  # the hit before was a place after a plural place word, or joined to one
        previous_end = -1
        for start, end, group in kept:
            if not any(e.entity_type == "place" for e in group):
                after_plural = False
                continue
            key = folded[start:end]
            joined = after_plural and folded[previous_end:start].strip(" ،,") in ("و", "")
            plural = self._after_cue(folded, start, self._plural_place_cues)
            if plural or joined or self._after_cue(folded, start, self._place_cues) \
                    or key.split()[0] in self._place_cues or self._opens_a_dateline(folded, start, end):
                starts.add(start)
            after_plural, previous_end = plural or joined, end
        return starts

    @staticmethod
    def _countries_named_after(folded: str, kept) -> dict[str, set[str]]:
        """Names (folded) followed by a country or its adjective: "فانكوفر الكندية", "ملبورن
        الأسترالية", "ريمبو (السويد)": that country's namesake is meant."""
        after: dict[str, set[str]] = defaultdict(set)
        for (start, end, group), (next_start, _, next_group) in zip(kept, kept[1:]):
            firm = {e.country_code for e in next_group if e.entity_type == "country" and not e.is_ambiguous}
            if len(firm) == 1 and folded[end:next_start].strip(" (") == "" \
                    and any(e.entity_type == "place" for e in group):
                after[folded[start:end]] |= firm
        return after

    @staticmethod
    def _opens_a_dateline(folded: str, start: int, end: int) -> bool:
        """A name opening a line near the top, cut from the rest by a dash, a slash or a bracket."""
        return start <= _DATELINE_SPAN and folded[:start].rstrip(" ")[-1:] in ("", "\n") \
            and bool(_DATELINE_CUT.match(folded, end))

    @staticmethod
    def _listed_together(folded: str, left, right) -> bool:
        """Two country names (not adjectives: "الفلسطينية وترك" is "Palestinian, and leaving")."""
        between = folded[left[1]:right[0]]
        return len(between) <= 4 and set(between) <= _LIST_SEPARATORS \
            and all(any(e.entity_type == "country" and e.alias_kind == "name" for e in hit[2])
                    for hit in (left, right))

    def _resolve(self, body: str, folded: str, kept) -> list[Mention]:
        """Choose one entity per hit, then drop ambiguous hits the document does not support."""
        firm_entities = set()
        firm_countries = set()
        evidence: dict[str, int] = defaultdict(int)  # country -> how often the document names it
        country_hits: dict[str, int] = defaultdict(int)  # ... as a country
        for _, _, group in kept:
            firm = [e for e in group if not e.is_ambiguous]
            if len({e.entity_id for e in firm}) == 1 and not any(
                    e.entity_type == firm[0].entity_type and e.entity_id != firm[0].entity_id for e in group):
                # (a big city is no firm reading of a name its smaller namesakes share: طرابلس)
                firm_entities.add(firm[0].entity_id)
                if firm[0].entity_type == "country":
                    firm_countries.add(firm[0].country_code)
                    country_hits[firm[0].country_code] += 1
                if firm[0].country_code and firm[0].entity_id not in self._news_outlets:
                    evidence[firm[0].country_code] += 1  # (AFP's byline says nothing of the story)
        # the country the document is about: of its countries, cities, people and bodies, the most
        # named one (or nearly so); of namesake places, the one in that country is meant
        most = max(evidence.values(), default=0)
        home_countries = {c for c, n in evidence.items() if n * 4 >= most * 3}
        place_cued = self._place_cued(folded, kept)
        # of namesakes, a name the text marks as a place once ("بمدينة العيون") is the same place
        # throughout, and one followed by a country ("فانكوفر الكندية") is in that country throughout
        place_cued_keys = {folded[start:end] for start, end, _ in kept if start in place_cued}
        countries_after = self._countries_named_after(folded, kept)
        mentions = []
        for i, (start, end, group) in enumerate(kept):
            if self._after_cue(folded, start, self._disease_cues) or (
                    folded[start - 1:start] == " " and self._after_cue(folded, start, self._hotel_cues)):
                # (a hotel's own name follows the word; "فندق بميدان التحرير" is a hotel in a place)
                group = [e for e in group if e.entity_type != "place"]
                if not group:
                    continue
            # the last word of a full name is the person only where the full name is
            group = [e for e in group if e.alias_kind != "derived_surname" or e.entity_id in firm_entities]
            if not group:
                continue
            if len(group) == 1 and not group[0].is_ambiguous and group[0].alias_kind != "geonames_word":
                e = group[0]  # one firm reading: nothing to decide
                mentions.append(Mention(e.entity_id, e.entity_type, start, end, body[start:end],
                                        e.alias_kind, e.country_code, e.is_ambiguous))
                continue
            types = {e.entity_type for e in group}
            # what the words around it say it is: a state ("وزير خارجية مالي"), a place ("مدينة حمص")
            cued = {t for t, ok in (
                ("person", "person" in types and self._after_cue(folded, start, self._person_cues)),
                ("country", "country" in types and self._country_in_context(folded, kept, i)),
                ("organization", "organization" in types and self._on_a_source_line(folded, start)),
                ("place", "place" in types and (
                    start in place_cued
                    or (self._after_cue(folded, start, self._event_place_cues)
                        and any(e.population >= EVENT_PLACE_MIN_POPULATION for e in group
                                if e.entity_type == "place"))))) if ok}

            key = folded[start:end]

            def support(e: LexiconEntry) -> tuple:
                return (
                    # a state word right before it outweighs a big city of the name ("سلطان عمان")
                    e.entity_type == "country" and "country" in cued,
                    e.entity_id in firm_entities,
                    e.entity_type in cued,
                    e.country_code in firm_countries,
                    not e.is_ambiguous,
                    e.population,
                )

            best = max(group, key=support)
            namesakes = [e for e in group if e.entity_type == "place"]
            if best.entity_type == "place" and len({e.entity_id for e in namesakes}) > 1:
                # Of places of one name: the one the text places in a country ("فانكوفر الكندية"),
                # then one in a country it names (named once in passing, "نظيره الموريتاني", it does
                # not outweigh a bigger namesake the text calls a city, there or elsewhere: "بمدينة
                # العيون"), then, where it names none of their countries, one in the country it is
                # about, then the biggest.
                place_cued_here = "place" in cued or key in place_cued_keys
                some_named = any(e.country_code in firm_countries for e in namesakes)
                best = max(namesakes, key=lambda e: (
                    e.entity_id in firm_entities,
                    e.country_code in countries_after.get(key, ()),
                    e.country_code in firm_countries and (not place_cued_here or country_hits[e.country_code] > 1),
                    e.country_code in home_countries and not some_named,
                    not e.is_ambiguous,
                    e.population,
                ))
            if best.alias_kind == "geonames_word" and "place" not in cued:
                continue  # a frequent word that also names a small town: the town only after "city of"
            supported = (not best.is_ambiguous and len({e.entity_id for e in group}) == 1) \
                or best.entity_id in firm_entities \
                or best.entity_type in cued \
                or (best.entity_type == "place" and best.country_code in firm_countries) \
                or (best.entity_type == "place" and best.country_code in home_countries
                    and any(e.country_code not in home_countries for e in namesakes)) \
                or (not best.is_ambiguous and best.entity_type == "place")
            if not supported:
                continue
            mentions.append(Mention(best.entity_id, best.entity_type, start, end, body[start:end],
                                    best.alias_kind, best.country_code, best.is_ambiguous))
        return mentions
