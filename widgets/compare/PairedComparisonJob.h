#pragma once
// analysis::compareDesigns off the GUI thread: replications of both designs
// run on worker threads (QtConcurrent), progress and the result come back
// as queued signals, and cancel() stops the runs not yet finished. The GUI
// never waits for it, except the destructor, which cancels and then waits
// for the runs under way (a replication at most) so no thread outlives the
// designs it reads.
#include "analysis/PairedComparison.h"

#include <QFutureWatcher>
#include <QObject>

#include <atomic>
#include <memory>

namespace scalelab::widgets {

class PairedComparisonJob : public QObject {
    Q_OBJECT
public:
    explicit PairedComparisonJob(QObject* parent = nullptr);
    ~PairedComparisonJob() override;

    bool running() const { return m_watcher.isRunning(); }
    // Starts a comparison (refused while one runs: false).
    bool start(model::Architecture a, model::Architecture b, const analysis::ComparePlan& plan,
               std::vector<std::pair<std::string, std::string>> extraFigures = {});

public slots:
    void cancel();

signals:
    void progress(int done, int total);
    void finished(const scalelab::analysis::Comparison& comparison);
    void cancelled();
    void failed(const QString& message);

private:
    struct Outcome {
        analysis::Comparison comparison;
        QString error;
        bool cancelled = false;
    };
    void onFinished();

    QFutureWatcher<Outcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

} // namespace scalelab::widgets
