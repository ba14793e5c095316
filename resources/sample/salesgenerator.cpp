#include "resources/sample/salesgenerator.h"

#include <chrono>
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
    using namespace std::chrono;
    const sys_days first { 2022y / January / 1 };
    const sys_days last { 2024y / December / 31 };
    for (sys_days day = first; day <= last; day += days(1)) {
        const year_month_day civil { day };
        const int y = int(civil.year());
        const int m = int(unsigned(civil.month()));
        const int d = int(unsigned(civil.day()));
        const int weekday = int(std::chrono::weekday(day).iso_encoding()) - 1; // 0 = Monday
        const double years = double((day - first).count()) / 365.25;
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
