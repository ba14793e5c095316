<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Account</name>
    <message>
        <source>Local (built in)</source>
        <translation>Lokal (integriert)</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>API-Token</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Bearer-Token</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Luzmo</source>
        <translation>Luzmo</translation>
    </message>
    <message>
        <source>Workflow chat</source>
        <translation>Workflow-Chat</translation>
    </message>
    <message>
        <source>Looker</source>
        <translation>Looker</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Geben Sie dem Konto einen Namen.</translation>
    </message>
    <message>
        <source>Enter the API key (the key id that goes with the token).</source>
        <translation>Geben Sie den API-Schlüssel ein (die Schlüssel-ID, die zum Token gehört).</translation>
    </message>
    <message>
        <source>Enter the client ID of the Looker API key.</source>
        <translation>Geben Sie die Client-ID des Looker-API-Schlüssels ein.</translation>
    </message>
    <message>
        <source>Enter the address, e.g. %1.</source>
        <translation>Geben Sie die Adresse ein, z. B. %1.</translation>
    </message>
    <message>
        <source>This is not a web address. Use e.g. %1.</source>
        <translation>Das ist keine Webadresse. Verwenden Sie z. B. %1.</translation>
    </message>
    <message>
        <source>The address must start with https:// (or http:// for a local server).</source>
        <translation>Die Adresse muss mit https:// beginnen (oder mit http:// für einen lokalen Server).</translation>
    </message>
    <message>
        <source>The address needs a host name, e.g. %1.</source>
        <translation>Die Adresse braucht einen Hostnamen, z. B. %1.</translation>
    </message>
    <message>
        <source>The address cannot have a query (?) or a fragment (#).</source>
        <translation>Die Adresse darf keine Abfrage (?) und kein Fragment (#) enthalten.</translation>
    </message>
    <message>
        <source>%1 (%2 at %3)</source>
        <translation>%1 (%2 unter %3)</translation>
    </message>
</context>
<context>
    <name>BackendRegistry</name>
    <message>
        <source>a removed account</source>
        <translation>ein entferntes Konto</translation>
    </message>
    <message>
        <source>Local (built in)</source>
        <translation>Lokal (integriert)</translation>
    </message>
    <message>
        <source>Local (built in) — not running</source>
        <translation>Lokal (integriert) – läuft nicht</translation>
    </message>
    <message>
        <source>%1 — %2 (Settings)</source>
        <translation>%1 – %2 (Einstellungen)</translation>
    </message>
    <message>
        <source>%1 — reading the %2 from the keychain…</source>
        <translation>%1 – %2 wird aus dem Schlüsselbund gelesen …</translation>
    </message>
    <message>
        <source>%1 — needs its %2 (Settings)</source>
        <translation>%1 – %2 fehlt (Einstellungen)</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>Chartroom was closed while the answer was arriving.</source>
        <translation>Chartroom wurde geschlossen, während die Antwort eintraf.</translation>
    </message>
    <message>
        <source>Type a question first.</source>
        <translation>Geben Sie zuerst eine Frage ein.</translation>
    </message>
    <message>
        <source>There is no question to ask again.</source>
        <translation>Es gibt keine Frage, die erneut gestellt werden könnte.</translation>
    </message>
    <message>
        <source>The account this conversation used was removed. Move it to another account to continue it.</source>
        <translation>Das Konto dieser Unterhaltung wurde entfernt. Verschieben Sie sie in ein anderes Konto, um sie fortzusetzen.</translation>
    </message>
    <message>
        <source>No backend configured: add one in Settings to get answers. Your question was saved.</source>
        <translation>Kein Backend eingerichtet: Fügen Sie in den Einstellungen eines hinzu, um Antworten zu erhalten. Ihre Frage wurde gespeichert.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Angehalten.</translation>
    </message>
    <message>
        <source>The answer could not be saved: %1</source>
        <translation>Die Antwort konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>This question could not be queued: %1</source>
        <translation>Diese Frage konnte nicht in die Warteschlange gestellt werden: %1</translation>
    </message>
    <message>
        <source>An answer is still arriving: wait for it or press Stop.</source>
        <translation>Eine Antwort trifft noch ein: Warten Sie darauf oder klicken Sie auf „Stopp“.</translation>
    </message>
    <message>
        <source>There is no outbox.</source>
        <translation>Es gibt keinen Postausgang.</translation>
    </message>
    <message>
        <source>This question is no longer queued.</source>
        <translation>Diese Frage steht nicht mehr in der Warteschlange.</translation>
    </message>
    <message>
        <source>The conversation of this question was deleted.</source>
        <translation>Die Unterhaltung dieser Frage wurde gelöscht.</translation>
    </message>
    <message>
        <source>The queued question is no longer in its conversation.</source>
        <translation>Die wartende Frage ist nicht mehr in ihrer Unterhaltung.</translation>
    </message>
    <message>
        <source>It could not be sent.</source>
        <translation>Sie konnte nicht gesendet werden.</translation>
    </message>
    <message>
        <source>The last question is still being saved.</source>
        <translation>Die letzte Frage wird noch gespeichert.</translation>
    </message>
    <message>
        <source>This conversation has no question to ask again.</source>
        <translation>Diese Unterhaltung hat keine Frage, die erneut gestellt werden könnte.</translation>
    </message>
    <message>
        <source>Only the last answer of a conversation can be regenerated.</source>
        <translation>Nur die letzte Antwort einer Unterhaltung kann neu erzeugt werden.</translation>
    </message>
    <message>
        <source>Only the last question of a conversation can be edited and sent again.</source>
        <translation>Nur die letzte Frage einer Unterhaltung kann bearbeitet und erneut gesendet werden.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>Ask about your data… (Ctrl+Return to send)</source>
        <translation>Fragen Sie nach Ihren Daten … (Strg+Eingabe zum Senden)</translation>
    </message>
    <message>
        <source>Send the question (Ctrl+Return)</source>
        <translation>Frage senden (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Stop the answer that is streaming</source>
        <translation>Die eintreffende Antwort anhalten</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Frage</translation>
    </message>
    <message>
        <source>Type a question about your data; Ctrl+Return sends it</source>
        <translation>Geben Sie eine Frage zu Ihren Daten ein; Strg+Eingabe sendet sie</translation>
    </message>
    <message>
        <source>Send question</source>
        <translation>Frage senden</translation>
    </message>
    <message>
        <source>Stop answer</source>
        <translation>Antwort anhalten</translation>
    </message>
    <message>
        <source>Remove the pasted text</source>
        <translation>Eingefügten Text entfernen</translation>
    </message>
    <message>
        <source>Editing your last question: sending it again keeps the earlier version.</source>
        <translation>Sie bearbeiten Ihre letzte Frage: Beim erneuten Senden bleibt die frühere Version erhalten.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop editing and empty the text box</source>
        <translation>Bearbeitung beenden und Textfeld leeren</translation>
    </message>
    <message>
        <source>Pasted text · %1 characters</source>
        <translation>Eingefügter Text · %1 Zeichen</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <source>Send the edited question again</source>
        <translation>Die bearbeitete Frage erneut senden</translation>
    </message>
</context>
<context>
    <name>ConversationExportFlow</name>
    <message>
        <source>Export Conversation</source>
        <translation>Unterhaltung exportieren</translation>
    </message>
    <message>
        <source>Exporting 1 message…</source>
        <translation>1 Nachricht wird exportiert …</translation>
    </message>
    <message>
        <source>Exporting %1 messages…</source>
        <translation>%1 Nachrichten werden exportiert …</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Die Datei wird geschrieben …</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Export abgebrochen</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exportiert nach %1</translation>
    </message>
    <message>
        <source>The conversation could not be exported.

%1</source>
        <translation>Die Unterhaltung konnte nicht exportiert werden.

%1</translation>
    </message>
    <message>
        <source>Conversation copied as Markdown</source>
        <translation>Unterhaltung als Markdown kopiert</translation>
    </message>
</context>
<context>
    <name>ConversationSidebar</name>
    <message>
        <source>Search history (Ctrl+F)</source>
        <translation>Verlauf durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>Unterhaltungen filtern</translation>
    </message>
    <message>
        <source>Shows the conversations whose messages match</source>
        <translation>Zeigt die Unterhaltungen, deren Nachrichten passen</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Unterhaltungen</translation>
    </message>
    <message>
        <source>Your conversations, newest first</source>
        <translation>Ihre Unterhaltungen, die neueste zuerst</translation>
    </message>
    <message>
        <source>Matching conversations</source>
        <translation>Passende Unterhaltungen</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>Searching the history failed. The database may be damaged or locked by another program.</source>
        <translation>Die Suche im Verlauf ist fehlgeschlagen. Die Datenbank ist möglicherweise beschädigt oder von einem anderen Programm gesperrt.</translation>
    </message>
</context>
<context>
    <name>EmptyStateWidget</name>
    <message>
        <source>Ask a question about your data to start a conversation</source>
        <translation>Stellen Sie eine Frage zu Ihren Daten, um eine Unterhaltung zu beginnen</translation>
    </message>
    <message>
        <source>Answers stream in as text and charts, and everything stays on this computer. Try one of these:</source>
        <translation>Antworten kommen als Text und Diagramme, und alles bleibt auf diesem Computer. Probieren Sie eine davon aus:</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>What went wrong, and what you can do about it</source>
        <translation>Was schiefgelaufen ist und was Sie tun können</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Conversation</source>
        <translation>Unterhaltung</translation>
    </message>
    <message>
        <source>The questions and answers of the open conversation</source>
        <translation>Die Fragen und Antworten der geöffneten Unterhaltung</translation>
    </message>
    <message>
        <source>Answer source</source>
        <translation>Quelle der Antworten</translation>
    </message>
    <message>
        <source>Opening the conversation</source>
        <translation>Das Öffnen der Unterhaltung</translation>
    </message>
    <message>
        <source>Your question could not be sent: %1</source>
        <translation>Ihre Frage konnte nicht gesendet werden: %1</translation>
    </message>
    <message>
        <source>Could not ask again: %1</source>
        <translation>Die Frage konnte nicht erneut gestellt werden: %1</translation>
    </message>
    <message>
        <source>%1 failed.

%2</source>
        <translation>%1 ist fehlgeschlagen.

%2</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>&amp;Neue Unterhaltung</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Eine neue Unterhaltung beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Umbenennen …</translation>
    </message>
    <message>
        <source>Rename this conversation (F2)</source>
        <translation>Diese Unterhaltung umbenennen (F2)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen …</translation>
    </message>
    <message>
        <source>Delete this conversation (Delete in the list)</source>
        <translation>Diese Unterhaltung löschen (Entf in der Liste)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <source>Save this conversation as HTML, PDF, Markdown or JSON (Ctrl+E)</source>
        <translation>Diese Unterhaltung als HTML, PDF, Markdown oder JSON speichern (Strg+E)</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>Als &amp;Markdown kopieren</translation>
    </message>
    <message>
        <source>&amp;Search History</source>
        <translation>Verlauf &amp;durchsuchen</translation>
    </message>
    <message>
        <source>Search all conversations (Ctrl+K)</source>
        <translation>Alle Unterhaltungen durchsuchen (Strg+K)</translation>
    </message>
    <message>
        <source>&amp;Filter Conversations</source>
        <translation>Unterhaltungen &amp;filtern</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>Choose where answers come from (Ctrl+,)</source>
        <translation>Wählen, woher die Antworten kommen (Strg+,)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>CSV &amp;importieren …</translation>
    </message>
    <message>
        <source>Import a CSV file as a dataset to ask about (Ctrl+I)</source>
        <translation>Eine CSV-Datei als Datensatz importieren, um Fragen dazu zu stellen (Strg+I)</translation>
    </message>
    <message>
        <source>&amp;Stop Answer</source>
        <translation>Antwort an&amp;halten</translation>
    </message>
    <message>
        <source>&amp;Edit Last Question</source>
        <translation>Letzte Frage &amp;bearbeiten</translation>
    </message>
    <message>
        <source>Re&amp;generate Last Answer</source>
        <translation>Letzte Antwort neu &amp;erzeugen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Unterhaltung</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Chartroom</source>
        <translation>Ü&amp;ber Chartroom</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Hauptleiste</translation>
    </message>
    <message>
        <source>Rename Conversation</source>
        <translation>Unterhaltung umbenennen</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Renaming the conversation</source>
        <translation>Das Umbenennen der Unterhaltung</translation>
    </message>
    <message>
        <source>Delete Conversation</source>
        <translation>Unterhaltung löschen</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>„%1“ löschen?</translation>
    </message>
    <message>
        <source>Its messages and charts are removed from this computer.</source>
        <translation>Ihre Nachrichten und Diagramme werden von diesem Computer entfernt.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Deleting the conversation</source>
        <translation>Das Löschen der Unterhaltung</translation>
    </message>
    <message>
        <source>Copying the conversation</source>
        <translation>Das Kopieren der Unterhaltung</translation>
    </message>
    <message>
        <source>No backend configured</source>
        <translation>Kein Backend eingerichtet</translation>
    </message>
    <message>
        <source>The account of this conversation was removed</source>
        <translation>Das Konto dieser Unterhaltung wurde entfernt</translation>
    </message>
    <message>
        <source>Answers from: %1</source>
        <translation>Antworten von: %1</translation>
    </message>
    <message>
        <source>This conversation has no question to edit yet.</source>
        <translation>Diese Unterhaltung hat noch keine Frage zum Bearbeiten.</translation>
    </message>
    <message>
        <source>The question could not be read: %1</source>
        <translation>Die Frage konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>This conversation has no answer to regenerate yet.</source>
        <translation>Diese Unterhaltung hat noch keine Antwort zum neu Erzeugen.</translation>
    </message>
    <message>
        <source>Could not regenerate the answer: %1</source>
        <translation>Die Antwort konnte nicht neu erzeugt werden: %1</translation>
    </message>
</context>
<context>
    <name>MessageAccessibleText</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation>Wird geschrieben</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Angehalten: %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>earlier version</source>
        <translation>frühere Version</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>1 chart</source>
        <translation>1 Diagramm</translation>
    </message>
    <message>
        <source>%1 charts</source>
        <translation>%1 Diagramme</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>%1 · earlier version</source>
        <translation>%1 · frühere Version</translation>
    </message>
    <message>
        <source>Queued — will be sent when back online</source>
        <translation>In der Warteschlange – wird gesendet, sobald Sie wieder online sind</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Denkt nach …</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Schreibt …</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Unterbrochen</translation>
    </message>
    <message>
        <source>Interrupted: %1</source>
        <translation>Unterbrochen: %1</translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation>Die Antwort ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>↻  Retry</source>
        <translation>↻  Erneut versuchen</translation>
    </message>
    <message>
        <source>Show all (%1)</source>
        <translation>Alles anzeigen (%1)</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Denkt nach</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Show queue</source>
        <translation>Warteschlange zeigen</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source>1 question will be sent</source>
        <translation>1 Frage wird gesendet</translation>
    </message>
    <message>
        <source>%1 questions will be sent</source>
        <translation>%1 Fragen werden gesendet</translation>
    </message>
    <message>
        <source>questions you write will be sent</source>
        <translation>Fragen, die Sie schreiben, werden gesendet</translation>
    </message>
    <message>
        <source>You&apos;re offline — %1 when %2 is reachable again.</source>
        <translation>Sie sind offline – %1, sobald %2 wieder erreichbar ist.</translation>
    </message>
    <message>
        <source>You&apos;re offline — %1 when the network is back.</source>
        <translation>Sie sind offline – %1, sobald das Netzwerk wieder da ist.</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Has chart</source>
        <translation>Mit Diagramm</translation>
    </message>
    <message>
        <source>Search History</source>
        <translation>Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>Search all conversations — words, prefix*, &quot;a phrase&quot;, OR, NOT</source>
        <translation>Alle Unterhaltungen durchsuchen – Wörter, Präfix*, &quot;eine Wortgruppe&quot;, OR, NOT</translation>
    </message>
    <message>
        <source>↑ ↓ to move  ·  Enter to open  ·  Esc to close</source>
        <translation>↑ ↓ zum Bewegen  ·  Eingabe zum Öffnen  ·  Esc zum Schließen</translation>
    </message>
    <message>
        <source>All backends</source>
        <translation>Alle Backends</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Beliebig</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Suche fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Type to search every conversation, offline</source>
        <translation>Tippen Sie, um alle Unterhaltungen zu durchsuchen, auch offline</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>The best %1 matches</source>
        <translation>Die besten %1 Treffer</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>%1: the disk is full. Free some space and try again; nothing already saved was lost.</source>
        <translation>%1: Der Datenträger ist voll. Geben Sie Speicherplatz frei und versuchen Sie es erneut; nichts bereits Gespeichertes ging verloren.</translation>
    </message>
    <message>
        <source>%1: the history database is read-only.</source>
        <translation>%1: Die Verlaufsdatenbank ist schreibgeschützt.</translation>
    </message>
    <message>
        <source>%1: the history database is damaged or is not a database.</source>
        <translation>%1: Die Verlaufsdatenbank ist beschädigt oder keine Datenbank.</translation>
    </message>
    <message>
        <source>%1: it was stopped before it finished.</source>
        <translation>%1: Der Vorgang wurde vor dem Ende abgebrochen.</translation>
    </message>
    <message>
        <source>%1: the history database cannot be opened.</source>
        <translation>%1: Die Verlaufsdatenbank kann nicht geöffnet werden.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Upgrading the history database to schema 8</source>
        <translation>Das Aktualisieren der Verlaufsdatenbank auf Schema 8</translation>
    </message>
    <message>
        <source>Indexing the message for search</source>
        <translation>Das Indizieren der Nachricht für die Suche</translation>
    </message>
    <message>
        <source>Creating the conversation</source>
        <translation>Das Anlegen der Unterhaltung</translation>
    </message>
    <message>
        <source>Reading the conversation</source>
        <translation>Das Lesen der Unterhaltung</translation>
    </message>
    <message>
        <source>Reading the conversation list</source>
        <translation>Das Lesen der Unterhaltungsliste</translation>
    </message>
    <message>
        <source>Counting conversations</source>
        <translation>Das Zählen der Unterhaltungen</translation>
    </message>
    <message>
        <source>Renaming the conversation</source>
        <translation>Das Umbenennen der Unterhaltung</translation>
    </message>
    <message>
        <source>Deleting the conversation</source>
        <translation>Das Löschen der Unterhaltung</translation>
    </message>
    <message>
        <source>Removing conversations left empty</source>
        <translation>Das Entfernen leer gebliebener Unterhaltungen</translation>
    </message>
    <message>
        <source>Saving the conversation</source>
        <translation>Das Speichern der Unterhaltung</translation>
    </message>
    <message>
        <source>Joining the conversation to its earlier copy</source>
        <translation>Das Zusammenführen der Unterhaltung mit ihrer früheren Kopie</translation>
    </message>
    <message>
        <source>Saving the message</source>
        <translation>Das Speichern der Nachricht</translation>
    </message>
    <message>
        <source>Reading the message</source>
        <translation>Das Lesen der Nachricht</translation>
    </message>
    <message>
        <source>Reading charts</source>
        <translation>Das Lesen der Diagramme</translation>
    </message>
    <message>
        <source>Counting messages</source>
        <translation>Das Zählen der Nachrichten</translation>
    </message>
    <message>
        <source>Removing the message</source>
        <translation>Das Entfernen der Nachricht</translation>
    </message>
    <message>
        <source>Reading the chart</source>
        <translation>Das Lesen des Diagramms</translation>
    </message>
    <message>
        <source>Saving a chart</source>
        <translation>Das Speichern eines Diagramms</translation>
    </message>
    <message>
        <source>Saving the chart data</source>
        <translation>Das Speichern der Diagrammdaten</translation>
    </message>
    <message>
        <source>Reading the charts without data</source>
        <translation>Das Lesen der Diagramme ohne Daten</translation>
    </message>
    <message>
        <source>Looking for an answer to resume</source>
        <translation>Die Suche nach einer fortsetzbaren Antwort</translation>
    </message>
    <message>
        <source>Repairing unfinished answers</source>
        <translation>Das Reparieren unvollständiger Antworten</translation>
    </message>
    <message>
        <source>Indexing unfinished answers for search</source>
        <translation>Das Indizieren unvollständiger Antworten für die Suche</translation>
    </message>
    <message>
        <source>Searching the history</source>
        <translation>Das Durchsuchen des Verlaufs</translation>
    </message>
    <message>
        <source>Listing the backends of the history</source>
        <translation>Das Auflisten der Backends im Verlauf</translation>
    </message>
    <message>
        <source>Reading the dates of the history</source>
        <translation>Das Lesen der Daten des Verlaufs</translation>
    </message>
    <message>
        <source>Keeping the earlier version</source>
        <translation>Das Aufbewahren der früheren Version</translation>
    </message>
    <message>
        <source>Restoring the earlier version</source>
        <translation>Das Wiederherstellen der früheren Version</translation>
    </message>
    <message>
        <source>Indexing messages for search</source>
        <translation>Das Indizieren der Nachrichten für die Suche</translation>
    </message>
    <message>
        <source>Writing the history file</source>
        <translation>Das Schreiben der Verlaufsdatei</translation>
    </message>
    <message>
        <source>Preparing the history search failed.</source>
        <translation>Das Vorbereiten der Verlaufssuche ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>Saving synced conversations</source>
        <translation>Das Speichern synchronisierter Unterhaltungen</translation>
    </message>
    <message>
        <source>Reading where the last sync stopped</source>
        <translation>Das Lesen des letzten Synchronisierungsstands</translation>
    </message>
    <message>
        <source>Reading when the last sync ran</source>
        <translation>Das Lesen des Zeitpunkts der letzten Synchronisierung</translation>
    </message>
    <message>
        <source>Saving the end of the sync</source>
        <translation>Das Speichern des Synchronisierungsendes</translation>
    </message>
    <message>
        <source>Reading the dataset&apos;s columns</source>
        <translation>Das Lesen der Spalten des Datensatzes</translation>
    </message>
    <message>
        <source>Creating the datasets database</source>
        <translation>Das Anlegen der Datensatz-Datenbank</translation>
    </message>
    <message>
        <source>Upgrading the datasets database</source>
        <translation>Das Aktualisieren der Datensatz-Datenbank</translation>
    </message>
    <message>
        <source>Listing the datasets</source>
        <translation>Das Auflisten der Datensätze</translation>
    </message>
    <message>
        <source>Reading the dataset</source>
        <translation>Das Lesen des Datensatzes</translation>
    </message>
    <message>
        <source>Removing the dataset</source>
        <translation>Das Entfernen des Datensatzes</translation>
    </message>
    <message>
        <source>Importing the dataset</source>
        <translation>Das Importieren des Datensatzes</translation>
    </message>
    <message>
        <source>Saving the dataset</source>
        <translation>Das Speichern des Datensatzes</translation>
    </message>
    <message>
        <source>Saving the dataset&apos;s columns</source>
        <translation>Das Speichern der Spalten des Datensatzes</translation>
    </message>
    <message>
        <source>Summarising the dataset</source>
        <translation>Das Zusammenfassen des Datensatzes</translation>
    </message>
    <message>
        <source>Creating the dataset&apos;s table</source>
        <translation>Das Anlegen der Tabelle des Datensatzes</translation>
    </message>
    <message>
        <source>Importing the rows</source>
        <translation>Das Importieren der Zeilen</translation>
    </message>
    <message>
        <source>Indexing the dataset</source>
        <translation>Das Indizieren des Datensatzes</translation>
    </message>
</context>
<context>
    <name>TranscriptSelection</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>Copy Message as &amp;Text</source>
        <translation>Nachricht als &amp;Text kopieren</translation>
    </message>
    <message>
        <source>Copy Message as &amp;Markdown</source>
        <translation>Nachricht als &amp;Markdown kopieren</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>&amp;Edit and Send Again…</source>
        <translation>&amp;Bearbeiten und erneut senden …</translation>
    </message>
    <message>
        <source>&amp;Regenerate Answer</source>
        <translation>Antwort neu &amp;erzeugen</translation>
    </message>
</context>
</TS>
