#!/usr/bin/env python3
"""Writes the .gpkg fixture portfolios of expansion_room (EPSG:28992) with ogr2ogr.

Each portfolio has one site (its plot) and the site's building footprints;
the plots lie near Utrecht in RD New. Run from anywhere:
    python3 plugins/expansion_room/tests/make_fixtures.py
"""
import json
import math
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
X0, Y0 = 136000.0, 455000.0  # RD New, Utrecht


def box(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def turned(pts, deg):
    a = math.radians(deg)
    return [(x * math.cos(a) - y * math.sin(a), x * math.sin(a) + y * math.cos(a)) for x, y in pts]


def ring(pts):
    pts = [(X0 + x, Y0 + y) for x, y in pts]
    return [[list(p) for p in pts + pts[:1]]]


def collection(features):
    return {"type": "FeatureCollection", "features": features}


def write(name, site_id, plot, buildings=()):
    sites = collection([{"type": "Feature", "properties": {"id": site_id, "name": name, "places": 12, "profile": "VG4"},
                         "geometry": {"type": "Polygon", "coordinates": ring(plot)}}])
    blds = collection([{"type": "Feature", "properties": {"site_id": site_id, "storeys": 1},
                        "geometry": {"type": "Polygon", "coordinates": ring(b)}} for b in buildings])
    out = os.path.join(HERE, name + ".gpkg")
    if os.path.exists(out):
        os.remove(out)
    with tempfile.TemporaryDirectory() as tmp:
        for layer, fc in (("sites", sites), ("buildings", blds)):
            src = os.path.join(tmp, layer + ".geojson")
            with open(src, "w") as f:
                json.dump(fc, f)
            args = ["ogr2ogr", "-f", "GPKG", "-a_srs", "EPSG:28992", "-nln", layer, "-nlt", "POLYGON"]
            if layer == "buildings":
                args.append("-update")
            subprocess.run(args + [out, src], check=True)


# pass: 60 x 40 plot, 20 x 30 building in a corner; room beside it.
write("pass-expansion_room-beside_building", "beside", box(0, 0, 60, 40), [box(0, 0, 20, 30)])
# pass: 26 x 60 plot turned 30 degrees; the module fits along its long axis only.
write("pass-expansion_room-skew_plot", "skew", turned(box(0, 0, 60, 26), 30.0))
# fail: 30 x 30 plot, no building; 20 x 20 buildable is too short for 25 m.
write("fail-expansion_room-square_30m", "square", box(0, 0, 30, 30))
# fail: 60 x 40 plot, 40 x 30 building; 305 m2 free but only 10 m wide.
write("fail-expansion_room-narrow_beside_building", "narrow", box(0, 0, 60, 40), [box(0, 0, 40, 30)])
