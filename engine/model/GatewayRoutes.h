#pragma once
// An API gateway's Layer 7 routes, written as a list: "GET /feed -> feed: 70,
// POST /posts -> posts: 20, /auth -> auth: 10". Each route names the block
// (one the gateway links to) that serves it and its share of the requests;
// shares are relative (they need not add up to 100). The method is the
// route's label: a request keeps the read or write type its client gave it.
#include <string>
#include <vector>

namespace scalelab::model {

struct GatewayRoute {
    std::string method; // GET, POST... or empty: any method
    std::string path;   // starts with '/'
    std::string target; // id of the block that serves it
    double share = 0;   // relative weight, > 0
};

// Parsed routes; on a malformed text, empty with `error` set. Empty text
// is no routes (the gateway then spreads requests over its links by weight).
std::vector<GatewayRoute> parseGatewayRoutes(const std::string& text, std::string& error);
// The registry's rule for the routes text: "" when it parses.
std::string gatewayRoutesRule(const std::string& text);
// "GET /feed" or "/auth".
std::string routeName(const GatewayRoute& route);

} // namespace scalelab::model
