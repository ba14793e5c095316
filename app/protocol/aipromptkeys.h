#pragma once

#include <QLatin1StringView>

#include <array>

// The members of an AIPrompt stream frame that a StreamEvent field is read from, in order of
// preference (the first one present and not null wins): one list for the QJsonDocument path
// (AiPromptDecoder) and the simdjson path (FlatFrame).
namespace AiPromptKeys {

using namespace Qt::StringLiterals;

inline constexpr QLatin1StringView type = "type"_L1;
inline constexpr QLatin1StringView conversationId = "conversation_id"_L1;
inline constexpr QLatin1StringView userMessageId = "user_message_id"_L1;
inline constexpr QLatin1StringView assistantMessageId = "assistant_message_id"_L1;
inline constexpr QLatin1StringView index = "index"_L1;
inline constexpr std::array text { "delta"_L1, "text"_L1, "content"_L1 };
inline constexpr std::array assetType { "asset_type"_L1, "assetType"_L1 };
inline constexpr std::array assetId { "asset_id"_L1, "assetId"_L1, "id"_L1 };
inline constexpr std::array progressMessage { "message"_L1, "text"_L1, "status"_L1 };

} // namespace AiPromptKeys
