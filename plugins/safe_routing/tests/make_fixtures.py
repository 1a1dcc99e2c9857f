#!/usr/bin/env python3
"""Writes the safe_routing fixture plans (run from this folder). Walls are
0.1 m gaps inside, 0.3 m outside; doors are lines in the middle of the gap."""
import json


def rect(id, use, x0, y0, x1, y1, group="A", storey=0):
    return {"type": "Feature",
            "properties": {"feature": "space", "id": id, "use": use, "storey": storey, "group": group},
            "geometry": {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}}


def door(id, a, b, x0, y0, x1, y1, kind="door", storey=0):
    return {"type": "Feature",
            "properties": {"feature": "opening", "id": id, "kind": kind, "from": a, "to": b, "storey": storey},
            "geometry": {"type": "LineString", "coordinates": [[x0, y0], [x1, y1]]}}


def post(id, x, y, group="A", storey=0):
    return {"type": "Feature", "properties": {"feature": "staff_post", "id": id, "storey": storey, "group": group},
            "geometry": {"type": "Point", "coordinates": [x, y]}}


def write(name, features):
    with open(name + ".geojson", "w") as f:
        f.write('{\n"type": "FeatureCollection",\n"name": "%s",\n"features": [\n' % name)
        f.write(",\n".join(json.dumps(x) for x in features))
        f.write("\n]\n}\n")


# pass: corridor [0,16]x[0,2] with an exit at each end; three bedrooms north,
# each with its own bathroom; the living room south opens onto the corridor
# through a 2 m passage (x 3..5); the post is in the living room at (4,-3).
f = [rect("corridor", "corridor", 0, 0, 16, 2), rect("living", "living", 0, -6.1, 8, -0.1),
     door("e_w", "corridor", "outside", -0.15, 0.55, -0.15, 1.45),
     door("e_e", "corridor", "outside", 16.15, 0.55, 16.15, 1.45),
     door("p_living", "living", "corridor", 3, -0.05, 5, -0.05, "passage"),
     post("post", 4, -3)]
for i, x0 in enumerate([0, 5, 10], 1):
    f += [rect("bed%d" % i, "bedroom", x0, 2.1, x0 + 4.9, 6.1), rect("bath%d" % i, "bathroom", x0, 6.2, x0 + 2.5, 8.2),
          door("d_bed%d" % i, "corridor", "bed%d" % i, x0 + 1, 2.05, x0 + 1.9, 2.05),
          door("d_bath%d" % i, "bed%d" % i, "bath%d" % i, x0 + 0.5, 6.15, x0 + 1.3, 6.15)]
write("pass-safe_routing-two_exits", f)

# fail: a 30 m corridor, exits at the west end and in the south wall near the
# east end; the post at (2.05, 1); bed_far beyond the east end wall, its door
# centred on y = 1 at x = 30.05: a straight 28.00 m (> 25).
f = [rect("corridor", "corridor", 0, 0, 30, 2), rect("bed_far", "bedroom", 30.1, 0, 34, 4),
     rect("bed_near", "bedroom", 2, 2.1, 6.9, 6.1),
     door("d_far", "corridor", "bed_far", 30.05, 0.55, 30.05, 1.45),
     door("d_near", "corridor", "bed_near", 3, 2.05, 3.9, 2.05),
     door("e_w", "corridor", "outside", -0.15, 0.55, -0.15, 1.45),
     door("e_s", "corridor", "outside", 28, -0.15, 28.9, -0.15),
     post("post", 2.05, 1)]
write("fail-safe_routing-long_corridor", f)

# na: an office, a wc and a hall: no bedroom.
f = [rect("hall", "hall", 0, 0, 6, 2, ""), rect("office", "office", 0, 2.1, 4, 5.1, ""),
     rect("wc", "wc", 4.1, 2.1, 6, 3.6, ""),
     door("d_office", "hall", "office", 1, 2.05, 1.9, 2.05), door("d_wc", "hall", "wc", 4.5, 2.05, 5.3, 2.05),
     door("e", "hall", "outside", -0.15, 0.55, -0.15, 1.45), post("post", 2, 3.5, "")]
write("na-safe_routing-office_only", f)
