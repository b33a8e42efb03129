#include "ConceptPage.h"

#include "model/Registry.h"

#include <QObject>
#include <QStringList>

namespace scalelab::widgets {

namespace {

QString escaped(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

// "Compare: push vs pull fan-out" from "push-vs-pull-fanout".
QString cardLabel(const std::string& stem) { return QString::fromStdString(stem).replace('-', ' '); }

void section(QString& page, const QString& heading, const std::vector<std::string>& bullets)
{
    if (bullets.empty())
        return;
    page += "<h3>" + heading + "</h3><ul>";
    for (const std::string& bullet : bullets)
        page += "<li>" + escaped(bullet) + "</li>";
    page += "</ul>";
}

} // namespace

QUrl ConceptPage::link(const char* scheme, const std::string& target)
{
    QUrl url;
    url.setScheme(scheme);
    url.setPath(QString::fromStdString(target));
    return url;
}

QString ConceptPage::html(const model::Concept& entry, const model::ConceptLibrary& library)
{
    const auto anchor = [](const char* scheme, const std::string& target, const QString& text) {
        return QStringLiteral("<a href=\"%1\">%2</a>").arg(link(scheme, target).toString().toHtmlEscaped(), text);
    };
    QString page = "<h2>" + escaped(entry.title) + "</h2>";
    QStringList blocks;
    for (const std::string& kind : entry.kinds)
        if (const model::BlockSpec* spec = model::Registry::instance().find(kind))
            blocks << escaped(spec->displayName);
    page += "<p style='color:gray'>" + escaped(entry.category) +
            (blocks.isEmpty() ? QString() : QObject::tr(" · block: %1").arg(blocks.join(", "))) + "</p>";
    page += "<p>" + escaped(entry.summary) + "</p>";

    QStringList actions;
    if (!entry.lesson.empty())
        actions << anchor(kLessonScheme, entry.lesson, QObject::tr("Open the lesson"));
    if (!entry.example.empty())
        actions << anchor(kExampleScheme, entry.example, QObject::tr("Open an example"));
    for (const std::string& card : entry.seeAlsoCards)
        actions << QObject::tr("Compare: %1").arg(anchor(kCardScheme, card, cardLabel(card).toHtmlEscaped()));
    if (!actions.isEmpty())
        page += "<p>" + actions.join(" &nbsp;·&nbsp; ") + "</p>";

    section(page, QObject::tr("When to use it"), entry.whenToUse);
    section(page, QObject::tr("When not to"), entry.whenNotToUse);
    section(page, QObject::tr("Trade-offs"), entry.tradeoffs);
    section(page, QObject::tr("Numbers to remember"), entry.numbers);
    section(page, QObject::tr("In an interview, say"), entry.interview);

    QStringList related;
    for (const std::string& id : entry.related)
        if (const model::Concept* other = library.find(id))
            related << anchor(kConceptScheme, id, escaped(other->title));
    if (!related.isEmpty())
        page += "<h3>" + QObject::tr("Related") + "</h3><p>" + related.join(" &nbsp;·&nbsp; ") + "</p>";
    return page;
}

} // namespace scalelab::widgets
