"""Which words of a PDF page a reader can see (pdfium).

A word is hidden when it lies wholly outside the page's crop box, when it is under 2 pt,
when its text object is drawn invisibly (render mode 3 or 7) or fully transparent, or
when its colour is practically that of what is drawn behind it: the last filled shape
under it drawn before it, else the white page. Invisible text over a picture is the text
layer of a scan that was read by OCR: the picture shows those words, so they count as
seen. Text whose background is a picture is never judged by colour.
"""

from __future__ import annotations

import ctypes
from functools import lru_cache
from typing import Any

from agreement_check.parsers.hidden import INVISIBLE, MIN_POINTS, OFF_PAGE, SAME_COLOUR, TINY, WHITE, looks_same

Box = tuple[float, float, float, float]  # left, bottom, right, top in PDF space
_INVISIBLE_MODES = {3, 7}
_STROKE_ONLY_MODES = {1, 5}
_MIN_BACKGROUND = 4.0  # a filled shape narrower than this is a rule line, not a background


class PageLooks:
    def __init__(self, page: Any, raw: Any) -> None:
        self.raw = raw
        self.crop: Box = tuple(float(v) for v in page.get_cropbox())  # type: ignore[assignment]
        self.order: dict[int, int] = {}  # text object -> its place in drawing order
        self.shapes: list[tuple[int, Box, tuple[int, int, int] | None]] = []  # None: a picture
        self._looks: dict[int, str | None] = {}
        self._scan(page.raw)
        self.pictures = any(fill is None for _, _, fill in self.shapes)

    def _scan(self, page: Any) -> None:
        raw = self.raw
        for index in range(raw.FPDFPage_CountObjects(page)):
            obj = raw.FPDFPage_GetObject(page, index)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == raw.FPDF_PAGEOBJ_TEXT:
                self.order[_address(obj)] = index
            elif kind == raw.FPDF_PAGEOBJ_IMAGE or (kind == raw.FPDF_PAGEOBJ_FORM and self._has_image(obj)):
                self.shapes.append((index, self._bounds(obj), None))
            elif kind == raw.FPDF_PAGEOBJ_PATH:
                fill = self._path_fill(obj)
                box = self._bounds(obj)
                if fill is not None and min(box[2] - box[0], box[3] - box[1]) >= _MIN_BACKGROUND:
                    self.shapes.append((index, box, fill))

    def reason(self, key: int, box: Box, size: float) -> str | None:
        """Why the word in `box` (drawn by the text object at address `key`, 0 for none)
        cannot be seen, or None. The look of a text object is judged once."""
        left, bottom, right, top = box
        cl, cb, cr, ct = self.crop
        if right <= cl or left >= cr or top <= cb or bottom >= ct:
            return OFF_PAGE
        if size < MIN_POINTS and top - bottom < MIN_POINTS * 1.5:
            return TINY
        if key not in self._looks:
            self._looks[key] = self._judge(ctypes.cast(key, self.raw.FPDF_PAGEOBJECT), key) if key else None
        return self._looks[key]

    def _judge(self, obj: Any, key: int) -> str | None:
        raw = self.raw
        mode = raw.FPDFTextObj_GetTextRenderMode(obj)
        behind = self._behind(key, obj)
        if mode in _INVISIBLE_MODES:
            return None if behind == "picture" else INVISIBLE
        rgba = self._colour(obj, stroke=mode in _STROKE_ONLY_MODES)
        if rgba is None or behind == "picture":
            return None
        if rgba[3] == 0:
            return INVISIBLE
        return SAME_COLOUR if _looks_same(rgba[:3], behind or WHITE) else None

    def _behind(self, key: int, obj: Any) -> Any:
        """What is drawn under the text object's centre before it: a colour, "picture" or
        None (on a page with no shapes, nothing, without asking where the object is)."""
        if not self.shapes:
            return None
        bounds = self._bounds(obj)
        point = ((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2)
        order = self.order.get(key, len(self.order) + 1_000_000)
        for index, (left, bottom, right, top), fill in reversed(self.shapes):
            if index < order and left <= point[0] <= right and bottom <= point[1] <= top:
                return "picture" if fill is None else fill
        return None

    def _bounds(self, obj: Any) -> Box:
        values = [ctypes.c_float() for _ in range(4)]
        self.raw.FPDFPageObj_GetBounds(obj, *(ctypes.byref(v) for v in values))
        return (values[0].value, values[1].value, values[2].value, values[3].value)

    def _colour(self, obj: Any, stroke: bool) -> tuple[int, int, int, int] | None:
        values = [ctypes.c_uint() for _ in range(4)]
        get = self.raw.FPDFPageObj_GetStrokeColor if stroke else self.raw.FPDFPageObj_GetFillColor
        if not get(obj, *(ctypes.byref(v) for v in values)):
            return None
        return (values[0].value, values[1].value, values[2].value, values[3].value)

    def _path_fill(self, obj: Any) -> tuple[int, int, int] | None:
        mode, stroke = ctypes.c_int(), ctypes.c_int()
        if not self.raw.FPDFPath_GetDrawMode(obj, ctypes.byref(mode), ctypes.byref(stroke)) or mode.value == 0:
            return None
        rgba = self._colour(obj, stroke=False)
        return rgba[:3] if rgba is not None and rgba[3] > 0 else None

    def _has_image(self, form: Any) -> bool:
        raw = self.raw
        count = raw.FPDFFormObj_CountObjects(form)
        return any(
            raw.FPDFPageObj_GetType(raw.FPDFFormObj_GetObject(form, i)) == raw.FPDF_PAGEOBJ_IMAGE
            for i in range(max(count, 0))
        )


_looks_same = lru_cache(maxsize=1024)(looks_same)  # a page has few colours, asked of each text object


def _address(obj: Any) -> int:
    return ctypes.cast(obj, ctypes.c_void_p).value or 0
