// The scenario library as a learner meets it: every built-in example loads,
// validates, runs and completes requests, and says where it belongs in the
// gallery and what to try with it; every file under resources/ is compiled
// into the app (a file left out of resources.qrc would silently be missing).
#include "SimTestSupport.h"
#include "io/LoadError.h"
#include "io/ScenarioFile.h"
#include "model/LibraryTopics.h"
#include "model/Validator.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QtTest>

#include <algorithm>

using namespace scalelab;

namespace {

const QString kResources = QStringLiteral(SCALELAB_SOURCE_DIR "/resources");

bool knownTopic(const std::string& topic)
{
    const auto& topics = model::libraryTopics();
    return std::find(topics.begin(), topics.end(), topic) != topics.end();
}

} // namespace

class ScenarioLibraryTest : public QObject {
    Q_OBJECT

private slots:
    void every_example_runs_and_has_a_library_entry_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(kResources + "/examples");
        const QStringList files = dir.entryList({QStringLiteral("*.scalelab")}, QDir::Files, QDir::Name);
        QVERIFY2(files.size() >= 20, "the example library looks empty");
        for (const QString& file : files)
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }

    void every_example_runs_and_has_a_library_entry()
    {
        QFETCH(QString, path);
        model::Architecture design;
        try {
            design = io::readScenario(path.toStdString());
        } catch (const io::LoadError& error) {
            QFAIL(error.what());
        }
        for (const auto& problem : model::validate(design))
            QVERIFY2(!problem.isError(), problem.message.c_str());
        QVERIFY2(knownTopic(design.library.topic),
                 qPrintable(QStringLiteral("topic \"%1\" is not in model::libraryTopics()")
                                .arg(QString::fromStdString(design.library.topic))));
        // A few sentences: long enough to describe an experiment, short enough to read in the gallery.
        QVERIFY2(design.library.whatToTry.size() >= 80 && design.library.whatToTry.size() <= 700,
                 qPrintable(QStringLiteral("what_to_try has %1 characters").arg(design.library.whatToTry.size())));
        QVERIFY(!design.description.empty());

        const stats::Snapshot snap = testing::simulate(design, 1, 4);
        QVERIFY2(snap.completed > 0, "no request completed in 5 simulated seconds");
    }

    void orders_within_a_topic_are_distinct()
    {
        QMap<QString, QSet<int>> orders;
        const QDir dir(kResources + "/examples");
        for (const QString& file : dir.entryList({QStringLiteral("*.scalelab")}, QDir::Files)) {
            const model::Architecture design = io::readScenario(dir.filePath(file).toStdString());
            QSet<int>& used = orders[QString::fromStdString(design.library.topic)];
            QVERIFY2(!used.contains(design.library.order),
                     qPrintable(file + ": order " + QString::number(design.library.order) + " is taken in its topic"));
            used.insert(design.library.order);
        }
    }

    void every_resource_file_is_in_the_qrc()
    {
        QFile qrc(kResources + "/resources.qrc");
        QVERIFY(qrc.open(QIODevice::ReadOnly | QIODevice::Text));
        const QString text = QString::fromUtf8(qrc.readAll());
        QSet<QString> listed;
        static const QRegularExpression entry(QStringLiteral("<file[^>]*>([^<]+)</file>"));
        for (auto it = entry.globalMatch(text); it.hasNext();)
            listed.insert(it.next().captured(1).trimmed());

        QDirIterator files(kResources, QDir::Files, QDirIterator::Subdirectories);
        const QDir root(kResources);
        while (files.hasNext()) {
            const QString relative = root.relativeFilePath(files.next());
            // The qrc itself, and the desktop entry, which is installed, not compiled in.
            if (relative == "resources.qrc" || relative == "scalelab.desktop")
                continue;
            QVERIFY2(listed.contains(relative), qPrintable(relative + " is not listed in resources/resources.qrc"));
        }
        for (const QString& file : listed)
            QVERIFY2(QFile::exists(kResources + "/" + file), qPrintable("resources.qrc lists missing " + file));
    }
};

QTEST_APPLESS_MAIN(ScenarioLibraryTest)
#include "ScenarioLibraryTest.moc"
