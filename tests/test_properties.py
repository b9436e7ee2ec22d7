"""Property tests: text functions never raise on arbitrary Unicode and keep offsets exact."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from orchestration.text.article import clean_article
from orchestration.text.decode import decode_bytes
from orchestration.text.langid import detect_language
from orchestration.text.normalize import fold
from orchestration.text.tokenize import split_sentences, tokenize

# Arabic-script heavy text, with the controls, marks and spaces real feeds contain.
ARABIC_BLOCK = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
SPECIALS = st.sampled_from(list("\u200c\u200b\u200f\ufeff\x00\r\n\t .،؟!«»0123456789۰۱۲٣") + ["\u0640", "\u064e"])
TEXT = st.text(st.one_of(ARABIC_BLOCK, SPECIALS, st.characters()), max_size=300)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(TEXT)
def test_fold_keeps_length(text):
    assert len(fold(text)) == len(text)


@FAST
@given(TEXT, st.sampled_from(["fa", "ar"]))
def test_cleaning_and_tokenizing_never_raise_and_offsets_reproduce_text(text, language):
    body = clean_article(text, language).body
    sentences = split_sentences(body)
    for s, e in sentences:
        assert 0 <= s < e <= len(body)
    for start, end, index in tokenize(body):
        assert 0 <= start < end <= len(body)
        assert sentences[index][0] <= start and end <= sentences[index][1]
        assert body[start:end].strip()


@FAST
@given(TEXT)
def test_language_id_always_answers(text):
    assert detect_language(text) in ("fa", "ar", "other")


@FAST
@given(st.binary(max_size=400))
def test_decode_always_answers(data):
    decoded = decode_bytes(data)
    assert (decoded.text is None) != (decoded.reason is None)
