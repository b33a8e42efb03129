#include "TradeoffCard.h"

namespace scalelab::model {

const char* expectName(TradeoffClaim::Expect expect)
{
    switch (expect) {
    case TradeoffClaim::Expect::BLower:
        return "b_lower";
    case TradeoffClaim::Expect::BHigher:
        return "b_higher";
    case TradeoffClaim::Expect::NoDifference:
        return "no_difference";
    }
    return "";
}

} // namespace scalelab::model
