#pragma once

#include <cstdint>
#include <string>

// The bundled sample dataset: daily sales from 2022-01-01 to 2024-12-31 by region (EMEA,
// Americas, APAC, LATAM) and product (Laptop, Monitor, Dock, Headset, Keyboard), with Units,
// Revenue and Cost. Realistic and fully deterministic: a growth trend per region, yearly
// seasonality peaking in December, quieter weekends, and noise from a seeded SplitMix64
// generator. Only integer and basic IEEE double arithmetic (no libm), so every platform writes
// the same bytes.
class SalesGenerator
{
public:
    static constexpr std::uint64_t defaultSeed = 20220101;

    explicit SalesGenerator(std::uint64_t seed = defaultSeed)
        : m_state(seed)
    {
    }

    // The whole CSV: a header line, then one LF-terminated line per day, region and product.
    std::string csv();

private:
    std::uint64_t next(); // SplitMix64
    double uniform(); // [0, 1)
    double gaussian(); // approximately N(0, 1): a scaled sum of four uniforms

    std::uint64_t m_state;
};
