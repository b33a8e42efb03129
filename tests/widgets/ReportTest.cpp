// The design report: what its document says (sections, every block with
// the registry's parameter labels, the run's figures, the advisor, a section
// added by another feature), and that it prints to a PDF of as many A4 pages
// as the document lays out.
#include "analysis/Advisor.h"
#include "canvas/CanvasScene.h"
#include "document/DesignDocument.h"
#include "io/ScenarioFile.h"
#include "model/Registry.h"
#include "plots/LatencyPlot.h"
#include "report/ReportBuilder.h"
#include "report/ReportFigures.h"
#include "run/Simulator.h"

#include <QFile>
#include <QLocale>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

using namespace scalelab;
using namespace scalelab::widgets;

namespace {

model::Architecture example(const char* name)
{
    return io::readScenario(std::string(SCALELAB_SOURCE_DIR "/resources/examples/") + name);
}

model::Architecture threeTier() { return example("three-tier.scalelab"); }

stats::Snapshot simulate(const model::Architecture& design, double seconds)
{
    sim::Simulator simulator(design, 7);
    simulator.runUntil(sim::fromSeconds(seconds));
    return simulator.snapshot(true);
}

// Pages as the PDF's page tree counts them: one "/Type /Page" object each.
int pdfPageCount(const QByteArray& pdf)
{
    static const QRegularExpression page("/Type\\s*/Page(?![a-zA-Z])");
    int count = 0;
    for (auto it = page.globalMatch(QString::fromLatin1(pdf)); it.hasNext(); it.next())
        ++count;
    return count;
}

} // namespace

class ReportTest : public QObject {
    Q_OBJECT

private:
    // A report as the window makes it: the design, a real run, its plots and findings.
    ReportData fullReport(const char* design = "three-tier.scalelab")
    {
        ReportData data;
        data.design = example(design);
        data.title = QString::fromStdString(data.design.name);
        data.filePath = "/designs/three-tier.scalelab";
        data.created = QDateTime(QDate(2026, 3, 14), QTime(9, 30));
        data.run = simulate(data.design, 20);
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
        QVERIFY(text.contains(data.filePath));
        QVERIFY(text.contains("2026-03-14 09:30"));
        QVERIFY(text.contains(QString::fromStdString(data.design.description)));
        for (const model::Block& block : data.design.blocks) {
            QVERIFY2(text.contains(QString::fromStdString(block.id)), block.id.c_str());
            const model::BlockSpec* spec = model::Registry::instance().find(block.kind);
            QVERIFY(spec);
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
        QVERIFY(text.contains(figure(data.run->throughputRps, 1) + " requests/s"));
        QVERIFY(text.contains(QStringLiteral("%1 / %2 / %3 ms")
                                  .arg(figure(data.run->latency.p50Ms, 1), figure(data.run->latency.p95Ms, 1),
                                       figure(data.run->latency.p99Ms, 1))));
        QVERIFY(text.contains("$" + figure(data.run->costPerHour * stats::kHoursPerMonth, 0) + " per month"));
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
        QVERIFY(grade > text.indexOf("Bottleneck advisor"));
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
        QVERIFY(text.contains("has not been run"));
        QVERIFY(!text.contains("requests/s"));
        QVERIFY(text.contains("app"));
    }

    void pdf_has_the_documents_pages()
    {
        const ReportData data = fullReport();
        QTemporaryDir dir;
        const QString path = dir.filePath("report.pdf");
        QCOMPARE(ReportBuilder::writePdf(data, path), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray pdf = file.readAll();
        QVERIFY(pdf.startsWith("%PDF-"));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        const int pages = pdfPageCount(pdf);
        // Title page, blocks, plots and findings each start a page.
        QVERIFY2(pages >= 3, qPrintable(QString::number(pages)));
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
