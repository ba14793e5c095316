<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>Account</name>
    <message>
        <source>Local (built in)</source>
        <translation>Local (intégré)</translation>
    </message>
    <message>
        <source>API token</source>
        <translation>jeton d’API</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>jeton Bearer</translation>
    </message>
    <message>
        <source>Client secret</source>
        <translation>secret client</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>clé d’API</translation>
    </message>
    <message>
        <source>Client ID</source>
        <translation>ID client</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Local</translation>
    </message>
    <message>
        <source>Luzmo</source>
        <translation>Luzmo</translation>
    </message>
    <message>
        <source>Workflow chat</source>
        <translation>Chat de workflow</translation>
    </message>
    <message>
        <source>Looker</source>
        <translation>Looker</translation>
    </message>
    <message>
        <source>Give the account a name.</source>
        <translation>Donnez un nom au compte.</translation>
    </message>
    <message>
        <source>Enter the API key (the key id that goes with the token).</source>
        <translation>Saisissez la clé d’API (l’identifiant de clé associé au jeton).</translation>
    </message>
    <message>
        <source>Enter the client ID of the Looker API key.</source>
        <translation>Saisissez l’ID client de la clé d’API Looker.</translation>
    </message>
    <message>
        <source>Enter the address, e.g. %1.</source>
        <translation>Saisissez l’adresse, par ex. %1.</translation>
    </message>
    <message>
        <source>This is not a web address. Use e.g. %1.</source>
        <translation>Ce n’est pas une adresse web. Utilisez par ex. %1.</translation>
    </message>
    <message>
        <source>The address must start with https:// (or http:// for a local server).</source>
        <translation>L’adresse doit commencer par https:// (ou http:// pour un serveur local).</translation>
    </message>
    <message>
        <source>The address needs a host name, e.g. %1.</source>
        <translation>L’adresse doit comporter un nom d’hôte, par ex. %1.</translation>
    </message>
    <message>
        <source>The address cannot have a query (?) or a fragment (#).</source>
        <translation>L’adresse ne peut pas contenir de requête (?) ni de fragment (#).</translation>
    </message>
    <message>
        <source>%1 (%2 at %3)</source>
        <translation>%1 (%2 sur %3)</translation>
    </message>
</context>
<context>
    <name>BackendRegistry</name>
    <message>
        <source>a removed account</source>
        <translation>un compte supprimé</translation>
    </message>
    <message>
        <source>Local (built in)</source>
        <translation>Local (intégré)</translation>
    </message>
    <message>
        <source>Local (built in) — not running</source>
        <translation>Local (intégré) — arrêté</translation>
    </message>
    <message>
        <source>%1 — %2 (Settings)</source>
        <translation>%1 — %2 (Paramètres)</translation>
    </message>
    <message>
        <source>%1 — reading the %2 from the keychain…</source>
        <translation>%1 — lecture du %2 dans le trousseau…</translation>
    </message>
    <message>
        <source>%1 — needs its %2 (Settings)</source>
        <translation>%1 — %2 manquant (Paramètres)</translation>
    </message>
</context>
<context>
    <name>ChatSession</name>
    <message>
        <source>Chartroom was closed while the answer was arriving.</source>
        <translation>Chartroom a été fermé pendant l’arrivée de la réponse.</translation>
    </message>
    <message>
        <source>Type a question first.</source>
        <translation>Saisissez d’abord une question.</translation>
    </message>
    <message>
        <source>There is no question to ask again.</source>
        <translation>Il n’y a aucune question à reposer.</translation>
    </message>
    <message>
        <source>The account this conversation used was removed. Move it to another account to continue it.</source>
        <translation>Le compte utilisé par cette conversation a été supprimé. Déplacez-la vers un autre compte pour la poursuivre.</translation>
    </message>
    <message>
        <source>No backend configured: add one in Settings to get answers. Your question was saved.</source>
        <translation>Aucun backend configuré : ajoutez-en un dans les Paramètres pour obtenir des réponses. Votre question a été enregistrée.</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>Arrêtée.</translation>
    </message>
    <message>
        <source>The answer could not be saved: %1</source>
        <translation>La réponse n’a pas pu être enregistrée : %1</translation>
    </message>
    <message>
        <source>This question could not be queued: %1</source>
        <translation>Cette question n’a pas pu être mise en file d’attente : %1</translation>
    </message>
    <message>
        <source>An answer is still arriving: wait for it or press Stop.</source>
        <translation>Une réponse est encore en cours d’arrivée : attendez-la ou appuyez sur Arrêter.</translation>
    </message>
    <message>
        <source>There is no outbox.</source>
        <translation>Il n’y a pas de boîte d’envoi.</translation>
    </message>
    <message>
        <source>This question is no longer queued.</source>
        <translation>Cette question n’est plus en file d’attente.</translation>
    </message>
    <message>
        <source>The conversation of this question was deleted.</source>
        <translation>La conversation de cette question a été supprimée.</translation>
    </message>
    <message>
        <source>The queued question is no longer in its conversation.</source>
        <translation>La question en attente ne figure plus dans sa conversation.</translation>
    </message>
    <message>
        <source>It could not be sent.</source>
        <translation>Elle n’a pas pu être envoyée.</translation>
    </message>
    <message>
        <source>The last question is still being saved.</source>
        <translation>La dernière question est encore en cours d’enregistrement.</translation>
    </message>
    <message>
        <source>This conversation has no question to ask again.</source>
        <translation>Cette conversation n’a aucune question à reposer.</translation>
    </message>
    <message>
        <source>Only the last answer of a conversation can be regenerated.</source>
        <translation>Seule la dernière réponse d’une conversation peut être régénérée.</translation>
    </message>
    <message>
        <source>Only the last question of a conversation can be edited and sent again.</source>
        <translation>Seule la dernière question d’une conversation peut être modifiée et renvoyée.</translation>
    </message>
</context>
<context>
    <name>Composer</name>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <source>Ask about your data… (Ctrl+Return to send)</source>
        <translation>Posez une question sur vos données… (Ctrl+Entrée pour envoyer)</translation>
    </message>
    <message>
        <source>Send the question (Ctrl+Return)</source>
        <translation>Envoyer la question (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Stop the answer that is streaming</source>
        <translation>Arrêter la réponse en cours</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>Type a question about your data; Ctrl+Return sends it</source>
        <translation>Saisissez une question sur vos données ; Ctrl+Entrée l’envoie</translation>
    </message>
    <message>
        <source>Send question</source>
        <translation>Envoyer la question</translation>
    </message>
    <message>
        <source>Stop answer</source>
        <translation>Arrêter la réponse</translation>
    </message>
    <message>
        <source>Remove the pasted text</source>
        <translation>Retirer le texte collé</translation>
    </message>
    <message>
        <source>Editing your last question: sending it again keeps the earlier version.</source>
        <translation>Modification de votre dernière question : la renvoyer conserve la version précédente.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop editing and empty the text box</source>
        <translation>Arrêter la modification et vider la zone de texte</translation>
    </message>
    <message>
        <source>Pasted text · %1 characters</source>
        <translation>Texte collé · %1 caractères</translation>
    </message>
    <message>
        <source>Send Again</source>
        <translation>Renvoyer</translation>
    </message>
    <message>
        <source>Send the edited question again</source>
        <translation>Renvoyer la question modifiée</translation>
    </message>
</context>
<context>
    <name>ConversationExportFlow</name>
    <message>
        <source>Export Conversation</source>
        <translation>Exporter la conversation</translation>
    </message>
    <message>
        <source>Exporting 1 message…</source>
        <translation>Export de 1 message…</translation>
    </message>
    <message>
        <source>Exporting %1 messages…</source>
        <translation>Export de %1 messages…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Writing the file…</source>
        <translation>Écriture du fichier…</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>Export annulé</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Exporté vers %1</translation>
    </message>
    <message>
        <source>The conversation could not be exported.

%1</source>
        <translation>La conversation n’a pas pu être exportée.

%1</translation>
    </message>
    <message>
        <source>Conversation copied as Markdown</source>
        <translation>Conversation copiée en Markdown</translation>
    </message>
</context>
<context>
    <name>ConversationSidebar</name>
    <message>
        <source>Search history (Ctrl+F)</source>
        <translation>Rechercher dans l’historique (Ctrl+F)</translation>
    </message>
    <message>
        <source>Filter conversations</source>
        <translation>Filtrer les conversations</translation>
    </message>
    <message>
        <source>Shows the conversations whose messages match</source>
        <translation>Affiche les conversations dont les messages correspondent</translation>
    </message>
    <message>
        <source>Conversations</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Your conversations, newest first</source>
        <translation>Vos conversations, les plus récentes d’abord</translation>
    </message>
    <message>
        <source>Matching conversations</source>
        <translation>Conversations correspondantes</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>Searching the history failed. The database may be damaged or locked by another program.</source>
        <translation>La recherche dans l’historique a échoué. La base de données est peut-être endommagée ou verrouillée par un autre programme.</translation>
    </message>
</context>
<context>
    <name>EmptyStateWidget</name>
    <message>
        <source>Ask a question about your data to start a conversation</source>
        <translation>Posez une question sur vos données pour commencer une conversation</translation>
    </message>
    <message>
        <source>Answers stream in as text and charts, and everything stays on this computer. Try one of these:</source>
        <translation>Les réponses arrivent sous forme de texte et de graphiques, et tout reste sur cet ordinateur. Essayez l’une de celles-ci :</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>What went wrong, and what you can do about it</source>
        <translation>Ce qui s’est mal passé, et ce que vous pouvez faire</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>The questions and answers of the open conversation</source>
        <translation>Les questions et réponses de la conversation ouverte</translation>
    </message>
    <message>
        <source>Answer source</source>
        <translation>Source des réponses</translation>
    </message>
    <message>
        <source>Opening the conversation</source>
        <translation>L’ouverture de la conversation</translation>
    </message>
    <message>
        <source>Your question could not be sent: %1</source>
        <translation>Votre question n’a pas pu être envoyée : %1</translation>
    </message>
    <message>
        <source>Could not ask again: %1</source>
        <translation>Impossible de reposer la question : %1</translation>
    </message>
    <message>
        <source>%1 failed.

%2</source>
        <translation>%1 a échoué.

%2</translation>
    </message>
    <message>
        <source>&amp;New Conversation</source>
        <translation>&amp;Nouvelle conversation</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Commencer une nouvelle conversation (Ctrl+N)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>&amp;Renommer…</translation>
    </message>
    <message>
        <source>Rename this conversation (F2)</source>
        <translation>Renommer cette conversation (F2)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Delete this conversation (Delete in the list)</source>
        <translation>Supprimer cette conversation (Suppr dans la liste)</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <source>Save this conversation as HTML, PDF, Markdown or JSON (Ctrl+E)</source>
        <translation>Enregistrer cette conversation en HTML, PDF, Markdown ou JSON (Ctrl+E)</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>Copier en &amp;Markdown</translation>
    </message>
    <message>
        <source>&amp;Search History</source>
        <translation>&amp;Rechercher dans l’historique</translation>
    </message>
    <message>
        <source>Search all conversations (Ctrl+K)</source>
        <translation>Rechercher dans toutes les conversations (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Filter Conversations</source>
        <translation>&amp;Filtrer les conversations</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>Choose where answers come from (Ctrl+,)</source>
        <translation>Choisir d’où viennent les réponses (Ctrl+,)</translation>
    </message>
    <message>
        <source>&amp;Import CSV…</source>
        <translation>&amp;Importer un CSV…</translation>
    </message>
    <message>
        <source>Import a CSV file as a dataset to ask about (Ctrl+I)</source>
        <translation>Importer un fichier CSV comme jeu de données à interroger (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Stop Answer</source>
        <translation>&amp;Arrêter la réponse</translation>
    </message>
    <message>
        <source>&amp;Edit Last Question</source>
        <translation>&amp;Modifier la dernière question</translation>
    </message>
    <message>
        <source>Re&amp;generate Last Answer</source>
        <translation>Ré&amp;générer la dernière réponse</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Conversation</source>
        <translation>&amp;Conversation</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Raccourcis &amp;clavier</translation>
    </message>
    <message>
        <source>&amp;About Chartroom</source>
        <translation>À &amp;propos de Chartroom</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principale</translation>
    </message>
    <message>
        <source>Rename Conversation</source>
        <translation>Renommer la conversation</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titre :</translation>
    </message>
    <message>
        <source>Renaming the conversation</source>
        <translation>Le renommage de la conversation</translation>
    </message>
    <message>
        <source>Delete Conversation</source>
        <translation>Supprimer la conversation</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>Supprimer « %1 » ?</translation>
    </message>
    <message>
        <source>Its messages and charts are removed from this computer.</source>
        <translation>Ses messages et graphiques sont supprimés de cet ordinateur.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Deleting the conversation</source>
        <translation>La suppression de la conversation</translation>
    </message>
    <message>
        <source>Copying the conversation</source>
        <translation>La copie de la conversation</translation>
    </message>
    <message>
        <source>No backend configured</source>
        <translation>Aucun backend configuré</translation>
    </message>
    <message>
        <source>The account of this conversation was removed</source>
        <translation>Le compte de cette conversation a été supprimé</translation>
    </message>
    <message>
        <source>Answers from: %1</source>
        <translation>Réponses de : %1</translation>
    </message>
    <message>
        <source>This conversation has no question to edit yet.</source>
        <translation>Cette conversation n’a pas encore de question à modifier.</translation>
    </message>
    <message>
        <source>The question could not be read: %1</source>
        <translation>La question n’a pas pu être lue : %1</translation>
    </message>
    <message>
        <source>This conversation has no answer to regenerate yet.</source>
        <translation>Cette conversation n’a pas encore de réponse à régénérer.</translation>
    </message>
    <message>
        <source>Could not regenerate the answer: %1</source>
        <translation>Impossible de régénérer la réponse : %1</translation>
    </message>
</context>
<context>
    <name>MessageAccessibleText</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Streaming</source>
        <translation>En cours d’écriture</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Arrêtée : %1</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>earlier version</source>
        <translation>version précédente</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>1 chart</source>
        <translation>1 graphique</translation>
    </message>
    <message>
        <source>%1 charts</source>
        <translation>%1 graphiques</translation>
    </message>
</context>
<context>
    <name>MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>%1 · earlier version</source>
        <translation>%1 · version précédente</translation>
    </message>
    <message>
        <source>Queued — will be sent when back online</source>
        <translation>En attente — sera envoyé au retour en ligne</translation>
    </message>
    <message>
        <source>Thinking…</source>
        <translation>Réflexion…</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Rédaction…</translation>
    </message>
    <message>
        <source>Interrupted</source>
        <translation>Interrompu</translation>
    </message>
    <message>
        <source>Interrupted: %1</source>
        <translation>Interrompu : %1</translation>
    </message>
    <message>
        <source>The answer failed.</source>
        <translation>La réponse a échoué.</translation>
    </message>
    <message>
        <source>↻  Retry</source>
        <translation>↻  Réessayer</translation>
    </message>
    <message>
        <source>Show all (%1)</source>
        <translation>Tout afficher (%1)</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Réflexion</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <source>Show queue</source>
        <translation>Voir la file</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 et %2</translation>
    </message>
    <message>
        <source>1 question will be sent</source>
        <translation>1 question sera envoyée</translation>
    </message>
    <message>
        <source>%1 questions will be sent</source>
        <translation>%1 questions seront envoyées</translation>
    </message>
    <message>
        <source>questions you write will be sent</source>
        <translation>les questions que vous écrivez seront envoyées</translation>
    </message>
    <message>
        <source>You&apos;re offline — %1 when %2 is reachable again.</source>
        <translation>Vous êtes hors ligne — %1 dès que %2 sera de nouveau joignable.</translation>
    </message>
    <message>
        <source>You&apos;re offline — %1 when the network is back.</source>
        <translation>Vous êtes hors ligne — %1 dès le retour du réseau.</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Has chart</source>
        <translation>Avec graphique</translation>
    </message>
    <message>
        <source>Search History</source>
        <translation>Rechercher dans l’historique</translation>
    </message>
    <message>
        <source>Search all conversations — words, prefix*, &quot;a phrase&quot;, OR, NOT</source>
        <translation>Rechercher dans toutes les conversations — mots, préfixe*, « une expression », OR, NOT</translation>
    </message>
    <message>
        <source>↑ ↓ to move  ·  Enter to open  ·  Esc to close</source>
        <translation>↑ ↓ pour se déplacer  ·  Entrée pour ouvrir  ·  Échap pour fermer</translation>
    </message>
    <message>
        <source>All backends</source>
        <translation>Tous les backends</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>Indifférent</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>La recherche a échoué : %1</translation>
    </message>
    <message>
        <source>Type to search every conversation, offline</source>
        <translation>Tapez pour rechercher dans toutes les conversations, même hors ligne</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Aucun résultat</translation>
    </message>
    <message>
        <source>The best %1 matches</source>
        <translation>Les %1 meilleurs résultats</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 résultat</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 résultats</translation>
    </message>
</context>
<context>
    <name>StoreError</name>
    <message>
        <source>%1: the disk is full. Free some space and try again; nothing already saved was lost.</source>
        <translation>%1 : le disque est plein. Libérez de l’espace et réessayez ; rien de ce qui était déjà enregistré n’a été perdu.</translation>
    </message>
    <message>
        <source>%1: the history database is read-only.</source>
        <translation>%1 : la base de données de l’historique est en lecture seule.</translation>
    </message>
    <message>
        <source>%1: the history database is damaged or is not a database.</source>
        <translation>%1 : la base de données de l’historique est endommagée ou n’est pas une base de données.</translation>
    </message>
    <message>
        <source>%1: it was stopped before it finished.</source>
        <translation>%1 : l’opération a été interrompue avant la fin.</translation>
    </message>
    <message>
        <source>%1: the history database cannot be opened.</source>
        <translation>%1 : la base de données de l’historique ne peut pas être ouverte.</translation>
    </message>
    <message>
        <source>%1 failed.</source>
        <translation>%1 a échoué.</translation>
    </message>
    <message>
        <source>Upgrading the history database to schema 8</source>
        <translation>La mise à niveau de la base de l’historique vers le schéma 8</translation>
    </message>
    <message>
        <source>Indexing the message for search</source>
        <translation>L’indexation du message pour la recherche</translation>
    </message>
    <message>
        <source>Creating the conversation</source>
        <translation>La création de la conversation</translation>
    </message>
    <message>
        <source>Reading the conversation</source>
        <translation>La lecture de la conversation</translation>
    </message>
    <message>
        <source>Reading the conversation list</source>
        <translation>La lecture de la liste des conversations</translation>
    </message>
    <message>
        <source>Counting conversations</source>
        <translation>Le comptage des conversations</translation>
    </message>
    <message>
        <source>Renaming the conversation</source>
        <translation>Le renommage de la conversation</translation>
    </message>
    <message>
        <source>Deleting the conversation</source>
        <translation>La suppression de la conversation</translation>
    </message>
    <message>
        <source>Removing conversations left empty</source>
        <translation>La suppression des conversations restées vides</translation>
    </message>
    <message>
        <source>Saving the conversation</source>
        <translation>L’enregistrement de la conversation</translation>
    </message>
    <message>
        <source>Joining the conversation to its earlier copy</source>
        <translation>La fusion de la conversation avec sa copie précédente</translation>
    </message>
    <message>
        <source>Saving the message</source>
        <translation>L’enregistrement du message</translation>
    </message>
    <message>
        <source>Reading the message</source>
        <translation>La lecture du message</translation>
    </message>
    <message>
        <source>Reading charts</source>
        <translation>La lecture des graphiques</translation>
    </message>
    <message>
        <source>Counting messages</source>
        <translation>Le comptage des messages</translation>
    </message>
    <message>
        <source>Removing the message</source>
        <translation>La suppression du message</translation>
    </message>
    <message>
        <source>Reading the chart</source>
        <translation>La lecture du graphique</translation>
    </message>
    <message>
        <source>Saving a chart</source>
        <translation>L’enregistrement d’un graphique</translation>
    </message>
    <message>
        <source>Saving the chart data</source>
        <translation>L’enregistrement des données du graphique</translation>
    </message>
    <message>
        <source>Reading the charts without data</source>
        <translation>La lecture des graphiques sans données</translation>
    </message>
    <message>
        <source>Looking for an answer to resume</source>
        <translation>La recherche d’une réponse à reprendre</translation>
    </message>
    <message>
        <source>Repairing unfinished answers</source>
        <translation>La réparation des réponses inachevées</translation>
    </message>
    <message>
        <source>Indexing unfinished answers for search</source>
        <translation>L’indexation des réponses inachevées pour la recherche</translation>
    </message>
    <message>
        <source>Searching the history</source>
        <translation>La recherche dans l’historique</translation>
    </message>
    <message>
        <source>Listing the backends of the history</source>
        <translation>La liste des backends de l’historique</translation>
    </message>
    <message>
        <source>Reading the dates of the history</source>
        <translation>La lecture des dates de l’historique</translation>
    </message>
    <message>
        <source>Keeping the earlier version</source>
        <translation>La conservation de la version précédente</translation>
    </message>
    <message>
        <source>Restoring the earlier version</source>
        <translation>La restauration de la version précédente</translation>
    </message>
    <message>
        <source>Indexing messages for search</source>
        <translation>L’indexation des messages pour la recherche</translation>
    </message>
    <message>
        <source>Writing the history file</source>
        <translation>L’écriture du fichier d’historique</translation>
    </message>
    <message>
        <source>Preparing the history search failed.</source>
        <translation>La préparation de la recherche dans l’historique a échoué.</translation>
    </message>
    <message>
        <source>Saving synced conversations</source>
        <translation>L’enregistrement des conversations synchronisées</translation>
    </message>
    <message>
        <source>Reading where the last sync stopped</source>
        <translation>La lecture du point d’arrêt de la dernière synchronisation</translation>
    </message>
    <message>
        <source>Reading when the last sync ran</source>
        <translation>La lecture de la date de la dernière synchronisation</translation>
    </message>
    <message>
        <source>Saving the end of the sync</source>
        <translation>L’enregistrement de la fin de la synchronisation</translation>
    </message>
    <message>
        <source>Reading the dataset&apos;s columns</source>
        <translation>La lecture des colonnes du jeu de données</translation>
    </message>
    <message>
        <source>Creating the datasets database</source>
        <translation>La création de la base des jeux de données</translation>
    </message>
    <message>
        <source>Upgrading the datasets database</source>
        <translation>La mise à niveau de la base des jeux de données</translation>
    </message>
    <message>
        <source>Listing the datasets</source>
        <translation>La liste des jeux de données</translation>
    </message>
    <message>
        <source>Reading the dataset</source>
        <translation>La lecture du jeu de données</translation>
    </message>
    <message>
        <source>Removing the dataset</source>
        <translation>La suppression du jeu de données</translation>
    </message>
    <message>
        <source>Importing the dataset</source>
        <translation>L’importation du jeu de données</translation>
    </message>
    <message>
        <source>Saving the dataset</source>
        <translation>L’enregistrement du jeu de données</translation>
    </message>
    <message>
        <source>Saving the dataset&apos;s columns</source>
        <translation>L’enregistrement des colonnes du jeu de données</translation>
    </message>
    <message>
        <source>Summarising the dataset</source>
        <translation>Le résumé du jeu de données</translation>
    </message>
    <message>
        <source>Creating the dataset&apos;s table</source>
        <translation>La création de la table du jeu de données</translation>
    </message>
    <message>
        <source>Importing the rows</source>
        <translation>L’importation des lignes</translation>
    </message>
    <message>
        <source>Indexing the dataset</source>
        <translation>L’indexation du jeu de données</translation>
    </message>
</context>
<context>
    <name>TranscriptSelection</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>Tout &amp;sélectionner</translation>
    </message>
    <message>
        <source>Copy Message as &amp;Text</source>
        <translation>Copier le message en &amp;texte</translation>
    </message>
    <message>
        <source>Copy Message as &amp;Markdown</source>
        <translation>Copier le message en &amp;Markdown</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>&amp;Edit and Send Again…</source>
        <translation>&amp;Modifier et renvoyer…</translation>
    </message>
    <message>
        <source>&amp;Regenerate Answer</source>
        <translation>&amp;Régénérer la réponse</translation>
    </message>
</context>
</TS>
