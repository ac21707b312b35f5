//! The reviewer console at `/console`: server-rendered HTML (maud, escaped by default), no
//! script needed, every page behind a session, every form with a CSRF token.
//!
//! | page | who |
//! |---|---|
//! | `GET/POST /console/login`, `POST /console/logout` | anyone / signed in |
//! | `GET /console` (queue), `GET /console/items/{id}`, `POST /console/items/{id}/verdict` | reviewer |
//! | `GET /console/accounts/{id}`, `GET/POST /console/simulator`, `GET /console/overview` | reviewer |
//! | `GET/POST /console/admin/reviewers` | admin |
//!
//! Verdicts are ledger events like those of the API, with the signed-in reviewer's name: the
//! ledger is the audit log.

mod highlight;
mod pages;
pub mod session;
mod stored;

use std::sync::Arc;

use axum::routing::{get, post};
use axum::Router;

use crate::state::AppState;

pub use pages::check_new_reviewer;
pub use session::{hash_password, Role};

/// The console's routes, to merge into the service's router.
pub fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/console", get(pages::queue))
        .route("/console/", get(pages::queue))
        .route("/console/style.css", get(pages::style))
        .route("/console/login", get(pages::login_form).post(pages::login))
        .route("/console/logout", post(pages::logout))
        .route("/console/items/{item_id}", get(pages::item))
        .route("/console/items/{item_id}/verdict", post(pages::verdict))
        .route("/console/accounts/{account}", get(pages::account))
        .route(
            "/console/simulator",
            get(pages::simulator_form).post(pages::simulate),
        )
        .route("/console/overview", get(pages::overview))
        .route(
            "/console/admin/reviewers",
            get(pages::reviewers).post(pages::add_reviewer),
        )
}
