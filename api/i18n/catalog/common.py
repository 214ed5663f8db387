"""Messages of the HTTP conventions themselves (Belgif problem types and input issues)."""

from __future__ import annotations

COMMON: dict[str, dict[str, str]] = {
    "badRequest": {
        "nl": "De aanvraag bevat ongeldige gegevens.",
        "fr": "La requête contient des données non valides.",
        "de": "Die Anfrage enthält ungültige Daten.",
        "en": "The request contains invalid data.",
    },
    "schemaViolation": {
        "nl": "Deze waarde voldoet niet aan het schema: {reason}",
        "fr": "Cette valeur ne respecte pas le schéma : {reason}",
        "de": "Dieser Wert entspricht nicht dem Schema: {reason}",
        "en": "This value does not match the schema: {reason}",
    },
    "unknownInput": {
        "nl": "Dit veld of deze parameter is onbekend.",
        "fr": "Ce champ ou ce paramètre est inconnu.",
        "de": "Dieses Feld oder dieser Parameter ist unbekannt.",
        "en": "This field or parameter is unknown.",
    },
    "requiredInput": {
        "nl": "Deze waarde is verplicht.",
        "fr": "Cette valeur est obligatoire.",
        "de": "Dieser Wert ist erforderlich.",
        "en": "This value is required.",
    },
    "invalidEmail": {
        "nl": "Dit e-mailadres kan geen e-mail ontvangen.",
        "fr": "Cette adresse e-mail ne peut pas recevoir de courrier.",
        "de": "An diese E-Mail-Adresse kann keine Post zugestellt werden.",
        "en": "This e-mail address cannot receive mail.",
    },
    "invalidInput": {
        "nl": "De gegevens worden geweigerd.",
        "fr": "Les données sont refusées.",
        "de": "Die Daten werden abgelehnt.",
        "en": "The data is refused.",
    },
    "resourceNotFound": {
        "nl": "Deze bron bestaat niet of u hebt er geen toegang toe.",
        "fr": "Cette ressource n'existe pas ou vous n'y avez pas accès.",
        "de": "Diese Ressource existiert nicht oder Sie haben keinen Zugriff darauf.",
        "en": "This resource does not exist or you have no access to it.",
    },
    "methodNotAllowed": {
        "nl": "Deze methode is niet toegestaan op deze bron.",
        "fr": "Cette méthode n'est pas autorisée sur cette ressource.",
        "de": "Diese Methode ist für diese Ressource nicht erlaubt.",
        "en": "This method is not allowed on this resource.",
    },
    "notAcceptable": {
        "nl": "Het gevraagde formaat kan niet geleverd worden.",
        "fr": "Le format demandé ne peut pas être fourni.",
        "de": "Das angeforderte Format kann nicht geliefert werden.",
        "en": "The requested format cannot be provided.",
    },
    "unsupportedMediaType": {
        "nl": "Dit formaat van de inhoud wordt niet ondersteund.",
        "fr": "Ce format de contenu n'est pas pris en charge.",
        "de": "Dieses Inhaltsformat wird nicht unterstützt.",
        "en": "This content type is not supported.",
    },
    "payloadTooLarge": {
        "nl": "De aanvraag is groter dan {limit} bytes.",
        "fr": "La requête dépasse {limit} octets.",
        "de": "Die Anfrage ist größer als {limit} Bytes.",
        "en": "The request is larger than {limit} bytes.",
    },
    "internalServerError": {
        "nl": "Er ging iets mis. Vermeld de trace-id als u contact opneemt.",
        "fr": "Une erreur s'est produite. Mentionnez l'identifiant de trace si vous nous contactez.",
        "de": "Ein Fehler ist aufgetreten. Nennen Sie die Trace-ID, wenn Sie uns kontaktieren.",
        "en": "Something went wrong. Quote the trace id when you contact us.",
    },
    "serviceUnavailable": {
        "nl": "De dienst is tijdelijk niet beschikbaar. Probeer het zo opnieuw.",
        "fr": "Le service est temporairement indisponible. Réessayez dans un instant.",
        "de": "Der Dienst ist vorübergehend nicht verfügbar. Bitte gleich erneut versuchen.",
        "en": "The service is temporarily unavailable. Try again shortly.",
    },
    "conflict": {
        "nl": "Dit kan niet in de huidige toestand.",
        "fr": "Ce n'est pas possible dans l'état actuel.",
        "de": "Das ist im aktuellen Zustand nicht möglich.",
        "en": "This is not possible in the current state.",
    },
    "missingPermission": {
        "nl": "U hebt geen toestemming voor deze handeling.",
        "fr": "Vous n'avez pas l'autorisation pour cette action.",
        "de": "Sie haben keine Berechtigung für diese Aktion.",
        "en": "You do not have permission for this action.",
    },
    "staleVersion": {
        "nl": "Iemand anders heeft dit intussen gewijzigd. Laad de laatste versie en probeer opnieuw.",
        "fr": "Quelqu'un d'autre l'a modifié entre-temps. Rechargez la dernière version et réessayez.",
        "de": "Jemand anderes hat dies inzwischen geändert. Laden Sie die neueste Version und versuchen Sie es erneut.",
        "en": "Someone else changed this in the meantime. Load the latest version and try again.",
    },
    "versionRequired": {
        "nl": "Vermeld in If-Match de versie die u wijzigt.",
        "fr": "Indiquez dans If-Match la version que vous modifiez.",
        "de": "Geben Sie in If-Match die Version an, die Sie ändern.",
        "en": "State the version you are changing in If-Match.",
    },
}
