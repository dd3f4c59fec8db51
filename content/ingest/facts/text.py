"""Text helpers every fact kind shares."""

from __future__ import annotations

import re

_NON_WORD = re.compile(r"[^a-z0-9]+")


def loose(text: str) -> str:
    """Text compared for duplicates: case, punctuation, markdown marks and spacing ignored."""
    return _NON_WORD.sub(" ", text.lower()).strip()
