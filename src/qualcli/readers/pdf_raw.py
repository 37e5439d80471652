"""PDFium for the PDF reader: the C functions it calls, declared to take plain addresses, and thin page objects.

pypdfium2 ships PDFium as a shared library inside its ``pypdfium2_raw``
package, with ctypes bindings of the whole C API, and ``pypdfium2`` on top,
with Python objects for documents and pages. The reader needs a few calls
only, many times over, so it loads the library itself and declares those:

- importing the bindings (thousands of declarations, and the standard
  modules their loader imports) costs about 25 ms of CPU, and the object
  layer as much again (logging, argparse, uuid ...), on every PDF read;
  loading the library and declaring the calls below costs about 1 ms;
- the bindings declare PDFium's handles as typed ctypes pointers, so every
  call returning one builds a Python object and every call taking one checks
  its type; the reader makes tens of thousands of calls on a designed book (a
  few per printed line, a few per drawn path), so here handles are plain
  integers (``c_void_p``), which ctypes converts in about half the time;
- fewer calls where PDFium allows: a cell's text is asked for once (into a
  buffer kept per page), and a path's points are read from its point array
  in one go where that array checks out against the calls (:func:`path_points`).

Where the library is not where pypdfium2's own loader looks first (the
package's folder), the calls are taken from the bindings instead, declared
the same way. The same functions of the same library are called with the
same values. :class:`Document`, :class:`Page` and :class:`TextPage` do what
the reader used of pypdfium2's objects, in the same way (text taken as
pypdfium2's ``get_text_range`` takes it, boxes as its ``get_charbox`` gives
them); pages and documents are closed by the reader, explicitly.
"""

from __future__ import annotations

import codecs
import ctypes
import struct
import sys
from ctypes import POINTER, Structure, c_char_p, c_double, c_float, c_int, c_size_t, c_uint, c_ushort, c_void_p
from importlib.util import find_spec
from pathlib import Path

# PDFium's public headers (fpdfview.h, fpdf_edit.h): error and object codes, and the structures filled in below.
ERR_PASSWORD = 4
PAGEOBJ_PATH, PAGEOBJ_FORM = 2, 5
SEGMENT_LINETO, SEGMENT_MOVETO = 0, 2
BOUNDED_SLACK = 64  # characters of a bounded text's buffer beyond twice the page's (line breaks PDFium adds)


class RECT(Structure):
    """FS_RECTF."""

    _fields_ = (("left", c_float), ("top", c_float), ("right", c_float), ("bottom", c_float))


class MATRIX(Structure):
    """FS_MATRIX."""

    _fields_ = tuple((name, c_float) for name in "abcdef")


class _Config(Structure):
    """FPDF_LIBRARY_CONFIG, version 2 (the fields PDFium reads for that version)."""

    _fields_ = (("version", c_int), ("m_pUserFontPaths", c_void_p), ("m_pIsolate", c_void_p), ("m_v8EmbedderSlot", c_uint))


def _library(find=find_spec):
    """PDFium as pypdfium2 ships it: the shared library in ``pypdfium2_raw``'s folder, else that package's bindings."""
    spec = find("pypdfium2_raw")  # finds the package without importing it
    if spec is not None and spec.submodule_search_locations:
        prefix, suffix = ("", "dll") if sys.platform.startswith(("win32", "cygwin", "msys")) else (
            ("lib", "dylib") if sys.platform.startswith(("darwin", "ios")) else ("lib", "so")
        )
        path = Path(list(spec.submodule_search_locations)[0]) / f"{prefix}pdfium.{suffix}"
        if path.exists():
            return ctypes.CDLL(str(path))
    import pypdfium2_raw

    return pypdfium2_raw


_LIB = _library()
_FLOAT_P, _DOUBLE_P, _USHORT_P = POINTER(c_float), POINTER(c_double), POINTER(c_ushort)


def _declare(name: str, restype, *argtypes):
    """PDFium's function ``name``, called through a prototype with plain-address handles."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(getattr(_LIB, name), c_void_p).value)


# documents and pages
_load_document = _declare("FPDF_LoadMemDocument64", c_void_p, c_void_p, c_size_t, c_char_p)
_last_error = _declare("FPDF_GetLastError", ctypes.c_ulong)
_close_document = _declare("FPDF_CloseDocument", None, c_void_p)
_page_count = _declare("FPDF_GetPageCount", c_int, c_void_p)
_load_page = _declare("FPDF_LoadPage", c_void_p, c_void_p, c_int)
_close_page = _declare("FPDF_ClosePage", None, c_void_p)
_page_width = _declare("FPDF_GetPageWidthF", c_float, c_void_p)
_page_height = _declare("FPDF_GetPageHeightF", c_float, c_void_p)

# page objects (pdf_grid: rules)
count_page_objects = _declare("FPDFPage_CountObjects", c_int, c_void_p)
page_object = _declare("FPDFPage_GetObject", c_void_p, c_void_p, c_int)
count_form_objects = _declare("FPDFFormObj_CountObjects", c_int, c_void_p)
form_object = _declare("FPDFFormObj_GetObject", c_void_p, c_void_p, c_int)
object_type = _declare("FPDFPageObj_GetType", c_int, c_void_p)
object_bounds = _declare("FPDFPageObj_GetBounds", c_int, c_void_p, _FLOAT_P, _FLOAT_P, _FLOAT_P, _FLOAT_P)
object_matrix = _declare("FPDFPageObj_GetMatrix", c_int, c_void_p, POINTER(MATRIX))
count_segments = _declare("FPDFPath_CountSegments", c_int, c_void_p)
path_segment = _declare("FPDFPath_GetPathSegment", c_void_p, c_void_p, c_int)
segment_point = _declare("FPDFPathSegment_GetPoint", c_int, c_void_p, _FLOAT_P, _FLOAT_P)
segment_type = _declare("FPDFPathSegment_GetType", c_int, c_void_p)
segment_closes = _declare("FPDFPathSegment_GetClose", c_int, c_void_p)

def path_points(obj: int) -> list[tuple[float, float, int, bool]]:
    """Each segment of path object ``obj`` as (x, y, type, closes), in the path's own space.

    What ``FPDFPath_GetPathSegment`` and the three ``FPDFPathSegment_*``
    calls give for each index. A segment handle is the address of a point in
    the path's array of points (PDFium's ``CFX_Path::Point``: x and y as
    floats, the type and the close flag as bytes, 12 bytes in all), so where
    the array has that layout the points are read from it in one go: four
    calls a segment become three a path, on pages with thousands of segments.
    The layout is checked once per process against the calls on the first
    path of two segments or more (and each path's last segment must be where
    the array puts it); where it differs, every path is read with the calls.
    """
    global _points_readable
    count = count_segments(obj)
    if count < 2 or _points_readable is False:
        return _points_by_call(obj, count)
    first = path_segment(obj, 0)
    if not first or path_segment(obj, count - 1) != first + _POINT.size * (count - 1):
        return _points_by_call(obj, count)
    points = [(x, y, kind, bool(closes)) for x, y, kind, closes in _POINT.iter_unpack(ctypes.string_at(first, _POINT.size * count))]
    if _points_readable is None:
        _points_readable = points == _points_by_call(obj, count)
        if not _points_readable:
            return _points_by_call(obj, count)
    return points


_POINT = struct.Struct("@ffBBxx")  # CFX_Path::Point
_points_readable: bool | None = None  # whether path_points may read the array (None: not checked yet)


def _points_by_call(obj: int, count: int) -> list[tuple[float, float, int, bool]]:
    x, y = c_float(), c_float()
    points = []
    for index in range(count):
        segment = path_segment(obj, index)
        segment_point(segment, x, y)
        points.append((x.value, y.value, segment_type(segment), bool(segment_closes(segment))))
    return points



# text pages and characters
_load_textpage = _declare("FPDFText_LoadPage", c_void_p, c_void_p)
_close_textpage = _declare("FPDFText_ClosePage", None, c_void_p)
_count_chars = _declare("FPDFText_CountChars", c_int, c_void_p)
_text_index = _declare("FPDFText_GetTextIndexFromCharIndex", c_int, c_void_p, c_int)
_get_text = _declare("FPDFText_GetText", c_int, c_void_p, c_int, c_int, _USHORT_P)
_bounded_text = _declare("FPDFText_GetBoundedText", c_int, c_void_p, c_double, c_double, c_double, c_double, _USHORT_P, c_int)
_char_box = _declare("FPDFText_GetCharBox", c_int, c_void_p, c_int, _DOUBLE_P, _DOUBLE_P, _DOUBLE_P, _DOUBLE_P)
loose_char_box = _declare("FPDFText_GetLooseCharBox", c_int, c_void_p, c_int, POINTER(RECT))
char_matrix = _declare("FPDFText_GetMatrix", c_int, c_void_p, c_int, POINTER(MATRIX))
char_origin = _declare("FPDFText_GetCharOrigin", c_int, c_void_p, c_int, _DOUBLE_P, _DOUBLE_P)
font_size = _declare("FPDFText_GetFontSize", c_double, c_void_p, c_int)

# PDFium is set up once per process, as pypdfium2 sets it up (set up twice, it keeps the first).
_declare("FPDF_InitLibraryWithConfig", None, POINTER(_Config))(_Config(version=2, m_pUserFontPaths=None, m_pIsolate=None, m_v8EmbedderSlot=0))


class PdfiumError(RuntimeError):
    """PDFium could not do what was asked; ``code`` is its error code when it gave one (opening a document)."""

    def __init__(self, message: str, code: int | None = None) -> None:
        super().__init__(message)
        self.code = code


class Document:
    """A PDF opened from bytes (kept while it is open: PDFium reads from them)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self.handle = _load_document(data, len(data), None) or 0
        self.pages = _page_count(self.handle) if self.handle else 0
        if self.pages < 1:
            code = _last_error()
            self.close()
            raise PdfiumError("PDFium could not open the document", code)

    def __len__(self) -> int:
        return self.pages

    def close(self) -> None:
        """Release the document (its pages closed first)."""
        if self.handle:
            _close_document(self.handle)
            self.handle = 0


class Page:
    """Page ``index`` of a document."""

    def __init__(self, document: Document, index: int) -> None:
        self.handle = _load_page(document.handle, index) or 0
        if not self.handle:
            raise PdfiumError(f"PDFium could not load page {index + 1}")

    def get_size(self) -> tuple[float, float]:
        """Width and height in points."""
        return _page_width(self.handle), _page_height(self.handle)

    def get_textpage(self) -> "TextPage":
        """The page's text layer."""
        return TextPage(self)

    def close(self) -> None:
        """Release the page (its text page closed first)."""
        if self.handle:
            _close_page(self.handle)
            self.handle = 0


class TextPage:
    """A page's text layer: its characters, their text and boxes."""

    def __init__(self, page: Page) -> None:
        self.handle = _load_textpage(page.handle) or 0
        if not self.handle:
            raise PdfiumError("PDFium could not load a page's text")
        self._bounded_buffer = None  # for get_text_bounded, made on first use

    def count_chars(self) -> int:
        """The number of characters on the page."""
        count = _count_chars(self.handle)
        if count == -1:
            raise PdfiumError("PDFium could not count a page's characters")
        return count

    def get_text_range(self, index: int, count: int) -> str:
        """The text of characters ``index`` to ``index + count - 1``.

        As pypdfium2 takes it: characters at either end that have no place in
        PDFium's text are left out of the range first, so that PDFium does not
        read beyond it (pypdfium2 issue 261).
        """
        first, last = index, index + count - 1
        while first <= last and _text_index(self.handle, first) == -1:
            first += 1
        while first <= last and _text_index(self.handle, last) == -1:
            last -= 1
        if first > last:
            return ""
        size = _text_index(self.handle, last) + 2 - _text_index(self.handle, first)  # a NUL at the end included
        buffer = (c_ushort * size)()
        written = _get_text(self.handle, first, last - first + 1, buffer)
        return codecs.decode(memoryview(buffer)[: written - 1], "utf-16-le", errors="ignore")

    def get_text_bounded(self, left: float, bottom: float, right: float, top: float) -> str:
        """The text PDFium finds inside the box (left, bottom, right, top).

        PDFium finds the text afresh at every call, so it is asked once, into
        a buffer kept for the page that holds the text of all its characters
        twice over: given room, PDFium writes the text and a NUL and counts
        both. A text that fills the buffer (it may have been cut short) is
        asked for again as before: its length first, then a buffer of that size.
        """
        buffer = self._bounded_buffer
        if buffer is None:
            buffer = self._bounded_buffer = (c_ushort * (2 * self.count_chars() + BOUNDED_SLACK))()
        count = _bounded_text(self.handle, left, top, right, bottom, buffer, len(buffer))
        if 0 < count < len(buffer) and buffer[count - 1] == 0:
            count -= 1
        elif count > 0:
            count = _bounded_text(self.handle, left, top, right, bottom, None, 0)
            if count <= 0:
                return ""
            buffer = (c_ushort * count)()
            _bounded_text(self.handle, left, top, right, bottom, buffer, count)
        return codecs.decode(memoryview(buffer)[:count], "utf-16-le", errors="ignore") if count > 0 else ""

    def get_charbox(self, index: int, loose: bool = False) -> tuple[float, float, float, float]:
        """Character ``index``'s box (left, bottom, right, top): its glyph's, or with ``loose`` its font's whole height."""
        if loose:
            rect = RECT()
            ok = loose_char_box(self.handle, index, rect)
            box = rect.left, rect.bottom, rect.right, rect.top
        else:
            left, bottom, right, top = c_double(), c_double(), c_double(), c_double()
            ok = _char_box(self.handle, index, left, right, bottom, top)  # PDFium's order: left, right, bottom, top
            box = left.value, bottom.value, right.value, top.value
        if not ok:
            raise PdfiumError(f"PDFium has no box for character {index}")
        return box

    def char_x(self, index: int) -> float:
        """Where character ``index``'s origin (the pen's position) is across the page."""
        x, y = c_double(), c_double()
        char_origin(self.handle, index, x, y)
        return x.value

    def close(self) -> None:
        """Release the text page."""
        if self.handle:
            _close_textpage(self.handle)
            self.handle = 0
