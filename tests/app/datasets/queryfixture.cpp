#include "tests/app/datasets/queryfixture.h"

#include <QJsonDocument>

QString json(const QList<QJsonArray> &rows)
{
    QJsonArray all;
    for (const QJsonArray &r : rows)
        all.append(r);
    return QString::fromUtf8(QJsonDocument(all).toJson(QJsonDocument::Compact));
}
