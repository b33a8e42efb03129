#pragma once
// One block on the canvas: a card with the kind's icon, the block's name,
// its kind and key figures, an input port on the left and an output port on
// the right, and a badge when validation found a problem. The card paints a
// copy of the model block that the scene refreshes on document signals.
// While a simulation runs the card is also the live view (BlockLiveStats):
// tinted by utilisation, with badges for rate, p95, errors and queue.
// Zoomed out (the fit of a large design) a card shows only its name and one
// key figure, drawn large enough to read; hovering brings the full card back.
#include "BlockLiveStats.h"
#include "model/Architecture.h"
#include "model/Problem.h"

#include <QFont>
#include <QGraphicsItem>
#include <QStringList>

#include <optional>
#include <vector>

namespace scalelab::widgets {

class LinkItem;

class BlockItem : public QGraphicsItem {
public:
    enum { Type = UserType + 1 };
    enum class Highlight { None, Accept, Refuse }; // while a link is dragged over it

    // Below this view scale a card shows its low-detail face.
    static constexpr double kLowDetail = 0.9;
    // Hovering shows the full face down to this scale; below it that face's
    // text would be under 8 px on screen, and the tooltip gives the details.
    static constexpr double kHoverDetail = 0.65;
    // What the low-detail face draws at a given level of detail (view scale):
    // the whole name on one or two lines and one key figure (a name too long
    // for two lines takes three and the figure's place), in scene-unit
    // fonts sized so that they read at about 12 and 10 px on screen.
    struct LowDetailText {
        QFont nameFont;
        QStringList nameLines;
        QFont figureFont;
        QString figure;
    };

    explicit BlockItem(const model::Block& block);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

    const model::Block& block() const { return m_block; }
    QString id() const;
    void setBlock(const model::Block& block);
    void setProblems(std::vector<model::Problem> problems);
    void setHighlight(Highlight highlight);
    // Live view: the newest window of this block's run; cleared when the run stops.
    void setLiveStats(const stats::BlockSnapshot& block);
    void clearLiveStats();
    const std::optional<BlockLiveStats>& liveStats() const { return m_live; }

    LowDetailText lowDetailText(double levelOfDetail) const;
    // The figure the low-detail face shows: the live load while running, else the block's main parameter.
    QString keyFigure() const;
    // Presenter mode: every text on the card grows by this factor (default 1).
    void setTextScale(double scale);
    // What links must keep clear of, in scene coordinates: the card, its problem badge and live badges.
    QRectF obstacleRect() const;

    bool hasInputPort() const;
    bool hasOutputPort() const;
    // Port centres in scene coordinates.
    QPointF inputPortPos() const;
    QPointF outputPortPos() const;
    bool isOnOutputPort(QPointF scenePos) const;

    void addLink(LinkItem* link) { m_links.push_back(link); }
    void removeLink(LinkItem* link);

    // The tooltip: name, kind, id, figures, problems and, while the
    // simulation runs, the live figures (built when the card is hovered).
    QString toolTipText() const;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    void updateToolTip();
    void paintBadge(QPainter* painter, QRectF card) const;
    void paintFullDetail(QPainter* painter, QRectF card, QWidget* widget) const;
    void paintLowDetail(QPainter* painter, QRectF card, double levelOfDetail) const;

    model::Block m_block;
    std::vector<model::Problem> m_problems;
    std::vector<LinkItem*> m_links;
    Highlight m_highlight = Highlight::None;
    std::optional<BlockLiveStats> m_live;
    bool m_hovered = false;
    double m_textScale = 1;
    // Fitting the name is a few font measurements; a repaint at the same zoom reuses it.
    mutable std::optional<std::pair<double, LowDetailText>> m_lowDetailCache;
};

} // namespace scalelab::widgets
