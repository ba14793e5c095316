#include "ui/workflow/workflowgraphstyle.h"

#include "ui/theme/theme.h"

namespace {
WorkflowGraphStyle fromTokens(const Theme::Tokens &tokens, const QFont &font)
{
    WorkflowGraphStyle s;
    s.canvas = tokens.window;
    s.box = tokens.surface;
    s.boxBorder = tokens.border;
    s.rootFill = tokens.accentFill;
    s.rootBorder = tokens.accent;
    s.problemBorder = tokens.errorBorder;
    s.text = tokens.text;
    s.mutedText = tokens.mutedText;
    s.edge = tokens.mutedText;
    s.backEdge = tokens.errorText;
    s.problemText = tokens.errorText;
    s.font = font;
    s.smallFont = Theme::smallFont(font);
    return s;
}
} // namespace

WorkflowGraphStyle WorkflowGraphStyle::forPalette(const QPalette &palette, const QFont &font)
{
    return fromTokens(Theme::tokens(palette, Theme::modeOf(palette)), font);
}

WorkflowGraphStyle WorkflowGraphStyle::forExport(const QFont &font)
{
    return fromTokens(Theme::light(), font);
}
