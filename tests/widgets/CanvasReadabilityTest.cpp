// Cards readable at the zoom Fit to Window chooses for the bundled designs:
// zoomed out a card shows its whole name and one key figure, at least 9 px
// high on screen; figures use the shared compact format (1M, 750k).
#include "QtText.h"
#include "WidgetTestSupport.h"
#include "canvas/BlockFigures.h"
#include "canvas/BlockItem.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "document/DesignDocument.h"
#include "model/Registry.h"

#include <QDir>
#include <QFontInfo>
#include <QFontMetricsF>

using namespace scalelab;
using namespace scalelab::widgets;
using namespace scalelab::testing;

namespace {

// The canvas's share of a 1280 x 800 window (the menu and tool bars, the
// palette on the left and the docks on the right take the rest), and of a
// 1920 x 1080 one.
const QSize kSmallCanvas(820, 540);
const QSize kLargeCanvas(1400, 820);

// On-screen height of text in `font` (scene units) at `zoom`: its pixel size,
// the em height a "9 px font" means.
double screenPx(const QFont& font, double zoom) { return QFontInfo(font).pixelSize() * zoom; }

} // namespace

class CanvasReadabilityTest : public QObject {
    Q_OBJECT
private slots:
    void namesReadableAtFitZoom_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QSize>("canvas");
        for (const QString& file : QDir(resourcePath("examples")).entryList({"*.scalelab"}, QDir::Files, QDir::Name)) {
            QTest::newRow(qPrintable(file + " 1280x800")) << file << kSmallCanvas;
            QTest::newRow(qPrintable(file + " 1920x1080")) << file << kLargeCanvas;
        }
    }

    void namesReadableAtFitZoom()
    {
        QFETCH(QString, file);
        QFETCH(QSize, canvas);
        DesignDocument document;
        document.reset(readExample(file));
        CanvasScene scene(&document);
        CanvasView view(&scene);
        view.resize(canvas);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitToView();
        const double zoom = view.zoom();
        for (const auto& block : document.architecture().blocks) {
            const BlockItem* item = scene.blockItem(toQString(block.id));
            QVERIFY(item);
            const QString name = toQString(block.name);
            if (zoom >= BlockItem::kLowDetail) {
                // The full card: its 9.5 pt bold name, shrunk to 85% at most to fit.
                QFont font;
                font.setPointSizeF(9.5);
                QVERIFY2(0.85 * QFontInfo(font).pixelSize() * zoom >= 9,
                         qPrintable(QStringLiteral("zoom %1").arg(zoom)));
                continue;
            }
            const BlockItem::LowDetailText text = item->lowDetailText(zoom);
            QVERIFY2(screenPx(text.nameFont, zoom) >= 9,
                     qPrintable(QStringLiteral("%1 at zoom %2: name %3 px on screen")
                                    .arg(name).arg(zoom).arg(screenPx(text.nameFont, zoom))));
            QVERIFY2(screenPx(text.figureFont, zoom) >= 9, qPrintable(name));
            QCOMPARE(text.nameLines.join(' '), name); // whole, never elided
            // Two lines and a figure, or a very long name on three without one.
            QVERIFY(text.nameLines.size() <= 2 || (text.nameLines.size() == 3 && text.figure.isEmpty()));
            // Each line fits the card's text width (200 less the margins).
            const QFontMetricsF metrics(text.nameFont);
            for (const QString& line : text.nameLines)
                QVERIFY2(metrics.horizontalAdvance(line) <= 180, qPrintable(line));
            QVERIFY(!text.figure.isEmpty() || text.nameLines.size() == 3);
        }
    }

    void scaling4FitsAboveHalfZoomWithReadableNames()
    {
        // The case: the 16-block design fitted to a 1280 x 800
        // window's canvas zoomed to about half, where the 9.5 pt name was 6 px.
        DesignDocument document;
        document.reset(readExample("scaling-4-massive.scalelab"));
        CanvasScene scene(&document);
        CanvasView view(&scene);
        view.resize(kSmallCanvas);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.fitToView();
        QVERIFY(view.zoom() < BlockItem::kLowDetail);
        const auto text = scene.blockItem("lb-ap")->lowDetailText(view.zoom());
        QVERIFY(screenPx(text.nameFont, view.zoom()) >= 9);
        QCOMPARE(text.nameLines, QStringList{"Asia balancer"});
    }

    void figuresUseCompactNumbers()
    {
        model::Block client = model::makeBlock("client", "users", "Users");
        client.params["rate_rps"] = 1000000;
        BlockItem item(client);
        QVERIFY2(BlockFigures::parts(client).contains("1M rps"), qPrintable(BlockFigures::parts(client).join(", ")));
        QCOMPARE(item.keyFigure(), QString("1M rps"));
        QCOMPARE(BlockFigures::compactNumber(750000), QString("750k"));
        QCOMPARE(BlockFigures::compactNumber(2500), QString("2,500"));
        // The tooltip has what a zoomed-out card leaves out: name, kind, id, figures.
        const QString tip = item.toolTip();
        QVERIFY(tip.contains("Users") && tip.contains("users") && tip.contains("1M rps"));
        QVERIFY(tip.contains(toQString(model::Registry::instance().find("client")->displayName)));
    }

    void unusedChoicesAreNotFigures()
    {
        // A service with no session state and no catalogue instance type:
        // neither "none" nor "custom" is worth a place on its card.
        const QStringList parts = BlockFigures::parts(model::makeBlock("service", "app", "App"));
        QVERIFY2(!parts.contains("none") && !parts.contains("custom"), qPrintable(parts.join(", ")));
        // Nor is a retry backoff while the block does not retry.
        model::Block app = model::makeBlock("service", "app", "App");
        QVERIFY2(!BlockFigures::parts(app).join(", ").contains("backoff"), qPrintable(BlockFigures::parts(app).join(", ")));
        app.params["call_retries"] = 2;
        QVERIFY2(BlockFigures::parts(app).join(", ").contains("call retry backoff 50 ms"),
                 qPrintable(BlockFigures::parts(app).join(", ")));
        model::Block balancer = model::makeBlock("load_balancer", "lb", "LB");
        QVERIFY2(BlockFigures::parts(balancer).contains("round robin"), qPrintable(BlockFigures::parts(balancer).join(", ")));
    }

    void theTooltipSaysTheLiveFiguresTheCardMayHide()
    {
        model::Block service = model::makeBlock("service", "app", "App servers");
        BlockItem item(service);
        QVERIFY(!item.toolTipText().contains("Now:"));
        stats::BlockSnapshot live;
        live.id = "app";
        live.kind = "service";
        live.hasWorkers = true;
        live.instances = static_cast<int>(service.param("instances"));
        stats::WindowSample window;
        window.endSeconds = 1;
        window.arrivalsPerSecond = 1024;
        window.throughputPerSecond = 1024;
        window.p95Ms = 41;
        window.utilization = 0.6;
        live.series.push_back(window);
        item.setLiveStats(live);
        QVERIFY2(item.toolTipText().contains("Now: 1,024 rps · p95 41 ms"), qPrintable(item.toolTipText()));
        item.clearLiveStats();
        QVERIFY2(!item.toolTipText().contains("Now:"), qPrintable(item.toolTipText()));
    }

    void longNamesWrapRatherThanElide()
    {
        model::Block db = model::makeBlock("database", "catalog-db", "Catalog DB (1 primary + 20 replicas)");
        BlockItem item(db);
        const auto text = item.lowDetailText(0.55);
        QCOMPARE(text.nameLines.join(' '), toQString(db.name));
        QVERIFY(text.nameLines.size() >= 2);
        QVERIFY(screenPx(text.nameFont, 0.55) >= 9);
    }

    void textScaleEnlargesCardText()
    {
        model::Block service = model::makeBlock("service", "app", "App");
        BlockItem item(service);
        const double normal = screenPx(item.lowDetailText(1.0).nameFont, 1.0);
        item.setTextScale(1.5);
        const double presenter = screenPx(item.lowDetailText(1.0).nameFont, 1.0);
        QVERIFY2(presenter >= 1.4 * normal, qPrintable(QStringLiteral("%1 -> %2").arg(normal).arg(presenter)));
    }
};

QTEST_MAIN(CanvasReadabilityTest)
#include "CanvasReadabilityTest.moc"
