#include "ui/aboutdialog.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

QString AboutDialog::versionText()
{
    return tr("Version %1").arg(QStringLiteral(CHARTROOM_VERSION));
}

QString AboutDialog::qtText()
{
    const QString running = QString::fromLatin1(qVersion());
    const QString built = QStringLiteral(QT_VERSION_STR);
    return running == built ? tr("Qt %1").arg(running)
                            : tr("Qt %1 (built with Qt %2)").arg(running, built);
}

AboutDialog::AboutDialog(const QString &dataDirectory, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About Chartroom"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QApplication::windowIcon().pixmap(64, 64));
    icon->setAlignment(Qt::AlignTop);
    icon->setVisible(!icon->pixmap().isNull()); // no icon set (tests): no empty column

    auto *name = new QLabel(tr("Chartroom"), this);
    QFont big = name->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    name->setFont(big);
    const auto line = [this](const QString &objectName, const QString &text) {
        auto *label = new QLabel(text, this);
        label->setObjectName(objectName);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    auto *text = new QVBoxLayout;
    text->setSpacing(6);
    text->addWidget(name);
    text->addWidget(line(u"aboutVersion"_s, versionText()));
    text->addWidget(line(u"aboutDescription"_s,
        tr("Ask questions about your data and get answers as text and charts, kept on this "
           "computer.")));
    text->addSpacing(8);
    text->addWidget(line(u"aboutQt"_s, qtText()));
    text->addWidget(line(u"aboutLicence"_s, tr("Licence: MIT")));
    text->addWidget(line(u"aboutDataFolder"_s,
        tr("Data folder: %1")
            .arg(dataDirectory.isEmpty() ? tr("none (history kept in memory)")
                                         : QDir::toNativeSeparators(dataDirectory))));
    text->addStretch();

    auto *row = new QHBoxLayout;
    row->setSpacing(16);
    row->addWidget(icon);
    row->addLayout(text, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 20, 20, 12);
    layout->addLayout(row);
    layout->addWidget(buttons);
    setMinimumWidth(440);
}
