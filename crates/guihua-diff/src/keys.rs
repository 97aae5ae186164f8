//! Matching keys: what two spellings of the same title or name have in common.

/// The key of a title or indicator name: full-width folded to ASCII, lower case, white space and punctuation dropped
/// (`（％）` and `(%)` agree, so do `“互联网+”` and `互联网＋`).
pub fn title_key(text: &str) -> String {
    text.chars().map(fold).filter(|c| c.is_alphanumeric()).collect()
}

/// The key of a project name: the title key, with Chinese numerals read as digits (`第六代` ≡ `第6代`) and a
/// trailing `项目` dropped (`…生产线项目` ≡ `…生产线`).
pub fn project_key(name: &str) -> String {
    let key = title_key(name);
    let mut out = String::with_capacity(key.len());
    let mut numeral = String::new();
    for c in key.chars() {
        if chinese_digit(c).is_some() || c == '十' {
            numeral.push(c);
            continue;
        }
        flush_numeral(&mut numeral, &mut out);
        out.push(c);
    }
    flush_numeral(&mut numeral, &mut out);
    out.strip_suffix("项目").map(str::to_owned).unwrap_or(out)
}

fn flush_numeral(numeral: &mut String, out: &mut String) {
    if numeral.is_empty() {
        return;
    }
    match chinese_value(numeral) {
        Some(value) => out.push_str(&value.to_string()),
        None => out.push_str(numeral),
    }
    numeral.clear();
}

fn chinese_digit(c: char) -> Option<u32> {
    "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as u32)
}

fn chinese_value(text: &str) -> Option<u32> {
    let mut total = 0;
    let mut digit = None;
    for c in text.chars() {
        if c == '十' {
            total += digit.take().unwrap_or(1) * 10;
        } else {
            digit = Some(chinese_digit(c)?);
        }
    }
    Some(total + digit.unwrap_or(0))
}

fn fold(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    c.to_lowercase().next().unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_noise_of_real_plans() {
        assert_eq!(project_key("华夏幸福基业第6代AMOLED生产线"), project_key("华夏幸福基业第六代AMOLED生产线项目"));
        assert_eq!(project_key("中国（衡水）交通装备制造基地"), project_key("中国(衡水)交通装备制造基地"));
        assert_ne!(project_key("唐山基地"), project_key("保定基地"));
        assert_eq!(
            title_key("规模以上工业企业R&D经费支出占主营业务收入比"),
            title_key("规模以上工业企业Ｒ＆Ｄ经费支出占主营业务收入比")
        );
        assert_eq!(title_key("“互联网＋”协同制造"), title_key("\"互联网+\"协同制造"));
    }
}
