// A full disk under the real window (issue 15.4): the store is capped at its current size with
// SQLite's `PRAGMA max_page_count` (after a VACUUM, so no free page is left) and then a question
// is sent, or an answer streamed from a loopback fake Luzmo server is being saved. The person
// reads "the disk is full" in the window's error line, a question that could not be stored stays
// in the composer, and after reopening the file (plain SQL, a second connection) everything
// stored before is there, unchanged.
#include "models/database.h"
#include "models/repository.h"
#include "tests/support/fakehttpserver.h"
#include "tests/ui/windowfixture.h"
#include "ui/composer.h"
#include "ui/errorbanner.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace {
// Every row of the history's tables, as text: what must survive the full disk. Read on a
// connection of its own, so nothing of the app's connection (its cap, its cache) is involved.
QStringList everything(const QString &file)
{
    const QString name = u"plain-"_s + QUuid::createUuid().toString(QUuid::Id128);
    QStringList out;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(file);
        if (!db.open())
            return { u"cannot open"_s };
        QSqlQuery q(db);
        q.exec(u"PRAGMA integrity_check"_s);
        out << (q.next() ? q.value(0).toString() : u"no integrity_check"_s);
        for (const QString &sql :
            { u"SELECT id, backend, title FROM conversations WHERE NOT deleted ORDER BY id"_s,
                u"SELECT id, conversation_id, role, status, text FROM messages ORDER BY id"_s,
                u"SELECT id, message_id, type, value_json FROM message_assets ORDER BY id"_s }) {
            if (!q.exec(sql)) {
                out << u"cannot read: "_s + sql;
                continue;
            }
            while (q.next()) {
                QStringList columns;
                for (int i = 0; i < q.record().count(); ++i)
                    columns << q.value(i).toString();
                out << columns.join(u" | "_s);
            }
        }
    }
    QSqlDatabase::removeDatabase(name);
    return out;
}

// Caps the app's own connection at the pages the file has now: the next write that needs a
// new page fails with SQLITE_FULL, as on a full disk.
bool fillTheDisk(Database &database)
{
    QSqlQuery q(database.connection());
    if (!q.exec(u"VACUUM"_s) || !q.exec(u"PRAGMA freelist_count"_s) || !q.next()
        || q.value(0).toInt() != 0)
        return false;
    if (!q.exec(u"PRAGMA page_count"_s) || !q.next())
        return false;
    const int pages = q.value(0).toInt();
    return q.exec(u"PRAGMA max_page_count = "_s + QString::number(pages)) && q.next()
        && q.value(0).toInt() == pages;
}

// Distinct words, so the text cannot compress into fewer pages.
QString longText(int words)
{
    QString text;
    for (int i = 0; i < words; ++i)
        text += u"word"_s + QString::number(i) + u' ';
    return text;
}

// A Luzmo aiprompt stream answering with `text` in deltas of `deltaSize` characters.
QList<QByteArray> answerFrames(const QString &text, int deltaSize)
{
    const QJsonObject ids { { u"conversation_id"_s, u"c-1"_s }, { u"user_message_id"_s, u"u-1"_s },
        { u"assistant_message_id"_s, u"a-1"_s } };
    const auto frame = [&ids](QJsonObject fields) -> QByteArray {
        for (auto it = ids.begin(); it != ids.end(); ++it)
            fields.insert(it.key(), it.value());
        return "data: " + QJsonDocument(fields).toJson(QJsonDocument::Compact) + "\n\n";
    };
    QList<QByteArray> frames { frame({ { u"type"_s, u"start"_s } }),
        frame({ { u"type"_s, u"text_start"_s }, { u"index"_s, 0 } }) };
    for (qsizetype at = 0; at < text.size(); at += deltaSize)
        frames << frame({ { u"type"_s, u"text_delta"_s }, { u"index"_s, 0 },
            { u"delta"_s, text.mid(at, deltaSize) } });
    frames << frame({ { u"type"_s, u"text_end"_s }, { u"index"_s, 0 } })
           << frame({ { u"type"_s, u"finish"_s } }) << "data: [DONE]\n\n";
    return frames;
}
} // namespace

class TestDiskFull : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void questionOnAFullDisk_data();
    void questionOnAFullDisk();
    void answerOnAFullDisk();
};

void TestDiskFull::questionOnAFullDisk_data()
{
    QTest::addColumn<bool>("inTheOpenConversation");
    QTest::newRow("in the open conversation") << true;
    QTest::newRow("in a new conversation") << false;
}

void TestDiskFull::questionOnAFullDisk()
{
    QFETCH(bool, inTheOpenConversation);
    WindowFixture f;
    QVERIFY2(f.store.error.isEmpty(), qPrintable(f.store.error));
    const qint64 seeded = f.store.addConversation(u"Before the disk filled"_s, 4);
    QVERIFY(seeded > 0);
    const QString file = f.store.database.path();
    const QStringList before = everything(file);
    QCOMPARE(before.first(), u"ok"_s);
    QCOMPARE(before.size(), 1 + 1 + 4); // integrity, a conversation, its four messages

    auto window = f.makeWindow();
    window->resize(1000, 700);
    QVERIFY(showAndActivate(window.get()));
    window->openConversation(inTheOpenConversation ? seeded : 0);
    QVERIFY(fillTheDisk(f.store.database));

    const QString question = longText(4000); // ~40 KB: pages the capped file cannot add
    window->composer()->setText(question);
    QVERIFY(window->composer()->sendButton()->isEnabled());
    QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);

    ErrorBanner *banner = window->errorBanner();
    QTRY_VERIFY(banner->isVisible());
    QVERIFY2(banner->message().startsWith(u"Your question could not be sent"_s),
        qPrintable(banner->message()));
    QVERIFY2(banner->message().contains(u"the disk is full"_s), qPrintable(banner->message()));
    QVERIFY2(banner->message().contains(u"nothing already saved was lost"_s),
        qPrintable(banner->message()));
    QVERIFY(!f.session.isBusy());
    QCOMPARE(window->composer()->text(), question); // not lost: it can be sent again
    QTest::qWait(50);
    QVERIFY(window->grab().save(screenshotPath(u"disk-full-question.png"_s)));

    window.reset();
    QCOMPARE(everything(file), before); // nothing stored before changed, nothing half-stored
}

void TestDiskFull::answerOnAFullDisk()
{
    WindowFixture f;
    QVERIFY2(f.store.error.isEmpty(), qPrintable(f.store.error));
    QVERIFY(f.store.addConversation(u"Before the disk filled"_s, 4) > 0);
    const QString file = f.store.database.path();

    const QString answer = longText(6000); // ~60 KB, in 60 deltas 20 ms apart
    FakeHttpServer server;
    QVERIFY(server.listen());
    server.setHandler([&answer](const FakeHttpServer::Request &) {
        return FakeHttpServer::sse(answerFrames(answer, 1000), 20);
    });
    AccountSettings accounts = f.backends.settings();
    Account luzmo = Account::create(Account::Kind::Luzmo);
    luzmo.baseUrl = QString::fromLatin1(server.baseUrl());
    luzmo.keyId = u"key-id"_s;
    luzmo.secret = u"token-secret"_s;
    QVERIFY(!accounts.add(luzmo));
    QVERIFY(!accounts.setDefault(luzmo.id));
    f.backends.apply(accounts);

    auto window = f.makeWindow();
    window->resize(1000, 700);
    QVERIFY(showAndActivate(window.get()));
    const QString question = u"Show monthly revenue as a line chart"_s;
    QSignalSpy finished(&f.session, &ChatSession::answerFinished);
    QSignalSpy failed(&f.session, &ChatSession::failed);
    window->composer()->setText(question);
    QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
    QVERIFY(f.session.isBusy()); // the question and the empty answer are stored
    const qint64 answerId = f.session.activeAnswerId();
    const QStringList stored = everything(file);
    QVERIFY(fillTheDisk(f.store.database)); // the disk fills while the answer arrives

    QVERIFY(finished.wait(30000));
    QVERIFY(failed.count() >= 1);
    ErrorBanner *banner = window->errorBanner();
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->message().startsWith(u"The answer could not be saved"_s),
        qPrintable(banner->message()));
    QVERIFY2(banner->message().contains(u"the disk is full"_s), qPrintable(banner->message()));
    QVERIFY(!f.session.isBusy());
    QTest::qWait(50);
    QVERIFY(window->grab().save(screenshotPath(u"disk-full-answer.png"_s)));
    window.reset();

    // Reopened (and repaired as the app does at start-up, which finds nothing left to mark):
    // the earlier conversation and the question exactly as stored before the disk filled; the
    // answer row marked interrupted, with at most the part of its text that fitted.
    {
        Database reopened;
        QVERIFY(!reopened.open(f.store.dir.path()));
        QCOMPARE(*Repository(reopened).markStreamingInterrupted(), 0);
    }
    const QStringList after = everything(file);
    QCOMPARE(after.first(), u"ok"_s);
    QCOMPARE(after.size(), stored.size());
    int answers = 0;
    for (int i = 0; i < stored.size(); ++i) {
        const QString head = stored.at(i).section(u" | "_s, 0, 2); // id, conversation, role
        if (!stored.at(i).startsWith(QString::number(answerId) + u" | "_s)
            || !head.endsWith(u" | assistant"_s)) {
            QCOMPARE(after.at(i), stored.at(i));
            continue;
        }
        ++answers;
        QVERIFY2(after.at(i).startsWith(head + u" | interrupted | "_s), qPrintable(after.at(i)));
        const QString text = after.at(i).section(u" | "_s, 4);
        QVERIFY2(answer.startsWith(text), "the answer's stored text is not its beginning");
    }
    QCOMPARE(answers, 1);
}

QTEST_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
