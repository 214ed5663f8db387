"""Messages of identity and access."""

from __future__ import annotations

IDENTITY: dict[str, dict[str, str]] = {
    "invalidCredentials": {
        "nl": "Het e-mailadres, het wachtwoord of de code klopt niet.",
        "fr": "L'adresse e-mail, le mot de passe ou le code est incorrect.",
        "de": "Die E-Mail-Adresse, das Passwort oder der Code ist falsch.",
        "en": "The e-mail address, password or code is not correct.",
    },
    "noAccessToken": {
        "nl": "Meld u aan om verder te gaan.",
        "fr": "Connectez-vous pour continuer.",
        "de": "Melden Sie sich an, um fortzufahren.",
        "en": "Log in to continue.",
    },
    "invalidAccessToken": {
        "nl": "Uw sessie is niet (meer) geldig. Meld u opnieuw aan.",
        "fr": "Votre session n'est pas (ou plus) valable. Reconnectez-vous.",
        "de": "Ihre Sitzung ist nicht (mehr) gültig. Melden Sie sich erneut an.",
        "en": "Your session is not (or no longer) valid. Log in again.",
    },
    "expiredAccessToken": {
        "nl": "Uw sessie is verlopen. Meld u opnieuw aan.",
        "fr": "Votre session a expiré. Reconnectez-vous.",
        "de": "Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an.",
        "en": "Your session has expired. Log in again.",
    },
    "tooManyFailedRequests": {
        "nl": "Te veel mislukte pogingen. Probeer het over {retryAfterSec} seconden opnieuw.",
        "fr": "Trop de tentatives échouées. Réessayez dans {retryAfterSec} secondes.",
        "de": "Zu viele fehlgeschlagene Versuche. Versuchen Sie es in {retryAfterSec} Sekunden erneut.",
        "en": "Too many failed attempts. Try again in {retryAfterSec} seconds.",
    },
    "passwordChangeRequired": {
        "nl": "Kies eerst een nieuw wachtwoord.",
        "fr": "Choisissez d'abord un nouveau mot de passe.",
        "de": "Wählen Sie zuerst ein neues Passwort.",
        "en": "Choose a new password first.",
    },
    "secondFactorAlreadyEnrolled": {
        "nl": "Voor dit account is al een tweede factor ingesteld.",
        "fr": "Un second facteur est déjà configuré pour ce compte.",
        "de": "Für dieses Konto ist bereits ein zweiter Faktor eingerichtet.",
        "en": "A second factor is already set up for this account.",
    },
    "missingScope": {
        "nl": "Deze client heeft de scope {scope} niet.",
        "fr": "Ce client n'a pas le scope {scope}.",
        "de": "Dieser Client hat den Scope {scope} nicht.",
        "en": "This client lacks the scope {scope}.",
    },
    "emailAlreadyUsed": {
        "nl": "Er bestaat al een account met dit e-mailadres.",
        "fr": "Un compte existe déjà avec cette adresse e-mail.",
        "de": "Es gibt bereits ein Konto mit dieser E-Mail-Adresse.",
        "en": "An account with this e-mail address already exists.",
    },
    "passwordTooShort": {
        "nl": "Het wachtwoord moet minstens {min} tekens lang zijn.",
        "fr": "Le mot de passe doit comporter au moins {min} caractères.",
        "de": "Das Passwort muss mindestens {min} Zeichen lang sein.",
        "en": "The password must be at least {min} characters long.",
    },
    "passwordTooLong": {
        "nl": "Het wachtwoord mag hoogstens {max} tekens lang zijn.",
        "fr": "Le mot de passe peut comporter au plus {max} caractères.",
        "de": "Das Passwort darf höchstens {max} Zeichen lang sein.",
        "en": "The password may be at most {max} characters long.",
    },
    "passwordContainsEmail": {
        "nl": "Het wachtwoord mag uw e-mailadres niet bevatten.",
        "fr": "Le mot de passe ne peut pas contenir votre adresse e-mail.",
        "de": "Das Passwort darf Ihre E-Mail-Adresse nicht enthalten.",
        "en": "The password must not contain your e-mail address.",
    },
    "passwordTooSimple": {
        "nl": "Het wachtwoord is te eenvoudig.",
        "fr": "Le mot de passe est trop simple.",
        "de": "Das Passwort ist zu einfach.",
        "en": "The password is too simple.",
    },
    "passwordUnchanged": {
        "nl": "Het nieuwe wachtwoord moet verschillen van het huidige.",
        "fr": "Le nouveau mot de passe doit être différent de l'actuel.",
        "de": "Das neue Passwort muss sich vom aktuellen unterscheiden.",
        "en": "The new password must differ from the current one.",
    },
}
