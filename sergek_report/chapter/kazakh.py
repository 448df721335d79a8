"""Kazakh case endings on formatted values: «31 желтоқсан» -> «31 желтоқсанға», «1 641» ->
«1 641-ге», «7 млрд» -> «7 млрд-қа».

A Kazakh noun takes its case as an ending, and the ending follows two features of the word's
last syllable (the standard school grammar of the endings):
- vowel harmony: a back vowel (а, о, ұ, ы, я) gives the back ending (-ға, -дан), a front
  vowel (ә, е, ө, ү, і, э) the front one (-ге, -ден); и, у, ю are read with the vowel before
  them;
- the final sound: a vowel; a sonorant (л, р, й, у, и, ю); a nasal (м, н, ң); a voiced
  consonant (ж, з); a voiceless consonant (к, қ, п, с, т, ф, х, ц, ч, ш, щ; б, в, г, д sound
  voiceless at the end of a word).

A number written in digits takes the ending of its spoken last word («1 641» is «бір мың
алты жүз қырық бір»: the ending of «бір»), joined by a hyphen, as are the endings of an
abbreviation («млн-ға», «%-ға»): the orthography rule for endings of numbers in Arabic digits
(«6-ға, 100-ге дейін, 10-15-тен») and of abbreviations («БҰҰ-дан»), docs/translation.md.

The translator asks for a case in the catalog by a suffix in brackets after the placeholder:
«{v1}[dat] дейін» (CASES below); Russian messages never use it. Endings after a possessive
form (-на, -нда) are not derived: a value that ends the noun phrase takes the case, a word
the translator writes after it carries its own ending («{v1} жылы»).
"""

from __future__ import annotations

import re

from sergek_report.errors import ReportError

# The six oblique cases, by the names a translator writes in brackets after a placeholder, with
# their Kazakh grammar names (for the error message and the docs), and the locative's attribute
# form («2024 жылғы қарашадағы», «1 қаңтардағы»), which a date before a noun often needs.
CASES = {
    "gen": "ілік септік (-ның/-нің, -дың/-дің, -тың/-тің)",
    "acc": "табыс септік (-ны/-ні, -ды/-ді, -ты/-ті)",
    "dat": "барыс септік (-ға/-ге, -қа/-ке)",
    "loc": "жатыс септік (-да/-де, -та/-те)",
    "abl": "шығыс септік (-дан/-ден, -тан/-тен, -нан/-нен)",
    "ins": "көмектес септік (-мен, -бен, -пен)",
    "attr": "жатыс септік + -ғы/-гі, an attribute (-дағы/-дегі, -тағы/-тегі)",
}
# The back-vowel ending by the final sound: vowel, sonorant, nasal, voiced, voiceless.
_ENDINGS = {
    "gen": ("ның", "дың", "ның", "дың", "тың"),
    "acc": ("ны", "ды", "ды", "ды", "ты"),
    "dat": ("ға", "ға", "ға", "ға", "қа"),
    "loc": ("да", "да", "да", "да", "та"),
    "abl": ("дан", "дан", "нан", "дан", "тан"),
    "ins": ("мен", "мен", "мен", "бен", "пен"),
    "attr": ("дағы", "дағы", "дағы", "дағы", "тағы"),  # «1 қаңтардағы нұсқалар»
}
_FRONT_LETTERS = str.maketrans("аығқ", "еігк")
_BACK_VOWELS = set("аоұыяё")
_FRONT_VOWELS = set("әөүіеэ")
_VOWELS = _BACK_VOWELS | _FRONT_VOWELS
_SONORANTS = set("лрйуию")
_NASALS = set("мнң")
_VOICED = set("жз")

# The spoken last word of a number: its last non-zero digit's word (units, tens), or the
# order of magnitude that ends it (100 «жүз», 1 000 «мың», …), or «нөл» for zero.
UNITS = ("нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз")
TENS = ("", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан")
ORDERS = ((10**9, "миллиард"), (10**6, "миллион"), (10**3, "мың"), (10**2, "жүз"))
# Abbreviations and signs that end a value, as they are read («млрд-қа», «%-ға»); АБК is read
# by its letters, а-бе-ке, as the catalog writes «АБК-ге».
SPOKEN = {"млн": "миллион", "млрд": "миллиард", "%": "пайыз", "АБК": "абеке", "МЖӘ": "эмжеә"}

# The end of a value: a number (digits with group spaces, an optional fraction after a comma),
# a sign or abbreviation, or a word; closing quotes, brackets and Markdown emphasis after it
# stay after the ending's hyphen or around it.
_NUMBER = re.compile(r"(\d[\d\u00a0\u202f ]*?)(?:,(\d+))?$")
# A Kazakh or Russian word; a word in Latin letters (a company's name) is read as its owner
# reads it, which its spelling does not tell: such a value is left as it is.
_WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+$")
_EMPHASIS = re.compile(r"(\*+|_+)$")
_CLOSING = re.compile(r"[»)\]\"]+$")


class CaseError(ReportError):
    """A case name the grammar does not know."""


def check_case(case: str) -> None:
    if case not in CASES:
        raise CaseError(
            f"unknown case '{case}'; the cases are "
            + ", ".join(f"{name} ({grammar})" for name, grammar in CASES.items())
            + "."
        )


def spoken_number(n: int) -> str:
    """The last word of a whole number read aloud: 1641 -> «бір», 2020 -> «жиырма»,
    1000 -> «мың», 0 -> «нөл»."""
    if n % 10:
        return UNITS[n % 10]
    if n % 100:
        return TENS[n % 100 // 10]
    if n == 0:
        return UNITS[0]
    for order, word in ORDERS:  # the largest order that divides n ends it
        if n % order == 0:
            return word
    raise AssertionError(n)  # unreachable: n is a multiple of 100


def ending(word: str, case: str) -> str:
    """The case ending of a word (lower case Kazakh, as read aloud)."""
    check_case(case)
    letters = [ch for ch in word.lower() if ch.isalpha() and ch not in "ъь"]
    if not letters:
        raise ValueError(f"no letters to inflect in {word!r}")
    last = letters[-1]
    if last in _VOWELS:
        kind = 0
    elif last in _SONORANTS:
        kind = 1
    elif last in _NASALS:
        kind = 2
    elif last in _VOICED:
        kind = 3
    else:
        kind = 4
    front = next((ch in _FRONT_VOWELS for ch in reversed(letters) if ch in _VOWELS), False)
    suffix = _ENDINGS[case][kind]
    return suffix.translate(_FRONT_LETTERS) if front else suffix


def inflect(text: str, case: str) -> str:
    """A formatted value in a case: a word takes its ending («желтоқсан» -> «желтоқсанға»), a
    number, sign or abbreviation takes it after a hyphen by the spoken word («2026» ->
    «2026-ға», «2,6» -> «2,6-ға», «18 %» -> «18 %-ға»); text that does not end in a number
    or a Cyrillic word (an em dash for no data, a name in Latin letters) is returned as it
    is."""
    check_case(case)
    emphasis = _EMPHASIS.search(text)
    tail = emphasis.group(0) if emphasis else ""
    body = text[: len(text) - len(tail)]
    closing = _CLOSING.search(body)
    quote = closing.group(0) if closing else ""
    core = body[: len(body) - len(quote)].rstrip()
    for sign, spoken in SPOKEN.items():
        if core.endswith(sign) and not _WORD.search(core[: -len(sign)] or " "):
            return f"{body}-{ending(spoken, case)}{tail}"
    number = _NUMBER.search(core)
    if number:
        digits = number.group(2) or number.group(1)
        spoken = spoken_number(int(re.sub(r"\D", "", digits)))
        return f"{body}-{ending(spoken, case)}{tail}"
    word = _WORD.search(core)
    if not word:
        return text
    if quote:  # «Сергек»-ке: the ending after the closing quote, with a hyphen
        return f"{body}-{ending(word.group(0), case)}{tail}"
    return f"{body}{ending(word.group(0), case)}{tail}"
