#pragma once
// Grades a design on the rubric (analysis::gradeRubric) on a worker thread,
// so the UI never waits for its runs; finished() reports the result or why
// it could not be graded. Destroying the runner cancels the grade and waits
// for the run in progress. The interview report and the Challenge dock use it.
#include "analysis/Rubric.h"

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace scalelab::widgets {

class RubricRunner : public QObject {
    Q_OBJECT
public:
    explicit RubricRunner(QObject* parent = nullptr);
    ~RubricRunner() override;

    // Starts grading `design` (a copy); ignored while a grade runs.
    void start(const model::Architecture& design);
    bool running() const { return m_watcher.isRunning(); }
    const std::optional<analysis::RubricResult>& result() const { return m_result; }
    const QString& error() const { return m_error; }

signals:
    void progress(int done, int total);
    void finished();

private:
    struct Outcome {
        std::optional<analysis::RubricResult> result;
        QString error;
    };
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<Outcome> m_watcher;
    std::optional<analysis::RubricResult> m_result;
    QString m_error;
};

} // namespace scalelab::widgets
