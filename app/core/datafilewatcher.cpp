#include "app/core/datafilewatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {
bool identity(const QString &path, quint64 *device, quint64 *inode)
{
    struct stat info
    {
    };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return false;
    *device = quint64(info.st_dev);
    *inode = quint64(info.st_ino);
    return true;
}

// The file this process has open under `path` (SQLite's connection), found through
// /proc/self/fd: the file that was opened, even when `path` names another one by now (then the
// link reads "PATH (deleted)"). False when the process holds no such file.
bool openedIdentity(const QString &path, quint64 *device, quint64 *inode)
{
    const QDir fds(u"/proc/self/fd"_s);
    const QByteArray wanted = QFile::encodeName(path);
    for (const QString &fd :
        fds.entryList(QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot)) {
        const QByteArray link = QFile::encodeName(fds.filePath(fd));
        char target[4096];
        const ssize_t size = ::readlink(link.constData(), target, sizeof target);
        if (size <= 0)
            continue;
        const QByteArray name(target, size);
        if (name == wanted || name == wanted + " (deleted)")
            return identity(fds.filePath(fd), device, inode);
    }
    return false;
}

// The first bytes of every SQLite database file (an empty file is one too, not yet written).
bool looksLikeSqlite(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(16);
    return head.isEmpty() || head == QByteArrayView("SQLite format 3\0", 16);
}

QString words(const char *text)
{
    return QCoreApplication::translate("DataFileWatcher", text);
}
} // namespace

DataFileWatcher::DataFileWatcher(QObject *parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this](const QString &path) {
        for (Watched &file : m_files) {
            if (file.path == path)
                checkFile(file);
        }
    });
}

bool DataFileWatcher::watch(const QString &path)
{
    Watched file;
    const QFileInfo info(path);
    file.path = info.exists() ? info.canonicalFilePath() : QDir::cleanPath(info.absoluteFilePath());
    // The file SQLite opened, if this process has it open: it may have been replaced already.
    if (!openedIdentity(file.path, &file.device, &file.inode)
        && !identity(file.path, &file.device, &file.inode))
        return false;
    m_files << file;
    m_watcher.addPath(file.path);
    QMetaObject::invokeMethod(this, &DataFileWatcher::check, Qt::QueuedConnection);
    return true;
}

QStringList DataFileWatcher::files() const
{
    QStringList out;
    for (const Watched &file : m_files)
        out << file.path;
    return out;
}

void DataFileWatcher::check()
{
    for (Watched &file : m_files)
        checkFile(file);
}

void DataFileWatcher::checkFile(Watched &file)
{
    if (file.reported)
        return;
    const QString name = QDir::toNativeSeparators(file.path);
    quint64 device = 0;
    quint64 inode = 0;
    QString what;
    if (!identity(file.path, &device, &inode)) {
        what = words(
            "The data file %1 was removed while Chartroom was running: what Chartroom saves "
            "now is lost when it quits. Quit Chartroom and put the file back.");
    } else if (device != file.device || inode != file.inode) {
        what = words("The data file %1 was replaced by another file while Chartroom was running: "
                     "what Chartroom saves now does not go into it. Quit Chartroom, then put the "
                     "right file back or move this one away.");
    } else if (!looksLikeSqlite(file.path)) {
        what = words("The data file %1 was overwritten with something that is not a database while "
                     "Chartroom was running. Quit Chartroom and restore the file from a backup.");
    } else {
        // Still the same database (SQLite's own writes): a watch that went with a rename of
        // the file and back is set again.
        if (!m_watcher.files().contains(file.path))
            m_watcher.addPath(file.path);
        return;
    }
    file.reported = true;
    Q_EMIT fileLost(file.path, what.arg(name));
}
