"""Words in Dutch, French, German and English that turn a date or a number into an identifier.

Kept apart from the detector (R-PRIV-2) so the patterns stay readable, and so that a word missed
in practice is added here, in one place. Alternations are regex fragments; the tuples and sets are
compared with lower-cased words.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


def _alternation(words: list[str]) -> str:
    # Longest first, so "septembre" is tried before "sept".
    return "|".join(sorted(set(words), key=len, reverse=True))


# nl, fr, de, en, with the abbreviations people type.
MONTHS = _alternation(
    _words(
        """
        januari februari maart april mei juni juli augustus september oktober november december
        jan feb mrt apr jun jul aug sep sept okt nov dec
        janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre
        décembre decembre janv févr fév fevr avr juil oct déc
        januar jänner februar märz maerz juni juli oktober dezember
        january february march may june july october december
        """
    )
)

# An exact date: numeric (03/03/2009, 3.3.09, 2009-03-03), or written out with a day
# ("3 maart 2009", "1er mars", "3. März 2009", "March 3, 2009"). A month and year alone is not
# exact and stays allowed ("geboren in mei 2009").
EXACT_DATE = (
    r"(?:\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}\s?[./-]\s?\d{1,2}\s?[./-]\s?(?:\d{4}|\d{2})(?!\d)"
    rf"|\d{{1,2}}(?:er|ste|de|e|st|nd|rd|th|\.)?\s+(?:{MONTHS})\.?(?:\s+(?:\d{{4}}|'\d{{2}}))?"
    rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?)(?!\w)"
)

# Wording that presents a date as a birth date ("°" is handled by the detector).
BIRTH_WORDS = _alternation(
    [
        *[r"geboren", r"geb\.", r"geboortedatum", r"geb\.\s?datum", r"geboortedag", r"verjaardag"],
        *[r"né\(e\)", r"née", r"né", r"date\s+de\s+naissance", r"naissance", r"DDN"],
        *[r"geburtsdatum", r"geburtstag"],
        *[r"born", r"date\s+of\s+birth", r"birth\s?date", r"birthday", r"DOB", r"d\.o\.b\."],
    ]
)

# Compound street names: these endings are unambiguous in any case ("kerkstraat 12") ...
STREET_SUFFIXES_ANY_CASE = ("straat", "str.", "steenweg", "laan", "dreef", "straße", "strasse")
# ... these only when the word is capitalised like a name ("Vrijdagmarkt 5", "Kapelweg 4"),
# because in lower case they end ordinary words ("onderweg", "loopbaan").
STREET_SUFFIXES_CAPITALISED = tuple(
    _words(
        """
        lei plein weg kaai markt vest singel baan dijk hof pad gracht kade wegel dries ring plaats
        platz gasse allee damm street road lane
        """
    )
)
# Capitalised words that end like a street but are not one.
NOT_A_STREET = frozenset(
    _words(
        """
        onderweg halfweg loopbaan schoolloopbaan arbeidsmarkt woningmarkt gerechtshof binnenhof
        werkplaats woonplaats verblijfplaats plaats
        """
    )
)
# Street words too common to stand alone: a street only after a name ("Oude Baan 120").
SHORT_STREET_WORDS = frozenset(_words("weg baan dijk pad hof ring lane"))
# Capitalised words that can precede a short street word without naming a street.
NOT_A_STREET_NAME = frozenset(_words("de het een op in aan naar van la le the"))
# Stand-alone street words, in languages that write them apart from the name.
STREET_WORDS = _alternation(_words("street road avenue boulevard strasse straße platz"))
FRENCH_STREET_TYPES = _alternation(
    [
        *_words("rue avenue chaussée chée boulevard place square quai allée chemin impasse route"),
        *_words("drève rempart galerie passage sentier venelle parvis rond-point"),
        *[r"av\.", r"bd\.?"],
    ]
)
# Capitalised words that start a clause, not a street name ("sur place Le 3 mars").
NOT_A_NAME = _alternation(
    [
        *_words("le la les un une des du de en et il elle on ce cette the"),
        *_words("lundi mardi mercredi jeudi vendredi samedi dimanche"),
        *_words("maandag dinsdag woensdag donderdag vrijdag zaterdag zondag"),
        *_words("monday tuesday wednesday thursday friday saturday sunday"),
        *_words("janvier février mars avril mai juin juillet août septembre octobre novembre"),
        *_words("décembre january february march april may june july august"),
    ]
)
# Words that announce an address, so that a street without a street word is caught ("Meir 50").
ADDRESS_WORDS = _alternation(
    _words(
        """
        adres adresse address woont woonachtig verblijft domicilié domiciliée domicile habite
        réside wohnt
        """
    )
)

# What may follow a number that makes it a quantity rather than a house number.
UNITS_AFTER_NUMBER = _alternation(
    _words(
        """
        euro eur jaar jaren keer maal maand maanden week weken dag dagen uur u min minuten
        leerlingen jongeren personen straten huizen deuren meter
        ans an fois mois semaines semaine jours heures h élèves jeunes personnes rues maisons
        portes mètres years times months weeks days hours kg km m x
        """
    )
)

# Capitalised words after a four-digit number that are not a municipality.
NOT_A_MUNICIPALITY = frozenset(
    _words(
        """
        january february march april may june july august september october november december
        monday tuesday wednesday thursday friday saturday sunday
        maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
        lundi mardi mercredi jeudi vendredi samedi dimanche
        belgië belgie belgique nederland frankrijk france marokko maroc turkije turquie syrië
        syrie europa europe duitsland allemagne
        euro euros jahre personen het de een le la les un une in en op van sinds depuis dans voor
        na tot ook er il elle hij zij we wij nous the this dit deze dat ce cette
        """
    )
)
# A word right before a four-digit number that makes it an article, room, amount or year.
NOT_A_POSTCODE_BEFORE = frozenset(
    _words(
        """
        art art. artikel artikels article articles nr nr. n° no no. nummer numéro lokaal local
        zaal salle room kamer bureau € eur ref ref. réf réf. pv dossier kb ar wet loi § code
        jaar année year schooljaar sinds depuis since in en
        """
    )
)

# Letters of internal references that share the old plate layout ("REF-123", "ACT-004").
REFERENCE_PREFIXES = frozenset(
    _words("REF DOS ACT ART NUM VER CAS KBO BTW TVA ISO NIS INS BCE CLB PMS CAW SAJ SPJ OCM DOC")
)
VEHICLE_WORDS = _alternation(
    [
        *_words("nummerplaat kenteken wagen bestelwagen voertuig scooter brommer moto rijdt reed"),
        *_words("plaque immatricul voiture véhicule camionnette conduit roule"),
        *_words("kennzeichen fahrzeug vehicle"),
        *[r"auto\b", r"car\b", r"van\b", r"licen[cs]e\s+plate", r"number\s+plate"],
    ]
)

# Links that point at one person's account. YouTube only with a channel path: a video link names
# content, not its viewer.
SOCIAL_PROFILE_HOSTS = _alternation(
    [
        *[r"facebook\.com/", r"fb\.com/", r"fb\.me/", r"instagram\.com/", r"instagr\.am/"],
        *[r"tiktok\.com/", r"x\.com/", r"twitter\.com/", r"t\.me/", r"telegram\.me/"],
        *[r"linkedin\.com/in/", r"snapchat\.com/add/", r"discord\.gg/", r"twitch\.tv/"],
        *[r"threads\.net/", r"bsky\.app/profile/", r"youtube\.com/(?:@|c/|channel/|user/)"],
    ]
)
# Platforms after which "@name" or "Platform: name_09" is an account name.
SOCIAL_PLATFORMS = _alternation(
    [
        *_words("instagram insta tiktok snapchat snap facebook fb twitter telegram discord"),
        *[r"youtube", r"twitch", r"threads", r"bluesky", r"tik\s?tok"],
    ]
)
