#!/usr/bin/env python3
"""Writes the small open-data extracts that tests/opendata reads: a made-up
town drawn in RD New (EPSG:28992) metres around (X0, Y0), as

  data/town.osm              OpenStreetMap XML (lon/lat via gdaltransform)
  data/bag/*PND*.xml         LV BAG 2.0 panden, several versions (voorkomens) each
  data/bag/*VBO*.xml         verblijfsobjecten (homes, a shop, a home not built yet)
  data/bag/*NUM*.xml         nummeraanduidingen (addresses)
  data/sites.csv             the site list, one row per way of finding a building
  data/services.csv          services OSM does not have (--poi), by point and by address
  data/sites.xlsx            the site list as a spreadsheet
  data/bag.zip               the LV files zipped, as Kadaster ships a municipality
  data/bag-national.zip      a zip of per-type zips, as the national extract
  data/bag-light.gpkg        the same town as PDOK's bag-light GeoPackage (current versions only)
  data/parcels.gpkg          BRK-like parcels (layer perceel); parcels-empty.gpkg has none
  data/nwb.gpkg              NWB-like wegvakken (junction ids, rijrichtng)
  data/buurten.gpkg          CBS-like buurten with aantal_inwoners; clients.csv per postcode / point
  data/liveability.gpkg      Leefbaarometer-like 100 m cells with klasse

Nothing here is real data. Run from anywhere: python3 tests/opendata/make_fixtures.py
Needs gdaltransform (gdal-bin). The expected figures are in test_opendata.cpp."""
import json
import os
import shutil
import subprocess
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
X0, Y0 = 150000.0, 450000.0


def rd(x, y):
    return (X0 + x, Y0 + y)


def to_lonlat(points):
    """RD New -> WGS84 lon/lat, all points in one gdaltransform call."""
    text = "".join("%.3f %.3f\n" % p for p in points)
    out = subprocess.run(["gdaltransform", "-s_srs", "EPSG:28992", "-t_srs", "EPSG:4326", "-output_xy"],
                         input=text, capture_output=True, text=True, check=True).stdout.split("\n")
    return [tuple(float(v) for v in line.split()) for line in out if line.strip()]


def square(x0, y0, x1, y1):
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]


# --- OpenStreetMap -----------------------------------------------------------
# Ways in local metres; tags as OSM has them.
WAYS = [
    # id, local points, tags
    (101, [(0, 90), (100, 90), (250, 90), (300, 90), (500, 90)], {"highway": "residential", "name": "Dorpsstraat"}),
    # Drawn east to west with oneway=-1: traffic goes west to east (the reader reverses it).
    (102, [(500, 60), (0, 60)], {"highway": "primary", "oneway": "-1", "maxspeed": "80", "name": "Provinciale weg"}),
    # A bridge over the Dorpsstraat: its middle vertex lies exactly above the street's.
    (103, [(250, 0), (250, 90), (250, 200)], {"highway": "tertiary", "bridge": "yes", "layer": "1", "name": "Brugweg"}),
    (104, [(100, 90), (100, 140)], {"highway": "footway"}),
    (105, [(300, 90), (300, 140)], {"highway": "construction"}),          # not a road: skipped
    (106, [(0, 0), (0, 90)], {"highway": "motorway_link"}),                # implied oneway
    # 20 km east: outside a 1 km margin around every site.
    (107, [(20000, 0), (20100, 0)], {"highway": "residential", "name": "Verweg"}),
]
NODES = [
    # id, local point, tags
    (1, (150, 130), {"amenity": "doctors", "name": "Huisartsenpraktijk Noord"}),
    (2, (260, 130), {"shop": "supermarket", "name": "Buurtsuper"}),
    (3, (120, 80), {"highway": "bus_stop", "name": "Dorpsstraat"}),
    (4, (330, 130), {"amenity": "pub", "name": "De Gouden Leeuw"}),
    (5, (20050, 10), {"amenity": "doctors", "name": "Far away"}),          # outside the margin
    (6, (140, 140), {"amenity": "bench"}),                                 # no category: skipped
]
AREAS = [
    # A school as a closed way: its poi is a point inside it.
    (201, square(150, 150, 190, 180), {"amenity": "school", "name": "Basisschool De Linde"}),
    # A building that only OSM has (no BAG pand): site S4 stands in it.
    (202, square(400, 100, 410, 110), {"building": "house"}),
    (203, square(20000, 100, 20010, 110), {"building": "house"}),          # far away
]


def write_osm():
    nodes = []  # (id, local point, tags)
    refs = {}
    next_id = 1000
    for wid, pts, tags in WAYS + AREAS:
        ids = []
        for p in pts:
            if p in refs:
                ids.append(refs[p])
                continue
            next_id += 1
            refs[p] = next_id
            nodes.append((next_id, p, {}))
            ids.append(next_id)
        refs_of = ids
        refs[("way", wid)] = refs_of
    # The bridge must not share its middle node with the street it crosses.
    bridge = refs[("way", 103)]
    next_id += 1
    nodes.append((next_id, (250, 90), {}))
    bridge[1] = next_id
    nodes += [(nid, p, t) for nid, p, t in NODES]
    nodes.sort(key=lambda n: n[0])  # OSM files list nodes by increasing id
    ll = to_lonlat([rd(*p) for _, p, _ in nodes])
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<osm version="0.6" generator="vgscan tests/opendata/make_fixtures.py">']
    for (nid, _, tags), (lon, lat) in zip(nodes, ll):
        if tags:
            lines.append('  <node id="%d" version="1" lat="%.8f" lon="%.8f">' % (nid, lat, lon))
            lines += ['    <tag k="%s" v="%s"/>' % kv for kv in tags.items()]
            lines.append('  </node>')
        else:
            lines.append('  <node id="%d" version="1" lat="%.8f" lon="%.8f"/>' % (nid, lat, lon))
    for wid, _, tags in WAYS + AREAS:
        lines.append('  <way id="%d" version="1">' % wid)
        lines += ['    <nd ref="%d"/>' % r for r in refs[("way", wid)]]
        lines += ['    <tag k="%s" v="%s"/>' % kv for kv in tags.items()]
        lines.append('  </way>')
    lines.append('</osm>')
    with open(os.path.join(DATA, "town.osm"), "w") as f:
        f.write("\n".join(lines) + "\n")


# --- BAG (LV 2.0 XML) ------------------------------------------------------------
NS = ('xmlns:Objecten="www.kadaster.nl/schemas/lvbag/imbag/objecten/v20200601" '
      'xmlns:gml="http://www.opengis.net/gml/3.2" '
      'xmlns:Historie="www.kadaster.nl/schemas/lvbag/imbag/historie/v20200601" '
      'xmlns:Objecten-ref="www.kadaster.nl/schemas/lvbag/imbag/objecten-ref/v20200601" '
      'xmlns:selecties-extract="http://www.kadaster.nl/schemas/lvbag/extract-selecties/v20200601" '
      'xmlns:sl-bag-extract="http://www.kadaster.nl/schemas/lvbag/extract-deelbestand-lvc/v20200601" '
      'xmlns:sl="http://www.kadaster.nl/schemas/standlevering-generiek/1.0"')


def lv_file(kind, objects):
    head = ('<?xml version="1.0" encoding="UTF-8"?>\n<sl-bag-extract:bagStand %s>\n'
            '  <sl-bag-extract:bagInfo><selecties-extract:LVC-Extract>'
            '<selecties-extract:StandTechnischeDatum>2024-01-01</selecties-extract:StandTechnischeDatum>'
            '</selecties-extract:LVC-Extract></sl-bag-extract:bagInfo>\n'
            '  <sl:standBestand><sl:dataset>LVBAG</sl:dataset><sl:inhoud><sl:gebied>GEMEENTE</sl:gebied>'
            '<sl:leveringsId>0000000001</sl:leveringsId><sl:objectTypen><sl:objectType>%s</sl:objectType>'
            '</sl:objectTypen></sl:inhoud>\n' % (NS, kind))
    body = "".join('    <sl:stand><sl-bag-extract:bagObject>%s</sl-bag-extract:bagObject></sl:stand>\n' % o
                   for o in objects)
    return head + body + '  </sl:standBestand>\n</sl-bag-extract:bagStand>\n'


def voorkomen(n, begin, end=None):
    end_tags = ""
    if end:
        end_tags = ('<Historie:eindGeldigheid>%s</Historie:eindGeldigheid>'
                    '<Historie:eindRegistratie>%sT12:00:00.000</Historie:eindRegistratie>' % (end, end))
    return ('<Objecten:voorkomen><Historie:Voorkomen><Historie:voorkomenidentificatie>%d'
            '</Historie:voorkomenidentificatie><Historie:beginGeldigheid>%s</Historie:beginGeldigheid>%s'
            '<Historie:tijdstipRegistratie>%sT12:00:00.000</Historie:tijdstipRegistratie>'
            '<Historie:BeschikbaarLV><Historie:tijdstipRegistratieLV>%sT12:00:00.000</Historie:tijdstipRegistratieLV>'
            '</Historie:BeschikbaarLV></Historie:Voorkomen></Objecten:voorkomen>' % (n, begin, end_tags, begin, begin))


def pand(pid, n, ring, year, status, begin, end=None):
    pos = " ".join("%.3f %.3f 0.0" % rd(x, y) for x, y in ring)
    return ('<Objecten:Pand><Objecten:identificatie domein="NL.IMBAG.Pand">%s</Objecten:identificatie>'
            '<Objecten:geometrie><gml:Polygon srsName="urn:ogc:def:crs:EPSG::28992" srsDimension="3">'
            '<gml:exterior><gml:LinearRing><gml:posList count="%d">%s</gml:posList></gml:LinearRing></gml:exterior>'
            '</gml:Polygon></Objecten:geometrie><Objecten:oorspronkelijkBouwjaar>%d</Objecten:oorspronkelijkBouwjaar>'
            '<Objecten:status>%s</Objecten:status><Objecten:geconstateerd>N</Objecten:geconstateerd>'
            '<Objecten:documentdatum>%s</Objecten:documentdatum><Objecten:documentnummer>D%s-%d</Objecten:documentnummer>'
            '%s</Objecten:Pand>' % (pid, len(ring), pos, year, status, begin, pid, n, voorkomen(n, begin, end)))


def vbo(vid, n, xy, doel, status, panden, num=None, begin="2010-01-01", end=None):
    adres = ('<Objecten:heeftAlsHoofdadres><Objecten-ref:NummeraanduidingRef domein="NL.IMBAG.Nummeraanduiding">%s'
             '</Objecten-ref:NummeraanduidingRef></Objecten:heeftAlsHoofdadres>' % num) if num else ""
    refs = "".join('<Objecten-ref:PandRef domein="NL.IMBAG.Pand">%s</Objecten-ref:PandRef>' % p for p in panden)
    return ('<Objecten:Verblijfsobject>%s%s<Objecten:identificatie domein="NL.IMBAG.Verblijfsobject">%s'
            '</Objecten:identificatie><Objecten:geometrie><Objecten:punt><gml:Point srsName="urn:ogc:def:crs:EPSG::28992"'
            ' srsDimension="3"><gml:pos>%.3f %.3f 0.0</gml:pos></gml:Point></Objecten:punt></Objecten:geometrie>'
            '%s<Objecten:oppervlakte>80</Objecten:oppervlakte>'
            '<Objecten:status>%s</Objecten:status><Objecten:geconstateerd>N</Objecten:geconstateerd>'
            '<Objecten:documentdatum>%s</Objecten:documentdatum><Objecten:documentnummer>D%s</Objecten:documentnummer>'
            '<Objecten:maaktDeelUitVan>%s</Objecten:maaktDeelUitVan></Objecten:Verblijfsobject>'
            % (adres, voorkomen(n, begin, end), vid, rd(*xy)[0], rd(*xy)[1],
               "".join("<Objecten:gebruiksdoel>%s</Objecten:gebruiksdoel>" % d for d in doel.split(",")),
               status, begin, vid, refs))


def num(nid, postcode, nr, letter=None, toev=None):
    extra = ""
    if letter:
        extra += "<Objecten:huisletter>%s</Objecten:huisletter>" % letter
    if toev:
        extra += "<Objecten:huisnummertoevoeging>%s</Objecten:huisnummertoevoeging>" % toev
    return ('<Objecten:Nummeraanduiding><Objecten:identificatie domein="NL.IMBAG.Nummeraanduiding">%s'
            '</Objecten:identificatie><Objecten:huisnummer>%d</Objecten:huisnummer>%s'
            '<Objecten:postcode>%s</Objecten:postcode><Objecten:typeAdresseerbaarObject>Verblijfsobject'
            '</Objecten:typeAdresseerbaarObject><Objecten:status>Naamgeving uitgegeven</Objecten:status>'
            '<Objecten:geconstateerd>N</Objecten:geconstateerd><Objecten:documentdatum>2010-01-01'
            '</Objecten:documentdatum><Objecten:documentnummer>N%s</Objecten:documentnummer>%s'
            '<Objecten:ligtAan><Objecten-ref:OpenbareRuimteRef domein="NL.IMBAG.Openbareruimte">9999300000000001'
            '</Objecten-ref:OpenbareRuimteRef></Objecten:ligtAan></Objecten:Nummeraanduiding>'
            % (nid, nr, extra, postcode, nid, voorkomen(1, "2010-01-01")))


P1, P2, P3, P4, P5 = ("9999100000000001", "9999100000000002", "9999100000000003", "9999100000000004",
                      "9999100000000005")


def write_bag():
    os.makedirs(os.path.join(DATA, "bag"), exist_ok=True)
    panden = [
        # P1 (site S1 by id): three versions; only the last, 20 x 20 m, is current.
        pand(P1, 1, square(90, 100, 110, 120), 1972, "Bouw gestart", "1971-03-01", "1972-06-01"),
        pand(P1, 2, square(100, 100, 115, 120), 1972, "Pand in gebruik", "1972-06-01", "1999-01-01"),
        pand(P1, 3, square(100, 100, 120, 120), 1972, "Pand in gebruik", "1999-01-01"),
        # P2 (site S2 by a point inside it), 15 x 12 m.
        pand(P2, 1, square(200, 100, 215, 112), 1985, "Pand in gebruik", "1985-01-01"),
        # P3 (site S3 by address), 10 x 10 m.
        pand(P3, 1, square(300, 100, 310, 110), 1994, "Pand in gebruik", "1994-01-01"),
        # P4: demolished (site S6 asks for it).
        pand(P4, 1, square(150, 200, 160, 210), 1930, "Pand in gebruik", "1930-01-01", "2015-05-01"),
        pand(P4, 2, square(150, 200, 160, 210), 1930, "Pand gesloopt", "2015-05-01"),
        # P5: the neighbours' houses along the street.
        pand(P5, 1, square(130, 100, 140, 110), 1960, "Pand in gebruik", "1960-01-01"),
    ]
    vbos = [
        vbo("9999010000000001", 1, (105, 110), "woonfunctie", "Verblijfsobject in gebruik", [P1]),
        vbo("9999010000000002", 1, (135, 105), "woonfunctie", "Verblijfsobject in gebruik", [P5]),
        # A home whose first version ended: one dwelling, not two.
        vbo("9999010000000003", 1, (137, 108), "woonfunctie", "Verblijfsobject in gebruik", [P5],
            begin="1960-01-01", end="2000-01-01"),
        vbo("9999010000000003", 2, (137, 108), "woonfunctie", "Verblijfsobject in gebruik", [P5],
            begin="2000-01-01"),
        vbo("9999010000000004", 1, (205, 106), "winkelfunctie", "Verblijfsobject in gebruik", [P2]),   # a shop
        vbo("9999010000000005", 1, (305, 105), "woonfunctie,zorgfunctie", "Verblijfsobject in gebruik", [P3],
            num="9999200000000005"),
        vbo("9999010000000006", 1, (138, 102), "woonfunctie", "Verblijfsobject gevormd", [P5]),     # not built
        vbo("9999010000000007", 1, (20005, 105), "woonfunctie", "Verblijfsobject in gebruik", [P5]),  # far away
        vbo("9999010000000008", 1, (308, 108), "woonfunctie", "Verblijfsobject in gebruik", [P3],
            num="9999200000000007"),
    ]
    nums = [num("9999200000000005", "1234AB", 5), num("9999200000000007", "1234AB", 7, letter="A")]
    for kind, objects in (("PND", panden), ("VBO", vbos), ("NUM", nums)):
        with open(os.path.join(DATA, "bag", "9999%s01012024-000001.xml" % kind), "w") as f:
            f.write(lv_file(kind, objects))


def write_sites():
    lat_lon = to_lonlat([rd(405, 105)])[0]
    rows = [
        "id,name,bag_pand_id,postcode,huisnummer,toevoeging,x,y,lat,lon,places,profile,asset_no",
        "S1,De Linde,%s,,,,,,,,12,VG3,A-001" % P1,
        "S2,Het Anker,,,,,%.1f,%.1f,,,8,VG4,A-002" % rd(207, 106),
        "S3,Zonnehof,,1234 ab,5,,,,,,6,VG3,A-003",
        "S4,Buitenhuis,,,,,,,%.8f,%.8f,4,VG4,A-004" % (lat_lon[1], lat_lon[0]),
        "S5,Onbekend,9999100000000099,,,,,,,,6,VG3,A-005",
        "S6,Gesloopt,%s,,,,,,,,6,VG3,A-006" % P4,
        "S7,Buitenland,,,,,%.1f,%.1f,,,6,VG3,A-007" % rd(80000, 80000),
        "S8,Letter,,1234AB,7,a,,,,,6,VG3,A-008",
    ]
    with open(os.path.join(DATA, "sites.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")


def write_services():
    # Services OSM does not have; the day centre by address (1234AB 7a: VBO 8 at (308, 108)).
    rows = [
        "category,name,accepts_wlz,postcode,huisnummer,toevoeging,x,y",
        "avg,AVG-team Oost,,,,,%.1f,%.1f" % rd(1000, 0),
        "crisis,Crisisdienst,,,,,%.1f,%.1f" % rd(2000, 500),
        "gp,Huisarts Wlz,yes,,,,%.1f,%.1f" % rd(200, 300),
        "daycare,Dagbesteding De Werkplaats,,1234AB,7,a,,",
        "daycare,Nergens,,9999ZZ,1,,,",
    ]
    with open(os.path.join(DATA, "services.csv"), "w") as f:
        f.write("\n".join(rows) + "\n")


# --- vector layers written through ogr2ogr ------------------------------------------


def feature(geom_type, coords, **props):
    return {"type": "Feature", "properties": props, "geometry": {"type": geom_type, "coordinates": coords}}


def poly(ring):
    return [[list(rd(x, y)) for x, y in ring]]


def gpkg(name, layers):
    """layers: {layer name: [features]} -> data/<name> (EPSG:28992); an empty list makes an empty layer."""
    out = os.path.join(DATA, name)
    if os.path.exists(out):
        os.remove(out)
    with tempfile.TemporaryDirectory() as tmp:
        for layer, features in layers.items():
            src = os.path.join(tmp, layer + ".geojson")
            with open(src, "w") as f:
                json.dump({"type": "FeatureCollection", "features": features}, f)
            args = ["ogr2ogr", "-f", "GPKG", "-a_srs", "EPSG:28992", "-nln", layer]
            if not features:
                args += ["-nlt", "POLYGON"]
            subprocess.run(args + (["-update"] if os.path.exists(out) else []) + [out, src], check=True)


def write_bag_variants():
    # The LV files zipped as one municipality, and as the national zip of zips.
    bag = os.path.join(DATA, "bag")
    with zipfile.ZipFile(os.path.join(DATA, "bag.zip"), "w", zipfile.ZIP_DEFLATED) as z:
        for f in sorted(os.listdir(bag)):
            z.write(os.path.join(bag, f), f)
    with tempfile.TemporaryDirectory() as tmp:
        inner = []
        for kind in ("PND", "VBO", "NUM"):
            name = "9999%s01012024.zip" % kind
            with zipfile.ZipFile(os.path.join(tmp, name), "w", zipfile.ZIP_DEFLATED) as z:
                xml = "9999%s01012024-000001.xml" % kind
                z.write(os.path.join(bag, xml), xml)
            inner.append(name)
        with zipfile.ZipFile(os.path.join(DATA, "bag-national.zip"), "w", zipfile.ZIP_STORED) as z:
            for name in inner:
                z.write(os.path.join(tmp, name), name)
    # bag-light: current versions only, the address in the verblijfsobject.
    pand = lambda pid, ring, year, status: feature("Polygon", poly(ring), identificatie=pid, bouwjaar=year,
                                                   status=status)
    vbo = lambda vid, xy, doel, status, p, pc=None, nr=None, letter=None: feature(
        "Point", list(rd(*xy)), identificatie=vid, gebruiksdoel=doel, status=status, pand_identificatie=p,
        postcode=pc, huisnummer=nr, huisletter=letter, toevoeging=None)
    gpkg("bag-light.gpkg", {
        "pand": [pand(P1, square(100, 100, 120, 120), 1972, "Pand in gebruik"),
                 pand(P2, square(200, 100, 215, 112), 1985, "Pand in gebruik"),
                 pand(P3, square(300, 100, 310, 110), 1994, "Pand in gebruik"),
                 pand(P4, square(150, 200, 160, 210), 1930, "Pand gesloopt"),
                 pand(P5, square(130, 100, 140, 110), 1960, "Pand in gebruik")],
        "verblijfsobject": [
            vbo("9999010000000001", (105, 110), "woonfunctie", "Verblijfsobject in gebruik", P1),
            vbo("9999010000000002", (135, 105), "woonfunctie", "Verblijfsobject in gebruik", P5),
            vbo("9999010000000003", (137, 108), "woonfunctie", "Verblijfsobject in gebruik", P5),
            vbo("9999010000000004", (205, 106), "winkelfunctie", "Verblijfsobject in gebruik", P2),
            vbo("9999010000000005", (305, 105), "woonfunctie,zorgfunctie", "Verblijfsobject in gebruik", P3,
                "1234AB", 5),
            vbo("9999010000000006", (138, 102), "woonfunctie", "Verblijfsobject gevormd", P5),
            vbo("9999010000000007", (20005, 105), "woonfunctie", "Verblijfsobject in gebruik", P5),
            vbo("9999010000000008", (308, 108), "woonfunctie", "Verblijfsobject in gebruik", P3, "1234AB", 7, "A")]})


def write_context_layers():
    # Parcels: X 1 under pand 1 (40 x 40 m); a neighbour's parcel X 2 whose edge
    # overlaps pand 1 by 0.1 x 5 = 0.5 m² (a drawing difference: not the plot);
    # X 3 under pand 2. Pand 3 has none.
    parcel = lambda sectie, nr, ring: feature("Polygon", poly(ring), identificatie="9999%s%05d" % (sectie, nr),
                                              gemeente="TST01", sectie=sectie, perceelnummer=nr)
    gpkg("parcels.gpkg", {"perceel": [parcel("X", 1, square(90, 90, 130, 130)),
                                      parcel("X", 2, square(119.9, 100, 160, 105)),
                                      parcel("X", 3, square(190, 95, 225, 120)),
                                      parcel("X", 9, square(20000, 0, 20040, 40))]})
    gpkg("parcels-empty.gpkg", {"perceel": []})
    # NWB: the street in two wegvakken meeting at junction 2 (the second starts
    # 0.36 m off: moved onto the junction), the provincial road drawn east to
    # west with rijrichtng T (reversed), a cycle path.
    wvk = lambda wid, pts, authority, bst, direction, begin, end, name: feature(
        "LineString", [list(rd(x, y)) for x, y in pts], wvk_id=wid, wegbehsrt=authority, bst_code=bst,
        rijrichtng=direction, stt_naam=name, jte_id_beg=begin, jte_id_end=end)
    gpkg("nwb.gpkg", {"wegvakken": [
        wvk(601, [(0, 90), (250, 90)], "G", None, None, 1, 2, "Dorpsstraat"),
        wvk(602, [(250.3, 90.2), (500, 90)], "G", None, None, 2, 3, "Dorpsstraat"),
        wvk(603, [(500, 60), (0, 60)], "P", "HR", "T", 4, 5, "Provinciale weg"),
        wvk(604, [(100, 90), (100, 140)], "G", "FP", None, 6, 7, None),
        wvk(605, [(20000, 0), (20100, 0)], "G", None, None, 8, 9, "Verweg")]})
    # CBS buurten: B1 with 1,200 inhabitants, B2 secret (-99997), B3 far away.
    buurt = lambda code, ring, n: feature("Polygon", poly(ring), buurtcode=code, buurtnaam="Buurt " + code,
                                          aantal_inwoners=n)
    gpkg("buurten.gpkg", {"buurten": [buurt("BU99990001", square(0, 0, 500, 500), 1200),
                                      buurt("BU99990002", square(500, 0, 1000, 500), -99997),
                                      buurt("BU99990003", square(20000, 0, 20500, 500), 800)]})
    with open(os.path.join(DATA, "clients.csv"), "w") as f:
        f.write("id,postcode,x,y,clients\n"
                "c1,1234AB,,,3\n"                     # the mean of 1234AB's two addresses: (306.5, 106.5)
                "c2,,%.1f,%.1f,2\n"                   # a point
                "c3,,,,4\n" % rd(400, 300))           # no place: left out with an error
    # Leefbaarometer: 100 m cells with klasse; one with an impossible class; one far away.
    cell = lambda cid, x0, y0, k: feature("Polygon", poly(square(x0, y0, x0 + 100, y0 + 100)), grid_id=cid, klasse=k)
    gpkg("liveability.gpkg", {"leefbaarometer": [cell("g1", 50, 50, 6), cell("g2", 150, 50, 3),
                                                 cell("g3", 250, 50, 12), cell("g4", 20000, 0, 5)]})


def write_xlsx():
    out = os.path.join(DATA, "sites.xlsx")
    if os.path.exists(out):
        os.remove(out)
    subprocess.run(["ogr2ogr", "-f", "XLSX", out, os.path.join(DATA, "sites.csv"), "-nln", "sites"], check=True)


if __name__ == "__main__":
    os.makedirs(DATA, exist_ok=True)
    write_osm()
    write_bag()
    write_sites()
    write_services()
    write_bag_variants()
    write_context_layers()
    write_xlsx()
