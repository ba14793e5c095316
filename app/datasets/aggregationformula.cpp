#include "app/datasets/aggregationformula.h"

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;

struct AggregationFormula::Node
{
    enum class Kind { Number, Term, Negate, Add, Subtract, Multiply, Divide };
    Kind kind = Kind::Number;
    double number = 0;
    int term = -1;
    std::shared_ptr<const Node> left, right;
};

namespace {
using Node = AggregationFormula::Node;
using NodePtr = std::shared_ptr<const Node>;

struct Function
{
    const char16_t *name;
    Aggregation aggregation;
};
// COUNTR() counts rows and takes no reference.
constexpr Function functions[] = {
    { u"SUM", Aggregation::Sum },
    { u"AVG", Aggregation::Average },
    { u"COUNTD", Aggregation::DistinctCount },
    { u"COUNTR", Aggregation::Count },
    { u"COUNT", Aggregation::Count },
    { u"MIN", Aggregation::Min },
    { u"MAX", Aggregation::Max },
};

// A recursive-descent reader of the grammar
//   expression := product (("+" | "-") product)*
//   product    := factor (("*" | "/") factor)*
//   factor     := number | "-" factor | "(" expression ")" | FUNCTION "(" [reference] ")"
class Reader
{
public:
    Reader(const QString &text, const QString &datasetId, QList<QueryMeasure> *terms)
        : m_text(text)
        , m_datasetId(datasetId)
        , m_terms(terms)
    {
    }

    NodePtr readAll()
    {
        NodePtr root = expression();
        skipSpace();
        if (root && m_pos < m_text.size())
            fail(u"unexpected \""_s + m_text.mid(m_pos, 12) + u'"');
        return m_error.isEmpty() ? root : nullptr;
    }
    QString error() const { return m_error; }

private:
    NodePtr expression()
    {
        return chain(&Reader::product, { u'+', Node::Kind::Add }, { u'-', Node::Kind::Subtract });
    }

    NodePtr product()
    {
        return chain(&Reader::factor, { u'*', Node::Kind::Multiply }, { u'/', Node::Kind::Divide });
    }

    // operand (op operand)*, left-associative, for the two operators of one precedence level.
    struct Operator
    {
        QChar symbol;
        Node::Kind kind;
    };
    NodePtr chain(NodePtr (Reader::*operand)(), Operator first, Operator second)
    {
        NodePtr left = (this->*operand)();
        while (left) {
            skipSpace();
            const QChar op = peek();
            if (op != first.symbol && op != second.symbol)
                break;
            ++m_pos;
            NodePtr right = (this->*operand)();
            if (!right)
                return nullptr;
            left = binary(op == first.symbol ? first.kind : second.kind, left, right);
        }
        return left;
    }

    NodePtr factor()
    {
        if (++m_depth > 64)
            return fail(u"it nests too deeply"_s);
        skipSpace();
        NodePtr node;
        const QChar c = peek();
        if (c == u'-') {
            ++m_pos;
            if (NodePtr inner = factor())
                node = unary(inner);
        } else if (c == u'(') {
            ++m_pos;
            node = expression();
            if (node && !take(u')'))
                node = fail(u"a \")\" is missing"_s);
        } else if (c.isDigit() || c == u'.') {
            node = number();
        } else if (c.isLetter()) {
            node = call();
        } else {
            node = fail(m_pos < m_text.size() ? u"unexpected \""_s + c + u'"'
                                              : u"it ends where a value is expected"_s);
        }
        --m_depth;
        return node;
    }

    NodePtr number()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && (m_text.at(m_pos).isDigit() || m_text.at(m_pos) == u'.'))
            ++m_pos;
        bool ok = false;
        const double value = QStringView(m_text).mid(start, m_pos - start).toDouble(&ok);
        if (!ok)
            return fail(u"\""_s + m_text.mid(start, m_pos - start) + u"\" is not a number"_s);
        auto node = std::make_shared<Node>();
        node->number = value;
        return node;
    }

    NodePtr call()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && m_text.at(m_pos).isLetter())
            ++m_pos;
        const QString name = m_text.mid(start, m_pos - start).toUpper();
        const Function *function = std::find_if(std::begin(functions), std::end(functions),
            [&](const Function &f) { return name == QStringView(f.name); });
        if (function == std::end(functions))
            return fail(u"the function "_s + name + u" is not known"_s);
        skipSpace();
        if (!take(u'('))
            return fail(u"a \"(\" must follow "_s + name);
        QueryMeasure measure;
        measure.aggregation = function->aggregation;
        skipSpace();
        if (name != u"COUNTR") {
            if (!take(u'{'))
                return fail(name + u" needs a {dataset:column} reference"_s);
            const qsizetype close = m_text.indexOf(u'}', m_pos);
            if (close < 0)
                return fail(u"a \"}\" is missing"_s);
            const QString reference = m_text.mid(m_pos, close - m_pos);
            m_pos = close + 1;
            const qsizetype colon = reference.indexOf(u':');
            const QString dataset = reference.left(colon).trimmed();
            measure.columnId = colon < 0 ? QString() : reference.mid(colon + 1).trimmed();
            if (measure.columnId.isEmpty())
                return fail(u"the reference {"_s + reference + u"} names no column"_s);
            if (dataset != m_datasetId)
                return fail(u"the reference {"_s + reference + u"} is to another dataset"_s);
            skipSpace();
        }
        if (!take(u')'))
            return fail(u"a \")\" must close "_s + name);
        qsizetype index = m_terms->indexOf(measure);
        if (index < 0) {
            m_terms->append(measure);
            index = m_terms->size() - 1;
        }
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::Term;
        node->term = int(index);
        return node;
    }

    static NodePtr binary(Node::Kind kind, NodePtr left, NodePtr right)
    {
        auto node = std::make_shared<Node>();
        node->kind = kind;
        node->left = std::move(left);
        node->right = std::move(right);
        return node;
    }
    static NodePtr unary(NodePtr inner)
    {
        auto node = std::make_shared<Node>();
        node->kind = Node::Kind::Negate;
        node->left = std::move(inner);
        return node;
    }

    NodePtr fail(const QString &why)
    {
        if (m_error.isEmpty())
            m_error = why;
        m_pos = m_text.size();
        return nullptr;
    }
    void skipSpace()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos).isSpace())
            ++m_pos;
    }
    QChar peek() const { return m_pos < m_text.size() ? m_text.at(m_pos) : QChar(); }
    bool take(QChar c)
    {
        if (peek() != c)
            return false;
        ++m_pos;
        return true;
    }

    const QString &m_text;
    const QString &m_datasetId;
    QList<QueryMeasure> *m_terms;
    qsizetype m_pos = 0;
    int m_depth = 0;
    QString m_error;
};

std::optional<double> evaluateNode(const Node &node, const QList<std::optional<double>> &terms)
{
    switch (node.kind) {
    case Node::Kind::Number:
        return node.number;
    case Node::Kind::Term:
        return terms.value(node.term);
    case Node::Kind::Negate: {
        const auto v = evaluateNode(*node.left, terms);
        return v ? std::optional<double>(-*v) : std::nullopt;
    }
    case Node::Kind::Add:
    case Node::Kind::Subtract:
    case Node::Kind::Multiply:
    case Node::Kind::Divide:
        break;
    }
    const auto a = evaluateNode(*node.left, terms);
    const auto b = evaluateNode(*node.right, terms);
    if (!a || !b)
        return std::nullopt;
    switch (node.kind) {
    case Node::Kind::Add:
        return *a + *b;
    case Node::Kind::Subtract:
        return *a - *b;
    case Node::Kind::Multiply:
        return *a * *b;
    default:
        return *b == 0 ? std::nullopt : std::optional<double>(*a / *b);
    }
}

// Whether `query` is ordered on one of its formula measures (then collapse() orders and pages).
bool ordersOnFormula(
    const DataQuery &query, const QList<std::optional<AggregationFormula>> &formulas)
{
    const qsizetype dims = query.dimensions.size();
    return std::any_of(query.order.cbegin(), query.order.cend(), [&](const QuerySort &s) {
        const qsizetype measure = s.column - dims;
        return measure >= 0 && measure < formulas.size() && formulas.at(measure).has_value();
    });
}

std::optional<double> numberOf(const QJsonValue &v)
{
    return v.isDouble() ? std::optional<double>(v.toDouble()) : std::nullopt;
}
} // namespace

Expected<AggregationFormula, QString> AggregationFormula::parse(
    const QString &expression, const QString &datasetId)
{
    AggregationFormula formula;
    Reader reader(expression, datasetId, &formula.m_terms);
    formula.m_root = reader.readAll();
    if (!formula.m_root)
        return QString(
            u"The formula \""_s + expression + u"\" cannot be read: "_s + reader.error() + u'.');
    return formula;
}

std::optional<double> AggregationFormula::evaluate(
    const QList<std::optional<double>> &termValues) const
{
    return evaluateNode(*m_root, termValues);
}

QString AggregationFormula::termExpression(const QString &datasetId, const QueryMeasure &measure)
{
    if (measure.columnId.isEmpty())
        return u"COUNTR()"_s;
    // COUNTR() counts rows and takes no reference: a count of a column is COUNT.
    const Function *function
        = std::find_if(std::begin(functions), std::end(functions), [&](const Function &f) {
              return f.aggregation == measure.aggregation && QStringView(f.name) != u"COUNTR";
          });
    return QString::fromUtf16(function->name) + u"({"_s + datasetId + u':' + measure.columnId
        + u"})"_s;
}

bool FormulaExpansion::needed(const DataQuery &query)
{
    return std::any_of(query.measures.cbegin(), query.measures.cend(),
        [](const QueryMeasure &m) { return !m.formula.isEmpty(); });
}

Expected<DataQuery, QString> FormulaExpansion::expand(
    const DataQuery &query, QList<std::optional<AggregationFormula>> *formulas)
{
    DataQuery expanded = query;
    expanded.measures.clear();
    formulas->clear();
    QList<int> position; // where each of query's measures starts in the expanded row
    const int dims = int(query.dimensions.size());
    for (const QueryMeasure &m : query.measures) {
        position.append(dims + int(expanded.measures.size()));
        if (m.formula.isEmpty()) {
            formulas->append(std::nullopt);
            expanded.measures.append(m);
            continue;
        }
        auto parsed = AggregationFormula::parse(m.formula, query.datasetId);
        if (!parsed)
            return parsed.error();
        auto &formula = *parsed;
        expanded.measures.append(formula.terms());
        formulas->append(std::move(formula));
    }
    expanded.order.clear();
    if (ordersOnFormula(
            query, *formulas)) { // every group comes back; collapse() orders and pages them
        expanded.limit = std::numeric_limits<int>::max();
        expanded.offset = 0;
        return expanded;
    }
    for (QuerySort s : query.order) {
        if (s.column >= dims)
            s.column = position.value(s.column - dims);
        expanded.order.append(s);
    }
    return expanded;
}

QList<QJsonArray> FormulaExpansion::collapse(const DataQuery &query,
    const QList<std::optional<AggregationFormula>> &formulas, QList<QJsonArray> expandedRows)
{
    const int dims = int(query.dimensions.size());
    QList<QJsonArray> rows;
    rows.reserve(expandedRows.size());
    for (const QJsonArray &in : std::as_const(expandedRows)) {
        QJsonArray out;
        for (int i = 0; i < dims; ++i)
            out.append(in.at(i));
        int at = dims;
        for (const auto &formula : formulas) {
            if (!formula) {
                out.append(in.at(at++));
                continue;
            }
            QList<std::optional<double>> values;
            for (qsizetype t = 0; t < formula->terms().size(); ++t)
                values.append(numberOf(in.at(at++)));
            const std::optional<double> v = formula->evaluate(values);
            out.append(v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null));
        }
        rows.append(out);
    }
    if (!ordersOnFormula(query, formulas))
        return rows;
    // Nulls last, then the page asked for.
    const auto less = [&](const QJsonArray &a, const QJsonArray &b) {
        for (const QuerySort &s : query.order) {
            const QJsonValue x = a.at(s.column), y = b.at(s.column);
            if (x == y)
                continue;
            if (x.isNull() || y.isNull())
                return y.isNull();
            const bool before = x.isDouble() && y.isDouble() ? x.toDouble() < y.toDouble()
                                                             : x.toString() < y.toString();
            return s.descending ? !before : before;
        }
        return false;
    };
    std::stable_sort(rows.begin(), rows.end(), less);
    const qsizetype from = std::min<qsizetype>(query.offset, rows.size());
    return rows.mid(from, std::min<qsizetype>(query.limit, rows.size() - from));
}
