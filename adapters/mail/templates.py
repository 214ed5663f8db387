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
    "cadenceOverdue": {
        "nl": (
            "Tafel: de operationele tafel moet samenkomen ({cell})",
            "De operationele tafel van {cell} moest ten laatste op {due} samenkomen. "
            "Plan een vergadering in Tafel.\n",
        ),
        "fr": (
            "Tafel : la table opérationnelle doit se réunir ({cell})",
            "La table opérationnelle de {cell} devait se réunir au plus tard le {due}. "
            "Planifiez une réunion dans Tafel.\n",
        ),
        "de": (
            "Tafel: der operative Tisch muss tagen ({cell})",
            "Der operative Tisch von {cell} hätte spätestens am {due} tagen müssen. "
            "Planen Sie eine Sitzung in Tafel.\n",
        ),
        "en": (
            "Tafel: the operational table must meet ({cell})",
            "The operational table of {cell} was due to meet by {due}. Plan a meeting in Tafel.\n",
        ),
    },
    "meetingReminder": {
        "nl": (
            "Tafel: vergadering morgen ({cell})",
            "Herinnering: vergadering van {cell} op {start}, {place}.\n",
        ),
        "fr": (
            "Tafel : réunion demain ({cell})",
            "Rappel : réunion de {cell} le {start}, {place}.\n",
        ),
        "de": (
            "Tafel: Sitzung morgen ({cell})",
            "Erinnerung: Sitzung von {cell} am {start}, {place}.\n",
        ),
        "en": (
            "Tafel: meeting tomorrow ({cell})",
            "Reminder: meeting of {cell} on {start}, {place}.\n",
        ),
    },
    "actionOverdue": {
        "nl": (
            "Tafel: een actie van uw organisatie is over tijd ({cell})",
            "Een actie die uw organisatie draagt, is over tijd. Open 'Mijn acties' in Tafel.\n",
        ),
        "fr": (
            "Tafel : une action de votre organisation est en retard ({cell})",
            "Une action portée par votre organisation est en retard. "
            "Ouvrez « Mes actions » dans Tafel.\n",
        ),
        "de": (
            "Tafel: eine Maßnahme Ihrer Organisation ist überfällig ({cell})",
            "Eine Maßnahme Ihrer Organisation ist überfällig. "
            "Öffnen Sie „Meine Maßnahmen“ in Tafel.\n",
        ),
        "en": (
            "Tafel: an action of your organisation is overdue ({cell})",
            "An action your organisation carries is overdue. Open 'My actions' in Tafel.\n",
        ),
    },
}


def render(notification: Notification) -> tuple[str, str]:
    """Subject and body of a notification in its language (English as a fallback)."""
    translations = TEMPLATES[notification.kind]
    subject, body = translations.get(notification.language, translations["en"])
    return subject.format(**notification.params), body.format(**notification.params)
