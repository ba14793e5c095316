#pragma once

#include <QMetaType>
#include <QString>

// Why a chart cannot be shown, fetched or exported, in words a person can act on.
struct ChartError
{
    enum class Code {
        Unsupported, // a valid item of another type (bar, donut, …): not rendered here
        Malformed, // the item definition cannot be read
        NoSnapshot, // the asset has no stored data yet
        BadSnapshot, // the stored data cannot be read or does not fit the item
        Backend, // the data query failed (network, credentials, server)
        Store, // the history database refused a read or write
        Write, // an export file could not be written
    };
    Code code = Code::Malformed;
    QString message;
};
Q_DECLARE_METATYPE(ChartError)
