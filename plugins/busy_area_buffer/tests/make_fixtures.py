#!/usr/bin/env python3
"""Writes the GeoJSON layers of this rule's fixture portfolios (tests/src/<name>/)
and turns each into tests/<name>.gpkg with ogr2ogr (EPSG:28992 via -a_srs).
Coordinates are RD New metres: a local drawing shifted by (X0, Y0).
Run from anywhere: python3 plugins/busy_area_buffer/tests/make_fixtures.py"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "kit"))
from portfolio_fixtures import feature, poi, pt, road, site, square  # noqa: E402,F401
import portfolio_fixtures  # noqa: E402


def write(name, layers):
    portfolio_fixtures.write(HERE, name, layers)


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
