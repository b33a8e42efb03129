#pragma once
// Why a scenario file could not be loaded, as one line a user can act on:
//   three-tier.scalelab: blocks[2].params.workers: must be >= 1, got 0
// The parts stay available separately so the editor can point at the block
// or parameter instead of only showing the text.
#include <filesystem>
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <utility>

namespace scalelab::io {

class LoadError : public std::runtime_error {
public:
    // `file` may be a full path: only its base name is shown, because the
    // user already knows which folder they opened. `jsonPath` is empty for
    // whole-file problems (cannot open, too large, syntax error at line/column).
    LoadError(const std::string& file, std::string jsonPath, std::string rule)
        : std::runtime_error(compose(baseName(file), jsonPath, rule))
        , m_file(baseName(file))
        , m_jsonPath(std::move(jsonPath))
        , m_rule(std::move(rule))
    {
    }

    const std::string& file() const { return m_file; }
    const std::string& jsonPath() const { return m_jsonPath; }
    const std::string& rule() const { return m_rule; }

private:
    static std::string baseName(const std::string& file)
    {
        return std::filesystem::path(file).filename().string();
    }

    static std::string compose(const std::string& file, const std::string& jsonPath, const std::string& rule)
    {
        std::string text;
        for (const std::string* part : {&file, &jsonPath, &rule})
            if (!part->empty())
                text += (text.empty() ? "" : ": ") + *part;
        return text;
    }

    std::string m_file;
    std::string m_jsonPath;
    std::string m_rule;
};

} // namespace scalelab::io
