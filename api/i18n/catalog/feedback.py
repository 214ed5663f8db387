"""Messages of the feedback form (terugkoppelingsfiche)."""

from __future__ import annotations

FEEDBACK: dict[str, dict[str, str]] = {
    "invalidFeedbackContent": {
        "nl": "De terugkoppelingsfiche is onvolledig (R-FB-1).",
        "fr": "La fiche de retour est incomplète (R-FB-1).",
        "de": "Der Rückmeldebogen ist unvollständig (R-FB-1).",
        "en": "The feedback form is incomplete (R-FB-1).",
    },
    "objectionReasonRequired": {
        "nl": "Een bezwaar vermeldt zijn reden (R-FB-2).",
        "fr": "Une objection indique sa raison (R-FB-2).",
        "de": "Ein Einwand nennt seinen Grund (R-FB-2).",
        "en": "An objection states its reason (R-FB-2).",
    },
    "notEffectivelyParticipating": {
        "nl": "Enkel de leden die effectief deelnemen aan de vergadering die de fiche bespreekt, keuren haar goed (R-FB-2).",
        "fr": "Seuls les membres qui participent effectivement à la réunion qui discute la fiche l'approuvent (R-FB-2).",
        "de": "Nur die Mitglieder, die tatsächlich an der Sitzung teilnehmen, die den Bogen bespricht, genehmigen ihn (R-FB-2).",
        "en": "Only the members effectively participating in the meeting that discusses the form approve it (R-FB-2).",
    },
    "consensusNotReached": {
        "nl": "Nog geen consensus: {awaiting} aanwezige leden keurden deze versie (nog) niet goed, {objections} bezwaar/bezwaren (R-FB-2). Er is geen meerderheidsregel.",
        "fr": "Pas encore de consensus : {awaiting} membres présents n'ont pas (encore) approuvé cette version, {objections} objection(s) (R-FB-2). Il n'y a pas de règle de majorité.",
        "de": "Noch kein Konsens: {awaiting} anwesende Mitglieder haben diese Version (noch) nicht genehmigt, {objections} Einwand/Einwände (R-FB-2). Es gibt keine Mehrheitsregel.",
        "en": "No consensus yet: {awaiting} present members have not (yet) approved this version, {objections} objection(s) (R-FB-2). There is no majority rule.",
    },
    "informationOfficerOnly": {
        "nl": "Enkel de information officer maakt de fiche over aan de LTF en draagt daarvoor de eindverantwoordelijkheid (R-FB-3).",
        "fr": "Seul l'information officer transmet la fiche à la LTF et en porte la responsabilité finale (R-FB-3).",
        "de": "Nur der Information Officer übermittelt den Bogen an die LTF und trägt dafür die Endverantwortung (R-FB-3).",
        "en": "Only the information officer transmits the form to the LTF and carries final responsibility for it (R-FB-3).",
    },
    "alreadyTransmitted": {
        "nl": "Deze fiche is al overgemaakt (R-FB-3).",
        "fr": "Cette fiche a déjà été transmise (R-FB-3).",
        "de": "Dieser Bogen wurde bereits übermittelt (R-FB-3).",
        "en": "This form has already been transmitted (R-FB-3).",
    },
    "feedbackFormFrozen": {
        "nl": "Een overgemaakte fiche verandert niet meer (R-FB-3).",
        "fr": "Une fiche transmise ne change plus (R-FB-3).",
        "de": "Ein übermittelter Bogen ändert sich nicht mehr (R-FB-3).",
        "en": "A transmitted form no longer changes (R-FB-3).",
    },
    "unchangedContent": {
        "nl": "Deze versie is gelijk aan de huidige; er werd niets opgeslagen.",
        "fr": "Cette version est identique à l'actuelle ; rien n'a été enregistré.",
        "de": "Diese Version gleicht der aktuellen; es wurde nichts gespeichert.",
        "en": "This version equals the current one; nothing was saved.",
    },
    "feedbackFormVersionNotFound": {
        "nl": "Deze versie van de fiche bestaat niet.",
        "fr": "Cette version de la fiche n'existe pas.",
        "de": "Diese Version des Bogens existiert nicht.",
        "en": "This version of the form does not exist.",
    },
    "openFeedbackFormExists": {
        "nl": "Er is al een fiche in opmaak voor deze casus.",
        "fr": "Une fiche est déjà en préparation pour ce cas.",
        "de": "Für diesen Fall ist bereits ein Bogen in Bearbeitung.",
        "en": "A form is already being drafted for this case.",
    },
    "caseNotInFollowUp": {
        "nl": "Een terugkoppelingsfiche hoort bij een casus in opvolging of evaluatie.",
        "fr": "Une fiche de retour concerne un cas en suivi ou en évaluation.",
        "de": "Ein Rückmeldebogen gehört zu einem Fall in Begleitung oder Evaluation.",
        "en": "A feedback form belongs to a case in follow-up or evaluation.",
    },
    "formNotOnAgenda": {
        "nl": "De fiche wordt goedgekeurd op een vergadering in zitting die haar op de agenda heeft (R-FB-2).",
        "fr": "La fiche est approuvée lors d'une réunion en séance qui l'a à l'ordre du jour (R-FB-2).",
        "de": "Der Bogen wird in einer eröffneten Sitzung genehmigt, die ihn auf der Tagesordnung hat (R-FB-2).",
        "en": "The form is approved in a meeting in session that has it on its agenda (R-FB-2).",
    },
    "idempotencyKeyReused": {
        "nl": "Deze Idempotency-Key werd al gebruikt voor een andere aanvraag.",
        "fr": "Cette Idempotency-Key a déjà servi pour une autre requête.",
        "de": "Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.",
        "en": "This Idempotency-Key was already used for a different request.",
    },
    "required": {
        "nl": "Dit veld is verplicht.",
        "fr": "Ce champ est obligatoire.",
        "de": "Dieses Feld ist erforderlich.",
        "en": "This field is required.",
    },
    "tooLong": {
        "nl": "Hoogstens {maxLength} tekens.",
        "fr": "Au plus {maxLength} caractères.",
        "de": "Höchstens {maxLength} Zeichen.",
        "en": "At most {maxLength} characters.",
    },
    "invalid": {
        "nl": "Deze waarde is ongeldig.",
        "fr": "Cette valeur n'est pas valable.",
        "de": "Dieser Wert ist ungültig.",
        "en": "This value is not valid.",
    },
    "outOfRange": {
        "nl": "Een score van {min} tot {max}.",
        "fr": "Un score de {min} à {max}.",
        "de": "Eine Punktzahl von {min} bis {max}.",
        "en": "A score from {min} to {max}.",
    },
    "integerRequired": {
        "nl": "Een geheel getal.",
        "fr": "Un nombre entier.",
        "de": "Eine ganze Zahl.",
        "en": "A whole number.",
    },
    "booleanRequired": {
        "nl": "Ja of nee.",
        "fr": "Oui ou non.",
        "de": "Ja oder nein.",
        "en": "Yes or no.",
    },
}
