#include "mainwindow.h"

MainWindow::MainWindow(Repository &, ChatSession &, QWidget *parent) : QMainWindow(parent) { }
