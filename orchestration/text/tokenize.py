"""Sentences and words with character offsets into the body.

``body[start:end]`` is always the sentence or the token: nothing is rewritten.
Words follow hazm's conventions on what a word is (letters, digits, the
half-space inside a word); punctuation marks are tokens of their own.
"""
from __future__ import annotations

import re
from typing import Iterable

# A sentence ends at . ! ? ؟ (or a run of them) followed by space, or at a line end.
_SENTENCE_END_RE = re.compile(r"(?:[.!?؟…]+(?=\s|$)[\"'»”)\]]*|\n)")
_TOKEN_RE = re.compile(r"[\w\u200c]+(?:[.,٫/][0-9۰-۹٠-٩]+)*|[^\w\s\u200c]", re.UNICODE)


def split_sentences(body: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed, never empty."""
    spans = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(body):
        spans.append((start, m.end()))
        start = m.end()
    spans.append((start, len(body)))
    out = []
    for s, e in spans:
        while s < e and body[s].isspace():
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def tokenize(body: str) -> list[tuple[int, int, int]]:
    """(start, end, sentence_index) of every token."""
    tokens = []
    for index, (s, e) in enumerate(split_sentences(body)):
        for m in _TOKEN_RE.finditer(body, s, e):
            start, end = m.start(), m.end()
            # a half-space at a token's edge is not part of the word
            while start < end and body[start] == "\u200c":
                start += 1
            while end > start and body[end - 1] == "\u200c":
                end -= 1
            if end > start:
                tokens.append((start, end, index))
    return tokens


def mismatched_spans(bodies: dict[str, str], spans: Iterable[tuple]) -> list[tuple]:
    """The (doc_id, index, start, end, text) rows whose text is not ``bodies[doc_id][start:end]``."""
    bad = []
    for doc_id, index, start, end, text in spans:
        body = bodies.get(doc_id)
        if body is None or start < 0 or end > len(body) or body[start:end] != text:
            bad.append((doc_id, index, start, end, text))
    return bad
