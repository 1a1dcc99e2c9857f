#include "plan/PlanLocations.h"

#include "classify/Verdict.h"
#include "cluster/Clusters.h"
#include "i18n/Language.h"
#include "io/InputError.h"
#include "rules/RuleKit.h"
#include "select/PortfolioCosts.h"
#include "select/ScanSelection.h"

#include <QJsonArray>

#include <algorithm>
#include <map>
#include <set>

namespace vgscan::plan {

namespace {

std::string s(const QJsonValue& v) { return v.toString().toStdString(); }

std::optional<int> count(const QJsonValue& v) {
    if (!v.isDouble()) return std::nullopt;
    return static_cast<int>(v.toDouble());
}

bool isVg7Route(const std::string& verdict, const LocationRules& rules) {
    return std::find(rules.vg7Verdicts.begin(), rules.vg7Verdicts.end(), verdict) != rules.vg7Verdicts.end();
}

}  // namespace

std::vector<std::string> LocationRules::defaultVg7Verdicts() {
    std::vector<std::string> out;
    for (Verdict v : ClusterParams{}.verdicts) out.push_back(toString(v));
    return out;
}

void LocationRules::take(const ClusterParams& clusters) {
    vg7Verdicts.clear();
    for (Verdict v : clusters.verdicts) vg7Verdicts.push_back(toString(v));
    maxPlacesPerSite = clusters.maxPlacesPerSite;
    maxPlacesPerCluster = clusters.maxPlacesPerCluster;
}

std::vector<SiteFacts> factsFromScan(const std::vector<SiteAssessment>& sites) {
    std::vector<SiteFacts> out;
    for (const auto& a : sites) {
        SiteFacts f;
        f.id = a.site->id;
        f.name = a.site->name;
        f.verdict = toString(a.classification.verdict);
        f.places = a.site->places;
        if (a.bedrooms >= 0) f.bedrooms = a.bedrooms;
        for (const auto& r : a.results)
            if (r.entry->rule == "vg7_places" && r.result.value) f.vg7Places = static_cast<int>(*r.result.value);
        f.failed = a.failed;
        f.site = a.site;
        out.push_back(f);
    }
    return out;
}

std::vector<ClusterFacts> clustersFromScan(const ClusterResult& r) {
    std::vector<ClusterFacts> out;
    for (const auto& c : r.clusters) {
        ClusterFacts x{c.id, {}};
        for (const auto& site : c.sites) x.sites.push_back(site.id);
        out.push_back(x);
    }
    return out;
}

const std::vector<std::string>& scanJsonFields() {
    static const std::vector<std::string> fields = {
        "sites[].id",       "sites[].name",   "sites[].verdict",        "sites[].places",
        "sites[].bedrooms", "sites[].failed", "sites[].results[].rule", "sites[].results[].value",
        "clusters[].id",    "clusters[].sites[].id", "cluster_detection.parameters", "ruleset"};
    return fields;
}

std::vector<SiteFacts> factsFromScanJson(const QJsonObject& scan, const Portfolio& portfolio, const std::string& file) {
    std::map<std::string, const Site*> byId;
    for (const auto& site : portfolio.sites) byId[site.id] = &site;
    std::vector<SiteFacts> out;
    std::vector<InputIssue> wrong;
    for (const auto& v : scan["sites"].toArray()) {
        const QJsonObject o = v.toObject();
        SiteFacts f;
        f.id = s(o["id"]);
        const auto it = byId.find(f.id);
        if (it == byId.end())
            throw InputError(file, "site '" + f.id + "'",
                             "is not in the portfolio " + portfolio.source + " (a scan of another portfolio?)");
        f.site = it->second;
        f.name = s(o["name"]);
        f.verdict = s(o["verdict"]);
        // A verdict the plan does not know (edited by hand, another tool's
        // word) would drop the site from the candidates without a word.
        if (!parseVerdict(f.verdict))
            wrong.push_back({file, "site '" + f.id + "'",
                             (o.contains("verdict") ? "verdict '" + f.verdict + "'" : std::string("no verdict")) +
                                 ": not one of fits_vg7, convert_vg7, cluster, ambulant, keep, dispose, needs_data"});
        for (const char* figure : {"places", "bedrooms"})
            if (o.contains(figure) && !o[figure].isNull() && !o[figure].isDouble())
                wrong.push_back({file, "site '" + f.id + "'", std::string("'") + figure + "' is not a number"});
        f.places = count(o["places"]);
        f.bedrooms = count(o["bedrooms"]);
        f.failed = o["failed"].toBool();
        for (const auto& r : o["results"].toArray())
            if (s(r.toObject()["rule"]) == "vg7_places") f.vg7Places = count(r.toObject()["value"]);
        out.push_back(f);
    }
    if (!wrong.empty()) throw InputError(wrong);
    // A site added to the portfolio since the scan would be left out of the
    // plan without a word, and the plan still called optimal.
    std::set<std::string> scanned;
    for (const auto& f : out) scanned.insert(f.id);
    select::NamedIssues missing(file, "sites of the portfolio are not in this scan");
    for (const auto& site : portfolio.sites)
        if (!scanned.count(site.id))
            missing.add([&] {
                return InputIssue{file, "site '" + site.id + "'",
                                  "is in the portfolio " + portfolio.source +
                                      " but not in this scan (the portfolio changed since the scan?): scan it again, "
                                      "or plan without --scan"};
            });
    missing.throwIfAny();
    return out;
}

std::vector<ClusterFacts> clustersFromScanJson(const QJsonObject& scan) {
    std::vector<ClusterFacts> out;
    for (const auto& c : scan["clusters"].toArray()) {
        ClusterFacts x{s(c.toObject()["id"]), {}};
        for (const auto& site : c.toObject()["sites"].toArray()) x.sites.push_back(s(site.toObject()["id"]));
        out.push_back(x);
    }
    return out;
}

void rulesFromScanJson(const QJsonObject& scan, LocationRules& rules) {
    const QJsonObject params = scan["cluster_detection"].toObject()["parameters"].toObject();
    if (const auto v = count(params["max_places_per_site"].toObject()["value"])) rules.maxPlacesPerSite = *v;
    if (const auto v = count(params["max_places_per_cluster"].toObject()["value"])) rules.maxPlacesPerCluster = *v;
    if (params["verdicts"].toObject()["value"].isArray()) {
        rules.vg7Verdicts.clear();
        for (const auto& v : params["verdicts"].toObject()["value"].toArray()) rules.vg7Verdicts.push_back(s(v));
    }
}

std::string noCandidates(Kind kind, const std::vector<SiteFacts>& facts, const std::string& ruleset,
                         const LocationRules& rules) {
    std::map<std::string, int> verdicts;
    for (const auto& f : facts) ++verdicts[f.failed ? "failed" : f.verdict];
    std::string counts;
    for (const auto& [verdict, n] : verdicts) counts += (counts.empty() ? "" : ", ") + verdict + " " + std::to_string(n);
    std::string text = std::string("no ") + toString(kind) + " candidate location: the scan (rule set " + ruleset +
                       ") classified no site " + (kind == VG7 ? verdictsInWords(rules.vg7Verdicts) : "ambulant") +
                       " (" + (counts.empty() ? "no sites" : counts) + ")";
    // The ambulant rule set judges ambulant living only; needs_data sites
    // lack a layer or figure that the scan's report names.
    // A rule set that narrowed its clusters' verdicts leaves out sites of the others.
    if (kind == VG7 && rules.vg7Verdicts != LocationRules::defaultVg7Verdicts())
        text += "; the rule set's clusters.verdicts names the VG7 verdicts";
    if (kind == VG7 && ruleset == "ambulant")
        text += "; the ambulant rule set gives no VG7 verdicts: plan from a scan with the vg7 rule set";
    else if (verdicts.count("needs_data"))
        text += "; the report says which data the needs_data sites lack";
    return text;
}

int vg7Places(const SiteFacts& f, const LocationRules& rules, const char*& how) {
    if (f.failed || !isVg7Route(f.verdict, rules)) return 0;
    if (f.verdict == "fits_vg7") {
        // A VG7 design as built: its VG7 places, else its bedrooms, else its places.
        const std::optional<int> n = f.vg7Places ? f.vg7Places : f.bedrooms ? f.bedrooms : f.places;
        how = QT_TRANSLATE_NOOP("plan", "as built");
        return n.value_or(0);
    }
    if (f.verdict == "convert_vg7") {
        how = QT_TRANSLATE_NOOP("plan", "after conversion (vg7_places)");
        return f.vg7Places.value_or(0);
    }
    if (f.verdict == "cluster") {
        how = QT_TRANSLATE_NOOP("plan", "new build: one group on the free plot (expansion_room)");
        return rules.newGroupPlaces;
    }
    return 0;
}

int ambulantPlaces(const SiteFacts& f, const char*& how) {
    if (f.failed || f.verdict != "ambulant") return 0;
    how = f.places ? QT_TRANSLATE_NOOP("plan", "current places") : QT_TRANSLATE_NOOP("plan", "bedrooms in the plan");
    return f.places ? *f.places : f.bedrooms.value_or(0);
}

std::string basisText(const std::vector<PlacesBasis>& basis, bool translated) {
    std::string out;
    for (const auto& b : basis) {
        const std::string how = translated ? i18n::tx("plan", b.how) : std::string(b.how);
        out += (out.empty() ? "" : "; ") + (b.site.empty() ? how : b.site + " " + std::to_string(b.places) + " " + how);
    }
    return out;
}

CandidateLocations candidateLocations(const std::vector<SiteFacts>& facts, const std::vector<ClusterFacts>& clusters,
                                      const LocationRules& rules) {
    CandidateLocations out;
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < facts.size(); ++i) index[facts[i].id] = i;
    std::vector<bool> placed(facts.size(), false);
    for (const auto& c : clusters) {
        Location l;
        l.id = c.id;
        std::vector<std::size_t> members;
        for (const auto& id : c.sites) {
            const auto it = index.find(id);
            if (it == index.end()) continue;
            const SiteFacts& f = facts[it->second];
            const char* how = "";
            const int n = vg7Places(f, rules, how);
            if (n <= 0) continue;
            members.push_back(it->second);
            l.sites.push_back(f.id);
            l.name += (l.name.empty() ? "" : " / ") + f.name;
            l.uncapped[VG7] += n;
            l.places[VG7] += std::min(n, rules.maxPlacesPerSite);
            l.basis[VG7].push_back({f.id, n, how});
        }
        if (members.empty()) continue;
        l.places[VG7] = std::min(l.places[VG7], rules.maxPlacesPerCluster);
        for (auto m : members) placed[m] = true;
        out.locations.push_back(l);
        out.members.push_back(members);
    }
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t i = 0; i < facts.size(); ++i) {
            const SiteFacts& f = facts[i];
            if (placed[i]) continue;
            Location l;
            l.id = f.id;
            l.name = f.name;
            l.sites = {f.id};
            const char* how = "";
            if (pass == 0) {
                const int n = vg7Places(f, rules, how);
                if (n <= 0) {
                    if (isVg7Route(f.verdict, rules) && !f.failed)
                        out.notes.push_back(
                            kit::say(QT_TRANSLATE_NOOP("rules", "%1 (%2): no VG7 places known, left out"), f.id, f.verdict));
                    continue;
                }
                l.uncapped[VG7] = n;
                l.places[VG7] = std::min(n, rules.maxPlacesPerSite);
                l.basis[VG7] = {{"", n, how}};
            } else {
                const int n = ambulantPlaces(f, how);
                if (n <= 0) {
                    if (f.verdict == "ambulant" && !f.failed) out.notes.push_back(kit::say(QT_TRANSLATE_NOOP("rules", "%1 (ambulant): no places known, left out"), f.id));
                    continue;
                }
                l.places[Ambulant] = l.uncapped[Ambulant] = n;
                l.basis[Ambulant] = {{"", n, how}};
            }
            placed[i] = true;
            out.locations.push_back(l);
            out.members.push_back({i});
        }
    return out;
}

}  // namespace vgscan::plan
