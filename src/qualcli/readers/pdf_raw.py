"""The few PDFium calls the PDF reader makes per glyph or per path segment, declared to take plain addresses.

pypdfium2 declares PDFium's handles as typed ctypes pointers: every call
returning one builds a Python pointer object, and every call taking one
checks its type. The reader makes tens of thousands of such calls on a
designed book (a few per printed line, four per segment of every drawn
rule), so these re-declarations of the same C functions pass handles as
plain integers (``c_void_p``), which ctypes converts in about half the time.
Handles in: :func:`address` of a pypdfium2 raw handle. Nothing else changes:
the same functions of the same library are called with the same values.
"""

from __future__ import annotations

import ctypes
from ctypes import POINTER, c_double, c_float, c_int, c_void_p

import pypdfium2.raw as _pdfium

_FLOAT_P, _DOUBLE_P = POINTER(c_float), POINTER(c_double)
RECT, MATRIX = _pdfium.FS_RECTF, _pdfium.FS_MATRIX  # the structures the calls below fill in


def _declare(function, restype, *argtypes):
    """PDFium's ``function`` (a pypdfium2 binding), called through a prototype with plain-address handles."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, c_void_p).value)


def address(handle) -> int:
    """The address a pypdfium2 raw handle (a typed pointer) points at, as :mod:`ctypes` takes for ``c_void_p``."""
    return ctypes.cast(handle, c_void_p).value or 0


# page objects (pdf_grid: rules)
count_page_objects = _declare(_pdfium.FPDFPage_CountObjects, c_int, c_void_p)
page_object = _declare(_pdfium.FPDFPage_GetObject, c_void_p, c_void_p, c_int)
count_form_objects = _declare(_pdfium.FPDFFormObj_CountObjects, c_int, c_void_p)
form_object = _declare(_pdfium.FPDFFormObj_GetObject, c_void_p, c_void_p, c_int)
object_type = _declare(_pdfium.FPDFPageObj_GetType, c_int, c_void_p)
object_bounds = _declare(_pdfium.FPDFPageObj_GetBounds, c_int, c_void_p, _FLOAT_P, _FLOAT_P, _FLOAT_P, _FLOAT_P)
object_matrix = _declare(_pdfium.FPDFPageObj_GetMatrix, c_int, c_void_p, POINTER(MATRIX))
count_segments = _declare(_pdfium.FPDFPath_CountSegments, c_int, c_void_p)
path_segment = _declare(_pdfium.FPDFPath_GetPathSegment, c_void_p, c_void_p, c_int)
segment_point = _declare(_pdfium.FPDFPathSegment_GetPoint, c_int, c_void_p, _FLOAT_P, _FLOAT_P)
segment_type = _declare(_pdfium.FPDFPathSegment_GetType, c_int, c_void_p)
segment_closes = _declare(_pdfium.FPDFPathSegment_GetClose, c_int, c_void_p)

# characters (pdf: printed lines)
loose_char_box = _declare(_pdfium.FPDFText_GetLooseCharBox, c_int, c_void_p, c_int, POINTER(RECT))
char_matrix = _declare(_pdfium.FPDFText_GetMatrix, c_int, c_void_p, c_int, POINTER(MATRIX))
char_origin = _declare(_pdfium.FPDFText_GetCharOrigin, c_int, c_void_p, c_int, _DOUBLE_P, _DOUBLE_P)
font_size = _declare(_pdfium.FPDFText_GetFontSize, c_double, c_void_p, c_int)
