#pragma once
// Everything a design report says, as plain data: filled by whoever has the
// design and its last run (the window's Export report, `scalelab report`,
// a test) and turned into a document by ReportBuilder. Features that want a
// section of their own (a challenge's grade, a comparison) add a
// ReportSection to `extraSections`; the builder needs no change for them.
#include "analysis/Advisor.h"
#include "model/Architecture.h"
#include "stats/Snapshot.h"

#include <QDateTime>
#include <QList>
#include <QPicture>
#include <QSizeF>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace scalelab::widgets {

// A vector drawing recorded at `size` (document pixels, 96 per inch); the
// report scales it to the page width.
struct ReportFigure {
    QString title;
    QPicture picture;
    QSizeF size;
};

// A titled section of text and an optional table, rendered after the
// built-in ones in the order given.
struct ReportSection {
    QString title;
    QString text;                // a paragraph above the table; may be empty
    QStringList columns;         // table header; empty: rows have no header
    QList<QStringList> rows;     // one list of cells per row
};

struct ReportData {
    QString title;      // the design's name
    QString filePath;   // empty for an unsaved design
    QDateTime created;  // when the report was made
    model::Architecture design;
    std::optional<ReportFigure> designPicture;
    std::optional<stats::Snapshot> run;          // the last run; none: the design was not simulated
    std::vector<analysis::Finding> findings;      // advise(design, *run)
    std::vector<ReportFigure> plots;              // the run's plots as they were shown
    std::vector<ReportSection> extraSections;
};

} // namespace scalelab::widgets
