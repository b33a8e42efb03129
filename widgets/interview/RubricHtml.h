#pragma once
// The rubric as rich text: the total and the verdict, each dimension's
// points with its evidence (the figure, its 95% interval, the run), and the
// weakest dimension with a link to the lesson that teaches it
// ("lesson:" + the lesson's resource path; the view opens it).
#include "analysis/Rubric.h"

#include <QString>

namespace scalelab::widgets {

inline constexpr const char* kLessonLinkScheme = "lesson";

// Without `lessonLink` the lesson is named, not linked (where no one opens it).
QString rubricHtml(const analysis::RubricResult& rubric, bool lessonLink = true);

} // namespace scalelab::widgets
