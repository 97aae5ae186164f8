//! Bytes to text: byte-order marks, UTF-8, GB18030, an explicit override, and a diagnostic for every byte sequence
//! that could not be decoded.

use encoding_rs::{DecoderResult, Encoding, GB18030, UTF_8};
use guihua_model::{Diagnostic, Severity, Source};
use sha2::{Digest, Sha256};

use crate::text::LineIndex;
use crate::{Error, Result};

/// Text decoded from bytes, with what the decoder found.
#[derive(Debug, Clone)]
pub struct Decoded {
    /// The text, without a byte-order mark. Spans point into it.
    pub text: String,
    /// The source description: encoding, BOM, size and hash (the path is the caller's to fill in).
    pub source: Source,
    /// One diagnostic per undecodable byte sequence, each replaced by U+FFFD in `text`.
    pub diagnostics: Vec<Diagnostic>,
}

/// An undecodable byte sequence: where its U+FFFD stands in the text, and where the bytes stood in the input.
struct Malformed {
    text_offset: usize,
    byte_offset: usize,
    len: usize,
}

/// Decodes `bytes`, detecting the encoding unless `label` names one (`gbk`, `utf-16le`, … as the WHATWG Encoding
/// Standard spells them).
///
/// Detection, in order: a byte-order mark (UTF-8, UTF-16LE, UTF-16BE); valid UTF-8; then UTF-8 if at most one in
/// fifty of its non-ASCII bytes are undecodable (a damaged UTF-8 file), else GB18030, the superset of GBK and GB2312.
/// Bytes with a NUL and no UTF-16 byte-order mark are refused as not text.
pub fn decode(bytes: &[u8], label: Option<&str>) -> Result<Decoded> {
    let forced = match label {
        Some(label) => {
            Some(Encoding::for_label(label.trim().as_bytes()).ok_or_else(|| Error::UnknownEncoding(label.to_owned()))?)
        }
        None => None,
    };
    let (bom_encoding, bom_len) = Encoding::for_bom(bytes).unzip();
    let bom_len = bom_len.unwrap_or(0);
    // Valid UTF-8 without a BOM, the common case, is validated once and copied.
    let mut valid_utf8 = None;
    let encoding = match (forced, bom_encoding) {
        (Some(forced), _) => forced,
        (None, Some(bom)) => bom,
        (None, None) => {
            if let Some(offset) = memchr::memchr(0, bytes) {
                return Err(Error::NotText { offset });
            }
            valid_utf8 = utf8(bytes);
            if valid_utf8.is_some() { UTF_8 } else { sniff(bytes) }
        }
    };
    // A BOM is dropped only when it belongs to the encoding in use; a forced encoding keeps other bytes as they are.
    let skip = if bom_encoding == Some(encoding) { bom_len } else { 0 };
    let (text, malformed) = match valid_utf8 {
        Some(text) => (text.to_owned(), Vec::new()),
        None => decode_with(encoding, &bytes[skip..], skip),
    };

    // Lines are indexed only to place malformed bytes: most files have none.
    let index = if malformed.is_empty() { LineIndex::new("") } else { LineIndex::new(&text) };
    let diagnostics = malformed
        .iter()
        .map(|m| Diagnostic {
            code: "decode.invalid_bytes".into(),
            severity: Severity::Error,
            message: format!(
                "{} byte(s) at byte offset {} are not valid {}: replaced by U+FFFD",
                m.len,
                m.byte_offset,
                encoding.name()
            ),
            span: Some(index.span(m.text_offset, m.text_offset + '\u{FFFD}'.len_utf8())),
        })
        .collect();
    let source = Source {
        path: None,
        encoding: encoding.name().to_owned(),
        bom: skip > 0,
        sha256: hex_sha256(bytes),
        bytes: bytes.len() as u64,
    };
    Ok(Decoded { text, source, diagnostics })
}

/// [`decode`], taking the bytes: valid UTF-8 without a byte-order mark or a label, the common case, becomes the text
/// as it is, without a copy.
pub(crate) fn decode_owned(bytes: Vec<u8>, label: Option<&str>) -> Result<Decoded> {
    if label.is_some() || Encoding::for_bom(&bytes).is_some() || memchr::memchr(0, &bytes).is_some() {
        return decode(&bytes, label);
    }
    let (sha256, size) = (hex_sha256(&bytes), bytes.len() as u64);
    match String::from_utf8(bytes) {
        Ok(text) => {
            let source = Source { path: None, encoding: UTF_8.name().to_owned(), bom: false, sha256, bytes: size };
            Ok(Decoded { text, source, diagnostics: Vec::new() })
        }
        Err(err) => decode(err.as_bytes(), label),
    }
}

/// `bytes` as text when they are valid UTF-8, checked by encoding_rs, which is several times faster than the standard
/// library on Chinese text.
fn utf8(bytes: &[u8]) -> Option<&str> {
    match UTF_8.decode_without_bom_handling_and_without_replacement(bytes)? {
        std::borrow::Cow::Borrowed(text) => Some(text),
        std::borrow::Cow::Owned(_) => None, // valid UTF-8 is always borrowed
    }
}

/// Chooses between UTF-8 and GB18030 for bytes without a byte-order mark that are not valid UTF-8.
fn sniff(bytes: &[u8]) -> &'static Encoding {
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    let invalid = invalid_utf8_sequences(bytes);
    if invalid * 50 <= non_ascii { UTF_8 } else { GB18030 }
}

fn invalid_utf8_sequences(mut bytes: &[u8]) -> usize {
    let mut count = 0;
    loop {
        match std::str::from_utf8(bytes) {
            Ok(_) => return count,
            Err(e) => {
                count += 1;
                let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
                bytes = &bytes[skip..];
            }
        }
    }
}

fn decode_with(encoding: &'static Encoding, bytes: &[u8], base: usize) -> (String, Vec<Malformed>) {
    if encoding == UTF_8
        && let Some(text) = utf8(bytes)
    {
        return (text.to_owned(), Vec::new());
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity =
        decoder.max_utf8_buffer_length_without_replacement(bytes.len()).unwrap_or(bytes.len().saturating_mul(3));
    let mut text = String::with_capacity(capacity);
    let mut malformed = Vec::new();
    let mut pos = 0;
    loop {
        let (result, read) = decoder.decode_to_string_without_replacement(&bytes[pos..], &mut text, true);
        pos += read;
        match result {
            DecoderResult::InputEmpty => break,
            DecoderResult::OutputFull => text.reserve(bytes.len() - pos + 16),
            DecoderResult::Malformed(bad, after) => {
                let len = usize::from(bad);
                let byte_offset = pos - usize::from(after) - len;
                malformed.push(Malformed { text_offset: text.len(), byte_offset: base + byte_offset, len });
                text.push('\u{FFFD}');
            }
        }
    }
    (text, malformed)
}

/// Hex SHA-256 of `bytes`, as recorded in `source.sha256`.
pub fn hex_sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut out = String::with_capacity(64);
    for byte in digest {
        out.push(char::from_digit(u32::from(byte >> 4), 16).expect("a nibble is a hex digit"));
        out.push(char::from_digit(u32::from(byte & 0xf), 16).expect("a nibble is a hex digit"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_bytes_decode_as_borrowed_ones() {
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice("规划".as_bytes());
        let gbk = encoding_rs::GBK.encode("第一章　总则　规划目标").0.into_owned();
        for bytes in [b"plain".to_vec(), "规划，目标。".as_bytes().to_vec(), bom, gbk, b"a\0b".to_vec()] {
            let borrowed = decode(&bytes, None);
            let owned = decode_owned(bytes, None);
            match (borrowed, owned) {
                (Ok(b), Ok(o)) => {
                    assert_eq!((b.text, b.source, b.diagnostics), (o.text, o.source, o.diagnostics));
                }
                (Err(b), Err(o)) => assert_eq!(b.to_string(), o.to_string()),
                (b, o) => panic!("{b:?} against {o:?}"),
            }
        }
    }

    #[test]
    fn utf8_plain_and_with_bom() {
        let plain = decode("规划".as_bytes(), None).unwrap();
        assert_eq!(plain.text, "规划");
        assert_eq!(plain.source.encoding, "UTF-8");
        assert!(!plain.source.bom);
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("规划".as_bytes());
        let bom = decode(&bytes, None).unwrap();
        assert_eq!(bom.text, "规划");
        assert!(bom.source.bom);
        assert_eq!(bom.source.bytes, 9);
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for unit in "规划\r\n".encode_utf16() {
            le.extend_from_slice(&unit.to_le_bytes());
            be.extend_from_slice(&unit.to_be_bytes());
        }
        assert_eq!(decode(&le, None).unwrap().text, "规划\r\n");
        assert_eq!(decode(&le, None).unwrap().source.encoding, "UTF-16LE");
        assert_eq!(decode(&be, None).unwrap().text, "规划\r\n");
        assert_eq!(decode(&be, None).unwrap().source.encoding, "UTF-16BE");
    }

    #[test]
    fn gbk_is_detected_as_gb18030() {
        let (bytes, _, _) = GB18030.encode("河北省工业转型升级“十三五”规划");
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.source.encoding, "gb18030");
        assert_eq!(decoded.text, "河北省工业转型升级“十三五”规划");
        assert!(decoded.diagnostics.is_empty());
    }

    #[test]
    fn a_damaged_utf8_byte_becomes_a_replacement_with_its_offset() {
        let mut bytes = "规划期2016-2020年。".repeat(30).into_bytes();
        bytes[5] = b'A'; // the last byte of 划 replaced: 0xE5 0x88 is cut short
        let decoded = decode(&bytes, None).unwrap();
        assert_eq!(decoded.source.encoding, "UTF-8");
        assert_eq!(decoded.diagnostics.len(), 1);
        assert!(decoded.diagnostics[0].message.contains("2 byte(s) at byte offset 3"), "{:?}", decoded.diagnostics);
        assert!(decoded.text.starts_with("规\u{FFFD}A期"));
    }

    #[test]
    fn nul_bytes_without_a_utf16_bom_are_not_text() {
        let err = decode(b"PK\x03\x04\x00\x00", None).unwrap_err();
        assert_eq!(err.to_string(), "not a text document: NUL byte at byte offset 4");
    }

    #[test]
    fn an_explicit_label_wins() {
        let (bytes, _, _) = GB18030.encode("规划");
        assert_eq!(decode(&bytes, Some("gbk")).unwrap().text, "规划");
        assert_eq!(decode(b"x", Some("klingon")).unwrap_err().to_string(), "unknown encoding `klingon`");
    }
}
