"""Messages of webhooks: refused receiver URLs (SSRF guard) and the per-cell limit."""

from __future__ import annotations

WEBHOOKS: dict[str, dict[str, str]] = {
    "webhookUrlInvalid": {
        "nl": "Dit is geen bruikbaar webhookadres: gebruik https://host/pad, zonder gebruikersnaam, wachtwoord of fragment.",
        "fr": "Cette adresse de webhook n'est pas utilisable : utilisez https://hôte/chemin, sans nom d'utilisateur, mot de passe ni fragment.",
        "de": "Diese Webhook-Adresse ist nicht verwendbar: Verwenden Sie https://host/pfad, ohne Benutzername, Passwort oder Fragment.",
        "en": "This webhook address cannot be used: use https://host/path, without user name, password or fragment.",
    },
    "webhookUrlNotHttps": {
        "nl": "Een webhookadres moet met https:// beginnen.",
        "fr": "Une adresse de webhook doit commencer par https://.",
        "de": "Eine Webhook-Adresse muss mit https:// beginnen.",
        "en": "A webhook address must start with https://.",
    },
    "webhookUrlNotPublic": {
        "nl": "Dit adres verwijst naar een intern of privénetwerk; Tafel stuurt webhooks alleen naar publieke adressen.",
        "fr": "Cette adresse désigne un réseau interne ou privé ; Tafel n'envoie des webhooks qu'à des adresses publiques.",
        "de": "Diese Adresse verweist auf ein internes oder privates Netz; Tafel sendet Webhooks nur an öffentliche Adressen.",
        "en": "This address points to an internal or private network; Tafel sends webhooks to public addresses only.",
    },
    "webhookUrlUnresolvable": {
        "nl": "De hostnaam van dit adres bestaat niet of kan niet worden opgezocht.",
        "fr": "Le nom d'hôte de cette adresse n'existe pas ou ne peut pas être résolu.",
        "de": "Der Hostname dieser Adresse existiert nicht oder kann nicht aufgelöst werden.",
        "en": "The host name of this address does not exist or cannot be resolved.",
    },
    "tooManyWebhooks": {
        "nl": "Een cel kan hoogstens {limit} webhooks hebben. Verwijder er eerst een.",
        "fr": "Une cellule peut avoir au plus {limit} webhooks. Supprimez-en d'abord un.",
        "de": "Eine Zelle kann höchstens {limit} Webhooks haben. Löschen Sie zuerst einen.",
        "en": "A cell can have at most {limit} webhooks. Delete one first.",
    },
}
