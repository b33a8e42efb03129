#include "ReportBuilder.h"

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

namespace scalelab::widgets {

namespace {

constexpr double kDocumentDpi = 96;
constexpr double kFooterHeight = 24; // document pixels
const QColor kHeaderFill(0xe9, 0xed, 0xf2);
const QColor kMuted(0x55, 0x5f, 0x6b);

// Writes the document with a cursor: one small function per kind of content.
class Writer {
public:
    explicit Writer(QTextDocument* document) : m_cursor(document) {}

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
    }

    void figure(const ReportFigure& figure)
    {
        QTextBlockFormat block;
        block.setAlignment(Qt::AlignHCenter);
        block.setBottomMargin(8);
        newBlock(block, {});
        PictureTextObject::insert(m_cursor, figure.picture, figure.size);
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
};

QString number(double value, int decimals) { return QLocale::c().toString(value, 'f', decimals); }

QString paramText(const model::ParamSpec& spec, const model::Block& block)
{
    QString value = spec.isText() ? toQString(block.text(spec.key)) : toQString(spec.formatValue(block.param(spec.key)));
    if (!spec.isText() && !spec.unit.empty() && spec.type != model::ParamType::Enum && spec.type != model::ParamType::Bool)
        value += ' ' + toQString(spec.unit);
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

void writeBlocks(Writer& out, const ReportData& data)
{
    out.heading(QObject::tr("Blocks"), 2, true);
    out.paragraph(QObject::tr("Every block with its parameters; values changed from the default are in bold."), true);
    QList<QStringList> rows;
    std::vector<std::vector<bool>> changed; // per row, per parameter line
    for (const model::Block& block : data.design.blocks) {
        const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
        QStringList params;
        std::vector<bool> bold;
        if (spec)
            for (const model::ParamSpec& param : spec->params) {
                params << paramText(param, block);
                bold.push_back(!isDefault(param, block));
            }
        const QString name = block.name.empty() || block.name == block.id
                                 ? toQString(block.id)
                                 : QStringLiteral("%1\n(%2)").arg(toQString(block.name), toQString(block.id));
        rows.push_back({name, spec ? toQString(spec->displayName) : toQString(block.kind),
                        block.region.empty() ? QStringLiteral("—") : toQString(block.region), params.join('\n')});
        changed.push_back(std::move(bold));
    }
    out.table({QObject::tr("Block"), QObject::tr("Kind"), QObject::tr("Region"), QObject::tr("Parameters")}, rows,
              {20, 18, 12, 50}, [&](int row, int column, int line) {
                  const auto& lines = changed[static_cast<size_t>(row)];
                  return column == 3 && line < static_cast<int>(lines.size()) && lines[static_cast<size_t>(line)];
              });
    if (data.design.links.empty())
        return;
    out.heading(QObject::tr("Links"), 2);
    QList<QStringList> links;
    for (const model::Link& link : data.design.links) {
        QStringList params;
        for (const model::ParamSpec& param : model::Registry::instance().linkParams()) {
            QString value = toQString(param.formatValue(link.param(param.key)));
            if (!param.unit.empty() && param.type != model::ParamType::Enum && param.type != model::ParamType::Bool)
                value += ' ' + toQString(param.unit);
            params << toQString(param.label) + ": " + value;
        }
        links.push_back({toQString(link.from) + QStringLiteral(" → ") + toQString(link.to), params.join(", ")});
    }
    out.table({QObject::tr("Link"), QObject::tr("Parameters")}, links, {30, 70});
}

void writeRun(Writer& out, const ReportData& data)
{
    if (!data.plots.empty()) {
        out.heading(QObject::tr("Plots of the last run"), 2, true);
        for (const ReportFigure& plot : data.plots)
            out.figure(plot);
    }
    out.heading(QObject::tr("Bottleneck advisor"), 2, data.plots.empty());
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

// Prints page by page rather than with QTextDocument::print, which does not
// clip: a picture pushed to the next page would also be drawn past the foot
// of the page it was pushed from. Adds "title · page n of m" at each foot.
void printPages(QTextDocument& document, QPrinter& printer, QPainter& painter, const QString& title)
{
    const QSizeF page = document.pageSize();
    const double scale = printer.pageLayout().paintRectPixels(printer.resolution()).width() / page.width();
    const int pages = document.pageCount();
    QFont footerFont = document.defaultFont();
    footerFont.setPointSizeF(8);
    for (int index = 0; index < pages; ++index) {
        if (index > 0)
            printer.newPage();
        painter.save();
        painter.scale(scale, scale);
        painter.save();
        const QRectF view(0, index * page.height(), page.width(), page.height());
        painter.translate(0, -view.top());
        painter.setClipRect(view);
        QAbstractTextDocumentLayout::PaintContext context;
        context.clip = view;
        context.palette.setColor(QPalette::Text, Qt::black);
        document.documentLayout()->draw(&painter, context);
        painter.restore();
        painter.setFont(footerFont);
        painter.setPen(kMuted);
        const QRectF footer(0, page.height(), page.width(), kFooterHeight);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom, title);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom, QObject::tr("page %1 of %2").arg(index + 1).arg(pages));
        painter.restore();
    }
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
    if (data.designPicture) {
        out.heading(QObject::tr("Design"), 2);
        out.figure(*data.designPicture);
    }
    writeBlocks(out, data);
    writeRun(out, data);
    for (const ReportSection& section : data.extraSections) {
        out.heading(section.title, 2);
        if (!section.text.isEmpty())
            out.paragraph(section.text);
        out.table(section.columns, section.rows);
    }
    return document;
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
    printPages(*document, printer, painter, data.title);
    painter.end();
    if (QFileInfo(path).size() == 0)
        return QObject::tr("cannot write %1").arg(path);
    return {};
}

} // namespace scalelab::widgets
