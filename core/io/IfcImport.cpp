// IFC (IFC2X3, IFC4, IFC4X3) to the native plan: IfcSpace footprints from
// their extrusions or footprint curves, composed through the placement chain
// and projected to the XY plane; names mapped to a use; IfcDoor matched to
// the spaces on both sides (IfcRelSpaceBoundary, else geometry); storeys from
// IfcBuildingStorey. Reads the STEP entities itself (io/StepReader.h).
#include "io/Import.h"
#include "io/Limits.h"

#include "io/BodySection.h"
#include "io/StepReader.h"
#include "io/UseMapping.h"

#include <boost/geometry.hpp>

#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

namespace vgscan {

namespace {

using step::Entity;
using step::StepFile;
using step::Value;
using Id = std::int64_t;

// The entity types the importer reads; everything else is checked for syntax
// and dropped, so memory follows the model's spaces and doors, not its meshes.
const std::set<std::string>& keptTypes() {
    static const std::set<std::string> types = {
        "IFCPROJECT", "IFCUNITASSIGNMENT", "IFCSIUNIT", "IFCCONVERSIONBASEDUNIT",
        "IFCCONVERSIONBASEDUNITWITHOFFSET", "IFCMEASUREWITHUNIT",
        "IFCBUILDINGSTOREY", "IFCSPACE", "IFCDOOR", "IFCDOORSTANDARDCASE", "IFCOPENINGELEMENT",
        "IFCOPENINGSTANDARDCASE", "IFCLOCALPLACEMENT", "IFCAXIS2PLACEMENT3D", "IFCAXIS2PLACEMENT2D",
        "IFCCARTESIANPOINT", "IFCDIRECTION", "IFCCARTESIANTRANSFORMATIONOPERATOR3D",
        "IFCCARTESIANTRANSFORMATIONOPERATOR3DNONUNIFORM", "IFCPRODUCTDEFINITIONSHAPE",
        "IFCSHAPEREPRESENTATION", "IFCMAPPEDITEM", "IFCREPRESENTATIONMAP", "IFCEXTRUDEDAREASOLID",
        "IFCEXTRUDEDAREASOLIDTAPERED", "IFCBOOLEANCLIPPINGRESULT", "IFCBOOLEANRESULT",
        "IFCARBITRARYCLOSEDPROFILEDEF", "IFCARBITRARYPROFILEDEFWITHVOIDS", "IFCRECTANGLEPROFILEDEF",
        "IFCROUNDEDRECTANGLEPROFILEDEF", "IFCCIRCLEPROFILEDEF", "IFCPOLYLINE", "IFCCOMPOSITECURVE",
        "IFCCOMPOSITECURVESEGMENT", "IFCINDEXEDPOLYCURVE", "IFCCARTESIANPOINTLIST2D",
        "IFCCARTESIANPOINTLIST3D", "IFCTRIMMEDCURVE", "IFCCIRCLE", "IFCLINE", "IFCVECTOR", "IFCGEOMETRICCURVESET", "IFCGEOMETRICSET", "IFCRELAGGREGATES",
        "IFCRELCONTAINEDINSPATIALSTRUCTURE", "IFCRELFILLSELEMENT", "IFCRELVOIDSELEMENT",
        "IFCRELSPACEBOUNDARY", "IFCRELSPACEBOUNDARY1STLEVEL", "IFCRELSPACEBOUNDARY2NDLEVEL",
        // Space bodies made of faces (Revit exports some rooms this way).
        "IFCFACEBASEDSURFACEMODEL", "IFCSHELLBASEDSURFACEMODEL", "IFCFACETEDBREP", "IFCFACETEDBREPWITHVOIDS",
        "IFCCONNECTEDFACESET", "IFCCLOSEDSHELL", "IFCOPENSHELL", "IFCFACE", "IFCFACEOUTERBOUND", "IFCFACEBOUND",
        "IFCPOLYLOOP", "IFCTRIANGULATEDFACESET", "IFCPOLYGONALFACESET", "IFCINDEXEDPOLYGONALFACE",
        "IFCINDEXEDPOLYGONALFACEWITHVOIDS",
    };
    return types;
}

struct Vec3 {
    double x = 0, y = 0, z = 0;
};
Vec3 operator+(Vec3 a, Vec3 b) { return {a.x + b.x, a.y + b.y, a.z + b.z}; }
Vec3 operator-(Vec3 a, Vec3 b) { return {a.x - b.x, a.y - b.y, a.z - b.z}; }
Vec3 operator*(Vec3 a, double k) { return {a.x * k, a.y * k, a.z * k}; }
double dot(Vec3 a, Vec3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
Vec3 cross(Vec3 a, Vec3 b) { return {a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x}; }
double norm(Vec3 a) { return std::sqrt(dot(a, a)); }

// An affine frame: origin and the images of the unit axes (scaled for
// transformation operators with a scale).
struct Frame {
    Vec3 o{0, 0, 0}, x{1, 0, 0}, y{0, 1, 0}, z{0, 0, 1};
    Vec3 apply(Vec3 p) const { return o + x * p.x + y * p.y + z * p.z; }
    Vec3 dir(Vec3 d) const { return x * d.x + y * d.y + z * d.z; }
    // This frame after `inner`: inner's coordinates expressed in this frame's parent.
    Frame operator*(const Frame& inner) const { return {apply(inner.o), dir(inner.x), dir(inner.y), dir(inner.z)}; }
    // Inverse of a rigid (orthonormal) frame, for mapping origins.
    Frame inverseRigid() const {
        Frame r;
        r.x = {x.x, y.x, z.x};
        r.y = {x.y, y.y, z.y};
        r.z = {x.z, y.z, z.z};
        r.o = r.dir(o) * -1.0;
        return r;
    }
};

// Why a geometry could not be read, for the import report.
struct Unusable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

class IfcImporter {
public:
    IfcImporter(const std::string& path, const ImportOptions& options, ImportReport& report)
        : path_(path), options_(options), report_(report) {}

    // The floor level of each storey index (metres), numbered as run() numbers them.
    std::map<int, double> storeyLevels() {
        readFile();
        readUnits();
        readRelations();
        readStoreys();
        std::map<int, double> levels;
        for (const auto& [z, index] : storeyElevations_) levels.emplace(index, z);
        return levels;
    }

    // The GlobalId of the first IfcProject (a model has one).
    std::string projectGlobalId() {
        readFile();
        for (Id id : file_.idsOfType("IFCPROJECT")) return text(get(id).args, 0);
        return {};
    }

    // The STEP file, within the reader's limits.
    void readFile() {
        step::ReadOptions ro;
        ro.keepTypes = keptTypes();
        ro.schemas = {"IFC2X3", "IFC4", "IFC4X3"};
        ro.maxFileBytes = maxFileBytes();
        ro.maxEntities = kMaxEntities;
        file_ = step::readStepFile(path_, ro);
    }

    FloorPlan run() {
        readFile();
        const std::string schema = file_.schemas().front();
        report_.format = schema.rfind("IFC4X3", 0) == 0 ? "IFC4X3" : schema.rfind("IFC4", 0) == 0 ? "IFC4" : "IFC2X3";
        if (!options_.mappingFile.empty()) mapping_.addFile(options_.mappingFile);

        readUnits();
        readRelations();
        readStoreys();
        plan_.source = path_;
        plan_.name = QFileInfo(QString::fromStdString(path_)).completeBaseName().toStdString();
        plan_.localMetres = true;
        readSpaces();
        if (!placeholders_.empty()) {
            std::vector<InputIssue> issues{{path_, "",
                                            std::to_string(placeholders_.size()) +
                                                " IfcSpace bodies are placeholder boxes, not rooms: the model is "
                                                "refused",
                                            true}};
            issues.insert(issues.end(), placeholders_.begin(), placeholders_.end());
            throw InputError(std::move(issues));
        }
        if (plan_.spaces.empty()) {
            if (file_.idsOfType("IFCSPACE").empty())
                throw InputError(path_, "",
                                 "the model has no IfcSpace: export the rooms as spaces (in Revit: Export rooms / "
                                 "spaces) to assess the building");
            // Why each space was left out, as errors: there is no plan without them.
            std::vector<InputIssue> issues{{path_, "", "no IfcSpace has a usable footprint", true}};
            for (auto note : report_.notes)
                if (note.object.rfind("IfcSpace ", 0) == 0) {
                    note.error = true;
                    issues.push_back(std::move(note));
                }
            throw InputError(std::move(issues));
        }
        readDoors();
        report_.rooms = static_cast<int>(plan_.spaces.size());
        report_.doors = static_cast<int>(plan_.openings.size());
        for (const auto& s : plan_.spaces) report_.floorArea += s.area;
        report_.counts["storeys"] = static_cast<int>(plan_.storeys().size());
        return std::move(plan_);
    }

private:
    // The same ceiling as for native plans: a building's model is megabytes.
    static std::uint64_t maxFileBytes() {
        double mb = 200;
        if (const char* env = std::getenv("VGSCAN_MAX_PLAN_MB"); env && *env) mb = std::atof(env);
        return mb > 0 ? static_cast<std::uint64_t>(mb * 1024 * 1024) : 0;
    }

    // --- access ---------------------------------------------------------------
    // Geometry refers to types this importer does not keep (Breps, surfaces):
    // those are reported as unusable geometry, not as a broken file.
    Entity get(Id id) const {
        if (!file_.has(id))
            throw Unusable("#" + std::to_string(id) +
                           " is not an extrusion, profile, placement or curve that is read (a Brep or surface "
                           "model body, or a missing entity)");
        return file_.get(id);
    }
    static Id must(std::optional<Id> id, const Entity& e, const char* what) {
        if (!id) throw Unusable("#" + std::to_string(e.id) + " (" + e.type + ") has no " + what);
        return *id;
    }
    static std::optional<Id> ref(const std::vector<Value>& args, std::size_t i) {
        if (i < args.size() && args[i].isRef()) return args[i].ref;
        return std::nullopt;
    }
    static std::string text(const std::vector<Value>& args, std::size_t i) {
        if (i < args.size())
            if (auto s = args[i].asString()) return *s;
        return {};
    }
    static std::optional<double> number(const std::vector<Value>& args, std::size_t i) {
        if (i < args.size()) return args[i].asNumber();
        return std::nullopt;
    }
    static std::vector<Id> refs(const std::vector<Value>& args, std::size_t i) {
        std::vector<Id> out;
        if (i < args.size() && args[i].isList())
            for (const auto& v : args[i].items)
                if (v.isRef()) out.push_back(v.ref);
        return out;
    }

    void note(const std::string& object, const std::string& problem, const std::string& tally) {
        report_.notes.push_back({path_, object, problem, false});
        if (!tally.empty()) ++report_.counts[tally];
    }

    // --- units ----------------------------------------------------------------
    // A unit that refers to nothing usable is a broken model, named as such
    // (not an internal error).
    void readUnits() {
        try {
            readUnitsOf();
        } catch (const Unusable& e) {
            const auto& projects = file_.idsOfType("IFCPROJECT");
            throw InputError(path_, projects.empty() ? "" : "IfcProject #" + std::to_string(projects.front()),
                             std::string("its unit assignment cannot be read (") + e.what() +
                                 "): lengths cannot be read safely");
        }
    }

    void readUnitsOf() {
        const auto& projects = file_.idsOfType("IFCPROJECT");
        if (projects.empty()) throw InputError(path_, "", "the model has no IfcProject, so its units are unknown");
        const Entity project = get(projects.front());
        const auto assignment = ref(project.args, 8);
        if (!assignment)
            throw InputError(path_, "IfcProject " + text(project.args, 0),
                             "declares no units (UnitsInContext is empty): lengths cannot be read safely");
        bool length = false;
        for (Id u : refs(get(*assignment).args, 0)) {
            if (!file_.has(u)) continue;
            const Entity unit = get(u);
            if (unit.args.size() < 2) continue;
            if (unit.args[1].text == "LENGTHUNIT" && !length) {
                lengthScale_ = unitScale(unit, 0);
                length = true;
            } else if (unit.args[1].text == "PLANEANGLEUNIT") {
                angleScale_ = angleUnit(unit);
            }
        }
        if (!length)
            throw InputError(path_, "IfcProject " + text(project.args, 0),
                             "declares no length unit: lengths cannot be read safely");
    }

    // Radians per unit of plane angle (trimmed arcs give their ends as angles).
    double angleUnit(const Entity& unit) const {
        if (unit.type == "IFCSIUNIT") return 1.0;  // RADIAN
        if (unit.type == "IFCCONVERSIONBASEDUNIT") {
            if (auto factor = ref(unit.args, 3); factor && file_.has(*factor))
                if (auto v = number(file_.get(*factor).args, 0); v && *v > 0) return *v;
            if (lower(text(unit.args, 2)) == "degree") return M_PI / 180.0;
        }
        return 1.0;
    }

    double unitScale(const Entity& unit, int depth) {
        if (depth > 4) throw InputError(path_, "#" + std::to_string(unit.id), "unit definitions refer to each other in a loop");
        if (unit.type == "IFCSIUNIT") {
            static const std::map<std::string, std::pair<double, const char*>> prefixes = {
                {"", {1.0, ""}}, {"KILO", {1e3, "kilo"}}, {"HECTO", {1e2, "hecto"}}, {"DECA", {1e1, "deca"}},
                {"DECI", {1e-1, "deci"}}, {"CENTI", {1e-2, "centi"}}, {"MILLI", {1e-3, "milli"}},
                {"MICRO", {1e-6, "micro"}}};
            const std::string prefix = unit.args.size() > 2 && unit.args[2].kind == Value::Kind::Enum ? unit.args[2].text : "";
            const std::string name = unit.args.size() > 3 ? unit.args[3].text : "";
            auto p = prefixes.find(prefix);
            if (name != "METRE" || p == prefixes.end())
                throw InputError(path_, "IfcSIUnit #" + std::to_string(unit.id),
                                 "length unit '" + prefix + name + "' is not a metre with a known prefix");
            if (depth == 0) report_.units = std::string(p->second.second) + "metres";
            return p->second.first;
        }
        if (unit.type == "IFCCONVERSIONBASEDUNIT" || unit.type == "IFCCONVERSIONBASEDUNITWITHOFFSET") {
            const auto factor = ref(unit.args, 3);
            if (!factor || !file_.has(*factor))
                throw InputError(path_, "IfcConversionBasedUnit #" + std::to_string(unit.id), "has no conversion factor");
            const Entity m = get(*factor);
            const auto value = number(m.args, 0);
            const auto base = ref(m.args, 1);
            if (!value || !base || !file_.has(*base) || *value <= 0)
                throw InputError(path_, "IfcMeasureWithUnit #" + std::to_string(m.id), "is not a usable length factor");
            const double scale = *value * unitScale(get(*base), depth + 1);
            if (depth == 0) report_.units = lower(text(unit.args, 2)) + " (" + std::to_string(scale) + " m)";
            return scale;
        }
        throw InputError(path_, "#" + std::to_string(unit.id), "length unit of type " + unit.type + " is not supported");
    }

    // --- relations ------------------------------------------------------------
    void readRelations() {
        for (Id r : file_.idsOfType("IFCRELAGGREGATES")) {
            const Entity e = get(r);
            if (auto whole = ref(e.args, 4))
                for (Id part : refs(e.args, 5)) parent_.emplace(part, *whole);
        }
        for (Id r : file_.idsOfType("IFCRELCONTAINEDINSPATIALSTRUCTURE")) {
            const Entity e = get(r);
            if (auto structure = ref(e.args, 5))
                for (Id element : refs(e.args, 4)) parent_.emplace(element, *structure);
        }
        for (Id r : file_.idsOfType("IFCRELFILLSELEMENT")) {
            const Entity e = get(r);
            auto opening = ref(e.args, 4);
            auto element = ref(e.args, 5);
            if (opening && element) openingOf_.emplace(*element, *opening);
        }
        for (const char* type : {"IFCRELSPACEBOUNDARY", "IFCRELSPACEBOUNDARY1STLEVEL", "IFCRELSPACEBOUNDARY2NDLEVEL"})
            for (Id r : file_.idsOfType(type)) {
                const Entity e = get(r);
                auto space = ref(e.args, 4);
                auto element = ref(e.args, 5);
                if (!space || !element) continue;
                auto& b = boundaries_[*element];
                if (std::find(b.spaces.begin(), b.spaces.end(), *space) == b.spaces.end()) b.spaces.push_back(*space);
                if (e.args.size() > 8 && e.args[8].text == "EXTERNAL") b.external = true;
            }
    }

    // The storey an element belongs to, walking up aggregation and containment.
    std::optional<Id> storeyOf(Id id) const {
        for (int i = 0; i < 32; ++i) {
            if (file_.typeOf(id) == "IFCBUILDINGSTOREY") return id;
            auto it = parent_.find(id);
            if (it == parent_.end()) return std::nullopt;
            id = it->second;
        }
        return std::nullopt;
    }

    // --- storeys --------------------------------------------------------------
    void readStoreys() {
        std::vector<std::pair<double, Id>> byElevation;
        for (Id s : file_.idsOfType("IFCBUILDINGSTOREY")) {
            const Entity e = get(s);
            double elevation = 0;
            if (auto el = number(e.args, 9)) {
                elevation = *el;
            } else if (auto p = ref(e.args, 5)) {
                // No Elevation: the placement gives the height, or the storey
                // cannot be ordered among the others.
                try {
                    elevation = placement(*p).o.z;
                } catch (const Unusable& u) {
                    throw InputError(path_, "IfcBuildingStorey #" + std::to_string(s),
                                     std::string("has no Elevation and its placement cannot be read (") + u.what() +
                                         "): its height among the storeys is unknown");
                }
            }
            byElevation.emplace_back(elevation * lengthScale_, s);
        }
        std::stable_sort(byElevation.begin(), byElevation.end());
        // Storey 0 is the ground floor: the lowest storey that is not a
        // basement (a floor more than 1.5 m below the project's zero is below
        // ground; a raised or sunken ground floor stays 0) and that holds a
        // space or a door. A level that holds neither (Revit's 'T/FDN', the
        // top of the foundations, 1.25 m below the Duplex's ground floor) is
        // no floor anyone stands on: it is numbered below it.
        std::set<Id> used;
        for (const char* type : {"IFCSPACE", "IFCDOOR", "IFCDOORSTANDARDCASE"})
            for (Id element : file_.idsOfType(type))
                if (auto storey = storeyOf(element)) used.insert(*storey);
        std::size_t ground = 0;
        while (ground < byElevation.size() && byElevation[ground].first < -1.5) ++ground;
        std::size_t firstUsed = ground;
        while (firstUsed < byElevation.size() && !used.count(byElevation[firstUsed].second)) ++firstUsed;
        if (firstUsed < byElevation.size()) ground = firstUsed;
        for (std::size_t i = 0; i < byElevation.size(); ++i) {
            const int index = static_cast<int>(i) - static_cast<int>(ground);
            storeyIndex_[byElevation[i].second] = index;
            storeyElevations_.emplace_back(byElevation[i].first, index);
        }
    }

    // An element's storey index; when it is in no storey, the storey whose
    // elevation is nearest below its placement.
    int storeyIndexFor(Id element, const std::string& object, double worldZ) {
        if (auto s = storeyOf(element)) return storeyIndex_.at(*s);
        int best = 0;
        if (!storeyElevations_.empty()) {
            best = storeyElevations_.front().second;
            for (const auto& [z, index] : storeyElevations_)
                if (z <= worldZ + 0.01) best = index;
        }
        note(object, "is in no IfcBuildingStorey; placed on storey " + std::to_string(best) + " by its height", "");
        return best;
    }

    // --- placements -----------------------------------------------------------
    Vec3 point(Id id) const {
        const Entity e = get(id);
        if (e.type != "IFCCARTESIANPOINT" || e.args.empty() || !e.args[0].isList())
            throw Unusable("#" + std::to_string(id) + " is not a cartesian point");
        const auto& c = e.args[0].items;
        Vec3 p;
        if (!c.empty()) p.x = c[0].asNumber().value_or(0);
        if (c.size() > 1) p.y = c[1].asNumber().value_or(0);
        if (c.size() > 2) p.z = c[2].asNumber().value_or(0);
        return p;
    }

    Vec3 direction(Id id) const {
        const Entity e = get(id);
        if (e.type != "IFCDIRECTION" || e.args.empty() || !e.args[0].isList())
            throw Unusable("#" + std::to_string(id) + " is not a direction");
        const auto& c = e.args[0].items;
        Vec3 d;
        if (!c.empty()) d.x = c[0].asNumber().value_or(0);
        if (c.size() > 1) d.y = c[1].asNumber().value_or(0);
        if (c.size() > 2) d.z = c[2].asNumber().value_or(0);
        const double n = norm(d);
        if (n < 1e-12) throw Unusable("direction #" + std::to_string(id) + " has zero length");
        return d * (1.0 / n);
    }

    // IfcAxis2Placement3D / 2D: Z from Axis, X from RefDirection made
    // perpendicular to Z, Y = Z × X (the IFC definition).
    Frame axisPlacement(Id id) const {
        const Entity e = get(id);
        Frame f;
        if (auto loc = ref(e.args, 0)) f.o = point(*loc);
        if (e.type == "IFCAXIS2PLACEMENT2D") {
            if (auto rd = ref(e.args, 1)) {
                Vec3 x = direction(*rd);
                x.z = 0;
                const double n = norm(x);
                if (n < 1e-12) throw Unusable("IfcAxis2Placement2D #" + std::to_string(id) + " has no usable direction");
                f.x = x * (1.0 / n);
                f.y = {-f.x.y, f.x.x, 0};
            }
            return f;
        }
        if (e.type != "IFCAXIS2PLACEMENT3D") throw Unusable("#" + std::to_string(id) + " (" + e.type + ") is not an axis placement");
        Vec3 z{0, 0, 1};
        if (auto ax = ref(e.args, 1)) z = direction(*ax);
        Vec3 x{1, 0, 0};
        if (auto rd = ref(e.args, 2)) x = direction(*rd);
        x = x - z * dot(x, z);
        if (norm(x) < 1e-9) {  // RefDirection parallel to Axis: any perpendicular will do
            x = std::fabs(z.x) < 0.9 ? Vec3{1, 0, 0} : Vec3{0, 1, 0};
            x = x - z * dot(x, z);
        }
        f.x = x * (1.0 / norm(x));
        f.z = z;
        f.y = cross(f.z, f.x);
        return f;
    }

    // IfcLocalPlacement: the relative placement inside PlacementRelTo's frame.
    Frame placement(Id id, int depth = 0) {
        if (auto it = placements_.find(id); it != placements_.end()) return it->second;
        if (depth > 64) throw Unusable("placement chain longer than 64 or circular at #" + std::to_string(id));
        const Entity e = get(id);
        if (e.type != "IFCLOCALPLACEMENT")
            throw Unusable("placement #" + std::to_string(id) + " is an " + e.type + "; only IfcLocalPlacement is read");
        Frame parent;
        if (auto rel = ref(e.args, 0)) parent = placement(*rel, depth + 1);
        Frame local;
        if (auto rp = ref(e.args, 1)) local = axisPlacement(*rp);
        const Frame f = parent * local;
        placements_.emplace(id, f);
        return f;
    }

    Frame transformOperator(Id id) const {
        const Entity e = get(id);
        // (Axis1, Axis2, LocalOrigin, Scale, Axis3[, Scale2, Scale3])
        Frame f;
        if (auto o = ref(e.args, 2)) f.o = point(*o);
        const double s = number(e.args, 3).value_or(1.0);
        const double s2 = e.type == "IFCCARTESIANTRANSFORMATIONOPERATOR3DNONUNIFORM" ? number(e.args, 5).value_or(s) : s;
        const double s3 = e.type == "IFCCARTESIANTRANSFORMATIONOPERATOR3DNONUNIFORM" ? number(e.args, 6).value_or(s) : s;
        Vec3 z{0, 0, 1}, x{1, 0, 0};
        if (auto a3 = ref(e.args, 4)) z = direction(*a3);
        if (auto a1 = ref(e.args, 0)) x = direction(*a1);
        x = x - z * dot(x, z);
        if (norm(x) < 1e-9) x = std::fabs(z.x) < 0.9 ? Vec3{1, 0, 0} - z * z.x : Vec3{0, 1, 0} - z * z.y;
        x = x * (1.0 / norm(x));
        const Vec3 y = cross(z, x);
        f.x = x * s;
        f.y = y * s2;
        f.z = z * s3;
        return f;
    }

    // --- curves and profiles (2D, in the profile's own coordinates) ----------
    using Ring = std::vector<Vec3>;

    Ring curve(Id id, int depth = 0) const {
        if (depth > 16) throw Unusable("curve nesting too deep at #" + std::to_string(id));
        const Entity e = get(id);
        Ring out;
        if (e.type == "IFCPOLYLINE") {
            for (Id p : refs(e.args, 0)) out.push_back(point(p));
        } else if (e.type == "IFCCOMPOSITECURVE") {
            for (Id segId : refs(e.args, 0)) {
                const Entity seg = get(segId);
                if (seg.type != "IFCCOMPOSITECURVESEGMENT")
                    throw Unusable("composite curve #" + std::to_string(id) + " has a " + seg.type + " segment");
                const bool sameSense = seg.args.size() > 1 && seg.args[1].text != "F";
                const auto parent = ref(seg.args, 2);
                if (!parent) throw Unusable("composite curve segment #" + std::to_string(segId) + " has no curve");
                Ring part = curve(*parent, depth + 1);
                if (!sameSense) std::reverse(part.begin(), part.end());
                for (const auto& p : part)
                    if (out.empty() || norm(out.back() - p) > 1e-9) out.push_back(p);
            }
        } else if (e.type == "IFCINDEXEDPOLYCURVE") {
            const auto list = ref(e.args, 0);
            if (!list) throw Unusable("indexed poly curve #" + std::to_string(id) + " has no points");
            const Entity pts = get(*list);
            std::vector<Vec3> coords;
            if (!pts.args.empty() && pts.args[0].isList())
                for (const auto& c : pts.args[0].items) {
                    Vec3 p;
                    if (c.items.size() > 0) p.x = c.items[0].asNumber().value_or(0);
                    if (c.items.size() > 1) p.y = c.items[1].asNumber().value_or(0);
                    if (c.items.size() > 2) p.z = c.items[2].asNumber().value_or(0);
                    coords.push_back(p);
                }
            auto at = [&](const Value& v) {
                const auto i = v.asNumber();
                if (!i || *i < 1 || *i > static_cast<double>(coords.size()))
                    throw Unusable("indexed poly curve #" + std::to_string(id) + " has an index outside its points");
                return coords[static_cast<std::size_t>(*i) - 1];
            };
            if (e.args.size() > 1 && e.args[1].isList()) {
                for (const auto& seg : e.args[1].items) {
                    // IFCLINEINDEX((1,2,3)) or IFCARCINDEX((3,4,5)): arcs are kept as
                    // their three points, close enough for a room outline.
                    if (seg.kind != Value::Kind::Typed || seg.items.empty() || !seg.items[0].isList())
                        throw Unusable("indexed poly curve #" + std::to_string(id) + " has a malformed segment");
                    for (const auto& idx : seg.items[0].items) {
                        const Vec3 p = at(idx);
                        if (out.empty() || norm(out.back() - p) > 1e-9) out.push_back(p);
                    }
                }
            } else {
                out = coords;
            }
        } else if (e.type == "IFCTRIMMEDCURVE") {
            out = trimmedCurve(e);
        } else {
            throw Unusable("curve #" + std::to_string(id) + " is an " + e.type +
                           "; read are polylines, composite curves, trimmed lines and circles, and indexed poly curves");
        }
        return out;
    }

    // IfcTrimmedCurve of an IfcCircle (sampled every 5 degrees at most) or an
    // IfcLine, trimmed by points (preferred: exact) or by parameters.
    Ring trimmedCurve(const Entity& e) const {
        const Entity basis = get(must(ref(e.args, 0), e, "basis curve"));
        const bool sense = !(e.args.size() > 3 && e.args[3].text == "F");
        auto trimPoint = [&](std::size_t i) -> std::optional<Vec3> {
            if (i < e.args.size() && e.args[i].isList())
                for (const auto& v : e.args[i].items)
                    if (v.isRef()) return point(v.ref);
            return std::nullopt;
        };
        auto trimParameter = [&](std::size_t i) -> std::optional<double> {
            if (i < e.args.size() && e.args[i].isList())
                for (const auto& v : e.args[i].items)
                    if (v.kind == Value::Kind::Typed && v.text == "IFCPARAMETERVALUE") return v.asNumber();
            return std::nullopt;
        };
        const bool preferParameter = e.args.size() > 4 && e.args[4].text == "PARAMETER";
        if (basis.type == "IFCCIRCLE") {
            Frame c;
            if (auto p = ref(basis.args, 0)) c = axisPlacement(*p);
            const double r = number(basis.args, 1).value_or(0);
            if (r <= 0) throw Unusable("circle #" + std::to_string(basis.id) + " has no radius");
            auto angleAt = [&](std::size_t i) -> double {
                const auto pt = trimPoint(i);
                const auto par = trimParameter(i);
                if (par && (preferParameter || !pt)) return *par * angleScale_;
                if (pt) {
                    const Vec3 d = *pt - c.o;
                    return std::atan2(dot(d, c.y), dot(d, c.x));
                }
                throw Unusable("trimmed curve #" + std::to_string(e.id) + " has no usable trimming");
            };
            const double a0 = angleAt(1);
            double a1 = angleAt(2);
            if (sense && a1 <= a0) a1 += 2 * M_PI;
            if (!sense && a1 >= a0) a1 -= 2 * M_PI;
            // Every 5 degrees; an arc is at most one full turn (a trimming
            // parameter of 1e12 degrees is a broken file, not 10^11 samples).
            const double sweep = std::fabs(a1 - a0);
            if (!std::isfinite(sweep) || !std::isfinite(r) || sweep > 2 * M_PI + 1e-9)
                throw Unusable("trimmed curve #" + std::to_string(e.id) + " sweeps " +
                               (std::isfinite(sweep) ? std::to_string(sweep * 180 / M_PI) + " degrees"
                                                     : std::string("a non-finite angle")) +
                               "; an arc of a plan turns at most once (360 degrees)");
            const int n = std::max(2, static_cast<int>(std::ceil(sweep / (M_PI / 36))));
            Ring out;
            for (int i = 0; i <= n; ++i) {
                const double a = a0 + (a1 - a0) * i / n;
                out.push_back(c.apply({r * std::cos(a), r * std::sin(a), 0}));
            }
            return out;
        }
        if (basis.type == "IFCLINE") {
            const Vec3 p0 = point(must(ref(basis.args, 0), basis, "point"));
            const Entity vec = get(must(ref(basis.args, 1), basis, "direction"));
            const Vec3 dir = direction(must(ref(vec.args, 0), vec, "orientation")) * number(vec.args, 1).value_or(1.0);
            auto at = [&](std::size_t i) -> Vec3 {
                const auto pt = trimPoint(i);
                const auto par = trimParameter(i);
                if (par && (preferParameter || !pt)) return p0 + dir * *par;
                if (pt) return *pt;
                throw Unusable("trimmed curve #" + std::to_string(e.id) + " has no usable trimming");
            };
            // From Trim1 to Trim2 whatever the sense (which only says how
            // that runs against the line's own parameter).
            return Ring{at(1), at(2)};
        }
        throw Unusable("trimmed curve #" + std::to_string(e.id) + " has a basis " + basis.type +
                       "; read are IfcCircle and IfcLine");
    }

    // The rings of a profile (outer first) in the profile's own plane.
    std::vector<Ring> profile(Id id) const {
        const Entity e = get(id);
        std::vector<Ring> rings;
        if (e.type == "IFCARBITRARYCLOSEDPROFILEDEF" || e.type == "IFCARBITRARYPROFILEDEFWITHVOIDS") {
            const auto outer = ref(e.args, 2);
            if (!outer) throw Unusable("profile #" + std::to_string(id) + " has no outer curve");
            rings.push_back(curve(*outer));
            if (e.type == "IFCARBITRARYPROFILEDEFWITHVOIDS")
                for (Id inner : refs(e.args, 3)) rings.push_back(curve(inner));
            return rings;
        }
        Frame pos;
        if (auto p = ref(e.args, 2)) pos = axisPlacement(*p);
        if (e.type == "IFCRECTANGLEPROFILEDEF" || e.type == "IFCROUNDEDRECTANGLEPROFILEDEF") {
            const double hx = number(e.args, 3).value_or(0) / 2, hy = number(e.args, 4).value_or(0) / 2;
            if (hx <= 0 || hy <= 0) throw Unusable("rectangle profile #" + std::to_string(id) + " has no size");
            rings.push_back({pos.apply({-hx, -hy, 0}), pos.apply({hx, -hy, 0}), pos.apply({hx, hy, 0}), pos.apply({-hx, hy, 0})});
            return rings;
        }
        if (e.type == "IFCCIRCLEPROFILEDEF") {
            const double r = number(e.args, 3).value_or(0);
            if (r <= 0) throw Unusable("circle profile #" + std::to_string(id) + " has no radius");
            Ring ring;
            constexpr int kSides = 48;  // area within 0.3 % of the circle's
            for (int i = 0; i < kSides; ++i) {
                const double a = 2 * M_PI * i / kSides;
                ring.push_back(pos.apply({r * std::cos(a), r * std::sin(a), 0}));
            }
            rings.push_back(ring);
            return rings;
        }
        throw Unusable("profile #" + std::to_string(id) + " is an " + e.type +
                       "; read are arbitrary closed, rectangle and circle profiles");
    }

    // --- representation items to world geometry --------------------------------
    // Plan rings (world XY, metres) of one item under frame `f`.
    void itemFootprint(Id id, const Frame& f, std::vector<std::vector<Ring>>& out, int depth = 0) const {
        if (depth > 16) throw Unusable("representation items nested too deep at #" + std::to_string(id));
        const Entity e = get(id);
        if (e.type == "IFCEXTRUDEDAREASOLID" || e.type == "IFCEXTRUDEDAREASOLIDTAPERED") {
            Frame pos;
            if (auto p = ref(e.args, 1)) pos = axisPlacement(*p);
            const Frame g = f * pos;
            // A plan footprint needs a horizontal profile; a wall-like
            // extrusion along X or Y would project to a line.
            const Vec3 normal = g.dir({0, 0, 1});
            if (std::fabs(normal.z) < 0.9 * norm(normal)) {
                // A profile standing upright (a stair's side section swept
                // across): the solid's faces, cut near the bottom like a Brep.
                Vec3 dir{0, 0, 1};
                if (auto d = ref(e.args, 2)) dir = direction(*d);
                const double len = number(e.args, 3).value_or(0);
                std::vector<section::Face> faces;
                auto world = [&](const Vec3& p) {
                    const Vec3 w = g.apply(p);
                    return section::Point3{w.x, w.y, w.z};
                };
                for (const auto& r : profile(must(ref(e.args, 0), e, "profile"))) {
                    section::Face bottom{{}}, top{{}};
                    for (std::size_t i = 0, n = r.size(); i < n; ++i) {
                        const Vec3 a{r[i].x, r[i].y, 0}, b{r[(i + 1) % n].x, r[(i + 1) % n].y, 0};
                        bottom[0].push_back(world(a));
                        top[0].push_back(world(a + dir * len));
                        faces.push_back({{world(a), world(b), world(b + dir * len), world(a + dir * len)}});
                    }
                    faces.push_back(std::move(bottom));
                    faces.push_back(std::move(top));
                }
                try {
                    for (const auto& o : section::sectionNearBottom(faces, 0.1 / lengthScale_, 0.001 / lengthScale_)) {
                        std::vector<Ring> rings;
                        for (const auto* r2 : {&o.outer}) {
                            Ring w;
                            for (const auto& p : *r2) w.push_back({p[0], p[1], 0});
                            rings.push_back(std::move(w));
                        }
                        for (const auto& h : o.holes) {
                            Ring w;
                            for (const auto& p : h) w.push_back({p[0], p[1], 0});
                            rings.push_back(std::move(w));
                        }
                        out.push_back(std::move(rings));
                    }
                } catch (const std::runtime_error& err) {
                    throw Unusable("extrusion #" + std::to_string(id) + " with an upright profile: " + err.what());
                }
                return;
            }
            std::vector<Ring> rings;
            for (const auto& r : profile(must(ref(e.args, 0), e, "profile"))) {
                Ring w;
                for (const auto& p : r) w.push_back(g.apply({p.x, p.y, 0}));
                rings.push_back(std::move(w));
            }
            out.push_back(std::move(rings));
        } else if (e.type == "IFCBOOLEANCLIPPINGRESULT" || e.type == "IFCBOOLEANRESULT") {
            // A space clipped by a roof or a slab keeps the first operand's plan.
            const auto first = ref(e.args, 1);
            if (!first) throw Unusable("boolean result #" + std::to_string(id) + " has no first operand");
            itemFootprint(*first, f, out, depth + 1);
            if (e.args[0].text == "UNION")
                if (auto second = ref(e.args, 2)) itemFootprint(*second, f, out, depth + 1);
        } else if (e.type == "IFCMAPPEDITEM") {
            const Entity map = get(must(ref(e.args, 0), e, "mapping source"));
            Frame origin;
            if (auto o = ref(map.args, 0)) origin = axisPlacement(*o);
            Frame target;
            if (auto t = ref(e.args, 1)) target = transformOperator(*t);
            const Frame g = f * target * origin;
            const auto rep = ref(map.args, 1);
            if (!rep) throw Unusable("representation map #" + std::to_string(map.id) + " has no representation");
            for (Id item : refs(get(*rep).args, 3)) itemFootprint(item, g, out, depth + 1);
        } else if (isFaceBody(e.type)) {
            // A Brep, surface model or tessellated set: the floor outline is
            // the body's section 10 cm above its lowest point.
            std::vector<section::Face> faces;
            collectFaces(e, f, faces, depth);
            std::vector<section::Outline> outlines;
            try {
                outlines = section::sectionNearBottom(faces, 0.1 / lengthScale_, 0.001 / lengthScale_);
            } catch (const std::runtime_error& err) {
                throw Unusable("Brep or face body #" + std::to_string(id) + " (" + e.type + "): " + err.what());
            }
            for (const auto& o : outlines) {
                std::vector<Ring> rings;
                auto toRing = [](const section::Ring2& r) {
                    Ring w;
                    for (const auto& p : r) w.push_back({p[0], p[1], 0});
                    return w;
                };
                rings.push_back(toRing(o.outer));
                for (const auto& h : o.holes) rings.push_back(toRing(h));
                out.push_back(std::move(rings));
            }
        } else if (e.type == "IFCGEOMETRICCURVESET" || e.type == "IFCGEOMETRICSET") {
            for (Id item : refs(e.args, 0)) itemFootprint(item, f, out, depth + 1);
        } else if (e.type == "IFCPOLYLINE" || e.type == "IFCCOMPOSITECURVE" || e.type == "IFCINDEXEDPOLYCURVE") {
            Ring w;
            for (const auto& p : curve(id)) w.push_back(f.apply({p.x, p.y, 0}));
            out.push_back({std::move(w)});
        } else {
            throw Unusable("item #" + std::to_string(id) + " is an " + (e.type.empty() ? std::string("unread type") : e.type) +
                           "; read are extrusions, clipped extrusions, mapped items and footprint curves");
        }
    }

    static bool isFaceBody(const std::string& type) {
        static const std::set<std::string> types = {
            "IFCFACEBASEDSURFACEMODEL", "IFCSHELLBASEDSURFACEMODEL", "IFCFACETEDBREP", "IFCFACETEDBREPWITHVOIDS",
            "IFCCONNECTEDFACESET",      "IFCCLOSEDSHELL",            "IFCOPENSHELL",   "IFCTRIANGULATEDFACESET",
            "IFCPOLYGONALFACESET"};
        return types.count(type) != 0;
    }

    // The faces of a face body in world coordinates (file units).
    void collectFaces(const Entity& e, const Frame& f, std::vector<section::Face>& faces, int depth) const {
        if (depth > 16) throw Unusable("face body nested too deep at #" + std::to_string(e.id));
        auto world = [&](const Vec3& p) {
            const Vec3 w = f.apply(p);
            return section::Point3{w.x, w.y, w.z};
        };
        if (e.type == "IFCFACEBASEDSURFACEMODEL" || e.type == "IFCSHELLBASEDSURFACEMODEL") {
            for (Id s : refs(e.args, 0)) collectFaces(get(s), f, faces, depth + 1);
        } else if (e.type == "IFCFACETEDBREP" || e.type == "IFCFACETEDBREPWITHVOIDS") {
            // The outer shell gives the outline; voids are inside the room.
            collectFaces(get(must(ref(e.args, 0), e, "outer shell")), f, faces, depth + 1);
        } else if (e.type == "IFCCONNECTEDFACESET" || e.type == "IFCCLOSEDSHELL" || e.type == "IFCOPENSHELL") {
            for (Id faceId : refs(e.args, 0)) {
                const Entity face = get(faceId);
                section::Face out;
                for (Id b : refs(face.args, 0)) {
                    const Entity bound = get(b);
                    const Entity loop = get(must(ref(bound.args, 0), bound, "loop"));
                    if (loop.type != "IFCPOLYLOOP")
                        throw Unusable("face #" + std::to_string(faceId) + " is bounded by an " + loop.type +
                                       "; read are poly loops");
                    std::vector<section::Point3> ring;
                    for (Id p : refs(loop.args, 0)) ring.push_back(world(point(p)));
                    out.push_back(std::move(ring));
                }
                faces.push_back(std::move(out));
            }
        } else if (e.type == "IFCTRIANGULATEDFACESET" || e.type == "IFCPOLYGONALFACESET") {
            const Entity list = get(must(ref(e.args, 0), e, "coordinates"));
            std::vector<Vec3> coords;
            if (!list.args.empty() && list.args[0].isList())
                for (const auto& c : list.args[0].items) {
                    Vec3 p;
                    if (c.items.size() > 0) p.x = c.items[0].asNumber().value_or(0);
                    if (c.items.size() > 1) p.y = c.items[1].asNumber().value_or(0);
                    if (c.items.size() > 2) p.z = c.items[2].asNumber().value_or(0);
                    coords.push_back(p);
                }
            // PnIndex (last attribute) remaps indices into the point list.
            std::vector<double> pn;
            if (!e.args.empty() && e.args.back().isList())
                for (const auto& v : e.args.back().items)
                    if (auto n = v.asNumber()) pn.push_back(*n);
            auto at = [&](const Value& v) {
                auto i = v.asNumber();
                if (i && !pn.empty() && *i >= 1 && *i <= static_cast<double>(pn.size()))
                    i = pn[static_cast<std::size_t>(*i) - 1];
                if (!i || *i < 1 || *i > static_cast<double>(coords.size()))
                    throw Unusable(e.type + " #" + std::to_string(e.id) + " has an index outside its points");
                return world(coords[static_cast<std::size_t>(*i) - 1]);
            };
            auto indexLoop = [&](const Value& list) {
                std::vector<section::Point3> ring;
                for (const auto& v : list.items) ring.push_back(at(v));
                return ring;
            };
            if (e.type == "IFCTRIANGULATEDFACESET") {
                // CoordIndex is the 4th attribute in IFC4 and IFC4X3 alike.
                if (e.args.size() < 4 || !e.args[3].isList())
                    throw Unusable("triangulated face set #" + std::to_string(e.id) + " has no triangles");
                for (const auto& tri : e.args[3].items) faces.push_back({indexLoop(tri)});
            } else {
                for (Id faceId : refs(e.args, 2)) {
                    const Entity face = get(faceId);
                    section::Face out;
                    if (!face.args.empty() && face.args[0].isList()) out.push_back(indexLoop(face.args[0]));
                    if (face.args.size() > 1 && face.args[1].isList())
                        for (const auto& inner : face.args[1].items) out.push_back(indexLoop(inner));
                    faces.push_back(std::move(out));
                }
            }
        } else {
            throw Unusable("#" + std::to_string(e.id) + " (" + e.type + ") is not a face body");
        }
    }

    // A 200 MB model (the file size limit) holds about 4 million entities
    // (SampleHouse4: 47,309 in 2.3 MB); 10 million is a file of tiny ones.
    static constexpr std::size_t kMaxEntities = 10'000'000;

    // --- references that branch ------------------------------------------------
    // Reading a geometry follows references as a tree; a file can make that
    // tree exponential in its size (an item list naming the previous item
    // twice, level after level: 2 KB of text, 2^60 paths). Before a product's
    // geometry is read, the tree's size is counted once per entity (memoised,
    // iteratively, so a long chain cannot overflow the stack): over
    // kMaxUnfolded references the geometry is refused, in milliseconds.
    static constexpr std::uint64_t kMaxUnfolded = 1'000'000;

    static void collectRefs(const Value& v, std::vector<Id>& out) {
        if (v.isRef()) out.push_back(v.ref);
        for (const auto& item : v.items) collectRefs(item, out);
    }

    std::vector<Id> refsOf(Id id) const {
        std::vector<Id> out;
        for (const auto& v : file_.get(id).args) collectRefs(v, out);
        return out;
    }

    // References reached from `root` counted along every path (saturating
    // just above kMaxUnfolded); `branching` is set to the lowest entity whose
    // count is over the limit. Throws Unusable for references in a loop.
    std::uint64_t unfolded(Id root, Id& branching) const {
        auto add = [](std::uint64_t a, std::uint64_t b) { return std::min<std::uint64_t>(kMaxUnfolded + 1, a + b); };
        if (auto it = unfolded_.find(root); it != unfolded_.end()) return it->second;
        struct Visit {
            Id id;
            std::vector<Id> children;
            std::size_t next = 0;
            std::uint64_t sum = 1;
        };
        std::vector<Visit> stack;
        std::set<Id> open;
        stack.push_back({root, refsOf(root)});
        open.insert(root);
        while (!stack.empty()) {
            Visit& top = stack.back();
            if (top.next < top.children.size()) {
                const Id child = top.children[top.next++];
                if (auto it = unfolded_.find(child); it != unfolded_.end()) {
                    if (it->second > kMaxUnfolded && branching == 0) branching = child;
                    top.sum = add(top.sum, it->second);
                } else if (open.count(child)) {
                    throw Unusable("#" + std::to_string(top.id) + " refers back to #" + std::to_string(child) +
                                   ", which leads to it: geometry references in a loop");
                } else if (!file_.has(child)) {
                    top.sum = add(top.sum, 1);  // not read (or missing): reading it says so
                } else {
                    stack.push_back({child, refsOf(child)});  // `top` is invalid from here
                    open.insert(child);
                }
                continue;
            }
            const Id id = top.id;
            const std::uint64_t total = top.sum;
            stack.pop_back();
            open.erase(id);
            unfolded_[id] = total;
            if (total > kMaxUnfolded && branching == 0) branching = id;
            if (!stack.empty()) stack.back().sum = add(stack.back().sum, total);
        }
        return unfolded_.at(root);
    }

    void requireBoundedUnfolding(Id root) const {
        if (!file_.has(root)) return;
        Id branching = 0;
        if (unfolded(root, branching) <= kMaxUnfolded) return;
        throw Unusable("the geometry #" + std::to_string(root) + " unfolds to more than " +
                       std::to_string(kMaxUnfolded) + " references counted along every path" +
                       (branching != 0 && branching != root
                            ? " (from #" + std::to_string(branching) + " on, entities refer to others several times over, level after level)"
                            : std::string()) +
                       ": a damaged or hostile file, not a building's geometry");
    }

    // The product's plan outline from its representations: Body extrusions
    // first, then FootPrint curves; the reasons when none is usable.
    MultiPolygon footprint(Id representation, const Frame& placementFrame, std::string& why) const {
        requireBoundedUnfolding(representation);
        const Entity pds = get(representation);
        std::vector<std::pair<int, Id>> reps;  // (preference, representation)
        for (Id r : refs(pds.args, 2)) {
            const Entity rep = get(r);
            const std::string ident = text(rep.args, 1);
            const int pref = ident == "Body" ? 0 : ident == "FootPrint" ? 1 : 2;
            reps.emplace_back(pref, r);
        }
        std::stable_sort(reps.begin(), reps.end());
        std::vector<std::string> reasons;
        for (const auto& [pref, r] : reps) {
            const Entity rep = get(r);
            std::vector<std::vector<Ring>> parts;
            try {
                for (Id item : refs(rep.args, 3)) itemFootprint(item, placementFrame, parts);
                MultiPolygon mp = toPolygons(parts);
                if (!mp.empty()) return mp;
                reasons.push_back("'" + text(rep.args, 1) + "' representation gives no area");
            } catch (const Unusable& u) {
                reasons.push_back("'" + text(rep.args, 1) + "' representation: " + u.what());
            } catch (const InputError& ie) {
                reasons.push_back("'" + text(rep.args, 1) + "' representation: " + ie.issues().front().object + " " +
                                  ie.issues().front().problem);
            }
        }
        why.clear();
        for (const auto& r : reasons) why += (why.empty() ? "" : "; ") + r;
        if (why.empty()) why = "it has no shape representation";
        return {};
    }

    MultiPolygon toPolygons(const std::vector<std::vector<Ring>>& parts) const {
        MultiPolygon result;
        for (const auto& rings : parts) {
            Polygon poly;
            for (std::size_t r = 0; r < rings.size(); ++r) {
                std::vector<Point> pts;
                for (const auto& p : rings[r]) {
                    Point q(p.x * lengthScale_, p.y * lengthScale_);
                    if (pts.empty() || bg::distance(pts.back(), q) > 1e-6) pts.push_back(q);
                }
                if (pts.size() > 1 && bg::distance(pts.front(), pts.back()) <= 1e-6) pts.pop_back();
                if (pts.size() < 3) {
                    if (r == 0) throw Unusable("an outline with fewer than 3 distinct points");
                    continue;
                }
                pts.push_back(pts.front());
                if (r == 0)
                    poly.outer().assign(pts.begin(), pts.end());
                else
                    poly.inners().emplace_back(pts.begin(), pts.end());
            }
            bg::correct(poly);
            if (std::fabs(bg::area(poly)) < 1e-9) continue;
            if (result.empty()) {
                result.push_back(std::move(poly));
            } else {
                MultiPolygon merged;
                bg::union_(result, poly, merged);
                result = std::move(merged);
            }
        }
        return result;
    }

    // --- spaces -----------------------------------------------------------------
    void readSpaces() {
        const std::size_t count = file_.idsOfType("IFCSPACE").size();
        if (count > limits::kMaxSpacesPerPlan)
            throw InputError(path_, "", "has " + std::to_string(count) + " IfcSpace, more than the " +
                                            std::to_string(limits::kMaxSpacesPerPlan) +
                                            " spaces one building's plan holds (docs/limits.md)");
        for (Id id : file_.idsOfType("IFCSPACE")) {
            const Entity e = get(id);
            const std::string gid = text(e.args, 0);
            const std::string object = "IfcSpace " + gid;
            const std::string name = text(e.args, 2), longName = text(e.args, 7);
            Frame frame;
            std::string why;
            MultiPolygon mp;
            try {
                if (auto p = ref(e.args, 5)) frame = placement(*p);
                if (auto r = ref(e.args, 6))
                    mp = footprint(*r, frame, why);
                else
                    why = "it has no representation";
            } catch (const Unusable& u) {
                why = u.what();
            } catch (const InputError& ie) {
                why = ie.issues().front().object + " " + ie.issues().front().problem;
            }
            if (mp.empty()) {
                note(object, "left out: no usable footprint (" + why + ")", "spaces without geometry");
                continue;
            }
            if (mp.size() > 1) {
                std::sort(mp.begin(), mp.end(), [](const Polygon& a, const Polygon& b) { return bg::area(a) > bg::area(b); });
                note(object, "its footprint has " + std::to_string(mp.size()) + " separate parts; the largest is kept", "");
                mp.resize(1);
            }
            // A room hundreds of metres across is a placeholder (COBie
            // exports write 3000 m boxes), not a room: refuse the model
            // rather than assess 9 km² rooms. Assumption: no room in a
            // residential or care building is 200 m on a side.
            {
                bg::model::box<Point> box;
                bg::envelope(mp.front(), box);
                const double w = box.max_corner().x() - box.min_corner().x();
                const double d = box.max_corner().y() - box.min_corner().y();
                if (std::max(w, d) > kMaxRoomSide) {
                    char buf[200];
                    std::snprintf(buf, sizeof buf,
                                  "footprint of %.0f m x %.0f m (%.0f m2) is not a room: a placeholder box (as "
                                  "COBie exports write), so the model has no real room geometry; export the spaces' "
                                  "real bodies",
                                  w, d, bg::area(mp.front()));
                    placeholders_.push_back({path_, object + (name.empty() ? "" : " '" + spaceName(name, longName) + "'"),
                                             buf, true});
                }
            }
            Space s;
            s.id = gid;
            s.name = spaceName(name, longName);
            s.shape = std::move(mp.front());
            s.area = bg::area(s.shape);
            s.storey = storeyIndexFor(id, object, frame.o.z * lengthScale_);
            s.use = useOf(object, name, longName);
            spaceIds_[id] = plan_.spaces.size();
            plan_.spaces.push_back(std::move(s));
        }
    }

    static std::string metres(double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.2f m", v);
        return buf;
    }

    static std::string spaceName(const std::string& name, const std::string& longName) {
        if (longName.empty()) return name;
        if (name.empty() || name.find(longName) != std::string::npos) return name.empty() ? longName : name;
        return name + " " + longName;
    }

    SpaceUse useOf(const std::string& object, const std::string& name, const std::string& longName) {
        // LongName holds the room's function in most exporters (Name is often its number).
        for (const auto* label : {&longName, &name})
            if (!label->empty())
                if (auto use = mapping_.find(*label)) return *use;
        std::string shown;
        if (!longName.empty()) shown = "long name '" + longName + "'";
        if (!name.empty()) shown += std::string(shown.empty() ? "" : ", ") + "name '" + name + "'";
        note(object, (shown.empty() ? std::string("has no name") : shown + " maps to no use") +
                         "; imported as 'other' (add the name to a mapping file)",
             "rooms without use");
        return SpaceUse::Other;
    }

    // --- doors ------------------------------------------------------------------
    struct DoorGeometry {
        Point centre{0, 0};
        Point along{1, 0};   // unit vector along the doorway (width)
        double width = 0;    // m, from the geometry
        double depth = 0;    // m, the wall thickness when known
        bool fromSolid = false;
    };

    // Corner points (world, file units) of the extrusions of a product's Body.
    void solidPoints(Id id, const Frame& f, std::vector<Vec3>& out, int depth = 0) const {
        if (depth > 16) return;
        const Entity e = get(id);
        if (e.type == "IFCEXTRUDEDAREASOLID" || e.type == "IFCEXTRUDEDAREASOLIDTAPERED") {
            Frame pos;
            if (auto p = ref(e.args, 1)) pos = axisPlacement(*p);
            const Frame g = f * pos;
            Vec3 dir{0, 0, 1};
            if (auto d = ref(e.args, 2)) dir = direction(*d);
            const double len = number(e.args, 3).value_or(0);
            for (const auto& r : profile(must(ref(e.args, 0), e, "profile")))
                for (const auto& p : r) {
                    const Vec3 q{p.x, p.y, 0};
                    out.push_back(g.apply(q));
                    out.push_back(g.apply(q + dir * len));
                }
        } else if (e.type == "IFCBOOLEANCLIPPINGRESULT" || e.type == "IFCBOOLEANRESULT") {
            if (auto first = ref(e.args, 1)) solidPoints(*first, f, out, depth + 1);
        } else if (e.type == "IFCMAPPEDITEM") {
            const Entity map = get(must(ref(e.args, 0), e, "mapping source"));
            Frame origin, target;
            if (auto o = ref(map.args, 0)) origin = axisPlacement(*o);
            if (auto t = ref(e.args, 1)) target = transformOperator(*t);
            if (auto rep = ref(map.args, 1))
                for (Id item : refs(get(*rep).args, 3)) solidPoints(item, f * target * origin, out, depth + 1);
        } else {
            throw Unusable(e.type.empty() ? "an unread item type" : e.type);
        }
    }

    std::vector<Vec3> productSolidPoints(Id product) {
        const Entity e = get(product);
        std::vector<Vec3> pts;
        const auto rep = ref(e.args, 6);
        const auto plc = ref(e.args, 5);
        if (!rep) return pts;
        requireBoundedUnfolding(*rep);
        const Frame f = plc ? placement(*plc) : Frame{};
        for (Id r : refs(get(*rep).args, 2)) {
            const Entity shape = get(r);
            if (text(shape.args, 1) != "Body") continue;
            std::vector<Vec3> part;
            try {
                for (Id item : refs(shape.args, 3)) solidPoints(item, f, part);
            } catch (const Unusable&) {
                continue;  // a Brep body: the placement fallback below does it
            }
            pts.insert(pts.end(), part.begin(), part.end());
        }
        return pts;
    }

    // The doorway in plan: the extent of the door's opening (or of its own
    // extruded body) along and across the door's local X axis.
    DoorGeometry doorGeometry(Id door, const Frame& frame, double overallWidth) {
        DoorGeometry g;
        Point u(frame.x.x, frame.x.y);
        double n = std::hypot(u.x(), u.y());
        if (n < 1e-9) {
            u = Point(1, 0);
            n = 1;
        }
        u = Point(u.x() / n, u.y() / n);
        std::vector<Vec3> pts;
        if (auto it = openingOf_.find(door); it != openingOf_.end()) pts = productSolidPoints(it->second);
        if (pts.empty()) pts = productSolidPoints(door);
        if (pts.empty()) {
            // Only the placement: exporters commonly put a door's origin at
            // one end of its width along local X (the lining's corner).
            const double w = overallWidth > 0 ? overallWidth : 0.9;
            const Point o(frame.o.x * lengthScale_, frame.o.y * lengthScale_);
            g.centre = Point(o.x() + u.x() * w / 2, o.y() + u.y() * w / 2);
            g.along = u;
            g.width = w;
            return g;
        }
        Point v(-u.y(), u.x());
        auto extent = [&](const Point& axis, double& lo, double& hi) {
            lo = std::numeric_limits<double>::max();
            hi = -lo;
            for (const auto& p : pts) {
                const double t = (p.x * axis.x() + p.y * axis.y()) * lengthScale_;
                lo = std::min(lo, t);
                hi = std::max(hi, t);
            }
        };
        double ulo, uhi, vlo, vhi;
        extent(u, ulo, uhi);
        extent(v, vlo, vhi);
        // The width runs along the side that matches OverallWidth (exporters
        // differ in which local axis they use).
        if (overallWidth > 0 && std::fabs((vhi - vlo) - overallWidth) < std::fabs((uhi - ulo) - overallWidth)) {
            std::swap(u, v);
            std::swap(ulo, vlo);
            std::swap(uhi, vhi);
        }
        const double cu = (ulo + uhi) / 2, cv = (vlo + vhi) / 2;
        g.centre = Point(u.x() * cu + v.x() * cv, u.y() * cu + v.y() * cv);
        g.along = u;
        g.width = uhi - ulo;
        g.depth = vhi - vlo;
        g.fromSolid = true;
        return g;
    }

    // The space on one side of the doorway: the one containing the probe
    // point, else the nearest within the tolerance.
    std::optional<std::size_t> spaceAt(const Point& probe, int storey, double tolerance) const {
        std::optional<std::size_t> best;
        double bestDist = tolerance;
        for (std::size_t i = 0; i < plan_.spaces.size(); ++i) {
            const Space& s = plan_.spaces[i];
            if (s.storey != storey) continue;
            if (bg::covered_by(probe, s.shape)) return i;
            const double d = bg::distance(probe, s.shape);
            if (d <= bestDist) {
                bestDist = d;
                best = i;
            }
        }
        return best;
    }

    void readDoors() {
        std::vector<Id> doors = file_.idsOfType("IFCDOOR");
        const auto& sc = file_.idsOfType("IFCDOORSTANDARDCASE");
        doors.insert(doors.end(), sc.begin(), sc.end());
        std::sort(doors.begin(), doors.end());
        // Spaces and no door: the plan joins nothing, and every route rule
        // fails on it without the reason (doors exported as proxies, or a
        // model of spaces only).
        if (doors.empty())
            note("", "the model has no IfcDoor (nor IfcDoorStandardCase): no room joins another or the outside; "
                     "export the doors as IfcDoor, or add them to the imported plan as openings",
                 "");
        for (Id id : doors) {
            const Entity e = get(id);
            const std::string gid = text(e.args, 0);
            const std::string object = "IfcDoor " + gid;
            try {
                readDoor(id, e, gid, object);
            } catch (const Unusable& u) {
                note(object, std::string("left out: ") + u.what(), "doors without geometry");
            } catch (const InputError& ie) {
                note(object, "left out: " + ie.issues().front().object + " " + ie.issues().front().problem,
                     "doors without geometry");
            }
        }
    }

    void readDoor(Id id, const Entity& e, const std::string& gid, const std::string& object) {
        const auto plc = ref(e.args, 5);
        if (!plc) {
            note(object, "left out: it has no placement", "doors without geometry");
            return;
        }
        const Frame frame = placement(*plc);
        const double overallWidth = number(e.args, 9).value_or(0) * lengthScale_;
        const DoorGeometry g = doorGeometry(id, frame, overallWidth);
        const double width = overallWidth > 0 ? overallWidth : g.width;
        if (width <= 0) {
            note(object, "left out: it has no OverallWidth and no opening to measure", "doors without geometry");
            return;
        }
        const int storey = storeyIndexFor(id, object, frame.o.z * lengthScale_);

        // Probes just beyond each face of the wall (half the opening's
        // depth, at least 5 cm, plus 15 cm).
        const Point across(-g.along.y(), g.along.x());
        const double reach = std::max(g.depth / 2, 0.05) + 0.15;
        const double tolerance = 0.3;  // m from a probe to a space drawn short of the wall
        const Point p1(g.centre.x() + across.x() * reach, g.centre.y() + across.y() * reach);
        const Point p2(g.centre.x() - across.x() * reach, g.centre.y() - across.y() * reach);
        std::optional<std::size_t> a = spaceAt(p1, storey, tolerance), b = spaceAt(p2, storey, tolerance);

        std::string how = "geometry";
        std::vector<std::size_t> bounded;
        bool external = false;
        for (Id key : {id, openingOf_.count(id) ? openingOf_.at(id) : Id(-1)}) {
            auto it = boundaries_.find(key);
            if (it == boundaries_.end()) continue;
            external = external || it->second.external;
            for (Id s : it->second.spaces)
                if (auto sp = spaceIds_.find(s); sp != spaceIds_.end() &&
                    std::find(bounded.begin(), bounded.end(), sp->second) == bounded.end())
                    bounded.push_back(sp->second);
        }
        if (!bounded.empty()) {
            how = "space boundaries";
            if (bounded.size() > 2) {
                // Some exporters (Revit) list a door against every space whose
                // wall it touches: keep the ones on either side of the doorway.
                std::vector<std::size_t> sides;
                for (std::size_t k : bounded)
                    if ((a && *a == k) || (b && *b == k)) sides.push_back(k);
                if (sides.size() == 2) {
                    bounded = sides;
                } else {
                    std::string listed;
                    for (std::size_t k : bounded) listed += (listed.empty() ? "" : ", ") + plan_.spaces[k].id;
                    note(object, "its space boundaries name " + std::to_string(bounded.size()) + " spaces (" + listed +
                                     ") and the doorway's sides do not tell which two it joins; the first two are used",
                         "");
                }
            }
            if (bounded.size() >= 2) {
                a = bounded[0];
                b = bounded[1];
            } else {
                // One space named: the other side from geometry, or outside.
                const std::size_t known = bounded[0];
                const auto other = a && *a != known ? a : b && *b != known ? b : std::nullopt;
                a = known;
                b = external ? std::nullopt : other;
            }
            ++report_.counts["doors matched by space boundaries"];
        }
        if (a && b && *a == *b) b.reset();
        if (!a && b) std::swap(a, b);
        if (!a) {
            note(object, "left out: it connects no space (no IfcSpace on storey " + std::to_string(storey) +
                             " within " + std::to_string(static_cast<int>(tolerance * 100)) +
                             " cm of either side of the doorway at x " + metres(g.centre.x()) + ", y " +
                             metres(g.centre.y()) + ")",
                 "doors that connect nothing");
            return;
        }
        Opening o;
        o.id = gid;
        o.kind = OpeningKind::Door;
        o.storey = storey;
        o.from = plan_.spaces[*a].id;
        o.to = b ? plan_.spaces[*b].id : kOutside;
        o.width = width;
        const double h = width / 2;
        o.line = {Point(g.centre.x() - g.along.x() * h, g.centre.y() - g.along.y() * h),
                  Point(g.centre.x() + g.along.x() * h, g.centre.y() + g.along.y() * h)};
        o.position = g.centre;
        if (!g.fromSolid) note(object, "its doorway is placed from the door's placement only (no extruded opening)", "");
        if (!b) {
            // The street has no room behind it; a side that meets another
            // space of the storey within a few metres straight ahead is a
            // stair or landing that was not modelled as a space.
            const bool firstEmpty = !spaceAt(p1, storey, tolerance);
            const Point& from = firstEmpty ? p1 : p2;
            const double sign = firstEmpty ? 1.0 : -1.0;
            constexpr double kLook = 6.0;  // m
            const LineString ray{from, Point(from.x() + sign * across.x() * kLook, from.y() + sign * across.y() * kLook)};
            for (std::size_t i = 0; i < plan_.spaces.size(); ++i)
                if (i != *a && plan_.spaces[i].storey == storey && bg::intersects(ray, plan_.spaces[i].shape)) {
                    note(object, "one side has no IfcSpace, yet space " + plan_.spaces[i].id + " lies " +
                                     "straight ahead within 6 m (a stair or landing not modelled as a space?); "
                                     "imported as a door to 'outside'",
                         "doors to unmodelled areas");
                    break;
                }
        }
        if (how == "geometry") ++report_.counts["doors matched by geometry"];
        if (!b) ++report_.counts["doors to outside"];
        plan_.openings.push_back(std::move(o));
    }

    struct Boundary {
        std::vector<Id> spaces;
        bool external = false;
    };

    std::string path_;
    const ImportOptions& options_;
    ImportReport& report_;
    StepFile file_;
    UseMapping mapping_;
    FloorPlan plan_;
    double lengthScale_ = 1.0;
    double angleScale_ = 1.0;  // radians per plane angle unit
    std::map<Id, Id> parent_;          // part/element → whole/structure
    std::map<Id, Id> openingOf_;       // door → opening it fills
    std::map<Id, Boundary> boundaries_;  // element → spaces it bounds
    std::map<Id, int> storeyIndex_;
    std::vector<std::pair<double, int>> storeyElevations_;  // (m, index), ascending
    std::map<Id, std::size_t> spaceIds_;  // IfcSpace → index in plan_.spaces
    std::map<Id, Frame> placements_;
    mutable std::unordered_map<Id, std::uint64_t> unfolded_;  // see unfolded()
    std::vector<InputIssue> placeholders_;  // spaces refused as placeholder boxes
    static constexpr double kMaxRoomSide = 200.0;  // m, assumption (see readSpaces)
};

}  // namespace

namespace {

// A structure the importer cannot use that no step above named more closely
// is still the user's file that is broken, never an internal error.
template <typename F>
auto asInputError(const std::string& path, F read) {
    try {
        return read();
    } catch (const Unusable& u) {
        throw InputError(path, "", std::string("the model cannot be read: ") + u.what());
    }
}

}  // namespace

FloorPlan importIfc(const std::string& path, const ImportOptions& options, ImportReport& report) {
    return asInputError(path, [&] { return IfcImporter(path, options, report).run(); });
}

std::map<int, double> ifcStoreyLevels(const std::string& path) {
    ImportReport report;
    return asInputError(path, [&] { return IfcImporter(path, {}, report).storeyLevels(); });
}

std::string ifcProjectGlobalId(const std::string& path) {
    ImportReport report;
    return asInputError(path, [&] { return IfcImporter(path, {}, report).projectGlobalId(); });
}

}  // namespace vgscan
