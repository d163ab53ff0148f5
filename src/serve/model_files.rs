//! The files made from the whole model (the search index) are rebuilt in the background after
//! each rebuild, so an edited page is served as soon as it is rendered instead of waiting for
//! the index of every document; the search catches up a moment later. Only the newest model is
//! indexed when several rebuilds queue up.

use super::state::Shared;
use crate::model::Archive;
use std::sync::mpsc::{channel, Sender};
use std::sync::Arc;

/// Starts the worker; send it each published model. It stops when the sender is dropped.
pub fn start(shared: Arc<Shared>) -> Sender<Arc<Archive>> {
    let (tx, rx) = channel::<Arc<Archive>>();
    let _ = std::thread::Builder::new()
        .name("arkiv-serve-index".into())
        .spawn(move || {
            while let Ok(mut archive) = rx.recv() {
                while let Ok(newer) = rx.try_recv() {
                    archive = newer;
                }
                shared.publish_model_files(crate::pipeline::model_files(&archive));
            }
        });
    tx
}
