"""The standard trajectories every cell starts with (R-CASE-8 "gestandaardiseerde scenario's")."""

from __future__ import annotations

import uuid
from datetime import datetime

from domain.cases.model import TemplateStep, TrajectoryTemplate

# Shipped with every cell; the chair adds the cell's own.
DEFAULT_TEMPLATES: dict[str, tuple[tuple[str, int], ...]] = {
    "Schoolse en gezinsondersteuning / School and family support": (
        ("Gesprek met leerling en ouders door het CLB", 7),
        ("Afspraken met de school over begeleiding en aanwezigheid", 14),
        ("Gezinsondersteuning aanbieden (CAW / jeugdhulp)", 21),
        ("Tussentijdse evaluatie aan tafel", 60),
    ),
    "Werk- en opleidingstraject / Work and training path": (
        ("Intake bij VDAB of werkwinkel", 10),
        ("Opleidings- of werkervaringstraject starten", 30),
        ("Opvolgingsgesprek met de trajectbegeleider", 60),
        ("Tussentijdse evaluatie aan tafel", 90),
    ),
    "Psychosociale ondersteuning / Psychosocial support": (
        ("Aanmelding bij de geestelijke gezondheidszorg", 7),
        ("Eerste gesprek met de hulpverlener", 21),
        ("Sociaal netwerk versterken (jeugdwerk, sport, vrije tijd)", 45),
        ("Tussentijdse evaluatie aan tafel", 60),
    ),
}


def default_templates(cell_id: uuid.UUID, now: datetime) -> list[TrajectoryTemplate]:
    return [
        TrajectoryTemplate(
            uuid.uuid4(),
            cell_id,
            name,
            tuple(TemplateStep(text, offset) for text, offset in steps),
            now,
        )
        for name, steps in DEFAULT_TEMPLATES.items()
    ]
