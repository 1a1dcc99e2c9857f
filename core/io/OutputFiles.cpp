#include "io/OutputFiles.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <atomic>
#include <chrono>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <random>
#include <shared_mutex>
#include <thread>

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vgscan {

namespace fs = std::filesystem;

namespace {

// --- temporary files being written, for the signal handler --------------------

constexpr int kSlots = 32;
constexpr std::size_t kPathMax = 4096;
char gTempPath[kSlots][kPathMax];
std::atomic<int> gSlotState[kSlots];  // 0 free, 1 being filled, 2 live

int registerTemp(const std::string& path) {
    if (path.size() + 16 >= kPathMax) return -1;  // too long to clean up on a signal; still written safely
    for (int i = 0; i < kSlots; ++i) {
        int expected = 0;
        if (gSlotState[i].compare_exchange_strong(expected, 1)) {
            std::memcpy(gTempPath[i], path.c_str(), path.size() + 1);
            gSlotState[i].store(2);
            return i;
        }
    }
    return -1;
}

void unregisterTemp(int slot) {
    if (slot >= 0) gSlotState[slot].store(0);
}

// --- ending on a signal ----------------------------------------------------------
//
// Writers in several threads each hold gWriteMutex shared from before their
// temporary file exists until it is renamed or removed. SIGINT, SIGTERM and
// SIGHUP are taken by one thread (sigwait): it sets gDying, so no writer
// starts a new file, takes the mutex exclusively, so every file being written
// is finished or removed, and only then ends the process. A handler that
// unlinked the registered files instead raced the other threads: one could
// create its file just after the handler looked (seen in CI as a
// ".report.tmp-..." left after SIGTERM).

std::shared_timed_mutex gWriteMutex;
std::atomic<bool> gDying{false};

// Shared hold of gWriteMutex for one file; once the process is ending, no new
// file is begun: the thread waits here for the end.
class WriteGuard {
public:
    WriteGuard() : lock_(gWriteMutex) {
        if (!gDying.load()) return;
        lock_.unlock();
        for (;;) ::pause();
    }

private:
    std::shared_lock<std::shared_timed_mutex> lock_;
};

void unlinkRegistered() {
    for (int i = 0; i < kSlots; ++i) {
        if (gSlotState[i].load() != 2) continue;
        ::unlink(gTempPath[i]);
        char journal[kPathMax + 16];  // SQLite's rollback journal beside a GeoPackage
        const std::size_t n = std::strlen(gTempPath[i]);
        std::memcpy(journal, gTempPath[i], n);
        std::memcpy(journal + n, "-journal", 9);
        ::unlink(journal);
    }
}

void endOnSignal(sigset_t set) {
    int sig = 0;
    while (::sigwait(&set, &sig) != 0) {
    }
    gDying.store(true);
    std::unique_lock<std::shared_timed_mutex> lock(gWriteMutex, std::defer_lock);
    // A large GeoPackage can take seconds to finish: say why nothing happens yet.
    if (!lock.try_lock_for(std::chrono::milliseconds(300))) {
        static const char kWait[] = "vgscan: stopping once the file being written is finished\n";
        [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, kWait, sizeof kWait - 1);
        lock.lock();
    }
    unlinkRegistered();  // none is left by a writer; kept for a writer that could not clean up
    std::signal(sig, SIG_DFL);
    sigset_t one;
    sigemptyset(&one);
    sigaddset(&one, sig);
    pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
    std::raise(sig);
    std::_Exit(128 + sig);
}

// For a thread that does not block the signals (one started before
// removeTemporaryFilesOnSignal): removes what is registered, then ends.
extern "C" void removeTempsAndReraise(int sig) {
    unlinkRegistered();
    std::signal(sig, SIG_DFL);
    std::raise(sig);
}

// --- names ------------------------------------------------------------------------

std::string errnoText() { return std::strerror(errno); }

// ".NAME.tmp-<pid>-<random>.EXT" beside the target: hidden, unguessable, and
// with the target's extension (GDAL picks the format by it).
std::string tempPathFor(const std::string& path) {
    const fs::path target(path);
    thread_local std::mt19937_64 rng{std::random_device{}() ^ static_cast<std::uint64_t>(::getpid())};
    char rnd[17];
    std::snprintf(rnd, sizeof rnd, "%016llx", static_cast<unsigned long long>(rng()));
    const std::string name = "." + target.stem().string() + ".tmp-" + std::to_string(::getpid()) + "-" + rnd +
                             target.extension().string();
    return (target.parent_path() / name).string();
}

// A leftover of a killed run: ".X.tmp-<digits>-<hex>[.ext][-journal]", or
// the ".part-<pid>" files older versions wrote.
bool isLeftover(const std::string& name) {
    auto digitsAfter = [&](std::size_t at) {
        std::size_t k = at;
        while (k < name.size() && std::isdigit(static_cast<unsigned char>(name[k]))) ++k;
        return k > at ? k : std::string::npos;
    };
    if (auto p = name.rfind(".part-"); p != std::string::npos && p > 0 && digitsAfter(p + 6) == name.size())
        return true;
    if (name.size() < 2 || name[0] != '.') return false;
    const auto p = name.find(".tmp-", 1);
    if (p == std::string::npos) return false;
    const auto k = digitsAfter(p + 5);
    return k != std::string::npos && k < name.size() && name[k] == '-';
}

void removeQuietly(const std::string& path) {
    std::error_code ec;
    fs::remove(path, ec);  // a symlink is removed itself, not its target
}

void checkCreated(const std::string& target, const std::string& tmp) {
    struct stat st {};
    if (::lstat(tmp.c_str(), &st) != 0 || !S_ISREG(st.st_mode))
        throw OutputError(target + ": cannot be written: the temporary file " + tmp + " is not a regular file");
}

void renameInto(const std::string& tmp, const std::string& target) {
    if (std::rename(tmp.c_str(), target.c_str()) != 0) {
        const std::string why = errnoText();
        removeQuietly(tmp);
        throw OutputError(target + ": cannot be written (cannot replace the file: " + why + ")");
    }
}

}  // namespace

void writeFileAtomically(const std::string& path, std::string_view bytes) {
    writeFileAtomically(path, std::vector<std::string_view>{bytes});
}

void writeFileAtomically(const std::string& path, const std::vector<std::string_view>& pieces) {
    const WriteGuard guard;
    const std::string tmp = tempPathFor(path);
    // O_EXCL | O_NOFOLLOW: a new file of our own, never an existing file or
    // whatever a symlink planted at that name points to.
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    if (fd < 0) throw OutputError(path + ": cannot be written: " + errnoText());
    const int slot = registerTemp(tmp);
    for (const std::string_view bytes : pieces) {
        const char* p = bytes.data();
        std::size_t left = bytes.size();
        while (left > 0) {
            const ssize_t n = ::write(fd, p, left);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                const std::string why = errnoText();
                ::close(fd);
                removeQuietly(tmp);
                unregisterTemp(slot);
                throw OutputError(path + ": cannot be written (write failed: " + why + ")");
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
    }
    if (::close(fd) != 0) {
        const std::string why = errnoText();
        removeQuietly(tmp);
        unregisterTemp(slot);
        throw OutputError(path + ": cannot be written (" + why + ")");
    }
    try {
        renameInto(tmp, path);
    } catch (...) {
        unregisterTemp(slot);
        throw;
    }
    unregisterTemp(slot);
}

void writeFileAtomically(const std::string& path, const std::function<void(const std::string& tmpPath)>& write) {
    const WriteGuard guard;
    const std::string tmp = tempPathFor(path);
    struct stat st {};
    if (::lstat(tmp.c_str(), &st) == 0)
        throw OutputError(path + ": cannot be written: " + tmp + " is in the way");
    const int slot = registerTemp(tmp);
    try {
        write(tmp);
        checkCreated(path, tmp);
        renameInto(tmp, path);
    } catch (...) {
        removeQuietly(tmp);
        removeQuietly(tmp + "-journal");
        unregisterTemp(slot);
        throw;
    }
    unregisterTemp(slot);
}

void removeTemporaryFilesOnSignal() {
    static std::once_flag once;
    std::call_once(once, [] {
        // Blocked here, so in every thread started from now on; the one
        // thread below takes them.
        sigset_t set;
        sigemptyset(&set);
        for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&set, sig);
        pthread_sigmask(SIG_BLOCK, &set, nullptr);
        std::thread(endOnSignal, set).detach();
    });
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction sa {};
        sa.sa_handler = removeTempsAndReraise;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESETHAND;
        sigaction(sig, &sa, nullptr);
    }
}

// --- OutputFolder -------------------------------------------------------------------

OutputFolder::OutputFolder(std::string dir, std::vector<std::string> names, std::vector<std::string> inputs,
                           std::vector<std::string> derived)
    : names_(std::move(names)), derived_(std::move(derived)) {
    std::error_code ec;
    fs::path d = fs::absolute(dir.empty() ? "." : dir, ec);
    fs::create_directories(d, ec);
    if (ec || !fs::is_directory(d)) throw OutputError(d.string() + ": cannot create the output folder" +
                                                      (ec ? ": " + ec.message() : std::string()));
    const fs::path real = fs::canonical(d, ec);
    dir_ = (ec ? d : real).lexically_normal().string();
    // An input whose directory entry is in this folder under one of our names
    // would be replaced (or removed as a stale output): refuse before any work.
    for (const auto& in : inputs) {
        if (in.empty()) continue;
        const fs::path abs = fs::absolute(in, ec);
        const fs::path parent = fs::weakly_canonical(abs.parent_path(), ec);
        if (ec || parent.lexically_normal().string() != dir_) continue;
        const std::string name = abs.filename().string();
        inputs_.push_back(name);
        if (ours(name) || name == kMarker)
            throw OutputError(abs.string() + " is an input of this run: writing the output '" + name + "' to " + dir_ +
                              " would replace it; choose another output folder");
    }
}

std::string OutputFolder::path(const std::string& name) const { return (fs::path(dir_) / name).string(); }

bool OutputFolder::matches(const std::string& pattern, const std::string& name) {
    const auto star = pattern.find('*');
    if (star == std::string::npos) return name == pattern;
    const std::string pre = pattern.substr(0, star), post = pattern.substr(star + 1);
    return name.size() > pre.size() + post.size() && name.compare(0, pre.size(), pre) == 0 &&
           name.compare(name.size() - post.size(), post.size(), post) == 0;
}

bool OutputFolder::ours(const std::string& name) const { return rank(name) < names_.size(); }

void OutputFolder::begin() {
    // The earlier run's files, then its marker gone: the folder now says "not finished".
    const std::string marker = path(kMarker);
    QFile f(QString::fromStdString(marker));
    if (f.open(QIODevice::ReadOnly)) {
        const QJsonArray files = QJsonDocument::fromJson(f.read(1 << 20)).object().value("files").toArray();
        for (const auto& v : files) {
            const std::string name = v.toObject().value("name").toString().toStdString();
            if (ours(name)) earlier_.push_back(name);
        }
        f.close();
    }
    if (::unlink(marker.c_str()) != 0 && errno != ENOENT)
        throw OutputError(marker + ": cannot remove the marker of the earlier run: " + errnoText());
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir_, ec)) {
        const std::string name = e.path().filename().string();
        if (isLeftover(name)) removeQuietly(e.path().string());
    }
}

void OutputFolder::write(const std::string& name, std::string_view bytes) {
    writeFileAtomically(path(name), bytes);
    const std::lock_guard<std::mutex> lock(mutex_);
    written_.push_back(name);
}

void OutputFolder::write(const std::string& name, const std::vector<std::string_view>& pieces) {
    writeFileAtomically(path(name), pieces);
    const std::lock_guard<std::mutex> lock(mutex_);
    written_.push_back(name);
}

void OutputFolder::write(const std::string& name, const std::function<void(const std::string& tmpPath)>& writer) {
    writeFileAtomically(path(name), writer);
    const std::lock_guard<std::mutex> lock(mutex_);
    written_.push_back(name);
}

std::size_t OutputFolder::rank(const std::string& name) const {
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (matches(names_[i], name)) return i;
    return names_.size();
}

void OutputFolder::finish(QJsonObject about) {
    // Files written by several threads: listed in the order of `names`, then by name.
    std::sort(written_.begin(), written_.end(), [&](const std::string& a, const std::string& b) {
        const std::size_t ra = rank(a), rb = rank(b);
        return ra != rb ? ra < rb : a < b;
    });
    auto keep = [&](const std::string& name) {
        return name == kMarker || std::find(written_.begin(), written_.end(), name) != written_.end() ||
               std::find(inputs_.begin(), inputs_.end(), name) != inputs_.end();
    };
    std::vector<std::string> stale = earlier_;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir_, ec)) {
        const std::string name = e.path().filename().string();
        if (ours(name)) {
            stale.push_back(name);
        } else if (std::any_of(derived_.begin(), derived_.end(),
                               [&](const std::string& pattern) { return matches(pattern, name); }) &&
                   !keep(name) && !e.is_directory(ec)) {
            removedDerived_.push_back(name);
        }
    }
    for (const auto& name : stale)
        if (!keep(name)) removeQuietly(path(name));
    std::sort(removedDerived_.begin(), removedDerived_.end());
    for (const auto& name : removedDerived_) removeQuietly(path(name));

    QJsonArray files;
    for (const auto& name : written_) {
        const auto bytes = fs::file_size(path(name), ec);
        files.append(QJsonObject{{"name", QString::fromStdString(name)},
                                 {"bytes", ec ? QJsonValue() : QJsonValue(static_cast<double>(bytes))}});
    }
    about["complete"] = true;
    about["files"] = files;
    writeFileAtomically(path(kMarker), QJsonDocument(about).toJson(QJsonDocument::Indented).toStdString());
}

void OutputFolder::refreshMarker(const std::string& dir, const std::string& name) {
    const std::string marker = (fs::path(dir) / kMarker).string();
    QFile f(QString::fromStdString(marker));
    if (!f.open(QIODevice::ReadOnly)) return;
    QJsonObject about = QJsonDocument::fromJson(f.read(1 << 20)).object();
    f.close();
    QJsonArray files = about.value("files").toArray();
    bool listed = false;
    for (qsizetype i = 0; i < files.size(); ++i) {
        QJsonObject entry = files[i].toObject();
        if (entry.value("name").toString().toStdString() != name) continue;
        std::error_code ec;
        const auto bytes = fs::file_size(fs::path(dir) / name, ec);
        entry["bytes"] = ec ? QJsonValue() : QJsonValue(static_cast<double>(bytes));
        files[i] = entry;
        listed = true;
    }
    if (!listed) return;
    about["files"] = files;
    writeFileAtomically(marker, QJsonDocument(about).toJson(QJsonDocument::Indented).toStdString());
}

}  // namespace vgscan
