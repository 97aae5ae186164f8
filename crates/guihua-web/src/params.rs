//! Query-string parameters, checked: a bad value is a 400 with a message, never a panic or a silent default.

use crate::PageError;

/// The decoded `key=value` pairs of a query string, in order (a key may repeat: `doc=a&doc=b`).
#[derive(Debug, Clone, Default)]
pub(crate) struct Params(Vec<(String, String)>);

/// The longest query accepted, in bytes.
const MAX_QUERY: usize = 2_000;

impl Params {
    pub(crate) fn parse(raw: Option<&str>) -> Params {
        let pairs = raw.map(|r| form_urlencoded::parse(r.as_bytes()).into_owned().collect()).unwrap_or_default();
        Params(pairs)
    }

    /// The first value of `key`, trimmed; `None` when absent or empty.
    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
    }

    /// Every non-empty value of `key`.
    pub(crate) fn all(&self, key: &str) -> Vec<&str> {
        self.0.iter().filter(|(k, _)| k == key).map(|(_, v)| v.trim()).filter(|v| !v.is_empty()).collect()
    }

    /// The search query `q` (empty when absent), at most [`MAX_QUERY`] bytes.
    pub(crate) fn query(&self) -> Result<&str, PageError> {
        let q = self.get("q").unwrap_or_default();
        if q.len() > MAX_QUERY {
            return Err(PageError::BadRequest(format!("the query is longer than {MAX_QUERY} bytes")));
        }
        Ok(q)
    }

    /// A whole number `key` in `min..=max`, else `default` when absent.
    pub(crate) fn number(&self, key: &str, default: usize, min: usize, max: usize) -> Result<usize, PageError> {
        let Some(value) = self.get(key) else { return Ok(default) };
        match value.parse::<usize>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(PageError::BadRequest(format!("{key} must be a whole number from {min} to {max}, not `{value}`"))),
        }
    }

    /// One of `choices` for `key`, else the first choice when absent.
    pub(crate) fn choice<'a>(&self, key: &str, choices: &[&'a str]) -> Result<&'a str, PageError> {
        let Some(value) = self.get(key) else { return Ok(choices[0]) };
        choices
            .iter()
            .find(|c| **c == value)
            .copied()
            .ok_or_else(|| PageError::BadRequest(format!("{key} must be one of {}, not `{value}`", choices.join(", "))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_keys_decoding_and_checked_numbers() {
        let p = Params::parse(Some("q=%E5%A4%A7%E6%95%B0%E6%8D%AE+x&doc=a&doc=b&doc=&page=3&bad=-1"));
        assert_eq!(p.query().unwrap(), "大数据 x");
        assert_eq!(p.all("doc"), ["a", "b"]);
        assert_eq!(p.number("page", 1, 1, 10).unwrap(), 3);
        assert_eq!(p.number("absent", 7, 1, 10).unwrap(), 7);
        assert!(matches!(p.number("bad", 1, 1, 10), Err(PageError::BadRequest(m)) if m.contains("`-1`")));
        assert!(p.number("page", 1, 1, 2).is_err());
        assert_eq!(Params::parse(None).query().unwrap(), "");
        assert!(Params::parse(Some("sort=left")).choice("sort", &["doc", "left", "right"]).unwrap() == "left");
        assert!(Params::parse(Some("sort=up")).choice("sort", &["doc", "left"]).is_err());
    }
}
