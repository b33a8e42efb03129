#pragma once
// One entry of the concept library (resources/concepts/concepts.json): a
// block kind or a scaling pattern explained in the app's own words, shown
// when a block is selected and in the Help dock. Pure data; the library
// (ConceptLibrary) finds entries, io/ConceptReader.h reads and checks them.
#include <string>
#include <vector>

namespace scalelab::model {

struct Concept {
    std::string id, title, category, summary; // id: "cache", "consistent-hashing"...
    std::vector<std::string> kinds;           // block kinds this concept explains (registry kind names), may be empty
    std::vector<std::string> whenToUse, whenNotToUse, tradeoffs, numbers, interview; // bullet texts
    std::vector<std::string> related;         // other concept ids
    std::string lesson, example;              // optional: lesson file stem, example file stem
    std::vector<std::string> seeAlsoCards;    // optional: trade-off card stems (resources/tradeoffs/NAME.tradeoff)
    bool operator==(const Concept&) const = default;
};

} // namespace scalelab::model
