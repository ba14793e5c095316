#pragma once

#include <QIdentityProxyModel>

// Shows its source unchanged but hides canFetchMore() from the view. QAbstractItemView fetches
// more whenever the last row is visible, which suits lists that grow at the bottom; the
// transcript grows at the top, so TranscriptView asks the source itself when scrolled up.
class ManualFetchProxyModel : public QIdentityProxyModel
{
    Q_OBJECT
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    bool canFetchMore(const QModelIndex &parent) const override;
};
