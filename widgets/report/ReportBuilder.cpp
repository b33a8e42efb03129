#include "ReportBuilder.h"

#include "PictureFonts.h"
#include "PictureTextObject.h"
#include "QtText.h"
#include "model/Registry.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QPainter>
#include <QPrinter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

#include <cmath>

namespace scalelab::widgets {

namespace {

constexpr double kDocumentDpi = 96;
constexpr double kFooterHeight = 24; // document pixels
// Card text smaller than this is hard to read on paper.
constexpr double kMinPaperPoints = 7.0;
// Above a figure that takes a page: its heading and a caption line.
constexpr double kHeadingRoom = 90;
// A table's first rows stay on the page of its heading.
constexpr int kRowsKeptWithHeading = 3;
const QColor kHeaderFill(0xe9, 0xed, 0xf2);
const QColor kMuted(0x55, 0x5f, 0x6b);

// What follows a heading up to the next one: paragraphs, figures and tables,
// in order. The pagination pass keeps a heading on the page of its first
// figure or of its table's first rows, and a table that fits on a page on one.
struct Item {
    QTextBlock block;           // a paragraph or a figure's line
    QTextTable* table = nullptr;
    bool figure = false;
};
struct Group {
    QTextBlock heading;
    std::vector<Item> items;
};

// Writes the document with a cursor: one small function per kind of content.
class Writer {
public:
    explicit Writer(QTextDocument* document) : m_cursor(document) {}

    const std::vector<Group>& groups() const { return m_groups; }

    void heading(const QString& text, int level, bool newPage = false)
    {
        QTextBlockFormat block;
        block.setTopMargin(level == 1 ? 0 : 14);
        block.setBottomMargin(6);
        block.setHeadingLevel(level);
        if (newPage)
            block.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
        QTextCharFormat chars;
        chars.setFontWeight(QFont::Bold);
        chars.setFontPointSize(level == 1 ? 20 : 14);
        newBlock(block, chars);
        m_cursor.insertText(text);
        m_groups.push_back({m_cursor.block(), {}});
    }

    void paragraph(const QString& text, bool muted = false)
    {
        QTextBlockFormat block;
        block.setBottomMargin(4);
        QTextCharFormat chars;
        if (muted)
            chars.setForeground(kMuted);
        newBlock(block, chars);
        m_cursor.insertText(text);
        add({m_cursor.block(), nullptr, false});
    }

    void figure(const ReportFigure& figure, const PictureTextObject::Placement& placement = {})
    {
        QTextBlockFormat block;
        block.setAlignment(Qt::AlignHCenter);
        block.setBottomMargin(8);
        newBlock(block, {});
        PictureTextObject::insert(m_cursor, figure.picture, figure.size, placement);
        add({m_cursor.block(), nullptr, true});
    }

    // A table with a header row that repeats on each page; cells are plain
    // text, a cell's lines separated by '\n'. `bold(row, column)` marks cells to stress.
    template <typename Bold>
    void table(const QStringList& columns, const QList<QStringList>& rows, const QList<int>& widthPercents, Bold bold)
    {
        const int columnCount = static_cast<int>(std::max<qsizetype>(columns.size(), rows.value(0).size()));
        if (columnCount == 0)
            return;
        const int header = columns.isEmpty() ? 0 : 1;
        QTextTableFormat format;
        format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
        format.setBorder(1);
        format.setBorderBrush(QColor(0xb8, 0xc0, 0xca));
        format.setBorderCollapse(true);
        format.setCellPadding(3);
        format.setCellSpacing(0);
        format.setHeaderRowCount(header);
        format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
        QList<QTextLength> widths;
        for (int percent : widthPercents)
            widths << QTextLength(QTextLength::PercentageLength, percent);
        if (widths.size() == columnCount)
            format.setColumnWidthConstraints(widths);
        newBlock({}, {});
        QTextTable* table = m_cursor.insertTable(static_cast<int>(rows.size()) + header, columnCount, format);
        add({{}, table, false});
        for (int column = 0; column < columns.size(); ++column) {
            QTextTableCell cell = table->cellAt(0, column);
            QTextCharFormat cellFormat = cell.format();
            cellFormat.setBackground(kHeaderFill);
            cell.setFormat(cellFormat);
            QTextCharFormat chars;
            chars.setFontWeight(QFont::Bold);
            cell.firstCursorPosition().insertText(columns.at(column), chars);
        }
        for (int row = 0; row < rows.size(); ++row)
            for (int column = 0; column < columnCount; ++column) {
                QTextCursor cell = table->cellAt(row + header, column).firstCursorPosition();
                const QStringList lines = rows.at(row).value(column).split('\n');
                for (int line = 0; line < lines.size(); ++line) {
                    if (line > 0)
                        cell.insertBlock();
                    QTextCharFormat chars;
                    if (bold(row, column, line))
                        chars.setFontWeight(QFont::Bold);
                    cell.insertText(lines.at(line), chars);
                }
            }
        m_cursor.movePosition(QTextCursor::End);
    }

    void table(const QStringList& columns, const QList<QStringList>& rows, const QList<int>& widthPercents = {})
    {
        table(columns, rows, widthPercents, [](int, int, int) { return false; });
    }

private:
    void add(const Item& item)
    {
        if (!m_groups.empty())
            m_groups.back().items.push_back(item);
    }

    void newBlock(const QTextBlockFormat& block, const QTextCharFormat& chars)
    {
        if (m_first) {
            m_cursor.setBlockFormat(block);
            m_cursor.setBlockCharFormat(chars);
            m_cursor.setCharFormat(chars);
            m_first = false;
        } else {
            m_cursor.insertBlock(block, chars);
        }
    }

    QTextCursor m_cursor;
    bool m_first = true;
    std::vector<Group> m_groups;
};

QString number(double value, int decimals) { return QLocale::c().toString(value, 'f', decimals); }

QString valueText(const model::ParamSpec& spec, double value)
{
    QString text = toQString(spec.formatValue(value));
    if (!spec.unit.empty() && spec.type != model::ParamType::Enum && spec.type != model::ParamType::Bool)
        text += ' ' + toQString(spec.unit);
    return text;
}

QString paramText(const model::ParamSpec& spec, const model::Block& block)
{
    const QString value = spec.isText() ? toQString(block.text(spec.key)) : valueText(spec, block.param(spec.key));
    return toQString(spec.label) + ": " + value;
}

bool isDefault(const model::ParamSpec& spec, const model::Block& block)
{
    return spec.isText() ? block.text(spec.key) == spec.defaultText : block.param(spec.key) == spec.defaultValue;
}

void writeTitle(Writer& out, const ReportData& data)
{
    out.heading(data.title.isEmpty() ? QObject::tr("Untitled design") : data.title, 1);
    out.paragraph(data.filePath.isEmpty() ? QObject::tr("Unsaved design") : QObject::tr("File: %1").arg(data.filePath),
                  true);
    out.paragraph(QObject::tr("Report made %1 with ScaleLab")
                      .arg(QLocale::c().toString(data.created, QStringLiteral("yyyy-MM-dd HH:mm"))),
                  true);
    if (!data.design.description.empty()) {
        out.heading(QObject::tr("Description"), 2);
        out.paragraph(toQString(data.design.description));
    }
}

void writeKeyFigures(Writer& out, const ReportData& data)
{
    out.heading(QObject::tr("Key figures of the last run"), 2);
    if (!data.run) {
        out.paragraph(QObject::tr("The design has not been run: there are no figures, plots or findings yet."), true);
        return;
    }
    const stats::Snapshot& run = *data.run;
    const double errorRate = run.requests > 0 ? 100.0 * static_cast<double>(run.errors.total()) / run.requests : 0;
    out.table({QObject::tr("Figure"), QObject::tr("Value")},
              {{QObject::tr("Simulated time measured"), QObject::tr("%1 s").arg(number(run.measuredSeconds, 0))},
               {QObject::tr("Requests"), QLocale::c().toString(static_cast<qulonglong>(run.requests))},
               {QObject::tr("Throughput"), QObject::tr("%1 requests/s").arg(number(run.throughputRps, 1))},
               {QObject::tr("Latency p50 / p95 / p99"), QObject::tr("%1 / %2 / %3 ms")
                                                             .arg(number(run.latency.p50Ms, 1),
                                                                  number(run.latency.p95Ms, 1),
                                                                  number(run.latency.p99Ms, 1))},
               {QObject::tr("Error rate"), QObject::tr("%1 % (%2 failed requests)")
                                               .arg(number(errorRate, 2))
                                               .arg(run.errors.total())},
               {QObject::tr("Cost"), QObject::tr("$%1 per month ($%2 per hour)")
                                         .arg(number(run.costPerHour * stats::kHoursPerMonth, 0),
                                              number(run.costPerHour, 2))}},
              {40, 60});
}

QString defaultsNote() { return QObject::tr("other parameters at their defaults"); }

void writeBlocks(Writer& out, const ReportData& data)
{
    out.heading(QObject::tr("Blocks"), 2);
    out.paragraph(QObject::tr("Each block with the parameters changed from the registry's defaults; %1 "
                              "(scalelab params KIND lists them).")
                      .arg(defaultsNote()),
                  true);
    QList<QStringList> rows;
    for (const model::Block& block : data.design.blocks) {
        const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
        QStringList params;
        bool someDefault = false;
        if (spec)
            for (const model::ParamSpec& param : spec->params) {
                if (isDefault(param, block))
                    someDefault = true;
                else
                    params << paramText(param, block);
            }
        if (params.isEmpty())
            params << QObject::tr("all at their defaults");
        else if (someDefault)
            params << QStringLiteral("(%1)").arg(defaultsNote());
        const QString name = block.name.empty() || block.name == block.id
                                 ? toQString(block.id)
                                 : QStringLiteral("%1\n(%2)").arg(toQString(block.name), toQString(block.id));
        rows.push_back({name, spec ? toQString(spec->displayName) : toQString(block.kind),
                        block.region.empty() ? QStringLiteral("—") : toQString(block.region), params.join('\n')});
    }
    out.table({QObject::tr("Block"), QObject::tr("Kind"), QObject::tr("Region"), QObject::tr("Changed parameters")},
              rows, {22, 18, 12, 48});
    if (data.design.links.empty())
        return;
    out.heading(QObject::tr("Links"), 2);
    QList<QStringList> changed;
    QStringList atDefaults;
    for (const model::Link& link : data.design.links) {
        const QString name = toQString(link.from) + QStringLiteral(" → ") + toQString(link.to);
        QStringList params;
        for (const model::ParamSpec& param : model::Registry::instance().linkParams())
            if (link.param(param.key) != param.defaultValue)
                params << toQString(param.label) + ": " + valueText(param, link.param(param.key));
        if (params.isEmpty())
            atDefaults << name;
        else
            changed.push_back({name, params.join(", ")});
    }
    if (!atDefaults.isEmpty())
        out.paragraph(changed.isEmpty()
                          ? QObject::tr("Every link has the default parameters: %1.").arg(atDefaults.join(", "))
                          : QObject::tr("Links with the default parameters: %1.").arg(atDefaults.join(", ")));
    if (!changed.isEmpty())
        out.table({QObject::tr("Link"), QObject::tr("Changed parameters")}, changed, {30, 70});
}

void writeRun(Writer& out, const ReportData& data)
{
    if (!data.plots.empty()) {
        out.heading(QObject::tr("Plots of the last run"), 2);
        for (const ReportFigure& plot : data.plots)
            out.figure(plot);
    }
    out.heading(QObject::tr("Bottleneck advisor"), 2);
    if (!data.run) {
        out.paragraph(QObject::tr("No run to read."), true);
        return;
    }
    if (data.findings.empty()) {
        out.paragraph(QObject::tr("Nothing stands out: every pool has headroom."));
        return;
    }
    QList<QStringList> rows;
    for (const analysis::Finding& finding : data.findings)
        rows.push_back({QString::fromUtf8(analysis::findingKindName(finding.kind)), toQString(finding.blockId),
                        toQString(finding.problem),
                        toQString(finding.pattern) + QStringLiteral(": ") + toQString(finding.suggestion)});
    out.table({QObject::tr("Finding"), QObject::tr("Block"), QObject::tr("What the run shows"), QObject::tr("Remedy")},
              rows, {14, 12, 37, 37});
}

struct DesignPart {
    PictureTextObject::Placement placement;
    QString caption;
};

// How the design goes on paper with its smallest card text at kMinPaperPoints
// or more: across the page like the other figures when that is big enough;
// else turned a quarter to use the page's height; else cut into tiles at the
// smallest readable scale, upright or turned, whichever needs fewer pages.
std::vector<DesignPart> designParts(const ReportFigure& figure, QSizeF page)
{
    const QSizeF size = figure.size;
    if (size.isEmpty())
        return {};
    const double smallest = PictureFonts::smallestPointSize(figure.picture);
    const double minScale = smallest > 0 ? kMinPaperPoints / smallest : 0;
    const double across = page.width() - 2; // the line's own slack
    const double down = page.height() - kHeadingRoom;
    const QString turnedNote = QObject::tr("Turned a quarter to keep its text readable: turn the page clockwise.");
    const auto part = [](QRectF source, double scale, bool rotated, const QString& caption) {
        DesignPart made;
        made.placement.source = source;
        made.placement.scale = scale;
        made.placement.rotated = rotated;
        made.placement.role = QStringLiteral("design");
        made.caption = caption;
        return made;
    };
    const double fit = std::min(across / size.width(), page.height() * 0.8 / size.height());
    if (fit >= minScale)
        return {part({}, fit, false, {})};
    const double turned = std::min(down / size.width(), across / size.height());
    if (turned >= minScale)
        return {part({}, turned, true, turnedNote)};
    const double scale = minScale * 1.01;
    const auto tiles = [&](double width, double height) {
        return std::pair{int(std::ceil(size.width() * scale / width)), int(std::ceil(size.height() * scale / height))};
    };
    const auto [uprightColumns, uprightRows] = tiles(across, down);
    const auto [turnedColumns, turnedRows] = tiles(down, across);
    const bool rotated = turnedColumns * turnedRows < uprightColumns * uprightRows;
    const int columns = rotated ? turnedColumns : uprightColumns, rows = rotated ? turnedRows : uprightRows;
    std::vector<DesignPart> parts;
    const QSizeF tile(size.width() / columns, size.height() / rows);
    for (int row = 0; row < rows; ++row)
        for (int column = 0; column < columns; ++column) {
            QString caption = QObject::tr("Row %1, column %2 of the design, cut in %3 x %4 parts.")
                                  .arg(row + 1)
                                  .arg(column + 1)
                                  .arg(rows)
                                  .arg(columns);
            if (rotated)
                caption += ' ' + turnedNote;
            parts.push_back(part(QRectF(QPointF(column * tile.width(), row * tile.height()), tile), scale, rotated,
                                 caption));
        }
    return parts;
}

void writeDesign(Writer& out, const ReportFigure& figure, QSizeF page)
{
    const std::vector<DesignPart> parts = designParts(figure, page);
    for (size_t i = 0; i < parts.size(); ++i) {
        out.heading(parts.size() == 1 ? QObject::tr("Design")
                                      : QObject::tr("Design (part %1 of %2)").arg(i + 1).arg(parts.size()),
                    2);
        if (!parts[i].caption.isEmpty())
            out.paragraph(parts[i].caption, true);
        out.figure(figure, parts[i].placement);
    }
}

// --- Pagination: QTextDocument breaks pages line by line and row by row; it
// has no "keep with next" and no "keep together". These passes add page
// breaks before headings until every heading shares its page with the start
// of what it heads, and every table that fits on a page is on one.

int pageOf(double y, double pageHeight) { return int(std::floor(y / pageHeight)); }

QRectF blockRect(QTextDocument* document, const QTextBlock& block)
{
    return document->documentLayout()->blockBoundingRect(block);
}

double rowBottom(QTextDocument* document, QTextTable* table, int row)
{
    double bottom = 0;
    for (int column = 0; column < table->columns(); ++column)
        bottom = std::max(bottom, blockRect(document, table->cellAt(row, column).lastCursorPosition().block()).bottom());
    return bottom + table->format().cellPadding() + table->format().border();
}

bool breakBefore(const QTextBlock& block)
{
    QTextCursor cursor(block);
    QTextBlockFormat format = cursor.blockFormat();
    if (format.pageBreakPolicy() & QTextFormat::PageBreak_AlwaysBefore)
        return false;
    format.setPageBreakPolicy(QTextFormat::PageBreak_AlwaysBefore);
    cursor.setBlockFormat(format);
    return true;
}

// Adds the first page break the document needs, from the top (the layout
// below a break moves with it); false when it needs none.
bool addFirstNeededBreak(QTextDocument* document, const std::vector<Group>& groups)
{
    const double page = document->pageSize().height();
    for (const Group& group : groups) {
        const QRectF heading = blockRect(document, group.heading);
        const int headingPage = pageOf(heading.top(), page);
        if (heading.top() - headingPage * page < 30)
            continue; // at the top of its page already: a break cannot help
        double keepBottom = heading.bottom();
        for (const Item& item : group.items) {
            if (item.table) {
                const int rows = item.table->rows();
                const int keep = std::min(rows, item.table->format().headerRowCount() + kRowsKeptWithHeading);
                keepBottom = rowBottom(document, item.table, keep - 1);
                // A table that would fit on one page with its heading is not split.
                const double tableBottom = rowBottom(document, item.table, rows - 1);
                if (pageOf(tableBottom - 1, page) != headingPage && tableBottom - heading.top() <= page)
                    keepBottom = tableBottom;
                break;
            }
            keepBottom = blockRect(document, item.block).bottom();
            if (item.figure)
                break;
        }
        if (pageOf(keepBottom - 1, page) != headingPage && keepBottom - heading.top() <= page &&
            breakBefore(group.heading))
            return true;
    }
    return false;
}

void keepTogether(QTextDocument* document, const std::vector<Group>& groups)
{
    // Each break moves what follows; a report has a few dozen headings at most.
    for (size_t pass = 0; pass <= groups.size(); ++pass)
        if (!addFirstNeededBreak(document, groups))
            return;
}

} // namespace

QPageLayout ReportBuilder::pageLayout()
{
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                       QPageLayout::Millimeter);
}

std::unique_ptr<QTextDocument> ReportBuilder::build(const ReportData& data)
{
    auto document = std::make_unique<QTextDocument>();
    QFont font = document->defaultFont();
    font.setPointSizeF(10);
    document->setDefaultFont(font);
    document->setDocumentMargin(0); // the page layout has the margins
    // Paginated in the printer's page, at the document's resolution: print() then scales page to page.
    // The footer's strip at the foot of each page is not the document's.
    document->setPageSize(pageLayout().paintRect(QPageLayout::Inch).size() * kDocumentDpi - QSizeF(0, kFooterHeight));
    document->setMetaInformation(QTextDocument::DocumentTitle, data.title);
    PictureTextObject::install(document.get());

    Writer out(document.get());
    writeTitle(out, data);
    writeKeyFigures(out, data);
    if (data.designPicture)
        writeDesign(out, *data.designPicture, document->pageSize());
    writeBlocks(out, data);
    writeRun(out, data);
    for (const ReportSection& section : data.extraSections) {
        out.heading(section.title, 2);
        if (!section.text.isEmpty())
            out.paragraph(section.text);
        out.table(section.columns, section.rows);
    }
    keepTogether(document.get(), out.groups());
    return document;
}

// Page by page rather than with QTextDocument::print, which does not clip: a
// picture pushed to the next page would also be drawn past the foot of the
// page it was pushed from.
void ReportBuilder::paintPage(QTextDocument& document, QPainter& painter, int index, const QString& title)
{
    const QSizeF page = document.pageSize();
    QFont footerFont = document.defaultFont();
    footerFont.setPointSizeF(8);
    painter.save();
    const QRectF view(0, index * page.height(), page.width(), page.height());
    painter.translate(0, -view.top());
    painter.setClipRect(view);
    QAbstractTextDocumentLayout::PaintContext context;
    context.clip = view;
    context.palette.setColor(QPalette::Text, Qt::black);
    document.documentLayout()->draw(&painter, context);
    painter.restore();
    painter.save();
    painter.setFont(footerFont);
    painter.setPen(kMuted);
    const QRectF footer(0, page.height(), page.width(), kFooterHeight);
    painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom, title);
    painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom,
                     QObject::tr("Page %1 of %2").arg(index + 1).arg(document.pageCount()));
    painter.restore();
}

QString ReportBuilder::writePdf(const ReportData& data, const QString& path)
{
    // QPrinter reports no error of its own: check the file can be written first.
    QFile probe(path);
    if (!probe.open(QIODevice::WriteOnly))
        return QObject::tr("cannot write %1: %2").arg(path, probe.errorString());
    probe.close();

    const auto document = build(data);
    // At screen resolution the printer's painter is not scaled: the plots'
    // and the canvas's text, recorded in pictures with point sizes, then
    // comes out at the size it was drawn (at 1200 dpi it would be resolved
    // for the printer and grow by the printer/screen ratio). Lines and text
    // stay vectors either way; only the block icons are pixmaps.
    QPrinter printer(QPrinter::ScreenResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageLayout(pageLayout());
    printer.setDocName(data.title);
    printer.setCreator(QStringLiteral("ScaleLab"));
    QPainter painter;
    if (!painter.begin(&printer))
        return QObject::tr("cannot write %1").arg(path);
    const double scale = printer.pageLayout().paintRectPixels(printer.resolution()).width() / document->pageSize().width();
    for (int index = 0; index < document->pageCount(); ++index) {
        if (index > 0)
            printer.newPage();
        painter.save();
        painter.scale(scale, scale);
        paintPage(*document, painter, index, data.title);
        painter.restore();
    }
    painter.end();
    if (QFileInfo(path).size() == 0)
        return QObject::tr("cannot write %1").arg(path);
    return {};
}

} // namespace scalelab::widgets
