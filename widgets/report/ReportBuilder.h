#pragma once
// Turns a ReportData into a paginated A4 document and prints it to PDF.
// The document is a QTextDocument: headings, tables (the header row repeats
// on every page a table spans) and the design and plots as vector pictures
// (PictureTextObject), so its text can be checked before it is printed.
//
// Order: title, file and date, description, key figures, the design; the
// blocks and links (parameters read from the registry); the run's plots;
// the advisor's findings; then ReportData::extraSections. Each of the
// bigger parts starts on a new page, so no heading is left at a page foot.
#include "ReportData.h"

#include <QPageLayout>
#include <QString>

#include <memory>

class QTextDocument;

namespace scalelab::widgets {

class ReportBuilder {
public:
    // A4 portrait, 15 mm margins.
    static QPageLayout pageLayout();
    // The document, laid out in pages of pageLayout() at 96 pixels per inch.
    static std::unique_ptr<QTextDocument> build(const ReportData& data);
    // Builds and prints to `path`; empty string on success, else why not.
    static QString writePdf(const ReportData& data, const QString& path);
};

} // namespace scalelab::widgets
