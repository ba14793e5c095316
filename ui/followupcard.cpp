#include "ui/followupcard.h"

#include "ui/theme/theme.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
QString heading()
{
    return QCoreApplication::translate("FollowupCard", "Follow-up questions");
}

QString linkLabel(const QString &question)
{
    return u"→  "_s + question;
}
} // namespace

QStringList FollowupCard::questionsOf(const QByteArray &valueJson)
{
    QStringList questions;
    for (const QJsonValue &q :
        QJsonDocument::fromJson(valueJson).object().value(u"questions").toArray()) {
        if (const QString text = q.toString().trimmed(); !text.isEmpty())
            questions << text;
    }
    return questions;
}

QSize FollowupCard::sizeFor(const QStringList &questions, const QFont &font, int maxWidth)
{
    const QFontMetrics head(Theme::smallFont(font));
    const QFontMetrics link(font);
    int width = head.horizontalAdvance(heading());
    for (const QString &q : questions)
        width = std::max(width, link.horizontalAdvance(linkLabel(q)) + 2);
    const int height = head.height() + int(questions.size()) * (lineGap + link.height());
    return { std::min(width, maxWidth), height };
}

QRect FollowupCard::linkRect(
    const QRect &rect, const QStringList &questions, const QFont &font, int i)
{
    if (i < 0 || i >= questions.size())
        return {};
    const QFontMetrics head(Theme::smallFont(font));
    const QFontMetrics link(font);
    const int top = rect.top() + head.height() + lineGap + i * (lineGap + link.height());
    const int width
        = std::min(rect.width(), link.horizontalAdvance(linkLabel(questions.at(i))) + 2);
    return { rect.left(), top, width, link.height() };
}

int FollowupCard::questionAt(
    const QRect &rect, const QStringList &questions, const QFont &font, QPoint pos)
{
    for (int i = 0; i < questions.size(); ++i) {
        if (linkRect(rect, questions, font, i)
                .adjusted(0, -lineGap / 2, 0, lineGap / 2)
                .contains(pos))
            return i;
    }
    return -1;
}

void FollowupCard::paint(
    QPainter *painter, const QRect &rect, const QStringList &questions, const QFont &font)
{
    painter->save();
    const QFont small = Theme::smallFont(font);
    painter->setFont(small);
    painter->setPen(Theme::current().mutedText);
    painter->drawText(QRect(rect.left(), rect.top(), rect.width(), QFontMetrics(small).height()),
        Qt::AlignLeft | Qt::AlignVCenter, heading());
    QFont underlined = font;
    underlined.setUnderline(true);
    const QFontMetrics link(underlined);
    painter->setFont(underlined);
    painter->setPen(Theme::current().link);
    for (int i = 0; i < questions.size(); ++i) {
        const QRect r = linkRect(rect, questions, font, i);
        painter->drawText(r, Qt::AlignLeft | Qt::AlignVCenter,
            link.elidedText(linkLabel(questions.at(i)), Qt::ElideRight, r.width()));
    }
    painter->restore();
}
