//! Titles for ids in human output: an officer reads "Kepala Dinas", not `kepala_dinas`, and
//! "7 Kepala Dinas memvalidasi…" rather than `ttd`.

use sopan::model::{Model, Procedure};

/// Lookups over one procedure of a standard.
pub struct Names<'m> {
    model: &'m Model,
    procedure: Option<&'m Procedure>,
}

/// Titles longer than this are cut with "…" in tables.
const WIDTH: usize = 44;

impl<'m> Names<'m> {
    /// Names for procedure `id` of `model`.
    pub fn new(model: &'m Model, id: &str) -> Self {
        Names {
            model,
            procedure: model.procedures.iter().find(|p| p.id == id),
        }
    }

    /// The procedure's title, else `id`.
    pub fn procedure(&self, id: &str) -> String {
        self.procedure.map_or(id.to_string(), |p| p.title.clone())
    }

    /// A role's title, else its id.
    pub fn role(&self, id: &str) -> String {
        self.model
            .roles
            .iter()
            .find(|r| r.id == id)
            .map_or(id.to_string(), |r| r.title.clone())
    }

    /// A step as published: its number and title (cut to fit a table), else its id; an end's
    /// title.
    pub fn step(&self, id: &str) -> String {
        let Some(p) = self.procedure else {
            return id.to_string();
        };
        if let Some(s) = p.steps.iter().find(|s| s.id == id) {
            let title = cut(&s.title);
            return match &s.number {
                Some(n) => format!("{n} {title}"),
                None => title,
            };
        }
        p.ends
            .iter()
            .find(|e| e.id == id)
            .map_or(id.to_string(), |e| cut(&e.title))
    }

    /// A clock's title: its budget's, stage's or step's.
    pub fn clock(&self, id: &str) -> String {
        let Some(p) = self.procedure else {
            return id.to_string();
        };
        p.budgets
            .iter()
            .find(|b| b.id == id)
            .and_then(|b| b.title.clone())
            .or_else(|| {
                p.stages
                    .iter()
                    .find(|s| s.id == id)
                    .map(|s| s.title.clone())
            })
            .unwrap_or_else(|| self.step(id))
    }
}

fn cut(title: &str) -> String {
    if title.chars().count() <= WIDTH {
        return title.to_string();
    }
    let kept: String = title.chars().take(WIDTH - 1).collect();
    format!("{}…", kept.trim_end())
}
