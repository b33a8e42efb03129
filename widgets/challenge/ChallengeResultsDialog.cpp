#include "ChallengeResultsDialog.h"

#include "model/MetricCatalog.h"

#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QScreen>
#include <QScrollBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace scalelab::widgets {

namespace {

QString qs(const std::string& text) { return QString::fromStdString(text); }

const QColor kPass(0x1b, 0x7f, 0x3b), kFail(0xc6, 0x28, 0x28);

QLabel* wrapped(QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QStringList cells(const analysis::GoalResult& row)
{
    const QString load = row.load == model::Challenge::kStatedLoad ? QObject::tr("stated")
                         : row.hidden ? QObject::tr("%1 (hidden)").arg(qs(row.load))
                                      : qs(row.load);
    QString measured, interval;
    if (row.metric == "allowed_kinds") {
        measured = row.pass ? QObject::tr("none other") : QObject::tr("%1 other").arg(int(row.mean));
        interval = QString::fromUtf8("—");
    } else if (!std::isfinite(row.mean)) {
        measured = QObject::tr("not measured");
        interval = QString::fromUtf8("—");
    } else {
        measured = qs(model::formatMetric(row.metric, row.mean));
        interval = qs(model::formatMetric(row.metric, row.mean - row.halfWidth)) + QString::fromUtf8(" – ") +
                   qs(model::formatMetric(row.metric, row.mean + row.halfWidth));
    }
    return {qs(row.label), load, measured, interval, qs(analysis::boundText(row)),
            row.pass ? QString::fromUtf8("✔ PASS") : QString::fromUtf8("✘ FAIL")};
}

} // namespace

ChallengeResultsDialog::ChallengeResultsDialog(QWidget* parent)
    : QDialog(parent)
    , m_title(wrapped(this))
    , m_score(wrapped(this))
    , m_next(wrapped(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_hints(wrapped(this))
{
    setObjectName("challengeResults");
    setWindowTitle(tr("Challenge results"));
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.3);
    m_title->setFont(big);
    QFont bold = m_next->font();
    bold.setBold(true);
    m_next->setFont(bold);

    m_table->setHorizontalHeaderLabels(
        {tr("Goal"), tr("Load"), tr("Measured (mean)"), tr("95% interval"), tr("Target"), tr("Result")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setWordWrap(false);
    m_table->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_score);
    layout->addWidget(m_next);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_hints);
    layout->addWidget(buttons);
}

QString ChallengeResultsDialog::scoreText() const { return m_score->text(); }
QString ChallengeResultsDialog::nextText() const { return m_next->text(); }

void ChallengeResultsDialog::setResult(const QString& title, const analysis::GradeResult& result)
{
    m_title->setText(title);
    const std::vector<analysis::GoalResult> rows = analysis::failingFirst(result.rows);
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        const analysis::GoalResult& row = rows[size_t(r)];
        const QStringList text = cells(row);
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(text[c]);
            if (!row.detail.empty())
                item->setToolTip(qs(row.detail));
            if (c == ResultColumn) {
                item->setForeground(row.pass ? kPass : kFail);
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
            m_table->setItem(r, c, item);
        }
    }
    const int failed = int(rows.size()) - result.passed();
    m_score->setText(tr("<b>Score: %1%</b> (%2 of %3 goals passed%4) · Cost at the stated traffic: %5 ± %6 a month")
                         .arg(result.scorePercent(), 0, 'f', 0)
                         .arg(result.passed())
                         .arg(rows.size())
                         .arg(failed > 0 ? tr("; the %n failing one(s) are listed first", "", failed) : QString())
                         .arg(qs(model::formatMetric("cost_per_month", result.costPerMonth.mean)),
                              qs(model::formatMetric("cost_per_month", result.costPerMonth.halfWidth))));
    m_next->setText(qs(analysis::nextStep(result)));
    m_next->setStyleSheet(result.allPassed() ? "color: #1b7f3b;" : "color: #c62828;");
    QStringList hints;
    for (const auto& hint : result.hints)
        hints << tr("<b>%1</b>: %2 → <i>%3</i>: %4")
                     .arg(qs(analysis::loadPhrase(hint.load, hint.hidden)).toHtmlEscaped(),
                          qs(hint.problem).toHtmlEscaped(), qs(hint.pattern).toHtmlEscaped(),
                          qs(hint.suggestion).toHtmlEscaped());
    m_hints->setText(hints.isEmpty() ? QString() : tr("<b>Advisor:</b><br>") + hints.join("<br>"));
    m_hints->setVisible(!hints.isEmpty());
    const QScreen* screen = parentWidget() ? parentWidget()->screen() : QGuiApplication::primaryScreen();
    fitTo(screen ? screen->availableGeometry().size() : QSize(1600, 1000));
}

void ChallengeResultsDialog::fitTo(QSize available)
{
    m_table->resizeColumnsToContents();
    m_table->resizeRowsToContents();
    int width = 2 * m_table->frameWidth();
    for (int c = 0; c < ColumnCount; ++c)
        width += m_table->columnWidth(c);
    int height = 2 * m_table->frameWidth() + m_table->horizontalHeader()->height();
    for (int r = 0; r < m_table->rowCount(); ++r)
        height += m_table->rowHeight(r);
    // The table asks for all its rows; the window grows to hold them (the
    // screen permitting), so nothing hides below a scroll bar.
    m_table->horizontalHeader()->setSectionResizeMode(GoalColumn, QHeaderView::Stretch);
    const QSize room = available * 0.95;
    m_table->setMinimumSize(std::min(width, room.width() - 40), std::min(height, room.height() - 200));
    // Wrapped labels report their height for the width they get: lay out at the table's width first.
    const int dialogWidth = std::min(room.width(), width + layout()->contentsMargins().left() +
                                                       layout()->contentsMargins().right());
    resize(dialogWidth, 100);
    layout()->activate();
    resize(dialogWidth, std::min(room.height(), heightForWidth(dialogWidth) > 0 ? heightForWidth(dialogWidth)
                                                                                 : sizeHint().height()));
}

} // namespace scalelab::widgets
