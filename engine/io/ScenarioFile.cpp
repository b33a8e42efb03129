#include "ScenarioFile.h"

#include "DesignReader.h"
#include "DesignWriter.h"
#include "JsonText.h"
#include "LoadError.h"
#include "InterviewWriter.h"
#include "TeachingWriter.h"
#include "model/FaultCatalog.h"
#include "model/Registry.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <system_error>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace scalelab::io {

namespace {

using model::ParamSpec;
using model::ParamType;
using model::Registry;
using nlohmann::json;
using nlohmann::ordered_json;

// ---------------------------------------------------------------- guards

// nlohmann's parser keeps its own stack, but code walking the document (the
// ui state, dump(), the editor) recurses; a linear pre-scan that skips strings
// bounds the depth before anything is built.
void checkNesting(const std::string& text, const std::string& file)
{
    int depth = 0;
    bool inString = false, escaped = false;
    std::size_t line = 1, column = 0;
    for (const char c : text) {
        if (c == '\n') {
            ++line;
            column = 0;
        } else {
            ++column;
        }
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxScenarioDepth)
                throw LoadError(file, "",
                                "line " + std::to_string(line) + ", column " + std::to_string(column) +
                                    ": nesting deeper than " + std::to_string(kMaxScenarioDepth) + " levels");
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
}

// Builds the document as nlohmann's own DOM parser does, while knowing where
// it is: so a duplicate key (which nlohmann silently resolves to the last
// value) and a number nlohmann refuses as out of range (1e999, a megabyte of
// digits) are reported with their JSON path. Syntax errors keep nlohmann's
// "line L, column C: ..." text. (nlohmann's parse callback could track the
// path too, but it rescans the parent array after every object: quadratic.)
class DocumentBuilder final : public nlohmann::json_sax<json> {
public:
    DocumentBuilder(json& root, const std::string& file) : m_root(root), m_file(file) {}

    bool null() override { return place(nullptr); }
    bool boolean(bool value) override { return place(value); }
    bool number_integer(number_integer_t value) override { return place(value); }
    bool number_unsigned(number_unsigned_t value) override { return place(value); }
    bool number_float(number_float_t value, const string_t&) override { return place(value); }
    bool string(string_t& value) override { return place(std::move(value)); }
    bool binary(binary_t& value) override { return place(json::binary(std::move(value))); }
    bool start_object(std::size_t) override { return open(json::object()); }
    bool start_array(std::size_t) override { return open(json::array()); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& key) override
    {
        Frame& frame = m_open.back();
        auto [slot, fresh] = frame.node->get_ref<json::object_t&>().try_emplace(key);
        frame.key = &slot->first;
        frame.slot = &slot->second;
        if (!fresh)
            throw LoadError(m_file, pathOf(false), "appears twice in the same object");
        return true;
    }

    bool parse_error(std::size_t, const std::string&, const json::exception& error) override
    {
        if (error.id == 406) // nlohmann's "number overflow"
            throw LoadError(m_file, pathOf(true), "number is too large (beyond about 1.8e308)");
        const std::string what = error.what();
        const std::size_t at = what.find("parse error at ");
        throw LoadError(m_file, "", clip(at == std::string::npos ? what : what.substr(at + 15), 200));
    }

private:
    // An open object or array. Pointers stay valid: only the innermost
    // container grows, and its parent's slot for it does not move meanwhile.
    struct Frame {
        json* node;
        const std::string* key = nullptr; // objects: the key being read
        json* slot = nullptr;             // objects: where its value goes
    };

    json* put(json&& value)
    {
        if (m_open.empty())
            return &(m_root = std::move(value));
        Frame& frame = m_open.back();
        if (frame.node->is_array()) {
            frame.node->get_ref<json::array_t&>().push_back(std::move(value));
            return &frame.node->back();
        }
        return &(*frame.slot = std::move(value));
    }
    bool place(json&& value)
    {
        put(std::move(value));
        return true;
    }
    bool open(json&& container)
    {
        m_open.push_back({put(std::move(container))});
        return true;
    }
    bool close()
    {
        m_open.pop_back();
        return true;
    }

    // `pending`: a value is about to be added to the innermost array.
    std::string pathOf(bool pending) const
    {
        std::string path;
        for (const Frame& frame : m_open) {
            if (frame.node->is_object() && frame.key)
                path = child(path, *frame.key);
            else if (frame.node->is_array() && (pending || !frame.node->empty()))
                path = element(path, frame.node->size() - (&frame == &m_open.back() && pending ? 0 : 1));
        }
        return path;
    }

    json& m_root;
    const std::string& m_file;
    std::vector<Frame> m_open;
};

json parseJson(const std::string& text, const std::string& file)
{
    json root;
    DocumentBuilder builder(root, file);
    json::sax_parse(text, &builder);
    return root;
}

// ---------------------------------------------------------------- writing

constexpr const char* kTempInfix = ".tmp-"; // NAME.tmp-xxxxxx, six hex digits

// Temporary files a killed save left beside `target` (the process died
// between creating one and renaming it): removed once a save has succeeded,
// so they do not pile up. Only names of exactly our pattern are touched.
void removeLeftTemporaries(const std::filesystem::path& dir, const std::string& name)
{
    namespace fs = std::filesystem;
    const std::string prefix = name + kTempInfix;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string candidate = it->path().filename().string();
        if (candidate.size() != prefix.size() + 6 || candidate.compare(0, prefix.size(), prefix) != 0)
            continue;
        if (candidate.find_first_not_of("0123456789abcdef", prefix.size()) != std::string::npos)
            continue;
        std::error_code ignored;
        if (it->is_regular_file(ignored))
            fs::remove(it->path(), ignored);
    }
}

// Bytes of `text` into a new file beside `target`, flushed to disk, then
// renamed over it: readers see the old file or the new one, never a mix.
void replaceAtomically(const std::filesystem::path& target, const std::string& text)
{
    namespace fs = std::filesystem;
    const std::string name = target.filename().string();
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    auto fail = [&](const std::string& step, int error) {
        throw std::runtime_error(name + ": cannot save: " + step + ": " + std::system_category().message(error));
    };
    std::random_device entropy;
    std::string temp;
    int fd = -1;
    for (int attempt = 0; fd < 0; ++attempt) {
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, "%s%06x", kTempInfix, static_cast<unsigned>(entropy() & 0xFFFFFF));
        temp = target.string() + suffix;
        fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666); // 0666 & ~umask, like any new file
        if (fd < 0 && (errno != EEXIST || attempt == 100))
            fail("creating a temporary file in " + dir.string(), errno);
    }
    struct stat old {};
    if (::stat(target.c_str(), &old) == 0)
        (void)::fchmod(fd, old.st_mode & 07777); // keep the replaced file's permissions
    int error = 0;
    for (std::size_t done = 0; done < text.size() && !error;) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n >= 0)
            done += static_cast<std::size_t>(n);
        else if (errno != EINTR)
            error = errno;
    }
    if (!error && ::fsync(fd) != 0)
        error = errno;
    if (::close(fd) != 0 && !error)
        error = errno;
    if (error) {
        ::unlink(temp.c_str());
        fail("writing " + fs::path(temp).filename().string(), error);
    }
    std::error_code renamed;
    fs::rename(temp, target, renamed);
    if (renamed) {
        ::unlink(temp.c_str());
        fail("replacing the file", renamed.value());
    }
    // Make the rename itself survive a power cut; some file systems refuse, which is harmless.
    if (const int dirFd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dirFd >= 0) {
        (void)::fsync(dirFd);
        ::close(dirFd);
    }
    removeLeftTemporaries(dir, name);
}

} // namespace

nlohmann::json parseBoundedJson(const std::string& text, const std::string& fileNameForErrors)
{
    const std::string& file = fileNameForErrors;
    if (text.size() > kMaxScenarioBytes)
        throw LoadError(file, "", "file is larger than the " + std::to_string(kMaxScenarioBytes >> 20) + " MB limit");
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw LoadError(file, "", "file is empty");
    checkNesting(text, file);
    return parseJson(text, file);
}

model::Architecture parseScenario(const std::string& text, const std::string& fileNameForErrors)
{
    const std::string& file = fileNameForErrors;
    try {
        return DesignReader(file).read(parseBoundedJson(text, file));
    } catch (const json::exception& error) {
        // Not expected (every value's type is checked first), but a bug must
        // not escape as an exception the caller never heard of.
        throw LoadError(file, "", clip(std::string("cannot read the file: ") + error.what(), 200));
    } catch (const std::bad_alloc&) {
        throw LoadError(file, "", "not enough memory to load the file");
    }
}

std::string readBoundedFile(const std::string& path)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (ec)
        throw LoadError(path, "", "cannot open file: " + ec.message());
    // Reading a FIFO or a device could block or never end.
    if (fs::is_directory(status))
        throw LoadError(path, "", "cannot open file: it is a folder");
    if (!fs::is_regular_file(status))
        throw LoadError(path, "", "cannot open file: not a regular file");
    const std::string tooLarge = "file is larger than the " + std::to_string(kMaxScenarioBytes >> 20) + " MB limit";
    if (const auto size = fs::file_size(path, ec); !ec && size > kMaxScenarioBytes)
        throw LoadError(path, "", tooLarge);
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!in)
        throw LoadError(path, "", "cannot open file: " + std::system_category().message(errno));
    std::string text;
    char buffer[1 << 16];
    while (const std::size_t n = std::fread(buffer, 1, sizeof buffer, in.get())) {
        text.append(buffer, n);
        if (text.size() > kMaxScenarioBytes) // the file grew since it was measured
            throw LoadError(path, "", tooLarge);
    }
    if (std::ferror(in.get()))
        throw LoadError(path, "", "cannot read file: " + std::system_category().message(errno));
    return text;
}

model::Architecture readScenario(const std::string& path)
{
    return parseScenario(readBoundedFile(path), path);
}

std::string serializeScenario(const model::Architecture& architecture)
{
    ordered_json doc;
    doc["format"] = "scalelab";
    doc["version"] = kScenarioVersion;
    doc["name"] = architecture.name;
    doc["description"] = architecture.description;
    if (architecture.cells > 1)
        doc["scale"]["cells"] = architecture.cells;
    if (architecture.sampling != model::ShardSampling::Auto)
        doc["scale"]["sampling"] = std::string(model::choiceName(architecture.sampling));
    doc["blocks"] = ordered_json::array();
    for (const auto& block : architecture.blocks)
        doc["blocks"].push_back(blockJson(block));
    doc["links"] = ordered_json::array();
    for (const auto& link : architecture.links)
        doc["links"].push_back(linkJson(link));
    if (!architecture.faults.empty()) {
        doc["faults"] = ordered_json::array();
        for (const auto& fault : architecture.faults)
            doc["faults"].push_back(faultJson(fault));
    }
    if (!architecture.library.empty())
        doc["library"] = libraryJson(architecture.library);
    if (architecture.challenge)
        doc["challenge"] = challengeJson(*architecture.challenge, architecture);
    if (architecture.lesson)
        doc["lesson"] = lessonJson(*architecture.lesson, architecture);
    if (architecture.interview)
        doc["interview"] = interviewJson(*architecture.interview, architecture);
    // Parsed with std::map keys: the reader's canonical order, and no
    // quadratic insertion cost on a huge ui object.
    const json ui = json::parse(architecture.uiJson, nullptr, false);
    if (ui.is_discarded() || !ui.is_object())
        throw std::runtime_error("the ui state is not a JSON object");
    doc["ui"] = ordered_json(ui);
    // Invalid UTF-8 in a name is replaced rather than refusing to save.
    return doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

void writeScenario(const model::Architecture& architecture, const std::string& path)
{
    namespace fs = std::filesystem;
    fs::path target(path);
    std::string text;
    try {
        text = serializeScenario(architecture); // before touching the disk
    } catch (const std::runtime_error& error) {
        throw std::runtime_error(target.filename().string() + ": cannot save: " + error.what());
    }
    // Saving through a symbolic link replaces the file it points to, not the link.
    std::error_code ec;
    if (fs::is_symlink(target, ec))
        if (fs::path resolved = fs::weakly_canonical(target, ec); !ec)
            target = resolved;
    replaceAtomically(target, text);
}

} // namespace scalelab::io
