"""From decoded text to a clean article: title, body, and the outlet named in the text."""
from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import clean_raw, fold_phrase, normalize_line

# Trailers that news sites append after the article: everything from them on is dropped.
BOILERPLATE_TRAILERS = (
    "نظرات کاربران", "نظر شما", "ارسال نظر", "اخبار مرتبط", "برچسب ها", "برچسب‌ها", "کلید واژه ها",
    "إضافة تعليق جديد", "أضف تعليق", "اضف تعليق", "التعليقات", "مواضيع ذات صلة", "اقرأ أيضا", "اقرأ أيضاً",
)
_TRAILERS_FOLDED = {fold_phrase(t) for t in BOILERPLATE_TRAILERS}
# "منبع: ایسنا", "منبع خبر: ایرنا", "المصدر: سانا"
_SOURCE_LINE_RE = re.compile(r"^\s*(?:منبع(?:\s*خبر)?|المصدر|مصدر\s*الخبر)\s*[:：]\s*(?P<outlet>[^\n]{1,60}?)\s*$")
# A bare agency credit on its own line.
_AGENCY_LINE_RE = re.compile(r"^\s*(?P<outlet>وكالات|وکالات|خبرگزاری‌ها)\s*$")
# "به گزارش آران نیوز به نقل از ایرنا،" -> the reporting outlet is the first name.
_REPORTED_BY_RE = re.compile(r"به\s+گزارش\s+(?P<outlet>[^،,:\n]{2,40}?)\s*(?:به\s+نقل\s+از|،|,|:)")


@dataclass(frozen=True)
class Article:
    title: str
    body: str
    outlet: str | None


def _is_trailer(line: str) -> bool:
    folded = fold_phrase(line).rstrip(" :.")
    return folded in _TRAILERS_FOLDED


def find_outlet(lines: list[str]) -> str | None:
    """The outlet that the text names as its source, if any."""
    for line in reversed(lines[-3:]):
        m = _SOURCE_LINE_RE.match(line) or _AGENCY_LINE_RE.match(line)
        if m:
            return m.group("outlet").strip()
    for line in lines[:6]:
        m = _REPORTED_BY_RE.search(line)
        if m:
            return m.group("outlet").strip()
    return None


def clean_article(text: str, language: str) -> Article:
    """Normalize per language, drop repeated headlines and trailers, keep one line per paragraph."""
    lines: list[str] = []
    seen: set[str] = set()
    for raw_line in clean_raw(text).split("\n"):
        line = normalize_line(raw_line, language)
        if not line:
            continue
        if _is_trailer(line):
            break
        key = fold_phrase(line)
        if key in seen and len(key) < 200:
            continue  # a headline repeated by the page template
        seen.add(key)
        lines.append(line)
    title = lines[0] if lines else ""
    return Article(title=title, body="\n".join(lines), outlet=find_outlet(lines))
