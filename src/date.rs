//! Calendar dates as written in front matter and data (`2021-05-17`).

use serde::Serialize;

/// A Gregorian calendar date, checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct PageDate {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u8,
    /// Day, 1–31, valid for the month.
    pub day: u8,
}

impl PageDate {
    /// Parses `YYYY-MM-DD`, optionally followed by a time (`T…` or ` …`), which is ignored.
    pub fn parse(text: &str) -> Option<PageDate> {
        let text = text.trim();
        let date = text.split(['T', ' ']).next()?;
        let mut parts = date.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        if parts.next().is_some() || date.len() != 10 {
            return None;
        }
        let date = PageDate { year, month, day };
        ((1..=12).contains(&month) && day >= 1 && day <= date.days_in_month()).then_some(date)
    }

    fn days_in_month(self) -> u8 {
        match self.month {
            2 if self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    /// ISO 8601 form, for `datetime` attributes.
    pub fn iso(self) -> String {
        let mut out = String::with_capacity(10);
        self.push_iso(&mut out);
        out
    }

    /// [`PageDate::iso`], appended to `out` (dates are formatted by the thousand: a
    /// `format!` costs ten times as much).
    pub fn push_iso(self, out: &mut String) {
        match u32::try_from(self.year) {
            Ok(year) if year <= 9999 => {
                push_two_digits(out, year / 100);
                push_two_digits(out, year % 100);
            }
            _ => out.push_str(&format!("{:04}", self.year)),
        }
        out.push('-');
        push_two_digits(out, self.month.into());
        out.push('-');
        push_two_digits(out, self.day.into());
    }
}

/// Appends `n` (below 100) as two digits, as `{:02}` would.
pub fn push_two_digits(out: &mut String, n: u32) {
    debug_assert!(n < 100);
    out.push(char::from(b'0' + (n / 10 % 10) as u8));
    out.push(char::from(b'0' + (n % 10) as u8));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_checks_dates() {
        assert_eq!(PageDate::parse("2021-05-17").unwrap().iso(), "2021-05-17");
        assert_eq!(PageDate::parse("0987-12-01").unwrap().iso(), "0987-12-01");
        assert!(PageDate::parse("2021-02-29").is_none());
        assert!(PageDate::parse("2020-02-29").is_some());
        assert!(PageDate::parse("2021-5-17").is_none());
        assert_eq!(PageDate::parse("2021-05-17T10:00:00Z").unwrap().day, 17);
    }
}
