#include "tests/app/export/exportfixture.h"

#include <QPainter>

using namespace Qt::StringLiterals;

const QString ExportFixture::title = u"Revenue review Q2"_s;
const QString ExportFixture::answer = uR"(Here is **monthly revenue** for 2024, by region:

| Region | Revenue | Share |
| :----- | ------: | ----: |
| EMEA | 1,204,500 | 41% |
| Americas | 1,010,200 | 35% |
| APAC | 702,300 | 24% |

Highlights:

- EMEA grew *fastest* (+12%)
- Americas was flat
  - except in `Q2`
- APAC recovered after March

1. Open the chart
2. Hover a point)"_s;
const QString ExportFixture::trickyQuestion
    = u"Is revenue < cost & margin > 10%? <script>alert(1)</script>"_s;
const QString ExportFixture::errorDetail
    = u"The analyst server is not reachable (connection refused)."_s;

namespace {
Message message(qint64 conversation, MessageRole role, const QString &text,
    MessageStatus status = MessageStatus::Complete, const QString &error = {})
{
    Message m;
    m.conversationId = conversation;
    m.role = role;
    m.text = text;
    m.status = status;
    m.errorDetail = error;
    return m;
}

Asset chart(const QString &type, const QString &title)
{
    Asset a;
    a.type = u"item"_s;
    a.valueJson = QString(u"{\"type\":\"" + type + u"\",\"options\":{\"title\":{\"en\":\"" + title
        + u"\"}},\"slots\":[]}")
                      .toUtf8();
    return a;
}
} // namespace

ExportFixture::ExportFixture()
{
    const auto c = store.repository->createConversation(title);
    if (!c)
        return;
    Repository &r = *store.repository;
    r.addMessage(message(c->id, MessageRole::User, u"Show monthly revenue as a line chart"_s));
    Message first = message(c->id, MessageRole::Assistant, answer);
    snapshotAt = QDateTime(QDate(2024, 5, 14), QTime(10, 3), Qt::LocalTime);
    Asset withData = chart(u"line-chart"_s, u"Monthly revenue"_s);
    withData.dataJson
        = R"([["2024-01-01T00:00:00.000Z",1204500],["2024-02-01T00:00:00.000Z",1010200]])";
    withData.dataTakenAt = snapshotAt;
    first.assets << withData << chart(u"column-chart"_s, u"Revenue by region"_s);
    const auto stored = r.addMessage(first);
    if (stored && stored->assets.size() == 2) {
        chartWithData = stored->assets.at(0).id;
        chartWithoutData = stored->assets.at(1).id;
    }
    r.addMessage(message(c->id, MessageRole::User, u"Compare margin by region"_s));
    r.addMessage(message(c->id, MessageRole::Assistant, u"Margin by region so far:\n\n- EMEA 31%"_s,
        MessageStatus::Interrupted));
    r.addMessage(message(c->id, MessageRole::User, trickyQuestion));
    r.addMessage(message(c->id, MessageRole::Assistant, {}, MessageStatus::Error, errorDetail));
    conversationId = c->id;
}

ChartImageRenderer ExportFixture::fakeRenderer(int *calls)
{
    return [calls](const Asset &asset, const QSize &size) {
        if (calls)
            ++*calls;
        if (asset.dataJson.isEmpty())
            return QImage();
        QImage image(size, QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter p(&image);
        p.fillRect(QRect(0, size.height() / 2, size.width(), size.height() / 2), fakeColour());
        return image;
    };
}
