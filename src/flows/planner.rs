//! The working state of one planning run, and the only way flows add to a
//! plan: every notice goes through step lookup, timing, consent gating,
//! redaction and keying here.

use super::context::FlowContext;
use super::due;
use super::event::Event;
use super::keys::Subject;
use super::plan::{
    Basis, Channel, Deadline, DeadlineKind, DisclosureCategory, Plan, PlannedNotice, Recipient,
    Task, TaskKind, Warning,
};
use super::routing::{consent, redaction};
use super::templates::TemplateKey;
use crate::calendar::BankHolidays;
use crate::rules::{Actor, DayUnit, Limit, Period, RuleSet, Step};
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::Value;

pub(crate) const STEP_TELL_VICTIM_WHAT_WAS_SHARED: &str = "routing.tell_victim_what_was_shared";

pub(crate) struct Planner<'a> {
    pub event: &'a Event,
    pub ctx: &'a FlowContext,
    pub rules: &'a RuleSet,
    pub holidays: &'a BankHolidays,
    pub now: DateTime<Utc>,
    pub plan: Plan,
}

/// A notice a flow wants to send, before gating.
pub(crate) struct Draft {
    step: &'static str,
    template: TemplateKey,
    recipient: Recipient,
    category: DisclosureCategory,
    subject: Subject,
    data: Vec<(&'static str, Value)>,
    send_after: Option<DateTime<Utc>>,
    not_after: Option<DateTime<Utc>>,
    basis: Option<Basis>,
    channel: Option<Channel>,
    private: bool,
}

impl Draft {
    pub fn new(
        step: &'static str,
        template: TemplateKey,
        recipient: Recipient,
        category: DisclosureCategory,
        subject: Subject,
    ) -> Self {
        Self {
            step,
            template,
            recipient,
            category,
            subject,
            data: Vec::new(),
            send_after: None,
            not_after: None,
            basis: None,
            channel: None,
            private: false,
        }
    }

    pub fn data(mut self, data: Vec<(&'static str, Value)>) -> Self {
        self.data = data;
        self
    }

    pub fn send_after(mut self, at: Option<DateTime<Utc>>) -> Self {
        self.send_after = at;
        self
    }

    pub fn not_after(mut self, at: Option<DateTime<Utc>>) -> Self {
        self.not_after = at;
        self
    }

    /// A basis decided by routing (the SPOC agreement) instead of gating.
    pub fn basis(mut self, basis: Basis) -> Self {
        self.basis = Some(basis);
        self
    }

    pub fn channel(mut self, channel: Channel) -> Self {
        self.channel = Some(channel);
        self
    }

    /// Marked not for public disclosure.
    pub fn private(mut self) -> Self {
        self.private = true;
        self
    }
}

/// The snake_case name serde gives a unit enum variant.
pub(crate) fn name_of<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

impl<'a> Planner<'a> {
    pub fn new(
        event: &'a Event,
        ctx: &'a FlowContext,
        rules: &'a RuleSet,
        holidays: &'a BankHolidays,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            event,
            ctx,
            rules,
            holidays,
            now,
            plan: Plan::default(),
        }
    }

    pub fn warn(&mut self, warning: Warning) {
        if !self.plan.warnings.contains(&warning) {
            self.plan.warnings.push(warning);
        }
    }

    pub fn missing(&mut self, what: &str) {
        self.warn(Warning::MissingContext { what: what.into() });
    }

    fn step(&mut self, key: &str) -> Option<Step> {
        if !self.rules.steps.contains_key(key) {
            self.warn(Warning::StepNotConfigured { step: key.into() });
        }
        self.rules.step(key).cloned()
    }

    /// Plans a notice if its step is enabled, its moment has not passed and
    /// a basis allows it. Returns whether it was planned.
    pub fn notice(&mut self, d: Draft) -> bool {
        let Some(step) = self.step(d.step) else {
            return false;
        };
        if d.not_after.is_some_and(|t| t <= self.now) {
            self.warn(Warning::NoticeTooLate {
                template: d.template,
                recipient: d.recipient,
            });
            return false;
        }
        let basis = match d.basis {
            Some(b) => b,
            None => match consent::basis_for(self.ctx, self.now, &d.recipient, d.category) {
                Ok(b) => b,
                Err(refusal) => {
                    self.warn(Warning::NoConsentToShare {
                        recipient: d.recipient,
                        category: d.category,
                        template: d.template,
                        withdrawn: refusal.withdrawn,
                    });
                    return false;
                }
            },
        };
        let key = d.subject.notice_key(d.step, &d.recipient);
        if self.plan.notices.iter().any(|n| n.idempotency_key == key) {
            return true;
        }
        let language = self.language_for(&d.recipient);
        let channel = d.channel.unwrap_or(match d.recipient {
            Recipient::Victim { .. } => Channel::VictimPreferred,
            _ => Channel::Email,
        });
        if let Basis::Lawful { .. } = basis {
            self.task(
                STEP_TELL_VICTIM_WHAT_WAS_SHARED,
                TaskKind::TellVictimWhatWasShared,
                &d.subject,
                None,
                format!(
                    "Where safe, tell the victim what was shared ({}) and with whom",
                    name_of(&d.category)
                ),
            );
        }
        let to_victim = matches!(d.recipient, Recipient::Victim { .. });
        let subject = d.subject.clone();
        self.plan.notices.push(PlannedNotice {
            idempotency_key: key,
            step: d.step.into(),
            reconstructed: step.reconstructed,
            citation: step.citation,
            recipient: d.recipient,
            channel,
            template: d.template,
            language,
            data: redaction::notice_data(d.template, d.data),
            send_after: d.send_after,
            not_after: d.not_after,
            category: d.category,
            basis,
            not_for_public_disclosure: d.private,
        });
        // A child's responsible adults are sent what she is sent.
        if to_victim {
            if let Some(hers) = self.plan.notices.last().cloned() {
                super::responsible_adults::copy_to_adults(self, &hers, &subject);
            }
        }
        true
    }

    fn language_for(&mut self, recipient: &Recipient) -> String {
        let court = self
            .ctx
            .hearing
            .as_ref()
            .map_or(&self.ctx.case.court, |h| &h.court);
        let chosen = match recipient {
            // Her chosen contact is written to in her language too.
            Recipient::Victim { .. } | Recipient::VictimContact { .. } => {
                Some(self.ctx.victim.preferred_language.as_str())
            }
            Recipient::Supporter { user_id } => self
                .ctx
                .supporter
                .as_ref()
                .filter(|s| &s.user_id == user_id)
                .and_then(|s| s.language.as_deref()),
            // A child's adults are written to in their own language
            // (`responsible_adults::copy_to_adults`).
            Recipient::ResponsibleAdult { .. } => None,
            Recipient::WitnessCareUnit { .. }
            | Recipient::Prosecutor
            | Recipient::WitnessService { .. }
            | Recipient::Court { .. }
            | Recipient::VictimLiaisonOfficer => self
                .ctx
                .partner_languages
                .get(&recipient.key())
                .map(String::as_str),
        };
        let (used, unavailable) =
            notice_language(&self.rules.notice_languages, chosen, court.in_wales);
        if let Some(wanted) = unavailable {
            self.warn(Warning::LanguageUnavailable {
                wanted,
                used: used.clone(),
            });
        }
        used
    }

    /// Plans a task for the step's actor.
    pub fn task(
        &mut self,
        step: &'static str,
        kind: TaskKind,
        subject: &Subject,
        due: Option<DateTime<Utc>>,
        detail: String,
    ) -> bool {
        let Some(actor) = self.rules.step(step).map(|s| s.actor) else {
            self.step(step);
            return false;
        };
        self.task_for(step, kind, subject, due, actor, detail)
    }

    /// Plans a task for a named actor (the agency an event came from).
    pub fn task_for(
        &mut self,
        step: &'static str,
        kind: TaskKind,
        subject: &Subject,
        due: Option<DateTime<Utc>>,
        role: Actor,
        detail: String,
    ) -> bool {
        let assignee = match role {
            Actor::Supporter => self.ctx.supporter.as_ref().map(|s| s.user_id.clone()),
            _ => None,
        };
        let key = subject.item_key(step, "task");
        self.push_task(step, kind, key, due, role, assignee, detail)
    }

    /// Plans a task for one named person (`assignee`, a user id) as the
    /// step's actor, keyed under `subject` by the step and `item` (so one
    /// step can plan several, e.g. one per reminder rule).
    pub fn task_to(
        &mut self,
        step: &'static str,
        kind: TaskKind,
        (subject, item): (&Subject, &str),
        due: Option<DateTime<Utc>>,
        assignee: &str,
        detail: String,
    ) -> bool {
        let Some(role) = self.rules.step(step).map(|s| s.actor) else {
            self.step(step);
            return false;
        };
        let key = subject.item_key(step, item);
        self.push_task(
            step,
            kind,
            key,
            due,
            role,
            Some(assignee.to_owned()),
            detail,
        )
    }

    #[allow(clippy::too_many_arguments)]
    fn push_task(
        &mut self,
        step: &'static str,
        kind: TaskKind,
        key: String,
        due: Option<DateTime<Utc>>,
        role: Actor,
        assignee: Option<String>,
        detail: String,
    ) -> bool {
        let Some(s) = self.step(step) else {
            return false;
        };
        if self.plan.tasks.iter().any(|t| t.idempotency_key == key) {
            return true;
        }
        self.plan.tasks.push(Task {
            idempotency_key: key,
            step: step.into(),
            reconstructed: s.reconstructed,
            citation: s.citation,
            role,
            assignee,
            kind,
            due,
            detail,
        });
        true
    }

    /// A deadline `limit` after `from`.
    pub fn deadline_after(
        &mut self,
        kind: DeadlineKind,
        limit: &Limit,
        from: NaiveDate,
        subject: &Subject,
        operational: bool,
    ) -> Deadline {
        let due_date = limit.date_after(from, self.holidays);
        self.push_deadline(kind, limit, from, due_date, subject, operational)
    }

    /// A deadline `limit` before `to` (an alert ahead of a hearing).
    pub fn deadline_before(
        &mut self,
        kind: DeadlineKind,
        limit: &Limit,
        to: NaiveDate,
        subject: &Subject,
        operational: bool,
    ) -> Deadline {
        let due_date = limit.date_before(to, self.holidays);
        self.push_deadline(kind, limit, to, due_date, subject, operational)
    }

    /// A deadline on `due_date`, counted from `counted_from` by `period`
    /// (the after-outcome rules, which may count in months).
    pub fn deadline_by_period(
        &mut self,
        kind: DeadlineKind,
        period: &Period,
        (counted_from, due_date): (NaiveDate, NaiveDate),
        subject: &Subject,
        operational: bool,
    ) -> Deadline {
        let source = Limit {
            amount: i64::from(period.amount),
            unit: if period.working_days() {
                DayUnit::WorkingDays
            } else {
                DayUnit::CalendarDays
            },
            citation: period.citation.clone(),
            confirmed: period.confirmed,
            wording: None,
        };
        self.push_deadline(kind, &source, counted_from, due_date, subject, operational)
    }

    fn push_deadline(
        &mut self,
        kind: DeadlineKind,
        limit: &Limit,
        counted_from: NaiveDate,
        due_date: NaiveDate,
        subject: &Subject,
        operational: bool,
    ) -> Deadline {
        for year in due::uncovered_years(self.holidays, limit, counted_from, due_date) {
            self.warn(Warning::BankHolidayDataMissing { year });
        }
        let deadline = Deadline {
            key: subject.item_key(
                &name_of(&kind),
                &limit
                    .wording
                    .as_ref()
                    .map_or("deadline".to_owned(), |w| format!("deadline:{w}")),
            ),
            kind,
            counted_from,
            due_date,
            due: due::due_instant(self.rules, due_date),
            citation: limit.citation.clone(),
            confirmed: limit.confirmed,
            operational,
        };
        if !self.plan.deadlines.contains(&deadline) {
            self.plan.deadlines.push(deadline.clone());
        }
        deadline
    }
}

/// The bilingual form: the Welsh text first, then the English.
pub const BILINGUAL: &str = "cy+en";

/// The language a notice is written in, from what the recipient chose and
/// where the court sits: their own choice where templates exist for it;
/// with no choice, Welsh and English for a court in Wales (as HMCTS writes
/// there) and otherwise the first listed language. Returns the language
/// and, when the chosen one is not available, what was wanted.
pub fn notice_language(
    available: &[String],
    chosen: Option<&str>,
    court_in_wales: bool,
) -> (String, Option<String>) {
    let fallback = available.first().cloned().unwrap_or_else(|| "en".into());
    let has = |l: &str| available.iter().any(|a| a.eq_ignore_ascii_case(l));
    match chosen.map(str::trim).filter(|c| !c.is_empty()) {
        Some(wanted) if has(wanted) => (wanted.to_ascii_lowercase(), None),
        Some(wanted) => (fallback, Some(wanted.to_owned())),
        None if court_in_wales && has("cy") && has("en") => (BILINGUAL.to_owned(), None),
        None => (fallback, None),
    }
}
