"""The 16 Länder by the two-digit key of the Gemeindeverzeichnis (the first two digits of every
AGS and ARS). Plain constants without Django, so that the settings can check SHOP_LAND with them.
"""

LAND_NAMES = {
    "01": "Schleswig-Holstein",
    "02": "Hamburg",
    "03": "Niedersachsen",
    "04": "Bremen",
    "05": "Nordrhein-Westfalen",
    "06": "Hessen",
    "07": "Rheinland-Pfalz",
    "08": "Baden-Württemberg",
    "09": "Bayern",
    "10": "Saarland",
    "11": "Berlin",
    "12": "Brandenburg",
    "13": "Mecklenburg-Vorpommern",
    "14": "Sachsen",
    "15": "Sachsen-Anhalt",
    "16": "Thüringen",
}


def land_name(land: str) -> str:
    """'01' -> 'Schleswig-Holstein'; ValueError with a German message for an unknown key."""
    try:
        return LAND_NAMES[land]
    except KeyError:
        known = ", ".join(f"{key} ({name})" for key, name in LAND_NAMES.items())
        raise ValueError(
            f"Der Landesschlüssel „{land}“ ist unbekannt; bekannt sind {known}."
        ) from None
