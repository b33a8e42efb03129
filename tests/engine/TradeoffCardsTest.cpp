// Every bundled trade-off card says what its comparison shows: its two
// designs load, and each claim holds on the paired 95% interval of B - A,
// run exactly as the app and `scalelab compare CARD` run it.
#include "analysis/TradeoffCheck.h"
#include "io/TradeoffReader.h"

#include <QDir>
#include <QtTest>

using namespace scalelab;

namespace {

QString cardFolder()
{
    return QStringLiteral(SCALELAB_SOURCE_DIR "/resources/tradeoffs");
}

QStringList cards()
{
    return QDir(cardFolder()).entryList({"*.tradeoff"}, QDir::Files, QDir::Name);
}

} // namespace

class TradeoffCardsTest : public QObject {
    Q_OBJECT

private slots:
    void the_library_has_the_cards_the_issue_asks_for()
    {
        QVERIFY2(cards().size() >= 20, qPrintable(QString("%1 cards").arg(cards().size())));
    }

    void every_claim_holds_data()
    {
        QTest::addColumn<QString>("card");
        QStringList names = cards();
#ifdef SCALELAB_SANITIZED
        names = names.mid(0, 2); // the sanitizers hunt memory errors; two cards cover the code
#endif
        for (const QString& name : names)
            QTest::newRow(qPrintable(name)) << name;
    }

    void every_claim_holds()
    {
        QFETCH(QString, card);
        const io::TradeoffPair pair = io::readTradeoffPair((cardFolder() + "/" + card).toStdString());
        QCOMPARE(pair.a.blocks.empty(), false);
        const auto result = analysis::checkTradeoff(pair.card, pair.a, pair.b, analysis::cardPlan(pair.card));
        bool anyDifference = false;
        for (const auto& claim : result.claims) {
            const auto& difference = claim.figure.difference;
            QVERIFY2(claim.holds, qPrintable(QString("%1\n  %2: B - A = %3 +- %4, expected %5")
                                                 .arg(QString::fromStdString(claim.claim.text),
                                                      QString::fromStdString(claim.figure.label))
                                                 .arg(difference.mean)
                                                 .arg(difference.halfWidth)
                                                 .arg(model::expectName(claim.claim.expect))));
            anyDifference |= claim.claim.expect != model::TradeoffClaim::Expect::NoDifference;
        }
        QVERIFY2(anyDifference, "a card must claim at least one difference");
        // The pair differs in one decision; the clients they share are the pairing.
        bool sharedClient = false;
        for (const auto& block : pair.a.blocks)
            if (block.kind == "client" && pair.b.findBlock(block.id))
                sharedClient = true;
        QVERIFY2(sharedClient, "designs A and B share no client id: their runs would not be paired");
    }
};

QTEST_APPLESS_MAIN(TradeoffCardsTest)
#include "TradeoffCardsTest.moc"
