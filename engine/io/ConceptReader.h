#pragma once
// Reads the concept library (resources/concepts/concepts.json) with the
// same errors (file, JSON path, rule) as a design:
//
//   {"format": "scalelab-concepts", "version": 1,
//    "concepts": [{"id": "cache", "title": "Cache", "category": "Caching",
//                  "summary": "One or two sentences.",
//                  "kinds": ["cache"],                       // registry kinds it explains
//                  "when_to_use": ["..."], "when_not_to_use": ["..."],
//                  "tradeoffs": ["..."], "numbers": ["..."], "interview": ["..."],
//                  "related": ["cdn"],                       // ids of other entries
//                  "lesson": "caching", "example": "product-page-cache-aside",
//                  "see_also_cards": ["cache-aside-vs-write-through"]}]}
//
// "id", "title", "category" and "summary" are required; every list may be
// left out. Checked here: ids are plain and unique, kinds are registry
// kinds, related ids name other entries, no text is empty. Not checked here
// (the reader sees text, not the resource folders): that the lesson, example
// and cards exist; ConceptLibraryTest checks those against the bundle.
#include "model/ConceptLibrary.h"

#include <string>

namespace scalelab::io {

inline constexpr int kConceptsVersion = 1;

// Throws LoadError.
model::ConceptLibrary parseConceptLibrary(const std::string& text, const std::string& fileName);

} // namespace scalelab::io
