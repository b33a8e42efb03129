#include "GatewayRoutes.h"

#include "MessageText.h"
#include "Trimmed.h"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <sstream>

namespace scalelab::model {

namespace {

constexpr std::array kMethods = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"};

} // namespace

std::vector<GatewayRoute> parseGatewayRoutes(const std::string& text, std::string& error)
{
    std::vector<GatewayRoute> routes;
    std::istringstream entries(text);
    std::string entry;
    const std::string form = " is not [METHOD] /PATH -> BLOCK: SHARE, e.g. GET /feed -> feed: 70";
    while (std::getline(entries, entry, ',')) {
        entry = trimmed(entry);
        if (entry.empty())
            continue;
        const size_t arrow = entry.find("->"), colon = entry.rfind(':');
        if (arrow == std::string::npos || colon == std::string::npos || colon < arrow) {
            error = "route " + inQuotes(entry) + form;
            return {};
        }
        GatewayRoute route;
        const std::string name = trimmed(entry.substr(0, arrow));
        const size_t space = name.find(' ');
        route.method = space == std::string::npos ? "" : name.substr(0, space);
        route.path = trimmed(space == std::string::npos ? name : name.substr(space + 1));
        route.target = trimmed(entry.substr(arrow + 2, colon - arrow - 2));
        std::string share = trimmed(entry.substr(colon + 1));
        if (!share.empty() && share.back() == '%')
            share.pop_back();
        char* end = nullptr;
        route.share = std::strtod(share.c_str(), &end);
        if (!route.method.empty() &&
            std::find(kMethods.begin(), kMethods.end(), route.method) == kMethods.end()) {
            error = "route " + inQuotes(entry) + ": the method must be one of GET, HEAD, POST, PUT, PATCH, DELETE";
            return {};
        }
        if (route.path.empty() || route.path.front() != '/' || route.path.find(' ') != std::string::npos ||
            route.target.empty() || share.empty() || *end != '\0' || !(route.share > 0 && route.share <= 1e6)) {
            error = "route " + inQuotes(entry) + form + " (a path from /, a block id, a share above 0)";
            return {};
        }
        routes.push_back(route);
    }
    error.clear();
    return routes;
}

std::string gatewayRoutesRule(const std::string& text)
{
    std::string error;
    parseGatewayRoutes(text, error);
    return error;
}

std::string routeName(const GatewayRoute& route)
{
    return route.method.empty() ? route.path : route.method + " " + route.path;
}

} // namespace scalelab::model
