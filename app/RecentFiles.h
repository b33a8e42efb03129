#pragma once
// The File > Recent files menu, kept in QSettings ("recentFiles") so that
// every window and every session shares one list, most recent first.
#include <QObject>
#include <QStringList>

class QMenu;

namespace scalelab::app {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxFiles = 10;

    RecentFiles(QMenu* menu, QObject* parent = nullptr);

    QStringList files() const;
    void add(const QString& path);
    void remove(const QString& path);

signals:
    void fileChosen(const QString& path);

private:
    void store(const QStringList& files);
    void rebuildMenu();

    QMenu* m_menu;
};

} // namespace scalelab::app
