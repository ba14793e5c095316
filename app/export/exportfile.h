#pragma once

#include "app/export/exporterror.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

// Writes an export atomically (QSaveFile): the file appears complete or not at all, and an
// existing file is only replaced by a complete one. Failures are typed and in words:
// "Cannot write /x/y.html: the folder /x does not exist." / "…: Permission denied." / "…: the disk
// is full."
class ExportFile
{
    Q_DECLARE_TR_FUNCTIONS(ExportFile)
public:
    static ExportStatus write(const QString &path, const QByteArray &bytes);
};
