#include "RecoveryFile.h"

#include "document/DesignDocument.h"
#include "io/ScenarioFile.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>

#include <exception>

namespace scalelab::app {

namespace {
constexpr const char* kOriginalKey = "recovery/originalPath";
}

RecoveryFile::RecoveryFile(widgets::DesignDocument* document, QString directory, QObject* parent)
    : QObject(parent)
    , m_document(document)
    , m_directory(directory.isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                                      : std::move(directory))
    , m_timer(new QTimer(this))
{
    QDir().mkpath(m_directory);
    auto lock = std::make_unique<QLockFile>(QDir(m_directory).filePath("recovery.lock"));
    lock->setStaleLockTime(0); // a lock is stale only when its process is gone
    if (lock->tryLock(0))
        m_lock = std::move(lock);
    connect(m_timer, &QTimer::timeout, this, &RecoveryFile::saveNow);
    if (m_lock)
        m_timer->start(kIntervalMs);
}

RecoveryFile::~RecoveryFile() = default;

QString RecoveryFile::path() const { return QDir(m_directory).filePath("recovery.scalelab"); }

std::optional<RecoveryFile::Left> RecoveryFile::leftBehind() const
{
    if (!m_lock || !QFile::exists(path()))
        return std::nullopt;
    return Left{path(), QSettings().value(kOriginalKey).toString()};
}

bool RecoveryFile::saveNow()
{
    if (!m_lock || !m_document->isModified())
        return false;
    try {
        io::writeScenario(m_document->architecture(), path().toStdString());
        QSettings().setValue(kOriginalKey, m_document->filePath());
        return true;
    } catch (const std::exception&) {
        return false; // a full disk must not interrupt editing; the next tick tries again
    }
}

void RecoveryFile::discard()
{
    if (!m_lock)
        return;
    QFile::remove(path());
    QSettings().remove(kOriginalKey);
}

} // namespace scalelab::app
