// Crash recovery across real processes: ScaleLab is started on a design in
// an X server (Xvfb), edited with real key presses, killed with SIGKILL once
// its recovery file is written, and started again, once with the same file
// as its argument and once with none. Each time the next start must offer
// the work back before it opens anything, and recovering then saving must
// write the edited design. The app's data and settings live in a private
// folder (XDG_*_HOME), so the user's own are never touched.
#include "io/ScenarioFile.h"
#include "model/Architecture.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

using namespace scalelab;

namespace {

const QString kAppBinary = QStringLiteral(SCALELAB_BINARY_DIR "/app/scalelab");
const QString kExample = QStringLiteral(SCALELAB_SOURCE_DIR "/resources/examples/three-tier.scalelab");

// One xdotool call, waited for; its standard output, trimmed.
QString xdotool(const QStringList& arguments)
{
    QProcess process;
    process.start("xdotool", arguments);
    process.waitForFinished(10'000);
    return QString::fromLocal8Bit(process.readAllStandardOutput()).trimmed();
}

// The first visible X window whose title matches `pattern`, or empty.
QString visibleWindow(const QString& pattern)
{
    return xdotool({"search", "--onlyvisible", "--name", pattern}).section('\n', 0, 0);
}

// Focuses `window` and types `keys` until `done` holds, retrying every few
// seconds: on a loaded machine a key sent while the window is still being
// mapped or focused is lost, and the test must not depend on being lucky.
bool typeUntil(const QString& window, const QStringList& keys, const std::function<bool()>& done, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        xdotool({"windowfocus", "--sync", window});
        xdotool(QStringList{"key", "--delay", "100"} + keys);
        if (QTest::qWaitFor(done, 4'000))
            return true;
    }
    return done();
}

// Every visible window's title, for a failure message: what the user would see.
QString visibleTitles()
{
    QStringList titles;
    for (const QString& id : xdotool({"search", "--onlyvisible", "--name", "."}).split('\n', Qt::SkipEmptyParts))
        titles << '"' + xdotool({"getwindowname", id}) + '"';
    return titles.isEmpty() ? QStringLiteral("none") : titles.join(", ");
}

size_t blockCount(const QString& path)
{
    try {
        return io::readScenario(path.toStdString()).blocks.size();
    } catch (const std::exception&) {
        return size_t(-1); // mid-save or unreadable: the caller waits on
    }
}

} // namespace

class RecoveryRestartTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void offered_on_a_restart_with_the_same_file();
    void offered_on_a_restart_without_a_file();
    void cleanup();

private:
    // Starts ScaleLab (with `file` unless empty) in the private environment.
    void start(const QString& file);
    // Opens the scratch design, deletes every block with Ctrl+A and Delete,
    // waits for the recovery file, then kills the app with SIGKILL.
    void editThenKill();
    // Answers the recovery question with Return (Recover) and saves with Ctrl+S.
    void recoverAndSave();
    QString recoveryFile() const;

    QTemporaryDir m_home;
    QString m_design; // the scratch copy of three-tier the app edits
    size_t m_blocksBefore = 0;
    std::unique_ptr<QProcess> m_app;
};

void RecoveryRestartTest::initTestCase()
{
    QVERIFY2(qEnvironmentVariableIsSet("DISPLAY"), "this test needs an X server (run it through run-in-xvfb.sh)");
    QVERIFY2(QFile::exists(kAppBinary), qPrintable(kAppBinary + " is not built"));
    QVERIFY(m_home.isValid());
    m_design = m_home.filePath("shop.scalelab");
    m_blocksBefore = blockCount(kExample);
    QVERIFY(m_blocksBefore > 0 && m_blocksBefore != size_t(-1));
}

void RecoveryRestartTest::cleanup()
{
    if (m_app && m_app->state() != QProcess::NotRunning) {
        m_app->kill();
        m_app->waitForFinished(10'000);
    }
    m_app.reset();
    // A failed case may leave its recovery file and settings: start the next afresh.
    QDir(m_home.filePath("data")).removeRecursively();
    QDir(m_home.filePath("config")).removeRecursively();
}

QString RecoveryRestartTest::recoveryFile() const
{
    QDirIterator found(m_home.filePath("data"), {"recovery.scalelab"}, QDir::Files, QDirIterator::Subdirectories);
    return found.hasNext() ? found.next() : QString();
}

void RecoveryRestartTest::start(const QString& file)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("HOME", m_home.path());
    environment.insert("XDG_DATA_HOME", m_home.filePath("data"));
    environment.insert("XDG_CONFIG_HOME", m_home.filePath("config"));
    environment.insert("XDG_CACHE_HOME", m_home.filePath("cache"));
    environment.insert("QT_QPA_PLATFORM", "xcb");
    m_app = std::make_unique<QProcess>();
    m_app->setProcessEnvironment(environment);
    m_app->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_app->start(kAppBinary, file.isEmpty() ? QStringList{} : QStringList{file});
    QVERIFY2(m_app->waitForStarted(10'000), qPrintable(m_app->errorString()));
}

void RecoveryRestartTest::editThenKill()
{
    QFile::remove(m_design);
    QVERIFY(QFile::copy(kExample, m_design));
    QFile(m_design).setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    start(m_design);
    QString window;
    QTRY_VERIFY_WITH_TIMEOUT(!(window = visibleWindow("^shop\\.scalelab ")).isEmpty(), 40'000);
    QCOMPARE(recoveryFile(), QString()); // nothing left from before: the question would come first
    // Focus without a window manager, then the window's own shortcuts.
    QVERIFY2(typeUntil(window, {"ctrl+a", "Delete"}, [] { return !visibleWindow("^shop\\.scalelab\\* ").isEmpty(); },
                       30'000),
             qPrintable("Ctrl+A, Delete did not change the design (no * in the title); visible: " + visibleTitles()));
    // Written a moment after the edit (RecoveryFile::kAfterEditMs), then the crash.
    QTRY_VERIFY_WITH_TIMEOUT(!recoveryFile().isEmpty() && blockCount(recoveryFile()) == 0, 15'000);
    m_app->kill(); // SIGKILL: no clean-up runs
    QVERIFY(m_app->waitForFinished(10'000));
    QCOMPARE(m_app->exitStatus(), QProcess::CrashExit);
    QCOMPARE(blockCount(m_design), m_blocksBefore); // the file itself was never saved
}

void RecoveryRestartTest::recoverAndSave()
{
    QString question;
    QTRY_VERIFY2_WITH_TIMEOUT(!(question = visibleWindow("^Recover unsaved design\\?$")).isEmpty(),
                              "the restarted app did not offer the unsaved design back", 40'000);
    QString window;
    // Return: the default button, Recover.
    QVERIFY2(typeUntil(question, {"Return"},
                       [&] { return !(window = visibleWindow("^shop\\.scalelab\\* ")).isEmpty(); }, 40'000),
             qPrintable("no window with the recovered, unsaved design; visible: " + visibleTitles()));
    // Saved where the design came from.
    QVERIFY2(typeUntil(window, {"ctrl+s"}, [&] { return blockCount(m_design) == 0; }, 30'000),
             qPrintable("Ctrl+S did not save the recovered design; visible: " + visibleTitles()));
    QTRY_VERIFY_WITH_TIMEOUT(recoveryFile().isEmpty(), 10'000); // saved: nothing left to recover
}

void RecoveryRestartTest::offered_on_a_restart_with_the_same_file()
{
    editThenKill();
    if (QTest::currentTestFailed())
        return;
    start(m_design); // as `make run` or a file manager would
    recoverAndSave();
}

void RecoveryRestartTest::offered_on_a_restart_without_a_file()
{
    editThenKill();
    if (QTest::currentTestFailed())
        return;
    start({});
    recoverAndSave();
}

QTEST_GUILESS_MAIN(RecoveryRestartTest)
#include "RecoveryRestartTest.moc"
