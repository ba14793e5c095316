#pragma once

#include "models/types.h"

#include <QCoreApplication>
#include <QString>

// What a screen reader says for a transcript message (TranscriptModel's Qt::AccessibleTextRole
// and Qt::AccessibleDescriptionRole): who wrote it, when, and the start of its text without the
// markdown marks; its status and its charts. Pure text, no widgets.
class MessageAccessibleText
{
    Q_DECLARE_TR_FUNCTIONS(MessageAccessibleText)
public:
    // "You, 18:15: Show monthly revenue" (the local time; at most `maxChars` of the text).
    static QString text(const Message &message, int maxChars = 200);
    // "Streaming", "Error: <the error>", "Stopped", "2 charts", joined by ", "; empty for a
    // complete message without charts.
    static QString description(const Message &message);
    // The markdown's text, its marks (#, >, *, _, `, list bullets, link targets) left out and
    // its white space run together.
    static QString plainText(const QString &markdown);
};
