#pragma once
// Findings back into the BIM tool: a BCF file (BIM Collaboration Format,
// buildingSMART) with one topic per finding of a failing rule, so that
// BIMcollab, Solibri or BlenderBIM open each one on its room or door.
//
// Layout of the zip (BCF 3.0; 2.1 in brackets):
//   bcf.version                 the format version
//   extensions.xml              the topic types, statuses, priorities and labels used (3.0 only)
//   project.bcfp                the project: the plan's name (3.0 only)
//   <topic guid>/markup.bcf     title, rule, expected vs observed, priority, labels
//   <topic guid>/viewpoint.bcfv a camera looking down on the spot, the element selected
// GUIDs are name-based (UUID v5 of plan name, rule key, object and its
// occurrence), so a second run on the same plan gives the same file and a
// BCF tool updates its topics instead of adding copies.
#include "scan/Engine.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vgscan {

enum class BcfVersion { V2_1, V3_0 };
const char* toString(BcfVersion v);  // "2.1", "3.0"

struct BcfOptions {
    BcfVersion version = BcfVersion::V3_0;
    std::string author = "vgscan";
    // CreationDate of the topics (ISO 8601, UTC). Empty: SOURCE_DATE_EPOCH
    // when set, else the plan file's modification time, so that two runs on
    // the same plan give the same bytes.
    std::string date;
    // Floor level (m) of each storey index, to place the cameras. Empty: read
    // from the plan's IFC model (IfcBuildingStorey elevations) when it is
    // one, else storeys 3 m apart (an assumption).
    std::map<int, double> storeyLevels;
};

// A component of the model a topic is about (a space, a door, a staff post).
struct BcfComponent {
    std::string id;         // the plan's id
    std::string ifcGuid;    // the IFC GlobalId when the id is one, else empty
    std::string type;       // "space", "opening", "staff_post"
};

struct BcfCamera {
    double x = 0, y = 0, z = 0;   // the camera, above the spot (plan metres)
    double floorZ = 0;            // the storey's floor level
    double viewHeight = 10;       // metres of plan seen from top to bottom
    double aspect = 1.6;          // width / height of the view
    double cutZ = 0;              // clipping plane: everything above is hidden (a plan section)
};

struct BcfTopic {
    std::string guid;
    std::string viewpointGuid;
    std::string ruleKey;      // rule-set key
    std::string ruleId;       // plugin id
    std::string status;       // fail | warn
    std::string severity;     // gate | score | info
    std::string priority;     // High | Normal | Low
    std::string type = "Issue";  // Issue; Remark for a suggestion (a best staff post), which is no defect
    std::string title;
    std::string description;
    std::vector<std::string> labels;
    std::vector<BcfComponent> components;
    BcfCamera camera;
    int storey = 0;
};

// True for a 22-character IFC GlobalId (base-64 alphabet 0-9 A-Z a-z _ $,
// first character 0-3: 128 bits).
bool isIfcGlobalId(const std::string& s);

// One topic per finding of each failing (fail or warn) building rule, in
// rule-set order; a failing rule without findings gets one topic about the
// building. Gates of other routes than the profile checked (CheckProfile.h)
// give none.
std::vector<BcfTopic> bcfTopics(const FloorPlan& plan, const BuildingAssessment& a, const RuleSet& rs,
                                const BcfOptions& options = {});

// Writes the BCF zip to `path` (temporary name + rename); returns the number
// of topics. Throws std::runtime_error naming `path` when it cannot be written.
std::size_t writeBcf(const std::string& path, const FloorPlan& plan, const BuildingAssessment& a, const RuleSet& rs,
                     const BcfOptions& options = {});

// The files of the zip by name, in the order written (for tests and writeBcf).
struct BcfFile {
    std::string name;
    std::string text;
};
std::vector<BcfFile> bcfFiles(const FloorPlan& plan, const BuildingAssessment& a, const RuleSet& rs,
                              const BcfOptions& options = {});

}  // namespace vgscan
