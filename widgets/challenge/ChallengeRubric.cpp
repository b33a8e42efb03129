#include "ChallengeRubric.h"

#include "document/DesignDocument.h"
#include "interview/RubricHtml.h"
#include "interview/RubricRunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace scalelab::widgets {

ChallengeRubric::ChallengeRubric(DesignDocument* document, QWidget* parent)
    : QWidget(parent)
    , m_document(document)
    , m_runner(new RubricRunner(this))
    , m_button(new QPushButton(tr("Rubric"), this))
    , m_status(new QLabel(this))
    , m_view(new QTextBrowser(this))
{
    m_button->setObjectName("challengeRubric");
    m_button->setToolTip(tr("Score the design on scalability, availability, latency, cost and trade-offs, 20 points "
                            "each, every point measured by simulation"));
    m_status->setWordWrap(true);
    m_view->setObjectName("challengeRubricView");
    m_view->setOpenLinks(false);
    m_view->setMinimumHeight(260);
    m_view->hide();
    auto* row = new QHBoxLayout;
    row->addWidget(m_button);
    row->addWidget(m_status, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_view, 1);
    connect(m_button, &QPushButton::clicked, this, &ChallengeRubric::grade);
    connect(m_runner, &RubricRunner::progress, this, [this](int done, int total) {
        m_status->setText(tr("Grading: %1 of %2 runs…").arg(done).arg(total));
    });
    connect(m_runner, &RubricRunner::finished, this, &ChallengeRubric::showResult);
    connect(m_document, &DesignDocument::designReset, this, [this] {
        m_view->clear();
        m_view->hide();
        m_status->clear();
    });
}

void ChallengeRubric::grade()
{
    if (m_runner->running() || !m_document->architecture().challenge)
        return;
    m_button->setEnabled(false);
    m_status->setText(tr("Grading the rubric…"));
    m_runner->start(m_document->architecture());
}

void ChallengeRubric::showResult()
{
    m_button->setEnabled(true);
    if (!m_runner->result()) {
        m_status->setText(tr("Cannot grade the rubric: %1").arg(m_runner->error()));
        return;
    }
    m_status->clear();
    m_view->setHtml(rubricHtml(*m_runner->result(), false));
    m_view->show();
}

} // namespace scalelab::widgets
