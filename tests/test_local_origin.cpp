// A plan drawn in RD (EPSG:28992, x ~ 155 000, y ~ 463 000) gives the figures
// of the same plan in local metres: rules compute on it moved to a local
// origin (derive/LocalOrigin.h), and their locations come back in RD.
#include "TestKit.h"

#include "derive/LocalOrigin.h"
#include "io/PlanReader.h"
#include "ruleset/RuleSet.h"
#include "scan/Engine.h"

#include <catch2/catch_test_macros.hpp>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <boost/geometry.hpp>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace vgscan;
using namespace vgscan::test;

namespace {

// Where grouphome_1996_b would lie in Utrecht, about.
constexpr double kEast = 155000.0, kNorth = 463000.0;

QJsonArray shifted(const QJsonArray& c) {
    QJsonArray out;
    if (!c.isEmpty() && c.first().isDouble()) {
        out = c;
        out[0] = c[0].toDouble() + kEast;
        out[1] = c[1].toDouble() + kNorth;
        return out;
    }
    for (const auto& v : c) out.append(shifted(v.toArray()));
    return out;
}

// The sample plan moved by (kEast, kNorth) and labelled EPSG:28992.
std::string inRd(const std::string& file, const QDir& dir) {
    QJsonObject plan = QJsonDocument::fromJson(readFile(QString::fromStdString(file))).object();
    QJsonArray features;
    for (const auto& f : plan["features"].toArray()) {
        QJsonObject feature = f.toObject();
        QJsonObject geometry = feature["geometry"].toObject();
        geometry["coordinates"] = shifted(geometry["coordinates"].toArray());
        feature["geometry"] = geometry;
        features.append(feature);
    }
    plan["features"] = features;
    plan["crs"] = QJsonObject{{"type", "name"}, {"properties", QJsonObject{{"name", "urn:ogc:def:crs:EPSG::28992"}}}};
    const QString out = dir.filePath(QFileInfo(QString::fromStdString(file)).fileName());
    writeFile(out, QJsonDocument(plan).toJson());
    return out.toStdString();
}

bool near(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

// Whether a rule's text about the RD plan says what it says about the local
// one: the same words, and each "(x, y)" the same point moved by (kEast,
// kNorth), to the 2 decimals written (a last digit may round the other way:
// 10.675 is 10.68 and 155010.675 is 155010.67).
bool sameText(const std::string& local, const std::string& rd) {
    static const QRegularExpression pair(QStringLiteral("\\((-?[0-9.]+), (-?[0-9.]+)\\)"));
    auto split = [](const std::string& text, std::vector<Point>& points) {
        const QString s = QString::fromStdString(text);
        QString words;
        qsizetype from = 0;
        for (auto it = pair.globalMatch(s); it.hasNext();) {
            const auto m = it.next();
            words += s.mid(from, m.capturedStart() - from) + QStringLiteral("(x, y)");
            points.emplace_back(m.captured(1).toDouble(), m.captured(2).toDouble());
            from = m.capturedEnd();
        }
        return words + s.mid(from);
    };
    std::vector<Point> a, b;
    if (split(local, a) != split(rd, b) || a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::fabs(b[i].x() - kEast - a[i].x()) > 0.0101 || std::fabs(b[i].y() - kNorth - a[i].y()) > 0.0101)
            return false;
    return true;
}

Box boxOf(const Shape& s) {
    Box b;
    bg::assign_inverse(b);
    for (const auto& p : s.area) bg::expand(b, bg::return_envelope<Box>(p));
    for (const auto& p : s.line) bg::expand(b, p);
    return b;
}

}  // namespace

TEST_CASE("local origin: the whole kilometre nearest the plan's corner; a plan near (0, 0) stays where it is") {
    FloorPlan p;
    p.spaces = {rect("a", SpaceUse::Living, -0.15, -0.15, 20, 10)};
    CHECK(bg::equals(localOrigin(p), Point(0, 0)));
    p.spaces = {rect("a", SpaceUse::Living, 155003.2, 462999.85, 155020, 463010)};
    CHECK(bg::equals(localOrigin(p), Point(155000, 463000)));
    p.spaces = {rect("a", SpaceUse::Living, -1500.5, 2.0, -1480, 12)};
    CHECK(bg::equals(localOrigin(p), Point(-2000, 0)));
    CHECK(bg::equals(localOrigin(FloorPlan{}), Point(0, 0)));

    // Moved, the RD noise is gone: 155002.95 - 155000 is 2.95 to the bit.
    p.spaces = {rect("a", SpaceUse::Living, 155000 + 2.95, 463000 - 0.15, 155000 + 7.3, 463000 + 4.1)};
    p.openings = {door("d", "a", kOutside, 155000 + 2.95, 463000 + 1.0, 155000 + 2.95, 463000 + 1.85)};
    FloorPlan moved = movedToOrigin(p, Point(155000, 463000));
    CHECK(bg::equals(moved.origin, Point(155000, 463000)));
    const auto& ring = moved.spaces[0].shape.outer();
    CHECK(ring[0].x() == 2.95);
    CHECK(ring[0].y() == -0.15);
    CHECK(ring[2].x() == 7.3);
    CHECK(moved.spaces[0].area == bg::area(rect("a", SpaceUse::Living, 2.95, -0.15, 7.3, 4.1).shape));
    CHECK(moved.openings[0].width == bg::length(door("d", "a", kOutside, 2.95, 1.0, 2.95, 1.85).line));
    CHECK(moved.openings[0].position.y() == (1.0 + 1.85) / 2);
}

TEST_CASE("every sample plan drawn in RD gives the figures of it in local metres, its locations in RD") {
    QTemporaryDir dir;
    REQUIRE(dir.isValid());
    const RuleSet rs = loadRuleSet(sourcePath("rulesets/vg7.json"));
    const Engine engine(registry(), rs);
    for (const std::string& file : samplePlanFiles()) {
        INFO(file);
        const FloorPlan local = loadPlan(file);
        const FloorPlan rd = loadPlan(inRd(file, QDir(dir.path())));
        REQUIRE_FALSE(rd.localMetres);
        const BuildingAssessment a = engine.check(local), b = engine.check(rd);
        CHECK(a.classification.verdict == b.classification.verdict);
        REQUIRE(a.results.size() == b.results.size());
        for (std::size_t i = 0; i < a.results.size(); ++i) {
            const RuleResult& x = a.results[i].result;
            const RuleResult& y = b.results[i].result;
            INFO(a.results[i].entry->key);
            CHECK(x.status == y.status);
            CHECK(x.threshold == y.threshold);
            CHECK(x.value.has_value() == y.value.has_value());
            if (x.value && y.value) CHECK(near(*x.value, *y.value));
            REQUIRE(x.figures.size() == y.figures.size());
            for (std::size_t k = 0; k < x.figures.size(); ++k) {
                INFO(x.figures[k].name << ": " << x.figures[k].value << " local, " << y.figures[k].value << " in RD");
                CHECK(x.figures[k].name == y.figures[k].name);
                CHECK(near(x.figures[k].value, y.figures[k].value));
            }
            INFO(x.summary << " | " << y.summary);
            CHECK(sameText(x.summary, y.summary));
            REQUIRE(x.findings.size() == y.findings.size());
            for (std::size_t k = 0; k < x.findings.size(); ++k) {
                const Finding& f = x.findings[k];
                const Finding& g = y.findings[k];
                INFO(f.object << ": " << f.message);
                CHECK(f.object == g.object);
                INFO(g.message);
                CHECK(sameText(f.message, g.message));
                CHECK(f.observed == g.observed);
                REQUIRE(f.location.has_value() == g.location.has_value());
                if (f.location) {
                    CHECK(std::fabs(g.location->x() - kEast - f.location->x()) < 1e-6);
                    CHECK(std::fabs(g.location->y() - kNorth - f.location->y()) < 1e-6);
                }
            }
            REQUIRE(x.shapes.size() == y.shapes.size());
            for (std::size_t k = 0; k < x.shapes.size(); ++k) {
                const Box p = boxOf(x.shapes[k]), q = boxOf(y.shapes[k]);
                INFO(x.shapes[k].label);
                CHECK(std::fabs(q.min_corner().x() - kEast - p.min_corner().x()) < 1e-6);
                CHECK(std::fabs(q.min_corner().y() - kNorth - p.min_corner().y()) < 1e-6);
                CHECK(std::fabs(q.max_corner().x() - kEast - p.max_corner().x()) < 1e-6);
                CHECK(std::fabs(q.max_corner().y() - kNorth - p.max_corner().y()) < 1e-6);
            }
        }
    }
}
