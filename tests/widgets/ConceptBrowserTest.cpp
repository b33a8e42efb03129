// The concept library's browser over the bundled concepts.json: the list
// holds every concept by category, search narrows it to the matches (title
// matches first) and clearing it brings all back, a page shows its sections
// and its links move to a related concept (Back returns) or ask for the
// lesson, the example or the trade-off card they name.
#include "help/ConceptBrowser.h"
#include "help/ConceptPage.h"
#include "io/ConceptReader.h"

#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QtTest>

using namespace scalelab;

namespace {

model::ConceptLibrary bundledLibrary()
{
    QFile file(QStringLiteral(SCALELAB_SOURCE_DIR "/resources/concepts/concepts.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return io::parseConceptLibrary(file.readAll().toStdString(), "concepts.json");
}

} // namespace

class ConceptBrowserTest : public QObject {
    Q_OBJECT

private slots:
    void lists_every_concept_until_a_search_narrows_it()
    {
        widgets::ConceptBrowser browser(bundledLibrary());
        const int all = int(browser.library().concepts().size());
        QVERIFY2(all >= 40, qPrintable(QString("only %1 concepts").arg(all)));
        QCOMPARE(browser.listedConcepts().size(), all);

        browser.searchField()->setText("stampede");
        const QStringList matches = browser.listedConcepts();
        QVERIFY2(!matches.isEmpty() && matches.size() < all, qPrintable(matches.join(", ")));
        QCOMPARE(matches.first(), QString("cache-stampede")); // the title match comes first
        for (const QString& id : matches) {
            const model::Concept* entry = browser.library().find(id.toStdString());
            QVERIFY(entry);
            QString text = QString::fromStdString(entry->title + " " + entry->summary);
            for (const auto* list : {&entry->whenToUse, &entry->whenNotToUse, &entry->tradeoffs, &entry->numbers,
                                     &entry->interview})
                for (const std::string& bullet : *list)
                    text += " " + QString::fromStdString(bullet);
            QVERIFY2(text.contains("stampede", Qt::CaseInsensitive), qPrintable(id + " does not mention stampede"));
        }

        browser.searchField()->setText("zzzz-no-such-word");
        QVERIFY(browser.listedConcepts().isEmpty());
        browser.searchField()->clear();
        QCOMPARE(browser.listedConcepts().size(), all);
    }

    void a_page_shows_its_sections_and_related_links_navigate()
    {
        widgets::ConceptBrowser browser(bundledLibrary());
        QVERIFY(browser.showConcept("cache"));
        const model::Concept& cache = *browser.library().find("cache");
        const QString page = browser.page()->toPlainText();
        for (const char* heading : {"When to use it", "When not to", "Trade-offs", "Numbers to remember",
                                       "In an interview, say", "Related"})
            QVERIFY2(page.contains(heading), qPrintable(QString("the page has no ") + heading));
        QVERIFY(page.contains(QString::fromStdString(cache.numbers.front())));

        QVERIFY(!cache.related.empty());
        const std::string related = cache.related.front();
        QVERIFY2(browser.page()->toHtml().contains("concept:" + QString::fromStdString(related)),
                 "the page does not link its first related concept");
        browser.followLink(widgets::ConceptPage::link(widgets::ConceptPage::kConceptScheme, related));
        QCOMPARE(browser.currentConcept(), QString::fromStdString(related));
        browser.back();
        QCOMPARE(browser.currentConcept(), QString("cache"));
        QVERIFY(!browser.showConcept("no-such-concept"));
        QCOMPARE(browser.currentConcept(), QString("cache"));
    }

    void links_ask_for_the_lesson_example_and_card_they_name()
    {
        widgets::ConceptBrowser browser(bundledLibrary());
        QSignalSpy lessons(&browser, &widgets::ConceptBrowser::lessonRequested);
        QSignalSpy examples(&browser, &widgets::ConceptBrowser::exampleRequested);
        QSignalSpy cards(&browser, &widgets::ConceptBrowser::tradeoffRequested);
        QVERIFY(browser.showConcept("cache"));
        const model::Concept& cache = *browser.library().find("cache");
        QVERIFY2(browser.page()->toHtml().contains("lesson:" + QString::fromStdString(cache.lesson)),
                 "no Open lesson link");
        browser.followLink(widgets::ConceptPage::link(widgets::ConceptPage::kLessonScheme, cache.lesson));
        QCOMPARE(lessons.count(), 1);
        QCOMPARE(lessons.at(0).at(0).toString(), ":/lessons/" + QString::fromStdString(cache.lesson) + ".scalelab");
        QVERIFY(QFile::exists(QStringLiteral(SCALELAB_SOURCE_DIR "/resources/lessons/") +
                              QString::fromStdString(cache.lesson) + ".scalelab"));
        browser.followLink(widgets::ConceptPage::link(widgets::ConceptPage::kExampleScheme, cache.example));
        QCOMPARE(examples.at(0).at(0).toString(), ":/examples/" + QString::fromStdString(cache.example) + ".scalelab");
        browser.followLink(widgets::ConceptPage::link(widgets::ConceptPage::kCardScheme, "push-vs-pull-fanout"));
        QCOMPARE(cards.at(0).at(0).toString(), QString(":/tradeoffs/push-vs-pull-fanout.tradeoff"));
    }

    void a_block_kind_shows_its_concept()
    {
        widgets::ConceptBrowser browser(bundledLibrary());
        QVERIFY(browser.showKind("load_balancer"));
        QCOMPARE(browser.currentConcept(), QString::fromStdString(browser.library().forKind("load_balancer")->id));
        QVERIFY(browser.page()->toPlainText().contains("Load balancer"));
        QVERIFY(!browser.showKind("no_such_kind"));
    }
};

QTEST_MAIN(ConceptBrowserTest)
#include "ConceptBrowserTest.moc"
