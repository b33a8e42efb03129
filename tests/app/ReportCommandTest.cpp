// `scalelab report` as a user runs it: the real binary writes a PDF of
// several A4 pages; a missing -o or a bad file is one line and its status.
#include "CliProcess.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using scalelab::testing::examplePath;
using scalelab::testing::pdfPageCount;
using scalelab::testing::runScalelab;
using Result = scalelab::testing::CliResult;

class ReportCommandTest : public QObject {
    Q_OBJECT

private slots:
    void writes_a_pdf_of_the_design_and_its_run()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath("three-tier.pdf");
        const Result r = runScalelab({"report", examplePath("three-tier.scalelab"), "-o", out, "--duration", "10s"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("three-tier.pdf"),
                 qPrintable("the output should name the PDF: " + QString::fromUtf8(r.out)));
        QFile file(out);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable("no PDF at " + out));
        const QByteArray pdf = file.readAll();
        QVERIFY2(pdf.startsWith("%PDF-"), qPrintable("not a PDF, it starts: " + QString::fromLatin1(pdf.left(8))));
        const int pages = pdfPageCount(pdf);
        // Title and figures, the design in readable parts, blocks, plots, findings.
        QVERIFY2(pages >= 2, qPrintable(QString("%1 pages, expected at least 2").arg(pages)));
    }

    void errors_are_one_line_with_their_status_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("no output") << QStringList{"report", examplePath("mm1.scalelab")} << 2 << "-o OUT.pdf";
        QTest::newRow("no file") << QStringList{"report", "-o", "/tmp/x.pdf"} << 2 << "exactly one FILE";
        QTest::newRow("bad duration") << QStringList{"report", examplePath("mm1.scalelab"), "-o", "/tmp/x.pdf",
                                                     "--duration", "soon"}
                                      << 2 << "--duration";
        QTest::newRow("missing file") << QStringList{"report", "/nonexistent/d.scalelab", "-o", "/tmp/x.pdf"} << 1
                                      << "d.scalelab: cannot open file";
        QTest::newRow("unwritable output") << QStringList{"report", examplePath("mm1.scalelab"), "-o",
                                                          "/nonexistent-dir/x.pdf", "--duration", "2s"}
                                           << 1 << "/nonexistent-dir/x.pdf";
    }

    void errors_are_one_line_with_their_status()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, status);
        QFETCH(QString, message);
        const Result r = runScalelab(arguments);
        QCOMPARE(r.exitCode, status);
        // The window's platform may add its own warnings (offscreen, no runtime
        // directory); ScaleLab's own error is one line.
        const QStringList ours = QString::fromUtf8(r.err).split('\n').filter(QRegularExpression("^scalelab: "));
        QCOMPARE(ours.size(), 1);
        QVERIFY2(ours.front().contains(message), r.err.constData());
    }
};

QTEST_MAIN(ReportCommandTest)
#include "ReportCommandTest.moc"
