#include "ReportExport.h"

#include "MainWindow.h"
#include "QtText.h"
#include "RunDocks.h"
#include "document/DesignDocument.h"
#include "plots/BlockMetricPlot.h"
#include "plots/CostPlot.h"
#include "plots/LatencyPlot.h"
#include "plots/ThroughputPlot.h"
#include "report/ReportBuilder.h"
#include "report/ReportFigures.h"
#include "run/RunController.h"

#include <QFileInfo>

namespace scalelab::app {

widgets::ReportData ReportExport::collect(MainWindow& window)
{
    widgets::ReportData data;
    data.design = window.document()->architecture();
    data.title = widgets::toQString(data.design.name);
    data.filePath = window.document()->filePath();
    data.created = QDateTime::currentDateTime();
    data.designPicture = widgets::ReportFigures::design(window.scene());
    RunDocks* run = window.run();
    if (const auto snapshot = run->controller()->latestSnapshot()) {
        data.run = *snapshot;
        data.findings = analysis::advise(data.design, *snapshot);
        // Every plot dock of the run, in the order the window shows them.
        for (widgets::TimeSeriesPlot* plot : run->runPlots())
            if (plot->sampleCount() > 0)
                data.plots.push_back(widgets::ReportFigures::plot(plot->windowTitle(), plot));
    }
    return data;
}

QString ReportExport::write(MainWindow& window, const QString& path)
{
    return widgets::ReportBuilder::writePdf(collect(window), path);
}

} // namespace scalelab::app
