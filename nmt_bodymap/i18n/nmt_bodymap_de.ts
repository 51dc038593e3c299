<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en_US">
<context>
    <name>nmt_bodymap</name>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_panel.py"/>
        <source>  ·  born {date_of_birth:%Y-%m-%d}</source>
        <translation>  ·  geb. {date_of_birth:%d.%m.%Y}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_panel.py"/>
        <source>  ·  demo</source>
        <translation>  ·  Demo</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source> (charted)</source>
        <translation> (erfasst)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>&amp;About {app_name}</source>
        <translation>&amp;Über {app_name}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/lock.py"/>
        <source>&amp;Accounts…</source>
        <translation>&amp;Konten…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>&amp;Active (reproduces the client's pain)</source>
        <translation>&amp;Aktiv (löst den bekannten Schmerz aus)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/accounts_dialog.py"/>
        <source>&amp;Add account</source>
        <translation>Konto &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>&amp;Add complaint</source>
        <translation>Beschwerde &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>&amp;Amend signed visit…</source>
        <translation>Unterschriebenen Termin er&amp;gänzen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_panel.py"/>
        <source>&amp;Assessment</source>
        <translation>&amp;Untersuchung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>&amp;Assessment</source>
        <comment>SOAP</comment>
        <translation>&amp;Beurteilung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Both views</source>
        <translation>&amp;Beide Ansichten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/window_panels.py"/>
        <source>&amp;Candidates</source>
        <translation>&amp;Kandidaten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_dialog.py"/>
        <source>&amp;Chief complaint:</source>
        <translation>&amp;Hauptbeschwerde:</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Clear selection and highlight</source>
        <translation>Auswahl und Hervorhebung &amp;aufheben</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/workflow_actions.py"/>
        <source>&amp;Clinic</source>
        <translation>&amp;Praxis</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>&amp;Conditions</source>
        <translation>&amp;Erkrankungen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>&amp;Copy after-care</source>
        <translation>Nachsorge &amp;kopieren</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/red_flag_banner.py"/>
        <source>&amp;Date</source>
        <translation>&amp;Datum</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_dialog.py"/>
        <source>&amp;Date and time:</source>
        <translation>&amp;Datum und Uhrzeit:</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <location filename="../../nmt_bodymap/ui/chart/client_panel.py"/>
        <source>&amp;Delete client…</source>
        <translation>Klient &amp;löschen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Delete selected marks</source>
        <translation>Ausgewählte Markierungen &amp;löschen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>&amp;Delete visit…</source>
        <translation>Termin &amp;löschen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/accounts_dialog.py"/>
        <source>&amp;Disable / enable selected</source>
        <translation>Auswahl &amp;sperren / freigeben</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <location filename="../../nmt_bodymap/ui/chart/client_panel.py"/>
        <source>&amp;Edit client…</source>
        <translation>Klient bea&amp;rbeiten…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>&amp;Edit visit…</source>
        <translation>Termin &amp;bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_panel.py"/>
        <source>&amp;Edit…</source>
        <translation>Ä&amp;ndern…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/workflow_actions.py"/>
        <source>&amp;Education mode</source>
        <translation>Auf&amp;klärungsmodus</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_dialog.py"/>
        <source>&amp;Email</source>
        <translation>&amp;E-Mail</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_panel.py"/>
        <source>&amp;Entrapment</source>
        <translation>&amp;Kompressionssyndrom</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <location filename="../../nmt_bodymap/ui/i18n.py"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Find client</source>
        <translation>Klient &amp;suchen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Fit to window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/window_panels.py"/>
        <source>&amp;Guide</source>
        <translation>&amp;Leitfaden</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>&amp;History</source>
        <translation>&amp;Vorgeschichte</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>&amp;Import client…</source>
        <translation>Klient &amp;importieren…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Inside the body</source>
        <translation>&amp;Im Körperinneren</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/workflow_actions.py"/>
        <source>&amp;Intake…</source>
        <translation>&amp;Anamnese…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_panel.py"/>
        <source>&amp;Ischemia</source>
        <translation>&amp;Ischämie</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>&amp;Jump sign</source>
        <translation>&amp;Jump Sign (Ausweichreaktion)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>&amp;Keep the key on this computer</source>
        <translation>Schlüssel auf diesem Computer &amp;behalten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>&amp;Latent (tender, not their familiar pain)</source>
        <translation>&amp;Latent (druckempfindlich, nicht der bekannte Schmerz)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>&amp;Licence</source>
        <translation>&amp;Lizenz</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>&amp;Lock after idle:</source>
        <translation>&amp;Sperren nach Leerlauf:</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/lock.py"/>
        <source>&amp;Lock now</source>
        <translation>Jetzt &amp;sperren</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Mark</source>
        <translation>&amp;Markierung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>&amp;Medications</source>
        <translation>&amp;Medikamente</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Muscle</source>
        <translation>M&amp;uskel</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/accounts_dialog.py"/>
        <location filename="../../nmt_bodymap/ui/chart/client_dialog.py"/>
        <source>&amp;Name</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <location filename="../../nmt_bodymap/ui/chart/client_panel.py"/>
        <source>&amp;New client…</source>
        <translation>&amp;Neuer Klient…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/follow_up_dialog.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/red_flag_banner.py"/>
        <source>&amp;Note</source>
        <translation>&amp;Notiz</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>&amp;Objective</source>
        <comment>SOAP</comment>
        <translation>&amp;Objektiv</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/sign_in_dialog.py"/>
        <source>&amp;Once more</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>&amp;Paper size:</source>
        <translation>&amp;Papierformat:</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/accounts_dialog.py"/>
        <source>&amp;Passphrase</source>
        <translation>&amp;Passphrase</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/sign_in_dialog.py"/>
        <source>&amp;Passphrase or PIN</source>
        <translation>&amp;Passphrase oder PIN</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_dialog.py"/>
        <source>&amp;Phone</source>
        <translation>&amp;Telefon</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>&amp;Plan</source>
        <comment>SOAP</comment>
        <translation>&amp;Plan</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>&amp;Pressure tolerance</source>
        <translation>D&amp;rucktoleranz</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>&amp;Print visit report…</source>
        <translation>Terminbericht &amp;drucken…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/take_home.py"/>
        <source>&amp;Print…</source>
        <translation>&amp;Drucken…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/workflow_actions.py"/>
        <source>&amp;Progress…</source>
        <translation>&amp;Verlauf…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>&amp;Referral pattern reproduced</source>
        <translation>Ü&amp;bertragungsmuster ausgelöst</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/ischemia_tab.py"/>
        <source>&amp;Region</source>
        <translation>&amp;Region</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_forms.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>&amp;Remove selected</source>
        <translation>Auswahl &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Retry saving</source>
        <translation>Speichern wieder&amp;holen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/accounts_dialog.py"/>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>&amp;Sign</source>
        <translation>&amp;Unterschreiben</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/entrapment_tab.py"/>
        <source>&amp;Site</source>
        <translation>&amp;Stelle</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/follow_up_dialog.py"/>
        <source>&amp;Soreness lasted</source>
        <translation>&amp;Muskelkater dauerte</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>&amp;Subjective</source>
        <comment>SOAP</comment>
        <translation>&amp;Subjektiv</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>&amp;Technique</source>
        <translation>&amp;Technik</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>&amp;Tenderness</source>
        <translation>&amp;Druckschmerz</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/sign_in_dialog.py"/>
        <source>&amp;Therapist</source>
        <translation>&amp;Therapeut/in</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>&amp;Therapist name:</source>
        <translation>Name &amp;Therapeut/in:</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>&amp;Third-party notices</source>
        <translation>&amp;Drittanbieter-Hinweise</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/lock.py"/>
        <source>&amp;Unlock</source>
        <translation>&amp;Entsperren</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/sign_in_dialog.py"/>
        <source>&amp;Your name</source>
        <translation>&amp;Ihr Name</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/entrapment_tab.py"/>
        <source>(not given)</source>
        <translation>(nicht angegeben)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>(whole muscle)</source>
        <translation>(ganzer Muskel)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>0 (none) to 10 (overwhelming)</source>
        <translation>0 (keiner) bis 10 (überwältigend)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>12 weeks or more: chronic pain</source>
        <translation>12 Wochen oder mehr: chronischer Schmerz</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/follow_up_dialog.py"/>
        <source>&lt;b&gt;After the visit of {visit_label}&lt;/b&gt;&lt;br&gt;Soreness is expected to ease within {low} to {high} hours; relief is followed over {days_low} to {days_high} days. Enter 0 for none.</source>
        <translation>&lt;b&gt;Nach dem Termin vom {visit_label}&lt;/b&gt;&lt;br&gt;Der Muskelkater sollte in {low} bis {high} Stunden abklingen; die Linderung wird über {days_low} bis {days_high} Tage verfolgt. Geben Sie 0 ein, wenn keiner/keine.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>&lt;b&gt;How did the client fare after the visit of {visit_day}?&lt;/b&gt;&lt;br&gt;Ask how long the soreness lasted and how many days of relief followed.</source>
        <translation>&lt;b&gt;Wie ging es dem Klienten nach dem Termin vom {visit_day}?&lt;/b&gt;&lt;br&gt;Fragen Sie, wie lange der Muskelkater dauerte und wie viele Tage der Linderung folgten.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_panel.py"/>
        <source>&lt;b&gt;Muscles to check&lt;/b&gt; (named by what is charted)</source>
        <translation>&lt;b&gt;Zu prüfende Muskeln&lt;/b&gt; (abgeleitet aus dem Erfassten)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/examination_guide.py"/>
        <source>&lt;b&gt;{guides} regional guide(s)&lt;/b&gt; for the marked places — {done} of {total} muscles have a finding</source>
        <translation>&lt;b&gt;{guides} regionale(r) Leitfaden/Leitfäden&lt;/b&gt; für die markierten Stellen — {done} von {total} Muskeln haben einen Befund</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>&lt;br&gt;Drawn signature:&lt;br&gt;{image}</source>
        <translation>&lt;br&gt;Gezeichnete Unterschrift:&lt;br&gt;{image}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>&lt;br&gt;Typed name: {name}</source>
        <translation>&lt;br&gt;Getippter Name: {name}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>&lt;h2&gt;After your treatment&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Nach Ihrer Behandlung&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>&lt;h2&gt;Signature and amendments&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Unterschrift und Ergänzungen&lt;/h2&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>&lt;h2&gt;{app_name}&lt;/h2&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;From where the client hurts to the trigger points to palpate.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;{app_name}&lt;/h2&gt;&lt;p&gt;Version {version}&lt;/p&gt;&lt;p&gt;Vom Ort des Schmerzes zu den Triggerpunkten, die zu palpieren sind.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>&lt;h3&gt;Amendment {number}: {what}&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Original:&lt;/b&gt; {before}&lt;br&gt;&lt;b&gt;Amended to:&lt;/b&gt; {after}&lt;br&gt;&lt;b&gt;Reason:&lt;/b&gt; {reason}&lt;br&gt;&lt;span class='muted'&gt;By {who} on {when}; signature {signature}…&lt;/span&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Ergänzung {number}: {what}&lt;/h3&gt;&lt;p&gt;&lt;b&gt;Ursprünglich:&lt;/b&gt; {before}&lt;br&gt;&lt;b&gt;Geändert in:&lt;/b&gt; {after}&lt;br&gt;&lt;b&gt;Grund:&lt;/b&gt; {reason}&lt;br&gt;&lt;span class='muted'&gt;Von {who} am {when}; Signatur {signature}…&lt;/span&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>&lt;h3&gt;What you can do&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Was Sie selbst tun können&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>&lt;h3&gt;When to call&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Wann Sie anrufen sollten&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>&lt;h3&gt;Where it is&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Wo er liegt&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>&lt;h3&gt;Where it sends pain&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Wohin er Schmerz ausstrahlt&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>&lt;h3&gt;Where to press&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Wo Sie drücken können&lt;/h3&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>&lt;p class='muted'&gt;&lt;i&gt;No amendment since signing.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p class='muted'&gt;&lt;i&gt;Seit der Unterschrift keine Ergänzung.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_detail.py"/>
        <source>&lt;p style='color:gray'&gt;Choose a muscle in the list to see its referral pattern on the map, where to palpate, and what to tell the client.&lt;/p&gt;</source>
        <translation>&lt;p style='color:gray'&gt;Wählen Sie einen Muskel in der Liste, um sein Übertragungsmuster auf der Karte zu sehen, wo Sie palpieren und was Sie dem Klienten sagen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>&lt;p&gt;&lt;b&gt;Clearance:&lt;/b&gt; {clearance}{date}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Freigabe:&lt;/b&gt; {clearance}{date}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>&lt;p&gt;&lt;b&gt;Essential referral zone:&lt;/b&gt; {essential}&lt;br&gt;&lt;b&gt;Spillover:&lt;/b&gt; {spillover}&lt;br&gt;&lt;b&gt;Trigger points:&lt;/b&gt; {points}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Hauptschmerzzone:&lt;/b&gt; {essential}&lt;br&gt;&lt;b&gt;Nebenschmerzzone:&lt;/b&gt; {spillover}&lt;br&gt;&lt;b&gt;Triggerpunkte:&lt;/b&gt; {points}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>&lt;p&gt;&lt;b&gt;No consent to treatment on file.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Keine Einwilligung in die Behandlung vorhanden.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>&lt;p&gt;&lt;b&gt;No medical clearance on record.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Keine ärztliche Freigabe dokumentiert.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>&lt;p&gt;&lt;b&gt;Red flags raised:&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Angegebene Warnzeichen:&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>&lt;p&gt;&lt;b&gt;Signed by {who} on {when}.&lt;/b&gt;&lt;br&gt;&lt;span class='muted'&gt;Signature {signature}… over the visit as charted when signed; the visit is read-only since.&lt;/span&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Unterschrieben von {who} am {when}.&lt;/b&gt;&lt;br&gt;&lt;span class='muted'&gt;Signatur {signature}… über den Termin, wie er bei der Unterschrift erfasst war; seitdem ist der Termin schreibgeschützt.&lt;/span&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>&lt;p&gt;&lt;b&gt;The soreness should ease {window}.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Der Muskelkater sollte {window} abklingen.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>&lt;p&gt;&lt;b&gt;{title}:&lt;/b&gt; {text}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{title}:&lt;/b&gt; {text}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>&lt;p&gt;&lt;b&gt;{title}&lt;/b&gt; given on {day} (text version {version}).</source>
        <translation>&lt;p&gt;&lt;b&gt;{title}&lt;/b&gt; erteilt am {day} (Textfassung {version}).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>&lt;p&gt;&lt;i&gt;Open a visit to see its summary.&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Öffnen Sie einen Termin, um seine Zusammenfassung zu sehen.&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>&lt;p&gt;&lt;i&gt;Preparing the summary…&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;i&gt;Zusammenfassung wird erstellt…&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>&lt;p&gt;Call {contact} if the soreness has not eased by {latest}, if it gets worse, or if you notice anything new such as numbness, weakness, fever or a severe headache.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Rufen Sie {contact} an, wenn der Muskelkater bis {latest} nicht abgeklungen ist, wenn er schlimmer wird oder wenn Ihnen etwas Neues auffällt, etwa Taubheit, Schwäche, Fieber oder starke Kopfschmerzen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>&lt;p&gt;Click the figure to mark pain; drag a mark to move it. Wheel zooms, middle button or Space + drag pans.&lt;/p&gt;&lt;table&gt;{rows}&lt;/table&gt;</source>
        <translation>&lt;p&gt;Klicken Sie auf die Figur, um Schmerz zu markieren; ziehen Sie eine Markierung, um sie zu verschieben. Das Mausrad zoomt, mittlere Taste oder Leertaste + Ziehen verschiebt die Ansicht.&lt;/p&gt;&lt;table&gt;{rows}&lt;/table&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>&lt;p&gt;For &lt;b&gt;{name}&lt;/b&gt;, after your visit on {day}.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Für &lt;b&gt;{name}&lt;/b&gt;, nach Ihrem Termin am {day}.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>&lt;p&gt;No muscle was treated at this visit.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Bei diesem Termin wurde kein Muskel behandelt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>&lt;p&gt;No red flag raised ({asked} screening questions answered).&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kein Warnzeichen angegeben ({asked} Fragen der Abfrage beantwortet).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>&lt;p&gt;Over the next {low} to {high} days, notice how long the relief lasts: we will ask at your next visit.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Achten Sie in den nächsten {low} bis {high} Tagen darauf, wie lange die Linderung anhält: Wir fragen beim nächsten Termin danach.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>&lt;p&gt;These are the muscles we worked on today.&lt;/p&gt;</source>
        <translation>&lt;p&gt;An diesen Muskeln haben wir heute gearbeitet.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>&lt;p&gt;{advice}&lt;br&gt;&lt;b&gt;Expected soreness window: it should have eased {window}.&lt;/b&gt;&lt;br&gt;Relief is followed over the next {low} to {high} days.&lt;/p&gt;</source>
        <translation>&lt;p&gt;{advice}&lt;br&gt;&lt;b&gt;Erwarteter Muskelkater: Er sollte {window} abgeklungen sein.&lt;/b&gt;&lt;br&gt;Die Linderung wird über die nächsten {low} bis {high} Tage verfolgt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>&lt;p&gt;{licence}&lt;/p&gt;&lt;p&gt;{environment_line}&lt;/p&gt;&lt;p&gt;Charts are kept on this computer in:&lt;br&gt;&lt;code&gt;{data_dir}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;The app makes no network connection except to the clinic's own database server when one is configured.&lt;/p&gt;</source>
        <translation>&lt;p&gt;{licence}&lt;/p&gt;&lt;p&gt;{environment_line}&lt;/p&gt;&lt;p&gt;Die Karteien liegen auf diesem Computer in:&lt;br&gt;&lt;code&gt;{data_dir}&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Die App baut keine Netzwerkverbindung auf, außer zum eigenen Datenbankserver der Praxis, wenn einer eingerichtet ist.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>&lt;span style='color:#d62728'&gt;■&lt;/span&gt; new &amp;nbsp; &lt;span style='color:#2ca02c'&gt;▨&lt;/span&gt; resolved &amp;nbsp; &lt;span style='color:#ff7f0e'&gt;■&lt;/span&gt; unchanged</source>
        <translation>&lt;span style='color:#d62728'&gt;■&lt;/span&gt; neu &amp;nbsp; &lt;span style='color:#2ca02c'&gt;▨&lt;/span&gt; abgeklungen &amp;nbsp; &lt;span style='color:#ff7f0e'&gt;■&lt;/span&gt; unverändert</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/education_mode.py"/>
        <source>&lt;span style='color:{muscle_edge}'&gt;■&lt;/span&gt; muscle &amp;nbsp;&amp;nbsp; &lt;span style='color:{trigger_point}'&gt;●&lt;/span&gt; trigger point &amp;nbsp;&amp;nbsp;&lt;span style='color:{essential}'&gt;■&lt;/span&gt; where it is usually felt &amp;nbsp;&amp;nbsp;&lt;span style='color:{spillover}'&gt;▨&lt;/span&gt; where some people also feel it</source>
        <translation>&lt;span style='color:{muscle_edge}'&gt;■&lt;/span&gt; Muskel &amp;nbsp;&amp;nbsp; &lt;span style='color:{trigger_point}'&gt;●&lt;/span&gt; Triggerpunkt &amp;nbsp;&amp;nbsp;&lt;span style='color:{essential}'&gt;■&lt;/span&gt; wo er meist gespürt wird &amp;nbsp;&amp;nbsp;&lt;span style='color:{spillover}'&gt;▨&lt;/span&gt; wo manche ihn auch spüren</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>A mark must stay on the figure: moved back</source>
        <translation>Eine Markierung muss auf der Figur bleiben: zurückgesetzt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/examination_guide.py"/>
        <source>A starting point, not a limit: referred pain is felt away from its source, so look beyond the sore spot. Sources: Travell &amp; Simons; Chaitow &amp; DeLany.</source>
        <translation>Ein Ausgangspunkt, keine Grenze: Übertragungsschmerz wird fern seiner Quelle gespürt, suchen Sie also über die schmerzende Stelle hinaus. Quellen: Travell &amp; Simons; Chaitow &amp; DeLany.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>A4 (210 × 297 mm)</source>
        <translation>A4 (210 × 297 mm)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>About sections</source>
        <translation>Abschnitte der Info</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>About {app_name}</source>
        <translation>Über {app_name}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Ache</source>
        <translation>Dumpf</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <source>ache</source>
        <translation>dumpf</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>active</source>
        <comment>trigger point</comment>
        <translation>aktiv</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Active trigger points</source>
        <translation>Aktive Triggerpunkte</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_text.py"/>
        <source>Active trigger points also in {muscles}.</source>
        <translation>Aktive Triggerpunkte auch in {muscles}.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/entrapment_tab.py"/>
        <source>Add entrapment</source>
        <translation>Nervenkompression hinzufügen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/ischemia_tab.py"/>
        <source>Add ischemia</source>
        <translation>Ischämie hinzufügen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>After the visit (follow-up)</source>
        <translation>Nach dem Termin (Nachkontrolle)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>After the visit of {visit_day}: {follow_up_summary}</source>
        <translation>Nach dem Termin vom {visit_day}: {follow_up_summary}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>After-care</source>
        <translation>Nachsorge</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>After-care given</source>
        <translation>Gegebene Nachsorge</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_text.py"/>
        <source>After-care given; soreness expected to ease {window}.</source>
        <translation>Nachsorge gegeben; der Muskelkater sollte {window} abklingen.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/save_state.py"/>
        <source>All changes saved</source>
        <translation>Alle Änderungen gespeichert</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_rows.py"/>
        <source>Also palpate under the spot</source>
        <translation>Auch unter der Schmerzstelle abtasten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>Also {others}, from another trigger point of the same muscle (two trigger points of the same muscle).</source>
        <translation>Auch {others}, von einem anderen Triggerpunkt desselben Muskels (zwei Triggerpunkte desselben Muskels).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>Amend signed visit</source>
        <translation>Unterschriebenen Termin ergänzen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>Amended</source>
        <translation>Ergänzt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>Amendment recorded; the original is kept.</source>
        <translation>Nachtrag erfasst; das Original bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/captions.py"/>
        <source>Anterior (front) view</source>
        <translation>Vorderansicht</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/education_parts.py"/>
        <source>Any condition</source>
        <translation>Jedes Beschwerdebild</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/education_parts.py"/>
        <source>Any place it refers to</source>
        <translation>Jeder Übertragungsort</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>Anyone who can sign in to this computer account will be able to open the chart file without its passphrase. The app's own sign-in still applies. Recommended only on a single-user computer with full-disk encryption.</source>
        <translation>Wer sich an diesem Benutzerkonto des Computers anmelden kann, kann die Kartei-Datei dann ohne ihre Passphrase öffnen. Die Anmeldung in der App selbst bleibt bestehen. Nur empfohlen auf einem Computer mit einem einzigen Benutzer und vollständiger Festplattenverschlüsselung.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>Ask for the chart's passphrase again on this computer</source>
        <translation>Auf diesem Computer wieder nach der Passphrase der Kartei fragen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>Assessment</source>
        <translation>Untersuchung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_text.py"/>
        <source>At the next visit: ask how long the soreness lasted and the days of relief.</source>
        <translation>Beim nächsten Termin: Fragen Sie, wie lange der Muskelkater dauerte und nach den Tagen der Linderung.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>B&amp;ack only</source>
        <translation>Nur &amp;hinten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <location filename="../../nmt_bodymap/ui/map/map_tools.py"/>
        <source>Back</source>
        <translation>Hinten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/picture.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>back</source>
        <translation>hinten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/figures.py"/>
        <source>Back (client's right on the right)</source>
        <translation>Rückansicht (rechte Körperseite rechts)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>Back (client's right on your right)</source>
        <translation>Hinten (rechte Körperseite rechts)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/take_home.py"/>
        <source>Back to the muscles</source>
        <translation>Zurück zu den Muskeln</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Backup folder</source>
        <translation>Sicherungsordner</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/after_care_words.py"/>
        <source>between {day} {start} and {last_day} {end}</source>
        <translation>zwischen {day}, {start} Uhr, und {last_day}, {end} Uhr</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>Blue: where the muscle is. Red: where it can send pain (striped: sometimes). Black dots: the tender spots to press.</source>
        <translation>Blau: wo der Muskel liegt. Rot: wohin er Schmerz ausstrahlen kann (gestreift: manchmal). Schwarze Punkte: die empfindlichen Stellen zum Drücken.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/first_frame.py"/>
        <source>Body map (loading)</source>
        <translation>Körperkarte (wird geladen)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_forms.py"/>
        <location filename="../../nmt_bodymap/ui/map/map_tools.py"/>
        <source>Both</source>
        <translation>Beide</translation>
    </message>
    <message>
        <source>Both sides</source>
        <translation type="obsolete">Beidseits</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>both sides</source>
        <translation>beide Seiten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>Bring back this {what}</source>
        <translation>Dieses Element zurückholen: {what}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Burning</source>
        <translation>Brennend</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <source>burning</source>
        <translation>brennend</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/after_care_words.py"/>
        <source>by {day}, between {start} and {end}</source>
        <translation>bis {day}, zwischen {start} und {end} Uhr</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/consent_section.py"/>
        <source>C&amp;lear drawing</source>
        <translation>Unterschrift &amp;löschen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>Change the date, time or chief complaint of the visit</source>
        <translation>Datum, Uhrzeit oder Hauptbeschwerde des Termins ändern</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>changed</source>
        <translation>geändert</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/change_watcher.py"/>
        <source>Changed at another station</source>
        <translation>An einem anderen Arbeitsplatz geändert</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>changed {fields}</source>
        <translation>{fields} geändert</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>Chapter {chapter}.</source>
        <translation>Kapitel {chapter}.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/posture_gait_tab.py"/>
        <source>Chart {text}</source>
        <translation>{text} erfassen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_forms.py"/>
        <source>Charted this visit:</source>
        <translation>In diesem Termin erfasst:</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/workflow_actions.py"/>
        <source>Charts over visits</source>
        <translation>Diagramme über die Termine</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_dialog.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>Chief complaint</source>
        <translation>Hauptbeschwerde</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>Chief complaint (optional):</source>
        <translation>Hauptbeschwerde (optional):</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>Chief complaint: {complaint}</source>
        <translation>Hauptbeschwerde: {complaint}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_text.py"/>
        <source>Chief complaint: {complaint}.</source>
        <translation>Hauptbeschwerde: {complaint}.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>Choose a candidate muscle and use Record finding / Record treatment, or click a trigger-point pin on the map.</source>
        <translation>Wählen Sie einen Kandidatenmuskel und nutzen Sie „Befund erfassen“ / „Behandlung erfassen“, oder klicken Sie auf eine Triggerpunkt-Nadel in der Karte.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_actions.py"/>
        <source>Choose a candidate muscle first (Ctrl+J)</source>
        <translation>Wählen Sie zuerst einen Kandidatenmuskel (Strg+J)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_forms.py"/>
        <source>Choose a charted line to remove</source>
        <translation>Wählen Sie eine erfasste Zeile zum Entfernen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/main_window.py"/>
        <source>Choose a client</source>
        <translation>Wählen Sie einen Klienten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/workflow_actions.py"/>
        <source>Choose a client first</source>
        <translation>Wählen Sie zuerst einen Klienten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Choose a client first.</source>
        <translation>Wählen Sie zuerst einen Klienten.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_panel.py"/>
        <source>Choose a client to delete</source>
        <translation>Wählen Sie den zu löschenden Klienten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/main_window.py"/>
        <source>Choose a client to edit</source>
        <translation>Wählen Sie einen Klienten zum Bearbeiten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>Choose a client to see the history</source>
        <translation>Wählen Sie einen Klienten, um den Verlauf zu sehen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>Choose a visit first</source>
        <translation>Wählen Sie zuerst einen Termin</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Choose backup folder</source>
        <translation>Sicherungsordner wählen</translation>
    </message>
    <message>
        <source>Choose the side: {side_hint}</source>
        <translation type="obsolete">Wählen Sie die Seite: {side_hint}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/posture_gait_tab.py"/>
        <source>Choose the side: {text}</source>
        <translation>Wählen Sie die Seite: {text}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/red_flag_banner.py"/>
        <source>Cleared &amp;by</source>
        <translation>Freigegeben &amp;von</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Client</source>
        <translation>Klient</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Client &amp;history…</source>
        <translation>&amp;Verlauf des Klienten…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_panel.py"/>
        <source>Client deleted (Ctrl+Z brings it back)</source>
        <translation>Klient gelöscht (Strg+Z holt ihn zurück)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/labels.py"/>
        <source>client details</source>
        <translation>Klientendaten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>client handout</source>
        <translation>Klienten-Merkblatt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>Client history</source>
        <translation>Verlauf des Klienten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_panel.py"/>
        <source>Client search failed: {exc}</source>
        <translation>Klientensuche fehlgeschlagen: {exc}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/captions.py"/>
        <source>Client's left</source>
        <translation>Linke Körperseite</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Client's report: {note}</source>
        <translation>Bericht des Klienten: {note}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/captions.py"/>
        <source>Client's right</source>
        <translation>Rechte Körperseite</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_panel.py"/>
        <source>Clients</source>
        <translation>Klienten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Clinic &amp;address:</source>
        <translation>&amp;Anschrift der Praxis:</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Clinic &amp;name:</source>
        <translation>&amp;Name der Praxis:</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>Clinical &amp;sources</source>
        <translation>Klinische &amp;Quellen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>Clinical sources</source>
        <translation>Klinische Quellen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>Complaint</source>
        <translation>Beschwerde</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>Complaints</source>
        <translation>Beschwerden</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/consent_section.py"/>
        <source>Consent &amp;date</source>
        <translation>&amp;Datum der Einwilligung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>Consent recorded</source>
        <translation>Einwilligung erfasst</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>Consent to treatment</source>
        <translation>Einwilligung in die Behandlung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/consent_section.py"/>
        <source>Consent: {exc}</source>
        <translation>Einwilligung: {exc}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>Copy the after-care advice for the client (no private data)</source>
        <translation>Die Nachsorge-Hinweise für den Klienten kopieren (keine privaten Daten)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidates_panel.py"/>
        <source>Could not rank these marks: {exc}</source>
        <translation>Diese Markierungen konnten nicht ausgewertet werden: {exc}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>Could not read the intake: {exc}</source>
        <translation>Die Anamnese konnte nicht gelesen werden: {exc}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Could not read the visits: {exc}</source>
        <translation>Die Termine konnten nicht gelesen werden: {exc}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/after_start.py"/>
        <source>Daily backup made.</source>
        <translation>Tägliche Sicherung erstellt.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_dialog.py"/>
        <source>Date and time of the visit</source>
        <translation>Datum und Uhrzeit des Termins</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_dialog.py"/>
        <source>Date of &amp;birth</source>
        <translation>&amp;Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Date of birth</source>
        <translation>Geburtsdatum</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/follow_up_dialog.py"/>
        <source>Days of &amp;relief</source>
        <translation>Tage der &amp;Linderung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/after_care_words.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>dd MMM yyyy</source>
        <translation>dd. MMM yyyy</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>dd MMMM yyyy, HH:mm</source>
        <translation>d. MMMM yyyy, HH:mm</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/after_care_words.py"/>
        <source>ddd dd MMM yyyy</source>
        <translation>ddd, d. MMM yyyy</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/after_care_words.py"/>
        <source>dddd dd MMM</source>
        <translation>dddd, d. MMM</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>dddd dd MMMM yyyy</source>
        <translation>dddd, d. MMMM yyyy</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/i18n.py"/>
        <source>dddd dd MMMM yyyy, HH:mm</source>
        <translation>dddd, d. MMMM yyyy, HH:mm</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>deep (palpate through the overlying muscle)</source>
        <translation>tief (durch den darüberliegenden Muskel palpieren)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Default &amp;intensity (0–10):</source>
        <translation>Standard-&amp;Intensität (0–10):</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Default &amp;quality:</source>
        <translation>Standard-&amp;Qualität:</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_panel.py"/>
        <source>Delete client</source>
        <translation>Klient löschen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Delete vi&amp;sit…</source>
        <translation>Termin lösc&amp;hen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>Delete visit</source>
        <translation>Termin löschen</translation>
    </message>
    <message>
        <source>Diagnosed conditions (diabetes, thyroid, arthritis…)</source>
        <translation type="obsolete">Diagnostizierte Erkrankungen (Diabetes, Schilddrüse, Arthritis…)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/consent_section.py"/>
        <source>Drawn signature</source>
        <translation>Handschriftliche Unterschrift</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>Duration (weeks)</source>
        <translation>Dauer (Wochen)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>E&amp;xport chart (JSON/CSV/FHIR)…</source>
        <translation>Kartei e&amp;xportieren (JSON/CSV/FHIR)…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/red_flag_banner.py"/>
        <source>e.g. Dr Lee, the client's GP</source>
        <translation>z. B. Dr. Lee, Hausärztin des Klienten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>e.g. softened, referral faded after 2nd hold</source>
        <translation>z. B. weicher geworden, Übertragung nach 2. Halt abgeklungen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>each hold in seconds, e.g. 20, 10 (the timer adds them)</source>
        <translation>jeder Halt in Sekunden, z. B. 20, 10 (der Timer trägt sie ein)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Earlier visit</source>
        <translation>Früherer Termin</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>Edit &amp;follow-up…</source>
        <translation>&amp;Nachkontrolle bearbeiten…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_dialog.py"/>
        <source>Edit client</source>
        <translation>Klient bearbeiten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>Edit SOAP note</source>
        <translation>SOAP-Notiz bearbeiten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Edit visi&amp;t…</source>
        <translation>Termin b&amp;earbeiten…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_dialog.py"/>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>Edit visit</source>
        <translation>Termin bearbeiten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>Edit visit…</source>
        <translation>Ändern…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>Editing…</source>
        <translation>Wird bearbeitet…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/sign_in_dialog.py"/>
        <source>Encrypt the chart file and its backups (recommended)</source>
        <translation>Karteidatei und Sicherungen verschlüsseln (empfohlen)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/follow_up_dialog.py"/>
        <source>Enter how long the soreness lasted, the days of relief or a note.</source>
        <translation>Geben Sie ein, wie lange der Muskelkater dauerte, die Tage der Linderung oder eine Notiz.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/region_picker.py"/>
        <source>Enter marks: {label}</source>
        <translation>Enter markiert: {label}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/sign_in_dialog.py"/>
        <source>Enter your name.</source>
        <translation>Geben Sie Ihren Namen ein.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Entrapment</source>
        <translation>Nervenkompression</translation>
    </message>
    <message>
        <source>Entrapment: {label}</source>
        <translation type="obsolete">Nervenkompression: {label}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/entrapment_tab.py"/>
        <source>Entrapment: {text}</source>
        <translation>Nervenkompression: {text}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>essential</source>
        <translation>Hauptzone</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/examination_guide.py"/>
        <source>Examine</source>
        <translation>Untersuchen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>Expected soreness: {low} to {high} hours — it should have eased {window}.</source>
        <translation>Erwarteter Muskelkater: {low} bis {high} Stunden – er sollte {window} abgeklungen sein.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>Explained by: {named}</source>
        <translation>Erklärt durch: {named}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidates_panel.py"/>
        <source>Explains</source>
        <translation>Erklärt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Export &amp;body chart picture…</source>
        <translation>&amp;Körperschema-Bild exportieren…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Export body chart picture</source>
        <translation>Körperschema-Bild exportieren</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Export chart</source>
        <translation>Kartei exportieren</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Export client handout as P&amp;DF…</source>
        <translation>Merkbl&amp;att als PDF exportieren…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Export visit &amp;report as PDF…</source>
        <translation>Terminbericht als &amp;PDF exportieren…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Export {what} as PDF</source>
        <translation>{what} als PDF exportieren</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Exported the chart to {written}.</source>
        <translation>Kartei exportiert nach {written}.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Extent %</source>
        <translation>Ausdehnung %</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/window_panels.py"/>
        <source>F&amp;indings</source>
        <translation>&amp;Befunde</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/entrapment_tab.py"/>
        <source>Felt at</source>
        <translation>Gespürt an</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <source>felt at the {place}</source>
        <translation>gespürt an: {place}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>Fill empty sections from the char&amp;t</source>
        <translation>Leeres aus der &amp;Kartei füllen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>Filter: a place, a muscle, a change or a name…</source>
        <translation>Filter: ein Ort, ein Muskel, eine Änderung oder ein Name…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/education_parts.py"/>
        <source>Find a muscle by name…</source>
        <translation>Muskel nach Namen suchen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/examination_guide.py"/>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/labels.py"/>
        <source>finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_actions.py"/>
        <source>Finding at {name}</source>
        <translation>Befund an {name}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>Finding: {text}</source>
        <translation>Befund: {text}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_dialog.py"/>
        <source>First and last name</source>
        <translation>Vor- und Nachname</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/follow_up_dialog.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>Follow-up</source>
        <translation>Nachkontrolle</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/labels.py"/>
        <source>follow-up</source>
        <translation>Nachkontrolle</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>follow-up not recorded</source>
        <translation>Nachkontrolle nicht erfasst</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Follow-up of this visit</source>
        <translation>Nachkontrolle dieses Termins</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>Follow-up of this visit…</source>
        <translation>Nachkontrolle hierzu…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_text.py"/>
        <source>Follow-up: {readings}</source>
        <translation>Nachkontrolle: {readings}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>For the client</source>
        <translation>Für den Klienten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Fr&amp;ont only</source>
        <translation>Nur v&amp;orne</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <location filename="../../nmt_bodymap/ui/map/map_tools.py"/>
        <source>Front</source>
        <translation>Vorne</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/picture.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>front</source>
        <translation>vorne</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/figures.py"/>
        <source>Front (client's right on the left)</source>
        <translation>Vorderansicht (rechte Körperseite links)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>Front (client's right on your left)</source>
        <translation>Vorne (rechte Körperseite links)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/workflow_actions.py"/>
        <source>Full-screen muscle and referral pictures for the client (no private data)</source>
        <translation>Muskel- und Übertragungsbilder im Vollbild für den Klienten (keine privaten Daten)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Gait</source>
        <translation>Gang</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>Gait notes</source>
        <translation>Notizen zum Gang</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>Gliding stroke</source>
        <translation>Gleitende Streichung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Go to &amp;candidates</source>
        <translation>Zu den &amp;Kandidaten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>H starts a hold of the chosen length</source>
        <translation>H startet einen Halt der gewählten Dauer</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>handout</source>
        <translation>Merkblatt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>History — {name}</source>
        <translation>Verlauf — {name}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>Ho&amp;lds</source>
        <translation>&amp;Halte</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>Hold timer (H)</source>
        <translation>Halte-Timer (H)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/hold_timer.py"/>
        <source>Hold {seconds} s</source>
        <translation>Halt {seconds} s</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>hours a night, e.g. 7</source>
        <translation>Stunden pro Nacht, z. B. 7</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/posture_gait_tab.py"/>
        <source>How marked it is (optional; once the row is ticked)</source>
        <translation>Wie ausgeprägt (optional; sobald die Zeile angehakt ist)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Import client</source>
        <translation>Klient importieren</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Imported {name} as a new client.</source>
        <translation>{name} als neuen Klienten importiert.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/internal_sites.py"/>
        <location filename="../../nmt_bodymap/ui/map/map_tools.py"/>
        <source>Inside the body</source>
        <translation>Körperinneres</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>Intake</source>
        <translation>Anamnese</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/labels.py"/>
        <source>intake</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/workflow_actions.py"/>
        <source>Intake form and red-flag screen</source>
        <translation>Anamnesebogen und Red-Flag-Screening</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/workflow_actions.py"/>
        <source>Intake saved</source>
        <translation>Anamnese gespeichert</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <location filename="../../nmt_bodymap/ui/map/map_tools.py"/>
        <location filename="../../nmt_bodymap/ui/map/mark_menu.py"/>
        <source>Intensity</source>
        <translation>Intensität</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <source>Intensity 0 (no pain) to 10 (worst imaginable); the symbol shape gives the quality; blue = referral zone of the selected muscle.</source>
        <translation>Intensität 0 (kein Schmerz) bis 10 (stärkster vorstellbarer); die Symbolform zeigt die Qualität; blau = Übertragungszone des ausgewählten Muskels.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Intensity down</source>
        <translation>Intensität niedriger</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/map_tools.py"/>
        <source>Intensity of the selected mark, or of the next one (keys 0-9, + and -)</source>
        <translation>Intensität der ausgewählten oder der nächsten Markierung (Tasten 0–9, + und -)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Intensity up (to 10)</source>
        <translation>Intensität höher (bis 10)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Intensity {n}</source>
        <translation>Intensität {n}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/picture.py"/>
        <source>internal</source>
        <translation>innen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>internal site</source>
        <translation>Stelle im Körperinneren</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>Ischaemic compression</source>
        <translation>Ischämische Kompression</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Ischemia</source>
        <translation>Ischämie</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/ischemia_tab.py"/>
        <source>Ischemia at {where}</source>
        <translation>Ischämie an {where}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>Ischemic compression</source>
        <translation>Ischämische Kompression</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>jump sign</source>
        <translation>Ausweichreaktion</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/change_watcher.py"/>
        <source>Keep mine</source>
        <translation>Meine behalten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>Keep the chart's key in this computer's keychain (a single-user computer with full-disk encryption)</source>
        <translation>Den Schlüssel der Kartei im Schlüsselbund dieses Computers aufbewahren (ein Computer mit einem einzigen Benutzer und vollständiger Festplattenverschlüsselung)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Key: the symbol's shape is the quality of the pain ({key}); its colour and the number inside are the intensity (0 no pain to 10 worst, pale yellow to deep purple); the boxed number is the mark in this list; tinted regions hold a mark.</source>
        <translation>Legende: Die Form des Symbols ist die Schmerzqualität ({key}); seine Farbe und die Zahl darin sind die Intensität (0 kein Schmerz bis 10 am stärksten, blassgelb bis tiefviolett); die Zahl im Kästchen ist die Markierung in dieser Liste; getönte Bereiche enthalten eine Markierung.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Lan&amp;guage:</source>
        <translation>Sp&amp;rache:</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>latent</source>
        <comment>trigger point</comment>
        <translation>latent</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Later visit</source>
        <translation>Späterer Termin</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/education_mode.py"/>
        <source>Leave (Esc)</source>
        <translation>Verlassen (Esc)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_forms.py"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <source>left</source>
        <comment>side in a sentence</comment>
        <translation>links</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>left side</source>
        <translation>linke Seite</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/captions.py"/>
        <source>Left sole</source>
        <translation>Linke Fußsohle</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>litres a day, e.g. 1.5</source>
        <translation>Liter pro Tag, z. B. 1,5</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/main_window.py"/>
        <source>Loading the body map…</source>
        <translation>Körperschema wird geladen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>Local t&amp;witch response</source>
        <translation>Lokale &amp;Zuckungsreaktion</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidates_panel.py"/>
        <source>Mark where it hurts to see the muscles to check.</source>
        <translation>Markieren Sie, wo es schmerzt, um die zu prüfenden Muskeln zu sehen.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/examination_guide.py"/>
        <source>Mark where it hurts to see where else to look.</source>
        <translation>Markieren Sie, wo es schmerzt, um zu sehen, wo Sie noch suchen sollten.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>Mark {place_label}</source>
        <translation>{place_label} markieren</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_forms.py"/>
        <source>Marked</source>
        <translation>Ausgeprägt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <source>marked</source>
        <comment>severity</comment>
        <translation>ausgeprägt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/region_picker.py"/>
        <source>Marked {label}</source>
        <translation>{label} markiert</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/first_frame.py"/>
        <source>Marks not charted yet</source>
        <translation>Markierungen noch nicht eingetragen</translation>
    </message>
    <message>
        <source>Meals, caffeine, alcohol, known deficiencies</source>
        <translation type="obsolete">Mahlzeiten, Koffein, Alkohol, bekannte Mängel</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Mean</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Medications and supplements</source>
        <translation type="obsolete">Medikamente und Nahrungsergänzungsmittel</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/ischemia_tab.py"/>
        <source>Midline</source>
        <translation>Mittellinie</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <source>midline</source>
        <comment>side in a sentence</comment>
        <translation>Mittellinie</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_forms.py"/>
        <source>Mild</source>
        <translation>Leicht</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <source>mild</source>
        <translation>leicht</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <source>mild</source>
        <comment>severity</comment>
        <translation>leicht</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_forms.py"/>
        <source>Moderate</source>
        <translation>Mäßig</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <source>moderate</source>
        <comment>severity</comment>
        <translation>mäßig</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>Move mark to {where}</source>
        <translation>Markierung nach {where} verschieben</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>moved</source>
        <translation>verschoben</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>Moved the mark to {where}</source>
        <translation>Markierung nach {where} verschoben</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidates_panel.py"/>
        <source>Muscle</source>
        <translation>Muskel</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <source>muscle</source>
        <translation>Muskel</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>Muscle energy technique</source>
        <translation>Muskelenergietechnik</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/education_parts.py"/>
        <source>Muscles</source>
        <translation>Muskeln</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Muscles charted</source>
        <translation>Erfasste Muskeln</translation>
    </message>
    <message>
        <source>Muscles to check for all {count} mark(s): {places}</source>
        <translation type="obsolete">Zu prüfende Muskeln für alle {count} Markierung(en): {places}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidates_panel.py"/>
        <source>Muscles to check for all {count} mark: {places}</source>
        <translation>Zu prüfende Muskeln für {count} Markierung: {places}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidates_panel.py"/>
        <source>Muscles to check for all {count} marks: {places}</source>
        <translation>Zu prüfende Muskeln für alle {count} Markierungen: {places}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidates_panel.py"/>
        <source>Muscles to check for selected {count} mark: {places}</source>
        <translation>Zu prüfende Muskeln für {count} ausgewählte Markierung: {places}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidates_panel.py"/>
        <source>Muscles to check for selected {count} marks: {places}</source>
        <translation>Zu prüfende Muskeln für {count} ausgewählte Markierungen: {places}</translation>
    </message>
    <message>
        <source>Muscles to check for the {count} selected mark(s): {places}</source>
        <translation type="obsolete">Zu prüfende Muskeln für {count} ausgewählte Markierung(en): {places}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_dialog.py"/>
        <source>N&amp;otes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>New &amp;visit…</source>
        <translation>Neuer &amp;Termin…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_dialog.py"/>
        <source>New client</source>
        <translation>Neuer Klient</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>New visit</source>
        <translation>Neuer Termin</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>New visit started and saved</source>
        <translation>Neuer Termin begonnen und gespeichert</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/education_mode.py"/>
        <source>Next  ▶</source>
        <translation>Weiter  ▶</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Next &amp;quality</source>
        <translation>Nächste &amp;Qualität</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_text.py"/>
        <source>Next visit {date}.</source>
        <translation>Nächster Termin {date}.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/main_window.py"/>
        <source>NMT Body Map</source>
        <translation>NMT Body Map</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>NMT Body Map icon</source>
        <translation>Symbol von NMT Body Map</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/accounts_dialog.py"/>
        <source>NMT Body Map — accounts</source>
        <translation>NMT Body Map — Konten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/education_mode.py"/>
        <source>NMT Body Map — education</source>
        <translation>NMT Body Map — Aufklärung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/education_mode.py"/>
        <source>NMT Body Map — education — {muscle_label}</source>
        <translation>NMT Body Map — Aufklärung — {muscle_label}</translation>
    </message>
    <message>
        <source>NMT Body Map — education — {name}</source>
        <translation type="obsolete">NMT Body Map — Aufklärung — {name}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/education_mode.py"/>
        <source>NMT Body Map — take-home sheet</source>
        <translation>NMT Body Map — Merkblatt für zu Hause</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>No assessment charted.</source>
        <translation>Keine Untersuchung erfasst.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>No changes recorded for this client.</source>
        <translation>Für diesen Klienten sind keine Änderungen verzeichnet.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_panel.py"/>
        <source>No client matches “{text}”.</source>
        <translation>Kein Klient passt zu „{text}“.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/consent_section.py"/>
        <source>No consent on file yet.</source>
        <translation>Noch keine Einwilligung erfasst.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>No findings recorded yet.</source>
        <translation>Noch keine Befunde erfasst.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>No findings recorded.</source>
        <translation>Keine Befunde erfasst.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>No follow-up recorded yet for this visit.</source>
        <translation>Für diesen Termin ist noch keine Nachkontrolle erfasst.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>No intake (red-flag screen) on file.</source>
        <translation>Keine Aufnahme (Warnzeichen-Abfrage) vorhanden.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>No keychain is available on this computer.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>No keychain is available on this computer: nothing was changed.</source>
        <translation>Auf diesem Computer ist kein Schlüsselbund verfügbar: Nichts wurde geändert.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>No muscle charted at this visit.</source>
        <translation>Bei diesem Termin wurde kein Muskel erfasst.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>No pain marked at this visit.</source>
        <translation>Bei diesem Termin wurde kein Schmerz markiert.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>No pain marked yet.</source>
        <translation>Noch kein Schmerz markiert.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/region_picker.py"/>
        <source>No place by that name</source>
        <translation>Kein Ort mit diesem Namen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>No posture, gait or tissue findings charted.</source>
        <translation>Keine Haltungs-, Gang- oder Gewebebefunde erfasst.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/examination_guide.py"/>
        <source>No regional guide covers the marked places.</source>
        <translation>Kein regionaler Leitfaden deckt die markierten Stellen ab.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>no relief</source>
        <translation>keine Linderung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>No relief: re-examine the referral sources and review perpetuating factors.</source>
        <translation>Keine Linderung: Untersuchen Sie die Schmerzquellen erneut und prüfen Sie aufrechterhaltende Faktoren.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>no soreness</source>
        <translation>kein Muskelkater</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>No soreness after the visit.</source>
        <translation>Kein Muskelkater nach dem Termin.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>No templates</source>
        <translation>Keine Vorlagen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>No treatment recorded yet.</source>
        <translation>Noch keine Behandlung erfasst.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>No treatment.</source>
        <translation>Keine Behandlung.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/trend_chart.py"/>
        <source>No visits yet</source>
        <translation>Noch keine Termine</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>none: backups stay beside the chart only</source>
        <translation>keiner: Sicherungen bleiben nur neben der Kartei</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/follow_up_dialog.py"/>
        <source>not asked</source>
        <translation>nicht erfragt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>Not recorded yet: at the next visit, ask how long the soreness lasted and how many days of relief followed.</source>
        <translation>Noch nicht erfasst: Fragen Sie beim nächsten Termin, wie lange der Muskelkater dauerte und wie viele Tage der Linderung folgten.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>Not stored: the visit refused the change.</source>
        <translation>Nicht gespeichert: der Termin hat die Änderung abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>Not stored: {error}</source>
        <translation>Nicht gespeichert: {error}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>Not stored: {why}</source>
        <translation>Nicht gespeichert: {why}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/entrapment_tab.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/ischemia_tab.py"/>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/main_window.py"/>
        <source>Nothing is waiting to be saved</source>
        <translation>Nichts wartet auf das Speichern</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/app.py"/>
        <source>Nothing was changed: the damaged chart is still at {path}; keep it for repair. Backups are kept in {parent}: restore the newest later with `nmt-bodymap restore --latest`, or another with `nmt-bodymap restore --from &lt;backup file&gt;`.</source>
        <translation>Es wurde nichts geändert: Die beschädigte Kartei liegt weiterhin unter {path}; bewahren Sie sie für eine Reparatur auf. Die Sicherungen liegen in {parent}: Stellen Sie die neueste später mit `nmt-bodymap restore --latest` wieder her, eine andere mit `nmt-bodymap restore --from &lt;Sicherungsdatei&gt;`.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Numb</source>
        <translation>Taub</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <source>numbness</source>
        <translation>taub</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>Objective</source>
        <translation>Objektiv</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>Objective from the marks, findings and assessment; Plan from the treatments, after-care and follow-up. Text you wrote is never replaced.</source>
        <translation>Objektiv aus Markierungen, Befunden und Untersuchung; Plan aus Behandlungen, Nachsorge und Nachkontrolle. Von Ihnen geschriebener Text wird nie ersetzt.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/posture_gait_tab.py"/>
        <source>Observation</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/labels.py"/>
        <source>observation</source>
        <translation>Beobachtung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/consent_section.py"/>
        <source>On file: consent given {isoformat} (text version {text_version}).</source>
        <translation>Erfasst: Einwilligung vom {isoformat} (Textfassung {text_version}).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>Only a signed visit is amended; an unsigned one is edited directly.</source>
        <translation>Nur ein unterschriebener Termin erhält Nachträge; ein nicht unterschriebener wird direkt bearbeitet.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>Only an owner or administrator can change this.</source>
        <translation>Nur ein Inhaber oder Administrator kann dies ändern.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>Only for an encrypted chart.</source>
        <translation>Nur für eine verschlüsselte Kartei.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>Onset (YYYY-MM-DD)</source>
        <translation>Beginn (JJJJ-MM-TT)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>Open &amp;data folder</source>
        <translation>&amp;Datenordner öffnen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Open &amp;log folder</source>
        <translation>&amp;Protokollordner öffnen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>Open a visit (or start a new one) before marking pain</source>
        <translation>Öffnen Sie einen Termin (oder beginnen Sie einen neuen), bevor Sie Schmerz markieren</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_actions.py"/>
        <source>Open a visit first</source>
        <translation>Öffnen Sie zuerst einen Termin</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Open a visit first.</source>
        <translation>Öffnen Sie zuerst einen Termin.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_panel.py"/>
        <source>Open a visit to chart its assessment.</source>
        <translation>Erst einen Termin öffnen, dann die Untersuchung erfassen.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>Open a visit to write its SOAP note.</source>
        <translation>Erst einen Termin öffnen.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>Open this chart without its passphrase on this computer?</source>
        <translation>Diese Kartei auf diesem Computer ohne ihre Passphrase öffnen?</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>Open this chart without its passphrase on this computer…</source>
        <translation>Diese Kartei auf diesem Computer ohne ihre Passphrase öffnen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>Open this chart without its passphrase?</source>
        <translation>Diese Kartei ohne ihre Passphrase öffnen?</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/app.py"/>
        <source>Opening the chart database…</source>
        <translation>Kartei-Datenbank wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/entrapment_tab.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/ischemia_tab.py"/>
        <source>optional</source>
        <translation>optional</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Pain extent (% of the body)</source>
        <translation>Schmerzausdehnung (% des Körpers)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Pain intensity (0–10)</source>
        <translation>Schmerzintensität (0–10)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_text.py"/>
        <source>Pain map: {places}.</source>
        <translation>Schmerzkarte: {places}.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>Pain mark</source>
        <translation>Schmerzmarkierung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/labels.py"/>
        <source>pain mark</source>
        <translation>Schmerzmarkierung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Pain marked</source>
        <translation>Markierter Schmerz</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/internal_sites.py"/>
        <source>Pain the drawings cannot show.</source>
        <translation>Schmerz, den die Zeichnungen nicht zeigen können.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/map_tools.py"/>
        <source>Pain the drawings cannot show: teeth, ear, eye, sinus, throat, pelvis (Ctrl+4)</source>
        <translation>Schmerz, den die Zeichnungen nicht zeigen: Zähne, Ohr, Auge, Nebenhöhlen, Hals, Becken (Strg+4)</translation>
    </message>
    <message>
        <source>Past injuries, surgery, earlier episodes, treatments</source>
        <translation type="obsolete">Frühere Verletzungen, Operationen, frühere Episoden, Behandlungen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <location filename="../../nmt_bodymap/ui/education/take_home.py"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Peak</source>
        <translation>Spitze</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>Perpetuating factors</source>
        <translation>Unterhaltende Faktoren</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>Pincer compression</source>
        <translation>Zangengriff-Kompression</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/region_picker.py"/>
        <source>Place mark by &amp;name…</source>
        <translation>Markierung nach &amp;Namen setzen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/region_picker.py"/>
        <source>Place mark by name</source>
        <translation>Markierung nach Namen setzen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_dialog.py"/>
        <source>Please enter the client's name.</source>
        <translation>Bitte geben Sie den Namen des Klienten ein.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>PNG picture (*.png)</source>
        <translation>PNG-Bild (*.png)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>Positional release</source>
        <translation>Positionslösung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/captions.py"/>
        <source>Posterior (back) view</source>
        <translation>Rückansicht</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Posture</source>
        <translation>Haltung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_panel.py"/>
        <source>Posture &amp;&amp; &amp;gait</source>
        <translation>Haltung &amp;&amp; &amp;Gang</translation>
    </message>
    <message>
        <source>Posture at work and rest, habits of use, repetitive tasks</source>
        <translation type="obsolete">Haltung bei Arbeit und Ruhe, Gewohnheiten, wiederholte Tätigkeiten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>Posture notes</source>
        <translation>Notizen zur Haltung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_text.py"/>
        <source>Pressure on trigger points in {muscles} reproduced the pain.</source>
        <translation>Druck auf Triggerpunkte in {muscles} löste den Schmerz aus.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>Pressure the client tolerated (0 none - 10 maximum)</source>
        <translation>Vom Klienten tolerierter Druck (0 keiner – 10 maximal)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>pressure {score}/10</source>
        <translation>Druck {score}/10</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Print client &amp;handout…</source>
        <translation>&amp;Merkblatt drucken…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Progress</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>Proprietary software of the NMT Body Map developers. Built on open-source components, each under its own licence (see Third-party notices).</source>
        <translation>Proprietäre Software der Entwickler von NMT Body Map. Aufgebaut auf Open-Source-Komponenten, jede unter ihrer eigenen Lizenz (siehe Drittanbieter-Hinweise).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <location filename="../../nmt_bodymap/ui/map/map_tools.py"/>
        <location filename="../../nmt_bodymap/ui/map/mark_menu.py"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/map_tools.py"/>
        <source>Quality of the selected mark, or of the next one (Q cycles)</source>
        <translation>Qualität der ausgewählten oder der nächsten Markierung (Q wechselt)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/app.py"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>Reading the history…</source>
        <translation>Verlauf wird gelesen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>Record &amp;amendment</source>
        <translation>&amp;Nachtrag erfassen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/examination_guide.py"/>
        <source>Record &amp;finding for this muscle…</source>
        <translation>&amp;Befund für diesen Muskel erfassen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <location filename="../../nmt_bodymap/ui/candidates/candidates_panel.py"/>
        <source>Record &amp;finding…</source>
        <translation>&amp;Befund erfassen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>Record &amp;follow-up…</source>
        <translation>&amp;Nachkontrolle…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <location filename="../../nmt_bodymap/ui/candidates/candidates_panel.py"/>
        <source>Record &amp;treatment…</source>
        <translation>Be&amp;handlung erfassen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/red_flag_banner.py"/>
        <source>Record clearance…</source>
        <translation>Freigabe erfassen…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>Record how the client fared after this visit</source>
        <translation>Erfassen, wie es dem Klienten nach diesem Termin ging</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/red_flag_banner.py"/>
        <source>Record medical clearance</source>
        <translation>Ärztliche Freigabe erfassen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidates_panel.py"/>
        <source>Record the treatment given (Ctrl+Shift+T)</source>
        <translation>Die durchgeführte Behandlung erfassen (Strg+Umschalt+T)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidates_panel.py"/>
        <source>Record what you palpated at this muscle (Ctrl+Shift+F)</source>
        <translation>Erfassen, was Sie an diesem Muskel palpiert haben (Strg+Umschalt+F)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>Recorded, without figures.</source>
        <translation>Erfasst, ohne Zahlen.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Red flags and clearance</source>
        <translation>Red Flags und Freigabe</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>Red-flag screen (a yes means: refer before treating)</source>
        <translation>Red-Flag-Screening (ein Ja heißt: vor der Behandlung ärztlich abklären lassen)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>referral reproduced</source>
        <translation>Übertragungsschmerz ausgelöst</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/hold_timer.py"/>
        <source>Release</source>
        <translation>Lösen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Relief (days)</source>
        <translation>Linderung (Tage)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>relief 1 day</source>
        <translation>Linderung 1 Tag</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>Relief 1 day: short relief: look for perpetuating factors (posture, habits, stress, sleep).</source>
        <translation>Linderung 1 Tag: kurze Linderung: Achten Sie auf aufrechterhaltende Faktoren (Haltung, Gewohnheiten, Stress, Schlaf).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>relief {days} days</source>
        <translation>Linderung {days} Tage</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>Relief {days} days: lasting relief.</source>
        <translation>Linderung {days} Tage: anhaltende Linderung.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>Relief {days} days: relief as hoped for after trigger-point work.</source>
        <translation>Linderung {days} Tage: Linderung wie nach Triggerpunktbehandlung erhofft.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>Relief {days} days: short relief: look for perpetuating factors (posture, habits, stress, sleep).</source>
        <translation>Linderung {days} Tage: kurze Linderung: Achten Sie auf aufrechterhaltende Faktoren (Haltung, Gewohnheiten, Stress, Schlaf).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/mark_menu.py"/>
        <source>Remove mark</source>
        <translation>Markierung entfernen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/main_window.py"/>
        <source>Remove {kind}</source>
        <translation>{kind} entfernen</translation>
    </message>
    <message>
        <source>Remove {label}</source>
        <translation type="obsolete">{label} entfernen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_forms.py"/>
        <source>Remove {split}</source>
        <translation>{split} entfernen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/posture_gait_tab.py"/>
        <source>Remove {text}</source>
        <translation>{text} entfernen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>removed</source>
        <translation>entfernt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/main_window.py"/>
        <source>Removed the {kind}</source>
        <translation>Entfernt: {kind}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>Res&amp;ponse</source>
        <translation>Rea&amp;ktion</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/app.py"/>
        <source>Restore latest backup</source>
        <translation>Neueste Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>restored</source>
        <translation>wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>Restored the {words}</source>
        <translation>Wiederhergestellt: {words}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>Restored the {words} (Ctrl+Z takes it back).</source>
        <translation>Wiederhergestellt: {words} (Strg+Z nimmt es zurück).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>Restored the {words}.</source>
        <translation>Wiederhergestellt: {words}.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/app.py"/>
        <source>Restoring the latest backup…</source>
        <translation>Neueste Sicherung wird wiederhergestellt…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_forms.py"/>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <source>right</source>
        <comment>side in a sentence</comment>
        <translation>rechts</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>right side</source>
        <translation>rechte Seite</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/captions.py"/>
        <source>Right sole</source>
        <translation>Rechte Fußsohle</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/take_home.py"/>
        <source>Save as P&amp;DF…</source>
        <translation>Als P&amp;DF speichern…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/take_home.py"/>
        <source>Save the take-home sheet as PDF</source>
        <translation>Merkblatt als PDF speichern</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/take_home.py"/>
        <source>Saved as {name} ({pages} pages).</source>
        <translation>Gespeichert als {name} ({pages} Seiten).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/main_window.py"/>
        <source>Saved client {name}</source>
        <translation>Klient {name} gespeichert</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Saved the body chart picture to {path}.</source>
        <translation>Körperschema-Bild gespeichert unter {path}.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_actions.py"/>
        <source>Saved the {kind}</source>
        <translation>Gespeichert: {kind}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Saved the {what} ({pages} pages) to {path}.</source>
        <translation>{what} ({pages} Seiten) gespeichert unter {path}.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/marks.py"/>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>Saved: {marks}</source>
        <translation>Gespeichert: {marks}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <location filename="../../nmt_bodymap/ui/save_state.py"/>
        <source>Saving…</source>
        <translation>Wird gespeichert…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_panel.py"/>
        <source>Search name, date of birth or birth year (Ctrl+K)</source>
        <translation>Name, Geburtsdatum oder Geburtsjahr suchen (Strg+K)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Second &amp;backup folder:</source>
        <translation>Zweiter Si&amp;cherungsordner:</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Select &amp;all marks</source>
        <translation>&amp;Alle Markierungen auswählen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>Select a mark first (click it), then press Delete</source>
        <translation>Wählen Sie zuerst eine Markierung (anklicken), dann drücken Sie Entf</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <source>Selected muscle</source>
        <translation>Ausgewählter Muskel</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>Self-care</source>
        <translation>Selbsthilfe</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>Sent the {what} to the printer ({pages} pages).</source>
        <translation>{what} an den Drucker gesendet ({pages} Seiten).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/take_home.py"/>
        <source>Sent to the printer ({pages} pages).</source>
        <translation>An den Drucker gesendet ({pages} Seiten).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>Set intensity {value}</source>
        <translation>Intensität {value} setzen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>Set quality {quality}</source>
        <translation>Qualität {quality} setzen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/entrapment_tab.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/ischemia_tab.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/posture_gait_tab.py"/>
        <source>Severity</source>
        <translation>Ausprägung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Sharp</source>
        <translation>Stechend</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <source>sharp</source>
        <translation>stechend</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Show findings &amp;&amp; treatment</source>
        <translation>Befunde &amp;&amp; Behandlung zeigen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>Show the folder holding the chart database and its backups</source>
        <translation>Den Ordner mit der Kartei-Datenbank und ihren Sicherungen zeigen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/entrapment_tab.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/ischemia_tab.py"/>
        <source>Si&amp;de</source>
        <translation>S&amp;eite</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>Si&amp;gn visit…</source>
        <translation>Termin &amp;unterschreiben…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidates_panel.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/posture_gait_tab.py"/>
        <source>Side</source>
        <translation>Seite</translation>
    </message>
    <message>
        <source>Side: {side_hint}</source>
        <translation type="obsolete">Seite: {side_hint}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/posture_gait_tab.py"/>
        <source>Side: {text}</source>
        <translation>Seite: {text}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/sign_in_dialog.py"/>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>Sign this visit? Once signed it is read-only: later corrections are recorded as amendments with a reason, and the original stays on the record. Signing cannot be undone.</source>
        <translation>Diesen Termin unterschreiben? Danach ist er schreibgeschützt: spätere Korrekturen werden als Nachträge mit Begründung erfasst, das Original bleibt erhalten. Die Unterschrift kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>Sign visit</source>
        <translation>Termin unterschreiben</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>Signed</source>
        <translation>Unterschrieben</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>Signed by {signed_by} on {when} — read-only; corrections: Amend…</source>
        <translation>Unterschrieben von {signed_by} am {when} — schreibgeschützt; Korrekturen: Nachtrag…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/lock.py"/>
        <source>Signed in: {therapist}. Enter your passphrase or PIN to continue.</source>
        <translation>Angemeldet: {therapist}. Geben Sie Ihre Passphrase oder PIN ein, um fortzufahren.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>Signed: read-only.</source>
        <translation>Unterschrieben: schreibgeschützt.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>Signing &amp;therapist</source>
        <translation>Unterschreibende &amp;Therapeutin/unterschreibender Therapeut</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/ischemia_tab.py"/>
        <source>Signs</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <source>Sleep (hours a night)</source>
        <translation type="obsolete">Schlaf (Stunden pro Nacht)</translation>
    </message>
    <message>
        <source>Sleep position, waking with pain, pillow</source>
        <translation type="obsolete">Schlafposition, Aufwachen mit Schmerz, Kissen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>SOAP</source>
        <translation>SOAP</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>SOAP note</source>
        <translation>SOAP-Notiz</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>Some changes are not saved yet; sign once every change is stored.</source>
        <translation>Einige Änderungen sind noch nicht gespeichert; unterschreiben Sie, sobald alles gespeichert ist.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/after_care_words.py"/>
        <source>Some soreness in the treated muscles is normal for {low} to {high} hours; warmth, gentle movement and drinking water help. Call if it lasts longer or gets worse.</source>
        <translation>Etwas Muskelkater in den behandelten Muskeln ist {low} bis {high} Stunden lang normal; Wärme, sanfte Bewegung und viel Trinken helfen. Rufen Sie an, wenn er länger anhält oder schlimmer wird.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Soreness (days)</source>
        <translation>Muskelkater (Tage)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Soreness lasted longer than the expected 24 to 36 hours</source>
        <translation>Der Muskelkater dauerte länger als die erwarteten 24 bis 36 Stunden</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>soreness {hours} h</source>
        <translation>Muskelkater {hours} h</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>Soreness {hours} h: longer than the expected {high} h: consider lighter pressure, shorter holds or fewer trigger points next time.</source>
        <translation>Muskelkater {hours} h: länger als die erwarteten {high} h: Erwägen Sie beim nächsten Mal weniger Druck, kürzere Halte oder weniger Triggerpunkte.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/core/after_care.py"/>
        <source>Soreness {hours} h: within the expected {low}-{high} h.</source>
        <translation>Muskelkater {hours} h: innerhalb der erwarteten {low}–{high} h.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>spillover</source>
        <translation>Nebenzone</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/hold_timer.py"/>
        <source>Start a {seconds}-second hold</source>
        <translation>Einen Halt von {seconds} Sekunden starten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/posture_gait_tab.py"/>
        <source>Still saving that tick; try again in a moment</source>
        <translation>Dieser Haken wird noch gespeichert; versuchen Sie es gleich noch einmal</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/hold_timer.py"/>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Store again the marks whose save failed</source>
        <translation>Die Markierungen erneut speichern, deren Speichern fehlschlug</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>Stored.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>Stress</source>
        <translation type="obsolete">Stress</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>Stretch</source>
        <translation>Dehnung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/window_panels.py"/>
        <source>Su&amp;mmary</source>
        <translation>&amp;Zusammenfassung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>Subjective</source>
        <translation>Subjektiv</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>superficial</source>
        <translation>oberflächlich</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>Symptoms</source>
        <translation>Symptome</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>Take the chart's key out of this computer's keychain</source>
        <translation>Den Schlüssel der Kartei aus dem Schlüsselbund dieses Computers entfernen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/change_watcher.py"/>
        <source>Take the newer version</source>
        <translation>Neuere Fassung übernehmen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/education_mode.py"/>
        <source>Take-home sheet</source>
        <translation>Merkblatt für zu Hause</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Teeth, ear, eye, sinus, throat and pelvic sites beside the views</source>
        <translation>Stellen an Zähnen, Ohr, Auge, Nebenhöhlen, Hals und Becken neben den Ansichten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>Templates unusable</source>
        <translation>Vorlagen nicht verwendbar</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>tenderness {score}/10</source>
        <translation>Druckschmerz {score}/10</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>That change does not fit the chart: nothing was changed</source>
        <translation>Diese Änderung passt nicht zur Kartei: Es wurde nichts geändert</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/sign_in_dialog.py"/>
        <source>That name and passphrase do not open this chart.</source>
        <translation>Dieser Name und diese Passphrase öffnen diese Kartei nicht.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>That point is outside the figure: no mark added</source>
        <translation>Dieser Punkt liegt außerhalb der Figur: keine Markierung gesetzt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>The amendment was not recorded: {exc}</source>
        <translation>Der Nachtrag wurde nicht erfasst: {exc}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/app.py"/>
        <source>The backup could not be restored: {plain_message}</source>
        <translation>Die Sicherung konnte nicht wiederhergestellt werden: {plain_message}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>The backup folder does not exist.</source>
        <translation>Den Sicherungsordner gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>The black dots show where the tender spots usually are. Press there only as your therapist showed you: firm enough to feel it, never so hard that it hurts more.</source>
        <translation>Die schwarzen Punkte zeigen, wo die empfindlichen Stellen meist liegen. Drücken Sie dort nur so, wie Ihr Therapeut es Ihnen gezeigt hat: fest genug, um es zu spüren, nie so fest, dass es mehr schmerzt.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/open_visit.py"/>
        <source>The chart could not be read again: {error_text}</source>
        <translation>Die Kartei konnte nicht erneut gelesen werden: {error_text}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/sign_in_dialog.py"/>
        <source>The chart is encrypted. If every passphrase is forgotten, only this recovery key opens it; nobody else (not the app's makers) can. Write it down now and keep it locked away; it is shown only this once:

{code}</source>
        <translation>Die Kartei ist verschlüsselt. Sind alle Passphrasen vergessen, öffnet sie nur noch dieser Wiederherstellungsschlüssel; niemand sonst kann es (auch nicht die Hersteller der App). Schreiben Sie ihn jetzt auf und bewahren Sie ihn verschlossen auf; er wird nur dieses eine Mal angezeigt:

{code}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/consent_section.py"/>
        <source>The client signs here with the mouse, a pen or a finger</source>
        <translation>Die Klientin/der Klient unterschreibt hier mit Maus, Stift oder Finger</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/consent_section.py"/>
        <source>The client types their full name</source>
        <translation>Die Klientin/der Klient gibt den vollständigen Namen ein</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/internal_sites.py"/>
        <source>The client's {text} side</source>
        <translation>Die {text} Seite des Klienten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>The clinic's templates (soap_templates.yaml in the data folder); a template fills the empty sections only</source>
        <translation>Die Vorlagen der Praxis (soap_templates.yaml im Datenordner); eine Vorlage füllt nur leere Abschnitte</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/after_start.py"/>
        <source>The daily backup failed; details are in the log.</source>
        <translation>Die tägliche Sicherung ist fehlgeschlagen; Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/after_start.py"/>
        <source>The daily backup was not made: {reason}</source>
        <translation>Die tägliche Sicherung wurde nicht erstellt: {reason}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/take_home.py"/>
        <source>The file could not be written: {reason}</source>
        <translation>Die Datei konnte nicht geschrieben werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>The file could not be written: {value1}</source>
        <translation>Die Datei konnte nicht geschrieben werden: {value1}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>The history could not be read: {error_text}</source>
        <translation>Der Verlauf konnte nicht gelesen werden: {error_text}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>The language takes effect the next time the app starts.</source>
        <translation>Die Sprache gilt ab dem nächsten Start der App.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/app.py"/>
        <source>The latest backup was restored.{note}</source>
        <translation>Die neueste Sicherung wurde wiederhergestellt.{note}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/education_mode.py"/>
        <source>The open visit's after-care sheet, to print</source>
        <translation>Das Nachsorge-Merkblatt des geöffneten Termins, zum Drucken</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>The settings could not be saved: {exc}</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: {exc}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/take_home.py"/>
        <source>The take-home sheet could not be read from the chart.</source>
        <translation>Das Merkblatt konnte nicht aus der Kartei gelesen werden.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/sign_in_dialog.py"/>
        <source>The two entries differ.</source>
        <translation>Die beiden Eingaben stimmen nicht überein.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>The visit could not be started: {exc}</source>
        <translation>Der Termin konnte nicht begonnen werden: {exc}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>The visit was not signed: {exc}</source>
        <translation>Der Termin wurde nicht unterschrieben: {exc}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>The visits could not be read: {exc}</source>
        <translation>Die Termine konnten nicht gelesen werden: {exc}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>The {words} could not be restored.</source>
        <translation>Konnte nicht wiederhergestellt werden: {words}.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>The {words} could not be restored: {error_text}</source>
        <translation>Konnte nicht wiederhergestellt werden ({words}): {error_text}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Therapist</source>
        <translation>Therapeut</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/about_dialog.py"/>
        <source>Third-party notices</source>
        <translation>Hinweise zu Drittanbieter-Software</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>This computer already asks for the chart's passphrase.</source>
        <translation>Dieser Computer fragt bereits nach der Passphrase der Kartei.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>This computer already opens the chart without its passphrase.</source>
        <translation>Dieser Computer öffnet die Kartei bereits ohne ihre Passphrase.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>This computer now opens the chart without asking for its passphrase.</source>
        <translation>Dieser Computer öffnet die Kartei jetzt, ohne nach ihrer Passphrase zu fragen.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/keychain_actions.py"/>
        <source>This computer will ask for the chart's passphrase again.</source>
        <translation>Dieser Computer fragt wieder nach der Passphrase der Kartei.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/open_visit.py"/>
        <source>This visit could not be read: {error_text}</source>
        <translation>Dieser Termin konnte nicht gelesen werden: {error_text}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>This visit is already signed.</source>
        <translation>Dieser Termin ist bereits unterschrieben.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/first_frame.py"/>
        <source>This visit is signed (read-only): the click was not charted</source>
        <translation>Dieser Termin ist unterschrieben (schreibgeschützt): der Klick wurde nicht eingetragen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_actions.py"/>
        <source>This visit is signed; record an amendment with a reason.</source>
        <translation>Dieser Termin ist unterschrieben; erfassen Sie einen Nachtrag mit Begründung.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/sign_dialog.py"/>
        <source>This visit was signed at another station by {signed_by}; it is read-only.</source>
        <translation>Dieser Termin wurde an einem anderen Arbeitsplatz von {signed_by} unterschrieben; er ist schreibgeschützt.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>This {words} is already on the chart.</source>
        <translation>Bereits in der Kartei: {words}.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Throbbing</source>
        <translation>Pochend</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <source>throbbing</source>
        <translation>pochend</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/ischemia_tab.py"/>
        <source>Tick at least one sign of ischemia to chart.</source>
        <translation>Haken Sie mindestens ein Ischämiezeichen zum Erfassen an.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>Tingling</source>
        <translation>Kribbelnd</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <source>tingling</source>
        <translation>kribbelnd</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/change_watcher.py"/>
        <source>Took the newer version from the other station</source>
        <translation>Neuere Fassung vom anderen Arbeitsplatz übernommen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_text.py"/>
        <source>Treated: {treatment}.</source>
        <translation>Behandelt: {treatment}.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Treatment</source>
        <translation>Behandlung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/labels.py"/>
        <source>treatment</source>
        <translation>Behandlung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_actions.py"/>
        <source>Treatment of {name}</source>
        <translation>Behandlung von {name}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>Treatment: {text}</source>
        <translation>Behandlung: {text}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>Trigger point</source>
        <translation>Triggerpunkt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>Trigger point is</source>
        <translation>Triggerpunkt ist</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_text.py"/>
        <source>Trigger point: {finding}.</source>
        <translation>Triggerpunkt: {finding}.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>Trigger points and palpation</source>
        <translation>Triggerpunkte und Palpation</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <source>trigger pt</source>
        <translation>TrP</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Trigger-point findings</source>
        <translation>Triggerpunkt-Befunde</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/window_panels.py"/>
        <source>Trigger-point findings and treatments of this visit</source>
        <translation>Triggerpunkt-Befunde und Behandlungen dieses Termins</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/main_window.py"/>
        <source>Trying again to save {count} mark(s)</source>
        <translation>Neuer Versuch, {count} Markierung(en) zu speichern</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>twitch</source>
        <translation>lokale Zuckungsreaktion</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/region_picker.py"/>
        <source>Type where it hurts (r temple, l heel) and press Enter</source>
        <translation>Tippen Sie, wo es schmerzt (r Schläfe, l Ferse), und drücken Sie Enter</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/consent_section.py"/>
        <source>Typed &amp;name</source>
        <translation>Getippter &amp;Name</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_dialog.py"/>
        <source>Typed as shown, local time; a day after today is refused.</source>
        <translation>Im gezeigten Format, Ortszeit; ein Tag nach heute wird abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/save_state.py"/>
        <source>Unsaved marks</source>
        <translation>Nicht gespeicherte Markierungen</translation>
    </message>
    <message>
        <source>Upper-chest breathing, breath holding, mouth breathing</source>
        <translation type="obsolete">Brustatmung, Luftanhalten, Mundatmung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/settings_dialog.py"/>
        <source>US Letter (8.5 × 11 in)</source>
        <translation>US Letter (8,5 × 11 Zoll)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/soap_tab.py"/>
        <source>Use template…</source>
        <translation>Vorlage verwenden…</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Visit</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/labels.py"/>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>visit</source>
        <translation>Termin</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>Visit of {visit_day}</source>
        <translation>Termin vom {visit_day}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Visit report</source>
        <translation>Terminbericht</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/menu.py"/>
        <source>visit report</source>
        <translation>Terminbericht</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Visit report {day}</source>
        <translation>Terminbericht {day}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>Visit report · {name} · {day}</source>
        <translation>Terminbericht · {name} · {day}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Visit timeline</source>
        <translation>Zeitleiste der Termine</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>Visits</source>
        <translation>Termine</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>Visits of the client</source>
        <translation>Termine des Klienten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_panel.py"/>
        <source>Visits — {name}</source>
        <translation>Termine — {name}</translation>
    </message>
    <message>
        <source>Water (litres a day)</source>
        <translation type="obsolete">Wasser (Liter pro Tag)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/sign_in_dialog.py"/>
        <source>Welcome. Create your account: only someone who knows this passphrase or PIN can open the charts. With several therapists, add their accounts later (each with a passphrase of 8 or more characters).</source>
        <translation>Willkommen. Legen Sie Ihr Konto an: Nur wer diese Passphrase oder PIN kennt, kann die Karteien öffnen. Bei mehreren Therapeuten fügen Sie deren Konten später hinzu (jedes mit einer Passphrase von mindestens 8 Zeichen).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_text.py"/>
        <source>What keeps it going</source>
        <translation>Was ihn unterhält</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/follow_up_dialog.py"/>
        <source>What the client reports (sleep, activities, relapse…)</source>
        <translation>Was der Klient berichtet (Schlaf, Aktivitäten, Rückfall…)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/red_flag_banner.py"/>
        <source>What the clinician said (findings, limits on treatment)</source>
        <translation>Was die Ärztin/der Arzt sagte (Befunde, Einschränkungen der Behandlung)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/region_picker.py"/>
        <source>Where it hurts: r temple, l heel… (Enter marks, Esc closes)</source>
        <translation>Wo es schmerzt: r Schläfe, l Ferse… (Enter markiert, Esc schließt)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_dialog.py"/>
        <source>Work, sport, hobbies, caring duties</source>
        <translation>Beruf, Sport, Hobbys, Pflegeaufgaben</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/app.py"/>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/legend.py"/>
        <source>worst</source>
        <translation>stärkste</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>Your after-care</source>
        <translation>Ihre Nachsorge</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/handout.py"/>
        <source>your therapist</source>
        <translation>Ihren Therapeuten</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/red_flag_banner.py"/>
        <source>YYYY-MM-DD</source>
        <translation>JJJJ-MM-TT</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/client_dialog.py"/>
        <source>YYYY-MM-DD (empty if not known)</source>
        <translation>JJJJ-MM-TT (leer, wenn unbekannt)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_dialog.py"/>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>JJJJ-MM-TT HH:MM</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Vergrößern</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/actions.py"/>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>{advice}
It should have eased {window}.
Relief is followed over the next {low} to {high} days: at your next visit we will ask how long the soreness lasted and how many days of relief you had.</source>
        <translation>{advice}
Er sollte {window} abgeklungen sein.
Die Linderung wird über die nächsten {low} bis {high} Tage verfolgt: Beim nächsten Termin fragen wir, wie lange der Muskelkater dauerte und wie viele Tage der Linderung Sie hatten.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/lock.py"/>
        <source>{app_name} is locked</source>
        <translation>{app_name} ist gesperrt</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/lock.py"/>
        <source>{app_name} is locked.</source>
        <translation>{app_name} ist gesperrt.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/sign_in_dialog.py"/>
        <source>{app_name} — first account</source>
        <translation>{app_name} — erstes Konto</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/sign_in_dialog.py"/>
        <source>{app_name} — sign in</source>
        <translation>{app_name} — Anmeldung</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <source>{count} holds: {lengths}</source>
        <translation>{count} Halte: {lengths}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/first_frame.py"/>
        <source>{count} mark(s) clicked while the chart was opening are not charted yet and will be lost. Close anyway?</source>
        <translation>{count} Markierung(en), die während des Öffnens der Kartei gesetzt wurden, sind noch nicht eingetragen und gehen verloren. Trotzdem schließen?</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/candidates/candidate_rows.py"/>
        <source>{count} of {total} spots</source>
        <translation>{count} von {total} Stellen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <source>{done}, {seconds} s</source>
        <translation>{done}, {seconds} s</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>{finding}. Note: {note}</source>
        <translation>{finding}. Notiz: {note}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/paged.py"/>
        <source>{footer}   ·   Page {number} of {pages}</source>
        <translation>{footer}   ·   Seite {number} von {pages}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>{kind} ({row}): {field}</source>
        <translation>{kind} ({row}): {field}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/signed.py"/>
        <source>{kind}: {field}</source>
        <translation>{kind}: {field}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>{label}  {complaint}
   peak {peak} · extent {extent}% · {active} active TrP
   after: {after}</source>
        <translation>{label}  {complaint}
   Spitze {peak} · Ausdehnung {extent} % · {active} aktive TrP
   danach: {after}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_fields.py"/>
        <source>{label} must be a number (got {raw!r}).</source>
        <translation>{label} muss eine Zahl sein (eingegeben: {raw!r}).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_fields.py"/>
        <source>{label} must be a whole number from {low:g} to {high:g}.</source>
        <translation>{label} muss eine ganze Zahl von {low:g} bis {high:g} sein.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_fields.py"/>
        <source>{label} must be from {low:g} to {high:g} (got {raw}).</source>
        <translation>{label} muss zwischen {low:g} und {high:g} liegen (eingegeben: {raw}).</translation>
    </message>
    <message>
        <source>{label} severity</source>
        <translation type="obsolete">{label}: Ausprägung</translation>
    </message>
    <message>
        <source>{label} side</source>
        <translation type="obsolete">{label}: Seite</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>{line}: {note}</source>
        <translation>{line}: {note}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/map_items.py"/>
        <source>{mark} — NOT SAVED</source>
        <translation>{mark} — NICHT GESPEICHERT</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/access/accounts_dialog.py"/>
        <source>{name} can now sign in.</source>
        <translation>{name} kann sich jetzt anmelden.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/visit_dialog.py"/>
        <location filename="../../nmt_bodymap/ui/main_window.py"/>
        <source>{name} — visit of {when}</source>
        <translation>{name} — Termin vom {when}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/main_window.py"/>
        <source>{name}: no visit yet — start one with Ctrl+Shift+N</source>
        <translation>{name}: noch kein Termin — beginnen Sie einen mit Strg+Umschalt+N</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/progress/progress_view.py"/>
        <source>{new} new, {resolved} resolved, {unchanged} unchanged place(s)</source>
        <translation>{new} neu, {resolved} abgeklungen, {unchanged} unverändert (Stellen)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>{number}. {place} — intensity {intensity}/10, {quality} ({view})</source>
        <translation>{number}. {place} — Intensität {intensity}/10, {quality} ({view})</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/picture.py"/>
        <source>{number}. {place}: {intensity}/10, {quality} ({view})</source>
        <translation>{number}. {place}: {intensity}/10, {quality} ({view})</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <source>{place} (both sides)</source>
        <translation>{place} (beidseits)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/marks.py"/>
        <location filename="../../nmt_bodymap/ui/map/body_map_panel.py"/>
        <source>{place}, {quality} {intensity}/10</source>
        <translation>{place}, {quality} {intensity}/10</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/visit_summary.py"/>
        <source>{place}: {count} marks, {low}–{high}/10, {qualities}</source>
        <translation>{place}: {count} Markierungen, {low}–{high}/10, {qualities}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/map/map_items.py"/>
        <source>{place}: {quality}, {intensity}/10</source>
        <translation>{place}: {quality}, {intensity}/10</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>{question} (question no longer asked)</source>
        <translation>{question} (Frage wird nicht mehr gestellt)</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/finding_dialogs.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/findings_panel.py"/>
        <location filename="../../nmt_bodymap/ui/clinic/hold_timer.py"/>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>{shown} of {total} changes match.</source>
        <translation>{shown} von {total} Änderungen passen.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/ischemia_tab.py"/>
        <source>{sign} at {where}</source>
        <translation>{sign} an {where}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/posture_gait_tab.py"/>
        <source>{text} severity</source>
        <translation>Ausprägung: {text}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/posture_gait_tab.py"/>
        <source>{text} side</source>
        <translation>Seite {text}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>{title} (notes): {text}</source>
        <translation>{title} (Notizen): {text}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/consent_section.py"/>
        <source>{title} (text version {id})</source>
        <translation>{title} (Textfassung {id})</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/assessment_text.py"/>
        <location filename="../../nmt_bodymap/ui/documents/report.py"/>
        <source>{title}: {text}</source>
        <translation>{title}: {text}</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/chart/history_view.py"/>
        <source>{total} changes, oldest first.</source>
        <translation>{total} Änderungen, älteste zuerst.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/save_state.py"/>
        <source>{unsaved} change(s) could not be saved and will be lost. Close anyway?</source>
        <translation>{unsaved} Änderung(en) konnten nicht gespeichert werden und gehen verloren. Trotzdem schließen?</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/save_state.py"/>
        <source>{unsaved} mark(s) could not be saved and will be lost. Close anyway?</source>
        <translation>{unsaved} Markierung(en) konnten nicht gespeichert werden und gehen verloren. Trotzdem schließen?</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_complaints.py"/>
        <source>{where}: describe the complaint or remove the row.</source>
        <translation>{where}: Beschreiben Sie die Beschwerde oder entfernen Sie die Zeile.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_complaints.py"/>
        <source>{where}: the duration cannot be negative ({weeks:g} weeks).</source>
        <translation>{where}: Die Dauer kann nicht negativ sein ({weeks:g} Wochen).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_complaints.py"/>
        <source>{where}: the duration must be a number of weeks (got {weeks_text!r}).</source>
        <translation>{where}: Die Dauer muss eine Zahl von Wochen sein (eingegeben: {weeks_text!r}).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_complaints.py"/>
        <source>{where}: the onset date cannot be in the future.</source>
        <translation>{where}: Der Beginn kann nicht in der Zukunft liegen.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/intake_complaints.py"/>
        <source>{where}: write the onset date as YYYY-MM-DD, e.g. 2025-01-31 (got {onset_text!r}).</source>
        <translation>{where}: Schreiben Sie den Beginn als JJJJ-MM-TT, z. B. 2025-01-31 (eingegeben: {onset_text!r}).</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/ischemia_tab.py"/>
        <source>“{typed}” is not a region of the body map; pick one from the list.</source>
        <translation>„{typed}“ ist keine Region des Körperschemas; wählen Sie eine aus der Liste.</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/education/education_mode.py"/>
        <source>◀  Previous</source>
        <translation>◀  Zurück</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/clinic/red_flag_banner.py"/>
        <source>⚠  Refer for medical assessment before treatment</source>
        <translation>⚠  Vor der Behandlung zur ärztlichen Abklärung überweisen</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/save_state.py"/>
        <source>⚠ {unsaved} change(s) not saved — Ctrl+R to retry</source>
        <translation>⚠ {unsaved} Änderung(en) nicht gespeichert — Strg+R für neuen Versuch</translation>
    </message>
    <message>
        <location filename="../../nmt_bodymap/ui/save_state.py"/>
        <source>⚠ {unsaved} mark(s) not saved — Ctrl+R to retry</source>
        <translation>⚠ {unsaved} Markierung(en) nicht gespeichert — Strg+R für neuen Versuch</translation>
    </message>
</context>
</TS>
