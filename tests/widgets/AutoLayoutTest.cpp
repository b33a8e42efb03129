// Automatic layout (Edit > Arrange Automatically): Graphviz's dot lays each
// bundled design out left to right as one undoable move, with no two cards
// overlapping, every link pointing right, and the routed links clear of the
// cards they do not connect.
#include "QtText.h"
#include "WidgetTestSupport.h"
#include "canvas/BlockItem.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasStyle.h"
#include "canvas/LayeredLayout.h"
#include "canvas/LinkItem.h"
#include "canvas/LinkRouter.h"
#include "document/DesignDocument.h"

#include <QDir>
#include <QPainterPathStroker>
#include <QUndoStack>

using namespace scalelab;
using namespace scalelab::widgets;
using namespace scalelab::testing;

namespace {

QStringList bundledExamples()
{
    return QDir(resourcePath("examples")).entryList({"*.scalelab"}, QDir::Files, QDir::Name);
}

QRectF cardOf(const model::Block& block) { return {QPointF(block.x, block.y), style::kBlockSize}; }

// Every link's path against every card it does not connect, the cards shrunk
// by a small margin so that a link merely grazing an edge is not counted.
// The path is stroked: QPainterPath::intersects would treat an open curve as
// the area between it and its chord.
QStringList linksThroughCards(const CanvasScene& scene, const model::Architecture& design)
{
    QStringList found;
    for (const auto& link : design.links) {
        const LinkItem* item = scene.linkItem({link.from, link.to});
        if (!item)
            continue;
        QPainterPathStroker stroker;
        stroker.setWidth(1);
        const QPainterPath outline = stroker.createStroke(item->path());
        for (const auto& block : design.blocks)
            if (block.id != link.from && block.id != link.to && outline.intersects(cardOf(block).adjusted(3, 3, -3, -3)))
                found << QStringLiteral("%1->%2 crosses %3").arg(toQString(link.from), toQString(link.to),
                                                                  toQString(block.id));
    }
    return found;
}

} // namespace

class AutoLayoutTest : public QObject {
    Q_OBJECT
private slots:
    void arrangesAsOneUndoableMove()
    {
        DesignDocument document;
        document.reset(readExample("scaling-4-massive.scalelab"));
        CanvasScene scene(&document);
        const model::Architecture before = document.architecture();
        QCOMPARE(before.blocks.size(), size_t(16));
        // Scramble the hand-placed grid first, so the layout has work to do.
        for (size_t i = 0; i < before.blocks.size(); ++i)
            document.setBlockPosition(before.blocks[i].id, QPointF(double((i * 7) % 5) * 60, double((i * 3) % 4) * 40));
        const model::Architecture scrambled = document.architecture();

        QCOMPARE(scene.arrangeAutomatically(), QString());
        QCOMPARE(document.undoStack()->count(), 1);
        const model::Architecture arranged = document.architecture();
        QVERIFY(arranged != scrambled);

        const auto& blocks = arranged.blocks;
        for (size_t i = 0; i < blocks.size(); ++i)
            for (size_t j = i + 1; j < blocks.size(); ++j)
                QVERIFY2(!cardOf(blocks[i]).intersects(cardOf(blocks[j])),
                         qPrintable(QStringLiteral("%1 overlaps %2").arg(toQString(blocks[i].id), toQString(blocks[j].id))));
        for (const auto& link : arranged.links)
            QVERIFY2(arranged.findBlock(link.from)->x + style::kBlockSize.width() < arranged.findBlock(link.to)->x,
                     qPrintable(toQString(link.from + " -> " + link.to) + " does not go left to right"));

        document.undoStack()->undo();
        QVERIFY2(document.architecture() == scrambled, "undo did not restore every position");
        document.undoStack()->redo();
        QVERIFY2(document.architecture() == arranged, "redo did not re-apply the layout");
        QCOMPARE(scene.blockItem("db-ap")->pos(), QPointF(arranged.findBlock("db-ap")->x, arranged.findBlock("db-ap")->y));

        // A second arrangement of an arranged design moves nothing and pushes nothing.
        QCOMPARE(scene.arrangeAutomatically(), QString());
        QCOMPARE(document.undoStack()->count(), 1);
    }

    void everyBundledExampleArrangesCleanly_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& file : bundledExamples())
            QTest::newRow(qPrintable(file)) << file;
    }

    void everyBundledExampleArrangesCleanly()
    {
        QFETCH(QString, file);
        DesignDocument document;
        document.reset(readExample(file));
        CanvasScene scene(&document);
        QCOMPARE(scene.arrangeAutomatically(), QString());
        scene.rerouteLinks();
        const model::Architecture& design = document.architecture();
        for (size_t i = 0; i < design.blocks.size(); ++i)
            for (size_t j = i + 1; j < design.blocks.size(); ++j)
                QVERIFY(!cardOf(design.blocks[i]).intersects(cardOf(design.blocks[j])));
        // All bundled designs are acyclic, so every link can point right.
        for (const auto& link : design.links)
            QVERIFY(design.findBlock(link.from)->x < design.findBlock(link.to)->x);
        const QStringList crossings = linksThroughCards(scene, design);
        QVERIFY2(crossings.isEmpty(), qPrintable(crossings.join("; ")));
    }

    void handPlacedExamplesRouteRoundCards_data() { everyBundledExampleArrangesCleanly_data(); }

    void handPlacedExamplesRouteRoundCards()
    {
        // The files' own positions, as the author placed them.
        QFETCH(QString, file);
        DesignDocument document;
        document.reset(readExample(file));
        CanvasScene scene(&document);
        scene.rerouteLinks();
        const QStringList crossings = linksThroughCards(scene, document.architecture());
        QVERIFY2(crossings.isEmpty(), qPrintable(crossings.join("; ")));
    }

    void routerGoesRoundACardInTheWay()
    {
        // Three cards in a row, a link from the first to the third: the
        // straight route is blocked by the middle card.
        const QRectF a(0, 0, 200, 96), b(300, 0, 200, 96), c(600, 0, 200, 96);
        const QPointF from(206, 48), to(593, 48);
        const QPainterPath path = LinkRouter::route(from, to, {a, b, c});
        QPainterPathStroker stroker;
        stroker.setWidth(1);
        QVERIFY(!stroker.createStroke(path).intersects(b));
        QCOMPARE(path.pointAtPercent(0), from);
        QCOMPARE(path.pointAtPercent(1), to);
        // Without the middle card the plain curve (here a straight line) is kept.
        QCOMPARE(LinkRouter::route(from, to, {a, c}), LinkRouter::curve(from, to));
    }

    void layoutOfNothingIsNoChange()
    {
        const auto result = LayeredLayout::arrange({}, {}, 80, 60);
        QVERIFY(result.ok);
        QVERIFY(result.topLeft.empty());
        // A link to a block that does not exist is skipped, not a Graphviz error.
        const auto dangling = LayeredLayout::arrange({{"a", 200, 96}}, {{"a", "ghost"}}, 80, 60);
        QVERIFY(dangling.ok);
        QCOMPARE(dangling.topLeft.size(), size_t(1));
    }
};

QTEST_MAIN(AutoLayoutTest)
#include "AutoLayoutTest.moc"
