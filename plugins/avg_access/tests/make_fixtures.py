#!/usr/bin/env python3
"""Writes the GeoJSON layers of this rule's fixture portfolios (tests/src/<name>/)
and turns each into tests/<name>.gpkg with ogr2ogr (EPSG:28992 via -a_srs).
Coordinates are RD New metres: a local drawing shifted by (X0, Y0).
Run from anywhere: python3 plugins/avg_access/tests/make_fixtures.py"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "kit"))
from portfolio_fixtures import feature, poi, pt, road, site, square  # noqa: E402,F401
import portfolio_fixtures  # noqa: E402


def write(name, layers):
    portfolio_fixtures.write(HERE, name, layers)


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
