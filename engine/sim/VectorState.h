#pragma once
// Clears the upper halves of the AVX registers before a stretch of
// simulation. The engine is built for baseline x86-64 (SSE2 instructions).
// When code that ran before on the same thread (Qt's string functions did,
// on the machines ScaleLab is measured on) leaves those upper halves in use,
// Intel cores since Skylake make every later SSE instruction wait on them:
// the same simulation ran 3-4x slower in the app than in a plain program
// (`scalelab bench`: 1.6M against 6.9M requests per wall second). One
// vzeroupper per slice puts the registers back in the clean state; it costs
// a cycle. A no-op where there is no AVX.
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#endif

namespace scalelab::sim {

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
[[gnu::target("avx"), gnu::noinline]] inline void zeroUpperAvxRegisters()
{
    _mm256_zeroupper();
}

inline void clearVectorUpperState()
{
    static const bool hasAvx = __builtin_cpu_supports("avx");
    if (hasAvx)
        zeroUpperAvxRegisters();
}
#else
inline void clearVectorUpperState() {}
#endif

} // namespace scalelab::sim
