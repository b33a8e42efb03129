// The bundled learning path (resources/path/learning-path.json) and its rules:
// it parses, every step names a bundled file, every bundled lesson, challenge
// and interview problem (and trade-off card, once cards are bundled) is on it,
// requirements resolve and form no cycle, and the next-step logic follows
// done / locked / available. Broken files give the file, the JSON path and the rule.
#include "io/LearningPathReader.h"
#include "io/LoadError.h"

#include <nlohmann/json.hpp>

#include <QDir>
#include <QFile>
#include <QtTest>

#include <set>

using namespace scalelab;

namespace {

QString resourcesDir() { return QStringLiteral(SCALELAB_SOURCE_DIR "/resources"); }

std::string readText(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

model::LearningPath bundledPath()
{
    return io::parseLearningPath(readText(resourcesDir() + "/path/learning-path.json"), "learning-path.json");
}

// Where a step's file lives, and the extension.
QString folderOf(model::PathStep::Kind kind)
{
    switch (kind) {
    case model::PathStep::Kind::Lesson: return "lessons";
    case model::PathStep::Kind::Tradeoff: return "tradeoffs";
    case model::PathStep::Kind::Challenge: return "challenges";
    case model::PathStep::Kind::Interview: return "interviews";
    }
    return {};
}

// The stems of a folder's files, leaving out the naive attempts and reference solutions.
std::set<std::string> bundledStems(const QString& folder, const QString& extension)
{
    std::set<std::string> stems;
    for (const QString& name : QDir(resourcesDir() + "/" + folder).entryList({"*" + extension}, QDir::Files)) {
        const QString stem = name.chopped(extension.size());
        // A trade-off card's two designs sit beside it as NAME.a/.b.scalelab; the extension tells them apart.
        if (!stem.endsWith(".naive") && !stem.endsWith(".solution"))
            stems.insert(stem.toStdString());
    }
    return stems;
}

// A minimal valid file with `steps` (JSON text) in the first tier.
std::string fileWith(const std::string& foundationSteps)
{
    return R"({"format": "scalelab-learning-path", "version": 1, "tiers": [
        {"id": "foundations", "title": "Foundations", "steps": [)" + foundationSteps + R"(]},
        {"id": "intermediate", "title": "Intermediate", "steps": []},
        {"id": "advanced", "title": "Advanced", "steps": []},
        {"id": "expert", "title": "Expert", "steps": []}]})";
}

std::string step(const std::string& kind, const std::string& ref, const std::string& needs = "")
{
    return R"({"id": ")" + kind + ":" + ref + R"(", "kind": ")" + kind + R"(", "ref": ")" + ref +
           R"(", "title": "T", "why": "W", "requires": [)" + needs + "]}";
}

QString loadErrorOf(const std::string& text)
{
    try {
        io::parseLearningPath(text, "/some/dir/learning-path.json");
    } catch (const io::LoadError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

} // namespace

class LearningPathTest : public QObject {
    Q_OBJECT

private slots:
    void bundled_file_parses_into_four_tiers()
    {
        const model::LearningPath path = bundledPath();
        QCOMPARE(int(path.tiers.size()), 4);
        for (const model::PathTier& tier : path.tiers)
            QVERIFY2(!tier.steps.empty(), qPrintable("tier " + QString::fromStdString(tier.id) + " is empty"));
    }

    void every_step_names_a_bundled_file()
    {
        for (const model::PathTier& tier : bundledPath().tiers)
            for (const model::PathStep& step : tier.steps) {
                const QString extension = step.kind == model::PathStep::Kind::Tradeoff ? ".tradeoff" : ".scalelab";
                const QString file = folderOf(step.kind) + "/" + QString::fromStdString(step.ref) + extension;
                if (step.kind == model::PathStep::Kind::Tradeoff && !QDir(resourcesDir() + "/tradeoffs").exists())
                    continue; // no card is bundled yet: the cards and their steps arrive together
                QVERIFY2(QFile::exists(resourcesDir() + "/" + file),
                         qPrintable(QString::fromStdString(step.id) + " names " + file + ", which is not bundled"));
            }
    }

    void every_bundled_lesson_challenge_interview_and_card_is_on_the_path()
    {
        const model::LearningPath path = bundledPath();
        const std::vector<std::pair<model::PathStep::Kind, QString>> kinds = {
            {model::PathStep::Kind::Lesson, ".scalelab"},
            {model::PathStep::Kind::Challenge, ".scalelab"},
            {model::PathStep::Kind::Interview, ".scalelab"},
            {model::PathStep::Kind::Tradeoff, ".tradeoff"},
        };
        int checked = 0;
        for (const auto& [kind, extension] : kinds)
            for (const std::string& stem : bundledStems(folderOf(kind), extension)) {
                const std::string id = std::string(model::LearningPath::kindName(kind)) + ":" + stem;
                QVERIFY2(path.find(id), qPrintable(QString::fromStdString(id) + " is bundled but not on the learning path"));
                ++checked;
            }
        QVERIFY2(checked >= 13 + 12 + 36, qPrintable(QString("only %1 bundled files found").arg(checked)));
    }

    void each_card_sits_in_its_own_tier()
    {
        // A trade-off card names its tier ("tier": "intermediate"); the path puts it there.
        for (const model::PathTier& tier : bundledPath().tiers)
            for (const model::PathStep& step : tier.steps) {
                if (step.kind != model::PathStep::Kind::Tradeoff)
                    continue;
                const std::string text = readText(resourcesDir() + "/tradeoffs/" + QString::fromStdString(step.ref) + ".tradeoff");
                if (text.empty())
                    continue; // not bundled in this tree: every_step_names_a_bundled_file decides whether that is wrong
                const auto card = nlohmann::json::parse(text, nullptr, false);
                QVERIFY2(card.is_object() && card.contains("tier"), qPrintable(QString::fromStdString(step.ref) + ": no tier"));
                QVERIFY2(card["tier"] == tier.id, qPrintable(QString::fromStdString(step.id + " is in tier " + tier.id +
                                                                                    ", its card says " + card["tier"].dump())));
            }
    }

    void requirements_come_before_and_every_step_is_reachable()
    {
        // Mark steps done in file order: each one must be available when its turn comes,
        // i.e. the file order is a valid order, and next() walks the whole path.
        const model::LearningPath path = bundledPath();
        std::set<std::string> done;
        int walked = 0;
        while (const model::PathStep* next = path.next(done)) {
            QVERIFY2(path.state(*next, done) == model::LearningPath::State::Available, next->id.c_str());
            done.insert(next->id);
            QVERIFY2(++walked <= path.stepCount(), "next() repeats a step");
        }
        QCOMPARE(walked, path.stepCount());
    }

    void next_step_skips_done_and_locked_steps()
    {
        const model::LearningPath path =
            io::parseLearningPath(fileWith(step("lesson", "a") + "," + step("lesson", "b", R"("lesson:c")") + "," +
                                           step("lesson", "c", R"("lesson:a")")),
                                  "p.json");
        using State = model::LearningPath::State;
        std::set<std::string> done;
        QCOMPARE(path.next(done)->id, std::string("lesson:a"));
        QVERIFY(path.state(*path.find("lesson:b"), done) == State::Locked);
        QVERIFY(path.state(*path.find("lesson:c"), done) == State::Locked);
        done.insert("lesson:a");
        // b comes first in the file but waits for c.
        QCOMPARE(path.next(done)->id, std::string("lesson:c"));
        QVERIFY(path.state(*path.find("lesson:a"), done) == State::Done);
        done.insert("lesson:c");
        QCOMPARE(path.next(done)->id, std::string("lesson:b"));
        QCOMPARE(path.tierProgress(path.tiers[0], done), 2.0 / 3.0);
        done.insert("lesson:b");
        QVERIFY(path.next(done) == nullptr);
        QCOMPARE(path.tierProgress(path.tiers[0], done), 1.0);
    }

    void errors_name_file_json_path_and_rule_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QString::fromStdString(fileWith(step("lesson", "a")).substr(0, 60))
                                << "learning-path.json: ";
        QTest::newRow("unknown requirement")
            << QString::fromStdString(fileWith(step("lesson", "a", R"("lesson:b")")))
            << R"(learning-path.json: tiers[0].steps[0].requires[0]: no step "lesson:b")";
        QTest::newRow("cycle")
            << QString::fromStdString(fileWith(step("lesson", "a", R"("lesson:b")") + "," + step("lesson", "b", R"("lesson:a")")))
            << "requirements form a cycle: lesson:a -> lesson:b -> lesson:a";
        QTest::newRow("self") << QString::fromStdString(fileWith(step("lesson", "a", R"("lesson:a")")))
                              << "tiers[0].steps[0].requires[0]: a step cannot require itself";
        QTest::newRow("id not kind:ref")
            << QString::fromStdString(fileWith(R"({"id": "caching", "kind": "lesson", "ref": "caching", "title": "T", "why": "W"})"))
            << R"(tiers[0].steps[0].id: must be "<kind>:<ref>", i.e. "lesson:caching")";
        QTest::newRow("unknown kind")
            << QString::fromStdString(fileWith(R"({"id": "quiz:a", "kind": "quiz", "ref": "a", "title": "T", "why": "W"})"))
            << R"(tiers[0].steps[0].kind: unknown kind "quiz")";
        QTest::newRow("duplicate") << QString::fromStdString(fileWith(step("lesson", "a") + "," + step("lesson", "a")))
                                   << R"(tiers[0].steps[1].id: "lesson:a" appears twice)";
        QTest::newRow("missing why")
            << QString::fromStdString(fileWith(R"({"id": "lesson:a", "kind": "lesson", "ref": "a", "title": "T"})"))
            << R"(tiers[0].steps[0]: missing "why")";
        std::string later = fileWith(step("lesson", "a", R"("lesson:z")"));
        const std::string empty = R"("steps": []})";
        later.replace(later.find(empty), empty.size(), R"("steps": [)" + step("lesson", "z") + "]}");
        QTest::newRow("later tier") << QString::fromStdString(later)
                                    << R"(requires[0]: "lesson:z" is in a later tier (intermediate))";
        std::string tiers = fileWith(step("lesson", "a"));
        tiers.replace(tiers.find(R"("id": "advanced")"), 16, R"("id": "expert")");
        QTest::newRow("tier order") << QString::fromStdString(tiers) << R"(tiers[2].id: tier 3 must be "advanced")";
    }

    void errors_name_file_json_path_and_rule()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        const QString message = loadErrorOf(text.toStdString());
        QVERIFY2(!message.isEmpty(), "the file was accepted");
        QVERIFY2(message.startsWith("learning-path.json: ") && message.contains(expected),
                 qPrintable("got: " + message + "\nexpected it to contain: " + expected));
    }
};

QTEST_APPLESS_MAIN(LearningPathTest)
#include "LearningPathTest.moc"
