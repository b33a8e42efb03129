// The client's traffic preview and card figures: the preview plots the
// engine's own offered rate (a spike reaches base x multiplier, a diurnal
// cycle spans two periods), a closed-model client shows its users instead of
// a curve, and the card says which model a client uses.
#include "canvas/BlockFigures.h"
#include "model/Registry.h"
#include "properties/TrafficPreview.h"

#include <QLabel>
#include <QTest>
#include <qcustomplot.h>

#include <algorithm>

using namespace scalelab;
using namespace scalelab::widgets;

namespace {

model::Block client(const std::string& profile)
{
    model::Block block = model::makeBlock("client", "users", "Users");
    const model::ParamSpec* spec = model::Registry::instance().find("client")->param("profile");
    block.params["profile"] = *spec->choiceIndex(profile);
    block.params["rate_rps"] = 1000;
    return block;
}

} // namespace

class TrafficPreviewTest : public QObject {
    Q_OBJECT
private slots:
    void spike_preview_reaches_base_times_multiplier();
    void diurnal_preview_covers_two_periods();
    void closed_model_shows_users_not_a_curve();
    void card_names_the_traffic_model();
};

void TrafficPreviewTest::spike_preview_reaches_base_times_multiplier()
{
    model::Block block = client("spike");
    block.params["spike_multiplier"] = 5;
    block.params["spike_start_s"] = 60;
    block.params["spike_duration_s"] = 30;
    QVector<double> seconds, rps;
    TrafficPreview::sample(block, seconds, rps);
    QCOMPARE(*std::max_element(rps.begin(), rps.end()), 5000.0);
    QCOMPARE(*std::min_element(rps.begin(), rps.end()), 1000.0);
    QVERIFY2(seconds.back() >= 90, "the preview must show the spike end");
}

void TrafficPreviewTest::diurnal_preview_covers_two_periods()
{
    model::Block block = client("diurnal");
    block.params["diurnal_period_s"] = 600;
    QCOMPARE(TrafficPreview::horizonSeconds(block), 1200.0);
    TrafficPreview preview;
    preview.showBlock(block);
    QVERIFY2(!preview.plot()->isHidden(), "an open-model client shows no curve");
    QVERIFY2(preview.plot()->graph(0)->dataCount() > 100,
             qPrintable(QString("%1 points for two periods").arg(preview.plot()->graph(0)->dataCount())));
}

void TrafficPreviewTest::closed_model_shows_users_not_a_curve()
{
    model::Block block = client("constant");
    block.params["arrival_model"] = 1; // closed
    block.params["virtual_users"] = 250;
    TrafficPreview preview;
    preview.showBlock(block);
    QVERIFY2(preview.plot()->isHidden(), "a closed-model client shows a rate curve");
    QVERIFY2(preview.caption()->text().contains("250 virtual users"), qPrintable(preview.caption()->text()));
}

void TrafficPreviewTest::card_names_the_traffic_model()
{
    const QString open = BlockFigures::parts(client("ramp")).join(", ");
    QVERIFY2(open.startsWith("open, ramp"), qPrintable(open));
    model::Block closed = client("constant");
    closed.params["arrival_model"] = 1;
    closed.params["virtual_users"] = 100;
    const QString closedText = BlockFigures::parts(closed).join(", ");
    QVERIFY2(closedText.startsWith("closed, 100 VUs"), qPrintable(closedText));
}

QTEST_MAIN(TrafficPreviewTest)
#include "TrafficPreviewTest.moc"
