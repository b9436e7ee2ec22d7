"""Date expressions in Persian and Arabic news sentences, resolved to calendar dates.

The words come from three dbt seeds (``calendar_month_names``, ``relative_date_words``,
``weekday_names``); the grammar around them (day numbers, ordinal day words, "last"/
"current" qualifiers, numeric dates) lives here. All matching runs on a folded view of
the text (see ``normalize.fold``), so spelling variants (ي/ی, أ/ا, Persian digits, ...)
unify and every offset found is an offset into the original text.

Resolution is anchored on the article's publication date:

- day + month without a year: the most recent such date not after ``published``;
- an explicit year is used as written (Solar/Lunar Hijri years are 13xx/14xx);
- "الماضي"/"گذشته" after a month: that month strictly before ``published``'s month;
  "الحالي"/"جاری"/"امسال": ``published``'s year; "سال گذشته"/"العام الماضي": the year before;
- relative words ("أمس", "دیروز"): ``published`` + the seed's day offset;
- a weekday alone: the most recent such weekday on or before ``published`` (wire style:
  "التقى السبت" in a Saturday article is that Saturday); with "last" (السبت الماضي,
  جمعه گذشته) strictly before; a relative word with a weekday
  ("اليوم السبت", "امروز (جمعه)") is that day if the weekday agrees, else the most recent
  such weekday before it.

No ``event_date`` is ever after ``published``; without ``published`` only an explicit
year resolves. A month without a day ("أيلول الماضي", "سپتامبر 2017") is a mention of
kind ``month`` whose ``event_date`` is the first day of that month.

A relative phrase with an empty ``day_offset`` in the seed is a name that merely contains
a date word (the channel "روسيا اليوم"): it is matched so that the word inside is not.
"""
from __future__ import annotations

import csv
import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, NamedTuple

import jdatetime

from orchestration.text.normalize import ZWNJ, fold, fold_phrase

MONTHS_SEED = "calendar_month_names.csv"
RELATIVE_SEED = "relative_date_words.csv"
WEEKDAYS_SEED = "weekday_names.csv"

KINDS = ("absolute", "weekday", "relative", "month")  # most specific first, as pick_date ranks


class MonthName(NamedTuple):
    language: str
    month_name: str
    calendar: str
    month_number: int


class RelativeWord(NamedTuple):
    language: str
    phrase: str
    day_offset: int | None  # None: a name containing a date word, not a date


class WeekdayName(NamedTuple):
    language: str
    weekday_name: str
    iso_weekday: int


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    event_date: datetime.date | None
    kind: str  # one of KINDS
    upcoming: bool = False  # a day after publication: "الاثنين 16 تموز" in a text of 10 July


# --- calendars --------------------------------------------------------------------------
@dataclass(frozen=True)
class _Calendar:
    explicit_years: range  # what a written year must fall in to belong to this calendar
    to_date: Callable[[int, int, int], datetime.date]  # raises ValueError if there is no such day
    from_date: Callable[[datetime.date], tuple[int, int, int]]


def _jalali_to_date(year: int, month: int, day: int) -> datetime.date:
    return jdatetime.date(year, month, day).togregorian()


def _jalali_from_date(d: datetime.date) -> tuple[int, int, int]:
    j = jdatetime.date.fromgregorian(date=d)
    return j.year, j.month, j.day


# Lunar Hijri by the tabular (arithmetic) calendar: observed and Umm al-Qura months can
# start a day or two apart from it, which is as close as a rule without sightings gets.
_HIJRI_EPOCH = datetime.date(622, 7, 19).toordinal()  # 1 Muharram 1 AH (16 July 622, Julian)


def _hijri_ordinal(year: int, month: int, day: int) -> int:
    return (day + (59 * (month - 1) + 1) // 2 + (year - 1) * 354
            + (3 + 11 * year) // 30 + _HIJRI_EPOCH - 1)


def _hijri_to_date(year: int, month: int, day: int) -> datetime.date:
    leap = (14 + 11 * year) % 30 < 11
    length = 30 if month % 2 == 1 or (month == 12 and leap) else 29
    if not (1 <= month <= 12 and 1 <= day <= length):
        raise ValueError(f"no day {year}-{month}-{day} in the Hijri calendar")
    return datetime.date.fromordinal(_hijri_ordinal(year, month, day))


def _hijri_from_date(d: datetime.date) -> tuple[int, int, int]:
    ordinal = d.toordinal()
    year = (30 * (ordinal - _HIJRI_EPOCH) + 10646) // 10631
    months_in = -(-2 * (ordinal - 29 - _hijri_ordinal(year, 1, 1)) // 59)  # ceil(x / 29.5)
    month = min(12, months_in + 1)
    return year, month, ordinal - _hijri_ordinal(year, month, 1) + 1


_CALENDARS = {
    "gregorian": _Calendar(range(1900, 2100), datetime.date,
                           lambda d: (d.year, d.month, d.day)),
    "solar_hijri": _Calendar(range(1300, 1500), _jalali_to_date, _jalali_from_date),
    "lunar_hijri": _Calendar(range(1300, 1500), _hijri_to_date, _hijri_from_date),
}


# --- grammar words (not seed data: they are how dates are phrased, not what they name) ----
def _folded(mapping: dict[str, object]) -> dict[str, object]:
    return {fold_phrase(k): v for k, v in mapping.items()}


def _arabic_ordinals() -> dict[str, int]:
    units = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"]
    words = {w: n for n, w in enumerate(units, 1)}
    words["العاشر"] = 10
    words["الحادي عشر"] = 11
    words.update({f"{w} عشر": n + 10 for n, w in enumerate(units[1:], 2)})
    for tens, value in (("العشرين", 20), ("العشرون", 20), ("الثلاثين", 30), ("الثلاثون", 30)):
        words[tens] = value
        ones = ["الحادي", *units[1:]] if value == 20 else ["الحادي"]
        for n, unit in enumerate(ones, 1):
            words[f"{unit} و{tens}"] = words[f"{unit} و {tens}"] = value + n
    return words


def _persian_ordinals() -> dict[str, int]:
    units = ["یکم", "دوم", "سوم", "چهارم", "پنجم", "ششم", "هفتم", "هشتم", "نهم"]
    words = {w: n for n, w in enumerate(units, 1)}
    words.update({"اول": 1, "دهم": 10, "یازدهم": 11, "دوازدهم": 12, "سیزدهم": 13,
                  "چهاردهم": 14, "پانزدهم": 15, "شانزدهم": 16, "هفدهم": 17, "هجدهم": 18,
                  "هیجدهم": 18, "نوزدهم": 19, "بیستم": 20, "سی‌ام": 30, "سیام": 30,
                  "سی و یکم": 31})
    words.update({f"بیست و {w}": 20 + n for n, w in enumerate(units, 1)})
    return words


_ORDINALS = {"ar": _folded(_arabic_ordinals()), "fa": _folded(_persian_ordinals())}

_LAST_MONTH, _THIS_YEAR, _LAST_YEAR = "last_month", "this_year", "last_year"
# Qualifiers after a month name.
_MONTH_RELATIONS = _folded({
    "الماضي": _LAST_MONTH, "الفائت": _LAST_MONTH, "المنصرم": _LAST_MONTH, "گذشته": _LAST_MONTH,
    "الحالي": _THIS_YEAR, "الجاري": _THIS_YEAR, "من العام الحالي": _THIS_YEAR,
    "من العام الجاري": _THIS_YEAR, "من هذا العام": _THIS_YEAR, "جاری": _THIS_YEAR,
    "سال جاری": _THIS_YEAR, "امسال": _THIS_YEAR,
    "العام الماضي": _LAST_YEAR, "من العام الماضي": _LAST_YEAR, "من السنة الماضية": _LAST_YEAR,
    "سال گذشته": _LAST_YEAR, "سال قبل": _LAST_YEAR, "پارسال": _LAST_YEAR,
})
# "السبت الماضي", "جمعه گذشته": the same as the weekday alone, but part of the expression.
_WEEKDAY_LAST = [fold_phrase(w) for w in ("الماضي", "الماضية", "الفائت", "المنصرم", "گذشته")]
# Month names that are everyday words too ("می" is the Persian continuous prefix, "مه" is
# fog): they count as months only right after a day.
_DAY_ONLY_MONTHS = {fold_phrase("می"), fold_phrase("مه")}
# A count before "روز گذشته" makes a span ("در دو روز گذشته": over the past two days).
_COUNT_WORDS = [fold_phrase(w) for w in (
    "دو", "سه", "چهار", "پنج", "شش", "هفت", "هشت", "ده", "چند", "چندین")]

# Within a phrase words are separated by spaces or a half-space (kept in the view).
_WS = "[ \t\u200c]+"
_OWS = "[ \t\u200c]*"
_END = r"(?![\w\u200c])"
_WORD_START = r"(?<![\w\u200c])"
# Arabic writes "and" joined to the next word ("وأمس"): the date starts after it.
_ARABIC_START = rf"(?:{_WORD_START}|(?<={_WORD_START}و))"
_YEAR = r"(?:1[34]\d\d|19\d\d|20\d\d)(?!\d)"


def _key(view_text: str) -> str:
    """Lookup key of a matched phrase: half-spaces as spaces, spaces squeezed."""
    return " ".join(view_text.replace(ZWNJ, " ").split())


def _alternation(phrases) -> str:
    """Regex for any of the folded phrases, longest first so "سه شنبه" beats "شنبه"."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    if not ordered:
        return "(?!)"
    return "(?:" + "|".join(_WS.join(map(re.escape, p.split(" "))) for p in ordered) + ")"


def _words(*words: str) -> str:
    return _alternation(fold_phrase(w) for w in words)


class _Grammar:
    """Lookup tables and compiled patterns for one language."""

    def __init__(self, language: str, months: dict[str, tuple[str, int]],
                 relative: dict[str, int | None], weekdays: dict[str, int]):
        self.language = language
        self.months, self.relative, self.weekdays = months, relative, weekdays
        self.ordinals = _ORDINALS.get(language, {})
        start = _ARABIC_START if language == "ar" else _WORD_START
        month = _alternation(months)
        weekday = _alternation(weekdays)
        day = rf"(?:\d{{1,2}}(?!\d)|{_alternation(self.ordinals)}{_END})"
        days = rf"(?P<day>{day})(?:{_OWS}{_words('و', 'تا', 'الی', '-', '–')}{_OWS}{day})*"
        connector = rf"{_WS}(?:{_words('من')}{_WS})?(?:{_words('شهر', 'ماه')}{_WS})?"
        # Levantine outlets pair names: "شباط/فبراير", "آذار (مارس)".
        other_name = rf"(?:{_OWS}/{_OWS}{month}|{_OWS}\({_OWS}{month}{_OWS}\))"
        year_prefix = (rf"(?:(?:{_words('من')}{_WS})?{_words('عام', 'العام', 'سنة', 'السنة')}"
                       rf"|{_words('سال')}){_WS}")
        year_suffix = rf"(?:{_OWS}(?:م|هـ|ه){_END})?"  # 2017م, 1438هـ
        self.date_re = re.compile(
            rf"{start}(?:{days}{connector})?(?P<month>{month}){other_name}?"
            rf"(?P<maah>{_OWS}{_words('ماه')})?{_END}"
            rf"(?:{_WS}(?:{year_prefix})?(?P<year>{_YEAR}){year_suffix}"
            rf"|{_WS}(?P<relation>{_alternation(_MONTH_RELATIONS)}){_END})?")
        self.numeric_re = re.compile(
            r"(?<![\w\u200c/.\-])(?:(?P<y1>\d{4})(?P<s1>[/.\-])(?P<m1>\d{1,2})(?P=s1)(?P<d1>\d{1,2})"
            r"|(?P<d2>\d{1,2})(?P<s2>[/.\-])(?P<m2>\d{1,2})(?P=s2)(?P<y2>\d{4}))"
            r"(?![\w\u200c]|[/.\-]\d)")
        self.relative_re = re.compile(
            rf"{start}(?P<relative>{_alternation(relative)}){_END}"
            rf"(?:{_OWS}\({_OWS}(?P<wd_paren>{weekday}){_OWS}\)"
            rf"|{_OWS}[،,]?{_OWS}(?P<wd>{weekday}){_END})?")
        self.weekday_re = re.compile(
            rf"{start}(?P<weekday>{weekday}){_END}(?:{_WS}{_alternation(_WEEKDAY_LAST)}{_END})?")
        self.count_before_re = re.compile(
            rf"{_WORD_START}(?:\d+|{_alternation(_COUNT_WORDS)}){_WS}\Z")

    def day_number(self, view_text: str) -> int:
        return int(view_text) if view_text.isdigit() else self.ordinals[_key(view_text)]


def _table(rows, key_of, value_of, what: str) -> dict[str, dict]:
    """language -> folded phrase -> value; spelling variants must agree once folded."""
    tables: dict[str, dict] = {}
    for row in rows:
        table = tables.setdefault(row.language, {})
        key, value = fold_phrase(key_of(row)), value_of(row)
        if not key:
            raise ValueError(f"empty {what}: {row}")
        if table.setdefault(key, value) != value:
            raise ValueError(f"{what} {key_of(row)!r} folds to {key!r}, which already means {table[key]}")
    return tables


# --- vocabulary -------------------------------------------------------------------------
@dataclass(frozen=True)
class DateVocabulary:
    """The three seed tables; build with ``from_seed_dir`` or ``from_rows``."""

    months: tuple[MonthName, ...]
    relative: tuple[RelativeWord, ...]
    weekdays: tuple[WeekdayName, ...]
    _grammars: dict[str, _Grammar] = field(default_factory=dict, init=False, repr=False, compare=False)
    _tables: dict[str, tuple] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self):
        for row in self.months:
            if row.calendar not in _CALENDARS or not 1 <= row.month_number <= 12:
                raise ValueError(f"bad month row: {row}")
        for row in self.weekdays:
            if not 1 <= row.iso_weekday <= 7:
                raise ValueError(f"bad weekday row: {row}")
        months = _table(self.months, lambda r: r.month_name,
                        lambda r: (r.calendar, r.month_number), "month name")
        relative = _table(self.relative, lambda r: r.phrase, lambda r: r.day_offset, "relative phrase")
        weekdays = _table(self.weekdays, lambda r: r.weekday_name, lambda r: r.iso_weekday, "weekday")
        # a language's patterns are compiled when a document first needs them (~75 ms each)
        for language in {*months, *relative, *weekdays}:
            self._tables[language] = (months.get(language, {}), relative.get(language, {}), weekdays.get(language, {}))

    @classmethod
    def from_rows(cls, months: list[dict], relative: list[dict], weekdays: list[dict]) -> DateVocabulary:
        """Rows as dicts keyed by the seed's column names; numbers may be str or int."""
        def offset(value) -> int | None:
            return None if value is None or str(value).strip() == "" else int(value)

        return cls(
            months=tuple(MonthName(r["language"].strip(), r["month_name"].strip(),
                                   r["calendar"].strip(), int(r["month_number"])) for r in months),
            relative=tuple(RelativeWord(r["language"].strip(), r["phrase"].strip(),
                                        offset(r["day_offset"])) for r in relative),
            weekdays=tuple(WeekdayName(r["language"].strip(), r["weekday_name"].strip(),
                                       int(r["iso_weekday"])) for r in weekdays),
        )

    @classmethod
    def from_seed_dir(cls, path: str | Path) -> DateVocabulary:
        """Read the three seed CSVs from a dbt ``seeds`` directory."""
        def read(name: str) -> list[dict]:
            with open(Path(path) / name, encoding="utf-8-sig", newline="") as f:
                return list(csv.DictReader(f))

        return cls.from_rows(read(MONTHS_SEED), read(RELATIVE_SEED), read(WEEKDAYS_SEED))

    def _grammar(self, language: str) -> _Grammar:
        if language not in self._grammars:  # a language without seed rows: numeric dates only
            self._grammars[language] = _Grammar(language, *self._tables.get(language, ({}, {}, {})))
        return self._grammars[language]


# --- resolution -------------------------------------------------------------------------
def _not_after(d: datetime.date | None, published: datetime.date | None) -> datetime.date | None:
    return d if d is None or published is None or d <= published else None


def _resolve_day(calendar: str, month: int, day: int, year: int | None,
                 relation: str | None, published: datetime.date | None) -> datetime.date | None:
    """A day of a named month; raises ValueError when there is no such day."""
    cal = _CALENDARS[calendar]
    if year is not None:
        if year not in cal.explicit_years:  # "14 اردیبهشت 2017": a year of another calendar
            return None
        return _not_after(cal.to_date(year, month, day), published)
    if published is None:
        return None
    p_year, p_month, p_day = cal.from_date(published)
    if relation == _LAST_MONTH:
        return _not_after(cal.to_date(p_year if month < p_month else p_year - 1, month, day), published)
    if relation == _THIS_YEAR:
        return _not_after(cal.to_date(p_year, month, day), published)
    if relation == _LAST_YEAR:
        return cal.to_date(p_year - 1, month, day)
    latest = p_year if (month, day) <= (p_month, p_day) else p_year - 1
    for year in range(latest, latest - 8, -1):  # back past leap days (29 Feb, 30 Esfand)
        try:
            return cal.to_date(year, month, day)
        except ValueError:
            continue
    return None


UPCOMING_DAYS = 60


def _upcoming(calendar: str, month: int, day: int, year: int | None, relation: str | None,
              published: datetime.date | None) -> bool:
    """Whether a day of a named month without a year is one the text looks forward to: its next
    occurrence comes within UPCOMING_DAYS of publication (news names the coming days by date:
    "the summit on Monday 16 July" in a text of 10 July). ``_resolve_day`` still gives the past
    reading, the one a report of a meeting means. (A date with its year after publication is
    left alone: more often a wrong publication date than a meeting to come.)"""
    if published is None or relation is not None or year is not None:
        return False
    cal = _CALENDARS[calendar]
    p_year = cal.from_date(published)[0]
    for y in (p_year, p_year + 1):
        try:
            d = cal.to_date(y, month, day)
        except ValueError:
            continue
        if d > published:
            return (d - published).days <= UPCOMING_DAYS
    return False


def _resolve_relative(offset: int, iso_weekday: int | None,
                      published: datetime.date | None) -> datetime.date | None:
    """``published`` + offset, moved back to the weekday named with it, if any."""
    if published is None:
        return None
    anchor = published + datetime.timedelta(days=offset)
    if iso_weekday is not None:
        anchor -= datetime.timedelta(days=(anchor.isoweekday() - iso_weekday) % 7)
    return _not_after(anchor, published)


def _safely(resolve: Callable[..., datetime.date | None], *args) -> datetime.date | None:
    """No date for what has no day (31 سپتامبر) or falls off the calendars' ranges."""
    try:
        return resolve(*args)
    except (ValueError, OverflowError):
        return None


class _Candidate(NamedTuple):
    start: int
    end: int
    kind: str | None  # None: a blocking name, matched only to hide the date word inside it
    event_date: datetime.date | None
    upcoming: bool = False


def _month_candidates(g: _Grammar, view: str, published) -> list[_Candidate]:
    out = []
    for m in g.date_re.finditer(view):
        month_key = _key(m["month"])
        has_day = m["day"] is not None
        if not has_day and (month_key in _DAY_ONLY_MONTHS
                            or not (m["year"] or m["relation"] or m["maah"])):
            continue  # a bare month name is too often an ordinary word ("مهر", "مارس")
        day = g.day_number(m["day"]) if has_day else 1
        if not 1 <= day <= 31:
            continue
        calendar, month = g.months[month_key]
        year = int(m["year"]) if m["year"] else None
        relation = _MONTH_RELATIONS[_key(m["relation"])] if m["relation"] else None
        event_date = _safely(_resolve_day, calendar, month, day, year, relation, published)
        upcoming = has_day and bool(_safely(_upcoming, calendar, month, day, year, relation, published))
        out.append(_Candidate(m.start(), m.end(), "absolute" if has_day else "month", event_date, upcoming))
    return out


def _numeric_candidates(g: _Grammar, view: str, published) -> list[_Candidate]:
    out = []
    for m in g.numeric_re.finditer(view):
        year, month, day = (int(m["y1"]), int(m["m1"]), int(m["d1"])) if m["y1"] else (
            int(m["y2"]), int(m["m2"]), int(m["d2"]))
        if year in _CALENDARS["gregorian"].explicit_years:
            cal = _CALENDARS["gregorian"]
        elif year in _CALENDARS["solar_hijri"].explicit_years:
            # 13xx/14xx: Persian outlets date by the Solar Hijri calendar, Arabic by the lunar one.
            cal = _CALENDARS["solar_hijri" if g.language == "fa" else "lunar_hijri"]
        else:
            continue
        written = _safely(cal.to_date, year, month, day)
        if written is not None:  # "2254/12/40" and the like are numbers, not a date
            out.append(_Candidate(m.start(), m.end(), "absolute", _not_after(written, published)))
    return out


def _relative_candidates(g: _Grammar, view: str, published) -> list[_Candidate]:
    out = []
    for m in g.relative_re.finditer(view):
        offset = g.relative[_key(m["relative"])]
        if offset is None:
            out.append(_Candidate(m.start(), m.end("relative"), None, None))
        elif not g.count_before_re.search(view, 0, m.start()):
            weekday = m["wd_paren"] or m["wd"]
            iso = g.weekdays[_key(weekday)] if weekday else None
            out.append(_Candidate(m.start(), m.end(), "weekday" if weekday else "relative",
                                  _safely(_resolve_relative, offset, iso, published)))
    for m in g.weekday_re.finditer(view):
        # Wire copy names the publication day by its weekday too; "last Saturday" is a week back.
        iso = g.weekdays[_key(m["weekday"])]
        said_last = m.end() > m.end("weekday")
        out.append(_Candidate(m.start(), m.end(), "weekday",
                              _safely(_resolve_relative, -1 if said_last else 0, iso, published)))
    return out


def find_dates(text: str, language: str, published: datetime.date | None,
               vocab: DateVocabulary) -> list[DateMention]:
    """Date expressions in ``text``, left to right, none overlapping, resolved on ``published``."""
    if isinstance(published, datetime.datetime):
        published = published.date()  # a datetime does not compare with a date
    # Folded text with the half-space kept, so "می‌دهد" stays one word to the boundaries.
    view = "".join(c if c == ZWNJ else f for c, f in zip(text, fold(text)))
    g = vocab._grammar(language)
    candidates = [*_month_candidates(g, view, published), *_numeric_candidates(g, view, published),
                  *_relative_candidates(g, view, published)]
    # Earliest start wins, then the longest: "اليوم السبت" over "السبت", "سه شنبه" over "شنبه".
    candidates.sort(key=lambda c: (c.start, -c.end))
    mentions, taken_to = [], 0
    for c in candidates:
        if c.start < taken_to:
            continue
        taken_to = c.end
        if c.kind is not None:
            mentions.append(DateMention(c.start, c.end, text[c.start:c.end], c.event_date, c.kind, c.upcoming))
    return _with_restatements(mentions, text)


_BETWEEN_RESTATED = re.compile(r"[\s،,]*")


def _with_restatements(mentions: list[DateMention], text: str) -> list[DateMention]:
    """A date restated in brackets is one expression: "جمعه گذشته (یکم شهریور)", "صبح امروز (دوشنبه
    ۹ بهمن ۱۴۰۲)"; it means the most specific of its parts."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        first = mentions[i]
        open_at = re.compile(r"\s*\(\s*").match(text, first.end)
        j = i + 1
        if open_at and j < len(mentions) and mentions[j].start == open_at.end():
            end = mentions[j].end
            while j + 1 < len(mentions) and _BETWEEN_RESTATED.fullmatch(text, end, mentions[j + 1].start):
                j += 1
                end = mentions[j].end
            close = re.compile(r"\s*\)").match(text, end)
            if close:
                best = pick_date(mentions[i:j + 1])
                out.append(DateMention(first.start, close.end(), text[first.start:close.end()], best.event_date,
                                       best.kind, best.upcoming))
                i = j + 1
                continue
        out.append(first)
        i += 1
    return out


def pick_date(dates: list[DateMention]) -> DateMention | None:
    """The most specific mention: absolute > weekday > relative > month; then the first."""
    if not dates:
        return None
    return min(dates, key=lambda d: (KINDS.index(d.kind), d.start))
