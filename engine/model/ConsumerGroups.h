#pragma once
// The consumer groups of a stream, written as "NAME:CONSUMERS:MS, ...":
// "dashboards:6:10, billing:2:100" is a group of 6 consumers that each
// spend 10 ms on a message and a group of 2 that spend 100 ms. Every
// group reads every message (Kafka's consumer groups); within a group a
// partition is read by one consumer at most.
#include <string>
#include <vector>

namespace scalelab::model {

struct ConsumerGroup {
    std::string name;
    int consumers = 0;
    double processingMs = 0;
};

// Parsed groups; on a malformed text, empty with `error` set.
std::vector<ConsumerGroup> parseConsumerGroups(const std::string& text, std::string& error);
// The registry's rule for a stream's groups: "" when `text` parses.
std::string consumerGroupsRule(const std::string& text);

} // namespace scalelab::model
