#include "CapacitySweepDialog.h"

#include "QtText.h"
#include "SweepChart.h"
#include "analysis/NetworkModel.h"
#include "model/Validator.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

#include <cmath>
#include <limits>

namespace scalelab::widgets {

namespace {

QString number(double value, int decimals)
{
    return std::isfinite(value) ? QLocale().toString(value, 'f', decimals) : QStringLiteral("∞");
}

// "12.3 ± 0.4", or "12.3" when there is no interval (one run per point).
QString withHalfWidth(double value, double halfWidth, int decimals)
{
    if (!std::isfinite(halfWidth))
        return number(value, decimals);
    return number(value, decimals) + QStringLiteral(" ± ") + number(halfWidth, decimals);
}

// Why `design` cannot be swept, or an empty string.
QString sweepProblem(const model::Architecture& design)
{
    for (const auto& problem : model::validate(design))
        if (problem.isError())
            return CapacitySweepDialog::tr("The design has errors (%1); fix them before a sweep.")
                .arg(toQString(problem.message));
    return {};
}

} // namespace

CapacitySweepDialog::CapacitySweepDialog(const model::Architecture& design, uint64_t seed, QWidget* parent)
    : QDialog(parent)
    , m_design(std::make_shared<const model::Architecture>(design))
    , m_seed(seed)
    , m_designProblem(sweepProblem(design))
{
    setWindowTitle(tr("Capacity sweep"));
    resize(820, 620);

    auto* today = new QLabel(this);
    today->setWordWrap(true);
    if (m_designProblem.isEmpty()) {
        const analysis::NetworkPlan plan = analysis::planNetwork(design);
        const analysis::BlockPlan* bottleneck = plan.find(plan.bottleneck);
        QString text = tr("Today's load: %1 req/s offered.").arg(number(plan.offeredRps, 0));
        if (bottleneck)
            text += ' ' + tr("Busiest pool by the analytic model: %1 at %2% utilisation.")
                              .arg(toQString(bottleneck->id), number(bottleneck->utilization * 100, 0));
        today->setText(text + ' ' + tr("The sweep runs the same design at other multiples of this load."));
    } else {
        today->setText(m_designProblem);
    }

    m_from = new QSpinBox(this);
    m_to = new QSpinBox(this);
    for (QSpinBox* percent : {m_from, m_to}) {
        percent->setRange(1, 2000);
        percent->setSingleStep(10);
        percent->setSuffix(QStringLiteral(" %"));
    }
    m_steps = new QSpinBox(this);
    m_steps->setRange(2, 100);
    m_measure = new QDoubleSpinBox(this);
    m_measure->setRange(1, 3600);
    m_measure->setDecimals(0);
    m_measure->setSuffix(tr(" s"));
    m_measure->setToolTip(tr("Simulated time measured at each point, after %1 s of warm-up.")
                              .arg(analysis::kSweepWarmupS));
    m_replications = new QSpinBox(this);
    m_replications->setRange(1, 20);
    m_replications->setToolTip(tr("Independent runs (seeds) per load point. With two or more, every simulated point "
                                  "gets a 95% confidence interval, drawn as error bars."));
    setRange(10, 150, 15);
    setMeasureSeconds(30);
    setReplications(3);

    m_run = new QPushButton(tr("Run"), this);
    m_run->setDefault(true);
    m_cancel = new QPushButton(tr("Cancel"), this);
    connect(m_run, &QPushButton::clicked, this, &CapacitySweepDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &CapacitySweepDialog::cancel);

    auto* controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Load from"), this));
    controls->addWidget(m_from);
    controls->addWidget(new QLabel(tr("to"), this));
    controls->addWidget(m_to);
    controls->addWidget(new QLabel(tr("of today's, in"), this));
    controls->addWidget(m_steps);
    controls->addWidget(new QLabel(tr("steps of"), this));
    controls->addWidget(m_measure);
    controls->addWidget(new QLabel(tr("each,"), this));
    controls->addWidget(m_replications);
    controls->addWidget(new QLabel(tr("runs per point"), this));
    controls->addStretch(1);
    controls->addWidget(m_run);
    controls->addWidget(m_cancel);

    m_chart = new SweepChart(this);
    m_table = new QTableWidget(0, 8, this);
    m_table->setHorizontalHeaderLabels({tr("Load"), tr("Offered/s"), tr("Throughput/s"), tr("p95 ms"), tr("Mean ms"),
                                        tr("Analytic ms"), tr("Errors"), tr("Busiest pool")});
    m_table->verticalHeader()->setVisible(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeaderItem(5)->setToolTip(tr("Mean end-to-end latency from the queueing model; ∞ once a pool "
                                                    "is saturated"));
    for (int column : {2, 3, 4})
        m_table->horizontalHeaderItem(column)->setToolTip(tr("Mean over the runs per point ± the 95% half-width of "
                                                             "its confidence interval"));
    m_table->horizontalHeaderItem(7)->setToolTip(tr("Utilisation of the busiest pool in the queueing model"));
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_chart);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({400, 150});

    m_progress = new QProgressBar(this);
    m_progress->setTextVisible(true);
    m_status = new QLabel(this);
    m_exportCsv = new QPushButton(tr("Export CSV…"), this);
    m_exportPng = new QPushButton(tr("Export PNG…"), this);
    connect(m_exportCsv, &QPushButton::clicked, this,
            [this] { saveWithDialog("csv", tr("Comma-separated values (*.csv)")); });
    connect(m_exportPng, &QPushButton::clicked, this, [this] { saveWithDialog("png", tr("PNG image (*.png)")); });
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_progress, 1);
    bottom->addWidget(m_status, 2);
    bottom->addWidget(m_exportCsv);
    bottom->addWidget(m_exportPng);
    bottom->addWidget(close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(today);
    layout->addLayout(controls);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);

    connect(&m_watcher, &QFutureWatcherBase::resultReadyAt, this, &CapacitySweepDialog::onPointReady);
    connect(&m_watcher, &QFutureWatcherBase::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &CapacitySweepDialog::onFinished);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    updateButtons();
}

CapacitySweepDialog::~CapacitySweepDialog()
{
    // Running points hold only their own copy of the design; waiting keeps
    // the watcher from reporting to a dialog that is gone.
    m_watcher.disconnect(this);
    m_watcher.cancel();
    m_watcher.waitForFinished();
}

void CapacitySweepDialog::setRange(int fromPercent, int toPercent, int steps)
{
    m_from->setValue(fromPercent);
    m_to->setValue(toPercent);
    m_steps->setValue(steps);
}

void CapacitySweepDialog::setMeasureSeconds(double seconds)
{
    m_measure->setValue(seconds);
}

void CapacitySweepDialog::setReplications(int runsPerPoint)
{
    m_replications->setValue(runsPerPoint);
}

bool CapacitySweepDialog::isRunning() const
{
    return m_watcher.isRunning();
}

void CapacitySweepDialog::start()
{
    if (isRunning() || !m_designProblem.isEmpty())
        return;
    const int low = std::min(m_from->value(), m_to->value());
    const int high = std::max(m_from->value(), m_to->value());
    const auto factors = analysis::sweepFactors(low / 100.0, high / 100.0, m_steps->value());
    m_results.assign(factors.size(), std::nullopt);
    refresh();

    // Every point gets the same seed: neighbours then differ by load, not by luck.
    auto design = m_design;
    const uint64_t seed = m_seed;
    const double measure = m_measure->value();
    const int replications = m_replications->value();
    std::function<analysis::SweepPoint(double)> runPoint = [design, seed, measure, replications](double factor) {
        try {
            return analysis::runSweepPoint(*design, factor, seed, analysis::kSweepWarmupS, measure, replications);
        } catch (const std::exception&) {
            analysis::SweepPoint failed; // the design was checked up front; this is a last resort
            failed.loadFactor = factor;
            failed.offeredRps = std::numeric_limits<double>::quiet_NaN();
            return failed;
        }
    };
    m_status->setText(tr("Simulating %1 points…").arg(factors.size()));
    m_watcher.setFuture(QtConcurrent::mapped(QList<double>(factors.begin(), factors.end()), runPoint));
    updateButtons();
}

void CapacitySweepDialog::cancel()
{
    if (!isRunning())
        return;
    m_watcher.cancel();
    m_status->setText(tr("Cancelling: waiting for the points already running…"));
    m_cancel->setEnabled(false);
}

void CapacitySweepDialog::onPointReady(int index)
{
    if (index >= 0 && static_cast<size_t>(index) < m_results.size())
        m_results[static_cast<size_t>(index)] = m_watcher.resultAt(index);
    refresh();
}

void CapacitySweepDialog::onFinished()
{
    const auto done = points();
    const int knee = kneeIndex();
    QString text = m_watcher.isCanceled()
                       ? tr("Cancelled after %1 of %2 points.").arg(done.size()).arg(m_results.size())
                       : tr("%1 points.").arg(done.size());
    if (knee >= 0)
        text += ' ' + tr("Knee at %1% of today's load (%2 req/s).")
                          .arg(number(done[static_cast<size_t>(knee)].loadFactor * 100, 0),
                               number(done[static_cast<size_t>(knee)].offeredRps, 0));
    else if (!done.empty())
        text += ' ' + tr("No knee in this range.");
    m_status->setText(text);
    updateButtons();
    emit sweepFinished();
}

std::vector<analysis::SweepPoint> CapacitySweepDialog::points() const
{
    std::vector<analysis::SweepPoint> done;
    for (const auto& result : m_results)
        if (result && std::isfinite(result->offeredRps))
            done.push_back(*result);
    return done;
}

int CapacitySweepDialog::kneeIndex() const
{
    return analysis::findKnee(points());
}

void CapacitySweepDialog::refresh()
{
    const auto done = points();
    const int knee = analysis::findKnee(done);
    m_chart->setPoints(done, knee);
    m_table->setRowCount(static_cast<int>(done.size()));
    for (size_t row = 0; row < done.size(); ++row) {
        const auto& point = done[row];
        const QStringList cells{number(point.loadFactor * 100, 0) + " %", number(point.offeredRps, 0),
                                withHalfWidth(point.throughputRps, point.throughputHalfWidthRps, 0),
                                withHalfWidth(point.p95Ms, point.p95HalfWidthMs, 1),
                                withHalfWidth(point.meanMs, point.meanHalfWidthMs, 1),
                                number(point.analyticMeanMs, 1), number(point.errorRate * 100, 1) + " %",
                                number(point.analyticBottleneckUtilization * 100, 0) + " %"};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (static_cast<int>(row) == knee) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setToolTip(tr("The knee: p95 doubled, or throughput fell 5% behind offered load."));
            }
            m_table->setItem(static_cast<int>(row), column, item);
        }
    }
}

void CapacitySweepDialog::updateButtons()
{
    const bool running = isRunning();
    const bool runnable = m_designProblem.isEmpty();
    m_run->setEnabled(!running && runnable);
    m_cancel->setEnabled(running);
    for (QWidget* input : std::initializer_list<QWidget*>{m_from, m_to, m_steps, m_measure, m_replications})
        input->setEnabled(!running && runnable);
    const bool hasPoints = !points().empty();
    m_exportCsv->setEnabled(hasPoints && !running);
    m_exportPng->setEnabled(hasPoints && !running);
}

bool CapacitySweepDialog::exportTo(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == "png")
        return m_chart->savePng(path);
    if (suffix != "csv")
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    file.write(QByteArray::fromStdString(analysis::sweepCsv(points())));
    return file.commit();
}

void CapacitySweepDialog::saveWithDialog(const QString& extension, const QString& filter)
{
    QString path = QFileDialog::getSaveFileName(this, tr("Export sweep"), QStringLiteral("sweep.%1").arg(extension),
                                                filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += '.' + extension;
    if (!exportTo(path))
        QMessageBox::warning(this, tr("Export sweep"), tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
}

} // namespace scalelab::widgets
