"""The library detector behind R-PRIV-2, kind by kind: what it must find and what it must let pass.

R-PRIV-1 forbids storing identifiers of the discussed persons; R-PRIV-2 finds them in free text.
National register and BIS numbers are built here with their mod-97 check (both century rules), so
every number is fictitious and valid by construction.
"""

from __future__ import annotations

import pytest

from adapters.privacy.detector import LibraryIdentifierDetector
from domain.privacy import IdentifierDetector, IdentifierKind, PrivacyGuard
from domain.shared.errors import InvalidInput

K = IdentifierKind
DETECTOR = LibraryIdentifierDetector()


def _found(text: str) -> list[tuple[str, str]]:
    """(kind, matched text) for every merged finding, as the guard reports them."""
    return [(f.kind.value, text[f.start : f.end]) for f in PrivacyGuard(DETECTOR).scan(text)]


def _national_number(born: int, month: int, day: int, serial: int, check_delta: int = 0) -> str:
    """YYMMDDSSSCC with CC = 97 - (YYMMDDSSS mod 97), prefixed with 2 for births from 2000."""
    body = f"{born % 100:02d}{month:02d}{day:02d}{serial:03d}"
    base = int(body) + (2_000_000_000 if born >= 2000 else 0)
    check = (97 - base % 97 + check_delta - 1) % 97 + 1
    return f"{body}{check:02d}"


def _dotted(digits: str) -> str:
    return f"{digits[:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:]}"


class TestNationalRegisterNumber:
    @pytest.mark.parametrize(
        "number",
        ["85.07.30-033.28", "85073003328", "85 07 30 033 28", "850730-033-28", "85.07.30-033 28"],
    )
    def test_r_priv_2_finds_the_formats_people_type(self, number: str) -> None:
        assert _found(f"RRN jongere: {number}, aangemeld door CLB.") == [
            ("nationalRegisterNumber", number)
        ]

    def test_r_priv_2_uses_the_2000_rule_for_people_born_from_2000(self) -> None:
        number = _national_number(2005, 3, 14, 123)
        old_rule_check = 97 - int(number[:9]) % 97
        assert int(number[9:]) != old_rule_check  # only the "2" prefix makes this one valid
        assert _found(f"INSZ {_dotted(number)}.") == [("nationalRegisterNumber", _dotted(number))]

    def test_r_priv_2_uses_the_1900_rule_for_people_born_before_2000(self) -> None:
        number = _national_number(1979, 6, 21, 402)
        assert _found(f"Vader, RRN {number}") == [("nationalRegisterNumber", number)]

    def test_r_priv_2_accepts_an_unknown_birth_month(self) -> None:
        number = _national_number(1990, 0, 0, 17)
        assert _found(f"RRN {number}") == [("nationalRegisterNumber", number)]

    @pytest.mark.parametrize("born", [1985, 2005])
    def test_r_priv_2_lets_a_failing_checksum_pass(self, born: int) -> None:
        for delta in (1, 2, 50):
            number = _dotted(_national_number(born, 7, 30, 33, check_delta=delta))
            assert _found(f"Referentie {number} klopt niet.") == []

    def test_r_priv_2_lets_a_random_eleven_digit_number_pass(self) -> None:
        assert _found("Dossier 12345678901 bij de jeugdrechtbank.") == []


class TestBisNumber:
    @pytest.mark.parametrize(("offset", "born"), [(20, 1988), (40, 1975), (20, 2004), (40, 2010)])
    def test_r_priv_2_finds_bis_numbers_with_month_plus_20_or_40(
        self, offset: int, born: int
    ) -> None:
        number = _dotted(_national_number(born, 3 + offset, 14, 201))
        assert _found(f"Bisnummer {number} (Fedasil).") == [("bisNumber", number)]

    def test_r_priv_2_lets_a_bis_number_with_a_failing_checksum_pass(self) -> None:
        number = _dotted(_national_number(1988, 23, 14, 201, check_delta=3))
        assert _found(f"Numéro BIS {number}.") == []


class TestIban:
    @pytest.mark.parametrize(
        "number",
        [
            "BE68 5390 0754 7034",
            "BE68539007547034",
            "be68 5390 0754 7034",
            "NL91 ABNA 0417 1643 00",
            "FR76 3000 6000 0112 3456 7890 189",
            "DE89 3704 0044 0532 0130 00",
        ],
    )
    def test_r_priv_2_finds_valid_ibans(self, number: str) -> None:
        assert _found(f"Huur betaald op {number} via de moeder.") == [("iban", number)]

    def test_r_priv_2_stops_at_the_end_of_the_iban(self) -> None:
        assert _found("IBAN BE68 5390 0754 7034 OVER") == [("iban", "BE68 5390 0754 7034")]

    @pytest.mark.parametrize("number", ["BE68 5390 0754 7035", "NL91 ABNA 0417 1643 01", "BE12 3"])
    def test_r_priv_2_lets_a_failing_checksum_pass(self, number: str) -> None:
        assert _found(f"Rekening {number} op het formulier.") == []


class TestEmail:
    @pytest.mark.parametrize(
        "address", ["lina.v@example.com", "Jonas.DW@Example.be", "karim_b [at] example.com"]
    )
    def test_r_priv_2_finds_addresses(self, address: str) -> None:
        assert _found(f"Contact: {address}.") == [("email", address)]

    @pytest.mark.parametrize("text", ["@CLB graag opvolgen.", "Mail naar het CLB sturen."])
    def test_r_priv_2_lets_mentions_and_prose_pass(self, text: str) -> None:
        assert _found(text) == []


class TestPhoneNumber:
    @pytest.mark.parametrize(
        "number",
        [
            "0470 12 34 56",
            "+32 470 12 34 56",
            "0032470123456",
            "0470/12.34.56",
            "02 123 45 67",
            "09/123.45.67",
            "+32 2 123 45 67",
            "+31 6 12345678",
            "+33 6 12 34 56 78",
            "+212 6 12 34 56 78",
        ],
    )
    def test_r_priv_2_finds_belgian_and_international_numbers(self, number: str) -> None:
        assert _found(f"Gsm moeder: {number}, na 18u.") == [("phoneNumber", number)]

    @pytest.mark.parametrize(
        "text",
        [
            "Casus K-2026-7QF3 besproken.",
            "Signaal van 12/03/2026 en van 12.03.2026.",
            "In 2026 daalde het verzuim tot 35 %.",
            "Overleg om 14u30, tussen 09:00-12:00.",
            "Schooljaar 2025-2026, 1200 leerlingen, € 1.250.000.",
            "KBO 0123.456.749 van de vzw.",
            "PV AN.12.L3.012345/2026 en dossier 123456789.",
        ],
    )
    def test_r_priv_2_lets_codes_dates_and_counts_pass(self, text: str) -> None:
        assert _found(text) == []


class TestBirthDate:
    @pytest.mark.parametrize(
        ("text", "date"),
        [
            ("Jongere, geboren op 3 maart 2009, 5de jaar.", "3 maart 2009"),
            ("Geboortedatum: 03/03/2009.", "03/03/2009"),
            ("Betrokkene (°03.03.2009) woont bij oma.", "03.03.2009"),
            ("Né le 3 mars 2009 à Liège.", "3 mars 2009"),
            ("Elle est née le 1er juin 2008.", "1er juin 2008"),
            ("Date de naissance : 2009-03-03.", "2009-03-03"),
            ("Geboren am 3. März 2009 in Eupen.", "3. März 2009"),
            ("Born on 3 March 2009.", "3 March 2009"),
            ("Date of birth: March 3, 2009.", "March 3, 2009"),
            ("DOB 3/3/09.", "3/3/09"),
        ],
    )
    def test_r_priv_2_finds_a_date_presented_as_a_birth_date(self, text: str, date: str) -> None:
        assert _found(text) == [("birthDate", date)]

    @pytest.mark.parametrize(
        "text",
        [
            "Signal of 12/03/2026, meeting on 5 May.",
            "Geboren in 2009, signaal op 12/03/2026.",
            "Il est né en mars 2009.",
            "Dossier n° 12/03/2026.",
        ],
    )
    def test_r_priv_2_lets_other_dates_pass(self, text: str) -> None:
        assert _found(text) == []


class TestStreetAddress:
    @pytest.mark.parametrize(
        ("text", "address"),
        [
            ("Woont in de Kerkstraat 12.", "Kerkstraat 12"),
            ("Adres: Brusselsesteenweg 345 bus 2.", "Brusselsesteenweg 345 bus 2"),
            ("Habite rue de la Loi 16.", "rue de la Loi 16"),
            ("Avenue Louise 54 bus 3 à Ixelles.", "Avenue Louise 54 bus 3"),
            ("Il loge au 27 rue des Tanneurs.", "27 rue des Tanneurs"),
            ("Wohnt in der Bahnhofstraße 7.", "Bahnhofstraße 7"),
            ("Lives at 221 Baker Street.", "221 Baker Street"),
            ("Verhuisd naar 9000 Gent.", "9000 Gent"),
            ("Déménagé à 1000 Bruxelles.", "1000 Bruxelles"),
            ("Adres: Meir 50.", "Meir 50"),
        ],
    )
    def test_r_priv_2_finds_streets_and_postcodes(self, text: str, address: str) -> None:
        assert _found(text) == [("streetAddress", address)]

    @pytest.mark.parametrize(
        "text",
        [
            "Meeting room 3 is gereserveerd.",
            "In 2026 Gent held a prevention day.",
            "Hij zit op straat 3 avonden per week.",
            "Il y a de la place pour 3 jeunes.",
            "Zie art. 1382 Burgerlijk Wetboek.",
            "De jongere woont in Gent.",
        ],
    )
    def test_r_priv_2_lets_rooms_years_and_towns_pass(self, text: str) -> None:
        assert _found(text) == []


class TestLicencePlate:
    @pytest.mark.parametrize("plate", ["1-ABC-123", "1ABC123", "1 ABC 123", "ABC-123", "123-ABC"])
    def test_r_priv_2_finds_belgian_plates(self, plate: str) -> None:
        assert _found(f"Wagen met plaat {plate} gezien.") == [("licencePlate", plate)]

    @pytest.mark.parametrize("text", ["Actie REF-123 afgerond.", "Casus K-2026-7QF3.", "1 op 100"])
    def test_r_priv_2_lets_references_pass(self, text: str) -> None:
        assert _found(text) == []


class TestSocialMediaProfile:
    @pytest.mark.parametrize(
        ("text", "profile"),
        [
            ("Zie facebook.com/karim.b.1979 voor zijn posts.", "facebook.com/karim.b.1979"),
            (
                "Profiel https://www.instagram.com/jonas_x09/.",
                "https://www.instagram.com/jonas_x09/",
            ),
            ("Video's op tiktok.com/@lil_j.", "tiktok.com/@lil_j"),
            ("Volgt x.com/kalief_news.", "x.com/kalief_news"),
            ("Groep t.me/broeders_licht.", "t.me/broeders_licht"),
            ("Oom: linkedin.com/in/youssef-e-123.", "linkedin.com/in/youssef-e-123"),
            ("Kanaal youtube.com/@waarheid_zoeker.", "youtube.com/@waarheid_zoeker"),
            ("Zijn Snapchat: jan.x09.", "jan.x09"),
            ("Sur TikTok, @combattant_2009 appelle à la violence.", "@combattant_2009"),
        ],
    )
    def test_r_priv_2_finds_profiles_and_handles(self, text: str, profile: str) -> None:
        assert _found(text) == [("socialMediaProfile", profile)]

    @pytest.mark.parametrize(
        "text",
        [
            "Hij bekijkt video's op TikTok en Instagram.",
            "Instagram: berichten gemeld door de school.",
            "Video youtube.com/watch?v=abc123 getoond in de klas.",
            "@IO graag natrekken.",
        ],
    )
    def test_r_priv_2_lets_platform_mentions_pass(self, text: str) -> None:
        assert _found(text) == []


def test_r_priv_2_detector_implements_the_port_and_feeds_the_guard() -> None:
    assert IdentifierDetector in type(DETECTOR).__mro__  # subclassed explicitly, per STYLE.md
    with pytest.raises(InvalidInput) as caught:
        PrivacyGuard(DETECTOR).check({"signals[0].description": "Bel 0470 12 34 56."})
    assert [(i.name, i.code) for i in caught.value.issues] == [
        ("signals[0].description", K.PHONE_NUMBER.value)
    ]
    assert "0470" not in str(caught.value)
