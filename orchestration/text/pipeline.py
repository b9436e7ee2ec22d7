"""Batch functions that worker processes run: plain data in, plain columns out."""
from __future__ import annotations

from .article import clean_article
from .scripts import unexpected_script_words
from .tokenize import split_sentences, tokenize

# Bump when cleaning or tokenization changes: stored articles are then rebuilt.
TOKENIZER_VERSION = "1"


def prepare_articles(batch: list[tuple[str, str, str]]) -> dict[str, dict[str, list]]:
    """Clean and tokenize ``(doc_id, text, language)`` triples into columns for three tables."""
    articles = {k: [] for k in ("doc_id", "language", "title", "body", "outlet_in_text",
                                "sentence_count", "token_count", "tokenizer_version")}
    sentences = {k: [] for k in ("doc_id", "sentence_index", "char_start", "char_end")}
    tokens = {k: [] for k in ("doc_id", "token_index", "sentence_index", "char_start", "char_end", "token")}
    odd = {k: [] for k in ("doc_id", "char_start", "char_end", "word", "scripts")}
    for doc_id, text, language in batch:
        article = clean_article(text, language)
        body = article.body
        spans = split_sentences(body)
        toks = tokenize(body)
        for key, value in (("doc_id", doc_id), ("language", language), ("title", article.title),
                           ("body", body), ("outlet_in_text", article.outlet),
                           ("sentence_count", len(spans)), ("token_count", len(toks)),
                           ("tokenizer_version", TOKENIZER_VERSION)):
            articles[key].append(value)
        for i, (s, e) in enumerate(spans):
            sentences["doc_id"].append(doc_id)
            sentences["sentence_index"].append(i)
            sentences["char_start"].append(s)
            sentences["char_end"].append(e)
        for i, (s, e, si) in enumerate(toks):
            tokens["doc_id"].append(doc_id)
            tokens["token_index"].append(i)
            tokens["sentence_index"].append(si)
            tokens["char_start"].append(s)
            tokens["char_end"].append(e)
            tokens["token"].append(body[s:e])
        for s, e, word, scripts in unexpected_script_words(body):
            odd["doc_id"].append(doc_id)
            odd["char_start"].append(s)
            odd["char_end"].append(e)
            odd["word"].append(word)
            odd["scripts"].append(scripts)
    return {"articles": articles, "sentences": sentences, "tokens": tokens, "unexpected_script_words": odd}
