#pragma once
// Plans as people have them: CAD drawings (DXF) and BIM models (IFC) turned
// into the native model, so the rules never know where a plan came from.
// Each importer reports what it recognised and what it could not map, with
// the source's own object ids (DXF handle, IFC GlobalId), so the user can
// fix the drawing or the mapping in their own tool.
#include "io/InputError.h"
#include "model/Model.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vgscan {

struct ImportOptions {
    // A user mapping file extending the built-in room-name table (see
    // UseMapping.h); empty: the built-in table only.
    std::string mappingFile;
    // DXF: layers that hold rooms / doors; empty: the default Dutch and
    // English layer names.
    std::vector<std::string> roomLayers;
    std::vector<std::string> doorLayers;
};

struct ImportReport {
    std::string format;  // "DXF" or "IFC2X3"/"IFC4"
    std::string units;   // the source's length unit, as read (e.g. "millimetres")
    int rooms = 0;       // spaces written to the plan
    int doors = 0;       // openings written to the plan
    double floorArea = 0.0;  // m², sum of the imported spaces
    std::vector<InputIssue> notes;  // what could not be mapped (warnings) and why
    std::map<std::string, int> counts;  // further tallies, e.g. {"rooms without use", 2}
};

// True when the file is read by an importer rather than the native reader.
bool isImportedFormat(const std::string& path);

// Reads a DXF or IFC file into a plan (not yet validated); throws InputError
// naming the file when it cannot be read at all.
FloorPlan importPlan(const std::string& path, const ImportOptions& options, ImportReport& report);

// The importers behind importPlan (io/DxfImport.cpp, io/IfcImport.cpp).
FloorPlan importDxf(const std::string& path, const ImportOptions& options, ImportReport& report);
FloorPlan importIfc(const std::string& path, const ImportOptions& options, ImportReport& report);

// The floor level (metres, the model's own height) of each storey of an IFC
// model, by the storey index importIfc gives its rooms; for placing 3D views
// of the plan (BCF viewpoints). Reads the file again: the plan model keeps
// storeys as indices only. Throws InputError as importIfc does.
std::map<int, double> ifcStoreyLevels(const std::string& path);
// The GlobalId of an IFC model's IfcProject (empty when it has none); for
// the BCF markup's header, which names the model a topic belongs to. Reads
// the file again, as ifcStoreyLevels does; throws InputError as importIfc does.
std::string ifcProjectGlobalId(const std::string& path);

}  // namespace vgscan
