//! Form fields described in Rust and drawn by one partial
//! (`templates/partials/field.hbs`), so every input has a label, a hint
//! where useful, its error beside it, and the id the error summary links to.

use serde::Serialize;

use super::forms::{FormData, Problems};

#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub id: String,
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
    pub selected: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Field {
    pub id: String,
    pub name: String,
    pub label: String,
    pub hint: Option<String>,
    pub error: Option<String>,
    pub value: String,
    /// For inputs: text, date, time or number.
    pub input_type: &'static str,
    pub is_input: bool,
    pub is_select: bool,
    pub is_radios: bool,
    pub is_checkboxes: bool,
    pub is_textarea: bool,
    /// A date in three boxes (day, month, year), the GOV.UK date input.
    pub is_date: bool,
    /// The three boxes' values, for a date.
    pub parts: Vec<DatePart>,
    pub options: Vec<Choice>,
    /// A width class for short inputs.
    pub width: &'static str,
    /// `aria-describedby` for the control: its hint and error ids.
    pub described_by: Option<String>,
    /// The input's purpose, for browsers and assistive technology.
    pub autocomplete: Option<&'static str>,
}

impl Field {
    fn new(name: &str, label: &str) -> Field {
        Field {
            id: name.to_string(),
            name: name.to_string(),
            label: label.to_string(),
            hint: None,
            error: None,
            value: String::new(),
            input_type: "text",
            is_input: false,
            is_select: false,
            is_radios: false,
            is_checkboxes: false,
            is_textarea: false,
            is_date: false,
            parts: Vec::new(),
            options: Vec::new(),
            width: "",
            described_by: None,
            autocomplete: None,
        }
    }

    pub fn text(name: &str, label: &str) -> Field {
        Field {
            is_input: true,
            ..Field::new(name, label)
        }
    }

    /// A date typed in three boxes; the form reads it as `name`
    /// (`forms::fold_dates`). The day box has the field's id, so an error
    /// links to it.
    pub fn date(name: &str, label: &str) -> Field {
        Field {
            is_date: true,
            ..Field::new(name, label)
        }
        .hint(&super::i18n::text(
            super::i18n::request_lang(),
            "form-date-hint",
        ))
    }

    pub fn time(name: &str, label: &str) -> Field {
        Field {
            is_input: true,
            input_type: "time",
            width: "input--width-5",
            ..Field::new(name, label)
        }
        .hint("UK time, 24-hour clock, for example 14:30")
    }

    pub fn number(name: &str, label: &str) -> Field {
        Field {
            is_input: true,
            input_type: "number",
            width: "input--width-5",
            ..Field::new(name, label)
        }
    }

    pub fn textarea(name: &str, label: &str) -> Field {
        Field {
            is_textarea: true,
            ..Field::new(name, label)
        }
    }

    pub fn select(name: &str, label: &str, options: &[(String, String)]) -> Field {
        Field {
            is_select: true,
            options: choices(name, options),
            ..Field::new(name, label)
        }
    }

    pub fn radios(name: &str, label: &str, options: &[(String, String)]) -> Field {
        Field {
            is_radios: true,
            options: choices(name, options),
            ..Field::new(name, label)
        }
    }

    pub fn checkboxes(name: &str, label: &str, options: &[(String, String)]) -> Field {
        Field {
            is_checkboxes: true,
            options: choices(name, options),
            ..Field::new(name, label)
        }
    }

    /// An input of another type (email, password).
    pub fn typed(mut self, input_type: &'static str, autocomplete: &'static str) -> Field {
        self.input_type = input_type;
        self.autocomplete = Some(autocomplete);
        self
    }

    pub fn hint(mut self, hint: &str) -> Field {
        self.hint = Some(hint.to_string());
        self
    }

    /// Gives each choice a hint, by value.
    pub fn choice_hint(mut self, value: &str, hint: &str) -> Field {
        if let Some(c) = self.options.iter_mut().find(|c| c.value == value) {
            c.hint = Some(hint.to_string());
        }
        self
    }

    /// Fills in the current values (defaults or what was posted) and the
    /// field's error.
    pub fn fill(mut self, values: &FormData, problems: &Problems) -> Field {
        self.error = problems
            .0
            .iter()
            .find(|p| p.field == self.id)
            .map(|p| p.message.clone());
        let sent = values.all(&self.name);
        if self.is_input || self.is_textarea || self.is_date {
            self.value = values.get(&self.name).unwrap_or("").to_string();
        }
        if self.is_date {
            self.parts = date_parts(&self.id, &self.name, &self.value, values);
        }
        for c in &mut self.options {
            c.selected = sent.contains(&c.value);
        }
        let mut ids = Vec::new();
        if self.hint.is_some() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.error.is_some() {
            ids.push(format!("{}-error", self.id));
        }
        self.described_by = (!ids.is_empty()).then(|| ids.join(" "));
        self
    }
}

/// One box of a date.
#[derive(Debug, Clone, Serialize)]
pub struct DatePart {
    pub id: String,
    pub name: String,
    pub label: &'static str,
    pub value: String,
    pub width: &'static str,
}

/// The boxes of a date: what was typed in them when the form comes back
/// with an error, or else the date's value (YYYY-MM-DD) split up.
fn date_parts(id: &str, name: &str, value: &str, values: &FormData) -> Vec<DatePart> {
    let stored = super::forms::parse_date(value);
    let from_value = |what: &str| match stored {
        Some(d) => match what {
            "day" => d.format("%-d").to_string(),
            "month" => d.format("%-m").to_string(),
            _ => d.format("%Y").to_string(),
        },
        None => String::new(),
    };
    super::forms::DATE_PARTS
        .iter()
        .map(|(what, suffix)| {
            let part_name = format!("{name}{suffix}");
            let typed = values.get(&part_name).map(str::to_string);
            DatePart {
                id: if *what == "day" {
                    id.to_string()
                } else {
                    format!("{id}{suffix}")
                },
                value: typed.unwrap_or_else(|| from_value(what)),
                name: part_name,
                // The catalogue's key: the template looks the words up.
                label: match *what {
                    "day" => "form-date-day",
                    "month" => "form-date-month",
                    _ => "form-date-year",
                },
                width: if *what == "year" {
                    "input--width-4"
                } else {
                    "input--width-2"
                },
            }
        })
        .collect()
}

/// The first choice's id is the field's own, so an error links to it.
fn choices(name: &str, options: &[(String, String)]) -> Vec<Choice> {
    options
        .iter()
        .enumerate()
        .map(|(i, (value, label))| Choice {
            id: if i == 0 {
                name.to_string()
            } else {
                format!("{name}-{}", value.replace('_', "-"))
            },
            value: value.clone(),
            label: label.clone(),
            hint: None,
            selected: false,
        })
        .collect()
}

/// Fills every field.
pub fn fill_all(fields: Vec<Field>, values: &FormData, problems: &Problems) -> Vec<Field> {
    fields
        .into_iter()
        .map(|f| f.fill(values, problems))
        .collect()
}

/// Options from a vocabulary and its labels.
pub fn options_of<T: Copy>(
    all: &[T],
    as_str: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(String, String)> {
    all.iter()
        .map(|v| (as_str(*v).to_string(), label(*v).to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filled_fields_carry_value_error_and_description() {
        let values = FormData(vec![
            ("date".into(), "2026-03-30".into()),
            ("measures".into(), "screens".into()),
            ("measures".into(), "live_link".into()),
        ]);
        let mut problems = Problems::new();
        problems.add("date", "Date is in the past");
        let date = Field::date("date", "Date").fill(&values, &problems);
        assert_eq!(date.value, "2026-03-30");
        assert_eq!(date.error.as_deref(), Some("Date is in the past"));
        assert_eq!(date.described_by.as_deref(), Some("date-hint date-error"));
        let boxes: Vec<(&str, &str, &str)> = date
            .parts
            .iter()
            .map(|p| (p.id.as_str(), p.name.as_str(), p.value.as_str()))
            .collect();
        assert_eq!(
            boxes,
            [
                ("date", "date-day", "30"),
                ("date-month", "date-month", "3"),
                ("date-year", "date-year", "2026"),
            ]
        );

        let options = vec![
            ("screens".to_string(), "Screens".to_string()),
            ("live_link".to_string(), "Live link".to_string()),
            ("intermediary".to_string(), "Intermediary".to_string()),
        ];
        let m = Field::checkboxes("measures", "Measures", &options).fill(&values, &problems);
        assert_eq!(m.options[0].id, "measures");
        assert_eq!(m.options[1].id, "measures-live-link");
        let ticked: Vec<bool> = m.options.iter().map(|c| c.selected).collect();
        assert_eq!(ticked, [true, true, false]);
        assert!(m.described_by.is_none());
    }

    #[test]
    fn a_date_that_came_back_with_an_error_shows_what_was_typed() {
        let values = FormData(super::super::forms::fold_dates(vec![
            ("date-day".into(), "31".into()),
            ("date-month".into(), "2".into()),
            ("date-year".into(), "2026".into()),
        ]));
        let date = Field::date("date", "Date").fill(&values, &Problems::new());
        let typed: Vec<&str> = date.parts.iter().map(|p| p.value.as_str()).collect();
        assert_eq!(typed, ["31", "2", "2026"]);
        assert_eq!(date.value, "31 2 2026");
    }
}

/// A page with one form, drawn by `templates/pages/form.hbs`.
#[derive(Debug, Clone, Default)]
pub struct FormPage {
    pub title: String,
    pub caption: Option<String>,
    pub heading: String,
    pub intro: Vec<String>,
    /// A bulleted list after the introduction.
    pub list: Vec<String>,
    pub facts: Vec<(String, String)>,
    pub warning: Option<String>,
    pub action: String,
    pub back: String,
    pub submit: String,
    pub hidden: Vec<(String, String)>,
    pub fields: Vec<Field>,
    /// Set when someone else changed the record: what it is, and what is
    /// stored now.
    pub stale: Option<(String, Vec<(String, String)>)>,
}

fn facts_json(facts: &[(String, String)]) -> serde_json::Value {
    serde_json::Value::Array(
        facts
            .iter()
            .map(|(k, v)| serde_json::json!({"key": k, "value": v}))
            .collect(),
    )
}

impl FormPage {
    /// The page's data (without its layout), its fields filled.
    pub fn data(self, values: &FormData, problems: &Problems) -> serde_json::Value {
        serde_json::json!({
            "caption": self.caption,
            "heading": self.heading,
            "intro": self.intro,
            "list": self.list,
            "facts": (!self.facts.is_empty()).then(|| facts_json(&self.facts)),
            "warning": self.warning,
            "action": self.action,
            "back": self.back,
            "submit": self.submit,
            "hidden": self.hidden.iter().map(|(n, v)| serde_json::json!({"name": n, "value": v})).collect::<Vec<_>>(),
            "fields": fill_all(self.fields, values, problems),
            "errors": problems.to_json(),
            "stale": self.stale.map(|(what, facts)| serde_json::json!({"what": what, "facts": facts_json(&facts)})),
        })
    }
}
