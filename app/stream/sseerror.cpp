#include "app/stream/sseerror.h"

SseError SseError::eventTooLarge(qsizetype capBytes)
{
    return { Code::EventTooLarge,
        QStringLiteral("An event of the stream is larger than %1; the stream was stopped.")
            .arg(sizeInWords(capBytes)) };
}

QString SseError::sizeInWords(qsizetype bytes)
{
    constexpr qsizetype kib = 1024;
    constexpr qsizetype mib = 1024 * kib;
    if (bytes >= mib && bytes % mib == 0)
        return QStringLiteral("%1 MiB").arg(bytes / mib);
    if (bytes >= kib && bytes % kib == 0)
        return QStringLiteral("%1 KiB").arg(bytes / kib);
    return bytes == 1 ? QStringLiteral("1 byte") : QStringLiteral("%1 bytes").arg(bytes);
}
