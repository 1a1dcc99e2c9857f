"""Shared by the location rules' make_fixtures.py scripts: small portfolios
(sites, buildings, roads, poi) drawn in local metres, shifted to RD New by
(X0, Y0), written as GeoJSON under <tests>/src/<name>/ and packed into
<tests>/<name>.gpkg with ogr2ogr (EPSG:28992 via -a_srs)."""
import json, os, subprocess

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


def write(here, name, layers):
    src = os.path.join(here, "src", name)
    os.makedirs(src, exist_ok=True)
    out = os.path.join(here, name + ".gpkg")
    if os.path.exists(out):
        os.remove(out)
    for layer, features in layers.items():
        path = os.path.join(src, layer + ".geojson")
        with open(path, "w") as f:
            json.dump({"type": "FeatureCollection", "features": features}, f, indent=1)
        subprocess.run(["ogr2ogr", "-f", "GPKG", "-a_srs", "EPSG:28992", "-nln", layer]
                       + (["-update"] if os.path.exists(out) else []) + [out, path], check=True)

