#include "ui/theme/theme.h"

QColor Theme::text()
{
    return { 0x1f, 0x23, 0x28 };
}

QColor Theme::mutedText()
{
    return { 0x6a, 0x72, 0x7d };
}

QColor Theme::link()
{
    return { 0x1f, 0x5f, 0xc4 };
}

QColor Theme::accent()
{
    return { 0x3a, 0x7b, 0xe0 };
}

QColor Theme::accentFill()
{
    return { 0xe8, 0xf0, 0xfc };
}

QColor Theme::surface()
{
    return { 0xff, 0xff, 0xff };
}

QColor Theme::border()
{
    return { 0xd5, 0xd9, 0xe0 };
}

QColor Theme::controlBorder()
{
    return { 0xb9, 0xc8, 0xdd };
}

QColor Theme::userBubble()
{
    return { 0xd8, 0xe8, 0xfd };
}

QColor Theme::assistantBubble()
{
    return { 0xf0, 0xf1, 0xf4 };
}

QColor Theme::warningFill()
{
    return { 0xfd, 0xf1, 0xe2 };
}

QColor Theme::warningText()
{
    return { 0xb4, 0x63, 0x0a };
}

QColor Theme::interruptedText()
{
    return { 0xa1, 0x5c, 0x07 };
}

QColor Theme::errorFill()
{
    return { 0xfd, 0xec, 0xea };
}

QColor Theme::errorBorder()
{
    return { 0xf1, 0xb8, 0xb3 };
}

QColor Theme::errorText()
{
    return { 0xa3, 0x1f, 0x14 };
}

QFont Theme::smallFont(const QFont &base)
{
    QFont f = base;
    f.setPointSizeF(base.pointSizeF() * 0.88);
    return f;
}
