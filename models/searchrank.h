#pragma once

#include "models/storeerror.h"

class QSqlDatabase;

// chartroom_bm25(fts_table, keep [, sample_rows, hits_1, ..., hits_n]): FTS5's own bm25 ranking
// (same k1 = 1.2, b = 0.75, term frequencies, row lengths and average row length, same
// arithmetic; lower is better) with the inverse document frequency of each query phrase taken
// from counts the caller made: `hits_i` rows containing phrase i among `sample_rows` rows.
// FTS5's bm25() counts each phrase over the whole table on every query (a walk of its whole index
// entry: ~10 ms for a word in a third of a million messages). Without counts, with counts that
// are not one per phrase (in the query's order), or when the table has no more rows than the
// sample, it counts over the whole table as bm25() does, and returns exactly bm25().
//
// chartroom_kept(), evaluated after chartroom_bm25 in a row: 1 when that row's rank is among
// the `keep` best of the statement so far (in the order rows came, a later tie not better), so
// per-row work such as snippet() can be left to the rows that may still end up in the best
// `keep` ("CASE WHEN chartroom_kept() THEN snippet(...) END"): the final best `keep` were all
// kept when they came, and about keep * (1 + ln(rows / keep)) rows are.
namespace SearchRank {
constexpr auto functionName = "chartroom_bm25";
constexpr auto keptFunctionName = "chartroom_kept";
// Registers the function on this (open, SQLite) connection.
StoreStatus install(const QSqlDatabase &connection);
} // namespace SearchRank
