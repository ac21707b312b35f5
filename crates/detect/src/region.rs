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

    /// The countries most freelance and service marketplace users write from: the default
    /// fallback regions for messages without a region hint.
    pub const MARKETS: &'static [&'static str] = &[
        "GB", "CA", "AU", "IN", "PK", "BD", "PH", "ID", "VN", "CN", "JP", "KR", "NG", "KE", "ZA",
        "EG", "MA", "TR", "IL", "AE", "SA", "UA", "RU", "PL", "RO", "DE", "FR", "ES", "IT", "PT",
        "NL", "BR", "MX", "AR", "CO",
    ];

    /// [`Region::MARKETS`] as regions.
    pub fn markets() -> Vec<Region> {
        Region::MARKETS
            .iter()
            .filter_map(|c| Region::parse(c).ok())
            .collect()
    }

    /// Parses a two-letter region code, case-insensitively.
    pub fn parse(code: &str) -> Result<Region, RegionError> {
        let upper = code.trim().to_ascii_uppercase();
        if upper.len() != 2 {
            return Err(RegionError {
                code: code.to_string(),
            });
        }
        let region = rlibphonenumber::Region::from_code(&upper).map_err(|_| RegionError {
            code: code.to_string(),
        })?;
        // "ZZ" is libphonenumber's "unknown region": only numbers written with `+CC` are
        // found. Any other code must have a numbering plan ("XX" would silently disable
        // national numbers).
        if upper == "ZZ" {
            return Ok(Region(region));
        }
        rlibphonenumber::PHONE_NUMBER_UTIL
            .get_country_code_for_region(region)
            .filter(|&cc| cc > 0)
            .map(|_| Region(region))
            .ok_or_else(|| RegionError {
                code: code.to_string(),
            })
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
