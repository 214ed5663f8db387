"""Messages of case work and of the privacy guard."""

from __future__ import annotations

KEEP = {
    "nl": " Tafel bewaart geen persoonsgegevens; de referentiehouder kent de identiteit.",
    "fr": " Tafel ne conserve aucune donnée personnelle ; le détenteur de référence connaît l'identité.",
    "de": " Tafel speichert keine personenbezogenen Daten; der Referenzhalter kennt die Identität.",
    "en": " Tafel keeps no personal data; the reference holder keeps the identity.",
}


def _privacy(nl: str, fr: str, de: str, en: str) -> dict[str, str]:
    return {
        "nl": nl + KEEP["nl"],
        "fr": fr + KEEP["fr"],
        "de": de + KEEP["de"],
        "en": en + KEEP["en"],
    }


PRIVACY: dict[str, dict[str, str]] = {
    "nationalRegisterNumber": _privacy(
        "Dit lijkt een rijksregisternummer (R-PRIV-2).",
        "Ceci ressemble à un numéro de registre national (R-PRIV-2).",
        "Dies sieht wie eine Nationalregisternummer aus (R-PRIV-2).",
        "This looks like a national register number (R-PRIV-2).",
    ),
    "bisNumber": _privacy(
        "Dit lijkt een BIS-nummer (R-PRIV-2).",
        "Ceci ressemble à un numéro BIS (R-PRIV-2).",
        "Dies sieht wie eine BIS-Nummer aus (R-PRIV-2).",
        "This looks like a BIS number (R-PRIV-2).",
    ),
    "email": _privacy(
        "Dit lijkt een e-mailadres (R-PRIV-2).",
        "Ceci ressemble à une adresse e-mail (R-PRIV-2).",
        "Dies sieht wie eine E-Mail-Adresse aus (R-PRIV-2).",
        "This looks like an e-mail address (R-PRIV-2).",
    ),
    "phoneNumber": _privacy(
        "Dit lijkt een telefoonnummer (R-PRIV-2).",
        "Ceci ressemble à un numéro de téléphone (R-PRIV-2).",
        "Dies sieht wie eine Telefonnummer aus (R-PRIV-2).",
        "This looks like a phone number (R-PRIV-2).",
    ),
    "iban": _privacy(
        "Dit lijkt een rekeningnummer (IBAN) (R-PRIV-2).",
        "Ceci ressemble à un numéro de compte (IBAN) (R-PRIV-2).",
        "Dies sieht wie eine Kontonummer (IBAN) aus (R-PRIV-2).",
        "This looks like a bank account number (IBAN) (R-PRIV-2).",
    ),
    "birthDate": _privacy(
        "Dit lijkt een geboortedatum; gebruik de leeftijdsgroep (R-PRIV-2).",
        "Ceci ressemble à une date de naissance ; utilisez la tranche d'âge (R-PRIV-2).",
        "Dies sieht wie ein Geburtsdatum aus; verwenden Sie die Altersgruppe (R-PRIV-2).",
        "This looks like a date of birth; use the age band (R-PRIV-2).",
    ),
    "streetAddress": _privacy(
        "Dit lijkt een adres; enkel de gemeente wordt bijgehouden (R-PRIV-2).",
        "Ceci ressemble à une adresse ; seule la commune est enregistrée (R-PRIV-2).",
        "Dies sieht wie eine Adresse aus; nur die Gemeinde wird erfasst (R-PRIV-2).",
        "This looks like an address; only the municipality is recorded (R-PRIV-2).",
    ),
    "licencePlate": _privacy(
        "Dit lijkt een nummerplaat (R-PRIV-2).",
        "Ceci ressemble à une plaque d'immatriculation (R-PRIV-2).",
        "Dies sieht wie ein Kennzeichen aus (R-PRIV-2).",
        "This looks like a licence plate (R-PRIV-2).",
    ),
    "socialMediaProfile": _privacy(
        "Dit lijkt een profiel op sociale media (R-PRIV-2).",
        "Ceci ressemble à un profil sur les réseaux sociaux (R-PRIV-2).",
        "Dies sieht wie ein Social-Media-Profil aus (R-PRIV-2).",
        "This looks like a social media profile (R-PRIV-2).",
    ),
}

CASES: dict[str, dict[str, str]] = {
    "tableNotConstituted": {
        "nl": "De operationele tafel is nog niet samengesteld (burgemeester of DRO, information officer, schepen van sociale zaken); zonder dat geen casuswerk (R-MEM-8).",
        "fr": "La table opérationnelle n'est pas encore constituée (bourgmestre ou DRO, information officer, échevin des affaires sociales) ; pas de travail sur les cas sans cela (R-MEM-8).",
        "de": "Der operative Tisch ist noch nicht gebildet (Bürgermeister oder DRO, Information Officer, Schöffe für Soziales); ohne ihn keine Fallarbeit (R-MEM-8).",
        "en": "The operational table is not constituted yet (mayor or DRO, information officer, alderman for social affairs); no case work without it (R-MEM-8).",
    },
    "legalBasisMissing": {
        "nl": "Casusoverleg vraagt een wettelijke basis of de toestemming van de procureur des Konings; registreer die eerst (R-PRIV-3).",
        "fr": "La concertation de cas requiert une base légale ou l'autorisation du procureur du Roi ; enregistrez-la d'abord (R-PRIV-3).",
        "de": "Fallbesprechungen brauchen eine Rechtsgrundlage oder die Zustimmung des Prokurators des Königs; erfassen Sie diese zuerst (R-PRIV-3).",
        "en": "Case consultation needs a legal basis or the prosecutor's permission; record it first (R-PRIV-3).",
    },
    "notAPartner": {
        "nl": "Casussen worden aangebracht door een partnerorganisatie van de operationele tafel, via één van haar leden (R-CASE-1).",
        "fr": "Les cas sont apportés par une organisation partenaire de la table opérationnelle, via l'un de ses membres (R-CASE-1).",
        "de": "Fälle bringt eine Partnerorganisation des operativen Tisches über eines ihrer Mitglieder ein (R-CASE-1).",
        "en": "Cases come from a partner organisation of the operational table, through one of its members (R-CASE-1).",
    },
    "ltfOnlyThroughInformationOfficer": {
        "nl": "Een casus van de LTF komt enkel via de information officer (R-CASE-1).",
        "fr": "Un cas de la LTF passe uniquement par l'information officer (R-CASE-1).",
        "de": "Ein Fall der LTF kommt nur über den Information Officer (R-CASE-1).",
        "en": "A case from the LTF comes only through the information officer (R-CASE-1).",
    },
    "municipalityOutsideCell": {
        "nl": "De persoon moet verblijven in een gemeente van deze LIVC-R (R-SCOPE-2).",
        "fr": "La personne doit résider dans une commune de cette CSIL-R (R-SCOPE-2).",
        "de": "Die Person muss in einer Gemeinde dieser LIVC-R wohnen (R-SCOPE-2).",
        "en": "The person must reside in one of this cell's municipalities (R-SCOPE-2).",
    },
    "termsNotAcknowledged": {
        "nl": "Bevestig eerst de vertrouwelijkheidsvoorwaarden van deze LIVC-R (R-PRIV-4).",
        "fr": "Confirmez d'abord les conditions de confidentialité de cette CSIL-R (R-PRIV-4).",
        "de": "Bestätigen Sie zuerst die Vertraulichkeitsbedingungen dieser LIVC-R (R-PRIV-4).",
        "en": "First acknowledge this cell's confidentiality terms (R-PRIV-4).",
    },
    "chairDecides": {
        "nl": "De tafel beslist gezamenlijk; de voorzitter legt de beslissing vast (R-CASE-6).",
        "fr": "La table décide ensemble ; le président enregistre la décision (R-CASE-6).",
        "de": "Der Tisch entscheidet gemeinsam; der Vorsitz hält die Entscheidung fest (R-CASE-6).",
        "en": "The table decides jointly; the chair records the decision (R-CASE-6).",
    },
    "onlyInformationOfficerAddsCards": {
        "nl": "Enkel de information officer deelt informatiekaarten van het OCAD (R-INFO-1).",
        "fr": "Seul l'information officer partage les cartes d'information de l'OCAM (R-INFO-1).",
        "de": "Nur der Information Officer teilt Informationskarten des OCAM (R-INFO-1).",
        "en": "Only the information officer shares OCAD information cards (R-INFO-1).",
    },
    "cardMustBeNonClassified": {
        "nl": "Een informatiekaart bevat enkel niet-geclassificeerde informatie; bevestig dat (R-INFO-1).",
        "fr": "Une carte d'information ne contient que des informations non classifiées ; confirmez-le (R-INFO-1).",
        "de": "Eine Informationskarte enthält nur nicht eingestufte Informationen; bestätigen Sie dies (R-INFO-1).",
        "en": "An information card holds non-classified information only; attest it (R-INFO-1).",
    },
    "actionOutsidePartners": {
        "nl": "Een actie wordt gedragen door een partner die aan deze casus deelneemt, binnen zijn eigen werkveld (R-CASE-8).",
        "fr": "Une action est portée par un partenaire qui participe à ce cas, dans son propre domaine (R-CASE-8).",
        "de": "Eine Maßnahme trägt ein an diesem Fall beteiligter Partner in seinem eigenen Bereich (R-CASE-8).",
        "en": "An action is carried by a partner taking part in this case, within its own field (R-CASE-8).",
    },
    "planExists": {
        "nl": "Deze casus heeft al een opvolgingsplan (R-CASE-8).",
        "fr": "Ce cas a déjà un plan de suivi (R-CASE-8).",
        "de": "Dieser Fall hat bereits einen Begleitplan (R-CASE-8).",
        "en": "This case already has a follow-up plan (R-CASE-8).",
    },
    "planNeedsFollowUp": {
        "nl": "Een opvolgingsplan hoort bij een weerhouden casus in opvolging of evaluatie (R-CASE-8).",
        "fr": "Un plan de suivi concerne un cas retenu, en suivi ou en évaluation (R-CASE-8).",
        "de": "Ein Begleitplan gehört zu einem angenommenen Fall in Begleitung oder Evaluation (R-CASE-8).",
        "en": "A follow-up plan belongs to a retained case in follow-up or evaluation (R-CASE-8).",
    },
    "outOfOrderTransition": {
        "nl": "Deze stap volgt niet op '{from}': aanmelding, dossiervorming, weging, aanpak, evaluatie en afsluiting volgen elkaar op (R-CASE-5).",
        "fr": "Cette étape ne suit pas « {from} » : signalement, constitution du dossier, pesée, prise en charge, évaluation et clôture se suivent (R-CASE-5).",
        "de": "Dieser Schritt folgt nicht auf „{from}“: Meldung, Aktenbildung, Abwägung, Begleitung, Evaluation und Abschluss folgen aufeinander (R-CASE-5).",
        "en": "This step does not follow '{from}': registration, file building, weighing, follow-up, evaluation and closure come in order (R-CASE-5).",
    },
    "transitionBeforePrevious": {
        "nl": "Een stap kan niet vóór de vorige liggen (R-CASE-5).",
        "fr": "Une étape ne peut précéder la précédente (R-CASE-5).",
        "de": "Ein Schritt kann nicht vor dem vorigen liegen (R-CASE-5).",
        "en": "A step cannot come before the previous one (R-CASE-5).",
    },
    "caseClosed": {
        "nl": "Deze casus is afgesloten voor elke partner; enkel een nieuwe aanmelding met nieuwe signalen kan de zaak terugbrengen (R-CASE-6).",
        "fr": "Ce cas est clôturé pour chaque partenaire ; seul un nouveau signalement avec de nouveaux signaux peut le ramener (R-CASE-6).",
        "de": "Dieser Fall ist für alle Partner abgeschlossen; nur eine neue Meldung mit neuen Signalen kann ihn zurückbringen (R-CASE-6).",
        "en": "This case is closed for every partner; only a new submission with new signals can bring the matter back (R-CASE-6).",
    },
    "assessmentsNotFavourable": {
        "nl": "Opvolging door de LIVC-R vraagt drie gunstige inschattingen; beslis anders tot doorverwijzing naar de LTF (R-CASE-7).",
        "fr": "Le suivi par la CSIL-R requiert trois évaluations favorables ; sinon, décidez un renvoi vers la LTF (R-CASE-7).",
        "de": "Die Begleitung durch die LIVC-R verlangt drei günstige Einschätzungen; sonst entscheiden Sie die Verweisung an die LTF (R-CASE-7).",
        "en": "Follow-up by the cell needs three favourable assessments; otherwise decide to refer to the LTF (R-CASE-7).",
    },
    "priorHandlingRequired": {
        "nl": "Beschrijf wat uw organisatie zelf al deed (minstens {min} tekens, R-CASE-2).",
        "fr": "Décrivez ce que votre organisation a déjà fait (au moins {min} caractères, R-CASE-2).",
        "de": "Beschreiben Sie, was Ihre Organisation bereits getan hat (mindestens {min} Zeichen, R-CASE-2).",
        "en": "Describe what your organisation already did itself (at least {min} characters, R-CASE-2).",
    },
    "assessmentRequired": {
        "nl": "Geef uw professionele inschatting (minstens {min} tekens, R-CASE-2).",
        "fr": "Donnez votre évaluation professionnelle (au moins {min} caractères, R-CASE-2).",
        "de": "Geben Sie Ihre fachliche Einschätzung (mindestens {min} Zeichen, R-CASE-2).",
        "en": "Give your professional assessment (at least {min} characters, R-CASE-2).",
    },
    "signalRequired": {
        "nl": "Voeg minstens één gedateerd, objectief signaal toe (R-CASE-2).",
        "fr": "Ajoutez au moins un signal daté et objectif (R-CASE-2).",
        "de": "Fügen Sie mindestens ein datiertes, objektives Signal hinzu (R-CASE-2).",
        "en": "Add at least one dated, objective signal (R-CASE-2).",
    },
    "signalInFuture": {
        "nl": "Een signaal kan niet in de toekomst liggen.",
        "fr": "Un signal ne peut pas être dans le futur.",
        "de": "Ein Signal kann nicht in der Zukunft liegen.",
        "en": "A signal cannot lie in the future.",
    },
    "ltfMustStateFollowUp": {
        "nl": "Een casus van de LTF vermeldt welke opvolging ze van de LIVC-R vraagt; de cel is geen restcategorie (R-CASE-3).",
        "fr": "Un cas de la LTF précise le suivi demandé à la CSIL-R ; la cellule n'est pas une catégorie résiduelle (R-CASE-3).",
        "de": "Ein Fall der LTF nennt die von der LIVC-R erbetene Begleitung; die Zelle ist keine Restkategorie (R-CASE-3).",
        "en": "A case from the LTF states what follow-up it asks of the cell; the cell is not a residual category (R-CASE-3).",
    },
    "initialProblemRequired": {
        "nl": "Kies minstens één initiële problematiek (R-CASE-4).",
        "fr": "Choisissez au moins une problématique initiale (R-CASE-4).",
        "de": "Wählen Sie mindestens eine Ausgangsproblematik (R-CASE-4).",
        "en": "Choose at least one initial problem (R-CASE-4).",
    },
    "referenceHolderStays": {
        "nl": "De referentiehouder blijft bij de casus: die kent de identiteit (R-PRIV-1).",
        "fr": "Le détenteur de référence reste lié au cas : il connaît l'identité (R-PRIV-1).",
        "de": "Der Referenzhalter bleibt beim Fall: Er kennt die Identität (R-PRIV-1).",
        "en": "The reference holder stays on the case: it keeps the identity (R-PRIV-1).",
    },
}
