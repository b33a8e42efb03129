#pragma once
// Turns a parsed .scalelab document into a design, or throws LoadError at the
// first rule broken. Every access is preceded by a type check, so nlohmann
// never throws here. The parts (a block, a link, a fault, a parameter value)
// are public because the teaching sections (lesson edits, challenge loads)
// hold the same shapes and must be read by the same rules.
#include "JsonReader.h"
#include "model/Architecture.h"
#include "model/ParamSpec.h"

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace scalelab::io {

class DesignReader : public JsonReader {
public:
    using JsonReader::JsonReader;

    model::Architecture read(const nlohmann::json& doc);

    // A block with every parameter (the file's or the default); its id is
    // not registered, so links of the design cannot name it.
    model::Block blockContent(const nlohmann::json& value, const std::string& path) const;
    // A link between blocks of `design`, checked against the registry's link rules.
    model::Link linkContent(const nlohmann::json& value, const std::string& path,
                            const model::Architecture& design) const;
    // `requireTime` false: "at_s" may be left out (faults injected at once).
    model::Fault fault(const nlohmann::json& value, const std::string& path, const model::Architecture& design,
                       bool requireTime = true) const;
    const model::Block& endpoint(const nlohmann::json& value, const std::string& path,
                                 const model::Architecture& design) const;
    // A value for `spec` from the file: a choice name for enums, true/false
    // for flags, else a number in the parameter's range.
    double paramValue(const model::ParamSpec& spec, const nlohmann::json& value, const std::string& path) const;

private:
    void checkFormat(const nlohmann::json& doc) const;
    // "scale": {"cells": K, "sampling": "auto"|"off"|"on"}: the cell
    // reduction (sim/CellReduction.h) and shard sampling (run/ShardSampling.h).
    void readScale(const nlohmann::json& scale, model::Architecture& design) const;
    model::ParamValues params(const nlohmann::json& owner, const std::vector<model::ParamSpec>& specs,
                              const std::string& ownerPath, const std::string& ownerName,
                              model::TextValues* texts = nullptr) const;
    std::string textValue(const model::ParamSpec& spec, const nlohmann::json& value, const std::string& path) const;

    std::map<std::string, std::size_t> m_blockIndex; // id -> index in blocks
    std::map<std::pair<std::string, std::string>, std::size_t> m_linkIndex; // (from, to) -> index in links
};

} // namespace scalelab::io
