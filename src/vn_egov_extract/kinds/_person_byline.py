"""The byline or source line that closes an article: "Lan Anh", "Thu Lan (Trung tâm ...)",
"Nguồn: Thương Tín - Phòng VHTT", "Tin, ảnh: Minh Chi".

A byline is a short line made of a name, optionally opened by a marker ("Nguồn:", "Theo")
and followed by the writer's unit in brackets or after a dash. Without a marker with a colon,
the line must follow a paragraph of prose (a line ending a sentence), which keeps menus and
headings out. Pen names have no surname, so the name is checked only against the lists of
non-name words and places.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ._person_chain import is_name_token, plausible_name
from ._person_data import NAME_TOKEN, tables

_LINE = regex.compile(r"[^\n]+")
_MAX_LINE = 200
_NAME = regex.compile(rf"{NAME_TOKEN}(?:[ \t]+{NAME_TOKEN}){{1,4}}")
# what may follow the name on its line: nothing, a full stop, a bracket, a dash or a comma
# before the unit, or page chrome glued on ("...)Thống kê truy cập")
_AFTER = regex.compile(r"[ \t]*(?:\.?[ \t\r]*$|\(|[-,/][ \t])")
_CAPS_NAME = regex.compile(r"\p{Lu}+(?:'\p{Lu}+)?(?:[ \t]+\p{Lu}+(?:'\p{Lu}+)?){1,3}(?![\p{L}])")
_JOINT = regex.compile(r"[ \t]*(?:[-,&]|và)[ \t]*")
_END = regex.compile(r"[ \t]*\.?[ \t\r]*$")
_PROSE_END = regex.compile(r"(?:[.!?…\"')]|\./\.)[ \t]*$")
_MIN_PROSE = 40


def _follows_prose(text: str, line_start: int) -> bool:
    """Whether the last non-empty line before ``line_start`` ends a sentence of prose."""
    before = text[max(0, line_start - 400) : line_start].rstrip()
    if not before:
        return False
    last = before.rsplit("\n", 1)[-1].strip()
    return len(last) >= _MIN_PROSE and _PROSE_END.search(last) is not None


def _leads_prose(text: str, line_end: int) -> bool:
    """Whether the next non-empty line after ``line_end`` is a paragraph of prose."""
    after = text[line_end : line_end + 400].lstrip()
    first = after.split("\n", 1)[0].strip()
    return len(first) >= _MIN_PROSE and _PROSE_END.search(first) is not None


def bylines(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, rule) of each byline name in ``text`` (view offsets).

    >>> s = "Câu cuối cùng của bài viết này đã kết thúc ở đây rồi nhé.\\n\\nLan Anh\\n"
    >>> [(s[a:b], r) for a, b, r in bylines(s)]
    [('Lan Anh', 'person.byline')]
    >>> s = "Nguồn: Thương Tín - Phòng VHTT."
    >>> [(s[a:b], r) for a, b, r in bylines(s)]
    [('Thương Tín', 'person.source')]
    """
    t = tables()
    for line in _LINE.finditer(text):
        body = line.group()
        if len(body) > _MAX_LINE:
            continue  # a paragraph, not a byline
        lead = len(body) - len(body.lstrip())
        pos = line.start() + lead
        if not body[lead : lead + 1].isupper():
            continue
        marker = t.byline_re.match(text, pos)
        rule = "person.byline"
        if marker is not None:
            pos = marker.end()
            rule = "person.source"
        strong = marker is not None and ":" in marker.group()
        name = _NAME.match(text, pos, line.end())
        capitals = name is None
        if capitals:  # "Bài và ảnh: THANH HẢI"
            name = _CAPS_NAME.match(text, pos, line.end())
        if name is None or _AFTER.match(text, name.end(), line.end()) is None:
            continue
        words = [w.capitalize() if capitals else w for w in name.group().split()]
        if not _name_like(words):
            continue
        if not strong and not _follows_prose(text, line.start()):
            continue
        if capitals and not strong and _leads_prose(text, line.end()):
            continue  # a heading in capitals opens the paragraph after it
        yield name.start(), name.end(), rule
        # a second writer: "Ngọc Ánh - Thu Hà", "Minh Chi, Lan Anh" (a unit is not a name)
        joint = _JOINT.match(text, name.end(), line.end())
        other = _NAME.match(text, joint.end(), line.end()) if joint else None
        end_of_line = other is not None and _END.match(text, other.end(), line.end())
        if other is not None and end_of_line and _name_like(other.group().split()):
            yield other.start(), other.end(), rule


def _name_like(words: list[str]) -> bool:
    """2-4 name syllables (5 for Central Highlands names), none a non-name word or place."""
    t = tables()
    limit = 5 if words[0] in t.ethnic or words[0].startswith(t.ethnic_apostrophe) else 4
    if not 2 <= len(words) <= limit:
        return False
    return all(is_name_token(w) for w in words) and plausible_name(words)
