// Settings ▸ Appearance ▸ Theme in the real window (issue 16.1): an answer with a line chart
// from the built-in analyst, then Dark chosen in Settings: the window, the transcript's bubbles
// and the chart card are drawn dark, the choice is kept, an exported chart stays light, and
// Light brings the light window back. Screenshots: theme-light.png, theme-dark.png.
#include "app/export/pdfexport.h"
#include "models/transcriptmodel.h"
#include "tests/ui/localanswers.h"
#include "ui/chart/chartcardcache.h"
#include "ui/chart/chartexport.h"
#include "ui/composer.h"
#include "ui/conversationsidebar.h"
#include "ui/settingsdialog.h"
#include "ui/theme/themecontroller.h"
#include "ui/transcriptview.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace {
// The mean HSL lightness (0-255) of `rect` in `image`, every 4th pixel.
double meanLightness(const QImage &image, const QRect &rect)
{
    double sum = 0;
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); y += 4) {
        for (int x = rect.left(); x <= rect.right(); x += 4) {
            sum += image.pixelColor(x, y).lightness();
            ++n;
        }
    }
    return n ? sum / n : -1;
}

// How many pixels of `rect` in `image` are exactly `colour`.
int count(const QImage &image, const QRect &rect, const QColor &colour)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y) {
        for (int x = rect.left(); x <= rect.right(); ++x)
            n += image.pixelColor(x, y).rgb() == colour.rgb();
    }
    return n;
}

// Settings ▸ Appearance ▸ `name`, OK; the dialog's picture to `shot` when given.
void chooseTheme(MainWindow *window, const QString &name, const QString &shot = {})
{
    answerDialog<SettingsDialog>([name, shot](SettingsDialog *dialog) {
        if (!shot.isEmpty()) {
            dialog->tabs()->setCurrentIndex(dialog->tabs()->count() - 1);
            dialog->grab().save(screenshotPath(shot));
        }
        QComboBox *box = dialog->themeBox();
        box->setCurrentIndex(box->findData(name));
        dialog->okButton()->click();
    });
    window->openSettings();
}
} // namespace

class TestThemeSwitch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void darkAndBack()
    {
        WindowFixture f;
        LocalAnswers local(f);
        const QString error = local.start();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // The offscreen platform's palette is light: System shows light.
        ThemeController theme(&f.settings);
        QCOMPARE(theme.preference(), ThemeController::Preference::System);
        QCOMPARE(theme.mode(), Theme::Mode::Light);

        auto window = f.makeWindow();
        window->setThemeController(&theme);
        window->resize(1240, 820);
        QVERIFY(showAndActivate(window.get()));
        QVERIFY(local.ask(window.get(), u"Show monthly revenue as a line chart"_s));
        TranscriptModel *model = window->transcriptModel();
        QCOMPARE(model->rowCount(), 2);
        const qint64 assetId = model->index(1)
                                   .data(TranscriptModel::AssetsRole)
                                   .toList()
                                   .first()
                                   .toMap()
                                   .value(u"id"_s)
                                   .toLongLong();
        QTRY_COMPARE_WITH_TIMEOUT(int(window->chartCache()->card(assetId).state),
            int(ChartCardCache::State::Ready), 15000);
        QTest::qWait(200); // a few frames: the view applies changes at most 60 times a second

        TranscriptView *view = window->transcriptView();
        const QRect viewport(
            view->viewport()->mapTo(window.get(), QPoint(0, 0)), view->viewport()->size());
        const QRect answer = view->visualRect(view->model()->index(1, 0))
                                 .translated(viewport.topLeft())
                                 .intersected(viewport);
        QVERIFY(!answer.isEmpty());
        const QColor lightBubble = Theme::current().assistantBubble;
        QImage shot = window->grab().toImage();
        QVERIFY(shot.save(screenshotPath(u"theme-light.png"_s)));
        QVERIFY2(meanLightness(shot, viewport) > 200, "the light transcript is light");
        QVERIFY(count(shot, answer, lightBubble) > 1000); // the answer's bubble

        // Settings ▸ Appearance ▸ Dark.
        QSignalSpy changed(&theme, &ThemeController::changed);
        chooseTheme(window.get(), u"dark"_s);
        QTest::keyClicks(window->composer()->editor(), u"and by region?"_s); // Send enabled
        QCOMPARE(theme.preference(), ThemeController::Preference::Dark);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(f.settings.value(u"appearance/theme"_s).toString(), u"dark"_s);
        QTest::qWait(200);
        QCOMPARE(Theme::modeOf(QApplication::palette()), Theme::Mode::Dark);
        QCOMPARE(Theme::modeOf(window->palette()), Theme::Mode::Dark);
        const QColor darkBubble = Theme::current().assistantBubble;
        QVERIFY(darkBubble.lightness() < 80);
        shot = window->grab().toImage();
        QVERIFY(shot.save(screenshotPath(u"theme-dark.png"_s)));
        QVERIFY2(meanLightness(shot, viewport) < 70, "the dark transcript is dark");
        const QRect sidebar(
            window->sidebar()->mapTo(window.get(), QPoint(0, 0)), window->sidebar()->size());
        QVERIFY2(meanLightness(shot, sidebar) < 70, "the sidebar is dark");
        QCOMPARE(count(shot, answer, lightBubble), 0); // no light bubble left
        QVERIFY(count(shot, answer, darkBubble) > 1000);
        // The chart card in the transcript is drawn again, dark (its background pixels).
        const QImage card
            = window->chartCache()->image(assetId, QSize(600, 300), shot.devicePixelRatio());
        QVERIFY(card.pixelColor(2, 2).lightness() < 80);

        // An exported chart stays light (for reports), whatever the screen shows.
        QTemporaryDir exports;
        const QString png = exports.filePath(u"chart.png"_s);
        QVERIFY(!ChartExport::write(*window->chartCache()->card(assetId).data,
            ChartExport::Format::Png, png, QSize(600, 340)));
        QCOMPARE(QImage(png).pixelColor(2, 2), QColor(Qt::white));
        // And so does the PDF's text: a link is the page's blue (#2f6fd0, as the HTML export's
        // `a`), not the dark window's light blue (print() itself makes plain text black).
        ExportedConversation exported;
        Message linked;
        linked.role = MessageRole::Assistant;
        linked.text = u"See [the docs](https://example.com/docs)."_s;
        exported.messages << linked;
        QTextDocument pdf;
        PdfExport().build(exported, pdf);
        int links = 0;
        for (QTextBlock b = pdf.begin(); b.isValid(); b = b.next()) {
            for (auto it = b.begin(); !it.atEnd(); ++it) {
                if (!it.fragment().charFormat().isAnchor())
                    continue;
                ++links;
                QCOMPARE(it.fragment().charFormat().foreground().color(), QColor(0x2f, 0x6f, 0xd0));
            }
        }
        QCOMPARE(links, 1);

        // Kept: the next start reads Dark.
        {
            ThemeController again(&f.settings);
            QCOMPARE(again.preference(), ThemeController::Preference::Dark);
        }

        // And back to Light.
        chooseTheme(window.get(), u"light"_s, u"theme-settings-dark.png"_s);
        QTest::qWait(200);
        shot = window->grab().toImage();
        QVERIFY(meanLightness(shot, viewport) > 200);
        QCOMPARE(f.settings.value(u"appearance/theme"_s).toString(), u"light"_s);
    }
};

QTEST_MAIN(TestThemeSwitch)
#include "tst_themeswitch.moc"
