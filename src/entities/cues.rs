//! The cue words that context rules read around and inside names: titles,
//! corporate suffixes, organisation and place heads, the nouns that announce
//! companies or people, and the verbs that say who acts.
//!
//! These are words of English news prose, not names of entities.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::LazyLock;

use super::text::last_word;
use super::wordset::{Fnv, WordSet};

/// Builds a look-up set from a word list, once.
macro_rules! word_set {
    ($list:ident) => {{
        static SET: LazyLock<WordSet> = LazyLock::new(|| $list.iter().copied().collect());
        &*SET
    }};
}

/// Titles before a personal name ("Foreign Minister Baiba Braze").
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "President", "Vice", "Minister", "Premier", "Chancellor", "Secretary", "Ambassador", "Envoy",
    "Governor", "Mayor", "Senator", "Representative", "Congressman", "Congresswoman", "Chairman",
    "Chairwoman", "Chair", "CEO", "CFO", "Director", "Commissioner", "Spokesperson", "Spokesman",
    "Spokeswoman", "General", "Admiral", "Colonel", "Lieutenant", "Sergeant", "Captain",
    "Commander", "Marshal", "King", "Queen", "Prince", "Princess", "Pope", "Sheikh", "Emperor",
    "Judge", "Justice", "Professor", "Sir", "Dame", "Lord", "Coach", "Chief", "Deputy", "Speaker",
    "Prosecutor", "Attorney", "Founder", "Manager", "Assemblyman", "Assemblywoman", "Councilman",
    "Councilwoman", "Alderman", "Alderwoman", "Councillor", "Councilor", "Councilmember",
    "Councilmembers", "Archbishop", "Executive",
    "Rabbi", "Imam", "Inspector", "Detective", "Constable", "Superintendent",
    "Sheriff", "Magistrate", "Reverend", "Treasurer", "Comptroller", "Controller", "Auditor",
    "Registrar", "Provost", "Leader", "Officer", "Corporator",
    // Indian honorifics: "Shri K. Raghava Rao", "Smt. Meena Pillai".
    "Shri", "Shrimati",
    // Members of parliaments: "Labour MP Diane Abbott", "Green MEP Caroline Lucas",
    // "Local TD Fiona Reynolds" (Ireland's Dáil), "MPP" (Ontario); councillors
    // abbreviated without a period: "Cllr Ann Dolan", and "Cr Liam Ryan" in
    // Australia and New Zealand.
    "MP", "MEP", "MSP", "MLA", "MPP", "TD", "Cllr", "Cr",
    // Nationality nouns stand where a title does: "Dutchman Arnoud Okken".
    "Dutchman", "Dutchwoman", "Englishman", "Englishwoman", "Frenchman", "Frenchwoman",
    "Irishman", "Irishwoman", "Scotsman", "Scotswoman", "Welshman", "Welshwoman",
];

/// Abbreviated titles: they count only with their period ("Gen." but not
/// the given name "Gen").
#[rustfmt::skip]
const ABBREVIATED_TITLES: &[&str] = &[
    "Sen", "Rep", "Col", "Lt", "Capt", "Prof", "Dr", "Mr", "Mrs", "Ms", "Maj", "Adm", "Gov",
    "Gen", "Sgt", "Cmdr", "Pres", "Smt",
    // British police, army and church ranks ("Det Chief Supt Mick Deats",
    // "Cpl Ann Roe", "the Revd Jo Hart").
    "Supt", "Insp", "Det", "Cpl", "Pte", "Revd",
];

/// Lower-cases the ASCII letters of `word` into `buf`, so that a word
/// capitalised by its sentence start can be looked up among the cue words
/// (all short and ASCII) without an allocation; `None` for a word longer
/// than `buf`, which is no cue word.
pub fn lowered<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    ascii_cased(word, buf, <[u8]>::make_ascii_lowercase)
}

/// Upper-cases the ASCII letters of `word` into `buf`, as [`lowered`]
/// lower-cases them: "Unicef" looked up as the acronym "UNICEF".
pub fn uppered<'b>(word: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    ascii_cased(word, buf, <[u8]>::make_ascii_uppercase)
}

fn ascii_cased<'b>(word: &str, buf: &'b mut [u8; 24], case: fn(&mut [u8])) -> Option<&'b str> {
    let out = buf.get_mut(..word.len())?;
    out.copy_from_slice(word.as_bytes());
    case(out);
    std::str::from_utf8(out).ok()
}

/// Returns true if and only if the abbreviated title `word` is one also
/// without its period, as British style writes it ("Dr Hannah Okafor",
/// "Mr Reid", "Chief Supt Deats"): none of these is a given name or a
/// word, as "Gen" is.
pub fn is_title_without_period(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Supt" | "Insp" | "Det" | "Cpl" | "Pte" | "Revd"
    )
}

/// Lower-case nouns for a person's role, right before the name ("coach
/// Damien Duff", "striker Aoife Brennan").
#[rustfmt::skip]
const ROLE_NOUNS: &[&str] = &[
    "coach", "manager", "striker", "goalkeeper", "captain", "midfielder", "defender", "player",
    "leader", "spokesperson", "spokesman", "spokeswoman", "analyst", "economist", "strategist",
    "researcher", "scientist", "professor", "physicist", "author", "writer", "journalist",
    "reporter", "columnist", "editor", "founder", "chairman", "chairwoman", "chief", "executive",
    "minister", "president", "senator", "governor", "mayor", "lawyer", "judge", "official",
    "colleague", "counterpart", "actor", "actress", "singer", "artist", "director", "ceo",
    "candidate", "councillor", "councilor", "lawmaker", "secretary", "ambassador", "envoy",
    "commander", "general", "prosecutor", "investor", "entrepreneur", "billionaire", "winger",
    "fullback", "full-back", "flanker", "scrum-half", "fly-half", "centre-back", "playmaker",
    "batsman", "bowler", "jockey", "officer", "adviser", "advisor", "surgeon", "doctor", "nurse",
    "teacher", "inspector", "detective", "campaigner", "activist", "boss", "curator",
    "historian", "archaeologist", "engineer", "farmer", "grower", "winemaker", "chef",
    "architect", "designer", "composer", "novelist", "poet", "photographer", "filmmaker",
    "lecturer", "treasurer", "chancellor", "headteacher", "headmaster", "principal", "pilot",
    "skipper", "sailor", "athlete", "sprinter", "cyclist", "boxer", "referee", "umpire",
    "paramedic", "firefighter", "epidemiologist", "biologist", "chemist", "geologist",
    "ecologist", "virologist", "student", "resident",
];

/// Role nouns whose plural lists people's names after it ("rival captains
/// Ana Ruiz and Mia Holt"); not "leaders", "investors" or "executives",
/// which list firms and countries as often.
#[rustfmt::skip]
const LISTING_ROLE_NOUNS: &[&str] = &[
    "captain", "coach", "manager", "striker", "goalkeeper", "midfielder", "defender", "player",
    "minister", "senator", "governor", "mayor", "lawmaker", "councillor", "councilor", "actor",
    "actress", "singer", "judge", "prosecutor", "ambassador", "professor", "researcher",
    "scientist", "economist", "journalist", "reporter", "author", "writer", "candidate",
];

/// The last word of a company name ("Kawasaki Heavy Industries").
#[rustfmt::skip]
const COMPANY_SUFFIXES: &[&str] = &[
    "Inc", "Incorporated", "Ltd", "Limited", "LLC", "LLP", "Corp", "Corporation", "GmbH", "AG",
    "plc", "PLC", "SA", "S.A", "NV", "N.V", "SpA", "S.p.A", "AB", "ASA", "Co", "Company", "Group",
    "Industries", "Holdings", "Holding", "Technologies", "Technology", "Motors", "Airlines",
    "Airways", "Aerospace", "Dynamics", "Robotics", "Labs", "Pharmaceuticals", "Pharma",
    "Electronics", "Enterprises", "Partners", "Ventures", "Bancorp", "Systems", "Software",
    "Semiconductor", "Networks", "Shipbuilding", "Automotive", "Studios", "Brewing", "Securities",
    "Bank", "Records", "Entertainment", "Pictures", "Energy", "Petroleum", "Mining", "Steel",
    "Chemicals", "Insurance", "Logistics", "Shipping", "Telecom", "Foods", "Plc", "Spa", "KK",
    "LP", "L.P", "Cos", "BV", "B.V", "Oy", "Oyj", "Pty", "Associates", "Capital", "Ferries",
    "Railways", "Cruises", "Breweries", "Hotels", "Resorts", "Minerals", "Metals", "Resources",
    "Therapeutics", "Biosciences", "Semiconductors", "Textiles", "Buses", "Pharmaceutical",
    "Biotech", "Investments", "Publishing", "Aviation", "Healthcare", "Solutions", "Brands",
    "Stores", "Railway", "Homes", "Mines", "Ingredients", "Commodities", "Materials", "ApS", "A/S",
    "AS", "SE", "KGaA", "SAS", "Srl", "Ltda", "Bhd", "Tbk", "Management", "Tribune", "Herald",
    "Gazette", "Chronicle", "Courier", "Inquirer", "Processors", "Processing", "Frères",
    "Freres", "JSC", "PJSC", "OJSC", "A.Ş", "AŞ", "Communications", "Telecommunications",
    "Financial", "Television", "Magazine",
    // Family firms and trades named so ("Warner Bros", "Lehman Brothers",
    // "Imperial Tobacco"), and a trade paper ("Screen Digest").
    "Bros", "Brothers", "Sons", "Tobacco", "Digest",
    // Faroese and Danish partnerships ("Føroya Laks P/F"), the Polish
    // limited company ("Kwantis Sp. z o.o.").
    "P/F", "I/S", "K/S", "Sp. z o.o",
    // Hungarian, Czech and Slovak, Balkan, Peruvian, Irish and Gulf forms
    // ("Dunavolt Energetikai Zrt.", "Kovotech s.r.o.", "Minera Andes
    // S.A.A.", "Kilbride Wind DAC", "Gulf Marine WLL").
    "Kft", "Zrt", "Nyrt", "s.r.o", "a.s", "d.o.o", "d.d", "S.A.A", "S.A.C", "S.L", "S.L.U",
    "S.R.L", "SRL", "DAC", "CLG", "ULC", "WLL", "QSC", "QPSC", "BSC", "KSCP", "SAOG", "FZE",
    "FZCO", "PAO", "OOO", "KG", "OHG", "EIRELI", "Sdn",
    // Thai public companies ("Siam Prasert Energy PCL") and Quebec's forms
    // ("Autobus Nordik Ltée", "Voie Express S.E.N.C.").
    "PCL", "Ltée", "Ltee", "S.E.N.C", "S.E.N.C.R.L", "S.E.C",
];

/// The head word of an organisation's name ("Ukraine Drone Coalition").
#[rustfmt::skip]
const ORG_HEADS: &[&str] = &[
    "Coalition", "Ministry", "Forces", "Force", "Council", "Center", "Centre", "Agency",
    "Committee", "Commission", "Navy", "Army", "Guard", "Department", "Office", "Parliament",
    "Union", "Alliance", "Organization", "Organisation", "Institute", "University", "College",
    "Party", "Court", "Service", "Services", "Police", "Fund", "Authority", "Association",
    "Federation", "League", "Bureau", "Directorate", "Assembly", "Congress", "Senate", "Cabinet",
    "Foundation", "Society", "Academy", "Movement", "Front", "Brigade", "Battalion", "Regiment",
    "Corps", "Command", "Secretariat", "Tribunal", "Board", "Inspectorate", "Observatory",
    "Hospital", "School", "Club", "Initiative", "Chamber", "Survey", "Trust", "Institution",
    "Administration", "Clinic", "Institutes", "Museum", "Museums", "Gallery", "Galleries",
    "United", "Athletic", "Rovers", "Wanderers", "FC", "AFC", "RFC", "GAA", "Exchange",
    "Democrats", "Laboratory", "Unit", "Division", "Guild", "Community", "Diocese",
    "Archdiocese", "Programme", "Confederation", "Library", "Libraries", "Consortium",
    // Companies of the performing arts and their houses ("the Royal Court
    // Theatre", "the Hallé Orchestra", "Scottish Ballet", "the Northern
    // Sinfonia", "the Takács Quartet"); not "Symphony", which a work is
    // ("the Ninth Symphony").
    "Theatre", "Theater", "Playhouse", "Opera", "Orchestra", "Philharmonic", "Ballet",
    "Sinfonia", "Sinfonietta", "Philharmonia", "Camerata", "Choir", "Chorus", "Quartet",
    "Ensemble",
    // Sports teams named for their sponsors ("Rastrel Bikes Team", "Solvex
    // Pro Cycling").
    "Team", "Cycling",
    // Heads of other languages' names that English news keeps as they are
    // ("Syndicat des Pilotes", "Partido Popular").
    "Syndicat", "Sindicato", "Confédération", "Confederación", "Ministère", "Ministerio",
    "Instituto", "Institut", "Partido", "Parti", "Partei", "Universidad", "Université",
    "Universität", "Fédération", "Federación", "Asociación", "Comisión", "Conseil", "Consejo",
    "Museo", "Musée", "Museu", "Università", "Universidade", "Istituto", "Fundación", "Fundação",
    "Fondation", "Stiftung", "Autorité", "Autoridad", "Autorità", "Agence", "Agencia", "Agenzia",
    "Comité", "Comitato",
];

/// The head word of a named place ("Aviva Stadium", "Eamonn Deacy Park").
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "Stadium", "Arena", "Park", "Airport", "Square", "Street", "Avenue", "Bridge", "Station",
    "Harbour", "Harbor", "Island", "Islands", "Mountains", "River", "Lake", "Valley", "Bay",
    "Peninsula", "Strait", "Province", "Region", "County", "District", "Oblast", "Gulf", "Sea",
    "Road", "Lane", "Boulevard", "Quay", "Wharf", "Racecourse", "Velodrome", "Terminal",
    "Canal", "Dam", "Pier", "Docks", "Reservoir", "Glacier", "Gardens", "Point", "Estuary",
    "Basin", "Crescent", "Drive", "Fjord", "Desert", "Ground", "Fort", "Highway", "Motorway",
    "Causeway", "Airfield", "Promenade", "Embankment", "Plaza", "Complex", "Delta", "Plateau",
];

/// The head word of an event's name ("Athens Olympics", "Birmingham Grand
/// Prix"): no person's name ends in one.
#[rustfmt::skip]
const EVENT_HEADS: &[&str] = &[
    "Olympics", "Olympic", "Paralympics", "Paralympic", "Games", "Championships",
    "Championship", "Prix", "Cup", "Trophy", "Marathon", "Festival", "Awards", "Tournament",
    "Open", "Prize", "Prizes",
    // A law's or a treaty's name ends so ("Criminal Justice Act", "General
    // Data Protection Regulation", "Habitats Directive", "Kyoto Protocol").
    "Act", "Regulation", "Regulations", "Directive", "Treaty", "Convention", "Protocol",
    "Accord", "Accords", "Agreement",
    // Weather systems are named head first ("Storm Babet", "Hurricane
    // Otis"): no person's name holds one.
    "Storm", "Hurricane", "Typhoon", "Cyclone",
];

/// Lower-case nouns that announce company names after them.
#[rustfmt::skip]
const COMPANY_NOUNS: &[&str] = &[
    "company", "companies", "firm", "firms", "manufacturer", "manufacturers", "maker", "makers",
    "startup", "startups", "start-up", "start-ups", "producer", "producers", "supplier",
    "suppliers", "contractor", "contractors", "carmaker", "carmakers", "automaker", "automakers",
    "lender", "lenders", "retailer", "retailers", "airline", "airlines", "agency", "newspaper",
    "newspapers", "broadcaster", "broadcasters", "publisher", "publishers", "outlet", "outlets",
    "conglomerate", "giant", "giants", "chipmaker", "chipmakers", "brand", "brands", "insurer",
    "insurers", "operator", "operators", "group", "groups", "bank", "banks", "sponsor",
    "sponsors", "utility", "utilities", "carrier", "carriers", "miner", "miners", "chain",
    "chains", "consultancy", "consultancies", "unit", "subsidiary", "affiliate", "holding",
    "refiner", "refiners", "brewer", "brewers", "drugmaker", "drugmakers", "grocer", "grocers",
    "exporter", "exporters", "shipper", "shippers", "telecoms", "telco", "telcos", "brokerage",
    "brokerages",
    "steelmaker", "steelmakers", "planemaker", "planemakers", "shipbuilder", "shipbuilders",
    "distributor", "distributors", "wholesaler", "wholesalers", "supermarket", "supermarkets",
    "housebuilder", "housebuilders", "homebuilder", "homebuilders", "magazine", "magazines",
    "tabloid", "tabloids", "processor", "processors", "provider", "providers", "broker",
    "brokers", "stockbroker", "stockbrokers",
];

/// Lower-case nouns for sites named after a place, right after the name
/// ("the El Teniente mine", "Belmarsh prison", "Gatwick airport").
#[rustfmt::skip]
const SITE_NOUNS: &[&str] = &[
    "mine", "mines", "refinery", "smelter", "oilfield", "gasfield", "quarry", "deposit",
    "prison", "jail", "gaol", "airport", "airfield",
];

/// The noun phrases of local government after a town's name ("the
/// Westhaven town council"): the first word, then the second.
#[rustfmt::skip]
const TOWN_WORDS: &[&str] = &["town", "city", "county", "village", "borough", "parish"];
/// Words for a settlement or an area that "the … of" puts before its name.
#[rustfmt::skip]
const SETTLEMENT_NOUNS: &[&str] = &[
    "town", "city", "county", "village", "borough", "parish", "hamlet", "suburb", "district",
    "port", "island", "province", "region", "municipality", "commune", "township",
    // Ireland's smallest land division: "the townland of Aughnagar".
    "townland",
    // Divisions of other states: "the department of Boyacá", "the
    // prefecture of Akita", "the canton of Vaud", "the regency of Morowali".
    "department", "prefecture", "canton", "oblast", "governorate", "emirate", "regency",
    "shire", "state",
];
#[rustfmt::skip]
const TOWN_BODIES: &[&str] = &["council", "councillors", "councilors", "hall", "mayor"];

/// Verbs of doing business: their subject is a company.
#[rustfmt::skip]
const BUSINESS_VERBS: &[&str] = &[
    "specializes", "specialises", "produces", "manufactures", "supplies", "sells", "ships",
    "acquired", "employs", "markets", "exports",
];

/// What only a company has, after its possessive ("Velmora's board",
/// "Ardent's shares").
#[rustfmt::skip]
const BUSINESS_POSSESSIONS: &[&str] = &[
    "shares", "stock", "board", "shareholders", "profit", "profits", "revenue", "revenues",
    "earnings", "sales", "subsidiary", "subsidiaries", "headquarters", "factory", "factories",
    "stores", "customers", "products", "valuation", "CEO",
];

/// Verbs of speaking and thinking: their subject is a person.
#[rustfmt::skip]
const AGENT_VERBS: &[&str] = &[
    "said", "says", "told", "stated", "noted", "added", "wrote", "argued", "explained", "warned",
    "urged", "insisted", "admitted", "recalled", "claimed", "believes", "believed", "thinks",
    "thought", "knows", "knew", "wanted", "wants", "describes", "described", "hopes", "replied",
    "confirmed", "emphasized", "emphasizes", "stressed", "acknowledged", "praised", "plans",
];

/// Capitalised words that start a sentence without being part of a name.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "In", "On", "At", "For", "From", "With",
    "By", "As", "But", "And", "Or", "If", "When", "While", "After", "Before", "Since", "Its",
    "Their", "His", "Her", "Our", "Meanwhile", "However", "Yesterday", "Today", "Both",
    "Under", "Over", "Across", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
    // A press release's boilerplate opens "About Hanbit Energy Co., Ltd."
    // and ends "SOURCE Hanbit Energy Co., Ltd.".
    "About", "SOURCE",
    // "Former Cabinet minister Clare Short": no name opens with it.
    "Former",
];

/// Lower-case nouns that, in an apposition, say the name before is an
/// organisation ("Gavi, the vaccine alliance").
#[rustfmt::skip]
const ORG_NOUNS: &[&str] = &[
    "alliance", "agency", "organisation", "organization", "charity", "coalition", "bloc",
    "union", "ministry", "regulator", "foundation", "council", "committee", "watchdog",
    "party", "institute", "university", "association", "federation", "league", "body",
    "authority", "laboratory",
    // Plurals announce a list ("the unions ACV and ABVV").
    "alliances", "charities", "coalitions", "unions", "ministries", "regulators", "foundations",
    "councils", "committees", "watchdogs", "parties", "institutes", "universities",
    "associations", "federations", "leagues", "authorities",
];

/// Plural nouns for people who work at a firm ("analysts at Bernstein").
#[rustfmt::skip]
const STAFF_NOUNS: &[&str] = &[
    "analysts", "economists", "strategists", "engineers", "executives", "employees", "workers",
    "staff", "bankers", "traders", "lawyers", "managers", "officials", "analyst", "economist",
    "strategist", "engineer", "executive", "employee", "banker", "trader",
];

/// Words before "Bank" that make it a public institution, not a company
/// ("European Investment Bank").
#[rustfmt::skip]
const PUBLIC_BANK_QUALIFIERS: &[&str] = &[
    "Development", "Investment", "Central", "Reserve", "Reconstruction", "World", "Infrastructure",
    "Export-Import", "National",
];

pub fn is_org_noun(word: &str) -> bool {
    word_set!(ORG_NOUNS).contains(word)
}

/// True for the plurals among [`ORG_NOUNS`] ("councils", "unions").
pub fn is_plural_org_noun(word: &str) -> bool {
    is_org_noun(word) && word.ends_with('s')
}

/// Lower-case words before "agency" or "group" that make it a public or
/// civic body, not a firm ("the national statistics agency IBGE", "the
/// campaign group Fossil Free Bergen"; a news or travel agency, a media
/// group, is a firm).
#[rustfmt::skip]
const CIVIC_QUALIFIERS: &[&str] = &[
    "statistics", "statistical", "state", "government", "federal", "national", "space",
    "environment", "environmental", "refugee", "health", "nuclear", "intelligence", "tax",
    "meteorological", "weather", "regulatory", "customs", "border", "aid", "humanitarian",
    "development", "drug", "medicines", "competition", "cybersecurity", "security", "atomic",
    "disaster", "emergency", "migration", "aviation", "maritime", "public", "campaign",
    "campaigning", "advocacy", "rights", "pressure", "lobby", "lobbying", "patient", "patients",
    "activist", "protest", "civic", "opposition", "community", "militant", "rebel", "armed",
    "separatist", "paramilitary", "residents", "consumer", "conservation", "industry", "trade",
    "parliamentary", "working", "anti-corruption", "human-rights", "civil",
];

/// Returns true if and only if `noun` ("agency", "group") names a public
/// or civic body after `before`, the word in front of it.
pub fn is_civic_body(before: &str, noun: &str) -> bool {
    matches!(noun, "agency" | "agencies" | "group" | "groups")
        && word_set!(CIVIC_QUALIFIERS).contains(before)
}

pub fn is_staff_noun(word: &str) -> bool {
    word_set!(STAFF_NOUNS).contains(word)
}

/// Returns true if and only if `word` names who heads a firm, and works
/// at it: "development director at Codemasters", "chief executive of
/// Rebellion". ("Ravensmoor boss Gavin Holt" heads a club: unlike staff,
/// heads say nothing of the name before them.)
pub fn heads_a_firm(word: &str) -> bool {
    matches!(
        word,
        "executive" | "director" | "directors" | "boss" | "founder" | "chairman" | "chairwoman"
    )
}

/// Abbreviations of a field of work, not of a firm: "FX strategist", "IT
/// workers", "ESG analysts".
const FIELD_ABBREVIATIONS: &[&str] = &[
    "FX", "IT", "HR", "ESG", "PR", "AI", "EM", "IPO", "ETF", "ECM", "DCM", "M&A", "R&D",
];

pub fn is_field_abbreviation(word: &str) -> bool {
    FIELD_ABBREVIATIONS.contains(&word)
}

/// Acronyms of things, not of bodies: "TV said", "the CEO said".
const THING_ACRONYMS: &[&str] = &[
    "TV", "OK", "GDP", "CEO", "CFO", "COO", "CTO", "GMT", "UTC", "BST", "PM", "AM", "ID", "PC",
    "DJ", "DNA", "RNA", "COVID", "HIV", "AIDS", "UFO", "SUV", "VIP", "FAQ", "PDF", "GPS", "VAR",
];

/// Returns true if and only if `word` is an acronym of a field or a thing
/// ("IT", "TV", "GDP"), which names no body or firm.
pub fn is_thing_acronym(word: &str) -> bool {
    is_field_abbreviation(word) || THING_ACRONYMS.contains(&word)
}

pub fn is_public_bank_qualifier(word: &str) -> bool {
    word_set!(PUBLIC_BANK_QUALIFIERS).contains(word)
}

/// Words before "Insurance" that make it a state scheme paid for by
/// contributions, not a firm ("National Insurance", "Social Insurance").
#[rustfmt::skip]
const PUBLIC_SCHEME_QUALIFIERS: &[&str] = &[
    "National", "Social", "Unemployment", "Sickness", "Disability", "State", "Statutory",
];

pub fn is_public_scheme_qualifier(word: &str) -> bool {
    word_set!(PUBLIC_SCHEME_QUALIFIERS).contains(word)
}

/// Returns true if and only if `word` is a first name of the 1990 US
/// census (`assets/given_names.txt`) or one of the given names of world
/// news that census lacks ("Philippe", "Jürgen", "Sergei", "Manmohan";
/// `assets/given_names_world.txt`, see `assets/README.md`): "Jack" of
/// "Jack London", not "Bayern" of "Bayern Munich". "Santa", a name of the
/// census too, opens the names of places after saints ("Santa Lucia",
/// "Santa Monica") in news, and no person's.
pub fn is_given_name(word: &str) -> bool {
    static NAMES: LazyLock<WordSet> = LazyLock::new(|| {
        let mut names = lines_of(include_str!("../../assets/given_names.txt"));
        names.extend(lines_of(include_str!("../../assets/given_names_world.txt")));
        names
    });
    word != "Santa"
        && (NAMES.contains(word)
            // "Joaquín", "Matías", "Inês": the census writes the name
            // without its accent.
            || (!word.is_ascii() && without_accents(word).is_some_and(|w| NAMES.contains(&*w))))
}

/// `word` with the accents of Latin letters taken off ("Joaquín" →
/// "Joaquin"), or `None` when some other letter stays.
fn without_accents(word: &str) -> Option<String> {
    word.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'í' | 'ì' | 'î' | 'ï' => Some('i'),
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => Some('o'),
            'ú' | 'ù' | 'û' | 'ü' => Some('u'),
            'ñ' => Some('n'),
            'ç' => Some('c'),
            'É' => Some('E'),
            'Á' => Some('A'),
            'Ó' => Some('O'),
            c if c.is_ascii() => Some(c),
            _ => None,
        })
        .collect()
}

/// Returns true if and only if `word` is shaped as the adjective of a
/// people or a region: five letters or more ending in "an", "ese" or
/// "ish" ("Kenyan", "European", "Japanese", "Finnish").
pub fn is_demonym_shaped(word: &str) -> bool {
    word.len() >= 5 && ["an", "ese", "ish"].iter().any(|end| word.ends_with(end))
}

/// The non-empty lines of a word list asset, as a set.
fn lines_of(list: &'static str) -> WordSet {
    list.lines().filter(|l| !l.is_empty()).collect()
}

/// Returns true if and only if `word` is a common given name that is also
/// an English word ("Harry", "Mark", "Grant", "Rose"): at a sentence start
/// before a surname it opens the name ("Harry Kane had given…") rather
/// than being capitalised only by its place. The words of the dictionary
/// (`assets/common_words.txt`) among the 400 commonest male and 400
/// commonest female first names of the 1990 US census (see
/// `assets/README.md`).
pub fn is_given_name_word(word: &str) -> bool {
    #[rustfmt::skip]
    const NAMES: &[&str] = &[
        "Mark", "Frank", "Peter", "Jack", "Harry", "Victor", "Martin", "Earl", "Mike", "Lee",
        "Ray", "Don", "Jay", "Bill", "Warren", "Dean", "Derrick", "Glen", "Gene", "Angel",
        "Lance", "Guy", "Ken", "Bob", "Wade", "Nick", "Matt", "Grant", "Robin", "Earnest",
        "Maria", "Carol", "Heather", "Rose", "Ruby", "Crystal", "Dawn", "Grace", "Sherry",
        "Hazel", "Amber", "Sally", "Holly", "Sue", "Rosemary", "Pearl", "Joy", "Viola", "Penny",
        "Brandy", "Violet", "Misty", "Daisy", "Sandy", "Iris", "Opal", "Melody", "Flora",
        "Patty", "Pat",
    ];
    NAMES.contains(&word)
}

/// Returns true if and only if `word` is among the 20,000 commonest
/// surnames of the 1990 US census (`assets/surnames.txt`, see
/// `assets/README.md`): "Root", "Brook" and "Tan" end a person's name
/// after a given name though they are English words too, and "Sanders"
/// may speak alone where "Hauliers" does not.
pub fn is_surname(word: &str) -> bool {
    static NAMES: LazyLock<WordSet> =
        LazyLock::new(|| lines_of(include_str!("../../assets/surnames.txt")));
    NAMES.contains(word)
}

/// Returns true if and only if `word` is letters after a person's name
/// that are no part of it: an honour, a rank at the bar or a seat
/// ("Daniel Fenn KC", "Helen Castle OBE", "Keir Starmer MP").
pub fn is_postnominal(word: &str) -> bool {
    matches!(
        word,
        "KC" | "QC"
            | "SC"
            | "MP"
            | "MEP"
            | "MSP"
            | "MLA"
            | "OBE"
            | "MBE"
            | "CBE"
            | "KBE"
            | "DBE"
            | "FRS"
    )
}

/// Returns true if and only if `word` is a particle ("da", "van", "bin",
/// "delle") that may sit inside a personal name or a name of another
/// language ("Via delle Ginestre").
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "du"
            | "da"
            | "do"
            | "dos"
            | "das"
            | "di"
            | "del"
            | "dela"
            | "delos"
            | "della"
            | "delle"
            | "dello"
            | "sul"
            | "sulla"
            | "sulle"
            | "dei"
            | "degli"
            | "il"
            | "los"
            | "las"
            | "von"
            | "van"
            | "der"
            | "den"
            | "ter"
            | "ten"
            | "zu"
            | "vom"
            | "des"
            | "la"
            | "le"
            | "al"
            | "bin"
            | "ibn"
    )
}

/// Traits of a word, as bits: what the word can be inside a name.
pub const TITLE: u16 = 1;
/// Needs its period to count as a title ("Gen.").
pub const ABBREVIATED_TITLE: u16 = 1 << 1;
pub const ORG_HEAD: u16 = 1 << 2;
pub const PLACE_HEAD: u16 = 1 << 3;
pub const COMPANY_SUFFIX: u16 = 1 << 4;
pub const FUNCTION_WORD: u16 = 1 << 5;
/// An ordinary English word; set by the caller from the gazetteer's word
/// list, not by [`traits`].
pub const COMMON: u16 = 1 << 6;
pub const EVENT_HEAD: u16 = 1 << 7;
/// Ends a company, organisation or event name: never a person's.
pub const HEAD: u16 = ORG_HEAD | COMPANY_SUFFIX | EVENT_HEAD;

/// Returns the traits of `word` in one look-up, so that rules reading the
/// same word several times pay for it once.
pub fn traits(word: &str) -> u16 {
    static TRAITS: LazyLock<HashMap<&'static str, u16, BuildHasherDefault<Fnv>>> =
        LazyLock::new(|| {
            let mut map: HashMap<&'static str, u16, BuildHasherDefault<Fnv>> = HashMap::default();
            for (list, bit) in [
                (TITLES, TITLE),
                (ABBREVIATED_TITLES, ABBREVIATED_TITLE),
                (ORG_HEADS, ORG_HEAD),
                (PLACE_HEADS, PLACE_HEAD),
                (COMPANY_SUFFIXES, COMPANY_SUFFIX),
                (EVENT_HEADS, EVENT_HEAD),
                (FUNCTION_WORDS, FUNCTION_WORD),
            ] {
                for word in list {
                    *map.entry(word).or_default() |= bit;
                }
            }
            map
        });
    TRAITS.get(word).copied().unwrap_or(0)
}

/// Legal forms that end a company's name ("Corp", "plc", "GmbH"), in
/// lower case: what tells two firms apart is the rest of the name.
#[rustfmt::skip]
const LEGAL_FORMS: &[&str] = &[
    "inc", "incorporated", "ltd", "limited", "llc", "llp", "corp", "corporation", "gmbh", "ag",
    "plc", "sa", "nv", "spa", "ab", "asa", "co", "cos", "company", "kk", "lp", "bv", "oy", "oyj",
    "pty", "aps", "as", "se", "kgaa", "sas", "srl", "ltda", "bhd", "tbk", "jsc", "pjsc", "ojsc",
    "a.ş", "aş", "p/f", "i/s", "k/s", "sp. z o.o", "kft", "zrt", "nyrt", "s.r.o", "a.s", "d.o.o",
    "d.d", "s.a.a", "s.a.c", "s.l", "s.l.u", "s.r.l", "dac", "clg", "ulc", "wll", "qsc", "qpsc",
    "bsc", "kscp", "saog", "fze", "fzco", "pao", "ooo", "kg", "ohg", "eireli", "pcl", "ltée",
    "ltee", "s.e.n.c", "s.e.n.c.r.l", "s.e.c",
];

/// Returns true if and only if `word`, in any case, is the legal form a
/// company's name may end with ("Corp", "PLC", "plc").
pub fn is_legal_form(word: &str) -> bool {
    lowered(word, &mut [0; 24]).is_some_and(|lower| word_set!(LEGAL_FORMS).contains(lower))
}

/// Returns true if and only if `word` heads a body whose name goes on
/// with "on" and its subject ("the Council on Foreign Relations", "the
/// Texas Commission on Environmental Quality").
pub fn takes_on(word: &str) -> bool {
    matches!(
        word,
        "Commission" | "Committee" | "Subcommittee" | "Council" | "Conference" | "Panel" | "Forum"
    )
}

/// Returns true if and only if `word` names a settlement or an area, as
/// in "the village of Weybourne".
pub fn is_settlement_noun(word: &str) -> bool {
    word_set!(SETTLEMENT_NOUNS).contains(word)
}

pub fn is_site_noun(word: &str) -> bool {
    word_set!(SITE_NOUNS).contains(word)
}

/// Returns true if and only if `word` is a lower-case noun of an area
/// that follows its name ("the Marche region", "the Esino valley", "the
/// Chartrons district"; not "quarter": "the Jewish quarter").
pub fn is_area_noun(word: &str) -> bool {
    matches!(
        word,
        "region"
            | "valley"
            | "province"
            | "delta"
            | "estuary"
            | "district"
            | "neighbourhood"
            | "neighborhood"
            | "suburb"
    )
}

/// Returns true if and only if `first` and `second` name a town's
/// government ("town council", "city hall").
pub fn is_town_body(first: &str, second: &str) -> bool {
    word_set!(TOWN_WORDS).contains(first) && word_set!(TOWN_BODIES).contains(second)
}

/// Returns true if and only if `word` is a day of the week as a name is
/// written ("Monday"): no person's name, alone or at its end.
pub fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// Returns true if and only if `word`, after a name, makes the name a
/// town's: "the Kilmory council", "Kilmory councillors", "the Lisburn
/// mayor". A party's word before it names the party's members ("the
/// Labour council", "Three Tory councillors"), not a town.
pub fn is_town_body_after(name: &str, word: &str) -> bool {
    matches!(word, "council" | "councillors" | "councilors" | "mayor")
        && !matches!(
            name.rsplit(' ').next().unwrap_or(name),
            "Labour"
                | "Tory"
                | "Conservative"
                | "Liberal"
                | "Green"
                | "Democrat"
                | "Republican"
                | "Independent"
                | "Unionist"
                | "Nationalist"
        )
}

pub fn is_role_noun(word: &str) -> bool {
    // "co-author", "vice-chairman", "ex-minister": a role still.
    let role = ["co-", "vice-", "ex-"]
        .iter()
        .find_map(|prefix| word.strip_prefix(prefix))
        .unwrap_or(word);
    word_set!(ROLE_NOUNS).contains(role)
}

/// Returns true if and only if `word` is the plural of a role noun that
/// lists people ("captains", "actresses").
pub fn is_plural_role_noun(word: &str) -> bool {
    let singular = word
        .strip_suffix("es")
        .filter(|s| s.ends_with("ss"))
        .or_else(|| word.strip_suffix('s'));
    singular.is_some_and(|s| word_set!(LISTING_ROLE_NOUNS).contains(s))
}

pub fn is_company_noun(word: &str) -> bool {
    word_set!(COMPANY_NOUNS).contains(word)
}

pub fn is_business_possession(word: &str) -> bool {
    word_set!(BUSINESS_POSSESSIONS).contains(word)
}

/// Returns true if and only if `word` says how a share price moved, as in
/// "Halot shares jumped".
pub fn is_market_move(word: &str) -> bool {
    matches!(
        word,
        "rose"
            | "fell"
            | "jumped"
            | "climbed"
            | "gained"
            | "dropped"
            | "slid"
            | "slipped"
            | "sank"
            | "soared"
            | "surged"
            | "slumped"
            | "tumbled"
            | "plunged"
            | "rallied"
            | "closed"
            | "ended"
            | "traded"
            | "were"
            | "have"
            | "had"
    )
}

pub fn is_business_verb(word: &str) -> bool {
    word_set!(BUSINESS_VERBS).contains(word)
}

/// Returns true if and only if `word` names newspapers after a place
/// ("the Yorkshire Post", "the Irish Times") and is a word of its own too;
/// the words that name only papers ("Herald", "Gazette") are company
/// suffixes.
pub fn is_newspaper_word(word: &str) -> bool {
    matches!(
        word,
        "Post"
            | "Echo"
            | "Mail"
            | "Times"
            | "News"
            | "Globe"
            | "Star"
            | "Mirror"
            | "Express"
            | "Standard"
            | "Journal"
            | "Record"
            | "Telegraph"
            | "Observer"
            | "Independent"
            | "Press"
            | "Argus"
            | "Examiner"
            | "Advertiser"
            | "Bulletin"
    )
}

pub fn is_agent_verb(word: &str) -> bool {
    word_set!(AGENT_VERBS).contains(word)
}

/// Returns true if and only if `name` stands somewhere in `text` right
/// after a capitalised word that is no function word ("Ed Miliband" for
/// "Miliband"): the end of a longer name.
pub fn ends_a_longer_name(text: &str, name: &str) -> bool {
    texts_before(text, name).any(|before| is_name_word(last_word(before)))
}

/// The text before each place where `name` stands in `text` after one
/// space: where a longer name that ends in it would start.
pub fn texts_before<'t>(text: &'t str, name: &'t str) -> impl Iterator<Item = &'t str> {
    memchr::memmem::find_iter(text.as_bytes(), name.as_bytes())
        .filter_map(move |at| text[..at].strip_suffix(' '))
}

/// Returns true if and only if `word` may stand in a name: capitalised,
/// and no function word ("Ed" of "Ed Miliband", not "The").
pub fn is_name_word(word: &str) -> bool {
    word.starts_with(char::is_uppercase) && traits(word) & FUNCTION_WORD == 0
}

/// Returns true if and only if a capital city `name` whose speech verb
/// follows `at` speaks for its government ("Beijing said on Friday it
/// would keep the yuan stable", "Washington said it had been consulted"):
/// the clause says no he or she, and the text names no person whose
/// surname it could be ("Denzel Washington … Washington said he").
pub fn speaks_for_its_government(text: &str, name: &str, at: usize) -> bool {
    let of_a_person = clause_after(text, at)
        .split(|c: char| !c.is_alphanumeric())
        .any(is_personal_pronoun);
    !of_a_person && !ends_a_longer_name(text, name)
}

/// The clause of `text` that runs from `at` to the end of its sentence
/// or line: what a speaker ending at `at` says.
pub fn clause_after(text: &str, at: usize) -> &str {
    let rest = &text[at..];
    &rest[..rest.find(['.', ';', '!', '?', '\n']).unwrap_or(rest.len())]
}

/// Returns true if and only if `word` refers to a person: he, she, his,
/// her or him.
pub fn is_personal_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "his" | "her" | "him")
}
