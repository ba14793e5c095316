#include "app/export/markdownpolicy.h"

#include <md4c.h>

// Qt's feature values are md4c's flags (QTextMarkdownImporter passes them to md_parse()).
static_assert(int(QTextDocument::MarkdownNoHTML) == MD_FLAG_NOHTML);

unsigned MarkdownPolicy::md4cFlags()
{
    return MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
}

QTextDocument::MarkdownFeatures MarkdownPolicy::documentFeatures()
{
    return QTextDocument::MarkdownFeatures::fromInt(int(md4cFlags()));
}
