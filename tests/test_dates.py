"""Tests for orchestration.text.dates, with the vocabulary read from the dbt seeds."""
from __future__ import annotations

import datetime
from pathlib import Path

import jdatetime
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from orchestration.text.dates import KINDS, DateMention, DateVocabulary, find_dates, pick_date

SEEDS = Path(__file__).resolve().parents[1] / "dbt_project" / "seeds"
VOCAB = DateVocabulary.from_seed_dir(SEEDS)

D = datetime.date
WED = D(2017, 9, 20)  # Wednesday; 1396-06-29 in the Solar Hijri calendar
SAT = D(2017, 9, 16)
SUN = D(2017, 9, 17)
FRI = D(2017, 9, 22)


def jalali(y: int, m: int, d: int) -> datetime.date:
    return jdatetime.date(y, m, d).togregorian()


def only(text: str, language: str, published: datetime.date | None) -> DateMention:
    found = find_dates(text, language, published, VOCAB)
    assert len(found) == 1, found
    return found[0]


# --- absolute dates: day + month ---------------------------------------------------------
@pytest.mark.parametrize("language, text, words, expected", [
    # Persian, Solar Hijri
    ("fa", "ایران، روسیه و ترکیه 14 اردیبهشت در آستانه", "14 اردیبهشت", jalali(1396, 2, 14)),
    ("fa", "در ۱۲ بهمن دیدار کردند", "۱۲ بهمن", jalali(1395, 11, 12)),
    ("fa", "براساس توافق 19 شهریور ماه در ژنو", "19 شهریور ماه", jalali(1396, 6, 19)),
    ("fa", "توافق ۱۹ شهریورماه", "۱۹ شهریورماه", jalali(1396, 6, 19)),
    ("fa", "۱۴ ارديبهشت", "۱۴ ارديبهشت", jalali(1396, 2, 14)),  # Arabic yeh spelling
    ("fa", "در بیست و دوم بهمن", "بیست و دوم بهمن", jalali(1395, 11, 22)),
    ("fa", "اول مهر", "اول مهر", jalali(1395, 7, 1)),
    # Persian, Gregorian
    ("fa", "در روزهای 14 و 15 ماه سپتامبر از جمله", "14 و 15 ماه سپتامبر", D(2017, 9, 14)),
    ("fa", "روز ۱۰ مه", "۱۰ مه", D(2017, 5, 10)),
    ("fa", "روز ۱۰ می در مسکو", "۱۰ می", D(2017, 5, 10)),
    ("fa", "۳ ژوئیه", "۳ ژوئیه", D(2017, 7, 3)),
    ("fa", "۳ جولای", "۳ جولای", D(2017, 7, 3)),
    ("fa", "۵ آگوست", "۵ آگوست", D(2017, 8, 5)),
    # Arabic, Levantine / Iraqi
    ("ar", "في 10 نيسان التقى", "10 نيسان", D(2017, 4, 10)),
    ("ar", "في 27 شباط الماضي لا يشمل", "27 شباط الماضي", D(2017, 2, 27)),
    ("ar", "في 3 تشرين الأول", "3 تشرين الأول", D(2016, 10, 3)),
    ("ar", "الحادي والعشرين من كانون الأول", "الحادي والعشرين من كانون الأول", D(2016, 12, 21)),
    ("ar", "الثاني عشر من آب", "الثاني عشر من آب", D(2017, 8, 12)),
    # Arabic, MSA / Egyptian and Maghrebi
    ("ar", "يوم 5 أبريل", "5 أبريل", D(2017, 4, 5)),
    ("ar", "يوم 5 ابريل", "5 ابريل", D(2017, 4, 5)),
    ("ar", "في ١٥ يونيه", "١٥ يونيه", D(2017, 6, 15)),
    ("ar", "في 15 جانفي", "15 جانفي", D(2017, 1, 15)),
    ("ar", "في 2 جويلية", "2 جويلية", D(2017, 7, 2)),
    ("ar", "في 20 أوت", "20 أوت", D(2017, 8, 20)),
    # paired names and "of the month"
    ("ar", "في 3 آذار/مارس", "3 آذار/مارس", D(2017, 3, 3)),
    ("ar", "في الرابع من شهر تموز", "الرابع من شهر تموز", D(2017, 7, 4)),
])
def test_day_and_month_takes_the_latest_date_not_after_published(language, text, words, expected):
    mention = only(text, language, WED)
    assert mention.text == words
    assert text[mention.start:mention.end] == words
    assert mention.event_date == expected
    assert mention.kind == "absolute"


def test_arabic_ordinal_day_range_takes_the_first_day():
    text = "كان آخرها فى الرابع عشر والخامس عشر من أيلول الماضي"
    mention = only(text, "ar", D(2017, 10, 5))
    assert mention.text == "الرابع عشر والخامس عشر من أيلول الماضي"
    assert mention.event_date == D(2017, 9, 14)


def test_last_means_strictly_before_the_published_month():
    text = "في الرابع عشر من أيلول الماضي"
    assert only(text, "ar", D(2017, 9, 20)).event_date == D(2016, 9, 14)
    assert only("في 27 شباط الماضي", "ar", D(2017, 2, 28)).event_date == D(2016, 2, 27)
    assert only("۲۵ اسفند گذشته", "fa", jalali(1396, 12, 28)).event_date == jalali(1395, 12, 25)


def test_current_and_last_year_qualifiers():
    text = "ایران، روسیه و ترکیه 14 اردیبهشت سال جاری در چهارمین دور مذاکرات"
    mention = only(text, "fa", WED)
    assert (mention.text, mention.event_date) == ("14 اردیبهشت سال جاری", jalali(1396, 2, 14))
    assert only("۱۰ مهر سال گذشته", "fa", WED).event_date == jalali(1395, 7, 10)
    assert only("في 5 أيار من العام الماضي", "ar", WED).event_date == D(2016, 5, 5)
    # "current" never reaches past the publication date
    assert only("۱۰ اسفند سال جاری", "fa", WED).event_date is None
    assert only("في 25 أيلول الحالي", "ar", WED).event_date is None
    assert only("في 5 أيلول الحالي", "ar", WED).event_date == D(2017, 9, 5)


def test_year_inference_across_gregorian_new_year():
    mention = only("دیدار ۲۸ دسامبر", "fa", D(2017, 1, 5))
    assert mention.event_date == D(2016, 12, 28)
    assert only("في 28 ديسمبر", "ar", D(2017, 1, 5)).event_date == D(2016, 12, 28)
    assert only("في 5 يناير", "ar", D(2017, 1, 5)).event_date == D(2017, 1, 5)


def test_year_inference_across_solar_hijri_new_year():
    published = jalali(1396, 1, 10)
    assert only("۲۵ اسفند", "fa", published).event_date == jalali(1395, 12, 25)
    assert only("۵ فروردین", "fa", published).event_date == jalali(1396, 1, 5)


def test_leap_days_go_back_to_the_last_year_that_has_them():
    assert only("۲۹ فوریه", "fa", WED).event_date == D(2016, 2, 29)
    assert only("۳۰ اسفند", "fa", WED).event_date == jalali(1395, 12, 30)  # 1395 is a leap year


def test_a_day_the_month_does_not_have_is_a_mention_without_a_date():
    mention = only("۳۱ سپتامبر", "fa", WED)
    assert (mention.kind, mention.event_date) == ("absolute", None)


# --- explicit years and numeric dates ------------------------------------------------------
@pytest.mark.parametrize("text, language, words, expected", [
    ("در 14 سپتامبر 2017 در آستانه", "fa", "14 سپتامبر 2017", D(2017, 9, 14)),
    ("۱۴ اردیبهشت ۱۳۹۶", "fa", "۱۴ اردیبهشت ۱۳۹۶", jalali(1396, 2, 14)),
    ("۱۴ اردیبهشت ماه سال ۱۳۹۵", "fa", "۱۴ اردیبهشت ماه سال ۱۳۹۵", jalali(1395, 2, 14)),
    ("في 10 نيسان 2016م", "ar", "10 نيسان 2016م", D(2016, 4, 10)),
    ("في 3 آذار (مارس) من عام 2015", "ar", "3 آذار (مارس) من عام 2015", D(2015, 3, 3)),
    ("في 15 رمضان 1438هـ", "ar", "15 رمضان 1438هـ", D(2017, 6, 10)),
    ("1396/02/14", "fa", "1396/02/14", jalali(1396, 2, 14)),
    ("به تاریخ ۱۳۹۶/۰۲/۱۴ امضا شد", "fa", "۱۳۹۶/۰۲/۱۴", jalali(1396, 2, 14)),
    ("بتاريخ 14/09/2017", "ar", "14/09/2017", D(2017, 9, 14)),
    ("بتاريخ 2017-09-14.", "ar", "2017-09-14", D(2017, 9, 14)),
])
def test_explicit_years_resolve_without_a_publication_date(text, language, words, expected):
    mention = only(text, language, None)
    assert (mention.text, mention.event_date, mention.kind) == (words, expected, "absolute")
    assert only(text, language, WED).event_date == expected


def test_explicit_date_after_published_has_no_date():
    mention = only("در 25 سپتامبر 2017", "fa", WED)
    assert (mention.text, mention.event_date) == ("25 سپتامبر 2017", None)
    assert only("1396/07/01", "fa", WED).event_date is None


def test_a_year_of_another_calendar_resolves_to_nothing():
    assert only("۱۴ اردیبهشت ۲۰۱۷", "fa", WED).event_date is None


@pytest.mark.parametrize("text, language", [
    ("طبقا لقرار مجلس الأمن 2254.", "ar"),
    ("اجرای قطعنامه 2254 شورای امنیت", "fa"),
    ("سال ۱۳۹۶ سال خوبی بود", "fa"),
    ("نسبة 2254/12/40", "ar"),
    ("عدد 12/13/2017", "ar"),
])
def test_numbers_that_are_not_dates(text, language):
    assert find_dates(text, language, WED, VOCAB) == []


# --- month without a day -------------------------------------------------------------------
@pytest.mark.parametrize("text, language, published, words, expected", [
    ("منذ أيلول الماضي", "ar", D(2017, 10, 5), "أيلول الماضي", D(2017, 9, 1)),
    ("منذ أيلول الماضي", "ar", WED, "أيلول الماضي", D(2016, 9, 1)),
    ("در سپتامبر 2016", "fa", WED, "سپتامبر 2016", D(2016, 9, 1)),
    ("شهریور ماه", "fa", WED, "شهریور ماه", jalali(1396, 6, 1)),
    ("دی ماه سال گذشته", "fa", WED, "دی ماه سال گذشته", jalali(1395, 10, 1)),
    ("في آذار/مارس 2017", "ar", WED, "آذار/مارس 2017", D(2017, 3, 1)),
])
def test_month_without_day_is_a_month_mention(text, language, published, words, expected):
    mention = only(text, language, published)
    assert (mention.text, mention.event_date, mention.kind) == (words, expected, "month")


@pytest.mark.parametrize("text, language", [
    ("مهر و محبت", "fa"),          # "مهر": affection
    ("مهرداد آمد", "fa"),          # a name that starts with a month
    ("تیر خلاص", "fa"),
    ("مارس الضغط على الحكومة", "ar"),  # "مارس": he exerted
    ("في شهر أيلول", "ar"),
    ("رمضان كريم", "ar"),
])
def test_a_bare_month_name_is_not_a_date(text, language):
    assert find_dates(text, language, WED, VOCAB) == []


# --- "می" and "مه" -------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "او این کار را می‌دهد",
    "روسیه را به عنوان شریک می دانند",
    "تعداد آنها به ۲۰ می‌رسد",
    "همه طرف‌ها حاضر بودند",
    "مه غلیظ",
    "می ۲۰۱۷",
    "مه گذشته",
])
def test_persian_may_is_only_a_month_after_a_day(text):
    assert find_dates(text, "fa", WED, VOCAB) == []


def test_persian_may_after_a_day():
    mention = only("در ۱۰ می ۲۰۱۶ دیدار کردند", "fa", WED)
    assert (mention.text, mention.event_date) == ("۱۰ می ۲۰۱۶", D(2016, 5, 10))


# --- relative words ----------------------------------------------------------------------
@pytest.mark.parametrize("text, language, words, offset", [
    ("رایزنی‌های امروز مسکو", "fa", "امروز", 0),
    ("دیروز در مسکو", "fa", "دیروز", -1),
    ("روز گذشته در مسکو", "fa", "روز گذشته", -1),
    ("پریروز در مسکو", "fa", "پریروز", -2),
    ("امشب", "fa", "امشب", 0),
    ("دیشب", "fa", "دیشب", -1),
    ("شب گذشته", "fa", "شب گذشته", -1),
    ("اوایل بامداد امروز وزیران", "fa", "بامداد امروز", 0),
    ("عصر امروز", "fa", "عصر امروز", 0),
    ("في أستانا اليوم", "ar", "اليوم", 0),
    ("خلال اتصال هاتفي أمس تعزيز", "ar", "أمس", -1),
    ("اتصال امس", "ar", "امس", -1),
    ("في آسيا أمس الأول التزام", "ar", "أمس الأول", -2),
    ("أول أمس", "ar", "أول أمس", -2),
    ("البارحة", "ar", "البارحة", -1),
    ("الليلة", "ar", "الليلة", 0),
    ("مساء اليوم", "ar", "مساء اليوم", 0),
    ("صباح اليوم", "ar", "صباح اليوم", 0),
    ("مساء أمس", "ar", "مساء أمس", -1),
    ("وأمس التقى", "ar", "أمس", -1),  # joined "and"
])
def test_relative_words_count_from_published(text, language, words, offset):
    mention = only(text, language, WED)
    assert (mention.text, mention.kind) == (words, "relative")
    assert mention.event_date == WED + datetime.timedelta(days=offset)


def test_relative_words_without_publication_date():
    mention = only("أمس", "ar", None)
    assert (mention.kind, mention.event_date) == ("relative", None)


def test_a_count_before_past_days_is_a_span_not_a_date():
    assert find_dates("در دو روز گذشته", "fa", WED, VOCAB) == []
    assert find_dates("طی ۳ روز گذشته", "fa", WED, VOCAB) == []


def test_a_name_containing_today_is_not_a_date():
    text = "ونقل موقع روسيا اليوم عن وزارة الخارجية أمس"
    mention = only(text, "ar", WED)
    assert (mention.text, mention.event_date) == ("أمس", WED - datetime.timedelta(days=1))


# --- weekdays ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, language, words, expected", [
    ("روز سه شنبه ابتکار", "fa", "سه شنبه", D(2017, 9, 19)),
    ("روز سه‌شنبه", "fa", "سه‌شنبه", D(2017, 9, 19)),
    ("روز سهشنبه", "fa", "سهشنبه", D(2017, 9, 19)),
    ("روز شنبه", "fa", "شنبه", D(2017, 9, 16)),
    ("پنج شنبه", "fa", "پنج شنبه", D(2017, 9, 14)),
    ("چهارشنبه", "fa", "چهارشنبه", D(2017, 9, 20)),  # the publication weekday: that very day
    ("چهارشنبه گذشته", "fa", "چهارشنبه گذشته", D(2017, 9, 13)),  # "last": a week back
    ("جمعه گذشته", "fa", "جمعه گذشته", D(2017, 9, 15)),
    ("يوم الاثنين", "ar", "الاثنين", D(2017, 9, 18)),
    ("يوم الإثنين", "ar", "الإثنين", D(2017, 9, 18)),
    ("الأحد الماضي", "ar", "الأحد الماضي", D(2017, 9, 17)),
    ("الجمعة الماضية", "ar", "الجمعة الماضية", D(2017, 9, 15)),
    ("الخميس", "ar", "الخميس", D(2017, 9, 14)),
])
def test_weekday_alone_is_the_latest_such_day_on_or_before_published(text, language, words, expected):
    mention = only(text, language, WED)
    assert (mention.text, mention.event_date, mention.kind) == (words, expected, "weekday")


@pytest.mark.parametrize("text, language, published, words, expected", [
    ("اليوم السبت", "ar", SAT, "اليوم السبت", SAT),
    ("اليوم السبت", "ar", SUN, "اليوم السبت", SAT),  # published a day late
    ("أمس الجمعة", "ar", SAT, "أمس الجمعة", D(2017, 9, 15)),
    ("مساء أمس الخميس", "ar", SAT, "مساء أمس الخميس", D(2017, 9, 14)),
    ("مذاکرات امروز (جمعه) وزیران", "fa", FRI, "امروز (جمعه)", FRI),
    ("بامداد امروز (چهارشنبه) به نقل", "fa", WED, "بامداد امروز (چهارشنبه)", WED),
    ("دیروز، سه شنبه", "fa", WED, "دیروز، سه شنبه", D(2017, 9, 19)),
])
def test_today_with_weekday(text, language, published, words, expected):
    mention = only(text, language, published)
    assert (mention.text, mention.event_date, mention.kind) == (words, expected, "weekday")


# --- no anchor -----------------------------------------------------------------------------
@pytest.mark.parametrize("text, language", [
    ("۲۸ دسامبر", "fa"), ("۱۴ اردیبهشت", "fa"), ("روز سه شنبه", "fa"), ("دیروز", "fa"),
    ("27 شباط الماضي", "ar"), ("اليوم السبت", "ar"), ("أيلول الماضي", "ar"),
])
def test_no_publication_date_no_event_date(text, language):
    mention = only(text, language, None)
    assert mention.event_date is None


def test_datetime_published_is_taken_as_its_date():
    assert only("أمس", "ar", datetime.datetime(2017, 9, 20, 23, 30)).event_date == D(2017, 9, 19)


def test_several_mentions_in_order():
    text = "لافروف التقى أمس الثلاثاء نظيره، وكان قد التقاه في 14 أيلول الماضي وفي 1 آب."
    found = find_dates(text, "ar", WED, VOCAB)
    assert [m.text for m in found] == ["أمس الثلاثاء", "14 أيلول الماضي", "1 آب"]
    assert [m.event_date for m in found] == [D(2017, 9, 19), D(2016, 9, 14), D(2017, 8, 1)]


def test_unknown_language_finds_numeric_dates_only():
    assert [m.text for m in find_dates("on 2017-09-14, not today", "en", WED, VOCAB)] == ["2017-09-14"]


# --- pick_date -----------------------------------------------------------------------------
def _m(start: int, kind: str) -> DateMention:
    return DateMention(start, start + 1, "x", None, kind)


def test_pick_date_prefers_the_most_specific_then_the_first():
    assert pick_date([]) is None
    assert pick_date([_m(0, "relative"), _m(5, "weekday"), _m(9, "absolute")]).start == 9
    assert pick_date([_m(0, "relative"), _m(5, "weekday")]).start == 5
    assert pick_date([_m(0, "month"), _m(5, "relative")]).start == 5
    assert pick_date([_m(7, "absolute"), _m(3, "absolute")]).start == 3


def test_pick_date_on_a_sentence():
    text = "دیروز اعلام شد که ایران، روسیه و ترکیه 14 اردیبهشت تفاهم‌نامه امضا کردند"
    best = pick_date(find_dates(text, "fa", WED, VOCAB))
    assert (best.text, best.event_date) == ("14 اردیبهشت", jalali(1396, 2, 14))


# --- vocabulary ----------------------------------------------------------------------------
def test_from_rows_accepts_ints_and_unifies_spellings():
    vocab = DateVocabulary.from_rows(
        months=[{"language": "ar", "month_name": "أيلول", "calendar": "gregorian", "month_number": 9},
                {"language": "ar", "month_name": "ايلول", "calendar": "gregorian", "month_number": "9"}],
        relative=[{"language": "ar", "phrase": "أمس", "day_offset": -1}],
        weekdays=[{"language": "ar", "weekday_name": "الخميس", "iso_weekday": 4}],
    )
    assert [m.event_date for m in find_dates("امس، 3 أيلول", "ar", WED, vocab)] == [
        D(2017, 9, 19), D(2017, 9, 3)]


def test_from_rows_rejects_spellings_that_fold_to_different_months():
    with pytest.raises(ValueError):
        DateVocabulary.from_rows(
            months=[{"language": "ar", "month_name": "أيلول", "calendar": "gregorian", "month_number": 9},
                    {"language": "ar", "month_name": "ايلول", "calendar": "gregorian", "month_number": 8}],
            relative=[], weekdays=[])


def test_from_rows_rejects_an_unknown_calendar():
    with pytest.raises(ValueError):
        DateVocabulary.from_rows(
            months=[{"language": "fa", "month_name": "مهر", "calendar": "julian", "month_number": 7}],
            relative=[], weekdays=[])


# --- properties ------------------------------------------------------------------------------
_FRAGMENTS = [
    *(r.month_name for r in VOCAB.months), *(r.phrase for r in VOCAB.relative),
    *(r.weekday_name for r in VOCAB.weekdays),
    "14", "۱۲", "٢٧", "31", "0", "2017", "1396", "1438", "2254", "/", "-", ".", "(", ")", "،",
    "و", "من", "ماه", "سال", "الماضي", "گذشته", "جاری", "الحالي", "الرابع عشر", "بیست و یکم",
    "\u200c", " ", "\n", "هـ", "م",
]
_PIECES = st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=4))
_TEXTS = st.one_of(st.text(), st.lists(_PIECES, max_size=14).map("".join),
                   st.lists(_PIECES, max_size=10).map(" ".join))


@settings(max_examples=400, deadline=None)
@given(text=_TEXTS, language=st.sampled_from(["fa", "ar", "en"]),
       published=st.one_of(st.none(), st.dates()))
def test_find_dates_never_raises_and_spans_are_exact(text, language, published):
    found = find_dates(text, language, published, VOCAB)
    previous_end = 0
    for m in found:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start >= previous_end  # left to right, no overlaps
        previous_end = m.end
        assert m.kind in KINDS
        if published is not None and m.event_date is not None:
            assert m.event_date <= published
    best = pick_date(found)
    assert best is None or best in found


@pytest.mark.parametrize("text, language, published, upcoming", [
    ("الاثنين 16 تموز/يوليو", "ar", datetime.date(2018, 7, 10), True),  # six days ahead
    ("في 5 كانون الثاني/يناير", "ar", datetime.date(2017, 12, 20), True),  # next January
    ("در 25 تیر", "fa", datetime.date(2018, 7, 10), True),  # 25 Tir 1397 = 16 July 2018
    ("في 28 كانون الأول/ديسمبر", "ar", datetime.date(2018, 1, 2), False),  # five days ago
    ("في 20 آب", "ar", datetime.date(2016, 5, 10), False),  # months ahead: last year's
    ("في 16 تموز/يوليو 2018", "ar", datetime.date(2018, 7, 10), False),  # a year given: left alone
])
def test_a_day_of_the_coming_weeks_is_upcoming_and_still_resolves_to_the_past(text, language, published, upcoming):
    (d,) = [d for d in find_dates(text, language, published, VOCAB) if d.kind == "absolute"]
    assert d.upcoming is upcoming
    assert d.event_date is None or d.event_date <= published


@pytest.mark.parametrize("language, text, words, expected", [
    ("fa", "وی جمعه گذشته (یکم شهریور) در کاخ الیزه", "جمعه گذشته (یکم شهریور)", D(2019, 8, 23)),
    ("fa", "که صبح امروز (دوشنبه ۹ بهمن ۱۴۰۲) وارد شد", "صبح امروز (دوشنبه ۹ بهمن ۱۴۰۲)", D(2024, 1, 29)),
    ("ar", "وصل الخميس (12 مايو) إلى", "الخميس (12 مايو)", D(2022, 5, 12)),
])
def test_a_date_restated_in_brackets_is_one_expression(language, text, words, expected):
    published = expected + datetime.timedelta(days=3)
    (d,) = find_dates(text, language, published, VOCAB)
    assert (d.text, d.event_date, d.kind) == (words, expected, "absolute")
    # brackets holding something else stay apart
    assert len(find_dates("جمعه گذشته (به وقت محلی) و یکم شهریور", "fa", D(2019, 8, 26), VOCAB)) == 2
