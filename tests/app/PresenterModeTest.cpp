// Presenter mode: entering it makes text, toolbar icons, canvas cards and
// plot lines and labels larger and the window full screen; leaving it puts
// back exactly what was there, including on graphs a run added meanwhile.
// On a projector's 1920 x 1080 or 1280 x 720 the larger texts still fit:
// the clock and the run state apart, every dock tab whole.
#include "../widgets/WidgetTestSupport.h"
#include "MainWindow.h"
#include "PresenterMode.h"
#include "RunDocks.h"
#include "Screenshot.h"
#include "canvas/CanvasView.h"
#include "plots/BlockMetricPlot.h"
#include "plots/LatencyPlot.h"
#include "run/RunToolBar.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QScopeGuard>
#include <QTabBar>
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

    void larger_texts_still_fit_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("1280x720") << QSize(1280, 720);
    }

    void larger_texts_still_fit()
    {
        QFETCH(QSize, size);
        const QFont font = QApplication::font();
        auto restoreFont = qScopeGuard([&] { QApplication::setFont(font); }); // even when a check fails
        app::MainWindow window(app::MainWindow::Options::headless());
        QCOMPARE(window.openFile(testing::examplePath("scaling-4-massive.scalelab")), QString());
        window.presenterMode()->setFullScreenAllowed(false); // the window stands for the projector
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(app::Screenshot::runFor(window, 30), QString()); // "t = 30.0 s", "paused"
        window.presenterMode()->setActive(true);
        for (int i = 0; i < 3; ++i)
            QApplication::processEvents();

        const widgets::RunToolBar* run = window.run()->toolBar();
        for (const QLabel* label : {run->clockLabel(), run->ratioLabel()}) {
            QVERIFY2(label->isVisible(), qPrintable(label->text() + " is off the toolbar"));
            const int text = label->fontMetrics().horizontalAdvance(label->text()) + label->indent();
            QVERIFY2(text <= label->contentsRect().width(),
                     qPrintable(QString("\"%1\" needs %2 px, has %3").arg(label->text()).arg(text).arg(label->contentsRect().width())));
        }
        QCOMPARE(run->clockLabel()->text(), QString("t = 30.0 s"));
        // The ratio's text starts clear of the clock's, by at least a space.
        const int clockEnd = run->clockLabel()->geometry().left()
                             + run->clockLabel()->fontMetrics().horizontalAdvance(run->clockLabel()->text());
        const int ratioStart = run->ratioLabel()->geometry().left() + run->ratioLabel()->indent();
        QVERIFY2(ratioStart - clockEnd >= run->clockLabel()->fontMetrics().horizontalAdvance(' '),
                 qPrintable(QString("clock ends at %1, ratio starts at %2").arg(clockEnd).arg(ratioStart)));

        for (const QTabBar* bar : window.findChildren<QTabBar*>(Qt::FindDirectChildrenOnly)) {
            if (!bar->isVisible())
                continue;
            QCOMPARE(bar->elideMode(), Qt::ElideNone);
            QStringList tabs;
            for (int i = 0; i < bar->count(); ++i)
                tabs << bar->tabText(i);
            QVERIFY2(bar->sizeHint().width() <= bar->width(),
                     qPrintable(QString("tabs %1 need %2 px, have %3").arg(tabs.join(", ")).arg(bar->sizeHint().width()).arg(bar->width())));
        }
        window.presenterMode()->setActive(false); // the application font is shared with the next row
    }
};

QTEST_MAIN(PresenterModeTest)
#include "PresenterModeTest.moc"
