#include "io/UseMapping.h"

#include "io/InputError.h"

#include <QFile>
#include <QString>
#include <QStringList>
#include <QTextStream>

#include <algorithm>

namespace vgscan {

namespace {

// Built-in names, Dutch first (NEN 2580 drawings), then English. Compounds
// need no entry of their own when they end in a listed word ("ouderslaapkamer").
const std::vector<std::pair<const char*, SpaceUse>>& builtIn() {
    static const std::vector<std::pair<const char*, SpaceUse>> table = {
        {"slaapkamer", SpaceUse::Bedroom}, {"slpk", SpaceUse::Bedroom}, {"slaapk", SpaceUse::Bedroom},
        {"clientkamer", SpaceUse::Bedroom}, {"cliëntkamer", SpaceUse::Bedroom}, {"bewonerskamer", SpaceUse::Bedroom},
        {"studio", SpaceUse::Bedroom}, {"bedroom", SpaceUse::Bedroom}, {"bed room", SpaceUse::Bedroom},
        {"badkamer", SpaceUse::Bathroom}, {"badk", SpaceUse::Bathroom}, {"natte cel", SpaceUse::Bathroom},
        {"sanitair", SpaceUse::Bathroom}, {"bathroom", SpaceUse::Bathroom}, {"en suite", SpaceUse::Bathroom},
        {"ensuite", SpaceUse::Bathroom},
        {"toilet", SpaceUse::Wc}, {"wc", SpaceUse::Wc}, {"lavatory", SpaceUse::Wc}, {"restroom", SpaceUse::Wc},
        {"douche", SpaceUse::Shower}, {"shower", SpaceUse::Shower},
        {"woonkamer", SpaceUse::Living}, {"woonk", SpaceUse::Living}, {"huiskamer", SpaceUse::Living},
        {"zitkamer", SpaceUse::Living}, {"woonruimte", SpaceUse::Living}, {"dagverblijf", SpaceUse::Living},
        {"living", SpaceUse::Living}, {"living room", SpaceUse::Living}, {"lounge", SpaceUse::Living},
        {"eetkamer", SpaceUse::Dining}, {"eethoek", SpaceUse::Dining}, {"dining", SpaceUse::Dining},
        {"keuken", SpaceUse::Kitchen}, {"pantry", SpaceUse::Kitchen}, {"kitchen", SpaceUse::Kitchen},
        {"kitchenette", SpaceUse::Kitchen},
        {"gang", SpaceUse::Corridor}, {"overloop", SpaceUse::Corridor}, {"verkeersruimte", SpaceUse::Corridor},
        {"corridor", SpaceUse::Corridor}, {"hallway", SpaceUse::Corridor}, {"landing", SpaceUse::Corridor},
        {"hal", SpaceUse::Hall}, {"hall", SpaceUse::Hall}, {"lobby", SpaceUse::Hall}, {"foyer", SpaceUse::Hall},
        {"entree", SpaceUse::Entrance}, {"ingang", SpaceUse::Entrance}, {"portaal", SpaceUse::Entrance},
        {"vestibule", SpaceUse::Entrance}, {"entrance", SpaceUse::Entrance},
        {"personeelsruimte", SpaceUse::Staff}, {"personeel", SpaceUse::Staff}, {"teampost", SpaceUse::Staff},
        {"teamruimte", SpaceUse::Staff}, {"slaapdienst", SpaceUse::Staff}, {"nachtdienst", SpaceUse::Staff},
        {"staff", SpaceUse::Staff}, {"staff room", SpaceUse::Staff},
        {"kantoor", SpaceUse::Office}, {"spreekkamer", SpaceUse::Office}, {"office", SpaceUse::Office},
        {"behandelkamer", SpaceUse::Treatment}, {"behandelruimte", SpaceUse::Treatment},
        {"therapie", SpaceUse::Treatment}, {"fysio", SpaceUse::Treatment}, {"treatment", SpaceUse::Treatment},
        {"therapy", SpaceUse::Treatment},
        {"activiteitenruimte", SpaceUse::Activity}, {"activiteiten", SpaceUse::Activity},
        {"dagbesteding", SpaceUse::Activity}, {"hobbyruimte", SpaceUse::Activity}, {"activity", SpaceUse::Activity},
        {"stilteruimte", SpaceUse::Quiet}, {"prikkelarme ruimte", SpaceUse::Quiet}, {"prikkelarm", SpaceUse::Quiet},
        {"snoezelruimte", SpaceUse::Quiet}, {"time out", SpaceUse::Quiet}, {"quiet", SpaceUse::Quiet},
        {"quiet room", SpaceUse::Quiet},
        {"separeer", SpaceUse::Seclusion}, {"separeerruimte", SpaceUse::Seclusion},
        {"afzonderingsruimte", SpaceUse::Seclusion}, {"seclusion", SpaceUse::Seclusion},
        {"berging", SpaceUse::Storage}, {"opslag", SpaceUse::Storage}, {"magazijn", SpaceUse::Storage},
        {"linnenkamer", SpaceUse::Storage}, {"archief", SpaceUse::Storage}, {"storage", SpaceUse::Storage},
        {"store", SpaceUse::Storage},
        {"technische ruimte", SpaceUse::Technical}, {"meterkast", SpaceUse::Technical},
        {"installatieruimte", SpaceUse::Technical}, {"ketelruimte", SpaceUse::Technical},
        {"schacht", SpaceUse::Technical}, {"technical", SpaceUse::Technical}, {"plant room", SpaceUse::Technical},
        {"wasruimte", SpaceUse::Laundry}, {"washok", SpaceUse::Laundry}, {"wasserette", SpaceUse::Laundry},
        // A utility room (bijkeuken) in a dwelling is where the washing is done.
        {"laundry", SpaceUse::Laundry}, {"utility", SpaceUse::Laundry}, {"bijkeuken", SpaceUse::Laundry},
        {"trappenhuis", SpaceUse::Stair}, {"trap", SpaceUse::Stair}, {"stair", SpaceUse::Stair},
        {"stairs", SpaceUse::Stair}, {"staircase", SpaceUse::Stair}, {"stairwell", SpaceUse::Stair},
        {"lift", SpaceUse::Lift}, {"elevator", SpaceUse::Lift},
        {"tuin", SpaceUse::Outdoor}, {"terras", SpaceUse::Outdoor}, {"balkon", SpaceUse::Outdoor},
        {"buitenruimte", SpaceUse::Outdoor}, {"loggia", SpaceUse::Outdoor}, {"patio", SpaceUse::Outdoor},
        {"garden", SpaceUse::Outdoor}, {"terrace", SpaceUse::Outdoor}, {"balcony", SpaceUse::Outdoor},
        {"outdoor", SpaceUse::Outdoor},
        // Russian, as in Renga and other exports from Russian-speaking
        // offices; "комната" (a habitable room) is a private room in a dwelling.
        {"комната", SpaceUse::Bedroom}, {"спальня", SpaceUse::Bedroom}, {"гостиная", SpaceUse::Living},
        {"кухня", SpaceUse::Kitchen}, {"столовая", SpaceUse::Dining}, {"санузел", SpaceUse::Bathroom},
        {"с у", SpaceUse::Bathroom}, {"ванная", SpaceUse::Bathroom}, {"туалет", SpaceUse::Wc},
        {"уборная", SpaceUse::Wc}, {"душевая", SpaceUse::Shower}, {"коридор", SpaceUse::Corridor},
        {"холл", SpaceUse::Hall}, {"прихожая", SpaceUse::Entrance}, {"тамбур", SpaceUse::Entrance},
        {"вестибюль", SpaceUse::Entrance}, {"кабинет", SpaceUse::Office}, {"кладовая", SpaceUse::Storage},
        {"котельная", SpaceUse::Technical}, {"прачечная", SpaceUse::Laundry}, {"постирочная", SpaceUse::Laundry},
        {"лестница", SpaceUse::Stair}, {"лифт", SpaceUse::Lift}, {"балкон", SpaceUse::Outdoor},
        {"терраса", SpaceUse::Outdoor}, {"лоджия", SpaceUse::Outdoor},
    };
    return table;
}

// Compound-word matching (an entry inside a longer word) only for entries
// long enough not to hit by accident: "gang" in "ingang" must not count, so
// short entries match whole words only.
constexpr int kMinInWord = 5;

bool matches(const QString& label, const QString& entry) {
    if (label == entry) return true;
    const QStringList words = label.split(' ', Qt::SkipEmptyParts);
    if (entry.contains(' ')) return (' ' + label + ' ').contains(' ' + entry + ' ');
    for (const auto& w : words) {
        if (w == entry) return true;
        if (entry.size() >= kMinInWord && w.contains(entry)) return true;
    }
    return false;
}

}  // namespace

std::string UseMapping::normalise(const std::string& label) {
    QString s = QString::fromUtf8(label).toLower();
    for (auto& c : s)
        if (!c.isLetter()) c = ' ';
    return s.simplified().toStdString();
}

UseMapping::UseMapping() {
    for (const auto& [name, use] : builtIn()) entries_.emplace_back(normalise(name), use);
    // Longer entries first, so "woonkeuken"-like compounds take their most
    // specific match and "ingang" wins over "gang".
    std::stable_sort(entries_.begin(), entries_.end(), [](const auto& a, const auto& b) {
        return QString::fromStdString(a.first).size() > QString::fromStdString(b.first).size();
    });
}

void UseMapping::add(const std::string& name, SpaceUse use) {
    // User entries go first and so win over the built-in table.
    entries_.insert(entries_.begin(), {normalise(name), use});
}

void UseMapping::addFile(const std::string& path) {
    QFile f(QString::fromStdString(path));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) throw InputError(path, "", "cannot open the mapping file");
    QTextStream in(&f);
    int lineNo = 0;
    std::vector<std::pair<std::string, SpaceUse>> read;
    while (!in.atEnd()) {
        ++lineNo;
        QString line = in.readLine();
        if (const auto hash = line.indexOf('#'); hash >= 0) line.truncate(hash);
        if (line.trimmed().isEmpty()) continue;
        const auto eq = line.indexOf('=');
        const std::string where = "line " + std::to_string(lineNo);
        if (eq < 0) throw InputError(path, where, "expected 'name = use'");
        const std::string name = line.left(eq).trimmed().toStdString();
        const std::string word = line.mid(eq + 1).trimmed().toStdString();
        const auto use = parseSpaceUse(word);
        if (!use) throw InputError(path, where, "unknown use '" + word + "'");
        if (normalise(name).empty()) throw InputError(path, where, "the name has no letters");
        read.emplace_back(name, *use);
    }
    // Later lines win: insert in file order, each in front.
    for (const auto& [name, use] : read) add(name, use);
}

std::optional<SpaceUse> UseMapping::find(const std::string& label) const {
    const QString l = QString::fromStdString(normalise(label));
    if (l.isEmpty()) return std::nullopt;
    for (const auto& [entry, use] : entries_)
        if (matches(l, QString::fromStdString(entry))) return use;
    return std::nullopt;
}

}  // namespace vgscan
