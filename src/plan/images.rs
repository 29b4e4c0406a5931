//! The resized versions of the images of `content/`, beside each image.

use super::{Derived, OutPath, Planner};
use crate::error::Diagnostic;

/// Adds every version of every image.
pub(super) fn plan(p: &mut Planner<'_, '_>) {
    let site = p.site;
    for info in site.images.all() {
        for (i, variant) in info.variants.iter().enumerate() {
            match OutPath::new(&variant.out) {
                Ok(out) => p.file(
                    out,
                    Derived::Image {
                        rel: info.rel.clone(),
                        variant: i,
                    },
                ),
                Err(e) => p.out.push(Diagnostic::error(
                    &info.display,
                    format!("the path of its version {} {e}", variant.out),
                )),
            }
        }
    }
}
