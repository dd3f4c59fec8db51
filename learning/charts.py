"""The dashboard's charts as geometry for server-drawn SVG: no chart library, no script needed to read them.

Each builder turns figures into plain shapes (cells, bars, points) with the words a screen reader and a hover
tooltip need; templates/learning/dashboard.html draws them, and a table beside each repeats the same numbers.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from django.utils.safestring import mark_safe

from learning.progress import DayCount, ExamScore
from quizzes.models import PASSING_SCALED_SCORE


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


# Names by index rather than strftime, which costs more than the rest of a label (a year is 365 of them).
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_label(day: date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass
class Heatmap:
    width: int
    height: int
    cell: int
    months: list[tuple[int, str]]  # (x, "Jan") where a month's first week starts
    weekdays: list[tuple[int, str]]  # (y, "Mon")
    total: int
    active_days: int
    busiest: DayCount | None
    first: date
    last: date
    # A year is 365 cells and up to 365 table rows: built by heatmap() in the same pass as the geometry rather than
    # by the template engine, which spent most of the dashboard's rendering time on them. Every value is a number
    # or a label made from dates (no user text), so nothing needs escaping.
    cells_svg: str = ""
    table_rows: str = ""  # the days with reviews, latest first

    @property
    def months_svg(self) -> str:
        return mark_safe("".join(f'<text class="axis" x="{x}" y="9">{name}</text>' for x, name in self.months))

    @property
    def weekdays_svg(self) -> str:
        return mark_safe("".join(f'<text class="axis" x="0" y="{y}">{name}</text>' for y, name in self.weekdays))

    @property
    def summary(self) -> str:
        busiest = (
            f" The busiest day was {day_label(self.busiest.day)} with {plural(self.busiest.count, 'review')}."
            if self.busiest
            else ""
        )
        return (
            f"{plural(self.total, 'review')} on {plural(self.active_days, 'day')} between "
            f"{day_label(self.first)} and {day_label(self.last)}.{busiest}"
        )


HEAT_CELL, HEAT_GAP, HEAT_LEFT, HEAT_TOP = 11, 2, 26, 14


def heatmap(days: list[DayCount]) -> Heatmap:
    """A column per week (Monday on top), a cell per day, shaded in four steps up to the busiest day."""
    peak = max((d.count for d in days), default=0)
    offset = days[0].day.weekday() if days else 0
    step = HEAT_CELL + HEAT_GAP
    months, cells, rows = [], [], []
    last = len(days) - 1
    # The days are consecutive, so a cell's row is its weekday: each row's y and name are worked out once.
    tops = [
        f'" y="{HEAT_TOP + row * step}" width="{HEAT_CELL}" height="{HEAT_CELL}" rx="2" class="heat-'
        for row in range(7)
    ]
    for index, entry in enumerate(days):
        column, row = divmod(index + offset, 7)
        count, day = entry.count, entry.day
        level = math.ceil(4 * count / peak) if count else 0
        text = f"{WEEKDAYS[row]} {day.day} {MONTHS[day.month - 1]} {day.year}"  # day_label(day)
        cells.append(
            f'<rect x="{HEAT_LEFT + column * step}{tops[row]}{level}" role="img" data-count="{count}" '
            f'tabindex="{0 if index == last else -1}"><title>{text}: {count:,} review{"" if count == 1 else "s"}'
            "</title></rect>"
        )
        if count:
            rows.append(f'<tr><td>{text}</td><td class="num">{count:,}</td></tr>')
        if day.day == 1 or index == 0:
            x = HEAT_LEFT + (column + (1 if row else 0)) * step  # the first full week of the month
            if not months or x - months[-1][0] >= 3 * step:
                months.append((x, MONTHS[day.month - 1]))
    columns = (len(days) + offset + 6) // 7
    busiest = max(days, key=lambda d: (d.count, d.day)) if peak else None
    return Heatmap(
        width=HEAT_LEFT + columns * step,
        height=HEAT_TOP + 7 * step,
        cell=HEAT_CELL,
        months=months,
        weekdays=[
            (HEAT_TOP + row * step + HEAT_CELL - 2, name)
            for row, name in ((0, "Mon"), (2, "Wed"), (4, "Fri"), (6, "Sun"))
        ],
        total=sum(d.count for d in days),
        active_days=len(rows),
        busiest=busiest,
        first=days[0].day if days else date.today(),
        last=days[-1].day if days else date.today(),
        cells_svg=mark_safe("".join(cells)),
        table_rows=mark_safe("".join(reversed(rows))),
    )


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int
    day: date
    tick: str = ""  # an axis label under some bars


@dataclass
class BarChart:
    width: int
    height: int
    base: float  # the y of the axis
    bars: list[Bar]
    peak: int
    gridlines: list[tuple[float, int]] = field(default_factory=list)  # (y, value)
    total: int = 0
    summary: str = ""

    # Built in one pass like the heatmap's cells: every value is a number or a label made from dates.
    @property
    def gridlines_svg(self) -> str:
        return mark_safe(
            "".join(
                f'<line class="grid" x1="26" x2="{self.width}" y1="{y}" y2="{y}"/>'
                f'<text class="axis" x="22" y="{int(y) + 3}" text-anchor="end">{value}</text>'
                for y, value in self.gridlines
            )
        )

    @property
    def bars_svg(self) -> str:
        return mark_safe(
            "".join(
                f'<rect class="bar{" today" if i == 0 else ""}" x="{b.x}" y="{b.y}" width="{b.width}" '
                f'height="{b.height}"><title>{b.label}</title></rect>'
                + (f'<text class="axis" x="{b.x}" y="{self.height - 6}">{b.tick}</text>' if b.tick else "")
                for i, b in enumerate(self.bars)
            )
        )

    @property
    def table_rows(self) -> str:
        return mark_safe(
            "".join(
                f"<tr><td>{'Today (with overdue)' if i == 0 else day_label(b.day)[:-5]}</td>"
                f'<td class="num">{b.count}</td></tr>'
                for i, b in enumerate(self.bars)
            )
        )


def forecast_chart(days: list[DayCount]) -> BarChart:
    """A bar a day for the next days; the first bar (today) includes overdue cards."""
    width, height, left, top, bottom = 330, 150, 28, 8, 22
    base = height - bottom
    peak = max((d.count for d in days), default=0)
    scale_top = nice_ceiling(peak)
    slot = (width - left - 4) / max(len(days), 1)
    bars = []
    for index, entry in enumerate(days):
        h = (base - top) * entry.count / scale_top if scale_top else 0
        tick = "Today" if index == 0 else (f"{entry.day.day} {MONTHS[entry.day.month - 1]}" if index % 7 == 0 else "")
        label = "Today (with overdue cards)" if index == 0 else day_label(entry.day)
        bars.append(
            Bar(
                round(left + index * slot + 1, 1),
                round(base - h, 1),
                round(slot - 2, 1),
                round(h, 1),
                f"{label}: {plural(entry.count, 'card')} due",
                entry.count,
                entry.day,
                tick,
            )
        )
    gridlines = (
        [(round(base - (base - top) * value / scale_top, 1), value) for value in (scale_top // 2, scale_top)]
        if scale_top
        else []
    )
    total = sum(d.count for d in days)
    busiest = max(days, key=lambda d: d.count) if peak else None
    summary = f"{plural(total, 'card')} due over the next {len(days)} days, {days[0].count:,} of them today" + (
        f"; the most on {day_label(busiest.day)} ({busiest.count:,})." if busiest else "."
    )
    return BarChart(width, height, base, bars, peak, gridlines, total, summary)


def nice_ceiling(value: int) -> int:
    """A round number at or above `value` for the top of an axis (10, 20, 50, 100, ...)."""
    if value <= 0:
        return 0
    magnitude = 10 ** max(0, len(str(value)) - 1)
    for factor in (1, 2, 5, 10):
        if value <= factor * magnitude:
            return max(factor * magnitude, 2)
    return 10 * magnitude


@dataclass
class Point:
    x: float
    y: float
    label: str
    score: int
    passed: bool
    when: str


@dataclass
class ScoreChart:
    width: int
    height: int
    left: int
    right: int
    pass_y: float
    points: list[Point]
    gridlines: list[tuple[float, int]]
    summary: str

    @property
    def polyline(self) -> str:
        return " ".join(f"{p.x},{p.y}" for p in self.points)

    # Built in one pass like the heatmap's cells: numbers and labels made from dates and scores only.
    @property
    def gridlines_svg(self) -> str:
        return mark_safe(
            "".join(
                f'<line class="grid" x1="{self.left}" x2="{self.width}" y1="{y}" y2="{y}"/>'
                f'<text class="axis" x="{self.left - 4}" y="{int(y) + 3}" text-anchor="end">{value}</text>'
                for y, value in self.gridlines
            )
        )

    @property
    def points_svg(self) -> str:
        return mark_safe(
            "".join(
                f'<circle class="score-point{" passed" if p.passed else ""}" cx="{p.x}" cy="{p.y}" r="4">'
                f"<title>{p.label}</title></circle>"
                for p in self.points
            )
        )

    @property
    def table_rows(self) -> str:
        return mark_safe(
            "".join(
                f'<tr><td>{n}</td><td>{p.when}</td><td class="num">{p.score}</td>'
                f"<td>{'Pass' if p.passed else f'Below {PASSING_SCALED_SCORE}'}</td></tr>"
                for n, p in enumerate(self.points, start=1)
            )
        )


def score_chart(exams: list[ExamScore]) -> ScoreChart:
    """Scaled scores (100-1000) in the order taken, evenly spaced, with the 700 pass line."""
    width, height, left, right, top, bottom = 330, 170, 34, 10, 10, 20

    def y(score: int) -> float:
        return round(top + (height - top - bottom) * (1000 - score) / 900, 1)

    span = width - left - right
    points = []
    for index, exam in enumerate(exams):
        x = left + (span * index / (len(exams) - 1) if len(exams) > 1 else span / 2)
        when = f"{exam.submitted_at:%-d %b %Y}"
        verdict = "pass" if exam.passed else "below the pass mark"
        points.append(
            Point(
                round(x, 1),
                y(exam.scaled_score),
                f"Exam {index + 1}, {when}: {exam.scaled_score} ({verdict})",
                exam.scaled_score,
                exam.passed,
                when,
            )
        )
    if exams:
        best = max(exams, key=lambda e: e.scaled_score)
        summary = (
            f"{plural(len(exams), 'practice exam')}: the latest scored {exams[-1].scaled_score}, the best "
            f"{best.scaled_score}; {sum(e.passed for e in exams)} reached the pass mark of "
            f"{PASSING_SCALED_SCORE}."
        )
    else:
        summary = "No practice exams yet."
    return ScoreChart(
        width,
        height,
        left,
        right,
        y(PASSING_SCALED_SCORE),
        points,
        [(y(value), value) for value in (100, 400, 1000)],
        summary,
    )
