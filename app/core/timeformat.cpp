#include "app/core/timeformat.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace {
QString dayMonth(const QDate &date, bool withYear)
{
    const QLocale locale;
    const QString day
        = QString::number(date.day()) + u' ' + locale.monthName(date.month(), QLocale::ShortFormat);
    return withYear ? day + u' ' + QString::number(date.year()) : day;
}
} // namespace

QString TimeFormat::messageTime(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    const QDate today = now.toLocalTime().date();
    const QString time = local.time().toString(u"HH:mm"_s);
    if (local.date() == today)
        return time;
    if (local.date().year() == today.year()) {
        const QString weekday = QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat);
        return weekday + u' ' + dayMonth(local.date(), false) + u' ' + time;
    }
    return dayMonth(local.date(), true) + u' ' + time;
}

QString TimeFormat::listTime(const QDateTime &at, const QDateTime &now)
{
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    const QDate today = now.toLocalTime().date();
    if (local.date() == today)
        return local.time().toString(u"HH:mm"_s);
    if (local.date().daysTo(today) < 7 && local.date() < today)
        return QLocale().dayName(local.date().dayOfWeek(), QLocale::ShortFormat);
    return dayMonth(local.date(), local.date().year() != today.year());
}
