#include "io/PlanWriter.h"

#include "io/Gdal.h"
#include "io/InputError.h"

#include <cpl_conv.h>
#include <cpl_error.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <memory>
#include <system_error>

#include <unistd.h>

namespace vgscan {

namespace fs = std::filesystem;

namespace {

enum class Kind { GeoJson, Gpkg };

struct FieldSpec {
    const char* name;
    OGRFieldType type;
};

const char* const kLocalMetres =
    "LOCAL_CS[\"local metres (CAD drawing)\",UNIT[\"metre\",1],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH]]";

// The contract's property names, per feature type.
const std::vector<FieldSpec> kSpaceFields = {
    {"id", OFTString}, {"use", OFTString}, {"storey", OFTInteger}, {"group", OFTString}, {"name", OFTString},
    {"shaft", OFTString}};
const std::vector<FieldSpec> kOpeningFields = {
    {"id", OFTString}, {"kind", OFTString}, {"from", OFTString}, {"to", OFTString}, {"storey", OFTInteger},
    {"width_m", OFTReal}};
const std::vector<FieldSpec> kPostFields = {{"id", OFTString}, {"storey", OFTInteger}, {"group", OFTString}};

class Writer {
public:
    Writer(const std::string& path, const FloorPlan& plan, Kind kind) : path_(path), plan_(plan), kind_(kind) {
        if (!plan.crsWkt.empty()) {
            srs_ = std::make_unique<OGRSpatialReference>();
            srs_->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
            if (srs_->importFromWkt(plan.crsWkt.c_str()) != OGRERR_NONE) throw fail("the plan's CRS cannot be written");
            // The model holds metres; the file holds the CRS's own unit.
            scale_ = 1.0 / srs_->GetLinearUnits();
        } else if (kind == Kind::Gpkg) {
            // A GeoPackage layer without a CRS is read back by GDAL as "Undefined
            // geographic SRS" (degrees); a local engineering CRS in metres says what is meant.
            srs_ = std::make_unique<OGRSpatialReference>();
            if (srs_->importFromWkt(kLocalMetres) != OGRERR_NONE) throw fail("cannot set up the local CRS");
        }
    }

    void write(const std::string& file) {
        GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(kind_ == Kind::Gpkg ? "GPKG" : "GeoJSON");
        if (!drv) throw fail("GDAL has no " + std::string(kind_ == Kind::Gpkg ? "GPKG" : "GeoJSON") + " driver");
        CPLErrorReset();
        ds_.reset(drv->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!ds_) throw fail("cannot create the file: " + gdal::lastError("unknown error"));
        if (kind_ == Kind::Gpkg) {
            OGRLayer* spaces = layer("spaces", wkbPolygon, kSpaceFields, false);
            for (const auto& s : plan_.spaces) writeSpace(*spaces, s);
            OGRLayer* openings = layer("openings", wkbUnknown, kOpeningFields, false);
            for (const auto& o : plan_.openings) writeOpening(*openings, o);
            OGRLayer* posts = layer("staff_posts", wkbPoint, kPostFields, false);
            for (const auto& p : plan_.staffPosts) writePost(*posts, p);
        } else {
            std::vector<FieldSpec> all = kSpaceFields;
            for (const auto* list : {&kOpeningFields, &kPostFields})
                for (const auto& f : *list)
                    if (std::none_of(all.begin(), all.end(), [&](const FieldSpec& a) { return std::string(a.name) == f.name; }))
                        all.push_back(f);
            OGRLayer* l = layer(plan_.name.empty() ? "plan" : plan_.name.c_str(), wkbUnknown, all, true);
            for (const auto& s : plan_.spaces) writeSpace(*l, s);
            for (const auto& o : plan_.openings) writeOpening(*l, o);
            for (const auto& p : plan_.staffPosts) writePost(*l, p);
        }
        // Closing flushes; GDAL reports write errors here for some drivers.
        CPLErrorReset();
        ds_.reset();
        if (CPLGetLastErrorType() == CE_Failure) throw fail("writing failed: " + gdal::lastError("unknown error"));
    }

private:
    InputError fail(const std::string& problem) const { return InputError(path_, "", problem); }

    OGRLayer* layer(const char* name, OGRwkbGeometryType type, const std::vector<FieldSpec>& fields, bool withFeature) {
        // GeoJSON writes coordinates with 15 digits unless told otherwise; 17
        // keep them (GDAL still prints 0.84999999999999964 as 0.85, which is
        // why imported plans are rounded to the micrometre).
        const char* options[] = {"SIGNIFICANT_FIGURES=17", nullptr};
        OGRLayer* l = ds_->CreateLayer(name, srs_.get(), type,
                                       kind_ == Kind::GeoJson ? const_cast<char**>(options) : nullptr);
        if (!l) throw fail(std::string("cannot create layer '") + name + "': " + gdal::lastError("unknown error"));
        if (withFeature) addField(*l, {"feature", OFTString});
        for (const auto& f : fields) addField(*l, f);
        return l;
    }

    void addField(OGRLayer& l, const FieldSpec& f) {
        OGRFieldDefn fd(f.name, f.type);
        if (l.CreateField(&fd) != OGRERR_NONE) throw fail(std::string("cannot create field '") + f.name + "'");
    }

    gdal::FeaturePtr feature(OGRLayer& l, const char* type) {
        gdal::FeaturePtr f(OGRFeature::CreateFeature(l.GetLayerDefn()));
        if (f->GetFieldIndex("feature") >= 0) f->SetField("feature", type);
        return f;
    }

    static void setText(OGRFeature& f, const char* name, const std::string& v) {
        if (!v.empty()) f.SetField(name, v.c_str());  // empty stays null: the reader's default
    }

    void commit(OGRLayer& l, gdal::FeaturePtr f, const std::string& what) {
        if (l.CreateFeature(f.get()) != OGRERR_NONE)
            throw InputError(path_, what, "cannot be written: " + gdal::lastError("unknown error"));
    }


    void writeSpace(OGRLayer& l, const Space& s) {
        auto f = feature(l, "space");
        f->SetField("id", s.id.c_str());
        f->SetField("use", toString(s.use));
        f->SetField("storey", s.storey);
        setText(*f, "group", s.group);
        setText(*f, "name", s.name);
        setText(*f, "shaft", s.shaft);
        OGRPolygon poly = gdal::fromPolygon(s.shape, scale_);
        f->SetGeometry(&poly);
        commit(l, std::move(f), "space '" + s.id + "'");
    }

    void writeOpening(OGRLayer& l, const Opening& o) {
        auto f = feature(l, "opening");
        f->SetField("id", o.id.c_str());
        f->SetField("kind", toString(o.kind));
        f->SetField("from", o.from.c_str());
        f->SetField("to", o.to.c_str());
        f->SetField("storey", o.storey);
        // Always written: the line's length read back can differ from the
        // measured width in the last bits, enough to move a rule's figure.
        f->SetField("width_m", o.width);
        if (o.line.size() >= 2) {
            OGRLineString ls = gdal::fromLineString(o.line, scale_);
            f->SetGeometry(&ls);
        } else {
            OGRPoint pt(o.position.x() * scale_, o.position.y() * scale_);
            f->SetGeometry(&pt);
        }
        commit(l, std::move(f), "opening '" + o.id + "'");
    }

    void writePost(OGRLayer& l, const StaffPost& p) {
        auto f = feature(l, "staff_post");
        f->SetField("id", p.id.c_str());
        f->SetField("storey", p.storey);
        setText(*f, "group", p.group);
        OGRPoint pt(p.position.x() * scale_, p.position.y() * scale_);
        f->SetGeometry(&pt);
        commit(l, std::move(f), "staff post '" + p.id + "'");
    }

    std::string path_;
    const FloorPlan& plan_;
    Kind kind_;
    std::unique_ptr<OGRSpatialReference> srs_;
    double scale_ = 1.0;
    gdal::DatasetPtr ds_;
};

std::string lowerExtension(const fs::path& p) {
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

// What an existing output file holds that is not a plan: the layers that are
// neither 'spaces', 'openings', 'staff_posts' nor a layer of features with a
// 'feature' property; "" for a plan (an earlier import, written over).
std::string notAPlan(const std::string& path) {
    gdal::DatasetPtr ds;
    try {
        ds = gdal::openVector(path);
    } catch (const InputError&) {
        return "something GDAL cannot read as vector data";
    }
    std::string others;
    for (auto* layer : ds->GetLayers()) {
        const std::string name = layer->GetName();
        if (name == "spaces" || name == "openings" || name == "staff_posts" || gdal::hasField(*layer, "feature"))
            continue;
        others += (others.empty() ? "'" : ", '") + name + "'";
    }
    return others.empty() ? "" : "the layers " + others;
}

bool sameFile(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec)) return fs::equivalent(a, b, ec);
    return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

}  // namespace

void writePlan(const std::string& path, const FloorPlan& plan) {
    gdal::init();
    const fs::path target(path);
    const std::string ext = lowerExtension(target);
    Kind kind;
    if (ext == ".geojson" || ext == ".json") kind = Kind::GeoJson;
    else if (ext == ".gpkg") kind = Kind::Gpkg;
    else throw InputError(path, "", "the output must end in .geojson or .gpkg (got '" + ext + "')");
    if (!plan.source.empty() && sameFile(target, fs::path(plan.source)))
        throw InputError(path, "", "is the plan's own input file; it is never overwritten: choose another output");
    std::error_code ec;
    if (fs::is_directory(target, ec)) throw InputError(path, "", "is a directory");
    // An earlier import is written over; anything else there (a portfolio
    // GeoPackage one tab-completion away, a GeoJSON of roads) is the user's
    // data, never replaced by a plan.
    if (fs::exists(target, ec))
        if (const std::string others = notAPlan(path); !others.empty())
            throw InputError(path, "", "already exists and is not a plan (it holds " + others +
                                           "): vgscan import writes over an earlier plan only; choose another output");

    // Same folder, so the rename is atomic; the extension tells GDAL nothing
    // (the driver is named) but keeps the GeoPackage driver from warning.
    const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
    const fs::path tmp = dir / ("." + target.stem().string() + ".tmp-" + std::to_string(::getpid()) + ext);
    fs::remove(tmp, ec);
    try {
        Writer(path, plan, kind).write(tmp.string());
    } catch (...) {
        fs::remove(tmp, ec);
        throw;
    }
    fs::rename(tmp, target, ec);
    if (ec) {
        fs::remove(tmp, ec);
        throw InputError(path, "", "cannot be replaced: " + ec.message());
    }
}

}  // namespace vgscan
