// The design report: what its document says (sections, every block with
// the parameters changed from the registry's defaults, the run's figures,
// the advisor, a section added by another feature), how it fills its pages
// (few pages for a big design, none nearly empty, "Page n of m" at each
// foot, the design's text at 7 pt or more on paper), and that it prints to
// a PDF of as many A4 pages as the document lays out.
#include "WidgetTestSupport.h"
#include "analysis/Advisor.h"
#include "canvas/CanvasScene.h"
#include "document/DesignDocument.h"
#include "model/Registry.h"
#include "plots/LatencyPlot.h"
#include "report/PictureFonts.h"
#include "report/PictureTextObject.h"
#include "report/ReportBuilder.h"
#include "report/ReportFigures.h"

#include <QAbstractTextDocumentLayout>
#include <QMap>
#include <QPainter>
#include <QTextDocumentFragment>
#include <QTextFrame>
#include <QPicture>
#include <QTextTable>

#include <QFile>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace scalelab;
using namespace scalelab::widgets;
using namespace scalelab::testing;

namespace {

model::Architecture threeTier() { return readExample("three-tier.scalelab"); }

QString notSaid(const QString& words) { return "the report does not say \"" + words + "\""; }

// How much of each page's height its content reaches down to (0..1).
std::vector<double> pageFill(QTextDocument& document)
{
    const double height = document.pageSize().height();
    std::vector<double> fill(size_t(document.pageCount()), 0.0);
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QRectF rect = document.documentLayout()->blockBoundingRect(block);
        const int page = int(rect.top() / height);
        if (page >= 0 && page < int(fill.size()))
            fill[size_t(page)] = std::max(fill[size_t(page)], (rect.bottom() - page * height) / height);
    }
    return fill;
}

// The cell text of the Blocks table, by block id (its first column ends with "(id)" or is the id).
QMap<QString, QString> blockParameterCells(QTextDocument& document)
{
    QMap<QString, QString> cells;
    for (QTextFrame* frame : document.rootFrame()->childFrames()) {
        auto* table = qobject_cast<QTextTable*>(frame);
        if (!table || table->columns() != 4)
            continue;
        const auto text = [&](int row, int column) {
            const QTextTableCell cell = table->cellAt(row, column);
            QTextCursor cursor = cell.firstCursorPosition();
            cursor.setPosition(cell.lastCursorPosition().position(), QTextCursor::KeepAnchor);
            return cursor.selection().toPlainText();
        };
        if (text(0, 3) != "Changed parameters")
            continue;
        for (int row = 1; row < table->rows(); ++row) {
            QString name = text(row, 0);
            if (name.contains('('))
                name = name.section('(', -1).chopped(1);
            cells[name] = text(row, 3);
        }
    }
    return cells;
}

} // namespace

class ReportTest : public QObject {
    Q_OBJECT

private:
    // A report as the window makes it: the design, a real run, its plots and findings.
    ReportData fullReport(const char* design = "three-tier.scalelab")
    {
        ReportData data;
        data.design = readExample(design);
        data.title = QString::fromStdString(data.design.name);
        data.filePath = "/designs/three-tier.scalelab";
        data.created = QDateTime(QDate(2026, 3, 14), QTime(9, 30));
        data.run = runFor(data.design, 20, 7);
        data.findings = analysis::advise(data.design, *data.run);
        m_document.reset(data.design);
        data.designPicture = ReportFigures::design(&m_scene);
        m_latency.appendSnapshot(*data.run);
        data.plots.push_back(ReportFigures::plot("Latency", &m_latency));
        return data;
    }

    DesignDocument m_document;
    CanvasScene m_scene{&m_document};
    LatencyPlot m_latency;

private slots:
    void document_lists_only_the_changed_parameters_of_every_block()
    {
        const ReportData data = fullReport();
        const auto document = ReportBuilder::build(data);
        const QString text = document->toPlainText();
        QVERIFY2(text.contains(data.title), qPrintable(data.title));
        QVERIFY2(text.contains(data.filePath), qPrintable(notSaid(data.filePath)));
        QVERIFY2(text.contains("2026-03-14 09:30"), qPrintable(notSaid("2026-03-14 09:30")));
        const QString description = QString::fromStdString(data.design.description);
        QVERIFY2(text.contains(description), qPrintable(notSaid(description)));
        QVERIFY2(text.contains("other parameters at their defaults"), qPrintable(notSaid("other parameters at their defaults")));
        const QMap<QString, QString> cells = blockParameterCells(*document);
        int defaults = 0, changed = 0;
        for (const model::Block& block : data.design.blocks) {
            const QString id = QString::fromStdString(block.id);
            QVERIFY2(cells.contains(id), qPrintable("the Blocks table has no row for " + id));
            const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
            QVERIFY2(spec, qPrintable("the registry has no kind " + QString::fromStdString(block.kind)));
            QVERIFY2(text.contains(QString::fromStdString(spec->displayName)), spec->displayName.c_str());
            for (const model::ParamSpec& param : spec->params) {
                if (param.isText())
                    continue;
                const QString label = QString::fromStdString(param.label) + ": ";
                if (block.param(param.key) == param.defaultValue) {
                    ++defaults;
                    QVERIFY2(!cells[id].contains(label), qPrintable(id + " lists its default " + label + "\n" + cells[id]));
                } else {
                    ++changed;
                    const QString value = label + QString::fromStdString(param.formatValue(block.param(param.key)));
                    QVERIFY2(cells[id].contains(value), qPrintable(id + " does not list its changed " + value + "\n" + cells[id]));
                }
            }
        }
        QVERIFY2(defaults > 0 && changed > 0,
                 qPrintable(QString("the design should have both: %1 default and %2 changed parameters").arg(defaults).arg(changed)));
        // The design (in one or more parts) and the plot are pictures in the text flow: one object character each.
        QVERIFY2(text.count(QChar::ObjectReplacementCharacter) >= 2,
                 qPrintable(QString("%1 pictures, expected the design and the plot").arg(text.count(QChar::ObjectReplacementCharacter))));
    }

    void big_design_fills_few_pages_none_nearly_empty_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("maxPages");
        // 16 blocks: 9 pages before (every default parameter, each part on a
        // new page). Title and figures, the design cut in readable parts,
        // the blocks, the plot and the advisor.
        QTest::newRow("scaling-4-massive") << "scaling-4-massive.scalelab" << 5;
        QTest::newRow("video-platform") << "video-platform.scalelab" << 5;
        QTest::newRow("three-tier") << "three-tier.scalelab" << 3;
    }

    void big_design_fills_few_pages_none_nearly_empty()
    {
        QFETCH(QString, file);
        QFETCH(int, maxPages);
        const ReportData data = fullReport(qPrintable(file));
        const auto document = ReportBuilder::build(data);
        const int pages = document->pageCount();
        QVERIFY2(pages <= maxPages, qPrintable(QString("%1 pages, expected at most %2").arg(pages).arg(maxPages)));
        const std::vector<double> fill = pageFill(*document);
        for (size_t page = 0; page + 1 < fill.size(); ++page)
            QVERIFY2(fill[page] >= 0.15, qPrintable(QString("page %1 of %2 is %3% used; only the last may be nearly empty")
                                                        .arg(page + 1)
                                                        .arg(fill.size())
                                                        .arg(fill[page] * 100, 0, 'f', 0)));
    }

    void every_page_says_its_number()
    {
        const ReportData data = fullReport("scaling-4-massive.scalelab");
        const auto document = ReportBuilder::build(data);
        const int pages = document->pageCount();
        for (int index = 0; index < pages; ++index) {
            QPicture page;
            QPainter painter(&page);
            ReportBuilder::paintPage(*document, painter, index, data.title);
            painter.end();
            const QStringList texts = PictureFonts::texts(page);
            const QString expected = QString("Page %1 of %2").arg(index + 1).arg(pages);
            QVERIFY2(texts.contains(expected), qPrintable("page " + QString::number(index + 1) + " has no \"" + expected + "\""));
        }
    }

    void design_text_is_at_least_7_points_on_paper_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("three-tier") << "three-tier.scalelab";
        QTest::newRow("video-platform") << "video-platform.scalelab";
        QTest::newRow("scaling-4-massive") << "scaling-4-massive.scalelab";
    }

    void design_text_is_at_least_7_points_on_paper()
    {
        QFETCH(QString, file);
        const ReportData data = fullReport(qPrintable(file));
        const double recorded = PictureFonts::smallestPointSize(data.designPicture->picture);
        QVERIFY2(recorded > 0, "the design picture has no text to measure");
        const auto document = ReportBuilder::build(data);
        int parts = 0;
        double smallest = 1e9;
        for (QTextBlock block = document->begin(); block.isValid(); block = block.next())
            for (auto it = block.begin(); !it.atEnd(); ++it)
                if (PictureTextObject::role(it.fragment().charFormat()) == "design") {
                    ++parts;
                    smallest = std::min(smallest, PictureTextObject::smallestTextPoints(document.get(), it.fragment().charFormat()));
                }
        QVERIFY2(parts > 0, "the report has no design picture");
        QVERIFY2(smallest >= 7.0, qPrintable(QString("the design's smallest text is %1 pt on paper (%2 pt as drawn), in %3 part(s)")
                                                  .arg(smallest, 0, 'f', 2)
                                                  .arg(recorded, 0, 'f', 2)
                                                  .arg(parts)));
        qInfo("%s: design %.0f x %.0f px, smallest text %.2f pt as drawn; in %d part(s), %.2f pt on paper; %d pages",
              qPrintable(file), data.designPicture->size.width(), data.designPicture->size.height(), recorded, parts,
              smallest, document->pageCount());
    }

    void document_states_the_runs_key_figures_and_findings()
    {
        // Its database serves 90% reads with no cache in front: the advisor flags it.
        const ReportData data = fullReport("rate-limited-api.scalelab");
        const QString text = ReportBuilder::build(data)->toPlainText();
        const auto figure = [](double value, int decimals) { return QLocale::c().toString(value, 'f', decimals); };
        const QString throughput = figure(data.run->throughputRps, 1) + " requests/s";
        QVERIFY2(text.contains(throughput), qPrintable(notSaid(throughput)));
        const QString latency = QStringLiteral("%1 / %2 / %3 ms")
                                    .arg(figure(data.run->latency.p50Ms, 1), figure(data.run->latency.p95Ms, 1),
                                         figure(data.run->latency.p99Ms, 1));
        QVERIFY2(text.contains(latency), qPrintable(notSaid(latency)));
        const QString cost = "$" + figure(data.run->costPerHour * stats::kHoursPerMonth, 0) + " per month";
        QVERIFY2(text.contains(cost), qPrintable(notSaid(cost)));
        QVERIFY2(!data.findings.empty(), "the advisor finds the missing cache");
        for (const analysis::Finding& finding : data.findings)
            QVERIFY2(text.contains(QString::fromStdString(finding.problem)), finding.problem.c_str());
    }

    void extra_section_is_rendered_after_the_built_in_ones()
    {
        ReportData data = fullReport();
        data.extraSections.push_back({"Challenge grade", "Checked against the challenge's goals.",
                                      {"Goal", "Result", "Points"},
                                      {{"p95 under 200 ms", "met (143 ms)", "40 / 40"},
                                       {"Cost under $500 per month", "missed ($612)", "0 / 30"}}});
        const QString text = ReportBuilder::build(data)->toPlainText();
        const qsizetype grade = text.indexOf("Challenge grade");
        QVERIFY2(grade > text.indexOf("Bottleneck advisor"),
                 qPrintable(QString("the extra section starts at %1, before the advisor's at %2")
                                .arg(grade)
                                .arg(text.indexOf("Bottleneck advisor"))));
        for (const char* cell : {"Checked against the challenge's goals.", "Goal", "Points", "p95 under 200 ms",
                                 "missed ($612)", "40 / 40"})
            QVERIFY2(text.indexOf(cell, grade) > grade, cell);
    }

    void design_without_run_says_so()
    {
        ReportData data;
        data.design = threeTier();
        data.title = "Not run";
        const QString text = ReportBuilder::build(data)->toPlainText();
        QVERIFY2(text.contains("has not been run"), qPrintable(notSaid("has not been run")));
        QVERIFY2(!text.contains("requests/s"), "a report without a run gives a throughput");
        QVERIFY2(text.contains("app"), qPrintable(notSaid("app")));
    }

    void pdf_has_the_documents_pages()
    {
        const ReportData data = fullReport();
        QTemporaryDir dir;
        const QString path = dir.filePath("report.pdf");
        QCOMPARE(ReportBuilder::writePdf(data, path), QString());
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable("cannot read the written " + path));
        const QByteArray pdf = file.readAll();
        QVERIFY2(pdf.startsWith("%PDF-"), qPrintable("not a PDF, it starts: " + QString::fromLatin1(pdf.left(8))));
        QVERIFY2(pdf.trimmed().endsWith("%%EOF"), "the PDF is cut short: no %%EOF at its end");
        const int pages = pdfPageCount(pdf);
        // Title, figures and the design in readable parts fill more than one page.
        QVERIFY2(pages >= 2, qPrintable(QString("%1 pages, expected at least 2").arg(pages)));
        QCOMPARE(pages, ReportBuilder::build(data)->pageCount());
    }

    void unwritable_path_is_reported()
    {
        ReportData data;
        data.design = threeTier();
        const QString error = ReportBuilder::writePdf(data, "/nonexistent-dir/report.pdf");
        QVERIFY2(error.contains("/nonexistent-dir/report.pdf"), qPrintable(error));
    }
};

QTEST_MAIN(ReportTest)
#include "ReportTest.moc"
