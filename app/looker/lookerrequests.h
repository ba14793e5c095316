#pragma once

#include "app/looker/lookercall.h"
#include "app/looker/lookerconfig.h"

#include <QJsonArray>
#include <QJsonObject>

// The Looker API 4.0 calls Chartroom makes, as request specs (pure). Every shape is taken from
// Looker's OpenAPI file (looker-open-source/sdk-codegen, spec/Looker.4.0.oas.json, 4.0.26) or
// from the SDK's integration test (python/tests/integration/test_methods.py,
// test_conversational_analytics); docs/protocols/looker.md lists each field and its source.
namespace LookerRequests {
// POST conversations: Conversation {name (required), category "conversation", agent_id?} and,
// with no agent, sources?[{model, explore}].
LookerCall::Spec createConversation(
    const LookerConfig &config, const QString &name, const QString &agentId);
// GET conversations/search?sorts=updated_at&limit=&offset=: one page of the caller's own
// conversations (there is no GET conversations).
LookerCall::Spec searchConversations(int limit, int offset);
// GET conversations/:id/messages: ConversationMessage[] {id, type, message, order}.
LookerCall::Spec conversationMessages(const QString &conversationId);
// POST conversational_analytics/chat: ConversationalAnalyticsChatRequest, exactly
// {conversation_id, user_message} (both required).
LookerCall::Spec chat(const QString &conversationId, const QString &text);
// POST conversations/:id/messages: WriteConversationMessages {messages: [{type, message}, ...]};
// the server assigns `order`.
LookerCall::Spec addMessages(const QString &conversationId, const QJsonArray &messages);
// GET agents/search?name=&category=conversation&deleted=false.
LookerCall::Spec searchAgents(const QString &name);
// POST agents: Agent {name, category "conversation", description, sources[{model, explore}],
// context{instructions}} (name, description and sources are required).
LookerCall::Spec createAgent(const QString &name, const QList<LookerSource> &sources);

// One entry of `messages`: {type, message}. The user's turn is {type: "user", message:
// {userMessage: {text}}} and each system message {type: "system", message: <the ChatMessage as
// the chat answered it>}; the spec leaves `type`'s values open (see docs/protocols/looker.md).
QJsonObject userEntry(const QString &text);
QJsonObject systemEntry(const QJsonObject &chatMessage);
inline const QString UserType = QStringLiteral("user");
inline const QString SystemType = QStringLiteral("system");

// The name of a new conversation: the prompt's first words.
QString conversationName(const QString &prompt);
// The name of the agent Chartroom provisions for these sources (found by it next time).
QString agentName(const QList<LookerSource> &sources);
QJsonArray sourcesJson(const QList<LookerSource> &sources);
// "/" then the percent-encoded id, for paths.
QString pathId(const QString &id);
} // namespace LookerRequests
