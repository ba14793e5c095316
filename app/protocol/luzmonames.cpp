#include "app/protocol/luzmonames.h"

using namespace Qt::StringLiterals;

QString LuzmoNames::levelAdjective(int level)
{
    switch (level) {
    case 1:
        return u"Yearly"_s;
    case 2:
        return u"Quarterly"_s;
    case 3:
        return u"Monthly"_s;
    case 4:
        return u"Weekly"_s;
    case 5:
        return u"Daily"_s;
    default:
        return {};
    }
}

QString LuzmoNames::levelNoun(int level)
{
    switch (level) {
    case 1:
        return u"year"_s;
    case 2:
        return u"quarter"_s;
    case 3:
        return u"month"_s;
    case 4:
        return u"week"_s;
    case 5:
        return u"day"_s;
    default:
        return {};
    }
}
