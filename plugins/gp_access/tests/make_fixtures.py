#!/usr/bin/env python3
"""Writes the GeoJSON layers of this rule's fixture portfolios (tests/src/<name>/)
and turns each into tests/<name>.gpkg with ogr2ogr (EPSG:28992 via -a_srs).
Coordinates are RD New metres: a local drawing shifted by (X0, Y0).
Run from anywhere: python3 plugins/gp_access/tests/make_fixtures.py"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "kit"))
from portfolio_fixtures import feature, poi, pt, road, site, square  # noqa: E402,F401
import portfolio_fixtures  # noqa: E402


def write(name, layers):
    portfolio_fixtures.write(HERE, name, layers)


if __name__ == "__main__":
    # A U of roads: GP Oost 1150 m by road (Noord, nearer as the crow flies, 2240 m).
    sites, buildings = site(100, -20)
    write("pass-gp_access-gp_by_road", {
        "sites": sites, "buildings": buildings,
        "roads": [road([(0, 0), (1000, 0)]), road([(1000, 0), (1000, 400)]), road([(1000, 400), (0, 400)])],
        "poi": [poi("gp", "Noord", 100, 420, "yes"), poi("gp", "Oost", 1030, 200, "yes"),
                poi("gp", "Dichtbij maar geen Wlz", 100, -60, "no")]})
    # A block 3000 x 1100 m whose south side is one-way east: the GP 2800 m
    # west of the site is 5450 m away by road.
    sites, buildings = site(2900, -20)
    write("fail-gp_access-gp_beyond_oneway", {
        "sites": sites, "buildings": buildings,
        "roads": [road([(0, 0), (3000, 0)], oneway="yes"), road([(3000, 0), (3000, 1100)]),
                  road([(3000, 1100), (0, 1100)]), road([(0, 1100), (0, 0)])],
        "poi": [poi("gp", "West", 100, -30, "yes")]})
    # No roads layer: 500 m as the crow flies x 1.3 = 650 m, an estimate.
    sites, buildings = site(0, 0)
    write("warn-gp_access-no_roads_estimate", {
        "sites": sites, "buildings": buildings,
        "poi": [poi("gp", "Plein", 300, 400, "yes")]})
