#include "ChallengeProgress.h"

#include <QSettings>
#include <QUrl>

namespace scalelab::widgets {

QString ChallengeProgress::key(const model::Challenge& challenge)
{
    // A title may hold '/', which QSettings reads as a group separator.
    return "challenges/" + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromStdString(challenge.title))) +
           "/passed";
}

bool ChallengeProgress::passed(const model::Challenge& challenge) { return QSettings().value(key(challenge)).toBool(); }

void ChallengeProgress::markPassed(const model::Challenge& challenge) { QSettings().setValue(key(challenge), true); }

} // namespace scalelab::widgets
