#pragma once

#include <QDate>
#include <QString>

// Narrows a history search. Empty/invalid members do not filter.
//   backend   only conversations on this backend ("local", "luzmo", ...)
//   from, to  only messages written on these days (inclusive, local time); title hits by the
//             conversation's last update
//   hasChart  only messages with an asset (a chart); title hits of conversations with one
struct SearchFilter
{
    QString backend;
    QDate from, to;
    bool hasChart = false;

    bool isEmpty() const
    {
        return backend.isEmpty() && !from.isValid() && !to.isValid() && !hasChart;
    }
    friend bool operator==(const SearchFilter &, const SearchFilter &) = default;
};
