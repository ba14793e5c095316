#pragma once

#include <QByteArray>
#include <QStringList>

class QIODevice;

// A streaming RFC 4180 reader over a QIODevice: it reads the device in blocks and never holds more
// than one block and one record. The first record is the header; its line chooses the separator
// (a comma, else a semicolon, else a tab). Quoted fields may hold separators, doubled quotes and
// line breaks; lines end in LF, CRLF or CR; a UTF-8 byte order mark is skipped; blank lines are
// skipped. Unquoted fields are returned as they are, spaces included.
//
// A record whose field count differs from the header's, or a quote left open at the end of the
// file, is returned as Status::BadRow with problem() saying which; line() is the 1-based line
// where that record starts, so the caller can name it.
class CsvReader
{
public:
    enum class Status { Row, BadRow, End };
    enum class Problem { None, FieldCount, UnterminatedQuote };

    explicit CsvReader(QIODevice *device, qsizetype blockSize = 64 * 1024);

    // Reads the header record. False when the device holds no record at all.
    bool readHeader();
    const QStringList &header() const { return m_header; }
    char separator() const { return m_separator; }

    // Reads the next record into fields().
    Status next();
    const QStringList &fields() const { return m_fields; }
    qint64 line() const { return m_recordLine; }
    Problem problem() const { return m_problem; }

    // Bytes taken from the device so far (for progress).
    qint64 bytesRead() const { return m_bytesRead; }

private:
    bool readRecord(); // false at the end of the input
    bool readMore();
    int get()
    {
        if (m_pos >= m_end && !readMore())
            return -1;
        return static_cast<unsigned char>(m_buffer[m_pos++]);
    }
    int peek()
    {
        if (m_pos >= m_end && !readMore())
            return -1;
        return static_cast<unsigned char>(m_buffer[m_pos]);
    }
    void detectSeparatorAndBom();
    void pushField();

    QIODevice *m_device;
    qsizetype m_blockSize;
    QByteArray m_buffer;
    qsizetype m_pos = 0;
    qsizetype m_end = 0;
    bool m_eof = false;
    qint64 m_bytesRead = 0;

    char m_separator = ',';
    QStringList m_header;
    QStringList m_fields;
    QByteArray m_field;
    qint64 m_line = 1; // line of the next byte
    qint64 m_recordLine = 0;
    Problem m_problem = Problem::None;
};
