#include "app/export/exportfile.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstring>

namespace {
ExportError failure(ExportError::Code code, const QString &path, const QString &why)
{
    return { code, ExportFile::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), why) };
}

// What the file system said, classified. errno is set by the failing open or write.
ExportError classify(const QString &path, const QSaveFile &file, int error)
{
    if (error == ENOSPC || error == EDQUOT)
        return failure(ExportError::Code::DiskFull, path, ExportFile::tr("the disk is full."));
    if (error == EACCES || error == EPERM || error == EROFS
        || file.error() == QFileDevice::PermissionsError) {
        return failure(ExportError::Code::PermissionDenied, path,
            error == EROFS ? ExportFile::tr("the disk is read-only.")
                           : ExportFile::tr("Permission denied."));
    }
    QString why = file.errorString();
    if (why.isEmpty() || why == u"Unknown error")
        why = error ? QString::fromLocal8Bit(std::strerror(error))
                    : ExportFile::tr("unknown error");
    return failure(ExportError::Code::CannotWrite, path, why + u'.');
}
} // namespace

ExportStatus ExportFile::write(const QString &path, const QByteArray &bytes)
{
    if (path.trimmed().isEmpty())
        return ExportError { ExportError::Code::CannotWrite, tr("No file name was given.") };
    const QFileInfo info(path);
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists()) {
        return failure(ExportError::Code::FolderMissing, path,
            tr("the folder %1 does not exist.").arg(QDir::toNativeSeparators(folder.filePath())));
    }
    if (!folder.isDir()) {
        return failure(ExportError::Code::NotAFolder, path,
            tr("%1 is not a folder.").arg(QDir::toNativeSeparators(folder.filePath())));
    }
    if (info.isDir())
        return failure(ExportError::Code::CannotWrite, path, tr("it is a folder."));

    QSaveFile file(path);
    errno = 0;
    if (!file.open(QIODevice::WriteOnly))
        return classify(path, file, errno);
    errno = 0;
    if (file.write(bytes) != bytes.size()) {
        const int error = errno;
        const ExportError e = classify(path, file, error);
        file.cancelWriting();
        return e;
    }
    errno = 0;
    if (!file.commit())
        return classify(path, file, errno);
    return std::nullopt;
}
