#include "app/core/datadirlock.h"

#include <QCoreApplication>
#include <QDir>

using namespace Qt::StringLiterals;

DataDirLock::DataDirLock(const QString &dataDirectory)
    : m_dataDirectory(dataDirectory)
    , m_lock(std::make_unique<QLockFile>(QDir(dataDirectory).filePath(lockFileName())))
{
    // A live holder keeps the lock however long it runs; only a dead pid's lock is stale.
    m_lock->setStaleLockTime(0);
}

bool DataDirLock::tryLock()
{
    if (m_lock->isLocked())
        return true;
    QDir().mkpath(m_dataDirectory);
    if (m_lock->tryLock(0)) {
        m_message.clear();
        return true;
    }
    const QString folder = QDir::toNativeSeparators(m_dataDirectory);
    if (m_lock->error() == QLockFile::LockFailedError) {
        qint64 pid = 0;
        QString host;
        QString application;
        m_lock->getLockInfo(&pid, &host, &application);
        m_message = QCoreApplication::translate("DataDirLock",
            "Chartroom is already running with the data folder %1 (process %2). Close it first, "
            "or start Chartroom with another --data-dir.")
                        .arg(folder)
                        .arg(pid);
    } else if (m_lock->error() == QLockFile::PermissionError) {
        m_message = QCoreApplication::translate("DataDirLock",
            "Chartroom cannot write to the data folder %1: it is read-only. Make it writable, "
            "or start Chartroom with another --data-dir.")
                        .arg(folder);
    } else {
        m_message = QCoreApplication::translate(
            "DataDirLock", "Chartroom cannot lock the data folder %1.")
                        .arg(folder);
    }
    return false;
}

bool DataDirLock::isLocked() const
{
    return m_lock->isLocked();
}

QString DataDirLock::message() const
{
    return m_message;
}
