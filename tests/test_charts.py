"""Chart helpers: Russian date axes, gaps in lines, readable sensitivity charts."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
import pytest

from sergek_report.chapter import charts, fmt

LABELS = {"a": "Срок", "b": "Инфляция 2026", "c": "Инфляция 2024"}


def tornado_frame():
    return pd.DataFrame(
        {
            "assumption": ["a", "b", "c"],
            "metric_low": [2.94e9, 2.54e9, 2.4495e9],
            "metric_high": [2.03e9, 2.36e9, 2.4505e9],
        }
    )


def test_russian_date_ticks():
    formatter = charts.RussianDateFormatter()
    years = [mdates.date2num(pd.Timestamp(f"{y}-01-01")) for y in (2020, 2021)]
    assert formatter.format_ticks(years) == ["2020", "2021"]
    months = [mdates.date2num(pd.Timestamp(d)) for d in ("2020-01-01", "2020-05-01")]
    assert formatter.format_ticks(months) == ["янв. 2020", "май 2020"]


def test_line_chart_on_dates_has_russian_labels():
    x = pd.date_range("2020-01-01", "2022-08-01", freq="MS")
    fig, ax = charts.line_chart(x, {"s": range(len(x))}, "y", markers=False)
    fig.canvas.draw()
    labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
    assert labels and not any("-" in label for label in labels), labels
    assert all(any(ch.isalpha() for ch in label) or label.isdigit() for label in labels)


def test_segments_break_at_gaps():
    dates = pd.to_datetime(["2019-04-01", "2020-12-31", "2021-04-30", "2021-11-30", "2025-12-31"])
    parts = charts.segments(dates, [10, 414, 460, 766, 1641], 365)
    assert [len(xs) for xs, _ in parts] == [1, 3, 1]
    assert len(charts.segments([1, 2, 3], [1, 2, 3], None)) == 1


def test_line_chart_draws_no_line_across_a_gap():
    fig, ax = charts.line_chart([1, 2, 10, 11], {"s": [1, 2, 3, 4]}, "y", max_gap=3)
    lines = [line for line in ax.get_lines() if len(line.get_xdata())]
    assert sorted(len(line.get_xdata()) for line in lines) == [2, 2]


def test_milestones_chart_draws_sourced_points_and_no_invented_ramp():
    deployment = pd.DataFrame(
        {
            "date": pd.to_datetime(
                ["2019-04-01", "2020-01-01", "2024-11-30", "2025-12-31", "2026-03-01"]
            ),
            "complexes": [10, 404, 1641, 1641, 1991],
            "status": ["reported"] * 4 + ["planned"],
        }
    )
    fig = charts.milestones_chart(deployment, separate=["2020-01-01"])
    ax = fig.axes[0]
    segments = [
        line
        for line in ax.get_lines()
        if line.get_linestyle() not in ("None", "") and len(line.get_xdata()) == 2
    ]
    starts = {pd.Timestamp(line.get_xdata()[0]).date().isoformat() for line in segments}
    assert "2019-04-01" not in starts  # no line from the pilot into the launch
    assert not any(line.get_drawstyle().startswith("steps") for line in ax.get_lines())
    labels = [t.get_text() for t in ax.texts]
    assert labels.count("1\u00a0641") == 1  # one label for two dates with the same count
    assert any(line.get_markerfacecolor() == "white" for line in ax.get_lines())  # the plan


def test_milestones_chart_draws_an_unchecked_sources_point_grey():
    """A milestone whose source's page was not found is drawn grey, named so in the legend
    (review s33p: drawn as a checked point beside Table 12's «не проверено»)."""
    deployment = pd.DataFrame(
        {
            "date": pd.to_datetime(["2022-11-30", "2024-11-30", "2025-12-31"]),
            "complexes": [766, 1641, 1641],
            "status": ["reported"] * 3,
        }
    )
    fig = charts.milestones_chart(deployment, unverified=[pd.Timestamp("2024-11-30")])
    ax = fig.axes[0]
    points = {line.get_label(): line for line in ax.get_lines() if line.get_marker() == "o"}
    grey = points["по источнику, не проверено"]
    assert [pd.Timestamp(x).date().isoformat() for x in grey.get_xdata()] == ["2024-11-30"]
    assert grey.get_color() == charts.CONTEXT
    checked = points["по источникам"]
    assert len(checked.get_xdata()) == 2
    # without unchecked points the legend has no such entry
    plain = charts.milestones_chart(deployment)
    assert "по источнику, не проверено" not in [
        line.get_label() for line in plain.axes[0].get_lines()
    ]


def test_tornado_chart_is_readable_at_print_size():
    fig = charts.tornado_chart(
        tornado_frame(), LABELS, 2.45e9, lambda v: fmt.number(v / 1e9, 2), "млрд тенге"
    )
    ax = fig.axes[0]
    fig.canvas.draw()
    # the assumption with no visible swing is named in a note, not drawn as an empty row;
    # the note goes into the figure's caption (Chapter.figure), not under the axes, where it
    # hung between the chart and its caption
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Инфляция 2026", "Срок"]
    assert fig.get_supxlabel() == ""
    # inside the note's sentence, after its colon, the label starts in lower case
    assert "не показано): инфляция 2024" in fig.caption_note
    sizes = [t.get_fontsize() for t in ax.texts] + [
        t.get_fontsize() for t in ax.get_yticklabels() + ax.get_xticklabels()
    ]
    assert min(sizes) >= 8
    assert any(t.get_text().startswith("базовая оценка: 2,45") for t in ax.texts)
    legend = fig.legends[0]
    assert [t.get_text() for t in legend.get_texts()] == [
        "нижняя граница допущения",
        "верхняя граница допущения",
        "базовая оценка",
    ]
    widths = [abs(p.get_width()) for p in ax.patches]
    assert all(w > 0 for w in widths[::2] + widths[1::2] if w) and max(widths) > 0


def test_the_base_label_sits_beside_the_base_line_not_across_it():
    """Review of 3 Dec 2026 (s5), L6: the base line ran through «базовая оценка: 2,45». The
    label's box starts right of the line and ends inside the plot."""
    fig = charts.tornado_chart(
        tornado_frame(), LABELS, 2.45e9, lambda v: fmt.number(v / 1e9, 2), "млрд тенге"
    )
    ax = fig.axes[0]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    (label,) = [t for t in ax.texts if t.get_text().startswith("базовая оценка")]
    box = label.get_window_extent(renderer)
    line_x = ax.transData.transform((2.45e9, 0))[0]
    assert box.x0 > line_x  # the whole label is right of the line
    assert box.x1 < ax.get_window_extent(renderer).x1  # and not cut off by the plot's edge


def test_svg_coordinates_do_not_depend_on_the_last_bit_of_a_float():
    """Python 3.11 and 3.12 builds of the report once differed in one SVG digit: a text box
    edge at 367.6484375 (a multiple of 1/128) came out as 367.648437 on one and 367.648438 on
    the other. Coordinates are written with 3 decimals, rounded from matplotlib's digits."""
    from sergek_report.chapter.charts import _LONG_DECIMAL, _three_decimals

    def fix(text: str) -> str:
        return _LONG_DECIMAL.sub(_three_decimals, text)

    assert fix("L 367.648437 47.749388 ") == fix("L 367.648438 47.749388 ") == "L 367.648 47.749 "
    assert fix("M 0 273.6 L 12.500000 -0.000200") == "M 0 273.6 L 12.5 0"
    # colours, ids, font sizes and text with a decimal comma stay as they are
    kept = 'fill: #8fb8d6; font-size: 8.5px" id="f0123abcd-x">13 036 608,7991'
    assert fix(kept) == kept


def test_chart_notes_are_dark_and_a_tornado_prints_at_full_size():
    """Issue 18, review of 3 Dec 2026, defect 27: the tornado's legend and note were small grey
    text. The legend is 9 pt (the note is now in the caption), and a tornado of four bars is
    no taller than print.css's 78 mm cap on a chart's height, so it prints unscaled (at 0.5 in
    a bar it shrank to 81 %, its 9 pt to 7.3 pt)."""
    frame = pd.concat([tornado_frame(), tornado_frame().assign(assumption=["d", "e", "f"])])
    frame.loc[frame["assumption"].isin(["d", "e"]), "metric_low"] = [2.6e9, 2.7e9]
    fig = charts.tornado_chart(frame, LABELS, 2.45e9, lambda v: fmt.number(v / 1e9, 2), "млрд")
    assert len(fig.axes[0].get_yticklabels()) == 4
    assert fig.get_size_inches()[1] * 25.4 <= 78
    assert fig._supxlabel is None and fig.caption_note
    assert all(t.get_fontsize() >= 9 for t in fig.legends[0].get_texts())


def test_a_chart_label_never_ends_on_one_short_word():
    """«Нынешняя цена (ориентир для нового / ГЧП)» left «ГЧП)» alone on its line (defect 27):
    the label wraps where its last line keeps two words, at the same number of lines."""
    assert charts.wrap_label("Нынешняя цена (ориентир для нового ГЧП)", 34) == (
        "Нынешняя цена (ориентир для\nнового ГЧП)"
    )
    for label in (
        "Сервисный договор с учётом цены Караганды",
        "Новое оборудование для всех комплексов (без эксплуатации)",
        "Временная мера, затем сервисный договор по ценам Павлодара",
    ):
        lines = charts.wrap_label(label, 34).split("\n")
        assert len(lines[-1].split()) >= 2 and max(map(len, lines)) <= 34, lines
    assert charts.wrap_label("Временная мера", 34) == "Временная мера"  # one line: as it is


# -- diagrams: the path to 1 January 2027 ----------------------------------------------------
@pytest.fixture(scope="module")
def path_inputs():
    from sergek_report import paths
    from sergek_report.inputs import datasets
    from sergek_report.model.computed import compute_edition

    computed = compute_edition(paths.DEFAULT_PARAMS, paths.DATA_DIR)
    tables = datasets.load_tables(["decision_path", "timeline"], data_dir=paths.DATA_DIR)
    return computed.results, tables, computed.edition.edition_date


def path_figures(path_inputs):
    """The two diagrams of the path, each wide and narrow: (name, figure)."""
    from sergek_report.chapter import decision_tables

    results, tables, edition_date = path_inputs
    makers = {
        "tree": lambda: decision_tables.path_chart(tables["decision_path"], results),
        "steps": lambda: decision_tables.path_steps_chart(
            results, tables["timeline"], edition_date
        ),
    }
    for name, make in makers.items():
        fig = make()
        yield f"{name}, wide", fig
        yield f"{name}, narrow", fig.narrow_drawing()


def drawn_texts(fig):
    """The texts a figure draws, each with its box on the canvas (pixels)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.text import Text

    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw_without_rendering()
    return [
        (t, t.get_window_extent(renderer))
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip()
    ]


def test_the_path_diagrams_keep_every_word_inside_its_box_and_none_over_another(path_inputs):
    """Review of 4 Dec 2026: Table 4 (the path to 1 January) read as two pages of stacked
    prose; it is a tree and a strip of dates. Every word is at least 8 pt (printed at full
    size: the wide drawing is lower than print.css's 78 mm cap; on a phone its own narrow
    drawing, 4 in wide), inside the figure, inside the box it stands in, never over another
    word."""
    from matplotlib.patches import FancyBboxPatch

    for name, fig in path_figures(path_inputs):
        width, height = fig.get_size_inches()
        expected = charts.NARROW_WIDTH if "narrow" in name else 6.4
        assert width == pytest.approx(expected), name
        if "wide" in name:  # print.css's cap, or its taller one for a drawing marked tall
            cap = 100 if getattr(fig, "tall", False) else 78
            assert height * 25.4 <= cap, (name, height * 25.4)
        texts = drawn_texts(fig)
        assert texts, name
        assert min(t.get_fontsize() for t, _ in texts) >= charts.NARROW_MIN_FONT, name
        page = fig.bbox
        boxes = [p.get_window_extent() for p in fig.findobj(FancyBboxPatch)]
        for text, box in texts:
            assert page.x0 <= box.x0 and box.x1 <= page.x1, (name, text.get_text())
            assert page.y0 <= box.y0 and box.y1 <= page.y1, (name, text.get_text())
            for frame in boxes:
                if frame.contains(*box.get_points().mean(axis=0)):
                    assert frame.x0 < box.x0 and box.x1 < frame.x1, (name, text.get_text())
                    assert frame.y0 < box.y0 and box.y1 < frame.y1, (name, text.get_text())
        for index, (text, box) in enumerate(texts):
            for other, other_box in texts[index + 1 :]:
                assert not box.overlaps(other_box), (name, text.get_text(), other.get_text())


def test_the_path_tree_draws_the_branches_of_the_data_and_their_costs(path_inputs):
    """The tree's words are data/decision_path.csv's and the catalog's; each outcome's 2027
    cost is the options chart's median of its path at the variant the budget line is drawn
    at, the option named once (the appendix's path table no longer repeats them); a word is
    never cut at a line's end."""
    from sergek_report import labels as L
    from sergek_report.chapter import decision_tables

    results, tables, _ = path_inputs
    path = tables["decision_path"]
    branches = decision_tables.path_branches(path, results)
    ordered = path.sort_values("step", kind="stable")["budget_line"]
    shown = set()
    for branch, line in zip(branches, ordered, strict=True):
        if line in decision_tables.BRANCH_UNPRICED:  # no cost line: the note says so
            assert branch.costs == ()
            continue
        drawn = branch.costs[0]
        if line in shown:  # priced as a branch above: its cost, under no path's name
            assert drawn.startswith("Расход тот же, что выше: ")
            continue
        assert len(branch.costs) == 1
        shown.add(line)
        output = decision_tables.branch_camera_output(line)
        median = results.appraisal.get(f"{output}.cash_2027", decision_tables.CENTRAL)
        assert drawn.split(": ", 1)[1].startswith(f"{decision_tables.bn(median)}\u00a0млрд")
        assert drawn.split(": ", 1)[0] == f"«{decision_tables.branch_path(line)}»"
    # (reviews s29g, s29j, s30c: four figures a box, twelve in the tree, read as a wall of
    # numbers: the line's variant per camera alone, the line beside its own path; hand check:
    # 28,45 × 1,0977 = 31,2 → 32, the first day's median 27,20 × 1,0977 = 29,9; the stop-gap's
    # path 28,4 and the gap's 25,64 × 1,0977 = 28,1 within it)
    assert branches[0].costs == (
        "«Договор с первого дня»: 29,9\u00a0млрд (вариант\u00a03; строка 32)",
    )
    assert branches[1].costs == ("«Продление, затем договор»: 28,4\u00a0млрд (вариант\u00a03)",)
    # (review s42h: the council's lifting its ban has a branch of its own: the extension runs
    # until the contract, which starts when the procurement ends, as after the stop-gap)
    # (s45i, s45j: under the stop-gap's path's name it read as the same legal route)
    # (s47e–s47h: the lifted ban's other use, the whole year at today's price, was on the
    # title page at 3,9 and not in the tree: its 2027 median, and the year the contract starts)
    assert branches[2].costs == (
        "Расход тот же, что выше: 28,4\u00a0млрд (вариант\u00a03)",
        "Или отложить закупку на год: 3,9\u00a0млрд (новый договор — с 2028\u00a0г.)",
    )
    assert branches[3].costs == ("«Перерыв, затем договор»: 28,1\u00a0млрд (вариант\u00a03)",)
    # the note under the tree says which variant its figures are at, in plain words; the
    # chapter's note adds where the others are
    note = decision_tables.path_chart_note(results)
    assert note.startswith(
        "расходы — по варианту 3 табл.\u00a01 (за камеру), по которому рассчитана строка бюджета;"
    )
    assert "A или B" not in note and "не оценена" in note
    for line in path["budget_line"]:
        if line in decision_tables.BRANCH_OUTPUT:
            region, city, _ = decision_tables.BRANCH_OUTPUT[line]
            medians = [
                results.appraisal.get(f"{o}.cash_2027", decision_tables.CENTRAL)
                for o in (region, city)
            ]
            assert medians[0] < medians[1], line
    assert [b.outcome for b in branches] == list(path.sort_values("step")["on_january_1"])
    assert [b.question for b in branches] == [
        "Закупка услуг объявлена и завершится к 1\u00a0января?",
        L.PATH_QUESTIONS["bridge"],
        "Маслихат снял запрет на продление, оператор согласен?",
        None,  # the other answer of the council's question
        L.PATH_QUESTIONS["transfer"],
        None,  # the other answer of the transfer's question (review of 4 Dec 2026)
    ]
    assert [(b.answer, b.from_above) for b in branches] == [
        ("да", None),
        ("да", "нет"),
        ("да", "нет"),
        ("нет", None),
        ("да", None),
        ("нет", None),
    ]
    # the transfer's outcomes are not priced: no cost line, the note says so
    assert branches[4].costs == branches[5].costs == ()
    assert note.endswith("; передача комплексов городу не оценена (нет открытых данных)")
    for name, fig in path_figures(path_inputs):
        if name.startswith("tree"):
            drawn = " ".join(t.get_text() for t, _ in drawn_texts(fig))
            words = set(drawn.split())
            for branch in branches:
                expected = [branch.outcome, *branch.costs, branch.question or ""]
                for word in " ".join(expected).split():
                    assert word in words, (name, word)


def test_the_contract_from_the_first_day_is_greyed_as_unlikely(path_inputs):
    """Review s11d, item 5: the first branch («Закупка услуг объявлена…? да → Договор с первого
    дня») looked as likely as the others, though the chapter says a contract with new
    equipment cannot work from the first day. Its box is greyed (as the past deadlines of the
    strip of dates), its words grey, never the accent, under a caveat in bold, in the wide and
    the narrow drawing; the other outcomes keep their tones."""
    import matplotlib.pyplot as plt
    from matplotlib import colors as matplotlib_colors
    from matplotlib.patches import FancyBboxPatch

    from sergek_report.chapter import decision_tables, diagrams

    results, tables, _ = path_inputs
    branches = decision_tables.path_branches(tables["decision_path"], results)
    assert [b.tone for b in branches] == ["unlikely", "go", "go", "stop", "open", "stop"]
    # (review s15a: the outcome is unlikely because its deadline is near, said with the date;
    # the shortest procurement, 10 days, ends on 1 January if announced on 22 December)
    assert branches[0].caveat == (
        # (review s21l: «закупку надо объявить» under «да» read as a condition: the outcome)
        "Маловероятный исход: договор с 1\u00a0января (закупка объявлена не позднее "
        "22\u00a0декабря)"
    )
    assert all(b.caveat is None for b in branches[1:])
    fill, edge = diagrams.TONES["unlikely"]
    for name, fig in path_figures(path_inputs):
        if not name.startswith("tree"):
            plt.close(fig)
            continue
        texts = drawn_texts(fig)
        grey = [t for t, _ in texts if matplotlib_colors.to_hex(t.get_color()) == diagrams.MUTED]
        drawn = " ".join(t.get_text() for t in grey)
        for line in (branches[0].caveat, branches[0].outcome, *branches[0].costs):
            assert all(word in drawn.split() for word in line.split()), (name, line)
        assert any(t.get_fontweight() == "bold" for t in grey), name
        accent = " ".join(
            t.get_text()
            for t, _ in texts
            if matplotlib_colors.to_hex(t.get_color()) == charts.ACCENT
        )
        assert "«Договор с первого дня»" not in accent, name
        assert "«Продление, затем договор»:" in accent, name
        # (review s43b: the gap's cost in blue inside its red box: the box's red)
        assert "«Перерыв, затем договор»:" not in accent, name
        warning = " ".join(
            t.get_text()
            for t, _ in texts
            if matplotlib_colors.to_hex(t.get_color()) == charts.WARNING
        )
        assert "«Перерыв, затем договор»:" in warning, name
        fills = [matplotlib_colors.to_hex(p.get_facecolor()) for p in fig.findobj(FancyBboxPatch)]
        assert fills.count(fill) == 1, name
        plt.close(fig)


def test_the_transfer_question_stands_in_a_frame_of_its_own(path_inputs):
    """Review s10c: the transfer's question stood under the tree without an arrow into it and
    read as the «нет» branch's next step, though it is asked whatever the procurement's
    answers. Its two rows stand in a dashed frame titled «Независимо от закупки» (the
    catalog's words), its title on the frame's top edge; the procurement's rows outside it.
    The wide drawing stays under print.css's cap (its words at full size)."""
    from matplotlib.patches import FancyBboxPatch, Rectangle

    from sergek_report import labels as L
    from sergek_report.chapter import decision_tables, diagrams

    results, tables, _ = path_inputs
    branches = decision_tables.path_branches(tables["decision_path"], results)
    title = L.PATH_TREE_GROUPS["independent"]
    assert [b.group for b in branches] == [None, None, None, None, title, title]
    for name, fig in path_figures(path_inputs):
        if not name.startswith("tree"):
            continue
        frames = [p for p in fig.findobj(Rectangle) if p.get_gid() == diagrams.GROUP_FRAME]
        assert len(frames) == 1, name
        frame = frames[0].get_window_extent()
        texts = dict((t.get_text(), box) for t, box in drawn_texts(fig))
        heading = texts[title]
        assert frame.x0 < heading.x0 and heading.x1 < frame.x1, name
        assert heading.y0 < frame.y1 < heading.y1, name  # on the top edge (y upwards)
        boxes = sorted(
            (p.get_window_extent() for p in fig.findobj(FancyBboxPatch)), key=lambda b: -b.y1
        )
        inside = [b for b in boxes if frame.x0 < b.x0 and b.x1 < frame.x1 and frame.y0 < b.y0]
        inside = [b for b in inside if b.y1 < frame.y1]
        # the transfer's question and its two outcomes; the other seven boxes outside (three
        # questions, four outcomes)
        assert len(inside) == 3 and len(boxes) == 10, name
        assert all(b in inside for b in boxes[-3:]), name


def test_the_path_steps_are_the_models_dates_in_their_order(path_inputs):
    """The strip's dates come from the data and the model, as the chapter's prose prints
    them: the draft budget (data/timeline.csv), the last day to announce the procurement at
    60 and at 10 days, the edition, the last day to announce a 60-day procurement that ends
    within the stop-gap (1 March − 60 days: 31 December, before the contract's last day on
    the same date; review s13b), the contract's last day, the first day without it, the end
    of the two-month stop-gap."""
    import datetime as dt

    from sergek_report.chapter import decision_tables

    results, tables, edition_date = path_inputs
    steps = decision_tables.path_steps(results, tables["timeline"], edition_date)
    assert [(day.isoformat(), key) for day, key, _ in steps] == [
        ("2026-10-15", "budget_draft"),
        ("2026-11-02", "announce"),
        ("2026-12-04", "edition"),
        ("2026-12-22", "announce"),
        ("2026-12-31", "announce_stopgap"),
        ("2026-12-31", "contract_end"),
        ("2027-01-01", "decision_day"),
        ("2027-02-28", "stopgap_end"),
    ]
    assert steps[3][0] == decision_tables.announce_by(results)
    assert steps[3][2] == "объявить закупку, если она длится 10\u00a0дней"
    # (reviews s28j, s29a, s29b: «объявить закупку под временную меру» beside the contract's
    # last day ran to seven lines and read as colloquial: the announcement's last day)
    assert steps[4][2] == "объявить закупку при продлении до её итогов (60\u00a0дней)"
    assert steps[5][2] == "конец договора ГЧП"
    assert steps[-1][2] == "конец продления, если оно длится два\u00a0месяца"
    assert steps[-1][0] == results.stopgap_end == dt.date(2027, 2, 28)
    strip = decision_tables.path_steps_chart(results, tables["timeline"], edition_date)
    drawn = [t.get_text() for t, _ in drawn_texts(strip)]
    assert "15\u00a0октября" in drawn and "2026\u202fг." in drawn


def test_a_diagram_is_the_same_svg_every_time(path_inputs):
    """Same inputs, same bytes: the wide and the narrow drawings of the path's diagrams."""
    first = [charts.to_svg(fig) for _, fig in path_figures(path_inputs)]
    again = [charts.to_svg(fig) for _, fig in path_figures(path_inputs)]
    assert first == again
    assert len(set(first)) == 4


def test_a_diagrams_lines_break_between_words_only():
    from sergek_report.chapter import diagrams

    text = "Фиксация продолжается до двух месяцев по нынешней цене, пока идёт закупка"
    lines = diagrams.wrap(text, 150)
    assert " ".join(lines) == text and len(lines) > 1
    assert all(diagrams.text_width(line) <= 150 for line in lines)
    assert len(lines[-1].split()) >= 2  # no word alone on the last line
    bound = (
        "«Договор с первого дня (цена между павлодарской и карагандинской)» — 37,6\u00a0(24,2–53,8)"
    )
    assert any("37,6\u00a0(24,2–53,8)" in line for line in diagrams.wrap(bound, 120))
    # a bound group wider than any line breaks at its no-break space, not over its box
    assert diagrams.wrap("22\u00a0желтоқсан", 40, bold=True) == ["22", "желтоқсан"]


def test_a_bar_of_estimates_is_a_hatched_range_marked_as_an_estimate():
    """Figure 14: the payments to the partner over the fines' period are not published; the
    reconciliation's two estimates of them are drawn as an open hatched bar to the higher,
    a line at the lower, labelled «≈ 11,3–12,6» and «оценка», never as a reported bar (nor
    as «нет данных» when the report has an estimate)."""
    fig, ax = charts.bars_chart(
        ["штрафы", "выплаты"], [94.0, (11.3, 12.6)], lambda v: fmt.plain(v, 1), "млрд тенге"
    )
    reported, estimate = ax.patches
    assert not reported.get_hatch() and estimate.get_hatch() == "///"
    assert estimate.get_height() == 12.6 and estimate.get_facecolor()[:3] == (1.0, 1.0, 1.0)
    assert [list(line.get_ydata()) for line in ax.get_lines()] == [[11.3, 11.3]]
    texts = [t.get_text() for t in ax.texts]
    assert texts == ["94", "≈ 11,3–12,6\nоценка"] and "нет данных" not in texts


def test_the_passed_steps_stand_on_a_band_of_their_own(path_inputs):
    """Review s13g: the deadlines passed on the edition's date (15 October, 2 November) read
    as those ahead. They stand on a grey band, which ends before the edition's mark, in the
    wide drawing (across) and the narrow one (down the screen)."""
    from matplotlib.colors import to_hex

    from sergek_report.chapter import decision_tables, diagrams

    results, tables, edition_date = path_inputs
    wide = decision_tables.path_steps_chart(results, tables["timeline"], edition_date)
    for fig, axis in ((wide, 0), (wide.narrow_drawing(), 1)):
        ax = fig.axes[0]
        bands = [p for p in ax.patches if to_hex(p.get_facecolor()) == diagrams.PAST_BAND]
        assert len(bands) == 1
        corners = bands[0].get_path().transformed(bands[0].get_patch_transform()).vertices
        low, high = sorted((corners[:, axis].min(), corners[:, axis].max()))
        marks = {}
        for line in ax.lines:
            if line.get_marker() in ("o", "D"):
                kind = "now" if line.get_marker() == "D" else to_hex(line.get_mfc())
                marks.setdefault(kind, []).append(line.get_xydata()[0][axis])
        passed = marks["#ffffff"]
        assert len(passed) == 2 and all(low < at < high for at in passed)
        assert not low < marks["now"][0] < high


def test_the_title_page_charts_line_is_named_above_the_rows(path_inputs):
    """The dashed line's name stands in a band of its own above the bars, ending at the line
    (review s32j: right of it on the first row it ran into the figures' column; s33d: on the
    last row it read as that row's)."""
    from matplotlib.patches import Rectangle

    from sergek_report.chapter import decision_tables

    results, _tables, _ = path_inputs
    fig = decision_tables.title_page_chart(results)
    (ax,) = fig.axes
    # (s45i: in the title page cards' words)
    (name,) = [t for t in ax.texts if t.get_text().startswith("сумма в бюджете")]
    bars = [p for p in ax.patches if isinstance(p, Rectangle) and p.get_height() > 0]
    top_of_bars = max(bar.get_y() + bar.get_height() for bar in bars)
    x, y = name.xy
    assert y > top_of_bars and ax.get_ylim()[1] > y
    assert x == results.budget_line.amount / 1e9 and name.get_ha() == "right"
