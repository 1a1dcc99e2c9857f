#include "report/GpkgRTree.h"

#include "io/Gdal.h"

#include <cpl_error.h>
#include <cpl_vsi.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include <unistd.h>

namespace vgscan::gpkg {

// SQLite's rtree.c: RNDTOWARDS and RNDAWAY, rtreeValueDown and rtreeValueUp.
float roundDown(double d) {
    float f = static_cast<float>(d);
    if (f > d) f = static_cast<float>(d * (d < 0 ? (1.0 + 1.0 / 8388608.0) : (1.0 - 1.0 / 8388608.0)));
    return f;
}

float roundUp(double d) {
    float f = static_cast<float>(d);
    if (f < d) f = static_cast<float>(d * (d < 0 ? (1.0 - 1.0 / 8388608.0) : (1.0 + 1.0 / 8388608.0)));
    return f;
}

RTreeIndex::RTreeIndex(std::string table) : table_(std::move(table)) {}

void RTreeIndex::add(GIntBig fid, const OGRGeometry& g) {
    if (g.IsEmpty()) return;  // GDAL's index leaves empty geometries out
    OGREnvelope e;
    g.getEnvelope(&e);
    entries_.push_back({fid, roundDown(e.MinX), roundUp(e.MaxX), roundDown(e.MinY), roundUp(e.MaxY)});
}

namespace {

using Rows = std::vector<std::vector<std::string>>;

// The rows of a SELECT run through GDAL; a NULL is "\x01NULL".
const std::string kNull = "\x01NULL";

Rows select(GDALDataset& ds, const std::string& sql, const std::string& path) {
    CPLErrorReset();
    OGRLayer* r = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!r) {
        if (CPLGetLastErrorType() >= CE_Failure)
            throw std::runtime_error(path + ": spatial index: " + gdal::lastError("query failed") + " (" + sql + ")");
        return {};
    }
    Rows rows;
    for (auto& f : *r) {
        std::vector<std::string> row;
        for (int i = 0; i < f->GetFieldCount(); ++i)
            row.push_back(f->IsFieldSetAndNotNull(i) ? std::string(f->GetFieldAsString(i)) : kNull);
        rows.push_back(std::move(row));
    }
    ds.ReleaseResultSet(r);
    return rows;
}

void run(GDALDataset& ds, const std::string& sql, const std::string& path) {
    CPLErrorReset();
    OGRLayer* r = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (r) ds.ReleaseResultSet(r);
    if (CPLGetLastErrorType() >= CE_Failure)
        throw std::runtime_error(path + ": spatial index: " + gdal::lastError("statement failed") + " (" +
                                 sql.substr(0, 200) + ")");
}

std::string quoted(const std::string& v) {
    if (v == kNull) return "NULL";
    std::string out = "'";
    for (char c : v) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string ident(const std::string& v) {
    std::string out = "\"";
    for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// What GDAL's CreateSpatialIndex adds to a GeoPackage for a layer named
// `table` (geometry column "geom"): the statements of the schema objects it
// creates (in creation order) and the gpkg_extensions rows it inserts, taken
// from an empty scratch GeoPackage in memory.
struct GdalIndexSql {
    std::vector<std::vector<std::string>> objects;  // type, name, sql
    Rows extensions;                                // table_name, column_name, extension_name, definition, scope
};

GdalIndexSql gdalIndexSql(const std::string& table, const std::string& path) {
    static std::atomic<unsigned> counter{0};
    const std::string name = "/vsimem/vgscan-rtree-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".gpkg";
    GdalIndexSql out;
    {
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName("GPKG");
        if (!drv) throw std::runtime_error("GDAL has no GPKG driver");
        gdal::DatasetPtr ds(drv->Create(name.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds) throw std::runtime_error(path + ": spatial index: cannot make GDAL's scratch GeoPackage");
        char noIndex[] = "SPATIAL_INDEX=NO";
        char* options[] = {noIndex, nullptr};
        if (!ds->CreateLayer(table.c_str(), nullptr, wkbPoint, options))
            throw std::runtime_error(path + ": spatial index: cannot make GDAL's scratch layer");
        const std::string master = "SELECT type, name, sql FROM sqlite_master ORDER BY rowid";
        const Rows before = select(*ds, master, path);
        run(*ds, "SELECT CreateSpatialIndex(" + quoted(table) + ", 'geom')", path);
        for (auto& row : select(*ds, master, path))
            if (std::find(before.begin(), before.end(), row) == before.end()) out.objects.push_back(row);
        out.extensions = select(*ds, "SELECT table_name, column_name, extension_name, definition, scope FROM "
                                     "gpkg_extensions WHERE extension_name = 'gpkg_rtree_index' AND table_name = " +
                                         quoted(table),
                                path);
    }
    VSIUnlink(name.c_str());
    return out;
}

struct Box {
    float minx, maxx, miny, maxy;
};

struct Cell {
    GIntBig id;  // a rowid in a leaf; in a node above, the index of the child node in the level below
    Box box;
};

struct Node {
    std::vector<Cell> cells;
    Box box;
    GIntBig number = 0;  // nodeno
};

Box unite(const std::vector<Cell>& cells) {
    Box b = cells.front().box;
    for (const Cell& c : cells) {
        b.minx = std::min(b.minx, c.box.minx), b.maxx = std::max(b.maxx, c.box.maxx);
        b.miny = std::min(b.miny, c.box.miny), b.maxy = std::max(b.maxy, c.box.maxy);
    }
    return b;
}

// Sort-tile-recursive packing: vertical slices by the boxes' centres in x,
// each cut into nodes of `m` by their centres in y.
std::vector<Node> pack(std::vector<Cell> cells, std::size_t m) {
    const std::size_t n = cells.size();
    const std::size_t nodes = (n + m - 1) / m;
    const auto slices = static_cast<std::size_t>(std::ceil(std::sqrt(static_cast<double>(nodes))));
    const std::size_t perSlice = slices * m;
    auto byX = [](const Cell& a, const Cell& b) {
        const double ca = double(a.box.minx) + a.box.maxx, cb = double(b.box.minx) + b.box.maxx;
        return ca != cb ? ca < cb : a.id < b.id;
    };
    auto byY = [](const Cell& a, const Cell& b) {
        const double ca = double(a.box.miny) + a.box.maxy, cb = double(b.box.miny) + b.box.maxy;
        return ca != cb ? ca < cb : a.id < b.id;
    };
    std::sort(cells.begin(), cells.end(), byX);
    std::vector<Node> out;
    for (std::size_t s = 0; s < n; s += perSlice) {
        const auto first = cells.begin() + static_cast<std::ptrdiff_t>(s);
        const auto last = cells.begin() + static_cast<std::ptrdiff_t>(std::min(n, s + perSlice));
        std::sort(first, last, byY);
        for (auto it = first; it < last; it += static_cast<std::ptrdiff_t>(std::min<std::size_t>(m, last - it))) {
            Node node;
            node.cells.assign(it, it + static_cast<std::ptrdiff_t>(std::min<std::size_t>(m, last - it)));
            node.box = unite(node.cells);
            out.push_back(std::move(node));
        }
    }
    return out;
}

void putBig(std::string& blob, std::size_t at, std::uint64_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) blob[at + i] = static_cast<char>((v >> (8 * (bytes - 1 - i))) & 0xFF);
}

void putFloat(std::string& blob, std::size_t at, float f) {
    std::uint32_t bits;
    std::memcpy(&bits, &f, sizeof bits);
    putBig(blob, at, bits, 4);
}

std::string hex(const std::string& bytes) {
    static const char* digits = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 2 + 3);
    out += "X'";
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return out + "'";
}

// Multi-row INSERTs of at most some 1 MB of text each.
class Inserts {
public:
    Inserts(GDALDataset& ds, std::string head, const std::string& path) : ds_(ds), head_(std::move(head)), path_(path) {}
    void add(const std::string& values) {
        sql_ += sql_.empty() ? head_ : ",";
        sql_ += values;
        if (sql_.size() > (1u << 20)) flush();
    }
    void flush() {
        if (!sql_.empty()) run(ds_, sql_, path_);
        sql_.clear();
    }

private:
    GDALDataset& ds_;
    std::string head_, sql_;
    const std::string& path_;
};

}  // namespace

void RTreeIndex::create(GDALDataset& ds, const std::string& path) const {
    const GdalIndexSql gdal = gdalIndexSql(table_, path);
    const std::string rtree = "rtree_" + table_ + "_geom";
    auto shadow = [&](const std::string& name) {
        return name == rtree + "_rowid" || name == rtree + "_node" || name == rtree + "_parent";
    };
    auto exists = [&](const std::string& name) {
        return !select(ds, "SELECT 1 FROM sqlite_master WHERE name = " + quoted(name), path).empty();
    };
    // The schema objects GDAL makes, but the triggers after the tree is
    // filled (an insert trigger would add every box again, one at a time).
    std::vector<std::string> triggers;
    for (const auto& o : gdal.objects) {
        const std::string &type = o[0], &name = o[1], &sql = o[2];
        if (sql == kNull || shadow(name)) continue;  // made with the virtual table, or an automatic index
        if (type == "trigger" && name.rfind(rtree + "_", 0) == 0) {
            triggers.push_back(sql);
            continue;
        }
        if (name != rtree && exists(name)) continue;  // e.g. gpkg_extensions, when the file has it already
        run(ds, sql, path);
    }
    if (!exists(rtree)) throw std::runtime_error(path + ": spatial index: GDAL made no table " + rtree);

    if (!entries_.empty()) {
        const Rows size = select(ds, "SELECT length(data) FROM " + ident(rtree + "_node") + " WHERE nodeno = 1", path);
        if (size.size() != 1) throw std::runtime_error(path + ": spatial index: " + rtree + " has no root node");
        const std::size_t nodeSize = std::stoul(size[0][0]);
        constexpr std::size_t kCellBytes = 8 + 4 * 4;  // rowid, then minx, maxx, miny, maxy as 32-bit floats
        const std::size_t m = (nodeSize - 4) / kCellBytes;
        if (m < 2) throw std::runtime_error(path + ": spatial index: " + rtree + " has nodes of " + size[0][0] + " bytes");

        // Levels from the leaves up; the root is node 1, the others numbered from the root down.
        std::vector<std::vector<Node>> levels;
        {
            std::vector<Cell> cells;
            cells.reserve(entries_.size());
            for (const Entry& e : entries_) cells.push_back({e.id, {e.minx, e.maxx, e.miny, e.maxy}});
            levels.push_back(pack(std::move(cells), m));
        }
        while (levels.back().size() > 1) {
            std::vector<Cell> cells;
            for (std::size_t i = 0; i < levels.back().size(); ++i) cells.push_back({static_cast<GIntBig>(i), levels.back()[i].box});
            levels.push_back(pack(std::move(cells), m));
        }
        GIntBig next = 1;
        for (auto level = levels.rbegin(); level != levels.rend(); ++level)
            for (Node& node : *level) node.number = next++;
        const std::size_t depth = levels.size() - 1;

        Inserts nodes(ds, "INSERT OR REPLACE INTO " + ident(rtree + "_node") + " (nodeno, data) VALUES ", path);
        Inserts parents(ds, "INSERT INTO " + ident(rtree + "_parent") + " (nodeno, parentnode) VALUES ", path);
        Inserts rowids(ds, "INSERT INTO " + ident(rtree + "_rowid") + " (rowid, nodeno) VALUES ", path);
        for (std::size_t l = 0; l < levels.size(); ++l)
            for (const Node& node : levels[l]) {
                std::string blob(nodeSize, '\0');
                if (node.number == 1) putBig(blob, 0, depth, 2);
                putBig(blob, 2, node.cells.size(), 2);
                std::size_t at = 4;
                for (const Cell& c : node.cells) {
                    const GIntBig id = l == 0 ? c.id : levels[l - 1][static_cast<std::size_t>(c.id)].number;
                    putBig(blob, at, static_cast<std::uint64_t>(id), 8);
                    putFloat(blob, at + 8, c.box.minx);
                    putFloat(blob, at + 12, c.box.maxx);
                    putFloat(blob, at + 16, c.box.miny);
                    putFloat(blob, at + 20, c.box.maxy);
                    at += kCellBytes;
                    const std::string pair = "(" + std::to_string(id) + "," + std::to_string(node.number) + ")";
                    if (l == 0) rowids.add(pair);
                    else parents.add(pair);
                }
                nodes.add("(" + std::to_string(node.number) + "," + hex(blob) + ")");
            }
        nodes.flush();
        parents.flush();
        rowids.flush();
    }
    for (const std::string& sql : triggers) run(ds, sql, path);
    for (const auto& row : gdal.extensions) {
        if (row.size() != 5) continue;
        run(ds, "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (" +
                    quoted(row[0]) + ", " + quoted(row[1]) + ", " + quoted(row[2]) + ", " + quoted(row[3]) + ", " +
                    quoted(row[4]) + ")",
            path);
    }
}

}  // namespace vgscan::gpkg
