#pragma once

#include "app/export/exportedconversation.h"

#include <QCoreApplication>
#include <QString>

// The words every export format shares: the title, the metadata line, who spoke when, and the
// note under an answer that did not complete. Times are local, "2024-05-14 10:03".
class ExportText
{
    Q_DECLARE_TR_FUNCTIONS(ExportText)
public:
    static QString title(const Conversation &conversation); // "Untitled conversation" if empty
    static QString time(const QDateTime &time);
    // "You", "Assistant", "System"; "You · earlier version" for a message an edit or a
    // regeneration replaced (it stays in the conversation, and in its export, marked).
    static QString speaker(const Message &message);
    // "Backend: local · Created 2024-05-14 10:03 · Exported 2024-05-20 09:00 · 6 messages"
    static QString metadata(const ExportedConversation &exported);
    // "Interrupted: the answer was stopped before it finished." / "Error: <detail>" / empty when
    // the message completed.
    static QString statusNote(const Message &message);
    // The text of the footer: "Exported from Chartroom 0.1.0".
    static QString footer();
};
