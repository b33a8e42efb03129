#include "SessionTable.h"

namespace scalelab::blocks {

SessionTable::Visit SessionTable::visit(uint32_t user, int instance)
{
    const auto [it, inserted] = m_home.try_emplace(user, instance);
    if (inserted) {
        ++m_held;
        return Visit::LoggedIn;
    }
    if (it->second == instance)
        return Visit::Served;
    if (it->second == kLost)
        ++m_held; // it logs in again here: held once more
    it->second = instance;
    return Visit::LoggedOut;
}

uint64_t SessionTable::dropInstance(int instance)
{
    uint64_t dropped = 0;
    for (auto& [user, home] : m_home)
        if (home == instance) {
            home = kLost; // remembered: the user's next request finds itself logged out
            ++dropped;
        }
    m_held -= dropped;
    return dropped;
}

void SessionTable::clear()
{
    m_home.clear();
    m_held = 0;
}

} // namespace scalelab::blocks
