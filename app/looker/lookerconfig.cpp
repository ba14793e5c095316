#include "app/looker/lookerconfig.h"

#include "app/net/urlpath.h"

using namespace Qt::StringLiterals;

QUrl LookerConfig::urlFor(const QString &path) const
{
    return urlUnder(baseUrl, QString(u"api/4.0/"_s + path));
}
