#include "PlotButtons.h"

#include "PlotTimeSpan.h"

#include <QActionGroup>
#include <QHBoxLayout>
#include <QMenu>
#include <QToolButton>

namespace scalelab::widgets {

PlotButtons::PlotButtons(const QFont& font, int height, QWidget* parent)
    : QWidget(parent)
    , m_saveMenu(new QMenu(this))
{
    m_saveMenu->addAction(tr("Save as PNG…"), this, [this] { emit saveRequested("png", tr("PNG image (*.png)")); });
    m_saveMenu->addAction(tr("Save as PDF…"), this,
                          [this] { emit saveRequested("pdf", tr("PDF document (*.pdf)")); });
    m_saveMenu->addAction(tr("Save as CSV…"), this,
                          [this] { emit saveRequested("csv", tr("Comma-separated values (*.csv)")); });

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 1, 6, 0);
    row->setSpacing(2);
    m_followButton = new QToolButton(this);
    m_followButton->setText(tr("Follow"));
    m_followButton->setToolTip(tr("Follow the newest data again (or double-click the plot)"));
    m_followButton->setAutoRaise(true);
    m_followButton->setVisible(false);
    connect(m_followButton, &QToolButton::clicked, this, &PlotButtons::followRequested);
    auto* saveButton = new QToolButton(this);
    saveButton->setText(tr("Save"));
    saveButton->setToolTip(tr("Save this plot as PNG, PDF or CSV"));
    saveButton->setAutoRaise(true);
    saveButton->setPopupMode(QToolButton::InstantPopup);
    saveButton->setMenu(m_saveMenu);
    m_spanButton = new QToolButton(this);
    m_spanButton->setToolTip(tr("What span of the run the plots show while they follow it"));
    m_spanButton->setAutoRaise(true);
    m_spanButton->setPopupMode(QToolButton::InstantPopup);
    auto* spanMenu = new QMenu(m_spanButton);
    m_spanActions = new QActionGroup(spanMenu);
    for (double seconds : PlotTimeSpan::choices()) {
        QAction* action = spanMenu->addAction(PlotTimeSpan::label(seconds));
        action->setCheckable(true);
        action->setData(seconds);
        m_spanActions->addAction(action);
        connect(action, &QAction::triggered, this, [this, seconds] {
            PlotTimeSpan::instance()->setFollowSeconds(seconds); // every plot
            emit followRequested(); // this one too when the span was already chosen
        });
    }
    m_spanButton->setMenu(spanMenu);
    for (QToolButton* button : {m_followButton, m_spanButton, saveButton}) {
        button->setFixedHeight(height - 2);
        button->setFont(font);
    }
    row->addWidget(m_followButton);
    row->addWidget(m_spanButton);
    row->addWidget(saveButton);
}

void PlotButtons::setFollowing(bool following)
{
    m_following = following;
    m_followButton->setVisible(!following);
}

void PlotButtons::showSpan(double followSeconds)
{
    m_spanButton->setText(PlotTimeSpan::label(followSeconds));
    for (QAction* action : m_spanActions->actions())
        action->setChecked(action->data().toDouble() == followSeconds);
}

void PlotButtons::offerInContextMenu(QWidget* plot)
{
    plot->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(plot, &QWidget::customContextMenuRequested, this, [this, plot](const QPoint& pos) {
        QMenu menu(parentWidget()); // the plot's widget, as its buttons' menus
        QAction* follow = menu.addAction(tr("Follow newest data"));
        follow->setCheckable(true);
        follow->setChecked(m_following);
        connect(follow, &QAction::toggled, this, &PlotButtons::followingToggled);
        menu.addSeparator()->setText(tr("Show"));
        menu.addActions(m_spanActions->actions());
        menu.addSeparator();
        menu.addActions(m_saveMenu->actions());
        menu.exec(plot->mapToGlobal(pos));
    });
}

} // namespace scalelab::widgets
