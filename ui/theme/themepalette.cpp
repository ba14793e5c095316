#include "ui/theme/themebrand.h"

namespace {
const Theme::Brand lightBrand {
    { 0xf5, 0xf6, 0xf8 }, // window
    { 0xff, 0xff, 0xff }, // base
    { 0x1f, 0x23, 0x28 }, // text
    { 0x2f, 0x6f, 0xd0 }, // accent
    { 0x1f, 0x5f, 0xc4 }, // link
    { 0xe8, 0xa3, 0x3a }, // warning
    { 0x7a, 0x53, 0x00 }, // warningText
    { 0xa1, 0x5c, 0x07 }, // interruptedText
    { 0xd6, 0x45, 0x45 }, // error
    { 0xa3, 0x1f, 0x14 }, // errorText
    { 0x1e, 0x7d, 0x46 }, // success
    { { { 0x3a, 0x7b, 0xe0 }, { 0xe8, 0x83, 0x3a }, { 0x2f, 0xa3, 0x6b }, { 0x8a, 0x5c, 0xd6 },
        { 0xd6, 0x4f, 0x4f }, { 0x1f, 0x9e, 0xa8 }, { 0xc9, 0xa2, 0x27 }, { 0x6b, 0x72, 0x80 } } },
};

const Theme::Brand darkBrand {
    { 0x1e, 0x20, 0x24 }, // window
    { 0x17, 0x19, 0x1c }, // base
    { 0xe6, 0xe8, 0xeb }, // text
    { 0x3f, 0x7f, 0xd9 }, // accent
    { 0x7a, 0xb3, 0xff }, // link
    { 0xe0, 0xa0, 0x40 }, // warning
    { 0xf2, 0xc0, 0x6a }, // warningText
    { 0xe6, 0xa5, 0x52 }, // interruptedText
    { 0xe0, 0x55, 0x50 }, // error
    { 0xff, 0x9a, 0x90 }, // errorText
    { 0x5c, 0xc9, 0x8a }, // success
    { { { 0x6e, 0xa8, 0xf7 }, { 0xf2, 0x9a, 0x55 }, { 0x4c, 0xc3, 0x87 }, { 0xb0, 0x8c, 0xf0 },
        { 0xf0, 0x70, 0x70 }, { 0x3c, 0xc4, 0xcf }, { 0xe3, 0xc1, 0x4a }, { 0xa6, 0xad, 0xb8 } } },
};
} // namespace

const Theme::Brand &Theme::brand(Mode mode)
{
    return mode == Mode::Dark ? darkBrand : lightBrand;
}

QPalette Theme::palette(Mode mode)
{
    const Brand &b = brand(mode);
    const bool dark = mode == Mode::Dark;
    const QColor button = mix(b.base, b.text, dark ? 0.10 : 0.04);
    const QColor muted = mix(b.text, b.base, 0.45);
    QPalette p(button, b.window); // light, midlight, mid, dark and shadow from the button
    for (QPalette::ColorRole role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(role, b.text);
    p.setColor(QPalette::Window, b.window);
    p.setColor(QPalette::Base, b.base);
    p.setColor(QPalette::BrightText, dark ? QColor(Qt::white) : QColor(Qt::black));
    p.setColor(QPalette::AlternateBase, mix(b.base, b.text, dark ? 0.05 : 0.03));
    p.setColor(QPalette::ToolTipBase, dark ? mix(b.window, b.text, 0.12) : b.base);
    p.setColor(QPalette::ToolTipText, b.text);
    p.setColor(QPalette::PlaceholderText, muted);
    p.setColor(QPalette::Highlight, b.accent);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, b.link);
    p.setColor(QPalette::LinkVisited, mix(b.link, b.text, 0.3));
    p.setColor(QPalette::Shadow, Qt::black);
    const QColor disabled = mix(b.text, b.base, 0.6);
    for (QPalette::ColorRole role :
        { QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText })
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, mix(b.accent, b.base, 0.5));
    p.setColor(QPalette::Disabled, QPalette::Base, b.window);
    return p;
}
