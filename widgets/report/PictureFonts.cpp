#include "PictureFonts.h"

#include <QPaintDevice>
#include <QPaintEngine>
#include <QPainter>
#include <QPicture>

#include <algorithm>
#include <cmath>
#include <limits>

namespace scalelab::widgets {

namespace {

// Both the report's document and its printer work at 96 dpi.
constexpr int kDpi = 96;

class FontEngine : public QPaintEngine {
public:
    FontEngine() : QPaintEngine(QPaintEngine::AllFeatures) {}

    double smallest = std::numeric_limits<double>::infinity();
    QStringList texts;

    bool begin(QPaintDevice*) override { return true; }
    bool end() override { return true; }
    Type type() const override { return QPaintEngine::User; }
    void updateState(const QPaintEngineState& state) override
    {
        if (state.state() & QPaintEngine::DirtyTransform)
            m_transform = state.transform();
    }
    void drawPixmap(const QRectF&, const QPixmap&, const QRectF&) override {}
    void drawImage(const QRectF&, const QImage&, const QRectF&, Qt::ImageConversionFlags) override {}
    void drawPath(const QPainterPath&) override {}
    void drawPolygon(const QPointF*, int, PolygonDrawMode) override {}
    void drawPolygon(const QPoint*, int, PolygonDrawMode) override {}
    void drawTextItem(const QPointF&, const QTextItem& item) override
    {
        texts << item.text();
        const QFont font = item.font();
        const double points = font.pointSizeF() > 0 ? font.pointSizeF() : font.pixelSize() * 72.0 / kDpi;
        // The vertical scale: it is what makes text taller or shorter on paper.
        const double scale = std::hypot(m_transform.m12(), m_transform.m22());
        if (points > 0 && !item.text().trimmed().isEmpty())
            smallest = std::min(smallest, points * scale);
    }

private:
    QTransform m_transform;
};

class FontDevice : public QPaintDevice {
public:
    QPaintEngine* paintEngine() const override { return &m_engine; }
    FontEngine& engine() const { return m_engine; }

protected:
    int metric(PaintDeviceMetric metric) const override
    {
        switch (metric) {
        case PdmWidth:
        case PdmHeight: return 100'000;
        case PdmWidthMM:
        case PdmHeightMM: return int(100'000 * 25.4 / kDpi);
        case PdmDpiX:
        case PdmDpiY:
        case PdmPhysicalDpiX:
        case PdmPhysicalDpiY: return kDpi;
        case PdmDepth: return 32;
        case PdmNumColors: return std::numeric_limits<int>::max();
        case PdmDevicePixelRatio: return 1;
        case PdmDevicePixelRatioScaled: return int(devicePixelRatioFScale());
        default: return 0;
        }
    }

private:
    mutable FontEngine m_engine;
};

} // namespace

namespace {

const FontEngine& replay(const QPicture& picture, FontDevice& device)
{
    QPainter painter(&device);
    painter.drawPicture(0, 0, picture);
    painter.end();
    return device.engine();
}

} // namespace

double PictureFonts::smallestPointSize(const QPicture& picture)
{
    FontDevice device;
    const double smallest = replay(picture, device).smallest;
    return std::isfinite(smallest) ? smallest : 0;
}

QStringList PictureFonts::texts(const QPicture& picture)
{
    FontDevice device;
    return replay(picture, device).texts;
}

} // namespace scalelab::widgets
