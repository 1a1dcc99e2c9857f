// The SVG drawings of the HTML report: plans per storey, the plot, the
// portfolio map. Geometry is written in metres inside a group flipped with
// scale(1,-1) (y up, to scale); text and markers sit outside that group at
// (x, -y) so they read upright. Coordinates are relative to the view's corner
// to keep the numbers short (and exact enough in the browser's floats).
#include "report/HtmlReport.h"

#include "cluster/Clusters.h"

#include "derive/ContextIndex.h"
#include "derive/Placement.h"
#include "i18n/Language.h"
#include "i18n/RuleTexts.h"
#include "i18n/Terms.h"
#include "rules/RuleKit.h"

#include <boost/geometry/algorithms/centroid.hpp>
#include <boost/geometry/algorithms/distance.hpp>
#include <boost/geometry/algorithms/envelope.hpp>
#include <boost/geometry/algorithms/within.hpp>
#include <boost/geometry/strategies/strategies.hpp>

#include <algorithm>
#include <array>
#include <optional>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace vgscan::html {

using i18n::arg;
using i18n::tx;

// --- text ------------------------------------------------------------------

namespace {

// What esc writes for a byte: 0 the byte itself, else the index + 1 of its
// replacement in kEscaped.
constexpr const char* kEscaped[] = {"&amp;", "&lt;", "&gt;", "&quot;", "&#39;", " "};
constexpr std::array<unsigned char, 256> kEscapeOf = [] {
    std::array<unsigned char, 256> t{};
    t['&'] = 1, t['<'] = 2, t['>'] = 3, t['"'] = 4, t['\''] = 5;
    // Control characters other than tab/newline cannot appear in HTML.
    for (int c = 0; c < 0x20; ++c)
        if (c != '\n' && c != '\t') t[static_cast<std::size_t>(c)] = 6;
    return t;
}();

}  // namespace

void appendEsc(std::string& o, std::string_view s) {
    const char* const begin = s.data();
    const char* const end = begin + s.size();
    const char* run = begin;  // the bytes kept since the last replacement
    for (const char* p = begin; p != end; ++p) {
        const unsigned char k = kEscapeOf[static_cast<unsigned char>(*p)];
        if (k == 0) continue;
        o.append(run, p);
        o += kEscaped[k - 1];
        run = p + 1;
    }
    o.append(run, end);
}

std::string esc(const std::string& s) {
    std::string o;
    o.reserve(s.size() + 8);
    appendEsc(o, s);
    return o;
}

std::string escByByte(const std::string& s) {
    std::string o;
    o.reserve(s.size() + 8);
    for (char c : s) {
        switch (c) {
        case '&': o += "&amp;"; break;
        case '<': o += "&lt;"; break;
        case '>': o += "&gt;"; break;
        case '"': o += "&quot;"; break;
        case '\'': o += "&#39;"; break;
        default:
            // Control characters other than tab/newline cannot appear in HTML.
            if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') o += ' ';
            else o += c;
        }
    }
    return o;
}

namespace {

// numToChars's text appended to `out`.
void appendNumToChars(std::string& out, double v, int decimals) {
    if (!std::isfinite(v)) {
        out += '0';
        return;
    }
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    char* end = res.ptr;
    if (std::find(buf, end, '.') != end) {
        while (end[-1] == '0') --end;
        if (end[-1] == '.') --end;
    }
    if (end - buf == 2 && buf[0] == '-' && buf[1] == '0') {
        out += '0';
        return;
    }
    out.append(buf, end);
}

}  // namespace

// num's text appended to `out` without a string of its own (the maps write
// hundreds of coordinates a site). v scaled by 10^decimals and rounded to a
// whole number, written with the point put in: the digits std::to_chars
// gives (the exact value rounded), wherever v × 10^decimals is not within
// 1e-3 of a half, for the product's rounding error is at most 2^-13 below
// 2^40. Anything else (near a half, large, many decimals) by to_chars.
void appendNum(std::string& out, double v, int decimals) {
    static constexpr double kScale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    constexpr double kLimit = 1099511627776.0;  // 2^40
    if (decimals < 0 || decimals > 6) return appendNumToChars(out, v, decimals);
    const double scaled = v * kScale[decimals];
    if (!(std::fabs(scaled) < kLimit)) return appendNumToChars(out, v, decimals);  // NaN too
    const double below = std::floor(scaled);
    if (std::fabs(scaled - below - 0.5) <= 1e-3) return appendNumToChars(out, v, decimals);
    long long n = static_cast<long long>(below) + (scaled - below > 0.5 ? 1 : 0);
    if (n == 0) {  // "-0" is written 0
        out += '0';
        return;
    }
    char buf[32];
    char* end = buf + sizeof buf;
    char* p = end;
    const bool negative = n < 0;
    unsigned long long u = negative ? 0ULL - static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n);
    int fraction = decimals;
    while (fraction > 0 && u % 10 == 0) {  // trailing zeros of the fraction are not written
        u /= 10;
        --fraction;
    }
    for (int k = 0; k < fraction; ++k, u /= 10) *--p = static_cast<char>('0' + u % 10);
    if (fraction > 0) *--p = '.';
    do {
        *--p = static_cast<char>('0' + u % 10);
        u /= 10;
    } while (u != 0);
    if (negative) *--p = '-';
    out.append(p, end);
}

std::string num(double v, int decimals) {
    std::string s;
    appendNum(s, v, decimals);
    return s;
}

std::string numToChars(double v, int decimals) {
    std::string s;
    appendNumToChars(s, v, decimals);
    return s;
}

std::string clipped(const std::string& s, std::size_t maxChars) {
    if (maxChars == 0) return {};
    // Count code points (bytes that are not UTF-8 continuation bytes 10xxxxxx).
    std::size_t chars = 0, cut = s.size();
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        if (chars == maxChars - 1) cut = i;  // where the kept part ends if it is too long
        if (++chars > maxChars) return s.substr(0, cut) + "…";
    }
    return s;
}

std::string slug(const std::string& s) {
    static const char* hex = "0123456789abcdef";
    std::string o;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-') o += static_cast<char>(c);
        else {
            o += '_';
            o += hex[c >> 4];
            o += hex[c & 15];
        }
    }
    return o;
}

// --- colours -----------------------------------------------------------------

std::string ruleColour(int i) {
    // Distinct hues that stay readable translucent over the pale use colours.
    static const char* palette[] = {"#d62728", "#1f77b4", "#9467bd", "#ff7f0e", "#2ca02c", "#8c564b",
                                    "#e377c2", "#17becf", "#7f7f7f", "#bcbd22", "#393b79", "#637939"};
    return palette[static_cast<size_t>(std::abs(i)) % (sizeof palette / sizeof *palette)];
}

const char* useColour(SpaceUse use) {
    switch (use) {
    case SpaceUse::Bedroom: return "#cfe3f7";
    case SpaceUse::Bathroom:
    case SpaceUse::Wc:
    case SpaceUse::Shower: return "#b9ece8";
    case SpaceUse::Living:
    case SpaceUse::Dining: return "#fde9b0";
    case SpaceUse::Kitchen: return "#fbd7a6";
    case SpaceUse::Corridor:
    case SpaceUse::Hall:
    case SpaceUse::Entrance: return "#eeeeee";
    case SpaceUse::Staff:
    case SpaceUse::Office: return "#f5cde0";
    case SpaceUse::Treatment:
    case SpaceUse::Activity: return "#dcd3f2";
    case SpaceUse::Quiet:
    case SpaceUse::Seclusion: return "#d2ecc6";
    case SpaceUse::Storage:
    case SpaceUse::Technical:
    case SpaceUse::Laundry: return "#e3dccf";
    case SpaceUse::Stair:
    case SpaceUse::Lift: return "#c9c9c9";
    case SpaceUse::Outdoor: return "#e6f4d7";
    case SpaceUse::Other: return "#ffffff";
    }
    return "#ffffff";
}

const char* verdictColour(const std::string& v) {
    if (v == "fits_vg7") return "#1e7d3c";
    if (v == "convert_vg7") return "#5cb85c";
    if (v == "keep") return "#2f6fb3";
    if (v == "ambulant") return "#2aa3a3";
    if (v == "cluster") return "#8a56c2";
    if (v == "dispose") return "#d0453a";
    if (v == "needs_data") return "#d89b1c";
    return "#444444";  // failed
}

// --- views -------------------------------------------------------------------

void View::include(double x, double y) {
    minX = std::min(minX, x);
    minY = std::min(minY, y);
    maxX = std::max(maxX, x);
    maxY = std::max(maxY, y);
}

void View::pad(double m) {
    minX -= m;
    minY -= m;
    maxX += m;
    maxY += m;
}

namespace {

void includeRing(View& v, const auto& ring) {
    for (const auto& p : ring) v.include(p.x(), p.y());
}

// "M x y L x y ... Z" for every ring; holes are cut by fill-rule evenodd.
void ringPath(std::string& d, const View& v, const auto& ring) {
    bool first = true;
    for (const auto& p : ring) {
        d += first ? 'M' : 'L';
        appendNum(d, v.x(p.x()));
        d += ' ';
        appendNum(d, v.y(p.y()));
        first = false;
    }
    if (!first) d += "Z";
}

void appendPolygonPath(std::string& d, const View& v, const Polygon& poly) {
    ringPath(d, v, poly.outer());
    for (const auto& in : poly.inners()) ringPath(d, v, in);
}

std::string polygonPath(const View& v, const Polygon& poly) {
    std::string d;
    appendPolygonPath(d, v, poly);
    return d;
}

void appendMultiPath(std::string& d, const View& v, const MultiPolygon& mp) {
    for (const auto& p : mp) appendPolygonPath(d, v, p);
}

std::string multiPath(const View& v, const MultiPolygon& mp) {
    std::string d;
    appendMultiPath(d, v, mp);
    return d;
}

void appendPoints(std::string& s, const View& v, const LineString& line) {
    bool first = true;
    for (const auto& p : line) {
        if (!first) s += ' ';
        first = false;
        appendNum(s, v.x(p.x()));
        s += ',';
        appendNum(s, v.y(p.y()));
    }
}

std::string points(const View& v, const LineString& line) {
    std::string s;
    s.reserve(line.size() * 16);
    appendPoints(s, v, line);
    return s;
}

// The SVG element with a viewBox of the view in metres: x 0..W, y -H..0
// (screen coordinates), geometry drawn flipped so y grows upwards.
std::string openSvg(const View& v, const std::string& cls, const std::string& title, const std::string& extra = "") {
    return "<svg class=\"vg " + cls + "\" viewBox=\"0 " + num(-v.height()) + " " + num(v.width()) + " " +
           num(v.height()) + "\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\"" + extra + "><title>" + esc(title) +
           "</title>";
}

// openSvg up to its extra attributes, appended to `s`: the caller closes the
// tag and writes the title.
void appendOpenSvg(std::string& s, const View& v, const char* cls) {
    cat(s, "<svg class=\"vg ", cls, "\" viewBox=\"0 ", Num{-v.height()}, " ", Num{v.width()}, " ", Num{v.height()},
        "\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\"");
}

// The drawing unit (marker radius, label size) in metres: about 12 px at the
// size the view is shown (the page fits a view into pxW × pxH).
double unitFor(const View& v, double pxW, double pxH) {
    const double pxPerMetre = std::min(pxW / v.width(), pxH / v.height());
    return 12.0 / pxPerMetre;
}

// The width of a map label of font size `unit` (system sans: about 0.62 em a
// character for ids of capitals and digits), plus a little air.
double labelWidth(const std::string& text, double unit) {
    return unit * (0.62 * static_cast<double>(std::min<size_t>(text.size(), 24)) + 0.3);
}

// A scale bar of a round length (1, 2 or 5 × 10^k m) about a fifth of the view.
void appendScaleBar(std::string& s, const View& v, double unit) {
    const double target = v.width() / 5.0;
    double len = std::pow(10.0, std::floor(std::log10(target)));
    for (double f : {5.0, 2.0, 1.0})
        if (len * f <= target) {
            len *= f;
            break;
        }
    const double x0 = unit * 1.2, y0 = -unit * 1.2, h = unit * 0.45;
    const std::string label = len >= 1000 ? i18n::shown(len / 1000, 1) + " km" : i18n::shown(len, 2) + " m";
    cat(s, "<g class=\"scalebar\"><title>", tx("report", "scale bar"), "</title><rect x=\"", Num{x0}, "\" y=\"",
        Num{y0 - h}, "\" width=\"", Num{len / 2}, "\" height=\"", Num{h}, "\" fill=\"#222\"/><rect x=\"",
        Num{x0 + len / 2}, "\" y=\"", Num{y0 - h}, "\" width=\"", Num{len / 2}, "\" height=\"", Num{h},
        "\" fill=\"#fff\" stroke=\"#222\" stroke-width=\"", Num{unit * 0.08, 3}, "\"/>");
    cat(s, "<text x=\"", Num{x0 + len + unit * 0.5}, "\" y=\"", Num{y0}, "\" font-size=\"", Num{unit * 1.05}, "\">",
        label, "</text></g>");
}

std::string scaleBar(const View& v, double unit) {
    std::string s;
    appendScaleBar(s, v, unit);
    return s;
}

// A north arrow in the top right corner, turned by `rotationDeg` clockwise on
// screen (a plan placed rotated counter-clockwise has north turned clockwise).
void appendNorthArrow(std::string& s, const View& v, double unit, double rotationDeg) {
    const double cx = v.width() - unit * 2.0, cy = -v.height() + unit * 2.6;
    const double h = unit * 1.4;
    cat(s, "<g class=\"north\" transform=\"translate(", Num{cx}, " ", Num{cy}, ") rotate(", Num{rotationDeg, 1},
        ")\"><title>", tx("report", "north"), "</title>");
    cat(s, "<path d=\"M0 ", Num{-h}, "L", Num{h * 0.45}, " ", Num{h * 0.6}, "L0 ", Num{h * 0.25}, "L", Num{-h * 0.45}, " ",
        Num{h * 0.6}, "Z\" fill=\"#222\"/>");
    cat(s, "<text x=\"0\" y=\"", Num{-h - unit * 0.3}, "\" font-size=\"", Num{unit},
        "\" text-anchor=\"middle\" font-weight=\"bold\">N</text></g>");
}

std::string northArrow(const View& v, double unit, double rotationDeg) {
    std::string s;
    appendNorthArrow(s, v, unit, rotationDeg);
    return s;
}

// A point well inside the polygon for its label: the centroid when it lies
// inside (rectangles, most rooms), else the grid point farthest from the
// boundary (L-shaped studios wrapping a bathroom).
Point labelPoint(const Polygon& poly) {
    Point c = kit::centroid(poly);
    if (bg::within(c, poly)) return c;
    Box b;
    bg::envelope(poly, b);
    Point best = c;
    double bestD = -1;
    const int n = 12;
    for (int i = 0; i <= n; ++i)
        for (int j = 0; j <= n; ++j) {
            Point p(b.min_corner().x() + (b.max_corner().x() - b.min_corner().x()) * (i + 0.5) / (n + 1),
                    b.min_corner().y() + (b.max_corner().y() - b.min_corner().y()) * (j + 0.5) / (n + 1));
            if (!bg::within(p, poly)) continue;
            const double d = bg::distance(p, poly.outer());
            if (d > bestD) {
                bestD = d;
                best = p;
            }
        }
    return best;
}

}  // namespace

LineString drawnLine(const View& v, const LineString& line) {
    if (line.size() <= 2) return line;
    // 1. Runs far outside on a common side: their first and last vertex.
    const double m = std::max(v.width(), v.height());
    const double x0 = v.minX - m, x1 = v.maxX + m, y0 = v.minY - m, y1 = v.maxY + m;
    auto side = [&](const Point& p) {
        return (p.x() < x0 ? 1 : 0) | (p.x() > x1 ? 2 : 0) | (p.y() < y0 ? 4 : 0) | (p.y() > y1 ? 8 : 0);
    };
    LineString near;
    near.reserve(line.size());
    for (std::size_t i = 0; i < line.size();) {
        int common = side(line[i]);
        std::size_t j = i;
        if (common != 0)
            while (j + 1 < line.size() && (common & side(line[j + 1])) != 0) common &= side(line[++j]);
        near.push_back(line[i]);
        if (j > i) near.push_back(line[j]);
        i = j + 1;
    }
    // 2. Vertices on the straight line between the kept ones around them
    // (every vertex left out since the last kept one is checked against the
    // new chord, so no error adds up along a gentle curve).
    constexpr double kTol = 1e-3;  // m: below the 1 cm the coordinates are written with
    constexpr std::size_t kMaxSkipped = 64;
    auto onChord = [&](const Point& a, const Point& b, const Point& p) {
        const double dx = b.x() - a.x(), dy = b.y() - a.y(), l2 = dx * dx + dy * dy;
        if (l2 <= 0) return false;
        const double t = ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / l2;
        if (t < 0 || t > 1) return false;  // a turn back along the line is drawn
        const double cross = (p.x() - a.x()) * dy - (p.y() - a.y()) * dx;
        return cross * cross <= kTol * kTol * l2;
    };
    LineString out;
    out.reserve(near.size());
    out.push_back(near.front());
    std::size_t firstSkipped = 1;  // near[firstSkipped, k) are left out so far
    for (std::size_t k = 1; k + 1 < near.size(); ++k) {
        const Point& a = out.back();
        const Point& b = near[k + 1];
        bool skip = k + 1 - firstSkipped <= kMaxSkipped;
        for (std::size_t q = firstSkipped; q <= k && skip; ++q) skip = onChord(a, b, near[q]);
        if (skip) continue;
        out.push_back(near[k]);
        firstSkipped = k + 1;
    }
    out.push_back(near.back());
    return out;
}

namespace {

// An evidence shape as drawn: placed on the site, a copy moved; else the
// rule's own shape, not copied.
struct DrawnShape {
    MultiPolygon placedArea;
    LineString placedLine;
    const MultiPolygon* area;
    const LineString* line;
    DrawnShape(const Shape& shape, const std::optional<PlanPlacement>& place) : area(&shape.area), line(&shape.line) {
        if (!place) return;
        placedArea = toWorld(shape.area, *place);
        placedLine = toWorld(shape.line, *place);
        area = &placedArea;
        line = &placedLine;
    }
};

std::string evidenceSvg(const View& v, const Evidence& e, const std::optional<PlanPlacement>& place) {
    const std::string colour = ruleColour(e.ruleIndex);
    std::string s;
    const DrawnShape drawn(*e.shape, place);
    const MultiPolygon& area = *drawn.area;
    const LineString& line = *drawn.line;
    if (!area.empty())
        s += "<path class=\"ev\" fill-rule=\"evenodd\" fill=\"" + colour + "\" stroke=\"" + colour + "\" d=\"" +
             multiPath(v, area) + "\"><title>" + esc(e.title) + "</title></path>";
    if (line.size() >= 2)
        s += "<polyline class=\"evl" + std::string(e.shape->straight ? " straight" : "") + "\" fill=\"none\" stroke=\"" +
             colour + "\" points=\"" + points(v, drawnLine(v, line)) +
             "\"><title>" + esc(e.title) + "</title></polyline>";
    return s;
}

// evidenceSvg appended to `s`.
void appendEvidence(std::string& s, const View& v, const Evidence& e, const std::optional<PlanPlacement>& place) {
    const std::string colour = ruleColour(e.ruleIndex);
    const DrawnShape drawn(*e.shape, place);
    if (!drawn.area->empty()) {
        cat(s, "<path class=\"ev\" fill-rule=\"evenodd\" fill=\"", colour, "\" stroke=\"", colour, "\" d=\"");
        appendMultiPath(s, v, *drawn.area);
        cat(s, "\"><title>", Esc{e.title}, "</title></path>");
    }
    if (drawn.line->size() >= 2) {
        cat(s, "<polyline class=\"evl", e.shape->straight ? " straight" : "", "\" fill=\"none\" stroke=\"", colour,
            "\" points=\"");
        appendPoints(s, v, drawnLine(v, *drawn.line));
        cat(s, "\"><title>", Esc{e.title}, "</title></polyline>");
    }
}

// Where the markers go: several rules often flag the same room at the same
// point, so such markers are put side by side instead of on top of each other.
class MarkPlaces {
public:
    explicit MarkPlaces(double r) : r_(r) {}
    // The marker's centre in the SVG's text coordinates (x, -y).
    std::pair<double, double> at(const View& v, const Mark& m) {
        double x = v.x(m.at.x()), y = -v.y(m.at.y());
        const int k = taken_[{std::llround(x / (r_ * 1.5)), std::llround(y / (r_ * 1.5))}]++;
        x += k * r_ * 2.05;
        return {x, y};
    }

private:
    double r_;
    std::map<std::pair<long long, long long>, int> taken_;
};

std::string marksSvg(const View& v, const std::vector<Mark>& marks, double unit) {
    std::string s = "<g class=\"marks\">";
    const double r = unit * 0.85;
    MarkPlaces places(r);
    for (const auto& m : marks) {
        const auto [x, y] = places.at(v, m);
        s += "<a href=\"" + esc(m.href) + "\" class=\"mk " + esc(m.cssClass) + "\"><title>" + esc(m.title) +
             "</title><circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(r) + "\"/><text x=\"" + num(x) +
             "\" y=\"" + num(y) + "\" font-size=\"" + num(r * (m.number >= 100 ? 0.8 : 1.1)) + "\">" +
             std::to_string(m.number) + "</text></a>";
    }
    return s + "</g>";
}

// marksSvg appended to `s`; with `within`, of the marks in that view only.
void appendMarks(std::string& s, const View& v, const std::vector<Mark>& marks, double unit, const View* within = nullptr) {
    s += "<g class=\"marks\">";
    const double r = unit * 0.85;
    MarkPlaces places(r);
    char number[16];
    for (const auto& m : marks) {
        if (within && !contains(*within, m.at)) continue;
        const auto [x, y] = places.at(v, m);
        const auto written = std::to_chars(number, number + sizeof number, m.number);
        cat(s, "<a href=\"", Esc{m.href}, "\" class=\"mk ", Esc{m.cssClass}, "\"><title>", Esc{m.title},
            "</title><circle cx=\"", Num{x}, "\" cy=\"", Num{y}, "\" r=\"", Num{r}, "\"/><text x=\"", Num{x}, "\" y=\"",
            Num{y}, "\" font-size=\"", Num{r * (m.number >= 100 ? 0.8 : 1.1)}, "\">",
            std::string_view(number, static_cast<std::size_t>(written.ptr - number)), "</text></a>");
    }
    s += "</g>";
}

std::string spaceTitle(const Space& sp) {
    std::string t = sp.id;
    if (!sp.name.empty()) t += " — " + sp.name;
    t += " (" + i18n::ruleText(toString(sp.use)) + ", " + i18n::shown(sp.area, 1) + " m²";
    if (!sp.group.empty()) t += ", " + arg(tx("report", "group %1"), sp.group);
    return t + ")";
}

// esc(spaceTitle(sp)) appended to `s` (escaping goes byte by byte, so the
// parts may be escaped one by one).
void appendSpaceTitle(std::string& s, const Space& sp) {
    appendEsc(s, sp.id);
    if (!sp.name.empty()) cat(s, " — ", Esc{sp.name});
    cat(s, " (", Esc{i18n::ruleText(toString(sp.use))}, ", ", Esc{i18n::shown(sp.area, 1)}, " m²");
    if (!sp.group.empty()) cat(s, ", ", Esc{arg(tx("report", "group %1"), sp.group)});
    s += ')';
}

}  // namespace

bool narrowPlan(const View& v) { return v.height() > 0.75 * v.width(); }

View planView(const FloorPlan& plan) {
    View v = View::none();
    for (const auto& sp : plan.spaces) includeRing(v, sp.shape.outer());
    for (const auto& o : plan.openings) {
        includeRing(v, o.line);
        v.include(o.position.x(), o.position.y());
    }
    for (const auto& p : plan.staffPosts) v.include(p.position.x(), p.position.y());
    if (v.empty()) return View{};
    const double m = std::max(v.width(), v.height());
    v.pad(std::max(1.0, m * 0.04));
    v.minY -= m * 0.06;  // room for the scale bar below the building
    v.maxY += m * 0.05;  // and for the north arrow above it
    return v;
}

namespace {

// A room's label on a plan: its name, and below it its use and area, sized
// to the room so that they stay inside it.
struct RoomLabel {
    double x = 0, y = 0;  // text coordinates of the label's point
    double fs = 0;        // the name's font size
    std::string second;   // use and area
    double fs2 = 0;       // their font size
    bool secondShown = false;
};

// None when the name would be too small to read (the tooltip still has it).
std::optional<RoomLabel> roomLabel(const FloorPlan& plan, const Space& sp, int storey, const View& v,
                                   const std::vector<Mark>& marks, double unit) {
    Box b;
    bg::envelope(sp.shape, b);
    const double w = b.max_corner().x() - b.min_corner().x(), h = b.max_corner().y() - b.min_corner().y();
    const std::string& name = sp.name.empty() ? sp.id : sp.name;
    std::size_t chars = 0;  // characters, not bytes: 'één' is 3 wide
    for (unsigned char ch : name) chars += (ch & 0xC0) != 0x80;
    const double byWidth = w / (0.62 * std::max<size_t>(std::min<size_t>(chars, 18), 4));
    const double fs = std::min({unit * 0.9, h / 3.2, byWidth});
    if (fs < unit * 0.2) return std::nullopt;
    Point c = labelPoint(sp.shape);
    // A finding marker or a staff post usually sits in the middle of the
    // room: lift the label above it when the room is tall enough.
    // Only a point in the room's box can be within it: the others are
    // not walked around the room's rings.
    auto inBox = [&](const Point& q) {
        return q.x() >= b.min_corner().x() && q.x() <= b.max_corner().x() && q.y() >= b.min_corner().y() &&
               q.y() <= b.max_corner().y();
    };
    bool covered = false;
    for (const auto& m : marks) covered = covered || (inBox(m.at) && bg::within(m.at, sp.shape));
    for (const auto& p : plan.staffPosts)
        covered = covered || (p.storey == storey && inBox(p.position) && bg::within(p.position, sp.shape));
    const double lifted = c.y() + unit * 0.9 + fs * 1.2;
    if (covered && lifted + fs * 0.5 < b.max_corner().y()) c = Point(c.x(), lifted);
    RoomLabel label;
    label.x = v.x(c.x());
    label.y = -v.y(c.y());
    label.fs = fs;
    label.second = i18n::ruleText(toString(sp.use)) + " " + i18n::shown(sp.area, 1) + " m²";
    label.fs2 = std::min(fs * 0.75, w / (0.6 * static_cast<double>(label.second.size())));
    label.secondShown = label.fs2 >= unit * 0.2;
    return label;
}

// The room an opening leads from or to, by name: ids of IFC models are GlobalIds.
const std::string& roomOf(const FloorPlan& plan, const std::string& id) {
    const Space* sp = plan.findSpace(id);
    return sp && !sp->name.empty() ? sp->name : id;
}

double planUnit(const View& v) {
    // A wide plan gets the page's width; tall ones sit side by side.
    return narrowPlan(v) ? unitFor(v, 620, 700) : unitFor(v, 1300, 760);
}

}  // namespace

std::string planSvg(const FloorPlan& plan, int storey, const View& v, const std::vector<Evidence>& shapes,
                    const std::vector<Mark>& marks, const std::optional<PlanPlacement>& placement,
                    const std::string& caption) {
    const double unit = planUnit(v);
    std::string s = openSvg(v, "plan", caption, " data-storey=\"" + std::to_string(storey) + "\"");
    std::string text;
    s += "<g transform=\"scale(1,-1)\" class=\"geo\">";
    for (const auto& sp : plan.spaces) {
        if (sp.storey != storey) continue;
        s += "<path class=\"sp\" data-use=\"" + std::string(toString(sp.use)) + "\" fill=\"" + useColour(sp.use) +
             "\" fill-rule=\"evenodd\" d=\"" + polygonPath(v, sp.shape) + "\"><title>" + esc(spaceTitle(sp)) +
             "</title></path>";
        const std::optional<RoomLabel> label = roomLabel(plan, sp, storey, v, marks, unit);
        if (!label) continue;
        const double x = label->x, y = label->y, fs = label->fs, fs2 = label->fs2;
        const std::string name = sp.name.empty() ? sp.id : sp.name;
        text += "<text class=\"lb\" x=\"" + num(x) + "\" y=\"" + num(y - fs * 0.15) + "\" font-size=\"" + num(fs) +
                "\">" + esc(clipped(name, 18)) + "</text>";
        if (label->secondShown)
            text += "<text class=\"lb2\" x=\"" + num(x) + "\" y=\"" + num(y + fs * 0.3 + fs2) + "\" font-size=\"" +
                    num(fs2) + "\">" + esc(label->second) + "</text>";
    }
    for (const auto& o : plan.openings) {
        if (o.storey != storey) continue;
        const std::string kind = toString(o.kind);
        auto room = [&](const std::string& id) { return roomOf(plan, id); };
        const std::string title =
            i18n::ruleText(kind) + " " + o.id + " (" + room(o.from) + " – " + room(o.to) + ", " + i18n::shown(o.width, 2) + " m)";
        if (o.line.size() >= 2)
            s += "<polyline class=\"op " + kind + "\" points=\"" + points(v, o.line) + "\"><title>" + esc(title) +
                 "</title></polyline>";
        else  // given as a point: no direction to draw it along
            s += "<circle class=\"op " + kind + "\" cx=\"" + num(v.x(o.position.x())) + "\" cy=\"" +
                 num(v.y(o.position.y())) + "\" r=\"" + num(std::max(0.1, o.width / 2)) + "\"><title>" + esc(title) +
                 "</title></circle>";
    }
    for (const auto& e : shapes) s += evidenceSvg(v, e, std::nullopt);
    s += "</g>";
    s += "<g class=\"labels\">" + text + "</g>";
    s += "<g class=\"posts\">";
    for (const auto& p : plan.staffPosts) {
        if (p.storey != storey) continue;
        const double x = v.x(p.position.x()), y = -v.y(p.position.y()), r = unit * 0.7;
        s += "<path class=\"post\" d=\"M" + num(x) + " " + num(y - r) + "L" + num(x + r) + " " + num(y) + "L" + num(x) +
             " " + num(y + r) + "L" + num(x - r) + " " + num(y) + "Z\"><title>" +
             esc(p.group.empty() ? arg(tx("report", "staff post %1"), p.id)
                                 : arg(tx("report", "staff post %1 (group %2)"), p.id, p.group)) +
             "</title></path>";
    }
    s += "</g>";
    s += marksSvg(v, marks, unit);
    s += scaleBar(v, unit);
    if (placement && placement->given) s += northArrow(v, unit, placement->rotationDeg);
    return s + "</svg>";
}

void appendPlanSvg(std::string& s, const FloorPlan& plan, int storey, const View& v, const std::vector<Evidence>& shapes,
                   const std::vector<Mark>& marks, const std::optional<PlanPlacement>& placement,
                   const std::string& caption) {
    const double unit = planUnit(v);
    char number[16];
    const auto written = std::to_chars(number, number + sizeof number, storey);
    appendOpenSvg(s, v, "plan");
    cat(s, " data-storey=\"", std::string_view(number, static_cast<std::size_t>(written.ptr - number)), "\"><title>",
        Esc{caption}, "</title>");
    // The labels go after the geometry (drawn above it): made beside it.
    std::string text;
    s += "<g transform=\"scale(1,-1)\" class=\"geo\">";
    for (const auto& sp : plan.spaces) {
        if (sp.storey != storey) continue;
        cat(s, "<path class=\"sp\" data-use=\"", toString(sp.use), "\" fill=\"", useColour(sp.use),
            "\" fill-rule=\"evenodd\" d=\"");
        appendPolygonPath(s, v, sp.shape);
        s += "\"><title>";
        appendSpaceTitle(s, sp);
        s += "</title></path>";
        const std::optional<RoomLabel> label = roomLabel(plan, sp, storey, v, marks, unit);
        if (!label) continue;
        const double x = label->x, y = label->y, fs = label->fs, fs2 = label->fs2;
        cat(text, "<text class=\"lb\" x=\"", Num{x}, "\" y=\"", Num{y - fs * 0.15}, "\" font-size=\"", Num{fs}, "\">",
            Esc{clipped(sp.name.empty() ? sp.id : sp.name, 18)}, "</text>");
        if (label->secondShown)
            cat(text, "<text class=\"lb2\" x=\"", Num{x}, "\" y=\"", Num{y + fs * 0.3 + fs2}, "\" font-size=\"", Num{fs2},
                "\">", Esc{label->second}, "</text>");
    }
    for (const auto& o : plan.openings) {
        if (o.storey != storey) continue;
        const char* kind = toString(o.kind);
        // The title: kind, id, the rooms either side and the width.
        auto title = [&] {
            cat(s, "<title>", Esc{i18n::ruleText(kind)}, " ", Esc{o.id}, " (", Esc{roomOf(plan, o.from)}, " – ",
                Esc{roomOf(plan, o.to)}, ", ", Esc{i18n::shown(o.width, 2)}, " m)</title>");
        };
        if (o.line.size() >= 2) {
            cat(s, "<polyline class=\"op ", kind, "\" points=\"");
            appendPoints(s, v, o.line);
            s += "\">";
            title();
            s += "</polyline>";
        } else {  // given as a point: no direction to draw it along
            cat(s, "<circle class=\"op ", kind, "\" cx=\"", Num{v.x(o.position.x())}, "\" cy=\"", Num{v.y(o.position.y())},
                "\" r=\"", Num{std::max(0.1, o.width / 2)}, "\">");
            title();
            s += "</circle>";
        }
    }
    for (const auto& e : shapes) appendEvidence(s, v, e, std::nullopt);
    cat(s, "</g><g class=\"labels\">", text, "</g><g class=\"posts\">");
    for (const auto& p : plan.staffPosts) {
        if (p.storey != storey) continue;
        const double x = v.x(p.position.x()), y = -v.y(p.position.y()), r = unit * 0.7;
        cat(s, "<path class=\"post\" d=\"M", Num{x}, " ", Num{y - r}, "L", Num{x + r}, " ", Num{y}, "L", Num{x}, " ",
            Num{y + r}, "L", Num{x - r}, " ", Num{y}, "Z\"><title>",
            Esc{p.group.empty() ? arg(tx("report", "staff post %1"), p.id)
                                : arg(tx("report", "staff post %1 (group %2)"), p.id, p.group)},
            "</title></path>");
    }
    s += "</g>";
    appendMarks(s, v, marks, unit);
    appendScaleBar(s, v, unit);
    if (placement && placement->given) appendNorthArrow(s, v, unit, placement->rotationDeg);
    s += "</svg>";
}

namespace {
void frame(View& v, double minSize) {
    const double m = std::max({v.width(), v.height(), minSize});
    v.pad(m * 0.08);
    v.minY -= m * 0.06;  // room for the scale bar
    v.maxY += m * 0.05;  // and the north arrow
}
}  // namespace

View plotView(const Site& site, const FloorPlan* plan) {
    View v = View::none();
    for (const auto& p : site.plot) includeRing(v, p.outer());
    for (const auto& f : site.footprints) includeRing(v, f.outer());
    if (plan && site.placement.given)
        for (const auto& sp : plan->spaces) includeRing(v, toWorld(sp.shape, site.placement).outer());
    if (v.empty()) return v;
    frame(v, 20.0);
    return v;
}

View surroundingsView(const View& close, const std::vector<Evidence>& shapes, const std::vector<Mark>& marks) {
    View ev = close;
    for (const auto& e : shapes) {
        for (const auto& p : e.shape->area) includeRing(ev, p.outer());
        includeRing(ev, e.shape->line);
    }
    for (const auto& m : marks) ev.include(m.at.x(), m.at.y());
    if (close.empty() || (ev.minX >= close.minX && ev.minY >= close.minY && ev.maxX <= close.maxX && ev.maxY <= close.maxY))
        return View::none();
    // Shapes count up to 5 km around the plot, so a long line does not shrink
    // the plot to a dot (it is cut at the frame); finding markers always count.
    const double cx = (close.minX + close.maxX) / 2, cy = (close.minY + close.maxY) / 2, cap = 5000;
    View v{std::max(ev.minX, cx - cap), std::max(ev.minY, cy - cap), std::min(ev.maxX, cx + cap),
           std::min(ev.maxY, cy + cap)};
    for (const auto& m : marks) v.include(m.at.x(), m.at.y());  // every finding stays in sight
    frame(v, 200.0);
    return v;
}

bool contains(const View& v, const Point& p) {
    return p.x() >= v.minX && p.x() <= v.maxX && p.y() >= v.minY && p.y() <= v.maxY;
}

namespace {

// What a site's map shows of the context in view v: the roads in the window
// from the road R-tree (a national road layer has a million segments and a
// report thousands of windows; a wide window keeps the main roads only,
// kMaxWindowSegments), the points of interest (at most kMaxWindowPois, the
// nearest to the site) and a note of what was left out.
struct WindowContext {
    RoadWindow window;
    std::vector<std::size_t> pois;
    std::string omitted;
};

WindowContext windowContext(const Site& site, const ContextIndex& index, const View& v) {
    WindowContext c;
    c.window = index.roadsIn(v.minX, v.minY, v.maxX, v.maxY, kMaxWindowSegments);
    if (!c.window.complete())
        c.omitted = c.window.ranks == 0 ? tx("report", "roads left out: too many in this window")
                                        : arg(tx("report", "only roads from %1 up"), kRoadClassOrder[c.window.ranks - 1]);
    std::vector<std::size_t>& pois = c.pois;
    pois = index.poisIn(v.minX, v.minY, v.maxX, v.maxY);
    if (pois.size() > kMaxWindowPois) {
        // The nearest to the site (ties: input order), drawn in input order.
        const Point at = ContextIndex::sitePoint(site);
        std::vector<std::pair<double, std::size_t>> byDistance;
        byDistance.reserve(pois.size());
        for (std::size_t i : pois) {
            const Point& q = index.context().pois[i].position;
            const double dx = q.x() - at.x(), dy = q.y() - at.y();
            byDistance.emplace_back(dx * dx + dy * dy, i);
        }
        std::nth_element(byDistance.begin(), byDistance.begin() + kMaxWindowPois, byDistance.end());
        const std::string note = arg(tx("report", "%1 of %2 points of interest shown: those nearest the site"),
                                     std::to_string(kMaxWindowPois), std::to_string(pois.size()));
        c.omitted += (c.omitted.empty() ? "" : "; ") + note;
        pois.clear();
        for (std::size_t k = 0; k < kMaxWindowPois; ++k) pois.push_back(byDistance[k].second);
        std::sort(pois.begin(), pois.end());
    }
    return c;
}

// The storey of the plan drawn faintly on the plot: the lowest.
int lowestStorey(const FloorPlan& plan) {
    const auto st = plan.storeys();
    return st.empty() ? 0 : st.front();
}

}  // namespace

std::string plotSvg(const Site& site, const FloorPlan* plan, const ContextIndex* index, const View& v,
                    const std::vector<Evidence>& shapes, const std::vector<Mark>& marks, const std::string& title) {
    if (v.empty()) return "";
    const bool placed = plan && site.placement.given;
    const int lowest = placed ? lowestStorey(*plan) : 0;
    const double unit = unitFor(v, 640, 640);

    std::string s = openSvg(v, "plot", title);
    s += "<g transform=\"scale(1,-1)\" class=\"geo\">";
    WindowContext context;
    if (index) {
        context = windowContext(site, *index, v);
        const auto& roads = index->context().roads;
        for (const auto& piece : context.window.pieces) {
            const Road& r = roads[piece.road];
            // As the evidence lines: a vertex on the straight line between
            // its neighbours (within 1 mm) changes nothing drawn.
            s += "<polyline class=\"road\" points=\"" + points(v, drawnLine(v, piece.line)) + "\"><title>" +
                 esc(r.roadClass.empty() ? tx("report", "road") : arg(tx("report", "road (%1)"), r.roadClass)) +
                 "</title></polyline>";
        }
    }
    for (const auto& p : site.plot)
        s += "<path class=\"plotarea\" fill-rule=\"evenodd\" d=\"" + polygonPath(v, p) + "\"><title>" +
             esc(arg(tx("report", "plot of %1"), site.id)) + "</title></path>";
    for (const auto& f : site.footprints)
        s += "<path class=\"footprint\" fill-rule=\"evenodd\" d=\"" + polygonPath(v, f) +
             "\"><title>" + tx("report", "building footprint") + "</title></path>";
    if (placed)
        for (const auto& sp : plan->spaces)
            if (sp.storey == lowest)
                s += "<path class=\"placed\" d=\"" + polygonPath(v, toWorld(sp.shape, site.placement)) + "\"><title>" +
                     esc(spaceTitle(sp)) + "</title></path>";
    for (const auto& e : shapes) s += evidenceSvg(v, e, e.world ? std::optional<PlanPlacement>(site.placement) : std::nullopt);
    s += "</g>";
    if (index) {
        s += "<g class=\"pois\">";
        for (std::size_t i : context.pois) {
            const Poi& p = index->context().pois[i];
            s += "<circle class=\"poi\" cx=\"" + num(v.x(p.position.x())) + "\" cy=\"" + num(-v.y(p.position.y())) +
                 "\" r=\"" + num(unit * 0.45) + "\"><title>" + esc(i18n::ruleText(p.category) + ": " + p.name) + "</title></circle>";
        }
        s += "</g>";
    }
    std::vector<Mark> inside;
    for (const auto& m : marks)
        if (contains(v, m.at)) inside.push_back(m);
    s += marksSvg(v, inside, unit);
    s += scaleBar(v, unit);
    s += northArrow(v, unit, 0);
    if (!context.omitted.empty())
        s += "<text class=\"mapnote\" x=\"" + num(v.width() - unit * 0.6) + "\" y=\"" + num(-unit * 0.6) +
             "\" font-size=\"" + num(unit * 0.9) + "\" text-anchor=\"end\">" + esc(context.omitted) + "</text>";
    return s + "</svg>";
}

void appendPlotSvg(std::string& s, const Site& site, const FloorPlan* plan, const ContextIndex* index, const View& v,
                   const std::vector<Evidence>& shapes, const std::vector<Mark>& marks, const std::string& title) {
    if (v.empty()) return;
    const bool placed = plan && site.placement.given;
    const int lowest = placed ? lowestStorey(*plan) : 0;
    const double unit = unitFor(v, 640, 640);

    appendOpenSvg(s, v, "plot");
    cat(s, "><title>", Esc{title}, "</title><g transform=\"scale(1,-1)\" class=\"geo\">");
    WindowContext context;
    if (index) {
        context = windowContext(site, *index, v);
        const auto& roads = index->context().roads;
        const std::string plainRoad = tx("report", "road");
        for (const auto& piece : context.window.pieces) {
            const Road& r = roads[piece.road];
            s += "<polyline class=\"road\" points=\"";
            // As the evidence lines: a vertex on the straight line between
            // its neighbours (within 1 mm) changes nothing drawn.
            appendPoints(s, v, drawnLine(v, piece.line));
            if (r.roadClass.empty()) cat(s, "\"><title>", Esc{plainRoad}, "</title></polyline>");
            else cat(s, "\"><title>", Esc{arg(tx("report", "road (%1)"), r.roadClass)}, "</title></polyline>");
        }
    }
    if (!site.plot.empty()) {
        const std::string plotTitle = arg(tx("report", "plot of %1"), site.id);
        for (const auto& p : site.plot) {
            s += "<path class=\"plotarea\" fill-rule=\"evenodd\" d=\"";
            appendPolygonPath(s, v, p);
            cat(s, "\"><title>", Esc{plotTitle}, "</title></path>");
        }
    }
    for (const auto& f : site.footprints) {
        s += "<path class=\"footprint\" fill-rule=\"evenodd\" d=\"";
        appendPolygonPath(s, v, f);
        cat(s, "\"><title>", tx("report", "building footprint"), "</title></path>");
    }
    if (placed)
        for (const auto& sp : plan->spaces)
            if (sp.storey == lowest) {
                s += "<path class=\"placed\" d=\"";
                appendPolygonPath(s, v, toWorld(sp.shape, site.placement));
                s += "\"><title>";
                appendSpaceTitle(s, sp);
                s += "</title></path>";
            }
    for (const auto& e : shapes) appendEvidence(s, v, e, e.world ? std::optional<PlanPlacement>(site.placement) : std::nullopt);
    s += "</g>";
    if (index) {
        s += "<g class=\"pois\">";
        for (std::size_t i : context.pois) {
            const Poi& p = index->context().pois[i];
            cat(s, "<circle class=\"poi\" cx=\"", Num{v.x(p.position.x())}, "\" cy=\"", Num{-v.y(p.position.y())}, "\" r=\"",
                Num{unit * 0.45}, "\"><title>", Esc{i18n::ruleText(p.category)}, ": ", Esc{p.name}, "</title></circle>");
        }
        s += "</g>";
    }
    appendMarks(s, v, marks, unit, &v);
    appendScaleBar(s, v, unit);
    appendNorthArrow(s, v, unit, 0);
    if (!context.omitted.empty())
        cat(s, "<text class=\"mapnote\" x=\"", Num{v.width() - unit * 0.6}, "\" y=\"", Num{-unit * 0.6}, "\" font-size=\"",
            Num{unit * 0.9}, "\" text-anchor=\"end\">", Esc{context.omitted}, "</text>");
    s += "</svg>";
}

std::size_t roadVertices(const Context& c) {
    std::size_t n = 0;
    for (const auto& r : c.roads) n += r.line.size();
    return n;
}

bool mapDrawsRoads(const Context& c) { return roadVertices(c) <= kMapMaxRoadVertices; }
bool mapDrawsPois(const Context& c) { return c.pois.size() <= kMapMaxPois; }

namespace {

// Label boxes and marker boxes meet (touching is not overlapping).
bool overlaps(double ax0, double ay0, double ax1, double ay1, double bx0, double by0, double bx1, double by1) {
    return ax0 < bx1 && bx0 < ax1 && ay0 < by1 && by0 < ay1;
}

// Grid buckets of boxes, so that each test looks at the few boxes nearby
// (a national portfolio has thousands of sites).
struct BoxGrid {
    double cell;
    std::map<std::pair<long long, long long>, std::vector<std::array<double, 4>>> cells;
    explicit BoxGrid(double c) : cell(c) {}
    template <typename F>
    void forCells(const std::array<double, 4>& b, F f) {
        for (long long i = static_cast<long long>(std::floor(b[0] / cell)); i <= static_cast<long long>(std::floor(b[2] / cell)); ++i)
            for (long long j = static_cast<long long>(std::floor(b[1] / cell)); j <= static_cast<long long>(std::floor(b[3] / cell)); ++j)
                f(std::make_pair(i, j));
    }
    void add(const std::array<double, 4>& b) {
        forCells(b, [&](const auto& k) { cells[k].push_back(b); });
    }
    bool hits(const std::array<double, 4>& b) {
        bool hit = false;
        forCells(b, [&](const auto& k) {
            auto it = cells.find(k);
            if (it == cells.end() || hit) return;
            for (const auto& o : it->second)
                if (overlaps(b[0], b[1], b[2], b[3], o[0], o[1], o[2], o[3])) {
                    hit = true;
                    return;
                }
        });
        return hit;
    }
    // The first of `corners` (top-left) where a w x h label lies inside the
    // view and on nothing taken; that box is then taken too.
    template <std::size_t N>
    std::optional<std::array<double, 4>> place(const std::array<std::array<double, 2>, N>& corners, double w, double h,
                                               const View& v) {
        for (const auto& c : corners) {
            const std::array<double, 4> box{c[0], c[1], c[0] + w, c[1] + h};
            if (box[0] < 0 || box[2] > v.width() || box[1] < -v.height() || box[3] > 0) continue;  // cut at the edge
            if (hits(box)) continue;
            add(box);
            return box;
        }
        return std::nullopt;
    }
};

// The scale bar and the north arrow: no label goes over them.
void addMapFurniture(BoxGrid& taken, const View& v, double u) {
    taken.add({0, -u * 3, v.width() / 5 + u * 6, 0});                              // the scale bar
    taken.add({v.width() - u * 4, -v.height(), v.width(), -v.height() + u * 5});  // the north arrow
}

}  // namespace

MapLayout mapLayout(const std::vector<SiteAssessment>& sites) {
    MapLayout L;
    View& v = L.view;
    for (const auto& s : sites) {
        for (const auto& poly : s.site->plot) includeRing(v, poly.outer());
        for (const auto& f : s.site->footprints) includeRing(v, f.outer());
    }
    L.places.resize(sites.size());
    if (v.empty()) return L;
    const double m = std::max({v.width(), v.height(), 500.0});
    v.pad(m * 0.05);
    v.minY -= m * 0.05;
    v.maxY += m * 0.04;
    v.maxX += m * 0.06;  // the site labels right of the easternmost dots
    const double u = unitFor(v, 1050, 560);
    L.unit = u;
    L.markerRadius = u * 0.8;
    for (size_t i = 0; i < sites.size(); ++i) {
        const Site& site = *sites[i].site;
        View b = View::none();
        for (const auto& poly : site.plot) includeRing(b, poly.outer());
        for (const auto& f : site.footprints) includeRing(b, f.outer());
        if (b.empty()) continue;
        MapPlace& pl = L.places[i];
        pl.drawn = true;
        pl.x = pl.mx = v.x((b.minX + b.maxX) / 2);
        pl.y = pl.my = -v.y((b.minY + b.maxY) / 2);
    }

    // Sites whose markers would overlap (centres closer than 1.7 radii... in
    // units: 1.7 u) form a group (union-find over a grid of that size).
    const double near = u * 1.7;
    std::vector<size_t> parent(sites.size());
    for (size_t i = 0; i < parent.size(); ++i) parent[i] = i;
    auto root = [&](size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    std::map<std::pair<long long, long long>, std::vector<size_t>> grid;
    for (size_t i = 0; i < sites.size(); ++i) {
        const MapPlace& a = L.places[i];
        if (!a.drawn) continue;
        const long long gx = static_cast<long long>(std::floor(a.x / near)), gy = static_cast<long long>(std::floor(a.y / near));
        for (long long dx = -1; dx <= 1; ++dx)
            for (long long dy = -1; dy <= 1; ++dy) {
                auto it = grid.find({gx + dx, gy + dy});
                if (it == grid.end()) continue;
                for (size_t j : it->second)
                    if (std::hypot(L.places[j].x - a.x, L.places[j].y - a.y) < near) parent[root(i)] = root(j);
            }
        grid[{gx, gy}].push_back(i);
    }
    std::map<size_t, std::vector<size_t>> groups;
    for (size_t i = 0; i < sites.size(); ++i)
        if (L.places[i].drawn) groups[root(i)].push_back(i);
    // A group of up to 12 goes round a circle about its centre, the first
    // site at the top, clockwise, neighbours 2 u apart (markers 1.6 u wide);
    // a larger crowd (a city on a national map) stays put: zoom in there.
    constexpr size_t kMaxSpread = 12;
    for (const auto& [r, members] : groups) {
        const size_t k = members.size();
        if (k < 2 || k > kMaxSpread) continue;
        double cx = 0, cy = 0;
        for (size_t i : members) {
            cx += L.places[i].x;
            cy += L.places[i].y;
        }
        cx /= static_cast<double>(k);
        cy /= static_cast<double>(k);
        const double pi = std::acos(-1.0);
        const double radius = std::max(u * 1.6, u / std::sin(pi / static_cast<double>(k)));
        for (size_t n = 0; n < k; ++n) {
            MapPlace& pl = L.places[members[n]];
            const double a = -pi / 2 + 2 * pi * static_cast<double>(n) / static_cast<double>(k);
            pl.mx = cx + radius * std::cos(a);
            pl.my = cy + radius * std::sin(a);
            pl.spread = true;
        }
    }

    // Labels: every marker is an obstacle; each label takes the first free
    // of 8 places around its own marker (right first, as a reader expects).
    BoxGrid taken(u * 4);
    const double mr = L.markerRadius;
    for (const auto& pl : L.places)
        if (pl.drawn) taken.add({pl.mx - mr, pl.my - mr, pl.mx + mr, pl.my + mr});
    addMapFurniture(taken, v, u);
    const double gap = u * 0.3, h = u * 1.1;
    for (size_t i = 0; i < sites.size(); ++i) {
        MapPlace& pl = L.places[i];
        if (!pl.drawn) continue;
        const double w = labelWidth(sites[i].site->id, u);
        const double r = mr + gap;
        const double cx = pl.mx, cy = pl.my;
        const std::array<std::array<double, 2>, 8> at{{
            {cx + r, cy - h / 2},                    // right
            {cx - r - w, cy - h / 2},                // left
            {cx + r * 0.7, cy - r * 0.7 - h},        // above right
            {cx + r * 0.7, cy + r * 0.7},            // below right
            {cx - r * 0.7 - w, cy - r * 0.7 - h},    // above left
            {cx - r * 0.7 - w, cy + r * 0.7},        // below left
            {cx - w / 2, cy - r - h},                // above
            {cx - w / 2, cy + r},                    // below
        }};
        if (const auto box = taken.place(at, w, h, v)) {
            pl.labelled = true;
            pl.lx0 = (*box)[0];
            pl.ly0 = (*box)[1];
            pl.lx1 = (*box)[2];
            pl.ly1 = (*box)[3];
        }
    }
    return L;
}

std::vector<MapClusterLabel> mapClusterLabels(const MapLayout& L, const ClusterResult& clusters) {
    const View& v = L.view;
    const double unit = L.unit;
    BoxGrid taken(unit * 4);
    const double mr = L.markerRadius;
    for (const auto& pl : L.places) {
        if (!pl.drawn) continue;
        taken.add({pl.mx - mr, pl.my - mr, pl.mx + mr, pl.my + mr});
        if (pl.labelled) taken.add({pl.lx0, pl.ly0, pl.lx1, pl.ly1});
    }
    addMapFurniture(taken, v, unit);
    std::vector<MapClusterLabel> out;
    const double fs = unit * 1.1, h = fs * 1.1, r = unit * 1.2;
    for (const auto& c : clusters.clusters) {
        if (c.round.path.empty()) continue;
        MapClusterLabel label;
        label.id = c.id;
        label.fontSize = fs;
        label.px = v.x(c.round.path.front().x());
        label.py = -v.y(c.round.path.front().y());
        const double px = label.px, py = label.py;
        const double w = labelWidth(c.id, fs);
        const std::array<std::array<double, 2>, 8> at{{{px - r - w, py - r - h},
                                                       {px + r, py - r - h},
                                                       {px - r - w, py + r},
                                                       {px + r, py + r},
                                                       {px - w / 2, py - r * 2 - h},
                                                       {px - w / 2, py + r * 2},
                                                       {px - r * 2 - w, py - h / 2},
                                                       {px + r * 2, py - h / 2}}};
        if (const auto b = taken.place(at, w, h, v)) {
            label.shown = true;
            label.x0 = (*b)[0];
            label.y0 = (*b)[1];
            label.x1 = (*b)[2];
            label.y1 = (*b)[3];
        }
        out.push_back(std::move(label));
    }
    return out;
}

std::string mapSvg(const Portfolio& p, const std::vector<SiteAssessment>& sites,
                   const std::vector<std::string>& verdicts, const std::vector<std::string>& hrefs,
                   const ClusterResult* clusters, const std::vector<std::string>& selected) {
    const MapLayout L = mapLayout(sites);
    const View& v = L.view;
    if (v.empty()) return "";
    const double unit = L.unit;
    // The zoom group is scaled by the page's script; markers, labels and
    // POIs inside it are scaled back (data-x/y: their point) so that they
    // keep their size on screen while the ground grows.
    std::string s = openSvg(v, "map", tx("report", "map of the portfolio's sites coloured by verdict"),
                            " tabindex=\"0\" data-unit=\"" + num(unit, 3) + "\" width=\"1050\" height=\"" +
                                num(1050 * v.height() / v.width(), 0) + "\"");  // its size and shape before the style sheet's
    s += "<g class=\"zoom\"><g transform=\"scale(1,-1)\" class=\"geo\">";
    if (mapDrawsRoads(p.context))
        for (const auto& r : p.context.roads)
            if (r.line.size() >= 2) s += "<polyline class=\"road\" points=\"" + points(v, r.line) + "\"/>";
    for (size_t i = 0; i < sites.size(); ++i) {
        for (const auto& poly : sites[i].site->plot)
            s += "<path class=\"plotarea\" d=\"" + polygonPath(v, poly) + "\"/>";
        for (const auto& f : sites[i].site->footprints)
            s += "<path class=\"footprint\" d=\"" + polygonPath(v, f) + "\"/>";
    }
    // Night rounds of the clusters, under the site dots.
    if (clusters)
        for (const auto& c : clusters->clusters)
            if (c.round.path.size() >= 2)
                s += "<polyline class=\"round\" data-cluster=\"" + esc(c.id) + "\" points=\"" + points(v, c.round.path) +
                     "\" style=\"fill:none;stroke:#6a3d9a;stroke-width:3px;stroke-dasharray:6 3\"><title>" +
                     esc(arg(tx("report", "%1: night round %2 m"), c.id, i18n::shown(c.round.lengthM, 0))) + "</title></polyline>";
    s += "</g><g class=\"pois\">";
    // POIs faintly, one colour per category (legend beside the map).
    std::set<std::string> cats;
    for (const auto& poi : p.context.pois) cats.insert(poi.category);
    std::map<std::string, int> catIndex;
    for (const auto& c : cats) catIndex.emplace(c, static_cast<int>(catIndex.size()));
    if (mapDrawsPois(p.context))
      for (const auto& poi : p.context.pois)
        s += "<circle class=\"poi\" cx=\"" + num(v.x(poi.position.x())) + "\" cy=\"" + num(-v.y(poi.position.y())) +
             "\" r=\"" + num(unit * 0.3) + "\" style=\"fill:" + ruleColour(catIndex[poi.category]) + "\"><title>" +
             esc(i18n::ruleText(poi.category) + ": " + poi.name) + "</title></circle>";
    s += "</g><g class=\"sites\">";
    // The chosen sites last: drawn above their neighbours, their rings are
    // whole circles, not arcs under the next markers.
    auto isChosen = [&](std::size_t i) {
        return std::find(selected.begin(), selected.end(), sites[i].site->id) != selected.end();
    };
    std::vector<std::size_t> order;
    for (size_t i = 0; i < sites.size(); ++i)
        if (!isChosen(i)) order.push_back(i);
    for (size_t i = 0; i < sites.size(); ++i)
        if (isChosen(i)) order.push_back(i);
    for (const size_t i : order) {
        const MapPlace& pl = L.places[i];
        if (!pl.drawn) continue;
        const Site& site = *sites[i].site;
        const bool chosen = isChosen(i);
        // Everything of a marker relative to the site's point: the script
        // scales the group about that point.
        const double dx = pl.mx - pl.x, dy = pl.my - pl.y;
        s += "<a href=\"" + esc(hrefs[i]) + "\" class=\"site\" data-i=\"" + std::to_string(i) + "\" transform=\"translate(" +
             num(pl.x) + " " + num(pl.y) + ")\"><title>" +
             esc(site.id + " " + site.name + ": " + i18n::verdictLabel(verdicts[i]) +
                 (chosen ? " (" + tx("report", "chosen cluster site") + ")" : "")) +
             "</title>";
        if (pl.spread)
            s += "<line class=\"leader\" x1=\"0\" y1=\"0\" x2=\"" + num(dx) + "\" y2=\"" + num(dy) + "\"/><circle class=\"at\" r=\"" +
                 num(unit * 0.22) + "\"/>";
        if (chosen)
            s += "<circle class=\"selected\" cx=\"" + num(dx) + "\" cy=\"" + num(dy) + "\" r=\"" + num(unit * 1.45) +
                 "\" style=\"fill:none;stroke:#111;stroke-width:" + num(unit * 0.3) + "px\"/>";
        s += "<circle class=\"pin\" cx=\"" + num(dx) + "\" cy=\"" + num(dy) + "\" r=\"" + num(L.markerRadius) + "\" fill=\"" +
             verdictColour(verdicts[i]) + "\"/>";
        if (pl.labelled)
            s += "<text x=\"" + num(pl.lx0 - pl.x) + "\" y=\"" + num(pl.ly1 - pl.y - unit * 0.28) + "\" font-size=\"" +
                 num(unit * 1.0) + "\">" + esc(site.id) + "</text>";
        s += "</a>";
    }
    s += "</g>";
    if (clusters)
        for (const MapClusterLabel& c : mapClusterLabels(L, *clusters)) {
            if (!c.shown) continue;
            // Relative to the round's start, which the script scales it about (as the markers).
            s += "<g class=\"cluster-label\" transform=\"translate(" + num(c.px) + " " + num(c.py) + ")\"><text x=\"" +
                 num(c.x0 - c.px) + "\" y=\"" + num(c.y1 - c.fontSize * 0.28 - c.py) + "\" font-size=\"" + num(c.fontSize) +
                 "\" fill=\"#6a3d9a\" font-weight=\"bold\">" + esc(c.id) + "</text></g>";
        }
    s += "</g>";
    s += scaleBar(v, unit);
    s += northArrow(v, unit, 0);
    return s + "</svg>";
}

}  // namespace vgscan::html
