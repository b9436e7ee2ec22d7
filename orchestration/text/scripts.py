"""Find letters from scripts that have no business in a Persian or Arabic text."""
from __future__ import annotations

import re
import unicodedata

_WORD_RE = re.compile(r"[^\W\d_][\w\u200c]*")
_EXPECTED = ("ARABIC", "LATIN")


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ")[0] if name else "UNKNOWN"


def unexpected_script_words(body: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, script) for each word holding a letter outside Arabic/Latin script."""
    found = []
    for m in _WORD_RE.finditer(body):
        odd = {_script(c) for c in m.group() if c.isalpha() and not _script(c).startswith(_EXPECTED)}
        if odd:
            found.append((m.start(), m.end(), m.group(), ",".join(sorted(odd))))
    return found
