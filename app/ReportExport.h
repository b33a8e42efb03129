#pragma once
// What File > Export report and `scalelab report` write: the window's design,
// its canvas, the plot docks as they show the last run, the run's key
// figures and the advisor's findings, gathered into a ReportData and printed
// to PDF. Rendering a few pages takes the GUI thread for well under a second;
// the run itself was simulated on the run controller's worker thread.
#include "report/ReportData.h"

#include <QString>

namespace scalelab::app {

class MainWindow;

class ReportExport {
public:
    static widgets::ReportData collect(MainWindow& window);
    // Empty string on success, else why not.
    static QString write(MainWindow& window, const QString& path);
};

} // namespace scalelab::app
