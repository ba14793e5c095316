#pragma once

#include <QByteArrayView>
#include <QJsonObject>

#include <simdjson.h>

// The simdjson DOM side of JsonFastPath, for the readers that walk a frame's DOM themselves and
// build QJsonObjects only for the parts they keep (FinishFrame). Only .cpp files include this.
namespace JsonFastPath {

// Parses a JSON text (at most MaxBytes) into `root`, with a per-thread parser: the DOM stays valid
// until the next parse on the same thread. False for invalid JSON.
bool parseDom(QByteArrayView utf8Json, simdjson::dom::element &root);

// True when QJsonDocument::fromJson() reads every value under `element` as the DOM does (none of
// the cases listed in jsonfastpath.h); a text with such a value must go to QJsonDocument whole,
// since one of them (a number that underflows) makes QJsonDocument reject the entire text.
bool isFaithful(simdjson::dom::element element);

// The object as QJsonDocument reads it, from a DOM isFaithful() accepted (the one place those
// rules are: this converts and checks nothing).
QJsonObject toObject(simdjson::dom::object object);

} // namespace JsonFastPath
