#pragma once
// Description of one parameter of a block or link kind. The registry holds
// these; the palette, property editor, file loader, CLI `--set` and the
// analytic model all read them, so a parameter is declared exactly once.
#include <optional>
#include <string>
#include <vector>

namespace scalelab::model {

enum class ParamType {
    Int,      // whole number (instances, workers, retries)
    Double,   // real number (ratios, exponents)
    Bool,     // stored as 0 or 1
    Enum,     // stored as the index into `choices`; files hold the choice's name
    Duration, // milliseconds
    Rate,     // requests per second
    Text,     // a short text in a small language of its own (ramp stages); see textRule
};

const char* paramTypeName(ParamType type);

struct ParamSpec {
    std::string key;   // file-format and CLI key, e.g. "service_time_ms"
    std::string label; // human label, e.g. "Service time"
    ParamType type = ParamType::Double;
    std::string unit;  // "ms", "rps", "" ...
    double defaultValue = 0;
    double min = 0;
    double max = 0;
    double step = 1;
    std::vector<std::string> choices; // Enum only
    std::string help;                 // one or two sentences, shown as tooltip and in docs
    std::string defaultText;          // Text only
    std::string textFormat;           // Text only: its grammar in brief, e.g. "DURATION:RPS, ..." (the reference's range)
    // Text only: empty when the text is acceptable, otherwise the rule it breaks.
    std::string (*textRule)(const std::string&) = nullptr;
    // Enum only, may be null: why a name that is not among the choices is
    // refused, when the kind has a better answer than the list ("" when not).
    std::string (*choiceRule)(const std::string&) = nullptr;
    // A count or rate of identical things, divided among the cells of the
    // cell reduction (sim/CellReduction.h); Text: the values of its
    // TIME:NUMBER entries are.
    bool perCell = false;

    bool isText() const { return type == ParamType::Text; }
    std::string checkText(const std::string& text) const { return textRule ? textRule(text) : std::string(); }
    bool isIntegral() const { return type == ParamType::Int || type == ParamType::Bool || type == ParamType::Enum; }
    // Index of an enum choice by name, or nullopt.
    std::optional<int> choiceIndex(const std::string& name) const;
    // Name of the enum choice for a stored value; empty when out of range.
    std::string choiceName(double value) const;
    // Empty when `value` is acceptable, otherwise the rule it breaks,
    // e.g. "must be >= 1, got 0".
    std::string checkValue(double value) const;
    // Parses a user-typed value ("3", "2.5", "true", "least_connections").
    // Returns nullopt and sets `error` when the text is not a valid value.
    std::optional<double> parseValue(const std::string& text, std::string& error) const;
    // The value as a user would type it back (enum name, true/false, number).
    std::string formatValue(double value) const;
};

} // namespace scalelab::model
