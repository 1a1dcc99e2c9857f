#pragma once
// The regional choice shown with every scan: k cluster sites among the
// scan's convert_vg7 / cluster sites, nearest to the portfolio's demand along
// the roads (weighted p-median, proven optimal). `vgscan select` offers the
// other objectives, k, separation and extra candidates; the scan shows the
// default answer so the map can mark it.
#include "scan/Engine.h"

#include <QJsonObject>

#include <string>
#include <vector>

namespace vgscan {

class ContextIndex;

struct ScanSelection {
    bool made = false;
    std::string why;  // when not made: the reason, for people
    int k = 0;
    int candidates = 0;
    int demandPoints = 0;
    std::vector<std::string> chosen;  // site ids
    std::vector<std::string> servesNoDemand;  // chosen, but nearest to no demand (select::servingNoDemand)
    double value = 0;                 // weighted sum of costs (m x weight)
    double meanWeightedCost = 0;      // m
    bool optimal = false;
    std::string method;
    bool estimated = false;  // some costs are straight line x detour factor
    std::string costs;       // how costs were measured, for people
    struct RunnerUp {
        std::vector<std::string> sites;
        double value = 0;
    };
    std::vector<RunnerUp> runnersUp;
};

// The verdicts that make a site a VG7 cluster candidate as a message lists
// them: "fits_vg7, convert_vg7 or cluster" (from the rule set's
// clusters.verdicts, or ClusterParams' default, never spelled out apart).
std::string verdictsInWords(const std::vector<std::string>& verdicts);
std::string verdictsInWords(const std::vector<Verdict>& verdicts);

// k is capped at the number of candidates; the regional target is "2 a 3
// locaties" ([000]), so the scan uses 2 and `vgscan select --k 3` the rest.
ScanSelection selectForScan(const Portfolio& p, const std::vector<SiteAssessment>& sites, const ContextIndex& index,
                            int k = 2);

QJsonObject toJson(const ScanSelection& s);

}  // namespace vgscan
