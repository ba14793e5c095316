#pragma once

#include <QStringView>
#include <QUrl>

// `base` with `relative` appended to its path, one slash between them whatever `base` ends
// with: urlUnder("https://h/api/", u"0.1.0/aiprompt") is https://h/api/0.1.0/aiprompt. The
// query and fragment of `base` are kept.
QUrl urlUnder(const QUrl &base, QStringView relative);
