#include "PairedComparisonJob.h"

#include <QtConcurrent/QtConcurrentRun>

namespace scalelab::widgets {

PairedComparisonJob::PairedComparisonJob(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &PairedComparisonJob::onFinished);
}

PairedComparisonJob::~PairedComparisonJob()
{
    cancel();
    m_watcher.waitForFinished();
}

bool PairedComparisonJob::start(model::Architecture a, model::Architecture b, const analysis::ComparePlan& plan,
                                std::vector<std::pair<std::string, std::string>> extraFigures)
{
    if (running())
        return false;
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    // Progress comes from the replications' threads; it reaches the GUI as a
    // queued call. `this` outlives the runs (the destructor waits for them),
    // and a call still queued when it is deleted is dropped with it.
    auto report = [this](int done, int total) {
        QMetaObject::invokeMethod(this, [this, done, total] { emit progress(done, total); }, Qt::QueuedConnection);
    };
    m_watcher.setFuture(QtConcurrent::run(
        [a = std::move(a), b = std::move(b), plan, extra = std::move(extraFigures), cancel = m_cancel, report] {
            Outcome outcome;
            try {
                outcome.comparison = analysis::compareDesigns(a, b, plan, extra, cancel.get(), report);
            } catch (const std::exception& error) {
                outcome.error = QString::fromUtf8(error.what());
            }
            outcome.cancelled = cancel->load();
            return outcome;
        }));
    return true;
}

void PairedComparisonJob::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void PairedComparisonJob::onFinished()
{
    const Outcome outcome = m_watcher.result();
    if (outcome.cancelled)
        emit cancelled();
    else if (!outcome.error.isEmpty())
        emit failed(outcome.error);
    else
        emit finished(outcome.comparison);
}

} // namespace scalelab::widgets
