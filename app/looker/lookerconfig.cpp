#include "lookerconfig.h"

QUrl LookerConfig::urlFor(const QString &path) const
{
    QUrl url = baseUrl;
    QString base = url.path();
    if (!base.endsWith(u'/'))
        base += u'/';
    url.setPath(base + u"api/4.0/"_qs + path);
    return url;
}
