#include "report/BcfWriter.h"

#include "i18n/Language.h"
#include "i18n/RuleTexts.h"
#include "i18n/Terms.h"
#include "io/Import.h"
#include "io/OutputFiles.h"
#include "report/CheckProfile.h"
#include "report/ObjectNames.h"
#include "rules/RuleKit.h"

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QUuid>
#include <QXmlStreamWriter>

#include <boost/geometry/algorithms/assign.hpp>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/expand.hpp>

#include <cpl_conv.h>
#include <cpl_error.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <map>
#include <set>
#include <stdexcept>

namespace vgscan {

namespace {

// Name-based UUIDs (v5) under a namespace of our own, so that the same plan,
// rule and object always give the same topic.
const QUuid kNamespace = QUuid::createUuidV5(QUuid(), QStringLiteral("vgscan BCF topics"));

std::string uuid(const std::string& name) {
    return QUuid::createUuidV5(kNamespace, QString::fromStdString(name)).toString(QUuid::WithoutBraces).toStdString();
}

// A storey's floor level when the model does not give it: the storey index
// times this height (assumption: a usual storey of a care building, floor to
// floor).
constexpr double kAssumedStoreyHeight = 3.0;
// The plan section the viewpoint shows: the model above this height over the
// floor is clipped away, as an architect's floor plan is cut (1.2 m shows
// walls and door openings, and leaves out the floors above).
constexpr double kCutHeight = 1.2;
// The camera looks down from this far above the floor (any height above the
// cut gives the same orthogonal view).
constexpr double kCameraHeight = 10.0;
// Least extent of a view around a spot (metres): the room and its doors.
constexpr double kMinView = 6.0;

std::map<int, double> storeyLevels(const FloorPlan& plan, const BcfOptions& o) {
    if (!o.storeyLevels.empty()) return o.storeyLevels;
    if (QFileInfo(QString::fromStdString(plan.source)).suffix().compare("ifc", Qt::CaseInsensitive) != 0) return {};
    try {
        return ifcStoreyLevels(plan.source);
    } catch (const std::exception&) {
        return {};  // the plan was read from it: a model that cannot be read now gets assumed levels
    }
}

double floorLevel(const std::map<int, double>& levels, int storey) {
    auto it = levels.find(storey);
    return it != levels.end() ? it->second : storey * kAssumedStoreyHeight;
}

// The IfcProject GlobalId of the plan's IFC model, or empty.
std::string ifcProjectOf(const FloorPlan& plan) {
    if (QFileInfo(QString::fromStdString(plan.source)).suffix().compare("ifc", Qt::CaseInsensitive) != 0) return {};
    try {
        return ifcProjectGlobalId(plan.source);
    } catch (const std::exception&) {
        return {};  // the plan was read from it: a model that cannot be read now just goes without
    }
}

// A rule's advice beside its verdict (where the best staff post would be):
// something to consider, not a defect in the design.
bool isSuggestion(const Finding& f) { return f.objectType == "best_post"; }

std::string priorityOf(const EvaluatedRule& r, const Finding& f) {
    if (r.result.status == Status::Warn || isSuggestion(f)) return "Low";
    // Not known: information is missing from the plan (a staff post not
    // drawn), not a defect found in it.
    if (r.result.status == Status::Unknown) return "Normal";
    return r.entry->severity == Severity::Gate ? "High" : r.entry->severity == Severity::Score ? "Normal" : "Low";
}

// Where a finding is and how much of the plan its view shows.
struct Spot {
    Point at{0, 0};
    double w = kMinView, h = kMinView;
    int storey = 0;
    bool known = false;
};

Spot spotOf(const FloorPlan& plan, const Finding& f) {
    Spot s;
    auto setBox = [&](const Box& b) {
        s.at = Point((b.min_corner().x() + b.max_corner().x()) / 2, (b.min_corner().y() + b.max_corner().y()) / 2);
        s.w = std::max(kMinView, b.max_corner().x() - b.min_corner().x() + 2);
        s.h = std::max(kMinView, b.max_corner().y() - b.min_corner().y() + 2);
        s.known = true;
    };
    if (const Space* sp = plan.findSpace(f.object); sp && (f.objectType.empty() || f.objectType == "space")) {
        Box b;
        bg::envelope(sp->shape, b);
        setBox(b);
        s.storey = sp->storey;
    } else {
        for (const auto& o : plan.openings)
            if (o.id == f.object) {
                s.at = o.position;
                s.storey = o.storey;
                s.known = true;
            }
        for (const auto& p : plan.staffPosts)
            if (p.id == f.object) {
                s.at = p.position;
                s.storey = p.storey;
                s.known = true;
            }
    }
    if (f.location) {
        // The rule's own spot (a pinch in a corridor) is what to look at; the
        // view still takes in the object around it.
        s.at = *f.location;
        s.known = true;
    }
    if (f.storey) s.storey = *f.storey;
    if (!s.known && !plan.spaces.empty()) {
        // About the whole building (a group, the plan): its lowest storey with rooms.
        Box all;
        bg::assign_inverse(all);
        const int storey = plan.storeys().front();
        for (const auto& sp : plan.spaces)
            if (sp.storey == storey) bg::expand(all, bg::return_envelope<Box>(sp.shape));
        setBox(all);
        s.storey = storey;
    }
    return s;
}

std::vector<BcfComponent> componentsOf(const FloorPlan& plan, const Finding& f) {
    std::vector<BcfComponent> out;
    auto add = [&](const std::string& id, const std::string& type) {
        out.push_back({id, isIfcGlobalId(id) ? id : std::string(), type});
    };
    if (plan.findSpace(f.object) && (f.objectType.empty() || f.objectType == "space")) add(f.object, "space");
    for (const auto& o : plan.openings)
        if (o.id == f.object) add(o.id, "opening");
    for (const auto& p : plan.staffPosts)
        if (p.id == f.object) add(p.id, "staff_post");
    return out;
}

// In the chosen language (a Dutch check writes Dutch topics): object types
// and kinds are rule texts ("space", "door"), the sentences are the writer's.
std::string describeObject(const FloorPlan& plan, const ObjectNames& names, const Finding& f) {
    using i18n::ruleText;
    using i18n::tx;
    if (f.object.empty()) return f.objectType.empty() ? tx("bcf", "the building") : ruleText(f.objectType);
    if (plan.findSpace(f.object)) return i18n::arg(tx("bcf", "space %1"), names.label(f.object));
    auto side = [&](const std::string& id) { return id == kOutside ? ruleText(kOutside) : names.label(id); };
    for (const auto& o : plan.openings)
        if (o.id == f.object)
            return i18n::arg(tx("bcf", "%1 %2 between %3 and %4"), ruleText(toString(o.kind)), o.id, side(o.from),
                             side(o.to));
    return (f.objectType.empty() ? std::string() : ruleText(f.objectType) + " ") + f.object;
}

// XML text of one file, written with the writer's own escaping.
class Xml {
public:
    Xml() : w_(&bytes_) {
        w_.setAutoFormatting(true);
        w_.setAutoFormattingIndent(2);
        w_.writeStartDocument();
    }
    QXmlStreamWriter& w() { return w_; }
    void start(const char* name) { w_.writeStartElement(QLatin1String(name)); }
    void end() { w_.writeEndElement(); }
    void attr(const char* name, const std::string& v) {
        w_.writeAttribute(QLatin1String(name), QString::fromStdString(v));
    }
    void text(const char* name, const std::string& v) {
        w_.writeTextElement(QLatin1String(name), QString::fromStdString(v));
    }
    void number(const char* name, double v) { text(name, kit::fmt(std::abs(v) < 5e-7 ? 0.0 : v, 6)); }
    void xyz(const char* name, double x, double y, double z) {
        start(name);
        number("X", x);
        number("Y", y);
        number("Z", z);
        end();
    }
    std::string done() {
        w_.writeEndDocument();
        return bytes_.toStdString();
    }

private:
    QByteArray bytes_;
    QXmlStreamWriter w_;
};

std::string isoDate(const FloorPlan& plan, const BcfOptions& o) {
    if (!o.date.empty()) return o.date;
    bool ok = false;
    const qint64 epoch = qEnvironmentVariable("SOURCE_DATE_EPOCH").toLongLong(&ok);
    if (ok && epoch >= 0) return QDateTime::fromSecsSinceEpoch(epoch, Qt::UTC).toString(Qt::ISODate).toStdString();
    const QFileInfo info(QString::fromStdString(plan.source));
    const QDateTime t = info.exists() ? info.lastModified().toUTC() : QDateTime::fromSecsSinceEpoch(0, Qt::UTC);
    return QDateTime::fromSecsSinceEpoch(t.toSecsSinceEpoch(), Qt::UTC).toString(Qt::ISODate).toStdString();
}

std::string versionFile(BcfVersion v) {
    Xml x;
    x.start("Version");
    x.attr("VersionId", toString(v));
    if (v == BcfVersion::V2_1) x.text("DetailedVersion", "2.1");
    x.end();
    return x.done();
}

std::string extensionsFile(const std::vector<BcfTopic>& topics, const std::string& author) {
    std::set<std::string> labels;
    for (const auto& t : topics) labels.insert(t.labels.begin(), t.labels.end());
    Xml x;
    x.start("Extensions");
    x.start("TopicTypes");
    x.text("TopicType", "Issue");
    if (std::any_of(topics.begin(), topics.end(), [](const BcfTopic& t) { return t.type == "Remark"; }))
        x.text("TopicType", "Remark");
    x.end();
    x.start("TopicStatuses");
    x.text("TopicStatus", "Open");
    x.end();
    x.start("Priorities");
    for (const char* p : {"High", "Normal", "Low"}) x.text("Priority", p);
    x.end();
    if (!labels.empty()) {
        x.start("TopicLabels");
        for (const auto& l : labels) x.text("TopicLabel", l);
        x.end();
    }
    x.start("Users");
    x.text("User", author);
    x.end();
    x.end();
    return x.done();
}

std::string projectFile(const std::string& name) {
    Xml x;
    x.start("ProjectInfo");
    x.start("Project");
    x.attr("ProjectId", uuid("project\n" + name));
    x.text("Name", name);
    x.end();
    x.end();
    return x.done();
}

std::string markupFile(const BcfTopic& t, int index, const FloorPlan& plan, const std::string& date,
                       const BcfOptions& o, const std::string& ifcProject) {
    const bool v3 = o.version == BcfVersion::V3_0;
    Xml x;
    x.start("Markup");
    x.start("Header");
    if (v3) x.start("Files");
    x.start("File");
    // The model the topic belongs to, so that a BIM tool with several
    // models open attaches it to the right one.
    if (isIfcGlobalId(ifcProject)) x.attr("IfcProject", ifcProject);
    x.attr("IsExternal", "true");
    if (!plan.source.empty()) x.text("Filename", QFileInfo(QString::fromStdString(plan.source)).fileName().toStdString());
    x.text("Date", date);
    if (!plan.source.empty()) x.text("Reference", plan.source);
    x.end();
    if (v3) x.end();
    x.end();

    x.start("Topic");
    x.attr("Guid", t.guid);
    x.attr("TopicType", t.type);
    x.attr("TopicStatus", "Open");
    x.text("Title", t.title);
    x.text("Priority", t.priority);
    if (!v3) x.text("Index", std::to_string(index));
    if (v3) x.start("Labels");
    for (const auto& l : t.labels) x.text(v3 ? "Label" : "Labels", l);
    if (v3) x.end();
    x.text("CreationDate", date);
    x.text("CreationAuthor", o.author);
    x.text("Description", t.description);
    if (v3) {
        x.start("Viewpoints");
        x.start("ViewPoint");
        x.attr("Guid", t.viewpointGuid);
        x.text("Viewpoint", "viewpoint.bcfv");
        x.end();
        x.end();
    }
    x.end();  // Topic
    if (!v3) {
        x.start("Viewpoints");
        x.attr("Guid", t.viewpointGuid);
        x.text("Viewpoint", "viewpoint.bcfv");
        x.end();
    }
    x.end();  // Markup
    return x.done();
}

void component(Xml& x, const BcfComponent& c) {
    x.start("Component");
    if (!c.ifcGuid.empty()) {
        x.attr("IfcGuid", c.ifcGuid);
    } else {
        // Not from an IFC model: the tool that drew the plan knows it by this id.
        x.text("OriginatingSystem", "vgscan plan");
        x.text("AuthoringToolId", c.id);
    }
    x.end();
}

std::string viewpointFile(const BcfTopic& t, const BcfOptions& o) {
    const bool v3 = o.version == BcfVersion::V3_0;
    const bool spaces = std::any_of(t.components.begin(), t.components.end(),
                                    [](const BcfComponent& c) { return c.type == "space"; });
    Xml x;
    x.start("VisualizationInfo");
    x.attr("Guid", t.viewpointGuid);
    x.start("Components");
    auto hints = [&] {
        // Spaces are hidden by default in most viewers; a topic about a room
        // shows them (cut at the section, they read as coloured floors).
        x.start("ViewSetupHints");
        x.attr("SpacesVisible", spaces ? "true" : "false");
        x.attr("SpaceBoundariesVisible", "false");
        x.attr("OpeningsVisible", "false");
        x.end();
    };
    if (!v3) hints();
    if (!t.components.empty()) {
        x.start("Selection");
        for (const auto& c : t.components) component(x, c);
        x.end();
    }
    x.start("Visibility");
    x.attr("DefaultVisibility", "true");
    if (v3) hints();
    x.end();
    if (!t.components.empty()) {
        x.start("Coloring");
        x.start("Color");
        // ARGB: the report's fail / warn / unknown colours.
        x.attr("Color", t.status == "fail" ? "FFD7191C" : t.status == "unknown" ? "FF7A6FA8" : "FFFDAE61");
        if (v3) x.start("Components");
        for (const auto& c : t.components) component(x, c);
        if (v3) x.end();
        x.end();
        x.end();
    }
    x.end();  // Components
    const BcfCamera& c = t.camera;
    x.start("OrthogonalCamera");
    x.xyz("CameraViewPoint", c.x, c.y, c.z);
    x.xyz("CameraDirection", 0, 0, -1);
    x.xyz("CameraUpVector", 0, 1, 0);  // plan north up
    x.number("ViewToWorldScale", c.viewHeight);
    if (v3) x.number("AspectRatio", c.aspect);
    x.end();
    x.start("ClippingPlanes");
    x.start("ClippingPlane");
    x.xyz("Location", c.x, c.y, c.cutZ);
    x.xyz("Direction", 0, 0, 1);  // points to the side that is cut away: everything above the section
    x.end();
    x.end();
    x.end();
    return x.done();
}

}  // namespace

const char* toString(BcfVersion v) { return v == BcfVersion::V2_1 ? "2.1" : "3.0"; }

bool isIfcGlobalId(const std::string& s) {
    if (s.size() != 22 || s[0] < '0' || s[0] > '3') return false;
    return std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || c == '$';
    });
}

std::vector<BcfTopic> bcfTopics(const FloorPlan& plan, const BuildingAssessment& a, const RuleSet& rs,
                                const BcfOptions& options) {
    const ObjectNames names(plan);
    const std::map<int, double> levels = storeyLevels(plan, options);
    const std::string planName = plan.name.empty() ? a.building : plan.name;
    const auto outside = gatesOutsideProfile(rs);
    std::vector<BcfTopic> topics;
    for (const auto& r : a.results) {
        if (!r.inScope || outside.count(r.entry->key)) continue;  // a gate of another route: no issue for this check
        // What fails or warns, and a gate of the route checked that cannot be
        // judged (the check's verdict is unknown until it is): each needs the
        // architect's attention.
        const bool unknownGate = r.result.status == Status::Unknown && r.entry->severity == Severity::Gate;
        if (r.result.status != Status::Fail && r.result.status != Status::Warn && !unknownGate) continue;
        std::vector<Finding> findings = r.result.findings;
        if (findings.empty()) {
            // A failing figure with no object to point at: one topic about the building.
            Finding f;
            f.objectType = "building";
            f.message = !r.result.summary.empty() ? r.result.summary
                        : unknownGate             ? i18n::tx("bcf", "the rule cannot be judged on this plan")
                                                  : i18n::tx("bcf", "the rule fails");
            f.expected = r.result.threshold;
            if (r.result.value)
                f.observed = i18n::shown(*r.result.value, 2) + (r.result.unit.empty() ? "" : " " + i18n::ruleText(r.result.unit));
            findings.push_back(f);
        }
        std::map<std::string, int> seen;  // occurrences per object, for distinct GUIDs
        for (const auto& f : findings) {
            BcfTopic t;
            const std::string key = planName + "\n" + r.entry->key + "\n" + f.objectType + "\n" + f.object;
            const int n = seen[key]++;
            t.guid = uuid(key + "\n" + std::to_string(n));
            t.viewpointGuid = uuid("viewpoint\n" + t.guid);
            t.ruleKey = r.entry->key;
            t.ruleId = r.entry->rule;
            t.status = toString(r.result.status);
            t.severity = toString(r.entry->severity);
            t.priority = priorityOf(r, f);
            if (isSuggestion(f)) t.type = "Remark";
            const std::string object = describeObject(plan, names, f);
            // rule texts in the chosen language first, then the plan's names for its ids
            auto said = [&](const std::string& text) { return names.withNames(i18n::ruleText(text)); };
            std::string what = said(f.message);
            // The title names what it is about, as a BCF list shows titles only.
            std::string who = names.spaceName(f.object);
            // A suggestion's object is the rule's own key ("A:best_post"),
            // nothing in the model; its message names the group.
            if (who.empty() && !f.object.empty() && !isSuggestion(f))
                who = (f.objectType.empty() ? "" : i18n::ruleText(f.objectType) + " ") + f.object;
            t.title = r.entry->key + ": " + (who.empty() || what.find(who) != std::string::npos ? what : who + ": " + what);
            using i18n::arg;
            using i18n::tx;
            std::string d = what + ".\n";
            // an advice (a best post) has a measure but nothing expected: no empty "Expected: ."
            if (!f.expected.empty() && !f.observed.empty())
                d += arg(tx("bcf", "Expected: %1. Observed: %2."), said(f.expected), said(f.observed)) + "\n";
            else if (!f.expected.empty())
                d += arg(tx("bcf", "Expected: %1."), said(f.expected)) + "\n";
            else if (!f.observed.empty())
                d += arg(tx("bcf", "Observed: %1."), said(f.observed)) + "\n";
            d += arg(tx("bcf", "Object: %1."), object) + "\n";
            d += arg(tx("bcf", "Rule: %1 (%2), %3, %4"), r.entry->key,
                     r.entry->rule + (r.version.empty() ? "" : " " + r.version), i18n::severityLabel(t.severity),
                     i18n::statusLabel(t.status));
            if (r.result.value)
                d += arg(tx("bcf", ", building figure %1"),
                         i18n::shown(*r.result.value, 2) + (r.result.unit.empty() ? "" : " " + i18n::ruleText(r.result.unit)));
            if (!r.result.threshold.empty()) d += arg(tx("bcf", ", threshold %1"), i18n::ruleText(r.result.threshold));
            d += ".\n";
            if (!r.result.summary.empty()) d += said(r.result.summary) + ".\n";
            // the rule set's title is English (its Dutch title is for the report): the name alone in Dutch
            const bool english = i18n::language() == i18n::Language::English;
            d += arg(tx("bcf", "Rule set: %1."), rs.name + (!english || rs.title.empty() ? "" : " (" + rs.title + ")"));
            t.description = d;
            t.labels = {r.entry->key, t.severity, isSuggestion(f) ? "suggestion" : t.status, "vgscan"};
            t.components = componentsOf(plan, f);
            const Spot s = spotOf(plan, f);
            t.storey = s.storey;
            BcfCamera& c = t.camera;
            c.floorZ = floorLevel(levels, s.storey);
            c.x = s.at.x();
            c.y = s.at.y();
            c.z = c.floorZ + kCameraHeight;
            c.cutZ = c.floorZ + kCutHeight;
            c.viewHeight = std::max(s.h, s.w / c.aspect);
            topics.push_back(std::move(t));
        }
    }
    return topics;
}

std::vector<BcfFile> bcfFiles(const FloorPlan& plan, const BuildingAssessment& a, const RuleSet& rs,
                              const BcfOptions& options) {
    const std::vector<BcfTopic> topics = bcfTopics(plan, a, rs, options);
    const std::string date = isoDate(plan, options);
    std::vector<BcfFile> files;
    files.push_back({"bcf.version", versionFile(options.version)});
    if (options.version == BcfVersion::V3_0) {
        files.push_back({"extensions.xml", extensionsFile(topics, options.author)});
        files.push_back({"project.bcfp", projectFile(plan.name.empty() ? a.building : plan.name)});
    }
    const std::string ifcProject = topics.empty() ? std::string() : ifcProjectOf(plan);
    int index = 0;
    for (const auto& t : topics) {
        files.push_back({t.guid + "/markup.bcf", markupFile(t, index++, plan, date, options, ifcProject)});
        files.push_back({t.guid + "/viewpoint.bcfv", viewpointFile(t, options)});
    }
    return files;
}

namespace {

// GDAL's zip writer says nothing when it cannot create the file (the user
// read "x.bcfzip: cannot be written: " and no reason); a missing folder is
// the usual one.
std::string whyNotCreated(const std::string& path) {
    const int err = errno;
    if (const std::string gdal = CPLGetLastErrorMsg(); !gdal.empty()) return gdal;
    const QDir folder = QFileInfo(QString::fromStdString(path)).absoluteDir();
    if (!folder.exists()) return "its folder " + folder.path().toStdString() + " does not exist";
    return std::strerror(err);
}

}  // namespace

std::size_t writeBcf(const std::string& path, const FloorPlan& plan, const BuildingAssessment& a, const RuleSet& rs,
                     const BcfOptions& options) {
    const std::vector<BcfFile> files = bcfFiles(plan, a, rs, options);
    std::size_t topics = 0;
    for (const auto& f : files) topics += f.name.size() > 11 && f.name.compare(f.name.size() - 11, 11, "/markup.bcf") == 0;
    try {
        writeFileAtomically(path, [&](const std::string& tmp) {
            void* zip = CPLCreateZip(tmp.c_str(), nullptr);
            if (!zip) throw std::runtime_error(path + ": cannot be written: " + whyNotCreated(path));
            auto fail = [&](const std::string& what) {
                const std::string why = CPLGetLastErrorMsg();
                CPLCloseZip(zip);
                throw std::runtime_error(path + ": cannot write " + what + (why.empty() ? "" : ": " + why));
            };
            std::string folder;
            for (const auto& f : files) {
                // A folder entry before each topic's files: the BCF guide asks
                // for them in the zip's directory.
                const auto slash = f.name.find('/');
                if (slash != std::string::npos && f.name.substr(0, slash + 1) != folder) {
                    folder = f.name.substr(0, slash + 1);
                    if (CPLCreateFileInZip(zip, folder.c_str(), nullptr) != CE_None || CPLCloseFileInZip(zip) != CE_None)
                        fail(folder);
                }
                if (CPLCreateFileInZip(zip, f.name.c_str(), nullptr) != CE_None ||
                    CPLWriteFileInZip(zip, f.text.data(), static_cast<int>(f.text.size())) != CE_None ||
                    CPLCloseFileInZip(zip) != CE_None)
                    fail(f.name);
            }
            if (CPLCloseZip(zip) != CE_None) throw std::runtime_error(path + ": cannot be written: " + CPLGetLastErrorMsg());
        });
    } catch (const OutputError& e) {
        throw std::runtime_error(e.what());
    }
    return topics;
}

}  // namespace vgscan
