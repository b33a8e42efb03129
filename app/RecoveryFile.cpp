#include "RecoveryFile.h"

#include "document/DesignDocument.h"
#include "io/ScenarioFile.h"

#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>

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
    m_timer->setSingleShot(true);
    m_timer->setInterval(kAfterEditMs);
    connect(m_timer, &QTimer::timeout, this, &RecoveryFile::saveNow);
    if (m_lock)
        connect(document->undoStack(), &QUndoStack::indexChanged, this, &RecoveryFile::scheduleSave);
}

void RecoveryFile::scheduleSave()
{
    if (!m_timer->isActive())
        m_pendingSince.start();
    if (m_pendingSince.elapsed() >= kLongestDelayMs)
        m_timer->setInterval(0); // edits without a pause: write at the next turn of the event loop
    else
        m_timer->setInterval(kAfterEditMs);
    m_timer->start();
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
    m_timer->stop();
    if (!m_lock || !m_document->isModified())
        return false;
    try {
        // Where the design came from goes to disk first, and at once (QSettings
        // writes lazily): a crash between the two writes then leaves either
        // no recovery file or one whose path is known. Opening or saving a
        // design discards the old recovery file, so the path never names
        // another design's file.
        QSettings settings;
        settings.setValue(kOriginalKey, m_document->filePath());
        settings.sync();
        io::writeScenario(m_document->architecture(), path().toStdString());
        return true;
    } catch (const std::exception&) {
        // A full disk must not interrupt editing: no message, just another try.
        m_timer->setInterval(kRetryMs);
        m_timer->start();
        return false;
    }
}

void RecoveryFile::discard()
{
    if (!m_lock)
        return;
    QFile::remove(path());
    QSettings settings;
    settings.remove(kOriginalKey);
    settings.sync();
}

} // namespace scalelab::app
