#include "GalleryModel.h"

#include "QtText.h"
#include "challenge/ChallengeProgress.h"
#include "model/LibraryTopics.h"

#include <algorithm>
#include <map>

namespace scalelab::widgets {

namespace {

// Case-insensitive, with runs of digits compared as numbers: "level 9" before
// "level 10" (QCollator's numeric mode needs ICU, which not every Qt build has).
int naturalCompare(const QString& a, const QString& b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype ei = i, ej = j;
            while (ei < a.size() && a[ei].isDigit())
                ++ei;
            while (ej < b.size() && b[ej].isDigit())
                ++ej;
            const qulonglong na = a.mid(i, ei - i).toULongLong(), nb = b.mid(j, ej - j).toULongLong();
            if (na != nb)
                return na < nb ? -1 : 1;
            i = ei;
            j = ej;
            continue;
        }
        const QChar ca = a[i].toCaseFolded(), cb = b[j].toCaseFolded();
        if (ca != cb)
            return ca < cb ? -1 : 1;
        ++i;
        ++j;
    }
    return (a.size() - i) < (b.size() - j) ? -1 : (a.size() - i) > (b.size() - j) ? 1 : 0;
}

QString topicOf(const model::Architecture& design)
{
    return design.library.topic.empty() ? GalleryModel::otherTopic() : toQString(design.library.topic);
}

} // namespace

QString GalleryModel::otherTopic() { return tr("Other"); }
QString GalleryModel::solutionsTopic() { return tr("Reference solutions"); }

GalleryModel::GalleryModel(std::vector<ExampleLibrary::Example> designs, QObject* parent)
    : GalleryModel(std::move(designs), &ChallengeProgress::passed, parent)
{
}

GalleryModel::GalleryModel(std::vector<ExampleLibrary::Example> designs, PassedCheck passed, QObject* parent)
    : QStandardItemModel(parent)
    , m_designs(std::move(designs))
    , m_passed(std::move(passed))
{
    populate();
}

bool GalleryModel::solutionListed(const ExampleLibrary::Example& example) const
{
    return m_revealed.contains(example.path) || (example.design.challenge && m_passed && m_passed(*example.design.challenge));
}

bool GalleryModel::isListed(const QString& path) const
{
    const auto found = std::find_if(m_designs.begin(), m_designs.end(),
                                    [&](const ExampleLibrary::Example& e) { return e.path == path; });
    return found != m_designs.end() && (!ExampleLibrary::isSolution(path) || solutionListed(*found));
}

const ExampleLibrary::Example* GalleryModel::hiddenSolutionOf(const QModelIndex& index) const
{
    const ExampleLibrary::Example* shown = example(index);
    if (!shown || ExampleLibrary::isSolution(shown->path))
        return nullptr;
    const QString path = ExampleLibrary::solutionPath(shown->path);
    for (const auto& candidate : m_designs)
        if (candidate.path == path)
            return solutionListed(candidate) ? nullptr : &candidate;
    return nullptr;
}

QModelIndex GalleryModel::revealSolution(const QString& path)
{
    if (!ExampleLibrary::isSolution(path))
        return {};
    m_revealed.insert(path);
    populate();
    for (int topic = 0; topic < rowCount(); ++topic)
        for (int row = 0; row < rowCount(index(topic, 0)); ++row)
            if (const QModelIndex found = index(row, 0, index(topic, 0)); found.data(PathRole).toString() == path)
                return found;
    return {};
}

void GalleryModel::populate()
{
    clear();
    std::map<QString, std::vector<int>> byTopic;
    for (int i = 0; i < static_cast<int>(m_designs.size()); ++i) {
        const ExampleLibrary::Example& entry = m_designs[static_cast<size_t>(i)];
        if (!ExampleLibrary::isSolution(entry.path))
            byTopic[topicOf(entry.design)].push_back(i);
        else if (solutionListed(entry))
            byTopic[solutionsTopic()].push_back(i);
    }

    std::vector<QString> topics;
    for (const auto& [topic, members] : byTopic)
        topics.push_back(topic);
    const auto rank = [](const QString& topic) {
        return topic == solutionsTopic() ? model::libraryTopics().size() + 2
               : topic == otherTopic()   ? model::libraryTopics().size() + 1
                                         : model::topicRank(toStdString(topic));
    };
    std::sort(topics.begin(), topics.end(), [&](const QString& a, const QString& b) {
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return naturalCompare(a, b) < 0;
    });

    for (const QString& topic : topics) {
        auto* topicItem = new QStandardItem(topic);
        topicItem->setData(-1, DesignIndexRole);
        topicItem->setFlags(Qt::ItemIsEnabled);
        std::vector<int> members = byTopic[topic];
        std::stable_sort(members.begin(), members.end(), [&](int a, int b) {
            const model::Architecture& da = m_designs[static_cast<size_t>(a)].design;
            const model::Architecture& db = m_designs[static_cast<size_t>(b)].design;
            if (da.library.order != db.library.order)
                return da.library.order < db.library.order;
            return naturalCompare(toQString(da.name), toQString(db.name)) < 0;
        });
        for (int index : members) {
            const ExampleLibrary::Example& entry = m_designs[static_cast<size_t>(index)];
            const model::Architecture& design = entry.design;
            auto* item = new QStandardItem(toQString(design.name));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            item->setData(entry.path, PathRole);
            item->setData(index, DesignIndexRole);
            item->setData(toQString(design.description), DescriptionRole);
            item->setData(toQString(design.library.whatToTry), WhatToTryRole);
            item->setData(QStringList{toQString(design.name), topic, toQString(design.description),
                                      toQString(design.library.whatToTry)}
                              .join('\n'),
                          SearchTextRole);
            item->setToolTip(toQString(design.description));
            topicItem->appendRow(item);
        }
        appendRow(topicItem);
    }
}

const ExampleLibrary::Example* GalleryModel::example(const QModelIndex& index) const
{
    const int i = index.data(DesignIndexRole).isValid() ? index.data(DesignIndexRole).toInt() : -1;
    return i >= 0 && i < designCount() ? &m_designs[static_cast<size_t>(i)] : nullptr;
}

} // namespace scalelab::widgets
