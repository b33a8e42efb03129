#pragma once
// Write-behind batching as the cache block does it (blocks/CacheBlock.h):
// writes arrive as a Poisson stream of rate lambda; the first write into an
// empty buffer starts a flush timer of T; the buffer goes to the database
// as one batch when it holds B writes or when the timer fires, whichever is
// first. The buffer's life is a renewal cycle: empty for an exponential
// time of mean 1/lambda, then holding 1 + N(t) writes for t in
// [0, min(T, tau)), N a Poisson process of rate lambda and tau the time of
// its (B-1)-th arrival. With m = lambda T and S_j = P(Poisson(m) >= j):
//
//   rows per batch          E[R]  = 1 + sum_{j=1}^{B-1} S_j  (= 1 + E[min(N(T), B-1)])
//   batches per second            = lambda / E[R]
//   unflushed writes, time average
//                           E[D]  = sum_{j=1}^{B-1} j S_j / E[R]
//                           E[D^2] = sum_{j=1}^{B-1} j^2 S_j / E[R]
//
// (per cycle the buffer holds j writes for an expected S_j / lambda: a
// Poisson process spends an expected P(N(T) >= j) / lambda in state j - 1
// before T; the cycle lasts E[R] / lambda). A crash
// at a time independent of the writes loses D writes; its mean is E[D]
// (for m >> 1 and B > m, about lambda T / 2: the rate times the mean time
// since the last flush; for T >> B / lambda, (B - 1) / 2). Exact for the
// stated model; the simulator's writes are Poisson when its clients' are.
//
// Cost: O(B) (B <= 10,000), log-space Poisson terms, so m may be huge.

namespace scalelab::analysis {

struct WriteBehindFigures {
    double rowsPerBatch = 1;     // E[R]
    double batchesPerSecond = 0; // the database's write calls
    double meanUnflushed = 0;    // E[D]: what a crash loses on average
    double unflushedSd = 0;      // standard deviation of D
};

WriteBehindFigures writeBehind(double writesPerSecond, int batchSize, double flushIntervalS);

} // namespace scalelab::analysis
