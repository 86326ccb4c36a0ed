"""Charts as server-rendered SVG: the only module that imports matplotlib.

Each chart is a `Chart`: a title, a description, and rows of numbers. The same rows draw the
SVG and fill the table printed beside it, so the two cannot disagree. Drawing is slow (seconds
for a page of charts), so it happens in a job (`dashboards.draw_plan_charts`): `store()` keeps
the SVG in the file storage under a name made of the chart's content, and a page only reads
what is stored (`image_src` is None until then; the table is shown in any case). The SVG goes
into the page as a `data:` image (the Content Security Policy already allows `img-src data:`), so no
script and no inline style reaches the page. Values are written on the bars and points, and
series differ in line style and marker as well as colour, so colour never carries meaning alone.
"""

import base64
import hashlib
import io
from dataclasses import astuple, dataclass, field
from functools import cached_property

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import get_language
from matplotlib import rc_context
from matplotlib.figure import Figure

# Dark enough for 4.5:1 against white (WCAG 2.1 AA for text, more than the 3:1 for graphics).
COLOURS = ["#00558c", "#a4161a", "#1e6b2f", "#5b2c83", "#7a4a00", "#333333"]
STYLES = ["-", "--", ":", "-."]
MARKERS = ["o", "s", "^", "D", "v", "P"]
INK = "#1b1b1b"


@dataclass
class Chart:
    """`rows`: (label, value) for a bar chart; (label, {x: value}) per series for a line chart."""

    title: str
    description: str
    kind: str  # "bar" or "line"
    rows: list
    unit: str = ""
    limit: float | None = None
    columns: list = field(default_factory=list)  # the x values of a line chart
    target: float | None = None

    @property
    def storage_name(self):
        """The same numbers in the same language always give the same drawing."""
        digest = hashlib.sha256(repr((astuple(self), get_language())).encode()).hexdigest()
        return f"followup/charts/{digest}.svg"

    def store(self):
        """Draw the chart and keep it, unless it is kept already (a job may run twice)."""
        if not default_storage.exists(self.storage_name):
            default_storage.save(self.storage_name, ContentFile(self._draw().encode()))

    @cached_property
    def svg(self):
        """The stored drawing, or None while it is still to be drawn."""
        if not default_storage.exists(self.storage_name):
            return None
        with default_storage.open(self.storage_name) as stored:
            return stored.read().decode()

    def _draw(self):
        figure = _bar(self) if self.kind == "bar" else _line(self)
        return _render(figure, self)

    @property
    def image_src(self):
        if self.svg is None:
            return None
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()

    @property
    def table(self):
        """Rows of the table beside the chart: the same numbers, None where there is none."""
        if self.kind == "bar":
            return [(label, [value]) for label, value in self.rows]
        return [(label, [values.get(x) for x in self.columns]) for label, values in self.rows]


def _number(value):
    return f"{value:g}" if isinstance(value, float) else str(value)


def _bar(chart):
    labels = [label for label, _ in chart.rows]
    values = [float(value or 0) for _, value in chart.rows]
    figure = Figure(figsize=(7, 0.5 + 0.45 * max(len(labels), 1)))
    axes = figure.subplots()
    positions = range(len(labels))
    bars = axes.barh(positions, values, color=COLOURS[0])
    axes.set_yticks(list(positions), labels=labels)
    axes.invert_yaxis()
    axes.bar_label(bars, labels=[_number(v) for _, v in chart.rows], padding=3, color=INK)
    if chart.limit:
        axes.set_xlim(0, chart.limit * 1.1)
    axes.set_xlabel(chart.unit)
    return figure


def _line(chart):
    figure = Figure(figsize=(7, 3.6))
    axes = figure.subplots()
    for i, (label, values) in enumerate(chart.rows):
        xs = [x for x in chart.columns if values.get(x) is not None]
        ys = [float(values[x]) for x in xs]
        style = {
            "color": COLOURS[i % len(COLOURS)],
            "linestyle": STYLES[i % len(STYLES)],
            "marker": MARKERS[i % len(MARKERS)],
        }
        axes.plot(xs, ys, label=label, **style)
        for x, y in zip(xs, ys, strict=True):
            axes.annotate(
                _number(y), (x, y), textcoords="offset points", xytext=(0, 6), ha="center"
            )
    if chart.target is not None:
        axes.axhline(chart.target, color=INK, linestyle=":", linewidth=1)
        axes.annotate(
            f"{_target_label(chart)} {_number(chart.target)}", (chart.columns[0], chart.target)
        )
    axes.set_xticks(chart.columns, labels=[str(x) for x in chart.columns])
    if chart.limit:
        axes.set_ylim(0, chart.limit)
    axes.set_ylabel(chart.unit)
    if len(chart.rows) > 1:
        axes.legend(loc="best", fontsize="small")
    return figure


def _target_label(chart):
    from django.utils.translation import gettext

    return gettext("Target")


def _render(figure, chart):
    for axes in figure.axes:
        axes.set_title(chart.title, loc="left", color=INK)
        axes.spines[["top", "right"]].set_visible(False)
    figure.set_layout_engine("constrained")
    out = io.StringIO()
    # Text stays text (readable, searchable); a fixed hash salt and no date make the output
    # the same for the same numbers.
    with rc_context({"svg.fonttype": "none", "svg.hashsalt": "overens"}):
        figure.savefig(out, format="svg", metadata={"Date": None, "Title": chart.title})
    return out.getvalue()
