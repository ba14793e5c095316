// A CSV file as the importer reads it: CsvReader, TypeInference over every row and ValueParser on
// every cell. The first byte chooses the reader's block size (1-256 bytes). Properties: the
// records do not depend on the block size (the same file read in 64 KiB blocks), and a date's
// day number survives civilFromDays and daysFromCivil.
#include "app/datasets/csvreader.h"
#include "app/datasets/typeinference.h"
#include "app/datasets/valueparser.h"
#include "tests/fuzz/fuzzinput.h"

#include <QBuffer>

namespace {

// Every record as its status, line, problem and fields; the cells through ValueParser.
QString readAll(const QByteArray &bytes, qsizetype blockSize)
{
    QBuffer device;
    device.setData(bytes);
    device.open(QIODevice::ReadOnly);
    CsvReader reader(&device, blockSize);
    if (!reader.readHeader())
        return QString();
    QString out = reader.header().join(QChar(0x1f)) + u'\n';
    TypeInference types(reader.header());
    for (CsvReader::Status status; (status = reader.next()) != CsvReader::Status::End;) {
        out += QString::number(int(status)) + u' ' + QString::number(reader.line()) + u' '
            + QString::number(int(reader.problem())) + u' ' + reader.fields().join(QChar(0x1f))
            + u'\n';
        if (status != CsvReader::Status::Row)
            continue;
        types.addRow(reader.fields());
        for (const QString &field : reader.fields()) {
            const QStringView cell = QStringView(field).trimmed();
            ValueParser::number(cell);
            if (const auto when = ValueParser::dateTime(cell)) {
                const qint64 days = when->seconds / 86400 - (when->seconds % 86400 < 0);
                int y = 0, m = 0, d = 0;
                ValueParser::civilFromDays(days, &y, &m, &d);
                FuzzInput::check(ValueParser::daysFromCivil(y, m, d) == days,
                    "civilFromDays and daysFromCivil disagree", cell.toString());
            }
        }
    }
    types.columns();
    TypeInference::columnNames(reader.header());
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArrayView input = FuzzInput::view(data, size);
    const qsizetype blockSize = qsizetype(FuzzInput::takeByte(input)) + 1;
    const QByteArray bytes = input.toByteArray();
    const QString small = readAll(bytes, blockSize);
    const QString large = readAll(bytes, 64 * 1024);
    FuzzInput::check(small == large, "CSV records differ with the block size", small, large);
    return 0;
}
