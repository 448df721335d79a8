"""The report's fixed words, in one place: labels of tables and charts, units, key figures,
the «what changed» block, the glossary and the few words of the frame that code fills in.

How to edit. Change the Russian text between the quotes; keep the words in braces: they are
placeholders, `{obligations}` or `{years}`, that the code fills with a figure computed from
the data or the assumptions (so no figure here goes stale when the data change). A label
must not type a data figure by hand: tests/test_labels.py fails on a digit outside the few
phrases it allows with their reasons. What is NOT here: the chapters' prose and captions (in
the notebooks), sentences that depend on data (sergek_report/chapter/sentences.py), assumptions'
labels and rationales (params/default.yaml), the data dictionary (the `title` of each table
in tables.py and tables_2027.py), and the frame's own words (the templates).

Why a Python module and not a YAML file: the labels are dictionaries keyed by the codes the
data and the model use («low», «obligations», «stopgap»), noun forms are tuples, and several
labels are templates with named placeholders; as Python they are read without a loader, a
misspelt name fails at import and in the linter, and each group keeps its comment next to it.

Grouped by where the words appear in the report.
"""

from __future__ import annotations

import copy
from pathlib import Path

# --- Units: the noun agrees with the number («72 месяца», «1 641 комплекс») ----------------
# units.quantity and units.key_figure. Key: the unit as written in params/*.yaml and in
# metrics.json; value: the forms for 1, for 2–4 and for 5 and more (fmt.count).
UNIT_FORMS = {
    "месяцев": ("месяц", "месяца", "месяцев"),
    "мес.": ("мес.", "мес.", "мес."),
    "дней": ("день", "дня", "дней"),
    "лет": ("год", "года", "лет"),
    "АПК": ("АПК", "АПК", "АПК"),
    "комплексов": ("комплекс", "комплекса", "комплексов"),
    "комплексо-месяцев": ("комплексо-месяц", "комплексо-месяца", "комплексо-месяцев"),
    "раз": ("раз", "раза", "раз"),
    "пунктов": ("пункт", "пункта", "пунктов"),
    "камер": ("камера", "камеры", "камер"),
    "фунтов": ("фунт", "фунта", "фунтов"),
    "долларов": ("доллар", "доллара", "долларов"),
    "рублей": ("рубль", "рубля", "рублей"),
    "человек": ("человек", "человека", "человек"),
}
# The nouns the sources of data/deployment.csv count with, as its `counted` column writes them
# at the start of a cell -> (one, few, many), so that the noun agrees with the number beside
# it: «комплексы (2 060 камер)» is printed «414 комплексов (2 060 камер)».
COUNTED_NOUNS = {
    "АПК": ("АПК", "АПК", "АПК"),
    "комплексы": ("комплекс", "комплекса", "комплексов"),
    "аппаратно-программные комплексы": (
        "аппаратно-программный комплекс",
        "аппаратно-программных комплекса",
        "аппаратно-программных комплексов",
    ),
}
# The words a source writes before a figure it gives as a lower bound («более 9 000
# видеокамер»): data/deployment.csv's `counted` quotes the source's camera count with them, and
# the model reads the count in the `cameras` column as a lower bound when they precede it.
# Matched in the Russian data, so not translated (NOT_TRANSLATED).
LOWER_BOUND_WORDS = ("более", "свыше")
# Small whole numbers in words, as prose says a count with a masculine noun («продлённый на
# один год», «на два месяца»): fmt.count_in_words; a number not listed is written in digits.
NUMBERS_IN_WORDS = {
    1: "один",
    2: "два",
    3: "три",
    4: "четыре",
    5: "пять",
    6: "шесть",
    7: "семь",
    8: "восемь",
    9: "девять",
    10: "десять",
}
# ... and in the genitive, after a preposition or before «из» («для двух из пяти участников»):
# fmt.in_words(n, "genitive"), fmt.count_in_words(n, forms, case="genitive").
NUMBERS_IN_WORDS_GENITIVE = {
    1: "одного",
    2: "двух",
    3: "трёх",
    4: "четырёх",
    5: "пяти",
    6: "шести",
    7: "семи",
    8: "восьми",
    9: "девяти",
    10: "десяти",
}

# --- Status of a data row (the «Статус» columns of the chapters' tables) -------------------
# fmt.status_label; key: the `status` column of data/*.csv.
STATUS_LABELS = {
    "reported": "по источнику",
    "derived": "расчёт",
    "estimate": "оценка",
    "planned": "план",
    "not_found": "не найдено",
}
# A row whose amount is the source's but whose period's start the authors assumed (the source
# says «за 5 лет» and names no start: data/payments.csv, period_basis «assumed»).
# {status}: STATUS_LABELS' word for the amount.
STATUS_PERIOD_ASSUMED = "сумма — {status}; период — допущение авторов"

# --- Tables of the decision of 1 January 2027 (decision_tables.py) -------------------------
# The options side by side: decision_matrix. {first_day}: «1 января 2027 г.».
MATRIX_COLUMNS = {
    # (review s31l: «основа» for an option read oddly; s42g, s42h: «способ» beside «путь»)
    "option": "Действие",
    # the day without its year: the label keeps to one line (the year is the caption's)
    "on_decision_day": "Заработает ли с {day}",
    "council": "Что утверждает маслихат",
    "assets": "Комплексы, ПО и данные",
    "risk": "Главный риск",
}
# An option the memo's recommendations take, in the options table (decision_matrix)
RECOMMENDED_OPTION = {
    # (reviews s36k, s36l: «рекомендуется» beside «Маловероятно» with 1 January: when it starts)
    # (review s48h: three «рекомендуется» read as three rival choices: the path's two steps
    # in order, and the insurance)
    "contract": "{name} (рекомендуется, второй шаг: после продления до итогов закупки)",
    # (review s43f: «до начала договора» beside the law's two months: while the procurement runs)
    "until_contract": "{name} (рекомендуется, первый шаг: пока идёт закупка)",
    # (reviews s38e, s38f: the memo's recommendation 6 was not marked here)
    "if_lifted": "{name} (страховка, если юристы разрешат: до начала нового договора)",
}
# What the options table leaves out: options_detail.
DETAIL_COLUMNS = {
    "option": "Действие",
    "route": "Правовое основание",
    "time": "Срок запуска",
    "basis": "Основание цены",
    "risks": "Все риски",
}
# The «basis» cell; key: the option's price basis (decision_tables.OPTION_BASIS).
BASIS_TEXT = {
    "service_anchors": (
        "цены сервисных договоров Павлодара и Караганды; обе включают новое оборудование, "
        "поэтому для работающих комплексов могут быть завышены, если город получит их и права "
        "на ПО (это неизвестно); цифры Караганды по первоисточнику не проверены"
    ),
    "current_price": (
        # (review s44a: «в строке выше» beside the budget's «строка»: the action named)
        "две оценки нынешней платы за АПК; после продления — те же цены сервисного договора"
    ),
    # another extension for the whole year at today's price (review s28b: the cheapest
    # outcome a deputy asks about first, costed as the figure's comparison row)
    "extension": (
        # (review s46b: the row named «нынешняя цена» long after the figure renamed it;
        # {path}: its name, APPRAISAL_CHART_COMPARISON's heading)
        "две оценки нынешней платы за АПК на весь {year} год: путь «{path}» рисунка "
        "«Расходы {year} года по путям»"
    ),
    "ppp_unpriced": (
        # {year}: «2027»; the figure named by its title, which the build links and pages
        # (reviews s23m, s23n: «в таблице сценариев расходов» had no page, and three tables
        # fit it)
        "не оценено: ценовые предложения поставщиков не опубликованы; путь «{path}» "
        "рисунка «Расходы {year} года по путям» — нынешняя цена, затем сервисный договор, "
        "не цена нового ГЧП"
    ),
    "transfer_unpriced": (
        "не оценено: условия передачи и цена эксплуатации комплексов городом (обслуживание, "
        "связь, ПО) не опубликованы; их может рассчитать акимат, см. запрос данных. Передача "
        "действующих комплексов — не покупка новых: цена нового оборудования сюда не входит"
    ),
}
# The risk register: risk_register; likelihood and impact of data/risks.csv in words.
RISK_COLUMNS = {
    "risk": "Риск",
    # the appendix's register: what each assessment rests on
    "evidence": "Чем подтверждается",
    # the register of chapter 2: the level and what mitigates the risk
    "level": "Вероятность / влияние",
    "mitigation": "Что снижает риск",
}
RISK_LEVEL = "{likelihood} / {impact}"  # «высокая / высокое»
# The peers' figures (decision_tables.peer_table, data/peers.csv): the programme heads its
# rows once; its figures in four columns.
PEER_COLUMNS = {
    "name": "Программа",
    "metric": "Показатель",
    "value": "Значение",
    "period": "Период",
    "comparability": "Сопоставимость",
}
LEVELS = {"low": "низкая", "medium": "средняя", "high": "высокая"}
IMPACTS = {"low": "низкое", "medium": "среднее", "high": "высокое"}
# The request to the akimat: data_request (data/gaps.csv).
REQUEST_COLUMNS = {
    "priority": "Приоритет",
    "document": "Документ",
    "holder": "У кого",
    "effect": "Что изменится в расчётах",
}
# A request's card is headed by its priority in words (review s26g: a bare «1» over a card);
# {priority}: its number.
REQUEST_PRIORITY = "Приоритет {priority}"
# The reconciliation 2020–2025: reconciliation_table. {years}: the years reconciled (the
# service start to the contract's expiry); {extension_year}: the year of the extension (the
# obligations' figure is in the sentence above the table, in the one form the report prints).
RECONCILIATION_COLUMNS = {
    "estimate": "Оценка платы за АПК в месяц",
    "monthly": "Тенге за АПК в месяц",
    "to_end": "{years}, млрд тенге",
    "to_end_vs_obligations": "К первоначальным обязательствам",
    "with_extension": "Включая {extension_year} г., млрд тенге",
    "with_extension_vs_total_cost": "К «общей стоимости»",
}
# The two estimates of the payment per complex-month, in the report's order, each by its
# formula (reviews s23m, s24b, s24d: «Оценка 1» read as kin of the memo's «вариант 1»).
# {complexes}: the complexes of the original contract; {years}: the years of the one known
# payment.
ESTIMATE_NAMES = {
    "obligations": "Обязательства ÷ ({complexes} АПК × срок)",
    "payments": "Выплата {years} ÷ комплексо-месяцы",
}
# The chronology: timeline_table. A planned date that has passed without confirmation, and a
# date known only approximately, in words («≈» marks computed figures): a day, «около
# 31 декабря 2020 г.» ({date}: the long date, genitive); a month, «около июня 2024 г.»
# ({month}: month and year, genitive); a year, «около 2021 г.» (dated_to_precision).
TIMELINE_COLUMNS = {"date": "Дата", "event": "Событие", "status": "Статус"}
# (review s18a: «не подтверждено» read as the report doubting what the council knows: it is
# the sources that do not say)
# (review s24b: «не подтверждено» did not say what: whether it was done)
DEADLINE_PASSED = "срок прошёл; исполнение в источниках не найдено"
# a deadline still ahead of the edition (review s24b: «план» read oddly for the contract's end)
DEADLINE_AHEAD = "предстоящий срок"
APPROXIMATE_DATE = "около {date}"
APPROXIMATE_MONTH = "около {month} г."
APPROXIMATE_YEAR = "около {year} г."

# --- Charts (charts.py) --------------------------------------------------------------------
# Complexes at each milestone: milestones_chart.
MILESTONES_CHART = {
    "interpolation": "между датами: линейная интерполяция",
    "sourced": "по источникам",
    # a point whose source's page was not found (review s33p)
    "unverified": "по источнику, не проверено",
    "planned": "план (ввод не подтверждён)",
    "y_axis": "комплексов (АПК)",
}
# Cumulative payments against the obligations: reconciliation_chart.
RECONCILIATION_CHART = {"y_axis": "млрд тенге, нарастающим итогом"}
# A bar with no value: bars_chart.
NO_DATA = "нет данных"
# A bar that is a range of the report's estimates, not a published figure: bars_chart.
ESTIMATE_BAR = "оценка"
# The tornado chart of the sensitivity: tornado_chart. {names}: the assumptions left out.
TORNADO_CHART = {
    "base": "базовая оценка",
    "low": "нижняя граница допущения",
    "high": "верхняя граница допущения",
    "hidden": "Почти не влияет на результат (не показано): {names}.",
}

# --- Variants of assumptions of the 2026 budget (sensitivity.scenario_rows) --------------
# {months}: the shortest and the longest service term of the assumption's range.
SCENARIOS = {
    "base": "Базовый",
    "high_inflation": "Высокая инфляция",
    # (review s27f: named as the sensitivity charts name its assumption)
    "late_installation": "Поздний ввод",
    "term": "Срок {months} мес.",
}

# --- Key figures (metrics.py; metrics.json and the appendix's table of key figures) --------
# Key: the figure's name in metrics.json (never changes). Placeholders:
# {additional} the complexes to be installed; {paid_period} the months of the one known
# payment («январь 2020 – август 2022»); {paid_years} its years; {reconciled_years} the years
# reconciled; {base_year} the year the tariff is frozen at; {index_year} the December the
# price index ends at; {budget_year} the year of the extension's budget.
KEY_FIGURES = {
    "original_scope": "Комплексы по исходному договору",
    "complexes_in_operation": "Комплексы в работе до установки новых",
    "complexes_after_extension": "Комплексы после установки {additional} новых",
    "growth_extension_vs_original": "Рост сети к исходному договору",
    "state_obligations": "Государственные обязательства по исходному договору",
    "obligations_per_complex": "Обязательства на один комплекс",
    "monthly_tariff_estimate": "Оценка тарифа за комплекс в месяц",
    "annual_tariff_estimate": "Оценка тарифа за комплекс в год",
    "implied_monthly_tariff_from_payments": "Средняя выплата за АПК в месяц ({paid_period})",
    "tariff_estimates_ratio": "Отношение средней выплаты к оценке тарифа",
    "cpi_index_2025": "Индекс цен, декабрь {index_year} (декабрь {base_year} = 100)",
    "real_erosion_2025": "Потеря реальной стоимости тарифа к концу {index_year} года",
    "real_erosion_2026": "Потеря реальной стоимости тарифа к концу {budget_year} года",
    "tariff_in_mrp_base_year": "Тариф в МРП, {base_year} год",
    "tariff_in_mrp_2026": "Тариф в МРП, {budget_year} год",
    "complex_months_2026": "Комплексо-месяцы {budget_year} года",
    "budget_2026_nominal": "Расходы бюджета {budget_year} года в номинальных тенге",
    "budget_2026_real_2021": "Расходы бюджета {budget_year} года в ценах {base_year} года",
    "budget_2026_present_value": "Приведённая стоимость платежей {budget_year} года",
    "fines_to_payments_ratio": "Штрафы в бюджет к выплатам партнёру ({paid_period})",
    "budget_line": "Предлагаемая строка бюджета {line_year} года на «Сергек»",
    "complex_months_2020_2025": "Комплексо-месяцы {reconciled_years} годов (по вехам сети)",
    "contract_complex_months": "Комплексо-месяцы по исходному договору",
    "complex_months_vs_contract": "Комплексо-месяцы {reconciled_years} к исходному договору",
    "payments_2020_2025_at_obligations_estimate": (
        "Оценка выплат {reconciled_years} годов по оценке тарифа из обязательств"
    ),
    "payments_2020_2025_at_payments_estimate": (
        "Оценка выплат {reconciled_years} годов по средней выплате {paid_years} годов"
    ),
}
# The options and paths on one basis (appraisal): the one name each computation has wherever
# the report prints it (the memo's table, the chapter's tables and charts, the key figures).
# «Договор» is the new service contract (a procurement of services); its name says which
# price it is costed with: Pavlodar's or a price between Pavlodar's and Karaganda's
# («цена между павлодарской и карагандинской», the glossary's term; the model's midpoint;
# reviews s44m, s44n: «с учётом цены Караганды» read as Karaganda's price itself, beside
# Table 2's row at it). Short, so that a name is one line of a table.
# Each path at both price bases: Pavlodar's (the one verified price) under each reading of
# Pavlodar's contract («за АПК области»: its sum for all the region's complexes; «за АПК
# города»: for the city's only; the sources leave it open, so each is priced on its own), then
# the midpoint.
# The paths in one order wherever they are listed (decision_tables.APPRAISAL_ROWS): the
# stop-gap then the contract, the gap then the contract, the contract from the first day
# (review s12a, 3.7); the key figures' tables follow this order.
APPRAISAL_OPTIONS = {
    "service_pavlodar_region": "Продление, затем договор (цены Павлодара за АПК области)",
    "service_pavlodar_city": "Продление, затем договор (цены Павлодара за АПК г. Павлодара)",
    # the budget line's path: Pavlodar's sum paid per camera (reviews s19g–s20h)
    "service_pavlodar_camera": "Продление, затем договор (цены Павлодара за камеру)",
    "service": "Продление, затем договор (цена между павлодарской и карагандинской)",
    "stopgap": "Продление до итогов закупки (плата за его месяцы)",
    "no_bridge_pavlodar_region": "Перерыв, затем договор (цены Павлодара за АПК области)",
    "no_bridge_pavlodar_city": "Перерыв, затем договор (цены Павлодара за АПК г. Павлодара)",
    # the gap and the first day per camera, the line's reading (reviews s21l, s22a, s22b: the
    # memo's Table 2 gave them and no table or chart of the chapters did)
    "no_bridge_pavlodar_camera": "Перерыв, затем договор (цены Павлодара за камеру)",
    "no_bridge": "Перерыв, затем договор (цена между павлодарской и карагандинской)",
    "pavlodar_region": "Договор с первого дня (цены Павлодара за АПК области)",
    "pavlodar_city": "Договор с первого дня (цены Павлодара за АПК г. Павлодара)",
    "pavlodar_camera": "Договор с первого дня (цены Павлодара за камеру)",
    "announced": "Договор с первого дня (цена между павлодарской и карагандинской)",
    # (review s26b: «так продолжить нельзя» beside recommendation 1 г, which asks whether the
    # ban on a further extension can be lifted: the whole year at it needs the lawyers)
    # (reviews s46d, s46e: priced at today's price to 2029: the contract from 2028, said)
    # (reviews s50a, s50b: «продление» and «снять запрет» named both this path and
    # recommendation 6's insurance, which does not defer the procurement: the path by what it
    # does, as the memo's paragraph heads it)
    "extension_year": "Отложить закупку на год: продление на весь год, если снять запрет",
    "equipment": "Новое оборудование для всех комплексов (без эксплуатации)",
}
# {complexes}: «420» (the region's) or «240» (the city's), from data/cost_anchors.csv
MEMO_COVERAGE = {
    "region": "все {complexes} АПК области",
    "city": "только {complexes} АПК г. Павлодара",
}
# a row of the memo's lines' table: its number, then what Pavlodar's contract shows
MEMO_VARIANT_ROW = "{variant}) {case}"
# The report's parts, named in the contents before the first chapter of each (a chapter's
# notebook opens one: its metadata "sergek": {"opens_part": key}, build/render.py).
REPORT_PARTS = {
    "decision": "Для решения",
    "reference": "Справочные главы: подробности и проверка расчётов",
}
# A row that is a part of the path above it, not an alternative (decision_tables.PART_OF).
PART_ROW = "в том числе: {name}"
# What the options on one basis cannot price (no public figure): a row of the appraisal
# table that says so, named as in data/options.csv; data/gaps.csv names who holds the figure.
UNPRICED_APPRAISAL_ROWS = {
    "ppp_new": "Новый договор ГЧП (конкурс или прямые переговоры)",
    "municipal": "Передача комплексов в коммунальную собственность и эксплуатация городом",
}
# Under the options chart: what it does not draw, and the one-off equipment it leaves out
# because it is a part of a path, not a path. {unpriced}: the unpriced rows' names;
# {equipment}: the equipment's 2027 amount in words.
# (reviews s33p, s34b: six lines of caption, the appendix's sentence repeated: what is left out
# and why, the equipment's sum and what it is a part of; the appendix's methods say the rest)
APPRAISAL_CHART_NOTE = (
    "не оценены и не показаны: {unpriced} — нет открытых цен; не показана и покупка нового "
    "оборудования городом — {equipment} разово: это лишь часть расходов пути, где город сам "
    "эксплуатирует комплексы"
)
APPRAISAL_MEASURES = {
    "cash_2027": "расходы {first} года",
    "cash_total": "расходы {years} годов",
    "present_value": "приведённая стоимость {years} годов",
}
# The options chart (decision_tables.appraisal_chart): one panel per measure; {first}, {years}.
APPRAISAL_CHART_PANELS = {
    "cash_2027": "Расходы {first} года, млрд тенге",
    "present_value": "Приведённая стоимость {years} годов, млрд тенге",
}
# beside the dashed line on the options charts, the title page's and chapter 2's ({line}:
# «27»; review s31e: unnamed there)
CHART_LINE = "строка бюджета {line}\u00a0млрд"
# the same on the title page, in its cards' words (review s45i: «сумма в бюджете» in the
# cards, «строка бюджета» beside the dashed line, for one figure on one page)
TITLE_PAGE_CHART_LINE = "сумма в бюджете {line}\u00a0млрд"
# ... on a phone, where the plot has room for the figure alone (its caption names the line)
CHART_LINE_NARROW = "{line}\u00a0млрд"
# how a chart of the paths without the midpoint is read: the title page's and chapter 2's
# Fig. 3 (decision_tables.path_chart_options)
# (reviews s32b–s32f, s44m, s44n: the unverified midpoint is the appendix's)
CHART_KEY = "полоса — центральная оценка, отрезок — разброс"
# How the options chart is read, in its captions (decision_tables.appraisal_chart_key): the
# rows at the midpoint of Pavlodar's and Karaganda's prices are drawn grey and hatched.
APPRAISAL_CHART_KEY = (
    "полоса — центральная оценка, отрезок — разброс; серые штрихованные полосы — цена "
    "между павлодарской за комплекс и карагандинской: цифры Караганды не проверены, их "
    "первоисточник не найден"
)
# The options chart's rows, grouped by path (decision_tables.appraisal_chart): each path's
# name (APPRAISAL_OPTIONS' without its price) in bold over its rows, each row named by its
# price alone; {complexes}: «420» (the region's) or «240» (the city's), from
# data/cost_anchors.csv. The rows at a price between Pavlodar's and Karaganda's are a group
# of their own (APPRAISAL_CHART_MIDPOINT_HEADING; reviews s43o–s43t: «цена от павлодарской до
# карагандинской» read as a coined range of prices: what the rows take into account; the
# caption says the range). Today's price under a heading of its own.
# (reviews s23i, s23j: «Павлодар: 420 АПК области» beside Table 1's «1) 420 АПК области» and
# the tree's «вариант 1» named one case three ways: Table 1's variant numbers here too)
APPRAISAL_CHART_ROWS = {
    # (reviews s31k, s31l: «вариант 1: 420 АПК области» did not say what the variant is:
    # what Pavlodar's sum pays for, «за»)
    "region": "вариант {variant}: за {complexes} АПК области",
    "city": "вариант {variant}: за {complexes} АПК г. Павлодара",
    # (reviews s38c, s38d: «за камеру» read as shorthand beside the complexes' rows: what the
    # sum pays for)
    # (reviews s40c, s40e–s40g: «за 1 287 камер области» read as Almaty buying cameras, and
    # did not say why the variant is the dearest: the payment and what it means for Almaty;
    # s40i: «их в Алматы больше» read as an ambiguous «их»)
    # (reviews s42a, s42b: «дороже» — than what? The variant as the title page's card says
    # it; why per camera costs Almaty more is the memo's, beside Table 1)
    "camera": "вариант {variant}: за каждую камеру",
}
# the heading of the rows with Karaganda's unverified price, apart from the paths' groups,
# each row named by its path (reviews s44a, s44b: under each path's variant 3 they read as
# variant 3 with Karaganda; s37m, s37n: «Павлодар–Караганда» read as a place or a route)
APPRAISAL_CHART_MIDPOINT_HEADING = "Цена между павлодарской и карагандинской (не проверена)"
APPRAISAL_CHART_COMPARISON = {
    # (reviews s45a, s45b: «Для сравнения» hid a choice the council has, and «если снять
    # запрет» on the title page did not say whose ban: the condition as the heading, the
    # council's own act)
    # (review s45k: «Если маслихат снимет свой запрет» over 3,9 here and over 27,4 in Fig. 2,
    # where the lifted ban extends until the new contract: one condition, two costs; what
    # the bar is, said as the heading, its condition in the row)
    # (reviews s46d, s46e: in the three years' tables its 2028–2029 are the new contract's:
    # a path, named as the others are; s46f: «Новый договор — годом позже» over a row that
    # named another thing read as a heading without its bar)
    # (reviews s50a, s50b: named as the memo's «Отложить закупку на год?», apart from
    # recommendation 6's insurance, which lifts the same ban without deferring)
    "heading": "Отложить закупку на год",
    # (review s28b: the cheapest outcome named as the option it prices, as the memo's
    # Table 2 names it: another extension, recommendation 1 г's question)
    # (reviews s38c, s38d: the memo's «продление на весь 2027 год», its words here)
    # (review s31c: the cheapest bar read as a choice: its condition said, the heading's)
    # (reviews s33k, s33m: the bar read as another option, not as today's price: said)
    # one line, the title page's too (its rows are low)
    "row": "если снять запрет",
}
# a chart drawing each path once (the title page's, Fig. 3): the recommended path's row, and
# the whole-year extension's, its path and condition in one label ({heading}, {row}:
# APPRAISAL_CHART_COMPARISON's)
CHART_RECOMMENDED = "{name} (рекомендуется)"
CHART_PATH_CONDITION = "{heading} ({row})"
# the joint calculation's statistics in the key figures' labels (metrics.json, the changes
# block): P10, median and P90 in plain words
APPRAISAL_STATS = {
    "point": "базовый расчёт",
    "p10": "нижняя граница разброса",
    "p50": "центральная оценка",
    "p90": "верхняя граница разброса",
}
# The appendix's tables of the options (one per measure): the columns of the joint
# calculation (the base calculation is not printed there: some of its assumptions sit at the
# edges of their ranges, so it may lie outside P10–P90, which read as a contradiction), and
# the note under each table: what P10, P50 and P90 mean, in plain words (JOINT_RANGE_NOTE, under
# the scenarios' table; {likely}: «в 8 случаях из 10», decision_tables.in_cases_of_ten).
APPRAISAL_STAT_COLUMNS = {"p10": "P10", "p50": "Центральная оценка (P50)", "p90": "P90"}
JOINT_RANGE_NOTE = (
    "P10 и P90 — нижняя и верхняя границы разброса: {likely} значение между ними; P50 — "
    "центральная оценка (медиана)"
)
# under the key figures' table, for its rows of the joint calculation (a median and its
# P10–P90); {likely}: «в 8 случаях из 10»
JOINT_ROWS_NOTE = (
    "у оценки при совместном разбросе всех допущений — центральная оценка (медиана) и в "
    "скобках разброс: {likely} значение между его границами"
)
APPRAISAL_TABLE_NOTE = (
    "расчёт авторов при совместном разбросе всех допущений; {range}; стоимость пути в "
    "отчёте — его центральная оценка"
)
APPRAISAL_FIGURE = "{option}: {measure}, {stat}"
RECONCILIATION_FIGURES = {
    "estimates_ratio": "Отношение оценки платы за АПК из выплаты к оценке из обязательств",
    "estimate2_vs_total_cost": (
        "Выплаты по оценке из выплаты с начала услуг до конца года продления к «общей стоимости»"
    ),
    # the joint calculation: every assumption varies, the new complexes' date and share too
    # (the base calculation assumes all of them in service on the planned date)
    "measure": "при совместном разбросе всех допущений",
}

# --- «Что изменилось с прошлой редакции» (changes.py, on the summary page) -----------------
# At most three items of each kind are named on the memo's page; longer lists are counted.
TABLE_FORMS_COUNTED = ("таблица", "таблицы", "таблиц")  # «14 таблиц»
# {since}: « от 25 ноября 2026 г.» (the baseline's date) or nothing; {count}: a number;
# {tables}, {items}: lists joined by the code.
CHANGES = {
    "title": "Что изменилось с прошлой редакции",
    "first_edition": (
        "Первый выпуск: это первая редакция отчёта, сравнивать её пока не с чем. "
        "Следующая редакция покажет здесь, какие показатели изменились."
    ),
    "no_baseline": (
        "Показатели прошлой редакции не найдены, поэтому сравнение с ней в этой редакции "
        "не приводится."
    ),
    "since": " от {date}",
    "nothing_changed": (
        "По сравнению с редакцией{since} ни один ключевой показатель и ни одно "
        "исходное значение не изменились."
    ),
    "moved": "Ключевые показатели, изменившиеся по сравнению с редакцией{since}:",
    # a moved key figure in the block's sentence: «…: было 0,97, стало 0,89»
    "moved_item": "{label}: было {old}, стало {new}",
    # why the key figures moved ({reasons}, each one: the changed assumption, {label}, or the
    # updated data, {tables}: the titles of the data tables they are computed from)
    "why": "Причина — {reasons}.",
    "why_param": "изменено допущение «{label}»",
    "why_data": "уточнены данные: {tables}",
    "why_other": "уточнены исходные данные",
    "unchanged": "Ключевые показатели не изменились по сравнению с редакцией{since}",
    "added": "В этой редакции появились новые ключевые показатели.",
    "inputs": "Обновлены данные: {tables}.",
    "params": "Изменённые допущения: {items}.",
    # assumptions the previous edition did not have: their value alone, no «— →»
    "params_added": "Новые допущения: {items}.",
    "params_removed": "Допущения, которые больше не используются: {items}.",
    # longer lists are counted, not listed, on the memo's page ({count}: «14 таблиц»)
    "inputs_counted": "Уточнены и дополнены сведения из источников.",
    "params_counted": "Изменились допущения расчёта ({count}).",
    "params_added_counted": "В расчёт введены новые допущения ({count}).",
    # the proposed budget line is new since the baseline: the options were first priced in
    # this edition ({year}: the budget year; {line}: «28,4 млрд тенге»; the new assumptions are
    # in the appendix's table, not counted here)
    # the memo's block: the line's old and new value, and where the other changes are
    "budget_line_moved": "Предлагаемая строка бюджета: было {old}, стало {new}.",
    # the memo's block: the first other key figure that moved ({item}: moved_item's words)
    # (the block's last line: where the rest is, in as few words as the memo's page allows)
    "details": ("Другие изменения — в разделе «Изменения с прошлой редакции подробно»."),
    "details_title": "Изменения с прошлой редакции подробно",
    "budget_line_added": (
        # (s38k: «сценарии» beside «пути» and «варианты»: the two words the memo uses)
        "Впервые в этой редакции: расходы на {year} год и предлагаемая строка бюджета — {line}."
    ),
    "params_removed_counted": "Допущений, которые больше не используются, — {count}.",
    # {count}: how many more key figures moved than the table shows
    "more_moved": "Изменились и другие ключевые показатели — {count}.",
    "appendix": (
        "Все ключевые показатели этой редакции — в главе «Подробности, допущения и "
        "источники», раздел «Ключевые показатели»."
    ),
    "range": "{label} (диапазон)",
    # the model's figures a moved key figure is computed from (CHANGE_DRIVERS) that did not
    # move ({items}: «выплата партнёру за тот же период (2,6 млрд тенге), оценка тарифа по
    # обязательствам (181 064 тенге)»)
    "why_same": "без изменений — {items}",
}
# The figures a moved key figure is computed from (build.metrics.DRIVERS), in the changes
# block's reason: "changed" with {old} and {new}, "same" with {value} (empty: not said when
# it did not move); {paid_period}: «январь 2020 — август 2022».
CHANGE_DRIVERS = {
    "complex_months_paid_period": {
        "changed": (
            "по уточнённым вехам развёртывания сети пересчитаны комплексо-месяцы за "
            "{paid_period}: было {old}, стало {new}"
        ),
        "same": "",
    },
    "paid_to_partner": {
        "changed": "изменилась выплата партнёру за {paid_period}: было {old}, стало {new}",
        "same": "выплата партнёру за тот же период ({value})",
    },
    "monthly_tariff": {
        "changed": "изменилась оценка тарифа по обязательствам: было {old}, стало {new}",
        "same": "оценка тарифа по обязательствам ({value})",
    },
}

# --- What every chapter prints around its tables and charts (notebook.py) ------------------
ROW_FORMS = ("строка", "строки", "строк")  # «Показаны первые 60 строк»
CHAPTER = {
    "source": "Источник: {sources}",
    "undated": "без даты",
    # In a table's or chart's source line, after a source whose page was not found (the
    # source list says what is known of it): «Liter.kz, без даты (около 2021 г.), не проверено».
    "unverified": "не проверено",
    # A table's or chart's source line names its sources by their numbers in the source list
    # (the appendix), the ones whose page was not found apart: «Источник: № 3, 17, 45 в
    # списке источников; не проверено: № 70; расчёт авторов».
    "numbered": "№ {numbers} в списке источников",
    "numbered_unverified": "не проверено: № {numbers}",
    # {shown}: «60 строк»; {total}: all rows of the table.
    "more_rows": "Показаны первые {shown} из {total}; остальные — в таблице данных отчёта.",
    "no_address": "Адрес не указан.",
    "published": "Опубликовано: {published}; обращение: {accessed}",
    # A source without an address was searched for, not read: its `accessed` is the search.
    "searched": "Опубликовано: {published}; поиск: {accessed}",
    "more_sources": "И ещё {count} в таблице источников отчёта.",
    # Each entry of the source list quotes its page (data/sources.csv `quote`, in the page's
    # language), so that a figure can be checked against its words; a bracketed quote says
    # why there is none and is printed as it is.
    "quote": "Цитата: {quote}",
    # A news report or a copy of an official figure (sources.csv `primary_source`).
    "secondary": "Вторичный источник: первоисточник — {primary}, по нему не проверено.",
}

# --- The frame's words that code fills in (render.py, pdf.py) ------------------------------
# The report's name (the HTML's title, the PDF's document properties) and the title page's
# words. {base_year}: the year the tariff is frozen at.
TITLE = "ГЧП «Сергек» в Алматы: что решить до окончания договора"
AUTHOR = "Аналитическая записка для маслихата города Алматы"
# The title page's heading names the decision and the day by which it is taken: {start}, the
# first day without a contract («1 января 2027»); {deadline}, the day the extension ends.
# no-break spaces after «с» and before «года»: the title never ends a line on «с» or «2027 /
# года»
COVER_TITLE = "Система «Сергек» с\u00a0{start}\u00a0года: что решить до {deadline}\u00a0года"
# {years}: the years the options are priced for; {first_year}: the first of them.
# (review s30i: a subtitle of three lines; the title page's chart needed its room)
SUBTITLE = (
    "Бюджет {years} годов, путь к новому договору и риски; рост сети и стоимость комплекса при "
    "тарифе {base_year} года"
)
CAPTION_LABELS = {"figure": "Рисунок", "table": "Таблица"}  # «Рисунок 5.», «Таблица 8.»
TO_CONTENTS = "↑ К содержанию"  # the link at the end of each chapter
PAGE_LINK = "Страница {page}"  # a contents link's description in the PDF
# after a cross-reference in the PDF: «в разделе «Источники» (с. 49)»
PAGE_REFERENCE = "с. {page}"
# …after a reference to a table or figure: «(табл. 33, с. 44)»
CAPTION_REFERENCE = {"table": "табл. {number}, {page}", "figure": "рис. {number}, {page}"}
# The colophon's values (templates/colophon.html.j2 holds its headings).
COLOPHON = {
    "no_date": "не указана",
    # the edition's date beside the previous published one's, so a reader knows which edition
    # he holds: «4 декабря 2026 г. (предыдущая — 25 ноября)»
    "with_previous": "{date} (предыдущая — {previous})",
    "no_data_date": "нет данных",
    # the set of assumptions: the default edition's, or a scenario's (params/scenarios/)
    "default": "приняты авторами; каждое с обоснованием — в главе «Подробности, допущения и "
    "источники»",
    "scenario": "часть допущений изменена для сравнения; все они — в главе «Подробности, "
    "допущения и источники»",
    # how the figures can be checked, in a deputy's words: no version code in the text (the
    # PDF's document properties keep it); a draft build says that it cannot be repeated
    "reproducible": (
        "по запросу аппарата маслихата авторы передают расчёт этой редакции, чтобы каждое "
        "число отчёта можно было проверить"
    ),
    "draft": "черновик: расчёт этой редакции в точности повторить нельзя",
}

# --- The scenario comparison page (scenarios.py, edition.py) -------------------------------
DEFAULT_EDITION_TITLE = "Основной вариант"  # what the default edition is called
SCENARIO_PAGE = {
    "no_difference": "допущения основного варианта",
    "edition": "Редакция отчёта от {date}",
}

# --- Glossary (render.glossary_html; templates/glossary.html.j2 is the frame) --------------
# (term, definition); printed in the alphabetical order of the report's language (render.
# glossary_html). {base_year}: the year the tariff is frozen at.
GLOSSARY = (
    (
        "АПК, комплекс",
        "Аппаратно-программный комплекс «Сергек»: камеры фото- и видеофиксации нарушений "
        "правил дорожного движения с вычислительным блоком и связью, установленные на одном "
        "участке дороги или перекрёстке. В отчёте «АПК» и «комплекс» означают одно и то же.",
    ),
    (
        "ПО",
        "Программное обеспечение комплексов и обработки нарушений; вместе с базой нарушений "
        "это главное, что город может не получить по окончании договора.",
    ),
    (
        "ГЧП",
        "Государственно-частное партнёрство: договор, по которому частный партнёр за свой "
        "счёт создаёт и обслуживает объект, а государство в течение срока договора оплачивает "
        "его услуги.",
    ),
    (
        "Частный партнёр",
        "Компания, которая по договору ГЧП установила комплексы «Сергек» в Алматы, "
        "обслуживает их и получает от города плату за услуги по тарифу.",
    ),
    (
        "Тариф",
        "Плата города частному партнёру за услуги одного комплекса в месяц. По условиям "
        "продления договора тариф остаётся на уровне {base_year} года.",
    ),
    (
        "Государственные обязательства",
        "Сумма, которую город принял на себя по договору ГЧП за весь срок оказания услуг.",
    ),
    (
        # (review s26e: the memo's key term had no entry)
        "Строка бюджета",
        "Сумма на услугу, которую маслихат закладывает в бюджет года; договор закупки нельзя "
        "заключить дороже неё. Предлагаемые строки — верхние границы разброса расходов по "
        "самому дорогому варианту цены Павлодара, округлённые вверх.",
    ),
    (
        "Комплексо-месяц",
        "Один комплекс, работавший один месяц. Например, 100 комплексов за 12 месяцев — "
        "1 200 комплексо-месяцев. В этих единицах считается плата по тарифу.",
    ),
    (
        "Приведённая стоимость",
        # (review s47b: «на сегодняшний день» beside the tables' 1 January 2026 and 2027:
        # the date is each table's)
        "Сумма будущих выплат, пересчитанная на одну дату — начало первого года расчёта (её "
        "называет каждая таблица): выплата через год на эту дату «стоит» меньше — её делят "
        "на (1 + ставка дисконтирования).",
    ),
    (
        "Ставка дисконтирования",
        "Годовая ставка, по которой будущие выплаты приводятся к одной дате. В отчёте "
        "за неё принята базовая ставка Национального банка Казахстана.",
    ),
    (
        "В реальном выражении, в ценах {base_year} года",
        "Сумма, пересчитанная с учётом инфляции так, чтобы её можно было сравнить с ценами "
        "{base_year} года.",
    ),
    (
        "Инфляция (декабрь к декабрю)",
        "Рост индекса потребительских цен за год: цены декабря текущего года по отношению к "
        "декабрю предыдущего.",
    ),
    (
        "ИПЦ",
        "Индекс потребительских цен Бюро национальной статистики: по нему считается инфляция.",
    ),
    (
        "МРП",
        "Месячный расчётный показатель: величина, которую ежегодно устанавливает закон о "
        "республиканском бюджете; через неё выражают штрафы, пособия и пошлины.",
    ),
    (
        "ДТП",
        "Дорожно-транспортное происшествие.",
    ),
    (
        "ПДД",
        "Правила дорожного движения.",
    ),
    (
        "ТОО",
        "Товарищество с ограниченной ответственностью — форма компании в Казахстане.",
    ),
    (
        "Допущение",
        "Значение, которое не опубликовано и принято авторами отчёта, с обоснованием, "
        "источником и диапазоном возможных значений.",
    ),
    (
        "В сопоставимых условиях",
        "Все пути рассчитаны для одной и той же сети, за одни и те же годы, в номинальных "
        "тенге и на одну дату оценки, поэтому их расходы можно сравнивать между собой.",
    ),
    (
        "Базовый расчёт",
        "Расчёт, в котором каждое допущение принимает своё базовое значение (таблица допущений "
        "в разделе «Допущения»); точка отсчёта графиков "
        "чувствительности. Стоимость пути в отчёте — центральная оценка (медиана) всех "
        "расчётов, а не базовый расчёт: у некоторых допущений базовое значение совпадает с "
        "границей диапазона (например, все новые комплексы введены и работают с "
        "запланированной даты), поэтому "
        "базовый расчёт может оказаться у края разброса, а не в его середине.",
    ),
    (
        "Центральная оценка (медиана)",
        "Середина результатов расчёта, в котором все допущения одновременно меняются по своим "
        "диапазонам: в половине сочетаний допущений расход ниже, в половине — выше. Её отчёт "
        "называет стоимостью пути; рядом с ней в скобках — разброс.",
    ),
    (
        "Разброс (P10–P90)",
        "Диапазон, в который расход (или другой результат расчёта) попадает в восьми случаях из "
        "десяти, когда допущения одновременно принимают разные значения из своих диапазонов, "
        "выбранных авторами: в одном случае из десяти он ниже нижней границы (P10), в одном — "
        "выше верхней (P90). Разброс верен настолько, насколько верны эти диапазоны.",
    ),
    (
        # (review s40b: the entry still spoke of the paths' bracketed prices and two cases)
        "Договор (в названиях путей)",
        "Новый сервисный договор на фиксацию нарушений через государственные закупки. «С "
        "первого дня» — с начала года, без продления; «перерыв» — месяцы без договора до "
        "конца закупки. По какой цене он рассчитан, говорит вариант цены (статья «Варианты "
        "цены Павлодара»).",
    ),
    # (reviews s28a, s28b: «путь», «сценарий расходов» and «правовая основа» read as one
    # thing under three names; s42g, s42h: «способ» beside «путь» a coined pair: the options
    # are «что можно сделать», and the path's entry says which of them it is made of)
    (
        "Путь",
        "Что произойдёт с началом года, когда договор ГЧП закончится, в зависимости от того, "
        "объявлена ли закупка и подтвердят ли юристы продление до итогов закупки, снимет ли "
        # (reviews s46i, s46l: «Путей три» beside the charts' fourth, the whole-year
        # extension, even once it was named after them)
        "маслихат свой запрет. Путей четыре: «продление, затем договор» (продление до итогов "
        "закупки, затем сервисный договор), «перерыв, затем договор», «договор с первого "
        "дня» (сервисный договор без продления) и, если снять запрет, «продление на весь "
        "год, затем договор»; расходы каждого рассчитаны по вариантам цены.",
    ),
    (
        "Путь и вариант цены",
        "Расходы города на одном пути при одном варианте цены Павлодара — за первый год и за "
        "три года: центральная оценка и разброс. Все пути рассчитаны в сопоставимых "
        "условиях.",
    ),
    (
        # (review s25a: «за камеру» and the variants' numbers had no entry)
        "Варианты цены Павлодара",
        "Три прочтения единственной найденной цены нового договора — суммы сервисного "
        "договора Павлодарской области, о которой источник не говорит, что она оплачивает: все "
        "комплексы области (плата за комплекс), только комплексы г. Павлодара (за комплекс) или "
        "все камеры комплексов области (плата за камеру). В комплексе Алматы камер больше, чем "
        "в павлодарском, поэтому при плате за камеру он обходится дороже всего (по какому "
        "варианту рассчитана строка бюджета, говорит резюме).",
    ),
    (
        "Цена между павлодарской и карагандинской",
        "Расчёт, в котором цена сервисного договора за комплекс в год может лежать в любом "
        "месте от цены Павлодара (за комплекс) до цены Караганды, а центральная оценка — "
        "посередине. Цифры "
        "Караганды по первоисточнику не проверены, поэтому предложение бюджета опирается на "
        "цены Павлодара.",
    ),
    (
        # (reviews s23m, s24b, s24d: «оценка 1» beside the memo's «вариант 1» read as kin:
        # each estimate named by what it is computed from)
        "Оценка из обязательств и оценка из выплаты",
        "Две оценки нынешней платы за комплекс в месяц (тариф не опубликован): из "
        "обязательств — государственные обязательства, делённые на комплексы договора и срок; "
        "из выплаты — известная выплата партнёру, делённая на комплексо-месяцы того же периода.",
    ),
    (
        "Продление до итогов закупки",
        "Продление действующего договора до итогов закупки, не более чем на два месяца "
        "(Закон о государственных закупках).",
    ),
    # (review s44a: «запрет» on p. 1 and three kinds of extension, none in the glossary)
    (
        "Запрет на новое продление",
        "Условие, с которым маслихат продлил договор ГЧП на один год: «без возможности "
        "дальнейших продлений». Снять его может только сам маслихат, если юристы акимата "
        "подтвердят, что это допустимо. Продление до итогов закупки — другая норма (Закон о "
        "государственных закупках); применима ли она к такому договору, тоже решают юристы.",
    ),
    (
        "Чувствительность",
        "Насколько меняется результат расчёта, если допущение принимает нижнее или верхнее "
        "значение своего диапазона.",
    ),
    # PFRAM and PFI, the abbreviations of two sources' titles, are not used in the text: the
    # text describes those models in Russian (no glossary entry for them)
)


# --- the options on one basis and the path for 1 January (decision_tables.py) -------------
# the memo's Table 1: the unit is in its caption, so that short headers leave the options'
# names the width (a long header widens its column, a Kazakh name then took three lines)
APPRAISAL_COLUMNS = {
    "option": "Путь и вариант цены",
    "cash_2027": "{first} г.: центральная оценка (разброс)",
    "cash_total": "{years} гг.: разброс",
    "present_value": "Приведённая стоимость на {valuation}: разброс",
}
# The options year by year (the appendix): each cell the median and P10–P90 in billions
# (reviews s38l, s39b: «Продление, затем договор (цены Павлодара за АПК г. Павлодара)» on
# three lines in every row, «сценарий» a fourth word beside путь, вариант, способ: the rows
# grouped by path under its name, as Fig. 3 draws them, each row named by its variant)
APPRAISAL_GROUP_COLUMNS = {
    "path": "Путь",
    "row": "Путь и вариант цены",
}
# the parts of a path and the one-off equipment, under a heading of their own in the tables
# grouped by path
APPRAISAL_PARTS_HEADING = "Части путей"
APPRAISAL_BY_YEAR_COLUMNS = {
    "year": "{year} г.",
    "total": "{years} гг.",
}
# What the path's tree leaves out (decision_tables.path_table)
PATH_COLUMNS = {
    "condition": "Положение на дату редакции",
    "legal_route": "Правовое основание",
    "next_decisions": "Следующие решения",
}
NOT_PRICED = "не оценено: нет открытых данных"
# The path as a tree (decision_tables.path_chart): the questions a branch of
# data/decision_path.csv answers, asked in the order of its steps, and the words on the arrows.
# {day}: the first day without the contract («1 января»).
PATH_QUESTIONS = {
    "announced": "Закупка услуг объявлена и завершится к {day}?",
    "bridge": "Юристы подтвердили продление до итогов закупки?",
    "lift_ban": "Маслихат снял запрет на продление, оператор согласен?",
    "transfer": "Условия передачи АПК известны?",
}
PATH_ANSWERS = {"yes": "да", "no": "нет"}
# The title of a framed group of the tree (decision_tables.PATH_TREE): the transfer's question,
# asked whatever the procurement's answers.
PATH_TREE_GROUPS = {"independent": "Независимо от закупки"}
# Over an outcome of the tree that is unlikely (decision_tables.PATH_TREE: greyed), by its
# branch_id in data/decision_path.csv: why, in the chapter's own words (its «Сроки»), one line.
# {date}: the last day to announce the shortest procurement (review s15a: «Маловероятно» over
# the «да» of «will it be done by 1 January» read as a contradiction; the outcome is unlikely
# because that day is near, as the memo says)
PATH_TREE_CAVEATS = {
    # (review s21l: «закупку надо объявить» under «да» read as a condition, not an outcome)
    # {day}: «1 января», the questions' own
    "announced": "Маловероятный исход: договор с {day} (закупка объявлена не позднее {date})",
}
# Under an outcome of the tree: the option ({option}, without its price) and the medians of
# its 2027 cost under the memo's Table 1 variants (its rows' numbers: {first}, {second}) at
# Pavlodar's prices, and at the midpoint (decision_tables.branch_cost_lines; P10–P90 are in the
# detailed table). (Reviews s23e, s23f: «цены Павлодара — 15,5 или 27,2» over «за камеру —
# 29,8» read as 27,2 per camera; and the tree's prices were a third way of naming the cases
# beside the table's variants: the variants' numbers now.)
PATH_TREE_COSTS = {
    # (reviews s29g, s29j, s30c: four figures a box read as a wall of numbers: the line's
    # variant only, the others are the options chart's)
    # (each box one line: «тенге» is the caption's unit)
    "line_variant": "«{option}»: {cost}\u00a0млрд (вариант\u00a0{variant})",
    "with_line": "«{option}»: {cost}\u00a0млрд (вариант\u00a0{variant}; строка {line})",
    # (review s35d: the contract from 1 January, 29,8, read as covered by the line, 27)
    "above_line": "«{option}»: {cost}\u00a0млрд (вариант\u00a0{variant}; выше строки {line})",
    # a branch priced as one above it (the ban lifted: the extension runs until the contract,
    # as after the stop-gap; reviews s45i, s45j: two legally different branches under one
    # path's name read as one)
    "repeated": "Расход тот же, что выше: {cost}\u00a0млрд (вариант\u00a0{variant})",
    # the lifted ban's other use, under it: the whole year at today's price, the memo's fork
    # (reviews s47e–s47h: the tree priced the lifted ban at 27,4 only, the title page at 3,9);
    # {cost}: «3,9»; {year}: «2028»
    "whole_year": (
        "Или отложить закупку на год: {cost}\u00a0млрд (новый договор — с {year}\u00a0г.)"
    ),
}
# Under the tree (decision_tables.path_chart_note): the variant its figures are at, in plain
# words ({words}: PATH_TREE_NOTE_CAMERA, or MEMO_COVERAGE's without the camera counts).
PATH_TREE_NOTE = (
    "расходы — по варианту {variant} табл.\u00a01 ({words}), по которому рассчитана строка "
    "бюджета; передача комплексов городу не оценена (нет открытых данных)"
)
PATH_TREE_NOTE_CAMERA = "за камеру"
# The dated steps of the path (decision_tables.path_steps_chart), each under its date.
# {year}: the budget's year; {days}: the procurement's length; {months}: the stop-gap's.
PATH_STEPS = {
    # (review s38i: read as done, though it is the code's last day: said as a deadline)
    "budget_draft": "срок внесения проекта бюджета {year} г.",
    "announce": "объявить закупку, если она длится {days}",
    # the last day to announce the longest procurement so that it ends within the stop-gap
    # (reviews s28j, s29a, s29b: seven lines in the timeline: shorter words for one date)
    # (review s29f: beside 2 November's «если она длится 60 дней» it read as a second last
    # day for the same procurement: the stop-gap's, said)
    # (reviews s44a, s44c: nine lines under 31 December, shared with the contract's end)
    "announce_stopgap": "объявить закупку при продлении до её итогов ({days})",
    "edition": "дата редакции отчёта",
    "contract_end": "конец договора ГЧП",
    # (review s35e: «без договора» beside the stop-gap, which extends it: its condition)
    # (review s36l: «без временной меры — …» read as a statement that there is none)
    "decision_day": "если договор не продлят — первый день без договора ГЧП",
    "stopgap_end": "конец продления, если оно длится {months}",
}
# The memo's plain words for a computed amount and its P10–P90 (decision_tables.amount):
# «35,5 млрд тенге (от 20,2 до 52,7)»; and how often a draw falls inside P10–P90
# (decision_tables.likely): «в 8 случаях из 10».
AMOUNT_RANGE = "{point} тенге (от {low} до {high})"  # {point}: «35,5 млрд», no-break space
# ... a median that rounds to an end of its range is not said apart from it (never «0,7 (от 0,6
# до 0,7)»): the range alone, «0,6–0,7 млрд тенге» ({range}: the two ends and the scale word)
AMOUNT_SPAN = "{range} тенге"
# The whole-year extension against the recommended path to the end of both contracts
# (decision_tables.fork_table, fork_difference; reviews s47o, s47p): {first}, {next}: years
FORK_ROWS = {
    "recommended": "рекомендуемый путь: продление до итогов закупки, затем договор",
    "extension": "отложить закупку на год: продление на весь {first} год, договор с {next} года",
}
FORK_COLUMNS = {
    "path": "Путь",
    "year": "{year} г.",
    "cash": "Всего {span} гг. (разброс)",
    "present_value": "Приведённая стоимость на {first_day} (разброс)",
}
FORK_DIFFERENCE = "{word} на {amount}"  # «дороже на 5,2 млрд тенге (от 1,0 до 10,1)»
FORK_DEARER = "дороже"
FORK_CHEAPER = "дешевле"
FORK_EITHER = "то дешевле, то дороже: разница от {low} до {high} тенге"
AMOUNT_ABOUT = "около {amount}"  # a median said in running text: «около 31,4 млрд тенге (…)»
LIKELY = "в {inside} {cases} из\u00a0{of}"  # «из 10» stays on one line
CASE_FORMS = ("случае", "случаях", "случаях")  # prepositional: «в 8 случаях»
DRIVER_COLUMNS = {
    "output": "Показатель",
    "driver": "Главные источники разброса (доля)",
}
# «budget_line_path»: the path the proposed budget line is drawn from, its variant of the
# memo's Table 1 ({variant}) (review s23m: the table left out the line's own path)
DRIVER_OUTPUTS = {
    "budget_line_path": (
        # (review s32j: «путь строки бюджета» read as the authors' shorthand: the path named;
        # review s41d: the line's path, the contract from the first day, since s41)
        "Договор с первого дня, вариант {variant} табл.\u00a01 (по нему — строка бюджета): "
        "расходы {first} г."
    ),
    "service.cash_2027": (
        "Продление, затем договор (цена между павлодарской и карагандинской): расходы {first} г."
    ),
    # (reviews s46d, s46e: today's price to 2029 is no path: its year, the memo's 3,9)
    "extension_year.cash_2027": "Продление на весь год по нынешней цене: расходы {first} г.",
    "equipment.cash_2027": "Новое оборудование: расходы {first} г.",
    "estimates_ratio": "Отношение двух оценок платы за АПК",
    "estimate2_vs_total_cost": "Выплаты по оценке из выплаты к «общей стоимости»",
}
# Under the drivers' table when two rows print the same shares for different unknowns
# (reviews s13, s14f, s14g took it for a copying slip): {shares}: «63 % и 37 %»; {exact}: the
# first share of each row to a tenth, in the rows' order, «63,4 и 62,7 %»
DRIVERS_SAME_SHARES = (
    "одинаковые доли двух строк ({shares}) — совпадение при округлении до процента ({exact})"
)
# The appendix: how each assumption is drawn in the joint calculation of uncertainty, by a
# short name in its row of the assumptions table, each name explained once above the table.
DISTRIBUTIONS = {
    "uniform": "равномерное",
    "triangular": "треугольное",
    "fixed": "не меняется",
}
DISTRIBUTION_MEANINGS = {
    "uniform": "любое значение диапазона одинаково вероятно",
    "triangular": "чаще всего близко к базовому значению, реже — к краям диапазона",
    "fixed": "допущение остаётся на базовом значении; его влияние показано отдельно",
}
# A model weight whose two ends are two readings of a source, each computed on its own
# (chapter.shown): its range, «420 или 240», and its distribution: the paths at Pavlodar's
# prices take each reading, the midpoint of Pavlodar's and Karaganda's prices any count
# between them (appraisal.COVERAGE_READINGS).
EITHER_OR = "{first} или {second}"
# the range of a weight whose ends are key figures printed at their own precision:
# «от ≈ 162 тыс. до 181 064 тенге» (chapter.shown)
SHOWN_SPAN = "от {low} до {high}"
EITHER_OR_DISTRIBUTION = (
    "считаются оба случая: пути по ценам Павлодара — каждый отдельно; при цене между "
    "павлодарской и карагандинской — равномерное между ними"
)
# One explained name: {name} (DISTRIBUTIONS), {meaning} (DISTRIBUTION_MEANINGS); the items
# joined by «; ».
DISTRIBUTION_ITEM = "«{name}» — {meaning}"
# A declared rank correlation in words, by its sign, with its strength «{rho}» («0,5»;
# reviews s20q: the three years' upper ends could not be reproduced without it)
CORRELATION = {
    True: (
        "меняется вместе с допущением «{other}» (ранговая корреляция {rho}): чем выше одно, "
        "тем скорее выше и другое"
    ),
    False: (
        "меняется вместе с допущением «{other}» (ранговая корреляция {rho}): чем выше одно, "
        "тем скорее ниже другое"
    ),
}
# The unit of an assumption that is a calendar year (printed without digit groups).
YEAR_UNIT = "год"

# --- Words the number formatting writes (fmt): scale words and the currency ----------------
NUMBER_WORDS = {
    "thousand": "тыс.",
    "million": "млн",
    "billion": "млрд",
    "tenge": "тенге",
    # a range said in words, the unit once at the end (fmt.span): «от 10 до 60 дней»
    "span": "от {low} до {high}",
}

# --- The frame's headings (the templates: title page, contents, glossary, colophon) --------
FRAME = {
    "edition": "Редакция отчёта",
    "data_as_of": "Дата самого позднего источника",
    # the title page's and the colophon's value: the latest source's date and when the
    # sources were searched for (review s14b: whether «10 марта» meant «nothing later found» or
    # «not searched»); {date}: «10 марта 2026 г.»; {period}: «с 25 ноября по 3 декабря 2026 г.»
    # (review s16b: which facts of the decision a later source would hold, said where the
    # date is; the memo's checks say who holds them)
    "data_as_of_found": (
        # (the checks before the session are the title page's own list, under its figures)
        # (review s38e: «поиск с … по …» read as the publications' dates: the search's, said)
        "{date}; более поздних не нашли (искали {period})"
    ),
    "contents": "Содержание",
    "glossary": "Словарь терминов",
    "colophon": "Сведения о редакции",
    "assumptions": "Допущения",
    "version": "Проверка расчёта",
    # The line breaks are those of the printed HTML.
    "colophon_note": (
        "Каждое число отчёта взято из источника (список — в главе «Подробности, допущения и\n"
        "источники», раздел «Источники») или из допущения, которое названо и обосновано в той\n"
        "же главе. Источники, чьи страницы не найдены, перечислены по номерам перед списком:\n"
        "их цифры по первоисточнику не проверены."
    ),
    "running_header": "ГЧП «Сергек» в Алматы",
}
# --- Sentences that depend on the data (sergek_report/chapter/sentences.py) ------------------
# Each function there fills one of these templates; keep the words in braces (the values).
# Months in the prepositional case, for «в ноябре 2024 года» (the date formatter has the
# genitive only): sentences.in_month.
MONTHS_PREPOSITIONAL = (
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
)
# Months in the genitive, as a date writes them («22 декабря»): the typography of the texts
# joins a day to its month (inputs.typography).
MONTHS_GENITIVE = (
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
)
SENTENCES = {
    # when the sources were searched for (sentences.search_period): «с 25 ноября по
    # 3 декабря 2026 г.»
    "search_period": "с {first} по {last}",
    # the days the recommended path's procurement is drawn to be announced on
    # (sentences.days_between): «между 4 и 31 декабря»
    "days_between": "между {first} и {last}",
    "deadline_passed": "{deadline}, и этот срок прошёл",
    "real_value_lost": "{percent} реальной стоимости",
    "real_value_lost_assumed": "{percent} реальной стоимости ({what} — допущение)",
    "more": "больше",
    "less": "меньше",
    "more_or_less": "в зависимости от оценки больше или меньше",
    "in_month": "в {month} {year} года",
    "first_count": "это первое сообщение о числе комплексов",
    "same_count": "столько же, сколько уже {when}",
    "count_more": "на {change} больше, чем {when}",
    "count_less": "на {change} меньше, чем {when}",
    "no_site_split": "Разделение по типам участков в данных не приведено.",
    "site_split": (
        "Разделение комплексов на перекрёстки и линейные участки известно лишь для отдельных "
        "дат, и источники расходятся между собой."
    ),
    "list_and": "{items} и {last}",
    # a figure the same in every year («без роста хватило бы по 32»; sentences.each_year)
    "each_same": "по {figure}",
    # where to get a gap's document (sentences.where_to_ask): requested through the bodies
    # that hold it (the accusative after «через», as the nominative of these bodies' names),
    # or found in a public register (its name after «на», the prepositional); one phrase, no
    # pronoun, so that it agrees with any document before it (review s11d: «…; направить
    # запрос…» read as a template)
    "ask": "запросить через {holders}",
    "check": "найти на {registers}",
    "ask_and_check": "{ask} или {check}",
    # who can calculate a missing figure (sentences.holders_can): one holder, or several
    "can_one": "может {holders}",
    "can_many": "могут {holders}",
    "year_one": "{years} год",
    "year_many": "{years} годы",
    "cpi_from_source": "Инфляция {year} года (декабрь к декабрю) — {percent} по источнику.",
    # a plain sentence, not a warning box (reviews s32j, s33a: a loud box for a 0,1-point
    # effect, while the decisive unknowns had none)
    "cpi_assumed": (
        "Официальная инфляция {year} года (декабрь к декабрю) "
        "в источниках не найдена. В расчёте использовано допущение {used} "
        "(диапазон {range}); в этом диапазоне потеря к концу "
        "{erosion_year} года составляет {erosion}."
    ),
    "usd_none": "Среднегодовые курсы доллара в данных отсутствуют; пересчёт в доллары не сделан.",
    "usd_all": "Среднегодовые курсы найдены за все годы ряда.",
    "usd_partial_only": (
        "Среднегодовые курсы за {partial} в источниках не найдены: известны лишь средние за "
        "часть года, поэтому долларовый ряд неполон."
    ),
    "usd_missing": (
        "Среднегодовые курсы за {missing} в источниках не найдены, поэтому долларовый ряд неполон."
    ),
    "usd_missing_and_partial": (
        "Среднегодовые курсы за {missing} в источниках не найдены, а за {partial} известны "
        "лишь средние за часть года, поэтому долларовый ряд неполон."
    ),
    "fines_unpublished": (
        "За {period} партнёру выплачено {paid}; сколько штрафов поступило в бюджет города "
        "за тот же период, не опубликовано."
    ),
    "about_the_same": "примерно столько же",
    # one decimal, as precise as the payment rounded in its source (±2 %): «в 6,7 раза», not
    # «примерно в 6,7 раза» (the decimal already says how precise it is)
    "times_more": "в **{times}** больше",
    "times_less": "в **{times}** меньше",
    # an Almaty complex at Pavlodar's price per camera (sentences.per_camera_price)
    "at_least": "более {count}",
    # after Almaty's exact count of cameras, the later count given as a lower bound
    # (sentences.later_bound): «; позднее, в ноябре 2024 года, — более 9 000 камер на
    # 1 641 АПК, то есть больше 5,4 на комплекс, что с этим счётом согласуется»
    "later_bound": (
        "; позднее, {when}, — более {cameras} на {complexes}\u00a0АПК, то есть больше "
        "{per_complex} на комплекс, что с этим счётом согласуется"
    ),
    "times_dearer": "в {times} дороже",
    "times_cheaper": "в {times} дешевле",
    "times_either": "от {cheaper} дешевле до {dearer} дороже",
    "at_least_times": "по меньшей мере {times}",
    "at_most_times": "не больше чем {times}",
    "fines_against_payments": (
        "За {period} в бюджет города поступило {fines} штрафов, партнёру выплачено {paid}: "
        "{comparison}."
    ),
    # the memo's «нынешняя цена» for 2027 against the 2026 payments at estimate 1
    # (sentences.current_price_against_budget)
    # (reviews s14d, s14g: one long sentence; now its two reasons, each its own sentence)
    # (reviews s21d–s21j: at the median inputs the year comes to 4,0, not 3,9: the median of
    # the joint calculation is not the calculation at medians; the base values' 4,1 said)
    # (reviews s28e, s28i, s28j: two reasons with nested brackets took an auditor several
    # readings: the same as steps, each with its figure, 4,2 → 4,0 → 4,1 → 3,9)
    # (reviews s30i, s30j, s31f: the steps as a sentence of four figures: a table of them,
    # CURRENT_PRICE_STEPS, which the sentence names)
    "current_price_against_budget": (
        "Нынешняя цена на {year} год в резюме ({median}) меньше выплат {budget_year} года "
        "({budget}), хотя тариф заморожен: шаги от одной цифры к другой — в таблице «{steps}»."
    ),
}
# The steps from the 2026 payments to the memo's today's price for 2027, a row each
# (decision_tables.current_price_steps); {price}: «≈ 171 тыс. тенге»; {network}: «1 991»
CURRENT_PRICE_STEPS = {
    "caption": "От выплат {budget_year} года к нынешней цене на {year} год",
    "step": "Шаг",
    "amount": "Сумма",
    "budget": "Выплаты {budget_year} года по оценке из обязательств",
    "budget_mid": "То же по средней из двух оценок тарифа ({price} за комплекс в месяц)",
    "point": "{year} год по той же цене: весь год и вся сеть ({network}\u00a0АПК)",
    "median": (
        "Нынешняя цена на {year} год в резюме — центральная оценка совместного расчёта: в нём "
        "введены не все новые комплексы, а срок договора и плата (между двумя оценками) меняются "
        "в своих диапазонах"
    ),
}

# What the colophon of an edition in another language adds (not printed in the Russian
# original): that it is a translation, which text prevails, and that sources' titles stay as
# published (a citation).
TRANSLATION_NOTE = (
    "Текст на казахском языке — перевод русского оригинала отчёта. При расхождении текстов "
    "преимущество имеет русский оригинал. Названия источников и цитаты из них приведены на "
    "языке публикации."
)


# --- Languages: the same catalog in another language ---------------------------------------
# The report is written in Russian (the source); another language's words come from its
# gettext catalog, locale/<language>/LC_MESSAGES/report.po (`make translations` updates it;
# sergek_report/build/translations.py extracts the messages). `use_language` switches every
# label above to its translation, in the build process and in each chapter's kernel.
SOURCE_LANGUAGE = "ru"
LANGUAGES = ("ru", "kk")
# Each language's alphabet, in its order: the glossary is sorted by it (render.
# alphabetical_key), so a term is found where a reader looks for it (review s26p), in Kazakh
# too, whose letters Ә, Ғ, Қ, Ң, Ө, Ұ, Ү, Һ and І would sort after «я» by their code points.
ALPHABETS = {
    "ru": "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "kk": "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя",
}
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "report"
DRAFT_MARK = "[RU] "  # a draft's untranslated label, in a table or chart
DRAFT_TITLE = "не переведено"  # the tooltip of a draft's untranslated passage (marked)
# Names whose values are codes compared with the parameter files, not words to translate
# (a year's unit is «год» in params/*.yaml whatever the report's language).
NOT_TRANSLATED = frozenset(
    {"YEAR_UNIT", "SOURCE_LANGUAGE", "LANGUAGES", "DOMAIN", "DRAFT_MARK", "DRAFT_TITLE"}
) | {
    "ALPHABETS",  # sort orders, not words
    "PROPER_NAMES",  # names, not words: the same in every language
    "LOWER_BOUND_WORDS",  # matched in the Russian data, never printed
    "UNBROKEN_WORDS",  # words the PDF does not hyphenate, not words to print
}
LANGUAGE = SOURCE_LANGUAGE
_ORIGINALS: dict[str, object] = {}
_TRANSLATE = None


def catalog_file(language: str):
    """The language's gettext catalog (a .po file in the repository)."""
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_translations(language: str) -> dict[str, str]:
    """Russian text -> its translation, for every translated, not fuzzy message."""
    from babel.messages.pofile import read_po

    with open(catalog_file(language), "rb") as f:
        catalog = read_po(f)
    return {
        m.id: m.string
        for m in catalog
        if m.id and isinstance(m.id, str) and m.string and not m.fuzzy
    }


def _has_words(text: str) -> bool:
    return any("А" <= ch <= "я" or ch in "Ёё" for ch in text)


def _translated(value, translate):
    if isinstance(value, str):
        return translate(value) if _has_words(value) else value
    if isinstance(value, tuple):
        return tuple(_translated(v, translate) for v in value)
    if isinstance(value, dict):
        return {k: _translated(v, translate) for k, v in value.items()}
    return value


def use_language(language: str = SOURCE_LANGUAGE, *, draft: bool = False) -> None:
    """Switch the catalog to `language` (its .po; the Russian source for "ru"). In a draft an
    untranslated label prints in Russian after DRAFT_MARK; otherwise it prints in Russian (the
    build checks beforehand that nothing is untranslated)."""
    global LANGUAGE, _TRANSLATE
    module = globals()
    if not _ORIGINALS:
        _ORIGINALS.update(
            {
                name: copy.deepcopy(value)
                for name, value in module.items()
                if name.isupper()
                and not name.startswith("_")
                and name not in NOT_TRANSLATED | {"LANGUAGE"}
                and isinstance(value, str | tuple | dict)
            }
        )
    if language == SOURCE_LANGUAGE:
        translate = None
    else:
        found = read_translations(language)

        def translate(text: str) -> str:
            if text in found:
                return found[text]
            return DRAFT_MARK + text if draft and _has_words(text) else text

    for name, original in _ORIGINALS.items():
        value = _translated(original, translate or str)
        if isinstance(module[name], dict):
            module[name].clear()
            module[name].update(value)
        else:
            module[name] = value
    LANGUAGE, _TRANSLATE = language, translate


def translate(text: str) -> str:
    """A word of the catalog in the current language (itself in Russian)."""
    return _TRANSLATE(text) if _TRANSLATE else text


# --- Forms written in a chapter's inline expression -----------------------------------------
# fmt.plural gives another language the catalog's word for the first form: the first form of a
# chapter's inline fmt.count(n, (…)) that is not a word above is listed here, so that the
# catalog has it. Key: the chapter's words after the number.
INLINE_FORMS = {
    "из … участников": ("участника", "участников", "участников"),  # 06_comparisons
}

# Words the PDF's hyphenation patterns break wrongly («на-чнётся», «Цен-трКредит»): the PDF
# never breaks them (print only; reviews s28e, s28j). Not translated: a word of one language
# or a name.
UNBROKEN_WORDS = ("начнётся", "начнется", "ЦентрКредит")

# Names that keep their capital letter when a label starting with one is written inside a
# sentence (fmt.mid_sentence): a Kazakh label puts the city first («Қарағанды шарты …»,
# «Павлодар (0) мен Қарағанды (1) …»). In each language of the report; not translated.
PROPER_NAMES = frozenset(
    {
        "Алматы",
        "Астана",
        "Актобе",
        "Ақтөбе",
        "Караганда",
        "Қарағанды",
        "Павлодар",
        "Костанай",
        "Қостанай",
        "Уральск",
        "Орал",
        "Шымкент",
        "Сергек",
    }
)


# --- The title page's key figures (chapter/key_facts.py) ----------------------------------
# Each a large figure with the line under it, below the title page's dates. (By place in the
# report they belong with the frame's words above; kept last, so that adding them left the
# other labels' line numbers, which the catalog's references cite, as they were.)
# {year}: the first year the options are priced for; {date}: the first day without a contract.
# The title page's proposal, under its heading in the subtitle's place (key_facts.cover_decision;
# reviews s32a, s32b: the decision a deputy takes was first said as one sentence on p. 3):
# {line}: «27 млрд тенге»; {year}: «2027»; {later}: «35 и 38» (the same unit); {later_years}:
# «2028 и 2029» (two lines at the subtitle's size)
# (review s32e: «объявить не позднее» beside the card's «немедленно», and the akimat
# announces: the council demands it now; the last day is the card's)
# (reviews s33c, s33e, s33f: that the line is a caution said on the title page; s33g:
# «вероятнее всего, хватит 15» read as a forecast inviting a cut; s33i, s33j: «на любой
# вариант цены Павлодара; при дешёвом — 15» was coded: the caution and what ends it)
COVER_DECISION = (
    # (reviews s36k, s36l: «из осторожности» oversold the caution beside the memo's Table 2
    # cases above the line; s37a, s37b: «по самой высокой цене» too: the variant it is drawn
    # at, and «нет договора» read as Pavlodar having none)
    # (review s37h: «по самому дорогому варианту» read as the dearest of all cases: the
    # variants are Pavlodar's price's; that its contract is not found is the memo's)
    # (reviews s37n, s38a, s38b: «немедленно» here, «сейчас» in the card, «не позже» in the
    # check: one deadline, said alike; the variants are the chart's, whose caption says them)
    # (reviews s43h–s43r: «не позже 31 декабря» read as unconditional, while it holds only
    # with the stop-gap the lawyers have not confirmed; s43s, s43t: three dates for one
    # action: the day that holds without the stop-gap, everywhere on the title page and in
    # the memo; the stop-gap's later day is recommendation 4's, with its condition)
    # (reviews s46l, s46m, s47a, s47b: 22 December alone read as the recommended path's
    # deadline, which is priced at 31 December: the path's day, then 22 December with its
    # condition in the card under it)
    # (reviews s48g, s48h: two days read as two rival deadlines: one rule, «сразу»; what each
    # day loses is the card's, the first check's and recommendation 4's)
    "Предложение: {line} на {year} год, {later} — на {later_years} годы; потребовать "
    "объявить закупку сразу"
)
# The title page's checks before the session (key_facts.cover_checks), under the figures:
# the question, then what its answer changes. {start}: «1 января»; {line}: «27 млрд
# тенге»; {year}: «2027».
COVER_CHECKS = {
    # (reviews s33o, s33p: «сведений об этом … нет» read as clumsy)
    "heading": "До сессии выяснить (в источниках отчёта ответов нет)",
    # under the checks, numbered as the memo's checklist's first rows (reviews s31k, s32a,
    # s32f: four lists of questions): where the others are
    # (reviews s33o, s33p: no page: the title is linked, as the memo's references are)
    "more": "Остальные вопросы — в таблице «Что выяснить до сессии»",
    # (review s32g: the lawyers' opinion, the plan's precondition, was in no checklist; the
    # memo's Table 2 first row says both)
    "procurement": (
        # (s36b: «временная мера» on the title page before the memo says what it is)
        # (s37d: «последний день — 31 декабря» without its condition, the stop-gap's)
        # (s39d: the checks handled only the «no» answers: a procurement announced, its
        # contract's start against the line's)
        # (reviews s40a–s41b: «раньше — надёжнее, но строка больше» set safety against the
        # line: the line holds a contract from 1 January, the earlier the better)
        # (s43s, s43t: one deadline, the title's)
        # (s46l, s46m, s47a, s47b: the recommended path's day first, as the title's)
        "Объявлена ли закупка и есть ли заключение юристов о продлении до её итогов? "
        # (review s47e: the card's condition, said alike)
        # (reviews s48g, s48h: «не позже 31 декабря; … не позже 22 декабря» read as two
        # rival deadlines: one rule, «сразу»; what each day loses is the card's and
        # recommendation 4's; {start}: «1 января»)
        "Нет закупки — объявить сразу; нет заключения — с {start} вероятен перерыв"
    ),
    "budget": (
        # (reviews s44a–s44j: «строка» the authors' shorthand where a deputy first reads it)
        "Заложены ли в проекте бюджета {year} года {line} на «Сергек»? Если нет или меньше — "
        "поправка к бюджету"
    ),
    # (reviews s31e, s31g: the check that moves the line most, Pavlodar's contract, was the
    # memo's only; the new complexes' count, which moves it less, is the memo's Table 2)
    # {region}: «420»; {cheaper}, {line}: «15 млрд тенге», «27 млрд тенге»
    # (as the memo's checklist's first row says it)
    "pavlodar": (
        # (review s33o: «Сумма за 420 АПК области — строка 15» read as code: a sentence)
        # (review s35c: «за 420 АПК» alone does not give 15 if the price is per camera:
        # variant 1 is per complex, said)
        "Найден ли договор Павлодара? Если за комплекс и {region} АПК области, хватит "
        # (review s45b: «— 29», «— 32» without their unit beside «17 млрд тенге»)
        "{cheaper}; за {city} АПК города — {city_line} млрд; за камеру или не найден — "
        "{line_short} млрд"
    ),
    # the same without the camera counts (no reading per camera: the line is the city's)
    "pavlodar_per_complex": (
        "Найден ли договор Павлодара? Если сумма — за {region} АПК области, хватит "
        "{cheaper}; не найден — {line}"
    ),
}
# the caption of the title page's chart (key_facts.cover_chart); {year}: «2027»; {variant}:
# the line's variant of Pavlodar's price, «3»; {sum}: «9 млрд»; {term}: «три года»;
# {line}: «32 млрд тенге»; {first_day}: the line's path's name in quotes; {key}: how it is read
# (CHART_KEY); the recommended path is its row's label (CHART_RECOMMENDED)
# (reviews s31b–s45i: the chart drew the line's path, the contract from the first day, at
# each variant of Pavlodar's price: why Pavlodar, what the variants are, which start the
# bars are priced at, each said in turn; reviews s46a–s46c: the title page priced only the
# unlikely start, not the recommended path: each path now, at the line's variant, the
# recommended one named, and why the line is drawn at the unlikely start)
# (reviews s47p, s48a: «по варианту 3 цены Павлодара — единственной найденной» read the
# variant as the only one found: the price is, its variant after it)
# (review s48h: the whole-year extension's short bar read as the cheaper path; reviews s50a,
# s50c, s50d: still, beside the card of today's price: the chart draws the paths of
# 1 January only, the deferral is the memo's paragraph and Fig. 3's)
COVER_CHART = (
    "Расходы {year} года по путям, млрд тенге, по цене Павлодара — единственной найденной: "
    "{sum} тенге на {term} в Павлодарской области (вариант {variant}, табл.\u00a01). "
    "Пунктир — сумма в бюджете {line}, рассчитанная на {first_day}: он маловероятен, но "
    "дороже любого более позднего; {key}"
)
COVER_FACTS = {
    "heading": "Главное в цифрах",
    # under the proposed budget line: «27 млрд тенге» (earlier editions gave beside it what
    # the same path needs at the region's complexes per complex; the history below). What the
    # line holds and why is the memo's (review s14c, s14d:
    # the card packed three figures). Reviews s16b–s16h: a line at the 240 complexes' upper
    # end was short per camera, whatever it was called; the line now covers every reading
    # of Pavlodar's sum, and the card says so
    # (review s17a: the line is an upper end of the calculation, per camera only just;
    # «вероятнее» is the authors' judgement; s17b: «в 9 случаях из 10» read as a measured
    # probability; s17c: «на что бы ни была» beside Table 2's «больше камер — не хватит»: the
    # per-camera case said with its condition)
    # (reviews s17d–s17h: the line per camera at Almaty's exact count, the dearest reading;
    # the card says the reading it is drawn at, not the conditions it holds under)
    # (review s18a: the contract from the first day needs more: the path the line is for;
    # s18b: per camera the complexes' count does not matter, and fewer cameras than counted
    # would cost more; s18c: nor «the dearest of the cases calculated», beside Table 2's
    # dearer paths: the price per camera said as dearer than per complex, which it is)
    # (review s18g: seven qualifiers in a card read in three seconds: the line said as what
    # holds until Pavlodar's contract is checked, and the likelier reading's line; {cheaper}
    # is that line, «15 млрд тенге»)
    # (review s19g: the card says what the likelier reading needs, the reading is the memo's)
    # (reviews s20e–s20o: the likelier line beside the proposed one on the card read as the
    # headline's rebuttal, two figures to defend: the card says what the line is, a rule of
    # caution, and the way down; the likelier line is the memo's)
    # (reviews s21l–s22d: a tile of 35 words read as a paragraph: what the figure is and its
    # one condition; the memo says the rest; s22h: the check may show a dearer price too)
    # (reviews s23i–s23k: «покажет он другую цену — строку уточнят» read as clipped, and the
    # jump from today's price to the line was first explained on p. 3: what the line buys and
    # the same year at today's price, {today}: «3,9», Table 2's figure)
    "budget_line": (
        # (reviews s30a, s30j: cards of seven lines; today's price is the chart's, under them)
        # (reviews s31a, s31b: that the line is a caution, the likeliest variant's line beside
        # it; {likely}: «15 млрд тенге»)
        # (s25c: «с запасом» read as safe: the dearest of Pavlodar's three prices, a caution)
        # (s26a: «трёх цен Павлодара», «его договор» read as a puzzle: two plain sentences)
        # (review s28j: the dearest price read as a ceiling: the memo's two cases it does not
        # cover, named; s29a: from 1 January the cheapest price fits: «может не хватить»;
        # s29b: «его договор» ambiguous, and cards as paragraphs)
        # (review s30c: «ближе к карагандинской» named a price the cover had not introduced)
        # (reviews s30a, s30j: cards of seven lines: the cases are the chart's under the cards
        # and the memo's)
        # (reviews s31c, s31d: three signals in one card: what the line is and the likeliest
        # variant's line, the authors' judgement; the cases it does not cover are the chart's)
        # (reviews s31c, s31e: «трёх возможных цен» beside the chart's four bars: Pavlodar's)
        # (reviews s32c, s32d: the cards as paragraphs, and the likeliest variant's 15 beside
        # the proposed 27 invited a cut: what the line is; the 15 is the checks' and the memo's)
        # (review s32i: why Pavlodar: the only price found)
        # (s33c, s33d: the chart's caption says it is the one price found, and what is unknown)
        # (reviews s33o, s33p: the premise, one news item of Pavlodar's sum, was the memo's
        # only: said where the figure is, the rows of the chart under it say the variants;
        # {sum}: «9 млрд тенге»; {term}: «три года»)
        # (reviews s35a, s35b: «её прочтению» ambiguous and odd: the sum's reading, said)
        # (reviews s36k, s36l: «по самому дорогому» read as covering every case: not all)
        # (reviews s37a–s37d: «не на все случаи» vague, 27 read as a worst case: the cases it
        # does not hold, named as the memo's Table 2 names them; Pavlodar's one news item is
        # the memo's and the chart's rows)
        # (the one-year contract paying for the equipment is the next card's)
        # (review s37e: «не хватит при договоре с 1 января» holds from variant 2 on, as Table
        # 2's row; {short}: that variant's number)
        # (review s37g: «самый дорогой» then «не хватит» read as a contradiction: what the
        # line holds, then what it does not)
        # (any of Table 1's variants, three or, without the camera counts, two: no count said)
        # (reviews s38a, s38b: cards of five lines of conditions: the fact, and where its
        # conditions are: the memo's Table 2 lists them)
        # (reviews s41c, s41d: 32 beside today's 3,9 on the chart, the jump unexplained on the
        # title page: what the line buys, said)
        # (review s41f: «самая дорогая цена» read as Pavlodar having several tariffs: the
        # variant the chart under the cards names)
        # (reviews s41g, s41h: «по варианту 3 цены Павлодара» a label the title page had not
        # introduced: what the variant takes Pavlodar's sum to pay for, in words)
        # (reviews s42a, s42b: «Павлодар платит за камеру» read as a fact, or as Pavlodar
        # paying someone: the dearest of the variants, and what it takes the price to be)
        # (reviews s43a, s43b: «за каждую камеру» read as Almaty paying per camera, and
        # «когда не хватит» as a moment: the price the line rests on, the one found, and its
        # reading; the variants are the chart's rows under the cards)
        # (reviews s43e, s43f: «прочтение цены» a coined word, and how many readings unsaid:
        # the dearest of the three variants the chart under the cards names)
        # (reviews s44a–s44j: «строка» the authors' shorthand where a deputy first reads it)
        # (reviews s46a–s46c: the title page gave the line, a ceiling, not what the
        # recommended path costs; {recommended}: «27,4»)
        # (reviews s49a, s49b: 27,4 is priced at an announcement on 31 December, the title
        # demands it at once: the earlier the announcement, the dearer, up to the contract
        # from 1 January; {first_day}: «29,8»)
        # (review s49f: «чем раньше, тем больше» read as a reason to wait: what the earlier
        # announcement buys, said)
        # (reviews s50a, s50b: a range of two timings beside «сразу»: the path priced at an
        # announcement drawn over the days left; {announced}: «между 4 и 31 декабря»)
        "сумма в бюджете {year} года — предел; расход — около {recommended}\u00a0млрд при "
        "закупке, объявленной {announced}; если не хватит — табл.\u00a02"
    ),
    # under the days left: «27 дней»; {today}: the edition's day; {start}: «1 января» (the
    # card's day is the extension's end; «22 декабря» is the first check's). Now, and what the last
    # day gives (reviews s14a, s16b: «не позднее» beside «сейчас» read as time to spare); the
    # contract from 1 January and its deadline are the memo's (review s13g)
    # (review s16e: «сейчас» then a 31 December example: the last day said as such, and
    # what covers the months before the contract)
    # (review s16h: three conditions in a headline card; a contract on 1 March is not new
    # cameras working on 1 March: the card says by when, the memo says what follows)
    # (review s17a: «немедленно» and the last day competed in one sentence; the condition
    # in brackets: the last day said as such, the lawyers' condition and its alternative;
    # s17b–s17h: «договор с 1 марта» read as cameras working from 1 March: the contract's
    # signing, not the new equipment's start, and the condition for no gap after it)
    # (review s17h: after 1 March the cameras keep working only if the procurement's
    # conditions hold the existing complexes' servicing; s18b: a clause in the tender works
    # only if the city gets their software and database: the card points to the memo's
    # recommendations, which say both)
    # (reviews s19a, s19b: «немедленно» beside «самое позднее 31 декабря» still read as
    # time to spare: the last day said as what it gives, a contract with no margin)
    # (reviews s19b–s19d: five ideas in a card: what to do, what the last day gives and what
    # covers the months before it; the gap after the contract is the memo's, recommendation 3)
    # (review s19g: «немедленно» then «даже 31 декабря» read as a contradiction: the last day
    # said as such, with what ends on the day its procurement does; s20f:
    # the stop-gap ends on 28 February, the contract follows it)
    # (reviews s20q, s20r: one sentence of three conditions and two dates: what to do and its
    # last day, then what covers the months before the contract, each its own sentence)
    # (reviews s21a–s21d: the last day without the stop-gap, 22 December, was the memo's
    # only: each last day with its condition; {without}: «22 декабря»)
    # (s22g: «иначе — 22 декабря (…, маловероятно)» read as a safe fallback: even then the
    # contract from 1 January is unlikely)
    # (reviews s22a, s22b: «последний день — 31 декабря» read as the contract's last day, and
    # 45 words in a tile: each last day to announce with what it gives, the likelier first)
    # (reviews s23m, s23n: still one long conditional, and the maslikhat announces nothing:
    # the akimat's two last days, the likelier condition second; the contract from 1 January,
    # unlikely, is the memo's recommendation 2)
    # (review s24a: «не позднее 22 декабря …; позже — перерыв» read as no gap after an
    # announcement by then, which the memo calls unlikely: the gap without the extension
    # said as likely, the last day with it as the akimat's; 22 December is recommendation 2's)
    "days_left": (
        # (s24c: «продление» beside the council's «без возможности дальнейших продлений» read
        # as the same extension: the stop-gap by the memo's name for it)
        # (s24i, s24j: «с ней акимату объявить …» had no verb, and «вероятен» beside the
        # memo's «почти неизбежен»: the akimat's action first, its condition, then the gap)
        # (s25k, s25l: «не позднее 31 декабря» read as slack: now, the last day without margin)
        # (s26d: which the condition applied to was unclear: three plain sentences)
        # (reviews s29g, s29j: the action is the title page's first check now; the card says
        # why no margin)
        # (reviews s30a, s30j: cards of seven lines: the edition's date is above them)
        # (reviews s36a, s36b: «27 дней» beside «27 млрд» read as one figure twice: the card's
        # figure is the contract's last day, the days left said under it; {left}: «27 дней»)
        # (s26e: «последний день» of what: said; s26h: still hard to parse: the last day, then
        # its two conditions)
        # (s27d: «последний день» read as the contract's: the announcement's, said)
        # (review s28a: 31 December read as a fixed rule: why that day, the longest
        # procurement ending with the stop-gap; {lead}: «60 дней»)
        # (review s28e: «закончится к концу» read as slack: none, said again)
        # (reviews s28i, s28j: «к концу временной меры» read as a day to spare: the day it
        # ends said, the memo's «1 марта»; {contract_day}: «1 марта»)
        # (reviews s28b–s28h, s29a, s29b: a card read as a paragraph: the action, its last day
        # and why no margin; the stop-gap's condition and the gap without it are the memo's
        # opening)
        # (reviews s29e, s29f: the last day without its condition: the lawyers' stop-gap)
        # (review s29g: «сразу после неё, — запаса нет»: «неё» ambiguous, a comma before the
        # dash: the day the stop-gap ends, then the margin, each its own sentence)
        # (review s30b: «когда истечёт» beside the memo's «до 28 февраля»: the day after it)
        # (reviews s30a, s30j: cards of seven lines: the stop-gap's months are the memo's)
        # (review s31f: «закупка, объявленная 31 декабря» read as the plan: the last day)
        # (reviews s31k, s31l: «Последний день объявить закупку» ungrammatical)
        # (review s31a: «временная мера» used before it was said what it is; s31l: «её» read
        # as the procurement's too: the measure named)
        # (reviews s32c, s32d: «не позднее 31 декабря» read as slack, and the count had no
        # date: {today}, the edition's day; the procurement's 60 days are the memo's)
        # (reviews s33c, s33e, s33f: the proposal's sentence took a line: the stop-gap said in
        # plain words, not named)
        # (reviews s33o, s33p: who announces it was not said)
        # (s34k: «последний день» did not say for what: the announcement's, said)
        # (reviews s35a, s35b: no verb, no subject: telegram style)
        # (the contract is the card's first sentence's: the room of one line, s36a, s36b)
        # (reviews s36k, s36l: «при продлении до её итогов — не позже» elliptical; s37a,
        # s37b: the last day said without its condition: the action, then the condition in
        # a full clause)
        # (reviews s38a, s38b: «сейчас» beside «не позже»: one deadline, as the subtitle says it)
        # (reviews s40a–s40f: «как можно раньше» beside a line for a contract from 1 March:
        # the deadline the line holds; the earlier start's price is the checks')
        # (review s42f: the title page never said what is procured, nor who announces it)
        # (reviews s43h–s43j: 31 December holds only with the stop-gap the lawyers have not
        # confirmed; s43s, s43t: three dates for one action: the day that holds without it,
        # the title's; {deadline}: «22 декабря»)
        # (review s46c: 22 December serves the contract from 1 January only: what it gives,
        # said as recommendation 4 says it; {start}: «1 января»)
        # (reviews s46l, s46m, s47a, s47b: 22 December alone, beside a recommended path
        # priced at 31 December: the card's day is the path's; 22 December's condition said)
        # (review s47e: «иначе с 1 января перерыв» read as a promise that 22 December avoids
        # it, while chapter 2 calls a contract from 1 January unlikely: said as likely anyway)
        # (reviews s48a, s48b: «без продления» read as «if the contract is not extended at
        # all»: the condition is the lawyers' opinion; s48c, s48d: two days in one clause,
        # the second one the report calls nearly unworkable: the card keeps the day and says
        # what the lawyers' opinion decides; 22 December with its condition is check 1's and
        # recommendation 4's)
        # (reviews s48g, s48h: one rule, «сразу»; 22 December as what it loses, the
        # contract from 1 January; {deadline}: «22 декабря»)
        "до конца договора {left} (на {today}); закупку объявить сразу: после {deadline} "
        "договор с {start} невозможен"
    ),
    # under today's price for 2027, the whole-year extension's: «3,9 млрд тенге»; {year}:
    # «2027»
    # (review s46m: the title page never said what the city pays now, so the eightfold rise
    # was the memo's; the network's count, which decides nothing here, is the memo's opening)
    "today_price": (
        # (review s47b: «если продлить договор на весь год» read the figure as an option
        # set beside the recommended path's one year: it is today's price, the baseline)
        # (reviews s50a, s50c, s50d: today's price beside the line read as the cheaper path
        # not taken; s50a–s50c: replace or serve, the money question, was the memo's last
        # sentence: what today's price is to the line, the authors' judgement; {line}: «32
        # млрд тенге»)
        "{year} год по нынешней цене; не дороже (суждение авторов) — обслуживание "
        "действующих АПК (аппаратно-программных комплексов), если они перейдут городу; "
        "в {line} — и новое оборудование всех АПК"
    ),
    # without an appraisal, the network: «1 816–1 991 АПК»; {additional}: «350»; {existing}:
    # «1 641»; the lower end is the assumption that at least half the new complexes work
    # (review s13g)
    "network": (
        # (reviews s26o, s27b: «АПК» undefined on the cover: what they are, said)
        # (review s28a: «камерных» means «chamber»: the abbreviation spelled out)
        # (reviews s30a, s30j: cards of five lines: «в сети» said by the figure's «АПК»)
        # (review s36l: «действующие (1 641) и от половины до всех новых (350; …)» hard to
        # parse: the counts said; {new_low}: «175»)
        # (review s44m: «АПК аппаратно-программных комплексов» read as a tautology: the
        # abbreviation's words in brackets after the figure's «АПК»)
        "(аппаратно-программных комплексов) фиксации нарушений на {date}: действующих — "
        "{existing}, новых — от {new_low} до {additional} (допущение)"
    ),
    # under the later years' lines of a three-year contract: «35 и 38 млрд тенге»; {years}:
    # «2028 и 2029». Reviews s12b: the vote commits the city for three years; s16h: the
    # likely path's central estimates beside the 2027 line, an upper end rounded up, were two
    # kinds of figure unannounced: the later lines are drawn as the 2027 line is
    # (review s17a: the lines hold a price growth the base case does not assume, up to
    # {growth} a year, said; a contract from 1 March for three years would run into 2030:
    # the lines are for a contract to the end of {years_last}, as the model prices it;
    # s17h: a one-year contract with new equipment costs more than a third of three years:
    # the {year} line may then fall short; s18d: the vote is for the three years, {total}:
    # «100 млрд тенге»)
    # (reviews s19b–s19d: the cards as captions: the price growth they hold and the one-year
    # contract's shortfall are the memo's recommendation 1)
    "later_lines": (
        # (reviews s31a, s31b: what a one-year contract costs more, said: it pays for the
        # equipment within its year, the memo's case б; the contract to the end of
        # {years_last} is said by the years)
        # (reviews s31e–s32b: the one-year contract's 2027 cost, «около 43,3 (до 51,8)», read
        # as a second headline figure nearly twice the line (s32c, s32d): the memo's case б)
        # (reviews s33g, s33h, s33j, s33l: the condition that changes the vote was on neither
        # the title page nor the amendment list: the one-year contract's upper end, as a
        # condition of the later lines, not a headline: «до 51,8»)
        # (review s33p: «до 51,8» read as an alarm without its cause: the equipment paid
        # within the one year, said)
        # (s34d: «оплатят сразу» read as certain, the memo's condition: said as one; s34f:
        # still read as «52 млрд» without its condition: what changes, and where the figure is;
        # {line}: «27 млрд тенге»)
        # (reviews s35a, s35b: «может не хватить» beside the memo's «хватит» read as a
        # contradiction: the condition under which the line is enough, said positively)
        # (reviews s35d, s35g, s35h: why the 2027 line needs the later ones was the memo's
        # only: the one-year contract pays for the equipment within its year, the memo's
        # case «а»)
        # (reviews s36a, s36c, s36d: «и 27 не хватит» read as flat, beside recommendation 3's
        # condition: the same condition here)
        # (reviews s36k, s36l: «он» ambiguous, «договор — лишь на год» clipped)
        # (reviews s38a, s38b: the card's one fact; the one-year contract's cost is Table 2's)
        "суммы в бюджете на {years} годы (вместе с\u00a0{year} годом — {total}); "
        "без них договор — лишь на год"
    ),
    # two figures or years together: «35 и 38 млрд тенге», «2028 и 2029»
    "both": "{first} и {second}",
}
