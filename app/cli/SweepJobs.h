#pragma once
// A capacity sweep as independent jobs, for engines that already spread work
// over cores and machines (GNU parallel, a Slurm job array, a Kubernetes
// Indexed Job) instead of a scheduler of our own:
//
//   scalelab sweep FILE --plan jobs.jsonl      one job per load point
//   scalelab run-job LINE | - | --plan jobs.jsonl --index N
//                                              runs one, prints one result line
//   scalelab merge results... [--json]         the sweep's table or JSON
//
// A job line is self-contained (the design itself, overrides applied, the
// load factor, seed, warm-up, duration, replications), so a worker needs no
// file but the binary. A point's runs depend only on what the line holds,
// and JSON numbers round-trip exactly, so the merged sweep prints what the
// same sweep run in one process prints.
#include "SweepOutput.h"
#include "model/Architecture.h"

#include <QStringList>

#include <string>

namespace scalelab::cli {

// Writes `out` (atomically enough: a temporary file renamed over it); the exit status.
int writeSweepPlan(const std::string& out, const std::string& file, const model::Architecture& design,
                   const SweepSettings& settings);
int runJobCommand(const QStringList& arguments);
int mergeCommand(const QStringList& arguments);

} // namespace scalelab::cli
