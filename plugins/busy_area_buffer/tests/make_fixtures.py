#!/usr/bin/env python3
"""Writes the GeoJSON layers of this rule's fixture portfolios (tests/src/<name>/)
and turns each into tests/<name>.gpkg with ogr2ogr (EPSG:28992 via -a_srs).
Coordinates are RD New metres: a local drawing shifted by (X0, Y0).
Run from anywhere: python3 plugins/busy_area_buffer/tests/make_fixtures.py"""
import json, os, subprocess, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
X0, Y0 = 150000.0, 450000.0


def pt(x, y):
    return [X0 + x, Y0 + y]


def square(cx, cy, half):
    return [[pt(cx - half, cy - half), pt(cx + half, cy - half), pt(cx + half, cy + half),
             pt(cx - half, cy + half), pt(cx - half, cy - half)]]


def feature(geom_type, coords, **props):
    return {"type": "Feature", "properties": props, "geometry": {"type": geom_type, "coordinates": coords}}


def site(cx, cy):
    """Plot 40 x 40 m and a 10 x 10 m building centred on (cx, cy)."""
    return ([feature("Polygon", square(cx, cy, 20), id="s1", name="Testlocatie", plan="", places=12, profile="VG3")],
            [feature("Polygon", square(cx, cy, 5), site_id="s1")])


def road(points, cls="residential", oneway="no", aadt=None):
    props = {"class": cls, "oneway": oneway}
    if aadt is not None:
        props["aadt"] = aadt
    return feature("LineString", [pt(x, y) for x, y in points], **props)


def poi(category, name, x, y, accepts_wlz=None):
    props = {"category": category, "name": name}
    if accepts_wlz is not None:
        props["accepts_wlz"] = accepts_wlz
    return feature("Point", pt(x, y), **props)


def write(name, layers):
    src = os.path.join(HERE, "src", name)
    os.makedirs(src, exist_ok=True)
    out = os.path.join(HERE, name + ".gpkg")
    if os.path.exists(out):
        os.remove(out)
    for layer, features in layers.items():
        path = os.path.join(src, layer + ".geojson")
        with open(path, "w") as f:
            json.dump({"type": "FeatureCollection", "features": features}, f, indent=1)
        subprocess.run(["ogr2ogr", "-f", "GPKG", "-a_srs", "EPSG:28992", "-nln", layer]
                       + (["-update"] if os.path.exists(out) else []) + [out, path], check=True)


if __name__ == "__main__":
    # Building 10 x 10 m centred on (0, 0): its north face is y = 5.
    sites, buildings = site(0, 0)
    # Primary road 150 m north of the face (>= 100), school 300 m (>= 200);
    # the residential street 20 m south is not busy. Headline 150 m.
    write("pass-busy_area_buffer-quiet_street", {
        "sites": sites, "buildings": buildings,
        "roads": [road([(-500, 155), (500, 155)], cls="primary", aadt=12000),
                  road([(-300, -25), (300, -25)], cls="residential", aadt=300)],
        "poi": [poi("school", "De Linde", 0, 305), poi("gp", "Huisarts", 0, -60, "yes")]})
    # A school 120 m from the face (< 200); primary road 250 m. Headline 120 m.
    write("fail-busy_area_buffer-school_next_door", {
        "sites": sites, "buildings": buildings,
        "roads": [road([(-500, 255), (500, 255)], cls="primary")],
        "poi": [poi("school", "Het Anker", 0, 125)]})
    # A tertiary road carrying 8000 vehicles a day (>= 5000: busy) 60 m east
    # of the east face (x = 5); no poi layer: the place part is unknown.
    write("fail-busy_area_buffer-busy_by_aadt", {
        "sites": sites, "buildings": buildings,
        "roads": [road([(65, -400), (65, 400)], cls="tertiary", aadt=8000)]})
