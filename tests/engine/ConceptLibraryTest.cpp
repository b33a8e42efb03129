// The concept library (resources/concepts/concepts.json): it parses, every
// block kind in the registry has an entry, every reference in it (related
// entries, lessons, examples, trade-off cards) names something that exists,
// search finds entries by title and by a word in a bullet, and a broken file
// is refused with a message naming the file, the JSON path and the rule.
#include "io/ConceptReader.h"
#include "io/LoadError.h"
#include "model/Registry.h"

#include <QFile>
#include <QFileInfo>
#include <QtTest>

#include <algorithm>
#include <string>

using namespace scalelab;

namespace {

QString resourcesDir() { return QStringLiteral(SCALELAB_SOURCE_DIR "/resources"); }

std::string bundledText()
{
    QFile file(resourcesDir() + "/concepts/concepts.json");
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().toStdString();
}

model::ConceptLibrary bundled() { return io::parseConceptLibrary(bundledText(), "concepts.json"); }

// The LoadError `text` raises, or an empty message when it loads.
QString refusal(const std::string& text)
{
    try {
        io::parseConceptLibrary(text, "/somewhere/broken-concepts.json");
    } catch (const io::LoadError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

const char* kTwoEntries = R"({"format": "scalelab-concepts", "version": 1, "concepts": [
  {"id": "cache", "title": "Cache", "category": "Caching", "summary": "Keeps answers.", "kinds": ["cache"],
   "related": ["cdn"]},
  {"id": "cdn", "title": "CDN", "category": "Caching", "summary": "Edge copies.", "related": ["cache"]}]})";

std::string replaced(std::string text, const std::string& from, const std::string& to)
{
    const std::size_t at = text.find(from);
    return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

bool bundledFile(const QString& relative) { return QFileInfo::exists(resourcesDir() + "/" + relative); }

} // namespace

class ConceptLibraryTest : public QObject {
    Q_OBJECT

private slots:
    void bundled_library_parses()
    {
        const std::string text = bundledText();
        QVERIFY2(!text.empty(), "resources/concepts/concepts.json is missing or empty");
        try {
            const model::ConceptLibrary library = bundled();
            QVERIFY2(!library.concepts().empty(), "the library has no entries");
        } catch (const io::LoadError& error) {
            QFAIL(error.what());
        }
    }

    void every_registry_kind_has_a_concept()
    {
        const model::ConceptLibrary library = bundled();
        for (const model::BlockSpec& spec : model::Registry::instance().blocks()) {
            const model::Concept* entry = library.forKind(spec.kind);
            QVERIFY2(entry, qPrintable(QString("no concept explains the kind \"%1\"").arg(spec.kind.c_str())));
            QVERIFY2(std::count(entry->kinds.begin(), entry->kinds.end(), spec.kind) == 1,
                     qPrintable(QString("forKind(\"%1\") returned \"%2\"").arg(spec.kind.c_str(), entry->id.c_str())));
        }
    }

    void every_reference_resolves()
    {
        const model::ConceptLibrary library = bundled();
        for (const model::Concept& entry : library.concepts()) {
            const QString id = QString::fromStdString(entry.id);
            for (const std::string& other : entry.related)
                QVERIFY2(library.find(other), qPrintable(id + ": related \"" + other.c_str() + "\" is no concept"));
            if (!entry.lesson.empty())
                QVERIFY2(bundledFile(QString("lessons/%1.scalelab").arg(entry.lesson.c_str())),
                         qPrintable(id + ": no lesson resources/lessons/" + entry.lesson.c_str() + ".scalelab"));
            if (!entry.example.empty())
                QVERIFY2(bundledFile(QString("examples/%1.scalelab").arg(entry.example.c_str())),
                         qPrintable(id + ": no example resources/examples/" + entry.example.c_str() + ".scalelab"));
            for (const std::string& card : entry.seeAlsoCards)
                QVERIFY2(bundledFile(QString("tradeoffs/%1.tradeoff").arg(card.c_str())),
                         qPrintable(id + ": no card resources/tradeoffs/" + card.c_str() + ".tradeoff"));
        }
    }

    void search_finds_by_title_first_then_by_bullet_word()
    {
        const model::ConceptLibrary library(io::parseConceptLibrary(kTwoEntries, "two.json").concepts());
        // "cdn" is CDN's title and a word of nothing in Cache: one hit.
        std::vector<const model::Concept*> found = library.search("cDn");
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found.front()->id, std::string("cdn"));
        // A word only in a summary still finds its entry.
        found = library.search("EDGE");
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(found.front()->id, std::string("cdn"));
        QVERIFY(library.search("no such words anywhere").empty());
        QCOMPARE(library.search("  ").size(), library.concepts().size());
    }

    void search_ranks_bundled_titles_above_bullets()
    {
        const model::ConceptLibrary library = bundled();
        const model::Concept* cache = library.find("cache");
        QVERIFY2(cache, "the bundled library has no \"cache\" entry");
        const std::vector<const model::Concept*> byTitle = library.search("cache");
        QVERIFY(!byTitle.empty());
        QVERIFY2(QString::fromStdString(byTitle.front()->title).contains("cache", Qt::CaseInsensitive),
                 qPrintable(QString("first hit for \"cache\" is \"%1\"").arg(byTitle.front()->title.c_str())));
        // A word that appears only in a bullet of the cache entry ("stampede"
        // or "TTL") finds it even though no title says it.
        const std::vector<const model::Concept*> byBullet = library.search("time-to-live");
        QVERIFY2(std::find(byBullet.begin(), byBullet.end(), cache) != byBullet.end(),
                 "searching \"time-to-live\" (a cache bullet) does not find the cache entry");
    }

    void bad_json_names_the_file_and_position()
    {
        const QString message = refusal(R"({"format": "scalelab-concepts", "version": 1, "concepts": [ }})");
        QVERIFY2(message.startsWith("broken-concepts.json: "), qPrintable(message));
        QVERIFY2(message.contains("line 1"), qPrintable(message));
    }

    void missing_required_field_names_the_path()
    {
        const QString message = refusal(replaced(kTwoEntries, R"("summary": "Edge copies.", )", ""));
        QCOMPARE(message, QStringLiteral("broken-concepts.json: concepts[1]: missing \"summary\""));
    }

    void unknown_related_id_names_the_path()
    {
        const QString message = refusal(replaced(kTwoEntries, R"("related": ["cache"])", R"("related": ["cashe"])"));
        QVERIFY2(message.startsWith("broken-concepts.json: concepts[1].related[0]: no concept has the id \"cashe\""),
                 qPrintable(message));
        QVERIFY2(message.contains("did you mean \"cache\""), qPrintable(message));
    }

    void unknown_kind_and_duplicate_id_are_refused()
    {
        QString message = refusal(replaced(kTwoEntries, R"("kinds": ["cache"])", R"("kinds": ["cahce"])"));
        QVERIFY2(message.startsWith("broken-concepts.json: concepts[0].kinds[0]: unknown block kind \"cahce\""),
                 qPrintable(message));
        message = refusal(replaced(kTwoEntries, R"("id": "cdn")", R"("id": "cache")"));
        QVERIFY2(message.startsWith("broken-concepts.json: concepts[1].id: appears twice"), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(ConceptLibraryTest)
#include "ConceptLibraryTest.moc"
