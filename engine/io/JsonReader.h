#pragma once
// Typed access to a parsed .scalelab document that knows the file it came
// from: every accessor checks the JSON type first and throws LoadError with
// the file, the JSON path and the rule, so the readers built on it never let
// nlohmann throw and never report a problem without saying where.
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace scalelab::io {

class JsonReader {
public:
    explicit JsonReader(std::string file) : m_file(std::move(file)) {}

    [[noreturn]] void fail(const std::string& path, const std::string& rule) const;

    // Every key of `object` must be one of `allowed` (with a did-you-mean).
    void checkKeys(const nlohmann::json& object, const std::string& path, const std::vector<std::string>& allowed) const;
    const nlohmann::json& require(const nlohmann::json& object, const std::string& key, const std::string& path) const;
    const nlohmann::json& object(const nlohmann::json& value, const std::string& path) const;
    const nlohmann::json& array(const nlohmann::json& value, const std::string& path) const;
    std::string string(const nlohmann::json& value, const std::string& path) const;
    double number(const nlohmann::json& value, const std::string& path) const;
    bool boolean(const nlohmann::json& value, const std::string& path) const;
    std::string optionalString(const nlohmann::json& object, const std::string& key, const std::string& path,
                               const std::string& fallback) const;
    double optionalNumber(const nlohmann::json& object, const std::string& key, const std::string& path,
                          double fallback = 0) const;
    // A number in [min, max] ("must be between ...").
    double numberIn(const nlohmann::json& value, const std::string& path, double min, double max) const;
    // Ids appear in links, in `--set` arguments and in reports, so they stay plain.
    std::string id(const nlohmann::json& value, const std::string& path) const;

    const std::string& file() const { return m_file; }

private:
    std::string m_file;
};

} // namespace scalelab::io
