// The Advisor dock shows what the advisor finds in a run, and a click on a
// finding names its block.
#include "WidgetTestSupport.h"
#include "advisor/AdvisorPanel.h"
#include "document/DesignDocument.h"

#include <QListWidget>
#include <QSignalSpy>
#include <QtTest>

using namespace scalelab;

class AdvisorPanelTest : public QObject {
    Q_OBJECT

private slots:
    void an_overloaded_server_is_named_and_clicking_selects_it()
    {
        // 900 rps on one 1 ms worker: 90% busy, a growing queue.
        model::Architecture design;
        model::Block client = model::makeBlock("client", "users");
        client.params["rate_rps"] = 900;
        model::Block server = model::makeBlock("service", "server");
        server.params["workers"] = 1;
        server.params["service_time_ms"] = 1;
        design.blocks = {client, server};
        design.links = {model::makeLink("users", "server")};
        widgets::DesignDocument document;
        document.reset(design);

        widgets::AdvisorPanel panel(&document);
        QCOMPARE(panel.list()->count(), 0);
        panel.appendSnapshot(testing::runFor(design, 20), true);
        QVERIFY2(panel.list()->count() >= 1, "the advisor found nothing in a 90% busy single worker");
        QListWidgetItem* first = panel.list()->item(0);
        QVERIFY2(first->text().startsWith("bottleneck"), qPrintable(first->text()));
        QVERIFY2(first->text().contains("Load balancing"),
                 qPrintable("the remedy should be load balancing: " + first->text()));

        QSignalSpy activated(&panel, &widgets::AdvisorPanel::blocksActivated);
        emit panel.list()->itemClicked(first);
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.at(0).at(0).toStringList(), QStringList{"server"});

        panel.clear();
        QCOMPARE(panel.list()->count(), 0);
    }
};

QTEST_MAIN(AdvisorPanelTest)
#include "AdvisorPanelTest.moc"
