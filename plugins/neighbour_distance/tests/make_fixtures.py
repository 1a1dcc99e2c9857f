#!/usr/bin/env python3
"""Writes the GeoJSON layers of this rule's fixture portfolios (tests/src/<name>/)
and turns each into tests/<name>.gpkg with ogr2ogr (EPSG:28992 via -a_srs).
Coordinates are RD New metres: a local drawing shifted by (X0, Y0). The site:
a 40 x 40 m plot (-20..20) with a 10 x 10 m building, centred on the origin.
Run from anywhere: python3 plugins/neighbour_distance/tests/make_fixtures.py"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "kit"))
from portfolio_fixtures import feature, pt, site  # noqa: E402
import portfolio_fixtures  # noqa: E402


def home(hid, x, y):
    return feature("Point", pt(x, y), id=hid)


def write(name, homes):
    sites, buildings = site(0, 0)
    portfolio_fixtures.write(HERE, name, {"sites": sites, "buildings": buildings, "dwellings": homes})


if __name__ == "__main__":
    # The site's own home (inside the plot) does not count. Neighbours at
    # (0, 80): 80 - 20 = 60 m; (60, 60): from the plot corner (20, 20)
    # hypot(40, 40) = 56.57 m; (150, 0): 130 m. Nearest 56.57 >= 25; 2 homes
    # within 100 m <= 30.
    write("pass-neighbour_distance-edge_of_village",
          [home("own", 0, 0), home("n1", 0, 80), home("n2", 60, 60), home("n3", 150, 0)])
    # A home 30 m east of the centre: 30 - 20 = 10 m from the plot (< 25).
    write("fail-neighbour_distance-semi_detached", [home("own", 0, 0), home("next_door", 30, 0), home("n3", 0, 90)])
    # 41 homes in a row along y = 60, x = -100 .. 100 every 5 m: the nearest
    # 40 m away (passes), but every one of them lies within 100 m of the plot:
    # the nearest plot point to (x, 60) is (clamp(x), 20), at most
    # hypot(80, 40) = 89.4 m: 41 > 30, a busy residential area.
    write("fail-neighbour_distance-busy_street", [home("h%d" % i, -100 + 5 * i, 60) for i in range(41)])
