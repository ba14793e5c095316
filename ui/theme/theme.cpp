#include "ui/theme/theme.h"

#include "ui/theme/themebrand.h"

#include <QGuiApplication>
#include <QRegularExpression>

#include <cmath>
#include <initializer_list>

using namespace Qt::StringLiterals;

namespace {
using Theme::Mode;
using Theme::Tokens;

// WCAG 2 relative luminance and contrast ratio.
double luminance(const QColor &c)
{
    const auto channel
        = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrast(const QColor &a, const QColor &b)
{
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

// `fg` as it is when it reaches `ratio` on every one of `backgrounds`; else moved towards black
// (light backgrounds) or white (dark ones) in 5% steps until it does.
QColor readable(const QColor &fg, std::initializer_list<QColor> backgrounds, double ratio)
{
    const bool darkBackground = luminance(*backgrounds.begin()) < 0.18;
    const QColor end = darkBackground ? QColor(Qt::white) : QColor(Qt::black);
    for (int step = 0; step <= 20; ++step) {
        const QColor c = Theme::mix(fg, end, step / 20.0);
        bool ok = true;
        for (const QColor &bg : backgrounds)
            ok = ok && contrast(c, bg) >= ratio;
        if (ok)
            return c;
    }
    return end;
}

Tokens derive(const QPalette &p, Mode mode)
{
    using Theme::mix;
    const Theme::Brand &b = Theme::brand(mode);
    const bool dark = mode == Mode::Dark;
    Tokens t;
    t.mode = mode;
    t.window = p.color(QPalette::Active, QPalette::Window);
    t.surface = p.color(QPalette::Active, QPalette::Base);
    t.text = readable(p.color(QPalette::Active, QPalette::Text), { t.surface, t.window }, 7.0);
    t.raised = mix(t.surface, t.text, dark ? 0.07 : 0.035);
    t.accent = b.accent;
    t.accentHover = dark ? b.accent.lighter(115) : b.accent.darker(115);
    t.onAccent = readable(Qt::white, { t.accent, t.accentHover }, 4.5);
    t.accentFill = mix(t.surface, t.accent, dark ? 0.24 : 0.10);
    t.divider = mix(t.surface, t.text, dark ? 0.14 : 0.09);
    t.border = mix(t.surface, t.text, dark ? 0.24 : 0.16);
    t.controlBorder = mix(t.border, t.accent, 0.35);
    t.focusBorder = mix(t.surface, t.accent, 0.7);
    t.userBubble = mix(t.surface, t.accent, dark ? 0.30 : 0.17);
    t.assistantBubble = mix(t.surface, t.text, dark ? 0.08 : 0.05);
    t.codeBackground = mix(t.surface, t.text, dark ? 0.11 : 0.07);
    t.tableBorder = mix(t.surface, t.text, dark ? 0.30 : 0.20);
    t.chip = mix(t.surface, t.accent, dark ? 0.26 : 0.11);
    t.chipDataset = mix(t.surface, b.success, dark ? 0.26 : 0.16);
    t.chipText = readable(mix(t.text, t.accent, 0.35), { t.chip, t.chipDataset }, 4.5);
    t.mutedText = readable(mix(t.text, t.surface, 0.42),
        { t.surface, t.window, t.raised, t.assistantBubble, t.userBubble, t.accentFill }, 4.5);
    t.disabledText = mix(t.text, t.surface, 0.6);
    t.link = readable(b.link, { t.surface, t.assistantBubble, t.userBubble, t.raised }, 4.5);
    t.warningFill = mix(t.surface, b.warning, dark ? 0.18 : 0.13);
    t.warningBorder = mix(t.surface, b.warning, dark ? 0.45 : 0.45);
    t.warningText = readable(b.warningText, { t.warningFill, t.surface }, 4.5);
    t.interruptedText
        = readable(b.interruptedText, { t.surface, t.assistantBubble, t.window }, 4.5);
    t.errorFill = mix(t.surface, b.error, dark ? 0.20 : 0.10);
    t.errorBorder = mix(t.surface, b.error, dark ? 0.50 : 0.38);
    t.errorText = readable(b.errorText, { t.errorFill, t.surface, t.window }, 4.5);
    t.success = readable(b.success, { t.surface }, 4.5);
    t.chartBackground = t.surface;
    t.chartText = t.text;
    t.chartMutedText = readable(mix(t.text, t.surface, 0.36), { t.surface }, 4.5);
    t.chartGrid = mix(t.surface, t.text, dark ? 0.14 : 0.09);
    t.chartAxis = mix(t.surface, t.text, dark ? 0.36 : 0.28);
    for (size_t i = 0; i < t.chartSeries.size(); ++i)
        t.chartSeries[i] = readable(b.series[i], { t.surface }, 3.0);
    return t;
}

struct Named
{
    QLatin1StringView name;
    QColor Tokens::*member;
};

const Named names[] = {
    { "window"_L1, &Tokens::window },
    { "surface"_L1, &Tokens::surface },
    { "raised"_L1, &Tokens::raised },
    { "text"_L1, &Tokens::text },
    { "mutedText"_L1, &Tokens::mutedText },
    { "disabledText"_L1, &Tokens::disabledText },
    { "link"_L1, &Tokens::link },
    { "accent"_L1, &Tokens::accent },
    { "accentHover"_L1, &Tokens::accentHover },
    { "onAccent"_L1, &Tokens::onAccent },
    { "accentFill"_L1, &Tokens::accentFill },
    { "border"_L1, &Tokens::border },
    { "controlBorder"_L1, &Tokens::controlBorder },
    { "focusBorder"_L1, &Tokens::focusBorder },
    { "divider"_L1, &Tokens::divider },
    { "userBubble"_L1, &Tokens::userBubble },
    { "assistantBubble"_L1, &Tokens::assistantBubble },
    { "codeBackground"_L1, &Tokens::codeBackground },
    { "tableBorder"_L1, &Tokens::tableBorder },
    { "chip"_L1, &Tokens::chip },
    { "chipDataset"_L1, &Tokens::chipDataset },
    { "chipText"_L1, &Tokens::chipText },
    { "warningFill"_L1, &Tokens::warningFill },
    { "warningBorder"_L1, &Tokens::warningBorder },
    { "warningText"_L1, &Tokens::warningText },
    { "interruptedText"_L1, &Tokens::interruptedText },
    { "errorFill"_L1, &Tokens::errorFill },
    { "errorBorder"_L1, &Tokens::errorBorder },
    { "errorText"_L1, &Tokens::errorText },
    { "success"_L1, &Tokens::success },
    { "chartBackground"_L1, &Tokens::chartBackground },
    { "chartText"_L1, &Tokens::chartText },
    { "chartMutedText"_L1, &Tokens::chartMutedText },
};
} // namespace

Theme::Mode Theme::modeOf(const QPalette &palette)
{
    return palette.color(QPalette::Active, QPalette::Window).lightness() < 128 ? Mode::Dark
                                                                               : Mode::Light;
}

Theme::Tokens Theme::tokens(const QPalette &palette, Mode mode)
{
    return derive(modeOf(palette) == mode ? palette : Theme::palette(mode), mode);
}

const Theme::Tokens &Theme::current()
{
    static qint64 key = 0;
    static Tokens cached;
    const QPalette p = QGuiApplication::palette();
    if (key == 0 || p.cacheKey() != key) {
        cached = tokens(p, modeOf(p));
        key = p.cacheKey();
    }
    return cached;
}

const Theme::Tokens &Theme::light()
{
    static const Tokens t = tokens(palette(Mode::Light), Mode::Light);
    return t;
}

QString Theme::styleSheet(const QString &templ, const Tokens &tokens)
{
    static const QRegularExpression token(u"@([A-Za-z]+)"_s);
    QString out;
    out.reserve(templ.size());
    qsizetype at = 0;
    for (const QRegularExpressionMatch &m : token.globalMatch(templ)) {
        out += QStringView(templ).mid(at, m.capturedStart() - at);
        at = m.capturedEnd();
        const QColor *colour = nullptr;
        for (const Named &n : names) {
            if (m.capturedView(1) == n.name)
                colour = &(tokens.*n.member);
        }
        if (!colour)
            out += m.capturedView();
        else if (colour->alpha() == 255)
            out += colour->name(QColor::HexRgb);
        else
            out += u"rgba(%1, %2, %3, %4)"_s.arg(colour->red())
                       .arg(colour->green())
                       .arg(colour->blue())
                       .arg(colour->alpha());
    }
    out += QStringView(templ).mid(at);
    return out;
}

QColor Theme::mix(const QColor &a, const QColor &b, qreal t)
{
    const auto lerp = [t](int x, int y) { return int(std::lround(x + (y - x) * t)); };
    return QColor(lerp(a.red(), b.red()), lerp(a.green(), b.green()), lerp(a.blue(), b.blue()),
        lerp(a.alpha(), b.alpha()));
}

QColor Theme::text()
{
    return current().text;
}

QColor Theme::accent()
{
    return current().accent;
}

QColor Theme::userBubble()
{
    return current().userBubble;
}

QColor Theme::assistantBubble()
{
    return current().assistantBubble;
}

QFont Theme::smallFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.88);
    return f;
}
