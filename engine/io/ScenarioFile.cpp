#include "ScenarioFile.h"

#include "LoadError.h"
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

// ---------------------------------------------------------------- messages

// Length of the well-formed UTF-8 character at text[i], or 0 when it is not
// one (stray byte, overlong form, surrogate, beyond U+10FFFF).
std::size_t utf8Length(const std::string& text, std::size_t i)
{
    auto byte = [&](std::size_t k) { return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0u; };
    const unsigned lead = byte(0);
    if (lead < 0x80)
        return 1;
    const std::size_t length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                             : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    for (std::size_t k = 1; k < length; ++k)
        if ((byte(k) & 0xC0) != 0x80)
            return 0;
    const unsigned second = byte(1);
    if ((lead == 0xE0 && second < 0xA0) || (lead == 0xED && second >= 0xA0) || (lead == 0xF0 && second < 0x90) ||
        (lead == 0xF4 && second >= 0x90))
        return 0;
    return length;
}

// User text quoted in a message is clipped, so that a hostile 10 MB key does
// not become a 10 MB message, and escaped, so that the message stays one line
// of valid UTF-8 (a CLI may put it in a JSON report).
std::string clip(const std::string& text, std::size_t max = 60)
{
    std::string shown;
    std::size_t i = 0;
    while (i < text.size() && shown.size() < max) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::size_t length = utf8Length(text, i);
        if (length == 0 || c < 0x20 || c == 0x7F) {
            char code[8];
            std::snprintf(code, sizeof code, length == 0 ? "\\x%02x" : "\\u%04x", static_cast<unsigned>(c));
            shown += code;
            ++i;
        } else {
            shown.append(text, i, length);
            i += length;
        }
    }
    return i < text.size() ? shown + "..." : shown;
}

std::string inQuotes(const std::string& text) { return '"' + clip(text) + '"'; }

std::string child(const std::string& path, const std::string& key)
{
    return path.empty() ? clip(key) : path + "." + clip(key);
}

std::string element(const std::string& path, std::size_t index) { return path + "[" + std::to_string(index) + "]"; }

std::string formatNumber(double value)
{
    std::ostringstream out;
    out.precision(15);
    out << value;
    return out.str();
}

std::string listed(const std::vector<std::string>& words)
{
    std::string text;
    for (const auto& word : words)
        text += (text.empty() ? "" : ", ") + word;
    return text;
}

// " (did you mean "x"?)" or "". Besides typos, a word that starts exactly
// one candidate counts ("rate" for "rate_rps"): units are what people drop.
// Edit distance is quadratic, so a hostile megabyte-long word gets no hint.
std::string didYouMean(const std::string& word, const std::vector<std::string>& candidates)
{
    if (word.size() > 64)
        return {};
    std::string match = model::closestMatch(word, candidates);
    if (match.empty() && word.size() >= 3) {
        auto starts = [&](const std::string& c) { return c.rfind(word, 0) == 0; };
        if (std::count_if(candidates.begin(), candidates.end(), starts) == 1)
            match = *std::find_if(candidates.begin(), candidates.end(), starts);
    }
    return match.empty() ? std::string{} : " (did you mean \"" + match + "\"?)";
}

std::string describe(const json& value)
{
    return value.is_string() ? inQuotes(value.get<std::string>()) : value.type_name();
}

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

// ---------------------------------------------------------------- reading

// Turns a parsed document into a design, or throws at the first rule broken.
// Every access is preceded by a type check, so nlohmann never throws here.
constexpr double kMaxCells = 1'000'000;

class Reader {
public:
    explicit Reader(std::string file) : m_file(std::move(file)) {}

    model::Architecture read(const json& doc)
    {
        if (!doc.is_object())
            fail("", std::string("must hold a JSON object, got ") + doc.type_name());
        checkFormat(doc);
        checkKeys(doc, "", {"format", "version", "name", "description", "blocks", "links", "faults", "ui", "scale"});
        model::Architecture design;
        design.name = optionalString(doc, "name", "", "");
        design.description = optionalString(doc, "description", "", "");
        if (auto scale = doc.find("scale"); scale != doc.end())
            design.cells = cells(*scale);
        const json& blocks = array(require(doc, "blocks", ""), "blocks");
        for (std::size_t i = 0; i < blocks.size(); ++i)
            design.blocks.push_back(block(blocks[i], element("blocks", i), i));
        const json& links = array(require(doc, "links", ""), "links");
        for (std::size_t i = 0; i < links.size(); ++i)
            design.links.push_back(link(links[i], element("links", i), i, design));
        if (auto faults = doc.find("faults"); faults != doc.end()) {
            array(*faults, "faults");
            for (std::size_t i = 0; i < faults->size(); ++i)
                design.faults.push_back(fault((*faults)[i], element("faults", i), design));
        }
        if (auto ui = doc.find("ui"); ui != doc.end()) {
            object(*ui, "ui");
            design.uiJson = ui->dump();
        }
        return design;
    }

private:
    [[noreturn]] void fail(const std::string& path, const std::string& rule) const
    {
        throw LoadError(m_file, path, rule);
    }

    void checkFormat(const json& doc) const
    {
        auto format = doc.find("format");
        if (format == doc.end())
            fail("", "not a ScaleLab scenario (no \"format\": \"scalelab\")");
        if (!format->is_string() || format->get<std::string>() != "scalelab")
            fail("format", "must be \"scalelab\", got " + describe(*format));
        const double version = number(require(doc, "version", ""), "version");
        if (version > kScenarioVersion)
            fail("version", "was written by a newer ScaleLab (version " + formatNumber(version) +
                                "); this one reads version " + std::to_string(kScenarioVersion));
        if (version != kScenarioVersion)
            fail("version", "must be " + std::to_string(kScenarioVersion) + ", got " + formatNumber(version));
    }

    void checkKeys(const json& object, const std::string& path, const std::vector<std::string>& allowed) const
    {
        for (const auto& item : object.items())
            if (std::find(allowed.begin(), allowed.end(), item.key()) == allowed.end()) {
                const std::string hint = didYouMean(item.key(), allowed);
                fail(child(path, item.key()), "unknown key" + (hint.empty() ? "; expected " + listed(allowed) : hint));
            }
    }

    const json& require(const json& object, const std::string& key, const std::string& path) const
    {
        auto it = object.find(key);
        if (it == object.end())
            fail(path, "missing \"" + key + "\"");
        return *it;
    }

    const json& object(const json& value, const std::string& path) const
    {
        if (!value.is_object())
            fail(path, std::string("must be an object, got ") + value.type_name());
        return value;
    }

    const json& array(const json& value, const std::string& path) const
    {
        if (!value.is_array())
            fail(path, std::string("must be an array, got ") + value.type_name());
        return value;
    }

    std::string string(const json& value, const std::string& path) const
    {
        if (!value.is_string())
            fail(path, std::string("must be a string, got ") + value.type_name());
        return value.get<std::string>();
    }

    double number(const json& value, const std::string& path) const
    {
        if (!value.is_number())
            fail(path, std::string("must be a number, got ") + value.type_name());
        return value.get<double>();
    }

    std::string optionalString(const json& object, const std::string& key, const std::string& path,
                               const std::string& fallback) const
    {
        auto it = object.find(key);
        return it == object.end() ? fallback : string(*it, child(path, key));
    }

    double optionalNumber(const json& object, const std::string& key, const std::string& path) const
    {
        auto it = object.find(key);
        return it == object.end() ? 0.0 : number(*it, child(path, key));
    }

    // "scale": {"cells": K}, the cell reduction (sim/CellReduction.h).
    int cells(const json& scale) const
    {
        object(scale, "scale");
        checkKeys(scale, "scale", {"cells"});
        const std::string path = child("scale", "cells");
        const double value = number(require(scale, "cells", "scale"), path);
        if (value != std::floor(value) || value < 1 || value > kMaxCells)
            fail(path, "must be a whole number from 1 to " + formatNumber(kMaxCells) + ", got " + formatNumber(value));
        return static_cast<int>(value);
    }

    // Ids appear in links, in `--set` arguments and in reports, so they stay plain.
    std::string id(const json& value, const std::string& path) const
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

    model::Block block(const json& value, const std::string& path, std::size_t index)
    {
        object(value, path);
        checkKeys(value, path, {"id", "kind", "name", "region", "x", "y", "params"});
        model::Block result;
        result.id = id(require(value, "id", path), child(path, "id"));
        if (auto [it, fresh] = m_blockIndex.emplace(result.id, index); !fresh)
            fail(child(path, "id"), inQuotes(result.id) + " is already used by " + element("blocks", it->second));
        result.kind = string(require(value, "kind", path), child(path, "kind"));
        const model::BlockSpec* spec = Registry::instance().find(result.kind);
        if (!spec) {
            std::vector<std::string> kinds;
            for (const auto& known : Registry::instance().blocks())
                kinds.push_back(known.kind);
            const std::string hint = didYouMean(result.kind, kinds);
            fail(child(path, "kind"),
                 "unknown kind " + inQuotes(result.kind) + (hint.empty() ? "; known kinds: " + listed(kinds) : hint));
        }
        result.name = optionalString(value, "name", path, spec->displayName);
        result.region = optionalString(value, "region", path, "");
        result.x = optionalNumber(value, "x", path);
        result.y = optionalNumber(value, "y", path);
        result.params = params(value, spec->params, path, "a " + spec->displayName, &result.texts);
        return result;
    }

    model::Link link(const json& value, const std::string& path, std::size_t index, const model::Architecture& design)
    {
        object(value, path);
        checkKeys(value, path, {"from", "to", "params"});
        model::Link result;
        const model::Block& from = endpoint(require(value, "from", path), child(path, "from"), design);
        const model::Block& to = endpoint(require(value, "to", path), child(path, "to"), design);
        result.from = from.id;
        result.to = to.id;
        if (std::string refusal = Registry::instance().linkRefusal(from.kind, to.kind); !refusal.empty())
            fail(path, refusal);
        if (auto [it, fresh] = m_linkIndex.emplace(std::pair(result.from, result.to), index); !fresh)
            fail(path, "duplicates " + element("links", it->second) + " (" + clip(result.from) + " -> " +
                           clip(result.to) + ")");
        result.params = params(value, Registry::instance().linkParams(), path, "a link");
        return result;
    }

    model::Fault fault(const json& value, const std::string& path, const model::Architecture& design) const
    {
        object(value, path);
        checkKeys(value, path, {"at_s", "action", "block", "to", "region", "value", "duration_s"});
        model::Fault result;
        result.action = string(require(value, "action", path), child(path, "action"));
        const model::FaultSpec* spec = model::findFaultSpec(result.action);
        if (!spec) {
            std::vector<std::string> actions;
            for (const auto& known : model::faultSpecs())
                actions.push_back(known.action);
            const std::string hint = didYouMean(result.action, actions);
            fail(child(path, "action"), "unknown fault action " + inQuotes(result.action) +
                                            (hint.empty() ? "; known actions: " + listed(actions) : hint));
        }
        result.atS = number(require(value, "at_s", path), child(path, "at_s"));
        result.durationS = optionalNumber(value, "duration_s", path);
        if (spec->target == model::FaultSpec::Target::Region) {
            result.region = string(require(value, "region", path), child(path, "region"));
        } else {
            result.block = endpoint(require(value, "block", path), child(path, "block"), design).id;
            if (spec->target == model::FaultSpec::Target::Link)
                result.to = endpoint(require(value, "to", path), child(path, "to"), design).id;
        }
        result.value = spec->hasValue ? optionalNumber(value, "value", path) : 0;
        if (spec->hasValue && value.find("value") == value.end())
            result.value = spec->defaultValue;
        if (std::string refusal = model::faultRefusal(result, design); !refusal.empty())
            fail(path, refusal);
        return result;
    }

    const model::Block& endpoint(const json& value, const std::string& path, const model::Architecture& design) const
    {
        const std::string wanted = string(value, path);
        auto it = m_blockIndex.find(wanted);
        if (it == m_blockIndex.end()) {
            std::vector<std::string> ids;
            for (const auto& block : design.blocks)
                ids.push_back(block.id);
            fail(path, "no block with id " + inQuotes(wanted) + didYouMean(wanted, ids));
        }
        return design.blocks[it->second];
    }

    // Every registry parameter gets a value: the file's, or the default.
    // Text parameters go to `texts` (links have none).
    model::ParamValues params(const json& owner, const std::vector<ParamSpec>& specs, const std::string& ownerPath,
                              const std::string& ownerName, model::TextValues* texts = nullptr) const
    {
        model::ParamValues values;
        for (const auto& spec : specs) {
            if (!spec.isText())
                values[spec.key] = spec.defaultValue;
            else if (texts)
                (*texts)[spec.key] = spec.defaultText;
        }
        auto given = owner.find("params");
        if (given == owner.end())
            return values;
        const std::string path = child(ownerPath, "params");
        object(*given, path);
        for (const auto& item : given->items()) {
            auto spec = std::find_if(specs.begin(), specs.end(),
                                     [&](const ParamSpec& s) { return s.key == item.key(); });
            if (spec == specs.end()) {
                std::vector<std::string> keys;
                for (const auto& s : specs)
                    keys.push_back(s.key);
                const std::string hint = didYouMean(item.key(), keys);
                fail(child(path, item.key()),
                     "unknown parameter" + (hint.empty() ? "; " + ownerName + " has " + listed(keys) : hint));
            }
            if (spec->isText() && texts)
                (*texts)[spec->key] = textValue(*spec, item.value(), child(path, item.key()));
            else
                values[spec->key] = paramValue(*spec, item.value(), child(path, item.key()));
        }
        return values;
    }

    std::string textValue(const ParamSpec& spec, const json& value, const std::string& path) const
    {
        if (!value.is_string())
            fail(path, std::string("must be a text, got ") + value.type_name());
        std::string text = value.get<std::string>();
        if (std::string rule = spec.checkText(text); !rule.empty())
            fail(path, rule);
        return text;
    }

    double paramValue(const ParamSpec& spec, const json& value, const std::string& path) const
    {
        if (spec.type == ParamType::Enum) {
            if (!value.is_string())
                fail(path, "must be one of " + listed(spec.choices) + ", got " + value.type_name());
            const std::string name = value.get<std::string>();
            if (auto index = spec.choiceIndex(name))
                return *index;
            fail(path, "must be one of " + listed(spec.choices) + ", got " + inQuotes(name) +
                           didYouMean(name, spec.choices));
        }
        if (spec.type == ParamType::Bool) {
            if (!value.is_boolean())
                fail(path, std::string("must be true or false, got ") + value.type_name());
            return value.get<bool>() ? 1 : 0;
        }
        const double given = number(value, path);
        if (std::string rule = spec.checkValue(given); !rule.empty())
            fail(path, rule);
        return given;
    }

    std::string m_file;
    std::map<std::string, std::size_t> m_blockIndex; // id -> index in blocks
    std::map<std::pair<std::string, std::string>, std::size_t> m_linkIndex; // (from, to) -> index in links
};

// ---------------------------------------------------------------- writing

ordered_json numberJson(double value, const std::string& what)
{
    if (!std::isfinite(value))
        throw std::runtime_error(what + " is not a finite number");
    // Whole numbers are written as integers ("workers": 8, not 8.0) for the
    // people who read and diff these files; below 2^53 that is exact.
    if (value == std::floor(value) && std::fabs(value) < 9007199254740992.0)
        return static_cast<std::int64_t>(value);
    return value;
}

ordered_json paramJson(const ParamSpec& spec, double value, const std::string& what)
{
    if (spec.type == ParamType::Enum) {
        const std::string name = std::isfinite(value) && value == std::floor(value) ? spec.choiceName(value) : "";
        if (name.empty())
            throw std::runtime_error(what + " has no choice for the value " + formatNumber(value));
        return name;
    }
    if (spec.type == ParamType::Bool)
        return value != 0;
    return numberJson(value, what);
}

ordered_json paramsJson(const std::vector<ParamSpec>& specs, const model::ParamValues& values, const std::string& owner,
                        const model::TextValues& texts = {})
{
    ordered_json result = ordered_json::object();
    for (const auto& spec : specs) {
        if (spec.isText()) {
            auto text = texts.find(spec.key);
            result[spec.key] = text == texts.end() ? spec.defaultText : text->second;
            continue;
        }
        auto it = values.find(spec.key);
        result[spec.key] = paramJson(spec, it == values.end() ? spec.defaultValue : it->second,
                                     owner + ": parameter " + spec.key);
    }
    return result;
}

ordered_json blockJson(const model::Block& block)
{
    const model::BlockSpec* spec = Registry::instance().find(block.kind);
    const std::string owner = "block \"" + block.id + "\"";
    if (!spec)
        throw std::runtime_error(owner + " has the unknown kind \"" + block.kind + "\"");
    ordered_json result;
    result["id"] = block.id;
    result["kind"] = block.kind;
    result["name"] = block.name;
    if (!block.region.empty())
        result["region"] = block.region;
    result["x"] = numberJson(block.x, owner + ": x");
    result["y"] = numberJson(block.y, owner + ": y");
    result["params"] = paramsJson(spec->params, block.params, owner, block.texts);
    return result;
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
        std::snprintf(suffix, sizeof suffix, ".tmp-%06x", static_cast<unsigned>(entropy() & 0xFFFFFF));
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
}

} // namespace

model::Architecture parseScenario(const std::string& text, const std::string& fileNameForErrors)
{
    const std::string& file = fileNameForErrors;
    if (text.size() > kMaxScenarioBytes)
        throw LoadError(file, "", "file is larger than the " + std::to_string(kMaxScenarioBytes >> 20) + " MB limit");
    if (text.find_first_not_of(" \t\r\n") == std::string::npos)
        throw LoadError(file, "", "file is empty");
    checkNesting(text, file);
    try {
        return Reader(file).read(parseJson(text, file));
    } catch (const json::exception& error) {
        // Not expected (every value's type is checked first), but a bug must
        // not escape as an exception the caller never heard of.
        throw LoadError(file, "", clip(std::string("cannot read the file: ") + error.what(), 200));
    } catch (const std::bad_alloc&) {
        throw LoadError(file, "", "not enough memory to load the file");
    }
}

model::Architecture readScenario(const std::string& path)
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
    return parseScenario(text, path);
}

std::string serializeScenario(const model::Architecture& architecture)
{
    ordered_json doc;
    doc["format"] = "scalelab";
    doc["version"] = kScenarioVersion;
    doc["name"] = architecture.name;
    doc["description"] = architecture.description;
    if (architecture.cells > 1)
        doc["scale"] = ordered_json{{"cells", architecture.cells}};
    doc["blocks"] = ordered_json::array();
    for (const auto& block : architecture.blocks)
        doc["blocks"].push_back(blockJson(block));
    doc["links"] = ordered_json::array();
    for (const auto& link : architecture.links) {
        ordered_json entry;
        entry["from"] = link.from;
        entry["to"] = link.to;
        entry["params"] = paramsJson(Registry::instance().linkParams(), link.params,
                                     "link " + link.from + " -> " + link.to);
        doc["links"].push_back(std::move(entry));
    }
    if (!architecture.faults.empty()) {
        doc["faults"] = ordered_json::array();
        for (const auto& fault : architecture.faults) {
            ordered_json entry;
            entry["at_s"] = numberJson(fault.atS, "fault at_s");
            entry["action"] = fault.action;
            if (!fault.region.empty())
                entry["region"] = fault.region;
            if (!fault.block.empty())
                entry["block"] = fault.block;
            if (!fault.to.empty())
                entry["to"] = fault.to;
            if (const model::FaultSpec* spec = model::findFaultSpec(fault.action); spec && spec->hasValue)
                entry["value"] = numberJson(fault.value, "fault value");
            if (fault.durationS > 0)
                entry["duration_s"] = numberJson(fault.durationS, "fault duration_s");
            doc["faults"].push_back(std::move(entry));
        }
    }
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
