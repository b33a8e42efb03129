#include "PlotExport.h"

#include <QSaveFile>

#include <qcustomplot.h>

#include <cmath>

namespace scalelab::widgets::plotexport {

namespace {

QString csvField(const QString& text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n'))
        return text;
    return '"' + QString(text).replace('"', "\"\"") + '"';
}

} // namespace

QString csv(const QStringList& columns, const std::deque<PlotRow>& rows)
{
    QStringList header{QStringLiteral("time_s")};
    for (const QString& column : columns)
        header << csvField(column);
    QString text = header.join(',') + '\n';
    for (const PlotRow& row : rows) {
        text += QString::number(row.seconds, 'g', 12);
        for (size_t i = 0; i < static_cast<size_t>(columns.size()); ++i) {
            text += ',';
            if (i < row.values.size() && std::isfinite(row.values[i]))
                text += QString::number(row.values[i], 'g', 10);
        }
        text += '\n';
    }
    return text;
}

bool writeText(const QString& path, const QString& text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return false;
    file.write(text.toUtf8());
    return file.commit();
}

bool writePicture(QCustomPlot* plot, const QString& path, const QString& format)
{
    // A plot that was never shown has no size of its own yet.
    const int width = plot->width() >= 100 ? plot->width() : 640;
    const int height = plot->height() >= 80 ? plot->height() : 320;
    return format == "png" ? plot->savePng(path, width, height) : plot->savePdf(path, width, height);
}

} // namespace scalelab::widgets::plotexport
