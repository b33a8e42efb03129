// The interview's back-of-the-envelope sums, checked against figures worked
// by hand (100M daily users x 10 requests / 86,400 s = 11,574 rps...).
#include "analysis/Envelope.h"

#include <QTest>

#include <stdexcept>

using namespace scalelab;
using analysis::envelope;

namespace {

model::EnvelopeInputs hundredMillionUsers()
{
    model::EnvelopeInputs in;
    in.dailyUsers = 100e6;
    in.requestsPerUserPerDay = 10;
    in.peakFactor = 3;
    in.writeShare = 0.1;
    in.bytesPerWrite = 1000;
    in.latencyMs = 200;
    in.concurrencyPerServer = 1000;
    return in;
}

} // namespace

class EnvelopeTest : public QObject {
    Q_OBJECT

private slots:
    void hundred_million_users_by_hand()
    {
        const auto f = envelope(hundredMillionUsers());
        // 1e9 requests a day / 86,400 s = 11,574.07 rps.
        QVERIFY(qAbs(f.averageRps - 11'574.074) < 1e-3);
        QVERIFY(qAbs(f.peakRps - 34'722.222) < 1e-3);        // x 3
        QVERIFY(qAbs(f.peakWritesPerS - 3'472.222) < 1e-3);  // x 0.1
        QCOMPARE(f.storageBytesPerYear, 36.5e12);             // 1e8 writes/day x 1 KB x 365
        // 34,722 rps x 0.2 s = 6,944 in flight / 1,000 = 6.94 -> 7; x 1.5 = 10.4 -> 11; x 2 = 22.
        QCOMPARE(f.servers.baseRounded, 7);
        QCOMPARE(f.servers.withBuffer, 11);
        QCOMPARE(f.servers.withRedundancy, 22);
    }

    void worked_lines_show_the_arithmetic()
    {
        const auto f = envelope(hundredMillionUsers());
        QCOMPARE(f.steps.size(), size_t(8)); // four traffic lines, four capacity lines
        QCOMPARE(QString::fromStdString(f.steps[0].formula),
                 QStringLiteral("100,000,000 users × 10 requests ÷ 86,400 s = 11,574.07 rps"));
        QCOMPARE(QString::fromStdString(f.steps[3].formula),
                 QStringLiteral("100,000,000 writes/day × 1 KB × 365 = 36.5 TB"));
        QCOMPARE(f.steps.back().value, 22.0);
    }

    void seed_capacity_example_through_the_envelope()
    {
        // The seeds' 100,000 rps x 200 ms / 10,000 per server = 2 -> 3 -> 6,
        // reached from 864M daily requests at a peak factor of 10.
        model::EnvelopeInputs in;
        in.dailyUsers = 86.4e6;
        in.requestsPerUserPerDay = 10;
        in.peakFactor = 10;
        in.latencyMs = 200;
        in.concurrencyPerServer = 10'000;
        const auto f = envelope(in);
        QCOMPARE(f.averageRps, 10'000.0);
        QCOMPARE(f.peakRps, 100'000.0);
        QCOMPARE(f.servers.withRedundancy, 6);
    }

    void buffer_and_redundancy_are_passed_on()
    {
        const auto f = envelope(hundredMillionUsers(), 0, 3);
        QCOMPARE(f.servers.withBuffer, 7);
        QCOMPARE(f.servers.withRedundancy, 21);
    }

    void bad_inputs_name_the_input()
    {
        auto in = hundredMillionUsers();
        in.writeShare = 1.5;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, envelope(in));
        in = hundredMillionUsers();
        in.dailyUsers = 0;
        try {
            envelope(in);
            QFAIL("zero users accepted");
        } catch (const std::invalid_argument& error) {
            QVERIFY(QString(error.what()).startsWith("daily users"));
        }
    }

    void bytes_read_in_decimal_units()
    {
        QCOMPARE(QString::fromStdString(analysis::formatBytes(500)), QStringLiteral("500 B"));
        QCOMPARE(QString::fromStdString(analysis::formatBytes(1500)), QStringLiteral("1.5 KB"));
        QCOMPARE(QString::fromStdString(analysis::formatBytes(420e9)), QStringLiteral("420 GB"));
    }
};

QTEST_APPLESS_MAIN(EnvelopeTest)
#include "EnvelopeTest.moc"
