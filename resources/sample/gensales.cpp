// Writes the bundled sample dataset (see SalesGenerator) to the file named on the command line.
// Run at build time; the output is embedded in chartroom_core as :/sample/sales.csv.

#include "resources/sample/salesgenerator.h"

#include <cstdio>

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: gensales OUTPUT.csv\n");
        return 2;
    }
    const std::string csv = SalesGenerator().csv();
    std::FILE *file = std::fopen(argv[1], "wb");
    if (!file) {
        std::perror(argv[1]);
        return 1;
    }
    const bool ok = std::fwrite(csv.data(), 1, csv.size(), file) == csv.size();
    if (std::fclose(file) != 0 || !ok) {
        std::perror(argv[1]);
        return 1;
    }
    return 0;
}
