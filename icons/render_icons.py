#!/usr/bin/env python3
"""Renders the icon sources (*.svg in this folder) to the 16x16 PNGs the plugin ships.

Only the SVG subset the icons use is understood: rect (with rx), circle, line, polyline and polygon, with fill,
stroke and stroke-width; strokes have round caps and joins. Each pixel is supersampled (8x8) for anti-aliasing.
Standard library only, so it runs wherever python3 does:  python3 icons/render_icons.py
"""
import math
import os
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
RESOURCES = os.path.join(HERE, "..", "plugin", "src", "main", "resources")
NODE = os.path.join(RESOURCES, "org", "gfe", "knime", "node")

# source -> shipped PNG
TARGETS = {
    "gfe-category.svg": os.path.join(RESOURCES, "icons", "gfe-category.png"),
    "learner.svg": os.path.join(NODE, "learner", "learner.png"),
    "encoder.svg": os.path.join(NODE, "encoder", "encoder.png"),
    "reconstructor.svg": os.path.join(NODE, "reconstructor", "reconstructor.png"),
    "solver.svg": os.path.join(NODE, "solver", "solver.png"),
}
SIZE = 16
SUPERSAMPLE = 8


def colour(text):
    text = text.lstrip("#")
    return tuple(int(text[i:i + 2], 16) / 255.0 for i in (0, 2, 4))


def points(text):
    values = [float(v) for v in text.replace(",", " ").split()]
    return list(zip(values[0::2], values[1::2]))


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    t = 0.0 if length2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def inside_polygon(px, py, vertices):
    inside = False
    n = len(vertices)
    for i in range(n):
        (ax, ay), (bx, by) = vertices[i], vertices[(i + 1) % n]
        if (ay > py) != (by > py) and px < ax + (py - ay) * (bx - ax) / (by - ay):
            inside = not inside
    return inside


def shape(element):
    """(fill test, stroke test) of an element: functions of a point, or None."""
    tag = element.tag.split("}")[-1]
    a = element.attrib
    half = float(a.get("stroke-width", "1")) / 2
    fill = stroke = None
    if tag == "rect":
        x, y, w, h = (float(a[k]) for k in ("x", "y", "width", "height"))
        r = float(a.get("rx", "0"))

        def fill(px, py):
            cx = min(max(px, x + r), x + w - r)
            cy = min(max(py, y + r), y + h - r)
            return x <= px <= x + w and y <= py <= y + h and math.hypot(px - cx, py - cy) <= r + 1e-9
    elif tag == "circle":
        cx, cy, r = float(a["cx"]), float(a["cy"]), float(a["r"])
        fill = lambda px, py: math.hypot(px - cx, py - cy) <= r
        stroke = lambda px, py: abs(math.hypot(px - cx, py - cy) - r) <= half
    elif tag == "line":
        ends = (float(a["x1"]), float(a["y1"]), float(a["x2"]), float(a["y2"]))
        stroke = lambda px, py: segment_distance(px, py, *ends) <= half
    elif tag in ("polyline", "polygon"):
        vertices = points(a["points"])
        segments = list(zip(vertices, vertices[1:] + (vertices[:1] if tag == "polygon" else [])))
        fill = lambda px, py: len(vertices) > 2 and inside_polygon(px, py, vertices)
        stroke = lambda px, py: any(segment_distance(px, py, *p, *q) <= half for p, q in segments)
    else:
        raise ValueError("unsupported SVG element: " + tag)
    paint_fill = a.get("fill", "#000000")
    paint_stroke = a.get("stroke", "none")
    return ((fill, colour(paint_fill)) if fill and paint_fill != "none" else None,
            (stroke, colour(paint_stroke)) if stroke and paint_stroke != "none" else None)


def render(svg_path):
    root = ET.parse(svg_path).getroot()
    layers = []
    for element in root:
        if element.tag.split("}")[-1] in ("title", "desc"):
            continue
        for layer in shape(element):
            if layer:
                layers.append(layer)
    pixels = []
    n = SUPERSAMPLE
    for y in range(SIZE):
        row = []
        for x in range(SIZE):
            r = g = b = a = 0.0  # premultiplied
            for sy in range(n):
                for sx in range(n):
                    px, py = x + (sx + 0.5) / n, y + (sy + 0.5) / n
                    cr = cg = cb = ca = 0.0
                    for test, (lr, lg, lb) in layers:  # painter's order, source over
                        if test(px, py):
                            cr, cg, cb, ca = lr, lg, lb, 1.0
                    r, g, b, a = r + cr * ca, g + cg * ca, b + cb * ca, a + ca
            count = n * n
            alpha = a / count
            if alpha > 0:
                row.append((round(r / a * 255), round(g / a * 255), round(b / a * 255), round(alpha * 255)))
            else:
                row.append((0, 0, 0, 0))
        pixels.append(row)
    return pixels


def png(pixels):
    raw = b"".join(b"\x00" + bytes(v for px in row for v in px) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff)

    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def main():
    for source, target in TARGETS.items():
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as out:
            out.write(png(render(os.path.join(HERE, source))))
        print("wrote", os.path.relpath(target, os.path.join(HERE, "..")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
