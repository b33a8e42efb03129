#pragma once
// One concept of the library as a readable page (rich text for a
// QTextBrowser): the summary, when to use it and when not, the trade-offs,
// the numbers to remember, what to say in an interview, related concepts
// as links, and links that open its lesson, its example and the trade-off
// cards that compare it. Links carry their target in the URL scheme:
//   concept:ID   lesson:STEM   example:STEM   card:STEM
#include "model/ConceptLibrary.h"

#include <QString>
#include <QUrl>

namespace scalelab::widgets {

class ConceptPage {
public:
    static constexpr const char* kConceptScheme = "concept";
    static constexpr const char* kLessonScheme = "lesson";
    static constexpr const char* kExampleScheme = "example";
    static constexpr const char* kCardScheme = "card";

    static QString html(const model::Concept& entry, const model::ConceptLibrary& library);
    static QUrl link(const char* scheme, const std::string& target);
};

} // namespace scalelab::widgets
