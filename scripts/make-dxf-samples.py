#!/usr/bin/env python3
"""Generate the DXF sample drawings of vgscan (floorplans/dxf/).

Run from the repository root:

    python3 scripts/make-dxf-samples.py

There is no DXF library on the build machines, so this writes plain ASCII DXF
(R2000, AC1015) itself: HEADER ($ACADVER, $INSUNITS), TABLES (LAYER), BLOCKS
(a door block, a room-stamp block with an attribute) and ENTITIES (LWPOLYLINE
rooms, TEXT/MTEXT labels, INSERT doors, ARC doors). Every entity gets a fixed
handle, so the files are deterministic and tests can name handles.

Files (see floorplans/dxf/README.md for the figures and their hand calculation):

    grouphome_linde_mm.dxf   a group home of 6 bedrooms with own bathrooms, in millimetres
    two_rooms_mm.dxf         two rooms and a door, millimetres ($INSUNITS 4)
    two_rooms_m.dxf          the same drawing in metres ($INSUNITS 6)
    two_rooms_nounits.dxf    the same in millimetres without $INSUNITS
    labels_en.dxf            English layers and names, a room-stamp attribute, an
                             unlabelled room, a label only a user mapping knows, a
                             door that connects nothing, a title block on the room layer,
                             a garden drawn as a HATCH
    custom_layers.dxf        rooms and an arc door on layers no default list knows
"""

import math
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "floorplans", "dxf")

INSUNITS = {"in": 1, "ft": 2, "mm": 4, "cm": 5, "m": 6}


class Dxf:
    """Collects entities and writes one ASCII DXF file."""

    def __init__(self, units):
        self.units = units  # key of INSUNITS or None (no $INSUNITS in the header)
        self.layers = ["0"]
        self.blocks = []  # (name, [entity group lists])
        self.entities = []
        self.handle = 0x100

    def next_handle(self):
        self.handle += 1
        return "%X" % self.handle

    def layer(self, name):
        if name not in self.layers:
            self.layers.append(name)
        return name

    @staticmethod
    def num(v):
        s = ("%.6f" % v).rstrip("0").rstrip(".")
        return "0" if s in ("-0", "") else s

    def entity(self, kind, layer, subclass, groups, handle=None):
        h = handle or self.next_handle()
        self.layer(layer)
        g = [(0, kind), (5, h), (100, "AcDbEntity"), (8, layer)]
        if subclass:
            g.append((100, subclass))
        return h, g + groups

    def polyline(self, layer, pts, closed=True, target=None):
        groups = [(90, len(pts)), (70, 1 if closed else 0)]
        for x, y in pts:
            groups += [(10, self.num(x)), (20, self.num(y))]
        h, g = self.entity("LWPOLYLINE", layer, "AcDbPolyline", groups)
        (self.entities if target is None else target).append(g)
        return h

    def rect(self, layer, x0, y0, x1, y1):
        return self.polyline(layer, [(x0, y0), (x1, y0), (x1, y1), (x0, y1)])

    def text(self, layer, x, y, s, height=250):
        h, g = self.entity("TEXT", layer, "AcDbText",
                           [(10, self.num(x)), (20, self.num(y)), (30, 0), (40, self.num(height)), (1, s),
                            (100, "AcDbText")])
        self.entities.append(g)
        return h

    def mtext(self, layer, x, y, s, height=250):
        h, g = self.entity("MTEXT", layer, "AcDbMText",
                           [(10, self.num(x)), (20, self.num(y)), (30, 0), (40, self.num(height)), (71, 1), (1, s)])
        self.entities.append(g)
        return h

    def hatch(self, layer, pts):
        """A solid HATCH with one closed polyline boundary (GDAL reads it as a polygon)."""
        groups = [(10, 0), (20, 0), (30, 0), (210, 0), (220, 0), (230, 1), (2, "SOLID"), (70, 1), (71, 0),
                  (91, 1), (92, 2), (72, 0), (73, 1), (93, len(pts))]
        for x, y in pts:
            groups += [(10, self.num(x)), (20, self.num(y))]
        groups += [(97, 0), (75, 0), (76, 1), (98, 0)]
        h, g = self.entity("HATCH", layer, "AcDbHatch", groups)
        self.entities.append(g)
        return h

    def line(self, layer, x0, y0, x1, y1, target=None):
        h, g = self.entity("LINE", layer, "AcDbLine",
                           [(10, self.num(x0)), (20, self.num(y0)), (30, 0), (11, self.num(x1)), (21, self.num(y1)),
                            (31, 0)])
        (self.entities if target is None else target).append(g)
        return h

    def arc(self, layer, cx, cy, r, a0, a1, target=None):
        h, g = self.entity("ARC", layer, "AcDbCircle",
                           [(10, self.num(cx)), (20, self.num(cy)), (30, 0), (40, self.num(r)), (100, "AcDbArc"),
                            (50, self.num(a0)), (51, self.num(a1))])
        (self.entities if target is None else target).append(g)
        return h

    def block(self, name, build):
        """A block definition; `build(target)` adds its entities to `target`."""
        content = []
        build(content)
        self.blocks.append((name, content))

    def insert(self, layer, name, x, y, scale=1.0, angle=0.0, attribs=None):
        groups = []
        if attribs:
            groups.append((66, 1))
        groups += [(2, name), (10, self.num(x)), (20, self.num(y)), (30, 0), (41, self.num(scale)),
                   (42, self.num(abs(scale))), (43, 1), (50, self.num(angle))]
        h, g = self.entity("INSERT", layer, "AcDbBlockReference", groups)
        self.entities.append(g)
        if attribs:
            for tag, value in attribs:
                _, a = self.entity("ATTRIB", layer, "AcDbText",
                                   [(10, self.num(x)), (20, self.num(y)), (30, 0), (40, 200), (1, value),
                                    (100, "AcDbAttribute"), (2, tag), (70, 0)])
                self.entities.append(a)
            _, s = self.entity("SEQEND", layer, None, [])
            self.entities.append(s)
        return h

    def write(self, path):
        out = []

        def g(code, value):
            out.append("%3d" % code)
            out.append(str(value))

        g(999, "vgscan sample drawing, written by scripts/make-dxf-samples.py (illustrative)")
        g(0, "SECTION"); g(2, "HEADER")
        g(9, "$ACADVER"); g(1, "AC1015")
        g(9, "$DWGCODEPAGE"); g(3, "ANSI_1252")  # R2000 text is in the drawing's code page, not UTF-8
        if self.units:
            g(9, "$INSUNITS"); g(70, INSUNITS[self.units])
            g(9, "$MEASUREMENT"); g(70, 0 if self.units in ("in", "ft") else 1)
        g(0, "ENDSEC")
        g(0, "SECTION"); g(2, "TABLES")
        g(0, "TABLE"); g(2, "LAYER"); g(5, "2"); g(100, "AcDbSymbolTable"); g(70, len(self.layers))
        for i, name in enumerate(self.layers):
            g(0, "LAYER"); g(5, "%X" % (0x10 + i)); g(100, "AcDbSymbolTableRecord"); g(100, "AcDbLayerTableRecord")
            g(2, name); g(70, 0); g(62, 7); g(6, "CONTINUOUS")
        g(0, "ENDTAB")
        g(0, "ENDSEC")
        g(0, "SECTION"); g(2, "BLOCKS")
        for name, content in self.blocks:
            g(0, "BLOCK"); g(5, self.next_handle()); g(100, "AcDbEntity"); g(8, "0"); g(100, "AcDbBlockBegin")
            g(2, name); g(70, 2 if any(e[0][1] == "ATTDEF" for e in content) else 0)
            g(10, 0); g(20, 0); g(30, 0); g(3, name); g(1, "")
            for ent in content:
                for code, value in ent:
                    g(code, value)
            g(0, "ENDBLK"); g(5, self.next_handle()); g(100, "AcDbEntity"); g(8, "0"); g(100, "AcDbBlockEnd")
        g(0, "ENDSEC")
        g(0, "SECTION"); g(2, "ENTITIES")
        for ent in self.entities:
            for code, value in ent:
                g(code, value)
        g(0, "ENDSEC")
        g(0, "EOF")
        with open(path, "w", newline="\r\n", encoding="cp1252") as f:
            f.write("\n".join(out) + "\n")


def door_block(d, name, unit):
    """A door of clear width `unit` (drawing units): the doorway runs along the
    block's x axis from the insertion point (the hinge); leaf and swing drawn open."""
    def build(t):
        d.line("0", 0, 0, 0, unit, target=t)
        d.arc("0", 0, 0, unit, 0, 90, target=t)
    d.block(name, build)


# --- the group home ----------------------------------------------------------

def grouphome():
    """Groepswoning De Linde: one storey, millimetres. Interior walls 100 mm,
    exterior walls 300 mm. South row: 6 bays of a bedroom (L-shaped around its
    bathroom) and its bathroom; a corridor of 1.8 m; north row: living room,
    kitchen, staff room, entrance, toilet, meter cupboard, laundry, store."""
    d = Dxf("mm")
    rooms, labels, doors, tb = "ruimten", "ruimtenamen", "deuren", "titelblok"
    door_block(d, "DEUR", 1000)
    d.layer(rooms); d.layer(labels); d.layer(doors); d.layer(tb)

    # building outline: outer face of the exterior walls (BVO), on the room layer
    d.rect(rooms, -300, -300, 22400, 12300)

    # south row: bays of 3600 mm at a pitch of 3700 mm
    for i in range(6):
        x0 = 3700 * i
        n = i + 1
        d.polyline(rooms, [(x0, 0), (x0 + 3600, 0), (x0 + 3600, 5000), (x0 + 1900, 5000), (x0 + 1900, 3000),
                           (x0, 3000)])
        d.text(labels, x0 + 800, 1500, "Slaapkamer %d" % n)
        d.text(labels, x0 + 800, 1000, "14,2 m²", height=180)
        d.rect(rooms, x0, 3100, x0 + 1800, 5000)
        d.text(labels, x0 + 200, 4000, "Badkamer %d" % n, height=180)
        d.insert(doors, "DEUR", x0 + 2500, 5050, scale=0.93)            # bedroom - corridor, 930 mm
        d.insert(doors, "DEUR", x0 + 1850, 3300, scale=0.85, angle=90)  # bathroom - bedroom, 850 mm

    # corridor
    d.rect(rooms, 0, 5100, 22100, 6900)
    d.text(labels, 9000, 5900, "Gang")

    # north row
    d.rect(rooms, 0, 7000, 7000, 12000)
    d.mtext(labels, 2500, 9500, "Woonkamer\\P35,0 m²")
    d.rect(rooms, 7100, 7000, 10600, 12000)
    d.text(labels, 8000, 9500, "Keuken")
    d.rect(rooms, 10700, 7000, 13700, 12000)
    d.text(labels, 11300, 9500, "Teampost")
    d.rect(rooms, 13800, 7000, 16300, 12000)
    d.text(labels, 14300, 9500, "Entree")
    d.rect(rooms, 16400, 7000, 17900, 9000)
    d.text(labels, 16500, 8000, "Toilet", height=180)
    d.rect(rooms, 16400, 9100, 17900, 12000)
    d.text(labels, 16500, 10500, "Meterkast", height=180)
    d.rect(rooms, 18000, 7000, 20000, 12000)
    d.text(labels, 18300, 9500, "Wasruimte")
    d.rect(rooms, 20100, 7000, 22100, 12000)
    d.text(labels, 20400, 9500, "Berging")

    # doors of the north row (the wall to the corridor is y 6900..7000)
    d.insert(doors, "DEUR", 1000, 6950, scale=1.0)               # living - corridor
    d.insert(doors, "DEUR", 7050, 9000, scale=0.9, angle=90)     # living - kitchen
    d.insert(doors, "DEUR", 8000, 6950, scale=0.9)               # kitchen - corridor
    # staff room - corridor drawn as an arc and a leaf line, not as a block
    d.arc(doors, 11000, 6950, 930, 0, 90)
    d.line(doors, 11000, 6950, 11000, 7880)
    d.insert(doors, "DEUR", 14200, 6950, scale=1.1)              # entrance - corridor
    d.insert(doors, "DEUR", 14200, 12150, scale=1.1)             # entrance - outside (front door)
    d.insert(doors, "DEUR", 16700, 6950, scale=0.85)             # toilet - corridor
    d.insert(doors, "DEUR", 16350, 9500, scale=0.8, angle=90)    # meter cupboard - entrance
    d.insert(doors, "DEUR", 18500, 6950, scale=0.9)              # laundry - corridor
    d.insert(doors, "DEUR", 20500, 6950, scale=0.9)              # store - corridor
    d.insert(doors, "DEUR", 2000, 12150, scale=1.0)              # living - outside (garden door)
    d.insert(doors, "DEUR", 22250, 5500, scale=1.0, angle=90)    # corridor - outside (escape door)

    # title block beside the plan: a frame and texts that must not become rooms
    d.rect(tb, 24000, -300, 34000, 4000)
    d.text(tb, 24500, 3000, "Groepswoning De Linde - 6 slaapkamers met badkamer", height=300)
    d.text(tb, 24500, 2200, "Plattegrond begane grond, NEN 2580", height=250)
    d.text(tb, 24500, 1400, "Schaal 1:100, maten in mm", height=250)
    d.text(tb, 24500, 600, "Tekening A-101 (illustratief)", height=250)

    # where the staff sit by day: a TEAMPOST marker in the living room, facing
    # the corridor door (defined last, so the handles above stay as they are)
    def marker(t):
        d.line("0", -150, 0, 150, 0, target=t)
        d.line("0", 0, -150, 0, 150, target=t)
    d.block("TEAMPOST", marker)
    d.insert("0", "TEAMPOST", 3500, 8000)

    # furniture: a bed block (a closed polyline inside the block) in each bedroom,
    # on its own layer; must not become rooms
    d.block("BED", lambda t: d.polyline("0", [(0, 0), (900, 0), (900, 2000), (0, 2000)], target=t))
    for i in range(6):
        d.insert("meubilair", "BED", 3700 * i + 2500, 300)
    return d


# --- small test drawings -------------------------------------------------------

def two_rooms(units):
    """Two rooms of 4 x 3 m (12 m² each) with a 100 mm wall and a 900 mm door."""
    f = {"mm": 1000.0, "m": 1.0, None: 1000.0}[units]
    d = Dxf(units)
    door_block(d, "DEUR", 1000 * f / 1000)
    d.rect("ruimten", 0, 0, 4 * f, 3 * f)
    d.text("ruimten", 1 * f, 1.5 * f, "Slaapkamer", height=0.25 * f)
    d.rect("ruimten", 4.1 * f, 0, 8.1 * f, 3 * f)
    d.text("ruimten", 5 * f, 1.5 * f, "Woonkamer", height=0.25 * f)
    d.insert("deuren", "DEUR", 4.05 * f, 1 * f, scale=0.9, angle=90)
    return d


def labels_en():
    """English layers: rooms on A-AREA (upper case), doors as blocks named
    Door_90 on layer 0 (found by the block name). In metres."""
    d = Dxf("m")
    door_block(d, "Door_90", 0.9)

    def stamp(t):
        _, a = d.entity("ATTDEF", "0", "AcDbText",
                        [(10, 0), (20, 0), (30, 0), (40, 0.2), (1, ""), (100, "AcDbAttributeDefinition"),
                         (3, "Room name"), (2, "NAME"), (70, 0)])
        t.append(a)
    d.block("ROOMSTAMP", stamp)
    a = "A-AREA"
    d.rect(a, -0.3, -0.3, 15.3, 4.3)                       # outline: contains the rooms
    d.rect(a, 0, 0, 4, 4)                                  # bedroom (text label)
    d.text("A-ANNO", 1, 2, "Bedroom 1")
    d.rect(a, 4.1, 0, 6.1, 4)                              # bathroom: label from a block attribute
    d.insert("A-ANNO", "ROOMSTAMP", 4.5, 2, attribs=[("NAME", "En-suite")])
    d.rect(a, 6.2, 0, 10, 4)                               # no label at all
    d.rect(a, 10.1, 0, 15, 4)                              # "Snoezelhoek": only a user mapping knows it
    d.text("A-ANNO", 11, 2, "Snoezelhoek")
    d.insert("0", "Door_90", 4.05, 1, angle=90)            # bedroom - bathroom
    d.insert("0", "Door_90", 6.15, 1, angle=90)            # bathroom - unlabelled room
    d.insert("0", "Door_90", 10.05, 1, angle=90)           # unlabelled - snoezelhoek
    d.insert("0", "Door_90", 1, 4.15)                      # bedroom - outside
    d.insert("0", "Door_90", 30, 30)                       # far from every room: connects nothing
    # a title block on the room layer, outside the building outline
    d.rect(a, 20, -0.3, 30, 3)
    d.text(a, 20.5, 2, "Drawing A-201 Example house")
    # a garden drawn as a hatch, outside the outline but labelled: kept
    d.hatch(a, [(0, -5), (15, -5), (15, -0.6), (0, -0.6)])
    d.text("A-ANNO", 5, -3, "Tuin")
    return d


def custom_layers():
    """Rooms on MY-SPACES and an arc door on MY-DOORS: nothing a default list knows."""
    d = Dxf("mm")
    d.rect("MY-SPACES", 0, 0, 3000, 3000)
    d.text("MY-SPACES", 1000, 1500, "Kantoor")
    d.rect("MY-SPACES", 3100, 0, 6000, 3000)
    d.text("MY-SPACES", 4000, 1500, "Berging")
    d.arc("MY-DOORS", 3050, 500, 800, 90, 180)   # hinge on the wall, doorway up the wall, leaf into the office
    return d


def main():
    os.makedirs(OUT, exist_ok=True)
    files = {
        "grouphome_linde_mm.dxf": grouphome(),
        "two_rooms_mm.dxf": two_rooms("mm"),
        "two_rooms_m.dxf": two_rooms("m"),
        "two_rooms_nounits.dxf": two_rooms(None),
        "labels_en.dxf": labels_en(),
        "custom_layers.dxf": custom_layers(),
    }
    for name, d in files.items():
        d.write(os.path.join(OUT, name))
        print("wrote", os.path.join("floorplans", "dxf", name))


if __name__ == "__main__":
    main()
