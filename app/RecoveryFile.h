#pragma once
// Autosave for crash recovery: a few seconds after each edit an unsaved design
// is written (atomically, by the engine's writer) to a recovery file in the
// app's data folder, so a crash loses at most those seconds. A clean exit
// deletes it; if ScaleLab crashed, the next start finds it and offers the
// design back before it opens anything else.
//
// Several windows may run at once: a QLockFile marks the recovery file as in
// use, so only the first instance autosaves, and a stale lock (its process is
// gone) is exactly the "previous run crashed" signal.
#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QLockFile;
class QTimer;

namespace scalelab::widgets {
class DesignDocument;
}

namespace scalelab::app {

class RecoveryFile : public QObject {
    Q_OBJECT
public:
    // Quiet time after an edit before the design is written: a burst of
    // edits (a drag, typing a value) costs one write, not one each.
    static constexpr int kAfterEditMs = 2'000;
    // ...but never longer than this after the first unsaved edit of a burst.
    static constexpr int kLongestDelayMs = 30'000;
    // A write that failed (a full disk, a folder gone) is tried again after
    // this, so one edit made before the disk filled is not left unprotected
    // until the user happens to edit again.
    static constexpr int kRetryMs = 5'000;

    // `directory` defaults to QStandardPaths::AppDataLocation.
    explicit RecoveryFile(widgets::DesignDocument* document, QString directory = {}, QObject* parent = nullptr);
    ~RecoveryFile() override;

    bool isActive() const { return m_lock != nullptr; }
    QString path() const;
    // A design left behind by a crashed run, with the file it had been opened from.
    struct Left {
        QString recoveryPath;
        QString originalPath;
    };
    std::optional<Left> leftBehind() const;
    // Writes the design now if it has unsaved changes; true when a file was written.
    bool saveNow();
    // The design is saved or discarded: nothing to recover.
    void discard();

private:
    void scheduleSave();

    widgets::DesignDocument* m_document;
    QString m_directory;
    std::unique_ptr<QLockFile> m_lock;
    QTimer* m_timer;
    QElapsedTimer m_pendingSince; // the first edit the timer waits to write
};

} // namespace scalelab::app
