#pragma once

#include <QAbstractItemModel>

// Loads every remaining page of a model that pages with canFetchMore()/fetchMore() (the
// transcript, the conversation list), stopping early if a fetch adds no row.
inline void fetchAll(QAbstractItemModel &model, const QModelIndex &parent = {})
{
    while (model.canFetchMore(parent)) {
        const int before = model.rowCount(parent);
        model.fetchMore(parent);
        if (model.rowCount(parent) == before)
            break;
    }
}
