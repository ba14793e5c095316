#include "app/net/urlpath.h"

QUrl urlUnder(const QUrl &base, QStringView relative)
{
    QUrl url = base;
    QString path = url.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    while (relative.startsWith(u'/'))
        relative = relative.mid(1);
    url.setPath(path + u'/' + relative);
    return url;
}
