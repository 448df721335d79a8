"""Diagrams in the charts' style: boxes of words joined by arrows (a tree of questions and
their outcomes) and a strip of dated steps.

A diagram is laid out in points from the words it holds: each text is wrapped at its box's
width as the font measures it (a word is never cut: it breaks at ordinary spaces only, so a
no-break space keeps «1 января» or «20,9 (17,0–26,8)» together), each box is as tall as its
lines, the figure as tall as its boxes. Every word is SIZE points, as the page prints it (a
diagram is drawn low enough for print.css's cap on a chart's height) and, on a phone, at
least charts.NARROW_MIN_FONT. The wide drawing is the page's; `fig.narrow_drawing` lays the
same boxes out again for a phone's width, one under the other (charts.to_narrow_svg draws it
instead of squeezing the wide one). No words here: they come from the caller.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib.pyplot as plt
from matplotlib.font_manager import FontProperties
from matplotlib.patches import FancyBboxPatch, Rectangle
from matplotlib.textpath import TextToPath

from sergek_report.chapter import charts

NBSP = "\u00a0"
POINTS = 72.0
WIDE = 6.4 * POINTS  # the width of every chart of the report
NARROW = charts.NARROW_WIDTH * POINTS
SIZE = 8.0  # every word of a diagram, in points (charts.NARROW_MIN_FONT)
# print.css's cap on a chart's height: a wide drawing taller than this is marked `tall`
# (its taller cap, chart-tall), so that it still prints at full size
PRINT_CAP = 78 / 25.4 * POINTS
LEADING = 1.2 * SIZE  # from one line's top to the next
BASELINE = 0.9 * SIZE  # from a line's top to its baseline
PAD = 3.0  # between a box's edge and its words
DARK = "#222222"
LINE = "#555555"  # arrows and connectors
# An outcome's box: its fill and edge by its tone (the activity goes on, stops, or is open;
# or the outcome is unlikely: greyed, as the past deadlines of the strip of dates).
TONES = {
    "go": ("#e3eef6", charts.ACCENT_LIGHT),
    "stop": ("#f7e3e0", "#d59a91"),
    # (reviews s42d, s42f: grey is the caption's «маловероятный исход»: an open outcome white)
    "open": ("#ffffff", "#8a8a8a"),
    "unlikely": ("#f5f5f5", "#c4c4c4"),
}
# The words of an unlikely outcome (its caveat, outcome and costs): grey, never the accent.
MUTED = "#6b6b6b"
# An outcome's cost line in the colour of its box, where it is not the accent's
COST_COLOURS = {"stop": charts.WARNING}

_MEASURE = TextToPath()


def text_width(text: str, bold: bool = False) -> float:
    """The width of `text` in points, as DejaVu Sans draws it at SIZE."""
    prop = FontProperties(family="DejaVu Sans", size=SIZE, weight="bold" if bold else "normal")
    return _MEASURE.get_text_width_height_descent(text, prop, ismath=False)[0]


def _greedy(words: list[str], limit: float, bold: bool) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and text_width(f"{lines[-1]} {word}", bold) <= limit:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


# A line is measured as the font's advances add up; a screen's renderer, which fits glyphs
# to its pixels, draws it up to 2 % wider (Agg at 100 dpi): lines are wrapped short of their
# box by this share, so that no renderer draws them over its edge.
RENDERING_MARGIN = 0.03


def wrap(text: str, limit: float, bold: bool = False) -> list[str]:
    """`text` in lines no wider than `limit` points less the rendering margin (a word wider
    than that alone on its line), broken at ordinary spaces only (at a no-break space only
    when the words it binds are wider than a line), never before a spaced dash; a last line
    of one word takes a second from the line above when the text keeps its number of
    lines."""
    limit *= 1 - RENDERING_MARGIN
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = []
        for word in paragraph.split(" "):
            # a group bound by no-break spaces that no line holds breaks at them rather than
            # run over its box («22 желтоқсан» in a narrow column)
            too_wide = text_width(word, bold) > limit
            if word == "\u2014" and words:
                # a dash never begins a line: it stays with the word before it (review s45)
                words[-1] += NBSP + word
                continue
            words += word.split(NBSP) if too_wide else [word]
        found = _greedy(words, limit, bold)
        if len(found) > 1 and " " not in found[-1]:
            narrower = limit
            while narrower > limit / 2:
                narrower -= SIZE
                candidate = _greedy(words, narrower, bold)
                if len(candidate) != len(found):
                    break
                if " " in candidate[-1]:
                    found = candidate
                    break
        lines += found
    return lines


@dataclass(frozen=True)
class Block:
    """Words laid out in lines: each paragraph's lines with its weight and colour."""

    lines: tuple[tuple[str, bool, str], ...]

    @classmethod
    def of(cls, paragraphs: Sequence[tuple[str, bool, str]], limit: float) -> Block:
        """(text, bold, colour) paragraphs wrapped at `limit` points."""
        return cls(
            tuple(
                (line, bold, colour)
                for text, bold, colour in paragraphs
                for line in wrap(text, limit, bold)
            )
        )

    @property
    def height(self) -> float:
        return len(self.lines) * LEADING

    def draw(self, ax, x: float, top: float, align: str = "left") -> None:
        for index, (line, bold, colour) in enumerate(self.lines):
            ax.text(
                x,
                top + index * LEADING + BASELINE,
                line,
                fontsize=SIZE,
                fontweight="bold" if bold else "normal",
                color=colour,
                ha=align,
                va="baseline",
            )


def _canvas(width: float, height: float):
    """A figure `width` × `height` points whose one axes measures them, y downwards."""
    charts.apply_style()
    fig = plt.figure(figsize=(width / POINTS, height / POINTS))
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width)
    ax.set_ylim(height, 0)
    ax.axis("off")
    return fig, ax


def _box(ax, x: float, top: float, width: float, height: float, fill: str, edge: str) -> None:
    ax.add_patch(
        FancyBboxPatch(
            (x, top),
            width,
            height,
            boxstyle="round,pad=0,rounding_size=3",
            facecolor=fill,
            edgecolor=edge,
            linewidth=0.8,
        )
    )


def _arrow(ax, start: tuple[float, float], end: tuple[float, float]) -> None:
    ax.annotate(
        "",
        xy=end,
        xytext=start,
        arrowprops={
            "arrowstyle": "-|>,head_length=0.5,head_width=0.25",
            "color": LINE,
            "lw": 0.9,
            "shrinkA": 0,
            "shrinkB": 0,
        },
    )


def _line(ax, *points: tuple[float, float]) -> None:
    xs, ys = zip(*points, strict=True)
    ax.plot(xs, ys, color=LINE, lw=0.9, solid_capstyle="butt")


def _label(ax, x: float, top: float, text: str, align: str = "left") -> None:
    """An answer on its arrow: one line, italic."""
    ax.text(
        x,
        top + BASELINE,
        text,
        fontsize=SIZE,
        fontstyle="italic",
        color=DARK,
        ha=align,
        va="baseline",
    )


# -- a tree of questions -------------------------------------------------------------------


@dataclass(frozen=True)
class Branch:
    """One outcome of a tree and the question that leads to it.

    `question`: the question asked on this row, or None when the row is the other answer of
    the question above (the arrow turns down from it); `answer`: the words on the arrow into
    the outcome; `from_above`: the answer of the question above that leads to this row's
    question (None: a question of its own, no arrow into it); `outcome` and `costs`: the
    words of the outcome's box, `costs` a line each, in the accent colour; `tone`: a key of
    TONES; `group`: the title of a framed group of rows (consecutive branches with the same
    title: a question asked whatever the answers above, «Независимо от закупки»), None
    outside any; `caveat`: a line in bold over the outcome's words (why the outcome is
    unlikely), None without."""

    question: str | None
    answer: str
    outcome: str
    costs: tuple[str, ...]
    tone: str
    from_above: str | None = None
    group: str | None = None
    caveat: str | None = None


QUESTION_WIDTH = 106.0  # the wide drawing's column of questions
ARROW = 28.0  # between a question and its outcome: room for «да» or «нет»
ROW_GAP = 3.0
SEPARATE_GAP = 4.0  # above a question reached by no arrow
SPINE = 12.0  # the narrow drawing's line down from a question, from the left edge
INDENT = 30.0  # the narrow drawing's outcomes, from the left edge
# A group's frame: dashed, its title inside at the top left, its rows inset from its edges.
FRAME = "#8a8a8a"
FRAME_INSET = 4.0  # from the frame to the boxes inside it, on each side
FRAME_GAP = 5.0  # above a frame (it follows a row reached by no arrow from it)
GROUP_FRAME = "group-frame"  # the frame's id among the figure's patches (tests find it)


def _outcome(branch: Branch, width: float) -> Block:
    """An outcome's words: its caveat in bold, what happens, its costs in its tone's colour
    (the accent; a stop's in the warning red: review s43b read a blue cost in a red box
    against the caption's key); an unlikely outcome's all in grey."""
    muted = branch.tone == "unlikely"
    cost_colour = MUTED if muted else COST_COLOURS.get(branch.tone, charts.ACCENT)
    paragraphs = [(branch.caveat, True, MUTED)] if branch.caveat else []
    paragraphs += [(branch.outcome, False, MUTED if muted else DARK)]
    paragraphs += [(cost, False, cost_colour) for cost in branch.costs]
    return Block.of(paragraphs, width - 2 * PAD)


def _draw_outcome(ax, branch: Branch, block: Block, x: float, top: float, width: float) -> None:
    _box(ax, x, top, width, block.height + 2 * PAD, *TONES[branch.tone])
    block.draw(ax, x + PAD, top + PAD)


def _question(text: str, width: float) -> Block:
    return Block.of([(text, True, DARK)], width - 2 * PAD)


def _draw_question(ax, block: Block, x: float, top: float, width: float) -> None:
    _box(ax, x, top, width, block.height + 2 * PAD, "white", charts.ACCENT)
    block.draw(ax, x + PAD, top + PAD)


def _group_title(title: str, width: float) -> Block:
    return Block.of([(title, True, LINE)], width - 2 * FRAME_INSET)


def _draw_frame(ax, title: Block, left: float, top: float, right: float, bottom: float) -> None:
    """A group's frame (dashed, no fill: the boxes inside keep their tones) and its title on
    its top edge, the edge broken behind it (as a fieldset's legend: no line of its own)."""
    ax.add_patch(
        Rectangle(
            (left, top),
            right - left,
            bottom - top,
            facecolor="none",
            edgecolor=FRAME,
            linewidth=0.8,
            linestyle=(0, (3, 2)),
            gid=GROUP_FRAME,
        )
    )
    title_top = top - LEADING / 2
    width = max(text_width(line, bold) for line, bold, _ in title.lines)
    ax.add_patch(
        Rectangle(
            (left + 2 * FRAME_INSET - 2, title_top),
            width + 4,
            title.height,
            facecolor="white",
            edgecolor="none",
        )
    )
    title.draw(ax, left + 2 * FRAME_INSET, title_top)


def _groups(branches: Sequence[Branch]) -> list[tuple[int, int, str]]:
    """The framed groups as (first index, last index, title): runs of the same title."""
    runs: list[tuple[int, int, str]] = []
    for index, branch in enumerate(branches):
        if branch.group is None:
            continue
        if runs and runs[-1][2] == branch.group and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index, branch.group)
        else:
            runs.append((index, index, branch.group))
    return runs


def tree_chart(branches: Sequence[Branch]):
    """The branches as a tree, questions on the left and their outcomes on the right (one
    row each, the arrow «да» across, «нет» down to the next question), a group of rows in a
    dashed frame under its title; its narrow drawing puts each outcome under its question,
    the answers down a line on the left."""
    fig = _wide_tree(branches)
    fig.narrow_drawing = lambda: _narrow_tree(branches)
    return fig


class _Frames:
    """The framed groups of a tree as its rows are laid out from the top (one mechanism for
    the wide and the narrow drawing): a frame opens at its group's first branch, under its
    title, and closes after its last; `inset` is how far the boxes inside it stand in."""

    def __init__(self, branches: Sequence[Branch], width: float):
        groups = _groups(branches)
        self.starts = {first: title for first, _last, title in groups}
        self.ends = {last for _first, last, _title in groups}
        self.width = width
        self.closed = []  # (title block, top, bottom)
        self.open = None  # (title block, top) of the group being laid out
        self.inset = 0.0

    def enter(self, index: int, y: float) -> float:
        """The row's top: below the frame's title when a group starts at `index` (the
        frame's top edge through the middle of its title)."""
        if index not in self.starts:
            return y
        title = _group_title(self.starts[index], self.width)
        y += (FRAME_GAP if index else 0.0) + title.height / 2
        self.open = (title, y)
        self.inset = FRAME_INSET
        return y + title.height / 2 + 1

    def leave(self, index: int, y: float) -> float:
        """The bottom after the row: below the frame when its group ends at `index`."""
        if index not in self.ends or self.open is None:
            return y
        y += FRAME_INSET
        self.closed.append((*self.open, y))
        self.open, self.inset = None, 0.0
        return y

    def draw(self, ax) -> None:
        for title, top, bottom in self.closed:
            _draw_frame(ax, title, 0.5, top, self.width - 0.5, bottom)


def _wide_tree(branches: Sequence[Branch]):
    # the arrows between the columns as long as their longest answer needs
    answers = [b.answer for b in branches] + [b.from_above or "" for b in branches]
    arrow = max(ARROW, max(text_width(a) for a in answers) + 2 * PAD + 4)
    leaf_x = QUESTION_WIDTH + arrow
    frames = _Frames(branches, WIDE)
    rows = []  # (branch, question block, outcome block, top of the row, row height, inset)
    y = 1.0
    previous_bottom = None  # the bottom of the last question's box
    for index, branch in enumerate(branches):
        y = frames.enter(index, y)
        inset = frames.inset
        question_width = QUESTION_WIDTH - inset
        leaf_width = WIDE - leaf_x - 1 - inset
        question = _question(branch.question, question_width) if branch.question else None
        outcome = _outcome(branch, leaf_width)
        q_height = question.height + 2 * PAD if question else 0.0
        o_height = outcome.height + 2 * PAD
        height = max(q_height, o_height)
        if index and index not in frames.starts:
            y += SEPARATE_GAP if branch.question and not branch.from_above else ROW_GAP
        if branch.from_above and previous_bottom is not None:
            # room for the answer beside the arrow down from the question above
            y = max(y, previous_bottom + LEADING + 4 - (height - q_height) / 2)
        rows.append((branch, question, outcome, y, height, inset))
        if question:
            previous_bottom = y + (height + q_height) / 2
        y = frames.leave(index, y + height)
    fig, ax = _canvas(WIDE, y + 1)
    frames.draw(ax)
    above = None  # (x, bottom) of the last question's box
    for branch, question, outcome, top, height, inset in rows:
        middle = top + height / 2
        leaf_width = WIDE - leaf_x - 1 - inset
        if question:
            q_top = middle - (question.height + 2 * PAD) / 2
            if branch.from_above and above is not None:
                _arrow(ax, above, (above[0], q_top))
                _label(ax, above[0] + 4, (above[1] + q_top) / 2 - LEADING / 2, branch.from_above)
            _draw_question(ax, question, 0.5 + inset, q_top, QUESTION_WIDTH - inset)
            _arrow(ax, (QUESTION_WIDTH + 0.5, middle), (leaf_x, middle))
            _label(ax, QUESTION_WIDTH + arrow / 2, middle - LEADING - 1, branch.answer, "center")
            above = (QUESTION_WIDTH / 2, q_top + question.height + 2 * PAD)
        elif above is not None:  # the other answer of the question above: down, then across
            _line(ax, above, (above[0], middle))
            _arrow(ax, (above[0], middle), (leaf_x, middle))
            _label(ax, (above[0] + leaf_x) / 2, middle - LEADING - 1, branch.answer, "center")
        o_top = middle - (outcome.height + 2 * PAD) / 2
        _draw_outcome(ax, branch, outcome, leaf_x, o_top, leaf_width)
    # the greyed outcome's caveat took the tree a line over the common cap (review s11d)
    fig.tall = y + 1 > PRINT_CAP
    return fig


def _narrow_tree(branches: Sequence[Branch]):
    frames = _Frames(branches, NARROW)
    parts = []  # (kind, payload, top, inset)
    y = 1.0
    for index, branch in enumerate(branches):
        y = frames.enter(index, y)
        inset = frames.inset
        if branch.question:
            if branch.from_above:
                parts.append(("down", branch.from_above, y, inset))
                y += LEADING + 6
            elif index and index not in frames.starts:
                y += SEPARATE_GAP
            question = _question(branch.question, NARROW - 1 - 2 * inset)
            parts.append(("question", question, y, inset))
            y += question.height + 2 * PAD
        parts.append(("answer", branch.answer, y, inset))
        y += LEADING
        outcome = _outcome(branch, NARROW - INDENT - 1 - 2 * inset)
        parts.append(("outcome", (branch, outcome), y, inset))
        y = frames.leave(index, y + outcome.height + 2 * PAD) + ROW_GAP
    fig, ax = _canvas(NARROW, y - ROW_GAP + 1)
    frames.draw(ax)
    spine = None  # where the line down from the last question (or its last arrow) starts
    for kind, payload, top, inset in parts:
        if kind == "question":
            _draw_question(ax, payload, 0.5 + inset, top, NARROW - 1 - 2 * inset)
            spine = top + payload.height + 2 * PAD
        elif kind == "down":
            _arrow(ax, (SPINE + inset, spine), (SPINE + inset, top + LEADING + 6))
            _label(ax, SPINE + inset + 4, top + 2, payload)
        elif kind == "answer":
            _label(ax, SPINE + inset + 4, top, payload)
        else:
            branch, outcome = payload
            width = NARROW - INDENT - 1 - 2 * inset
            _draw_outcome(ax, branch, outcome, INDENT + inset, top, width)
            level = top + PAD + LEADING / 2
            _line(ax, (SPINE + inset, spine), (SPINE + inset, level))
            _arrow(ax, (SPINE + inset, level), (INDENT + inset, level))
            spine = level
    return fig


# -- a strip of dated steps ----------------------------------------------------------------


@dataclass(frozen=True)
class Step:
    """A dated step: its date and words as printed, and its kind: «past» (before the
    edition's date: grey on a grey band, an open mark), «now» (the edition's date) or
    «next»."""

    date: str
    words: str
    kind: str


MARKS = {
    "past": {"marker": "o", "mfc": "white", "mec": charts.CONTEXT, "ms": 7},
    "now": {"marker": "D", "mfc": charts.WARNING, "mec": charts.WARNING, "ms": 6},
    "next": {"marker": "o", "mfc": charts.ACCENT, "mec": charts.ACCENT, "ms": 7},
}
MARK_ROW = 12.0  # the height of the row of marks
# The steps before the edition's date: lighter words on a band (review s13g: the dark grey
# words of passed deadlines read as those still ahead); the words keep a contrast of 5:1
PAST_TEXT = "#666666"
PAST_BAND = "#eeeeee"


def _colour(step: Step) -> str:
    return PAST_TEXT if step.kind == "past" else DARK


def _passed(steps: Sequence[Step]) -> int:
    """How many steps, from the first, are before the edition's date (they come first)."""
    return next((i for i, step in enumerate(steps) if step.kind != "past"), len(steps))


def steps_chart(steps: Sequence[Step]):
    """The steps in their order along a line, equally spaced (the dates are printed: the
    line is an order, not a time scale), each date above its mark and its words below; the
    narrow drawing runs down the screen, the dates on the left."""
    fig = _wide_steps(steps)
    fig.narrow_drawing = lambda: _narrow_steps(steps)
    return fig


def _wide_steps(steps: Sequence[Step]):
    slot = WIDE / len(steps)
    dates = [Block.of([(s.date, True, _colour(s))], slot - 6) for s in steps]
    words = [Block.of([(s.words, False, _colour(s))], slot - 6) for s in steps]
    date_height = max(b.height for b in dates)
    line_y = 1 + date_height + 2 + MARK_ROW / 2
    words_top = line_y + MARK_ROW / 2 + 2
    fig, ax = _canvas(WIDE, words_top + max(b.height for b in words) + 1)
    centres = [slot * (i + 0.5) for i in range(len(steps))]
    if passed := _passed(steps):
        ax.axvspan(0, slot * passed, color=PAST_BAND, lw=0, zorder=0)
    ax.plot([centres[0], centres[-1]], [line_y, line_y], color=charts.CONTEXT, lw=1, zorder=1)
    for step, centre, date, word in zip(steps, centres, dates, words, strict=True):
        date.draw(ax, centre, 1 + date_height - date.height, "center")
        ax.plot([centre], [line_y], linestyle="none", zorder=2, **MARKS[step.kind])
        word.draw(ax, centre, words_top, "center")
    return fig


DATE_WIDTH = 96.0  # the narrow drawing's column of dates


def _narrow_steps(steps: Sequence[Step]):
    mark_x = DATE_WIDTH + 8
    words_x = mark_x + 10
    rows = []
    y = 1.0
    for step in steps:
        date = Block.of([(step.date, True, _colour(step))], DATE_WIDTH)
        word = Block.of([(step.words, False, _colour(step))], NARROW - words_x - 1)
        rows.append((step, date, word, y))
        y += max(date.height, word.height) + 5
    fig, ax = _canvas(NARROW, y - 5 + 1)
    levels = [top + LEADING / 2 for *_, top in rows]
    if passed := _passed(steps):
        # to halfway between the last passed step's words and the next step's
        last = rows[passed - 1]
        end = last[3] + max(last[1].height, last[2].height) + 2.5
        ax.axhspan(0, end, color=PAST_BAND, lw=0, zorder=0)
    ax.plot([mark_x, mark_x], [levels[0], levels[-1]], color=charts.CONTEXT, lw=1, zorder=1)
    for (step, date, word, top), level in zip(rows, levels, strict=True):
        date.draw(ax, DATE_WIDTH, top, "right")
        ax.plot([mark_x], [level], linestyle="none", zorder=2, **MARKS[step.kind])
        word.draw(ax, words_x, top)
    return fig
