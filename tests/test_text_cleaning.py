"""Normalization, language id, decoding, article cleaning and tokenization offsets."""
from orchestration.text.article import clean_article, find_outlet
from orchestration.text.decode import MAX_FILE_BYTES, decode_bytes
from orchestration.text.langid import detect_language
from orchestration.text.normalize import clean_raw, fold, fold_phrase, normalize_line
from orchestration.text.scripts import unexpected_script_words
from orchestration.text.tokenize import split_sentences, tokenize

from .conftest import SAMPLE_SEEDS


def test_fold_unifies_arabic_and_persian_letters_without_changing_length():
    text = "كيري يلتقي أنقرة ۱۲ ٣٤ مدينة"
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded == "کیری یلتقی انقره 12 34 مدینه"


def test_fold_turns_half_space_into_a_word_break():
    assert fold("روسیه\u200cای") == "روسیه ای"


def test_fold_phrase_drops_marks_and_squeezes_spaces():
    assert fold_phrase("  مُحَمَّد   جواد ") == "محمد جواد"
    assert fold_phrase("لافـــروف") == "لافروف"


def test_clean_raw_removes_bom_nul_bidi_and_line_ends():
    assert clean_raw("\ufeffالف\r\nب\rج\x00\u200fد\u200b") == "الف\nب\nجد"


def test_normalize_line_persian_uses_hazm_and_keeps_digits():
    line = normalize_line("آمریكا اجازه برگزاری ژنو جدیدی را نمي دهد 19", "fa")
    assert "ک" in line and "ي" not in line
    assert line.endswith("19")


def test_language_id_on_samples_and_edge_cases():
    langs = [detect_language(p.read_text(encoding="utf-8")) for p in sorted(SAMPLE_SEEDS.glob("*.txt"))]
    assert langs == ["fa", "fa", "fa", "ar", "ar"]
    assert detect_language("") == "other"
    assert detect_language("The quick brown fox jumps over the lazy dog") == "other"
    # older Persian sites write Arabic ي and ك: still Persian
    assert detect_language("وزير امور خارجه ايران گفت كه اين موضوع را بررسي مي كند و براي آن برنامه دارد") == "fa"


def test_decode_utf8_bom_cp1256_and_refusals():
    assert decode_bytes("\ufeffسلام".encode("utf-8")).encoding == "utf-8-sig"
    arabic = "قال وزير الخارجية الروسي إن المحادثات كانت بناءة"
    decoded = decode_bytes(arabic.encode("cp1256"))
    assert decoded.text == arabic and decoded.encoding == "cp1256"
    assert decode_bytes(b"").reason == "empty file"
    assert "whitespace" in decode_bytes(b"  \n\t ").reason
    assert "binary" in decode_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20).reason
    assert decode_bytes(b"x" * (MAX_FILE_BYTES + 1)).reason.startswith("file larger")


def test_article_drops_repeated_headlines_and_trailers_and_finds_outlet():
    text = "تیتر خبر\nتیتر خبر\n\nمتن اول خبر.\nمنبع: ایسنا\nنظرات کاربران\nنظر یک"
    article = clean_article(text, "fa")
    assert article.title == "تیتر خبر"
    assert article.body == "تیتر خبر\nمتن اول خبر.\nمنبع: ایسنا"
    assert article.outlet == "ایسنا"
    assert clean_article("عنوان\nنص الخبر\nوكالات\nإضافة تعليق جديد", "ar").outlet == "وكالات"
    assert find_outlet(["عنوان", "به گزارش آران نیوز به نقل از ایرنا، لاوروف گفت"]) == "آران نیوز"


def test_tokens_and_sentences_reproduce_body_on_samples():
    for path in sorted(SAMPLE_SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        body = clean_article(text, detect_language(text)).body
        sentences = split_sentences(body)
        assert sentences and all(body[s:e].strip() == body[s:e] for s, e in sentences)
        for start, end, index in tokenize(body):
            token = body[start:end]
            assert token and not token.isspace() and "\u200c" not in (token[0], token[-1])
            assert sentences[index][0] <= start < end <= sentences[index][1]


def test_tokenize_keeps_half_space_words_and_stripped_half_spaces():
    body = "گروه‌های تروریستی و گروههای مسلح می‌گویند."
    words = [body[s:e] for s, e, _ in tokenize(body)]
    assert words == ["گروه‌های", "تروریستی", "و", "گروههای", "مسلح", "می‌گویند", "."]


def test_hebrew_letters_inside_persian_word_are_flagged():
    body = (SAMPLE_SEEDS / "002_e3f128e356fc51d1.txt").read_text(encoding="utf-8")
    found = unexpected_script_words(body)
    assert [(w[:4], s) for _, _, w, s in found] == [("براد", "HEBREW")]
    start, end, word, _ = found[0]
    assert body[start:end] == word


_HAZM_PARTS_PROBE = """
import json, sys
from pathlib import Path
from orchestration.text import hazm_parts
Normalizer, WordTokenizer = hazm_parts.normalizer_and_word_tokenizer()
loaded = sorted(m for m in ("hazm", "nltk", "sklearn", "scipy", "pandas") if m in sys.modules)
lines = [line for p in sorted(Path(sys.argv[1]).glob("*.txt"))
         for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
def outputs(normalizer_class, tokenizer_class):
    normalizer, tokenizer = normalizer_class(persian_numbers=False), tokenizer_class()
    return [[normalizer.normalize(line), tokenizer.tokenize(line)] for line in lines]
parts = outputs(Normalizer, WordTokenizer)
import hazm
print(json.dumps({"loaded": loaded, "lines": len(lines), "same": parts == outputs(hazm.Normalizer, hazm.WordTokenizer),
                  "real_hazm_is_whole": hasattr(hazm, "POSTagger") and Normalizer is not hazm.Normalizer}))
"""


def test_hazm_parts_give_hazms_output_without_importing_the_rest_of_hazm():
    """The normalizer is loaded without hazm's taggers (and scikit-learn, SciPy, pandas, NLTK's
    package): the same output as hazm's own classes, and a later ``import hazm`` gets all of hazm."""
    import json
    import subprocess
    import sys

    from .conftest import ROOT

    out = subprocess.run([sys.executable, "-c", _HAZM_PARTS_PROBE, str(SAMPLE_SEEDS)], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    probe = json.loads(out.strip().splitlines()[-1])
    assert probe["loaded"] == []
    assert probe["lines"] > 20
    assert probe["same"]
    assert probe["real_hazm_is_whole"]
