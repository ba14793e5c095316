#include "app/protocol/flatobject.h"

#include "app/protocol/utf8bom.h"

#include <QtCore/qalgorithms.h>

#include <cstring>
#include <simdjson.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

using Member = FlatFrame::Member;
using Kind = FlatFrame::Kind;

constexpr int maxDigits = 15; // larger integers QJsonDocument might keep as a double

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

const char *skipSpace(const char *p, const char *end)
{
    while (p < end && isSpace(*p))
        ++p;
    return p;
}

// The first byte from `p` on that ends or interrupts a string's run of plain bytes: a quote, a
// backslash or a control character; at or past `end` when there is none before it. `nonAscii`
// is set when a byte of 0x80 or more was passed over. Reads 16 bytes a step, up to Padding bytes
// past `end`.
const char *findSpecial(const char *p, const char *end, bool &nonAscii)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i lastControl = _mm_set1_epi8(0x1F);
    for (; p < end; p += 16) {
        const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i control = _mm_cmpeq_epi8(_mm_min_epu8(bytes, lastControl), bytes);
        const uint hits = uint(_mm_movemask_epi8(_mm_or_si128(control,
            _mm_or_si128(_mm_cmpeq_epi8(bytes, quote), _mm_cmpeq_epi8(bytes, backslash)))));
        const uint high = uint(_mm_movemask_epi8(bytes));
        if (hits != 0) {
            const uint at = qCountTrailingZeroBits(hits);
            nonAscii |= (high & ((1u << at) - 1)) != 0;
            return p + at;
        }
        nonAscii |= high != 0;
    }
    return p;
#else
    for (; p < end; ++p) {
        const auto c = static_cast<unsigned char>(*p);
        if (c == '"' || c == '\\' || c < 0x20)
            return p;
        nonAscii |= c >= 0x80;
    }
    return end;
#endif
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// The code unit of the \uXXXX at `p`, or -1.
int codeUnitAt(const char *p, const char *end)
{
    if (end - p < 6 || p[0] != '\\' || p[1] != 'u')
        return -1;
    int unit = 0;
    for (int i = 2; i < 6; ++i) {
        const int digit = hexDigit(p[i]);
        if (digit < 0)
            return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

char *writeUtf8(char32_t c, char *w)
{
    if (c < 0x80) {
        *w++ = char(c);
    } else if (c < 0x800) {
        *w++ = char(0xC0 | (c >> 6));
        *w++ = char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        *w++ = char(0xE0 | (c >> 12));
        *w++ = char(0x80 | ((c >> 6) & 0x3F));
        *w++ = char(0x80 | (c & 0x3F));
    } else {
        *w++ = char(0xF0 | (c >> 18));
        *w++ = char(0x80 | ((c >> 12) & 0x3F));
        *w++ = char(0x80 | ((c >> 6) & 0x3F));
        *w++ = char(0x80 | (c & 0x3F));
    }
    return w;
}

// The escape at `p` (a backslash) written to `w`; the position after it, or nullptr for an
// invalid escape or a lone surrogate (QJsonDocument's way with those is its own).
const char *unescape(const char *p, const char *end, char *&w, bool &nonAscii)
{
    if (end - p < 2)
        return nullptr;
    char plain = 0;
    switch (p[1]) {
    case '"':
        plain = '"';
        break;
    case '\\':
        plain = '\\';
        break;
    case '/':
        plain = '/';
        break;
    case 'b':
        plain = '\b';
        break;
    case 'f':
        plain = '\f';
        break;
    case 'n':
        plain = '\n';
        break;
    case 'r':
        plain = '\r';
        break;
    case 't':
        plain = '\t';
        break;
    case 'u': {
        const int unit = codeUnitAt(p, end);
        if (unit < 0 || (unit >= 0xDC00 && unit <= 0xDFFF))
            return nullptr;
        char32_t c = char32_t(unit);
        const char *next = p + 6;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
            const int low = codeUnitAt(next, end);
            if (low < 0xDC00 || low > 0xDFFF)
                return nullptr;
            c = 0x10000 + ((char32_t(unit) - 0xD800) << 10) + (char32_t(low) - 0xDC00);
            next += 6;
        }
        // What an escape makes is valid UTF-8, but it may be a U+FEFF that starts the string.
        nonAscii |= c >= 0x80;
        w = writeUtf8(c, w);
        return next;
    }
    default:
        return nullptr;
    }
    *w++ = plain;
    return p + 2;
}

// A string's bytes may be taken as QJsonDocument reads them: valid UTF-8 (stage 1 of simdjson
// checked this before; its validator still does), and no U+FEFF first, which QJsonDocument drops
// or keeps as written where QString::fromUtf8 always drops it.
bool acceptable(QByteArrayView s, bool nonAscii)
{
    if (!nonAscii)
        return true;
    if (startsWithUtf8Bom(std::string_view(s.data(), size_t(s.size()))))
        return false;
    return simdjson::validate_utf8(s.data(), size_t(s.size()));
}

// The string that starts after the quote before `p`; the position after its closing quote, or
// nullptr. With no escape it is a view of the input; else it is unescaped at `scratch`, which
// then moves past it.
const char *readString(const char *p, const char *end, char *&scratch, QByteArrayView &out)
{
    bool nonAscii = false;
    const char *const start = p;
    p = findSpecial(p, end, nonAscii);
    if (p >= end)
        return nullptr;
    if (*p == '"') {
        out = QByteArrayView(start, p - start);
        return acceptable(out, nonAscii) ? p + 1 : nullptr;
    }
    char *w = scratch;
    std::memcpy(w, start, size_t(p - start));
    w += p - start;
    while (*p == '\\') {
        p = unescape(p, end, w, nonAscii);
        if (!p)
            return nullptr;
        const char *const run = p;
        p = findSpecial(p, end, nonAscii);
        if (p >= end)
            return nullptr;
        std::memcpy(w, run, size_t(p - run));
        w += p - run;
    }
    if (*p != '"')
        return nullptr; // a control character
    out = QByteArrayView(scratch, w - scratch);
    scratch = w;
    return acceptable(out, nonAscii) ? p + 1 : nullptr;
}

const char *readInteger(const char *p, const char *end, qint64 &out)
{
    const bool negative = *p == '-';
    if (negative)
        ++p;
    const char *const digits = p;
    qint64 n = 0;
    for (; p < end && *p >= '0' && *p <= '9'; ++p) {
        if (p - digits == maxDigits)
            return nullptr;
        n = n * 10 + (*p - '0');
    }
    const qsizetype count = p - digits;
    if (count == 0 || (count > 1 && *digits == '0'))
        return nullptr; // no digit, or a leading zero
    if (p < end && (*p == '.' || *p == 'e' || *p == 'E'))
        return nullptr;
    out = negative ? -n : n;
    return p;
}

const char *readLiteral(const char *p, const char *end, QByteArrayView literal)
{
    if (end - p < literal.size() || std::memcmp(p, literal.data(), size_t(literal.size())) != 0)
        return nullptr;
    return p + literal.size();
}

const char *readValue(const char *p, const char *end, char *&scratch, Member &member)
{
    switch (*p) {
    case '"':
        member.kind = Kind::String;
        return readString(p + 1, end, scratch, member.string);
    case 't':
        member.kind = Kind::True;
        return readLiteral(p, end, "true");
    case 'f':
        member.kind = Kind::False;
        return readLiteral(p, end, "false");
    case 'n':
        member.kind = Kind::Null;
        return readLiteral(p, end, "null");
    default:
        if (*p == '-' || (*p >= '0' && *p <= '9')) {
            member.kind = Kind::Integer;
            return readInteger(p, end, member.integer);
        }
        return nullptr; // an object, an array, or no JSON
    }
}

} // namespace

bool FlatObject::read(QByteArrayView json, FlatFrame &frame, char *scratch)
{
    const char *p = json.data();
    const char *const end = p + json.size();
    frame.memberCount = 0;
    p = skipSpace(p, end);
    if (p == end || *p != '{')
        return false;
    p = skipSpace(p + 1, end);
    if (p != end && *p == '}')
        return skipSpace(p + 1, end) == end;
    for (;;) {
        if (p == end || *p != '"' || frame.memberCount == FlatFrame::MaxMembers)
            return false;
        Member &member = frame.members[size_t(frame.memberCount)];
        p = readString(p + 1, end, scratch, member.key);
        if (!p)
            return false;
        p = skipSpace(p, end);
        if (p == end || *p != ':')
            return false;
        p = skipSpace(p + 1, end);
        if (p == end || !(p = readValue(p, end, scratch, member)))
            return false;
        ++frame.memberCount;
        p = skipSpace(p, end);
        if (p == end)
            return false;
        if (*p == '}')
            return skipSpace(p + 1, end) == end;
        if (*p != ',')
            return false;
        p = skipSpace(p + 1, end);
    }
}
