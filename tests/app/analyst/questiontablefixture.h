#pragma once

// The analyst over real imported data, shared by tst_questiontable and tst_questionfollowups: the
// bundled Sales sample and a generated "Fleet" dataset with other column names in one store, the
// analyst asked over it, and plain SQL over a dataset's table for the expected numbers.
#include "app/analyst/analystagent.h"
#include "app/analyst/questionparser.h"
#include "app/datasets/datasetstore.h"

#include <QObject>
#include <QTemporaryDir>

#include <optional>

class QuestionTableFixture : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

protected:
    DataFacts facts(const DatasetSchema &s) const;
    double sql(const QString &dataset, const QString &query) const;
    AgentReply ask(const QString &question, const std::optional<Intent> &previous = {});
    DatasetSchema schema(const QString &name) const;

    QTemporaryDir m_dir;
    DatasetStore m_store;
    QList<DatasetSchema> m_datasets;
};

// The SQL condition that column c0 (a date) lies in [from, to).
QString range(const QString &from, const QString &to);
