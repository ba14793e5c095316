#pragma once

#include <QJsonDocument>
#include <QString>

#include <cstdio>

// Where the CLI writes: UTF-8 lines to stdout, errors in words to stderr.
class Output
{
public:
    explicit Output(FILE *out = stdout, FILE *err = stderr)
        : m_out(out)
        , m_err(err)
    {
    }

    void line(const QString &text = {}) const;
    // Writes text as is (no newline), flushing so streamed answers show at once.
    void write(const QString &text) const;
    void json(const QJsonDocument &document) const; // compact, one line
    void json(const QJsonObject &object) const;
    void error(const QString &text) const;

private:
    FILE *m_out;
    FILE *m_err;
};

// Exit codes of chartroom-cli.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };
