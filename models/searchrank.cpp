#include "models/searchrank.h"

#include "models/sqlitedeadline.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVarLengthArray>
#include <QVariant>

#include <algorithm>
#include <cmath>
#include <memory>
#include <sqlite3.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {
// Per statement (FTS5 auxiliary data): the phrases' IDF and the table's average row length.
struct RankData
{
    QVarLengthArray<double, 8> idf;
    QVarLengthArray<double, 8> frequency; // scratch, per row
    double averageLength = 0;
};

// Per connection: the best `keep` ranks of the statement running so far (a max-heap), and
// whether the row ranked last is among them (chartroom_kept()).
struct Kept
{
    int keep = 0;
    std::vector<double> best;
    bool last = false;

    void reset(int count)
    {
        keep = count;
        best.clear();
        last = false;
    }
    // A row ranked later than an equal one sorts after it (a stable sort by rank), so only a
    // strictly better rank displaces the worst kept one.
    void offer(double rank)
    {
        last = false;
        if (keep <= 0)
            return;
        if (int(best.size()) == keep) {
            if (!(rank < best.front()))
                return;
            std::pop_heap(best.begin(), best.end());
            best.pop_back();
        }
        best.push_back(rank);
        std::push_heap(best.begin(), best.end());
        last = true;
    }
};

int countRow(const Fts5ExtensionApi *, Fts5Context *, void *userData)
{
    ++*static_cast<sqlite3_int64 *>(userData);
    return SQLITE_OK;
}

// The IDF of FTS5's bm25 (fts5_aux.c): log((N - n + 0.5) / (n + 0.5)), at least 1e-6.
double idfOf(sqlite3_int64 rows, sqlite3_int64 hits)
{
    const double idf = std::log((double(rows - hits) + 0.5) / (double(hits) + 0.5));
    return idf <= 0.0 ? 1e-6 : idf;
}

// `values`: the optional sample size and hit counts (after the table and `keep`).
int prepare(const Fts5ExtensionApi *api, Fts5Context *fts, int nVal, sqlite3_value **values,
    std::unique_ptr<RankData> *out)
{
    auto data = std::make_unique<RankData>();
    const int phrases = api->xPhraseCount(fts);
    sqlite3_int64 rows = 0;
    sqlite3_int64 tokens = 0;
    int rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc != SQLITE_OK)
        return rc;
    data->averageLength = double(tokens) / double(rows);
    data->frequency.resize(phrases);
    data->idf.resize(phrases);
    // The caller's counts, unless they are not one per phrase or the table is no bigger than
    // the sample: then this table's own, as bm25() counts them.
    const sqlite3_int64 sampleRows = nVal == phrases + 1 ? sqlite3_value_int64(values[0]) : 0;
    const bool given = sampleRows > 0 && sampleRows < rows;
    for (int i = 0; i < phrases; ++i) {
        sqlite3_int64 hits = 0;
        if (given)
            hits = sqlite3_value_int64(values[i + 1]);
        else if ((rc = api->xQueryPhrase(fts, i, &hits, countRow)) != SQLITE_OK)
            return rc;
        data->idf[i] = idfOf(given ? sampleRows : rows, hits);
    }
    *out = std::move(data);
    return SQLITE_OK;
}

void deleteRankData(void *data)
{
    delete static_cast<RankData *>(data);
}

// The score of fts5Bm25Function (fts5_aux.c), term for term.
void rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int nVal,
    sqlite3_value **values)
{
    constexpr double k1 = 1.2;
    constexpr double b = 0.75;
    auto *kept = static_cast<Kept *>(api->xUserData(fts));
    auto *data = static_cast<RankData *>(api->xGetAuxdata(fts, 0));
    int rc = SQLITE_OK;
    if (nVal < 1) {
        sqlite3_result_error(context, "chartroom_bm25: how many best rows to keep?", -1);
        return;
    }
    if (!data) { // the statement's first row
        kept->reset(sqlite3_value_int(values[0]));
        std::unique_ptr<RankData> made;
        rc = prepare(api, fts, nVal - 1, values + 1, &made);
        if (rc == SQLITE_OK) {
            data = made.get();
            rc = api->xSetAuxdata(fts, made.release(), deleteRankData); // frees it on failure
        }
    }
    int instances = 0;
    if (rc == SQLITE_OK) {
        std::fill(data->frequency.begin(), data->frequency.end(), 0.0);
        rc = api->xInstCount(fts, &instances);
    }
    for (int i = 0; rc == SQLITE_OK && i < instances; ++i) {
        int phrase = 0;
        int column = 0;
        int offset = 0;
        rc = api->xInst(fts, i, &phrase, &column, &offset);
        if (rc == SQLITE_OK)
            data->frequency[phrase] += 1.0;
    }
    double length = 0.0;
    if (rc == SQLITE_OK) {
        int rowTokens = 0;
        rc = api->xColumnSize(fts, -1, &rowTokens);
        length = double(rowTokens);
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    double score = 0.0;
    for (qsizetype i = 0; i < data->idf.size(); ++i) {
        const double f = data->frequency[i];
        score += data->idf[i]
            * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * length / data->averageLength)));
    }
    kept->offer(-1.0 * score);
    sqlite3_result_double(context, -1.0 * score);
}

void keptFunction(sqlite3_context *context, int, sqlite3_value **)
{
    sqlite3_result_int(context, static_cast<Kept *>(sqlite3_user_data(context))->last ? 1 : 0);
}

void deleteKept(void *kept)
{
    delete static_cast<Kept *>(kept);
}

StoreError installError(const QString &detail)
{
    return StoreError { StoreError::Code::QueryFailed,
        QCoreApplication::translate("StoreError", "Preparing the history search failed."), detail };
}
} // namespace

StoreStatus SearchRank::install(const QSqlDatabase &connection)
{
    sqlite3 *db = sqliteHandle(connection);
    if (!db)
        return installError(u"not an SQLite connection"_s);
    fts5_api *fts5 = nullptr;
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr) == SQLITE_OK) {
        sqlite3_bind_pointer(statement, 1, static_cast<void *>(&fts5), "fts5_api_ptr", nullptr);
        sqlite3_step(statement);
    }
    sqlite3_finalize(statement);
    if (!fts5 || fts5->iVersion < 2)
        return installError(u"this SQLite has no FTS5"_s);
    // One Kept per connection, shared by the two functions; the ranking function owns it.
    auto *kept = new Kept;
    if (fts5->xCreateFunction(fts5, functionName, kept, rank, deleteKept) != SQLITE_OK) {
        delete kept;
        return installError(QString::fromUtf8(sqlite3_errmsg(db)));
    }
    if (sqlite3_create_function_v2(
            db, keptFunctionName, 0, SQLITE_UTF8, kept, keptFunction, nullptr, nullptr, nullptr)
        != SQLITE_OK)
        return installError(QString::fromUtf8(sqlite3_errmsg(db)));
    return std::nullopt;
}
