#include "models/outboxentry.h"

#include <array>
#include <utility>

namespace {
constexpr std::array names {
    std::pair { OutboxEntry::Status::Queued, "queued" },
    std::pair { OutboxEntry::Status::Sending, "sending" },
    std::pair { OutboxEntry::Status::Sent, "sent" },
    std::pair { OutboxEntry::Status::Cancelled, "cancelled" },
    std::pair { OutboxEntry::Status::Failed, "failed" },
};
} // namespace

QString OutboxEntry::statusName(Status status)
{
    for (const auto &[value, name] : names) {
        if (value == status)
            return QString::fromLatin1(name);
    }
    return {};
}

bool OutboxEntry::parseStatus(const QString &text, Status *status)
{
    for (const auto &[value, name] : names) {
        if (text == QLatin1String(name)) {
            *status = value;
            return true;
        }
    }
    return false;
}
