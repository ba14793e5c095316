#pragma once

#include <QLockFile>
#include <QString>

#include <memory>

// One running Chartroom per data folder (issue 13.6): a lock file in the folder, held while the
// app runs. A lock left by a process that no longer runs (a crash) is taken over.
class DataDirLock
{
public:
    explicit DataDirLock(const QString &dataDirectory);

    // Takes the lock; false when another live process holds it (see message()).
    bool tryLock();
    bool isLocked() const;
    // Why tryLock() failed, in words, naming the folder.
    QString message() const;

    static QString lockFileName() { return QStringLiteral(".chartroom.lock"); }

private:
    QString m_dataDirectory;
    std::unique_ptr<QLockFile> m_lock;
    QString m_message;
};
