#include "CompareWindow.h"

#include "CompareFaultBar.h"
#include "CompareOverlayPlot.h"
#include "ComparePane.h"
#include "CompareRun.h"
#include "CompareToolBar.h"
#include "canvas/CanvasScene.h"
#include "canvas/CanvasView.h"
#include "document/DesignDocument.h"
#include "io/ScenarioFile.h"
#include "model/StatedTraffic.h"
#include "plots/PlotStyle.h"
#include "properties/PropertyEditor.h"

#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QVBoxLayout>

#include <limits>

namespace scalelab::widgets {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

} // namespace

CompareWindow::CompareWindow(QWidget* parent)
    : QMainWindow(parent)
    , m_documents{new DesignDocument(this), new DesignDocument(this)}
    , m_run(new CompareRun(m_documents[0], m_documents[1], this))
    , m_toolBar(new CompareToolBar(m_run, this))
    , m_card(new QLabel(this))
    , m_properties(new QStackedWidget(this))
{
    setObjectName("CompareWindow");
    setWindowTitle(tr("Compare designs"));
    setAttribute(Qt::WA_DeleteOnClose, false);
    addToolBar(Qt::TopToolBarArea, m_toolBar);

    m_panes[0] = new ComparePane(tr("A"), tr("solid"), m_documents[0]);
    m_panes[1] = new ComparePane(tr("B"), tr("dashed"), m_documents[1]);
    auto* canvases = new QSplitter(Qt::Horizontal);
    canvases->addWidget(m_panes[0]);
    canvases->addWidget(m_panes[1]);
    canvases->setChildrenCollapsible(false);

    m_card->setObjectName("compareCard");
    m_card->setWordWrap(true);
    m_card->setTextFormat(Qt::RichText);
    m_card->setMargin(6);
    m_card->setStyleSheet(QStringLiteral("background: #f6f8fa; border-bottom: 1px solid #d0d7de;"));
    m_card->setVisible(false);

    auto* plotRow = new QWidget;
    buildPlots(plotRow);
    m_faults = new CompareFaultBar(m_documents[0], m_documents[1], m_run);

    auto* bottom = new QWidget;
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->setSpacing(0);
    bottomLayout->addWidget(m_faults);
    bottomLayout->addWidget(plotRow, 1);

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(canvases);
    split->addWidget(bottom);
    split->setStretchFactor(0, 5);
    split->setStretchFactor(1, 4);
    split->setChildrenCollapsible(false);

    auto* central = new QWidget;
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_card);
    layout->addWidget(split, 1);
    setCentralWidget(central);

    // One property editor per side; the one shown follows the canvas last clicked.
    for (int side : {0, 1}) {
        m_editors[side] = new PropertyEditor(m_documents[side]);
        m_properties->addWidget(m_editors[side]);
        CanvasScene* scene = m_panes[side]->scene();
        connect(scene, &QGraphicsScene::selectionChanged, this, [this, side, scene] {
            m_editors[side]->showSelection(scene->selectedBlockIds(), scene->selectedLinks());
            if (!scene->selectedBlockIds().empty() || !scene->selectedLinks().empty())
                m_properties->setCurrentIndex(side);
        });
    }
    m_properties->setCurrentIndex(1); // B is the one to change
    auto* propertiesDock = new QDockWidget(tr("Properties"), this);
    propertiesDock->setObjectName("CompareProperties");
    propertiesDock->setWidget(m_properties);
    addDockWidget(Qt::RightDockWidgetArea, propertiesDock);
    resizeDocks({propertiesDock}, {260}, Qt::Horizontal);

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Save B &As…"), this, &CompareWindow::saveB);
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(propertiesDock->toggleViewAction());
    view->addAction(tr("&Fit Both"), this, &CompareWindow::fitDesigns);

    connect(m_run, &CompareRun::snapshotsReady, this, &CompareWindow::showSnapshots);
    connect(m_run, &CompareRun::cleared, this, &CompareWindow::clearViews);
    connect(m_run, &CompareRun::notice, this, [this](const QString& text) { statusBar()->showMessage(text, 6000); });
    connect(m_run, &CompareRun::failed, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
}

CompareWindow::~CompareWindow() = default;

void CompareWindow::buildPlots(QWidget* row)
{
    struct Spec {
        QString title, unit;
        QColor color;
        CompareOverlayPlot::Figure figure;
    };
    const std::vector<Spec> specs{
        {tr("p95 latency"), tr("ms"), plotstyle::p95(),
         [](const stats::WindowSample& w) { return w.throughputPerSecond > 0 ? w.p95Ms : kNaN; }},
        {tr("throughput"), tr("req/s"), plotstyle::success(),
         [](const stats::WindowSample& w) { return w.throughputPerSecond; }},
        {tr("errors"), tr("req/s"), plotstyle::loss(),
         [](const stats::WindowSample& w) { return w.errorsTotalPerSecond(); }},
        {tr("cost"), tr("$/h"), plotstyle::cost(), [](const stats::WindowSample& w) { return w.costPerHour; }},
    };
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    for (const Spec& spec : specs) {
        auto* plot = new CompareOverlayPlot(spec.title, spec.unit, spec.color, spec.figure);
        plot->setObjectName("compare " + spec.title);
        plot->setMinimumSize(160, 140);
        layout->addWidget(plot, 1);
        m_plots.push_back(plot);
    }
}

void CompareWindow::setDesigns(model::Architecture a, const QString& labelA, model::Architecture b,
                               const QString& labelB, const QString& pathA, const QString& pathB)
{
    m_run->reset();
    model::applyStatedTraffic(a); // Play runs what the grader grades, as in the main window
    model::applyStatedTraffic(b);
    m_documents[0]->reset(std::move(a), pathA);
    m_documents[1]->reset(std::move(b), pathB);
    m_pathB = pathB;
    m_panes[0]->setLabel(labelA);
    m_panes[1]->setLabel(labelB);
    for (CompareOverlayPlot* plot : m_plots)
        plot->setLabels(labelA.isEmpty() ? QString::fromStdString(m_documents[0]->architecture().name) : labelA,
                        labelB.isEmpty() ? QString::fromStdString(m_documents[1]->architecture().name) : labelB);
    if (isVisible())
        fitDesigns();
}

QString CompareWindow::openFiles(const QString& pathA, const QString& pathB)
{
    try {
        const QString fullA = QFileInfo(pathA).absoluteFilePath(), fullB = QFileInfo(pathB).absoluteFilePath();
        model::Architecture a = io::readScenario(fullA.toStdString());
        model::Architecture b = io::readScenario(fullB.toStdString());
        const auto label = [](const model::Architecture& design, const QString& path) {
            return design.name.empty() ? QFileInfo(path).completeBaseName() : QString::fromStdString(design.name);
        };
        const QString labelA = label(a, pathA), labelB = label(b, pathB);
        setDesigns(std::move(a), labelA, std::move(b), labelB, fullA, fullB);
        showCard({}, {}, {}, {});
        return {};
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
}

void CompareWindow::showCard(const QString& name, const QString& title, const QString& question,
                             const QString& lookFor)
{
    m_cardName = name;
    m_card->setVisible(!name.isEmpty());
    if (name.isEmpty())
        return;
    setWindowTitle(tr("Compare: %1").arg(title));
    m_card->setText(tr("<b>%1</b> &nbsp;%2<br><b>Look for:</b> %3")
                        .arg(title.toHtmlEscaped(), question.toHtmlEscaped(), lookFor.toHtmlEscaped()));
}

void CompareWindow::fitDesigns()
{
    for (ComparePane* pane : m_panes)
        pane->view()->fitToView();
}

void CompareWindow::showSnapshots()
{
    const auto a = m_run->latest(CompareRun::A);
    const auto b = m_run->latest(CompareRun::B);
    if (a)
        m_panes[0]->showSnapshot(*a);
    if (b)
        m_panes[1]->showSnapshot(*b);
    if (!a || !b)
        return;
    for (CompareOverlayPlot* plot : m_plots)
        plot->appendPair(*a, *b);
    emit viewsUpdated(std::min(a->simSeconds, b->simSeconds));
}

void CompareWindow::clearViews()
{
    for (CompareOverlayPlot* plot : m_plots)
        plot->clear();
    for (ComparePane* pane : m_panes)
        pane->clearLive();
}

void CompareWindow::saveB()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Design B"), m_pathB,
                                                      tr("ScaleLab designs (*.scalelab)"));
    if (path.isEmpty())
        return;
    try {
        io::writeScenario(m_documents[1]->architecture(), path.toStdString());
        m_documents[1]->setFilePath(path);
        m_documents[1]->markSaved();
        m_pathB = path;
        statusBar()->showMessage(tr("Saved B to %1").arg(QFileInfo(path).fileName()), 4000);
    } catch (const std::exception& error) {
        QMessageBox::warning(this, tr("Cannot save design B"), QString::fromUtf8(error.what()));
    }
}

} // namespace scalelab::widgets
