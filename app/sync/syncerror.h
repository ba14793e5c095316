#pragma once

#include "app/net/apierror.h"
#include "models/storeerror.h"

#include <QString>

#include <optional>

// Why a sync stopped: the backend failed (api), the local store failed (store), or the user
// cancelled. `message` says it in words; the pages stored before the failure are kept.
struct SyncError
{
    enum class Code { Backend, Store, Cancelled };
    Code code = Code::Backend;
    QString message;
    std::optional<ApiError> api;
    std::optional<StoreError> store;

    static QString codeName(Code code)
    {
        switch (code) {
        case Code::Backend:
            return QStringLiteral("backend");
        case Code::Store:
            return QStringLiteral("store");
        case Code::Cancelled:
            break;
        }
        return QStringLiteral("cancelled");
    }
};
