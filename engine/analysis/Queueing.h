#pragma once
// Closed-form queueing results: the "solver" side that the simulator is
// checked against (and the reverse). Every function here is O(1) except the
// Erlang recursions, which are O(c), and M/M/c/K, which is O(K).
//
// Assumptions shared by all models (Kendall notation A/S/c/K):
//  - Poisson arrivals at rate `lambda` (1/s), i.e. exponential inter-arrival
//    times with coefficient of variation 1, from an infinite population.
//  - FCFS, identical servers, no abandonment or retries; a blocked arrival
//    (M/M/c/K) is lost, not retried.
//  - Steady state: results are long-run averages. Without a capacity limit
//    they exist only when lambda < c * mu; otherwise `stable` is false, the
//    waits and queue lengths are +infinity, utilisation is 1 and throughput
//    is capped at c * mu (what the servers can complete).
// Units: rates in 1/s, times in seconds. Invalid arguments (negative rates,
// c < 1, K < c, non-finite numbers) throw std::invalid_argument.
namespace scalelab::analysis {

struct QueueMetrics {
    double utilization;          // carried load per server, in [0, 1]
    double probabilityOfWaiting; // P(an admitted arrival has to queue)
    double blockingProbability;  // P(an arrival is turned away); 0 without a capacity limit
    double meanWait;             // Wq, s: time in queue before service
    double meanResponse;         // W, s: queue + service
    double meanInQueue;          // Lq
    double meanInSystem;         // L
    double throughput;           // completions per second = arrival rate after blocking
    bool stable;
};

// M/M/1. Exponential service at rate mu.
QueueMetrics mm1(double lambda, double mu);

// M/M/c. Exact; Erlang C from the Erlang B recursion, so c up to ~1e5 costs
// a few hundred microseconds and never overflows.
QueueMetrics mmc(double lambda, double mu, int c);

// Erlang B: the probability that an arrival finds all c servers busy in a
// loss system (M/M/c/c; also M/G/c/c, as it is insensitive to the service
// distribution). Offered load a = lambda / mu in erlangs; c >= 0.
// Recursion B(0) = 1, B(k) = a B(k-1) / (k + a B(k-1)): every step stays in
// [0, 1], so it is stable for any a and c.
double erlangB(double offeredLoad, int c);

// Erlang C: the probability that an arrival has to wait in M/M/c.
// C = B / (1 - rho (1 - B)) with rho = a / c; 1 when rho >= 1.
double erlangC(double offeredLoad, int c);

// M/M/c/K: at most K requests in the system (K >= c, those in service
// included); arrivals finding K present are lost. Always stable, even for
// lambda >= c mu. State probabilities are built by a normalised recursion
// from the most likely state outwards, so every term is <= 1 and K up to
// ~1e6 neither overflows nor underflows the sum. Means are per admitted
// request (Little's law with the effective rate lambda (1 - p_K)).
QueueMetrics mmck(double lambda, double mu, int c, int K);

// M/G/1 by Pollaczek-Khinchine: Wq = rho * E[S] * (1 + cv^2) / (2 (1 - rho)),
// with cv the service time's coefficient of variation (stddev / mean).
// Exact for any service distribution with finite variance. cv = 0 is M/D/1,
// cv = 1 is M/M/1.
QueueMetrics mg1(double lambda, double meanService, double serviceCv);

// M/G/c by the Allen-Cunneen approximation with Poisson arrivals:
// Wq ~= Wq(M/M/c) * (1 + cv^2) / 2. Exact for c = 1 (it reduces to
// Pollaczek-Khinchine) and for cv = 1. For c > 1 it is a heuristic: good at
// moderate to heavy load, rougher at light load or with very high cv, so
// check figures that matter against the simulator.
// probabilityOfWaiting reports the M/M/c value (Erlang C) as an estimate.
QueueMetrics mgcApprox(double lambda, double meanService, double serviceCv, int c);

// G/G/c by Allen-Cunneen: Wq ~= Wq(M/M/c) * (ca^2 + cs^2) / 2, with ca the
// inter-arrival times' coefficient of variation (1 for Poisson, where it is
// mgcApprox; 1/sqrt(N) for every N-th request of a Poisson stream, as round
// robin gives each of N instances). Arrivals more regular than Poisson
// (ca < 1) wait less than that heavy-traffic form says at moderate load:
// Kraemer and Langenbach-Belz's factor
// exp(-2 (1 - rho) (1 - ca^2)^2 / (3 rho (ca^2 + cs^2))) corrects it (Bolch
// et al., Queueing Networks and Markov Chains, GI/G/m).
QueueMetrics ggcApprox(double lambda, double meanService, double arrivalCv, double serviceCv, int c);

// Response-time quantiles. q in [0, 1]; q = 1 (and any q for an unstable
// queue) gives +infinity.

// M/M/1: the response time is exponential with rate mu - lambda.
double mm1ResponseQuantile(double lambda, double mu, double q);

// M/M/c waiting time: P(Wq > t) = C exp(-(c mu - lambda) t), so the quantile
// is 0 when q <= 1 - C (that share of requests never waits).
double mmcWaitQuantile(double lambda, double mu, int c, double q);

// M/M/c response time T = Wq + S, with S ~ exp(mu) independent of Wq.
// With C the Erlang C value and theta = c mu - lambda:
//   P(T > t) = (1 - C) e^{-mu t} + C P(Exp(theta) + Exp(mu) > t)
// and, for rates x <= y, P(Exp(x) + Exp(y) > t) = e^{-x t} (1 + x t phi((y - x) t))
// with phi(z) = (1 - e^{-z}) / z (phi(0) = 1). This is the textbook
// (y e^{-xt} - x e^{-yt}) / (y - x), rewritten with expm1 so it stays exact
// when theta is close to or equal to mu, where the textbook form cancels.
// Returns 0 for an unstable queue (the response time grows without bound).
double mmcResponseCdf(double lambda, double mu, int c, double t);

// Inverse of mmcResponseCdf, by bisection on the exact CDF (monotone, so the
// bracket never fails) to a relative precision of ~1e-12.
double mmcResponseQuantile(double lambda, double mu, int c, double q);

// M/M/c+D: M/M/c where a waiting request gives up after a fixed patience
// (a connection pool's acquire timeout). Always stable: in overload the
// impatient leave. Exact (Baccelli and Hebuterne 1981; the M/M/n+G
// summary of Zeltyn and Mandelbaum 2005): while every server is busy,
// departures are Poisson at c mu whatever else happens, so the offered
// wait V (what an infinitely patient arrival would wait) moves like a
// workload: it falls at rate 1 and an arrival that will be served (V <=
// patience) adds an Exp(c mu) to it. Level crossing gives its density
//   v(x) = lambda P_{c-1} exp(lambda min(x, tau) - c mu x),  x > 0,
// with P_k = P_0 a^k / k! for k < c, normalised with the states below c.
// An arrival (Poisson: it sees the time average) waits when V > 0 and
// gives up when V > tau:
//   P(timeout) = lambda P_{c-1} e^{-(c mu - lambda) tau} / (c mu).
// tau -> infinity gives Erlang C; tau = 0 gives Erlang B.
struct PatienceMetrics {
    double probabilityOfWaiting; // P(an arrival finds every server busy)
    double probabilityOfTimeout; // P(it gives up after the patience)
    double meanWaitServed;       // s, over the arrivals that get a server (0 for those that did not wait)
    double throughput;           // served per second: lambda (1 - P(timeout))
};
PatienceMetrics mmcDeterministicPatience(double lambda, double mu, int c, double patience);

// Little's law L = lambda W: holds for any stable system, whatever the
// distributions; use the effective (admitted) rate when there is blocking.
double littleL(double lambda, double w);

} // namespace scalelab::analysis
