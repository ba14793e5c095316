#pragma once

#include <QByteArray>
#include <QString>

#include <cstdio>

// For in-process tests of the CLI commands: an Output writes to temporary FILEs (tmpfile()),
// and what was written is read back after the command ran.
struct CapturedRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Everything written to `f` so far, as UTF-8; closes `f`.
inline QString readBack(std::FILE *f)
{
    std::fflush(f);
    std::rewind(f);
    QByteArray bytes;
    char block[4096];
    size_t n = 0;
    while ((n = std::fread(block, 1, sizeof block, f)) > 0)
        bytes.append(block, qsizetype(n));
    std::fclose(f);
    return QString::fromUtf8(bytes);
}
