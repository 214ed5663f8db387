"""Messages of meetings and the cadence."""

from __future__ import annotations

MEETINGS: dict[str, dict[str, str]] = {
    "cadence.weeklyBecauseProblematic": {
        "nl": "Er loopt minstens één problematisch dossier ({problematicCases}): de operationele tafel komt minstens wekelijks samen (R-CAD-2). Volgende vergadering uiterlijk {due}.",
        "fr": "Au moins un dossier problématique est en cours ({problematicCases}) : la table opérationnelle se réunit au moins chaque semaine (R-CAD-2). Prochaine réunion au plus tard le {due}.",
        "de": "Mindestens ein problematischer Fall läuft ({problematicCases}): Der operative Tisch tagt mindestens wöchentlich (R-CAD-2). Nächste Sitzung spätestens am {due}.",
        "en": "At least one problematic case is open ({problematicCases}): the operational table meets at least weekly (R-CAD-2). Next meeting by {due}.",
    },
    "cadence.monthlyBecauseOpenCases": {
        "nl": "Er lopen {openCases} dossiers, geen enkel problematisch: de tafel komt minstens maandelijks samen (R-CAD-3). Volgende vergadering uiterlijk {due}.",
        "fr": "{openCases} dossiers sont en cours, aucun problématique : la table se réunit au moins chaque mois (R-CAD-3). Prochaine réunion au plus tard le {due}.",
        "de": "{openCases} Fälle laufen, keiner problematisch: Der Tisch tagt mindestens monatlich (R-CAD-3). Nächste Sitzung spätestens am {due}.",
        "en": "{openCases} cases are open, none problematic: the table meets at least monthly (R-CAD-3). Next meeting by {due}.",
    },
    "cadence.sleepNoOpenCases": {
        "nl": "Er lopen geen dossiers: de LIVC-R staat in slaapstand en komt ad hoc samen, op vraag van een lid (R-CAD-4).",
        "fr": "Aucun dossier en cours : la CSIL-R est en veille et se réunit à la demande d'un membre (R-CAD-4).",
        "de": "Keine laufenden Fälle: Die LIVC-R ruht und tagt bei Bedarf auf Wunsch eines Mitglieds (R-CAD-4).",
        "en": "No open cases: the cell is in sleep mode and meets ad hoc, when a member asks (R-CAD-4).",
    },
    "cadence.constitutiveMeetingMissing": {
        "nl": "De LIVC-R hield nog geen eerste (constituerende) operationele vergadering; die is nu aan de orde (R-CAD-1).",
        "fr": "La CSIL-R n'a pas encore tenu sa première réunion opérationnelle (constitutive) ; elle est à organiser maintenant (R-CAD-1).",
        "de": "Die LIVC-R hat noch keine erste (konstituierende) operative Sitzung abgehalten; sie ist jetzt fällig (R-CAD-1).",
        "en": "The cell has not held its first (constitutive) operational meeting yet; it is due now (R-CAD-1).",
    },
    "cadence.strategicAdHoc": {
        "nl": "De strategische tafel komt ad hoc samen (R-CAD-6).",
        "fr": "La table stratégique se réunit ad hoc (R-CAD-6).",
        "de": "Der strategische Tisch tagt bei Bedarf (R-CAD-6).",
        "en": "The strategic table meets ad hoc (R-CAD-6).",
    },
    "inviteeNotAtTable": {
        "nl": "Uitnodigingen gaan naar leden van de tafel en de partners van de casus (R-TAB-2).",
        "fr": "Les invitations vont aux membres de la table et aux partenaires du cas (R-TAB-2).",
        "de": "Einladungen gehen an Mitglieder des Tisches und die Partner des Falls (R-TAB-2).",
        "en": "Invitations go to members of the table and the partners of the case (R-TAB-2).",
    },
    "noCasesAtStrategicTable": {
        "nl": "De strategische tafel stuurt aan op basis van cijfers en bespreekt geen casussen (R-TAB-3).",
        "fr": "La table stratégique pilote sur la base de chiffres et ne traite pas de cas (R-TAB-3).",
        "de": "Der strategische Tisch steuert anhand von Zahlen und bespricht keine Fälle (R-TAB-3).",
        "en": "The strategic table steers on figures and discusses no cases (R-TAB-3).",
    },
    "tableCannotMeet": {
        "nl": "Deze tafel kan niet vergaderen: de politie is er te prominent aanwezig of er is geen geldige voorzitter (R-MEM-4). Herstel eerst de samenstelling.",
        "fr": "Cette table ne peut pas se réunir : la police y est trop présente ou il n'y a pas de président valable (R-MEM-4). Rétablissez d'abord la composition.",
        "de": "Dieser Tisch kann nicht tagen: Die Polizei ist zu stark vertreten oder es fehlt ein gültiger Vorsitz (R-MEM-4). Stellen Sie zuerst die Zusammensetzung wieder her.",
        "en": "This table cannot meet: police presence is too prominent or there is no valid chair (R-MEM-4). Restore the composition first.",
    },
    "chairRunsTheMeeting": {
        "nl": "De voorzitter van de tafel plant en leidt haar vergaderingen.",
        "fr": "Le président de la table planifie et dirige ses réunions.",
        "de": "Der Vorsitz des Tisches plant und leitet seine Sitzungen.",
        "en": "The table's chair plans and runs its meetings.",
    },
    "meetingNotInSession": {
        "nl": "Deze vergadering is niet in zitting.",
        "fr": "Cette réunion n'est pas en séance.",
        "de": "Diese Sitzung ist nicht eröffnet.",
        "en": "This meeting is not in session.",
    },
    "meetingNotPlanned": {
        "nl": "Enkel een geplande vergadering kan dit.",
        "fr": "Seule une réunion planifiée le permet.",
        "de": "Das geht nur bei einer geplanten Sitzung.",
        "en": "Only a planned meeting allows this.",
    },
    "meetingAcknowledgementRequired": {
        "nl": "Bevestig eerst dat wat in deze vergadering gedeeld wordt, aan tafel blijft (R-PRIV-4).",
        "fr": "Confirmez d'abord que ce qui est partagé dans cette réunion reste à la table (R-PRIV-4).",
        "de": "Bestätigen Sie zuerst, dass das in dieser Sitzung Geteilte am Tisch bleibt (R-PRIV-4).",
        "en": "First confirm that what is shared in this meeting stays at the table (R-PRIV-4).",
    },
    "notPresent": {
        "nl": "Dit is voorbehouden aan wie effectief aanwezig is op de vergadering.",
        "fr": "Ceci est réservé à ceux qui sont effectivement présents à la réunion.",
        "de": "Dies ist den tatsächlich Anwesenden der Sitzung vorbehalten.",
        "en": "This is reserved for those effectively present at the meeting.",
    },
    "agendaItemWithoutCase": {
        "nl": "Dit agendapunt betreft geen casus.",
        "fr": "Ce point de l'ordre du jour ne concerne pas de cas.",
        "de": "Dieser Tagesordnungspunkt betrifft keinen Fall.",
        "en": "This agenda item concerns no case.",
    },
    "endBeforeStart": {
        "nl": "Het einde moet na het begin liggen.",
        "fr": "La fin doit être postérieure au début.",
        "de": "Das Ende muss nach dem Beginn liegen.",
        "en": "The end must come after the start.",
    },
    "placeOrLinkRequired": {
        "nl": "Geef een plaats of een link voor online vergaderen.",
        "fr": "Indiquez un lieu ou un lien de réunion en ligne.",
        "de": "Geben Sie einen Ort oder einen Link für die Online-Sitzung an.",
        "en": "Give a place or an online meeting link.",
    },
    "invalidMeetingStatus": {
        "nl": "Kies inSession (openen), held (afsluiten) of cancelled (annuleren).",
        "fr": "Choisissez inSession (ouvrir), held (clôturer) ou cancelled (annuler).",
        "de": "Wählen Sie inSession (eröffnen), held (schließen) oder cancelled (absagen).",
        "en": "Choose inSession (open), held (close) or cancelled (cancel).",
    },
    "requestMustBeAnswered": {
        "nl": "Aanvaard of weiger het verzoek.",
        "fr": "Acceptez ou refusez la demande.",
        "de": "Nehmen Sie die Anfrage an oder lehnen Sie sie ab.",
        "en": "Accept or decline the request.",
    },
}
