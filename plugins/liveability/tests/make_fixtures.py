#!/usr/bin/env python3
"""Writes the GeoJSON layers of this rule's fixture portfolios (tests/src/<name>/)
and turns each into tests/<name>.gpkg with ogr2ogr (EPSG:28992 via -a_srs).
Coordinates are RD New metres: a local drawing shifted by (X0, Y0). The site:
a 40 x 40 m plot with a 10 x 10 m building centred on the origin. Liveability
areas are 100 x 100 m cells as the Leefbaarometer's grid.
Run from anywhere: python3 plugins/liveability/tests/make_fixtures.py"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "kit"))
from portfolio_fixtures import feature, pt, site  # noqa: E402
import portfolio_fixtures  # noqa: E402


def cell(cid, x0, y0, score, label=None):
    ring = [pt(x0, y0), pt(x0 + 100, y0), pt(x0 + 100, y0 + 100), pt(x0, y0 + 100), pt(x0, y0)]
    props = {"id": cid, "score": score}
    if label:
        props["label"] = label
    return feature("Polygon", [ring], **props)


def write(name, cells):
    sites, buildings = site(0, 0)
    portfolio_fixtures.write(HERE, name, {"sites": sites, "buildings": buildings, "liveability": cells})


if __name__ == "__main__":
    # The site stands in the cell (-50..50)^2, class 6 (ruim voldoende) >= 5.
    write("pass-liveability-ruim_voldoende", [cell("c0", -50, -50, 6), cell("c1", 50, -50, 3)])
    # The site's cell is class 3 (onvoldoende) < 5, though its neighbour is 7.
    write("fail-liveability-onvoldoende", [cell("c0", -50, -50, 3), cell("c1", 50, -50, 7)])
    # Countryside: the nearest scored cell starts 1000 m east (> 200 m), within
    # 2000 m: the site has no neighbourhood under pressure.
    write("na-liveability-countryside", [cell("far", 1000, -50, 4)])
