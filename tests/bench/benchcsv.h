#pragma once

#include <QString>

// The benchmarks' sales CSV: Date,Region,Product,Units,Revenue,Cost with `rows` rows, 20 rows per
// day from 2022-01-01 over 1096 days (then again from the start), 4 regions and 5 products (two
// with quoted names), from a fixed-seed generator so every run writes the same bytes.
bool writeBenchCsv(const QString &path, qint64 rows);
