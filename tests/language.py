"""Slips of language in the whole text of a built edition (see test_report.py, test_build.py).

One checker for the text a reader sees, HTML or PDF, wherever it came from (prose, data cells,
table builders, chart labels):

- a count whose noun does not agree with the number («414 комплексы», «3 773 фунтов»), or a
  noun repeated after its count («404 комплекса комплексов»);
- a percent sign glued to its number («0%»), or, in a text that keeps no-break spaces (the
  HTML), joined by an ordinary space;
- a unit repeated in a range («от 10 дней до 60 дней» for «от 10 до 60 дней»);
- an ISO-like date («2024-01», «2024-01..11») outside web addresses;
- a range whose two ends are the same («январь 2020 — январь 2020», «5–5»);
- a word of the machinery (a file, a table of the project, an identifier, the analyst's
  instructions);
- a year said twice in a row of a table («2024 январь–ноябрь 2024»);
- a median that is an end of the range after it («около 0,7 млрд тенге (от 0,6 до 0,7)»);
- a small count in digits before «из» in running prose («По 2 из 5 участников»);
- several holders after a singular verb, joined by semicolons («может управление
  цифровизации; управление финансов»).

`slips(text)` returns (kind, excerpt) pairs; an empty list is a clean text. `body_slips(text)`
checks the text before the list of sources, which keeps its entries' own words (addresses,
titles, notes): a web address in brackets after a source's name («Адилет (zan.kz)»), a
bracket inside a bracket, a date said relative to an unnamed year («от декабря этого года»).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NBSP = "\u00a0"
_SPACE = "[ \u00a0\u202f]"
_NUMBER = rf"\d{{1,3}}(?:{_SPACE}\d{{3}})*(?:,\d+)?"

# The counted nouns of the report: (one, few, many) of the nominative/accusative, then every
# other form of the noun, singular and plural, that may follow a number in another case.
NOUNS: dict[str, tuple[tuple[str, str, str], tuple[str, ...]]] = {
    "комплекс": (
        ("комплекс", "комплекса", "комплексов"),
        (
            "комплексы",
            "комплексу",
            "комплексом",
            "комплексе",
            "комплексам",
            "комплексами",
            "комплексах",
        ),
    ),
    "месяц": (
        ("месяц", "месяца", "месяцев"),
        ("месяцы", "месяцу", "месяцем", "месяце", "месяцам", "месяцами", "месяцах"),
    ),
    "день": (
        ("день", "дня", "дней"),
        ("дни", "дню", "днём", "дне", "дням", "днями", "днях"),
    ),
    "год": (
        ("год", "года", "лет"),
        ("годы", "году", "годом", "годе", "годам", "годами", "годах"),
    ),
    "раз": (("раз", "раза", "раз"), ("разы", "разу", "разом", "разе", "разам", "разами")),
    "фунт": (
        ("фунт", "фунта", "фунтов"),
        ("фунты", "фунту", "фунтом", "фунте", "фунтам", "фунтами", "фунтах"),
    ),
    "камера": (
        ("камера", "камеры", "камер"),
        ("камеру", "камерой", "камере", "камерам", "камерами", "камерах"),
    ),
}
_FORMS = {form: lemma for lemma, (main, other) in NOUNS.items() for form in (*main, *other)}
# A number, up to two adjectives («1 641 аппаратно-программные комплексы», «350 новых
# комплексов»), a noun of the list.
_ADJECTIVE = r"[а-яё-]+(?:ые|ие|ых|их|ый|ий|ой|ая|яя|ую|юю|ого|его|ым|им|ыми|ими)"
_COUNT = re.compile(
    rf"(?<![\d,.\-–/])({_NUMBER}){_SPACE}((?:{_ADJECTIVE}{_SPACE}){{0,2}})"
    rf"({'|'.join(sorted(_FORMS, key=len, reverse=True))})(?![а-яё-])"
)
# A preposition or a word after which a count is in the genitive («более 2 комплексов», «в
# составе 404 комплексов»); after «в», «на», «за», «по» a count is in the accusative, where the
# (one, few, many) rule holds («за 32 месяца», «в 2,6 раза»), and an oblique form is accepted
# anyway («в 12 месяцах»).
_GOVERNING = re.compile(
    r"(?:^|[\s(«])(?:из|до|от|с|со|около|более|менее|свыше|без|для|у|после|кроме|порядка|"
    r"нескольких|составе)$",
    re.IGNORECASE,
)


def _category(number: str) -> str:
    from babel import Locale

    digits = re.sub(r"[ \u00a0\u202f]", "", number).replace(",", ".")
    if "." in digits:
        return "other"
    return Locale("ru").plural_form(int(digits))


def agreement_errors(text: str) -> list[str]:
    """Counts whose noun does not agree with the number (babel's Russian plural rules).

    After a word that governs another case («более», «с», «в», …) only a nominative plural
    («комплексы») is an error; otherwise the nominative/accusative form must be the one the
    number asks for, a genitive or oblique form being accepted where Russian allows it
    («в 2,6 раза», «с 1 641 комплексом»). A year (a four-digit number from 1990 to 2040)
    before «год…» is a date, not a count. A number followed by «г.» is a date too."""
    errors = []
    for match in _COUNT.finditer(text):
        number, adjectives, noun = match.groups()
        lemma = _FORMS[noun]
        (one, few, many), _other = NOUNS[lemma]
        plain = re.sub(r"[ \u00a0\u202f]", "", number)
        if lemma == "год" and re.fullmatch(r"(199\d|20[0-4]\d)", plain):
            continue  # a calendar year: «в 2026 году», «2027 год»
        category = _category(number)
        nominative_plural = noun == _other[0] and noun.endswith(("ы", "и"))
        before = text[max(0, match.start() - 12) : match.start()].rstrip(" \u00a0\u202f")
        governed = bool(_GOVERNING.search(before))
        if nominative_plural and lemma != "камера":
            errors.append(match.group(0))
        elif governed:
            continue
        elif category == "other":  # a fraction takes the genitive singular
            if noun not in (few,) and noun not in _other[1:]:
                errors.append(match.group(0))
        elif category == "one":
            if noun != one and noun not in _other[1:]:
                errors.append(match.group(0))
        elif category == "few":
            if noun not in (few,) and noun not in _other[1:]:
                errors.append(match.group(0))
        elif noun != many and noun not in _other[1:]:
            errors.append(match.group(0))
        # «2 комплекса комплексов»: the noun said twice
    for match in re.finditer(rf"({_NUMBER}){_SPACE}(комплекс\w*){_SPACE}комплексов\b", text):
        errors.append(match.group(0))
    return errors


_PERCENT_GLUED = re.compile(r"\d%")
_PERCENT_SPACE = re.compile(r"\d %")  # an ordinary space: only in a text that keeps NBSP
_RANGE_UNIT = re.compile(
    rf"\bот{_SPACE}{_NUMBER}{_SPACE}([а-яё]{{3,}}|%)\.?{_SPACE}до{_SPACE}{_NUMBER}{_SPACE}"
    r"([а-яё]{3,}|%)"
)
# «8,4 % — 8,6 %»: a range of numbers with the unit said twice (one style: «8,4–8,6 %»)
_DASH_UNIT = re.compile(
    rf"{_NUMBER}{_SPACE}(%|[а-яё]{{3,}})\s?[—–]\s?{_NUMBER}{_SPACE}\1(?![а-яё])"
)
# A data cell or label with its capital kept inside a sentence, after a colon.
_CAPITAL_AFTER_COLON = re.compile(
    r"(?:Маслихат|допущения|рассчитать|Кто держит): (?:Решение|Бюджет|Принятие|Деньги|Дата|"
    r"Год|Доля|Срок|Рост|Стоимость|Цена|Продление|Положение|Управление)\b"
)
_ISO_DATE = re.compile(r"(?<![\d/.\w-])(?:19|20)\d{2}-\d{2}(?![\d/])")
_SAME_ENDS = re.compile(
    rf"(?<![\w,])((?:[а-яё]+{_SPACE})?\d[\d \u00a0\u202f,]*?)\s?[—–]\s?\1(?![\d,])"
)
# A date written with digits («14.11.2025»): the report writes months in words.
_NUMERIC_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}(?![\d])")
# «~» for «около»: the report writes «около» (or «≈» before a computed figure).
_TILDE = re.compile(r"~")
# A ratio below one with «раза» («0,89 раза»): it reads «0,89 от …» or as a bare number.
_RATIO_BELOW_ONE = re.compile(r"(?<![\d,])0,\d+[ \u00a0\u202f]раза\b")
# A range of dates or words with a spaced hyphen or en dash, or an en dash glued to «г.»: the
# report writes the spaced em dash («январь 2020 — август 2022», «2026 г. — 22 декабря»).
_RANGE_DASH = re.compile(rf"(?:\S{_SPACE}[–-]{_SPACE}(?=\S)|\bг\.[–-](?={_SPACE}?\d))")
# A version code or hash (seven or more hex digits with a letter and a digit): «56444d6».
_HASH = re.compile(r"(?<![\w/.#-])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{7,40}(?![\w/.-])")
# A change in percent without its sign, where the report's changes carry one («+8,1 %»):
# «Изменение числа ДТП за год 8,1 %».
_UNSIGNED_CHANGE = re.compile(rf"\bИзменени[ея]\b[^%\d+−]{{0,40}}(?<![+−-]){_NUMBER}{_SPACE}%")
# The system's name declined inside its quotes («Сергека»): the report keeps «Сергек».
_DECLINED_NAME = re.compile(r"«Сергек(?:а|у|ом|е)»")
# Where the no-break spaces are kept (HTML): a digit group or a day before its month after an
# ordinary space may break across lines («20 / 000 камер», «22 / декабря»).
_GROUP_SPACE = re.compile(r"(?<![\d,.])\d{1,3} \d{3}(?![\d])")
_MONTHS_GENITIVE = (
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
)
_DAY_SPACE = re.compile(rf"(?<![\d,.])\d{{1,2}} (?:{_MONTHS_GENITIVE})\b")
# A year, the months of that year, the year again: a table row whose period repeats its year
# (not a chart's ticks, «янв. 2020 июль 2020»: a year after a word is a date's).
_MONTHS_NOMINATIVE = (
    "январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь"
)
_YEAR_REPEATED = re.compile(
    rf"(?<![\d,.])(?<![а-яёА-ЯЁ.]{_SPACE})((?:19|20)\d\d){_SPACE}+"
    rf"(?:(?:{_MONTHS_NOMINATIVE})[–-])?(?:{_MONTHS_NOMINATIVE}){_SPACE}+\1(?!\d)"
)
# A figure with its range in words after it («0,7 млрд тенге (от 0,6 до 0,7)»): the figure
# is not to be one of the range's ends (say the range alone, «0,6–0,7 млрд тенге»).
_POINT_AND_RANGE = re.compile(
    rf"(?<![\d,])({_NUMBER})(?:{_SPACE}(?:тыс\.|млн|млрд))?(?:{_SPACE}[а-яё]+){{0,2}}"
    rf"{_SPACE}\(от{_SPACE}({_NUMBER}){_SPACE}до{_SPACE}({_NUMBER})(?![\d,])"
)
# «По 2 из 5 участников»: running prose says a small count in words («для двух из пяти»).
_SMALL_COUNT_OF = re.compile(rf"(?<![\d,.\w])\d{_SPACE}из{_SPACE}\d{{1,2}}(?![\d,]){_SPACE}[а-яё]")
# «Рассчитать её может управление цифровизации; управление финансов»: several holders are a
# plural subject, listed «A, B и C».
_HOLDERS = "управлени|департамент|акимат|аппарат|портал|министерств|комитет"
_HOLDERS_AFTER_SINGULAR = re.compile(
    rf"\bмож(?:ет|ёт){_SPACE}(?:[а-яё]+{_SPACE}){{0,2}}?(?:{_HOLDERS})[^.;:]*;{_SPACE}"
    rf"(?:{_HOLDERS})",
    re.IGNORECASE,
)
# Words of the project's machinery that the council's document must not contain.
MACHINERY = (
    "сводк",  # the project's own summary of facts
    "ключевых показателей:",  # a count of the key figures of the changes block
    "— →",  # an empty «before» of a changed assumption
    "data/",
    "params/",
    "notebooks/",
    "Аналитик",
    "аналитик может",
    "якор",
    "YAML",
    "CSV",
    "Продление-",
    "сценарий пути",  # «не меняется (сценарий пути или только «торнадо»)»
    "ранговая связь",  # a rank correlation, said in plain words instead
    "Обновлены данные в",  # «в 14 таблицах»: the project's tables
    "посторонн",  # «посторонней статьи»: a working note
    "Версия расчёта",  # the colophon's version code: said in words, kept in the file's data
    "неучтённ",  # «с неучтёнными правками»: a working copy's state
    "начальным числом",  # a random seed
    "будут пересчитаны",  # «все главы отчёта будут пересчитаны»: the build
    "вместе с данными отчёта",  # where the project keeps its quotes
    "исходные данные (",  # «Обновлены исходные данные (15 таблиц)»: the project's tables
    "мода —",  # «треугольное, мода — значение»: statistics said in plain words
    "ранговой корреляц",  # «квадрат ранговой корреляции»: said in plain words
    "sergek-report",
    " по год ",  # «по год продления»: a label built without its case
    "основной вариант",  # the colophon's name of the default set of assumptions
    "тот же отчёт",  # «из тех же данных и допущений получается тот же отчёт»: the build
)
_FILE = re.compile(r"\b[\w/.-]+\.(?:ya?ml|csv|json|ipynb|py)\b")
_IDENTIFIER = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")


def without_addresses(text: str) -> str:
    """The text without the sources' web addresses (which may wrap across lines)."""
    with (ROOT / "data" / "sources.csv").open(encoding="utf-8") as handle:
        urls = [row["url"] for row in csv.DictReader(handle) if row["url"]]
    for url in sorted(urls, key=len, reverse=True):
        text = re.sub(r"\s?".join(map(re.escape, url)), " ", text)
    return re.sub(r"https?://\S+", " ", text)


# A quotation of the source list: from its label to what follows it in the entry (the
# secondary-source note, the dates, the address); the PDF may break a phrase across lines or
# hyphenate «Опубли-/ковано».
_QUOTATION = re.compile(
    r"Цитата:.*?(?=Вторичный\s+источник:|Опубл|обращение:|поиск:|https?://|Адрес\s+не\s+указан)",
    re.S,
)


def without_quotations(text: str) -> str:
    """The text without the quotations of the source list («Цитата: …»): a page's words as
    it wrote them, in its language and spelling («400 камера», «12,2%», «$164 Million»), are
    not the report's text."""
    return _QUOTATION.sub(" ", text)


def slips(text: str, keeps_nbsp: bool = False) -> list[tuple[str, str]]:
    """Every slip of `text` as (kind, excerpt). `keeps_nbsp`: the text keeps its no-break
    spaces (the HTML's), so a percent sign after an ordinary space is a slip too."""
    text = without_quotations(without_addresses(text))
    found: list[tuple[str, str]] = [("agreement", e) for e in agreement_errors(text)]
    found += [("percent", _excerpt(text, m)) for m in _PERCENT_GLUED.finditer(text)]
    if keeps_nbsp:
        found += [("percent", _excerpt(text, m)) for m in _PERCENT_SPACE.finditer(text)]
    for match in _RANGE_UNIT.finditer(text):
        first, second = match.groups()
        if first[:4] == second[:4]:
            found.append(("range unit", match.group(0)))
    found += [("range unit", m.group(0)) for m in _DASH_UNIT.finditer(text)]
    found += [("capital after colon", m.group(0)) for m in _CAPITAL_AFTER_COLON.finditer(text)]
    found += [("ISO date", _excerpt(text, m)) for m in _ISO_DATE.finditer(text)]
    found += [("same ends", m.group(0)) for m in _SAME_ENDS.finditer(text)]
    found += [("numeric date", _excerpt(text, m)) for m in _NUMERIC_DATE.finditer(text)]
    found += [("tilde", _excerpt(text, m)) for m in _TILDE.finditer(text)]
    found += [("ratio below one", m.group(0)) for m in _RATIO_BELOW_ONE.finditer(text)]
    found += [("declined name", _excerpt(text, m)) for m in _DECLINED_NAME.finditer(text)]
    found += [("range dash", _excerpt(text, m)) for m in _RANGE_DASH.finditer(text)]
    found += [("version code", m.group(0)) for m in _HASH.finditer(text)]
    found += [("unsigned change", m.group(0)) for m in _UNSIGNED_CHANGE.finditer(text)]
    found += [("year repeated", m.group(0)) for m in _YEAR_REPEATED.finditer(text)]
    for match in _POINT_AND_RANGE.finditer(text):
        point, low, high = (re.sub(_SPACE, " ", g) for g in match.groups())
        if point in (low, high):
            found.append(("point at an end of its range", match.group(0)))
    found += [("small count in digits", _excerpt(text, m)) for m in _SMALL_COUNT_OF.finditer(text)]
    found += [("holders list", m.group(0)) for m in _HOLDERS_AFTER_SINGULAR.finditer(text)]

    for word in MACHINERY:
        found += [("machinery", _excerpt(text, m)) for m in re.finditer(re.escape(word), text)]
    found += [("machinery", m.group(0)) for m in _FILE.finditer(text)]
    found += [("machinery", m.group(0)) for m in _IDENTIFIER.finditer(text)]
    return found


# A web address in brackets after a source's name: «Адилет (zan.kz)», «Kazinform
# (kaz.inform.kz)» (the list of sources gives the addresses); an outlet named by its site
# keeps its capital, «(Ult.kz)», «(El.kz)», and is a name.
_BRACKETED_ADDRESS = re.compile(r"\((?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s)]*)?\)")
# A bracket opened inside another: «(…, Адилет (zan.kz), …)», «(Nur.kz, без даты (около …))».
_NESTED_BRACKET = re.compile(r"\([^()]{0,400}\([^()]*\)[^()]{0,400}\)")
# A date said relative to a year the reader has to guess: «от декабря этого года».
_RELATIVE_YEAR = re.compile(
    r"\b(?:этого|этом|прошлого|прошлом|следующего|следующем|нынешнего|нынешнем|сего)"
    rf"{_SPACE}год[ау]\b",
    re.IGNORECASE,
)


def body_slips(text: str) -> list[tuple[str, str]]:
    """The slips of the text before the list of sources (the chapters, tables and captions):
    a web address in brackets after a source's name, a bracket inside a bracket, a relative
    year, as (kind, excerpt). The list of sources keeps its entries as published (their
    addresses and notes); the glossary's definitions may say «текущего года» in general."""
    found = [("web address", _excerpt(text, m)) for m in _BRACKETED_ADDRESS.finditer(text)]
    found += [("nested brackets", m.group(0)) for m in _NESTED_BRACKET.finditer(text)]
    found += [("relative year", _excerpt(text, m)) for m in _RELATIVE_YEAR.finditer(text)]
    return found


# a line of the PDF's text that ends inside a range of figures: «не хватит 8–» (its «12 млрд»
# on the next line). A range of sums in digit groups («3 500 000–») may break after its dash.
_RANGE_AT_LINE_END = re.compile(r"(?:^|[^\d\s])\s?\d+(?:,\d+)?–$")


def ranges_broken(pdf_text: str) -> list[str]:
    """The lines of a PDF's text (pdftotext) that end with a range's dash, its second figure
    on the next line (typography.typeset_page binds them with a word joiner)."""
    return [line for line in pdf_text.splitlines() if _RANGE_AT_LINE_END.search(line.rstrip())]


def breakable(html: str) -> list[tuple[str, str]]:
    """Every place of an HTML edition where a number or a date may break across lines, as
    (kind, excerpt): an ordinary space inside a digit group («20 / 000 камер») or between a
    day and its month («22 / декабря»). Each piece of text is read on its own: the space
    between two table cells is not the text's."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    found: list[tuple[str, str]] = []
    for piece in soup.find_all(string=True):
        text = str(piece)
        found += [("breakable number", _excerpt(text, m)) for m in _GROUP_SPACE.finditer(text)]
        found += [("breakable date", _excerpt(text, m)) for m in _DAY_SPACE.finditer(text)]
    return found


def _excerpt(text: str, match: re.Match, width: int = 30) -> str:
    return text[max(0, match.start() - width) : match.end() + width].replace("\n", " ")


def html_text(html: str, changes: bool = True) -> str:
    """The words of an HTML edition as a reader sees them (no-break spaces kept), without
    scripts, styles and the images' data; without the block of changes since the previous
    edition if not `changes` (it prints the previous edition's figures too)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for tag in soup(["script", "style"]):
        tag.decompose()
    if not changes:
        for tag in soup.select("section.changes"):
            tag.decompose()
    # a cross-reference's link is part of its sentence: no space around it
    for link in soup.select("a.xref"):
        link.unwrap()
    soup.smooth()
    # the word joiner that keeps a range on one line is invisible (typography.typeset_page)
    return soup.get_text(" ").replace("\u2060", "")


# --- one precision per quantity --------------------------------------------------------------

_SCALE_WORDS = {"тыс.": 1e3, "млн": 1e6, "млрд": 1e9}
_FIGURE = re.compile(
    rf"(?<![\d,.\-/№])(\d{{1,3}}(?:{_SPACE}\d{{3}})*(?:,\d+)?)(?![\d,])"
    rf"(?:{_SPACE}(тыс\.|млн|млрд)(?![а-яё]))?"
)


def _renders(printed: str, scale: float, value: float) -> bool:
    """Whether `printed` × `scale` is `value` rounded at the printed precision (an integer's
    trailing zeros may be rounding: «680» млн stands for 675–685 млн)."""
    digits = re.sub(r"[ \u00a0\u202f]", "", printed)
    whole, _, fraction = digits.partition(",")
    if fraction:
        step = 10.0 ** -len(fraction)
    else:
        step = 10.0 ** (len(whole) - len(whole.rstrip("0"))) if whole.strip("0") else 1.0
    number = float(digits.replace(",", "."))
    return abs(number * scale - value) <= step * scale / 2 + 1e-9 * abs(value)


def printed_forms(text: str, value: float) -> dict[str, int]:
    """Every printed form of `value` in `text`, with how often it appears: a number with its
    scale word («0,7 млрд», «≈ 680 млн» as «680 млн») that rounds to the value, or a bare
    number of at least three significant digits that does at some scale («12,6» in a table
    of billions is the form «12,6 млрд»; «181 064 тенге»). A bare number followed by a word
    other than «тенге», or by «%», counts something else. A whole number written out to its
    groups of zeros is the form with the scale word: «≈ 162 000» in a column of tenge is
    «162 тыс.», the same rounding (never «181 064» beside «≈ 180 тыс.» or «≈ 180 000»)."""
    forms: dict[str, int] = {}
    text = without_quotations(text)  # a page's figure as it wrote it is not the report's form
    for match in _FIGURE.finditer(text):
        printed, word = match.groups()
        if word:
            if not _renders(printed, _SCALE_WORDS[word], value):
                continue
        else:
            digits = re.sub(r"[^\d]", "", printed).lstrip("0")
            significant = digits if "," in printed else digits.rstrip("0")
            after = text[match.end() :]
            counted = re.match(r"\s?(?:[а-яёА-ЯЁ%]|г\.)", after) and not re.match(r"\sтенге", after)
            if len(significant) < 3 or counted:
                continue
            # a bare fraction is a table's millions or billions: the report writes thousands
            # with «тыс.» (no column of thousands), so «161,7» in a table of billions is not
            # «161,7 тыс.»
            scales = (1e6, 1e9) if "," in printed else (1, 1e3, 1e6, 1e9)
            scale = next((s for s in scales if _renders(printed, s, value)), None)
            if scale is None:
                continue
            # «12,6» in a table of billions is the form «12,6 млрд»
            word = next((w for w, s in _SCALE_WORDS.items() if s == scale), "")
            if not word and "," not in printed:  # «162 000» is «162 тыс.»
                groups, zeros = re.split(_SPACE, printed), 0
                while zeros < len(_SCALE_WORDS) and len(groups) > 1 and groups[-1] == "000":
                    groups, zeros = groups[:-1], zeros + 1
                if zeros:
                    printed, word = " ".join(groups), list(_SCALE_WORDS)[zeros - 1]
        form = re.sub(r"[ \u00a0\u202f]", " ", f"{printed} {word}".strip())
        forms[form] = forms.get(form, 0) + 1
    return forms


# a paragraph, not the title page's words under a key figure, which continue the figure
# («28,4 млрд тенге / предлагаемая строка …»)
_PARAGRAPH_START = re.compile(r"<p\b(?![^>]*fact-text)[^>]*>\s*((?:<[^>]+>\s*)*)([^<\s]{1,40})")
_AFTER_LEAD = re.compile(r"<strong>([^<]*?[.!?])</strong>\s*([^<\s]{1,40})")


def lower_case_starts(html: str) -> list[str]:
    """Each sentence of an HTML edition that starts with a lower-case word: a paragraph's
    first word, or the word after a bold lead that ends a sentence («**Что решить.** …»).
    A translation that puts an inline value first printed «бес қатысушының …», «бір жылға …».
    List items may continue a sentence («если …;»), and a lead that ends with a comma is
    the sentence's start («**Немедленно,** потребовать …»): neither is read."""
    found = []
    for match in _PARAGRAPH_START.finditer(html):
        word = match.group(2)
        if word[0].islower() and "<strong>" not in match.group(1):
            found.append(word)
    found += [word for _, word in _AFTER_LEAD.findall(html) if word[0].islower()]
    return found
