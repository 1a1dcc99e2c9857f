// DXF drawings (NEN 2580 area drawings and the like) into the native plan:
// closed polylines and hatches on room layers become spaces, their text labels
// (or block attributes) give the use, door blocks and door arcs become doors
// joined to the rooms on either side. GDAL reads the entities; the header's
// $INSUNITS, which GDAL does not expose, is read here. Every space, opening
// and note carries the DXF handle so the user finds the object in CAD.
#include "io/Gdal.h"
#include "io/Import.h"
#include "io/Limits.h"
#include "io/UseMapping.h"

#include <boost/geometry.hpp>

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>

#include <QFileInfo>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <map>
#include <optional>
#include <set>
#include <sstream>

namespace vgscan {

namespace {

// Default layer names (compared case-insensitively; a storey suffix such as
// "ruimten-1" is allowed). Dutch NEN 2580 practice, then English/AIA names.
// Not BVO/VVO: those hold gross outlines and rentable units, not rooms.
const std::vector<std::string> kDefaultRoomLayers = {
    "ruimten", "ruimte", "ruimtes", "vertrekken", "nen2580", "nen 2580", "nen2580-ruimten", "nen2580-go", "gbo",
    "rooms", "room", "spaces", "space", "a-area", "a-area-iden", "a-spce", "a-room", "areas"};
const std::vector<std::string> kDefaultDoorLayers = {"deuren", "deur", "doors", "door", "a-door", "a-door-iden"};

constexpr double kDoorProbeMax = 0.6;   // m: deepest wall a door is looked through (0.3 m façades, with margin)
constexpr double kDoorProbeStep = 0.05; // m

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

// The storey of a layer that is one of `names`, optionally with a storey
// suffix ("ruimten-1", "rooms_2", "A-AREA 0"); nullopt: not one of them.
std::optional<int> layerStorey(const std::string& layer, const std::vector<std::string>& names) {
    const std::string l = lower(trim(layer));
    for (const auto& n0 : names) {
        const std::string n = lower(trim(n0));
        if (l == n) return 0;
        if (l.size() <= n.size() + 1 || l.compare(0, n.size(), n) != 0) continue;
        std::string rest = l.substr(n.size());
        if (rest[0] != '-' && rest[0] != '_' && rest[0] != ' ' && rest[0] != '.') continue;
        rest = rest.substr(1);
        bool neg = !rest.empty() && rest[0] == '-';
        if (neg) rest = rest.substr(1);
        if (rest.empty() || rest.size() > 3 || !std::all_of(rest.begin(), rest.end(), ::isdigit)) continue;
        return (neg ? -1 : 1) * std::stoi(rest);
    }
    return std::nullopt;
}

// --- the header, read by us ----------------------------------------------------

struct Header {
    std::string version;                 // $ACADVER
    std::optional<int> insunits;         // $INSUNITS
};

// Checks that the file is a complete ASCII DXF and reads the header variables
// GDAL does not expose. Throws InputError with the reason otherwise.
Header readHeader(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError(path, "", "cannot open the file");
    char sentinel[22] = {};
    in.read(sentinel, sizeof sentinel);
    if (std::string(sentinel, static_cast<size_t>(in.gcount())).rfind("AutoCAD Binary DXF", 0) == 0)
        throw InputError(path, "", "is a binary DXF; save the drawing as ASCII DXF (R12 to 2018)");
    in.clear();
    in.seekg(0);

    // A DXF is pairs of lines: a group code, then its value.
    auto nextPair = [&](int& code, std::string& value) -> bool {
        std::string c;
        if (!std::getline(in, c)) return false;
        if (!std::getline(in, value)) return false;
        if (c.rfind("\xEF\xBB\xBF", 0) == 0) c = c.substr(3);  // a UTF-8 byte order mark
        c = trim(c);
        value = trim(value);
        if (c.empty() || c == "-" || c.size() > 4 ||
            !std::all_of(c.begin() + (c[0] == '-' ? 1 : 0), c.end(), ::isdigit))
            return false;  // a lone '-' too: no number, and std::stoi would throw its own exception
        code = std::stoi(c);
        return true;
    };
    Header h;
    int code = 0;
    std::string value;
    // The first pair (after comments) must open a section.
    bool first = true;
    bool inHeader = false;
    std::string variable;
    // The header of a real drawing is tens of kilobytes; stop well after it.
    constexpr std::streamoff kMaxHeaderBytes = 16 << 20;
    while (in.tellg() < kMaxHeaderBytes) {
        if (!nextPair(code, value)) {
            if (first) throw InputError(path, "", "is not a DXF file (it does not start with a DXF group code)");
            throw InputError(path, "", "is not a readable DXF file (a group code is not a number near byte " +
                                           std::to_string(static_cast<long long>(in.tellg())) + ")");
        }
        if (code == 999) continue;  // comment
        if (first) {
            if (code != 0 || value != "SECTION")
                throw InputError(path, "", "is not a DXF file (it must start with a SECTION, found '" + value + "')");
            first = false;
            continue;
        }
        if (!inHeader) {
            if (code == 2 && value == "HEADER") {
                inHeader = true;
                continue;
            }
            break;  // no HEADER section: no units in the file
        }
        if (code == 0 && value == "ENDSEC") break;
        if (code == 9) {
            variable = value;
            continue;
        }
        if (variable == "$ACADVER" && code == 1) h.version = value;
        if (variable == "$INSUNITS" && code == 70) {
            try {
                h.insunits = std::stoi(value);
            } catch (const std::exception&) {
                throw InputError(path, "header variable $INSUNITS", "is not a number: '" + value + "'");
            }
        }
    }
    return h;
}

// A complete DXF ends with the pair "0 / EOF"; a file cut short does not,
// and GDAL would otherwise read the part that is there as if it were all.
void requireEof(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    const std::streamoff size = in.tellg();
    const std::streamoff tail = std::min<std::streamoff>(size, 512);
    in.seekg(size - tail);
    std::string buf(static_cast<size_t>(tail), '\0');
    in.read(buf.data(), tail);
    std::vector<std::string> lines;
    std::istringstream ss(buf);
    for (std::string line; std::getline(ss, line);)
        if (!trim(line).empty()) lines.push_back(trim(line));
    if (lines.size() < 2 || lines.back() != "EOF" || lines[lines.size() - 2] != "0")
        throw InputError(path, "", "the DXF is incomplete (it does not end with EOF): truncated or still being written?");
}

// --- the drawing's structure, read by us before GDAL ------------------------
// Limits on what GDAL would otherwise expand without bound (docs/limits.md).
// A MINSERT array becomes one feature per copy (100,000 x 100,000 copies
// never finish); a block that inserts itself, directly or through others,
// has no drawing at all; every entity costs time and memory.
constexpr long long kMaxArrayCopies = 10'000;      // one MINSERT: rows x columns
constexpr long long kMaxEntities = 5'000'000;      // the file's entities, array copies included
constexpr int kMaxBlockNesting = 32;               // blocks inside blocks

struct BlockUse {
    std::string handle;  // of the INSERT, "" when it has none
    std::string block;   // upper case (DXF names are case-insensitive)
    long long line = 0;
};

// One streaming pass: every group code is a number (GDAL stops at the first
// that is not and keeps what it read so far, so a room after it would be
// lost unseen), and the limits above hold.
void checkStructure(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string code, value;
    long long line = 0;
    std::string section, entity, blockName;  // where we are
    bool inBlockHeader = false;
    BlockUse insert;
    long long rows = 1, columns = 1, entities = 0;
    std::map<std::string, std::vector<BlockUse>> inserts;  // block → the blocks it inserts
    auto upper = [](std::string v) {
        std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::toupper(c); });
        return v;
    };
    auto endEntity = [&] {
        if (entity != "INSERT" && entity != "MINSERT") return;
        const std::string object = "INSERT" + (insert.handle.empty() ? " at line " + std::to_string(insert.line)
                                                                     : " handle " + insert.handle);
        // In doubles: 10^18 x 10^18 must not overflow before it is compared.
        const double copies = static_cast<double>(std::max(1LL, rows)) * static_cast<double>(std::max(1LL, columns));
        if (copies > static_cast<double>(kMaxArrayCopies))
            throw InputError(path, object,
                             "an array (MINSERT) of " + std::to_string(rows) + " rows x " + std::to_string(columns) +
                                 " columns of block '" + insert.block + "': more than " +
                                 std::to_string(kMaxArrayCopies) +
                                 " copies, a damaged drawing (an array in a building's plan has hundreds)");
        entities += static_cast<long long>(copies) - 1;
        if (section == "BLOCKS" && !blockName.empty() && !insert.block.empty()) inserts[blockName].push_back(insert);
    };
    auto number = [](const std::string& v) {
        const std::string t = trim(v);
        long long n = 1;
        const auto r = std::from_chars(t.data(), t.data() + t.size(), n);
        return r.ec == std::errc() ? n : 1;
    };
    // GDAL also ends a line at a lone carriage return; we split at line
    // feeds. A lone CR inside a line makes the two readings differ (GDAL
    // then looped forever on a 465-byte file the fuzzer found), so it is refused.
    auto loneCr = [&](const std::string& text, long long at) {
        const auto cr = text.find('\r');
        if (cr != std::string::npos && cr + 1 != text.size())
            throw InputError(path, "line " + std::to_string(at),
                             "holds a carriage return inside the line (mixed line ends): the DXF is damaged");
    };
    while (std::getline(in, code)) {
        ++line;
        loneCr(code, line);
        if (line == 1 && code.rfind("\xEF\xBB\xBF", 0) == 0) code = code.substr(3);
        const std::string c = trim(code);
        const bool isNumber = !c.empty() && c.size() <= 6 &&
                              std::all_of(c.begin() + (c[0] == '-' ? 1 : 0), c.end(), ::isdigit) && c != "-";
        if (!isNumber) {
            if (c.empty() && !std::getline(in, value)) break;  // blank lines at the end
            const std::string shown = c.size() > 40 ? c.substr(0, 40) + "..." : c;
            throw InputError(path, "line " + std::to_string(line),
                             "group code '" + shown + "' is not a number: the DXF is damaged (every other line "
                             "must be a group code); nothing after it could be read");
        }
        if (!std::getline(in, value)) break;  // requireEof reports a cut file
        ++line;
        loneCr(value, line);
        const int g = std::stoi(c);
        if (g == 0) {
            endEntity();
            entity = upper(trim(value));
            if (entity == "SECTION") section.clear();
            if (entity == "ENDSEC") section.clear();
            if (entity == "BLOCK") {
                inBlockHeader = true;
                blockName.clear();
            } else {
                inBlockHeader = false;
            }
            if (entity == "ENDBLK") blockName.clear();
            if ((section == "ENTITIES" || section == "BLOCKS") && ++entities > kMaxEntities)
                throw InputError(path, "line " + std::to_string(line - 1),
                                 "more than " + std::to_string(kMaxEntities) +
                                     " entities (array copies included): more than one building's drawing holds");
            insert = BlockUse{"", "", line - 1};
            rows = columns = 1;
            continue;
        }
        if (entity == "SECTION" && g == 2) section = upper(trim(value));
        if (inBlockHeader && g == 2 && blockName.empty()) blockName = upper(trim(value));
        if (entity == "INSERT" || entity == "MINSERT") {
            if (g == 2) insert.block = upper(trim(value));
            if (g == 5) insert.handle = trim(value);
            if (g == 70) columns = number(value);
            if (g == 71) rows = number(value);
        }
    }
    endEntity();

    // Blocks inside blocks: no loop, at most kMaxBlockNesting deep. Depth
    // first without recursion (a chain of 10^5 blocks must not overflow the
    // stack), each block once.
    std::map<std::string, int> depth;  // finished blocks: levels below and including it
    for (const auto& [root, uses] : inserts) {
        if (depth.count(root)) continue;
        struct Visit {
            std::string block;
            std::size_t next = 0;
            int deepest = 0;
        };
        std::vector<Visit> stack{{root}};
        while (!stack.empty()) {
            Visit& top = stack.back();
            const auto it = inserts.find(top.block);
            const std::size_t n = it == inserts.end() ? 0 : it->second.size();
            if (top.next < n) {
                const BlockUse& use = it->second[top.next++];
                if (auto d = depth.find(use.block); d != depth.end()) {
                    top.deepest = std::max(top.deepest, d->second);
                    continue;
                }
                for (std::size_t k = 0; k < stack.size(); ++k)
                    if (stack[k].block == use.block) {
                        std::string loop;
                        for (std::size_t j = k; j < stack.size(); ++j) loop += stack[j].block + " -> ";
                        throw InputError(path, "block '" + use.block + "'",
                                         "inserts itself (" + loop + use.block + ", INSERT " +
                                             (use.handle.empty() ? "at line " + std::to_string(use.line)
                                                                 : "handle " + use.handle) +
                                             "): a block cannot contain itself; the drawing is damaged");
                    }
                if (stack.size() >= static_cast<std::size_t>(kMaxBlockNesting))
                    throw InputError(path, "block '" + stack.front().block + "'",
                                     "nests blocks more than " + std::to_string(kMaxBlockNesting) +
                                         " deep (through '" + use.block + "'): a damaged drawing");
                stack.push_back({use.block});
                continue;
            }
            const int d = top.deepest + 1;
            depth[top.block] = d;
            stack.pop_back();
            if (!stack.empty()) stack.back().deepest = std::max(stack.back().deepest, d);
            if (d > kMaxBlockNesting)
                throw InputError(path, "block '" + (stack.empty() ? top.block : stack.front().block) + "'",
                                 "nests blocks more than " + std::to_string(kMaxBlockNesting) + " deep: a damaged drawing");
        }
    }
}

void checkSize(const std::string& path) {
    VSIStatBufL st;
    if (VSIStatL(path.c_str(), &st) != 0) throw InputError(path, "", "file not found");
    if (VSI_ISDIR(st.st_mode)) throw InputError(path, "", "is a directory, not a file");
    if (st.st_size == 0) throw InputError(path, "", "file is empty");
    // An area drawing of one building is kilobytes to tens of megabytes;
    // hundreds of megabytes is the wrong file (a site model, a point cloud).
    double limitMb = 200;
    if (const char* env = std::getenv("VGSCAN_MAX_PLAN_MB"); env && *env) limitMb = std::atof(env);
    const double mb = static_cast<double>(st.st_size) / (1024.0 * 1024.0);
    auto show = [](double v) {
        std::ostringstream s;
        s << std::setprecision(3) << v;
        return s.str();
    };
    if (limitMb > 0 && mb > limitMb)
        throw InputError(path, "", "file is " + show(mb) + " MB, more than the " + show(limitMb) +
                                       " MB expected of one building's drawing (raise VGSCAN_MAX_PLAN_MB if it is right)");
}

struct Unit {
    double metres = 1.0;
    std::string name;
};

std::optional<Unit> unitOf(int insunits) {
    switch (insunits) {
        case 1: return Unit{0.0254, "inches"};
        case 2: return Unit{0.3048, "feet"};
        case 4: return Unit{0.001, "millimetres"};
        case 5: return Unit{0.01, "centimetres"};
        case 6: return Unit{1.0, "metres"};
        case 10: return Unit{0.9144, "yards"};
        case 14: return Unit{0.1, "decimetres"};
        default: return std::nullopt;
    }
}

// --- what was read from the entities -----------------------------------------------

struct Label {
    std::string text;
    std::string layer;
    std::string object;  // "TEXT handle 1A"
    Point at;
};

struct Candidate {
    std::string handle;
    std::string object;   // "LWPOLYLINE handle 2F3 on layer 'ruimten'"
    std::string layer;
    int storey = 0;
    Polygon shape;        // metres
    bool skipped = false;
};

struct DoorSource {
    std::string handle;
    std::string object;
    std::optional<int> storey;   // from a door layer's suffix
    Point hinge;                 // metres
    std::vector<Point> ends;     // candidate far ends of the doorway (metres), most likely first
    double width = 0;            // m
};

// Blocks that mark where staff sit (the rules on sight lines and routes need them).
bool isStaffPostBlock(const std::string& lowerName) {
    for (const char* k : {"staffpost", "staff_post", "staff-post", "staff post", "teampost", "personeelspost"})
        if (lowerName.find(k) != std::string::npos) return true;
    return false;
}

std::string entityName(const std::string& subclasses) {
    auto has = [&](const char* s) { return subclasses.find(s) != std::string::npos; };
    if (has("AcDbHatch")) return "HATCH";
    if (has("AcDbPolyline")) return "LWPOLYLINE";
    if (has("AcDb2dPolyline") || has("AcDb3dPolyline")) return "POLYLINE";
    if (has("AcDbMText")) return "MTEXT";
    if (has("AcDbAttribute")) return "ATTRIB";
    if (has("AcDbText")) return "TEXT";
    if (has("AcDbBlockReference")) return "INSERT";
    if (has("AcDbArc")) return "ARC";
    if (has("AcDbCircle")) return "CIRCLE";
    if (has("AcDbLine")) return "LINE";
    if (has("AcDbSpline")) return "SPLINE";
    return "entity";
}

// Metres rounded to the micrometre: no drawing is more precise, and without
// the float noise of unit conversion (0.92999999999995886 m) the plan reads
// the same after it is written to text (GeoJSON) and read back.
double snap(double v) { return std::round(v * 1e6) / 1e6; }
Point snap(const Point& p) { return Point(snap(p.x()), snap(p.y())); }

// Centre and radius of the circle through three points; nullopt if collinear.
std::optional<std::pair<Point, double>> circleThrough(const Point& a, const Point& b, const Point& c) {
    const double d = 2 * (a.x() * (b.y() - c.y()) + b.x() * (c.y() - a.y()) + c.x() * (a.y() - b.y()));
    if (std::abs(d) < 1e-12) return std::nullopt;
    const double a2 = a.x() * a.x() + a.y() * a.y(), b2 = b.x() * b.x() + b.y() * b.y(),
                 c2 = c.x() * c.x() + c.y() * c.y();
    Point o((a2 * (b.y() - c.y()) + b2 * (c.y() - a.y()) + c2 * (a.y() - b.y())) / d,
            (a2 * (c.x() - b.x()) + b2 * (a.x() - c.x()) + c2 * (b.x() - a.x())) / d);
    return std::make_pair(o, bg::distance(o, a));
}

class DxfImporter {
public:
    DxfImporter(const std::string& path, const ImportOptions& options, ImportReport& report)
        : path_(path), report_(report) {
        roomLayers_ = options.roomLayers.empty() ? kDefaultRoomLayers : options.roomLayers;
        doorLayers_ = options.doorLayers.empty() ? kDefaultDoorLayers : options.doorLayers;
        if (!options.mappingFile.empty()) mapping_.addFile(options.mappingFile);
    }

    FloorPlan run() {
        checkSize(path_);
        const Header header = readHeader(path_);
        requireEof(path_);
        checkStructure(path_);
        report_.format = "DXF";
        readEntities();
        // Before rooms meet labels (every room against every label).
        if (polygons_.size() > limits::kMaxSpacesPerPlan)
            throw InputError(path_, "", "has " + std::to_string(polygons_.size()) +
                                            " closed outlines on room layers, more than the " +
                                            std::to_string(limits::kMaxSpacesPerPlan) +
                                            " spaces one building's plan holds (docs/limits.md)");
        decideUnits(header);
        buildRooms();
        FloorPlan plan;
        plan.source = path_;
        plan.name = QFileInfo(QString::fromStdString(path_)).completeBaseName().toStdString();
        plan.localMetres = true;
        assignRooms(plan);
        buildDoors(plan);
        buildStaffPosts(plan);
        report_.rooms = static_cast<int>(plan.spaces.size());
        report_.doors = static_cast<int>(plan.openings.size());
        report_.floorArea = 0;
        for (const auto& s : plan.spaces) report_.floorArea += s.area;
        return plan;
    }

private:
    void note(const std::string& object, const std::string& problem) {
        report_.notes.push_back({path_, object, problem, false});
    }
    void tally(const std::string& what, int n = 1) { report_.counts[what] += n; }

    static std::string layerList(const std::vector<std::string>& names) {
        std::string s;
        for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
        return s;
    }

    // Raw coordinates (drawing units) are kept until the unit is known.
    struct RawPolygon {
        std::string handle, object, layer;
        int storey;
        OGRPolygon poly;
    };
    struct RawDoor {
        std::string handle, object;
        std::optional<int> storey;
        bool arc = false;
        std::vector<OGRPoint> arcPoints;       // arc: first, middle, last vertex
        OGRPoint insert;                       // block: insertion point
        double sx = 1, sy = 1, angleDeg = 0;   // block: scale and rotation
        std::string block;
    };
    struct RawPost {
        std::string handle, object;
        std::optional<int> storey;  // when inserted on a room layer with a storey
        OGRPoint at;
    };
    struct RawLabel {
        std::string text, layer, object;
        OGRPoint at;
    };

    void readEntities() {
        gdal::init();
        // Inserts as points with block name, scale and angle (config option in GDAL 3.6).
        CPLSetThreadLocalConfigOption("DXF_INLINE_BLOCKS", "FALSE");
        CPLErrorReset();
        auto* raw = static_cast<GDALDataset*>(
            GDALOpenEx(path_.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
        CPLSetThreadLocalConfigOption("DXF_INLINE_BLOCKS", nullptr);
        if (!raw)
            throw InputError(path_, "", "cannot be read as a DXF drawing: " + gdal::lastError("GDAL's DXF driver refused it"));
        gdal::DatasetPtr ds(raw);
        if (std::string(ds->GetDriver()->GetDescription()) != "DXF")
            throw InputError(path_, "", std::string("is read by GDAL as ") + ds->GetDriver()->GetDescription() +
                                            ", not as a DXF drawing");
        if (OGRLayer* blocks = ds->GetLayerByName("blocks")) readBlocks(*blocks);
        OGRLayer* entities = ds->GetLayerByName("entities");
        if (!entities) throw InputError(path_, "", "has no ENTITIES section");
        entities->ResetReading();
        while (gdal::FeaturePtr f{entities->GetNextFeature()}) readEntity(*f);
        if (CPLGetLastErrorType() == CE_Failure)
            throw InputError(path_, "", "GDAL could not read the drawing: " + gdal::lastError("unknown error"));
    }

    // Each block's extent in block units: the unit width of a door block.
    void readBlocks(OGRLayer& layer) {
        layer.ResetReading();
        while (gdal::FeaturePtr f{layer.GetNextFeature()}) {
            const OGRGeometry* g = f->GetGeometryRef();
            const std::string name = gdal::text(*f, "Block").value_or("");
            if (!g || g->IsEmpty() || name.empty()) continue;
            const auto flat = wkbFlatten(g->getGeometryType());
            if (flat == wkbPoint || flat == wkbMultiPoint) continue;  // attribute definitions, not the drawing
            OGREnvelope e;
            g->getEnvelope(&e);
            auto [it, fresh] = blockExtent_.emplace(name, e);
            if (!fresh) it->second.Merge(e);
        }
    }

    // The entity type: from the subclass markers (R13 and later), else, as in
    // R12 files that have none, from what GDAL made of it.
    static std::string kindOf(OGRFeature& f, const OGRGeometry* g) {
        const std::string kind = entityName(gdal::text(f, "SubClasses").value_or(""));
        if (kind != "entity") return kind;
        if (gdal::text(f, "Text")) return "TEXT";
        if (gdal::text(f, "BlockName")) return "INSERT";
        if (!g || wkbFlatten(g->getGeometryType()) != wkbLineString) return kind;
        const OGRLineString* ls = g->toLineString();
        const int n = ls->getNumPoints();
        if (n >= 4 && ls->get_IsClosed()) return "POLYLINE";
        if (n == 2) return "LINE";
        if (n >= 5) {
            OGRPoint a, m, b;
            ls->getPoint(0, &a), ls->getPoint(n / 2, &m), ls->getPoint(n - 1, &b);
            const auto c = circleThrough(Point(a.getX(), a.getY()), Point(m.getX(), m.getY()), Point(b.getX(), b.getY()));
            if (!c) return "POLYLINE";
            for (int i = 0; i < n; ++i)
                if (std::abs(bg::distance(c->first, Point(ls->getX(i), ls->getY(i))) - c->second) > 1e-6 * c->second)
                    return "POLYLINE";
            return "ARC";
        }
        return "POLYLINE";
    }

    void readEntity(OGRFeature& f) {
        if (f.GetFieldIndex("PaperSpace") >= 0 && f.IsFieldSetAndNotNull(f.GetFieldIndex("PaperSpace")) &&
            f.GetFieldAsInteger("PaperSpace") != 0) {
            tally("paper space entities ignored");
            return;  // sheets, title blocks and viewports: not the plan
        }
        const std::string layer = gdal::text(f, "Layer").value_or("0");
        const std::string handle = gdal::text(f, "EntityHandle").value_or("?");
        const OGRGeometry* g = f.GetGeometryRef();
        const std::string kind = kindOf(f, g);
        const std::string object = kind + " handle " + handle + " on layer '" + layer + "'";
        layersSeen_.insert(layer);
        const auto roomStorey = layerStorey(layer, roomLayers_);
        const auto doorStorey = layerStorey(layer, doorLayers_);
        const std::string blockName = gdal::text(f, "BlockName").value_or("");

        if (kind == "TEXT" || kind == "MTEXT" || kind == "ATTRIB") {
            const std::string text = gdal::text(f, "Text").value_or("");
            if (g && wkbFlatten(g->getGeometryType()) == wkbPoint && !trim(text).empty())
                labels_.push_back({text, layer, kind + " handle " + handle, *g->toPoint()});
            return;
        }
        if (!blockName.empty()) {
            if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) return;
            const std::string b = lower(blockName);
            const bool doorName = b.find("door") != std::string::npos || b.find("deur") != std::string::npos;
            if (isStaffPostBlock(b)) {
                posts_.push_back({handle, object + " (block '" + blockName + "')", roomStorey, *g->toPoint()});
                return;
            }
            if (doorName || doorStorey) {
                RawDoor d;
                d.handle = handle;
                d.object = object + " (block '" + blockName + "')";
                d.storey = doorStorey;
                d.insert = *g->toPoint();
                d.block = blockName;
                if (const int i = f.GetFieldIndex("BlockScale"); i >= 0 && f.IsFieldSetAndNotNull(i)) {
                    int n = 0;
                    const double* s = f.GetFieldAsDoubleList(i, &n);
                    if (n >= 2) d.sx = s[0], d.sy = s[1];
                }
                if (auto a = gdal::number(f, "BlockAngle")) d.angleDeg = *a;
                doors_.push_back(std::move(d));
                return;
            }
            // A room stamp: its attribute values are labels at the insertion point.
            bool any = false;
            if (const int i = f.GetFieldIndex("BlockAttributes"); i >= 0 && f.IsFieldSetAndNotNull(i)) {
                char** list = f.GetFieldAsStringList(i);
                for (int k = 0; list && list[k]; ++k) {
                    const std::string tv = list[k];  // "TAG value"
                    const auto sp = tv.find(' ');
                    if (sp == std::string::npos || trim(tv.substr(sp + 1)).empty()) continue;
                    labels_.push_back({trim(tv.substr(sp + 1)), layer,
                                       "attribute " + tv.substr(0, sp) + " of INSERT handle " + handle, *g->toPoint()});
                    any = true;
                }
            }
            if (!any) otherBlocks_[blockName].push_back(handle);
            return;
        }
        if (doorStorey && kind == "ARC" && g && wkbFlatten(g->getGeometryType()) == wkbLineString) {
            const OGRLineString* ls = g->toLineString();
            if (ls->getNumPoints() >= 3) {
                RawDoor d;
                d.handle = handle;
                d.object = object;
                d.storey = doorStorey;
                d.arc = true;
                OGRPoint p;
                for (int i : {0, ls->getNumPoints() / 2, ls->getNumPoints() - 1}) {
                    ls->getPoint(i, &p);
                    d.arcPoints.push_back(p);
                }
                doors_.push_back(std::move(d));
            }
            return;
        }
        if (!roomStorey || !g || g->IsEmpty()) return;
        const auto flat = wkbFlatten(g->getGeometryType());
        if (flat == wkbLineString) {
            const OGRLineString* ls = g->toLineString();
            if (kind != "LWPOLYLINE" && kind != "POLYLINE") return;  // walls drawn as lines, arcs: not rooms
            if (ls->getNumPoints() < 4 || !ls->get_IsClosed()) {
                note(object, "open polyline on a room layer: skipped (a room must be a closed polyline)");
                tally("open polylines skipped");
                return;
            }
            OGRPolygon poly;
            auto* ring = new OGRLinearRing();
            for (int i = 0; i < ls->getNumPoints(); ++i) ring->addPoint(ls->getX(i), ls->getY(i));
            poly.addRingDirectly(ring);
            polygons_.push_back({handle, object, layer, *roomStorey, std::move(poly)});
        } else if (flat == wkbPolygon) {
            polygons_.push_back({handle, object, layer, *roomStorey, *g->toPolygon()});
        } else if (flat == wkbMultiPolygon) {
            for (const auto* part : *g->toMultiPolygon())
                polygons_.push_back({handle, object, layer, *roomStorey, *part});
        }
    }

    std::string layersSeen() const {
        std::string seen;
        for (const auto& l : layersSeen_) seen += (seen.empty() ? "" : ", ") + l;
        return seen.empty() ? "none" : seen;
    }

    // $INSUNITS decides; without it the extent of the rooms does, with a warning.
    void decideUnits(const Header& h) {
        if (polygons_.empty()) {
            throw InputError(path_, "", "no closed polylines or hatches on a room layer (room layers: " +
                                            layerList(roomLayers_) + "; the drawing has layers: " + layersSeen() +
                                            "); name the room layer with --room-layer");
        }
        if (h.insunits && *h.insunits != 0) {
            const auto u = unitOf(*h.insunits);
            if (!u)
                throw InputError(path_, "header variable $INSUNITS",
                                 "unit code " + std::to_string(*h.insunits) +
                                     " is not a length unit vgscan reads (inches 1, feet 2, mm 4, cm 5, m 6, yards 10, dm 14)");
            unit_ = *u;
            report_.units = u->name + " ($INSUNITS " + std::to_string(*h.insunits) + ")";
            return;
        }
        OGREnvelope all;
        for (const auto& p : polygons_) {
            OGREnvelope e;
            p.poly.getEnvelope(&e);
            all.Merge(e);
        }
        const double extent = std::max(all.MaxX - all.MinX, all.MaxY - all.MinY);
        const std::string why = h.insunits ? "$INSUNITS is 0 (unitless)" : "the header has no $INSUNITS";
        const std::string size = std::to_string(static_cast<long long>(std::llround(extent)));
        // A building is about 5 to 250 m across: in millimetres that is 5,000 and up,
        // in metres 250 and less. Between the two the unit cannot be told.
        if (extent >= 2000) {
            unit_ = {0.001, "millimetres"};
            report_.units = "millimetres (assumed: " + why + "; the rooms span " + size + " units)";
        } else if (extent <= 250) {
            unit_ = {1.0, "metres"};
            report_.units = "metres (assumed: " + why + "; the rooms span " + size + " units)";
        } else {
            throw InputError(path_, "header variable $INSUNITS",
                             why + " and the rooms span " + size +
                                 " units, which could be centimetres or metres; set the drawing units (UNITS "
                                 "command) and export again");
        }
        note("header variable $INSUNITS", why + ": the drawing is read in " + unit_.name + " because the rooms span " +
                                              size + " units; set the drawing units to be sure");
    }

    Polygon toMetres(const OGRPolygon& p) const {
        try {
            Polygon out = gdal::toPolygon(p, unit_.metres);
            for (auto& pt : out.outer()) pt = snap(pt);
            for (auto& ring : out.inners())
                for (auto& pt : ring) pt = snap(pt);
            return out;
        } catch (const std::exception&) {
            return {};
        }
    }

    // Outlines (a polygon holding two or more others) are skipped; a polygon
    // holding exactly one other gets it as a hole (a shaft, a cupboard).
    void buildRooms() {
        for (const auto& r : polygons_) {
            Candidate c{r.handle, r.object, r.layer, r.storey, toMetres(r.poly), false};
            if (c.shape.outer().size() < 4) {
                note(c.object, "degenerate polygon on a room layer: skipped");
                continue;
            }
            rooms_.push_back(std::move(c));
        }
        const size_t n = rooms_.size();
        std::vector<Box> boxes(n);
        for (size_t i = 0; i < n; ++i) boxes[i] = bg::return_envelope<Box>(rooms_[i].shape);
        std::vector<std::vector<size_t>> inside(n);
        for (size_t i = 0; i < n; ++i)
            for (size_t j = 0; j < n; ++j) {
                if (i == j || rooms_[i].storey != rooms_[j].storey) continue;
                if (!bg::covered_by(boxes[j], boxes[i])) continue;
                if (bg::area(rooms_[j].shape) >= bg::area(rooms_[i].shape)) continue;
                if (bg::covered_by(rooms_[j].shape, rooms_[i].shape)) inside[i].push_back(j);
            }
        for (size_t i = 0; i < n; ++i) {
            if (inside[i].size() >= 2) {
                rooms_[i].skipped = true;
                outlines_.push_back(i);
                note(rooms_[i].object, "contains " + std::to_string(inside[i].size()) +
                                           " other room polygons: taken as a building outline and skipped");
                tally("outlines skipped");
            }
        }
        for (size_t i = 0; i < n; ++i) {
            if (rooms_[i].skipped || inside[i].size() != 1) continue;
            const Candidate& inner = rooms_[inside[i].front()];
            Polygon::ring_type hole = inner.shape.outer();
            rooms_[i].shape.inners().push_back(hole);
            bg::correct(rooms_[i].shape);
            note(rooms_[i].object, "contains " + inner.object + ": that room is cut out of this one as a hole");
        }
    }

    std::optional<SpaceUse> lookUp(const std::string& text) const { return mapping_.find(text); }

    static std::string firstLine(const std::string& s) {
        const auto nl = s.find('\n');
        return trim(nl == std::string::npos ? s : s.substr(0, nl));
    }

    bool insideOutline(const Polygon& shape, int storey) const {
        for (size_t o : outlines_)
            if (rooms_[o].storey == storey && bg::covered_by(shape, rooms_[o].shape)) return true;
        return false;
    }

    bool hasOutline(int storey) const {
        return std::any_of(outlines_.begin(), outlines_.end(), [&](size_t o) { return rooms_[o].storey == storey; });
    }

    void assignRooms(FloorPlan& plan) {
        std::vector<Label> labels;
        labels.reserve(labels_.size());
        for (const auto& l : labels_)
            labels.push_back({l.text, l.layer, l.object, Point(l.at.getX() * unit_.metres, l.at.getY() * unit_.metres)});
        for (auto& c : rooms_) {
            if (c.skipped) continue;
            // Texts inside the room: those on the room's own layer first, then the rest.
            std::vector<size_t> here;
            for (size_t k = 0; k < labels.size(); ++k) {
                // A label on another storey's room layer belongs to that storey's room.
                const auto labelStorey = layerStorey(labels[k].layer, roomLayers_);
                if (labelStorey && *labelStorey != c.storey) continue;
                if (bg::within(labels[k].at, c.shape)) here.push_back(k);
            }
            std::stable_sort(here.begin(), here.end(), [&](size_t a, size_t b) {
                return (labels[a].layer == c.layer) > (labels[b].layer == c.layer);
            });
            std::optional<SpaceUse> use;
            std::string name, from;
            std::vector<std::string> unmapped;
            std::set<std::string> otherUses;
            for (size_t k : here) {
                const auto u = lookUp(labels[k].text);
                if (!u) {
                    unmapped.push_back("'" + firstLine(labels[k].text) + "' (" + labels[k].object + ")");
                    continue;
                }
                if (!use) {
                    use = u;
                    name = firstLine(labels[k].text);
                    from = labels[k].object;
                } else if (*u != *use) {
                    otherUses.insert("'" + firstLine(labels[k].text) + "' (" + labels[k].object + ") = " + toString(*u));
                }
            }
            if (!use && hasOutline(c.storey) && !insideOutline(c.shape, c.storey)) {
                note(c.object, "lies outside the building outline and has no room label: skipped (a title "
                               "block, legend or detail?)");
                tally("polygons outside the outline skipped");
                c.skipped = true;
                continue;
            }
            Space s;
            s.id = "room-" + c.handle;
            s.storey = c.storey;
            s.shape = c.shape;
            s.area = bg::area(s.shape);
            if (use) {
                s.use = *use;
                s.name = name;
                for (const auto& o : otherUses)
                    note(c.object, "has labels of different uses; used '" + name + "' (" + from + ") = " +
                                       toString(*use) + ", not " + o);
            } else {
                s.use = SpaceUse::Other;
                s.name = unmapped.empty() ? "" : firstLine(labels[here.front()].text);
                std::string list;
                for (const auto& u : unmapped) list += (list.empty() ? "" : ", ") + u;
                note(c.object, unmapped.empty()
                                   ? "room without a label: written as use 'other' (space '" + s.id + "')"
                                   : "room label " + list + " matches no use: written as use 'other' (space '" + s.id +
                                         "'); add a line 'name = use' to a mapping file (--mapping)");
                tally("rooms without use");
            }
            plan.spaces.push_back(std::move(s));
        }
    }

    // --- doors ----------------------------------------------------------------------

    Point metres(const OGRPoint& p) const { return snap(Point(p.getX() * unit_.metres, p.getY() * unit_.metres)); }

    DoorSource toDoor(const RawDoor& r) const {
        DoorSource d;
        d.handle = r.handle;
        d.object = r.object;
        d.storey = r.storey;
        if (r.arc) {
            // Hinge at the arc's centre; the doorway runs to one of its ends
            // (the closed leaf), the other end is the open leaf.
            const Point a = metres(r.arcPoints[0]), m = metres(r.arcPoints[1]), b = metres(r.arcPoints[2]);
            const auto circle = circleThrough(a, m, b);
            if (!circle) return d;
            d.hinge = snap(circle->first);
            d.width = snap(circle->second);
            d.ends = {a, b};
            return d;
        }
        // A door block: the doorway runs along the block's x axis from the
        // insertion point (the hinge); its width is the block's size times the scale.
        d.hinge = metres(r.insert);
        const auto ext = blockExtent_.find(r.block);
        if (ext == blockExtent_.end()) return d;
        const double unitWidth = std::max(ext->second.MaxX - ext->second.MinX, ext->second.MaxY - ext->second.MinY);
        const double rad = r.angleDeg * M_PI / 180.0;
        const Point ux(std::cos(rad), std::sin(rad)), uy(-std::sin(rad), std::cos(rad));
        const double wx = unitWidth * r.sx * unit_.metres, wy = unitWidth * r.sy * unit_.metres;
        d.width = snap(std::abs(wx));
        d.ends = {snap(Point(d.hinge.x() + ux.x() * wx, d.hinge.y() + ux.y() * wx)),
                  snap(Point(d.hinge.x() + uy.x() * wy, d.hinge.y() + uy.y() * wy))};
        return d;
    }

    // The space containing `p` on `storey` (any storey when nullopt); -1 for none.
    int spaceAt(const FloorPlan& plan, const Point& p, std::optional<int> storey) const {
        for (size_t i = 0; i < plan.spaces.size(); ++i) {
            const Space& s = plan.spaces[i];
            if (storey && s.storey != *storey) continue;
            if (bg::within(p, s.shape)) return static_cast<int>(i);
        }
        return -1;
    }

    struct Sides {
        int a = -1, b = -1;  // space index on either side, -1: none found
        Point probeA{0, 0}, probeB{0, 0};
    };

    // Walks away from the doorway's middle on both sides until a room is met.
    Sides look(const FloorPlan& plan, const Point& from, const Point& to, std::optional<int> storey) const {
        Sides s;
        const Point mid((from.x() + to.x()) / 2, (from.y() + to.y()) / 2);
        const double len = bg::distance(from, to);
        const Point n(-(to.y() - from.y()) / len, (to.x() - from.x()) / len);
        for (double t = kDoorProbeStep; t <= kDoorProbeMax + 1e-9; t += kDoorProbeStep) {
            s.probeA = Point(mid.x() + n.x() * t, mid.y() + n.y() * t);
            s.probeB = Point(mid.x() - n.x() * t, mid.y() - n.y() * t);
            if (s.a < 0) s.a = spaceAt(plan, s.probeA, storey);
            if (s.b < 0) s.b = spaceAt(plan, s.probeB, storey);
            if (s.a >= 0 && s.b >= 0) break;
        }
        return s;
    }

    // A staff post takes the storey of the room it stands in.
    void buildStaffPosts(FloorPlan& plan) {
        for (const auto& raw : posts_) {
            const Point at = metres(raw.at);
            const int room = spaceAt(plan, at, raw.storey);
            if (room < 0) {
                note(raw.object, "staff post stands in no room: skipped");
                tally("staff posts skipped");
                continue;
            }
            StaffPost p;
            p.id = "post-" + raw.handle;
            p.storey = plan.spaces[room].storey;
            p.position = at;
            plan.staffPosts.push_back(std::move(p));
        }
        if (!posts_.empty()) tally("staff posts", static_cast<int>(plan.staffPosts.size()));
    }

    void buildDoors(FloorPlan& plan) {
        // Rooms and no door at all: the doors are likely on a layer of the
        // office's own name (their arcs are read on a door layer only), and
        // a plan without doors fails every route rule without saying why.
        if (doors_.empty())
            note("", "no door blocks (a block named *door* or *deur*) and nothing on a door layer (door layers: " +
                         layerList(doorLayers_) + "; the drawing has layers: " + layersSeen() +
                         "): no room joins another or the outside; name the door layer with --door-layer");
        std::set<std::pair<long long, long long>> seenAt;  // doubled doors (same hinge)
        for (const auto& raw : doors_) {
            const DoorSource d = toDoor(raw);
            if (d.ends.empty() || d.width <= 0) {
                note(d.object, raw.arc ? "arc on a door layer has no usable radius: skipped"
                                       : "door block '" + raw.block + "' has no geometry to take its width from: skipped");
                tally("doors that connect nothing");
                continue;
            }
            // The doorway is the candidate whose middle is in no room (it lies in
            // the wall gap) and that has a room on at least one side.
            std::optional<Sides> best;
            Point end;
            for (const Point& e : d.ends) {
                const Point mid((d.hinge.x() + e.x()) / 2, (d.hinge.y() + e.y()) / 2);
                if (spaceAt(plan, mid, d.storey) >= 0) continue;
                Sides s = look(plan, d.hinge, e, d.storey);
                if (s.a < 0 && s.b < 0) continue;
                const int found = (s.a >= 0) + (s.b >= 0);
                if (!best || found > (best->a >= 0) + (best->b >= 0)) best = s, end = e;
            }
            if (!best) {
                note(d.object, "door connects nothing: no room within " + std::to_string(kDoorProbeMax).substr(0, 3) +
                                   " m on either side of its doorway; skipped");
                tally("doors that connect nothing");
                continue;
            }
            Sides s = *best;
            if (s.a >= 0 && s.b >= 0 && s.a == s.b) {
                note(d.object, "door has the same room on both sides (space '" + plan.spaces[s.a].id + "'): skipped");
                tally("doors that connect nothing");
                continue;
            }
            if (s.a >= 0 && s.b >= 0 && plan.spaces[s.a].storey != plan.spaces[s.b].storey) {
                note(d.object, "door joins rooms on different storeys: skipped (put doors on a door layer with the "
                               "storey suffix)");
                tally("doors that connect nothing");
                continue;
            }
            const int room = s.a >= 0 ? s.a : s.b;
            std::string other = kOutside;
            if (s.a < 0 || s.b < 0) {
                // One room: the other side is outside, unless the building outline says it is inside.
                const Point& probe = s.a < 0 ? s.probeA : s.probeB;
                const int storey = plan.spaces[room].storey;
                bool inBuilding = false;
                for (size_t o : outlines_)
                    if (rooms_[o].storey == storey && bg::within(probe, rooms_[o].shape)) inBuilding = true;
                if (inBuilding) {
                    note(d.object, "door of space '" + plan.spaces[room].id +
                                       "' leads to a part of the building where no room is drawn: skipped");
                    tally("doors that connect nothing");
                    continue;
                }
            } else {
                other = plan.spaces[s.b].id;
            }
            const auto key = std::make_pair(std::llround(d.hinge.x() * 100), std::llround(d.hinge.y() * 100));
            if (!seenAt.insert(key).second) {
                note(d.object, "a second door at the same place: skipped");
                continue;
            }
            Opening o;
            o.id = "door-" + d.handle;
            o.kind = OpeningKind::Door;
            o.from = plan.spaces[room].id;
            o.to = other;
            o.storey = plan.spaces[room].storey;
            o.width = d.width;
            o.line = LineString{d.hinge, end};
            o.position = Point((d.hinge.x() + end.x()) / 2, (d.hinge.y() + end.y()) / 2);
            if (other == kOutside) tally("doors to outside");
            plan.openings.push_back(std::move(o));
        }
        // One note per block name (a drawing has hundreds of chairs), with the first handles.
        for (const auto& [block, handles] : otherBlocks_) {
            std::string list;
            for (size_t i = 0; i < handles.size() && i < 5; ++i) list += (i ? ", " : "") + handles[i];
            if (handles.size() > 5) list += ", ...";
            note("block '" + block + "'", std::to_string(handles.size()) + " INSERT(s) (handle " + list +
                                              ") of a block that is neither a door, a staff post nor a room stamp: ignored");
            tally("other block inserts ignored", static_cast<int>(handles.size()));
        }
    }

    std::string path_;
    ImportReport& report_;
    UseMapping mapping_;
    std::vector<std::string> roomLayers_, doorLayers_;
    std::set<std::string> layersSeen_;
    std::map<std::string, OGREnvelope> blockExtent_;
    std::map<std::string, std::vector<std::string>> otherBlocks_;  // block name -> insert handles
    std::vector<RawPolygon> polygons_;
    std::vector<RawDoor> doors_;
    std::vector<RawLabel> labels_;
    std::vector<RawPost> posts_;
    Unit unit_;
    std::vector<Candidate> rooms_;
    std::vector<size_t> outlines_;
};

}  // namespace

FloorPlan importDxf(const std::string& path, const ImportOptions& options, ImportReport& report) {
    try {
        return DxfImporter(path, options, report).run();
    } catch (const bg::exception& e) {
        // Boost.Geometry gives up on some broken polygons; that is the drawing's fault, not a crash.
        throw InputError(path, "", std::string("a room polygon is too broken to work with (") + e.what() +
                                       "); check the room layer for self-crossing polylines");
    }
}

}  // namespace vgscan
