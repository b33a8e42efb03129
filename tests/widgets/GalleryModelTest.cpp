// The gallery's model and filter: topics in teaching order (unlisted ones
// after, numbers in natural order, untopiced designs under "Other" last),
// designs by library order then name, and a filter that needs every word.
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
