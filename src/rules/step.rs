//! A flow step as data: who acts, on what authority, and whether the step is
//! our reconstruction of a flow chart rather than a rule's own words.

use serde::{Deserialize, Serialize};

listed_enum! {
    /// Who must act on a step.
    #[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
    #[serde(rename_all = "snake_case")]
    pub enum Actor {
        Supporter,
        WitnessCareOfficer,
        Prosecutor,
        WitnessService,
        Court,
        VictimLiaisonOfficer,
        /// The agency that holds the update (police, prosecutor, probation).
        Agency,
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Step {
    pub actor: Actor,
    pub description: String,
    pub citation: String,
    /// True where the step is our reading of a flow chart, not a rule's text.
    #[serde(default)]
    pub reconstructed: bool,
    /// A disabled step plans nothing (lets a service switch a reconstructed
    /// step off without a code change).
    #[serde(default = "yes")]
    pub enabled: bool,
    /// False where the citation's numbering has not been checked for this
    /// version (e.g. after a renumbering).
    #[serde(default = "yes")]
    pub citation_confirmed: bool,
}

fn yes() -> bool {
    true
}
