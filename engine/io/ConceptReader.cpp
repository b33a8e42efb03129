#include "ConceptReader.h"

#include "JsonReader.h"
#include "JsonText.h"
#include "LoadError.h"
#include "model/Registry.h"

#include <algorithm>
#include <set>

namespace scalelab::io {

using nlohmann::json;

namespace {

std::string text(const JsonReader& reader, const json& entry, const std::string& key, const std::string& path)
{
    const std::string keyPath = child(path, key);
    std::string result = reader.string(reader.require(entry, key, path), keyPath);
    if (result.empty())
        reader.fail(keyPath, "must not be empty");
    return result;
}

// An optional list of non-empty strings; `plainIds` also asks for id spelling.
std::vector<std::string> list(const JsonReader& reader, const json& entry, const std::string& key,
                              const std::string& path, bool plainIds = false)
{
    std::vector<std::string> result;
    auto it = entry.find(key);
    if (it == entry.end())
        return result;
    const std::string listPath = child(path, key);
    reader.array(*it, listPath);
    for (std::size_t i = 0; i < it->size(); ++i) {
        const std::string itemPath = element(listPath, i);
        result.push_back(plainIds ? reader.id((*it)[i], itemPath) : reader.string((*it)[i], itemPath));
        if (result.back().empty())
            reader.fail(itemPath, "must not be empty");
    }
    return result;
}

std::string optionalStem(const JsonReader& reader, const json& entry, const std::string& key, const std::string& path)
{
    auto it = entry.find(key);
    return it == entry.end() ? std::string() : reader.id(*it, child(path, key));
}

model::Concept readConcept(const JsonReader& reader, const json& entry, const std::string& path)
{
    reader.object(entry, path);
    reader.checkKeys(entry, path,
                     {"id", "title", "category", "summary", "kinds", "when_to_use", "when_not_to_use", "tradeoffs",
                      "numbers", "interview", "related", "lesson", "example", "see_also_cards"});
    model::Concept result;
    result.id = reader.id(reader.require(entry, "id", path), child(path, "id"));
    result.title = text(reader, entry, "title", path);
    result.category = text(reader, entry, "category", path);
    result.summary = text(reader, entry, "summary", path);
    result.kinds = list(reader, entry, "kinds", path);
    for (std::size_t i = 0; i < result.kinds.size(); ++i)
        if (!model::Registry::instance().find(result.kinds[i])) {
            std::vector<std::string> known;
            for (const model::BlockSpec& spec : model::Registry::instance().blocks())
                known.push_back(spec.kind);
            reader.fail(element(child(path, "kinds"), i),
                        "unknown block kind " + inQuotes(result.kinds[i]) + didYouMean(result.kinds[i], known));
        }
    result.whenToUse = list(reader, entry, "when_to_use", path);
    result.whenNotToUse = list(reader, entry, "when_not_to_use", path);
    result.tradeoffs = list(reader, entry, "tradeoffs", path);
    result.numbers = list(reader, entry, "numbers", path);
    result.interview = list(reader, entry, "interview", path);
    result.related = list(reader, entry, "related", path, true);
    result.lesson = optionalStem(reader, entry, "lesson", path);
    result.example = optionalStem(reader, entry, "example", path);
    result.seeAlsoCards = list(reader, entry, "see_also_cards", path, true);
    return result;
}

void checkFormat(const JsonReader& reader, const json& doc)
{
    reader.object(doc, "");
    reader.checkKeys(doc, "", {"format", "version", "concepts"});
    auto format = doc.find("format");
    if (format == doc.end())
        reader.fail("", "not a ScaleLab concept library (no \"format\": \"scalelab-concepts\")");
    if (!format->is_string() || format->get<std::string>() != "scalelab-concepts")
        reader.fail("format", "must be \"scalelab-concepts\", got " + describe(*format));
    const double version = reader.number(reader.require(doc, "version", ""), "version");
    if (version != kConceptsVersion)
        reader.fail("version", "must be " + std::to_string(kConceptsVersion) + ", got " + formatNumber(version));
}

json parsed(const std::string& text, const std::string& fileName)
{
    try {
        return json::parse(text);
    } catch (const json::parse_error& error) {
        const std::string what = error.what();
        const std::size_t at = what.find("parse error at ");
        throw LoadError(fileName, "", clip(at == std::string::npos ? what : what.substr(at + 15), 200));
    }
}

} // namespace

model::ConceptLibrary parseConceptLibrary(const std::string& text, const std::string& fileName)
{
    const JsonReader reader(fileName);
    const json doc = parsed(text, fileName);
    checkFormat(reader, doc);
    const json& list = reader.array(reader.require(doc, "concepts", ""), "concepts");
    std::vector<model::Concept> concepts;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < list.size(); ++i) {
        concepts.push_back(readConcept(reader, list[i], element("concepts", i)));
        if (!ids.insert(concepts.back().id).second)
            reader.fail(child(element("concepts", i), "id"), "appears twice: " + inQuotes(concepts.back().id));
    }
    const std::vector<std::string> known(ids.begin(), ids.end());
    for (std::size_t i = 0; i < concepts.size(); ++i)
        for (std::size_t j = 0; j < concepts[i].related.size(); ++j) {
            const std::string& other = concepts[i].related[j];
            const std::string path = element(child(element("concepts", i), "related"), j);
            if (other == concepts[i].id)
                reader.fail(path, "an entry cannot be related to itself");
            if (!ids.count(other))
                reader.fail(path, "no concept has the id " + inQuotes(other) + didYouMean(other, known));
        }
    return model::ConceptLibrary(std::move(concepts));
}

} // namespace scalelab::io
