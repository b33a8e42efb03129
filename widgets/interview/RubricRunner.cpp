#include "RubricRunner.h"

#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace scalelab::widgets {

RubricRunner::RubricRunner(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        const Outcome outcome = m_watcher.result();
        m_result = outcome.result;
        m_error = outcome.error;
        emit finished();
    });
}

RubricRunner::~RubricRunner()
{
    if (m_cancel)
        *m_cancel = true;
    m_watcher.waitForFinished(); // gradeRubric stops at the next run once cancelled
}

void RubricRunner::start(const model::Architecture& design)
{
    if (m_watcher.isRunning())
        return;
    m_result.reset();
    m_error.clear();
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    analysis::GradeOptions options;
    options.cancel = m_cancel.get();
    QPointer<RubricRunner> self = this;
    options.progress = [self](int done, int total) {
        QMetaObject::invokeMethod(self, [self, done, total] {
            if (self)
                emit self->progress(done, total);
        }, Qt::QueuedConnection);
    };
    const auto cancel = m_cancel; // kept alive by the task
    m_watcher.setFuture(QtConcurrent::run([design, options, cancel]() -> Outcome {
        try {
            return {analysis::gradeRubric(design, options), {}};
        } catch (const std::exception& error) {
            return {std::nullopt, QString::fromUtf8(error.what())};
        }
    }));
}

} // namespace scalelab::widgets
