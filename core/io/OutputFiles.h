#pragma once
// Writing output files so that a reader never mistakes a half-written or an
// old file for a finished one, and an output never lands on an input.
//
//  - Each file is written to a hidden temporary name beside its target
//    (".NAME.tmp-<pid>-<random>.EXT", created new, never through a symlink),
//    flushed to disk and renamed over the target: the target is the old file
//    or the whole new one, never a part. rename() replaces a symlink at the
//    target's name itself; the file it pointed to is not touched.
//  - A temporary file is removed when writing fails, when the writer throws,
//    and (with removeTemporaryFilesOnSignal) on SIGINT, SIGTERM and SIGHUP. A
//    SIGKILL can leave one behind: the next run in that folder removes it.
//  - OutputFolder keeps a run's files together: it refuses names that would
//    replace an input, removes the earlier run's marker before writing
//    anything, removes the earlier run's files that this run did not write,
//    and writes its marker (MARKER) last: a folder without it holds no
//    finished run.
#include <QJsonObject>

#include <cstdint>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace vgscan {

// An output that cannot or may not be written (names the path and why).
class OutputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Writes `bytes` to `path` through a temporary file and a rename.
void writeFileAtomically(const std::string& path, std::string_view bytes);
// The same for a text in pieces, written one after the other (a large text
// need not be joined in memory first).
void writeFileAtomically(const std::string& path, const std::vector<std::string_view>& pieces);
// The same for writers that need a path (GDAL): `write` creates the file at
// the temporary path it is given (same folder and extension as `path`).
void writeFileAtomically(const std::string& path, const std::function<void(const std::string& tmpPath)>& write);

// From this call on, SIGINT, SIGTERM and SIGHUP end the process as the signal
// would have, but only once no file is being written: the files being written
// are finished or removed first, and none is begun after the signal. Call it
// before starting threads: it blocks the signals for the threads started
// after it and takes them on a thread of its own.
void removeTemporaryFilesOnSignal();

class OutputFolder {
public:
    // The marker written last; it lists the run's files.
    static constexpr const char* kMarker = "scan.done";

    // `names`: the files this run may write (exact names, or a prefix and
    // suffix pattern "report-sites-*.html"). Creates the folder. Throws
    // OutputError when one of those names in this folder is one of `inputs`
    // (the same directory entry, symlinks in the folder path resolved), or
    // when the folder cannot be made.
    // `derived`: files that other commands write into the folder from this
    // run's files (plan.html from scan.json). They describe the run this one
    // replaces, so finish() removes them (removedDerived() lists them); they
    // are not this run's outputs, so an input by such a name is kept, not
    // refused.
    OutputFolder(std::string dir, std::vector<std::string> names, std::vector<std::string> inputs,
                 std::vector<std::string> derived = {});

    const std::string& dir() const { return dir_; }
    std::string path(const std::string& name) const;

    // Removes the earlier run's marker and temporary files left by killed
    // runs; from now on the folder holds no finished run.
    void begin();
    // Writes one file (temporary name + rename); several threads may write
    // different files at once.
    void write(const std::string& name, std::string_view bytes);
    void write(const std::string& name, const std::vector<std::string_view>& pieces);
    void write(const std::string& name, const std::function<void(const std::string& tmpPath)>& writer);
    // Removes the files of earlier runs (listed in their marker, or matching
    // `names`) that this run did not write, then writes the marker with
    // `about` plus the list of files with their sizes.
    void finish(QJsonObject about);

    const std::vector<std::string>& written() const { return written_; }
    // The derived files of the earlier run that finish() removed, by name.
    const std::vector<std::string>& removedDerived() const { return removedDerived_; }

    // A file of the finished run in `dir` that another command has since
    // rewritten (plan adds its link to report.html): its size in the marker
    // follows, so the marker still describes the folder. Nothing when the
    // folder has no marker or the marker does not list the file.
    static void refreshMarker(const std::string& dir, const std::string& name);

private:
    static bool matches(const std::string& pattern, const std::string& name);
    std::size_t rank(const std::string& name) const;  // of the first pattern that matches
    bool ours(const std::string& name) const;
    std::mutex mutex_;
    std::string dir_;
    std::vector<std::string> names_;
    std::vector<std::string> written_;
    std::vector<std::string> inputs_;   // names in this folder that are inputs: never removed
    std::vector<std::string> earlier_;  // files listed by the earlier marker
    std::vector<std::string> derived_;
    std::vector<std::string> removedDerived_;
};

}  // namespace vgscan
