#include "tests/app/export/exportersuite.h"

#include <QTest>

void ExporterSuite::initTestCase()
{
    m_fixture = std::make_unique<ExportFixture>();
    QVERIFY2(m_fixture->store.error.isEmpty(), qPrintable(m_fixture->store.error));
    QVERIFY(m_fixture->conversationId > 0);
    QVERIFY(m_fixture->chartWithData > 0 && m_fixture->chartWithoutData > 0);
}
