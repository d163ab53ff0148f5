use super::{Converted, Source};

pub fn convert(_bytes: &[u8], _source: &Source) -> Result<Converted, String> {
    Err("not yet".into())
}
