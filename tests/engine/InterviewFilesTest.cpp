// Every built-in interview (resources/interviews) loads, carries what the
// interview mode needs (a prompt, a checklist, a challenge with a hidden load,
// the "Interviews" library topic), is compiled into the app, and its starting
// design runs.
#include "SimTestSupport.h"
#include "io/ScenarioFile.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace scalelab;

class InterviewFilesTest : public QObject {
    Q_OBJECT

    static QString dir() { return QStringLiteral(SCALELAB_SOURCE_DIR "/resources/interviews"); }

private slots:
    void interview_files_data()
    {
        QTest::addColumn<QString>("name");
        const QStringList names = QDir(dir()).entryList({"*.scalelab"}, QDir::Files, QDir::Name);
        QVERIFY2(names.size() >= 8, "the five seed questions and at least three design prompts");
        for (const QString& name : names)
            QTest::newRow(qPrintable(name)) << name;
    }

    void interview_files()
    {
        QFETCH(QString, name);
        model::Architecture design;
        try {
            design = io::readScenario((dir() + "/" + name).toStdString());
        } catch (const std::exception& error) {
            QFAIL(error.what());
        }
        QVERIFY(design.interview);
        QVERIFY(!design.interview->prompt.empty());
        QVERIFY(!design.interview->source.empty());
        QVERIFY2(design.interview->requirements.size() >= 4 && design.interview->requirements.size() <= 7,
                 "4 to 7 requirements");
        QCOMPARE(design.library.topic, std::string("Interviews"));
        QVERIFY(design.challenge);
        bool hidden = false;
        for (const auto& load : design.challenge->loads)
            hidden = hidden || load.hidden;
        QVERIFY2(hidden, "the stress test reveals a hidden load");
        bool budget = false;
        for (const auto& goal : design.challenge->goals)
            budget = budget || goal.check.metric == "cost_per_month";
        QVERIFY2(budget, "a budget goal");
        if (!name.endsWith(".solution.scalelab") && !name.endsWith(".naive.scalelab")) {
            // What the candidate reads: a full practice problem.
            const model::Interview& problem = *design.interview;
            QVERIFY2(!problem.functional.empty() && !problem.nonFunctional.empty(), "functional and non-functional requirements");
            QVERIFY2(problem.scale.peakRps > 0, "a peak rate (a crawler has no daily users)");
            QVERIFY2(problem.budgetPerMonth > 0, "a budget");
            QCOMPARE(problem.hints.size(), size_t(3)); // a nudge, the pattern, the fix
            QVERIFY2(!problem.guide.estimation.empty() && !problem.guide.api.empty() && !problem.guide.dataModel.empty(),
                     "an interview guide");
            QVERIFY2(!problem.changes.empty(), "a requirement change");
            for (const char* suffix : {".solution.scalelab", ".naive.scalelab"})
                QVERIFY2(QFile::exists(dir() + "/" + name.section('.', 0, 0) + suffix), suffix);
        }

        QFile qrc(QStringLiteral(SCALELAB_SOURCE_DIR "/resources/resources.qrc"));
        QVERIFY(qrc.open(QIODevice::ReadOnly));
        QVERIFY2(qrc.readAll().contains(("interviews/" + name).toUtf8()), "listed in resources.qrc");

        // The starting design runs and serves traffic (whether it meets the goals is the candidate's job).
        const stats::Snapshot snap = testing::simulate(design, 5, 10);
        QVERIFY2(snap.completed > 0, "the starting design completes requests");
    }
};

QTEST_APPLESS_MAIN(InterviewFilesTest)
#include "InterviewFilesTest.moc"
