"""The typography of the texts that data/ and params/ give the report, applied when they are read.

A source's text is printed as written, with the rules of Russian typesetting that a CSV or YAML
cell cannot show (a no-break space is invisible there, and YAML folds it): a percent sign is
joined to its number by a no-break space, so that «12,3 %» never breaks across lines and
«47%» reads «47 %» as the report's own figures do; the digit groups of a number («20 000
камер») and a day and its month («22 декабря») are joined the same way. A dash between
words or dates is the spaced em dash of Russian text, one style for every range whose ends
contain spaces: «январь 2020 — август 2022», «запуск — около 2022 г.», «2 ноября 2026 г. —
22 декабря 2026 г.», never a spaced hyphen or en dash («январь 2020 – август 2022») nor an
en dash glued to «г.» (the en dash without spaces stays between numbers: «2020–2025»,
«10–60 дней»). The loaders
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
# a spaced hyphen or en dash between two words or figures: «август 2022 – январь 2023»
_SPACED_DASH = re.compile(r"(?<=\S) [–-] (?=\S)")
# a year and its abbreviation on one line: «2027 г.», «2027–2029 гг.» (Kazakh «2027 ж.»);
# \u0433: «г», \u0436: «ж»
_YEAR_WORD = re.compile(r"(?<![\d,.])(\d{4}) (?=(?:\u0433\u0433|\u0433|\u0436\u0436|\u0436)\.)")
# an en dash glued to the «г.» of a date that ends a range: «2 ноября 2026 г.–22 декабря»
# the en dash of a range of figures, «8–12», «2027–2029»: no line break after it; a range
# of sums in digit groups («3 500 000–13 000 000 тенге») may still break after its dash
_FIGURE_RANGE_DASH = re.compile(r"(?<=\d)(?<!\u00a0\d{3})\u2013(?=\d+(?:,\d+)?(?!\d|\u00a0\d{3}))")
WORD_JOINER = "\u2060"
# a case ending or suffix after a number or percent sign, «98,1-ге», «18 %-ға», «5-летний»:
# never broken after its hyphen («98,1-» at a line's end, «ге» on the next)
# (a Cyrillic ending only: «№ 379-V» and the addresses' «6502970-v-almaty» stay as written)
# (Russian and Kazakh lower-case letters, as escapes: а–я, ё, ә, ғ, қ, ң, ө, ұ, ү, һ, і)
_NUMBER_SUFFIX_HYPHEN = re.compile(
    r"(?<=[\d%])-(?=[\u0430-\u044f\u0451\u04d9\u0493\u049b\u04a3\u04e9\u04b1\u04af\u04bb\u0456])"
)
_GLUED_DATE_DASH = re.compile(r"(?<=\b\u0433\.)[–-](?=\s?\d)")  # \u0433: the «г» of «г.»
# a spaced em dash between words never begins a line (the rule of Russian typesetting: the
# dash stays with the word before it; review s45: «— лишь на год» began a line of the memo)
_DASH_AFTER_WORD = re.compile(r"(?:(?<=\S)|^) \u2014 ")
# an abbreviation of a legal unit or a reference and its number on one line: «п. 3», «пп. 12»,
# «ст. 17», «ч. 2», «с. 38», «табл. 32», «рис. 3», «№ 67» (review s26j: «ст.» ended a line,
# «17» began the next); as escapes: п, пп, ст, ч, с, табл, рис
_ABBREVIATION_NUMBER = re.compile(
    r"(?<![\w.])((?:\u043f\u043f|\u043f|\u0441\u0442|\u0447|\u0441|\u0442\u0430\u0431\u043b"
    r"|\u0440\u0438\u0441)\.|\u2116) (?=\d)"
)


def typeset(text: str) -> str:
    """`text` with a no-break space between a number and its percent sign, inside a number's
    digit groups and between a day and its month: "8,1 %", "47%", "20 000 камер", "22 декабря"
    -> "8,1\u00a0%", "47\u00a0%", "20\u00a0000 камер", "22\u00a0декабря"; a range whose
    ends contain spaces with the spaced em dash: "январь 2020 – август 2022", "2026 г.–22
    декабря" -> "январь 2020 — август 2022", "2026 г. — 22 декабря"."""
    text = _SPACED_DASH.sub(" \u2014 ", text)
    text = _GLUED_DATE_DASH.sub(" \u2014 ", text)
    text = _PERCENT.sub(rf"\1{NBSP}%", text)
    text = _GROUPS.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    return _DAY.sub(rf"\1{NBSP}", text)


def typeset_page(text: str) -> str:
    """`typeset`, a year bound to its abbreviation, «2027 г.», «2027–2029 гг.» (Kazakh
    «2027 ж.»), a spaced em dash bound to the word before it (never a line's first
    character), a range of figures that never breaks after its dash («8–» at a line's end,
    «12 млрд» on the next: a word joiner after the dash, which neither the eye nor a text
    extraction sees), an abbreviation kept with its number («ст. 17», «№ 67»), a case
    ending after a number kept with it the same way («98,1-ге»,
    which broke as «98,1-» / «ге»), for the text of the rendered page only: the messages of the
    catalog keep the texts as `typeset` reads them, so a translation is found by the text it
    was made for."""
    text = _YEAR_WORD.sub(rf"\1{NBSP}", typeset(text))
    text = _DASH_AFTER_WORD.sub(f"{NBSP}\u2014 ", text)
    text = _ABBREVIATION_NUMBER.sub(rf"\1{NBSP}", text)
    text = _NUMBER_SUFFIX_HYPHEN.sub("-" + WORD_JOINER, text)
    return _FIGURE_RANGE_DASH.sub("\u2013" + WORD_JOINER, text)


def bind(text: str) -> str:
    """Only the invisible part of `typeset`, for a quotation printed as its page wrote it
    (sources.csv `quote`): a number's digit groups and a day and its month kept on one line.
    Its dashes and percent signs stay as the page has them: «+ / - 1» is not a range, and
    «12,2%» is the page's spelling, not the report's."""
    text = _GROUPS.sub(lambda m: m.group(0).replace(" ", NBSP), text)
    return _DAY.sub(rf"\1{NBSP}", text)
