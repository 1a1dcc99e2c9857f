#!/usr/bin/env python3
"""Writes the GeoJSON layers of this rule's fixture portfolios (tests/src/<name>/)
and turns each into tests/<name>.gpkg with ogr2ogr (EPSG:28992 via -a_srs).
Coordinates are RD New metres: a local drawing shifted by (X0, Y0). One site:
a 10 x 10 m building centred on (100, -20), 20 m south of a road along y = 0.
Run from anywhere: python3 plugins/amenities_within_reach/tests/make_fixtures.py"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "tests", "kit"))
from portfolio_fixtures import poi, road, site  # noqa: E402
import portfolio_fixtures  # noqa: E402


def write(name, layers):
    portfolio_fixtures.write(HERE, name, layers)


if __name__ == "__main__":
    sites, buildings = site(100, -20)
    # Along the road: stop (150,-10) 20 + 50 + 10 = 80 m; shop (600,10)
    # 20 + 500 + 10 = 530 m; day centre (1500,30) 20 + 1400 + 30 = 1450 m.
    # The farthest, 1450 <= 3000.
    write("pass-amenities_within_reach-village_centre", {
        "sites": sites, "buildings": buildings,
        "roads": [road([(0, 0), (2000, 0)])],
        "poi": [poi("pt_stop", "Halte Dorp", 150, -10), poi("shop", "Buurtsuper", 600, 10),
                poi("daycare", "Dagbesteding De Werkplaats", 1500, 30)]})
    # The day centre 4.9 km along the road: 20 + 4900 + 20 = 4940 m > 3000.
    write("fail-amenities_within_reach-day_centre_far", {
        "sites": sites, "buildings": buildings,
        "roads": [road([(0, 0), (6000, 0)])],
        "poi": [poi("pt_stop", "Halte Dorp", 150, -10), poi("shop", "Buurtsuper", 600, 10),
                poi("daycare", "Dagcentrum Weideveld", 5000, 20)]})
