#!/usr/bin/env python3
"""Regenerates the generated gazetteers of assets/ from public packages.

Usage (from the repository root):
    pip download --no-deps countryinfo==1.0.1 geotext==0.4.0 pytickersymbols==1.17.10 -d /tmp/gz
    for f in /tmp/gz/*.whl; do unzip -qo "$f" -d /tmp/gz/x; done
    apt-get install wamerican-small          # SCOWL size-35 word list
    python3 assets/scripts/build_gazetteers.py /tmp/gz/x /usr/share/dict/american-english-small

Writes assets/countries.tsv, assets/cities.tsv, assets/companies.tsv and
assets/common_words.txt. The hand-written files (organizations.tsv,
companies_curated.tsv, places_curated.tsv) are not touched.
"""
import glob
import json
import os
import re
import sys

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
    "AE": ["UAE", "U.A.E.", "Emirates"], "CD": ["DRC", "DR Congo"], "KR": ["Korea"],
    "CZ": ["Czechia"], "TW": ["Republic of China"], "VA": ["Holy See", "Vatican"],
    "NL": ["Holland", "The Netherlands"], "MM": ["Burma"], "TR": ["Türkiye", "Turkiye"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"], "PS": ["Palestinian territories"],
}
EXTRA_DEMONYMS = {
    "US": ["American", "Americans", "U.S.-led", "US-led"], "GB": ["British", "Briton", "Britons", "Brits"],
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


def countries(pkg):
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
        aliases += EXTRA_ALIASES.get(iso, [])
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
        if iso in by_iso and demonym not in taken:
            by_iso[iso][3].append(demonym)
    return [(n, i, a, uniq(d), c) for n, i, a, d, c in rows]


def cities(pkg, rows, min_population):
    iso_name = {r[1]: r[0] for r in rows}
    names = {r[0] for r in rows} | {a for r in rows for a in r[2]}
    out = {}
    for r in rows:
        if r[4]:
            out[r[4]] = (r[4], r[0], [])
    for line in open(os.path.join(pkg, "geotext", "data", "cities15000.txt"), encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 15 or not f[14].isdigit() or int(f[14]) < min_population:
            continue
        name, ascii_name, iso = f[1], f[2], f[8]
        if iso not in iso_name or name in names or name in out:
            continue
        out[name] = (name, iso_name[iso], [ascii_name] if ascii_name != name else [])
    return sorted(out.values())


LEGAL = re.compile(r"(,?\s+(Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|plc|PLC|AG|SE|N\.V\.|NV|S\.A\.|SA|"
                   r"Ltd\.?|Limited|Holdings?|Group|KGaA|& Co\.|SE & Co\.)|\s+\(.*\))+$")


def companies(pkg, common, country_names):
    sys.path.insert(0, pkg)
    from pytickersymbols.indices_data import INDICES  # noqa: E402
    out = {}
    for index in INDICES.values():
        for c in index["companies"]:
            full = c["name"].strip()
            short = LEGAL.sub("", full).strip().rstrip(",")
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


def main():
    pkg, dict_path = sys.argv[1], sys.argv[2]
    common = common_words(dict_path)
    proper = {line.strip().lower() for line in open(dict_path, encoding="utf-8")}
    with open(os.path.join(ROOT, "common_words.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(common) + "\n")
    rows = nationalities(pkg, countries(pkg))
    write_tsv("countries.tsv", ["name", "iso2", "aliases", "demonyms", "capital"], rows)
    write_tsv("cities.tsv", ["name", "country", "aliases"], cities(pkg, rows, 500_000))
    write_tsv("companies.tsv", ["name", "country", "aliases"], companies(pkg, proper, {r[0] for r in rows}))


if __name__ == "__main__":
    main()
