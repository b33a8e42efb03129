#pragma once
// Colours and sizes of the canvas in one place, so cards, links, exports and
// thumbnails look the same and a theme change is one file.
#include <QColor>
#include <QSizeF>

#include <string>

namespace scalelab::widgets::style {

inline constexpr double kGrid = 20;                   // snap step and background dot spacing
inline constexpr QSizeF kBlockSize{200, 96};          // card size in scene units
inline constexpr double kPortRadius = 6;
inline constexpr double kPortHitRadius = 11;          // generous: ports are small targets

inline QColor canvasBackground() { return {0xf4, 0xf6, 0xf9}; }
inline QColor gridDot() { return {0xc9, 0xd0, 0xda}; }
inline QColor cardFill() { return Qt::white; }
inline QColor cardBorder() { return {0xb8, 0xc2, 0xcf}; }
inline QColor selection() { return {0x1f, 0x6f, 0xeb}; }
inline QColor textPrimary() { return {0x1d, 0x23, 0x2b}; }
inline QColor textSecondary() { return {0x5b, 0x66, 0x73}; }
inline QColor link() { return {0x5b, 0x66, 0x73}; }
inline QColor error() { return {0xd1, 0x24, 0x2f}; }
inline QColor warning() { return {0xd9, 0x8e, 0x04}; }
inline QColor accepted() { return {0x1a, 0x7f, 0x37}; }

// Palette groups get a colour each; the card's top stripe and ports use it.
QColor categoryColor(const std::string& category);

} // namespace scalelab::widgets::style
