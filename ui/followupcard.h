#pragma once

#include <QByteArray>
#include <QFont>
#include <QRect>
#include <QSize>
#include <QStringList>

class QPainter;

// The follow-up questions of an answer (a "followups" asset {questions: [...]}, e.g. Looker's
// FOLLOWUP_QUESTIONS) under its text: a muted "Follow-up questions" line, then one link per
// question; a click on a link asks it as the next question. Geometry and hit-testing are pure
// (rects relative to the card), so they are tested on their own.
class FollowupCard
{
public:
    static inline const QString AssetType = QStringLiteral("followups");
    static constexpr int lineGap = 4;

    // The questions of a stored "followups" value; empty when it has none or cannot be read.
    static QStringList questionsOf(const QByteArray &valueJson);

    static QSize sizeFor(const QStringList &questions, const QFont &font, int maxWidth);
    // The question under `pos` (in the card's coordinates, `rect` being the card), or -1.
    static int questionAt(
        const QRect &rect, const QStringList &questions, const QFont &font, QPoint pos);
    static QRect linkRect(
        const QRect &rect, const QStringList &questions, const QFont &font, int i);
    static void paint(
        QPainter *painter, const QRect &rect, const QStringList &questions, const QFont &font);
};
