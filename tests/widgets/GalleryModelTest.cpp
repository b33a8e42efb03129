// The gallery's model and filter: topics in teaching order (unlisted ones
// after, numbers in natural order, untopiced designs under "Other" last),
// designs by library order then name, a filter that needs every word, and a
// challenge's reference solution kept out of the list until the challenge is
// passed or the user reveals it, and then never right under its challenge.
#include "examples/ExampleLibrary.h"
#include "examples/GalleryFilter.h"
#include "examples/GalleryModel.h"

#include <QtTest>

using namespace scalelab;
using widgets::GalleryFilter;
using widgets::GalleryModel;

namespace {

widgets::ExampleLibrary::Example design(const QString& name, const std::string& topic, int order,
                                        const std::string& whatToTry = "Try it.")
{
    widgets::ExampleLibrary::Example example;
    example.path = ":/test/" + name + ".scalelab";
    example.design.name = name.toStdString();
    example.design.description = "About " + name.toStdString();
    example.design.library = {topic, topic.empty() ? std::string() : whatToTry, order};
    return example;
}

QStringList rows(const QAbstractItemModel& model)
{
    QStringList out;
    for (int topic = 0; topic < model.rowCount(); ++topic) {
        const QModelIndex parent = model.index(topic, 0);
        QStringList names;
        for (int row = 0; row < model.rowCount(parent); ++row)
            names << model.index(row, 0, parent).data().toString();
        out << parent.data().toString() + ": " + names.join(", ");
    }
    return out;
}

GalleryModel sample()
{
    return GalleryModel({design("Beta", "Caching", 2), design("Alpha", "Caching", 2, "Flush the cache."),
                         design("Loose", "", 0), design("Ten", "Challenges — level 10", 1),
                         design("First", "Caching", 1), design("Zed", "Zebra topic", 1),
                         design("Stage", "Scaling path", 1, "Raise the rate to 1,000 rps."),
                         design("Nine", "Challenges — level 9", 1)});
}

widgets::ExampleLibrary::Example challengeFile(const QString& file, const QString& name)
{
    widgets::ExampleLibrary::Example example = design(name, "Challenges — level 1", 1);
    example.path = ":/test/" + file;
    example.design.challenge = model::Challenge{};
    example.design.challenge->title = "Alpha";
    return example;
}

std::vector<widgets::ExampleLibrary::Example> alphaChallenge()
{
    return {challengeFile("alpha.scalelab", "Alpha"), challengeFile("alpha.naive.scalelab", "Alpha (naive attempt)"),
            challengeFile("alpha.solution.scalelab", "Alpha (solution)")};
}

QStringList paths(const QAbstractItemModel& model)
{
    QStringList out;
    for (int topic = 0; topic < model.rowCount(); ++topic)
        for (int row = 0; row < model.rowCount(model.index(topic, 0)); ++row)
            out << model.index(row, 0, model.index(topic, 0)).data(GalleryModel::PathRole).toString();
    return out;
}

} // namespace

class GalleryModelTest : public QObject {
    Q_OBJECT

private slots:
    void groups_by_topic_in_teaching_order()
    {
        const GalleryModel model = sample();
        QCOMPARE(model.designCount(), 8);
        QCOMPARE(rows(model), (QStringList{"Scaling path: Stage", "Caching: First, Alpha, Beta",
                                           "Challenges — level 9: Nine", "Challenges — level 10: Ten",
                                           "Zebra topic: Zed", "Other: Loose"}));
        const QModelIndex alpha = model.index(1, 0, model.index(1, 0));
        QVERIFY(model.isTopic(model.index(1, 0)));
        QVERIFY(!model.isTopic(alpha));
        QCOMPARE(alpha.data(GalleryModel::PathRole).toString(), QString(":/test/Alpha.scalelab"));
        QCOMPARE(alpha.data(GalleryModel::WhatToTryRole).toString(), QString("Flush the cache."));
        QCOMPARE(model.example(alpha)->design.name, std::string("Alpha"));
        QVERIFY(!model.example(model.index(1, 0)));
        QVERIFY(!(model.index(1, 0).flags() & Qt::ItemIsSelectable));
    }

    void filter_needs_every_word_and_hides_empty_topics()
    {
        GalleryModel model = sample();
        GalleryFilter filter;
        filter.setSourceModel(&model);
        QCOMPARE(filter.matchCount(), 8);

        filter.setSearch("caching");
        // Name, topic, description and what to try all count: every Caching design has the topic.
        QCOMPARE(rows(filter), QStringList{"Caching: First, Alpha, Beta"});

        filter.setSearch("  FLUSH   cache ");
        QCOMPARE(rows(filter), QStringList{"Caching: Alpha"});
        QCOMPARE(filter.matchCount(), 1);

        filter.setSearch("1,000 rps");
        QCOMPARE(rows(filter), QStringList{"Scaling path: Stage"});

        filter.setSearch("flush rps");
        QCOMPARE(filter.matchCount(), 0);
        QCOMPARE(filter.rowCount(), 0);

        filter.setSearch({});
        QCOMPARE(filter.matchCount(), 8);
    }

    void solution_is_hidden_until_revealed_and_then_listed_apart()
    {
        GalleryModel model(alphaChallenge(), [](const model::Challenge&) { return false; });
        QCOMPARE(rows(model), QStringList{"Challenges — level 1: Alpha, Alpha (naive attempt)"});
        QVERIFY2(!model.isListed(":/test/alpha.solution.scalelab"), "the solution is listed before a pass");
        const QModelIndex alpha = model.index(0, 0, model.index(0, 0));
        const auto* hidden = model.hiddenSolutionOf(alpha);
        QVERIFY2(hidden && hidden->path == ":/test/alpha.solution.scalelab", "the challenge's hidden solution is not found");
        QVERIFY2(model.hiddenSolutionOf(model.index(1, 0, model.index(0, 0))), "the naive attempt should lead to the solution too");

        const QModelIndex revealed = model.revealSolution(":/test/alpha.solution.scalelab");
        QVERIFY2(revealed.isValid(), "revealSolution() did not list the solution");
        QCOMPARE(rows(model), (QStringList{"Challenges — level 1: Alpha, Alpha (naive attempt)",
                                           GalleryModel::solutionsTopic() + ": Alpha (solution)"}));
        QVERIFY2(!model.hiddenSolutionOf(model.index(0, 0, model.index(0, 0))), "a revealed solution is still offered");
    }

    void solution_is_listed_apart_once_the_challenge_is_passed()
    {
        GalleryModel model(alphaChallenge(), [](const model::Challenge& c) { return c.title == "Alpha"; });
        QCOMPARE(rows(model), (QStringList{"Challenges — level 1: Alpha, Alpha (naive attempt)",
                                           GalleryModel::solutionsTopic() + ": Alpha (solution)"}));
        QVERIFY2(!model.hiddenSolutionOf(model.index(0, 0, model.index(0, 0))), "a passed challenge's solution is offered as hidden");
    }

    void built_in_challenges_hide_every_solution()
    {
        const GalleryModel model(widgets::ExampleLibrary::inFolder(widgets::ExampleLibrary::kChallengesFolder),
                                 [](const model::Challenge&) { return false; });
        const QStringList listed = paths(model);
        QVERIFY2(listed.size() >= 12, qPrintable(QString("%1 challenges listed").arg(listed.size())));
        QVERIFY2(listed.filter(".solution.").isEmpty(), qPrintable("solutions listed: " + listed.filter(".solution.").join(", ")));
        int offered = 0;
        for (int topic = 0; topic < model.rowCount(); ++topic)
            for (int row = 0; row < model.rowCount(model.index(topic, 0)); ++row)
                offered += model.hiddenSolutionOf(model.index(row, 0, model.index(topic, 0))) != nullptr;
        QVERIFY2(offered >= 12, qPrintable(QString("only %1 challenges offer their solution behind Show solution").arg(offered)));
    }

    void built_in_examples_all_have_a_section()
    {
        const GalleryModel model(widgets::ExampleLibrary::inFolder(widgets::ExampleLibrary::kExamplesFolder));
        QVERIFY2(model.designCount() >= 20,
                 qPrintable(QString("%1 built-in examples, expected at least 20").arg(model.designCount())));
        QCOMPARE(model.index(0, 0).data().toString(), QString("Scaling path"));
        for (int topic = 0; topic < model.rowCount(); ++topic)
            QVERIFY2(model.index(topic, 0).data().toString() != GalleryModel::otherTopic(),
                     "an example has no library topic");
        QVERIFY(widgets::ExampleLibrary::inFolder(":/no-such-folder").empty());
    }
};

QTEST_MAIN(GalleryModelTest)
#include "GalleryModelTest.moc"
