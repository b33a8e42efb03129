#pragma once
// Trade-off cards as the app reads them: from the Qt resources
// (":/tradeoffs/NAME.tradeoff", bundled) or from disk, the card's two
// designs found relative to the card either way. The engine's reader
// (io::parseTradeoffCard) does the parsing and the errors; this only reads
// text through QFile, which knows both kinds of path.
#include "io/TradeoffReader.h"

#include <QString>
#include <QStringList>

namespace scalelab::widgets {

class TradeoffCardFile {
public:
    static constexpr const char* kBundledFolder = ":/tradeoffs";

    // Every bundled card's path, sorted by file name.
    static QStringList bundled();
    // The card and both designs, checked (every claim's figure exists).
    // Throws io::LoadError (or std::runtime_error when a file cannot be read).
    static io::TradeoffPair load(const QString& cardPath);
    // The card alone (the browser lists cards without loading their designs).
    static model::TradeoffCard readCard(const QString& cardPath);
    // "fanout-push-pull" for ".../fanout-push-pull.tradeoff": the name progress tracking uses.
    static QString cardName(const QString& cardPath);
};

} // namespace scalelab::widgets
