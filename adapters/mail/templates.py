"""Mail texts in the four languages. They never carry case content."""

from __future__ import annotations

from domain.notifications.ports import Notification

TEMPLATES: dict[str, dict[str, tuple[str, str]]] = {
    "invitation": {
        "nl": (
            "Uitnodiging voor Tafel ({cell})",
            "Beste {name},\n\n{inviter} nodigt u uit voor de LIVC-R {cell} in Tafel.\n"
            "Kies een wachtwoord via deze link (7 dagen geldig):\n{link}\n\n"
            "Daarna stelt u een tweede factor in met een authenticator-app.\n",
        ),
        "fr": (
            "Invitation à Tafel ({cell})",
            "Bonjour {name},\n\n{inviter} vous invite à la CSIL-R {cell} dans Tafel.\n"
            "Choisissez un mot de passe via ce lien (valable 7 jours) :\n{link}\n\n"
            "Vous configurerez ensuite un second facteur avec une application "
            "d'authentification.\n",
        ),
        "de": (
            "Einladung zu Tafel ({cell})",
            "Guten Tag {name},\n\n{inviter} lädt Sie zur LIVC-R {cell} in Tafel ein.\n"
            "Wählen Sie über diesen Link ein Passwort (7 Tage gültig):\n{link}\n\n"
            "Danach richten Sie einen zweiten Faktor mit einer Authenticator-App ein.\n",
        ),
        "en": (
            "Invitation to Tafel ({cell})",
            "Dear {name},\n\n{inviter} invites you to the LIVC-R {cell} in Tafel.\n"
            "Choose a password through this link (valid for 7 days):\n{link}\n\n"
            "You will then set up a second factor with an authenticator app.\n",
        ),
    },
}


def render(notification: Notification) -> tuple[str, str]:
    """Subject and body of a notification in its language (English as a fallback)."""
    translations = TEMPLATES[notification.kind]
    subject, body = translations.get(notification.language, translations["en"])
    return subject.format(**notification.params), body.format(**notification.params)
