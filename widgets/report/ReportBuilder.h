#pragma once
// Turns a ReportData into a paginated A4 document and prints it to PDF.
// The document is a QTextDocument: headings, tables (the header row repeats
// on every page a table spans) and the design and plots as vector pictures
// (PictureTextObject), so its text can be checked before it is printed.
//
// Order: title, file and date, description, key figures, the design; the
// blocks and links (only the parameters changed from the registry's
// defaults); the run's plots; the advisor's findings; then
// ReportData::extraSections. Pages are filled: a heading moves to the next
// page only when the start of what it heads would not share its page, and a
// table that fits on one page is not split. The design is drawn with its
// smallest card text at 7 pt or more on paper (turned a quarter, or cut in
// parts, when the page is too narrow for that). Each page's foot has the
// title and "Page n of m".
#include "ReportData.h"

#include <QPageLayout>
#include <QString>

#include <memory>

class QPainter;
class QTextDocument;

namespace scalelab::widgets {

class ReportBuilder {
public:
    // A4 portrait, 15 mm margins.
    static QPageLayout pageLayout();
    // The document, laid out in pages of pageLayout() at 96 pixels per inch.
    static std::unique_ptr<QTextDocument> build(const ReportData& data);
    // Paints page `index` (from 0) of a built document and its footer, in
    // document pixels: the text area at the origin, the footer below it.
    static void paintPage(QTextDocument& document, QPainter& painter, int index, const QString& title);
    // Builds and prints to `path`; empty string on success, else why not.
    static QString writePdf(const ReportData& data, const QString& path);
};

} // namespace scalelab::widgets
