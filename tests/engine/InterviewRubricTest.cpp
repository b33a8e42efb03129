// Every interview problem's reference design (NAME.solution) scores
// Excellent on the rubric, and its naive design (NAME.naive) scores less,
// below Excellent, with the dimension it loses most on naming the criterion
// it fails and why. Each grade is the rubric's own: simulation runs with 95%
// intervals over the challenge's replications, so a design that only passes
// by luck of one seed does not pass here.
#include "analysis/Rubric.h"
#include "io/ScenarioFile.h"

#include <QDir>
#include <QTest>

#include <algorithm>

using namespace scalelab;

namespace {

QString dir() { return QStringLiteral(SCALELAB_SOURCE_DIR "/resources/interviews"); }

analysis::RubricResult rubricOf(const QString& file)
{
    return analysis::gradeRubric(io::readScenario((dir() + "/" + file).toStdString()));
}

QString summary(const analysis::RubricResult& result)
{
    QStringList parts;
    for (const auto& score : result.dimensions)
        parts << QString("%1 %2").arg(analysis::rubricDimensionName(score.dimension)).arg(score.points);
    return QString("%1 (%2): %3")
        .arg(result.total())
        .arg(analysis::rubricVerdictName(result.verdict()))
        .arg(parts.join(", "));
}

} // namespace

class InterviewRubricTest : public QObject {
    Q_OBJECT

private slots:
    void reference_is_excellent_and_naive_is_not_data()
    {
        QTest::addColumn<QString>("problem");
        QStringList problems = QDir(dir()).entryList({"*.solution.scalelab"}, QDir::Files, QDir::Name);
        QVERIFY2(problems.size() >= 36, "at least 36 problems with a reference design");
#ifdef SCALELAB_SANITIZED
        problems = problems.mid(0, 3); // the sanitizers hunt memory errors; three problems cover the code
#endif
        for (const QString& solution : problems)
            QTest::newRow(qPrintable(solution.section('.', 0, 0))) << solution.section('.', 0, 0);
    }

    void reference_is_excellent_and_naive_is_not()
    {
        QFETCH(QString, problem);
        const analysis::RubricResult reference = rubricOf(problem + ".solution.scalelab");
        QVERIFY2(reference.verdict() == analysis::RubricVerdict::Excellent, qPrintable("reference: " + summary(reference)));

        const analysis::RubricResult naive = rubricOf(problem + ".naive.scalelab");
        QVERIFY2(naive.verdict() != analysis::RubricVerdict::Excellent && naive.total() < reference.total(),
                 qPrintable("naive: " + summary(naive) + "; reference: " + summary(reference)));
        // Where it lost most, the report names a criterion it failed and why.
        const analysis::RubricScore& weakest = naive.weakest();
        QVERIFY(weakest.points < analysis::kRubricDimensionPoints);
        const bool named = std::any_of(weakest.evidence.begin(), weakest.evidence.end(), [](const auto& evidence) {
            return !evidence.met() && !evidence.criterion.empty() && !evidence.run.empty();
        });
        QVERIFY2(named, qPrintable(QString("no failed criterion named under %1").arg(analysis::rubricDimensionName(weakest.dimension))));
        QVERIFY2(!weakest.lesson.empty(), "a lesson to study for the weakest dimension");
    }
};

QTEST_GUILESS_MAIN(InterviewRubricTest)
#include "InterviewRubricTest.moc"
