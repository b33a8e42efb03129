#include "CompareWindow.h"

#include "CompareFaultBar.h"
#include "CompareOverlayPlot.h"
#include "ComparePane.h"
#include "CompareRun.h"
#include "CompareToolBar.h"
#include "DifferenceTable.h"
#include "TradeoffCardFile.h"
#include "analysis/TradeoffCheck.h"
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
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
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
    , m_difference(new DifferenceTable(this))
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

    // Below the canvases: the plots and, beside them, the difference table.
    m_lower = new QSplitter(Qt::Horizontal);
    m_lower->addWidget(plotRow);
    m_lower->addWidget(m_difference);
    m_lower->setStretchFactor(0, 1);
    m_lower->setStretchFactor(1, 0);
    m_lower->setChildrenCollapsible(false);
    auto* bottom = new QWidget;
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->setSpacing(0);
    bottomLayout->addWidget(m_faults);
    bottomLayout->addWidget(m_lower, 1);

    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(canvases);
    split->addWidget(bottom);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 5);
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
    // The properties of the selected block or link: a dock on the right,
    // hidden until something is selected on either canvas (the canvases
    // need the width more while nothing is being edited).
    m_propertiesDock = new QDockWidget(tr("Properties"), this);
    m_propertiesDock->setObjectName("CompareProperties");
    m_propertiesDock->setWidget(m_properties);
    m_propertiesDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, m_propertiesDock);
    m_propertiesDock->hide();
    for (int side : {0, 1})
        connect(m_panes[side]->scene(), &QGraphicsScene::selectionChanged, this, [this, side] {
            if (!m_panes[side]->scene()->selectedItems().isEmpty())
                m_propertiesDock->show();
        });
    for (DesignDocument* document : m_documents) {
        connect(document, &DesignDocument::designReset, this, &CompareWindow::designsChanged);
        connect(document, &DesignDocument::edited, this, &CompareWindow::designsChanged);
    }
    connect(m_difference, &DifferenceTable::comparisonFinished, this, [this] {
        fitDifferenceTable(); // the figures may be wider than the dashes were
        showClaims();
        if (!m_cardName.isEmpty())
            emit comparisonFinished(m_cardName);
    });

    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Save B &As…"), this, &CompareWindow::saveB);
    file->addSeparator();
    file->addAction(tr("&Close"), QKeySequence::Close, this, &QWidget::close);
    QMenu* view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_propertiesDock->toggleViewAction());
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
    // Two by two: each plot keeps a readable width beside the table.
    auto* layout = new QGridLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    for (const Spec& spec : specs) {
        auto* plot = new CompareOverlayPlot(spec.title, spec.unit, spec.color, spec.figure);
        plot->setObjectName("compare " + spec.title);
        plot->setMinimumSize(160, 120);
        const int index = static_cast<int>(m_plots.size());
        layout->addWidget(plot, index / 2, index % 2);
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
    showCard({}, {}, {}); // openCard shows its own after this
    m_difference->resetToDefaults();
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
        return {};
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
}

QString CompareWindow::openCard(const QString& cardPath)
{
    io::TradeoffPair pair;
    try {
        pair = TradeoffCardFile::load(cardPath);
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
    const model::TradeoffCard& card = pair.card;
    setDesigns(std::move(pair.a), QString::fromStdString(card.a.label), std::move(pair.b),
               QString::fromStdString(card.b.label));
    std::vector<std::pair<std::string, std::string>> claimed;
    for (const model::TradeoffClaim& claim : card.claims)
        claimed.emplace_back(claim.metric, claim.metricB.empty() ? claim.metric : claim.metricB);
    m_difference->setExtraFigures(std::move(claimed));
    m_difference->setPlan(card.warmupS, card.durationS, card.replications);
    showCard(TradeoffCardFile::cardName(cardPath), QString::fromStdString(card.title),
             QString::fromStdString(card.question));
    m_openCard = card;
    showClaims();
    return {};
}

void CompareWindow::showClaims()
{
    if (!m_openCard)
        return;
    const analysis::Comparison& comparison = m_difference->comparison();
    QString html = tr("<b>Look for:</b> %1<br><b>The card claims</b> (checked on the paired 95% interval of B − A):")
                       .arg(QString::fromStdString(m_openCard->lookFor).toHtmlEscaped());
    for (const model::TradeoffClaim& claim : m_openCard->claims) {
        const std::string metricB = claim.metricB.empty() ? claim.metric : claim.metricB;
        const analysis::FigureDifference* figure =
            comparison.replications > 0 ? comparison.find(claim.metric, metricB) : nullptr;
        QString mark = QStringLiteral("<span style='color:#57606a'>?</span>");
        if (figure)
            mark = analysis::claimHolds(claim, *figure) ? QStringLiteral("<span style='color:#1a7f37'>✔</span>")
                                                        : QStringLiteral("<span style='color:#d1242f'>✘</span>");
        html += QStringLiteral("<br>%1 %2").arg(mark, QString::fromStdString(claim.text).toHtmlEscaped());
    }
    if (comparison.replications == 0)
        html += tr("<br><i>Run comparison to check them.</i>");
    if (!m_openCard->chooseAWhen.empty())
        html += tr("<br><b>Choose A when</b> %1").arg(QString::fromStdString(m_openCard->chooseAWhen).toHtmlEscaped());
    if (!m_openCard->chooseBWhen.empty())
        html += tr("<br><b>Choose B when</b> %1").arg(QString::fromStdString(m_openCard->chooseBWhen).toHtmlEscaped());
    m_difference->setNotes(html);
}

void CompareWindow::designsChanged()
{
    // A comparison of designs since edited says nothing about these: the table starts again.
    m_difference->setDesigns(m_documents[0]->architecture(), m_documents[1]->architecture());
    showClaims();
}

void CompareWindow::showCard(const QString& name, const QString& title, const QString& question)
{
    m_cardName = name;
    m_openCard.reset();
    m_difference->setNotes({});
    m_card->setVisible(!name.isEmpty());
    if (name.isEmpty()) {
        setWindowTitle(tr("Compare designs"));
        return;
    }
    setWindowTitle(tr("Compare: %1").arg(title));
    // What to look for sits beside the table it speaks about (showClaims).
    m_card->setText(tr("<b>%1</b> &nbsp;%2").arg(title.toHtmlEscaped(), question.toHtmlEscaped()));
}

void CompareWindow::fitDesigns()
{
    for (ComparePane* pane : m_panes)
        pane->view()->fitToView();
}

void CompareWindow::fitDifferenceTable()
{
    const int total = m_lower->width();
    const int wanted = std::min(m_difference->preferredWidth(), int(total * 0.5));
    m_lower->setSizes({total - wanted, wanted});
}

void CompareWindow::showEvent(QShowEvent* event)
{
    QMainWindow::showEvent(event);
    if (!m_fittedOnce) {
        m_fittedOnce = true;
        QTimer::singleShot(0, this, &CompareWindow::fitDifferenceTable); // once laid out at the shown size
    }
}

void CompareWindow::closeEvent(QCloseEvent* event)
{
    m_run->pause();
    m_difference->cancel();
    QMainWindow::closeEvent(event);
}

void CompareWindow::showSnapshots()
{
    const auto a = m_run->latest(CompareRun::A);
    const auto b = m_run->latest(CompareRun::B);
    if (a)
        m_panes[0]->showSnapshot(*a);
    if (b)
        m_panes[1]->showSnapshot(*b);
    m_difference->showLive(a.get(), b.get());
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
    m_difference->showLive(nullptr, nullptr);
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
