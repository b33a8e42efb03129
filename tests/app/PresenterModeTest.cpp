// Presenter mode: entering it makes text, toolbar icons, canvas cards and
// plot lines and labels larger and the window full screen; leaving it puts
// back exactly what was there, including on graphs a run added meanwhile.
#include "../widgets/WidgetTestSupport.h"
#include "MainWindow.h"
#include "PresenterMode.h"
#include "RunDocks.h"
#include "Screenshot.h"
#include "canvas/CanvasView.h"
#include "plots/BlockMetricPlot.h"
#include "plots/LatencyPlot.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QStandardPaths>
#include <QTest>
#include <QToolBar>

#include <qcustomplot.h>

using namespace scalelab;

namespace {


// What presenter mode changes, read off the window.
struct Look {
    double appFontPt = 0;
    double latencyPenWidth = 0;
    double tickLabelPt = 0;
    double legendPt = 0;
    QSize iconSize;
    double fitZoomLimit = 0;
    double zoom = 0;

    static Look of(app::MainWindow& window)
    {
        QCustomPlot* latency = window.run()->latencyPlot()->customPlot();
        return {QApplication::font().pointSizeF(),
                latency->graph(0)->pen().widthF(),
                latency->yAxis->tickLabelFont().pointSizeF(),
                latency->legend->font().pointSizeF(),
                window.findChild<QToolBar*>("MainToolBar")->iconSize(),
                window.view()->fitZoomLimit(),
                window.view()->zoom()};
    }
};

} // namespace

class PresenterModeTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void toggling_enlarges_then_restores_exactly()
    {
        app::MainWindow window(app::MainWindow::Options::headless());
        QCOMPARE(window.openFile(testing::examplePath("three-tier.scalelab")), QString());
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QRect geometry = window.geometry();
        const Look before = Look::of(window);
        QAction* toggle = window.action("presenterMode");
        QVERIFY(toggle->isCheckable());
        QVERIFY(toggle->shortcuts().contains(QKeySequence(Qt::Key_F11)));
        QVERIFY(toggle->shortcuts().contains(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P)));

        toggle->trigger();
        QVERIFY(window.presenterMode()->isActive());
        QVERIFY(window.windowState() & Qt::WindowFullScreen);
        const Look during = Look::of(window);
        const double k = app::PresenterMode::kScale;
        QCOMPARE(during.appFontPt, before.appFontPt * k);
        QCOMPARE(during.tickLabelPt, before.tickLabelPt * k);
        QCOMPARE(during.legendPt, before.legendPt * k);
        QCOMPARE(during.latencyPenWidth, std::max(before.latencyPenWidth, 1.0) * k);
        QCOMPARE(during.iconSize, before.iconSize * k);
        QCOMPARE(during.fitZoomLimit, before.fitZoomLimit * k);
        QVERIFY(window.findChild<QDockWidget*>("PaletteDock")->isHidden());

        toggle->trigger();
        QVERIFY(!window.presenterMode()->isActive());
        QVERIFY(!(window.windowState() & Qt::WindowFullScreen));
        const Look after = Look::of(window);
        QCOMPARE(after.appFontPt, before.appFontPt);
        QCOMPARE(after.tickLabelPt, before.tickLabelPt);
        QCOMPARE(after.legendPt, before.legendPt);
        QCOMPARE(after.latencyPenWidth, before.latencyPenWidth);
        QCOMPARE(after.iconSize, before.iconSize);
        QCOMPARE(after.fitZoomLimit, before.fitZoomLimit);
        QCOMPARE(after.zoom, before.zoom);
        QCOMPARE(window.geometry().size(), geometry.size());
        QVERIFY(!window.findChild<QDockWidget*>("PaletteDock")->isHidden());
    }

    void graphs_added_during_a_run_are_magnified_and_restored()
    {
        app::MainWindow window(app::MainWindow::Options::headless());
        QCOMPARE(window.openFile(testing::examplePath("three-tier.scalelab")), QString());
        window.presenterMode()->setFullScreenAllowed(false);
        window.resize(1200, 800);
        window.show();
        QCustomPlot* utilization = window.run()->utilizationPlot()->customPlot();
        const int graphsBefore = utilization->graphCount();
        window.presenterMode()->setActive(true);
        // The utilisation plot gets one graph per pool when the run's first windows arrive.
        QCOMPARE(app::Screenshot::runFor(window, 3), QString());
        QVERIFY2(utilization->graphCount() > graphsBefore,
                 qPrintable(QString("%1 graphs after the run, %2 before")
                                .arg(utilization->graphCount())
                                .arg(graphsBefore)));
        std::vector<double> magnified;
        for (int i = 0; i < utilization->graphCount(); ++i)
            magnified.push_back(utilization->graph(i)->pen().widthF());
        window.presenterMode()->setActive(false);
        for (int i = 0; i < utilization->graphCount(); ++i) {
            const double restored = utilization->graph(i)->pen().widthF();
            QCOMPARE(magnified[static_cast<size_t>(i)], std::max(restored, 1.0) * app::PresenterMode::kScale);
        }
    }
};

QTEST_MAIN(PresenterModeTest)
#include "PresenterModeTest.moc"
