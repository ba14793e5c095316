#pragma once

// ChatSession's answer in progress, shared by chatsession.cpp (asking) and chatsessionanswer.cpp
// (receiving); private to those files.
#include "app/chat/answerstream.h"
#include "app/core/chatsession.h"
#include "app/stream/answerassembler.h"
#include "models/types.h"

#include <QPointer>
#include <QSet>

struct ChatSession::Active
{
    QPointer<AnswerStream> stream;
    AnswerAssembler assembler;
    Conversation conversation;
    Message question;
    Message answer;
    QString backendId; // the backend answering
    QSet<QString> storedAssets; // remote id, or the item JSON when it has none
    bool textDirty = false; // the store is behind the assembler
    bool textUnannounced = false; // answerTextChanged is behind the assembler
    bool textStale = false; // answer.text is behind the assembler
    bool stopped = false;
    bool unreachable = false; // ended with a Network or Timeout error
};
