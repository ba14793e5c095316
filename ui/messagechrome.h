#pragma once

#include "models/types.h"

#include <QCoreApplication>
#include <QFont>
#include <QObject>
#include <QRect>
#include <QString>

class QPainter;

// The parts of a message bubble around its content: the header (who and when), the status line
// (thinking, queued, interrupted, error), the Retry action, the "Show all" link under a message
// cut short, and the progress footer under an
// answer that is arriving. What they say follows from the message's typed state (describe(),
// pure); how they look is painted here, so MessageDelegate only lays out and places them.
class MessageChrome
{
    Q_GADGET
    Q_DECLARE_TR_FUNCTIONS(MessageDelegate)

public:
    enum class Status { None, Thinking, Interrupted, Error };
    Q_ENUM(Status)
    struct State
    {
        Status status = Status::None;
        QString statusText;
        QString footerText;
        bool retry = false;
    };

    // What a message shows for its status; `hasText`: the message already has text to show;
    // `progress`: the latest progress line of an answer that is arriving.
    static State describe(MessageStatus status, bool user, const QString &error, bool hasText,
        const QString &progress);

    static QString actionText();
    // The link under a message cut short: "Show all (4.0 MB)", `bytes` the whole message's size.
    static QString showAllText(qint64 bytes);

    // Sizes for BubbleLayout::Content (an empty size: the part is not shown).
    static QSize headerSize(const QFont &font, const QString &name, const QString &time);
    static QSize statusSize(const QFont &font, const State &state, int maxWidth, int textWidth);
    static QSize actionSize(const QFont &font);
    static QSize showAllSize(const QFont &font, const QString &text);
    static QSize footerSize(const QFont &font, const QString &footerText);

    static void paintHeader(QPainter *painter, const QFont &font, const QString &name,
        const QString &time, const QRect &rect);
    // `pulse` moves the "Thinking…" animation and the footer's dot.
    static void paintStatus(
        QPainter *painter, const QFont &font, const State &state, int pulse, const QRect &rect);
    static void paintAction(QPainter *painter, const QFont &font, const QRect &rect);
    static void paintShowAll(
        QPainter *painter, const QFont &font, const QString &text, const QRect &rect);
    static void paintFooter(QPainter *painter, const QFont &font, const QString &footerText,
        int pulse, const QRect &rect);
};
