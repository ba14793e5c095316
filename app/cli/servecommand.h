#pragma once

#include "app/cli/output.h"

#include <QString>

// `chartroom-cli serve`: runs the local Luzmo-compatible analyst server until SIGINT or
// SIGTERM. Prints "listening on http://127.0.0.1:PORT" when ready, and the key and token a
// client needs (random for this run unless given).
class ServeCommand
{
public:
    struct Options
    {
        QString dataDirectory;
        quint16 port = 0;
        QString key;
        QString token;
        bool printCredentials = true;
    };

    explicit ServeCommand(const Output &output)
        : m_output(output)
    {
    }
    int run(const Options &options);

private:
    const Output &m_output;
};
