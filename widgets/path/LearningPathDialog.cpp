#include "LearningPathDialog.h"

#include "PathFiles.h"
#include "PathProgress.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace scalelab::widgets {

namespace {

constexpr int kStepIdRole = Qt::UserRole;

QString text(const std::string& value) { return QString::fromStdString(value); }

QString kindLabel(model::PathStep::Kind kind)
{
    switch (kind) {
    case model::PathStep::Kind::Lesson: return QObject::tr("Lesson");
    case model::PathStep::Kind::Tradeoff: return QObject::tr("Trade-off");
    case model::PathStep::Kind::Challenge: return QObject::tr("Challenge");
    case model::PathStep::Kind::Interview: return QObject::tr("Interview");
    }
    return {};
}

} // namespace

LearningPathDialog::LearningPathDialog(model::LearningPath path, PathProgress* progress, QWidget* parent)
    : QDialog(parent)
    , m_path(std::move(path))
    , m_progress(progress)
{
    setObjectName("LearningPathDialog");
    setWindowTitle(tr("Learning path"));
    auto* layout = new QVBoxLayout(this);

    auto* nextBox = new QHBoxLayout;
    auto* nextText = new QVBoxLayout;
    m_next = new QLabel;
    m_next->setTextFormat(Qt::RichText);
    m_next->setWordWrap(true);
    m_nextWhy = new QLabel;
    m_nextWhy->setWordWrap(true);
    nextText->addWidget(m_next);
    nextText->addWidget(m_nextWhy);
    nextBox->addLayout(nextText, 1);
    m_openNext = new QPushButton(tr("Open"));
    m_openNext->setDefault(true);
    connect(m_openNext, &QPushButton::clicked, this, &LearningPathDialog::openNext);
    nextBox->addWidget(m_openNext, 0, Qt::AlignTop);
    layout->addLayout(nextBox);

    m_tree = new QTreeWidget;
    m_tree->setHeaderLabels({tr("Step"), tr("Kind"), tr("State")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::Interactive);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->resizeSection(2, 260);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        if (const QString id = item->data(0, kStepIdRole).toString(); !id.isEmpty())
            openStep(id);
    });
    layout->addWidget(m_tree, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton* reset = buttons->addButton(tr("Reset progress…"), QDialogButtonBox::ResetRole);
    reset->setObjectName("resetProgress");
    connect(reset, &QPushButton::clicked, this, &LearningPathDialog::askReset);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    for (const model::PathTier& tier : m_path.tiers) {
        auto* tierItem = new QTreeWidgetItem(m_tree);
        QFont bold = tierItem->font(0);
        bold.setBold(true);
        tierItem->setFont(0, bold);
        for (const model::PathStep& step : tier.steps) {
            auto* item = new QTreeWidgetItem(tierItem, {text(step.title), kindLabel(step.kind), {}});
            item->setData(0, kStepIdRole, text(step.id));
            item->setToolTip(0, text(step.why));
        }
    }
    connect(m_progress, &PathProgress::changed, this, &LearningPathDialog::refresh);
    refresh();
    resize(760, 620);
}

QTreeWidgetItem* LearningPathDialog::itemFor(const QString& stepId) const
{
    for (int t = 0; t < m_tree->topLevelItemCount(); ++t)
        for (int s = 0; s < m_tree->topLevelItem(t)->childCount(); ++s)
            if (QTreeWidgetItem* item = m_tree->topLevelItem(t)->child(s); item->data(0, kStepIdRole).toString() == stepId)
                return item;
    return nullptr;
}

QString LearningPathDialog::tierLine(int tier) const
{
    QTreeWidgetItem* item = m_tree->topLevelItem(tier);
    return item ? item->text(0) : QString();
}

void LearningPathDialog::refresh()
{
    const std::set<std::string>& done = m_progress->done();
    const model::PathStep* next = m_path.next(done);
    const QColor doneColour(0x2e, 0x7d, 0x32), lockedColour(0x80, 0x80, 0x80);
    for (int t = 0; t < m_tree->topLevelItemCount() && t < int(m_path.tiers.size()); ++t) {
        const model::PathTier& tier = m_path.tiers[size_t(t)];
        QTreeWidgetItem* tierItem = m_tree->topLevelItem(t);
        const int finished = int(std::lround(m_path.tierProgress(tier, done) * double(tier.steps.size())));
        tierItem->setText(0, tr("%1 — %2 of %3 done (%4%)")
                                 .arg(text(tier.title))
                                 .arg(finished)
                                 .arg(tier.steps.size())
                                 .arg(qRound(100 * m_path.tierProgress(tier, done))));
        for (int s = 0; s < tierItem->childCount(); ++s) {
            const model::PathStep& step = tier.steps[size_t(s)];
            QTreeWidgetItem* item = tierItem->child(s);
            QString state;
            QColor colour = palette().color(QPalette::Text);
            switch (m_path.state(step, done)) {
            case model::LearningPath::State::Done:
                state = tr("Done");
                colour = doneColour;
                break;
            case model::LearningPath::State::Available:
                state = next == &step ? tr("Next") : tr("Available");
                break;
            case model::LearningPath::State::Locked: {
                QStringList waiting;
                for (const std::string& required : step.prerequisites)
                    if (!done.count(required))
                        if (const model::PathStep* other = m_path.find(required))
                            waiting << text(other->title);
                state = tr("Locked: after %1").arg(waiting.join(", "));
                colour = lockedColour;
                break;
            }
            }
            item->setText(2, state);
            item->setToolTip(2, state);
            for (int column = 0; column < 3; ++column)
                item->setForeground(column, colour);
            QFont font = item->font(0);
            font.setBold(next == &step);
            item->setFont(0, font);
        }
    }
    if (next) {
        m_next->setText(tr("<b>Next:</b> %1 <span style='color:gray'>(%2)</span>")
                            .arg(text(next->title).toHtmlEscaped(), kindLabel(next->kind).toLower()));
        m_nextWhy->setText(text(next->why));
    } else {
        m_next->setText(tr("<b>Every step is done.</b>"));
        m_nextWhy->setText(tr("Reset the progress to walk the path again, or open any step from the list."));
    }
    m_openNext->setEnabled(next != nullptr);
    // The tier the learner is in stays open; the others show their share done.
    if (QTreeWidgetItem* item = next ? itemFor(text(next->id)) : nullptr) {
        item->parent()->setExpanded(true);
        m_tree->scrollToItem(item);
    }
}

bool LearningPathDialog::openStep(const QString& stepId)
{
    const model::PathStep* step = m_path.find(stepId.toStdString());
    if (!step)
        return false;
    const QString path = PathFiles::resourcePath(*step);
    switch (step->kind) {
    case model::PathStep::Kind::Lesson:
    case model::PathStep::Kind::Challenge:
        emit openDesignRequested(path);
        break;
    case model::PathStep::Kind::Interview:
        emit openInterviewRequested(path);
        break;
    case model::PathStep::Kind::Tradeoff:
        emit openTradeoffRequested(path);
        break;
    }
    return true;
}

void LearningPathDialog::openNext()
{
    if (const model::PathStep* next = m_path.next(m_progress->done()))
        openStep(text(next->id));
}

void LearningPathDialog::askReset()
{
    if (QMessageBox::question(this, tr("Reset progress"),
                              tr("Forget which learning-path steps are done? Lessons and challenges keep their own "
                                 "progress."))
        == QMessageBox::Yes)
        m_progress->reset();
}

} // namespace scalelab::widgets
