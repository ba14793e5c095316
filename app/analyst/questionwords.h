#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <initializer_list>

// A question's words as QuestionParser reads them: lower-case (`list`) and as typed
// (`original`), with which of them a sub-parser has used, so that every word that names a
// column, a value or a period is read once or reported as not understood.
struct QuestionWords
{
    QStringList list;
    QStringList original; // as typed, for capitalised names
    QList<bool> used;
    QStringList unknownColumns; // "by supplier"

    qsizetype size() const { return list.size(); }
    QString at(qsizetype i) const { return i >= 0 && i < list.size() ? list.at(i) : QString(); }
    bool has(std::initializer_list<const char16_t *> any) const
    {
        for (const char16_t *word : any) {
            if (list.contains(QString::fromUtf16(word)))
                return true;
        }
        return false;
    }
    bool hasPhrase(const QString &a, const QString &b) const
    {
        for (qsizetype i = 0; i + 1 < list.size(); ++i) {
            if (list.at(i) == a && list.at(i + 1) == b)
                return true;
        }
        return false;
    }
    void use(std::initializer_list<const char16_t *> any)
    {
        for (const char16_t *word : any) {
            for (qsizetype i = 0; i < list.size(); ++i) {
                if (list.at(i) == QString::fromUtf16(word))
                    used[i] = true;
            }
        }
    }
};
