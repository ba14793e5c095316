#include "app/protocol/jsonfastpath.h"

#include "app/protocol/jsonfastpathdom.h"
#include "app/protocol/paddedjson.h"

#include <QJsonArray>

#include <cmath>

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

bool objectOf(dom::object object, int depth, QJsonObject &out)
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
        if (!objectOf(element.get_object().value_unsafe(), depth, object))
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

// What toValue() rejects, checked without building anything.
bool faithful(dom::element element, int depth)
{
    if (depth > maxDepth)
        return false;
    switch (element.type()) {
    case dom::element_type::OBJECT: {
        const dom::object members = element.get_object().value_unsafe(); // not a temporary
        for (const dom::key_value_pair member : members) {
            if (startsWithBom(member.key) || !faithful(member.value, depth + 1))
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
        return !startsWithBom(element.get_string().value_unsafe());
    case dom::element_type::UINT64:
        return false;
    case dom::element_type::DOUBLE:
        return element.get_double().value_unsafe() != 0;
    case dom::element_type::INT64:
    case dom::element_type::BOOL:
    case dom::element_type::NULL_VALUE:
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

bool JsonFastPath::toObject(dom::object object, QJsonObject &out)
{
    return objectOf(object, 0, out);
}

std::optional<QJsonObject> JsonFastPath::parseObject(QByteArrayView utf8Json)
{
    dom::element root;
    if (!parseDom(utf8Json, root) || root.type() != dom::element_type::OBJECT)
        return std::nullopt;
    QJsonObject object;
    if (!toObject(root.get_object().value_unsafe(), object))
        return std::nullopt;
    return object;
}
