import type { Messages } from './en';

/**
 * Deutsche Texte. `satisfies Messages` verlangt genau die Schlüssel der englischen Fassung;
 * consistency.ts prüft zusätzlich, dass jeder Text dieselben {{Platzhalter}} verwendet.
 */
export const de = {
  app: {
    name: 'Leitstand',
    loading: 'Verbindung zu Leitstand wird hergestellt …',
    documentTitle: '{{workspace}} – Leitstand',
  },
  connection: {
    missingTokenTitle: 'Leitstand mit dem Zugangslink öffnen',
    missingTokenBody:
      'Dieser Browser-Tab hat keinen Zugangsschlüssel, deshalb verweigert Leitstand ihm den Zugriff. Der Schlüssel steckt im Link, den der Host beim Start ausgibt.',
    refusedTitle: 'Leitstand ist nicht erreichbar',
    refusedBody:
      'Der Leitstand-Host hat diesen Tab abgewiesen oder läuft nicht. Sein Zugangsschlüssel ändert sich bei jedem Start, ein Link von einem früheren Start funktioniert daher nicht mehr.',
    howTo: 'Starten Sie den Host mit <code>{{command}}</code> und öffnen Sie die URL aus der ersten Zeile seiner Ausgabe.',
    urlShape: 'Sie sieht so aus: <code>{{example}}</code>',
    retry: 'Erneut versuchen',
    reconnecting: 'Die Verbindung zum Leitstand-Host ist unterbrochen. Neuer Verbindungsversuch …',
    reconnectingHint: 'Wurde der Host neu gestartet, öffnen Sie die neue URL aus seiner Ausgabe.',
  },
  sidebar: {
    label: 'Arbeitsbereiche',
    workspacesHeading: 'Arbeitsbereiche',
    newWorkspace: 'Neuer Arbeitsbereich',
    archivedHeading: 'Archiviert',
    archivedSummary: 'Archiviert ({{count}})',
    restore: 'Wiederherstellen',
    restoreNamed: '{{name}} wiederherstellen',
    delete: 'Löschen',
    deleteNamed: '{{name}} löschen',
    settings: 'Einstellungen',
  },
  shortcut: {
    ctrl: 'Strg+{{n}}',
    mac: '⌘{{n}}',
  },
  workspace: {
    kicker: 'Arbeitsbereich',
    actions: 'Aktionen für den Arbeitsbereich',
    rename: 'Umbenennen',
    archive: 'Archivieren',
    emptyTitle: 'Dieser Arbeitsbereich ist noch leer',
    emptyBody:
      'Hier behalten Sie alles zu diesem Kunden oder dieser Marke im Blick: die betreuten Konten, die verfolgten Suchen und Erwähnungen und die Nachrichten, die eine Antwort brauchen.',
    nextStepsHeading: 'Wie es weitergeht',
    nextConnect: 'Die Konten dieses Arbeitsbereichs verbinden (Bluesky, Mastodon, RSS- und Atom-Feeds).',
    nextColumns: 'Spalten für Suchen, Erwähnungen, Hashtags und Feeds anlegen.',
    comingSoon:
      'Beides ist in dieser Version von Leitstand noch nicht enthalten und kommt mit den nächsten Updates. Bis dahin können Sie Ihre Arbeitsbereiche anlegen und ordnen.',
  },
  welcome: {
    title: 'Willkommen bei Leitstand',
    body:
      'Leitstand führt jedes Kundenprofil und jede Marke in einem eigenen Arbeitsbereich, zum Beispiel „Migros“ oder „Eigene Marke“. Jeder Arbeitsbereich hat seine eigenen Konten, Streams und seinen eigenen Posteingang, damit Kunden nie verwechselt werden.',
    create: 'Ersten Arbeitsbereich anlegen',
    onlyArchivedTitle: 'Kein aktiver Arbeitsbereich',
    onlyArchivedBody:
      'Alle Arbeitsbereiche sind archiviert. Stellen Sie einen aus dem Archiv in der Seitenleiste wieder her oder legen Sie einen neuen an.',
    createAnother: 'Arbeitsbereich anlegen',
  },
  dialogs: {
    cancel: 'Abbrechen',
    close: 'Schließen',
    nameLabel: 'Name',
    nameHint: 'Der Kunde oder die Marke, zum Beispiel „Migros“ oder „Eigene Marke“.',
    nameRequired: 'Bitte geben Sie einen Namen ein.',
    create: {
      title: 'Neuer Arbeitsbereich',
      submit: 'Arbeitsbereich anlegen',
    },
    rename: {
      title: 'Arbeitsbereich umbenennen',
      submit: 'Umbenennen',
    },
    archive: {
      title: '„{{name}}“ archivieren?',
      body: 'Der Arbeitsbereich verschwindet aus der Seitenleiste und kommt ins Archiv. Es wird nichts gelöscht: Sie können ihn jederzeit wiederherstellen.',
      confirm: 'Archivieren',
    },
    delete: {
      title: '„{{name}}“ endgültig löschen?',
      body: 'Der Arbeitsbereich, seine Konten und deren Schlüssel im Schlüsselbund des Systems werden entfernt. Das lässt sich nicht rückgängig machen.',
      confirm: 'Endgültig löschen',
    },
  },
  settings: {
    title: 'Einstellungen',
    language: 'Sprache',
    theme: 'Darstellung',
    languageOptions: {
      system: 'System ({{language}})',
      de: 'Deutsch',
      en: 'English',
    },
    themeOptions: {
      system: 'System',
      light: 'Hell',
      dark: 'Dunkel',
    },
    savedHint: 'Änderungen gelten sofort und bleiben gespeichert.',
  },
  errors: {
    dismiss: 'Schließen',
    detail: 'Details: {{message}}',
    reasons: {
      workspace_name_taken: 'Es gibt bereits einen Arbeitsbereich namens „{{name}}“. Bitte wählen Sie einen anderen Namen.',
      workspace_not_archived: 'Archivieren Sie den Arbeitsbereich „{{name}}“, bevor Sie ihn löschen.',
      workspace_archived: 'Der Arbeitsbereich „{{name}}“ ist archiviert. Stellen Sie ihn zuerst wieder her.',
      login_rejected: 'Der Server hat diesen Handle und dieses App-Passwort nicht angenommen.',
      app_password_required: 'Bitte verwenden Sie ein App-Passwort, nicht Ihr Kontopasswort. Sie erstellen es in Bluesky unter Einstellungen › Privatsphäre und Sicherheit › App-Passwörter.',
    },
    codes: {
      invalid_params: 'Leitstand konnte diese Eingabe nicht annehmen.',
      unknown_method: 'Diese Version von Leitstand kennt diese Aktion nicht.',
      not_found: 'Dieser Eintrag existiert nicht mehr. Vielleicht wurde er in einem anderen Fenster gelöscht.',
      conflict: 'Das steht im Widerspruch zu etwas, das bereits existiert.',
      store_locked: 'Die Leitstand-Datenbank wird von einem anderen Programm verwendet.',
      store_read_only: 'Leitstand kann nicht in seine Datenbank schreiben: Sie ist schreibgeschützt.',
      store_future_version: 'Die Leitstand-Datenbank stammt von einer neueren Version von Leitstand.',
      store_not_database: 'Die Datenbankdatei von Leitstand ist beschädigt oder keine Datenbank.',
      store_failed: 'Leitstand konnte nicht in seiner Datenbank speichern.',
      keychain_unavailable: 'Der Schlüsselbund des Betriebssystems ist nicht verfügbar. Leitstand speichert Passwörter nie anderswo.',
      keychain_failed: 'Der Schlüsselbund des Betriebssystems hat die Anfrage abgelehnt.',
      unauthorized: 'Dieses Fenster darf nicht mit Leitstand sprechen.',
      remote_unreachable: 'Der Server war nicht erreichbar. Prüfen Sie die Adresse und Ihre Verbindung.',
      remote_failed: 'Der Server hat mit einem Fehler geantwortet.',
      reconnect_needed: 'Das Konto muss neu verbunden werden.',
      internal: 'In Leitstand ist etwas schiefgegangen.',
    },
  },
} as const satisfies Messages;
