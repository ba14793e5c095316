#include "ui/manualfetchproxymodel.h"

bool ManualFetchProxyModel::canFetchMore(const QModelIndex &) const
{
    return false;
}
