"""Character-level cleaning and folding of Persian and Arabic text.

Two layers:
- ``clean_raw`` / ``normalize_body`` produce the stored ``body``: the text every
  character offset points into. This may change length (it drops marks).
- ``fold`` produces a *matching* view of a body: same length, one character for
  one character, so an offset found in the folded text is an offset in the body.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import unicodedata
from importlib import metadata
from pathlib import Path

from . import hazm_parts

ZWNJ = "\u200c"

# Controls that carry no text: BOM, zero-width space/joiner, bidi marks and embeddings.
_INVISIBLE = dict.fromkeys(
    map(ord, "\ufeff\u200b\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c\x00"),
    None,
)
# Arabic harakat, tanwin, shadda, sukun, superscript alef, Quranic marks, and tatweel.
_ARABIC_MARKS_RE = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZWNJ_RUN_RE = re.compile(ZWNJ + "{2,}")


def clean_raw(text: str) -> str:
    """Line ends to \\n, invisible controls and NULs out, Unicode NFC."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_INVISIBLE)
    return unicodedata.normalize("NFC", text)


def strip_arabic_marks(text: str) -> str:
    """Drop diacritics and tatweel; they only get in the way of matching."""
    return _ARABIC_MARKS_RE.sub("", text)


# Keep digits as written; folding maps every digit to ASCII for matching.
_NORMALIZER_OPTIONS = {"persian_numbers": False}
_normalizer = None  # hazm's Normalizer, made once per process (and inherited by forked workers)


def _persian_normalizer():
    global _normalizer
    if _normalizer is None:
        Normalizer, _ = hazm_parts.normalizer_and_word_tokenizer()  # only when Persian comes
        _normalizer = Normalizer(**_NORMALIZER_OPTIONS)
    return _normalizer


def prepare_for(languages, cache_dir: Path | None = None) -> None:
    """Make what normalizing these languages needs now, in this process, so that worker
    processes forked from it start with it. hazm's Normalizer takes ~2 s to build (its verb
    conjugations and word list); with ``cache_dir`` it is built once and then loaded from a
    pickle there (~0.1 s), so a run that adds one Persian article does not build it again."""
    global _normalizer
    if "fa" not in set(languages) or _normalizer is not None:
        return
    if cache_dir is None:
        _persian_normalizer()
        return
    Normalizer, WordTokenizer = hazm_parts.normalizer_and_word_tokenizer()
    path = Path(cache_dir) / f"hazm-normalizer-{metadata.version('hazm')}-{_NORMALIZER_OPTIONS_KEY}-as-read.pickle"
    if path.exists():
        normalizer_state, tokenizer_state = pickle.loads(path.read_bytes())
        tokenizer = WordTokenizer.__new__(WordTokenizer)
        tokenizer.__dict__.update(tokenizer_state, **_WORD_TOKENIZER_FUNCTIONS)
        normalizer = Normalizer.__new__(Normalizer)
        normalizer.__dict__.update(normalizer_state, tokenizer=tokenizer)
        _normalizer = normalizer
        return
    normalizer = _persian_normalizer()
    # hazm's WordTokenizer holds two lambdas, which do not pickle; they are put back on load
    tokenizer_state = {k: v for k, v in vars(normalizer.tokenizer).items() if k not in _WORD_TOKENIZER_FUNCTIONS}
    normalizer_state = {k: v for k, v in vars(normalizer).items() if k != "tokenizer"}
    tokenizer_state["words"] = normalizer_state["words"] = _words_as_read(normalizer.words)
    normalizer_state["verbs"] = frozenset(normalizer.verbs)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    tmp.write_bytes(pickle.dumps((normalizer_state, tokenizer_state), protocol=pickle.HIGHEST_PROTOCOL))
    tmp.replace(path)  # atomic: a killed run never leaves half a file under the real name
    for older in path.parent.glob("hazm-normalizer-*.pickle"):  # of another hazm, options or format
        if older != path:
            older.unlink(missing_ok=True)


# hazm's normalizer and tokenizer read their 193,000 words only by membership and by whether a
# word's frequency is above zero ("self.words[pair][0] > 0"), and its 346,000 verb forms only by
# membership: the cached copy keeps just that (one shared value per answer, a set of the verbs),
# which loads in ~0.2 s where the word counts, parts of speech and verb stems took ~0.45 s.
_FREQUENT, _UNSEEN = (1,), (0,)


def _words_as_read(words: dict) -> dict:
    return {word: _FREQUENT if counts[0] > 0 else _UNSEEN for word, counts in words.items()}


def _number_int_repl(m: re.Match) -> str:  # hazm 0.10's WordTokenizer lambdas, as functions
    return " NUM" + str(len(m.group(1))) + " "


def _hashtag_repl(m: re.Match) -> str:
    return "TAG " + m.group(1).replace("_", " ")


_WORD_TOKENIZER_FUNCTIONS = {"number_int_repl": _number_int_repl, "hashtag_repl": _hashtag_repl}
_NORMALIZER_OPTIONS_KEY = hashlib.sha256(repr(sorted(_NORMALIZER_OPTIONS.items())).encode()).hexdigest()[:8]


def normalize_line(line: str, language: str) -> str:
    """Normalize one line of body text for the given language."""
    line = strip_arabic_marks(line)
    if language == "fa":
        line = _persian_normalizer().normalize(line)
    line = _ZWNJ_RUN_RE.sub(ZWNJ, line)
    return _SPACES_RE.sub(" ", line).strip(" " + ZWNJ)


# --- folding for matching -------------------------------------------------------------
_FOLD_PAIRS = {
    # yeh and kaf variants to the Persian letters
    "ي": "ی", "ى": "ی", "ئ": "ی", "ۍ": "ی", "ې": "ی", "ك": "ک", "ڪ": "ک",
    # alef and hamza carriers
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا", "ؤ": "و",
    # teh marbuta and heh with yeh
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ھ": "ه",
    # half-space separates words for matching purposes
    ZWNJ: " ", "\u00a0": " ",
    # quotation marks that Persian and Arabic outlets put around names
    "«": " ", "»": " ", "“": " ", "”": " ", "„": " ", '"': " ",
}
for _i in range(10):
    _FOLD_PAIRS[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _FOLD_PAIRS[chr(0x06F0 + _i)] = str(_i)  # Persian digits
_FOLD_TABLE = str.maketrans(_FOLD_PAIRS)


def fold(text: str) -> str:
    """Matching view of ``text``: same length, variants unified, Latin lower-cased."""
    folded = text.translate(_FOLD_TABLE)
    lowered = folded.lower()
    # str.lower can change length for a few characters (e.g. 'İ'); keep offsets exact.
    return lowered if len(lowered) == len(folded) else "".join(
        c.lower() if len(c.lower()) == 1 else c for c in folded)


def fold_phrase(text: str) -> str:
    """Fold a lexicon phrase the way document text is folded, then squeeze spaces."""
    text = strip_arabic_marks(clean_raw(text))
    return " ".join(fold(text).split())


def ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits to ASCII (length preserving)."""
    return text.translate({k: v for k, v in _FOLD_TABLE.items() if isinstance(v, str) and v.isdigit()})
