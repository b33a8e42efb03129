// The design report: what its document says (sections, every block with
// the registry's parameter labels, the run's figures, the advisor, a section
// added by another feature), and that it prints to a PDF of as many A4 pages
// as the document lays out.
#include "WidgetTestSupport.h"
#include "analysis/Advisor.h"
#include "canvas/CanvasScene.h"
#include "document/DesignDocument.h"
#include "model/Registry.h"
#include "plots/LatencyPlot.h"
#include "report/ReportBuilder.h"
#include "report/ReportFigures.h"

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
    void document_lists_every_block_with_registry_parameters()
    {
        const ReportData data = fullReport();
        const QString text = ReportBuilder::build(data)->toPlainText();
        QVERIFY2(text.contains(data.title), qPrintable(data.title));
        QVERIFY2(text.contains(data.filePath), qPrintable(notSaid(data.filePath)));
        QVERIFY2(text.contains("2026-03-14 09:30"), qPrintable(notSaid("2026-03-14 09:30")));
        const QString description = QString::fromStdString(data.design.description);
        QVERIFY2(text.contains(description), qPrintable(notSaid(description)));
        for (const model::Block& block : data.design.blocks) {
            QVERIFY2(text.contains(QString::fromStdString(block.id)), block.id.c_str());
            const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
            QVERIFY2(spec, qPrintable("the registry has no kind " + QString::fromStdString(block.kind)));
            QVERIFY2(text.contains(QString::fromStdString(spec->displayName)), spec->displayName.c_str());
            for (const model::ParamSpec& param : spec->params)
                QVERIFY2(text.contains(QString::fromStdString(param.label) + ": "), param.label.c_str());
        }
        // The design and the plot are pictures in the text flow: one object character each.
        QCOMPARE(text.count(QChar::ObjectReplacementCharacter), 2);
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
        // Title page, blocks, plots and findings each start a page.
        QVERIFY2(pages >= 3, qPrintable(QString("%1 pages, expected at least 3").arg(pages)));
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
