//! Names for ids on a page: courts, case references and victims'
//! pseudonymous references, each loaded through its resource (so a
//! reference shows only where the record may be seen).
//!
//! A page that lists records of many cases names only the cases and
//! victims it shows ([`Lookup::naming`]), so its cost follows the page,
//! not the size of the person's reach (a manager reaches every case of the
//! service); [`Lookup::load`] reads everything in reach, for the pages
//! that offer a choice among them.

use std::collections::{BTreeSet, HashMap};

use serde_json::json;

use crate::error::AppResult;
use crate::policy::{permits, Action, ResourceKind};
use crate::resources::{named_cases, named_victims, CaseOut, Cases, Courts, VictimOut, Victims};
use crate::store::AnyConn;
use crate::web::api::resource::Ctx;

use super::list_all;

#[derive(Default)]
pub struct Lookup {
    courts: HashMap<String, String>,
    pub cases: HashMap<String, CaseOut>,
    victims: HashMap<String, String>,
}

/// The cases and victims a page names.
#[derive(Default, Debug)]
pub struct Named {
    cases: BTreeSet<String>,
    victims: BTreeSet<String>,
}

impl Named {
    /// A case the page names (its victim is named with it).
    pub fn case(&mut self, id: &str) -> &mut Self {
        self.cases.insert(id.to_string());
        self
    }

    /// A record of a victim, and of one of her cases if it has one.
    pub fn record(&mut self, case_id: Option<&str>, victim_id: &str) -> &mut Self {
        if let Some(c) = case_id {
            self.case(c);
        }
        self.victim(victim_id)
    }

    /// A victim the page names.
    pub fn victim(&mut self, id: &str) -> &mut Self {
        self.victims.insert(id.to_string());
        self
    }
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
        } else {
            Vec::new()
        };
        Ok(Lookup::of(courts, cases, victims))
    }

    /// Every court, and the cases and victims `named` that are within the
    /// person's reach (the victims of the named cases too), read by id.
    pub fn naming(conn: &mut AnyConn, ctx: &Ctx, named: &Named) -> AppResult<Lookup> {
        let role = ctx.actor.role;
        let courts = list_all::<Courts>(conn, ctx, json!({}))?
            .into_iter()
            .map(|c| (c.id, c.name))
            .collect();
        let mut victim_ids = named.victims.clone();
        let cases: HashMap<String, CaseOut> =
            if permits(role, ResourceKind::Case, Action::Read) && !named.cases.is_empty() {
                let ids: Vec<String> = named.cases.iter().cloned().collect();
                named_cases(conn, ctx, &ids)?
                    .into_iter()
                    .map(|c| (c.id.clone(), c))
                    .collect()
            } else {
                HashMap::new()
            };
        victim_ids.extend(cases.values().map(|c| c.victim_id.clone()));
        let victims = if permits(role, ResourceKind::Victim, Action::Read) && !victim_ids.is_empty()
        {
            let ids: Vec<String> = victim_ids.into_iter().collect();
            named_victims(conn, ctx, &ids)?
        } else {
            Vec::new()
        };
        Ok(Lookup::of(courts, cases, victims))
    }

    fn of(
        courts: HashMap<String, String>,
        cases: HashMap<String, CaseOut>,
        victims: Vec<VictimOut>,
    ) -> Lookup {
        Lookup {
            courts,
            cases,
            victims: victims.into_iter().map(|v| (v.id, v.reference)).collect(),
        }
    }

    /// Every court, and one case with its victim: for a page about one
    /// case or one of its records.
    pub fn for_case(conn: &mut AnyConn, ctx: &Ctx, case_id: &str) -> AppResult<Lookup> {
        let mut named = Named::default();
        named.case(case_id);
        Lookup::naming(conn, ctx, &named)
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
