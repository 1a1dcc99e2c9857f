#pragma once
// Reading a BCF file back as a BCF tool would: the zip through GDAL's
// /vsizip/, each XML file with Qt's stream reader; and validating its files
// with xmllint against the schemas in tests/data/bcf.
#include "model/Model.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace vgscan::test::bcf {

// Two bedrooms off a corridor, a living room, a front door; no sanitary
// space and no staff post, so individual_sanitary fails on both bedrooms.
// Ids are IFC GlobalIds (as an imported model's are) or, with
// globalIds = false, plain ids (bed-w, bed-e, corridor, living).
//
//   y 6..12  living 3LivingRoom00000000004 (0..8)
//   y 4..6   corridor 2Corridor0000000000003 (0..8)
//   y 0..4   bedroom West 1BedroomWest0000000001 (0..4) | bedroom East 1BedroomEast0000000002 (4..8)
inline constexpr const char* kWest = "1BedroomWest0000000001";
inline constexpr const char* kEast = "1BedroomEast0000000002";
inline constexpr const char* kCorridor = "2Corridor0000000000003";
inline constexpr const char* kLiving = "3LivingRoom00000000004";
FloorPlan twoBedrooms(bool globalIds = true);

struct Topic {
    std::string folder, guid, topicType, topicStatus, title, priority, description;
    std::string ifcProject;  // the IfcProject attribute of the markup header's File
    std::vector<std::string> labels;
    std::string viewpointFile, markupViewpointGuid;  // as the markup names them
    std::string viewpointGuid;                        // as the .bcfv says
    std::vector<std::string> selected;                // IfcGuid of the selected components
    std::vector<std::string> authoringIds;            // AuthoringToolId of the selected components
    bool orthogonal = false;
    double cameraX = 0, cameraY = 0, cameraZ = 0;
};

struct Read {
    std::string version;  // VersionId of bcf.version
    bool hasExtensions = false;
    std::set<std::string> extensionValues;  // "Priority:High", "TopicLabel:sight_lines", ...
    std::map<std::string, Topic> topics;    // by folder name
    std::vector<std::string> files;         // every file in the zip
};

// Reads the BCF zip at `path`; fails the test when a file cannot be read.
Read readBcf(const std::string& path);

struct Validation {
    bool ok = false;
    std::size_t files = 0;  // files validated
    std::string output;  // what xmllint said
};

// Validates every XML file of the zip against tests/data/bcf/<version>/.
Validation validate(const std::string& path, const std::string& version);
// Validates one XML text against tests/data/bcf/<schema>.
Validation validateText(const std::string& xml, const std::string& schema);

}  // namespace vgscan::test::bcf
