"""Vietnamese word segmentation with exact offsets into the caller's string.

underthesea's ``word_tokenize`` groups syllables into words ("công nghệ thông tin") but
returns bare strings, joined by one space, sometimes rewritten. :func:`word_spans` finds
every word back in the original text, so a spaCy ``Doc`` built from it reproduces the
text character for character (see ``spacy_component.VietnameseTokenizer``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex

from ._text import NormText

Span = tuple[int, int]

# How far past the cursor a syllable may be looked for when the segmenter skipped or
# rewrote something; bounded so a lost syllable never makes the search quadratic.
_RESYNC_WINDOW = 64

_LINE = regex.compile(r"[^\n\r\u2028\u2029]+")
_NON_SPACE = regex.compile(r"\S+")
# A syllable joins the word before it only if it has a letter or digit: the segmenter
# sometimes glues an emoji or a symbol to the preceding word.
_WORDLIKE = regex.compile(r"\w")

_segmenter: Callable[[str], list[str]] | None = None


def _segment(line: str) -> list[str]:
    """underthesea's words for one line, loaded on first use (its model takes ~0.3 s)."""
    global _segmenter
    if _segmenter is None:
        from underthesea import word_tokenize

        def segment(text: str) -> list[str]:
            words: list[str] = word_tokenize(text, use_token_normalize=False)
            return words

        _segmenter = segment
    return _segmenter(line)


def _find_syllable(text: str, syllable: str, cursor: int, limit: int) -> int:
    """Where ``syllable`` starts at or after ``cursor`` (skipping spaces), or -1."""
    while cursor < limit and text[cursor].isspace():
        cursor += 1
    if text.startswith(syllable, cursor):
        return cursor
    return text.find(syllable, cursor, min(limit, cursor + _RESYNC_WINDOW + len(syllable)))


def _align_line(text: str, start: int, end: int, words: list[str]) -> Iterator[Span]:
    """Locate ``words`` (from ``text[start:end]``) in ``text``, in order.

    A word's syllables stay one token only when one plain space separates them in the
    text and the later one is word-like: the segmenter also joins syllables across tabs,
    double spaces and combining marks, and glues symbols on, which would make odd tokens.

    >>> list(_align_line("công nghệ  thông tin", 0, 20, ["công nghệ thông tin"]))
    [(0, 9), (11, 20)]
    """
    cursor = start
    for word in words:
        current: Span | None = None
        joinable = False  # whether the syllable before could take another one
        for syllable in word.split():
            at = _find_syllable(text, syllable, cursor, end)
            if at < 0:
                continue  # rewritten by the segmenter: its characters are recovered later
            cursor = at + len(syllable)
            wordlike = _WORDLIKE.search(syllable) is not None
            if current is not None and joinable and wordlike and text[current[1] : at] == " ":
                current = (current[0], cursor)
                continue
            if current is not None:
                yield current
            current, joinable = (at, cursor), wordlike
        if current is not None:
            yield current


def _view_spans(view: str) -> list[Span]:
    """Word spans in the normalised view, one line at a time (words never cross lines)."""
    spans: list[Span] = []
    for line in _LINE.finditer(view):
        if line.group().strip():
            spans.extend(_align_line(view, line.start(), line.end(), _segment(line.group())))
    return spans


def _fill_gaps(source: str, spans: list[Span]) -> list[Span]:
    """Sorted, disjoint spans covering every non-space character of ``source``.

    Characters no word claims (a syllable the segmenter rewrote, a stray tag) become
    tokens of their own, split at whitespace.

    >>> _fill_gaps("ab <br> cd", [(0, 2), (8, 10)])
    [(0, 2), (3, 7), (8, 10)]
    """
    out: list[Span] = []
    done = 0
    for start, end in sorted(spans):
        start = max(start, done)
        if end <= start:
            continue
        out.extend(
            (done + m.start(), done + m.end()) for m in _NON_SPACE.finditer(source[done:start])
        )
        out.append((start, end))
        done = end
    out.extend((done + m.start(), done + m.end()) for m in _NON_SPACE.finditer(source[done:]))
    return out


def word_spans(text: str) -> list[Span]:
    """The ``(start, end)`` offsets of the Vietnamese words of ``text``, in order.

    Words are underthesea's segmentation, found back in ``text`` itself (NFD accents,
    curly apostrophes and odd spaces included); every non-space character belongs to
    exactly one span and spans never overlap.

    >>> text = "Sở  Thông tin và Truyền thông triển khai công nghệ thông tin."
    >>> [text[s:e] for s, e in word_spans(text)]  # doctest: +NORMALIZE_WHITESPACE
    ['Sở', 'Thông tin', 'và', 'Truyền thông', 'triển khai', 'công nghệ thông tin', '.']
    """
    if not isinstance(text, str):
        raise TypeError(f"word_spans() expects a str, got {type(text).__name__}")
    view = NormText.of(text)
    spans = [view.to_source(s, e) for s, e in _view_spans(view.text)]
    return _fill_gaps(text, spans)


def words_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    """``words`` and ``spaces`` for ``spacy.tokens.Doc``: ``Doc(...).text == text`` exactly.

    A single plain space after a word is its ``space``; any other run of whitespace
    becomes a whitespace token, as spaCy's own tokenizer does.

    >>> words_and_spaces("Hà Nội,\\n\\n có  mưa")
    (['Hà Nội', ',', '\\n\\n ', 'có', ' ', 'mưa'], [False, False, False, True, False, False])
    """
    words: list[str] = []
    spaces: list[bool] = []
    done = 0
    for start, end in word_spans(text):
        _add_gap(text[done:start], words, spaces)
        words.append(text[start:end])
        spaces.append(False)
        done = end
    _add_gap(text[done:], words, spaces)
    return words, spaces


def _add_gap(gap: str, words: list[str], spaces: list[bool]) -> None:
    """Attach the whitespace ``gap`` after the last word: a space flag, a token, or both."""
    if not gap:
        return
    if words and not spaces[-1] and not words[-1].isspace() and gap[0] == " ":
        spaces[-1] = True
        gap = gap[1:]
    if gap:
        words.append(gap)
        spaces.append(False)
