#include "PathProgress.h"

#include <QSettings>
#include <QUrl>

namespace scalelab::widgets {

namespace {
constexpr const char* kGroup = "learningPath/done";
}

PathProgress::PathProgress(bool keepsProgress, QObject* parent)
    : QObject(parent)
    , m_keepsProgress(keepsProgress)
{
    if (!m_keepsProgress)
        return;
    QSettings settings;
    settings.beginGroup(kGroup);
    for (const QString& encoded : settings.childKeys())
        if (settings.value(encoded).toBool())
            m_done.insert(QUrl::fromPercentEncoding(encoded.toLatin1()).toStdString());
}

QString PathProgress::key(const QString& stepId)
{
    // Ids hold ':' and could hold '/', which QSettings reads as a group separator.
    return QString(kGroup) + "/" + QString::fromLatin1(QUrl::toPercentEncoding(stepId));
}

void PathProgress::markDone(const QString& stepId)
{
    if (stepId.isEmpty() || !m_done.insert(stepId.toStdString()).second)
        return;
    if (m_keepsProgress)
        QSettings().setValue(key(stepId), true);
    emit changed();
}

void PathProgress::reset()
{
    m_done.clear();
    if (m_keepsProgress)
        QSettings().remove(kGroup);
    emit changed();
}

} // namespace scalelab::widgets
