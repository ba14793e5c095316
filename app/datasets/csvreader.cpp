#include "app/datasets/csvreader.h"

#include <QIODevice>

#include <cstring>

CsvReader::CsvReader(QIODevice *device, qsizetype blockSize)
    : m_device(device)
    , m_blockSize(qMax<qsizetype>(1, blockSize))
{
}

bool CsvReader::readMore()
{
    if (m_eof)
        return false;
    if (m_pos > 0) {
        const qsizetype left = m_end - m_pos;
        if (left > 0)
            std::memmove(m_buffer.data(), m_buffer.constData() + m_pos, size_t(left));
        m_end = left;
        m_pos = 0;
    }
    if (m_buffer.size() < m_end + m_blockSize)
        m_buffer.resize(m_end + m_blockSize);
    const qint64 n = m_device->read(m_buffer.data() + m_end, m_blockSize);
    if (n <= 0) {
        m_eof = true;
        return false;
    }
    m_end += qsizetype(n);
    m_bytesRead += n;
    return true;
}

void CsvReader::detectSeparatorAndBom()
{
    // A comma when the header record has one outside quotes, else a semicolon, else a tab. The
    // whole record, up to its first line end outside quotes (or the end of the input), is read
    // before deciding, so the separator does not depend on the block size. Each byte is looked at
    // once.
    bool quoted = false, ended = false;
    bool comma = false, semicolon = false, tab = false;
    qsizetype scanned = 0; // bytes after m_pos looked at (m_pos stays 0: nothing is consumed)
    for (;;) {
        for (; !ended && m_pos + scanned < m_end; ++scanned) {
            const char c = m_buffer[m_pos + scanned];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                ended = c == '\n' || c == '\r';
                comma = comma || c == ',';
                semicolon = semicolon || c == ';';
                tab = tab || c == '\t';
            }
        }
        if (ended || !readMore())
            break;
    }
    if (m_end - m_pos >= 3 && std::memcmp(m_buffer.constData() + m_pos, "\xEF\xBB\xBF", 3) == 0)
        m_pos += 3;
    m_separator = comma ? ',' : semicolon ? ';' : tab ? '\t' : ',';
}

bool CsvReader::readHeader()
{
    detectSeparatorAndBom();
    if (!readRecord())
        return false;
    m_header = m_fields;
    return true;
}

void CsvReader::pushField()
{
    m_fields.append(QString::fromUtf8(m_field));
    m_field.clear();
}

bool CsvReader::readRecord()
{
    m_fields.clear();
    m_problem = Problem::None;
    int c = get();
    // Blank lines are not records.
    while (c == '\n' || c == '\r') {
        if (c == '\r' && peek() == '\n')
            get();
        ++m_line;
        c = get();
    }
    if (c < 0)
        return false;
    m_recordLine = m_line;
    const int sep = static_cast<unsigned char>(m_separator);
    for (;;) {
        m_field.clear();
        if (c == '"') {
            for (;;) {
                c = get();
                if (c < 0) {
                    m_problem = Problem::UnterminatedQuote;
                    pushField();
                    return true;
                }
                if (c == '"') {
                    if (peek() == '"') {
                        get();
                        m_field.append('"');
                        continue;
                    }
                    break;
                }
                if (c == '\n' || (c == '\r' && peek() != '\n'))
                    ++m_line;
                m_field.append(char(c));
            }
            c = get();
            // Lenient: text after a closing quote belongs to the field ("a"b -> ab).
            while (c >= 0 && c != sep && c != '\n' && c != '\r') {
                m_field.append(char(c));
                c = get();
            }
        } else {
            // Copy the run of plain bytes in one go where the block allows.
            while (c >= 0 && c != sep && c != '\n' && c != '\r') {
                const qsizetype start = m_pos - 1;
                qsizetype i = m_pos;
                while (i < m_end) {
                    const char b = m_buffer[i];
                    if (b == char(sep) || b == '\n' || b == '\r')
                        break;
                    ++i;
                }
                m_field.append(m_buffer.constData() + start, i - start);
                m_pos = i;
                c = get();
            }
        }
        pushField();
        if (c == sep) {
            c = get();
            continue;
        }
        if (c == '\r' && peek() == '\n')
            get();
        if (c == '\n' || c == '\r')
            ++m_line;
        return true;
    }
}

CsvReader::Status CsvReader::next()
{
    if (!readRecord())
        return Status::End;
    if (m_problem == Problem::None && m_fields.size() != m_header.size())
        m_problem = Problem::FieldCount;
    return m_problem == Problem::None ? Status::Row : Status::BadRow;
}
