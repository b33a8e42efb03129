#include "JsonReader.h"

#include "JsonText.h"
#include "LoadError.h"

#include <algorithm>

namespace scalelab::io {

using nlohmann::json;

void JsonReader::fail(const std::string& path, const std::string& rule) const
{
    throw LoadError(m_file, path, rule);
}

void JsonReader::checkKeys(const json& object, const std::string& path, const std::vector<std::string>& allowed) const
{
    for (const auto& item : object.items())
        if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
            const std::string hint = didYouMean(item.key(), allowed);
            fail(child(path, item.key()), "unknown key" + (hint.empty() ? "; expected " + listed(allowed) : hint));
        }
}

const json& JsonReader::require(const json& object, const std::string& key, const std::string& path) const
{
    auto it = object.find(key);
    if (it == object.end())
        fail(path, "missing \"" + key + "\"");
    return *it;
}

const json& JsonReader::object(const json& value, const std::string& path) const
{
    if (!value.is_object())
        fail(path, std::string("must be an object, got ") + value.type_name());
    return value;
}

const json& JsonReader::array(const json& value, const std::string& path) const
{
    if (!value.is_array())
        fail(path, std::string("must be an array, got ") + value.type_name());
    return value;
}

std::string JsonReader::string(const json& value, const std::string& path) const
{
    if (!value.is_string())
        fail(path, std::string("must be a string, got ") + value.type_name());
    return value.get<std::string>();
}

double JsonReader::number(const json& value, const std::string& path) const
{
    if (!value.is_number())
        fail(path, std::string("must be a number, got ") + value.type_name());
    return value.get<double>();
}

bool JsonReader::boolean(const json& value, const std::string& path) const
{
    if (!value.is_boolean())
        fail(path, std::string("must be true or false, got ") + value.type_name());
    return value.get<bool>();
}

std::string JsonReader::optionalString(const json& object, const std::string& key, const std::string& path,
                                       const std::string& fallback) const
{
    auto it = object.find(key);
    return it == object.end() ? fallback : string(*it, child(path, key));
}

double JsonReader::optionalNumber(const json& object, const std::string& key, const std::string& path,
                                  double fallback) const
{
    auto it = object.find(key);
    return it == object.end() ? fallback : number(*it, child(path, key));
}

double JsonReader::numberIn(const json& value, const std::string& path, double min, double max) const
{
    const double given = number(value, path);
    if (given < min || given > max)
        fail(path, "must be between " + formatNumber(min) + " and " + formatNumber(max) + ", got " +
                       formatNumber(given));
    return given;
}

std::string JsonReader::id(const json& value, const std::string& path) const
{
    const std::string text = string(value, path);
    if (text.empty())
        fail(path, "must not be empty");
    const bool plain = std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
    if (!plain)
        fail(path, "may only contain letters, digits, \"_\" and \"-\", got " + inQuotes(text));
    return text;
}

} // namespace scalelab::io
