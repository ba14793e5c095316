#include "models/sqlitedatabase.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
constexpr int testId = 0x54455354; // "TEST"

SqliteSchema schema(QList<SqliteMigration> steps, int applicationId = testId)
{
    return SqliteSchema { .connectionPrefix = u"test-sqlite"_s,
        .name = u"test database"_s,
        .damagedAdvice = {},
        .applicationId = applicationId,
        .migrations = std::move(steps),
        .extraPragmas = { u"PRAGMA cache_size=-2000"_s } };
}

QList<SqliteMigration> twoSteps()
{
    return {
        SqliteMigration::statements(u"Step one"_s, { u"CREATE TABLE a (x INTEGER)"_s }),
        SqliteMigration::statements(
            u"Step two"_s, { u"CREATE TABLE b (y TEXT)"_s, u"INSERT INTO b VALUES ('two')"_s }),
    };
}

// Runs `sql` on a file through a connection of its own, outside SqliteDatabase.
QVariant plain(const QString &path, const QString &sql)
{
    QVariant result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"plain"_s);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(sql) && q.next())
                result = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(u"plain"_s);
    return result;
}

QByteArray digest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}
} // namespace

class TestSqliteDatabase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void migratesStepByStepAndMarksTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.sqlite"_s);
        {
            SqliteDatabase db(schema(twoSteps()));
            const StoreStatus e = db.openFile(path);
            QVERIFY2(!e, e ? qPrintable(e->toString()) : "");
            QVERIFY(db.isOpen());
            QCOMPARE(db.path(), path);
            QCOMPARE(db.schemaVersion(), 2);
        }
        QCOMPARE(plain(path, u"PRAGMA user_version"_s).toInt(), 2);
        QCOMPARE(plain(path, u"PRAGMA application_id"_s).toInt(), testId);
        QCOMPARE(plain(path, u"PRAGMA journal_mode"_s).toString(), u"wal"_s);
        QCOMPARE(plain(path, u"SELECT y FROM b"_s).toString(), u"two"_s);
        // Opened again, nothing runs twice (the steps' CREATE TABLEs would fail).
        SqliteDatabase again(schema(twoSteps()));
        QVERIFY(!again.openFile(path));
        QCOMPARE(plain(path, u"SELECT count(*) FROM b"_s).toInt(), 1);
    }

    void opensUpToAVersion()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.sqlite"_s);
        SqliteDatabase db(schema(twoSteps()));
        QVERIFY(!db.openFile(path, 1));
        QCOMPARE(db.schemaVersion(), 1);
        db.close();
        QVERIFY(!db.isOpen());
        QVERIFY(plain(path, u"SELECT count(*) FROM sqlite_master WHERE name = 'b'"_s).toInt() == 0);
    }

    void aFailedStepRollsBack()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.sqlite"_s);
        QList<SqliteMigration> steps = twoSteps();
        steps[1] = SqliteMigration::statements(
            u"Step two"_s, { u"CREATE TABLE b (y TEXT)"_s, u"CREATE TABLE a (x INTEGER)"_s });
        SqliteDatabase db(schema(steps));
        const StoreStatus e = db.openFile(path);
        QVERIFY(e);
        QCOMPARE(e->code, StoreError::Code::MigrationFailed);
        QVERIFY2(e->message.startsWith(u"Step two"_s), qPrintable(e->message));
        QVERIFY(!db.isOpen());
        // Step one stayed, step two left nothing behind.
        QCOMPARE(plain(path, u"PRAGMA user_version"_s).toInt(), 1);
        QCOMPARE(plain(path, u"SELECT count(*) FROM sqlite_master WHERE name = 'b'"_s).toInt(), 0);
    }

    void refusesFilesThatAreNotOurs_data()
    {
        QTest::addColumn<QString>("setUp");
        QTest::addColumn<int>("expectedCode");
        QTest::addColumn<QString>("expectedWords");
        QTest::newRow("another program's mark")
            << u"PRAGMA application_id = 1234"_s << int(StoreError::Code::NotChartroom)
            << u"belongs to another program"_s;
        QTest::newRow("unmarked, not empty")
            << u"CREATE TABLE notes (body TEXT)"_s << int(StoreError::Code::NotChartroom)
            << u"is an SQLite database of another program"_s;
        QTest::newRow("newer") << u"PRAGMA user_version = 9"_s
                               << int(StoreError::Code::SchemaTooNew)
                               << u"(schema 9; this version knows up to 2)"_s;
    }

    void refusesFilesThatAreNotOurs()
    {
        QFETCH(QString, setUp);
        QFETCH(int, expectedCode);
        QFETCH(QString, expectedWords);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.sqlite"_s);
        if (setUp.contains(u"user_version"_s))
            plain(path, u"PRAGMA application_id = "_s + QString::number(testId));
        plain(path, setUp);
        const QByteArray before = digest(path);
        QVERIFY(!before.isEmpty());
        SqliteDatabase db(schema(twoSteps()));
        const StoreStatus e = db.openFile(path);
        QVERIFY(e);
        QCOMPARE(int(e->code), expectedCode);
        QVERIFY2(e->message.contains(expectedWords), qPrintable(e->message));
        QVERIFY(!db.isOpen());
        QCOMPARE(digest(path), before); // left untouched
    }

    void damagedFileIsNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.sqlite"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
        f.close();
        SqliteDatabase db(schema(twoSteps()));
        const StoreStatus e = db.openFile(path);
        QVERIFY(e);
        QCOMPARE(e->code, StoreError::Code::NotADatabase);
        QVERIFY2(e->message.startsWith(u"The test database "_s), qPrintable(e->message));
        QVERIFY(e->message.endsWith(u"is damaged or is not an SQLite database. It was left "
                                    u"unchanged."_s));
    }

    void anUnmarkedKindAdoptsUnmarkedFiles()
    {
        // A kind of file that was never marked (the local server's) opens its earlier files.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"t.sqlite"_s);
        plain(path, u"CREATE TABLE a (x INTEGER)"_s);
        SqliteDatabase db(schema(
            { SqliteMigration::statements(u"One"_s, { u"CREATE TABLE IF NOT EXISTS a (x)"_s }) },
            0));
        QVERIFY(!db.openFile(path));
        QCOMPARE(db.schemaVersion(), 1);
        db.close();
        QCOMPARE(plain(path, u"PRAGMA application_id"_s).toInt(), 0);
        // Another program's mark is still refused.
        plain(path, u"PRAGMA application_id = 1234"_s);
        const StoreStatus e = db.openFile(path);
        QVERIFY(e);
        QCOMPARE(e->code, StoreError::Code::NotChartroom);
    }

    void eachDatabaseHasItsOwnConnection()
    {
        QTemporaryDir dir;
        SqliteDatabase one(schema(twoSteps()));
        SqliteDatabase two(schema(twoSteps()));
        QVERIFY(!one.openIn(dir.filePath(u"sub/folder"_s), u"one.sqlite"_s));
        QVERIFY(!two.openFile(dir.filePath(u"two.sqlite"_s)));
        QVERIFY(one.connection().connectionName() != two.connection().connectionName());
        QVERIFY(one.connection().connectionName().startsWith(u"test-sqlite-"_s));
        QVERIFY(one.isOpen() && two.isOpen());
        QCOMPARE(one.path(), dir.filePath(u"sub/folder/one.sqlite"_s));
    }

    void cannotCreateTheFolder()
    {
        QTemporaryDir dir;
        QFile blocker(dir.filePath(u"file"_s));
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        SqliteDatabase db(schema(twoSteps()));
        const StoreStatus e = db.openIn(blocker.fileName() + u"/data"_s, u"t.sqlite"_s);
        QVERIFY(e);
        QCOMPARE(e->code, StoreError::Code::CannotCreateDirectory);
        QVERIFY(e->message.startsWith(u"Cannot create the data folder "_s));
    }
};

QTEST_GUILESS_MAIN(TestSqliteDatabase)
#include "tst_sqlitedatabase.moc"
