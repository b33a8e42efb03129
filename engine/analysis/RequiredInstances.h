#pragma once
// How many instances a service needs, from its traffic and service time:
// the inverse questions to Queueing.h ("how many for this utilisation?",
// "how many for this mean latency?").
//
// Assumptions: traffic `lambda` (requests/s) is Poisson and split evenly
// over n identical instances, each an independent queue with
// `workersPerInstance` parallel workers (threads, connections) sharing one
// FCFS queue; an even random split of a Poisson stream is Poisson again, so
// each instance sees lambda / n. Holding and service times are in seconds.
// Invalid arguments throw std::invalid_argument.
namespace scalelab::analysis {

// Smallest n >= 1 with lambda * S / (n * workers) <= targetUtilization, in
// (0, 1]. Pure arithmetic, valid for any service distribution; a boundary hit
// within ~1e-9 relative counts as met, so rounding noise does not add an
// instance. std::out_of_range if n would not fit in an int.
int instancesForUtilization(double lambda, double holdingTimeS, int workersPerInstance, double targetUtilization);

// Smallest n in [1, maxInstances] whose per-instance M/G/c (Allen-Cunneen,
// see mgcApprox) mean response time is <= targetMeanResponseS; -1 if none
// is, which is always the case when the target is at or below the mean
// service time (queueing can only add to it). The response time falls as n
// grows (each instance gets less traffic), so a binary search needs
// O(log maxInstances) evaluations of O(workers) each.
int instancesForLatency(double lambda, double meanService, double serviceCv, int workersPerInstance,
                        double targetMeanResponseS, int maxInstances = 1'000'000);

} // namespace scalelab::analysis
