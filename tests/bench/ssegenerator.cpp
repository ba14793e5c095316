#include "tests/bench/ssegenerator.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <initializer_list>

namespace {

// Words of the deltas; none needs JSON escaping. Several are not ASCII, as in real answers.
constexpr std::array<const char *, 24> words { "Revenue", "peaked", "in", "März", "at", "12 400 €",
    "the", "monthly", "total", "grew", "by", "8,5 %", "über", "last", "year's", "numbers", "while",
    "costs", "stayed", "flat", "in", "São Paulo", "and", "Zürich" };

constexpr int deltasPerBlock = 200;

// A small LCG, so that every run writes the same bytes.
struct Random
{
    std::uint32_t state = 12345;
    std::uint32_t next()
    {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    }
};

// Concatenates bytes (QT_NO_CAST_FROM_ASCII leaves no `"..." + QByteArray`).
QByteArray join(std::initializer_list<QByteArrayView> parts)
{
    QByteArray out;
    for (const QByteArrayView part : parts)
        out.append(part);
    return out;
}

QByteArray uuid(std::uint32_t answer, std::uint32_t kind)
{
    char buffer[40];
    std::snprintf(
        buffer, sizeof buffer, "%08x-%04x-4b8e-9f57-%012x", answer, kind, answer * 2654435761u);
    return QByteArray(buffer);
}

struct Context
{
    QByteArray conversation;
    QByteArray user;
    QByteArray assistant;
    QByteArray tail; // the context fields that close every frame
};

void frame(QByteArray &out, const QByteArray &head, const Context &context)
{
    out += "data: {";
    out += head;
    out += context.tail;
    out += "}\n\n";
}

constexpr char assetDelta1[]
    = R"("delta":"{\"type\":\"line-chart\",\"options\":{\"title\":{\"en\":\"Monthly revenue\"}},\"slots\":[{\"name\":\"x-axis\",\"content\":[{\"datasetId\":\"0d1c9d43-3b7e-4b8e-9f57-6a1de4a0c2b1\",\"columnId\":\"c-order-date\",\"type\":\"datetime\",\"level\":4,\"lab",)";
constexpr char assetDelta2[]
    = R"("delta":"el\":{\"en\":\"Order date\"}}]},{\"name\":\"measure\",\"content\":[{\"datasetId\":\"0d1c9d43-3b7e-4b8e-9f57-6a1de4a0c2b1\",\"columnId\":\"c-revenue\",\"type\":\"numeric\",\"aggregationFunc\":\"sum\",\"label\":{\"en\":\"Revenue\"}}]}],\"filters\":[]}",)";
constexpr char itemValue[]
    = R"({"type":"line-chart","options":{"title":{"en":"Monthly revenue"}},"slots":[{"name":"x-axis","content":[{"datasetId":"0d1c9d43-3b7e-4b8e-9f57-6a1de4a0c2b1","columnId":"c-order-date","type":"datetime","level":4,"label":{"en":"Order date"}}]},{"name":"measure","content":[{"datasetId":"0d1c9d43-3b7e-4b8e-9f57-6a1de4a0c2b1","columnId":"c-revenue","type":"numeric","aggregationFunc":"sum","label":{"en":"Revenue"}}]}],"filters":[]})";

void answer(QByteArray &out, std::uint32_t n, Random &random)
{
    Context c { uuid(n, 1), uuid(n, 2), uuid(n, 3), {} };
    c.tail = join({ "\"conversation_id\":\"", c.conversation, "\",\"user_message_id\":\"", c.user,
        "\",\"assistant_message_id\":\"", c.assistant, "\"" });
    out += join({ ": answer ", QByteArray::number(n), "\n\n" });
    frame(out, "\"type\":\"start\",", Context { {}, {}, {}, c.tail });
    frame(out, "\"type\":\"progress\",\"message\":\"Reading dataset\",", c);
    frame(out, "\"type\":\"progress\",\"message\":\"Choosing a chart\",", c);

    QByteArray message; // the whole answer text, JSON-escaped, for finish
    for (int block = 0; block < 2; ++block) {
        const QByteArray index = QByteArray::number(block);
        frame(out, join({ "\"type\":\"text_start\",\"index\":", index, "," }), c);
        if (block > 0)
            message += "\\n\\n";
        for (int d = 0; d < deltasPerBlock; ++d) {
            QByteArray delta;
            const int count = 1 + int(random.next() % 4);
            for (int w = 0; w < count; ++w) {
                delta += words[random.next() % words.size()];
                if (d + 1 < deltasPerBlock || w + 1 < count)
                    delta += ' ';
            }
            message += delta;
            frame(out,
                join(
                    { "\"type\":\"text_delta\",\"index\":", index, ",\"delta\":\"", delta, "\"," }),
                c);
        }
        frame(out, join({ "\"type\":\"text_end\",\"index\":", index, "," }), c);
    }

    const QByteArray assetId = uuid(n, 4);
    frame(out, "\"type\":\"asset_start\",\"index\":0,\"asset_type\":\"item\",", c);
    frame(out, join({ "\"type\":\"asset_delta\",\"index\":0,", assetDelta1 }), c);
    frame(out, join({ "\"type\":\"asset_delta\",\"index\":0,", assetDelta2 }), c);
    frame(out, join({ "\"type\":\"asset_end\",\"index\":0,\"id\":\"", assetId, "\"," }), c);

    const QByteArray stamp = "\"created_at\":\"2026-05-14T10:03:11.000Z\",\"updated_at\":"
                             "\"2026-05-14T10:03:13.000Z\"";
    const QByteArray finish
        = join({ "\"type\":\"finish\",\"result\":{\"conversation_id\":\"", c.conversation,
            "\",\"user_message\":{\"id\":\"", c.user, "\",\"conversation_id\":\"", c.conversation,
            "\",\"message\":\"Show monthly revenue as a line chart.\",\"role\":\"user\",\"agent\":"
            "\"item\",\"task\":\"generate\",\"locale_id\":\"en\",",
            stamp, ",\"aiMessageAssets\":[]},\"assistant_message\":{\"id\":\"", c.assistant,
            "\",\"conversation_id\":\"", c.conversation, "\",\"message\":\"", message,
            "\",\"role\":\"assistant\",\"agent\":null,\"task\":null,\"locale_id\":\"en\",", stamp,
            ",\"aiMessageAssets\":[{\"id\":\"", assetId, "\",\"message_id\":\"", c.assistant,
            "\",\"type\":\"item\",\"value\":", itemValue, ",", stamp, "}]}}," });
    frame(out, finish, c);
    out += "data: [DONE]\n\n";
}

} // namespace

QByteArray SseGenerator::generate(int megabytes)
{
    const qsizetype target = qsizetype(megabytes) * 1000 * 1000;
    QByteArray out;
    out.reserve(target + 64 * 1024);
    Random random;
    for (std::uint32_t n = 1; out.size() < target; ++n)
        answer(out, n, random);
    return out;
}

qsizetype SseGenerator::answersIn(const QByteArray &body)
{
    return body.count("data: [DONE]\n");
}
