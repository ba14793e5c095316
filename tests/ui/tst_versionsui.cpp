// The last turn's versions in the real window (issue 16.4): the transcript's context menu offers
// Regenerate Answer on the last answer and Edit and Send Again… on the last question (and only
// there); Conversation ▸ Edit Last Question fills the composer, whose Send Again replaces the
// turn; the earlier versions stay in the transcript, faded, their header saying so. Loopback
// Luzmo backend; the rows are checked with plain SQL. Screenshot: versions.png.
#include "app/luzmo/luzmobackend.h"
#include "models/transcriptmodel.h"
#include "tests/app/chat/fakeluzmoconfig.h"
#include "tests/ui/windowfixture.h"
#include "ui/composer.h"
#include "ui/messagedelegate.h"
#include "ui/transcriptview.h"

#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
// "seq role status current|earlier" for each row, in order (plain SQL).
QStringList rows(const Database &db)
{
    QSqlQuery q(db.connection());
    QStringList out;
    q.exec(u"SELECT seq, role, status, superseded_at IS NULL FROM messages ORDER BY seq"_s);
    while (q.next())
        out << u"%1 %2 %3 %4"_s.arg(q.value(0).toString(), q.value(1).toString(),
            q.value(2).toString(), q.value(3).toBool() ? u"current"_s : u"earlier"_s);
    return out;
}

// The names of the context menu's actions at row `row` of `view` (a real right click); the
// menu is left open.
QMenu *menuAt(TranscriptView *view, int row)
{
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    const QRect bubble = view->rowInfo(row).layout.bubbleRect().translated(rect.topLeft());
    const QPoint at = bubble.center();
    if (!view->viewport()->rect().contains(at))
        return nullptr;
    QTest::mouseClick(view->window()->windowHandle(), Qt::RightButton, {},
        view->viewport()->mapTo(view->window(), at));
    for (int waited = 0; !QApplication::activePopupWidget() && waited < 5000; waited += 10)
        QTest::qWait(10);
    return qobject_cast<QMenu *>(QApplication::activePopupWidget());
}

QStringList names(const QMenu *menu)
{
    QStringList out;
    for (const QAction *action : menu->actions())
        if (!action->isSeparator())
            out << action->text().remove(u'&');
    return out;
}
} // namespace

class TestVersionsUi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void regenerateAndEditFromTheWindow()
    {
        WindowFixture f;
        FakeHttpServer server;
        QVERIFY(server.listen());
        server.setHandler([n = 0](const FakeHttpServer::Request &) mutable {
            return FakeHttpServer::sse({ recordedLuzmoAnswer(++n) });
        });
        LuzmoBackend backend(f.network, fakeLuzmoConfig(server));
        auto window = f.makeWindow();
        f.session.setBackend(&backend);
        f.session.setBackendResolver([&backend](const QString &) { return &backend; });
        window->resize(1000, 760);
        QVERIFY(showAndActivate(window.get()));
        TranscriptView *view = window->transcriptView();
        QSignalSpy finished(&f.session, &ChatSession::answerFinished);

        Composer *composer = window->composer();
        QTest::keyClicks(composer->editor(), u"Show monthly revenue"_s);
        QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
        QVERIFY(finished.wait(10000));
        QTRY_COMPARE(view->model()->rowCount(), 2);

        // The question's menu offers the edit, the answer's the regeneration.
        QMenu *menu = menuAt(view, 0);
        QVERIFY(menu);
        QVERIFY(names(menu).contains(u"Edit and Send Again…"_s));
        QVERIFY(!names(menu).contains(u"Regenerate Answer"_s));
        menu->close();
        menu = menuAt(view, 1);
        QVERIFY(menu);
        QVERIFY(names(menu).contains(u"Regenerate Answer"_s));
        QVERIFY(!names(menu).contains(u"Edit and Send Again…"_s));
        for (QAction *action : menu->actions())
            if (action->text().remove(u'&') == u"Regenerate Answer")
                action->trigger();
        menu->close();
        QVERIFY(finished.wait(10000));
        QTRY_COMPARE(view->model()->rowCount(), 3);
        QCOMPARE(rows(f.store.database),
            QStringList({ u"1 user complete current"_s, u"2 assistant complete earlier"_s,
                u"3 assistant complete current"_s }));
        QVERIFY(view->model()->index(1, 0).data(TranscriptModel::SupersededRole).toBool());
        // The earlier answer offers neither any more.
        menu = menuAt(view, 1);
        QVERIFY(menu);
        QVERIFY(!names(menu).contains(u"Regenerate Answer"_s));
        menu->close();

        // Conversation ▸ Edit Last Question: the question in the composer, Send becomes Send
        // Again; the edited question replaces the turn.
        auto *edit = window->findChild<QAction *>(u"actionEditLastQuestion"_s);
        QVERIFY(edit && edit->isEnabled());
        edit->trigger();
        QVERIFY(composer->editBar()->isVisible());
        QCOMPARE(composer->editor()->toPlainText(), u"Show monthly revenue"_s);
        QCOMPARE(composer->sendButton()->text(), u"Send Again"_s);
        QTest::keyClicks(composer->editor(), u" by region"_s);
        // The longer label fits its button once the layout has run (no clipped "Send Again").
        QTRY_VERIFY(composer->sendButton()->width() >= composer->sendButton()->sizeHint().width());
        QTest::qWait(100); // the transcript's last frame
        QVERIFY(window->grab().save(screenshotPath(u"versions-editing.png"_s)));
        QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
        QVERIFY(!composer->editBar()->isVisible());
        QCOMPARE(composer->sendButton()->text(), u"Send"_s);
        QVERIFY(finished.wait(10000));
        QTRY_COMPARE(view->model()->rowCount(), 5);
        QCOMPARE(rows(f.store.database),
            QStringList({ u"1 user complete earlier"_s, u"2 assistant complete earlier"_s,
                u"3 assistant complete earlier"_s, u"4 user complete current"_s,
                u"5 assistant complete current"_s }));
        QSqlQuery q(f.store.database.connection());
        QVERIFY(q.exec(u"SELECT text FROM messages WHERE seq = 4"_s) && q.next());
        QCOMPARE(q.value(0).toString(), u"Show monthly revenue by region"_s);
        QCOMPARE(server.requests().size(), 3);

        // Cancel leaves everything as it was.
        edit->trigger();
        QVERIFY(composer->editBar()->isVisible());
        composer->editBar()->findChild<QToolButton *>(u"cancelEdit"_s)->click();
        QVERIFY(!composer->editBar()->isVisible());
        QCOMPARE(composer->editor()->toPlainText(), QString());
        QCOMPARE(rows(f.store.database).size(), 5);

        QTest::qWait(100); // the transcript's last frame, then the earlier versions in view
        view->scrollTo(view->model()->index(0, 0), QAbstractItemView::PositionAtTop);
        QTest::qWait(50);
        QVERIFY(window->grab().save(screenshotPath(u"versions.png"_s)));
    }
};

QTEST_MAIN(TestVersionsUi)
#include "tst_versionsui.moc"
