#pragma once

#include <QJsonArray>
#include <QList>
#include <QString>

// The engine's rows as compact JSON text, for comparing a whole result at once.
QString json(const QList<QJsonArray> &rows);
