// The theme's tokens worked out from a palette (ui/theme): light palettes give light tokens,
// dark ones dark tokens, a forced mode gets Chartroom's own palette, and every text colour
// reaches 4.5:1 on the backgrounds it is drawn on, by the WCAG 2 formula written out again here.
#include "ui/theme/theme.h"

#include <QTest>

#include <cmath>

using namespace Qt::StringLiterals;
using Theme::Mode;

Q_DECLARE_METATYPE(Theme::Mode)

namespace {
// WCAG 2.x: sRGB channel -> linear, relative luminance, (L1 + 0.05) / (L2 + 0.05).
double linear(int channel)
{
    const double c = channel / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double relativeLuminance(const QColor &c)
{
    return 0.2126 * linear(c.red()) + 0.7152 * linear(c.green()) + 0.0722 * linear(c.blue());
}

double ratio(const QColor &a, const QColor &b)
{
    double l1 = relativeLuminance(a);
    double l2 = relativeLuminance(b);
    if (l1 < l2)
        std::swap(l1, l2);
    return (l1 + 0.05) / (l2 + 0.05);
}

QPalette paletteOf(const char *window, const char *base, const char *text)
{
    QPalette p;
    p.setColor(QPalette::Window, QColor::fromString(QLatin1StringView(window)));
    p.setColor(QPalette::Base, QColor::fromString(QLatin1StringView(base)));
    p.setColor(QPalette::Text, QColor::fromString(QLatin1StringView(text)));
    p.setColor(QPalette::WindowText, QColor::fromString(QLatin1StringView(text)));
    return p;
}
} // namespace

class TestTheme : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tokens_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<Mode>("mode");
        QTest::addColumn<QString>("surface"); // expected, "" when not fixed by the input
        QTest::addColumn<QString>("text");
        // Qt's Fusion light palette: the system's colours kept.
        QTest::newRow("fusion light") << paletteOf("#efefef", "#ffffff", "#000000") << Mode::Light
                                      << u"#ffffff"_s << u"#000000"_s;
        // KDE Breeze Dark: the system's colours kept.
        QTest::newRow("breeze dark") << paletteOf("#202326", "#141618", "#fcfcfc") << Mode::Dark
                                     << u"#141618"_s << u"#fcfcfc"_s;
        // A light system with Dark chosen: Chartroom's dark palette (base #17191c, text #e6e8eb).
        QTest::newRow("light system forced dark") << paletteOf("#efefef", "#ffffff", "#000000")
                                                  << Mode::Dark << u"#17191c"_s << u"#e6e8eb"_s;
        // A dark system with Light chosen: Chartroom's light palette (white, text #1f2328).
        QTest::newRow("dark system forced light") << paletteOf("#202326", "#141618", "#fcfcfc")
                                                  << Mode::Light << u"#ffffff"_s << u"#1f2328"_s;
        // Chartroom's own palettes as the input.
        QTest::newRow("own light")
            << Theme::palette(Mode::Light) << Mode::Light << u"#ffffff"_s << u"#1f2328"_s;
        QTest::newRow("own dark") << Theme::palette(Mode::Dark) << Mode::Dark << u"#17191c"_s
                                  << u"#e6e8eb"_s;
        // Grey text on grey (2.0:1): the text is made darker until it is readable.
        QTest::newRow("low-contrast light") << paletteOf("#d0d0d0", "#e0e0e0", "#a0a0a0")
                                            << Mode::Light << u"#e0e0e0"_s << QString();
        // A dim dark palette (text #707070 on #202020, 3.6:1): the text is made lighter.
        QTest::newRow("low-contrast dark") << paletteOf("#181818", "#202020", "#707070")
                                           << Mode::Dark << u"#202020"_s << QString();
    }

    void tokens()
    {
        QFETCH(QPalette, palette);
        QFETCH(Mode, mode);
        QFETCH(QString, surface);
        QFETCH(QString, text);
        const Theme::Tokens t = Theme::tokens(palette, mode);
        QCOMPARE(t.mode, mode);
        QCOMPARE(t.surface.name(), surface);
        if (!text.isEmpty())
            QCOMPARE(t.text.name(), text);
        const bool dark = mode == Mode::Dark;
        for (const QColor &bg : { t.window, t.surface, t.userBubble, t.assistantBubble }) {
            QVERIFY2(dark ? bg.lightness() < 100 : bg.lightness() > 180, qPrintable(bg.name()));
        }
        QVERIFY2(
            dark ? t.text.lightness() > 150 : t.text.lightness() < 100, qPrintable(t.text.name()));

        struct Pair
        {
            const char *what;
            QColor fg;
            QColor bg;
            double min;
        };
        const QList<Pair> pairs = {
            { "text on window", t.text, t.window, 7.0 },
            { "text on surface", t.text, t.surface, 7.0 },
            { "text on raised", t.text, t.raised, 4.5 },
            { "text on user bubble", t.text, t.userBubble, 4.5 },
            { "text on assistant bubble", t.text, t.assistantBubble, 4.5 },
            { "text on code", t.text, t.codeBackground, 4.5 },
            { "text on accent fill", t.text, t.accentFill, 4.5 },
            { "muted on surface", t.mutedText, t.surface, 4.5 },
            { "muted on window", t.mutedText, t.window, 4.5 },
            { "muted on raised", t.mutedText, t.raised, 4.5 },
            { "muted on assistant bubble", t.mutedText, t.assistantBubble, 4.5 },
            { "muted on user bubble", t.mutedText, t.userBubble, 4.5 },
            { "link on surface", t.link, t.surface, 4.5 },
            { "link on assistant bubble", t.link, t.assistantBubble, 4.5 },
            { "link on user bubble", t.link, t.userBubble, 4.5 },
            { "on accent", t.onAccent, t.accent, 4.5 },
            { "on accent hover", t.onAccent, t.accentHover, 4.5 },
            { "warning", t.warningText, t.warningFill, 4.5 },
            { "interrupted on bubble", t.interruptedText, t.assistantBubble, 4.5 },
            { "error on fill", t.errorText, t.errorFill, 4.5 },
            { "error on window", t.errorText, t.window, 4.5 },
            { "success", t.success, t.surface, 4.5 },
            { "chip", t.chipText, t.chip, 4.5 },
            { "dataset chip", t.chipText, t.chipDataset, 4.5 },
            { "chart title", t.chartText, t.chartBackground, 4.5 },
            { "chart labels", t.chartMutedText, t.chartBackground, 4.5 },
        };
        for (const Pair &p : pairs) {
            const double r = ratio(p.fg, p.bg);
            QVERIFY2(r >= p.min,
                qPrintable(u"%1: %2 on %3 is %4:1"_s.arg(QLatin1StringView(p.what), p.fg.name(),
                    p.bg.name(), QString::number(r, 'f', 2))));
        }
        // Lines and dots are graphics: 3:1 (WCAG 1.4.11).
        for (const QColor &series : t.chartSeries)
            QVERIFY2(ratio(series, t.chartBackground) >= 3.0, qPrintable(series.name()));
    }

    void handWorkedBlends()
    {
        // The person's bubble is the surface with 17% of the accent #2f6fd0 (light): on white,
        // 255 + (47 - 255) * 0.17 = 219.64, 255 - 144 * 0.17 = 230.52, 255 - 47 * 0.17 = 247.01.
        const Theme::Tokens light
            = Theme::tokens(paletteOf("#efefef", "#ffffff", "#000000"), Mode::Light);
        QCOMPARE(light.userBubble.name(), u"#dce7f7"_s);
        // The assistant's (dark): 8% of the text on the base: Breeze's #141618 and #fcfcfc give
        // 20 + 232 * 0.08 = 38.56, 22 + 230 * 0.08 = 40.4, 24 + 228 * 0.08 = 42.24.
        const Theme::Tokens dark
            = Theme::tokens(paletteOf("#202326", "#141618", "#fcfcfc"), Mode::Dark);
        QCOMPARE(dark.assistantBubble.name(), u"#27282a"_s);
        QVERIFY(!(light == dark));
    }

    void modeOf_data()
    {
        QTest::addColumn<QString>("window");
        QTest::addColumn<Mode>("mode");
        QTest::newRow("white") << u"#ffffff"_s << Mode::Light;
        QTest::newRow("fusion") << u"#efefef"_s << Mode::Light;
        QTest::newRow("mid grey 128") << u"#808080"_s << Mode::Light; // lightness 128
        QTest::newRow("grey 127") << u"#7f7f7f"_s << Mode::Dark;
        QTest::newRow("breeze dark") << u"#202326"_s << Mode::Dark;
    }

    void modeOf()
    {
        QFETCH(QString, window);
        QFETCH(Mode, mode);
        QPalette p;
        p.setColor(QPalette::Window, QColor::fromString(window));
        QCOMPARE(Theme::modeOf(p), mode);
    }

    void ownPalettes()
    {
        QCOMPARE(Theme::modeOf(Theme::palette(Mode::Dark)), Mode::Dark);
        QCOMPARE(Theme::modeOf(Theme::palette(Mode::Light)), Mode::Light);
        const QPalette dark = Theme::palette(Mode::Dark);
        for (QPalette::ColorRole role : { QPalette::Window, QPalette::Base, QPalette::Button,
                 QPalette::AlternateBase, QPalette::ToolTipBase })
            QVERIFY2(dark.color(role).lightness() < 100, qPrintable(dark.color(role).name()));
        for (QPalette::ColorRole role :
            { QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::ToolTipText })
            QVERIFY(ratio(dark.color(role), dark.color(QPalette::Window)) >= 7.0);
        // The exports' tokens are the light ones whatever the screen shows.
        QCOMPARE(Theme::light().mode, Mode::Light);
        QCOMPARE(Theme::light().surface.name(), u"#ffffff"_s);
    }

    void styleSheet()
    {
        Theme::Tokens t;
        t.text = QColor(0x12, 0x34, 0x56);
        t.surface = QColor(255, 0, 0, 128);
        QCOMPARE(Theme::styleSheet(u"a { color: @text; background: @surface; x: @nothing; }"_s, t),
            u"a { color: #123456; background: rgba(255, 0, 0, 128); x: @nothing; }"_s);
        QCOMPARE(Theme::styleSheet(u"no tokens"_s, t), u"no tokens"_s);
    }
};

QTEST_MAIN(TestTheme)
#include "tst_theme.moc"
