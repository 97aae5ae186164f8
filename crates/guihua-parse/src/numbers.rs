//! Numbers as plans write them: ASCII and full-width digits, Chinese numerals.

/// The value of a run of digits (ASCII or full-width) or of a Chinese numeral (`十三`, `二十一`, `一百零五`, `〇`).
pub(crate) fn parse_number(s: &str) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    if s.chars().all(|c| digit_value(c).is_some()) {
        return s.chars().try_fold(0u32, |acc, c| acc.checked_mul(10)?.checked_add(digit_value(c)?));
    }
    chinese_numeral(s)
}

/// The value of an ASCII or full-width decimal digit.
pub(crate) fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// The value of a Chinese digit (`〇`/`零` to `九`, `两` as 2).
pub(crate) fn chinese_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' | '○' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

/// Whether `c` can stand in a Chinese numeral.
pub(crate) fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || matches!(c, '十' | '百' | '千')
}

fn chinese_numeral(s: &str) -> Option<u32> {
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    for c in s.chars() {
        if let Some(d) = chinese_digit(c) {
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        total = total.checked_add(digit.take().unwrap_or(1).checked_mul(unit)?)?;
    }
    total.checked_add(digit.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::parse_number;

    #[test]
    fn digits_and_chinese_numerals() {
        assert_eq!(parse_number("12"), Some(12));
        assert_eq!(parse_number("１２"), Some(12));
        assert_eq!(parse_number("一"), Some(1));
        assert_eq!(parse_number("十"), Some(10));
        assert_eq!(parse_number("十三"), Some(13));
        assert_eq!(parse_number("二十一"), Some(21));
        assert_eq!(parse_number("一百零五"), Some(105));
        assert_eq!(parse_number("x"), None);
        assert_eq!(parse_number(""), None);
        assert_eq!(parse_number("99999999999"), None);
    }
}
