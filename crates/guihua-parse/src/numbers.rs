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
    positional(s).and_then(|v| u32::try_from(v).ok())
}

/// A positional Chinese numeral: `十三`, `一百零五`, `一千二百`, `两万三千`, `三亿五千万` (inner 万 and 亿); `None` for
/// what is no number (`三五`, `百十`) or too large.
pub(crate) fn positional(text: &str) -> Option<u64> {
    if text.is_empty() {
        return None;
    }
    let (mut total, mut section, mut digit) = (0u64, 0u64, None::<u64>);
    let mut last_unit = u64::MAX;
    for c in text.chars() {
        if let Some(d) = chinese_digit(c).map(u64::from) {
            // Two digits in a row are no number (`三五`), save after a zero (`一百零五`).
            if digit.is_some_and(|p| p != 0) && d != 0 {
                return None;
            }
            digit = Some(d);
            continue;
        }
        let unit: u64 = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            total = total.checked_add(section)?.checked_add(digit.unwrap_or(0))?.checked_mul(unit)?;
            section = 0;
            digit = None;
            last_unit = u64::MAX;
            continue;
        }
        if unit >= last_unit {
            return None;
        }
        last_unit = unit;
        section = section.checked_add(digit.unwrap_or(1).checked_mul(unit)?)?;
        digit = None;
    }
    total.checked_add(section)?.checked_add(digit.unwrap_or(0))
}

/// `ordinal` in Chinese numerals as headings write it: `十一`, `二十`, `一百零五`.
pub(crate) fn write_chinese_numeral(ordinal: u32) -> String {
    const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let digit = |d: u32| DIGITS[usize::try_from(d).unwrap_or(0) % 10];
    match ordinal {
        0..=9 => digit(ordinal).to_string(),
        10..=19 => format!("十{}", if ordinal == 10 { String::new() } else { digit(ordinal - 10).to_string() }),
        20..=99 => {
            let ones = if ordinal.is_multiple_of(10) { String::new() } else { digit(ordinal % 10).to_string() };
            format!("{}十{ones}", digit(ordinal / 10))
        }
        100..=999 => {
            let rest = ordinal % 100;
            let tail = match rest {
                0 => String::new(),
                1..=9 => format!("零{}", digit(rest)),
                10..=19 => format!("一{}", write_chinese_numeral(rest)),
                _ => write_chinese_numeral(rest),
            };
            format!("{}百{tail}", digit(ordinal / 100))
        }
        _ => ordinal.to_string(),
    }
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
