#pragma once

#include <QMainWindow>

class Repository;
class ChatSession;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(Repository &repository, ChatSession &session, QWidget *parent = nullptr);
};
