"""Chart helpers: Russian date axes, gaps in lines, readable sensitivity charts."""

from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd

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


def test_tornado_chart_is_readable_at_print_size():
    fig = charts.tornado_chart(
        tornado_frame(), LABELS, 2.45e9, lambda v: fmt.number(v / 1e9, 2), "млрд тенге"
    )
    ax = fig.axes[0]
    fig.canvas.draw()
    # the assumption with no visible swing is named in a note, not drawn as an empty row
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Инфляция 2026", "Срок"]
    # inside the note's sentence, after its colon, the label starts in lower case
    assert "не показано): инфляция 2024" in fig.get_supxlabel()
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
    text. The note and legend are 9 pt in dark grey, and a tornado of four bars is no taller
    than print.css's 78 mm cap on a chart's height, so it prints unscaled (at 0.5 in a bar it
    shrank to 81 %, its 9 pt to 7.3 pt)."""
    from matplotlib.colors import to_rgb

    frame = pd.concat([tornado_frame(), tornado_frame().assign(assumption=["d", "e", "f"])])
    frame.loc[frame["assumption"].isin(["d", "e"]), "metric_low"] = [2.6e9, 2.7e9]
    fig = charts.tornado_chart(frame, LABELS, 2.45e9, lambda v: fmt.number(v / 1e9, 2), "млрд")
    assert len(fig.axes[0].get_yticklabels()) == 4
    assert fig.get_size_inches()[1] * 25.4 <= 78
    note = fig._supxlabel
    assert note.get_fontsize() >= 9 and max(to_rgb(note.get_color())) <= 0.3
    assert all(t.get_fontsize() >= 9 for t in fig.legends[0].get_texts())


def test_a_chart_label_never_ends_on_one_short_word():
    """«Нынешняя цена (ориентир для нового / ГЧП)» left «ГЧП)» alone on its line (defect 27):
    the label wraps where its last line keeps two words, at the same number of lines."""
    assert charts.wrap_label("Нынешняя цена (ориентир для нового ГЧП)", 34) == (
        "Нынешняя цена (ориентир для\nнового ГЧП)"
    )
    for label in (
        "Сервисный договор по середине цен Павлодара и Караганды",
        "Новое оборудование для всех комплексов (без эксплуатации)",
        "Временная мера, затем сервисный договор по ценам Павлодара",
    ):
        lines = charts.wrap_label(label, 34).split("\n")
        assert len(lines[-1].split()) >= 2 and max(map(len, lines)) <= 34, lines
    assert charts.wrap_label("Временная мера", 34) == "Временная мера"  # one line: as it is
