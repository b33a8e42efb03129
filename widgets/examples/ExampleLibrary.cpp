#include "ExampleLibrary.h"

#include "canvas/BlockIcons.h"
#include "io/LoadError.h"
#include "io/ScenarioFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace scalelab::widgets {

model::Architecture ExampleLibrary::load(const QString& path)
{
    BlockIcons::ensureResources();
    // io::readScenario wants a file system path; resources are read here and
    // handed to the same parser, so the rules are the engine's either way.
    QFile file(path);
    const std::string name = QFileInfo(path).fileName().toStdString();
    if (!file.open(QIODevice::ReadOnly))
        throw io::LoadError(name, {}, "cannot open: " + file.errorString().toStdString());
    if (file.size() > static_cast<qint64>(io::kMaxScenarioBytes))
        throw io::LoadError(name, {}, "file too large");
    return io::parseScenario(file.readAll().toStdString(), name);
}

namespace {
constexpr const char* kSolutionSuffix = ".solution.scalelab";
constexpr const char* kNaiveSuffix = ".naive.scalelab";
constexpr const char* kSuffix = ".scalelab";
} // namespace

bool ExampleLibrary::isSolution(const QString& path) { return path.endsWith(kSolutionSuffix); }

QString ExampleLibrary::solutionPath(const QString& path)
{
    if (isSolution(path))
        return path;
    QString base = path;
    if (base.endsWith(kNaiveSuffix))
        base.chop(qsizetype(qstrlen(kNaiveSuffix)));
    else if (base.endsWith(kSuffix))
        base.chop(qsizetype(qstrlen(kSuffix)));
    return base + kSolutionSuffix;
}

std::vector<ExampleLibrary::Example> ExampleLibrary::inFolder(const QString& folder)
{
    BlockIcons::ensureResources();
    std::vector<Example> examples;
    const QDir dir(folder);
    for (const QString& entry : dir.entryList({"*.scalelab"}, QDir::Files, QDir::Name)) {
        const QString path = dir.filePath(entry);
        try {
            examples.push_back({path, load(path)});
        } catch (const io::LoadError&) {
            // A broken design must not take the gallery down; the engine tests catch it.
        }
    }
    return examples;
}

std::vector<ExampleLibrary::Example> ExampleLibrary::all()
{
    std::vector<Example> examples = inFolder(kExamplesFolder);
    std::stable_sort(examples.begin(), examples.end(), [](const Example& a, const Example& b) {
        const bool aDefault = a.path == kDefaultExample, bDefault = b.path == kDefaultExample;
        if (aDefault != bDefault)
            return aDefault;
        return a.design.name < b.design.name;
    });
    return examples;
}

} // namespace scalelab::widgets
