#pragma once

#include <QJsonObject>
#include <QString>

class AiStore;
class DatasetStore;

// The local server's `get` actions over its stores, each a Luzmo find (where, attributes,
// include, order, limit, offset) answered as {count, rows}:
//   aiconversation  conversations, with their messages when `include` names AIMessage
//   aimessage       messages, with their assets when `include` names AIMessageAsset
//   aimessageasset  assets
//   dataset         datasets and their columns
// and /data's find.queries answered as {data}. A failure is `*error` in words (a 400).
class StoreSearch
{
public:
    StoreSearch(const AiStore &ai, const DatasetStore &datasets);

    QJsonObject conversations(const QJsonObject &find, QString *error) const;
    QJsonObject messages(const QJsonObject &find, QString *error) const;
    QJsonObject assets(const QJsonObject &find, QString *error) const;
    QJsonObject datasets(const QJsonObject &find, QString *error) const;
    QJsonObject data(const QJsonObject &find, QString *error) const;

private:
    const AiStore &m_ai;
    const DatasetStore &m_datasets;
};
