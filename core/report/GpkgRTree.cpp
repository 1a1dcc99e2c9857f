#include "report/GpkgRTree.h"

#include "io/Gdal.h"

#include <cpl_error.h>
#include <cpl_vsi.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
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

namespace {

constexpr std::size_t kCellBytes = 8 + 4 * 4;  // rowid, then minx, maxx, miny, maxy as 32-bit floats

std::string rtreeName(const std::string& table) { return "rtree_" + table + "_geom"; }

// The tree of `entries` packed into nodes of `nodeSize` bytes, handed out
// row by row: node(number, blob) for every node, parent(node, its parent)
// for every node below the root and rowid(feature, its leaf) for every
// entry. The root is node 1, the others numbered from the root down.
template <class NodeFn, class ParentFn, class RowidFn>
void forEachRow(const std::vector<RTreeIndex::Entry>& entries, std::size_t nodeSize, const std::string& what,
                NodeFn&& node, ParentFn&& parent, RowidFn&& rowid) {
    const std::size_t m = (nodeSize - 4) / kCellBytes;
    if (nodeSize < 4 || m < 2)
        throw std::runtime_error(what + " has nodes of " + std::to_string(nodeSize) + " bytes");
    std::vector<std::vector<Node>> levels;  // from the leaves up
    {
        std::vector<Cell> cells;
        cells.reserve(entries.size());
        for (const RTreeIndex::Entry& e : entries) cells.push_back({e.id, {e.minx, e.maxx, e.miny, e.maxy}});
        levels.push_back(pack(std::move(cells), m));
    }
    while (levels.back().size() > 1) {
        std::vector<Cell> cells;
        for (std::size_t i = 0; i < levels.back().size(); ++i) cells.push_back({static_cast<GIntBig>(i), levels.back()[i].box});
        levels.push_back(pack(std::move(cells), m));
    }
    GIntBig next = 1;
    for (auto level = levels.rbegin(); level != levels.rend(); ++level)
        for (Node& n : *level) n.number = next++;
    const std::size_t depth = levels.size() - 1;
    std::string blob;
    for (std::size_t l = 0; l < levels.size(); ++l)
        for (const Node& n : levels[l]) {
            blob.assign(nodeSize, '\0');
            if (n.number == 1) putBig(blob, 0, depth, 2);
            putBig(blob, 2, n.cells.size(), 2);
            std::size_t at = 4;
            for (const Cell& c : n.cells) {
                const GIntBig id = l == 0 ? c.id : levels[l - 1][static_cast<std::size_t>(c.id)].number;
                putBig(blob, at, static_cast<std::uint64_t>(id), 8);
                putFloat(blob, at + 8, c.box.minx);
                putFloat(blob, at + 12, c.box.maxx);
                putFloat(blob, at + 16, c.box.miny);
                putFloat(blob, at + 20, c.box.maxy);
                at += kCellBytes;
                if (l == 0) rowid(id, n.number);
                else parent(id, n.number);
            }
            node(n.number, blob);
        }
}

// The schema objects of GDAL's index for `table` made in `ds`, but the
// triggers: returned, to be made after the tree is filled when it is filled
// through `ds` (an insert trigger would add every box again, one at a time).
std::vector<std::string> createSchema(GDALDataset& ds, const std::string& table, const GdalIndexSql& gdal,
                                      const std::string& path) {
    const std::string rtree = rtreeName(table);
    auto shadow = [&](const std::string& name) {
        return name == rtree + "_rowid" || name == rtree + "_node" || name == rtree + "_parent";
    };
    auto exists = [&](const std::string& name) {
        return !select(ds, "SELECT 1 FROM sqlite_master WHERE name = " + quoted(name), path).empty();
    };
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
    return triggers;
}

void createExtensions(GDALDataset& ds, const GdalIndexSql& gdal, const std::string& path) {
    for (const auto& row : gdal.extensions) {
        if (row.size() != 5) continue;
        run(ds, "INSERT INTO gpkg_extensions (table_name, column_name, extension_name, definition, scope) VALUES (" +
                    quoted(row[0]) + ", " + quoted(row[1]) + ", " + quoted(row[2]) + ", " + quoted(row[3]) + ", " +
                    quoted(row[4]) + ")",
            path);
    }
}

// An SQLite connection of its own to a closed GeoPackage, for fill.
class Db {
public:
    explicit Db(const std::string& path) : path_(path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            const std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw std::runtime_error(path + ": spatial index: cannot open the file with SQLite: " + why);
        }
    }
    ~Db() { sqlite3_close(db_); }
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;
    void exec(const std::string& sql) {
        if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail(sql);
    }
    [[noreturn]] void fail(const std::string& sql) const {
        throw std::runtime_error(path_ + ": spatial index: " + sqlite3_errmsg(db_) + " (" + sql.substr(0, 200) + ")");
    }
    sqlite3* get() const { return db_; }

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

class Statement {
public:
    Statement(Db& db, std::string sql) : db_(db), sql_(std::move(sql)) {
        if (sqlite3_prepare_v2(db.get(), sql_.c_str(), -1, &st_, nullptr) != SQLITE_OK) db.fail(sql_);
    }
    ~Statement() { sqlite3_finalize(st_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    // Binds the integers and, when given, the blob as the last parameter, and steps once.
    void run(std::initializer_list<sqlite3_int64> ints, const std::string* blob = nullptr) {
        int i = 1;
        for (sqlite3_int64 v : ints) sqlite3_bind_int64(st_, i++, v);
        if (blob) sqlite3_bind_blob(st_, i, blob->data(), static_cast<int>(blob->size()), SQLITE_STATIC);
        if (sqlite3_step(st_) != SQLITE_DONE) db_.fail(sql_);
        sqlite3_reset(st_);
    }
    // The first column of the first row as an integer (-1: no row).
    sqlite3_int64 value() {
        const int rc = sqlite3_step(st_);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) db_.fail(sql_);
        const sqlite3_int64 v = rc == SQLITE_ROW ? sqlite3_column_int64(st_, 0) : -1;
        sqlite3_reset(st_);
        return v;
    }

private:
    Db& db_;
    std::string sql_;
    sqlite3_stmt* st_ = nullptr;
};

}  // namespace

void RTreeIndex::create(GDALDataset& ds, const std::string& path) const {
    const GdalIndexSql gdal = gdalIndexSql(table_, path);
    const std::string rtree = rtreeName(table_);
    const std::vector<std::string> triggers = createSchema(ds, table_, gdal, path);
    if (!entries_.empty()) {
        const Rows size = select(ds, "SELECT length(data) FROM " + ident(rtree + "_node") + " WHERE nodeno = 1", path);
        if (size.size() != 1) throw std::runtime_error(path + ": spatial index: " + rtree + " has no root node");
        Inserts nodes(ds, "INSERT OR REPLACE INTO " + ident(rtree + "_node") + " (nodeno, data) VALUES ", path);
        Inserts parents(ds, "INSERT INTO " + ident(rtree + "_parent") + " (nodeno, parentnode) VALUES ", path);
        Inserts rowids(ds, "INSERT INTO " + ident(rtree + "_rowid") + " (rowid, nodeno) VALUES ", path);
        auto pair = [](GIntBig a, GIntBig b) { return "(" + std::to_string(a) + "," + std::to_string(b) + ")"; };
        forEachRow(
            entries_, std::stoul(size[0][0]), path + ": spatial index: " + rtree,
            [&](GIntBig number, const std::string& blob) { nodes.add("(" + std::to_string(number) + "," + hex(blob) + ")"); },
            [&](GIntBig id, GIntBig number) { parents.add(pair(id, number)); },
            [&](GIntBig id, GIntBig number) { rowids.add(pair(id, number)); });
        nodes.flush();
        parents.flush();
        rowids.flush();
    }
    for (const std::string& sql : triggers) run(ds, sql, path);
    createExtensions(ds, gdal, path);
}

void RTreeIndex::createEmpty(GDALDataset& ds, const std::string& path) const {
    const GdalIndexSql gdal = gdalIndexSql(table_, path);
    // No box goes in through `ds`: the triggers can be made at once.
    for (const std::string& sql : createSchema(ds, table_, gdal, path)) run(ds, sql, path);
    createExtensions(ds, gdal, path);
}

void RTreeIndex::fill(const std::string& path, const std::vector<const RTreeIndex*>& indexes) {
    Db db(path);
    // As GDAL writes a new file (sites.gpkg is a temporary name until the
    // scan renames it): no rollback journal, no syncs.
    db.exec("PRAGMA journal_mode = OFF");
    db.exec("PRAGMA synchronous = OFF");
    db.exec("BEGIN");
    for (const RTreeIndex* index : indexes) {
        if (index->entries_.empty()) continue;
        const std::string rtree = rtreeName(index->table_);
        const sqlite3_int64 size =
            Statement(db, "SELECT length(data) FROM " + ident(rtree + "_node") + " WHERE nodeno = 1").value();
        if (size < 0) throw std::runtime_error(path + ": spatial index: " + rtree + " has no root node");
        Statement node(db, "INSERT OR REPLACE INTO " + ident(rtree + "_node") + " (nodeno, data) VALUES (?, ?)");
        Statement parent(db, "INSERT INTO " + ident(rtree + "_parent") + " (nodeno, parentnode) VALUES (?, ?)");
        Statement rowid(db, "INSERT INTO " + ident(rtree + "_rowid") + " (rowid, nodeno) VALUES (?, ?)");
        forEachRow(
            index->entries_, static_cast<std::size_t>(size), path + ": spatial index: " + rtree,
            [&](GIntBig number, const std::string& blob) { node.run({number}, &blob); },
            [&](GIntBig id, GIntBig number) { parent.run({id, number}); },
            [&](GIntBig id, GIntBig number) { rowid.run({id, number}); });
    }
    db.exec("COMMIT");
}

}  // namespace vgscan::gpkg
