#include "DifferenceTable.h"

#include "PairedComparisonJob.h"
#include "QtText.h"
#include "analysis/MetricValue.h"
#include "model/MetricCatalog.h"
#include "model/TradeoffCard.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace scalelab::widgets {

namespace {

const QColor kSignificant(0xff, 0xf1, 0xc2); // amber tint: look here

QString valueText(const std::string& metric, double value)
{
    return toQString(model::formatMetric(metric, value));
}

// "+19 ms ± 1.3 ms": the paired difference and its 95% half-width.
QString differenceText(const std::string& metric, const stats::ConfidenceInterval& interval)
{
    return toQString(model::formatDifference(metric, interval.mean, interval.halfWidth));
}

QTableWidgetItem* cell(const QString& text, Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter)
{
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

DifferenceTable::DifferenceTable(QWidget* parent)
    : QWidget(parent)
    , m_job(new PairedComparisonJob(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_run(new QPushButton(tr("Run comparison"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_replications(new QSpinBox(this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_notes(new QTextBrowser(this))
{
    m_table->setObjectName("differenceTable");
    m_table->setHorizontalHeaderLabels({tr("Figure"), tr("A now"), tr("B now"), tr("A"), tr("B"), tr("B − A (95%)")});
    m_table->horizontalHeaderItem(MeanA)->setToolTip(tr("Mean over the paired replications"));
    m_table->horizontalHeaderItem(Difference)->setToolTip(
        tr("B minus A, paired by seed, with the half-width of its 95% interval. Highlighted: the interval excludes "
           "zero, a real difference rather than noise."));
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setWordWrap(false);
    // Every column as wide as its longest text: a label or a figure cut
    // short is worse than a table that scrolls sideways in a narrow dock.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);

    m_run->setObjectName("runComparison");
    m_run->setToolTip(tr("Run both designs several times, seed by seed, and put a 95% interval on each difference "
                         "(on worker threads: the window stays live)"));
    m_cancel->setObjectName("cancelComparison");
    m_replications->setRange(2, 50);
    m_replications->setValue(m_plan.replications);
    m_replications->setSuffix(tr(" runs"));
    m_replications->setToolTip(tr("Paired replications: seeds 1, 2, … for both designs"));
    m_progress->setTextVisible(true);
    m_status->setWordWrap(true);
    m_status->setObjectName("comparisonStatus");

    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(m_run);
    controls->addWidget(m_replications);
    controls->addWidget(m_progress, 1);
    controls->addWidget(m_cancel);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(controls);
    layout->addWidget(m_status);
    layout->addWidget(m_table);
    layout->addWidget(m_notes, 1);
    m_notes->setObjectName("comparisonNotes");
    m_notes->setFrameShape(QFrame::NoFrame);
    m_notes->setOpenLinks(false);
    m_notes->viewport()->setAutoFillBackground(false); // reads as part of the panel, scrolls when long
    m_notes->setMinimumHeight(m_notes->fontMetrics().height() * 3);
    m_notes->setVisible(false);

    connect(m_run, &QPushButton::clicked, this, &DifferenceTable::runComparison);
    connect(m_cancel, &QPushButton::clicked, this, &DifferenceTable::cancel);
    connect(m_job, &PairedComparisonJob::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setFormat(tr("%1 of %2 runs").arg(done).arg(total));
    });
    connect(m_job, &PairedComparisonJob::finished, this, [this](const analysis::Comparison& comparison) {
        setBusy(false);
        m_comparison = comparison;
        showComparison();
        emit comparisonFinished(comparison);
    });
    connect(m_job, &PairedComparisonJob::cancelled, this, [this] {
        setBusy(false);
        m_status->setText(tr("Cancelled."));
        emit comparisonCancelled();
    });
    connect(m_job, &PairedComparisonJob::failed, this, [this](const QString& message) {
        setBusy(false);
        m_status->setText(tr("The comparison failed: %1").arg(message));
    });
    resetToDefaults();
    setBusy(false);
    m_status->setText(tr("Run comparison: both designs, seed by seed, with a 95% interval on each difference."));
    rebuildRows();
}

int DifferenceTable::preferredWidth() const
{
    // The columns' texts measured as the table draws them (bold where highlighted), plus cell padding.
    constexpr int kPadding = 14;
    int width = 2 * m_table->frameWidth() + m_table->verticalScrollBar()->sizeHint().width() + 8;
    for (int column = 0; column < ColumnCount; ++column) {
        int widest = QFontMetrics(m_table->horizontalHeader()->font())
                         .horizontalAdvance(m_table->horizontalHeaderItem(column)->text());
        for (int row = 0; row < m_table->rowCount(); ++row)
            if (const QTableWidgetItem* item = m_table->item(row, column))
                widest = std::max(widest, QFontMetrics(item->font()).horizontalAdvance(item->text()));
        width += widest + kPadding;
    }
    return width;
}

void DifferenceTable::setNotes(const QString& html)
{
    m_notes->setHtml(html);
    m_notes->setVisible(!html.isEmpty());
}

bool DifferenceTable::running() const
{
    return m_job->running();
}

void DifferenceTable::setDesigns(const model::Architecture& a, const model::Architecture& b)
{
    m_a = a;
    m_b = b;
    m_comparison = {};
    rebuildRows();
}

void DifferenceTable::setExtraFigures(std::vector<std::pair<std::string, std::string>> figures)
{
    m_extra = std::move(figures);
    m_comparison = {};
    rebuildRows();
}

void DifferenceTable::setPlan(double warmupS, double durationS, int replications)
{
    m_plan.warmup = sim::fromSeconds(warmupS);
    m_plan.duration = sim::fromSeconds(durationS);
    m_replications->setValue(replications);
}

void DifferenceTable::resetToDefaults()
{
    // As `scalelab compare` runs without options (and a card without "run").
    const model::TradeoffCard defaults;
    setPlan(defaults.warmupS, defaults.durationS, defaults.replications);
    setExtraFigures({});
}

void DifferenceTable::rebuildRows()
{
    m_rows.clear();
    for (const std::string& metric : analysis::defaultComparedMetrics())
        m_rows.emplace_back(metric, metric);
    for (const auto& extra : m_extra)
        if (std::find(m_rows.begin(), m_rows.end(), extra) == m_rows.end())
            m_rows.push_back(extra);
    m_table->setRowCount(static_cast<int>(m_rows.size()));
    // As tall as its rows: the room below is the notes'.
    const int rowsHeight = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth() +
                           m_table->rowCount() * m_table->verticalHeader()->defaultSectionSize() +
                           m_table->horizontalScrollBar()->sizeHint().height();
    m_table->setMaximumHeight(rowsHeight);
    m_table->setMinimumHeight(std::min(rowsHeight, 14 * m_table->verticalHeader()->defaultSectionSize()));
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto& [metricA, metricB] = m_rows[static_cast<size_t>(row)];
        QString label = toQString(model::metricLabel(metricA, m_a));
        if (metricB != metricA)
            label += QStringLiteral(" / ") + toQString(model::metricLabel(metricB, m_b));
        m_table->setItem(row, Figure, cell(label, Qt::AlignLeft | Qt::AlignVCenter));
        for (int column = LiveA; column < ColumnCount; ++column)
            m_table->setItem(row, column, cell(QStringLiteral("–")));
    }
    showComparison();
}

void DifferenceTable::showLive(const stats::Snapshot* a, const stats::Snapshot* b)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto& [metricA, metricB] = m_rows[static_cast<size_t>(row)];
        const auto show = [&](int column, const stats::Snapshot* snapshot, const std::string& metric) {
            const auto value = snapshot ? analysis::metricValue(*snapshot, metric) : std::nullopt;
            m_table->item(row, column)->setText(value ? valueText(metric, *value) : QStringLiteral("–"));
        };
        show(LiveA, a, metricA);
        show(LiveB, b, metricB);
    }
}

void DifferenceTable::showComparison()
{
    int significant = 0;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto& [metricA, metricB] = m_rows[static_cast<size_t>(row)];
        const analysis::FigureDifference* figure =
            m_comparison.replications > 0 ? m_comparison.find(metricA, metricB) : nullptr;
        QFont font = m_table->font();
        QBrush background;
        QString tip;
        if (figure) {
            m_table->item(row, MeanA)->setText(valueText(metricA, figure->a.mean));
            m_table->item(row, MeanB)->setText(valueText(metricB, figure->b.mean));
            m_table->item(row, Difference)->setText(differenceText(metricA, figure->difference));
            const bool real = figure->significant();
            significant += real;
            font.setBold(real);
            background = real ? QBrush(kSignificant) : QBrush();
            tip = real ? tr("The 95% interval on B − A excludes zero: a real difference.")
                       : tr("The 95% interval on B − A contains zero: no clear difference at %n run(s).", nullptr,
                            m_comparison.replications);
        } else {
            for (int column : {MeanA, MeanB, Difference})
                m_table->item(row, column)->setText(QStringLiteral("–"));
        }
        for (int column = Figure; column < ColumnCount; ++column) {
            QTableWidgetItem* item = m_table->item(row, column);
            if (column == Difference || column == Figure)
                item->setFont(font);
            item->setBackground(background);
            item->setToolTip(tip);
        }
    }
    if (m_comparison.replications > 0)
        m_status->setText(tr("%n paired run(s) of each design: %1 of %2 figures differ (highlighted).", nullptr,
                             m_comparison.replications)
                              .arg(significant)
                              .arg(m_table->rowCount()));
}

void DifferenceTable::runComparison()
{
    m_plan.replications = m_replications->value();
    m_comparison = {};
    showComparison();
    if (!m_job->start(m_a, m_b, m_plan, m_extra))
        return;
    setBusy(true);
    m_progress->setRange(0, 2 * m_plan.replications);
    m_progress->setValue(0);
    m_progress->setFormat(tr("starting…"));
    m_status->setText(tr("Running %1 s (after %2 s warm-up) of each design, %3 times…")
                          .arg(sim::toSeconds(m_plan.duration))
                          .arg(sim::toSeconds(m_plan.warmup))
                          .arg(m_plan.replications));
}

void DifferenceTable::cancel()
{
    m_job->cancel();
}

void DifferenceTable::setBusy(bool busy)
{
    m_run->setEnabled(!busy);
    m_replications->setEnabled(!busy);
    m_cancel->setEnabled(busy);
    m_progress->setVisible(busy);
}

} // namespace scalelab::widgets
