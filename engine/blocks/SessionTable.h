#pragma once
// Login sessions kept in the memory of a pool's instances (sessions =
// in_instance): which instance holds each user's session. A user is a
// request key (the key ip hash pins to one instance). The first request of
// a user logs in where it lands; a later request that lands on an instance
// without the session finds the user logged out (the classic bug of local
// sessions without sticky balancing), and the user logs in again there. A
// crashed instance takes its sessions with it.
//
// Cost: one hash-map probe per request; memory grows to the number of
// distinct users seen and then stays (no allocation in steady state). A
// crash scans every session, O(users), once per crash.
#include <cstdint>
#include <unordered_map>

namespace scalelab::blocks {

class SessionTable {
public:
    enum class Visit { Served, LoggedIn, LoggedOut };

    // The user's request is on `instance`: served when its session is
    // there, logged in when the user had none, logged out when the session
    // is elsewhere or was lost (the session then moves here: a new login).
    Visit visit(uint32_t user, int instance);
    // Drops every session held by `instance`; returns how many.
    uint64_t dropInstance(int instance);
    // Sessions held now, on any instance.
    uint64_t size() const { return m_held; }
    void clear();

private:
    static constexpr int kLost = -1; // the user had a session; a crash took it

    std::unordered_map<uint32_t, int> m_home; // user -> instance holding the session
    uint64_t m_held = 0;
};

} // namespace scalelab::blocks
