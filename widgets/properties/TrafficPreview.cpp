#include "TrafficPreview.h"

#include "QtText.h"
#include "canvas/BlockFigures.h"
#include "canvas/CanvasStyle.h"
#include "model/Choices.h"
#include "model/RampStages.h"
#include "model/Registry.h"
#include "sim/TrafficProfile.h"

#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>

namespace scalelab::widgets {

namespace {

constexpr int kSamples = 400;
constexpr double kDefaultHorizon = 300; // five minutes

bool isClosed(const model::Block& block)
{
    return block.choice<model::ArrivalModel>("arrival_model") == model::ArrivalModel::Closed;
}

std::string profileName(const model::Block& block)
{
    return std::string(model::choiceName(block.choice<model::TrafficShape>("profile")));
}

} // namespace

TrafficPreview::TrafficPreview(QWidget* parent)
    : QWidget(parent)
    , m_caption(new QLabel)
    , m_plot(new QCustomPlot)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption);
    m_plot->setFixedHeight(120);
    m_plot->setToolTip(tr("The rate this client offers over time, as the simulation will follow it"));
    m_graph = m_plot->addGraph();
    m_graph->setPen(QPen(style::categoryColor("Traffic"), 2));
    m_graph->setBrush(QColor(0x1f, 0x6f, 0xeb, 40));
    QFont small = font();
    small.setPointSizeF(7.5);
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setTickLabelFont(small);
        axis->setLabelFont(small);
    }
    m_plot->yAxis->setLabel(tr("rps"));
    m_plot->axisRect()->setAutoMargins(QCP::msLeft | QCP::msBottom);
    m_plot->axisRect()->setMargins(QMargins(0, 6, 8, 0));
    layout->addWidget(m_plot);
}

bool TrafficPreview::appliesTo(const model::Block& block)
{
    const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
    return spec && spec->param("arrival_model") && spec->param("profile");
}

double TrafficPreview::horizonSeconds(const model::Block& block)
{
    const std::string profile = profileName(block);
    if (profile == "diurnal")
        return 2 * block.param("diurnal_period_s");
    if (profile == "spike")
        return std::max(kDefaultHorizon, 1.3 * (block.param("spike_start_s") + block.param("spike_duration_s")));
    if (profile == "ramp") {
        std::string error;
        double total = 0;
        for (const auto& stage : model::parseRampStages(block.text("ramp_stages"), error))
            total += stage.durationS;
        return std::max(kDefaultHorizon, 1.2 * total);
    }
    return kDefaultHorizon;
}

void TrafficPreview::sample(const model::Block& block, QVector<double>& seconds, QVector<double>& rps)
{
    sim::TrafficProfile profile;
    profile.configure(block);
    const double horizon = horizonSeconds(block);
    seconds.resize(kSamples + 1);
    rps.resize(kSamples + 1);
    for (int i = 0; i <= kSamples; ++i) {
        seconds[i] = horizon * i / kSamples;
        rps[i] = profile.rateAt(sim::fromSeconds(seconds[i]));
    }
}

void TrafficPreview::showBlock(const model::Block& block)
{
    if (isClosed(block)) {
        m_caption->setText(tr("<b>Closed model:</b> %1 virtual users, think %2 ms. Each user waits for its "
                              "response, so a slow system lowers its own load.")
                               .arg(BlockFigures::compactNumber(block.param("virtual_users")),
                                    BlockFigures::compactNumber(block.param("think_time_ms"))));
        m_plot->hide();
        return;
    }
    QVector<double> seconds, rps;
    sample(block, seconds, rps);
    const double horizon = seconds.back();
    // Minutes read better than hundreds of seconds; hours than thousands of minutes.
    const double unit = horizon > 2 * 3600 ? 3600 : horizon > 180 ? 60 : 1;
    const QString unitName = unit == 3600 ? tr("h") : unit == 60 ? tr("min") : tr("s");
    for (double& s : seconds)
        s /= unit;
    m_graph->setData(seconds, rps, true);
    m_plot->xAxis->setRange(0, horizon / unit);
    m_plot->xAxis->setLabel(tr("time (%1)").arg(unitName));
    const double peak = *std::max_element(rps.begin(), rps.end());
    m_plot->yAxis->setRange(0, peak > 0 ? peak * 1.15 : 1);
    m_caption->setText(tr("<b>Open model, %1:</b> offered rate over the next %2 %3 (peak %4 rps)")
                           .arg(toQString(profileName(block)))
                           .arg(horizon / unit, 0, 'g', 3)
                           .arg(unitName, BlockFigures::compactNumber(peak)));
    m_plot->show();
    m_plot->replot();
}

} // namespace scalelab::widgets
