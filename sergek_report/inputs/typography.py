"""The typography of the texts that data/ and params/ give the report, applied when they are read.

A source's text is printed as written, with one rule of Russian typesetting that a CSV or YAML
cell cannot show (a no-break space is invisible there, and YAML folds it): a percent sign is
joined to its number by a no-break space, so that «12,3 %» never breaks across lines and
«47%» reads «47 %» as the report's own figures do. The loaders (`csvfile.normalise`,
`edition`) and the extractor of the texts to translate (`build.translations`) apply the same
function, so the translated edition finds each text under the same words.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
_PERCENT = re.compile(r"(\d)[ \u202f]?%")


def typeset(text: str) -> str:
    """`text` with a no-break space between a number and its percent sign: "8,1 %" and "47%"
    -> "8,1\u00a0%", "47\u00a0%"."""
    return _PERCENT.sub(rf"\1{NBSP}%", text)
