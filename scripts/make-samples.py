#!/usr/bin/env python3
"""Generate the bundled sample data of vgscan (everything under floorplans/).

Run from the repository root:

    python3 scripts/make-samples.py

It writes

    floorplans/plans/<name>.geojson   one floor plan per building (local metres, no CRS)
    floorplans/tests/<name>.geojson   three tiny hand-checkable plans
    floorplans/portfolio.gpkg         sites, buildings, roads, poi, demand (EPSG:28992)
    floorplans/README.md              what the data are and the figures tests rely on

The generator is deterministic (no randomness): running it twice gives the same
GeoJSON files and README. It needs only the Python standard library and the GDAL
command line tool `ogr2ogr` (for the GeoPackage). Before writing anything it checks
every plan (valid counter-clockwise polygons, no overlapping spaces, wall gaps,
doors lying in the wall gap between the two spaces they join, unique ids, every
space reachable) and every site (plan inside the plot and the footprint, roads form
a network), and it stops with an error naming the object if a check fails.

All data are illustrative: the places, names and addresses are invented.
"""

import json
import math
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "floorplans")

EPS = 1e-6
INTERIOR_WALL = 0.1          # wall gap between two spaces that share a door
EXTERIOR_WALL = 0.3          # exterior wall thickness (façade, wall to a garden)

USES = {
    "bedroom", "bathroom", "wc", "shower", "living", "dining", "kitchen", "corridor",
    "hall", "entrance", "staff", "office", "treatment", "activity", "quiet",
    "seclusion", "storage", "technical", "laundry", "stair", "lift", "outdoor", "other",
}
# spaces that get a window on an exterior wall (auto_windows)
WINDOW_WIDTH = {"bedroom": 1.5, "living": 2.4, "dining": 2.4, "kitchen": 1.2,
                "quiet": 1.2, "staff": 1.2, "office": 1.2, "treatment": 1.5,
                "activity": 2.4}


class DataError(Exception):
    """A sample violates one of the rules the generator promises."""


def fail(msg):
    raise DataError(msg)


def r3(v):
    """Round to millimetres (and never write -0.0)."""
    v = round(v, 3)
    return 0.0 if v == 0 else v


# --------------------------------------------------------------------------- geometry

def signed_area(ring):
    s = 0.0
    for i in range(len(ring)):
        x1, y1 = ring[i]
        x2, y2 = ring[(i + 1) % len(ring)]
        s += x1 * y2 - x2 * y1
    return s / 2.0


def edges(ring):
    for i in range(len(ring)):
        yield ring[i], ring[(i + 1) % len(ring)]


def dist_point_seg(p, a, b):
    ax, ay = a
    bx, by = b
    px, py = p
    dx, dy = bx - ax, by - ay
    L2 = dx * dx + dy * dy
    t = 0.0 if L2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / L2))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def orient(a, b, c):
    v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return 0 if abs(v) < 1e-12 else (1 if v > 0 else -1)


def on_seg(a, b, p):
    return (min(a[0], b[0]) - 1e-12 <= p[0] <= max(a[0], b[0]) + 1e-12 and
            min(a[1], b[1]) - 1e-12 <= p[1] <= max(a[1], b[1]) + 1e-12)


def segs_intersect(a, b, c, d):
    """Closed segments ab and cd share at least one point."""
    o1, o2, o3, o4 = orient(a, b, c), orient(a, b, d), orient(c, d, a), orient(c, d, b)
    if o1 != o2 and o3 != o4:
        return True
    if o1 == 0 and on_seg(a, b, c):
        return True
    if o2 == 0 and on_seg(a, b, d):
        return True
    if o3 == 0 and on_seg(c, d, a):
        return True
    if o4 == 0 and on_seg(c, d, b):
        return True
    return False


def dist_seg_seg(a, b, c, d):
    if segs_intersect(a, b, c, d):
        return 0.0
    return min(dist_point_seg(a, c, d), dist_point_seg(b, c, d),
               dist_point_seg(c, a, b), dist_point_seg(d, a, b))


def point_in_ring(p, ring):
    """Ray casting; points on the boundary give either answer (callers avoid them)."""
    x, y = p
    inside = False
    for (x1, y1), (x2, y2) in edges(ring):
        if (y1 > y) != (y2 > y):
            xi = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            if xi > x:
                inside = not inside
    return inside


def dist_point_ring(p, ring):
    return min(dist_point_seg(p, a, b) for a, b in edges(ring))


def dist_ring_ring(r1, r2):
    return min(dist_seg_seg(a, b, c, d) for a, b in edges(r1) for c, d in edges(r2))


def ring_is_simple(ring):
    n = len(ring)
    if n < 3:
        return False
    if len(set(ring)) != n:
        return False
    segs = list(edges(ring))
    for i in range(n):
        for j in range(i + 1, n):
            if j == i + 1 or (i == 0 and j == n - 1):
                # neighbours share one vertex; they must not fold back on each other
                a, b = segs[i]
                c, d = segs[j]
                shared = b if j == i + 1 else a
                other_i = a if shared == b else b
                other_j = d if shared == c else c
                if orient(other_i, shared, other_j) == 0 and \
                        (on_seg(shared, other_i, other_j) or on_seg(shared, other_j, other_i)):
                    return False
                continue
            if segs_intersect(*segs[i], *segs[j]):
                return False
    return True


def outward_normal(p, q):
    """Outward normal of an axis-parallel edge of a counter-clockwise ring."""
    dx, dy = q[0] - p[0], q[1] - p[1]
    if abs(dy) < EPS:
        return (0, -1) if dx > 0 else (0, 1)
    if abs(dx) < EPS:
        return (1, 0) if dy > 0 else (-1, 0)
    return None


def bbox(rings):
    xs = [x for r in rings for x, _ in r]
    ys = [y for r in rings for _, y in r]
    return min(xs), min(ys), max(xs), max(ys)


def seg_len(pts):
    return math.hypot(pts[1][0] - pts[0][0], pts[1][1] - pts[0][1])


# --------------------------------------------------------------------------- plans

class Space:
    def __init__(self, sid, use, ring, storey, group, name, extra):
        self.id, self.use, self.ring, self.storey = sid, use, ring, storey
        self.group, self.name, self.extra = group, name, extra

    @property
    def area(self):
        return signed_area(self.ring)

    def is_rect(self):
        return len(self.ring) == 4 and all(outward_normal(a, b) for a, b in edges(self.ring))

    def width(self):
        """Short side of a rectangle (the clear width of a corridor)."""
        x0, y0, x1, y1 = bbox([self.ring])
        return min(x1 - x0, y1 - y0)


class Plan:
    """One building: spaces, openings and staff posts in local metres."""

    def __init__(self, name, title, kind, year, note=""):
        self.name, self.title, self.kind, self.year, self.note = name, title, kind, year, note
        self.spaces = []
        self.sp = {}
        self.openings = []
        self.posts = []
        self.ids = set()
        self.n_door = self.n_win = 0

    # -- spaces
    def _claim(self, fid):
        if fid in self.ids:
            fail(f"{self.name}: duplicate id {fid}")
        self.ids.add(fid)

    def space(self, sid, use, pts, storey=0, group=None, name=None, **extra):
        if use not in USES:
            fail(f"{self.name}: space {sid} has unknown use {use}")
        self._claim(sid)
        ring = [(r3(x), r3(y)) for x, y in pts]
        if signed_area(ring) < 0:
            ring = ring[::-1]
        s = Space(sid, use, ring, storey, group, name or sid, extra)
        self.spaces.append(s)
        self.sp[sid] = s
        return s

    def rect(self, sid, use, x0, y0, x1, y1, **kw):
        return self.space(sid, use, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)], **kw)

    # -- openings
    def _opening(self, kind, a, b, pts, storey, width_note=None):
        if kind == "window":
            self.n_win += 1
            oid = f"w{self.n_win:02d}"
        else:
            self.n_door += 1
            oid = f"d{self.n_door:02d}"
        self._claim(oid)
        pts = [(r3(x), r3(y)) for x, y in pts]
        self.openings.append(dict(id=oid, kind=kind, frm=a, to=b, pts=pts, storey=storey))
        return oid

    def walls_between(self, a, b, maxgap):
        """Candidate walls between two spaces: (axis, midline, lo, hi, gap)."""
        A, B = self.sp[a], self.sp[b]
        out = []
        for p, q in edges(A.ring):
            na = outward_normal(p, q)
            if not na:
                continue
            for r, s in edges(B.ring):
                nb = outward_normal(r, s)
                if nb != (-na[0], -na[1]):
                    continue
                if na[0] == 0:      # horizontal wall
                    gap = (r[1] - p[1]) * na[1]
                    lo = max(min(p[0], q[0]), min(r[0], s[0]))
                    hi = min(max(p[0], q[0]), max(r[0], s[0]))
                    axis, mid = "h", (p[1] + r[1]) / 2
                else:               # vertical wall
                    gap = (r[0] - p[0]) * na[0]
                    lo = max(min(p[1], q[1]), min(r[1], s[1]))
                    hi = min(max(p[1], q[1]), max(r[1], s[1]))
                    axis, mid = "v", (p[0] + r[0]) / 2
                if EPS < gap <= maxgap + EPS and hi - lo > EPS:
                    out.append((axis, mid, lo, hi, gap))
        return out

    def door(self, a, b, width, kind="door", at=None):
        """Door/passage between spaces a and b: a line parallel to their shared wall,
        in the middle of the wall gap, its length the clear width."""
        A, B = self.sp[a], self.sp[b]
        if A.storey != B.storey:
            fail(f"{self.name}: door {a}->{b} joins two storeys")
        outdoor = "outdoor" in (A.use, B.use)
        cands = self.walls_between(a, b, EXTERIOR_WALL if outdoor else INTERIOR_WALL)
        if not cands:
            fail(f"{self.name}: no shared wall between {a} and {b}")
        if at is None:
            c = max(cands, key=lambda c: c[3] - c[2])
        else:
            def d(c):
                axis, mid, lo, hi, _ = c
                seg = [(lo, mid), (hi, mid)] if axis == "h" else [(mid, lo), (mid, hi)]
                return dist_point_seg(at, *seg)
            c = min(cands, key=d)
        axis, mid, lo, hi, gap = c
        if width > hi - lo + EPS:
            fail(f"{self.name}: door {a}->{b} of {width} m does not fit a wall of {hi - lo:.2f} m")
        centre = (lo + hi) / 2
        if at is not None:
            centre = at[0] if axis == "h" else at[1]
            centre = max(lo + width / 2, min(hi - width / 2, centre))
        t0, t1 = centre - width / 2, centre + width / 2
        pts = [(t0, mid), (t1, mid)] if axis == "h" else [(mid, t0), (mid, t1)]
        return self._opening(kind, a, b, pts, A.storey)

    def passage(self, a, b, width, at=None):
        return self.door(a, b, width, kind="passage", at=at)

    def exit(self, a, side, width, kind="door", at=None):
        """Door or window in an exterior wall: a line 0.15 m outside the space."""
        A = self.sp[a]
        n = {"S": (0, -1), "N": (0, 1), "W": (-1, 0), "E": (1, 0)}[side]
        cands = [(p, q) for p, q in edges(A.ring) if outward_normal(p, q) == n]
        if not cands:
            fail(f"{self.name}: {a} has no {side} wall")
        if at is not None:
            p, q = min(cands, key=lambda e: dist_point_seg(at, *e))
        else:   # the outermost edge on that side
            p, q = max(cands, key=lambda e: (e[0][0] * n[0] + e[0][1] * n[1],
                                             abs(e[1][0] - e[0][0]) + abs(e[1][1] - e[0][1])))
        off = EXTERIOR_WALL / 2
        if n[0] == 0:
            lo, hi = sorted((p[0], q[0]))
            mid = p[1] + n[1] * off
        else:
            lo, hi = sorted((p[1], q[1]))
            mid = p[0] + n[0] * off
        if width > hi - lo + EPS:
            fail(f"{self.name}: exterior {kind} of {a} does not fit")
        centre = (lo + hi) / 2
        if at is not None:
            centre = at[0] if n[0] == 0 else at[1]
            centre = max(lo + width / 2, min(hi - width / 2, centre))
        t0, t1 = centre - width / 2, centre + width / 2
        pts = [(t0, mid), (t1, mid)] if n[0] == 0 else [(mid, t0), (mid, t1)]
        return self._opening(kind, a, "outside", pts, A.storey)

    def post(self, pid, space, x, y, group=None):
        """Staff post; its group is the one it serves (default: its space's group)."""
        self._claim(pid)
        S = self.sp[space]
        self.posts.append(dict(id=pid, space=space, pt=(r3(x), r3(y)), storey=S.storey,
                               group=group or S.group))

    def indoor(self):
        return [s for s in self.spaces if s.use != "outdoor"]

    def extent(self):
        """Outer faces of the exterior walls: bounding box of the indoor spaces + 0.3 m."""
        x0, y0, x1, y1 = bbox([s.ring for s in self.indoor()])
        return (x0 - EXTERIOR_WALL, y0 - EXTERIOR_WALL, x1 + EXTERIOR_WALL, y1 + EXTERIOR_WALL)

    def auto_windows(self, facades="NESW"):
        """One window per habitable room on its longest exterior wall (a wall on the
        building's outer rectangle, on one of `facades`: a terraced house has party walls
        east and west), unless a door already takes that stretch."""
        x0, y0, x1, y1 = bbox([s.ring for s in self.indoor()])
        sides = {(0, -1): "S", (0, 1): "N", (-1, 0): "W", (1, 0): "E"}
        for s in self.spaces:
            if s.use not in WINDOW_WIDTH:
                continue
            best = None
            for p, q in edges(s.ring):
                n = outward_normal(p, q)
                if sides.get(n) not in facades:
                    continue
                on = ((n == (0, -1) and abs(p[1] - y0) < EPS) or (n == (0, 1) and abs(p[1] - y1) < EPS)
                      or (n == (-1, 0) and abs(p[0] - x0) < EPS) or (n == (1, 0) and abs(p[0] - x1) < EPS))
                if on:
                    L = abs(q[0] - p[0]) + abs(q[1] - p[1])
                    if best is None or L > best[0] + EPS:
                        best = (L, p, q, n)
            if best is None:
                continue
            L, p, q, n = best
            w = min(WINDOW_WIDTH[s.use], round(L - 0.6, 2))
            if w < 0.6:
                continue
            side = {(0, -1): "S", (0, 1): "N", (-1, 0): "W", (1, 0): "E"}[n]
            horiz = n[0] == 0
            lo, hi = sorted((p[0], q[0])) if horiz else sorted((p[1], q[1]))
            line = (p[1] if horiz else p[0]) + (n[1] if horiz else n[0]) * EXTERIOR_WALL / 2
            taken = []
            for o in self.openings:
                if o["storey"] != s.storey:
                    continue
                (ax, ay), (bx, by) = o["pts"]
                if horiz and abs(ay - line) < EPS and abs(by - line) < EPS:
                    taken.append(sorted((ax - 0.2, bx + 0.2)))
                if not horiz and abs(ax - line) < EPS and abs(bx - line) < EPS:
                    taken.append(sorted((ay - 0.2, by + 0.2)))
            # free stretches of the wall (0.3 m clear of the corners), longest first
            free = [(lo + 0.3, hi - 0.3)]
            for t0, t1 in sorted(taken):
                nxt = []
                for f0, f1 in free:
                    if t1 <= f0 or t0 >= f1:
                        nxt.append((f0, f1))
                        continue
                    if t0 > f0:
                        nxt.append((f0, t0))
                    if t1 < f1:
                        nxt.append((t1, f1))
                free = nxt
            if not free:
                continue
            f0, f1 = max(free, key=lambda f: (round(f[1] - f[0], 6), -f[0]))
            w = min(w, round(f1 - f0, 2))
            if w < 0.6:
                continue
            c = (f0 + f1) / 2
            at = (c, line) if horiz else (line, c)
            self.exit(s.id, side, w, kind="window", at=at)

    # -- output
    def features(self):
        feats = []
        for s in self.spaces:
            props = {"feature": "space", "id": s.id, "use": s.use, "storey": s.storey}
            if s.group is not None:
                props["group"] = s.group
            props["name"] = s.name
            props.update(s.extra)
            ring = s.ring + [s.ring[0]]
            feats.append({"type": "Feature", "properties": props,
                          "geometry": {"type": "Polygon", "coordinates": [[list(p) for p in ring]]}})
        for o in self.openings:
            props = {"feature": "opening", "id": o["id"], "kind": o["kind"], "from": o["frm"],
                     "to": o["to"], "storey": o["storey"]}
            feats.append({"type": "Feature", "properties": props,
                          "geometry": {"type": "LineString", "coordinates": [list(p) for p in o["pts"]]}})
        for t in self.posts:
            props = {"feature": "staff_post", "id": t["id"], "storey": t["storey"]}
            if t["group"] is not None:
                props["group"] = t["group"]
            feats.append({"type": "Feature", "properties": props,
                          "geometry": {"type": "Point", "coordinates": list(t["pt"])}})
        return feats


def write_featurecollection(path, name, feats, crs=None):
    """GeoJSON with one feature per line (readable diffs)."""
    head = {"type": "FeatureCollection", "name": name}
    if crs:
        head["crs"] = {"type": "name", "properties": {"name": crs}}
    lines = ",\n".join(json.dumps(f, separators=(", ", ": ")) for f in feats)
    text = json.dumps(head)[:-1] + ', "features": [\n' + lines + "\n]}\n"
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


# --------------------------------------------------------------------------- plan checks

def validate(plan):
    P = plan.name
    storeys = sorted({s.storey for s in plan.spaces})
    for s in plan.spaces:
        if not ring_is_simple(s.ring):
            fail(f"{P}: space {s.id} is not a simple polygon")
        if signed_area(s.ring) <= 0:
            fail(f"{P}: space {s.id} is not counter-clockwise")
        if not isinstance(s.storey, int):
            fail(f"{P}: space {s.id} storey is not an integer")
    # no overlaps; every pair of neighbours keeps at least an interior wall apart
    for i, a in enumerate(plan.spaces):
        for b in plan.spaces[i + 1:]:
            if a.storey != b.storey:
                continue
            d = dist_ring_ring(a.ring, b.ring)
            inside = point_in_ring(a.ring[0], b.ring) or point_in_ring(b.ring[0], a.ring)
            if d < INTERIOR_WALL - EPS or inside:
                fail(f"{P}: spaces {a.id} and {b.id} overlap or are closer than a wall ({d:.3f} m)")
            if "outdoor" in (a.use, b.use) and d < EXTERIOR_WALL - EPS:
                fail(f"{P}: outdoor space {a.id}/{b.id} closer than an exterior wall")
    # openings
    for o in plan.openings:
        oid = o["id"]
        if o["kind"] not in ("door", "passage", "window"):
            fail(f"{P}: opening {oid} has kind {o['kind']}")
        for end in (o["frm"], o["to"]):
            if end != "outside" and end not in plan.sp:
                fail(f"{P}: opening {oid} names unknown space {end}")
        A = plan.sp[o["frm"]]
        if A.storey != o["storey"]:
            fail(f"{P}: opening {oid} storey differs from {A.id}")
        a, b = o["pts"]
        if not (abs(a[0] - b[0]) < EPS or abs(a[1] - b[1]) < EPS):
            fail(f"{P}: opening {oid} is not parallel to an axis-parallel wall")
        pts = [a, b, ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)]
        if o["to"] == "outside":
            # in an exterior wall: 0.15 m from its space, no other space nearer than that
            for p in pts:
                if abs(dist_point_ring(p, A.ring) - EXTERIOR_WALL / 2) > 0.001:
                    fail(f"{P}: exterior opening {oid} is not 0.15 m outside {A.id}")
            for s in plan.spaces:
                if s.storey == A.storey and s is not A:
                    if min(dist_seg_seg(a, b, c, d) for c, d in edges(s.ring)) < EXTERIOR_WALL / 2 - EPS:
                        fail(f"{P}: exterior opening {oid} of {A.id} runs next to {s.id}")
        else:
            B = plan.sp[o["to"]]
            if A.storey != B.storey:
                fail(f"{P}: opening {oid} joins two storeys")
            tol = EXTERIOR_WALL / 2 if "outdoor" in (A.use, B.use) else INTERIOR_WALL / 2
            for S in (A, B):
                for p in pts:
                    if dist_point_ring(p, S.ring) > tol + 0.001 or point_in_ring(p, S.ring):
                        fail(f"{P}: opening {oid} does not lie in the wall of {S.id}")
            for s in plan.spaces:
                if s.storey == A.storey and s not in (A, B):
                    if min(dist_seg_seg(a, b, c, d) for c, d in edges(s.ring)) < INTERIOR_WALL / 2 + 0.02:
                        fail(f"{P}: opening {oid} ({A.id}->{B.id}) touches the wall of {s.id}")
    # openings on one wall must not overlap
    ops = plan.openings
    for i, o in enumerate(ops):
        for q in ops[i + 1:]:
            if o["storey"] == q["storey"] and dist_seg_seg(*o["pts"], *q["pts"]) < 0.1:
                fail(f"{P}: openings {o['id']} and {q['id']} overlap")
    # staff posts strictly inside a staff space or a living room
    for t in plan.posts:
        S = plan.sp[t["space"]]
        if S.use not in ("staff", "living"):
            fail(f"{P}: staff post {t['id']} is in a {S.use}")
        if not point_in_ring(t["pt"], S.ring) or dist_point_ring(t["pt"], S.ring) < 0.1:
            fail(f"{P}: staff post {t['id']} is not strictly inside {S.id}")
    # stairs: a shaft on every storey of a multi-storey plan
    if len(storeys) > 1:
        shafts = {}
        for s in plan.spaces:
            if s.use in ("stair", "lift"):
                if "shaft" not in s.extra:
                    fail(f"{P}: {s.id} has no shaft")
                shafts.setdefault(s.extra["shaft"], set()).add(s.storey)
        if not any(v == set(storeys) for v in shafts.values()):
            fail(f"{P}: no shaft connects all storeys")
    # every space reachable from outside through doors, passages and shafts
    adj = {s.id: set() for s in plan.spaces}
    adj["outside"] = set()
    for o in plan.openings:
        if o["kind"] in ("door", "passage"):
            adj[o["frm"]].add(o["to"])
            adj[o["to"]].add(o["frm"])
    by_shaft = {}
    for s in plan.spaces:
        if "shaft" in s.extra:
            by_shaft.setdefault(s.extra["shaft"], []).append(s.id)
    for ids in by_shaft.values():
        for i in ids:
            adj[i].update(j for j in ids if j != i)
    seen, todo = {"outside"}, ["outside"]
    while todo:
        for n in adj[todo.pop()]:
            if n not in seen:
                seen.add(n)
                todo.append(n)
    lost = [s.id for s in plan.spaces if s.id not in seen]
    if lost:
        fail(f"{P}: spaces not reachable from outside: {lost}")


def plan_stats(plan):
    """The figures the README promises (and the tests use)."""
    beds = [s for s in plan.spaces if s.use == "bedroom"]
    link = {s.id: set() for s in plan.spaces}
    for o in plan.openings:
        if o["kind"] in ("door", "passage") and o["to"] != "outside":
            link[o["frm"]].add(o["to"])
            link[o["to"]].add(o["frm"])

    def private(sid, bed):
        others = {n for n in link[sid] if plan.sp[n].use == "bedroom"}
        return others == {bed}

    own = []
    for b in beds:
        san = [n for n in link[b.id] if private(n, b.id)]
        uses = {plan.sp[n].use for n in san}
        if "bathroom" in uses or {"wc", "shower"} <= uses:
            own.append(b.id)
    corridors = [s for s in plan.spaces if s.use == "corridor"]
    for c in corridors:
        if not c.is_rect():
            fail(f"{plan.name}: corridor {c.id} is not a rectangle (width undefined here)")
    groups = sorted({s.group for s in plan.spaces if s.group is not None})
    areas = [b.area for b in beds]
    return {
        "storeys": len({s.storey for s in plan.spaces}),
        "groups": len(groups),
        "group_ids": groups,
        "bedrooms": len(beds),
        "own_sanitary": len(own),
        "own_ids": own,
        "share": (100.0 * len(own) / len(beds)) if beds else None,
        "corridor_min": min(c.width() for c in corridors) if corridors else None,
        "staff_posts": len(plan.posts),
        "bed_area": (min(areas), max(areas)) if areas else None,
        "spaces": len(plan.spaces),
        "openings": len(plan.openings),
        "beds_per_group": {g: sum(1 for b in beds if b.group == g) for g in groups},
        "gross_area": (plan.extent()[2] - plan.extent()[0]) * (plan.extent()[3] - plan.extent()[1]),
    }


# --------------------------------------------------------------------------- buildings

def pavilion_group(p, g, ox, flip):
    """One living group of a 1970s pavilion: 8 bedrooms of 2.4 x 4.2 m on both sides of
    a 1.5 m corridor, living room, kitchen, 2 WCs + 1 shower off the corridor."""
    W = 18.9

    def R(sid, use, u0, y0, u1, y1, name, **kw):
        x0, x1 = (ox + u0, ox + u1) if not flip else (ox + W - u1, ox + W - u0)
        return p.rect(f"{g}.{sid}", use, x0, y0, x1, y1, group=g, name=name, **kw)

    R("living", "living", 0, 0, 8.9, 4.2, f"living room {g}")
    R("kitchen", "kitchen", 0, 5.9, 4.0, 10.1, f"kitchen {g}")
    R("wc1", "wc", 4.1, 5.9, 5.2, 8.5, f"WC {g}1")
    R("wc2", "wc", 5.3, 5.9, 6.4, 8.5, f"WC {g}2")
    R("shower", "shower", 6.5, 5.9, 8.9, 8.5, f"shower room {g}")
    R("store", "storage", 4.1, 8.6, 8.9, 10.1, f"store {g} (off the kitchen)")
    R("corridor", "corridor", 0, 4.3, W, 5.8, f"corridor {g}")
    for i in range(4):
        u = 9.0 + 2.5 * i
        R(f"bed{i + 1}", "bedroom", u, 0, u + 2.4, 4.2, f"bedroom {g}{i + 1}")
        R(f"bed{i + 5}", "bedroom", u, 5.9, u + 2.4, 10.1, f"bedroom {g}{i + 5}")
    c = f"{g}.corridor"
    for i in range(1, 9):
        p.door(f"{g}.bed{i}", c, 0.85)
    p.door(f"{g}.living", c, 0.9)
    p.door(f"{g}.kitchen", c, 0.85)
    p.door(f"{g}.wc1", c, 0.7)
    p.door(f"{g}.wc2", c, 0.7)
    p.door(f"{g}.shower", c, 0.8)
    p.door(f"{g}.kitchen", f"{g}.store", 0.8)
    p.exit(f"{g}.living", "S", 0.9)


def pavilion_central(p, k, ox):
    """Middle block of a pavilion: entrance hall, staff office, store."""
    p.rect(f"staff{k}", "staff", ox, 0, ox + 3.4, 4.2, name="staff office")
    p.rect(f"store{k}", "storage", ox + 3.5, 0, ox + 5.0, 4.2, name="store")
    p.rect(f"entrance{k}", "entrance", ox, 5.9, ox + 5.0, 10.1, name="entrance hall")
    p.rect(f"corridor{k}", "corridor", ox, 4.3, ox + 5.0, 5.8, name="corridor (middle)")
    p.door(f"staff{k}", f"corridor{k}", 0.85)
    p.door(f"store{k}", f"corridor{k}", 0.8)
    p.door(f"entrance{k}", f"corridor{k}", 1.2)
    p.exit(f"entrance{k}", "N", 1.1)
    p.post(f"post{k}", f"staff{k}", ox + 1.7, 2.1)


def pavilion(name, title, year, groups, note):
    """A straight pavilion: group blocks and middle blocks along one corridor."""
    p = Plan(name, title, "institutional pavilion on a campus", year, note)
    x = 0.0
    corridors = []
    k = 0
    for item in groups:
        if item == "|":
            k += 1
            pavilion_central(p, k, x)
            corridors.append(f"corridor{k}")
            x += 5.1
        else:
            g, flip = item
            pavilion_group(p, g, x, flip)
            corridors.append(f"{g}.corridor")
            x += 19.0
    for a, b in zip(corridors, corridors[1:]):
        p.passage(a, b, 1.5)
    p.exit(corridors[0], "W", 1.0)
    p.exit(corridors[-1], "E", 1.0)
    p.auto_windows()
    return p


def pavilion_1972():
    return pavilion(
        "pavilion_1972", "Paviljoen Eik (1972)", 1972, [("A", False), "|", ("B", True)],
        "One storey, 43 m corridor of 1.5 m, two groups of 8 bedrooms of 10 m²; per group "
        "2 WCs and 1 shower off the corridor; living room and kitchen on opposite sides "
        "of the corridor; one staff office in the middle block.")


def pavilion_1965_c():
    return pavilion(
        "pavilion_1965_c", "Paviljoen Linde (1965)", 1965,
        [("A", False), "|", ("B", True), "|", ("C", False)],
        "The 1972 pavilion type with three groups of 8 (24 places): too big for one site.")


def pavilion_1978_b():
    p = Plan("pavilion_1978_b", "Paviljoen Beuk (1978)", "institutional pavilion on a campus", 1978,
             "One storey, one group of 12 bedrooms of 10 m² along a 27 m corridor of 1.5 m; "
             "two shared bathrooms and a WC off the corridor.")
    g = "A"
    p.rect("corridor", "corridor", 0, 4.3, 26.9, 5.8, group=g, name="corridor")
    p.rect("living", "living", 0, 0, 7.4, 4.2, group=g, name="living room")
    p.rect("kitchen", "kitchen", 7.5, 0, 11.9, 4.2, group=g, name="kitchen")
    p.rect("staff", "staff", 0, 5.9, 3.0, 10.1, name="staff office")
    p.rect("entrance", "entrance", 3.1, 5.9, 6.1, 10.1, name="entrance hall")
    p.rect("bath1", "bathroom", 6.2, 5.9, 8.4, 8.5, group=g, name="shared bathroom 1")
    p.rect("bath2", "bathroom", 8.5, 5.9, 10.7, 8.5, group=g, name="shared bathroom 2")
    p.rect("wc", "wc", 10.8, 5.9, 11.9, 8.5, group=g, name="WC")
    p.rect("technical", "technical", 6.2, 8.6, 11.9, 10.1, name="plant room (outside door)")
    for i in range(6):
        u = 12.0 + 2.5 * i
        p.rect(f"bed{i + 1}", "bedroom", u, 0, u + 2.4, 4.2, group=g, name=f"bedroom {i + 1}")
        p.rect(f"bed{i + 7}", "bedroom", u, 5.9, u + 2.4, 10.1, group=g, name=f"bedroom {i + 7}")
    for i in range(1, 13):
        p.door(f"bed{i}", "corridor", 0.85)
    p.door("living", "corridor", 0.9)
    p.door("kitchen", "corridor", 0.85)
    p.door("kitchen", "living", 0.85)
    p.door("staff", "corridor", 0.85)
    p.door("entrance", "corridor", 1.2)
    p.door("bath1", "corridor", 0.8)
    p.door("bath2", "corridor", 0.8)
    p.door("wc", "corridor", 0.7)
    p.exit("entrance", "N", 1.1)
    p.exit("technical", "N", 0.9)
    p.exit("corridor", "W", 1.0)
    p.exit("corridor", "E", 1.0)
    p.exit("living", "S", 0.9)
    p.post("post1", "staff", 1.5, 8.0, group=g)
    p.auto_windows()
    return p


def grouphome_1994_a():
    p = Plan("grouphome_1994_a", "Groepshuis Lindelaan (1994)", "group home in a residential street",
             1994, "One storey, one group of 8 bedrooms of 12–13 m² along a 1.2 m corridor; two shared "
             "bathrooms; living/dining room of 49 m² with the kitchen next to it; small staff room.")
    g = "A"
    p.rect("living", "living", 0, 0, 5.0, 9.8, group=g, name="living/dining room")
    p.rect("corridor", "corridor", 5.1, 4.3, 22.9, 5.5, group=g, name="corridor")
    p.rect("staff", "staff", 5.1, 0, 7.7, 4.2, name="staff room")
    p.rect("bath1", "bathroom", 7.8, 2.1, 10.1, 4.2, group=g, name="shared bathroom 1")
    p.rect("shed", "storage", 7.8, 0, 10.1, 2.0, name="garden store (outside door)")
    p.rect("kitchen", "kitchen", 5.1, 5.6, 8.5, 9.8, group=g, name="kitchen")
    p.rect("bath2", "bathroom", 8.6, 5.6, 10.9, 7.7, group=g, name="shared bathroom 2")
    p.rect("laundry", "laundry", 8.6, 7.8, 10.9, 9.8, group=g, name="laundry (off the kitchen)")
    for i in range(4):
        u = 10.2 + 3.2 * i
        p.rect(f"bed{i + 1}", "bedroom", u, 0, u + 3.1, 4.2, group=g, name=f"bedroom {i + 1}")
        u = 11.0 + 3.0 * i
        p.rect(f"bed{i + 5}", "bedroom", u, 5.6, u + 2.9, 9.8, group=g, name=f"bedroom {i + 5}")
    for i in range(1, 9):
        p.door(f"bed{i}", "corridor", 0.85)
    p.door("living", "corridor", 0.9)
    p.door("kitchen", "living", 0.9)
    p.door("kitchen", "corridor", 0.85)
    p.door("kitchen", "laundry", 0.8)
    p.door("staff", "corridor", 0.85)
    p.door("bath1", "corridor", 0.8)
    p.door("bath2", "corridor", 0.8)
    p.exit("corridor", "E", 1.0)          # front door at the end of the corridor
    p.exit("living", "S", 1.0, at=(2.5, 0))
    p.exit("shed", "S", 0.9)
    p.post("post1", "staff", 6.4, 2.1, group=g)
    p.auto_windows()
    return p


def grouphome_1996_b():
    p = Plan("grouphome_1996_b", "Groepshuis Berkenhof (1996)", "group home in a residential street",
             1996, "Two storeys, one group of 6: 2 bedrooms on the ground floor, 4 upstairs; one shared "
             "bathroom on each floor; 1.2 m corridors; stair S1; staff room downstairs and a "
             "sleep-in room upstairs.")
    g = "A"
    # ground floor
    p.rect("corridor0", "corridor", 0, 4.3, 13.3, 5.5, group=g, name="corridor ground floor")
    p.rect("living", "living", 0, 0, 7.4, 4.2, group=g, name="living room")
    p.rect("kitchen", "kitchen", 7.5, 0, 10.4, 4.2, group=g, name="kitchen")
    p.rect("staff", "staff", 10.5, 0, 13.3, 4.2, name="staff room")
    p.rect("entrance", "entrance", 0, 5.6, 2.4, 9.8, name="entrance hall")
    p.rect("stair0", "stair", 2.5, 5.6, 4.9, 9.8, name="stair", shaft="S1")
    p.rect("bed1", "bedroom", 5.0, 5.6, 7.9, 9.8, group=g, name="bedroom 1")
    p.rect("bed2", "bedroom", 8.0, 5.6, 10.9, 9.8, group=g, name="bedroom 2")
    p.rect("bath1", "bathroom", 11.0, 5.6, 13.3, 7.7, group=g, name="shared bathroom ground floor")
    p.rect("shed", "storage", 11.0, 7.8, 13.3, 9.8, name="store (outside door)")
    # first floor
    p.rect("corridor1", "corridor", 0, 4.3, 13.3, 5.5, storey=1, group=g, name="corridor first floor")
    p.rect("bed3", "bedroom", 0, 0, 4.3, 4.2, storey=1, group=g, name="bedroom 3")
    p.rect("bed4", "bedroom", 4.4, 0, 8.8, 4.2, storey=1, group=g, name="bedroom 4")
    p.rect("bed5", "bedroom", 8.9, 0, 13.3, 4.2, storey=1, group=g, name="bedroom 5")
    p.rect("linen", "storage", 0, 5.6, 2.4, 9.8, storey=1, name="linen store")
    p.rect("stair1", "stair", 2.5, 5.6, 4.9, 9.8, storey=1, name="stair", shaft="S1")
    p.rect("bath2", "bathroom", 5.0, 5.6, 7.3, 7.7, storey=1, group=g, name="shared bathroom first floor")
    p.rect("closet6", "storage", 5.0, 7.8, 7.3, 9.8, storey=1, group=g, name="closet of bedroom 6")
    p.rect("bed6", "bedroom", 7.4, 5.6, 10.3, 9.8, storey=1, group=g, name="bedroom 6")
    p.rect("sleepin", "staff", 10.4, 5.6, 13.3, 9.8, storey=1, name="sleep-in room (night staff)")
    for b in ("bed1", "bed2"):
        p.door(b, "corridor0", 0.85)
    for b in ("bed3", "bed4", "bed5", "bed6"):
        p.door(b, "corridor1", 0.85)
    p.door("bed6", "closet6", 0.7)
    p.door("living", "corridor0", 0.9)
    p.door("kitchen", "corridor0", 0.85)
    p.door("kitchen", "living", 0.9)
    p.door("staff", "corridor0", 0.85)
    p.door("entrance", "corridor0", 1.0)
    p.passage("stair0", "corridor0", 1.0)
    p.door("bath1", "corridor0", 0.8)
    p.passage("stair1", "corridor1", 1.0)
    p.door("bath2", "corridor1", 0.8)
    p.door("linen", "corridor1", 0.7)
    p.door("sleepin", "corridor1", 0.85)
    p.exit("entrance", "N", 1.0)
    p.exit("living", "S", 1.0, at=(3.7, 0))
    p.exit("shed", "E", 0.9)
    p.post("post1", "staff", 11.9, 2.1, group=g)
    p.auto_windows()
    return p


def studios_2008():
    p = Plan("studios_2008", "Studio's Weideveld (2008)", "cluster of self-contained studios", 2008,
             "One storey, 10 studios of 20.6 m² each with its own bathroom (door from the studio) and "
             "kitchenette (open to the studio) along a 1.8 m corridor; common living room; staff room.")
    g = "A"
    p.rect("corridor", "corridor", 0, 6.4, 31.0, 8.2, group=g, name="corridor")
    n = 0
    for side in ("S", "N"):
        for i in range(5):
            n += 1
            m = 4.8 * i

            def f(u, v, side=side, m=m):
                return (m + u, v) if side == "S" else (m + u, 14.6 - v)

            def poly(pts):
                return [f(u, v) for u, v in pts]
            b, ba, k = f"st{n:02d}.room", f"st{n:02d}.bath", f"st{n:02d}.kitchen"
            p.space(b, "bedroom", poly([(0, 0), (4.6, 0), (4.6, 6.3), (2.2, 6.3), (2.2, 2.5), (0, 2.5)]),
                    group=g, name=f"studio {n}")
            p.space(ba, "bathroom", poly([(0, 4.0), (2.1, 4.0), (2.1, 6.3), (0, 6.3)]), group=g,
                    name=f"bathroom of studio {n}")
            p.space(k, "kitchen", poly([(0, 2.6), (2.1, 2.6), (2.1, 3.9), (0, 3.9)]), group=g,
                    name=f"kitchenette of studio {n}")
            p.door(b, "corridor", 0.93)
            p.door(b, ba, 0.85)
            p.passage(b, k, 1.8)
    p.rect("living", "living", 24.0, 0, 31.0, 6.3, group=g, name="common living room")
    p.rect("staff", "staff", 24.0, 8.3, 27.0, 14.6, name="staff room")
    p.rect("entrance", "entrance", 27.1, 8.3, 29.5, 14.6, name="entrance hall")
    p.rect("technical", "technical", 29.6, 8.3, 31.0, 14.6, name="plant room (outside door)")
    p.door("living", "corridor", 1.2)
    p.door("staff", "corridor", 0.93)
    p.door("entrance", "corridor", 1.2)
    p.exit("entrance", "N", 1.2)
    p.exit("technical", "E", 0.9)
    p.exit("corridor", "W", 1.0)
    p.exit("living", "S", 1.0, at=(25.0, 0))
    p.post("post1", "staff", 25.5, 9.0, group=g)
    p.auto_windows()
    return p


def villa_1925():
    p = Plan("villa_1925", "Villa Eikenhof (1925)", "converted villa in a village", 1925,
             "Two storeys, 7 bedrooms of 14.7–24 m² (2 downstairs, 5 upstairs); bedroom 1 and "
             "bedroom 3 have an ensuite bathroom; the other 5 share one bathroom and one WC upstairs; "
             "upstairs corridor 1.1 m; stair S1 from the hall.")
    g = "A"
    # ground floor
    p.rect("living", "living", 0, 0, 5.4, 5.9, group=g, name="living room (front room)")
    p.rect("kitchen", "kitchen", 0, 6.0, 5.4, 11.0, group=g, name="kitchen")
    p.rect("hall", "hall", 5.5, 0, 8.3, 7.6, name="hall")
    p.rect("stair0", "stair", 5.5, 7.7, 8.3, 11.0, name="stair hall", shaft="S1")
    p.rect("bed1", "bedroom", 8.4, 0, 13.4, 4.6, group=g, name="bedroom 1 (former dining room)")
    p.rect("bath1", "bathroom", 8.4, 4.7, 10.8, 6.7, group=g, name="ensuite bathroom of bedroom 1")
    p.rect("closet1", "storage", 10.9, 4.7, 13.4, 6.7, group=g, name="closet of bedroom 1")
    p.rect("bed2", "bedroom", 8.4, 6.8, 13.4, 11.0, group=g, name="bedroom 2")
    p.door("hall", "living", 1.2)
    p.door("kitchen", "living", 0.85)
    p.door("kitchen", "hall", 0.85)
    p.passage("hall", "stair0", 1.2)
    p.door("bed1", "hall", 0.85)
    p.door("bed1", "bath1", 0.8)
    p.door("bed1", "closet1", 0.8)
    p.door("bed2", "stair0", 0.85)
    p.exit("hall", "S", 1.1)
    p.exit("kitchen", "N", 0.9, at=(4.0, 11.0))
    # first floor
    p.rect("corridor1", "corridor", 0, 6.5, 13.4, 7.6, storey=1, group=g, name="landing corridor")
    p.rect("stair1", "stair", 5.5, 7.7, 8.3, 11.0, storey=1, name="stair", shaft="S1")
    p.rect("bed4", "bedroom", 0, 7.7, 5.4, 11.0, storey=1, group=g, name="bedroom 4")
    p.rect("bath", "bathroom", 8.4, 7.7, 10.8, 9.8, storey=1, group=g, name="shared bathroom")
    p.rect("wc", "wc", 10.9, 7.7, 12.1, 9.8, storey=1, group=g, name="shared WC")
    p.rect("linen", "storage", 12.2, 7.7, 13.4, 11.0, storey=1, name="linen store")
    p.space("bed3", "bedroom", [(0, 0), (3.9, 0), (3.9, 6.4), (2.4, 6.4), (2.4, 4.1), (0, 4.1)],
            storey=1, group=g, name="bedroom 3")
    p.rect("bath3", "bathroom", 0, 4.2, 2.3, 6.4, storey=1, group=g, name="ensuite bathroom of bedroom 3")
    p.rect("bed5", "bedroom", 4.0, 0, 7.2, 6.4, storey=1, group=g, name="bedroom 5")
    p.rect("bed6", "bedroom", 7.3, 0, 9.6, 6.4, storey=1, group=g, name="bedroom 6")
    p.rect("bed7", "bedroom", 9.7, 0, 13.4, 6.4, storey=1, group=g, name="bedroom 7")
    p.passage("stair1", "corridor1", 1.0)
    for b in ("bed3", "bed4", "bed5", "bed6", "bed7"):
        p.door(b, "corridor1", 0.8)
    p.door("bed3", "bath3", 0.8)
    p.door("bath", "corridor1", 0.8)
    p.door("wc", "corridor1", 0.7)
    p.door("linen", "corridor1", 0.7)
    p.post("post1", "living", 2.7, 3.0)
    p.auto_windows()
    return p


def terraced_house_1930():
    p = Plan("terraced_house_1930", "Stadswoning Spoorstraat (1930)", "terraced house in a city centre",
             1930, "Three storeys, 5.4 m wide and 10.6 m deep; 4 bedrooms on the first and second "
             "floor, one shared bathroom on the first floor; ground floor corridor (gang) of 1.0 m, "
             "landings of 1.1 m; stair S1.")
    g = "A"
    p.rect("gang", "corridor", 0, 0, 1.0, 4.4, group=g, name="entrance corridor (gang)")
    p.rect("stair0", "stair", 0, 4.5, 1.0, 7.6, name="stair", shaft="S1")
    p.rect("living", "living", 1.1, 0, 4.8, 7.6, group=g, name="living room (kamer en suite)")
    p.rect("kitchen", "kitchen", 0, 7.7, 4.8, 10.0, group=g, name="kitchen")
    p.exit("gang", "S", 0.9)
    p.passage("gang", "stair0", 0.8)
    p.door("living", "gang", 0.8)
    p.passage("living", "kitchen", 1.6)
    p.exit("kitchen", "N", 0.85, at=(4.0, 10.0))
    for st in (1, 2):
        a, b = 2 * st - 1, 2 * st
        p.rect(f"stair{st}", "stair", 0, 4.5, 1.0, 7.6, storey=st, name="stair", shaft="S1")
        p.rect(f"landing{st}", "corridor", 1.1, 4.5, 4.8, 5.6, storey=st, group=g, name=f"landing floor {st}")
        p.rect(f"bed{a}", "bedroom", 0, 0, 4.8, 4.4, storey=st, group=g, name=f"bedroom {a} (front)")
        p.space(f"bed{b}", "bedroom", [(0, 7.7), (3.4, 7.7), (3.4, 5.7), (4.8, 5.7), (4.8, 10.0), (0, 10.0)],
                storey=st, group=g, name=f"bedroom {b} (back)")
        if st == 1:
            p.rect("bath", "bathroom", 1.1, 5.7, 3.3, 7.6, storey=1, group=g, name="shared bathroom")
            p.door("bath", "landing1", 0.75)
        else:
            p.rect("attic", "storage", 1.1, 5.7, 3.3, 7.6, storey=2, name="attic store")
            p.door("attic", "landing2", 0.7)
        p.passage(f"stair{st}", f"landing{st}", 0.8)
        p.door(f"bed{a}", f"landing{st}", 0.8)
        p.door(f"bed{b}", f"landing{st}", 0.8)
    p.post("post1", "living", 3.0, 3.0)
    p.auto_windows(facades="NS")        # east and west are party walls
    return p


NB_M = 51.4   # newbuild: group B is group A mirrored in x = 25.7


def newbuild_wing(p, g, mirror):
    """One VG7 living group of 6: ensuite studios on a 2.0 m corridor that opens into
    the living room; the glazed staff office lies in line with the corridor on the far
    side of the living room, so the post sees the living room and down the corridor."""
    def X(u):
        return NB_M - u if mirror else u

    def S(sid, use, pts, grp=True, name=None, **kw):
        return p.space(sid, use, [(X(u), v) for u, v in pts], group=g if grp else None, name=name, **kw)

    def R(sid, use, u0, v0, u1, v1, grp=True, name=None):
        return S(sid, use, [(u0, v0), (u1, v0), (u1, v1), (u0, v1)], grp, name)
    W, E = ("E", "W") if mirror else ("W", "E")
    c = f"{g}.corridor"
    R(c, "corridor", 0, 6.1, 14.5, 8.1, name=f"corridor {g} (2.0 m)")
    n = 0
    for side, starts in (("S", (0, 4.0, 8.0)), ("N", (2.6, 6.6, 10.6))):
        for m in starts:
            n += 1
            if side == "S":
                room = [(m, 0), (m + 3.8, 0), (m + 3.8, 6.0), (m + 2.1, 6.0), (m + 2.1, 3.6), (m, 3.6)]
                bath = (m, 3.7, m + 2.0, 6.0)
            else:
                room = [(m, 14.2), (m + 3.8, 14.2), (m + 3.8, 8.2), (m + 2.1, 8.2), (m + 2.1, 10.6), (m, 10.6)]
                bath = (m, 8.2, m + 2.0, 10.5)
            b, ba = f"{g}.bed{n}", f"{g}.bath{n}"
            S(b, "bedroom", room, name=f"bedroom {g}{n} (studio)")
            R(ba, "bathroom", *bath, name=f"ensuite bathroom {g}{n}")
            p.door(b, c, 1.0)
            p.door(b, ba, 0.93)
    R(f"{g}.quiet", "quiet", 0, 8.2, 2.4, 12.4, name=f"low-stimulus room {g}")
    R(f"{g}.technical", "technical", 0, 12.5, 2.4, 14.2, grp=False, name=f"plant room {g} (outside door)")
    R(f"{g}.laundry", "laundry", 12.0, 3.1, 14.4, 6.0, name=f"laundry {g}")
    R(f"{g}.store", "storage", 12.0, 0, 14.4, 3.0, name=f"store {g}")
    R(f"{g}.living", "living", 14.6, 0, 20.6, 8.1, name=f"living room {g} with open kitchen")
    R(f"{g}.office", "staff", 20.7, 4.6, 24.4, 7.6, name=f"glazed staff office {g}")
    R(f"{g}.garden", "outdoor", 11.0, -10.3, 20.6, -0.3, name=f"enclosed garden {g}")
    p.door(f"{g}.quiet", c, 0.93)
    p.exit(f"{g}.technical", W, 0.9)
    p.door(f"{g}.laundry", c, 0.93)
    p.door(f"{g}.store", f"{g}.laundry", 0.93)
    p.exit(c, W, 1.1)                                   # escape door at the corridor end
    p.passage(c, f"{g}.living", 2.0)                    # corridor opens into the living room
    p.passage(f"{g}.living", f"{g}.office", 2.6)        # glazed office, open counter
    p.door(f"{g}.living", f"{g}.garden", 1.2)
    p.post(f"post.{g}", f"{g}.office", X(20.9), 7.1)      # on the corridor axis


def newbuild_vg7_2026():
    p = Plan("newbuild_vg7_2026", "Nieuwbouw De Weide (design 2026)", "new-build VG7 design", 2026,
             "One storey, two living groups of 6 (12 places); every bedroom (17.8 m²) has its own "
             "ensuite bathroom (4.6 m², door 0.93 m); 2.0 m corridors open into the living room; a "
             "glazed staff office with a post in line with each corridor; a low-stimulus room per "
             "group away from the living room; an enclosed garden (96 m²) per group reached from the "
             "living room; shared entrance, halls, treatment room, activity room, team room, office, "
             "stores and plant rooms.")
    newbuild_wing(p, "A", False)
    newbuild_wing(p, "B", True)
    # shared middle block
    p.rect("hall_s", "hall", 24.5, 0, 26.9, 7.6, name="hall between the staff offices")
    p.rect("hall_n", "hall", 20.7, 7.7, 30.7, 10.2, name="central hall")
    p.rect("entrance", "entrance", 24.5, 10.3, 26.9, 14.2, name="entrance")
    p.rect("team", "staff", 20.7, 10.3, 24.4, 14.2, name="team room")
    p.rect("technical", "technical", 27.0, 10.3, 30.7, 14.2, name="central plant room")
    p.rect("store", "storage", 20.7, 0, 24.4, 4.5, name="central store")
    p.rect("office", "office", 27.0, 0, 30.7, 4.5, name="behaviour specialist's office")
    p.rect("activity", "activity", 14.6, 8.2, 20.6, 14.2, name="activity room (day activities)")
    p.rect("treatment", "treatment", 30.8, 8.2, 36.8, 11.9, name="treatment room")
    p.rect("therapy_store", "storage", 30.8, 12.0, 36.8, 14.2, name="therapy store")
    p.door("A.office", "hall_s", 0.93)
    p.door("B.office", "hall_s", 0.93)
    p.door("store", "hall_s", 0.93)
    p.door("office", "hall_s", 0.93)
    p.passage("hall_s", "hall_n", 2.4)
    p.exit("hall_s", "S", 1.0)
    p.passage("hall_n", "entrance", 1.8)
    p.exit("entrance", "N", 1.2)
    p.door("team", "hall_n", 0.93)
    p.door("technical", "hall_n", 0.93)
    p.door("activity", "hall_n", 1.0)
    p.door("activity", "A.living", 1.0)
    p.door("treatment", "hall_n", 1.0)
    p.door("treatment", "therapy_store", 0.9)
    p.auto_windows()
    return p


def farmhouse_1985():
    p = Plan("farmhouse_1985", "Woonboerderij Hoeve Ter Aa (1985)", "converted farmhouse in the countryside",
             1985, "One storey, one group of 8 along a 1.5 m corridor: 4 bedrooms (17 m²) with an "
             "ensuite bathroom, 4 bedrooms (12.9 m²) sharing one bathroom; living room, kitchen and "
             "staff room in the former barn.")
    g = "A"
    p.rect("corridor", "corridor", 0, 6.1, 22.0, 7.6, group=g, name="corridor")
    for i, m in enumerate((0, 3.7, 7.4, 11.1)):
        b, ba = f"bed{i + 1}", f"bath{i + 1}"
        p.space(b, "bedroom", [(m, 0), (m + 3.6, 0), (m + 3.6, 6.0), (m + 2.0, 6.0), (m + 2.0, 3.7), (m, 3.7)],
                group=g, name=f"bedroom {i + 1} (ensuite)")
        p.rect(ba, "bathroom", m, 3.8, m + 1.9, 6.0, group=g, name=f"ensuite bathroom {i + 1}")
        p.door(b, "corridor", 0.9)
        p.door(b, ba, 0.85)
    for i, u in enumerate((0, 3.1, 6.2, 9.3)):
        p.rect(f"bed{i + 5}", "bedroom", u, 7.7, u + 3.0, 12.0, group=g, name=f"bedroom {i + 5}")
        p.door(f"bed{i + 5}", "corridor", 0.85)
    p.rect("bath", "bathroom", 12.4, 7.7, 14.7, 9.9, group=g, name="shared bathroom")
    p.rect("shed", "storage", 12.4, 10.0, 14.7, 12.0, name="store (outside door)")
    p.rect("living", "living", 14.8, 0, 22.0, 6.0, group=g, name="living room (former barn)")
    p.rect("kitchen", "kitchen", 14.8, 7.7, 19.0, 12.0, group=g, name="kitchen")
    p.rect("staff", "staff", 19.1, 7.7, 22.0, 12.0, name="staff room")
    p.door("bath", "corridor", 0.8)
    p.door("living", "corridor", 1.2)
    p.door("kitchen", "corridor", 0.9)
    p.door("staff", "corridor", 0.9)
    p.exit("shed", "N", 0.9)
    p.exit("corridor", "E", 1.1)
    p.exit("corridor", "W", 0.9)
    p.exit("living", "S", 1.0, at=(16.0, 0))
    p.post("post1", "staff", 20.55, 9.85, group=g)
    p.auto_windows()
    return p


# tiny hand-checkable plans ------------------------------------------------------------

def tiny_ensuite():
    p = Plan("tiny_ensuite", "Tiny: two bedrooms with ensuite bathrooms", "test", 2026,
             "2 bedrooms (3.5 x 4.0 m) each with its own bathroom (2.0 x 2.2 m) behind a door from "
             "the bedroom; 1.5 m corridor. Own sanitary 2 of 2 = 100 %.")
    p.rect("bath1", "bathroom", 0, 0, 2.0, 2.2, group="A", name="bathroom of bedroom 1")
    p.rect("bath2", "bathroom", 3.6, 0, 5.6, 2.2, group="A", name="bathroom of bedroom 2")
    p.rect("bed1", "bedroom", 0, 2.3, 3.5, 6.3, group="A", name="bedroom 1")
    p.rect("bed2", "bedroom", 3.6, 2.3, 7.1, 6.3, group="A", name="bedroom 2")
    p.rect("corridor", "corridor", 0, 6.4, 7.1, 7.9, group="A", name="corridor")
    p.door("bed1", "bath1", 0.9)
    p.door("bed2", "bath2", 0.9)
    p.door("bed1", "corridor", 0.9)
    p.door("bed2", "corridor", 0.9)
    p.exit("corridor", "E", 1.0)
    return p


def tiny_shared():
    p = Plan("tiny_shared", "Tiny: one bathroom shared by two bedrooms", "test", 2026,
             "3 bedrooms (3.5 x 4.0 m). Bathroom 'shared' (2.0 x 2.3 m) has doors to bedroom 1 and "
             "bedroom 2, so it is private to neither; bedroom 3 has its own bathroom. "
             "Own sanitary 1 of 3 = 33.3 %.")
    p.rect("bed1", "bedroom", 0, 2.3, 3.5, 6.3, group="A", name="bedroom 1")
    p.rect("shared", "bathroom", 3.6, 2.3, 5.6, 4.6, group="A", name="bathroom shared by bedrooms 1 and 2")
    p.rect("store", "storage", 3.6, 4.7, 5.6, 6.3, group="A", name="store")
    p.rect("bed2", "bedroom", 5.7, 2.3, 9.2, 6.3, group="A", name="bedroom 2")
    p.rect("bed3", "bedroom", 9.3, 2.3, 12.8, 6.3, group="A", name="bedroom 3")
    p.rect("bath3", "bathroom", 9.3, 0, 11.3, 2.2, group="A", name="bathroom of bedroom 3")
    p.rect("corridor", "corridor", 0, 6.4, 12.8, 7.9, group="A", name="corridor")
    p.door("bed1", "shared", 0.85)
    p.door("bed2", "shared", 0.85)
    p.door("bed3", "bath3", 0.9)
    for b in ("bed1", "bed2", "bed3", "store"):
        p.door(b, "corridor", 0.9 if b != "store" else 0.7)
    p.exit("corridor", "E", 1.0)
    return p


def tiny_no_bedrooms():
    p = Plan("tiny_no_bedrooms", "Tiny: an office without bedrooms", "test", 2026,
             "One office (4.0 x 3.0 m) with an outside door: no bedroom, so bedroom rules do not apply "
             "(share of own sanitary undefined, not 0 %).")
    p.rect("office", "office", 0, 0, 4.0, 3.0, name="office")
    p.exit("office", "S", 1.0)
    return p


PLANS = [pavilion_1972, pavilion_1978_b, pavilion_1965_c, grouphome_1994_a, grouphome_1996_b,
         studios_2008, villa_1925, terraced_house_1930, newbuild_vg7_2026, farmhouse_1985]
TESTS = [tiny_ensuite, tiny_shared, tiny_no_bedrooms]

# hand-worked figures (from the drawings above); the script checks it computes the same
EXPECTED = {
    # name: storeys, groups, bedrooms, own sanitary, narrowest corridor, staff posts
    "pavilion_1972": (1, 2, 16, 0, 1.5, 1),
    "pavilion_1978_b": (1, 1, 12, 0, 1.5, 1),
    "pavilion_1965_c": (1, 3, 24, 0, 1.5, 2),
    "grouphome_1994_a": (1, 1, 8, 0, 1.2, 1),
    "grouphome_1996_b": (2, 1, 6, 0, 1.2, 1),
    "studios_2008": (1, 1, 10, 10, 1.8, 1),
    "villa_1925": (2, 1, 7, 2, 1.1, 1),
    "terraced_house_1930": (3, 1, 4, 0, 1.0, 1),
    "newbuild_vg7_2026": (1, 2, 12, 12, 2.0, 2),
    "farmhouse_1985": (1, 1, 8, 4, 1.5, 1),
    "tiny_ensuite": (1, 1, 2, 2, 1.5, 0),
    "tiny_shared": (1, 1, 3, 1, 1.5, 0),
    "tiny_no_bedrooms": (1, 0, 0, 0, None, 0),
}


# --------------------------------------------------------------------------- portfolio
# Province of Utrecht, RD New (EPSG:28992). Every place, name and address is invented.

def rot(anchor, deg, lx, ly):
    """Plan placement: world = (plan_x, plan_y) + R(deg) * (x, y); deg counter-clockwise."""
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (anchor[0] + c * lx - s * ly, anchor[1] + s * lx + c * ly)


def local_rect(anchor, deg, x0, y0, x1, y1):
    return [rot(anchor, deg, x, y) for x, y in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))]


SITES = [
    dict(id="S01", name="Beukenhorst, paviljoen Eik", plan="pavilion_1972", places=16, profile="VG4",
         anchor=(153430.0, 457000.0), rot=0.0, plot=(-30, -40, 73, 50), height=3.6,
         setting="institution campus in woodland (rural)",
         expect=[("school", ">", 200), ("shop", ">", 200), ("station", ">", 200), ("nightlife", ">", 200), ("main_road", ">", 200)],
         intent="Building fails VG7 (shared WC/shower, 1.5 m corridor, groups of 8, no sight lines "
                "from the office); location is quiet (far from main roads, schools, shops) and the "
                "plot is large: new-build cluster candidate (`cluster`) together with S02/S03; the AVG 22.7 km "
                "away is within the assumed 25 km, so the verdict is unstable (docs/decisions.md)."),
    dict(id="S02", name="Beukenhorst, paviljoen Beuk", plan="pavilion_1978_b", places=12, profile="VG4",
         anchor=(153540.0, 457000.0), rot=0.0, plot=(-37, -40, 60, 50), height=3.6,
         setting="same campus, plot next to S01",
         expect=[("school", ">", 200), ("shop", ">", 200), ("station", ">", 200), ("nightlife", ">", 200), ("main_road", ">", 200)],
         intent="Building fails (one group of 12, shared bathrooms); same quiet campus: `cluster` "
                "candidate; C1 cluster density passes with S01 next door."),
    dict(id="S03", name="Beukenhorst, paviljoen Linde", plan="pavilion_1965_c", places=24, profile="VG3",
         anchor=(153480.0, 457110.0), rot=90.0, plot=(-30, -40, 90, 60), height=3.6,
         setting="same campus, north of the campus lane; plan rotated 90°",
         expect=[("school", ">", 200), ("shop", ">", 200), ("station", ">", 200), ("nightlife", ">", 200), ("main_road", ">", 200)],
         intent="24 places: fails B2 site capacity (> 21) and B1 group size (groups of 8); tests "
                "the 90° placement of a plan."),
    dict(id="S04", name="Groepshuis Lindelaan", plan="grouphome_1994_a", places=8, profile="VG3",
         anchor=(148420.0, 449820.0), rot=0.0, plot=(-3.3, -5.0, 26.2, 24.5), height=4.2,
         setting="residential street in the town of Bosweide",
         expect=[("school", "<", 200), ("main_road", "<", 200)],
         intent="Primary school ~110 m and a secondary road ~160 m away: fails the busy-area "
                "buffer (L1); shared bathrooms (0 % own sanitary): dispose (no VG7 route, no own units, not "
                "calm enough for back-up places)."),
    dict(id="S05", name="Groepshuis Berkenhof", plan="grouphome_1996_b", places=6, profile="VG3",
         anchor=(149050.0, 450200.0), rot=15.0, plot=(-4.3, -6.0, 17.6, 25.5), height=7.5,
         setting="quiet residential cul-de-sac in Bosweide; plan rotated 15°",
         expect=[("school", ">", 450), ("shop", ">", 450), ("main_road", ">", 450), ("nightlife", ">", 450),
                 ("station", ">", 200)],
         intent="Location passes the 200 m buffer (nearest school, shop and main road ~500 m or "
                "more) but the "
                "plot is small (~690 m², no expansion room) and the building fails (shared "
                "bathrooms, stair, 1.2 m corridors): no VG7 route; 6 places in a calm street with a GP taking "
                "Wlz clients and the AVG within reach: `ambulant` (back-up places)."),
    dict(id="S06", name="Studio's Weideveld", plan="studios_2008", places=10, profile="VG3",
         anchor=(149700.0, 448150.0), rot=-20.0, plot=(-7, -12, 38, 26), height=3.8,
         setting="edge of Bosweide, next to fields; plan rotated -20°",
         expect=[("shop", "<", 800), ("daycare", "<", 800), ("pt_stop", "<", 800), ("gp_wlz", "<", 2000)],
         intent="100 % own sanitary and kitchenettes, shop, day-care centre and bus stop within "
                "800 m, GP that takes Wlz clients in Bosweide: `ambulant` (clustered ambulant living)."),
    dict(id="S07", name="Villa Eikenhof", plan="villa_1925", places=7, profile="VG4",
         anchor=(156750.0, 462250.0), rot=0.0, plot=(-18, -20, 32, 30), height=10.5,
         setting="village of Eikendorp, 2500 m² garden",
         expect=[("main_road", "<", 200), ("gp", "<", 500), ("gp_wlz", ">", 10000)],
         intent="2 of 7 bedrooms with own sanitary (28.6 %; 0 % under vg7.json, whose 0.85 m minimum door width their 0.8 m doors miss), 1.1 m upstairs corridor, stair: fails "
                "VG7; village main road ~150 m; the village GP does not take Wlz clients, so L3 "
                "must use a GP further away."),
    dict(id="S08", name="Stadswoning Spoorstraat", plan="terraced_house_1930", places=4, profile="VG3",
         anchor=(136760.0, 455900.0), rot=0.0, plot=(-0.4, -0.4, 5.2, 10.8), height=10.0,
         setting="terraced house in the city centre of Stad, on a one-way street",
         expect=[("station", "<", 200), ("nightlife", "<", 200), ("main_road", "<", 200)],
         intent="Station ~150 m, café ~30 m, primary road 40 m: must fail the busy-area buffer (L1); "
                "3 storeys, 1.0 m corridor, one shared bathroom: dispose."),
    dict(id="S09", name="Nieuwbouw De Weide", plan="newbuild_vg7_2026", places=12, profile="VG7",
         anchor=(142250.0, 443350.0), rot=0.0, plot=(-10, -16, 62, 39), height=4.5,
         setting="rural edge of the hamlet of Kerkeveld",
         expect=[("school", ">", 200), ("shop", ">", 200), ("station", ">", 200), ("nightlife", ">", 200),
                 ("main_road", ">", 200), ("gp_wlz", "<", 1500), ("avg", ">", 7500), ("avg", "<", 8500),
                 ("shop", "<", 3000)],
         intent="Design meant to pass every VG7 building gate; GP (takes Wlz) ~1.35 km, AVG base "
                "~8.2 km, shop ~1.4 km, no busy area within 200 m: `fits_vg7` (nothing to convert)."),
    dict(id="S10", name="Woonvoorziening Havenzicht", plan="", places=10, profile="VG4",
         anchor=(134030.0, 465130.0), rot=0.0, plot=(0, 0, 40, 30), height=6.5,
         footprint=(8, 8, 32, 20), storeys=2,
         setting="town of Noorderhaven, no floor plan available",
         intent="No plan: building rules must report `unknown`, only site rules run; the AVG 30.4 km "
                "away rules out every route whatever the building (`dispose`, the building named as not assessed)."),
    dict(id="S11", name="Woonboerderij Hoeve Ter Aa", plan="farmhouse_1985", places=8, profile="VG4",
         anchor=(131900.0, 446600.0), rot=35.0, plot=(-15, -20, 45, 30), height=6.0,
         extra_buildings=[((28, 5, 40, 15), 1, 3.5)],
         setting="isolated farmhouse in the countryside; plan rotated 35°; a barn is a second building",
         expect=[("shop", ">", 3000), ("daycare", ">", 3000), ("gp_wlz", ">", 8000)],
         intent="4 of 8 bedrooms ensuite (50 %); nearest shop and GP ~10 km: fails L2 max isolation "
                "(3 km) and L3 (10 min by car); tests a site with two buildings."),
]


def site_pt(site_id, lx, ly):
    s = next(s for s in SITES if s["id"] == site_id)
    return rot(s["anchor"], s["rot"], lx, ly)


def road_nodes():
    n = {
        # motorway A-road and interchanges
        "MA": (130000, 452600), "MB": (137600, 452000), "MC": (145000, 451200),
        "MD": (152200, 453300), "ME": (160000, 454800),
        # trunk road south from MC
        "T1": (145300, 447500), "T2": (145200, 444000), "T3": (145500, 440000),
        # primary road through Stad to Noorderhaven
        "P1": (137000, 454000), "P2": (136720, 455700), "P2a": (136720, 455760),
        "P2b": (136720, 455895), "P3": (136720, 456100), "P4": (136300, 458500),
        "P5": (134300, 464800),
        # Stad: one-way loop in front of the terraced house, station, west road, hospital
        "O2": (136900, 455895), "O3": (136900, 455760), "ST": (136660, 455760),
        "W1": (135900, 456600), "W2": (135000, 457600), "H1": (135960, 456680),
        # Noorderhaven
        "N1": (134150, 465050), "N2": (134000, 465120), "N3": (133900, 465300),
        # Bosweide secondary road and streets
        "Bw": (147600, 449200), "Bx1": (148300, 449295), "Bc": (148700, 449350),
        "Be": (150300, 449100), "S2a": (151400, 451500), "Bn": (148400, 450900),
        "Rn1": (148300, 449808), "Rn2": (148520, 449808), "Rn3": (148520, 449600),
        "Rn4": (148520, 450000), "Rn6": (148300, 450000),
        "Rb0": (148900, 449900),
        "Rb1": site_pt("S05", -40, -12), "Rb2": site_pt("S05", 60, -12),
        "Rb3": site_pt("S05", 60, 40),
        "Rd1": site_pt("S06", -30, 32), "Rd2": site_pt("S06", 60, 32),
        "Rd3": (150000, 448700), "AV1": (149850, 446650),
        # campus and the secondary road to Eikendorp
        "S3a": (153000, 455400), "Sj": (154000, 456550), "S3b": (156000, 459300),
        "Es": (156600, 461700), "E0": (156900, 462150), "E1": (157300, 462700),
        "E2": (158500, 464500),
        "Cs1": (153800, 456800), "CLs": (153620, 456940), "CLe": (153620, 457065),
        "CLw": (153380, 457065), "Fp1": (153250, 457300), "Fp2": (153000, 457700),
        "Fp3": (152700, 458200), "Fp4": (153300, 456850), "Fp5": (153500, 456700),
        # Eikendorp village street
        "Ev1": (156800, 462215), "Ev2": (156700, 462215), "Ev3": (156600, 462330),
        # Kerkeveld, the new-build site, the rural west
        "K1": (143800, 444200), "K2": (143000, 444400), "K3": (141500, 444600),
        "K4": (138000, 445500), "K5": (134000, 446200), "F1": (132100, 446500),
        "F2": site_pt("S11", 20, -26), "N1b": (137600, 448600),
        "G1": (142400, 443700), "G2": site_pt("S09", 20, 42),
    }
    return {k: (round(x, 2), round(y, 2)) for k, (x, y) in n.items()}


# (class, aadt or None, oneway, name, [nodes]); every road ends at a node it shares
ROADS = [
    ("motorway", 95000, "no", "A-road", ["MA", "MB"]),
    ("motorway", 110000, "no", "A-road", ["MB", "MC"]),
    ("motorway", 105000, "no", "A-road", ["MC", "MD"]),
    ("motorway", 80000, "no", "A-road", ["MD", "ME"]),
    ("trunk", 28000, "no", "N-road south", ["MC", "T1"]),
    ("trunk", 24000, "no", "N-road south", ["T1", "T2"]),
    ("trunk", 19000, "no", "N-road south", ["T2", "T3"]),
    ("primary", 24000, "no", "Stadsweg", ["MB", "P1"]),
    ("primary", 21000, "no", "Stadsweg", ["P1", "P2"]),
    ("primary", 18000, "no", "Stationsweg", ["P2", "P2a"]),
    ("primary", 18000, "no", "Stationsweg", ["P2a", "P2b"]),
    ("primary", 18000, "no", "Stationsweg", ["P2b", "P3"]),
    ("primary", 16000, "no", "Noorderweg", ["P3", "P4"]),
    ("primary", 12000, "no", "Noorderweg", ["P4", "P5"]),
    ("residential", 1800, "yes", "Spoorstraat (one-way)", ["P2b", "O2"]),
    ("residential", 1500, "yes", "Kerkstraat (one-way)", ["O2", "O3"]),
    ("residential", 1500, "yes", "Perronstraat (one-way)", ["O3", "P2a"]),
    ("service", 600, "no", "station forecourt", ["P2a", "ST"]),
    ("secondary", 12000, "no", "Westsingel", ["P3", "W1"]),
    ("secondary", 9000, "no", "Westsingel", ["W1", "W2"]),
    ("secondary", 8000, "no", "Westsingel", ["W2", "P4"]),
    ("service", 900, "no", "hospital drive", ["W1", "H1"]),
    ("residential", 2500, "no", "Havenweg", ["P5", "N1"]),
    ("residential", 900, "no", "Havenzicht", ["N1", "N2"]),
    ("residential", 600, "no", "Havenzicht", ["N2", "N3"]),
    ("secondary", 14000, "no", "Bosweideweg", ["T1", "Bw"]),
    ("secondary", 13000, "no", "Bosweideweg", ["Bw", "Bx1"]),
    ("secondary", 13000, "no", "Bosweideweg", ["Bx1", "Bc"]),
    ("secondary", 11000, "no", "Oostweg", ["Bc", "Be"]),
    ("secondary", 10000, "no", "Oostweg", ["Be", "S2a"]),
    ("secondary", 10000, "no", "Oostweg", ["S2a", "MD"]),
    ("secondary", 8500, "no", "Noordweg", ["Bc", "Bn"]),
    ("secondary", 8500, "no", "Noordweg", ["Bn", "MC"]),
    ("residential", 700, "no", "Lindelaan", ["Bx1", "Rn1"]),
    ("residential", 600, "no", "Lindelaan", ["Rn1", "Rn2"]),
    ("residential", 500, "no", "Schoolstraat", ["Rn2", "Rn3"]),
    ("residential", 800, "no", "Schoolstraat", ["Rn3", "Bc"]),
    ("residential", 400, "no", "Schoolpad", ["Rn2", "Rn4"]),
    ("residential", 300, "no", "Beukstraat", ["Rn1", "Rn6"]),
    ("residential", 300, "no", "Beukstraat", ["Rn6", "Rn4"]),
    ("residential", 400, "no", "Berkenhof", ["Bc", "Rb0"]),
    ("residential", 200, "no", "Berkenhof", ["Rb0", "Rb1"]),
    ("residential", 150, "no", "Berkenhof", ["Rb1", "Rb2"]),
    ("residential", 80, "no", "Berkenhof", ["Rb2", "Rb3"]),
    ("residential", 300, "no", "Weideveld", ["Rd1", "Rd2"]),
    ("residential", 900, "no", "Weideveld", ["Rd2", "Rd3"]),
    ("residential", 1500, "no", "Weideveld", ["Rd3", "Be"]),
    ("tertiary", 2000, "no", "Zorgweg", ["Rd3", "AV1"]),
    ("path", None, "no", "fietspad Weideveld", ["Rd1", "Bc"]),
    ("secondary", 11000, "no", "Heuvelrugweg", ["MD", "S3a"]),
    ("secondary", 10000, "no", "Heuvelrugweg", ["S3a", "Sj"]),
    ("secondary", 9000, "no", "Heuvelrugweg", ["Sj", "S3b"]),
    ("secondary", 8500, "no", "Heuvelrugweg", ["S3b", "Es"]),
    ("secondary", 8000, "no", "Dorpsstraat Eikendorp", ["Es", "E0"]),
    ("secondary", 8000, "no", "Dorpsstraat Eikendorp", ["E0", "E1"]),
    ("secondary", 8000, "no", "Heuvelrugweg", ["E1", "E2"]),
    ("service", 400, "no", "Beukenhorst drive", ["Sj", "Cs1"]),
    ("service", 350, "no", "Beukenhorst drive", ["Cs1", "CLs"]),
    ("service", 300, "no", "Beukenhorst lane", ["CLs", "CLe"]),
    ("service", 200, "no", "Beukenhorst lane", ["CLe", "CLw"]),
    ("path", None, "no", "bospad", ["CLw", "Fp1"]),
    ("path", None, "no", "bospad", ["Fp1", "Fp2"]),
    ("path", None, "no", "bospad", ["Fp2", "Fp3"]),
    ("path", None, "no", "wandelpad", ["CLw", "Fp4"]),
    ("path", None, "no", "wandelpad", ["Fp4", "Fp5"]),
    ("path", None, "no", "wandelpad", ["Fp5", "Cs1"]),
    ("residential", 600, "no", "Eikenlaan", ["E0", "Ev1"]),
    ("residential", 400, "no", "Eikenlaan", ["Ev1", "Ev2"]),
    ("residential", 300, "no", "Eikenlaan", ["Ev2", "Ev3"]),
    ("tertiary", 3500, "no", "Kerkeveldseweg", ["T2", "K1"]),
    ("tertiary", 3200, "no", "Kerkeveldseweg", ["K1", "K2"]),
    ("tertiary", 3000, "no", "Kerkeveldseweg", ["K2", "K3"]),
    ("tertiary", 2500, "no", "Polderweg", ["K3", "K4"]),
    ("tertiary", 1800, "no", "Polderweg", ["K4", "K5"]),
    ("tertiary", 1200, "no", "Polderweg", ["K5", "F1"]),
    ("service", 50, "no", "farm track", ["F1", "F2"]),
    ("secondary", 9000, "no", "Stadsweg-Zuid", ["K4", "N1b"]),
    ("secondary", 9500, "no", "Stadsweg-Zuid", ["N1b", "MB"]),
    ("service", 150, "no", "De Weide drive", ["K2", "G1"]),
    ("service", 100, "no", "De Weide drive", ["G1", "G2"]),
]

# (category, name, x, y, accepts_wlz for GPs)
POIS = [
    ("gp", "Huisartsenpraktijk Kerkeveld", 143350, 444250, "yes"),
    ("gp", "Gezondheidscentrum Bosweide", 148760, 449460, "yes"),
    ("gp", "Huisartsen Bosweide-Noord", 148350, 450550, "no"),
    ("gp", "Huisarts Eikendorp", 156950, 462350, "no"),
    ("gp", "Huisartsenpraktijk Stad-Centrum", 136900, 456150, "yes"),
    ("gp", "Huisartsen Noorderhaven", 134200, 465200, "yes"),
    ("avg", "AVG-team en behandelcentrum De Brug", 149800, 446600, None),
    ("crisis", "Crisisdienst regio (24/7)", 137300, 454700, None),
    ("hospital", "Ziekenhuis Stad", 135950, 456700, None),
    ("school", "Basisschool De Linde", 148480, 449950, None),
    ("school", "Scholengemeenschap Stad", 137150, 456350, None),
    ("school", "Dorpsschool Eikendorp", 157100, 462450, None),
    ("school", "Basisschool Havenkwartier", 134100, 465260, None),
    ("school", "Basisschool Kerkeveld", 143650, 444300, None),
    ("shop", "Supermarkt Spoorstraat", 136800, 455880, None),
    ("shop", "Winkelcentrum Bosweide", 148750, 449420, None),
    ("shop", "Supermarkt Weideveld", 149600, 448700, None),
    ("shop", "Dorpswinkel Eikendorp", 156930, 462260, None),
    ("shop", "Buurtsuper Kerkeveld", 143450, 444260, None),
    ("shop", "Winkels Havenplein", 134250, 465080, None),
    ("station", "Station Stad Centraal", 136650, 455790, None),
    ("station", "Station Noorderhaven", 134600, 465000, None),
    ("nightlife", "Café De Spoorboom", 136790, 455925, None),
    ("nightlife", "Club Perron", 136700, 455990, None),
    ("nightlife", "Eetcafé Het Plein", 148720, 449390, None),
    ("daycare", "Dagbesteding De Werkplaats", 153700, 457150, None),
    ("daycare", "Dagcentrum Weideveld", 149450, 448450, None),
    ("pt_stop", "Bus Station Stad Centraal", 136680, 455760, None),
    ("pt_stop", "Bus Stad Centrum", 136740, 456050, None),
    ("pt_stop", "Bus Bosweide Centrum", 148690, 449330, None),
    ("pt_stop", "Bus Weideveld", 149915, 448500, None),
    ("pt_stop", "Bus Beukenhorst", 154010, 456560, None),
    ("pt_stop", "Bus Kerkeveld", 143360, 444220, None),
    ("pt_stop", "Bus Eikendorp", 156905, 462160, None),
    ("pt_stop", "Bus Noorderhaven Havenweg", 134290, 464815, None),
    ("stadium", "Stadion Stad", 137950, 452450, None),
]

# where the clients who need a place live: (centre, count, base weight)
DEMAND_CENTRES = [
    ("Stad", (136800, 455900), 9, 12),
    ("Bosweide", (148700, 449400), 7, 8),
    ("Noorderhaven", (134100, 465200), 5, 6),
    ("Eikendorp", (156900, 462300), 3, 4),
    ("Kerkeveld", (143500, 444250), 3, 3),
    ("rural", (140000, 448500), 3, 2),
]


def demand_points():
    out = []
    k = 0
    for name, (cx, cy), count, base in DEMAND_CENTRES:
        for i in range(count):
            r = 450.0 * math.sqrt(i + 0.5) * (3.0 if name == "rural" else 1.0)
            a = math.radians(137.508 * (i + k))
            w = base + (7 * i + 3 * k) % 5
            out.append((f"{name}-{i + 1}", round(cx + r * math.cos(a), 1), round(cy + r * math.sin(a), 1), w))
        k += count
    return out


def dist_point_poly(p, ring):
    return 0.0 if point_in_ring(p, ring) else dist_point_ring(p, ring)


def dist_seg_poly(a, b, ring):
    if point_in_ring(a, ring) or point_in_ring(b, ring):
        return 0.0
    return min(dist_seg_seg(a, b, c, d) for c, d in edges(ring))


def build_portfolio(plans):
    nodes = road_nodes()
    sites, buildings, checks = [], [], {}
    for s in SITES:
        plot = local_rect(s["anchor"], s["rot"], *s["plot"])
        if signed_area(plot) <= 0:
            fail(f"site {s['id']}: plot not counter-clockwise")
        fps = []
        if s["plan"]:
            p = plans[s["plan"]]
            ex = p.extent()
            fp = local_rect(s["anchor"], s["rot"], *ex)
            storeys = plan_stats(p)["storeys"]
            # every space of the plan, placed, inside the plot; every indoor one inside the footprint
            for sp in p.spaces:
                for (x, y) in sp.ring:
                    w = rot(s["anchor"], s["rot"], x, y)
                    if not (point_in_ring(w, plot) and dist_point_ring(w, plot) > 0.05):
                        fail(f"site {s['id']}: space {sp.id} of {p.name} falls outside the plot")
                    if sp.use != "outdoor" and not (ex[0] < x < ex[2] and ex[1] < y < ex[3]):
                        fail(f"site {s['id']}: space {sp.id} falls outside the footprint")
            fps.append((fp, storeys, s["height"]))
        else:
            fps.append((local_rect(s["anchor"], s["rot"], *s["footprint"]), s["storeys"], s["height"]))
        for rect, st, h in s.get("extra_buildings", []):
            fps.append((local_rect(s["anchor"], s["rot"], *rect), st, h))
        for fp, st, h in fps:
            for w in fp:
                if not point_in_ring(w, plot):
                    fail(f"site {s['id']}: building outside its plot")
        sites.append((s, plot))
        for i, (fp, st, h) in enumerate(fps):
            buildings.append(dict(id=f"{s['id']}-B{i + 1}", site_id=s["id"], storeys=st, height_m=h, ring=fp))
    # road checks: nodes exist, network connected, no crossings, no road through a plot
    segs = []
    adj = {}
    for cls, aadt, oneway, name, ns in ROADS:
        for a in ns:
            if a not in nodes:
                fail(f"road {name}: unknown node {a}")
        for a, b in zip(ns, ns[1:]):
            segs.append((name, a, b))
        adj.setdefault(ns[0], set()).add(ns[-1])
        adj.setdefault(ns[-1], set()).add(ns[0])
    start = ROADS[0][4][0]
    seen, todo = {start}, [start]
    while todo:
        for n in adj[todo.pop()]:
            if n not in seen:
                seen.add(n)
                todo.append(n)
    if set(adj) - seen:
        fail(f"roads do not form one network: {sorted(set(adj) - seen)}")
    for i, (n1, a, b) in enumerate(segs):
        for (n2, c, d) in segs[i + 1:]:
            shared = {a, b} & {c, d}
            if segs_intersect(nodes[a], nodes[b], nodes[c], nodes[d]):
                if not shared:
                    fail(f"roads {n1} ({a}-{b}) and {n2} ({c}-{d}) cross without a junction")
        for s, plot in sites:
            if dist_seg_poly(nodes[a], nodes[b], plot) < 2.0:
                fail(f"road {n1} ({a}-{b}) runs through plot {s['id']}")
    for cat, name, x, y, _ in POIS:
        for s, plot in sites:
            if dist_point_poly((x, y), plot) < 1.0:
                fail(f"poi {name} lies on plot {s['id']}")
    # distances the README reports (from the plot boundary, straight line)
    for s, plot in sites:
        d = {}
        for cat, name, x, y, wlz in POIS:
            key = "gp_wlz" if (cat == "gp" and wlz == "yes") else cat
            for k in {key, cat}:
                v = dist_point_poly((x, y), plot)
                if k not in d or v < d[k][0]:
                    d[k] = (v, name)
        for cls, aadt, oneway, name, ns in ROADS:
            key = "main_road" if cls in ("motorway", "trunk", "primary", "secondary") else None
            for a, b in zip(ns, ns[1:]):
                v = dist_seg_poly(nodes[a], nodes[b], plot)
                for k in filter(None, (key, "road")):
                    if k not in d or v < d[k][0]:
                        d[k] = (v, f"{name} ({cls})")
        checks[s["id"]] = d
        for key, op, limit in s.get("expect", []):
            v = d[key][0]
            if not (v < limit if op == "<" else v > limit):
                fail(f"site {s['id']}: intended {key} {op} {limit} m but it is {v:.0f} m ({d[key][1]})")
    return nodes, sites, buildings, checks


def portfolio_layers(plans):
    nodes, sites, buildings, checks = build_portfolio(plans)

    def poly(ring):
        ring = [[round(x, 3), round(y, 3)] for x, y in ring]
        return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}
    L = {}
    L["sites"] = [{"type": "Feature", "properties": {
        "id": s["id"], "name": s["name"], "plan": f"plans/{s['plan']}.geojson" if s["plan"] else "",
        "places": s["places"], "profile": s["profile"],
        "plan_x": s["anchor"][0], "plan_y": s["anchor"][1], "plan_rotation_deg": s["rot"]},
        "geometry": poly(plot)} for s, plot in sites]
    L["buildings"] = [{"type": "Feature", "properties": {
        "id": b["id"], "site_id": b["site_id"], "storeys": b["storeys"], "height_m": b["height_m"]},
        "geometry": poly(b["ring"])} for b in buildings]
    L["roads"] = []
    for i, (cls, aadt, oneway, name, ns) in enumerate(ROADS):
        L["roads"].append({"type": "Feature", "properties": {
            "id": f"R{i + 1:03d}", "class": cls, "aadt": aadt, "oneway": oneway, "name": name},
            "geometry": {"type": "LineString", "coordinates": [list(nodes[n]) for n in ns]}})
    L["poi"] = []
    for i, (cat, name, x, y, wlz) in enumerate(POIS):
        props = {"id": f"P{i + 1:02d}", "category": cat, "name": name}
        props["accepts_wlz"] = wlz
        L["poi"].append({"type": "Feature", "properties": props,
                         "geometry": {"type": "Point", "coordinates": [x, y]}})
    L["demand"] = [{"type": "Feature", "properties": {"id": f"D{i + 1:02d}", "name": n, "weight": w},
                    "geometry": {"type": "Point", "coordinates": [x, y]}}
                   for i, (n, x, y, w) in enumerate(demand_points())]
    return L, sites, buildings, checks


def write_gpkg(layers, path):
    if shutil.which("ogr2ogr") is None:
        fail("ogr2ogr (GDAL) is needed to write the GeoPackage")
    tmp = tempfile.mkdtemp(prefix="vgscan-samples-")
    try:
        if os.path.exists(path):
            os.remove(path)
        first = True
        for name in ("sites", "buildings", "roads", "poi", "demand"):
            src = os.path.join(tmp, f"{name}.geojson")
            write_featurecollection(src, name, layers[name])
            nlt = {"sites": "POLYGON", "buildings": "POLYGON", "roads": "LINESTRING",
                   "poi": "POINT", "demand": "POINT"}[name]
            cmd = ["ogr2ogr", "--config", "OGR_CURRENT_DATE", "2026-01-01T00:00:00Z",
                   "-f", "GPKG"]
            if not first:
                cmd.append("-append")
            cmd += [path, src, "-nln", name, "-a_srs", "EPSG:28992", "-nlt", nlt,
                    "-lco", "FID=fid"]
            subprocess.run(cmd, check=True)
            first = False
    finally:
        shutil.rmtree(tmp)


# --------------------------------------------------------------------------- README

def fmt_m(v):
    return f"{v:.2f}" if v is not None else "–"


def fmt_pct(v):
    return "n/a (no bedroom)" if v is None else f"{v:.1f} %"


def fmt_km(v):
    return f"{v / 1000:.2f} km" if v >= 1000 else f"{v:.0f} m"


def readme(plans, tests, stats, sites, buildings, checks, layers):
    L = []
    w = L.append
    w("# Sample data (illustrative)")
    w("")
    w("**Everything here is made up.** The buildings, plots, roads, services and demand are "
      "illustrative: they are placed in the province of Utrecht (RD New, EPSG:28992) so that "
      "distances are realistic, but the place names (Stad, Bosweide, Eikendorp, Kerkeveld, "
      "Noorderhaven, Beukenhorst) and every name and address are invented; they are not real "
      "addresses, buildings or care locations.")
    w("")
    w("Generated by `python3 scripts/make-samples.py` (run from the repository root; Python "
      "standard library + GDAL's `ogr2ogr`). Do not edit the files by hand: change the script and "
      "rerun it. The script checks every plan and site before it writes them and prints the figures "
      "below; the figures in this file are written by the same run and cross-checked against "
      "hand-worked values kept in the script (`EXPECTED`).")
    w("")
    w("| path | what |")
    w("|---|---|")
    w("| `portfolio.gpkg` | layers `sites`, `buildings`, `roads`, `poi`, `demand` (EPSG:28992) |")
    w("| `plans/*.geojson` | one floor plan per building, referenced by `sites.plan` |")
    w("| `tests/*.geojson` | three tiny plans whose answers can be checked by hand |")
    w("")
    w("## Floor plan conventions")
    w("")
    w("Each plan follows the input contract (`floorplan-format.md`): one GeoJSON layer, every "
      "feature has `feature` = `space` | `opening` | `staff_post`; coordinates are local metres "
      "with no `crs` member.")
    w("")
    w("- **Spaces** (`id`, `use`, `storey`, `group`, `name`): Polygons of the clear floor inside "
      "the walls, counter-clockwise, valid, never overlapping. Neighbouring spaces are separated by "
      "a wall gap: 0.1 m for interior walls, 0.2 m between dwellings, 0.3 m for exterior walls. "
      "`group` is set on the spaces of a living group (bedrooms, their bathrooms, living room, "
      "kitchen, corridor); shared spaces (entrance, staff rooms, stores, plant rooms) have none. "
      "Stairs carry `shaft` (`S1`) on every storey they connect. Some bedrooms are L-shaped "
      "(studios that wrap around their bathroom); all corridors are rectangles.")
    w("- **Openings** (`id`, `kind`, `from`, `to`, `storey`): a LineString parallel to the wall, "
      "in the middle of the wall gap, its length the clear width. For a 0.1 m wall both ends lie "
      "0.05 m from both spaces. Exterior doors and windows lie 0.15 m outside their space (the "
      "middle of a 0.3 m wall) with `to` = `outside`; a door from a living room to its enclosed "
      "garden (`outdoor` space) lies in the 0.3 m wall, 0.15 m from both. `from`/`to` order has no "
      "meaning. Windows (`kind` = `window`) are on exterior walls only.")
    w("- **Staff posts** (`id`, `storey`, `group`): a Point strictly inside (≥ 0.1 m from the walls) "
      "a `staff` space or a `living` room; `group` is the group the post serves (left out on the "
      "posts in the pavilions' middle blocks, which serve two groups).")
    w("- **CRS caution**: GDAL's GeoJSON driver reports a file without a `crs` member as WGS 84 "
      "(the RFC 7946 default; GDAL 3.6 has no option to change this). These plans are local "
      "metres as the contract says; a reader must not take that WGS 84 at face value.")
    w("- **Placement on a site**: world = (`plan_x`, `plan_y`) + R(`plan_rotation_deg`) · (x, y), "
      "the rotation counter-clockwise about the plan's local origin. The building footprint in "
      "`buildings` is the placed rectangle around the plan's indoor spaces plus the 0.3 m exterior "
      "wall (gardens lie outside the footprint but inside the plot).")
    w("")
    w("## Figures per plan")
    w("")
    w("Definitions used for the tables:")
    w("")
    w("- *bedrooms*: spaces with `use` = `bedroom`.")
    w("- *own sanitary*: bedrooms with a `bathroom`, or a `wc` and a `shower`, that open directly off "
      "the bedroom through a `door` or `passage` and have such an opening to no other bedroom. A "
      "bathroom shared by two bedrooms counts for neither; a bathroom off the corridor counts for "
      "none. *share* = own sanitary / bedrooms.")
    w("- *narrowest corridor*: smallest clear width (short side) of the `corridor` spaces; `hall`, "
      "`entrance` and `stair` spaces are not corridors.")
    w("- *groups*: distinct `group` values; *staff posts*: `staff_post` features.")
    w("")
    w("| file | kind | storeys | groups | bedrooms | own sanitary | share | narrowest corridor (m) | staff posts | bedroom m² |")
    w("|---|---|---|---|---|---|---|---|---|---|")
    for p in plans:
        s = stats[p.name]
        w(f"| `plans/{p.name}.geojson` | {p.kind} ({p.year}) | {s['storeys']} | {s['groups']} | "
          f"{s['bedrooms']} | {s['own_sanitary']} | {fmt_pct(s['share'])} | {fmt_m(s['corridor_min'])} | "
          f"{s['staff_posts']} | {s['bed_area'][0]:.1f}–{s['bed_area'][1]:.1f} |")
    w("")
    for p in plans:
        s = stats[p.name]
        per = ", ".join(f"{g}: {n}" for g, n in s["beds_per_group"].items())
        w(f"- **{p.name}** — {p.title}. {p.note} Bedrooms per group: {per}. "
          f"{s['spaces']} spaces, {s['openings']} openings.")
    w("")
    w("Notes for rule tests:")
    w("")
    w("- `newbuild_vg7_2026` is drawn to pass the VG7 building rules: each 2.0 m corridor opens "
      "over its full width into the living room, and the glazed staff office with the post sits "
      "across the living room, in line with the corridor (open counter, `passage` of 2.6 m), so "
      "the post sees the living room and straight down the corridor. Each `quiet` room is at the "
      "far end of the corridor, with no wall shared with the living room. Each enclosed garden is "
      "96 m² (16 m² per resident). The corridor ends in an escape door.")
    w("- Sight lines in `newbuild_vg7_2026` (checked by sampling, not exactly): about 97 % of "
      "the living room and 100 % of the corridor are visible from the post; every bedroom door "
      "is visible from the corridor side. Far down the corridor the door lines themselves (in "
      "the 0.1 m wall gap) are seen at a grazing angle, so a B4 implementation should test a "
      "door from the circulation side of its line, not the middle of the wall gap.")
    w("- The pavilions' staff office is a closed room in the middle block (door to the corridor, "
      "no view of either living room); the villa and the terraced house have their post in "
      "the living room.")
    w("- `villa_1925`: bedroom 2 (ground floor) opens off the stair hall; upstairs the shared bathroom "
      "and WC serve bedrooms 4–7 and bedroom 2. Part of the first floor (above bedroom 2, behind "
      "the bathroom) is a void with no space.")
    w("- `grouphome_1996_b`: bedroom 6 has a private closet (a `storage`, not sanitary).")
    w("- `studios_2008`: each studio has its own bathroom (door) and kitchenette (`kitchen`, open "
      "`passage`), so it is self-contained (B15).")
    w("")
    w("### Tiny test plans (`tests/`)")
    w("")
    w("| file | bedrooms | own sanitary | share | narrowest corridor (m) | what |")
    w("|---|---|---|---|---|---|")
    for p in tests:
        s = stats[p.name]
        w(f"| `tests/{p.name}.geojson` | {s['bedrooms']} | {s['own_sanitary']} | {fmt_pct(s['share'])} | "
          f"{fmt_m(s['corridor_min'])} | {p.note} |")
    w("")
    w("## Portfolio (`portfolio.gpkg`)")
    w("")
    w("Sites (plots) with their current use and what each is meant to test. Distances are straight "
      "lines from the plot boundary, measured by the script; *main road* = motorway, trunk, primary "
      "or secondary; *GP (Wlz)* = nearest GP with `accepts_wlz` = `yes`.")
    w("")
    w("| site | name | plan | places | profile | plot m² | rotation | setting |")
    w("|---|---|---|---|---|---|---|---|")
    for s, plot in sites:
        plan = f"`plans/{s['plan']}.geojson`" if s["plan"] else "*(empty)*"
        w(f"| {s['id']} | {s['name']} | {plan} | {s['places']} | {s['profile']} | "
          f"{signed_area(plot):.0f} | {s['rot']:g}° | {s['setting']} |")
    w("")
    w("| site | school | shop | station | nightlife | main road | GP (any) | GP (Wlz) | AVG | crisis | day-care | PT stop |")
    w("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for s, plot in sites:
        d = checks[s["id"]]
        cols = [fmt_km(d[k][0]) for k in ("school", "shop", "station", "nightlife", "main_road", "gp",
                                          "gp_wlz", "avg", "crisis", "daycare", "pt_stop")]
        w(f"| {s['id']} | " + " | ".join(cols) + " |")
    w("")
    w("Intended outcome per site (what the rules should find; the classifier's exact category "
      "depends on the rule set):")
    w("")
    w("| site | intent |")
    w("|---|---|")
    for s, plot in sites:
        w(f"| {s['id']} | {s['intent']} |")
    w("")
    n_cls = {}
    for f in layers["roads"]:
        n_cls[f["properties"]["class"]] = n_cls.get(f["properties"]["class"], 0) + 1
    n_cat = {}
    for f in layers["poi"]:
        n_cat[f["properties"]["category"]] = n_cat.get(f["properties"]["category"], 0) + 1
    w("Layers:")
    w("")
    w(f"- `sites` ({len(sites)} Polygons): `id`, `name`, `plan` (relative to the GeoPackage; empty "
      "for S10), `places`, `profile`, `plan_x`, `plan_y`, `plan_rotation_deg`.")
    w(f"- `buildings` ({len(buildings)} Polygons): `id`, `site_id`, `storeys`, `height_m`. Every "
      "site has one building; S11 also has a barn (`S11-B2`).")
    w(f"- `roads` ({len(layers['roads'])} LineStrings): `id`, `class`, `aadt` (null on paths), "
      "`oneway`, `name`. Classes: " + ", ".join(f"{k} {v}" for k, v in sorted(n_cls.items())) +
      ". Roads meet only at shared end points (exactly equal coordinates; no crossing without a "
      "junction) and form one connected network. `oneway` = `yes` means traffic runs in the "
      "direction the line is drawn (the Spoorstraat loop in front of S08).")
    w(f"- `poi` ({len(layers['poi'])} Points): `id`, `category`, `name`, `accepts_wlz` (`yes`/`no` "
      "on GPs, null otherwise). Categories: " + ", ".join(f"{k} {v}" for k, v in sorted(n_cat.items())) + ".")
    w(f"- `demand` ({len(layers['demand'])} Points): `id`, `name`, `weight` (integer, clients "
      "waiting for a place), clustered around the towns.")
    w("")
    return "\n".join(L) + "\n"


# --------------------------------------------------------------------------- main

def main():
    os.chdir(ROOT)
    plans = {}
    stats = {}
    built = [f() for f in PLANS]
    tests = [f() for f in TESTS]
    for p in built + tests:
        validate(p)
        s = plan_stats(p)
        e = EXPECTED[p.name]
        got = (s["storeys"], s["groups"], s["bedrooms"], s["own_sanitary"],
               None if s["corridor_min"] is None else round(s["corridor_min"], 3), s["staff_posts"])
        if got != e:
            fail(f"{p.name}: computed {got} but the hand-worked figures are {e}")
        stats[p.name] = s
        plans[p.name] = p
    if len(built) < 8:
        fail("fewer than 8 plans")
    layers, sites, buildings, checks = portfolio_layers(plans)

    for p in built:
        write_featurecollection(os.path.join(OUT, "plans", f"{p.name}.geojson"), p.name, p.features())
    for p in tests:
        write_featurecollection(os.path.join(OUT, "tests", f"{p.name}.geojson"), p.name, p.features())
    write_gpkg(layers, os.path.join(OUT, "portfolio.gpkg"))
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as fh:
        fh.write(readme(built, tests, stats, sites, buildings, checks, layers))

    print(f"{'plan':22} st gr beds own  share  corr posts  bed m²")
    for p in built + tests:
        s = stats[p.name]
        share = "   n/a" if s["share"] is None else f"{s['share']:5.1f}%"
        ba = "" if not s["bed_area"] else f"{s['bed_area'][0]:.1f}-{s['bed_area'][1]:.1f}"
        print(f"{p.name:22} {s['storeys']:2} {s['groups']:2} {s['bedrooms']:4} {s['own_sanitary']:3} "
              f"{share} {fmt_m(s['corridor_min']):>5} {s['staff_posts']:5}  {ba}")
    print()
    print(f"{'site':4} {'places':>6} {'plot m2':>8}  school   shop  station nightl. mainrd  GPwlz   AVG")
    for s, plot in sites:
        d = checks[s["id"]]
        print(f"{s['id']:4} {s['places']:6} {signed_area(plot):8.0f}  " + " ".join(
            f"{d[k][0]:6.0f}" for k in ("school", "shop", "station", "nightlife", "main_road", "gp_wlz", "avg")))
    print(f"\nwrote {len(built)} plans, {len(tests)} test plans, portfolio.gpkg "
          f"({', '.join(f'{k} {len(v)}' for k, v in layers.items())}) and README.md under floorplans/")


if __name__ == "__main__":
    try:
        main()
    except DataError as e:
        print(f"make-samples: {e}", file=sys.stderr)
        sys.exit(1)
