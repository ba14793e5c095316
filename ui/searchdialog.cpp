#include "ui/searchdialog.h"

#include "models/repository.h"
#include "models/searchresultmodel.h"
#include "ui/searchresultdelegate.h"
#include "ui/theme/themedstylesheet.h"

#include <QCalendarWidget>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
const auto paletteStyle = uR"(
#searchPalette { background: @surface; border: 1px solid @border; border-radius: 12px; }
#paletteQuery { border: none; background: transparent; padding: 4px 2px; color: @text; }
#paletteIcon { color: @disabledText; }
#paletteRule { background: @divider; border: none; }
#paletteFilters QLabel { color: @mutedText; }
#paletteFilters QComboBox, #paletteFilters QDateEdit {
    padding: 3px 8px; border: 1px solid @border; border-radius: 6px; background: @raised;
    color: @text; }
#paletteFilters QComboBox:hover, #paletteFilters QDateEdit:hover { border-color: @focusBorder; }
#paletteResults { border: none; background: @surface; selection-background-color: @accentFill;
                  selection-color: @text; }
#paletteStatus, #paletteHints { color: @mutedText; }
)"_s;

QFrame *rule(QWidget *parent)
{
    auto *line = new QFrame(parent);
    line->setObjectName(u"paletteRule"_s);
    line->setFixedHeight(1);
    return line;
}

QString backendLabel(const QString &backend)
{
    return backend.isEmpty() ? backend : backend.at(0).toUpper() + backend.mid(1);
}
} // namespace

SearchDialog::SearchDialog(Repository &repository, QWidget *parent)
    : QDialog(parent, Qt::Dialog | Qt::FramelessWindowHint)
    , m_repository(repository)
    , m_model(new SearchResultModel(repository, this))
    , m_query(new QLineEdit(this))
    , m_backend(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_hasChart(new QCheckBox(tr("Has chart"), this))
    , m_results(new QListView(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"searchDialog"_s);
    setWindowTitle(tr("Search History"));
    setAttribute(Qt::WA_TranslucentBackground);
    ThemedStyleSheet::apply(this, paletteStyle);
    resize(680, 460);

    auto *panel = new QFrame(this);
    panel->setObjectName(u"searchPalette"_s);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(panel);

    auto *icon = new QLabel(u"⌕"_s, panel);
    icon->setObjectName(u"paletteIcon"_s);
    QFont iconFont = icon->font();
    iconFont.setPointSizeF(iconFont.pointSizeF() * 2.0);
    icon->setFont(iconFont);
    m_query->setObjectName(u"paletteQuery"_s);
    m_query->setPlaceholderText(
        tr("Search all conversations — words, prefix*, \"a phrase\", OR, NOT"));
    m_query->setClearButtonEnabled(true);
    QFont queryFont = m_query->font();
    queryFont.setPointSizeF(queryFont.pointSizeF() * 1.3);
    m_query->setFont(queryFont);
    m_query->installEventFilter(this);
    auto *queryRow = new QHBoxLayout;
    queryRow->setSpacing(8);
    queryRow->addWidget(icon);
    queryRow->addWidget(m_query, 1);

    m_results->setObjectName(u"paletteResults"_s);
    m_results->setModel(m_model);
    m_results->setItemDelegate(new SearchResultDelegate(m_results));
    m_results->setUniformItemSizes(true);
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->setSelectionMode(QAbstractItemView::SingleSelection);
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_results->setFocusPolicy(Qt::NoFocus); // the query keeps the keyboard
    m_results->setFrameShape(QFrame::NoFrame);

    m_status->setObjectName(u"paletteStatus"_s);
    auto *hints = new QLabel(tr("↑ ↓ to move  ·  Enter to open  ·  Esc to close"), panel);
    hints->setObjectName(u"paletteHints"_s);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_status, 1);
    footer->addWidget(hints);

    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->setSpacing(8);
    layout->addLayout(queryRow);
    layout->addWidget(rule(panel));
    layout->addWidget(createFilterRow());
    layout->addWidget(rule(panel));
    layout->addWidget(m_results, 1);
    layout->addWidget(rule(panel));
    layout->addLayout(footer);

    m_searchTimer.setSingleShot(true);
    m_searchTimer.setInterval(searchDelay);
    connect(&m_searchTimer, &QTimer::timeout, this, &SearchDialog::runSearch);
    connect(m_query, &QLineEdit::textChanged, &m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_results, &QAbstractItemView::clicked, this, &SearchDialog::choose);
    connect(m_results, &QAbstractItemView::activated, this, &SearchDialog::choose);
    updateStatus(true);
}

QWidget *SearchDialog::createFilterRow()
{
    auto *row = new QWidget(this);
    row->setObjectName(u"paletteFilters"_s);
    m_backend->setObjectName(u"backendFilter"_s);
    m_backend->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_backend->addItem(tr("All backends"), QString());
    for (QDateEdit *edit : { m_from, m_to }) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(u"yyyy-MM-dd"_s);
        edit->setMinimumDate(anyDate());
        edit->setSpecialValueText(tr("Any"));
        edit->setDate(anyDate());
        connect(edit, &QDateEdit::dateChanged, this, &SearchDialog::runSearch);
    }
    m_from->setObjectName(u"fromDate"_s);
    m_to->setObjectName(u"toDate"_s);
    // "Any" is a day in 2000: its calendar opens at the history's first (From) or last (To)
    // month instead (see eventFilter).
    m_from->calendarWidget()->installEventFilter(this);
    m_to->calendarWidget()->installEventFilter(this);
    m_hasChart->setObjectName(u"hasChartFilter"_s);
    connect(m_backend, &QComboBox::currentIndexChanged, this, &SearchDialog::runSearch);
    connect(m_hasChart, &QCheckBox::toggled, this, &SearchDialog::runSearch);

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_backend);
    layout->addSpacing(10);
    layout->addWidget(new QLabel(tr("From"), row));
    layout->addWidget(m_from);
    layout->addWidget(new QLabel(tr("to"), row));
    layout->addWidget(m_to);
    layout->addSpacing(10);
    layout->addWidget(m_hasChart);
    layout->addStretch(1);
    return row;
}

SearchFilter SearchDialog::filter() const
{
    SearchFilter filter;
    filter.backend = m_backend->currentData().toString();
    if (m_from->date() != anyDate())
        filter.from = m_from->date();
    if (m_to->date() != anyDate())
        filter.to = m_to->date();
    filter.hasChart = m_hasChart->isChecked();
    return filter;
}

void SearchDialog::popup()
{
    refreshBackends();
    if (QWidget *owner = parentWidget()) {
        const QRect area = owner->window()->geometry();
        const int width = qMin(680, qMax(420, area.width() - 80));
        resize(width, qMin(460, qMax(300, area.height() - 120)));
        move(area.center().x() - width / 2, area.top() + qMin(90, area.height() / 8));
    }
    show();
    raise();
    activateWindow();
    m_query->setFocus();
    m_query->selectAll();
    runSearch();
}

void SearchDialog::refreshBackends()
{
    auto backends = m_repository.searchableBackends();
    if (!backends)
        return;
    const QString current = m_backend->currentData().toString();
    const QSignalBlocker blocker(m_backend);
    m_backend->clear();
    m_backend->addItem(tr("All backends"), QString());
    for (const QString &backend : std::as_const(*backends))
        m_backend->addItem(backendLabel(backend), backend);
    m_backend->setCurrentIndex(qMax(0, m_backend->findData(current)));
}

void SearchDialog::runSearch()
{
    m_searchTimer.stop();
    const bool ok = m_model->search(m_query->text(), filter());
    if (m_model->rowCount() > 0)
        m_results->setCurrentIndex(m_model->index(0));
    updateStatus(ok);
}

void SearchDialog::updateStatus(bool ok)
{
    const int count = m_model->rowCount();
    if (!ok)
        m_status->setText(tr("Search failed: %1").arg(m_model->errorString()));
    else if (m_model->query().trimmed().isEmpty())
        m_status->setText(tr("Type to search every conversation, offline"));
    else if (count == 0)
        m_status->setText(tr("No matches"));
    else if (count >= SearchResultModel::maxHits)
        m_status->setText(tr("The best %1 matches").arg(count));
    else
        m_status->setText(count == 1 ? tr("1 match") : tr("%1 matches").arg(count));
}

void SearchDialog::moveSelection(int delta)
{
    const int count = m_model->rowCount();
    if (count == 0)
        return;
    const int row = qBound(0, m_results->currentIndex().row() + delta, count - 1);
    m_results->setCurrentIndex(m_model->index(row));
    m_results->scrollTo(m_model->index(row));
}

void SearchDialog::choose(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qint64 conversation = index.data(SearchResultModel::ConversationIdRole).toLongLong();
    const qint64 message = index.data(SearchResultModel::MessageIdRole).toLongLong();
    accept();
    Q_EMIT resultChosen(conversation, message);
}

bool SearchDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Show) {
        for (QDateEdit *edit : { m_from, m_to }) {
            if (watched != edit->calendarWidget() || edit->date() != anyDate())
                continue;
            // Read when a calendar opens (two scans of the history), not each time the palette
            // does.
            const auto history = m_repository.historyDates();
            const QDate page = !history ? QDate() : edit == m_from ? history->first : history->last;
            if (page.isValid())
                edit->calendarWidget()->setCurrentPage(page.year(), page.month());
        }
    }
    if (watched == m_query && event->type() == QEvent::KeyPress) {
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_Down:
            moveSelection(1);
            return true;
        case Qt::Key_Up:
            moveSelection(-1);
            return true;
        case Qt::Key_PageDown:
            moveSelection(5);
            return true;
        case Qt::Key_PageUp:
            moveSelection(-5);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_searchTimer.isActive())
                runSearch(); // Enter right after typing: the results of what was typed
            choose(m_results->currentIndex());
            return true;
        default:
            break;
        }
    }
    return QDialog::eventFilter(watched, event);
}
