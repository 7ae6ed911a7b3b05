//! The bundled seed corpus: the five articles of `seeds/`, embedded in the
//! binary so that `dossier` with no path opens them from any directory.

/// One embedded file: its display path and its raw bytes.
pub struct SeedFile {
    pub path: &'static str,
    pub bytes: &'static [u8],
}

macro_rules! seed {
    ($name:literal) => {
        SeedFile {
            path: concat!("seeds/", $name),
            bytes: include_bytes!(concat!("../seeds/", $name)),
        }
    };
}

/// Returns the bundled seed files in name order.
pub fn files() -> &'static [SeedFile] {
    static FILES: [SeedFile; 5] = [
        seed!("000_bfc6e644e2fd00e3.txt"),
        seed!("001_664a721b20e40a37.txt"),
        seed!("002_a50ed8ee3493f260.txt"),
        seed!("003_ddc41318d84e7d5d.txt"),
        seed!("004_fd49a0f3e5aaff8b.txt"),
    ];
    &FILES
}
