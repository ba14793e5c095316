#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

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
    };
    Code code = Code::CannotWrite;
    QString message;
};

// Either a value or an ExportError (the shape of StoreResult).
template<typename T> class ExportResult
{
public:
    ExportResult(T value)
        : m_data(std::move(value))
    {
    }
    ExportResult(ExportError error)
        : m_data(std::move(error))
    {
    }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_data); }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }
    const ExportError &error() const { return std::get<ExportError>(m_data); }

private:
    std::variant<T, ExportError> m_data;
};

using ExportStatus = std::optional<ExportError>;
