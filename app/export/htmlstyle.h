#pragma once

#include <QString>

// The style sheet inlined in every HTML export: readable, print-friendly, your questions and the
// answers visually distinct. No fonts, images or imports from outside. Always light, whatever
// theme the window shows (issue 16.1): an analyst exports into a report or onto paper, where a
// dark page would be wrong. These are the export's own colours (app/ knows nothing of ui/theme);
// the charts in it are drawn with the light theme tokens (ChartExport, Theme::light()).
class HtmlStyle
{
public:
    static QString css();
};
