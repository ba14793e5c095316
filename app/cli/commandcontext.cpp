#include "app/cli/commandcontext.h"

#include "models/repository.h"

#include <QNetworkAccessManager>

CommandContext::CommandContext(const Output &output, CommandLine line)
    : m_output(output)
    , m_line(std::move(line))
    , m_dataDirectory(Database::resolveDataDirectory(m_line.dataDirectory()))
{
}

// The repository and the network access go before the database they use.
CommandContext::~CommandContext() = default;

Repository *CommandContext::repository()
{
    if (m_repository)
        return m_repository.get();
    if (StoreStatus e = m_database.open(m_dataDirectory)) {
        m_output.error(e->message);
        return nullptr;
    }
    m_repository = std::make_unique<Repository>(m_database);
    return m_repository.get();
}

QNetworkAccessManager &CommandContext::network()
{
    if (!m_network)
        m_network = std::make_unique<QNetworkAccessManager>();
    return *m_network;
}
