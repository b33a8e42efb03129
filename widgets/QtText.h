#pragma once
// Conversions between the engine's std::string and Qt's QString, kept in one
// place so that widgets never guess at encodings: the engine speaks UTF-8.
#include <QString>
#include <string>

namespace scalelab::widgets {

inline QString toQString(const std::string& text) { return QString::fromStdString(text); }
inline std::string toStdString(const QString& text) { return text.toStdString(); }

} // namespace scalelab::widgets
