#pragma once

#include "lookercall.h"
#include "lookerconfig.h"

#include <QJsonObject>

#include <optional>

// The Looker Conversational Analytics calls Chartroom makes, as request specs (pure).
namespace LookerRequests {
// POST conversations {name, agent_id?, sources?[{model, explore}]} (seed 004: name required).
LookerCall::Spec createConversation(const LookerConfig &config, const QString &name);
// GET conversations: the user's conversations.
LookerCall::Spec listConversations();
// GET conversations/:id: one conversation with its messages[] (sync).
LookerCall::Spec getConversation(const QString &conversationId);
// POST conversational_analytics/chat {conversation_id, user_message} (documented), plus
// agent_id when configured (not in the public reference; Looker ignores unknown fields).
LookerCall::Spec chat(
    const LookerConfig &config, const QString &conversationId, const QString &text);
// POST conversations/:id/messages {message (object), type, order} (seed 004's
// ConversationMessage). The `message` object follows the chat answer's own shape
// ({userMessage: {text}} or {systemMessage: {...}}); the `type` words are a guess ("user",
// "system"): the public docs do not list them. `order` is left out when unknown.
LookerCall::Spec addMessage(const QString &conversationId, const QJsonObject &message,
    const QString &type, std::optional<int> order);

QJsonObject userMessage(const QString &text);
QJsonObject systemTextMessage(const QString &text);
// The name of a new conversation: the prompt's first words.
QString conversationName(const QString &prompt);
} // namespace LookerRequests
