"""Person names the lexicon does not know, kept rather than lost.

Persian and Arabic outlets put foreign names in guillemets and precede them by a
title: «فرانسوآ اولاند» رئیس‌جمهور فرانسه, وزير الخارجية «...». A quoted span of one
to four words right after or right before a person title, that no lexicon mention
covers, is an unlinked person mention with its surface as written.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import fold_phrase

PERSON_TITLES = (
    "آقای", "خانم", "رئیس جمهور", "رئیس‌جمهور", "رئیس جمهوری", "نخست وزیر", "نخست‌وزیر", "وزیر", "معاون",
    "سخنگوی", "سفیر", "نماینده", "دبیرکل", "فرستاده", "ژنرال", "سناتور",
    "السيد", "السيدة", "الرئيس", "رئيس الوزراء", "وزير", "وزيرة", "نائب", "المتحدث", "المتحدثة", "السفير",
    "المبعوث", "الأمين العام", "الجنرال", "السناتور",
)
_TITLES_FOLDED = sorted({fold_phrase(t) for t in PERSON_TITLES}, key=len, reverse=True)
_QUOTED_RE = re.compile(r"«([^«»\n]{2,60})»")
_WORD_RE = re.compile(r"[^\W\d_][\w\u200c]*")


@dataclass(frozen=True)
class UnlinkedPerson:
    start: int
    end: int
    surface: str
    cue: str


def find_unlinked_persons(body: str, covered: list[tuple[int, int]]) -> list[UnlinkedPerson]:
    """Quoted names next to a person title, outside every ``covered`` (start, end) span."""
    out = []
    for m in _QUOTED_RE.finditer(body):
        start, end = m.span(1)
        name = m.group(1).strip()
        if not 1 <= len(_WORD_RE.findall(name)) <= 4 or any(s < end and start < e for s, e in covered):
            continue
        # the title sits within a few words: "وزیر خارجه «...»", "«...» رئیس‌جمهور فرانسه"
        before = " " + fold_phrase(body[max(0, m.start() - 25):m.start()]) + " "
        after = " " + fold_phrase(body[m.end():m.end() + 25]) + " "
        cue = next((t for t in _TITLES_FOLDED if f" {t} " in before or after.startswith(f" {t} ")), None)
        if cue:
            lead = len(m.group(1)) - len(m.group(1).lstrip())
            out.append(UnlinkedPerson(start + lead, start + lead + len(name), name, cue))
    return out
