#include "app/cli/output.h"

#include <QJsonObject>

using namespace Qt::StringLiterals;

void Output::line(const QString &text) const
{
    write(text + u'\n');
}

void Output::write(const QString &text) const
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out);
    std::fflush(m_out);
}

void Output::json(const QJsonDocument &document) const
{
    const QByteArray bytes = document.toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_out);
    std::fflush(m_out);
}

void Output::json(const QJsonObject &object) const
{
    json(QJsonDocument(object));
}

void Output::error(const QString &text) const
{
    const QByteArray bytes = u"chartroom-cli: "_s.toUtf8() + text.toUtf8() + '\n';
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), m_err);
    std::fflush(m_err);
}
