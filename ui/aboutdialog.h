#pragma once

#include <QDialog>

class QLabel;

// Help ▸ About Chartroom: the name, the version the build was made from (CMake's
// PROJECT_VERSION, as CHARTROOM_VERSION), what it is, the Qt it runs on (and was built with),
// the licence and the data folder in use.
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    // `dataDirectory`: the folder of the history in use (empty: a history kept in memory).
    explicit AboutDialog(const QString &dataDirectory, QWidget *parent = nullptr);

    // "Version 0.1.0"
    static QString versionText();
    // "Qt 6.4.2" (the one running), with the one built against when they differ.
    static QString qtText();
};
