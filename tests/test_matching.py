"""Entity matching: boundaries, clitics, longest match, ambiguity decided by the document."""
from orchestration.text.matching import Lexicon, LexiconEntry


def entry(entity_id, alias, kind="name", ambiguous=False, etype=None, country=None, population=0):
    etype = etype or {"person": "person", "country": "country", "org": "organization", "place": "place"}[
        entity_id.split(":")[0]]
    return LexiconEntry(entity_id, etype, alias, "ar", kind, ambiguous, country, population)


LEX = Lexicon([
    entry("country:RU", "روسيا", country="RU"), entry("country:RU", "روسیه", country="RU"),
    entry("country:RU", "الروسي", "gentilic", country="RU"),
    entry("org:rt", "روسيا اليوم"),
    entry("person:sergey_lavrov", "لافروف", "surname", country="RU"),
    entry("person:mohammad_javad_zarif", "محمدجواد ظریف", "full_name", country="IR"),
    entry("person:mohammad_javad_zarif", "ظریف", "surname", ambiguous=True, country="IR"),
    entry("place:gn1526273", "آستانه", ambiguous=True, country="KZ"),
    entry("country:KZ", "قزاقستان", country="KZ"),
    entry("place:gn524901", "موسكو", country="RU", population=10_000_000),
])


def found(text, language="ar"):
    return [(m.entity_id, m.surface) for m in LEX.find(text, language)]


def test_arabic_clitics_and_word_boundaries():
    assert found("وروسيا وبموسكو وللافروف") == [
        ("country:RU", "روسيا"), ("place:gn524901", "موسكو"), ("person:sergey_lavrov", "لافروف")]
    assert found("كروسيات") == []  # inside another word


def test_longest_match_rt_is_not_russia():
    assert found("نقل موقع روسيا اليوم عن") == [("org:rt", "روسيا اليوم")]


def test_persian_suffixes_with_and_without_half_space():
    assert found("روسیه‌ای و روسیهای", "fa") == [("country:RU", "روسیه"), ("country:RU", "روسیه")]


def test_variant_letters_and_guillemets():
    assert found("«لافروف» و الروسى") == [("person:sergey_lavrov", "لافروف"), ("country:RU", "الروسى")]


def test_ambiguous_surname_needs_the_full_name_in_the_document():
    assert found("این کار ظریف بود", "fa") == []
    assert [e for e, _ in found("محمدجواد ظریف گفت. ظریف افزود", "fa")] == [
        "person:mohammad_javad_zarif", "person:mohammad_javad_zarif"]


def test_astana_only_with_kazakhstan_in_the_document():
    assert found("ایران در آستانه سفر است", "fa") == []
    assert ("place:gn1526273", "آستانه") in found("مذاکرات آستانه پایتخت قزاقستان", "fa")


def test_samples_find_the_people_they_name(lexicon):
    from orchestration.text.article import clean_article

    from .conftest import SAMPLE_SEEDS

    body = clean_article((SAMPLE_SEEDS / "004_34cc1170e1beb3ba.txt").read_text(encoding="utf-8"), "ar").body
    ids = {m.entity_id for m in lexicon.find(body, "ar")}
    assert {"person:sergey_lavrov", "person:john_kerry", "org:rt", "country:RU", "country:US"} <= ids
    for m in lexicon.find(body, "ar"):
        assert body[m.start:m.end] == m.surface


def test_the_documents_language_decides_ambiguity():
    lex = Lexicon([
        LexiconEntry("org:al_alam", "organization", "العالم", "fa", "short_name", False),
        LexiconEntry("org:al_alam", "organization", "العالم", "ar", "short_name", True),
    ])
    assert [m.entity_id for m in lex.find("شبکه العالم گزارش داد", "fa")] == ["org:al_alam"]
    assert lex.find("أكبر اقتصاد في العالم", "ar") == []  # "the world"


def test_a_name_of_another_language_is_not_read_where_it_is_a_common_word():
    # Persian "مدینه" is Medina; folded, Arabic "مدينة" (a city) is the same string
    lex = Lexicon([LexiconEntry("place:gn109223", "place", "مدینه", "fa", "name", True, "SA", 1_300_000),
                   LexiconEntry("country:SA", "country", "السعودية", "ar", "name", False, "SA"),
                   LexiconEntry("country:SA", "country", "عربستان", "fa", "name", False, "SA")],
                  words_by_language={"ar": frozenset({"مدینه"})})
    assert [m.entity_id for m in lex.find("زار السعودية ثم مدينة جدة", "ar")] == ["country:SA"]
    assert [m.entity_id for m in lex.find("او به عربستان و مدینه رفت", "fa")] == ["country:SA", "place:gn109223"]
    # a frequent word of news that is an unambiguous name stays a name
    netanyahu = Lexicon([LexiconEntry("person:benjamin_netanyahu", "person", "نتانیاهو", "fa", "surname", False)],
                        words_by_language={"ar": frozenset({"نتانیاهو"})})
    assert [m.entity_id for m in netanyahu.find("قال نتانياهو", "ar")] == ["person:benjamin_netanyahu"]


def test_a_clitic_reading_inside_a_frequent_word_is_refused():
    lex = Lexicon([LexiconEntry("place:gn3029276", "place", "كالة", "ar", "geonames_name", False, "FR", 75_000)],
                  common_words={"وکاله": 139})
    assert lex.find("نقلت وكالة الأنباء", "ar") == []
    assert [m.surface for m in lex.find("وصل إلى كالة", "ar")] == ["كالة"]
    washington = Lexicon([LexiconEntry("place:gn4140963", "place", "واشنطن", "ar", "name", False, "US", 6e5)],
                         common_words={"واشنطن": 151, "وواشنطن": 2399})
    assert [m.surface for m in washington.find("بين موسكو وواشنطن", "ar")] == ["واشنطن"]


def test_persian_suffixes_make_a_mention_only_where_persian_grammar_allows_them():
    lex = Lexicon([
        LexiconEntry("place:gn112931", "place", "تهران", "fa", "name", False, "IR", 7_000_000),
        LexiconEntry("country:RU", "country", "روس", "fa", "gentilic", False, "RU"),
        LexiconEntry("country:US", "country", "آمریکا", "fa", "name", False, "US"),
        LexiconEntry("country:IR", "country", "ایرانی", "fa", "gentilic", False, "IR"),
        LexiconEntry("place:gn98860", "place", "نجف", "fa", "name", False, "IQ", 1_000_000),
    ])

    def ids(text):
        return [m.entity_id for m in lex.find(text, "fa")]

    # after a consonant, "ی" makes a surname or an adjective, "ای" is no suffix at all
    assert ids("آقای تهرانی گفت") == [] and ids("روسای جمهور دیدار کردند") == []
    # a second word joined by a zero-width non-joiner makes a compound (a surname, a company)
    assert ids("آقای نجف‌پور گفت") == []
    # plurals, and the ezafe after a vowel, are still the name
    assert ids("تهران‌ها و آمریکای شمالی") == ["place:gn112931", "country:US"]
    assert ids("ایرانیان و روس‌ها") == ["country:IR", "country:RU"]
    assert ids("در تهران گفت") == ["place:gn112931"]


CONTEXT_LEX = Lexicon([
    entry("country:CN", "چین", ambiguous=True, country="CN"), entry("country:EG", "مصر", ambiguous=True, country="EG"),
    entry("country:RU", "روسیه", country="RU"), entry("country:IR", "ایران", country="IR"),
    entry("place:gn1", "بیند", country="US", population=50_000),
    entry("place:gn172955", "الرقة", country="SY", population=500_000),
    entry("place:gn172955", "رقة", country="SY", population=500_000),
    entry("person:beji_caid_essebsi", "الباجي قايد السبسي", "full_name", country="TN"),
    entry("person:beji_caid_essebsi", "قايد السبسي", "surname", country="TN"),
    entry("person:hafedh_caid_essebsi", "حافظ قايد السبسي", "full_name", country="TN"),
    entry("person:mohammed_bin_salman", "محمد بن سلمان", "full_name", country="SA"),
    entry("person:salman_of_saudi_arabia", "سلمان", "surname", country="SA"),
    entry("country:ML", "مالي", ambiguous=True, country="ML"),
    entry("person:robert_malley", "مالي", "surname", ambiguous=True, country="US"),
    entry("place:gn111453", "زنجان", ambiguous=True, country="IR", population=357_471),
    entry("person:abdrabbuh_mansur_hadi", "هادي", "surname", ambiguous=True, country="YE"),
    entry("country:OM", "عمان", ambiguous=True, country="OM"),
    entry("place:gn250441", "عمان", country="JO", population=1_275_857),
])


def context_found(text, language="fa"):
    return [(m.entity_id, m.surface) for m in CONTEXT_LEX.find(text, language)]


def test_an_ambiguous_country_in_a_list_of_countries_or_after_a_state_word():
    assert context_found("روسیه، چین و ایران") == [
        ("country:RU", "روسیه"), ("country:CN", "چین"), ("country:IR", "ایران")]
    assert context_found("مصر و چین و ایران")[:2] == [("country:EG", "مصر"), ("country:CN", "چین")]  # the list carries
    assert context_found("وزیر خارجه چین گفت") == [("country:CN", "چین")]
    assert context_found("این چین و چروک") == []  # a fold of cloth
    assert context_found("مصر و چین") == []  # a list of ambiguous names alone proves nothing


def test_no_name_inside_a_joined_word_or_behind_a_clitic_without_its_article():
    assert context_found("او می\u200cبیند") == []
    assert context_found("قائد فرقة الجيش", "ar") == []  # "a unit", not "and Raqqa"
    assert context_found("دخلوا بالرقة", "ar") == [("place:gn172955", "الرقة")]


def test_a_surname_alone_is_the_person_the_document_names_in_full_with_it():
    assert context_found("حافظ قايد السبسي يتحدث. وأفاد قايد السبسي", "ar") == [
        ("person:hafedh_caid_essebsi", "حافظ قايد السبسي"), ("person:hafedh_caid_essebsi", "قايد السبسي")]
    # both named in full: the surname's own reading stands
    assert context_found("الباجي قايد السبسي وابنه حافظ قايد السبسي. قال قايد السبسي", "ar")[-1] == (
        "person:beji_caid_essebsi", "قايد السبسي")
    # a father's name after "بن" is not a surname
    assert context_found("محمد بن سلمان والملك سلمان", "ar") == [
        ("person:mohammed_bin_salman", "محمد بن سلمان"), ("person:salman_of_saudi_arabia", "سلمان")]


def test_a_word_before_the_name_says_it_is_a_state_or_a_place():
    assert context_found("أعلن وزير خارجية مالي أن", "ar") == [("country:ML", "مالي")]
    assert context_found("الدعم المالي للحكومة", "ar") == []
    assert context_found("بمشاركة سلطان عمان", "ar") == [("country:OM", "عمان")]  # not Amman
    assert context_found("وصل إلى عمان", "ar") == [("place:gn250441", "عمان")]
    assert context_found("در شهر زنجان") == [("place:gn111453", "زنجان")]
    assert context_found("وصلوا وبمدينة زنجان", "ar") == [("place:gn111453", "زنجان")]
    assert context_found("زنجان گفت") == []


def test_a_title_before_an_ambiguous_surname_makes_it_the_person():
    assert context_found("التقى الرئيس هادي بالمبعوث", "ar") == [("person:abdrabbuh_mansur_hadi", "هادي")]
    assert context_found("كان الجو هادي", "ar") == []  # "calm"


def test_a_frequent_word_that_names_a_small_town_is_the_town_only_after_a_place_word():
    from orchestration.text.gazetteer import place_name_entries

    khobar = [e for e in place_name_entries({"الخبر": 4000}, 3000) if e.entity_id == "place:gn109323"]
    assert khobar and all(e.alias_kind == "geonames_word" for e in khobar if e.alias == "الخبر")
    assert not [e for e in place_name_entries({"الخبر": 100}, 3000) if e.alias == "الخبر"]  # a word, never a town
    lex = Lexicon(khobar + [entry("country:SA", "السعودية", country="SA")])
    assert [m.entity_id for m in lex.find("قالت السعودية إن الخبر صحيح", "ar")] == ["country:SA"]
    assert "place:gn109323" in [m.entity_id for m in lex.find("وصل إلى مدينة الخبر في السعودية", "ar")]


def test_final_alef_maqsura_is_no_gentilic_where_the_text_writes_fi_with_ya():
    lex = Lexicon([entry("country:YE", "اليمني", "gentilic", country="YE")])
    assert lex.find("أصيب في الرئة اليمنى في المعارك", "ar") == []  # "the right lung"
    assert [m.surface for m in lex.find("قال الوزير اليمنى فى عدن", "ar")] == ["اليمنى"]  # ى for ي throughout


def test_an_arabic_adjective_of_nationality_after_its_noun_is_the_country():
    lex = Lexicon([entry("country:SD", "السوداني", "gentilic", ambiguous=True, country="SD")])
    assert [m.entity_id for m in lex.find("قال الرئيس السوداني إن", "ar")] == ["country:SD"]
    assert lex.find("قال السوداني إن", "ar") == []


def test_talks_named_after_a_city_give_the_city_but_an_adjective_after_talks_is_no_town():
    from orchestration.text.lexicon import build_lexicon, read_seed_dir

    from .conftest import ROOT

    lexicon = build_lexicon(read_seed_dir(ROOT / "dbt_project" / "seeds"))
    names = lambda text, lang: [m.entity_id for m in lexicon.find(text, lang) if m.entity_type == "place"]  # noqa: E731
    assert "place:gn1526273" in names("در این دیدار درباره روند آستانه گفت‌وگو شد", "fa")  # Astana
    assert names("ایران در آستانه انتخابات است", "fa") == []  # "on the threshold of"
    assert names("لإجراء محادثات عالية المستوى مع المسؤولين", "ar") == []  # "high-level", not Aley


def test_an_outlet_whose_name_is_a_word_is_the_outlet_on_a_source_line_or_after_a_dateline():
    from orchestration.text.lexicon import build_lexicon, read_seed_dir

    from .conftest import ROOT

    lexicon = build_lexicon(read_seed_dir(ROOT / "dbt_project" / "seeds"))
    orgs = lambda text: [m.entity_id for m in lexicon.find(text, "ar") if m.entity_type == "organization"]  # noqa: E731
    assert orgs("المصدر : الجزيرة + وكالات") == ["org:al_jazeera"]
    assert orgs("موسكو/ الأناضول") == ["org:anadolu"]
    assert orgs("وصل الوفد إلى الجزيرة العربية") == []  # "the (Arabian) peninsula"


def test_a_place_name_after_a_virus_names_the_disease():
    lex = Lexicon([entry("place:gn5339111", "كورونا", country="US", population=150_000),
                   entry("place:gn5339111", "کرونا", country="US", population=150_000)])
    assert lex.find("تراجع الطلب بسبب فيروس كورونا المستجد", "ar") == []
    assert lex.find("شیوع ویروس کرونا در جهان", "fa") == []
    assert [m.entity_id for m in lex.find("وصل إلى كورونا في كاليفورنيا", "ar")] == ["place:gn5339111"]
    # the cue of another line does not reach the name
    assert [m.entity_id for m in lex.find("ضحايا فيروس\nكورونا مدينة", "ar")] == ["place:gn5339111"]


def test_a_place_name_after_hotel_names_the_hotel():
    lex = Lexicon([entry("place:gn2939951", "کوبورگ", country="DE", population=41_000),
                   entry("place:gn2761369", "وین", country="AT", population=1_700_000)])
    found = [m.entity_id for m in lex.find("در وین در هتل کوبورگ گفت‌وگو کرد", "fa")]
    assert found == ["place:gn2761369"]
    assert [m.entity_id for m in lex.find("سفر به کوبورگ", "fa")] == ["place:gn2939951"]
    lex = Lexicon([entry("place:gn360630", "القاهرة", country="EG", population=7_700_000)])
    assert [m.entity_id for m in lex.find("احتفال في فندق بالقاهرة", "ar")] == ["place:gn360630"]


def test_a_country_ending_an_organizations_name_is_named_too():
    from orchestration.text.matching import nested_mentions

    lex = Lexicon([entry("org:us_armed_forces", "القوات الأمريكية", country="US"),
                   entry("country:US", "الأمريكية", "gentilic", country="US"),
                   entry("org:rt", "روسيا اليوم", country="RU"), entry("country:RU", "روسيا", country="RU")])
    mentions = lex.find("انسحاب القوات الأمريكية كما نقلت روسيا اليوم", "ar")
    assert [(m.entity_id, m.surface) for m in mentions] == [
        ("org:us_armed_forces", "القوات الأمريكية"), ("country:US", "الأمريكية"), ("org:rt", "روسيا اليوم")]
    assert nested_mentions(mentions) == {1}  # meetings read the organization, not its country


def test_the_last_word_of_a_full_name_is_the_person_only_where_the_full_name_is():
    from orchestration.text.lexicon import derived_surnames

    full = LexiconEntry("person:ismail_omar_guelleh", "person", "إسماعيل عمر جيله", "ar", "full_name", False, "DJ")
    other = LexiconEntry("person:x", "person", "محمد بن سلمان", "ar", "full_name", False, "SA")
    named = LexiconEntry("person:y", "person", "أحمد الصفدي", "ar", "full_name", False, "JO")
    surname = LexiconEntry("person:y", "person", "الصفدي", "ar", "surname", False, "JO")
    derived = derived_surnames([full, other, named, surname], common={("ar", "عمر")})
    # (a father's name after "بن" is no surname; a person with a surname keeps only that)
    assert [(e.entity_id, e.alias, e.alias_kind, e.is_ambiguous) for e in derived] == [
        ("person:ismail_omar_guelleh", "جيله", "derived_surname", True)]
    lexicon = Lexicon([full, *derived])
    later = "واستقبل إسماعيل عمر جيله الوفد. وقال جيله إن الاجتماع مثمر."
    assert [m.entity_id for m in lexicon.find(later, "ar")] == ["person:ismail_omar_guelleh"] * 2
    assert lexicon.find("وقال الرئيس جيله إن الاجتماع مثمر.", "ar") == []


NAMESAKES = Lexicon([
    # Tripoli: the Libyan capital is big enough to be firm alone, the Lebanese city shares its name
    entry("place:gn2210247", "طرابلس", "geonames_name", country="LY", population=1_302_947),
    entry("place:gn266826", "طرابلس", "geonames_name", ambiguous=True, country="LB", population=229_398),
    entry("place:gn276781", "بيروت", country="LB", population=1_916_100),
    entry("country:LB", "لبنان", country="LB"), entry("country:LY", "ليبيا", country="LY"),
    entry("person:michel_aoun", "ميشال عون", "full_name", country="LB"),
    entry("person:najib_mikati", "نجيب ميقاتي", "full_name", country="LB"),
    # Laayoune, and a smaller town of Mauritania of the same Arabic name; Dakhla
    entry("place:gn2462881", "العيون", "geonames_name", ambiguous=True, country="EH", population=196_331),
    entry("place:gn2381291", "العيون", "geonames_name", ambiguous=True, country="MR", population=28_174),
    entry("place:gn2463447", "الداخلة", "geonames_name", ambiguous=True, country="EH", population=106_277),
    entry("country:MR", "الموريتاني", "gentilic", country="MR"),
    entry("country:BH", "البحرين", country="BH"),
])


def namesakes(text):
    return [(m.entity_id, m.surface) for m in NAMESAKES.find(text, "ar")]


def test_of_namesake_places_the_one_in_the_country_the_document_is_about():
    lebanese = "بيروت - التقى ميشال عون في بيروت نجيب ميقاتي، وكان ميقاتي في طرابلس أمس."
    assert ("place:gn266826", "طرابلس") in namesakes(lebanese)
    assert namesakes("وصل الوفد إلى طرابلس") == [("place:gn2210247", "طرابلس")]  # no context: the bigger
    assert ("place:gn2210247", "طرابلس") in namesakes("قال مسؤول في ليبيا إن طرابلس هادئة")


def test_a_place_name_after_a_place_word_a_dateline_or_joined_to_one_after_a_plural_place_word():
    # a report about Bahrain's consulate that names Mauritania in passing
    text = ("العيون - افتتح وزير خارجية البحرين قنصلية البحرين بمدينة العيون. وكان قد اتصل بنظيره الموريتاني.\n"
            "وقال إن البحرين تدعم المغرب.\n"
            "وبلغ عدد القنصليات في مدينتي العيون والداخلة خمس عشرة.")
    found_here = namesakes(text)
    assert found_here.count(("place:gn2462881", "العيون")) == 3  # the text calls it a city: the bigger namesake
    assert ("place:gn2463447", "الداخلة") in found_here
    assert namesakes("العيون - افتتح وزير خارجية البحرين قنصلية")[0] == ("place:gn2462881", "العيون")
    # not a place: eyes in prose, or a second name after a singular place word
    assert namesakes("دمعت العيون في البحرين") == [("country:BH", "البحرين")]
    assert namesakes("وصل إلى الداخلة في البحرين") == [("country:BH", "البحرين")]
    assert ("place:gn2463447", "الداخلة") not in namesakes("زار مدينة بيروت والداخلة")


def test_a_country_after_a_namesake_place_says_which_one_throughout():
    lex = Lexicon([
        entry("place:gn6173331", "فانكوفر", "geonames_name", ambiguous=True, country="CA", population=600_000),
        entry("place:gn5814616", "فانكوفر", "geonames_name", ambiguous=True, country="US", population=180_000),
        entry("country:CA", "الكندية", "gentilic", country="CA"), entry("country:US", "الأمريكي", "gentilic", country="US"),
        entry("person:donald_trump", "دونالد ترامب", "full_name", country="US"),
        entry("country:US", "الولايات المتحدة", country="US"),
    ])
    text = ("نجح الرئيس الأمريكي دونالد ترامب في تعكير جو القمة في فانكوفر الكندية. وقالت الولايات المتحدة "
            "إن دونالد ترامب غادر فانكوفر مبكرا.")
    assert [m.entity_id for m in lex.find(text, "ar") if m.entity_type == "place"] == ["place:gn6173331"] * 2


def test_the_documents_own_country_picks_among_namesakes_but_never_a_place_over_another_reading():
    lex = Lexicon([
        entry("place:gn142676", "آستارا", "geonames_name", ambiguous=True, country="IR", population=50_000),
        entry("place:gn148565", "آستارا", "geonames_name", ambiguous=True, country="AZ", population=20_000),
        entry("place:gn112931", "تهران", country="IR", population=8_000_000),
        entry("place:gn418863", "اصفهان", country="IR", population=1_500_000),
        entry("org:fars_news", "فارس", "short_name", ambiguous=True, country="IR"),
        entry("place:gn134766", "فارس", ambiguous=True, country="IR"),
    ])
    # no country named: Iran's cities make Iran the document's country, and its Astara the one meant
    assert [m.entity_id for m in lex.find("از تهران و اصفهان به آستارا رفت", "fa")] == [
        "place:gn112931", "place:gn418863", "place:gn142676"]
    # the same country does not make the agency's name a place
    assert [m.entity_id for m in lex.find("به گزارش خبرنگار فارس از تهران و اصفهان", "fa")] == [
        "place:gn112931", "place:gn418863"]


def test_a_foreign_full_name_in_another_spelling_of_its_vowels_is_the_person():
    """Transliterations write or leave out long vowels: "صدر جباروف" is the lexicon's "صدر جاباروف",
    and "جباروف" alone after it is him too; "وصدر جباروف" takes the clitic "and"."""
    lexicon = Lexicon([entry("person:sadyr_japarov", "صدر جاباروف", "full_name", etype="person"),
                       entry("person:sadyr_japarov", "جاباروف", "surname", etype="person"),
                       entry("person:yoweri_museveni", "يويري موسفيني", "full_name", etype="person")])
    text = "استقبل الرئيس صدر جباروف نظيره يويري موسيفيني، وقال جباروف إن اللقاء مثمر."
    assert [(m.surface, m.entity_id, m.alias_kind) for m in lexicon.find(text, "ar")] == [
        ("صدر جباروف", "person:sadyr_japarov", "spelling_variant"),
        ("يويري موسيفيني", "person:yoweri_museveni", "spelling_variant"),
        ("جباروف", "person:sadyr_japarov", "spelling_variant")]
    assert [m.surface for m in lexicon.find("التقى وصدر جباروف", "ar")] == ["صدر جباروف"]
    assert lexicon.find("التقى بصدر جباروف", "ar") == []  # only "and" may be joined to it
    assert lexicon.find("صدر جباروفسكي", "ar") == []  # inside a longer word


def test_a_name_whose_words_differ_from_other_names_only_in_vowels_is_not_read_by_its_skeleton():
    """"محمد عباس" is somebody else than "محمود عباس": محمد and محمود are both names of the lexicon."""
    lexicon = Lexicon([entry("person:mahmoud_abbas", "محمود عباس", "full_name", etype="person"),
                       entry("person:mohammed_salah", "محمد صلاح", "full_name", etype="person")])
    assert lexicon.find("قال محمد عباس إن", "ar") == []
    assert [m.entity_id for m in lexicon.find("قال محمود عباس إن", "ar")] == ["person:mahmoud_abbas"]


def test_words_of_the_language_and_native_names_are_not_read_as_another_spelling_of_a_name():
    """"برگ برنده" (a winning card) is not Børge Brende, "شعراوي" not "شعار"; and an Iranian's name is
    written one way in Arabic script, its vowels are not a transliteration's."""
    lexicon = Lexicon([entry("person:borge_brende", "بورگ برنده", "full_name", etype="person", country="NO"),
                       entry("person:ali_shaar", "جورج شعار", "full_name", etype="person", country="FR"),
                       entry("person:hassan_rouhani", "حسن روحانی", "full_name", etype="person", country="IR")],
                      common_words={"برگ": 4732, "برنده": 3377})
    assert lexicon.find("این برگ برنده ایران است", "fa") == []
    assert [m.surface for m in lexicon.find("قال جورج شعر", "ar")] == ["جورج شعر"]
    assert lexicon.find("قال جورج شعراوي", "ar") == []
    assert lexicon.find("گفت حسن روحنی", "fa") == []


def test_a_derived_surname_never_takes_a_word_another_entity_has_in_the_other_language():
    from orchestration.text.lexicon import derived_surnames

    # matching folds Arabic and Persian letters alike: the Persian "طاهر المصری" would give
    # "المصری", which is the Arabic "المصري" (Egypt's adjective) in an Arabic text
    persian = LexiconEntry("person:taher_al_masri", "person", "طاهر المصری", "fa", "full_name", False, "JO")
    egypt = LexiconEntry("country:EG", "country", "المصري", "ar", "gentilic", False, "EG")
    army = LexiconEntry("org:egyptian_armed_forces", "organization", "الجيش المصري", "ar", "name", False, "EG")
    assert derived_surnames([persian, egypt], common=set()) == []
    lexicon = Lexicon([persian, egypt, army, *derived_surnames([persian, egypt, army], common=set())])
    assert [m.entity_id for m in lexicon.find("وقال الجيش المصري في بيان", "ar")] == [
        "org:egyptian_armed_forces", "country:EG"]
