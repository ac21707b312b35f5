//! ISO 3166 regions for phone numbers without a country code.

use std::fmt;

/// A region code libphonenumber knows (`US`, `GB`, `DE`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Region(pub(crate) rlibphonenumber::Region);

/// A region code that is not a known ISO 3166 region with a numbering plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionError {
    /// The code as given.
    pub code: String,
}

impl fmt::Display for RegionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown region {:?}: expected a two-letter ISO 3166 code such as US, GB or DE",
            self.code
        )
    }
}

impl std::error::Error for RegionError {}

impl Region {
    /// The United States, offside's default region.
    pub const US: Region = Region(rlibphonenumber::Region::US);

    /// Parses a two-letter region code, case-insensitively.
    pub fn parse(code: &str) -> Result<Region, RegionError> {
        let upper = code.trim().to_ascii_uppercase();
        if upper.len() != 2 {
            return Err(RegionError { code: code.to_string() });
        }
        rlibphonenumber::Region::from_code(&upper)
            .map(Region)
            .map_err(|_| RegionError { code: code.to_string() })
    }

    /// The two-letter code.
    pub fn code(&self) -> String {
        self.0.as_region_str().to_string()
    }
}

impl Default for Region {
    fn default() -> Self {
        Region::US
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.code())
    }
}
