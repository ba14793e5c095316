#pragma once

#include "app/protocol/flatframe.h"

#include <QByteArrayView>

// The JSON syntax of FlatFrame: one object whose members are scalars, read in one pass over its
// bytes, shaped for the small frames of an answer stream (~200 bytes, a few short strings).
// simdjson's on-demand API read these at ~300 cycles a frame, most of it its stage 1 (building
// the structural index of the whole frame), the same on a batch of frames; this reader finds a
// string's end 16 bytes a step and builds no index.
//
// It accepts only what it can read exactly as QJsonDocument does, and says false for the rest
// (the caller then decodes the frame with QJsonDocument): keys and string values with any escape
// but no lone surrogate, in valid UTF-8 (checked by simdjson's validate_utf8) and not starting
// with U+FEFF; integers of at most 15 digits with no fraction or exponent; true, false and null;
// whitespace between tokens; nothing after the object. Anything else (not an object, an object
// or an array as a member, more than FlatFrame::MaxMembers members, invalid JSON) is false.
namespace FlatObject {

// Bytes that must be readable after the end of `json` (its PaddedJson copy has more).
constexpr qsizetype Padding = 16;

// Reads `json` into frame.members and frame.memberCount, in the order written. A string with no
// escape (key or value) is a view of `json`; one with escapes is unescaped into `scratch`, which
// has room for at least json.size() + Padding bytes.
bool read(QByteArrayView json, FlatFrame &frame, char *scratch);

} // namespace FlatObject
