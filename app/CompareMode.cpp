#include "CompareMode.h"

#include "compare/CompareWindow.h"
#include "compare/TradeoffCardBrowser.h"
#include "document/DesignDocument.h"
#include "io/ScenarioFile.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMessageBox>

namespace scalelab::app {

namespace {

QString designName(const widgets::DesignDocument& document)
{
    const QString name = QString::fromStdString(document.architecture().name);
    return name.isEmpty() ? QFileInfo(document.filePath()).completeBaseName() : name;
}

} // namespace

CompareMode::CompareMode(QMainWindow* window, widgets::DesignDocument* document, bool interactive)
    : QObject(window)
    , m_main(window)
    , m_document(document)
    , m_interactive(interactive)
    , m_compareWith(new QAction(tr("Compare &With…"), this))
    , m_duplicate(new QAction(tr("Duplicate as Variant &B"), this))
    , m_cards(new QAction(tr("&Trade-off Cards…"), this))
{
    m_cards->setObjectName("tradeoffCards");
    m_cards->setToolTip(tr("Design decisions taught by running both answers side by side"));
    connect(m_cards, &QAction::triggered, this, &CompareMode::showCardBrowser);
    m_compareWith->setObjectName("compareWith");
    m_compareWith->setToolTip(tr("Run this design (A) and another file (B) side by side on the same traffic"));
    connect(m_compareWith, &QAction::triggered, this, &CompareMode::chooseFile);
    m_duplicate->setObjectName("duplicateAsVariant");
    m_duplicate->setToolTip(tr("Open the compare window with this design as A and a copy as B: change one thing in "
                               "B and watch the two diverge"));
    connect(m_duplicate, &QAction::triggered, this, &CompareMode::duplicateAsVariant);
}

CompareMode::~CompareMode()
{
    delete m_window; // a top-level window: not a child of the main window
}

widgets::CompareWindow* CompareMode::window()
{
    if (!m_window) {
        m_window = new widgets::CompareWindow;
        connect(m_window, &widgets::CompareWindow::comparisonFinished, this, &CompareMode::comparisonFinished);
    }
    return m_window;
}

void CompareMode::present()
{
    widgets::CompareWindow* compare = window();
    if (!compare->isVisible())
        compare->resize(m_main->size());
    compare->show();
    compare->raise();
    compare->activateWindow();
    compare->fitDesigns();
}

void CompareMode::chooseFile()
{
    const QString dir = QFileInfo(m_document->filePath()).path();
    const QString path = QFileDialog::getOpenFileName(m_main, tr("Compare With"), dir,
                                                      tr("ScaleLab designs (*.scalelab)"));
    if (path.isEmpty())
        return;
    if (const QString error = compareWith(path); !error.isEmpty() && m_interactive)
        QMessageBox::warning(m_main, tr("Cannot open design B"), error);
}

QString CompareMode::compareWith(const QString& path)
{
    try {
        model::Architecture b = io::readScenario(QFileInfo(path).absoluteFilePath().toStdString());
        const QString labelB = QString::fromStdString(b.name);
        window()->setDesigns(m_document->architecture(), designName(*m_document), std::move(b),
                             labelB.isEmpty() ? QFileInfo(path).completeBaseName() : labelB, m_document->filePath(),
                             QFileInfo(path).absoluteFilePath());
        present();
        return {};
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
}

void CompareMode::duplicateAsVariant()
{
    const QString name = designName(*m_document);
    window()->setDesigns(m_document->architecture(), name, m_document->architecture(), tr("%1 (variant)").arg(name),
                         m_document->filePath(), {});
    present();
}

QString CompareMode::openCard(const QString& cardPath)
{
    const QString error = window()->openCard(cardPath);
    if (error.isEmpty())
        present();
    else if (m_interactive)
        QMessageBox::warning(m_main, tr("Cannot open trade-off card"), error);
    return error;
}

void CompareMode::showCardBrowser()
{
    widgets::TradeoffCardBrowser browser(m_main);
    connect(&browser, &widgets::TradeoffCardBrowser::cardChosen, this, [this](const QString& path) { openCard(path); });
    browser.exec();
}

} // namespace scalelab::app
