// The trade-off card file: what it reads, and the errors a bad card gets
// (file, JSON path, rule), as every other ScaleLab file.
#include "io/LoadError.h"
#include "io/TradeoffReader.h"
#include "model/Architecture.h"

#include <QtTest>

using namespace scalelab;

namespace {

const char* kCard = R"({
  "format": "scalelab-tradeoff", "version": 1,
  "title": "Push vs pull", "topic": "Feeds", "tier": "intermediate",
  "question": "Write into every timeline, or gather on read?",
  "a": {"design": "push.scalelab", "label": "Push"},
  "b": {"design": "pull.scalelab", "label": "Pull"},
  "look_for": "Read latency against write work.",
  "choose_a_when": "Reads dominate.",
  "run": {"warmup_s": 5, "duration_s": 30, "replications": 4},
  "claims": [
    {"metric": "p95_ms", "expect": "b_higher", "text": "Pull reads are slower."},
    {"metric": "push.arrival_rps", "metric_b": "pull.arrival_rps", "expect": "no_difference", "text": "Same load."}
  ]
})";

std::string withChange(const std::string& from, const std::string& to)
{
    std::string text = kCard;
    const auto at = text.find(from);
    if (at == std::string::npos)
        throw std::logic_error("no " + from + " in the card");
    return text.replace(at, from.size(), to);
}

QString errorOf(const std::string& text)
{
    try {
        io::parseTradeoffCard(text, "/some/folder/bad.tradeoff");
    } catch (const io::LoadError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

model::Architecture designWithBlock(const std::string& id)
{
    model::Architecture design;
    design.blocks = {model::makeBlock("client", "users"), model::makeBlock("service", id)};
    return design;
}

} // namespace

class TradeoffCardTest : public QObject {
    Q_OBJECT

private slots:
    void reads_every_field()
    {
        const model::TradeoffCard card = io::parseTradeoffCard(kCard, "push-pull.tradeoff");
        QCOMPARE(card.title, std::string("Push vs pull"));
        QCOMPARE(card.tier, std::string("intermediate"));
        QCOMPARE(card.a.design, std::string("push.scalelab"));
        QCOMPARE(card.b.label, std::string("Pull"));
        QCOMPARE(card.chooseAWhen, std::string("Reads dominate."));
        QVERIFY(card.chooseBWhen.empty());
        QCOMPARE(card.warmupS, 5.0);
        QCOMPARE(card.durationS, 30.0);
        QCOMPARE(card.replications, 4);
        QCOMPARE(card.claims.size(), size_t(2));
        QCOMPARE(card.claims[0].metricB, std::string("p95_ms")); // defaults to metric
        QVERIFY(card.claims[0].expect == model::TradeoffClaim::Expect::BHigher);
        QCOMPARE(card.claims[1].metricB, std::string("pull.arrival_rps"));
        QVERIFY(card.claims[1].expect == model::TradeoffClaim::Expect::NoDifference);
    }

    void errors_name_the_file_the_path_and_the_rule_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("expected");
        QTest::newRow("tier") << "\"intermediate\"" << "\"intermedate\""
                              << "bad.tradeoff: tier: must be one of foundations, intermediate, advanced, expert, "
                                 "got \"intermedate\" (did you mean \"intermediate\"?)";
        QTest::newRow("expect") << "\"b_higher\"" << "\"higher\""
                                << "bad.tradeoff: claims[0].expect: must be one of b_lower, b_higher, no_difference";
        QTest::newRow("replications") << "\"replications\": 4" << "\"replications\": 1"
                                      << "bad.tradeoff: run.replications: must be between 2 and 100";
        QTest::newRow("missing label") << ", \"label\": \"Pull\"" << ""
                                       << "bad.tradeoff: b: missing \"label\"";
        QTest::newRow("unknown key") << "\"look_for\"" << "\"look_fr\""
                                     << "bad.tradeoff: look_fr: unknown key (did you mean \"look_for\"?)";
        QTest::newRow("newer") << "\"version\": 1" << "\"version\": 7"
                               << "bad.tradeoff: version: this card is version 7";
        QTest::newRow("not a card") << "scalelab-tradeoff" << "scalelab"
                                    << "bad.tradeoff: format: must be \"scalelab-tradeoff\"";
        QTest::newRow("syntax") << "\"tier\": " << "\"tier\" "
                                << "bad.tradeoff: line 3";
    }

    void errors_name_the_file_the_path_and_the_rule()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, expected);
        const QString error = errorOf(withChange(from.toStdString(), to.toStdString()));
        QVERIFY2(error.startsWith(expected), qPrintable(error));
    }

    void a_claim_must_name_a_figure_of_its_design()
    {
        const auto card = io::parseTradeoffCard(kCard, "push-pull.tradeoff");
        io::checkTradeoffClaims(card, designWithBlock("push"), designWithBlock("pull"), "push-pull.tradeoff");
        try {
            io::checkTradeoffClaims(card, designWithBlock("push"), designWithBlock("pul"), "push-pull.tradeoff");
            QFAIL("a claim naming a block design B lacks was accepted");
        } catch (const io::LoadError& error) {
            QVERIFY2(QString(error.what()).startsWith("push-pull.tradeoff: claims[1].metric_b: in design B "
                                                      "(pull.scalelab): "),
                     error.what());
        }
    }
};

QTEST_APPLESS_MAIN(TradeoffCardTest)
#include "TradeoffCardTest.moc"
