#include "tests/bench/benchcsv.h"

#include <QByteArray>
#include <QDate>
#include <QFile>

#include <cstdio>

bool writeBenchCsv(const QString &path, qint64 rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    static const char *const regions[] = { "EMEA", "Americas", "APAC", "LATAM" };
    static const char *const products[]
        = { "Laptop", "Monitor", "\"Dock, USB-C\"", "Headset", "\"Keyboard \"\"Pro\"\"\"" };
    quint64 state = 42;
    QByteArray block = "Date,Region,Product,Units,Revenue,Cost\n";
    char line[160];
    for (qint64 i = 0; i < rows; ++i) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        const unsigned r = unsigned(state >> 33);
        const qint64 day = 18993 + (i / 20) % 1096; // from 2022-01-01
        const QDate date = QDate(1970, 1, 1).addDays(day);
        const int units = int(r % 40);
        std::snprintf(line, sizeof line, "%04d-%02d-%02d,%s,%s,%d,%d.%02u,%d.%02u\n", date.year(),
            date.month(), date.day(), regions[r % 4], products[(r >> 3) % 5], units, units * 97,
            r % 100, units * 55, (r >> 7) % 100);
        block += line;
        if (block.size() > (1 << 20)) {
            if (file.write(block) != block.size())
                return false;
            block.clear();
        }
    }
    return file.write(block) == block.size();
}
