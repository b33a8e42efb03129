#pragma once
// The concept library: every entry of resources/concepts/concepts.json in
// file order, found by id, by the block kind it explains, or by words.
// Lookups are linear: the library holds about fifty entries and is searched
// as a user types, which a scan of a few kilobytes of text keeps instant.
#include "Concept.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scalelab::model {

class ConceptLibrary {
public:
    ConceptLibrary() = default;
    explicit ConceptLibrary(std::vector<Concept> concepts) : m_concepts(std::move(concepts)) {}

    const std::vector<Concept>& concepts() const { return m_concepts; }
    // nullptr when no entry has that id.
    const Concept* find(const std::string& id) const;
    // The first entry (in file order) whose `kinds` lists `kind`; nullptr when none does.
    const Concept* forKind(const std::string& kind) const;
    // Entries mentioning every word of `query`, case-insensitively, in the
    // title, the summary or any bullet. Best first: the whole query in the
    // title, then in the summary, then in a bullet, then the words spread
    // over the entry; ties keep file order. An empty query finds everything.
    std::vector<const Concept*> search(std::string_view query) const;
    // Distinct categories in the order they first appear.
    std::vector<std::string> categories() const;

private:
    std::vector<Concept> m_concepts;
};

} // namespace scalelab::model
