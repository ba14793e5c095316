#include "app/looker/lookerconfig.h"

using namespace Qt::StringLiterals;

QUrl LookerConfig::urlFor(const QString &path) const
{
    QUrl url = baseUrl;
    QString base = url.path();
    if (!base.endsWith(u'/'))
        base += u'/';
    url.setPath(base + u"api/4.0/"_s + path);
    return url;
}
