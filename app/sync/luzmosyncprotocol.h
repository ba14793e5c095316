#pragma once

#include "app/sync/syncsource.h"

#include <QJsonObject>
#include <QString>

// The pure part of syncing a Luzmo-compatible backend: the `find` of each request and the
// reading of each answer. No I/O.
//
// The cursor is JSON text {"since": T, "after": {"updated_at": U, "id": ID}, "newest": N}:
//   since  the newest conversation `updated_at` of the last complete sync (absent: first sync);
//          only messages updated after it are asked for
//   after  the last conversation stored by this run (keyset paging: pages never skip or repeat
//          rows when a conversation changes mid-sync, and a killed run resumes after it)
//   newest the newest `updated_at` seen by this run; becomes `since` when the run completes.
// Times are kept exactly as the server wrote them, since the server compares them as text.
namespace LuzmoSyncProtocol {
// aiconversation search: changed conversations ordered by (updated_at, id), with their
// (changed) messages and the messages' assets.
QJsonObject pageFind(const QString &cursor, int pageSize);
// Reads a search answer {count, rows}; `error` is set when it cannot be understood.
SyncPage readPage(const QByteArray &body, const QString &cursor, int pageSize, QString *error);
// aiconversation search for ids only, `offset` rows in.
QJsonObject idsFind(int offset, int pageSize);
// The ids of an ids page; `error` is set when it cannot be understood.
QStringList readIds(const QByteArray &body, QString *error);
QDateTime parseTime(const QJsonValue &value);
} // namespace LuzmoSyncProtocol
