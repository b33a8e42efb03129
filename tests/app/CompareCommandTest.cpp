// `scalelab compare` as a user runs it: the real binary, its JSON, a card's
// claims deciding the exit status, and one-line usage errors.
#include "CliProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using scalelab::testing::examplePath;
using scalelab::testing::runScalelab;
using Result = scalelab::testing::CliResult;

namespace {

// A card comparing one worker against four on the M/M/4 example, with one
// claim that is true and, when `lie`, one that is not.
QString writeCard(const QTemporaryDir& dir, bool lie)
{
    QFile design(examplePath("mmc.scalelab"));
    design.open(QIODevice::ReadOnly);
    QByteArray text = design.readAll();
    QFile fast(dir.filePath("fast.scalelab"));
    fast.open(QIODevice::WriteOnly);
    fast.write(text);
    QFile slow(dir.filePath("slow.scalelab"));
    slow.open(QIODevice::WriteOnly);
    slow.write(text.replace("\"rate_rps\": 3200", "\"rate_rps\": 3700"));
    const QString claims = QString(R"({"metric": "p95_ms", "expect": "b_higher", "text": "More load waits longer."})") +
                           (lie ? R"(, {"metric": "p95_ms", "expect": "b_lower", "text": "A lie."})" : "");
    QFile card(dir.filePath("load.tradeoff"));
    card.open(QIODevice::WriteOnly);
    card.write(QString(R"({"format": "scalelab-tradeoff", "version": 1, "title": "Load", "topic": "Queueing",
        "tier": "foundations", "question": "What does more load do?", "look_for": "The wait.",
        "a": {"design": "fast.scalelab", "label": "3,200 rps"}, "b": {"design": "slow.scalelab", "label": "3,700 rps"},
        "run": {"warmup_s": 2, "duration_s": 10, "replications": 3}, "claims": [%1]})")
                   .arg(claims)
                   .toUtf8());
    return card.fileName();
}

} // namespace

class CompareCommandTest : public QObject {
    Q_OBJECT

private slots:
    void a_design_against_itself_differs_by_nothing()
    {
        const QString file = examplePath("three-tier.scalelab");
        const Result r = runScalelab({"compare", file, file, "--replications", "3", "--duration", "5s", "--json"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(json["replications"].toInt(), 3);
        const QJsonArray figures = json["figures"].toArray();
        QVERIFY(figures.size() >= 8);
        for (const auto& figure : figures) {
            const QJsonObject row = figure.toObject();
            QCOMPARE(row["difference"].toObject()["mean"].toDouble(), 0.0);
            QCOMPARE(row["significant"].toBool(), false);
        }
    }

    void a_card_passes_when_its_claims_hold_and_fails_when_one_does_not()
    {
        QTemporaryDir dir;
        const Result good = runScalelab({"compare", writeCard(dir, false)});
        QVERIFY2(good.exitCode == 0, good.out.constData());
        QVERIFY2(good.out.contains("holds: More load waits longer."), good.out.constData());
        const Result bad = runScalelab({"compare", writeCard(dir, true), "--json"});
        QCOMPARE(bad.exitCode, 1);
        const QJsonObject json = QJsonDocument::fromJson(bad.out).object();
        QCOMPARE(json["all_hold"].toBool(), false);
        QCOMPARE(json["claims"].toArray()[1].toObject()["holds"].toBool(), false);
    }

    void bad_command_lines_are_one_line_usage_errors()
    {
        const QString file = examplePath("three-tier.scalelab");
        const QList<QStringList> cases{{file}, {file, file, "--replications", "1"}, {file, file, "--duration", "x"}};
        for (const QStringList& options : cases) {
            const Result r = runScalelab(QStringList{"compare"} + options);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.startsWith("scalelab: ") && r.err.count('\n') == 1, r.err.constData());
        }
        QCOMPARE(runScalelab({"compare", file, "/nonexistent.scalelab"}).exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(CompareCommandTest)
#include "CompareCommandTest.moc"
