#include "BcfTestKit.h"

#include "TestKit.h"

#include <catch2/catch_test_macros.hpp>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QXmlStreamReader>

#include <cpl_string.h>
#include <cpl_vsi.h>

namespace vgscan::test::bcf {

namespace {

std::string readZipped(const std::string& zip, const std::string& name) {
    const std::string path = "/vsizip/{" + zip + "}/" + name;  // braces: any extension
    VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
    REQUIRE(f != nullptr);
    std::string text;
    char buf[8192];
    std::size_t n;
    while ((n = VSIFReadL(buf, 1, sizeof buf, f)) > 0) text.append(buf, n);
    VSIFCloseL(f);
    return text;
}

std::vector<std::string> listZip(const std::string& zip) {
    std::vector<std::string> out;
    char** entries = VSIReadDirRecursive(("/vsizip/{" + zip + "}").c_str());
    REQUIRE(entries != nullptr);
    for (char** e = entries; *e; ++e) out.emplace_back(*e);
    CSLDestroy(entries);
    return out;
}

std::string attr(const QXmlStreamReader& x, const char* name) {
    return x.attributes().value(QLatin1String(name)).toString().toStdString();
}

void readMarkup(const std::string& text, Topic& t) {
    QXmlStreamReader x(QByteArray::fromStdString(text));
    std::vector<std::string> path;
    std::string labelText;
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement()) {
            const std::string name = x.name().toString().toStdString();
            const std::string parent = path.empty() ? "" : path.back();
            path.push_back(name);
            if (name == "File" && (parent == "Header" || parent == "Files")) {
                t.ifcProject = attr(x, "IfcProject");
            } else if (name == "Topic") {
                t.guid = attr(x, "Guid");
                t.topicType = attr(x, "TopicType");
                t.topicStatus = attr(x, "TopicStatus");
            } else if (parent == "Topic" && name == "Title") {
                t.title = x.readElementText().toStdString();
                path.pop_back();
            } else if (parent == "Topic" && name == "Priority") {
                t.priority = x.readElementText().toStdString();
                path.pop_back();
            } else if (parent == "Topic" && name == "Description") {
                t.description = x.readElementText().toStdString();
                path.pop_back();
            } else if (parent == "Labels" && name == "Label") {  // 3.0
                t.labels.push_back(x.readElementText().toStdString());
                path.pop_back();
            } else if (parent == "Topic" && name == "Labels") {
                labelText.clear();
            } else if (name == "ViewPoint" || (name == "Viewpoints" && parent == "Markup")) {
                t.markupViewpointGuid = attr(x, "Guid");  // 3.0 ViewPoint, 2.1 Viewpoints
            } else if (name == "Viewpoint" && (parent == "ViewPoint" || parent == "Viewpoints")) {
                t.viewpointFile = x.readElementText().toStdString();
                path.pop_back();
            }
        } else if (x.isCharacters() && !path.empty() && path.back() == "Labels") {
            labelText += x.text().toString().trimmed().toStdString();
        } else if (x.isEndElement()) {
            // 2.1: one <Labels> element per label, the label its text
            if (path.back() == "Labels" && !labelText.empty()) t.labels.push_back(labelText);
            labelText.clear();
            path.pop_back();
        }
    }
    REQUIRE_FALSE(x.hasError());
}

void readViewpoint(const std::string& text, Topic& t) {
    QXmlStreamReader x(QByteArray::fromStdString(text));
    std::vector<std::string> path;
    auto number = [&] { return x.readElementText().toDouble(); };
    while (!x.atEnd()) {
        x.readNext();
        if (x.isStartElement()) {
            const std::string name = x.name().toString().toStdString();
            const std::string parent = path.empty() ? "" : path.back();
            path.push_back(name);
            if (name == "VisualizationInfo") t.viewpointGuid = attr(x, "Guid");
            if (name == "OrthogonalCamera") t.orthogonal = true;
            if (name == "Component" && parent == "Selection") {
                const std::string g = attr(x, "IfcGuid");
                if (!g.empty()) t.selected.push_back(g);
            }
            if (name == "AuthoringToolId" && path.size() >= 3 && path[path.size() - 3] == "Selection") {
                t.authoringIds.push_back(x.readElementText().toStdString());
                path.pop_back();
            }
            if (parent == "CameraViewPoint") {
                double& v = name == "X" ? t.cameraX : name == "Y" ? t.cameraY : t.cameraZ;
                v = number();
                path.pop_back();
            }
        } else if (x.isEndElement()) {
            path.pop_back();
        }
    }
    REQUIRE_FALSE(x.hasError());
}

Validation runXmllint(const std::string& schema, const QStringList& files) {
    Validation v;
    REQUIRE(QFile::exists("/usr/bin/xmllint"));  // libxml2-utils, installed by scripts/setup
    QProcess p;
    QStringList args{"--noout", "--schema", QString::fromStdString(sourcePath("tests/data/bcf/" + schema))};
    args += files;
    p.start("/usr/bin/xmllint", args);
    REQUIRE(p.waitForFinished(60000));
    v.ok = p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    v.files = static_cast<std::size_t>(files.size());
    v.output = (p.readAllStandardOutput() + p.readAllStandardError()).toStdString();
    return v;
}

}  // namespace

FloorPlan twoBedrooms(bool globalIds) {
    auto id = [&](const char* gid, const char* plain) { return std::string(globalIds ? gid : plain); };
    FloorPlan plan;
    plan.name = "two-bedrooms";
    Space west = rect(id(kWest, "bed-w"), SpaceUse::Bedroom, 0, 0, 4, 4);
    west.name = "Bedroom West";
    Space east = rect(id(kEast, "bed-e"), SpaceUse::Bedroom, 4, 0, 8, 4);
    east.name = "Bedroom East";
    Space corridor = rect(id(kCorridor, "corridor"), SpaceUse::Corridor, 0, 4, 8, 6);
    corridor.name = "Corridor";
    Space living = rect(id(kLiving, "living"), SpaceUse::Living, 0, 6, 8, 12);
    living.name = "Living";
    plan.spaces = {west, east, corridor, living};
    plan.openings = {
        door(id("0DoorWest000000000000a", "d-w"), west.id, corridor.id, 1, 4, 2, 4),
        door(id("0DoorEast000000000000b", "d-e"), east.id, corridor.id, 6, 4, 7, 4),
        door(id("0DoorLiving0000000000c", "d-l"), corridor.id, living.id, 3, 6, 4, 6),
        door(id("0DoorOut0000000000000d", "d-o"), living.id, kOutside, 3, 12, 4, 12),
    };
    for (auto& o : plan.openings) o.width = 1.0;
    return plan;
}

Read readBcf(const std::string& path) {
    Read r;
    r.files = listZip(path);
    for (const auto& name : r.files) {
        if (name == "bcf.version") {
            QXmlStreamReader x(QByteArray::fromStdString(readZipped(path, name)));
            while (!x.atEnd())
                if (x.readNext() == QXmlStreamReader::StartElement && x.name() == QLatin1String("Version"))
                    r.version = attr(x, "VersionId");
        } else if (name == "extensions.xml") {
            r.hasExtensions = true;
            QXmlStreamReader x(QByteArray::fromStdString(readZipped(path, name)));
            while (!x.atEnd())
                if (x.readNext() == QXmlStreamReader::StartElement) {
                    const QString n = x.name().toString();
                    if (n == "TopicType" || n == "TopicStatus" || n == "Priority" || n == "TopicLabel" || n == "User")
                        r.extensionValues.insert(n.toStdString() + ":" + x.readElementText().toStdString());
                }
        }
        const auto slash = name.find('/');
        if (slash == std::string::npos || slash + 1 == name.size()) continue;
        Topic& t = r.topics[name.substr(0, slash)];
        t.folder = name.substr(0, slash);
        const std::string file = name.substr(slash + 1);
        if (file == "markup.bcf") readMarkup(readZipped(path, name), t);
        else if (file.size() > 5 && file.substr(file.size() - 5) == ".bcfv") readViewpoint(readZipped(path, name), t);
    }
    return r;
}

Validation validate(const std::string& path, const std::string& version) {
    QTemporaryDir dir;
    std::map<std::string, QStringList> bySchema;
    int k = 0;
    for (const auto& name : listZip(path)) {
        if (!name.empty() && name.back() == '/') continue;  // folder entries
        std::string schema;
        if (name == "bcf.version") schema = "version.xsd";
        else if (name == "extensions.xml") schema = "extensions.xsd";
        else if (name == "project.bcfp") schema = "project.xsd";
        else if (name.size() > 4 && name.substr(name.size() - 4) == ".bcf") schema = "markup.xsd";
        else if (name.size() > 5 && name.substr(name.size() - 5) == ".bcfv") schema = "visinfo.xsd";
        else FAIL("unexpected file in the BCF zip: " << name);
        const QString local = dir.filePath(QString::number(k++) + "-" + QString::fromStdString(name).replace('/', '_'));
        QFile f(local);
        REQUIRE(f.open(QIODevice::WriteOnly));
        f.write(QByteArray::fromStdString(readZipped(path, name)));
        f.close();
        bySchema[version + "/" + schema] << local;
    }
    Validation all;
    all.ok = true;
    for (const auto& [schema, files] : bySchema) {
        const Validation v = runXmllint(schema, files);
        all.ok = all.ok && v.ok;
        all.files += v.files;
        all.output += v.output;
    }
    return all;
}

Validation validateText(const std::string& xml, const std::string& schema) {
    QTemporaryDir dir;
    const QString local = dir.filePath("file.xml");
    QFile f(local);
    REQUIRE(f.open(QIODevice::WriteOnly));
    f.write(QByteArray::fromStdString(xml));
    f.close();
    return runXmllint(schema, {local});
}

}  // namespace vgscan::test::bcf
