#!/usr/bin/env python3
"""Writes the GeoJSON layers of this rule's fixture portfolios (tests/src/<name>/)
and turns each into tests/<name>.gpkg with ogr2ogr (EPSG:28992 via -a_srs).
Coordinates are RD New metres: a local drawing shifted by (X0, Y0).
Run from anywhere: python3 plugins/avg_access/tests/make_fixtures.py"""
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
    # A U of roads (as gp_access): the AVG base is 1150 m by road, the crisis
    # service 2240 m. Headline 2240 m (<= 25000).
    sites, buildings = site(100, -20)
    write("pass-avg_access-both_near", {
        "sites": sites, "buildings": buildings,
        "roads": [road([(0, 0), (1000, 0)]), road([(1000, 0), (1000, 400)]), road([(1000, 400), (0, 400)])],
        "poi": [poi("avg", "AVG-team Oost", 1030, 200), poi("crisis", "Crisisdienst Noord", 100, 420)]})
    # One 30 km road: AVG 5 km along it, crisis service 26 km: 20 + 25900 + 30 = 25950 m (> 25000).
    write("fail-avg_access-crisis_far", {
        "sites": sites, "buildings": buildings,
        "roads": [road([(0, 0), (30000, 0)], cls="secondary")],
        "poi": [poi("avg", "AVG-poli", 5100, -30), poi("crisis", "Crisisdienst", 26000, -30)]})
