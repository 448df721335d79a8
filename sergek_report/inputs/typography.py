"""The typography of the texts that data/ and params/ give the report, applied when they are read.

A source's text is printed as written, with the rules of Russian typesetting that a CSV or YAML
cell cannot show (a no-break space is invisible there, and YAML folds it): a percent sign is
joined to its number by a no-break space, so that «12,3 %» never breaks across lines and
«47%» reads «47 %» as the report's own figures do; the digit groups of a number («20 000
камер») and a day and its month («22 декабря») are joined the same way. The loaders
(`csvfile.normalise`, `edition`) and the extractor of the texts to translate
(`build.translations`) apply the same function, so the translated edition finds each text
under the same words; the renderer applies it to the prose of the notebooks too.
"""

from __future__ import annotations

import re

from sergek_report import labels as L

NBSP = "\u00a0"
_PERCENT = re.compile(r"(\d)[ \u202f]?%")
# «20 000», «9 986 042 340»: a number of one to three digits, then groups of three
_GROUPS = re.compile(r"(?<![\d,.])\d{1,3}(?: \d{3})+(?!\d)")
_DAY = re.compile(rf"(?<![\d,.])(\d{{1,2}}) (?=(?:{'|'.join(L.MONTHS_GENITIVE)})\b)")


def typeset(text: str) -> str:
    """`text` with a no-break space between a number and its percent sign, inside a number's
    digit groups and between a day and its month: "8,1 %", "47%", "20 000 камер", "22 декабря"
    -> "8,1\u00a0%", "47\u00a0%", "20\u00a0000 камер", "22\u00a0декабря"."""
    text = _PERCENT.sub(rf"\1{NBSP}%", text)
    text = _GROUPS.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    return _DAY.sub(rf"\1{NBSP}", text)
