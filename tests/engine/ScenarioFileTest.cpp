// The .scalelab reader and writer: round trips, defaults, and one test per
// kind of broken file, each asserting the exact "<file>: <path>: <rule>" a
// user would see.
#include "io/LoadError.h"
#include "io/ScenarioFile.h"
#include "model/Registry.h"
#include "model/Validator.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <limits>
#include <sstream>
#include <string>

using namespace scalelab;

namespace {

// The message parseScenario gives for `text`, or a marker when it loads.
std::string loadError(const std::string& text)
{
    try {
        io::parseScenario(text, "some/dir/bad.scalelab");
        return "(loaded without error)";
    } catch (const io::LoadError& error) {
        return error.what();
    }
}

// A file with the given blocks and links arrays (JSON text).
std::string doc(const std::string& blocks, const std::string& links = "[]")
{
    return R"({"format": "scalelab", "version": 1, "blocks": )" + blocks + R"(, "links": )" + links + "}";
}

// A client "web" and a service "app" with the given service params.
std::string clientAndService(const std::string& serviceParams, const std::string& links = "[]")
{
    return doc(R"([{"id": "web", "kind": "client"}, {"id": "app", "kind": "service", "params": )" + serviceParams +
                   "}]",
               links);
}

std::string readText(const QString& path)
{
    std::ifstream in(path.toStdString(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

void writeText(const QString& path, const std::string& text)
{
    std::ofstream(path.toStdString(), std::ios::binary) << text;
}

// A design using every kind, non-default values of every parameter type,
// and metadata, so a round trip exercises all of the format.
model::Architecture richDesign()
{
    model::Architecture design;
    design.name = "Shop – checkout";
    design.description = "Two lines\nof \"description\".";
    auto client = model::makeBlock("client", "web", "Browsers");
    client.params["rate_rps"] = 1234.5;
    client.params["read_ratio"] = 0.75;
    client.params["retries"] = 2;
    auto lb = model::makeBlock("load_balancer", "lb");
    lb.params["algorithm"] = 2; // least_connections
    lb.x = 260;
    lb.region = "eu-west";
    auto app = model::makeBlock("service", "app-1", "Checkout API");
    app.params["workers"] = 32;
    app.params["service_cv"] = 0.3;
    app.x = 520.25;
    app.y = -40;
    auto cache = model::makeBlock("cache", "cache");
    cache.params["hit_ratio"] = 0.95;
    auto db = model::makeBlock("database", "db_main");
    db.params["max_connections"] = 500;
    design.blocks = {client, lb, app, cache, db};
    auto first = model::makeLink("web", "lb");
    first.params["latency_ms"] = 12.5;
    design.links = {first, model::makeLink("lb", "app-1"), model::makeLink("app-1", "cache"),
                    model::makeLink("cache", "db_main")};
    design.uiJson = R"({"selection":["app-1"],"zoom":1.5})";
    return design;
}

} // namespace

#define QVERIFY_LOAD_ERROR(text, expected)                                                                        \
    do {                                                                                                          \
        const std::string got = loadError(text);                                                                  \
        const std::string want = std::string("bad.scalelab: ") + (expected);                                      \
        QVERIFY2(got == want, ("\nexpected: " + want + "\n     got: " + got).c_str());                            \
    } while (0)

#define QVERIFY_LOAD_ERROR_STARTS(text, expected)                                                                 \
    do {                                                                                                          \
        const std::string got = loadError(text);                                                                  \
        const std::string want = std::string("bad.scalelab: ") + (expected);                                      \
        QVERIFY2(got.rfind(want, 0) == 0, ("\nexpected to start with: " + want + "\n                   got: " + got) \
                                              .c_str());                                                          \
    } while (0)

class ScenarioFileTest : public QObject {
    Q_OBJECT

private slots:
    void round_trip_through_a_real_file()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("shop.scalelab");
        const model::Architecture design = richDesign();
        io::writeScenario(design, path.toStdString());
        QVERIFY(io::readScenario(path.toStdString()) == design);
        // Saving again over the file gives the same bytes and leaves no temporary files.
        const std::string first = readText(path);
        io::writeScenario(io::readScenario(path.toStdString()), path.toStdString());
        QCOMPARE(readText(path), first);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"shop.scalelab"});
    }

    void file_is_pretty_and_in_stable_order()
    {
        const std::string text = io::serializeScenario(richDesign());
        QVERIFY(text.rfind("{\n  \"format\": \"scalelab\",\n  \"version\": 1,\n  \"name\":", 0) == 0);
        auto at = [&](const std::string& what) { return text.find(what); };
        QVERIFY(at("\"description\"") < at("\"blocks\"") && at("\"blocks\"") < at("\"links\"") &&
                at("\"links\"") < at("\"ui\""));
        // Parameters in registry order, not alphabetical.
        QVERIFY(at("\"instances\"") < at("\"workers\"") && at("\"workers\"") < at("\"service_time_ms\""));
        QVERIFY(at("\"workers\": 32,") != std::string::npos); // whole numbers without ".0"
        QVERIFY(at("\"algorithm\": \"least_connections\"") != std::string::npos);
        QCOMPARE(text.back(), '\n');
    }

    void missing_params_take_registry_defaults()
    {
        const auto design = io::parseScenario(clientAndService(R"({"workers": 3})"), "x.scalelab");
        const auto& registry = model::Registry::instance();
        for (const auto& block : design.blocks) {
            const auto* spec = registry.find(block.kind);
            QCOMPARE(block.params.size() + block.texts.size(), spec->params.size());
            QCOMPARE(block.name, spec->displayName);
            for (const auto& param : spec->params)
                if (param.isText())
                    QCOMPARE(block.text(param.key), param.defaultText);
                else if (!(block.id == "app" && param.key == "workers"))
                    QCOMPARE(block.param(param.key), param.defaultValue);
        }
        QCOMPARE(design.blocks[1].param("workers"), 3.0);
        QCOMPARE(design.uiJson, std::string("{}"));
    }

    void link_params_default_too()
    {
        const auto design = io::parseScenario(clientAndService("{}", R"([{"from": "web", "to": "app"}])"), "x");
        QVERIFY(design.links.at(0) == model::makeLink("web", "app"));
    }

    void enum_params_are_read_by_name()
    {
        const auto design = io::parseScenario(
            doc(R"([{"id": "lb", "kind": "load_balancer", "params": {"algorithm": "power_of_two"}}])"), "x");
        const auto* spec = model::Registry::instance().find("load_balancer")->param("algorithm");
        QCOMPARE(spec->choiceName(design.blocks[0].param("algorithm")), std::string("power_of_two"));
    }

    void call_cycle_loads_and_is_left_to_the_validator()
    {
        const auto design = io::parseScenario(
            doc(R"([{"id": "a", "kind": "service"}, {"id": "b", "kind": "service"}])",
                R"([{"from": "a", "to": "b"}, {"from": "b", "to": "a"}])"),
            "x");
        QVERIFY(model::hasErrors(model::validate(design)));
    }

    void truncated_file_reports_line_and_column()
    {
        const std::string text = io::serializeScenario(richDesign());
        QVERIFY_LOAD_ERROR_STARTS(text.substr(0, text.size() / 2), "line ");
        QVERIFY(loadError(text.substr(0, text.size() / 2)).find(": syntax error") != std::string::npos);
        QVERIFY_LOAD_ERROR_STARTS(R"({"format": "scalelab",)", "line 1, column 23: syntax error");
    }

    void syntax_error_reports_line_and_column()
    {
        QVERIFY_LOAD_ERROR_STARTS("{\n  \"format\": \"scalelab\",\n  \"version\": 1 oops\n}",
                                  "line 3, column 16: syntax error");
    }

    void wrong_type_is_reported()
    {
        QVERIFY_LOAD_ERROR(clientAndService(R"({"workers": "8"})"), "blocks[1].params.workers: must be a number, got string");
        QVERIFY_LOAD_ERROR(doc(R"([{"id": "web", "kind": "client", "x": "left"}])"), "blocks[0].x: must be a number, got string");
        QVERIFY_LOAD_ERROR(doc(R"({"id": "web"})"), "blocks: must be an array, got object");
        QVERIFY_LOAD_ERROR(doc(R"([{"id": 7, "kind": "client"}])"), "blocks[0].id: must be a string, got number");
        QVERIFY_LOAD_ERROR_STARTS(doc(R"([{"id": "lb", "kind": "load_balancer", "params": {"algorithm": 2}}])"),
                                  "blocks[0].params.algorithm: must be one of round_robin, ");
    }

    void negative_value_is_reported()
    {
        QVERIFY_LOAD_ERROR(doc(R"([{"id": "web", "kind": "client", "params": {"rate_rps": -5}}])"),
                           "blocks[0].params.rate_rps: must be >= 0, got -5");
    }

    void workers_zero_is_out_of_range()
    {
        QVERIFY_LOAD_ERROR(clientAndService(R"({"workers": 0})"), "blocks[1].params.workers: must be >= 1, got 0");
        QVERIFY_LOAD_ERROR(doc(R"([{"id": "web", "kind": "client", "params": {"read_ratio": 1.5}}])"),
                           "blocks[0].params.read_ratio: must be <= 1, got 1.5");
    }

    void non_integer_where_integer_required()
    {
        QVERIFY_LOAD_ERROR(clientAndService(R"({"workers": 2.5})"),
                           "blocks[1].params.workers: must be a whole number, got 2.5");
    }

    void unknown_kind_suggests_closest()
    {
        QVERIFY_LOAD_ERROR(doc(R"([{"id": "web", "kind": "client"}, {"id": "app", "kind": "servce"}])"),
                           "blocks[1].kind: unknown kind \"servce\" (did you mean \"service\"?)");
        QVERIFY_LOAD_ERROR_STARTS(doc(R"([{"id": "q", "kind": "mainframe_cluster"}])"),
                                  "blocks[0].kind: unknown kind \"mainframe_cluster\"; known kinds: client, ");
    }

    void unknown_param_suggests_closest()
    {
        QVERIFY_LOAD_ERROR(doc(R"([{"id": "web", "kind": "client", "params": {"rate": 5}}])"),
                           "blocks[0].params.rate: unknown parameter (did you mean \"rate_rps\"?)");
        QVERIFY_LOAD_ERROR(clientAndService("{}", R"([{"from": "web", "to": "app", "params": {"latncy_ms": 1}}])"),
                           "links[0].params.latncy_ms: unknown parameter (did you mean \"latency_ms\"?)");
    }

    void unknown_enum_choice_suggests_closest()
    {
        QVERIFY_LOAD_ERROR_STARTS(
            doc(R"([{"id": "lb", "kind": "load_balancer", "params": {"algorithm": "least_conection"}}])"),
            "blocks[0].params.algorithm: must be one of round_robin, ");
        QVERIFY(loadError(doc(R"([{"id": "lb", "kind": "load_balancer", "params": {"algorithm": "least_conection"}}])"))
                    .find("(did you mean \"least_connections\"?)") != std::string::npos);
    }

    void unknown_keys_are_refused()
    {
        QVERIFY_LOAD_ERROR(R"({"format": "scalelab", "version": 1, "blokcs": [], "links": []})",
                           "blokcs: unknown key (did you mean \"blocks\"?)");
        QVERIFY_LOAD_ERROR(doc(R"([{"id": "web", "kind": "client", "colour": "red"}])"),
                           "blocks[0].colour: unknown key; expected id, kind, name, region, x, y, params");
    }

    void duplicate_ids_are_reported()
    {
        QVERIFY_LOAD_ERROR(doc(R"([{"id": "web", "kind": "client"}, {"id": "app", "kind": "service"},
                                   {"id": "db", "kind": "database"}, {"id": "app", "kind": "cache"}])"),
                           "blocks[3].id: \"app\" is already used by blocks[1]");
    }

    void bad_ids_are_reported()
    {
        QVERIFY_LOAD_ERROR(doc(R"([{"id": "", "kind": "client"}])"), "blocks[0].id: must not be empty");
        QVERIFY_LOAD_ERROR(doc(R"([{"id": "my app", "kind": "service"}])"),
                           "blocks[0].id: may only contain letters, digits, \"_\" and \"-\", got \"my app\"");
        QVERIFY_LOAD_ERROR(doc(R"([{"kind": "service"}])"), "blocks[0]: missing \"id\"");
    }

    void duplicate_json_key_is_reported()
    {
        QVERIFY_LOAD_ERROR(clientAndService(R"({"workers": 4, "workers": 8})"),
                           "blocks[1].params.workers: appears twice in the same object");
    }

    void link_to_missing_block_is_reported()
    {
        QVERIFY_LOAD_ERROR(clientAndService("{}", R"([{"from": "web", "to": "db2"}])"),
                           "links[0].to: no block with id \"db2\"");
        QVERIFY_LOAD_ERROR(clientAndService("{}", R"([{"from": "web", "to": "ap"}])"),
                           "links[0].to: no block with id \"ap\" (did you mean \"app\"?)");
    }

    void forbidden_link_is_refused()
    {
        QVERIFY_LOAD_ERROR(clientAndService("{}", R"([{"from": "app", "to": "web"}])"),
                           "links[0]: a Client only sends requests; nothing can call it");
    }

    void duplicate_link_is_reported()
    {
        QVERIFY_LOAD_ERROR(clientAndService("{}", R"([{"from": "web", "to": "app"}, {"from": "web", "to": "app"}])"),
                           "links[1]: duplicates links[0] (web -> app)");
    }

    void wrong_format_or_version_is_refused()
    {
        QVERIFY_LOAD_ERROR(R"({"format": "drawio", "version": 1, "blocks": [], "links": []})",
                           "format: must be \"scalelab\", got \"drawio\"");
        QVERIFY_LOAD_ERROR(R"({"version": 1, "blocks": [], "links": []})",
                           "not a ScaleLab scenario (no \"format\": \"scalelab\")");
        QVERIFY_LOAD_ERROR(R"({"format": "scalelab", "version": 2, "blocks": [], "links": []})",
                           "version: was written by a newer ScaleLab (version 2); this one reads version 1");
        QVERIFY_LOAD_ERROR(R"({"format": "scalelab", "version": 0, "blocks": [], "links": []})",
                           "version: must be 1, got 0");
        QVERIFY_LOAD_ERROR("[1, 2]", "must hold a JSON object, got array");
    }

    void hundred_megabyte_number_fails_fast()
    {
        const std::string text = R"({"format": "scalelab", "version": 1, "blocks": [{"id": "web", "kind": "client",)"
                                 R"( "params": {"rate_rps": )" +
                                 std::string(100 * 1000 * 1000, '7') + "}}], \"links\": []}";
        QElapsedTimer timer;
        timer.start();
        QVERIFY_LOAD_ERROR(text, "file is larger than the 16 MB limit");
        QVERIFY2(timer.elapsed() < 2000, "the size limit must be checked before parsing");
    }

    void number_beyond_double_is_not_infinity()
    {
        const std::string overflow = "blocks[0].params.rate_rps: number is too large (beyond about 1.8e308)";
        QVERIFY_LOAD_ERROR(doc(R"([{"id": "web", "kind": "client", "params": {"rate_rps": 1e999}}])"), overflow);
        QVERIFY_LOAD_ERROR(doc(R"([{"id": "web", "kind": "client", "params": {"rate_rps": )" +
                               std::string(1000 * 1000, '9') + "}}]"),
                           overflow);
        QVERIFY_LOAD_ERROR(doc(R"([{"id": "web", "kind": "client", "x": -1e400}])"),
                           "blocks[0].x: number is too large (beyond about 1.8e308)");
        QVERIFY_LOAD_ERROR(R"({"format": "scalelab", "version": 1, "blocks": [], "links": [], "ui": {"a": [1, 2, 1e999]}})",
                           "ui.a[2]: number is too large (beyond about 1.8e308)");
    }

    void deep_nesting_is_refused()
    {
        QVERIFY_LOAD_ERROR(std::string(100 * 1000, '['), "line 1, column 65: nesting deeper than 64 levels");
        // The limit counts every level, the top-level object included; brackets in strings do not count.
        auto withUi = [](int arrays) {
            return "{\"format\": \"scalelab\", \"version\": 1, \"blocks\": [], \"links\": [], "
                   "\"ui\": {\"a\": \"[[[[{{{{\", \"b\": " +
                   std::string(static_cast<size_t>(arrays), '[') + std::string(static_cast<size_t>(arrays), ']') + "}}";
        };
        QCOMPARE(loadError(withUi(62)), std::string("(loaded without error)"));
        QVERIFY_LOAD_ERROR_STARTS(withUi(63), "line 1, column ");
        QVERIFY(loadError(withUi(63)).find("nesting deeper than 64 levels") != std::string::npos);
    }

    void missing_file_is_reported()
    {
        QTemporaryDir dir;
        try {
            io::readScenario(dir.filePath("nope.scalelab").toStdString());
            QFAIL("a missing file loaded");
        } catch (const io::LoadError& error) {
            QCOMPARE(std::string(error.what()), std::string("nope.scalelab: cannot open file: No such file or directory"));
            QCOMPARE(error.file(), std::string("nope.scalelab"));
            QVERIFY(error.jsonPath().empty());
        }
    }

    void empty_file_is_reported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("empty.scalelab");
        writeText(path, "");
        try {
            io::readScenario(path.toStdString());
            QFAIL("an empty file loaded");
        } catch (const io::LoadError& error) {
            QCOMPARE(std::string(error.what()), std::string("empty.scalelab: file is empty"));
        }
        QVERIFY_LOAD_ERROR(" \n\t", "file is empty");
    }

    void error_parts_are_kept()
    {
        try {
            io::parseScenario(clientAndService(R"({"workers": 0})"), "/a/b/three-tier.scalelab");
            QFAIL("workers 0 loaded");
        } catch (const io::LoadError& error) {
            QCOMPARE(error.file(), std::string("three-tier.scalelab"));
            QCOMPARE(error.jsonPath(), std::string("blocks[1].params.workers"));
            QCOMPARE(error.rule(), std::string("must be >= 1, got 0"));
        }
    }

    void failed_write_creates_nothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("missing-dir/x.scalelab");
        try {
            io::writeScenario(richDesign(), path.toStdString());
            QFAIL("writing into a missing folder succeeded");
        } catch (const std::runtime_error& error) {
            const std::string message = error.what();
            QVERIFY2(message.rfind("x.scalelab: cannot save: ", 0) == 0, message.c_str());
            QVERIFY2(message.find("No such file or directory") != std::string::npos, message.c_str());
        }
        QVERIFY(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).isEmpty());
    }

    void failed_write_keeps_the_previous_file()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("keep.scalelab");
        io::writeScenario(richDesign(), path.toStdString());
        const std::string before = readText(path);
        model::Architecture broken = richDesign();
        broken.uiJson = "not json";
        QVERIFY_EXCEPTION_THROWN(io::writeScenario(broken, path.toStdString()), std::runtime_error);
        broken = richDesign();
        broken.blocks[0].params["rate_rps"] = std::numeric_limits<double>::infinity();
        QVERIFY_EXCEPTION_THROWN(io::writeScenario(broken, path.toStdString()), std::runtime_error);
        QCOMPARE(readText(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"keep.scalelab"});
    }

    void a_save_removes_what_killed_saves_left()
    {
        // What a save killed between creating its temporary file and renaming
        // it leaves behind; the next save of the same file clears it, and
        // touches nothing that merely looks similar.
        QTemporaryDir dir;
        const QString path = dir.filePath("shop.scalelab");
        const QStringList left{"shop.scalelab.tmp-00a1f3", "shop.scalelab.tmp-ffffff"};
        const QStringList unrelated{"shop.scalelab.tmp-notes", "other.scalelab.tmp-00a1f3",
                                    "shop.scalelab.tmp-00a1f3.bak", "shop.scalelab.tmp-ABCDEF"};
        for (const QString& name : left + unrelated) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("{\"format\": \"scala");
        }
        io::writeScenario(richDesign(), path.toStdString());
        QStringList expected = unrelated + QStringList{"shop.scalelab"};
        expected.sort();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files, QDir::Name), expected);
    }

    void every_example_loads_without_error()
    {
        const QDir dir(QStringLiteral(SCALELAB_SOURCE_DIR "/resources/examples"));
        const QStringList files = dir.entryList({QStringLiteral("*.scalelab")}, QDir::Files);
        QVERIFY2(!files.isEmpty(), "no examples found");
        for (const QString& file : files) {
            try {
                const model::Architecture design = io::readScenario(dir.filePath(file).toStdString());
                for (const auto& problem : model::validate(design))
                    QVERIFY2(!problem.isError(), qPrintable(file + ": " + QString::fromStdString(problem.message)));
                QVERIFY2(io::parseScenario(io::serializeScenario(design), "x") == design,
                         qPrintable(file + " does not survive a round trip"));
            } catch (const io::LoadError& error) {
                QFAIL(error.what());
            }
        }
    }
};

QTEST_APPLESS_MAIN(ScenarioFileTest)
#include "ScenarioFileTest.moc"
