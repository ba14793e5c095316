// `chartroom-cli export` as a class over a real store: every format, sizes, no stored data,
// unknown assets, unwritable files and usage errors, with their exit codes and words.
#include "app/cli/exportcommand.h"
#include "tests/support/commandrun.h"
#include "tests/support/tempstore.h"
#include "tests/ui/chart/chartsamples.h"

#include <QImage>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>

using namespace Qt::StringLiterals;

class TestExportCommand : public QObject
{
    Q_OBJECT
    TempStore m_store;
    qint64 m_withData = 0;
    qint64 m_withoutData = 0;

    struct Run
    {
        int code = -1;
        QString out;
        QString err;
    };
    Run run(const QStringList &arguments)
    {
        FILE *out = std::tmpfile();
        FILE *err = std::tmpfile();
        Output output(out, err);
        Run r;
        ExportCommand command(
            *m_store.repository, CommandLine(ExportCommand::options(), arguments), output);
        r.code = runCommand(command);
        const auto read = [](FILE *f) {
            std::fflush(f);
            std::rewind(f);
            QByteArray bytes;
            char buffer[4096];
            size_t n;
            while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0)
                bytes.append(buffer, qsizetype(n));
            std::fclose(f);
            return QString::fromUtf8(bytes);
        };
        r.out = read(out);
        r.err = read(err);
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const qint64 conversation = m_store.addConversation(u"Charts"_s, 0);
        Message m;
        m.conversationId = conversation;
        m.role = MessageRole::Assistant;
        Asset a;
        a.type = u"item"_s;
        a.valueJson = QJsonDocument(ChartSamples::monthlyRevenueItem()).toJson();
        m.assets << a << a;
        const auto stored = m_store.repository->addMessage(m);
        QVERIFY(stored);
        m_withData = stored->assets.at(0).id;
        m_withoutData = stored->assets.at(1).id;
        QVERIFY(!m_store.repository->setAssetSnapshot(m_withData,
            QJsonDocument(QJsonObject { { u"rows"_s, ChartSamples::monthlyRevenueRows(12) } })
                .toJson(),
            QDateTime::currentDateTimeUtc()));
    }

    void formats_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QByteArray>("starts");
        QTest::newRow("png") << u"png"_s << QByteArray("\x89PNG");
        QTest::newRow("svg") << u"svg"_s << QByteArray("<?xml");
        QTest::newRow("pdf") << u"pdf"_s << QByteArray("%PDF");
        QTest::newRow("csv") << u"csv"_s << QByteArray("Date,Region,Revenue");
        QTest::newRow("json") << u"json"_s << QByteArray("{");
    }
    void formats()
    {
        QFETCH(QString, format);
        QFETCH(QByteArray, starts);
        const QString path = m_store.dir.filePath(u"out."_s + format);
        const Run r = run({ QString::number(m_withData), u"--format"_s, format, u"--out"_s, path });
        QVERIFY2(r.code == 0, qPrintable(r.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().startsWith(starts));
    }

    void pngSize()
    {
        const QString path = m_store.dir.filePath(u"sized.png"_s);
        const Run r = run({ QString::number(m_withData), u"--format"_s, u"png"_s, u"--out"_s, path,
            u"--width"_s, u"640"_s, u"--height"_s, u"400"_s });
        QCOMPARE(r.code, 0);
        QCOMPARE(QImage(path).size(), QSize(640, 400));
    }

    void failures_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("words");
        const QString ok = QString::number(m_withData);
        const QString file = m_store.dir.filePath(u"x.png"_s);
        QTest::newRow("no snapshot") << QStringList { QString::number(m_withoutData), u"--format"_s,
            u"png"_s, u"--out"_s, file }
                                     << 1 << u"This chart has no stored data yet"_s;
        QTest::newRow("unknown asset") << QStringList { u"99999"_s, u"--format"_s, u"png"_s,
            u"--out"_s, file } << 1 << u"99999"_s;
        QTest::newRow("unwritable")
            << QStringList { ok, u"--format"_s, u"png"_s, u"--out"_s, u"/nonexistent/dir/x.png"_s }
            << 1 << u"Could not write"_s;
        QTest::newRow("bad format") << QStringList { ok, u"--format"_s, u"gif"_s, u"--out"_s, file }
                                    << 2 << u"--format must be"_s;
        QTest::newRow("no id") << QStringList { u"--format"_s, u"png"_s, u"--out"_s, file } << 2
                               << u"asset id"_s;
        QTest::newRow("bad size") << QStringList { ok, u"--out"_s, file, u"--width"_s, u"ten"_s }
                                  << 2 << u"--width"_s;
        QTest::newRow("missing value") << QStringList { ok, u"--out"_s } << 2 << u"needs a value"_s;
    }
    void failures()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QFETCH(QString, words);
        const Run r = run(arguments);
        QCOMPARE(r.code, code);
        QVERIFY2(r.err.contains(words), qPrintable(r.err));
    }
};

QTEST_MAIN(TestExportCommand)
#include "tst_exportcommand.moc"
