#include "app/protocol/jsonfastpath.h"

#include "app/protocol/jsonfastpathdom.h"
#include "app/protocol/paddedjson.h"
#include "app/protocol/utf8bom.h"

#include <QJsonArray>

#include <cmath>

namespace dom = simdjson::dom;

namespace {

constexpr int maxDepth = 64;

// False for a value QJsonDocument reads otherwise than the DOM (each a reason to leave the whole
// text to it), anywhere under `element`.
bool faithful(dom::element element, int depth)
{
    if (depth > maxDepth)
        return false;
    switch (element.type()) {
    case dom::element_type::OBJECT: {
        const dom::object members = element.get_object().value_unsafe(); // not a temporary
        for (const dom::key_value_pair member : members) {
            if (startsWithUtf8Bom(member.key) || !faithful(member.value, depth + 1))
                return false;
        }
        return true;
    }
    case dom::element_type::ARRAY: {
        const dom::array items = element.get_array().value_unsafe(); // not a temporary
        for (const dom::element item : items) {
            if (!faithful(item, depth + 1))
                return false;
        }
        return true;
    }
    case dom::element_type::STRING:
        return !startsWithUtf8Bom(element.get_string().value_unsafe());
    case dom::element_type::UINT64: // QJsonDocument keeps these as doubles
        return false;
    case dom::element_type::DOUBLE:
        // A zero written as a double is left to QJsonDocument: -0.0 ("-0" alone is the integer 0
        // in both), and a number that underflows (1e-400), which simdjson reads as 0 and
        // QJsonDocument rejects as an illegal number.
        return element.get_double().value_unsafe() != 0;
    case dom::element_type::INT64:
    case dom::element_type::BOOL:
    case dom::element_type::NULL_VALUE:
        return true;
    }
    return false;
}

bool isAscii(std::string_view s)
{
    for (const char c : s) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

QString toString(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// An ASCII key or string is handed to Qt as Latin-1, which its JSON storage keeps as is (a UTF-16
// QString would be converted back); any other text goes through QString.
QLatin1StringView latin1(std::string_view s)
{
    return QLatin1StringView(s.data(), qsizetype(s.size()));
}

QJsonValue toValue(dom::element element);

// The conversions below read a DOM that faithful() accepted.
QJsonObject objectOf(dom::object object)
{
    QJsonObject out;
    for (const dom::key_value_pair member : object) { // a key twice: the last wins
        if (isAscii(member.key))
            out.insert(latin1(member.key), toValue(member.value));
        else
            out.insert(toString(member.key), toValue(member.value));
    }
    return out;
}

QJsonValue toValue(dom::element element)
{
    switch (element.type()) {
    case dom::element_type::OBJECT:
        return objectOf(element.get_object().value_unsafe());
    case dom::element_type::ARRAY: {
        QJsonArray array;
        const dom::array items = element.get_array().value_unsafe(); // not a temporary in the loop
        for (const dom::element item : items)
            array.append(toValue(item));
        return array;
    }
    case dom::element_type::STRING: {
        const std::string_view s = element.get_string().value_unsafe();
        return isAscii(s) ? QJsonValue(latin1(s)) : QJsonValue(toString(s));
    }
    case dom::element_type::INT64:
        return qint64(element.get_int64().value_unsafe());
    case dom::element_type::DOUBLE: {
        const double d = element.get_double().value_unsafe();
        // QJsonDocument keeps a whole number in the 64-bit range as that integer, past 2^53 too
        // (8888888888888881.5e3 is 8888888888888881152); QJsonValue(double) would not.
        if (std::trunc(d) == d && d >= -0x1p63 && d < 0x1p63)
            return qint64(d);
        return d;
    }
    case dom::element_type::BOOL:
        return element.get_bool().value_unsafe();
    case dom::element_type::UINT64: // never: faithful() rejects it
    case dom::element_type::NULL_VALUE:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}

struct Reader
{
    dom::parser parser;
    PaddedJson input;
};

} // namespace

bool JsonFastPath::parseDom(QByteArrayView utf8Json, dom::element &root)
{
    if (utf8Json.isEmpty() || utf8Json.size() > MaxBytes)
        return false;
    thread_local Reader reader;
    const char *json = reader.input.copy(utf8Json);
    return !reader.parser.parse(json, size_t(utf8Json.size()), false).get(root);
}

bool JsonFastPath::isFaithful(dom::element element)
{
    return faithful(element, 0);
}

QJsonObject JsonFastPath::toObject(dom::object object)
{
    return objectOf(object);
}

std::optional<QJsonObject> JsonFastPath::parseObject(QByteArrayView utf8Json)
{
    dom::element root;
    if (!parseDom(utf8Json, root) || root.type() != dom::element_type::OBJECT || !isFaithful(root))
        return std::nullopt;
    return toObject(root.get_object().value_unsafe());
}
