#include "salesgenerator.h"

#include <cstdio>

namespace {
struct Region
{
    const char *name;
    double scale;
    double growthPerYear;
};
struct Product
{
    const char *name;
    long long priceCents;
    long long unitCostCents;
    double dailyUnits;
};

constexpr Region regions[] = {
    { "EMEA", 1.0, 0.08 },
    { "Americas", 1.35, 0.06 },
    { "APAC", 0.85, 0.16 },
    { "LATAM", 0.35, 0.12 },
};
constexpr Product products[] = {
    { "Laptop", 119900, 82000, 6.0 },
    { "Monitor", 32900, 21000, 10.0 },
    { "Dock", 18900, 10500, 8.0 },
    { "Headset", 12900, 6200, 18.0 },
    { "Keyboard", 7900, 3400, 25.0 },
};
// January ... December: a summer dip, a strong autumn and the December peak.
constexpr double monthFactor[]
    = { 0.84, 0.82, 0.95, 0.97, 1.0, 0.96, 0.9, 0.88, 1.02, 1.06, 1.22, 1.48 };
// Monday ... Sunday.
constexpr double weekdayFactor[] = { 1.06, 1.09, 1.07, 1.04, 1.0, 0.68, 0.52 };

long long daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void civilFromDays(long long z, int *y, int *m, int *d)
{
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    *d = int(doy - (153 * mp + 2) / 5 + 1);
    *m = int(mp < 10 ? mp + 3 : mp - 9);
    *y = int(yoe + era * 400 + (*m <= 2));
}

long long roundHalfUp(double v)
{
    return v <= 0 ? 0 : static_cast<long long>(v + 0.5);
}

void appendMoney(std::string &out, long long cents)
{
    char text[32];
    std::snprintf(text, sizeof text, "%lld.%02lld", cents / 100, cents % 100);
    out += text;
}
} // namespace

std::uint64_t SalesGenerator::next()
{
    std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double SalesGenerator::uniform()
{
    return double(next() >> 11) * (1.0 / 9007199254740992.0);
}

double SalesGenerator::gaussian()
{
    return (uniform() + uniform() + uniform() + uniform() - 2.0) * 1.7320508075688772;
}

std::string SalesGenerator::csv()
{
    std::string out;
    out.reserve(1 << 20);
    out += "Date,Region,Product,Units,Revenue,Cost\n";
    const long long first = daysFromCivil(2022, 1, 1);
    const long long last = daysFromCivil(2024, 12, 31);
    for (long long day = first; day <= last; ++day) {
        int y = 0, m = 0, d = 0;
        civilFromDays(day, &y, &m, &d);
        const int weekday = int(((day % 7) + 7 + 3) % 7); // 1970-01-01 was a Thursday; 0 = Monday
        const double years = double(day - first) / 365.25;
        // The run-up to Christmas peaks in the days before the 24th.
        const double christmas = (m == 12 && d >= 10 && d <= 23) ? 1.15 : 1.0;
        char date[16];
        std::snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
        for (const Region &region : regions) {
            const double trend = 1.0 + region.growthPerYear * years;
            for (const Product &product : products) {
                const double noise = 1.0 + 0.12 * gaussian();
                const long long units = roundHalfUp(product.dailyUnits * region.scale * trend
                    * monthFactor[m - 1] * weekdayFactor[weekday] * christmas * noise);
                const double discount = 1.0 - 0.12 * uniform();
                const double costSpread = 0.97 + 0.06 * uniform();
                const long long revenue
                    = roundHalfUp(double(units * product.priceCents) * discount);
                const long long cost
                    = roundHalfUp(double(units * product.unitCostCents) * costSpread);
                out += date;
                out += ',';
                out += region.name;
                out += ',';
                out += product.name;
                out += ',';
                out += std::to_string(units);
                out += ',';
                appendMoney(out, revenue);
                out += ',';
                appendMoney(out, cost);
                out += '\n';
            }
        }
    }
    return out;
}
