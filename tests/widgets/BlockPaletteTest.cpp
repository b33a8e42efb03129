// The palette lists every registry kind, each with its compiled-in icon,
// and, docked beside a wide dock that squeezes it to its minimum, still
// shows every name in full.
#include "canvas/BlockIcons.h"
#include "model/Registry.h"
#include "palette/BlockPalette.h"

#include <QDockWidget>
#include <QMainWindow>
#include <QSvgRenderer>
#include <QTreeWidgetItemIterator>
#include <QtTest>

using scalelab::widgets::BlockIcons;
using scalelab::widgets::BlockPalette;

class BlockPaletteTest : public QObject {
    Q_OBJECT

private slots:
    void lists_every_registry_kind()
    {
        BlockPalette palette;
        for (const auto& spec : scalelab::model::Registry::instance().blocks())
            QVERIFY2(palette.itemForKind(spec.kind), spec.kind.c_str());
    }

    void every_registry_kind_is_drawn_with_its_icon()
    {
        // The icon must be compiled in (resources.qrc), not only on disk.
        for (const auto& spec : scalelab::model::Registry::instance().blocks()) {
            const QSvgRenderer* renderer = BlockIcons::renderer(spec.icon);
            QVERIFY2(renderer && renderer->isValid(),
                     qPrintable(QString("%1: no valid icon at %2").arg(spec.kind.c_str(), BlockIcons::path(spec.icon))));
        }
    }

    void a_squeezed_palette_still_shows_every_name()
    {
        QMainWindow window;
        window.setCentralWidget(new QWidget);
        auto* palette = new BlockPalette;
        auto* left = new QDockWidget("Blocks");
        left->setWidget(palette);
        window.addDockWidget(Qt::LeftDockWidgetArea, left);
        auto* wide = new QDockWidget("Wide");
        auto* filler = new QWidget;
        filler->setMinimumWidth(500);
        wide->setWidget(filler);
        window.addDockWidget(Qt::RightDockWidgetArea, wide);
        window.resize(800, 600);
        window.resizeDocks({left}, {10}, Qt::Horizontal); // as far as the dock lets it
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const int viewport = palette->viewport()->width();
        for (QTreeWidgetItemIterator it(palette); *it; ++it) {
            const QTreeWidgetItem* item = *it;
            const int text = QFontMetrics(item->font(0)).horizontalAdvance(item->text(0));
            const int icon = item->icon(0).isNull() ? 0 : palette->iconSize().width();
            const int needed = palette->visualItemRect(item).left() + icon + text;
            QVERIFY2(needed <= viewport, qPrintable(QString("%1 needs %2 px, the palette shows %3")
                                                        .arg(item->text(0))
                                                        .arg(needed)
                                                        .arg(viewport)));
        }
    }
};

QTEST_MAIN(BlockPaletteTest)
#include "BlockPaletteTest.moc"
