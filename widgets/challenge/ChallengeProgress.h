#pragma once
// Which challenges the user has passed, kept in QSettings (as the Lessons
// dock keeps its progress) under the challenge's title, which its start
// file, naive attempt and reference solution share. The gallery reads it to
// decide whether a challenge's solution may be listed.
#include "model/Challenge.h"

#include <QString>

namespace scalelab::widgets {

class ChallengeProgress {
public:
    static bool passed(const model::Challenge& challenge);
    static void markPassed(const model::Challenge& challenge);

private:
    static QString key(const model::Challenge& challenge);
};

} // namespace scalelab::widgets
