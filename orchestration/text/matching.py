"""Find lexicon entities in a body: one Aho-Corasick pass over the folded text.

The automaton holds every alias folded the way documents are folded
(``normalize.fold``), so spelling variants meet. A hit counts only at word
boundaries, allowing Arabic clitic prefixes (و ف ب ل ك, and لل for ال) and
Persian suffixes written without the half-space (روسیه‌ای / روسیهای). Overlapping
hits keep the longest, so "روسيا اليوم" is the outlet RT and not Russia, and
"ولادیمیر پوتین" is a person and not the Russian city Vladimir.

Ambiguous aliases (a surname that is also a word, a city name that is also a
word) are kept only when the document supports them: the same entity is named
unambiguously elsewhere in it, or, for a place, its country is named.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
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


class Lexicon:
    """An automaton over folded aliases; build once, match many documents."""

    def __init__(self, entries: Iterable[LexiconEntry], common_words: dict[str, int] | None = None,
                 words_by_language: dict[str, frozenset[str]] | None = None):
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
        self._automaton = ahocorasick.Automaton()
        for key, group in by_key.items():
            self._automaton.add_word(key, (key, False, tuple(group)))
            if key.startswith("ال") and len(key) > 3:
                lam = ARABIC_LAM_ARTICLE + key[2:]
                if lam not in by_key:
                    self._automaton.add_word(lam, (lam, True, tuple(group)))
        if self.size:
            self._automaton.make_automaton()

    def find(self, body: str, language: str) -> list[Mention]:
        """Every supported, non-overlapping entity mention in ``body``."""
        if not self.size or not body:
            return []
        folded = fold(body)
        hits = []
        for end_index, (key, lam_form, group) in self._automaton.iter(folded):
            end = end_index + 1
            start = end - len(key)
            if not self._left_ok(folded, start, language, lam_form, self._word_rank):
                continue
            if not self._right_ok(folded, end, language, group, body):
                continue
            hits.append((start, end, group))
        # longest first, then leftmost: a longer name swallows the names inside it
        hits.sort(key=lambda h: (h[0] - h[1], h[0]))
        taken = bytearray(len(folded))
        kept = []
        for start, end, group in hits:
            if any(taken[start:end]):
                continue
            taken[start:end] = b"\x01" * (end - start)
            kept.append((start, end, group))
        kept.sort()
        kept = [(start, end, own) for start, end, group in kept
                if (own := self._in_language(group, language, folded[start:end]))]
        return self._resolve(body, kept)

    @staticmethod
    def _left_ok(folded: str, start: int, language: str, lam_form: bool, word_rank: dict[str, int]) -> bool:
        if start == 0 or not _is_letter(folded[start - 1]):
            return not lam_form
        if language != "ar":
            return False
        word_end = start
        while word_end < len(folded) and _is_letter(folded[word_end]):
            word_end += 1
        for prefix in ("و", "ف") if lam_form else ARABIC_PREFIXES:
            p = start - len(prefix)
            if p >= 0 and folded[p:start] == prefix and (p == 0 or not _is_letter(folded[p - 1])):
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
    def _resolve(body: str, kept) -> list[Mention]:
        """Choose one entity per hit, then drop ambiguous hits the document does not support."""
        firm_entities = set()
        firm_countries = set()
        for _, _, group in kept:
            firm = [e for e in group if not e.is_ambiguous]
            if len({e.entity_id for e in firm}) == 1:
                firm_entities.add(firm[0].entity_id)
                if firm[0].entity_type == "country":
                    firm_countries.add(firm[0].country_code)
        mentions = []
        for start, end, group in kept:
            def support(e: LexiconEntry) -> tuple:
                return (
                    e.entity_id in firm_entities,
                    e.country_code in firm_countries,
                    not e.is_ambiguous,
                    e.population,
                )
            best = max(group, key=support)
            supported = (not best.is_ambiguous and len({e.entity_id for e in group}) == 1) \
                or best.entity_id in firm_entities \
                or (best.entity_type == "place" and best.country_code in firm_countries) \
                or (not best.is_ambiguous and best.entity_type == "place")
            if not supported:
                continue
            mentions.append(Mention(best.entity_id, best.entity_type, start, end, body[start:end],
                                    best.alias_kind, best.country_code, best.is_ambiguous))
        return mentions
