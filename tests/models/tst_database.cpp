#include "models/database.h"
#include "models/migrations.h"
#include "models/repository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestDatabase : public QObject
{
    Q_OBJECT

private:
    static QByteArray digest(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }
    static void write(const QString &path, const QByteArray &bytes)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    static QString pragma(Database &db, const QString &name)
    {
        QSqlQuery q(db.connection());
        if (!q.exec(u"PRAGMA " + name) || !q.next())
            return {};
        return q.value(0).toString();
    }

private Q_SLOTS:
    void createsAndConfigures()
    {
        QTemporaryDir dir;
        Database db;
        const StoreStatus e = db.open(dir.filePath(u"nested/data"_s));
        QVERIFY2(!e, e ? qPrintable(e->toString()) : "");
        QVERIFY(db.isOpen());
        QVERIFY(QFile::exists(dir.filePath(u"nested/data/chartroom.sqlite"_s)));
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
        QCOMPARE(pragma(db, u"journal_mode"_s), u"wal"_s);
        QCOMPARE(pragma(db, u"foreign_keys"_s), u"1"_s);
        QCOMPARE(pragma(db, u"application_id"_s).toInt(), Database::applicationId);
    }

    void reopenKeepsData()
    {
        QTemporaryDir dir;
        {
            Database db;
            QVERIFY(!db.open(dir.path()));
            Repository repo(db);
            QVERIFY(repo.createConversation(u"Kept"_s));
        }
        Database db;
        QVERIFY(!db.open(dir.path()));
        Repository repo(db);
        auto list = repo.conversations(10);
        QVERIFY(list);
        QCOMPARE(list->size(), 1);
        QCOMPARE(list->first().title, u"Kept"_s);
    }

    void migratesFromEveryEarlierVersion_data()
    {
        QTest::addColumn<int>("fromVersion");
        for (int v = 0; v < Migrations::latestVersion(); ++v)
            QTest::addRow("from v%d", v) << v;
    }

    void migratesFromEveryEarlierVersion()
    {
        QFETCH(int, fromVersion);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"chartroom.sqlite"_s);
        {
            Database db;
            const StoreStatus e = db.openFileAtVersion(path, fromVersion);
            QVERIFY2(!e, e ? qPrintable(e->toString()) : "");
            QCOMPARE(db.schemaVersion(), fromVersion);
            if (fromVersion >= 1) {
                // Data written by that version, with plain SQL as that version would have.
                QSqlQuery q(db.connection());
                QVERIFY(q.exec(u"INSERT INTO conversations (id, title, created_at, updated_at) "
                               u"VALUES (7, 'Quarterly margin', 1, 2)"_s));
                QVERIFY(q.exec(u"INSERT INTO messages (conversation_id, role, text, created_at, "
                               u"updated_at, seq) VALUES (7, 'user', 'compare margin by region', "
                               u"1, 1, 1)"_s));
            }
        }
        Database db;
        const StoreStatus e = db.openFile(path);
        QVERIFY2(!e, e ? qPrintable(e->toString()) : "");
        QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
        Repository repo(db);
        // Every table and the search index work after the upgrade.
        auto c = repo.createConversation(u"After upgrade"_s);
        QVERIFY(c);
        Message m;
        m.conversationId = c->id;
        m.text = u"weekly units by region"_s;
        QVERIFY(repo.addMessage(m));
        auto hits = repo.search(u"region"_s);
        QVERIFY(hits);
        QCOMPARE(hits->size(), fromVersion >= 1 ? 2 : 1);
        if (fromVersion >= 1) {
            auto title = repo.search(u"quarterly"_s);
            QVERIFY(title);
            QCOMPARE(title->size(), 1);
            QCOMPARE(title->first().conversationId, 7);
        }
        // The role and status constraints still refuse what they refused (migration 8 rewrote
        // their text), the file is whole, and no IN list is left in the messages table.
        QSqlQuery q(db.connection());
        const auto insert = [&](const QString &role, const QString &status) {
            q.prepare(u"INSERT INTO messages (conversation_id, role, status, text, created_at, "
                      u"updated_at, seq) VALUES (?, ?, ?, 'x', 1, 1, (SELECT 1 + max(seq) FROM "
                      u"messages))"_s);
            q.addBindValue(c->id);
            q.addBindValue(role);
            q.addBindValue(status);
            return q.exec();
        };
        QVERIFY(!insert(u"robot"_s, u"complete"_s));
        QVERIFY(!insert(u"user"_s, u"done"_s));
        QVERIFY(!insert(u"User"_s, u"complete"_s));
        for (const QString &role : { u"user"_s, u"assistant"_s, u"system"_s })
            QVERIFY2(insert(role, u"complete"_s), qPrintable(q.lastError().text()));
        for (const QString &status : { u"pending"_s, u"streaming"_s, u"interrupted"_s, u"error"_s })
            QVERIFY2(insert(u"user"_s, status), qPrintable(q.lastError().text()));
        QVERIFY(q.exec(u"PRAGMA integrity_check"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"ok"_s);
        QVERIFY(q.exec(u"SELECT sql FROM sqlite_schema WHERE name = 'messages'"_s) && q.next());
        QVERIFY(!q.value(0).toString().contains(u" IN ("_s));
    }

    void refusesUnusableFiles_data()
    {
        QTest::addColumn<QByteArray>("kind");
        QTest::addColumn<int>("expectedCode");
        QTest::addColumn<QString>("expectedWords");
        QTest::newRow("garbage") << QByteArray("garbage") << int(StoreError::Code::NotADatabase)
                                 << u"damaged"_s;
        QTest::newRow("truncated header")
            << QByteArray("truncated") << int(StoreError::Code::NotADatabase) << u"damaged"_s;
        QTest::newRow("another program's database")
            << QByteArray("foreign") << int(StoreError::Code::NotChartroom) << u"another program"_s;
        QTest::newRow("newer schema") << QByteArray("newer") << int(StoreError::Code::SchemaTooNew)
                                      << u"newer version of Chartroom"_s;
    }

    void refusesUnusableFiles()
    {
        QFETCH(QByteArray, kind);
        QFETCH(int, expectedCode);
        QFETCH(QString, expectedWords);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"chartroom.sqlite"_s);
        if (kind == "garbage") {
            write(path, QByteArray(8192, 'x'));
        } else if (kind == "truncated") {
            write(path, QByteArray("SQLite format 3\0", 16) + QByteArray(50, '\xff'));
        } else {
            Database db;
            QVERIFY(!db.openFileAtVersion(path, kind == "newer" ? Migrations::latestVersion() : 0));
            QSqlQuery q(db.connection());
            if (kind == "newer") {
                QVERIFY(q.exec(u"PRAGMA user_version = "_s
                    + QString::number(Migrations::latestVersion() + 5)));
            } else {
                QVERIFY(q.exec(u"CREATE TABLE notes (body TEXT)"_s));
                QVERIFY(q.exec(u"INSERT INTO notes VALUES ('precious')"_s));
            }
            q.finish();
            db.close();
        }
        const QByteArray before = digest(path);
        QVERIFY(!before.isEmpty());

        Database db;
        const StoreStatus e = db.openFile(path);
        QVERIFY(e.has_value());
        QCOMPARE(int(e->code), expectedCode);
        QVERIFY2(e->message.contains(expectedWords), qPrintable(e->message));
        QVERIFY(!db.isOpen());
        QCOMPARE(digest(path), before); // never overwritten
    }

    void cannotCreateDataFolder()
    {
        QTemporaryDir dir;
        const QString blocker = dir.filePath(u"file"_s);
        write(blocker, "not a folder");
        Database db;
        const StoreStatus e = db.open(blocker + u"/data");
        QVERIFY(e.has_value());
        QCOMPARE(e->code, StoreError::Code::CannotCreateDirectory);
        QVERIFY(e->message.contains(u"Cannot create the data folder"_s));
    }

    void readOnlyFolder()
    {
        QTemporaryDir dir;
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
        QFile probe(dir.filePath(u"probe"_s));
        if (probe.open(QIODevice::WriteOnly)) {
            probe.remove();
            QFile::setPermissions(
                dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QSKIP("Running with permission to write anywhere (root): a read-only folder cannot be "
                  "simulated with file modes.");
        }
        Database db;
        const StoreStatus e = db.open(dir.path());
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QVERIFY(e.has_value());
        QCOMPARE(e->code, StoreError::Code::CannotOpen);
        QVERIFY(e->message.contains(u"not writable"_s));
    }

    void diskFullIsClearAndLosesNothing()
    {
        QTemporaryDir dir;
        Database db;
        QVERIFY(!db.open(dir.path()));
        Repository repo(db);
        auto c = repo.createConversation(u"Before the disk filled"_s);
        QVERIFY(c);
        // Simulate a full disk: cap the database at its current size.
        QSqlQuery q(db.connection());
        QVERIFY(q.exec(u"PRAGMA page_count"_s) && q.next());
        const int pages = q.value(0).toInt();
        QVERIFY(q.exec(u"PRAGMA max_page_count = "_s + QString::number(pages)));
        q.finish();

        Message big;
        big.conversationId = c->id;
        big.text = QString(200000, u'x');
        auto added = repo.addMessage(big);
        QVERIFY(!added);
        QCOMPARE(added.error().code, StoreError::Code::DiskFull);
        QVERIFY(added.error().message.contains(u"disk is full"_s));
        auto kept = repo.conversation(c->id);
        QVERIFY(kept);
        QCOMPARE(kept->title, u"Before the disk filled"_s);
        QCOMPARE(*repo.messageCount(c->id), 0);
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
