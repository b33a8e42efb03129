#include "InterviewReportDialog.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QScreen>
#include <QScrollBar>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace scalelab::widgets {

namespace {
// Wide enough for the graded table's four columns on one line each.
constexpr int kPreferredWidth = 1100;
} // namespace

InterviewReportDialog::InterviewReportDialog(QWidget* parent)
    : QDialog(parent)
    , m_browser(new QTextBrowser(this))
{
    setObjectName("interviewReportWindow");
    setWindowTitle(tr("Interview report"));
    m_browser->setObjectName("interviewReportFull");
    m_browser->setOpenLinks(false);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
}

void InterviewReportDialog::setSummary(const InterviewSummary& summary)
{
    m_browser->setHtml(interviewReportHtml(summary));
    const QScreen* screen = parentWidget() ? parentWidget()->screen() : QGuiApplication::primaryScreen();
    fitTo(screen ? screen->availableGeometry().size() : QSize(1600, 1000));
}

void InterviewReportDialog::fitTo(QSize available)
{
    const QSize room = available * 0.95;
    const int chrome = layout()->contentsMargins().left() + layout()->contentsMargins().right() +
                       2 * m_browser->frameWidth() + m_browser->verticalScrollBar()->sizeHint().width();
    const int width = std::min(kPreferredWidth, room.width() - chrome);
    QTextDocument* document = m_browser->document();
    document->setTextWidth(width - 2 * document->documentMargin());
    const int textHeight = int(std::ceil(document->size().height())) + 2 * m_browser->frameWidth() + 4;
    const int buttonRow = layout()->itemAt(1)->sizeHint().height() + layout()->spacing() +
                          layout()->contentsMargins().top() + layout()->contentsMargins().bottom();
    m_browser->setMinimumHeight(std::min(textHeight, room.height() - buttonRow));
    resize(width + chrome, std::min(room.height(), textHeight + buttonRow));
}

} // namespace scalelab::widgets
