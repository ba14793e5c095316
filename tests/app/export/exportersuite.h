#pragma once

#include "tests/app/export/exportfixture.h"

#include <QObject>
#include <QTemporaryDir>

#include <memory>

// The base of the ConversationExporter suites: one realistic stored conversation (ExportFixture),
// made and checked once per suite, and a folder for what they write.
class ExporterSuite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

protected:
    std::unique_ptr<ExportFixture> m_fixture;
    QTemporaryDir m_out;
};
