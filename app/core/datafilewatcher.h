#pragma once

#include <QFileSystemWatcher>
#include <QList>
#include <QObject>
#include <QString>

// Notices when a data file the app keeps open (the history, the built-in server's stores) is
// removed, replaced by another file (renamed over it, as a sync tool or a restore does) or
// overwritten with something that is not an SQLite database while the app runs. SQLite goes on
// using the file it opened and reports nothing, so what is saved from then on would be lost or
// mixed into the newcomer: this says so, once per file, in words. Checked on every change the
// system reports for a file, once after watch() (the file may have been replaced before) and by
// check(). Linux: the file opened is found through /proc/self/fd.
class DataFileWatcher : public QObject
{
    Q_OBJECT
public:
    explicit DataFileWatcher(QObject *parent = nullptr);

    // Starts watching `path` as it is now; false when it cannot be read.
    bool watch(const QString &path);
    QStringList files() const;
    // Checks every file now.
    void check();

Q_SIGNALS:
    // `path` is no longer the file the app opened; `message` says what happened and what to do.
    void fileLost(const QString &path, const QString &message);

private:
    struct Watched
    {
        QString path;
        quint64 device = 0;
        quint64 inode = 0;
        bool reported = false;
    };
    void checkFile(Watched &file);

    QFileSystemWatcher m_watcher;
    QList<Watched> m_files;
};
