#pragma once
// A service mesh (Istio with Envoy, Linkerd): a sidecar proxy beside every
// instance of a meshed service carries each request in and each call out,
// adding mutual TLS, routing and telemetry, and applying the route's
// timeout and retry policy. What it costs is latency at every crossing, so
// a call between two meshed services pays for two proxies; a chain of N
// meshed services pays for 2N - 1 crossings. The mesh's timeout and
// retries are the callee's timeout_ms and the caller's call_retries: set
// once per service rather than in every caller's code.
#include "Architecture.h"

namespace scalelab::model {

// The parameter that puts a block in the mesh: its sidecar's latency per
// crossing, there and back (0 = not meshed).
inline constexpr const char* kSidecarParam = "sidecar_ms";

// The block's sidecar latency per crossing in ms; 0 when it has none.
double sidecarMs(const Block& block);

// The one-way latency of `link` as requests see it: the network's, plus half
// of a crossing of each meshed end's sidecar (a request pays it there and
// back, so each meshed end adds one whole crossing per call).
double linkLatencyMs(const Architecture& design, const Link& link);

} // namespace scalelab::model
