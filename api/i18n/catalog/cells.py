"""Messages of the composition rules: each refusal explains the guidance, not only the rule."""

from __future__ import annotations

CELLS: dict[str, dict[str, str]] = {
    "noMunicipality": {
        "nl": "Een LIVC-R omvat minstens één gemeente (R-SCOPE-1).",
        "fr": "Une CSIL-R couvre au moins une commune (R-SCOPE-1).",
        "de": "Eine LIVC-R umfasst mindestens eine Gemeinde (R-SCOPE-1).",
        "en": "A cell covers at least one municipality (R-SCOPE-1).",
    },
    "secondStrategicTable": {
        "nl": "Een LIVC-R heeft hoogstens één strategische tafel (R-TAB-1).",
        "fr": "Une CSIL-R a au plus une table stratégique (R-TAB-1).",
        "de": "Eine LIVC-R hat höchstens einen strategischen Tisch (R-TAB-1).",
        "en": "A cell has at most one strategic table (R-TAB-1).",
    },
    "strategicChairMustBeMayor": {
        "nl": "De strategische tafel wordt voorgezeten door de burgemeester (R-MEM-1): de regierol ligt bij de burgemeester.",
        "fr": "La table stratégique est présidée par le bourgmestre (R-MEM-1) : la régie lui revient.",
        "de": "Den strategischen Tisch leitet der Bürgermeister (R-MEM-1): Die Regie liegt beim Bürgermeister.",
        "en": "The mayor chairs the strategic table (R-MEM-1): the guidance gives the mayor the directing role.",
    },
    "operationalChairMustBeDro": {
        "nl": "De operationele tafel wordt voorgezeten door de door de burgemeester aangestelde medewerker belast met het dossier radicalisering (R-MEM-2).",
        "fr": "La table opérationnelle est présidée par le collaborateur désigné par le bourgmestre pour le dossier radicalisation (R-MEM-2).",
        "de": "Den operativen Tisch leitet der vom Bürgermeister für das Radikalisierungsdossier bestimmte Mitarbeiter (R-MEM-2).",
        "en": "The operational table is chaired by the officer the mayor designated for the radicalisation dossier (R-MEM-2).",
    },
    "policeCannotChair": {
        "nl": "Iemand van de lokale politie kan een tafel niet voorzitten (R-MEM-3): de richtlijn houdt de politie weg van de leiding van de LIVC-R, om het vertrouwen van de sociale partners te bewaren.",
        "fr": "Un membre de la police locale ne peut pas présider une table (R-MEM-3) : la circulaire écarte la police de la direction de la CSIL-R pour préserver la confiance des partenaires sociaux.",
        "de": "Ein Mitglied der lokalen Polizei kann keinen Tisch leiten (R-MEM-3): Die Leitlinie hält die Polizei von der Leitung der LIVC-R fern, um das Vertrauen der sozialen Partner zu wahren.",
        "en": "A member of the local police cannot chair a table (R-MEM-3): the guidance keeps the police from leading the LIVC-R, to keep the social partners' trust.",
    },
    "policePresenceTooProminent": {
        "nl": "De politie mag geen prominente plaats innemen (R-MEM-4): met dit lid zou de politie {police} van de {total} leden tellen, meer dan een derde.",
        "fr": "La présence policière ne peut pas être prépondérante (R-MEM-4) : avec ce membre, la police compterait {police} membres sur {total}, plus d'un tiers.",
        "de": "Die Polizei darf nicht prominent vertreten sein (R-MEM-4): Mit diesem Mitglied wären {police} von {total} Mitgliedern Polizei, mehr als ein Drittel.",
        "en": "Police presence may not be prominent (R-MEM-4): with this member the police would be {police} of {total} members, more than one third.",
    },
    "intelligenceServicesExcluded": {
        "nl": "Veiligheids- en inlichtingendiensten hebben geen plaats in een LIVC-R (R-MEM-5); zij zijn verbonden via de LTF en de information officer.",
        "fr": "Les services de renseignement et de sécurité n'ont pas leur place dans une CSIL-R (R-MEM-5) ; ils sont reliés via la LTF et l'information officer.",
        "de": "Sicherheits- und Nachrichtendienste haben keinen Platz in einer LIVC-R (R-MEM-5); sie sind über die LTF und den Information Officer verbunden.",
        "en": "Security and intelligence services have no place in a LIVC-R (R-MEM-5); they are linked through the LTF and the information officer.",
    },
    "prosecutorNotAtOperationalTable": {
        "nl": "Het openbaar ministerie maakt geen deel uit van de operationele tafel (R-MEM-6).",
        "fr": "Le ministère public ne fait pas partie de la table opérationnelle (R-MEM-6).",
        "de": "Die Staatsanwaltschaft gehört nicht zum operativen Tisch (R-MEM-6).",
        "en": "The public prosecutor is not part of the operational table (R-MEM-6).",
    },
    "prosecutorNeedsDecision": {
        "nl": "Het openbaar ministerie zetelt aan de strategische tafel enkel na een beslissing van de procureur des Konings; registreer eerst die beslissing (R-MEM-6).",
        "fr": "Le ministère public ne siège à la table stratégique que sur décision du procureur du Roi ; enregistrez d'abord cette décision (R-MEM-6).",
        "de": "Die Staatsanwaltschaft sitzt am strategischen Tisch nur nach Entscheidung des Prokurators des Königs; erfassen Sie zuerst diese Entscheidung (R-MEM-6).",
        "en": "The prosecutor sits at the strategic table only after a decision of the procureur des Konings; record that decision first (R-MEM-6).",
    },
    "ltfBodyExcluded": {
        "nl": "Buiten de lokale politie zetelt geen lid van de Lokale Taskforce in de LIVC-R (R-MEM-7).",
        "fr": "En dehors de la police locale, aucun membre de la Task Force locale ne siège dans la CSIL-R (R-MEM-7).",
        "de": "Außer der lokalen Polizei sitzt kein Mitglied der lokalen Task Force in der LIVC-R (R-MEM-7).",
        "en": "Apart from the local police, no member of the Local Task Force sits in the cell (R-MEM-7).",
    },
    "entrepreneursNotAtOperationalTable": {
        "nl": "Verenigingen van ondernemers en zelfstandigen zijn geen vaste leden van de operationele tafel; ze kunnen wel aan de strategische tafel zetelen (R-MEM-9).",
        "fr": "Les associations d'entrepreneurs et d'indépendants ne sont pas membres fixes de la table opérationnelle ; elles peuvent siéger à la table stratégique (R-MEM-9).",
        "de": "Unternehmer- und Selbständigenverbände sind keine festen Mitglieder des operativen Tisches; sie können am strategischen Tisch sitzen (R-MEM-9).",
        "en": "Entrepreneurs' associations are not fixed members of the operational table; they may sit at the strategic table (R-MEM-9).",
    },
    "organisationNotTakingPart": {
        "nl": "Deze organisatie neemt (nu) niet deel; deelname is vrijwillig en kan hervat worden (R-MEM-11).",
        "fr": "Cette organisation ne participe pas (actuellement) ; la participation est volontaire et peut reprendre (R-MEM-11).",
        "de": "Diese Organisation nimmt (derzeit) nicht teil; die Teilnahme ist freiwillig und kann wieder aufgenommen werden (R-MEM-11).",
        "en": "This organisation does not (currently) take part; participation is voluntary and can resume (R-MEM-11).",
    },
    "clearanceOnlyForInformationOfficer": {
        "nl": "Enkel de information officer heeft een veiligheidsmachtiging nodig (R-MEM-12).",
        "fr": "Seul l'information officer a besoin d'une habilitation de sécurité (R-MEM-12).",
        "de": "Nur der Information Officer benötigt eine Sicherheitsermächtigung (R-MEM-12).",
        "en": "Only the information officer needs a security clearance (R-MEM-12).",
    },
    "schoolContactMustBeClb": {
        "nl": "Enkel een CLB kan aanspreekpunt zijn voor alle scholen van het grondgebied (R-MEM-13).",
        "fr": "Seul un CLB/PMS peut être le point de contact de toutes les écoles du territoire (R-MEM-13).",
        "de": "Nur ein CLB/PMS kann Ansprechpartner für alle Schulen des Gebiets sein (R-MEM-13).",
        "en": "Only a CLB can be the contact for all schools of the territory (R-MEM-13).",
    },
    "alreadyMember": {
        "nl": "Deze persoon zit al aan deze tafel.",
        "fr": "Cette personne siège déjà à cette table.",
        "de": "Diese Person sitzt bereits an diesem Tisch.",
        "en": "This person already sits at this table.",
    },
    "notAMember": {
        "nl": "Enkel een lid van deze tafel kan voorzitter worden.",
        "fr": "Seul un membre de cette table peut en devenir président.",
        "de": "Nur ein Mitglied dieses Tisches kann den Vorsitz übernehmen.",
        "en": "Only a member of this table can chair it.",
    },
    "cellDeactivated": {
        "nl": "Deze LIVC-R is gedeactiveerd.",
        "fr": "Cette CSIL-R est désactivée.",
        "de": "Diese LIVC-R ist deaktiviert.",
        "en": "This cell is deactivated.",
    },
    "invitationAlreadyAccepted": {
        "nl": "Deze uitnodiging is al aanvaard; de professional kan gewoon aanmelden.",
        "fr": "Cette invitation a déjà été acceptée ; le professionnel peut se connecter.",
        "de": "Diese Einladung wurde bereits angenommen; die Fachkraft kann sich anmelden.",
        "en": "This invitation was already accepted; the professional can sign in.",
    },
    "invalidNisCode": {
        "nl": "Een NIS-code bestaat uit vijf cijfers.",
        "fr": "Un code INS compte cinq chiffres.",
        "de": "Ein NIS-Code besteht aus fünf Ziffern.",
        "en": "A NIS code has five digits.",
    },
    "duplicateMunicipality": {
        "nl": "Elke gemeente mag maar één keer voorkomen.",
        "fr": "Chaque commune ne peut figurer qu'une fois.",
        "de": "Jede Gemeinde darf nur einmal vorkommen.",
        "en": "Each municipality may appear only once.",
    },
    "retentionOutOfRange": {
        "nl": "De bewaartermijn ligt tussen {min} en {max} dagen (R-PRIV-6).",
        "fr": "Le délai de conservation est compris entre {min} et {max} jours (R-PRIV-6).",
        "de": "Die Aufbewahrungsfrist liegt zwischen {min} und {max} Tagen (R-PRIV-6).",
        "en": "The retention period lies between {min} and {max} days (R-PRIV-6).",
    },
    "termsVersionNotCurrent": {
        "nl": "Dit is niet de huidige versie van de vertrouwelijkheidsvoorwaarden (R-PRIV-4).",
        "fr": "Ce n'est pas la version actuelle des conditions de confidentialité (R-PRIV-4).",
        "de": "Dies ist nicht die aktuelle Fassung der Vertraulichkeitsbedingungen (R-PRIV-4).",
        "en": "This is not the current version of the confidentiality terms (R-PRIV-4).",
    },
    "referencedResourceNotFound": {
        "nl": "Het object waarnaar verwezen wordt, bestaat niet.",
        "fr": "L'objet référencé n'existe pas.",
        "de": "Das referenzierte Objekt existiert nicht.",
        "en": "The referenced object does not exist.",
    },
    "onlyStrategicTableCanBeAdded": {
        "nl": "De operationele tafel bestaat altijd; enkel de strategische tafel kan toegevoegd worden (R-TAB-1).",
        "fr": "La table opérationnelle existe toujours ; seule la table stratégique peut être ajoutée (R-TAB-1).",
        "de": "Der operative Tisch besteht immer; nur der strategische Tisch kann hinzugefügt werden (R-TAB-1).",
        "en": "The operational table always exists; only the strategic table can be added (R-TAB-1).",
    },
    "onlyStrategicTable": {
        "nl": "Dit geldt enkel voor de strategische tafel (R-MEM-6).",
        "fr": "Ceci ne vaut que pour la table stratégique (R-MEM-6).",
        "de": "Dies gilt nur für den strategischen Tisch (R-MEM-6).",
        "en": "This applies to the strategic table only (R-MEM-6).",
    },
    "invitationInvalid": {
        "nl": "Deze uitnodiging is ongeldig, al gebruikt of verlopen. Vraag een nieuwe aan.",
        "fr": "Cette invitation est invalide, déjà utilisée ou expirée. Demandez-en une nouvelle.",
        "de": "Diese Einladung ist ungültig, bereits verwendet oder abgelaufen. Fordern Sie eine neue an.",
        "en": "This invitation is invalid, already used or expired. Ask for a new one.",
    },
    "invalidScope": {
        "nl": "Deze client heeft niet alle gevraagde scopes.",
        "fr": "Ce client n'a pas tous les scopes demandés.",
        "de": "Dieser Client hat nicht alle angeforderten Scopes.",
        "en": "This client does not have every requested scope.",
    },
    "unsupportedGrantType": {
        "nl": "Enkel grant_type=client_credentials wordt ondersteund.",
        "fr": "Seul grant_type=client_credentials est pris en charge.",
        "de": "Nur grant_type=client_credentials wird unterstützt.",
        "en": "Only grant_type=client_credentials is supported.",
    },
}
