"""hazm's Normalizer and WordTokenizer, loaded without the rest of hazm.

``import hazm`` runs hazm's package ``__init__``, which imports its taggers, chunker and corpus
readers, and through them NLTK's whole package, scikit-learn, SciPy and pandas: ~1.5-1.9 s here,
the largest part of a run that adds one Persian article. The two classes Khabar uses live in
modules that need none of that (hazm's utils, stemmer, word_tokenizer, lemmatizer, normalizer;
NLTK's tokenizer and stemmer interfaces). Those modules are loaded from hazm's own files, with the
packages' ``__init__`` left out (~0.1 s); hazm's ``from hazm import X`` between them is served by
setting each name on the package as its module is loaded, in ``hazm/__init__.py``'s order.

The partial packages are then taken out of ``sys.modules`` again, so that ``import hazm`` or
``import nltk`` anywhere later loads the whole, real package. ``tests/test_text_cleaning.py``
checks that the classes give hazm's own output and that nothing heavy was imported.
"""
from __future__ import annotations

import importlib
import importlib.util
import sys

# (module, names hazm/__init__.py takes from it), in the order hazm/__init__.py imports them
_HAZM_MODULES = (
    ("hazm.utils", ("default_verbs", "default_words", "stopwords_list", "words_list", "maketrans",
                    "regex_replace", "NUMBERS", "informal_verbs", "informal_words", "abbreviations")),
    ("hazm.stemmer", ("Stemmer",)),
    ("hazm.word_tokenizer", ("WordTokenizer",)),
    ("hazm.lemmatizer", ("Conjugation", "Lemmatizer")),
    ("hazm.normalizer", ("Normalizer",)),
)
# packages whose __init__ is left out while the modules above load
_PACKAGES = ("nltk", "nltk.tokenize", "nltk.stem", "hazm")


def normalizer_and_word_tokenizer() -> tuple[type, type]:
    """hazm's ``Normalizer`` and ``WordTokenizer`` classes; from hazm itself if it is imported."""
    if "hazm" in sys.modules:
        from hazm import Normalizer, WordTokenizer

        return Normalizer, WordTokenizer
    before = set(sys.modules)
    try:
        for name in _PACKAGES:
            if name not in sys.modules:
                _put_package_without_init(name)
        hazm = sys.modules["hazm"]
        for module_name, names in _HAZM_MODULES:
            module = importlib.import_module(module_name)
            for name in names:
                setattr(hazm, name, getattr(module, name))
        return hazm.Normalizer, hazm.WordTokenizer
    finally:
        for name in set(sys.modules) - before:
            if name.split(".")[0] in ("hazm", "nltk"):
                del sys.modules[name]


def _put_package_without_init(name: str) -> None:
    spec = importlib.util.find_spec(name)  # the parent is in sys.modules already: nothing runs
    if spec is None or spec.submodule_search_locations is None:
        raise ImportError(f"{name} is not an installed package")
    sys.modules[name] = importlib.util.module_from_spec(spec)  # its __init__ is not executed
