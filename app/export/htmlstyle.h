#pragma once

#include <QString>

// The style sheet inlined in every HTML export: readable, print-friendly, your questions and the
// answers visually distinct. No fonts, images or imports from outside.
class HtmlStyle
{
public:
    static QString css();
};
