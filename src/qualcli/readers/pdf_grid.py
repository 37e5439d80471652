"""Ruled tables on a PDF page, found from the page's own drawing with PDFium.

A ruled table is a grid of horizontal and vertical rules (stroked lines or
the edges of thin rectangles). The rules are read from the page's path
objects, snapped together and joined where collinear; their crossings give
the corners of the cells; cells that share corners make a table; a row is
the cells that share a top edge. A cell's text is the text PDFium finds
inside it, its lines joined with "\\n".

Backgrounds and bleeds (paths touching the page edge) are not rules, and a
"table" with a single column is a stack of boxes, not a table.
"""

from __future__ import annotations

import ctypes

from qualcli.readers.pdf_cells import Vocabulary, WordBreaks, cell_text, with_hyphens

EDGE_MARGIN = 1.0  # points: paths touching the page edge are backgrounds, not rules
MIN_RULE = 15.0  # points: shorter straight segments are glyphs or icons, not table rules...
MIN_SHORT_RULE = 4.0  # ...unless they join two rules (see page_rules); shorter still, never
SNAP = 3.0  # points: rules this close are the same rule; a crossing may miss by this much
MAX_FORM_DEPTH = 3  # levels of nested form XObjects whose paths are read (the page itself is the first)
# PDFium's stand-ins for a printed hyphen it takes for a soft one: U+FFFE in page text,
# U+0002 in bounded (cell) text. Either is a "-" on the page.

Box = tuple[float, float, float, float]  # x0, bottom, x1, top
Rule = tuple[float, float, float]  # (position, from, to): y, x0, x1 for horizontal; x, y0, y1 for vertical


class Table:
    """A ruled table: its box in PDF space (y grows upwards) and its rows of cell text.

    ``edges``: each row's cell edges, left to right; ``boxes``: each row's
    cells, left to right; ``placed``: whether the reader has put it among the
    page's lines yet.
    """

    __slots__ = ("x0", "bottom", "x1", "top", "rows", "edges", "placed", "boxes")

    def __init__(self, x0: float, bottom: float, x1: float, top: float, rows: list[tuple[str, ...]],
                 edges: list[tuple[float, ...]] | None = None, placed: bool = False, boxes: list[list[Box]] | None = None) -> None:
        self.x0, self.bottom, self.x1, self.top, self.rows = x0, bottom, x1, top, rows
        self.edges = [] if edges is None else edges
        self.placed = placed
        self.boxes = [] if boxes is None else boxes

    def holds(self, x0: float, bottom: float, x1: float, top: float) -> bool:
        """Whether the centre of the box ``x0, bottom, x1, top`` lies inside the table."""
        cx, cy = (x0 + x1) / 2, (bottom + top) / 2
        return self.x0 <= cx <= self.x1 and self.bottom <= cy <= self.top


def ruled_tables(page, textpage, vocabulary: Vocabulary | None = None, page_text: str | None = None) -> list[Table]:
    """The ruled tables on ``page`` (:mod:`~qualcli.readers.pdf_raw` objects), top to bottom; ``vocabulary`` helps mend broken words.

    ``page_text`` is the page's text as PDFium gives it, when the caller has it already.
    """
    horizontal, vertical = page_rules(page)
    if not horizontal or not vertical:
        return []
    cells = grid_cells(horizontal, vertical)
    if not cells:
        return []
    raw = {cell: bounded_text(textpage, cell) for cell in cells}
    breaks = WordBreaks(textpage, raw.values(), vocabulary, page_text)
    tables = []
    for group in _connected(cells):
        grid = _rows(group)
        rows = [tuple(cell_text(raw[cell], cell, breaks) for cell in row) for row in grid]
        if max(len(row) for row in rows) >= 2:
            tables.append(
                Table(
                    x0=min(c[0] for c in group),
                    bottom=min(c[1] for c in group),
                    x1=max(c[2] for c in group),
                    top=max(c[3] for c in group),
                    rows=rows,
                    edges=[(*(cell[0] for cell in row), row[-1][2]) for row in grid],
                    boxes=grid,
                )
            )
    return sorted(tables, key=lambda table: (-table.top, table.x0))


def page_rules(page) -> tuple[list[Rule], list[Rule]]:
    """Snapped, joined horizontal and vertical rules drawn inside the page's edges.

    A straight segment shorter than MIN_RULE is a rule only when both its
    ends meet longer rules across it: the sides of a short table row (a row
    of one line of small type, or the part of a row left at a page's foot).
    Paths are read through PDFium's C API directly: a page of a designed
    book holds hundreds of them, and a Python object for each would cost
    more than the reading.
    """
    from qualcli.readers import pdf_raw

    width, height = page.get_size()
    horizontal: list[Rule] = []
    vertical: list[Rule] = []
    short_horizontal: list[Rule] = []
    short_vertical: list[Rule] = []
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    bounds, matrix = pdf_raw.object_bounds, pdf_raw.MATRIX()
    low_x = low_y = EDGE_MARGIN
    high_x, high_y = width - EDGE_MARGIN, height - EDGE_MARGIN
    for obj in _path_objects(page.handle):
        bounds(obj, left, bottom, right, top)
        if left.value <= low_x or bottom.value <= low_y or right.value >= high_x or top.value >= high_y:
            continue
        for x1, y1, x2, y2 in _straight_segments(obj, matrix):
            if abs(y1 - y2) < 0.5 and abs(x1 - x2) >= MIN_SHORT_RULE:
                rule = ((y1 + y2) / 2, min(x1, x2), max(x1, x2))
                (horizontal if rule[2] - rule[1] >= MIN_RULE else short_horizontal).append(rule)
            elif abs(x1 - x2) < 0.5 and abs(y1 - y2) >= MIN_SHORT_RULE:
                rule = ((x1 + x2) / 2, min(y1, y2), max(y1, y2))
                (vertical if rule[2] - rule[1] >= MIN_RULE else short_vertical).append(rule)
    horizontal += [rule for rule in short_horizontal if _bridges(rule, vertical)]
    vertical += [rule for rule in short_vertical if _bridges(rule, horizontal)]
    return _join(_snap(horizontal)), _join(_snap(vertical))


def _path_objects(parent: int, level: int = 0):
    """The path objects (addresses) of a page (``level`` 0) or form XObject, form XObjects entered to MAX_FORM_DEPTH."""
    from qualcli.readers import pdf_raw

    count, get = (
        (pdf_raw.count_page_objects, pdf_raw.page_object)
        if level == 0
        else (pdf_raw.count_form_objects, pdf_raw.form_object)
    )
    for index in range(count(parent)):
        obj = get(parent, index)
        kind = pdf_raw.object_type(obj)
        if kind == pdf_raw.PAGEOBJ_PATH:
            yield obj
        elif kind == pdf_raw.PAGEOBJ_FORM and level < MAX_FORM_DEPTH - 1:
            yield from _path_objects(obj, level + 1)


def _bridges(rule: Rule, across: list[Rule]) -> bool:
    """Whether both ends of ``rule`` lie on rules of ``across`` (which run the other way)."""
    position, start, end = rule
    return all(
        any(abs(other - point) <= SNAP and low - SNAP <= position <= high + SNAP for other, low, high in across)
        for point in (start, end)
    )


def has_crossing(horizontal: list[Rule], vertical: list[Rule]) -> bool:
    """Whether some vertical rule meets a horizontal rule away from its ends (boxes only meet at corners)."""
    return any(
        start + SNAP < x < end - SNAP and low - SNAP <= y <= high + SNAP
        for y, start, end in horizontal
        for x, low, high in vertical
    )


def grid_cells(horizontal: list[Rule], vertical: list[Rule]) -> list[tuple[float, float, float, float]]:
    """The smallest closed rectangles of the grid, as (x0, bottom, x1, top)."""
    if not has_crossing(horizontal, vertical):
        return []
    points = sorted(
        {
            (x, y)
            for y, start, end in horizontal
            for x, low, high in vertical
            if start - SNAP <= x <= end + SNAP and low - SNAP <= y <= high + SNAP
        },
        key=lambda p: (-p[1], p[0]),
    )
    point_set = set(points)
    xs_at: dict[float, list[float]] = {}
    ys_at: dict[float, list[float]] = {}
    for x, y in points:
        xs_at.setdefault(y, []).append(x)
        ys_at.setdefault(x, []).append(y)
    across = _by_position(horizontal)
    down = _by_position(vertical)

    def joined_across(y: float, xa: float, xb: float) -> bool:
        return any(r0 - SNAP <= xa and r1 + SNAP >= xb for r0, r1 in across.get(y, ()))

    def joined_down(x: float, ya: float, yb: float) -> bool:
        return any(r0 - SNAP <= ya and r1 + SNAP >= yb for r0, r1 in down.get(x, ()))

    cells = []
    for x, y in points:  # xs_at[y] ascend, ys_at[x] descend: the nearest corners come first
        right = _Reachable([xr for xr in xs_at[y] if xr > x], lambda xr, x=x, y=y: joined_across(y, x, xr))
        below = _Reachable([yb for yb in ys_at[x] if yb < y], lambda yb, x=x, y=y: joined_down(x, yb, y))
        cell = next(
            (
                (x, low, xr, y)
                for low in below
                for xr in right
                if (xr, low) in point_set and joined_across(low, x, xr) and joined_down(xr, low, y)
            ),
            None,
        )
        if cell is not None:
            cells.append(cell)
    return cells


class _Reachable:
    """The leading candidates that a rule joins to the start point (a gap ends the run), found as far as asked for."""

    def __init__(self, candidates: list[float], joined) -> None:
        self._candidates = candidates
        self._joined = joined
        self._found: list[float] = []
        self._ended = False

    def __iter__(self):
        index = 0
        while True:
            if index < len(self._found):
                yield self._found[index]
            elif self._ended or index >= len(self._candidates) or not self._joined(self._candidates[index]):
                self._ended = True
                return
            else:
                self._found.append(self._candidates[index])
                yield self._found[index]
            index += 1


def _by_position(rules: list[Rule]) -> dict[float, list[tuple[float, float]]]:
    index: dict[float, list[tuple[float, float]]] = {}
    for position, start, end in rules:
        index.setdefault(position, []).append((start, end))
    return index


def _snap(rules: list[Rule]) -> list[Rule]:
    """Rules whose positions differ by less than SNAP moved to their common mean."""
    snapped: list[Rule] = []
    group: list[Rule] = []
    for rule in sorted(rules) + [None]:  # type: ignore[list-item]
        if rule is not None and group and rule[0] - group[0][0] < SNAP:
            group.append(rule)
            continue
        if group:
            mean = round(sum(r[0] for r in group) / len(group), 2)
            snapped.extend((mean, r[1], r[2]) for r in group)
        group = [rule] if rule is not None else []
    return snapped


def _join(rules: list[Rule]) -> list[Rule]:
    """Collinear rules that touch or overlap joined into one."""
    joined: list[Rule] = []
    for position, start, end in sorted(rules):
        if joined and joined[-1][0] == position and start <= joined[-1][2] + SNAP:
            joined[-1] = (position, joined[-1][1], max(joined[-1][2], end))
        else:
            joined.append((position, start, end))
    return joined


def _straight_segments(obj: int, matrix) -> list[tuple[float, float, float, float]]:
    """Each straight segment of a path object (its address) as its two end points in page space, (x1, y1, x2, y2).

    ``matrix`` (a :class:`~qualcli.readers.pdf_raw.MATRIX`) is a buffer for
    PDFium to fill in, reused from object to object.
    """
    from qualcli.readers import pdf_raw

    if not pdf_raw.object_matrix(obj, matrix):
        return []  # an object PDFium cannot place: no rules (read with an empty matrix, every point was the origin)
    a, b, c, d, e, f = matrix.a, matrix.b, matrix.c, matrix.d, matrix.e, matrix.f
    line_to, move_to = pdf_raw.SEGMENT_LINETO, pdf_raw.SEGMENT_MOVETO
    segments = []
    append = segments.append
    px = py = sx = sy = None  # the previous point; the start of the current subpath
    for xv, yv, kind, closes in pdf_raw.path_points(obj):
        qx, qy = a * xv + c * yv + e, b * xv + d * yv + f
        if kind == line_to:
            if px is not None:
                append((px, py, qx, qy))
        elif kind == move_to:
            sx, sy = qx, qy
        if closes and sx is not None:
            append((qx, qy, sx, sy))
            qx, qy = sx, sy
        px, py = qx, qy
    return segments


def _connected(cells: list[tuple[float, float, float, float]]) -> list[list[tuple[float, float, float, float]]]:
    """Cells grouped into tables: cells sharing a corner belong together."""
    parent = list(range(len(cells)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[float, float], int] = {}
    for index, (x0, bottom, x1, top) in enumerate(cells):
        for corner in ((x0, bottom), (x0, top), (x1, bottom), (x1, top)):
            if corner in owner:
                parent[find(index)] = find(owner[corner])
            else:
                owner[corner] = index
    groups: dict[int, list] = {}
    for index, cell in enumerate(cells):
        groups.setdefault(find(index), []).append(cell)
    return list(groups.values())


def _rows(cells) -> list[list[tuple[float, float, float, float]]]:
    """The table's rows of cells, top to bottom; each row's cells left to right."""
    by_top: dict[float, list] = {}
    for cell in cells:
        by_top.setdefault(cell[3], []).append(cell)
    return [sorted(row, key=lambda c: c[0]) for _, row in sorted(by_top.items(), key=lambda item: -item[0])]


def bounded_text(textpage, cell: tuple[float, float, float, float]) -> str:
    """The text PDFium finds inside ``cell``, lines separated by "\\n", printed hyphens as "-"."""
    x0, bottom, x1, top = cell
    text = textpage.get_text_bounded(left=x0, bottom=bottom, right=x1, top=top)
    return with_hyphens(text).replace("\r\n", "\n")
