#pragma once

#include <QByteArrayView>

#include <cstddef>
#include <cstring>
#include <memory>

// A copy of a JSON text followed by the padding simdjson reads past its end (spaces), in a buffer
// kept from one frame to the next: the input of FlatFrame and JsonFastPath.
class PaddedJson
{
public:
    static constexpr size_t Padding = 64; // SIMDJSON_PADDING

    const char *copy(QByteArrayView json)
    {
        const size_t needed = size_t(json.size()) + Padding;
        if (needed > m_capacity) {
            m_capacity = needed > 4096 ? needed : 4096;
            m_buffer = std::make_unique<char[]>(m_capacity);
        }
        std::memcpy(m_buffer.get(), json.data(), size_t(json.size()));
        std::memset(m_buffer.get() + json.size(), ' ', Padding);
        return m_buffer.get();
    }
    size_t capacity() const { return m_capacity; }

private:
    std::unique_ptr<char[]> m_buffer;
    size_t m_capacity = 0;
};
