#pragma once

#include "ui/theme/theme.h"

// Chartroom's own colours per mode (the hues that do not come from the system's palette), for
// the derivation in theme.cpp and the forced palettes in themepalette.cpp.
namespace Theme {
struct Brand
{
    QColor window;
    QColor base;
    QColor text;
    QColor accent;
    QColor link;
    QColor warning; // the hue of warning fills and borders
    QColor warningText;
    QColor interruptedText;
    QColor error; // the hue of error fills and borders
    QColor errorText;
    QColor success;
    std::array<QColor, 8> series;
};
const Brand &brand(Mode mode);
} // namespace Theme
