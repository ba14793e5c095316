#pragma once

#include "models/expected.h"

#include <QString>

#include <optional>

// Why an export failed, in words a person can act on ("Cannot write /x/y.html: Permission
// denied").
struct ExportError
{
    enum class Code {
        NotFound, // no such conversation
        Deleted, // the conversation was deleted
        StoreFailed, // the local store could not be read
        UnknownFormat,
        NeedsGuiApplication, // HTML and PDF lay out text, which needs a QGuiApplication
        RenderFailed,
        FolderMissing,
        NotAFolder,
        PermissionDenied,
        DiskFull,
        CannotWrite, // anything else the file system reports
        Cancelled, // stopped by the user; nothing was written
    };
    Code code = Code::CannotWrite;
    QString message;
};

// Either a value or an ExportError.
template<typename T> using ExportResult = Expected<T, ExportError>;

using ExportStatus = std::optional<ExportError>;
