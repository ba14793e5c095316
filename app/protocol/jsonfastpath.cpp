#include "app/protocol/jsonfastpath.h"

#include "app/protocol/paddedjson.h"

#include <QJsonArray>

#include <cmath>
#include <simdjson.h>

namespace dom = simdjson::dom;

namespace {

constexpr int maxDepth = 64;

// The three-byte UTF-8 of U+FEFF: QJsonDocument drops it at the start of a string (or keeps it in
// a key), and keeps it when written \ufeff; the DOM cannot tell which it was.
bool startsWithBom(std::string_view s)
{
    return s.size() >= 3 && s[0] == '\xEF' && s[1] == '\xBB' && s[2] == '\xBF';
}

bool toValue(dom::element element, int depth, QJsonValue &out);

bool toString(std::string_view s, QString &out)
{
    if (startsWithBom(s))
        return false;
    out = QString::fromUtf8(s.data(), qsizetype(s.size()));
    return true;
}

bool toObject(dom::object object, int depth, QJsonObject &out)
{
    for (const dom::key_value_pair member : object) {
        QString key;
        QJsonValue value;
        if (!toString(member.key, key) || !toValue(member.value, depth + 1, value))
            return false;
        out.insert(key, value); // a key twice: the last one wins, as in QJsonDocument
    }
    return true;
}

bool toValue(dom::element element, int depth, QJsonValue &out)
{
    if (depth > maxDepth)
        return false;
    switch (element.type()) {
    case dom::element_type::OBJECT: {
        QJsonObject object;
        if (!toObject(element.get_object().value_unsafe(), depth, object))
            return false;
        out = object;
        return true;
    }
    case dom::element_type::ARRAY: {
        QJsonArray array;
        const dom::array items = element.get_array().value_unsafe(); // not a temporary in the loop
        for (const dom::element item : items) {
            QJsonValue value;
            if (!toValue(item, depth + 1, value))
                return false;
            array.append(value);
        }
        out = array;
        return true;
    }
    case dom::element_type::STRING: {
        QString string;
        if (!toString(element.get_string().value_unsafe(), string))
            return false;
        out = string;
        return true;
    }
    case dom::element_type::INT64:
        out = qint64(element.get_int64().value_unsafe());
        return true;
    case dom::element_type::UINT64: // QJsonDocument keeps these as doubles
        return false;
    case dom::element_type::DOUBLE: {
        const double d = element.get_double().value_unsafe();
        // A zero written as a double is left to QJsonDocument: -0.0 ("-0" alone is the integer 0
        // in both), and a number that underflows (1e-400), which simdjson reads as 0 and
        // QJsonDocument rejects as an illegal number.
        if (d == 0)
            return false;
        // QJsonDocument keeps a whole number in the 64-bit range as that integer, past 2^53 too
        // (8888888888888881.5e3 is 8888888888888881152); QJsonValue(double) would not.
        if (std::trunc(d) == d && d >= -0x1p63 && d < 0x1p63)
            out = qint64(d);
        else
            out = d;
        return true;
    }
    case dom::element_type::BOOL:
        out = element.get_bool().value_unsafe();
        return true;
    case dom::element_type::NULL_VALUE:
        out = QJsonValue(QJsonValue::Null);
        return true;
    }
    return false;
}

struct Reader
{
    dom::parser parser;
    PaddedJson input;
};

} // namespace

std::optional<QJsonObject> JsonFastPath::parseObject(QByteArrayView utf8Json)
{
    if (utf8Json.isEmpty() || utf8Json.size() > MaxBytes)
        return std::nullopt;
    thread_local Reader reader;
    const char *json = reader.input.copy(utf8Json);
    dom::element root;
    if (reader.parser.parse(json, size_t(utf8Json.size()), false).get(root)
        || root.type() != dom::element_type::OBJECT)
        return std::nullopt;
    QJsonObject object;
    if (!toObject(root.get_object().value_unsafe(), 0, object))
        return std::nullopt;
    return object;
}
