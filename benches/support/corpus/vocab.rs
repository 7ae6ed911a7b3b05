//! The built-in word lists of the corpus generator: the entities its
//! articles name (public so that entity benchmarks can check what they
//! find) and the vocabulary of each subject.
//!
//! Countries, cities and companies are real names; people are invented, so
//! that generated sentences put words in no real person's mouth.

/// Countries: name, demonym, capital.
pub const COUNTRIES: &[(&str, &str, &str)] = &[
    ("Argentina", "Argentine", "Buenos Aires"),
    ("Australia", "Australian", "Canberra"),
    ("Austria", "Austrian", "Vienna"),
    ("Brazil", "Brazilian", "Brasília"),
    ("Canada", "Canadian", "Ottawa"),
    ("Chile", "Chilean", "Santiago"),
    ("China", "Chinese", "Beijing"),
    ("Egypt", "Egyptian", "Cairo"),
    ("Estonia", "Estonian", "Tallinn"),
    ("Finland", "Finnish", "Helsinki"),
    ("France", "French", "Paris"),
    ("Germany", "German", "Berlin"),
    ("Ghana", "Ghanaian", "Accra"),
    ("Greece", "Greek", "Athens"),
    ("India", "Indian", "New Delhi"),
    ("Indonesia", "Indonesian", "Jakarta"),
    ("Ireland", "Irish", "Dublin"),
    ("Italy", "Italian", "Rome"),
    ("Japan", "Japanese", "Tokyo"),
    ("Kenya", "Kenyan", "Nairobi"),
    ("Latvia", "Latvian", "Riga"),
    ("Lithuania", "Lithuanian", "Vilnius"),
    ("Mexico", "Mexican", "Mexico City"),
    ("Morocco", "Moroccan", "Rabat"),
    ("Netherlands", "Dutch", "Amsterdam"),
    ("New Zealand", "New Zealand", "Wellington"),
    ("Nigeria", "Nigerian", "Abuja"),
    ("Norway", "Norwegian", "Oslo"),
    ("Peru", "Peruvian", "Lima"),
    ("Poland", "Polish", "Warsaw"),
    ("Portugal", "Portuguese", "Lisbon"),
    ("South Korea", "South Korean", "Seoul"),
    ("Spain", "Spanish", "Madrid"),
    ("Sweden", "Swedish", "Stockholm"),
    ("Switzerland", "Swiss", "Bern"),
    ("Turkey", "Turkish", "Ankara"),
    ("Ukraine", "Ukrainian", "Kyiv"),
    ("United Kingdom", "British", "London"),
    ("United States", "American", "Washington"),
    ("Vietnam", "Vietnamese", "Hanoi"),
];

/// Cities and regions that are not capitals.
#[rustfmt::skip]
pub const PLACES: &[&str] = &[
    "Antwerp", "Barcelona", "Bavaria", "Busan", "Cape Town", "Chicago", "Dubai", "Gdansk",
    "Glasgow", "Gothenburg", "Hamburg", "Houston", "Istanbul", "Kharkiv", "Lagos", "Lyon",
    "Manchester", "Marseille", "Milan", "Mombasa", "Mumbai", "Munich", "Naples", "Odesa", "Osaka",
    "Porto", "Rotterdam", "Sao Paulo", "Shanghai", "Sydney", "Toronto", "Valencia",
];

/// Companies and organisations.
#[rustfmt::skip]
pub const COMPANIES: &[&str] = &[
    "Airbus", "Alstom", "ArcelorMittal", "BASF", "Bayer", "BHP", "BMW", "Boeing", "BP", "Danone",
    "Ericsson", "Equinor", "Fiat", "Glencore", "Heineken", "Hitachi", "Honda", "HSBC", "Hyundai",
    "IKEA", "Infosys", "Kawasaki Heavy Industries", "Maersk", "Michelin", "Nestlé", "Nokia",
    "Novartis", "Orsted", "Panasonic", "Philips", "Renault", "Rheinmetall", "Rio Tinto", "Roche",
    "Saab", "Samsung", "Santander", "Siemens", "Sony", "Tata Steel", "Thales", "TotalEnergies",
    "Toyota", "Unilever", "Vestas", "Volvo",
];

/// Invented people.
#[rustfmt::skip]
pub const PEOPLE: &[&str] = &[
    "Adaeze Okafor", "Aino Virtanen", "Amara Diallo", "Anders Lindqvist", "Ana Ruiz",
    "Bogdan Kowalczyk", "Camille Laurent", "Carlos Mendoza", "Chen Wei", "Daniel Brenner",
    "Elena Petrova", "Emeka Nwosu", "Fatima Haddad", "Giulia Romano", "Hannah Becker",
    "Hiroshi Tanaka", "Ines Carvalho", "Ivan Horak", "Jakub Novak", "Jonas Berg", "Karin Holm",
    "Kofi Mensah", "Laila Rahimi", "Lena Fischer", "Lucas Moreau", "Maja Nowak", "Marco Bellini",
    "Mariana Costa", "Mehmet Yilmaz", "Mikko Laine", "Nadia Kovalenko", "Niamh Byrne",
    "Olga Sorokina", "Omar Farouk", "Paolo Greco", "Priya Raman", "Rafael Ortiz", "Rosa Jimenez",
    "Sakura Ito", "Samuel Adeyemi", "Sofia Andersson", "Tomasz Zielinski", "Valentina Ricci",
    "Wanjiru Kamau", "Yuki Mori", "Zofia Lis",
];

/// Roles a person may hold.
#[rustfmt::skip]
pub const ROLES: &[&str] = &[
    "finance minister", "defence minister", "foreign minister", "chief executive",
    "central bank governor", "head coach", "lead researcher", "mayor", "spokesperson",
    "chief economist", "team captain", "health minister", "energy minister", "opposition leader",
    "union leader", "chief scientist", "analyst", "professor", "director", "prosecutor",
];

/// One subject's vocabulary: what its articles talk about.
pub struct Subject {
    pub name: &'static str,
    pub nouns: &'static [&'static str],
    pub verbs: &'static [&'static str],
    pub adjectives: &'static [&'static str],
    pub units: &'static [&'static str],
}

#[rustfmt::skip]
pub const SUBJECTS: &[Subject] = &[
    Subject {
        name: "markets",
        nouns: &[
            "bond yields", "share prices", "the currency", "inflation", "interest rates",
            "quarterly profit", "the stock index", "oil prices", "copper futures", "dividends",
            "the trade deficit", "consumer spending", "mortgage lending", "the earnings outlook",
            "investor sentiment", "wage growth", "factory orders", "export volumes",
            "the budget gap", "credit spreads", "retail sales", "the jobless rate",
        ],
        verbs: &[
            "raised", "cut", "forecast", "reported", "revised", "tracked", "hedged", "priced",
            "sold", "bought", "lifted", "trimmed", "warned about", "downgraded", "upgraded",
            "doubled", "halved", "missed", "beat", "slashed",
        ],
        adjectives: &[
            "volatile", "sluggish", "robust", "fragile", "quarterly", "annual", "record",
            "cautious", "bullish", "bearish", "steady", "weaker", "stronger", "surprising",
            "modest", "sharp", "gradual", "unexpected",
        ],
        units: &[
            "billion euros", "million dollars", "basis points", "percent", "billion yen",
        ],
    },
    Subject {
        name: "sport",
        nouns: &[
            "the derby", "the title race", "the semi-final", "a late penalty",
            "the transfer window", "the squad", "the league table", "the home crowd",
            "the marathon", "the relay team", "the playoff", "a hat-trick", "the coaching staff",
            "the second half", "extra time", "the defence", "the qualifiers", "the season opener",
            "the away fans", "the stadium", "the medal table", "the injury list",
        ],
        verbs: &[
            "won", "lost", "drew", "scored", "signed", "benched", "defended", "clinched",
            "equalised", "dominated", "trained", "qualified for", "crashed out of", "celebrated",
            "appealed", "suspended", "recalled", "rotated", "outran", "overturned",
        ],
        adjectives: &[
            "dramatic", "late", "decisive", "injured", "unbeaten", "struggling", "promoted",
            "relegated", "young", "veteran", "stunning", "narrow", "comfortable", "historic",
            "bruising", "tactical", "physical", "clinical",
        ],
        units: &["points", "goals", "seconds", "minutes", "matches"],
    },
    Subject {
        name: "science",
        nouns: &[
            "the telescope", "the vaccine trial", "the gene study", "the climate model",
            "the rover", "the particle detector", "the fossil record", "coral reefs",
            "the ice sheet", "the enzyme", "the satellite", "the neural network", "the cell line",
            "the reactor", "the sample", "the peer review", "the dataset", "the observatory",
            "the antibody", "the glacier", "the battery chemistry", "the seed bank",
        ],
        verbs: &[
            "measured", "detected", "sequenced", "modelled", "observed", "replicated", "published",
            "calibrated", "discovered", "mapped", "tested", "simulated", "isolated", "confirmed",
            "disputed", "funded", "launched", "analysed", "recorded", "catalogued",
        ],
        adjectives: &[
            "peer-reviewed", "preliminary", "experimental", "microscopic", "orbital", "genetic",
            "thermal", "statistical", "novel", "ancient", "frozen", "synthetic", "promising",
            "controversial", "rigorous", "unexplained", "faint", "dense",
        ],
        units: &["samples", "kilometres", "degrees", "patients", "species"],
    },
    Subject {
        name: "politics",
        nouns: &[
            "the coalition", "the budget bill", "the opposition", "the referendum", "the cabinet",
            "the election", "the parliament", "the senate vote", "the pension reform",
            "the housing plan", "the city council", "the tax package", "the ruling party",
            "the campaign", "the ballot", "the inquiry", "the constitution", "the regional vote",
            "the polls", "the protest", "the court ruling", "the minimum wage",
        ],
        verbs: &[
            "proposed", "blocked", "vetoed", "approved", "debated", "rejected", "amended",
            "challenged", "defended", "announced", "postponed", "campaigned for", "criticised",
            "endorsed", "negotiated", "resigned over", "backed", "delayed", "scrapped", "passed",
        ],
        adjectives: &[
            "divisive", "snap", "regional", "federal", "municipal", "contested", "landmark",
            "controversial", "unpopular", "bipartisan", "fragile", "decisive", "early",
            "emergency", "provisional", "sweeping", "narrow", "overdue",
        ],
        units: &["seats", "votes", "percent", "delegates", "districts"],
    },
    Subject {
        name: "defence",
        nouns: &[
            "the drone programme", "the air defence system", "the naval exercise",
            "the arms package", "the border patrol", "the frigate", "the artillery shells",
            "the procurement deal", "the military budget", "the alliance", "the radar network",
            "the cyber command", "the reserve forces", "the missile test", "the supply chain",
            "the training mission", "the armoured vehicles", "the submarine fleet",
            "the ammunition plant", "the reconnaissance flights", "the peace talks",
            "the ceasefire",
        ],
        verbs: &[
            "deployed", "ordered", "delivered", "intercepted", "pledged", "upgraded", "tested",
            "patrolled", "sanctioned", "condemned", "reinforced", "mobilised", "shipped",
            "co-produced", "procured", "withdrew", "monitored", "escorted", "decommissioned",
            "financed",
        ],
        adjectives: &[
            "unmanned", "long-range", "strategic", "tactical", "naval", "armoured", "joint",
            "bilateral", "covert", "defensive", "modernised", "multinational", "heavy", "rapid",
            "aging", "classified", "coastal", "northern",
        ],
        units: &["drones", "troops", "shells", "aircraft", "vessels"],
    },
    Subject {
        name: "technology",
        nouns: &[
            "the chip plant", "the software update", "the data centre", "the smartphone",
            "the cloud contract", "the privacy rules", "the startup", "the broadband rollout",
            "the language model", "the robotics line", "the semiconductor shortage",
            "the app store", "the security flaw", "the fibre network", "the patent dispute",
            "the electric scooter", "the quantum processor", "the payment system", "the user base",
            "the search engine", "the open standard", "the subscription price",
        ],
        verbs: &[
            "released", "patched", "acquired", "licensed", "shipped", "rolled out", "open-sourced",
            "hacked", "throttled", "benchmarked", "rebranded", "integrated", "retired", "priced",
            "fined", "audited", "encrypted", "scaled", "prototyped", "unveiled",
        ],
        adjectives: &[
            "digital", "wireless", "encrypted", "autonomous", "faster", "cheaper", "proprietary",
            "open", "foldable", "scalable", "legacy", "experimental", "secure", "buggy", "sleek",
            "energy-hungry", "modular", "compact",
        ],
        units: &["users", "gigawatts", "terabytes", "devices", "servers"],
    },
    Subject {
        name: "energy",
        nouns: &[
            "the wind farm", "the gas pipeline", "the solar auction", "the power grid",
            "the heat pumps", "the nuclear plant", "the carbon price", "the hydrogen hub",
            "the oil field", "the storage batteries", "the emissions target", "the coal phase-out",
            "the energy bills", "the drought", "the flood defences", "the heatwave",
            "the offshore licence", "the refinery", "the transmission line", "the biofuel mandate",
            "the rooftop panels", "the tariff",
        ],
        verbs: &[
            "commissioned", "connected", "subsidised", "capped", "tendered", "curtailed",
            "exported", "imported", "insulated", "flooded", "restored", "rationed", "retrofitted",
            "powered", "shut down", "expanded", "electrified", "stored", "drilled", "leased",
        ],
        adjectives: &[
            "renewable", "offshore", "onshore", "low-carbon", "fossil", "seasonal", "peak",
            "volatile", "green", "grid-scale", "coastal", "arid", "record-breaking", "cleaner",
            "costly", "intermittent", "stable", "windy",
        ],
        units: &[
            "megawatts", "households", "tonnes", "gigawatt hours", "barrels",
        ],
    },
];

/// Connecting words that vary sentence openings.
#[rustfmt::skip]
pub const OPENERS: &[&str] = &[
    "Meanwhile,", "On Monday,", "On Tuesday,", "On Wednesday,", "On Thursday,", "On Friday,",
    "Earlier this month,", "Last year,", "By contrast,", "In a statement,", "Separately,",
    "According to officials,", "For now,", "In recent weeks,", "Since the spring,",
    "Despite the setback,", "As expected,", "In the meantime,", "At the same time,",
    "Later that day,",
];

/// Short link words between clauses.
#[rustfmt::skip]
pub const LINKS: &[&str] = &[
    "while", "after", "because", "although", "as", "before", "since", "even though", "once",
    "until", "whereas", "so that",
];

#[rustfmt::skip]
pub const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

/// Fictional news sites: their navigation and footer lines, the page
/// chrome wrapped around some generated articles.
pub const SITES: &[(&str, &str)] = &[
    ("Daily Ledger", "Home | World | Business | Sport | Science"),
    (
        "Harbour Times",
        "News | Local | Politics | Opinion | Weather",
    ),
    ("Northern Post", "Home › Europe › Economy"),
    ("Metro Wire", "Top stories | Markets | Tech | Culture"),
    ("Coastline Herald", "Home | Region | Business | Sports"),
    ("Eastern Monitor", "ua en ru"),
    ("Global Briefing", "Latest | Analysis | Video | Podcasts"),
    ("Valley Courier", "Home | News | Sport | Events | Jobs"),
];

/// Widget lines a scraper saves below an article.
#[rustfmt::skip]
pub const WIDGETS: &[&str] = &[
    "Share this article", "facebook icon twitter icon linkedin icon", "Copied!", "Comments",
    "0 Comments", "Article Rating", "Subscribe", "Notify of", "guest", "Newest Oldest Most Voted",
    "More Content", "Related", "Read more", "Advertisement", "Skip to content", "Print",
    "Sign up for our newsletter", "Accept cookies", "Follow us", "Trending",
];
