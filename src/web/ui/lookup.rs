//! Names for ids on a page: courts, case references and victims'
//! pseudonymous references, each loaded through its resource (so a
//! reference shows only where the record may be seen).

use std::collections::HashMap;

use serde_json::json;

use crate::error::AppResult;
use crate::policy::{permits, Action, ResourceKind};
use crate::resources::{CaseOut, Cases, Courts, Victims};
use crate::store::AnyConn;
use crate::web::api::resource::Ctx;

use super::list_all;

#[derive(Default)]
pub struct Lookup {
    courts: HashMap<String, String>,
    pub cases: HashMap<String, CaseOut>,
    victims: HashMap<String, String>,
}

/// A case's reference: its URN, or the court's case number.
pub fn case_reference(c: &CaseOut) -> String {
    c.urn
        .clone()
        .or_else(|| c.case_number.clone())
        .unwrap_or_else(|| format!("case {}", &c.id[..8.min(c.id.len())]))
}

impl Lookup {
    pub fn load(conn: &mut AnyConn, ctx: &Ctx) -> AppResult<Lookup> {
        // The reach is read once for the cases' and victims' pages (it
        // writes nothing), not once per page of each list.
        let pinned;
        let ctx = match ctx.reach {
            Some(_) => ctx,
            None => {
                pinned = ctx.pinned(conn)?;
                &pinned
            }
        };
        let role = ctx.actor.role;
        let courts = list_all::<Courts>(conn, ctx, json!({}))?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        let cases = if permits(role, ResourceKind::Case, Action::Read) {
            list_all::<Cases>(conn, ctx, json!({}))?
                .into_iter()
                .map(|c| (c.id.clone(), c))
                .collect()
        } else {
            HashMap::new()
        };
        let victims = if permits(role, ResourceKind::Victim, Action::Read) {
            list_all::<Victims>(conn, ctx, json!({}))?
                .into_iter()
                .map(|v| (v.id, v.reference))
                .collect()
        } else {
            HashMap::new()
        };
        Ok(Lookup {
            courts,
            cases,
            victims,
        })
    }

    pub fn court(&self, id: &str) -> String {
        self.courts
            .get(id)
            .cloned()
            .unwrap_or_else(|| "a court not in the directory".into())
    }

    pub fn courts_sorted(&self) -> Vec<(String, String)> {
        let mut all: Vec<(String, String)> = self
            .courts
            .iter()
            .map(|(id, name)| (id.clone(), name.clone()))
            .collect();
        all.sort_by(|a, b| a.1.cmp(&b.1));
        all
    }

    pub fn case_ref(&self, id: &str) -> String {
        self.cases
            .get(id)
            .map(case_reference)
            .unwrap_or_else(|| "a case".into())
    }

    pub fn victim_ref(&self, id: &str) -> String {
        self.victims
            .get(id)
            .cloned()
            .unwrap_or_else(|| "a victim".into())
    }

    /// The victim reference of a case.
    pub fn case_victim_ref(&self, case_id: &str) -> String {
        self.cases
            .get(case_id)
            .map(|c| self.victim_ref(&c.victim_id))
            .unwrap_or_else(|| "a victim".into())
    }
}
